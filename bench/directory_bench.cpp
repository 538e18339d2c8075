// Directory search at 100,000 services (issue 4), side by side in one program: the in-memory
// index (directory/search.h) against the same query in SQL on PostgreSQL, as a team would write
// it without the index (latitude and longitude B-tree indexes, a GIN index on the thematics, a
// bounding-box prefilter, the exact distance, the eligibility zone, ORDER BY distance LIMIT),
// through libpq with prepared statements. Both answer the same queries; a sample is compared
// (ids in order, totals, widening counts) and any difference stops the program.
//
// Usage: directory_bench --pg URL [--data DIR] [--services N] [--queries N] [--seed S] [--rounds R]
// (the index answers the queries R times, default 5, for steadier percentiles; PostgreSQL once)
// (scripts/bench_directory.sh starts a throw-away PostgreSQL and runs it; part of `make bench`).
#include <libpq-fe.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <numbers>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/geo.h"
#include "bench_support.h"
#include "directory/search.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"
#include "referentials/referentials.h"

using namespace jalon;
using namespace jalon::bench;

namespace {

// One benchmark query: a commune, a radius, one or two thematics; page 1 of 20.
struct Probe {
  directory::Query query;
  std::vector<std::string> zone_keys;  // the zones that contain the place (for SQL)
};

// What both sides answer, to compare them.
struct Answer {
  std::vector<long long> ids;
  std::size_t total = 0;
  std::optional<std::size_t> wider_total;
};

constexpr double kRadiansPerDegree = std::numbers::pi / 180.0;

// The exact distance as base/geo.cpp computes it, term by term; $1 $2 the place, $3 the
// degree-to-radian factor, $4 the Earth's radius (passed rather than written, so that both
// sides use the same bits).
const char* kDistance =
    "2 * $4::float8 * asin(sqrt(least("
    "sin((latitude * $3::float8 - $1::float8 * $3::float8) / 2) * sin((latitude * $3::float8 - $1::float8 * "
    "$3::float8) / 2)"
    " + cos($1::float8 * $3::float8) * cos(latitude * $3::float8)"
    " * sin((longitude * $3::float8 - $2::float8 * $3::float8) / 2) * sin((longitude * $3::float8 - $2::float8 * "
    "$3::float8) / 2)"
    ", 1::float8)))";

// $5..$8 the bounding box, $9 the thematics, $10 the place's zones, $11 the radius.
std::string search_sql(bool wraps, bool count_only) {
  const std::string lon =
      wraps ? "(longitude >= $7::float8 OR longitude <= $8::float8)" : "longitude BETWEEN $7::float8 AND $8::float8";
  const std::string inner = std::string("SELECT id, name, ") + kDistance +
                            " AS distance_km FROM bench_services"
                            " WHERE latitude BETWEEN $5::float8 AND $6::float8 AND " +
                            lon +
                            " AND thematics && $9::text[]"
                            " AND (eligibility_zone = '{}' OR eligibility_zone && $10::text[])";
  if (count_only) return "SELECT count(*) FROM (" + inner + ") s WHERE distance_km <= $11::float8";
  return "SELECT id, distance_km, count(*) OVER () FROM (" + inner +
         ") s WHERE distance_km <= $11::float8 ORDER BY distance_km, name, id LIMIT 20";
}

Answer run_sql(Pg& pg, const Probe& p) {
  const auto& place = *p.query.place;
  auto once = [&](double radius, bool count_only, Answer& a) {
    const geo::Box box = geo::bounding_box(place.latitude, place.longitude, radius);
    const std::string values[] = {exact(place.latitude),      exact(place.longitude), exact(kRadiansPerDegree),
                                  exact(geo::kEarthRadiusKm), exact(box.min_lat),     exact(box.max_lat),
                                  exact(box.min_lon),         exact(box.max_lon),     pg_array(p.query.thematics),
                                  pg_array(p.zone_keys),      exact(radius)};
    const char* params[11];
    for (int i = 0; i < 11; ++i) params[i] = values[i].c_str();
    const char* name = count_only ? (box.wraps() ? "count_wrap" : "count") : (box.wraps() ? "search_wrap" : "search");
    PGresult* r = PQexecPrepared(pg.conn, name, 11, params, nullptr, nullptr, 0);
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      std::string err = PQresultErrorMessage(r);
      PQclear(r);
      throw std::runtime_error("search: " + err);
    }
    if (count_only) {
      a.wider_total = std::stoul(PQgetvalue(r, 0, 0));
    } else {
      for (int i = 0; i < PQntuples(r); ++i) a.ids.push_back(std::stoll(PQgetvalue(r, i, 0)));
      a.total = PQntuples(r) ? std::stoul(PQgetvalue(r, 0, 2)) : 0;
    }
    PQclear(r);
  };
  Answer a;
  once(p.query.radius_km, false, a);
  if (a.total < directory::kWidenBelow) once(2 * p.query.radius_km, true, a);
  return a;
}

