// Jobs matching at a million offers and a million candidates (issue 7), side by side in one
// program: the in-memory index (jobs/index.h), a brute-force scan scoring every pair, and the same
// query in SQL on PostgreSQL as a team would write it (a B-tree on (occupation, latitude), the
// related occupations and a bounding box computed by the application, the whole score in SQL,
// ORDER BY score LIMIT 20), through libpq with prepared statements. Both directions: offers for a
// candidate, candidates for an offer. The top scores of the three are compared on every sampled
// query and any difference stops the program. The index queries are also timed with a keep filter
// (every other id), as the product uses it to hide offers or candidates.
//
// Usage: jobs_bench --pg URL [--data DIR] [--offers N] [--candidates N] [--queries N] [--sample N] [--seed S]
// (scripts/bench_jobs.sh starts a throw-away PostgreSQL and runs it; part of `make bench`).
// JOBS_BENCH_DEBUG=1 prints the parts of every score of the sampled offer queries, both sides.
#include <libpq-fe.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "base/geo.h"
#include "bench_support.h"
#include "jobs/index.h"
#include "jobs/match.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"

using namespace jalon;
using namespace jalon::bench;
using namespace jalon::jobs;

namespace {

struct Data {
  std::vector<Offer> offers;
  std::vector<Candidate> candidates;
};

// Offers and candidates over the communes (weighted by population) and the ROME job titles.
Data generate(std::size_t n_offers, std::size_t n_candidates, std::uint64_t seed) {
  const auto& rome = referentials::rome();
  const auto& communes = referentials::communes().all();
  std::mt19937_64 rng(seed);
  std::vector<double> weight;
  for (const auto& c : communes) weight.push_back(c.arrondissement() || (c.latitude == 0 && c.longitude == 0) ? 0.0 : static_cast<double>(std::max(c.population, 1L)));
  std::discrete_distribution<std::size_t> commune(weight.begin(), weight.end());
  std::uniform_int_distribution<std::size_t> occupation(0, rome.occupations().size() - 1);
  std::normal_distribution<double> jitter(0, 0.01);
  std::uniform_real_distribution<double> unit(0, 1);
  auto title_of = [&](const referentials::Occupation& o) {
    auto ts = rome.job_titles(o);
    return ts[std::uniform_int_distribution<std::size_t>(0, ts.size() - 1)(rng)];
  };
  auto place = [&](double& lat, double& lon) {
    const auto& c = communes[commune(rng)];
    lat = c.latitude + jitter(rng);
    lon = c.longitude + jitter(rng);
  };
  Data d;
  d.offers.reserve(n_offers);
  for (std::size_t i = 0; i < n_offers; ++i) {
    Offer o;
    o.id = static_cast<long long>(i + 1);
    const auto& occ = rome.occupations()[occupation(rng)];
    o.title = title_of(occ);
    place(o.latitude, o.longitude);
    o.contract = static_cast<Contract>(std::uniform_int_distribution<int>(0, kContracts - 1)(rng));
    o.hours = std::uniform_int_distribution<int>(4, 7)(rng) * 5;
    o.positions = std::uniform_int_distribution<int>(1, 3)(rng);
    o.pending_applications = std::uniform_int_distribution<int>(0, 10)(rng);
    o.licence_required = unit(rng) < 0.15;
    o.iae_reserved = unit(rng) < 0.05;
    if (unit(rng) < 0.1) o.max_distance_km = 10;
    auto skills = rome.skills(occ);
    int n = std::min<int>(static_cast<int>(skills.size()), std::uniform_int_distribution<int>(3, 8)(rng));
    for (int k = 0; k < n; ++k) {
      const auto& s = skills[std::uniform_int_distribution<std::size_t>(0, skills.size() - 1)(rng)];
      o.skills.push_back({s.skill->code, unit(rng) < 0.5, s.weight});
    }
    std::sort(o.skills.begin(), o.skills.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
    o.skills.erase(std::unique(o.skills.begin(), o.skills.end(), [](const auto& a, const auto& b) { return a.code == b.code; }), o.skills.end());
    d.offers.push_back(std::move(o));
  }
  const double radii[] = {3, 8, 15, 30};
  std::discrete_distribution<int> radius({5, 15, 30, 50});
  d.candidates.reserve(n_candidates);
  for (std::size_t i = 0; i < n_candidates; ++i) {
    Candidate c;
    c.id = static_cast<long long>(i + 1);
    const auto& occ = rome.occupations()[occupation(rng)];
    c.wanted.push_back(title_of(occ));
    if (unit(rng) < 0.4) {  // a second wish, often close to the first
      auto mob = rome.mobility(occ);
      c.wanted.push_back(!mob.empty() && unit(rng) < 0.7 ? title_of(*mob[std::uniform_int_distribution<std::size_t>(0, mob.size() - 1)(rng)].target)
                                                         : title_of(rome.occupations()[occupation(rng)]));
    }
    place(c.latitude, c.longitude);
    c.radius_km = radii[radius(rng)];
    auto skills = rome.skills(occ);
    for (int k = 0; k < 6 && !skills.empty(); ++k)
      c.skills.push_back(skills[std::uniform_int_distribution<std::size_t>(0, skills.size() - 1)(rng)].skill->code);
    std::sort(c.skills.begin(), c.skills.end());
    c.skills.erase(std::unique(c.skills.begin(), c.skills.end()), c.skills.end());
    c.contracts = unit(rng) < 0.3 ? 0u : static_cast<unsigned>(std::uniform_int_distribution<int>(1, 63)(rng));
    c.min_hours = 15;
    c.max_hours = unit(rng) < 0.5 ? 35 : 24;
    c.licence = unit(rng) < 0.6;
    c.iae_eligible = unit(rng) < 0.2;
    d.candidates.push_back(std::move(c));
  }
  return d;
}

std::uint16_t occ_no(const referentials::JobTitle* t) { return static_cast<std::uint16_t>(t->occupation - referentials::rome().occupations().data()); }

std::string int_array(const std::vector<long long>& v) {
  std::string s = "{";
  for (std::size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
  return s + "}";
}

// The related occupations of a set of wanted ones, as the index computes them (for SQL).
struct Related {
  std::vector<long long> titles, occupations, mobility, domains, near;
};
Related related(const std::vector<const referentials::JobTitle*>& wanted) {
  const auto& rome = referentials::rome();
  Related r;
  for (const auto* t : wanted) {
    r.titles.push_back(t->code);
    r.occupations.push_back(occ_no(t));
    for (const auto& m : rome.mobility(*t->occupation)) r.mobility.push_back(m.target - rome.occupations().data());
    for (const auto* o : rome.in_domain(*t->occupation->domain)) r.domains.push_back(o - rome.occupations().data());
  }
  r.near = r.occupations;
  r.near.insert(r.near.end(), r.mobility.begin(), r.mobility.end());
  r.near.insert(r.near.end(), r.domains.begin(), r.domains.end());
  for (auto* v : {&r.occupations, &r.mobility, &r.domains, &r.near}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
  return r;
}

// A constant of the SQL text: exact, and typed so that no integer arithmetic happens ("3" would be).
std::string fl(double x) { return exact(x) + "::float8"; }

// The score in SQL, term by term as jobs::match computes it. Offer columns unqualified;
// candidate values as parameters $1.. (see offers_sql); `dist` the distance expression.
std::string score_sql(const Weights& w, const std::string& job, const std::string& skills, const std::string& contract,
                      const std::string& hours, const std::string& radius) {
  return fl(w.job) + " * " + job + " + " + fl(w.skills) + " * " + skills + " + " + fl(w.distance) + " * (1 - d / " + radius +
         ") + " + fl(w.contract) + " * " + contract + " + " + fl(w.hours) + " * " + hours + " - least(" + fl(w.flood_cap) +
         ", greatest(0, pending - greatest(positions, 1) * " + fl(w.flood_ratio) + ") / (greatest(positions, 1) * " +
         fl(w.flood_ratio) + ") * " + fl(w.flood_penalty) + ")";
}

const char* kDistanceOf =  // as base/geo.cpp: (plat, plon) the place, (latitude, longitude) the row
    "2 * %R% * asin(sqrt(least("
    "sin((%LAT% * %K% - %PLAT% * %K%) / 2) * sin((%LAT% * %K% - %PLAT% * %K%) / 2)"
    " + cos(%PLAT% * %K%) * cos(%LAT% * %K%)"
    " * sin((%LON% * %K% - %PLON% * %K%) / 2) * sin((%LON% * %K% - %PLON% * %K%) / 2), 1::float8)))";

std::string distance(const std::string& lat, const std::string& lon, const std::string& plat, const std::string& plon) {
  std::string s = kDistanceOf;
  auto put = [&](const std::string& k, const std::string& v) {
    for (auto p = s.find(k); p != std::string::npos; p = s.find(k, p + v.size())) s.replace(p, k.size(), v);
  };
  put("%R%", exact(geo::kEarthRadiusKm) + "::float8");
  put("%K%", exact(M_PI / 180.0) + "::float8");
  put("%LAT%", lat);
  put("%LON%", lon);
  put("%PLAT%", plat);
  put("%PLON%", plon);
  return s;
}

// Offers for a candidate. $1 lat $2 lon $3 radius $4..$7 bbox $8 near occupations $9 titles
// $10 occupations $11 mobility $12 domains $13 skills $14 contracts $15 min hours $16 max hours
// $17 licence $18 eligible
std::string offers_sql(const Weights& w) {
  std::string job = "(CASE WHEN title = ANY($9::int[]) THEN " + fl(w.same_title) + " WHEN occupation = ANY($10::int[]) THEN " +
                    fl(w.same_occupation) + " WHEN occupation = ANY($11::int[]) THEN " + fl(w.mobility) +
                    " WHEN occupation = ANY($12::int[]) THEN " + fl(w.same_domain) + " END)";
  std::string skills = "coalesce((SELECT coalesce(sum(v) FILTER (WHERE c = ANY($13::int[])), 0) / nullif(sum(v), 0) FROM unnest(skill_codes, skill_values) s(c, v)), 1)";
  std::string contract = "(CASE WHEN $14::int = 0 OR ($14::int & (1 << contract)) <> 0 THEN 1 ELSE 0 END)";
  std::string hours = "greatest(0, 1 - (CASE WHEN hours < $15::float8 THEN $15::float8 - hours WHEN hours > $16::float8 THEN hours - $16::float8 ELSE 0 END) * " + fl(w.hours_step) + ")";
  std::string radius = "least($3::float8, coalesce(max_km, $3::float8))";
  return "SELECT id, score, job, skills, contract, hours, d FROM (SELECT id, " + score_sql(w, job, skills, contract, hours, radius) +
         " AS score, " + job + " AS job, " + skills + " AS skills, " + contract + " AS contract, " + hours + " AS hours, d, " + radius +
         " AS r FROM (SELECT *, " + distance("latitude", "longitude", "$1::float8", "$2::float8") +
         " AS d FROM bench_offers WHERE occupation = ANY($8::int[]) AND latitude BETWEEN $4::float8 AND $5::float8"
         " AND longitude BETWEEN $6::float8 AND $7::float8 AND open AND NOT (licence AND NOT $17::bool) AND NOT (iae AND NOT $18::bool)) o) s"
         " WHERE d <= r ORDER BY score DESC LIMIT 20";
}

// Candidates for an offer. $1 lat $2 lon $3 max radius $4..$7 bbox $8 occupations whose candidates
// may match $9 title $10 occupation $11 domain-mates of the offer's occupation (incl. itself)
// $12 skill codes $13 skill values $14 contract $15 hours $16 licence $17 iae $18 max km (or NULL)
// $19 positions $20 pending
std::string candidates_sql(const Weights& w) {
  // The job link: the best over the candidate's wanted titles (arrays of the candidate row).
  std::string job = "(CASE WHEN $9::int = ANY(wanted_titles) THEN " + fl(w.same_title) + " WHEN $10::int = ANY(wanted_occs) THEN " +
                    fl(w.same_occupation) + " WHEN $10::int = ANY(mobility_occs) THEN " + fl(w.mobility) +
                    " WHEN wanted_occs && $11::int[] THEN " + fl(w.same_domain) + " END)";
  std::string skills = "coalesce((SELECT coalesce(sum(v) FILTER (WHERE c = ANY(skills)), 0) / nullif(sum(v), 0) FROM unnest($12::int[], $13::float8[]) s(c, v)), 1)";
  std::string contract = "(CASE WHEN contracts = 0 OR (contracts & (1 << $14::int)) <> 0 THEN 1 ELSE 0 END)";
  std::string hours = "greatest(0, 1 - (CASE WHEN $15::float8 < min_hours THEN min_hours - $15::float8 WHEN $15::float8 > max_hours THEN $15::float8 - max_hours ELSE 0 END) * " + fl(w.hours_step) + ")";
  std::string radius = "least(radius, coalesce($18::float8, radius))";
  std::string sc = score_sql(w, job, skills, contract, hours, radius);
  // The flood penalty is the offer's: replace the column names by its parameters.
  for (auto [k, v] : {std::pair<std::string, std::string>{"pending", "$20::int"}, {"positions", "$19::int"}})
    for (auto p = sc.find(k); p != std::string::npos; p = sc.find(k, p + v.size())) sc.replace(p, k.size(), v);
  return "SELECT id, score FROM (SELECT c.id, " + sc + " AS score, d, " + radius + " AS r FROM (SELECT DISTINCT candidate_id FROM bench_wanted"
         " WHERE occupation = ANY($8::int[]) AND latitude BETWEEN $4::float8 AND $5::float8 AND longitude BETWEEN $6::float8 AND $7::float8) k"
         " JOIN (SELECT *, " + distance("latitude", "longitude", "$1::float8", "$2::float8") + " AS d FROM bench_candidates) c ON c.id = k.candidate_id"
         " WHERE (licence OR NOT $16::bool) AND (eligible OR NOT $17::bool) AND $3::float8 > 0) s WHERE d <= r AND score IS NOT NULL"
         " ORDER BY score DESC LIMIT 20";
}

std::vector<double> pg_scores(Pg& pg, const char* name, const std::vector<std::string>& values) {
  std::vector<const char*> params;
  for (const auto& v : values) params.push_back(v.c_str());
  PGresult* r = PQexecPrepared(pg.conn, name, static_cast<int>(params.size()), params.data(), nullptr, nullptr, 0);
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    std::string err = PQresultErrorMessage(r);
    PQclear(r);
    throw std::runtime_error(std::string(name) + ": " + err);
  }
  std::vector<double> out;
  for (int i = 0; i < PQntuples(r); ++i) out.push_back(std::strtod(PQgetvalue(r, i, 1), nullptr));
  if (std::getenv("JOBS_BENCH_DEBUG"))
    for (int i = 0; i < PQntuples(r); ++i) {
      std::fprintf(stderr, "sql:");
      for (int k = 0; k < PQnfields(r); ++k) std::fprintf(stderr, " %s", PQgetvalue(r, i, k));
      std::fprintf(stderr, "\n");
    }
  PQclear(r);
  return out;
}

void copy_in(Pg& pg, const std::string& sql, const std::function<bool(std::string&)>& next) {
  PGresult* r = PQexec(pg.conn, sql.c_str());
  if (PQresultStatus(r) != PGRES_COPY_IN) throw std::runtime_error("COPY: " + std::string(PQresultErrorMessage(r)));
  PQclear(r);
  std::string buf;
  bool more = true;
  while (more) {
    buf.clear();
    while (buf.size() < (1 << 20) && (more = next(buf))) {
    }
    if (!buf.empty() && PQputCopyData(pg.conn, buf.data(), static_cast<int>(buf.size())) != 1) throw std::runtime_error("COPY data");
  }
  if (PQputCopyEnd(pg.conn, nullptr) != 1) throw std::runtime_error("COPY end");
  r = PQgetResult(pg.conn);
  if (PQresultStatus(r) != PGRES_COMMAND_OK) throw std::runtime_error("COPY: " + std::string(PQresultErrorMessage(r)));
  PQclear(r);
}

void same_scores(const std::vector<double>& a, const std::vector<double>& b, const char* what, std::size_t q) {
  bool ok = a.size() == b.size();
  for (std::size_t i = 0; ok && i < a.size(); ++i) ok = std::abs(a[i] - b[i]) < 1e-9;
  if (!ok) {
    std::fprintf(stderr, "%s differs on query %zu: %zu vs %zu results", what, q, a.size(), b.size());
    for (std::size_t i = 0; i < std::min(a.size(), b.size()); ++i) std::fprintf(stderr, " %.12f/%.12f", a[i], b[i]);
    std::fprintf(stderr, "\n");
    std::exit(1);
  }
}

void report(const char* what, const std::vector<double>& us) {
  std::printf("  %-36s p50 %10.1f µs   p99 %10.1f µs   (%zu queries)\n", what, percentile(us, 0.5), percentile(us, 0.99), us.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::string data_dir = "data", pg_url;
  std::size_t n_offers = 1000000, n_candidates = 1000000, queries = 10000, sample = 500;
  std::uint64_t seed = 7;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--data") data_dir = v;
    else if (k == "--pg") pg_url = v;
    else if (k == "--offers") n_offers = std::stoul(v);
    else if (k == "--candidates") n_candidates = std::stoul(v);
    else if (k == "--queries") queries = std::stoul(v);
    else if (k == "--sample") sample = std::stoul(v);
    else if (k == "--seed") seed = std::stoull(v);
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  referentials::load_referentials(data_dir);
  load_matching(data_dir);
  const Weights& w = weights();
  auto t = Clock::now();
  Data d = generate(n_offers, n_candidates, seed);
  std::printf("generated %zu offers and %zu candidates in %.0f ms\n", n_offers, n_candidates, ms_since(t));
  long rss0 = rss_kb();
  t = Clock::now();
  Index index(w);
  for (const auto& o : d.offers) index.put(o);
  for (const auto& c : d.candidates) index.put(c);
  std::printf("index built in %.0f ms; %.0f MiB by its own count, resident memory +%.0f MiB\n", ms_since(t),
              static_cast<double>(index.memory_bytes()) / 1048576.0, static_cast<double>(rss_kb() - rss0) / 1024.0);

  std::mt19937_64 rng(seed + 1);
  std::vector<std::size_t> cq(queries), oq(queries);
  for (auto& q : cq) q = std::uniform_int_distribution<std::size_t>(0, d.candidates.size() - 1)(rng);
  for (auto& q : oq) q = std::uniform_int_distribution<std::size_t>(0, d.offers.size() - 1)(rng);
  sample = std::min(sample, queries);

  // 1. Offers for a candidate.
  std::vector<double> idx_us, brute_us, pg_us;
  std::vector<std::vector<double>> idx_scores(sample);
  std::size_t found = 0;
  for (std::size_t i = 0; i < queries; ++i) {
    const Candidate& c = d.candidates[cq[i]];
    auto s = Clock::now();
    auto hits = index.offers_for(c, 20);
    idx_us.push_back(ms_since(s) * 1000);
    found += hits.size();
    if (i < sample)
      for (const auto& h : hits) idx_scores[i].push_back(h.match.score);
  }
  // The same queries ranking only every other offer (as when hiding those a person applied to).
  const Index::Keep even = [](long long id) { return id % 2 == 0; };
  std::vector<double> keep_us;
  for (std::size_t i = 0; i < queries; ++i) {
    auto s = Clock::now();
    auto hits = index.offers_for(d.candidates[cq[i]], 20, 0, &even);
    keep_us.push_back(ms_since(s) * 1000);
  }
  for (std::size_t i = 0; i < sample; ++i) {
    const Candidate& c = d.candidates[cq[i]];
    auto s = Clock::now();
    std::vector<OfferHit> hits;
    for (const auto& o : d.offers)
      if (auto m = match(c, o, w)) hits.push_back({o.id, *m});
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(20, hits.size())), hits.end(),
                      [](const auto& a, const auto& b) { return better(a.match, b.match); });
    hits.resize(std::min<std::size_t>(20, hits.size()));
    brute_us.push_back(ms_since(s) * 1000);
    std::vector<double> scores;
    for (const auto& h : hits) scores.push_back(h.match.score);
    same_scores(idx_scores[i], scores, "brute force (offers)", i);
  }

  // 2. Candidates for an offer.
  std::vector<double> ridx_us, rbrute_us, rpg_us;
  std::vector<std::vector<double>> ridx_scores(sample);
  std::size_t rfound = 0;
  for (std::size_t i = 0; i < queries; ++i) {
    const Offer& o = d.offers[oq[i]];
    auto s = Clock::now();
    auto hits = index.candidates_for(o, 20);
    ridx_us.push_back(ms_since(s) * 1000);
    rfound += hits.size();
    if (i < sample)
      for (const auto& h : hits) ridx_scores[i].push_back(h.match.score);
  }
  std::vector<double> rkeep_us;
  for (std::size_t i = 0; i < queries; ++i) {
    auto s = Clock::now();
    auto hits = index.candidates_for(d.offers[oq[i]], 20, 0, &even);
    rkeep_us.push_back(ms_since(s) * 1000);
  }
  for (std::size_t i = 0; i < sample; ++i) {
    const Offer& o = d.offers[oq[i]];
    auto s = Clock::now();
    std::vector<CandidateHit> hits;
    for (const auto& c : d.candidates)
      if (auto m = match(c, o, w)) hits.push_back({c.id, *m});
    std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(20, hits.size())), hits.end(),
                      [](const auto& a, const auto& b) { return better(a.match, b.match); });
    hits.resize(std::min<std::size_t>(20, hits.size()));
    rbrute_us.push_back(ms_since(s) * 1000);
    std::vector<double> scores;
    for (const auto& h : hits) scores.push_back(h.match.score);
    same_scores(ridx_scores[i], scores, "brute force (candidates)", i);
  }

