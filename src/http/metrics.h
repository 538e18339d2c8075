// Request counters and latency histograms in the Prometheus text format.
#pragma once
#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace jalon::http {

class Metrics {
 public:
  void record(const std::string& route, const char* method, int status, double seconds);
  // The exposition text; `extra` lines (pool gauges) are appended as given.
  std::string render(const std::string& extra) const;

 private:
  static constexpr std::array<double, 11> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
  struct Histogram {
    std::array<std::uint64_t, kBuckets.size()> counts{};
    std::uint64_t total = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::uint64_t> requests_;  // key: route\tmethod\tstatus
  std::map<std::string, Histogram> latency_;       // key: route
};

}  // namespace jalon::http
