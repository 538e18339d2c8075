#include "referentials/referentials.h"

#include <malloc.h>

#include <chrono>
#include <fstream>
#include <mutex>

#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"
#include "referentials/rome.h"

namespace jalon::referentials {

namespace {
Communes g_communes;
Rome g_rome;
Inclusion g_inclusion;
Barriers g_barriers;
TransversalSkills g_skills;
LoadReport g_report;
std::once_flag g_loaded;

// A memory figure of this process in KiB ("VmRSS", "VmHWM" of /proc/self/status), 0 where
// unavailable.
long status_kb(const std::string& key) {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
  return 0;
}

double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

const Communes& communes() {
  return g_communes;
}
const Rome& rome() {
  return g_rome;
}
const Inclusion& inclusion() {
  return g_inclusion;
}
const Barriers& barriers() {
  return g_barriers;
}
const TransversalSkills& transversal_skills() {
  return g_skills;
}
const LoadReport& load_report() {
  return g_report;
}

const LoadReport& load_referentials(const std::string& data_dir) {
  std::call_once(g_loaded, [&] {
    LoadReport r;
    r.data_dir = data_dir;
    r.rss_before_kb = status_kb("VmRSS");
    auto start = std::chrono::steady_clock::now();
    Communes c;
    c.load(data_dir + "/geo");
    r.communes_ms = ms_since(start);
    auto t = std::chrono::steady_clock::now();
    Rome rome;
    rome.load(data_dir + "/rome");
    r.rome_ms = ms_since(t);
    t = std::chrono::steady_clock::now();
    Inclusion inclusion;
    inclusion.load(data_dir + "/data-inclusion");
    r.inclusion_ms = ms_since(t);
    t = std::chrono::steady_clock::now();
    Barriers barriers;
    barriers.load(data_dir + "/barriers.csv", inclusion);  // its Term pointers follow `inclusion` when moved
    TransversalSkills skills;
    skills.load(data_dir + "/transversal_skills.csv");
    r.barriers_ms = ms_since(t);
    // Everything loaded: install (moves keep the objects' internal pointers valid).
    g_communes = std::move(c);
    g_rome = std::move(rome);
    g_inclusion = std::move(inclusion);
    g_barriers = std::move(barriers);
    g_skills = std::move(skills);
    // The parsed files are gone: give their pages back rather than keep them resident.
    malloc_trim(0);
    r.total_ms = ms_since(start);
    r.communes_bytes = g_communes.memory_bytes();
    r.rome_bytes = g_rome.memory_bytes();
    r.inclusion_bytes = g_inclusion.memory_bytes();
    r.barriers_bytes = g_barriers.memory_bytes();
    r.memory_bytes = r.communes_bytes + r.rome_bytes + r.inclusion_bytes + r.barriers_bytes;
    r.rss_after_kb = status_kb("VmRSS");
    r.rss_peak_kb = status_kb("VmHWM");
    g_report = std::move(r);
  });
  return g_report;
}

}  // namespace jalon::referentials