  // 3. PostgreSQL: load the same data, then the sampled queries.
  if (!pg_url.empty()) {
    Pg pg(pg_url);
    pg.exec("DROP TABLE IF EXISTS bench_offers, bench_candidates, bench_wanted");
    pg.exec("CREATE TABLE bench_offers (id bigint PRIMARY KEY, title int, occupation int, latitude float8, longitude float8, contract int,"
            " hours float8, positions int, pending int, licence bool, iae bool, open bool, max_km float8, skill_codes int[], skill_values float8[])");
    pg.exec("CREATE TABLE bench_candidates (id bigint PRIMARY KEY, latitude float8, longitude float8, radius float8, skills int[], contracts int,"
            " min_hours float8, max_hours float8, licence bool, eligible bool, wanted_titles int[], wanted_occs int[], mobility_occs int[])");
    pg.exec("CREATE TABLE bench_wanted (occupation int, latitude float8, longitude float8, candidate_id bigint)");
    auto s = Clock::now();
    std::size_t i = 0;
    copy_in(pg, "COPY bench_offers FROM STDIN", [&](std::string& out) {
      if (i == d.offers.size()) return false;
      const Offer& o = d.offers[i++];
      std::string codes = "{", values = "{";
      for (std::size_t k = 0; k < o.skills.size(); ++k) {
        codes += (k ? "," : "") + std::to_string(o.skills[k].code);
        values += (k ? "," : "") + exact(w.skill_weight[static_cast<int>(o.skills[k].weight)] * (o.skills[k].essential ? w.essential : w.nice));
      }
      out += std::to_string(o.id) + "\t" + std::to_string(o.title->code) + "\t" + std::to_string(occ_no(o.title)) + "\t" + exact(o.latitude) + "\t" +
             exact(o.longitude) + "\t" + std::to_string(static_cast<int>(o.contract)) + "\t" + exact(o.hours) + "\t" + std::to_string(o.positions) +
             "\t" + std::to_string(o.pending_applications) + "\t" + (o.licence_required ? "t" : "f") + "\t" + (o.iae_reserved ? "t" : "f") + "\t" +
             (o.open ? "t" : "f") + "\t" + (o.max_distance_km ? exact(*o.max_distance_km) : "\\N") + "\t" + codes + "}\t" + values + "}\n";
      return true;
    });
    i = 0;
    copy_in(pg, "COPY bench_candidates FROM STDIN", [&](std::string& out) {
      if (i == d.candidates.size()) return false;
      const Candidate& c = d.candidates[i++];
      Related r = related(c.wanted);
      std::vector<long long> skills(c.skills.begin(), c.skills.end());
      out += std::to_string(c.id) + "\t" + exact(c.latitude) + "\t" + exact(c.longitude) + "\t" + exact(c.radius_km) + "\t" + int_array(skills) + "\t" +
             std::to_string(c.contracts) + "\t" + exact(c.min_hours) + "\t" + exact(c.max_hours) + "\t" + (c.licence ? "t" : "f") + "\t" +
             (c.iae_eligible ? "t" : "f") + "\t" + int_array(r.titles) + "\t" + int_array(r.occupations) + "\t" + int_array(r.mobility) + "\n";
      return true;
    });
    i = 0;
    copy_in(pg, "COPY bench_wanted FROM STDIN", [&](std::string& out) {
      if (i == d.candidates.size()) return false;
      const Candidate& c = d.candidates[i++];
      for (auto occ : related(c.wanted).occupations)
        out += std::to_string(occ) + "\t" + exact(c.latitude) + "\t" + exact(c.longitude) + "\t" + std::to_string(c.id) + "\n";
      return true;
    });
    pg.exec("CREATE INDEX ON bench_offers (occupation, latitude)");
    pg.exec("CREATE INDEX ON bench_wanted (occupation, latitude)");
    pg.exec("ANALYZE bench_offers");
    pg.exec("ANALYZE bench_candidates");
    pg.exec("ANALYZE bench_wanted");
    std::printf("PostgreSQL loaded and indexed in %.0f ms\n", ms_since(s));
    pg.prepare("offers", offers_sql(w), 18);
    pg.prepare("candidates", candidates_sql(w), 20);
    for (std::size_t q = 0; q < sample; ++q) {
      const Candidate& c = d.candidates[cq[q]];
      Related r = related(c.wanted);
      geo::Box box = geo::bounding_box(c.latitude, c.longitude, c.radius_km);
      std::vector<long long> skills(c.skills.begin(), c.skills.end());
      std::vector<std::string> v = {exact(c.latitude), exact(c.longitude), exact(c.radius_km), exact(box.min_lat), exact(box.max_lat),
                                    exact(box.min_lon), exact(box.max_lon), int_array(r.near), int_array(r.titles), int_array(r.occupations),
                                    int_array(r.mobility), int_array(r.domains), int_array(skills), std::to_string(c.contracts),
                                    exact(c.min_hours), exact(c.max_hours), c.licence ? "t" : "f", c.iae_eligible ? "t" : "f"};
      auto st = Clock::now();
      auto scores = pg_scores(pg, "offers", v);
      pg_us.push_back(ms_since(st) * 1000);
      if (std::getenv("JOBS_BENCH_DEBUG"))
        for (const auto& h : index.offers_for(c, 20))
          std::fprintf(stderr, "idx: %lld %.12f %g %g %g %g %g\n", h.offer, h.match.score, h.match.job, h.match.skills, h.match.contract, h.match.hours,
                       h.match.distance_km);
      same_scores(idx_scores[q], scores, "PostgreSQL (offers)", q);
    }
    double max_radius = 0;
    for (const auto& c : d.candidates) max_radius = std::max(max_radius, c.radius_km);
    const auto& rome = referentials::rome();
    for (std::size_t q = 0; q < sample; ++q) {
      const Offer& o = d.offers[oq[q]];
      double radius = o.max_distance_km ? std::min(max_radius, *o.max_distance_km) : max_radius;
      geo::Box box = geo::bounding_box(o.latitude, o.longitude, radius);
      // The occupations whose candidates may match: those whose related set holds the offer's.
      std::vector<long long> reverse, domain;
      std::uint16_t mine = occ_no(o.title);
      for (std::size_t k = 0; k < rome.occupations().size(); ++k) {
        const auto& occ = rome.occupations()[k];
        bool near = k == mine || occ.domain == o.title->occupation->domain;
        if (occ.domain == o.title->occupation->domain) domain.push_back(static_cast<long long>(k));
        for (const auto& m : rome.mobility(occ))
          if (m.target == o.title->occupation) near = true;
        if (near) reverse.push_back(static_cast<long long>(k));
      }
      std::string codes = "{", values = "{";
      for (std::size_t k = 0; k < o.skills.size(); ++k) {
        codes += (k ? "," : "") + std::to_string(o.skills[k].code);
        values += (k ? "," : "") + exact(w.skill_weight[static_cast<int>(o.skills[k].weight)] * (o.skills[k].essential ? w.essential : w.nice));
      }
      std::vector<std::string> v = {exact(o.latitude), exact(o.longitude), exact(radius), exact(box.min_lat), exact(box.max_lat),
                                    exact(box.min_lon), exact(box.max_lon), int_array(reverse), std::to_string(o.title->code),
                                    std::to_string(mine), int_array(domain), codes + "}", values + "}", std::to_string(static_cast<int>(o.contract)),
                                    exact(o.hours), o.licence_required ? "t" : "f", o.iae_reserved ? "t" : "f",
                                    o.max_distance_km ? exact(*o.max_distance_km) : "", std::to_string(o.positions),
                                    std::to_string(o.pending_applications)};
      std::vector<const char*> params;
      for (const auto& x : v) params.push_back(x.c_str());
      if (!o.max_distance_km) params[17] = nullptr;  // NULL
      auto st = Clock::now();
      PGresult* res = PQexecPrepared(pg.conn, "candidates", 20, params.data(), nullptr, nullptr, 0);
      rpg_us.push_back(ms_since(st) * 1000);
      if (PQresultStatus(res) != PGRES_TUPLES_OK) throw std::runtime_error(std::string("candidates: ") + PQresultErrorMessage(res));
      std::vector<double> scores;
      for (int k = 0; k < PQntuples(res); ++k) scores.push_back(std::strtod(PQgetvalue(res, k, 1), nullptr));
      PQclear(res);
      same_scores(ridx_scores[q], scores, "PostgreSQL (candidates)", q);
    }
  }

