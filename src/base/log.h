// Structured logs: one JSON object per line on standard error.
#pragma once
#include <initializer_list>
#include <string>
#include <utility>

namespace jalon::log {

using Field = std::pair<const char*, std::string>;

// `event` names what happened ("request", "startup"); fields are written as JSON strings,
// except values that are plain integers, written as numbers.
void info(const char* event, std::initializer_list<Field> fields = {});
void warn(const char* event, std::initializer_list<Field> fields = {});
void error(const char* event, std::initializer_list<Field> fields = {});
void set_quiet(bool quiet);  // tests silence request logs

}  // namespace jalon::log
