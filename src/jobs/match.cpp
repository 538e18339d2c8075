#include "jobs/match.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <stdexcept>

#include "base/geo.h"
#include "base/text.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"
#include "referentials/source.h"

namespace jalon::jobs {

std::string_view name(Contract c) {
  static constexpr std::array<std::string_view, kContracts> n{"cdi", "cdd", "interim", "insertion", "apprentissage", "professionnalisation"};
  return n[static_cast<int>(c)];
}
std::string_view label(Contract c) {
  static constexpr std::array<std::string_view, kContracts> l{"CDI",
                                                              "CDD",
                                                              "Intérim",
                                                              "Contrat d'insertion (CDDI)",
                                                              "Contrat d'apprentissage",
                                                              "Contrat de professionnalisation"};
  return l[static_cast<int>(c)];
}
std::optional<Contract> parse_contract(std::string_view s) {
  for (int i = 0; i < kContracts; ++i)
    if (name(static_cast<Contract>(i)) == s) return static_cast<Contract>(i);
  return std::nullopt;
}

Weights load_weights(const std::string& path) {
  referentials::SourceTable t(path);
  const std::size_t c_part = t.column("part"), c_key = t.column("key"), c_value = t.column("value");
  Weights w;
  std::map<std::string, double*> slots{
      {"weight.job", &w.job},
      {"weight.skills", &w.skills},
      {"weight.distance", &w.distance},
      {"weight.contract", &w.contract},
      {"weight.hours", &w.hours},
      {"job.same_title", &w.same_title},
      {"job.same_occupation", &w.same_occupation},
      {"job.mobility", &w.mobility},
      {"job.same_domain", &w.same_domain},
      {"skill.principal", &w.skill_weight[0]},
      {"skill.emerging", &w.skill_weight[1]},
      {"skill.other", &w.skill_weight[2]},
      {"skill.essential", &w.essential},
      {"skill.nice", &w.nice},
      {"hours.step", &w.hours_step},
      {"flood.ratio", &w.flood_ratio},
      {"flood.penalty", &w.flood_penalty},
      {"flood.cap", &w.flood_cap},
      {"radius.default", &w.radius_default},
      {"radius.no_vehicle", &w.radius_no_vehicle},
      {"radius.mobility_strong", &w.radius_mobility_strong},
      {"radius.mobility_blocking", &w.radius_mobility_blocking},
  };
  std::map<std::string, bool> seen;
  for (const auto& row : t.rows()) {
    std::string key = t.required(row, c_part) + "." + t.required(row, c_key);
    auto it = slots.find(key);
    if (it == slots.end()) t.fail(row, "clé inconnue « " + key + " »");
    if (seen[key]) t.fail(row, "« " + key + " » en double");
    seen[key] = true;
    std::string v = t.required(row, c_value);
    char* end = nullptr;
    double d = std::strtod(v.c_str(), &end);
    if (end == v.c_str() || *end != '\0' || !(d >= 0) || !std::isfinite(d)) t.fail(row, "« " + v + " » n'est pas un nombre positif");
    *it->second = d;
  }
  for (const auto& [key, slot] : slots)
    if (!seen[key]) throw std::runtime_error(path + ": « " + key + " » manque");
  double shares = w.job + w.skills + w.distance + w.contract + w.hours;
  if (std::abs(shares - 1) > 1e-9) throw std::runtime_error(path + ": les parts (weight) doivent faire 1, elles font " + std::to_string(shares));
  if (w.flood_ratio <= 0) throw std::runtime_error(path + ": flood.ratio doit être positif");
  return w;
}

namespace {
Weights g_weights;
std::mutex g_mutex;
bool g_loaded = false;
}  // namespace
const Weights& weights() { return g_weights; }
void load_matching(const std::string& data_dir) {
  // Once per process, like the rules: readers never see the weights change under them.
  std::lock_guard lock(g_mutex);
  if (g_loaded) return;
  g_weights = load_weights(data_dir + "/matching.csv");
  g_loaded = true;
}

double radius_for(std::optional<bool> licence, std::optional<bool> vehicle, int mobility, const Weights& w) {
  double r = w.radius_default;
  if ((licence && !*licence) || (vehicle && !*vehicle)) r = std::min(r, w.radius_no_vehicle);
  if (mobility >= 3) r = std::min(r, w.radius_mobility_blocking);
  else if (mobility >= 2) r = std::min(r, w.radius_mobility_strong);
  return r;
}

JobLink link(const referentials::JobTitle& wanted, const referentials::JobTitle& offered) {
  if (wanted.code == offered.code) return JobLink::same_title;
  const auto* a = wanted.occupation;
  const auto* b = offered.occupation;
  if (a == b) return JobLink::same_occupation;
  for (const auto& m : referentials::rome().mobility(*a))
    if (m.target == b) return JobLink::mobility;
  if (a->domain == b->domain) return JobLink::same_domain;
  return JobLink::none;
}

std::uint64_t pair_hash(long long candidate, long long offer) {
  std::uint64_t x = static_cast<std::uint64_t>(candidate) * 0x9E3779B97F4A7C15ULL ^ static_cast<std::uint64_t>(offer);
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

std::pair<JobLink, const referentials::JobTitle*> best_link(const Candidate& c, const referentials::JobTitle& offered) {
  std::pair<JobLink, const referentials::JobTitle*> best{JobLink::none, nullptr};
  for (const auto* t : c.wanted) {
    JobLink l = link(*t, offered);
    if (l > best.first) best = {l, t};
  }
  return best;
}

std::optional<Match> match(const Candidate& c, const Offer& o, const Weights& w) {
  if (!o.open) return std::nullopt;
  auto [l, via] = best_link(c, *o.title);
  return match_linked(c, o, l, via, w);
}

std::optional<Match> match_linked(const Candidate& c, const Offer& o, JobLink l, const referentials::JobTitle* via, const Weights& w) {
  if (!o.open || l == JobLink::none) return std::nullopt;
  if (o.licence_required && !c.licence) return std::nullopt;
  if (o.iae_reserved && !c.iae_eligible) return std::nullopt;
  Match m;
  m.link = l;
  m.via = via;
  double radius = c.radius_km;
  if (o.max_distance_km) radius = std::min(radius, *o.max_distance_km);
  m.distance_km = geo::distance_km(c.latitude, c.longitude, o.latitude, o.longitude);
  if (m.distance_km > radius) return std::nullopt;
  switch (m.link) {
    case JobLink::same_title: m.job = w.same_title; break;
    case JobLink::same_occupation: m.job = w.same_occupation; break;
    case JobLink::mobility: m.job = w.mobility; break;
    case JobLink::same_domain: m.job = w.same_domain; break;
    case JobLink::none: break;
  }
  double asked = 0, had = 0;
  for (const auto& s : o.skills) {
    double v = w.skill_weight[static_cast<int>(s.weight)] * (s.essential ? w.essential : w.nice);
    asked += v;
    if (std::binary_search(c.skills.begin(), c.skills.end(), s.code)) {
      had += v;
      ++m.skills_matched;
    }
  }
  m.skills_asked = static_cast<int>(o.skills.size());
  m.skills = asked > 0 ? had / asked : 1;
  m.distance = radius > 0 ? 1 - m.distance_km / radius : 1;
  m.contract = (c.contracts == 0 || (c.contracts & (1u << static_cast<int>(o.contract)))) ? 1 : 0;
  double outside = o.hours < c.min_hours ? c.min_hours - o.hours : o.hours > c.max_hours ? o.hours - c.max_hours : 0;
  m.hours = std::max(0.0, 1 - outside * w.hours_step);
  double threshold = std::max(1, o.positions) * w.flood_ratio;
  double excess = std::max(0.0, o.pending_applications - threshold) / threshold;
  m.penalty = std::min(w.flood_cap, excess * w.flood_penalty);
  m.score = w.job * m.job + w.skills * m.skills + w.distance * m.distance + w.contract * m.contract + w.hours * m.hours - m.penalty;
  m.tie = pair_hash(c.id, o.id);
  return m;
}

std::vector<std::string> explain(const Candidate& c, const Offer& o, const Match& m) {
  std::vector<std::string> out;
  std::string via = m.via ? m.via->label : "";
  switch (m.link) {
    case JobLink::same_title: out.push_back("Métier recherché : " + via); break;
    case JobLink::same_occupation: out.push_back("Même métier (" + o.title->occupation->label + ") que « " + via + " »"); break;
    case JobLink::mobility: out.push_back("Métier proche de « " + via + " » (passerelle du ROME)"); break;
    case JobLink::same_domain: out.push_back("Même domaine professionnel (" + o.title->occupation->domain->label + ") que « " + via + " »"); break;
    case JobLink::none: break;
  }
  if (m.skills_asked == 0) out.push_back("L'offre ne liste pas de compétences");
  else if (c.skills.empty()) out.push_back("Compétences de la personne non renseignées (" + std::to_string(m.skills_asked) + " demandées)");
  else out.push_back(std::to_string(m.skills_matched) + " compétence(s) sur " + std::to_string(m.skills_asked) + " demandées");
  double radius = c.radius_km;
  if (o.max_distance_km) radius = std::min(radius, *o.max_distance_km);
  out.push_back("À " + text::format_km(m.distance_km) + " (rayon de " + text::format_km(radius) + ")");
  out.push_back(c.contracts == 0  ? std::string(label(o.contract)) + " : tout contrat accepté"
                : m.contract == 1 ? std::string(label(o.contract)) + " : contrat souhaité"
                                  : std::string(label(o.contract)) + " : pas le contrat souhaité");
  char hours[64];
  std::snprintf(hours, sizeof hours, "%g h par semaine", o.hours);
  out.push_back(std::string(hours) + (m.hours == 1 ? " : dans la durée souhaitée" : " : hors de la durée souhaitée"));
  if (m.penalty > 0) out.push_back("Déjà beaucoup de candidatures en attente sur cette offre");
  return out;
}

}  // namespace jalon::jobs
