// Loading every referential of data/ at start-up: communes (communes.h), ROME (rome.h), the
// data·inclusion vocabularies (inclusion.h) and the barriers mapped to them (barriers.h). The product reads them from its own data folder
// (--data, JALON_DATA_DIR), never from anywhere else.
#pragma once
#include <cstddef>
#include <string>

namespace jalon::referentials {

// What the load took, for the start-up log and `jalon referentials`.
struct LoadReport {
  std::string data_dir;
  double communes_ms = 0, rome_ms = 0, inclusion_ms = 0, barriers_ms = 0, total_ms = 0;
  // What the objects hold (their memory_bytes()), in total and for each.
  std::size_t memory_bytes = 0, communes_bytes = 0, rome_bytes = 0, inclusion_bytes = 0, barriers_bytes = 0;
  // The process's resident memory (VmRSS) around the load, and its peak so far (VmHWM: the
  // parsed files are held while the indexes are built, then given back).
  long rss_before_kb = 0, rss_after_kb = 0, rss_peak_kb = 0;
};

// Loads data_dir/geo, data_dir/rome, data_dir/data-inclusion and data_dir/barriers.csv into the
// objects returned by communes(), rome(), inclusion() and barriers(). Only the first successful
// call loads (later calls, with any folder, return its report); concurrent calls wait for it. On
// a missing or malformed file it throws std::runtime_error naming the file and line, and nothing is installed (a later call
// tries again). Call it before starting the threads that read the referentials.
const LoadReport& load_referentials(const std::string& data_dir);

// The report of the successful load, or an empty report before it.
const LoadReport& load_report();

}  // namespace jalon::referentials
