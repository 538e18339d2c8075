// The scoring of an offer for a candidate (docs/jobs.md): pure, no I/O, no clock. The same
// function serves both directions, the index, the brute-force scan and the explanations.
#pragma once
#include <array>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "jobs/model.h"

namespace jalon::jobs {

// The weights of data/matching.csv.
struct Weights {
  double job = 0.4, skills = 0.25, distance = 0.2, contract = 0.1, hours = 0.05;
  double same_title = 1, same_occupation = 0.8, mobility = 0.5, same_domain = 0.3;
  std::array<double, 3> skill_weight{1, 0.7, 0.4};  // by referentials::SkillWeight
  double essential = 2, nice = 1;
  double hours_step = 0.1;
  double flood_ratio = 3, flood_penalty = 0.15, flood_cap = 0.15;
  double radius_default = 30, radius_no_vehicle = 15, radius_mobility_strong = 8, radius_mobility_blocking = 3;
};
// Reads `path` (columns part, key, value, comment). Throws std::runtime_error "path:line: …" for
// an unknown part or key, a value that is not a number >= 0, a key given twice or missing, or
// shares that do not add up to 1.
Weights load_weights(const std::string& path);
// The weights of this process: the first load_matching() installs them (defaults before);
// later calls change nothing.
const Weights& weights();
void load_matching(const std::string& data_dir);

// How far a candidate travels, from what the diagnosis says (unknown: as if able).
// `mobility` is the severity of the mobility barrier: 0 none, 1 light, 2 strong, 3 blocking.
double radius_for(std::optional<bool> licence, std::optional<bool> vehicle, int mobility, const Weights& w);

enum class JobLink : std::uint8_t { none, same_domain, mobility, same_occupation, same_title };

struct Match {
  double score = 0;  // total, after the flood penalty
  double job = 0, skills = 0, distance = 0, contract = 0, hours = 0, penalty = 0;  // parts in [0,1]
  JobLink link = JobLink::none;
  const referentials::JobTitle* via = nullptr;  // the wanted job title that links them
  double distance_km = 0;
  int skills_matched = 0, skills_asked = 0;
  std::uint64_t tie = 0;  // pair hash: orders equal scores
};

// The job link between a wanted job title and an offer's: same title, same occupation, an
// occupation the ROME mobility graph leads to, same professional domain, or none.
JobLink link(const referentials::JobTitle& wanted, const referentials::JobTitle& offered);

// The best link of the candidate's wanted job titles to `offered`, and the first wanted title
// that gives it (none, nullptr when no wanted title is related).
std::pair<JobLink, const referentials::JobTitle*> best_link(const Candidate& c, const referentials::JobTitle& offered);

// The match of `o` for `c`, or nullopt when a hard filter excludes it (closed offer, licence,
// IAE reservation, no job link, beyond the radius or the offer's maximum distance).
std::optional<Match> match(const Candidate& c, const Offer& o, const Weights& w);
// The same with the link already known, as best_link(c, *o.title) gives it: the index computes it
// once per occupation rather than once per offer.
std::optional<Match> match_linked(const Candidate& c, const Offer& o, JobLink l, const referentials::JobTitle* via, const Weights& w);

// Orders matches best first: higher score, then the pair hash.
inline bool better(const Match& a, const Match& b) { return a.score != b.score ? a.score > b.score : a.tie < b.tie; }

// The French explanation of each part ("même métier : Aide à domicile", "à 4,2 km sur 30 km").
std::vector<std::string> explain(const Candidate& c, const Offer& o, const Match& m);

// A deterministic, well-mixed hash of a pair of ids.
std::uint64_t pair_hash(long long candidate, long long offer);

}  // namespace jalon::jobs