  std::printf("\noffers for a candidate (top 20 within the candidate's radius; %.1f found on average)\n", static_cast<double>(found) / static_cast<double>(queries));
  report("index", idx_us);
  report("index, keeping every other offer", keep_us);
  report("brute force (every offer scored)", brute_us);
  if (!pg_us.empty()) report("PostgreSQL", pg_us);
  std::printf("  ratios at p50: brute force / index %.0f×", percentile(brute_us, 0.5) / percentile(idx_us, 0.5));
  if (!pg_us.empty()) std::printf(", PostgreSQL / index %.0f×", percentile(pg_us, 0.5) / percentile(idx_us, 0.5));
  std::printf("\n\ncandidates for an offer (top 20; %.1f found on average)\n", static_cast<double>(rfound) / static_cast<double>(queries));
  report("index", ridx_us);
  report("index, keeping every other candidate", rkeep_us);
  report("brute force (every candidate scored)", rbrute_us);
  if (!rpg_us.empty()) report("PostgreSQL", rpg_us);
  std::printf("  ratios at p50: brute force / index %.0f×", percentile(rbrute_us, 0.5) / percentile(ridx_us, 0.5));
  if (!rpg_us.empty()) std::printf(", PostgreSQL / index %.0f×", percentile(rpg_us, 0.5) / percentile(ridx_us, 0.5));
  std::printf("\n");
  return 0;
}
