// Runs the readable cases of tests/cases/directory/*.txt through the directory's validation
// rules, with the real referentials and today = 2026-11-28.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "base/text.h"
#include "directory/exchange.h"
#include "directory/rules.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::directory;

namespace {

constexpr const char* kToday = "2026-11-28";

boost::json::object pairs(const std::string& spec) {
  boost::json::object o;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t end = spec.find(" | ", start);
    std::string pair = text::trim(spec.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (!pair.empty()) {
      auto eq = pair.find('=');
      if (eq == std::string::npos) throw std::runtime_error("a pair without '=': " + pair);
      o[text::trim(pair.substr(0, eq))] = text::trim(pair.substr(eq + 1));
    }
    if (end == std::string::npos) break;
    start = end + 3;
  }
  return o;
}

struct Outcome {
  std::vector<std::string> fields;  // refused fields, in order
  std::string first_message;
  boost::json::object result;  // the normalised record when accepted
};

Outcome run(const std::string& kind, boost::json::object o) {
  for (const char* k : {"source", "id", "structure_id", "date_maj"})
    if (!o.contains(k)) o[k] = std::string(k) == "date_maj" ? "2026-06-01" : std::string(k) == "source" ? "test" : "s1";
  Outcome out;
  Validator v;
  try {
    if (kind == "structure") out.result = structure_to_json(validate_structure(structure_from_json(o, Structure{}, v), kToday, process_referentials(), v));
    else out.result = service_to_json(validate_service(service_from_json(o, Service{}, v), kToday, process_referentials(), v));
  } catch (const ValidationError& e) {
    for (const auto& f : e.fields()) out.fields.push_back(f.field);
    out.first_message = e.fields().empty() ? "" : e.fields()[0].message;
  }
  return out;
}

std::string as_text(const boost::json::value& v) {
  if (v.is_string()) return std::string(v.as_string());
  if (v.is_array()) {
    std::string out;
    for (const auto& x : v.as_array()) out += (out.empty() ? "" : ",") + as_text(x);
    return out;
  }
  return v.is_null() ? "" : boost::json::serialize(v);
}

}  // namespace

TEST(DirectoryRuleCases, EveryCaseFileAgreesWithTheRules) {
  referentials::load_referentials(test::source_dir() + "/data");
  namespace fs = std::filesystem;
  int cases = 0;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/cases/directory")) {
    if (e.path().extension() != ".txt") continue;
    std::ifstream in(e.path());
    std::string line, kind, spec;
    Outcome got;
    int line_no = 0, case_line = 0;
    auto where = [&] { return e.path().filename().string() + ":" + std::to_string(case_line); };
    while (std::getline(in, line)) {
      ++line_no;
      line = text::trim(line);
      if (line.empty() || line[0] == '#') continue;
      auto colon = line.find(':');
      ASSERT_NE(colon, std::string::npos) << e.path() << ":" << line_no;
      std::string key = line.substr(0, colon), value = text::trim(line.substr(colon + 1));
      if (key == "structure" || key == "service") {
        kind = key;
        case_line = line_no;
        got = run(kind, pairs(value));
        ++cases;
      } else if (key == "expect") {
        ASSERT_FALSE(kind.empty()) << e.path() << ":" << line_no << ": expect before a record";
        std::string fields;
        for (const auto& f : got.fields) fields += (fields.empty() ? "" : ", ") + f;
        EXPECT_EQ(fields.empty() ? "ok" : fields, value) << where() << (got.first_message.empty() ? "" : " — " + got.first_message);
      } else if (key == "message") {
        EXPECT_NE(got.first_message.find(value), std::string::npos) << where() << ": « " << got.first_message << " »";
      } else if (key == "result") {
        for (const auto& [k, v] : pairs(value)) {
          auto* actual = got.result.if_contains(k);
          ASSERT_TRUE(actual) << where() << ": no field " << k;
          EXPECT_EQ(as_text(*actual), as_text(v)) << where() << ": " << std::string(k);
        }
      } else {
        FAIL() << e.path() << ":" << line_no << ": unknown key " << key;
      }
    }
  }
  EXPECT_GE(cases, 40);
}
