#include "base/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>

#include "base/text.h"
#include "base/time.h"

namespace jalon::log {
namespace {
std::atomic<bool> g_quiet{false};

spdlog::logger& logger() {
  static auto l = [] {
    auto lg = spdlog::stderr_logger_mt("jalon");
    lg->set_pattern("%v");
    return lg;
  }();
  return *l;
}

bool is_number(const std::string& s) {
  if (s.empty() || s.size() > 18) return false;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i == s.size()) return false;
  bool dot = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '.' && !dot) { dot = true; continue; }
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return s.back() != '.';
}

void write(const char* level, const char* event, std::initializer_list<Field> fields) {
  if (g_quiet && level[0] == 'i') return;
  std::string line = "{\"ts\":\"" + time::iso_now() + "\",\"level\":\"" + level + "\",\"event\":\"" + text::json_escape(event) + "\"";
  for (const auto& [k, v] : fields) {
    line += ",\"";
    line += k;
    line += "\":";
    if (is_number(v)) line += v;
    else line += "\"" + text::json_escape(v) + "\"";
  }
  line += "}";
  logger().info(line);
  logger().flush();
}
}  // namespace

void info(const char* event, std::initializer_list<Field> fields) { write("info", event, fields); }
void warn(const char* event, std::initializer_list<Field> fields) { write("warn", event, fields); }
void error(const char* event, std::initializer_list<Field> fields) { write("error", event, fields); }
void set_quiet(bool quiet) { g_quiet = quiet; }

}  // namespace jalon::log
