#include "directory/find.h"

#include <algorithm>
#include <unordered_map>

#include "base/errors.h"
#include "base/text.h"
#include "directory/store.h"

namespace jalon::directory {

namespace {
std::string label_of(const referentials::Commune& c) { return c.name + " (" + c.departement + ")"; }

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}
}  // namespace

std::optional<Place> place_from_text(const std::string& typed, std::string& label, std::vector<const referentials::Commune*>& choices) {
  const auto& communes = referentials::communes();
  std::string t = text::trim(typed);
  choices.clear();
  if (t.empty()) return std::nullopt;
  if (t.size() == 5 && all_digits(t)) {
    if (auto p = place_of_postal_code(t, communes)) {
      if (auto* c = communes.find(p->commune_code)) label = t + " " + c->name;
      return p;
    }
  }
  if (t.size() == 5) {
    std::string code = t;
    std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    if (auto* c = communes.find(code)) {
      label = label_of(*c);
      return place_of_commune(c->code, communes);
    }
  }
  // A name: the exact names (accents and case aside) first; one of them is the place, several
  // are choices. Otherwise the best completion.
  auto found = communes.search(t, 10);
  if (found.empty()) return std::nullopt;
  std::string folded = text::fold(t);
  std::vector<const referentials::Commune*> exact;
  for (const auto* c : found)
    if (text::fold(c->name) == folded) exact.push_back(c);
  if (exact.size() > 1) {
    choices = exact;
    return std::nullopt;
  }
  const referentials::Commune* c = exact.empty() ? found.front() : exact.front();
  label = label_of(*c);
  return place_of_commune(c->code, communes);
}

Found find(db::Tx& tx, const Live& live, const FindRequest& r) {
  Found out;
  const auto& communes = referentials::communes();
  if (!r.commune_code.empty()) {
    out.place = place_of_commune(r.commune_code, communes);
    if (!out.place) throw ValidationError("commune", "Cette commune est inconnue (code INSEE à 5 caractères).");
    out.place_label = label_of(*communes.find(r.commune_code));
  } else if (!r.postal_code.empty()) {
    out.place = place_of_postal_code(r.postal_code, communes);
    if (!out.place) throw ValidationError("code_postal", "Ce code postal est inconnu.");
    out.place_label = r.postal_code;
  } else if (!text::trim(r.place).empty()) {
    out.place = place_from_text(r.place, out.place_label, out.place_choices);
    if (!out.place && !out.place_choices.empty()) {
      std::string names;
      for (const auto* c : out.place_choices) names += (names.empty() ? "" : ", ") + label_of(*c);
      throw ValidationError("lieu", "Plusieurs communes portent ce nom : " + names + ". Précisez le code postal.");
    }
    if (!out.place) throw ValidationError("lieu", "Ce lieu est inconnu : indiquez un code postal ou le nom d'une commune.");
  }
  Query q;
  q.place = out.place;
  q.radius_km = r.radius_km;
  if (!r.thematic.empty()) q.thematics.push_back(r.thematic);
  q.barrier = r.barrier;
  if (!r.audience.empty()) q.audiences.push_back(r.audience);
  if (!r.fees.empty()) q.fees.push_back(r.fees);
  if (!r.reception.empty()) q.reception_modes.push_back(r.reception);
  q.typologies = r.typologies;
  q.text = r.text;
  q.offset = r.offset;
  q.limit = r.limit;
  out.result = live.read([&](const Index& index) { return index.search(q); });
  std::vector<long long> ids;
  for (const auto& h : out.result.hits) ids.push_back(h.service_id);
  out.details = store::published_services(tx, ids);
  std::unordered_map<long long, std::size_t> at;
  for (std::size_t i = 0; i < out.details.services.size(); ++i) at[out.details.services[i].id] = i;
  for (const auto& h : out.result.hits) {
    auto it = at.find(h.service_id);
    if (it == at.end()) continue;  // unpublished since the index last caught up
    out.services.push_back({&out.details.services[it->second], &out.details.structure(it->second), h.distance_km});
  }
  return out;
}

}  // namespace jalon::directory
