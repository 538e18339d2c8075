#include "people/actions.h"

#include <algorithm>

#include "base/text.h"
#include "people/rules.h"
#include "people/store.h"
#include "referentials/communes.h"

namespace jalon::people {

namespace {
std::vector<std::function<void(db::Tx&, long long)>>& changed_hooks() {
  static std::vector<std::function<void(db::Tx&, long long)>> hooks;
  return hooks;
}
void changed(db::Tx& tx, long long person) {
  for (const auto& f : changed_hooks()) f(tx, person);
}
}  // namespace

void on_changed(std::function<void(db::Tx&, long long person)> f) { changed_hooks().push_back(std::move(f)); }

bool commune_exists(const std::string& insee_code) { return referentials::communes().find(insee_code) != nullptr; }

std::vector<std::pair<std::string, std::string>> communes_of_postal_code(const std::string& postal_code) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto* c : referentials::communes().by_postal_code(postal_code)) out.emplace_back(c->code, c->name);
  return out;
}

Creation create_person(db::Tx& tx, long long org, const Person& in, const std::string& today, bool confirmed) {
  Person p = validate_person(in, today, commune_exists, communes_of_postal_code);
  Creation c;
  auto& hidden_matches = c.hidden;
  if (!confirmed) {
    for (const auto& existing : store::duplicate_candidates(tx, p)) {
      std::string why = duplicate_reason(p, existing);
      if (why.empty()) continue;
      Duplicate d;
      if (store::has_grant(tx, existing.id, org)) {
        d.id = existing.id;
        d.name = existing.first_name + " " + existing.last_name;
        d.birth_date = existing.birth_date;
        d.reason = why;
      } else {
        // Neither who nor why: only that a record elsewhere looks alike. The organisations
        // that follow it see in their log that it was looked for.
        d.reason = "une fiche suivie par une autre organisation lui ressemble";
        hidden_matches.push_back(existing.id);
      }
      c.duplicates.push_back(std::move(d));
    }
    if (!c.duplicates.empty()) return c;
  }
  c.id = store::create(tx, p, org);
  return c;
}

Person update_person(db::Tx& tx, const Person& current, Person changes, const std::string& today) {
  changes.id = current.id;
  Person p = validate_person(changes, today, commune_exists, communes_of_postal_code);
  p.id = current.id;
  p.created_by_org = current.created_by_org;
  if (p.consent_sharing && !current.consent_sharing) p.consent_at = "";  // stamped now by the store
  if (p.consent_sharing == current.consent_sharing) p.consent_at = current.consent_at;
  store::update(tx, p);
  // Withdrawing consent ends the sharing: only the creator's and the referent's access remain.
  if (current.consent_sharing && !p.consent_sharing)
    for (const auto& g : store::grants(tx, p.id))
      if (g.revoked_at.empty() && !survives_consent_withdrawal(g.reason)) store::revoke(tx, p.id, g.organisation_id);
  changed(tx, p.id);
  return p;
}

void share_with(db::Tx& tx, long long person, long long target, long long by_org) {
  if (target <= 0) throw ValidationError("organisation_id", "Indiquez le numéro de l'organisation avec qui partager la fiche.");
  int exists = 0;
  tx.sql() << "SELECT COUNT(*) FROM organisations WHERE id = :i", soci::use(target), soci::into(exists);
  if (!exists) throw ValidationError("organisation_id", "Cette organisation n'existe pas.");
  store::grant(tx, person, target, GrantReason::consent, by_org);
}

void revoke_access(db::Tx& tx, long long person, long long target) {
  bool found = false;
  for (const auto& g : store::grants(tx, person)) {
    if (g.organisation_id != target || !g.revoked_at.empty()) continue;
    if (g.reason == "creator") throw Conflict("L'accès de l'organisation qui a créé la fiche ne peut pas être retiré.");
    found = true;
  }
  if (!found) throw NotFound("Cette organisation n'a pas accès à la fiche.");
  store::revoke(tx, person, target);
}

void merge_people(db::Tx& tx, long long org, const Person& kept, long long absorbed_id) {
  if (absorbed_id == kept.id) throw ValidationError("other", "Choisissez une autre fiche que celle-ci.");
  store::merge(tx, kept.id, absorbed_id, org);
  changed(tx, kept.id);
  changed(tx, absorbed_id);
}

std::vector<store::Row> search_people(db::Tx& tx, long long org, store::Query q, const std::string& typed) {
  q.name = fold_name(typed);
  auto rows = store::search(tx, org, q);
  auto words = text::split(text::trim(typed), ' ');
  words.erase(std::remove_if(words.begin(), words.end(), [](const std::string& w) { return fold_name(w).empty(); }), words.end());
  if (!rows.empty() || words.size() < 2) return rows;
  std::string last;
  for (std::size_t i = 0; i + 1 < words.size(); ++i) last += fold_name(words[i]);
  q.name = last + " " + fold_name(words.back());
  return store::search(tx, org, q);
}

}  // namespace jalon::people
