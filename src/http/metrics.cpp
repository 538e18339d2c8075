#include "http/metrics.h"

#include <fmt/format.h>

#include "base/text.h"

namespace jalon::http {

void Metrics::record(const std::string& route, const char* method, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[route + "\t" + method + "\t" + std::to_string(status)];
  auto& h = latency_[route];
  for (size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) ++h.counts[i];
  ++h.total;
  h.sum += seconds;
}

std::string Metrics::render(const std::string& extra) const {
  std::lock_guard lock(mutex_);
  std::string out;
  out += "# HELP jalon_http_requests_total HTTP requests by route, method and status.\n";
  out += "# TYPE jalon_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    auto parts = text::split(key, '\t');
    out += fmt::format("jalon_http_requests_total{{route=\"{}\",method=\"{}\",status=\"{}\"}} {}\n", parts[0], parts[1], parts[2], n);
  }
  out += "# HELP jalon_http_request_duration_seconds Time to answer, by route.\n";
  out += "# TYPE jalon_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    for (size_t i = 0; i < kBuckets.size(); ++i)
      out += fmt::format("jalon_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route, kBuckets[i], h.counts[i]);
    out += fmt::format("jalon_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route, h.total);
    out += fmt::format("jalon_http_request_duration_seconds_sum{{route=\"{}\"}} {:.6f}\n", route, h.sum);
    out += fmt::format("jalon_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, h.total);
  }
  out += extra;
  return out;
}

}  // namespace jalon::http
