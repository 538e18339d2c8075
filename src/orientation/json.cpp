// JSON of the engine's answers, one shape for every endpoint that shows them (the public
// orientation and eligibility, a person's diagnoses).
#include "orientation/json.h"

#include <cmath>

#include "directory/rules.h"

namespace jalon::orientation {

namespace json = boost::json;

json::object reason_json(const Reason& r) {
  json::array facts;
  for (const auto& f : r.facts) facts.emplace_back(f);
  return {{"rule", r.rule},           {"where", r.where}, {"source", r.source},
          {"effective", r.effective}, {"text", r.text},   {"facts", std::move(facts)}};
}

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

json::object place_json(const NearbyService& n) {
  return {
      {"structure_id", n.structure.id},
      {"structure", n.structure.name},
      {"typology", n.structure.typology},
      {"service_id", n.service.id},
      {"service", n.service.name},
      {"address", directory::display_address(n.service, n.structure)},
      {"phone", directory::contact_phone(n.service, n.structure)},
      {"distance_km", std::round(n.distance_km * 100) / 100},
      {"link", "/annuaire/structures/" + std::to_string(n.structure.id) + "#service-" + std::to_string(n.service.id)}};
}

json::array places_json(const std::vector<NearbyService>& v) {
  json::array a;
  for (const auto& n : v) a.push_back(place_json(n));
  return a;
}

const char* basis_code(Basis b) {
  switch (b) {
    case Basis::derived:
      return "derived";
    case Basis::profile:
      return "profile";
    case Basis::ticked:
      return "ticked";
  }
  return "";
}

json::object eligibility_json(const Eligibility& e, Date today) {
  auto criteria = [](const std::vector<CriterionMet>& v) {
    json::array a;
    for (const auto& c : v)
      a.push_back(json::object{{"code", c.code},
                               {"label", c.label},
                               {"level", c.level},
                               {"basis", basis_code(c.basis)},
                               {"proof", c.proof},
                               {"reason", reason_json(c.reason)}});
    return a;
  };
  json::array to_check;
  for (const auto& code : e.to_check) {
    const Criterion* c = rules().criterion(code, today);
    to_check.push_back(json::object{{"code", code}, {"label", c ? c->label : code}, {"level", c ? c->level : 2}});
  }
  json::array rejected;
  for (const auto& r : e.rejected)
    rejected.push_back(
        json::object{{"code", r.code}, {"label", r.label}, {"why", r.why}, {"reason", reason_json(r.reason)}});
  return {{"date", format_date(today)},
          {"kind", std::string(name(e.kind))},
          {"author", std::string(name(e.author))},
          {"eligible", e.eligible},
          {"by_assessment", e.by_assessment},
          {"level1", criteria(e.level1)},
          {"level2", criteria(e.level2)},
          {"level2_required", e.level2_required},
          {"level2_missing", e.level2_missing},
          {"missing", e.missing},
          {"to_check", std::move(to_check)},
          {"rejected", std::move(rejected)},
          {"proofs", strings(e.proofs)},
          {"requirement", reason_json(e.requirement)},
          {"validity",
           {{"valid_until", format_date(e.valid_until)},
            {"scope", e.all_siae ? "all" : "same-employer"},
            {"reason", reason_json(e.validity)}}}};
}

json::object orientation_json(const Orientation& o, const Nearby* near) {
  json::object out;
  if (o.referent) {
    json::object r{{"code", o.referent->code}, {"label", o.referent->label}, {"reason", reason_json(o.referent->reason)}};
    if (near) {
      r["nearest"] = places_json(near->referent);
      r["radius_km"] = near->referent_radius_km;
    }
    out["referent"] = std::move(r);
  } else {
    out["referent"] = nullptr;
  }
  json::array schemes;
  for (const auto& d : o.schemes)
    schemes.push_back(json::object{{"code", d.code}, {"label", d.label}, {"reason", reason_json(d.reason)}});
  out["schemes"] = std::move(schemes);
  json::array difficulties;
  for (std::size_t i = 0; i < o.barriers.size(); ++i) {
    const BarrierAdvice& b = o.barriers[i];
    json::array solutions;
    for (const auto& s : b.solutions)
      solutions.push_back(
          json::object{{"text", s.text}, {"actors", strings(s.actors)}, {"reason", reason_json(s.reason)}});
    json::object d{{"code", b.barrier}, {"label", b.label}, {"thematics", strings(b.thematics)}, {"solutions", std::move(solutions)}};
    if (near) {
      d["nearest"] = places_json(near->barriers[i].services);
      d["radius_km"] = near->barriers[i].radius_km;
    }
    difficulties.push_back(std::move(d));
  }
  out["difficulties"] = std::move(difficulties);
  return out;
}

}  // namespace jalon::orientation