Answer run_index(const directory::Index& ix, const Probe& p) {
  directory::Result r = ix.search(p.query);
  Answer a;
  for (const auto& h : r.hits) a.ids.push_back(h.service_id);
  a.total = r.total;
  a.wider_total = r.wider_total;
  return a;
}

std::string show(const Answer& a) {
  std::string s =
      "total " + std::to_string(a.total) + (a.wider_total ? " wider " + std::to_string(*a.wider_total) : "") + ":";
  for (long long id : a.ids) s += " " + std::to_string(id);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  std::string pg_url, data_dir = "data";
  long services = 100000, queries = 2000, rounds = 5;
  unsigned long seed = 20261128;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string k = argv[i], v = argv[i + 1];
    if (k == "--pg")
      pg_url = v;
    else if (k == "--data")
      data_dir = v;
    else if (k == "--services")
      services = std::stol(v);
    else if (k == "--queries")
      queries = std::stol(v);
    else if (k == "--seed")
      seed = std::stoul(v);
    else if (k == "--rounds")
      rounds = std::stol(v);
    else {
      std::fprintf(stderr, "unknown option %s\n", k.c_str());
      return 2;
    }
  }
  if (pg_url.empty() || services <= 0 || queries <= 0 || rounds <= 0) {
    std::fprintf(stderr,
                 "usage: directory_bench --pg URL [--data DIR] [--services N] [--queries N] [--seed S] [--rounds R]\n");
    return 2;
  }

  try {
    // 1. The referentials, as a server loads them at start-up.
    const auto& report = referentials::load_referentials(data_dir);
    std::printf(
        "referentials loaded in %.0f ms (communes %.0f, ROME %.0f, data·inclusion %.1f, barriers %.1f); target < 2000 "
        "ms: %s\n",
        report.total_ms, report.communes_ms, report.rome_ms, report.inclusion_ms, report.barriers_ms,
        report.total_ms < 2000 ? "met" : "MISSED");
    const auto& communes = referentials::communes();
    const auto& inclusion = referentials::inclusion();
    const auto& thematics = inclusion.thematics().terms();
    const auto& audiences = inclusion.audiences().terms();

    // 2. Services spread over the real communes: half uniformly over communes, half where people
    // live (by population); around the commune's centre (σ 1.5 km).
    std::mt19937_64 rng(seed);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    std::vector<const referentials::Commune*> places;
    std::vector<double> cumulative;
    double people = 0;
    for (const auto& c : communes.all()) {
      if (c.arrondissement()) continue;  // Paris, Lyon, Marseille count once, as communes
      places.push_back(&c);
      people += static_cast<double>(std::max(c.population, 1L));
      cumulative.push_back(people);
    }
    auto some_commune = [&]() -> const referentials::Commune* {
      if (pick(2) == 0) return places[pick(places.size())];
      const double x = std::uniform_real_distribution<double>(0, people)(rng);
      return places[static_cast<std::size_t>(std::lower_bound(cumulative.begin(), cumulative.end(), x) -
                                             cumulative.begin())];
    };
    std::normal_distribution<double> jitter_km(0, 1.5);

    std::vector<directory::Entry> entries;
    std::vector<std::string> commune_of;  // by entry, for the SQL table
    entries.reserve(static_cast<std::size_t>(services));
    for (long id = 1; id <= services; ++id) {
      const auto* c = some_commune();
      directory::Entry e;
      e.service_id = id;
      e.structure_id = 1 + (id - 1) / 3;
      const double lat = std::clamp(c->latitude + jitter_km(rng) / 111.2, -89.9, 89.9);
      double lon = c->longitude + jitter_km(rng) / (111.2 * std::cos(c->latitude * kRadiansPerDegree));
      if (lon > 180) lon -= 360;
      if (lon < -180) lon += 360;
      e.latitude = lat;
      e.longitude = lon;
      for (std::size_t k = 1 + pick(3); k > 0; --k) e.thematics.push_back(thematics[pick(thematics.size())].value);
      std::sort(e.thematics.begin(), e.thematics.end());
      e.thematics.erase(std::unique(e.thematics.begin(), e.thematics.end()), e.thematics.end());
      for (std::size_t k = 1 + pick(2); k > 0; --k) e.audiences.push_back(audiences[pick(audiences.size())].value);
      e.fees = pick(10) == 0 ? "" : (pick(2) ? "gratuit" : "payant");
      e.reception_modes = pick(3) == 0 ? std::vector<std::string>{"en-presentiel", "a-distance"}
                                       : std::vector<std::string>{pick(4) ? "en-presentiel" : "a-distance"};
      switch (pick(20)) {
        case 0:
        case 1:
          e.eligibility_zone = {"france"};
          break;
        case 2:
        case 3:
        case 4:
        case 5:
        case 6:
          e.eligibility_zone = {c->departement};
          break;
        case 7:
        case 8:
        case 9:
          if (const auto* epci = communes.epci_of(*c))
            e.eligibility_zone = {epci->code};
          else
            e.eligibility_zone = {c->departement};
          break;
        case 10:
        case 11:
          e.eligibility_zone = {c->code};
          break;
        default:
          break;  // 8 in 20: no restriction stated
      }
      e.name = std::string(thematics[pick(thematics.size())].label) + " – " + c->name;
      e.description = "Accompagnement " + std::string(audiences[pick(audiences.size())].label) + " à " + c->name + ".";
      entries.push_back(std::move(e));
      commune_of.push_back(c->code);
    }

    // 3. The index.
    const long rss_before = rss_kb();
    auto t = Clock::now();
    directory::Index ix(communes, inclusion, referentials::barriers());
    for (const auto& e : entries) ix.upsert(e);
    const double build_ms = ms_since(t);
    std::printf("index: %ld services in %.0f ms, %.1f MB held (resident +%.1f MB)\n", services, build_ms,
                static_cast<double>(ix.memory_bytes()) / 1048576.0,
                static_cast<double>(rss_kb() - rss_before) / 1024.0);

    // 4. The queries: around communes chosen as the services were, 10–30 km, one or two thematics.
    std::vector<Probe> probes;
    for (long i = 0; i < queries; ++i) {
      const auto* c = some_commune();
      Probe p;
      p.query.place = directory::place_of_commune(c->code, communes);
      p.query.radius_km = std::uniform_real_distribution<double>(10, 30)(rng);
      for (std::size_t k = 1 + pick(2); k > 0; --k)
        p.query.thematics.push_back(thematics[pick(thematics.size())].value);
      p.query.limit = 20;
      p.zone_keys = {c->code, c->departement, "france", "99100"};
      if (const auto* epci = communes.epci_of(*c)) p.zone_keys.push_back(epci->code);
      probes.push_back(std::move(p));
    }

    // 5. PostgreSQL: the table a team would write, loaded by COPY, then indexed and analysed.
    Pg pg(pg_url);
    pg.exec("DROP TABLE IF EXISTS bench_services");
    pg.exec(
        "CREATE TABLE bench_services ("
        " id BIGINT PRIMARY KEY, structure_id BIGINT NOT NULL, name TEXT NOT NULL,"
        " latitude DOUBLE PRECISION NOT NULL, longitude DOUBLE PRECISION NOT NULL, commune_code TEXT NOT NULL,"
        " thematics TEXT[] NOT NULL, audiences TEXT[] NOT NULL, fees TEXT NOT NULL,"
        " reception_modes TEXT[] NOT NULL, eligibility_zone TEXT[] NOT NULL)");
    t = Clock::now();
    {
      PGresult* r = PQexec(pg.conn, "COPY bench_services FROM STDIN");
      if (PQresultStatus(r) != PGRES_COPY_IN) throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(pg.conn));
      PQclear(r);
      std::string buf;
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        buf += std::to_string(e.service_id) + '\t' + std::to_string(e.structure_id) + '\t';
        copy_text(buf, e.name);
        buf += '\t' + exact(*e.latitude) + '\t' + exact(*e.longitude) + '\t' + commune_of[i] + '\t' +
               pg_array(e.thematics) + '\t' + pg_array(e.audiences) + '\t' + e.fees + '\t' +
               pg_array(e.reception_modes) + '\t' + pg_array(e.eligibility_zone) + '\n';
        if (buf.size() > (1 << 20)) {
          if (PQputCopyData(pg.conn, buf.data(), static_cast<int>(buf.size())) != 1)
            throw std::runtime_error(PQerrorMessage(pg.conn));
          buf.clear();
        }
      }
      if (PQputCopyData(pg.conn, buf.data(), static_cast<int>(buf.size())) != 1 || PQputCopyEnd(pg.conn, nullptr) != 1)
        throw std::runtime_error(PQerrorMessage(pg.conn));
      r = PQgetResult(pg.conn);
      const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
      PQclear(r);
      if (!ok) throw std::runtime_error(std::string("COPY: ") + PQerrorMessage(pg.conn));
      while ((r = PQgetResult(pg.conn))) PQclear(r);
    }
    const double copy_ms = ms_since(t);
    t = Clock::now();
    pg.exec("CREATE INDEX bench_services_latitude ON bench_services (latitude)");
    pg.exec("CREATE INDEX bench_services_longitude ON bench_services (longitude)");
    pg.exec("CREATE INDEX bench_services_thematics ON bench_services USING gin (thematics)");
    pg.exec("VACUUM ANALYZE bench_services");
    const double index_ms = ms_since(t);
    std::printf(
        "PostgreSQL: COPY of %ld services in %.0f ms, B-tree (latitude), B-tree (longitude), GIN (thematics) and "
        "ANALYZE in %.0f ms, table and indexes %s\n",
        services, copy_ms, index_ms,
        pg.lines("SELECT pg_size_pretty(pg_total_relation_size('bench_services'))")[0].c_str());
    pg.prepare("search", search_sql(false, false), 11);
    pg.prepare("search_wrap", search_sql(true, false), 11);
    pg.prepare("count", search_sql(false, true), 11);
    pg.prepare("count_wrap", search_sql(true, true), 11);

    // 6. The same answers: a sample compared in full, which also warms both sides up.
    const std::size_t sample = std::min<std::size_t>(probes.size(), 300);
    std::size_t compared_hits = 0, widened = 0;
    for (std::size_t i = 0; i < sample; ++i) {
      Answer a = run_index(ix, probes[i]), b = run_sql(pg, probes[i]);
      if (a.ids != b.ids || a.total != b.total || a.wider_total != b.wider_total) {
        std::fprintf(stderr, "query %zu differs\n  index:      %s\n  PostgreSQL: %s\n", i, show(a).c_str(),
                     show(b).c_str());
        return 1;
      }
      compared_hits += a.ids.size();
      widened += a.wider_total.has_value();
    }
    std::printf("same answers on %zu queries (%zu results compared in order, %zu with a widening count)\n", sample,
                compared_hits, widened);
    {
      // How PostgreSQL runs one of them.
      const auto& p = probes[0];
      const geo::Box box = geo::bounding_box(p.query.place->latitude, p.query.place->longitude, p.query.radius_km);
      std::string sql = "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + search_sql(false, false);
      const std::string values[] = {exact(p.query.place->latitude),
                                    exact(p.query.place->longitude),
                                    exact(kRadiansPerDegree),
                                    exact(geo::kEarthRadiusKm),
                                    exact(box.min_lat),
                                    exact(box.max_lat),
                                    exact(box.min_lon),
                                    exact(box.max_lon),
                                    "'" + pg_array(p.query.thematics) + "'",
                                    "'" + pg_array(p.zone_keys) + "'",
                                    exact(p.query.radius_km)};
      for (int k = 11; k >= 1; --k) {
        const std::string key = "$" + std::to_string(k);
        for (std::size_t at = sql.find(key); at != std::string::npos; at = sql.find(key, at))
          sql.replace(at, key.size(), values[k - 1]);
      }
      std::printf("PostgreSQL plan of query 1:\n");
      for (const auto& line : pg.lines(sql))  // the distance expression makes long lines: cut
        std::printf("    %s%s\n", line.substr(0, 150).c_str(), line.size() > 150 ? "…" : "");
    }

    // 7. Latencies, each side on every query.
    std::vector<double> index_us, sql_us;
    std::size_t results = 0, suggestions = 0;
    for (long round = 0; round < rounds; ++round)
      for (const auto& p : probes) {
        auto s = Clock::now();
        directory::Result r = ix.search(p.query);
        index_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
        if (round == 0) {
          results += r.total;
          suggestions += r.wider_total.has_value();
        }
      }
    for (const auto& p : probes) {
      auto s = Clock::now();
      Answer a = run_sql(pg, p);
      sql_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
      (void)a;
    }
    // The floor of any PostgreSQL query here: a prepared SELECT 1 (loopback round trip).
    std::vector<double> floor_us;
    pg.prepare("one", "SELECT 1", 0);
    for (int i = 0; i < 500; ++i) {
      auto s = Clock::now();
      PQclear(PQexecPrepared(pg.conn, "one", 0, nullptr, nullptr, nullptr, 0));
      floor_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - s).count());
    }
    const double i50 = percentile(index_us, 0.50), i99 = percentile(index_us, 0.99);
    const double s50 = percentile(sql_us, 0.50), s99 = percentile(sql_us, 0.99);
    std::printf(
        "%zu queries (10–30 km, 1–2 thematics, page of 20): %.1f matches on average, %zu with a widening count\n",
        probes.size(), static_cast<double>(results) / static_cast<double>(probes.size()), suggestions);
    std::printf("%-34s %10s %10s\n", "latency (µs)", "p50", "p99");
    std::printf("%-34s %10.1f %10.1f   (%ld rounds)\n", "in-memory index", i50, i99, rounds);
    std::printf("%-34s %10.1f %10.1f\n", "PostgreSQL (libpq, prepared)", s50, s99);
    std::printf("%-34s %10.1f %10.1f\n", "PostgreSQL SELECT 1 (round trip)", percentile(floor_us, 0.5),
                percentile(floor_us, 0.99));
    std::printf("%-34s %9.0f× %9.0f×\n", "ratio PostgreSQL / index", s50 / i50, s99 / i99);
    std::printf("target: index at least 20× faster at p50: %s\n", s50 / i50 >= 20 ? "met" : "MISSED");
    pg.exec("DROP TABLE bench_services");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "directory_bench: %s\n", e.what());
    return 1;
  }
}
