// Runs the readable cases of tests/cases/search/*.txt (format in tests/cases/search/README.md)
// through directory::Index, on the real referentials of data/.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <optional>

#include "base/errors.h"
#include "base/text.h"
#include "directory/search.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
namespace fs = std::filesystem;

namespace {

// "key=value key="a quoted value"" -> pairs, in order. Throws std::runtime_error on a token
// without '=' or an unclosed quote.
std::vector<std::pair<std::string, std::string>> key_values(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    if (i == s.size()) break;
    std::size_t eq = s.find('=', i);
    std::size_t space = s.find(' ', i);
    if (eq == std::string_view::npos || (space != std::string_view::npos && space < eq))
      throw std::runtime_error("expected key=value at « " + std::string(s.substr(i)) + " »");
    std::string key(s.substr(i, eq - i)), value;
    i = eq + 1;
    if (i < s.size() && s[i] == '"') {
      std::size_t close = s.find('"', i + 1);
      if (close == std::string_view::npos) throw std::runtime_error("unclosed quote");
      value = std::string(s.substr(i + 1, close - i - 1));
      i = close + 1;
    } else {
      std::size_t end = s.find(' ', i);
      if (end == std::string_view::npos) end = s.size();
      value = std::string(s.substr(i, end - i));
      i = end;
    }
    out.emplace_back(std::move(key), std::move(value));
  }
  return out;
}

std::vector<std::string> list(const std::string& v) {
  std::vector<std::string> out;
  for (auto& x : text::split(v, ','))
    if (!text::trim(x).empty()) out.push_back(text::trim(x));
  return out;
}

directory::Entry entry_of(long long id, const std::vector<std::pair<std::string, std::string>>& kv) {
  directory::Service s;
  directory::Structure st;
  s.id = id;
  s.structure_id = 1000 + id;
  s.name = "Service " + std::to_string(id);
  st.name = "Structure " + std::to_string(id);
  for (const auto& [k, v] : kv) {
    if (k == "name")
      s.name = v;
    else if (k == "structure")
      st.name = v;
    else if (k == "structure_id")
      s.structure_id = std::stoll(v);
    else if (k == "description")
      s.description = v;
    else if (k == "commune")
      s.commune_code = v;
    else if (k == "lat")
      s.latitude = std::stod(v);
    else if (k == "lon")
      s.longitude = std::stod(v);
    else if (k == "structure_commune")
      st.commune_code = v;
    else if (k == "structure_lat")
      st.latitude = std::stod(v);
    else if (k == "structure_lon")
      st.longitude = std::stod(v);
    else if (k == "typology")
      st.typology = v;
    else if (k == "thematics")
      s.thematics = list(v);
    else if (k == "publics")
      s.audiences = list(v);
    else if (k == "fees")
      s.fees = v;
    else if (k == "modes")
      s.reception_modes = list(v);
    else if (k == "zone")
      s.eligibility_zone = list(v);
    else
      throw std::runtime_error("unknown service key " + k);
  }
  st.id = s.structure_id;
  return directory::make_entry(s, st, referentials::communes());
}

directory::Query query_of(const std::vector<std::pair<std::string, std::string>>& kv) {
  directory::Query q;
  for (const auto& [k, v] : kv) {
    if (k == "place") {
      q.place = directory::place_of_commune(v, referentials::communes());
      if (!q.place) throw std::runtime_error("unknown commune " + v);
    } else if (k == "postal") {
      q.place = directory::place_of_postal_code(v, referentials::communes());
      if (!q.place) throw std::runtime_error("unknown postal code " + v);
    } else if (k == "radius")
      q.radius_km = std::stod(v);
    else if (k == "thematics")
      q.thematics = list(v);
    else if (k == "barrier")
      q.barrier = v;
    else if (k == "publics")
      q.audiences = list(v);
    else if (k == "fees")
      q.fees = list(v);
    else if (k == "modes")
      q.reception_modes = list(v);
    else if (k == "typologies")
      q.typologies = list(v);
    else if (k == "text")
      q.text = v;
    else if (k == "offset")
      q.offset = std::stoul(v);
    else if (k == "limit")
      q.limit = std::stoul(v);
    else
      throw std::runtime_error("unknown query key " + k);
  }
  return q;
}

// "3 @2.4, 1 @29.3" (ids with distances rounded to 0.1 km), "3, 1" without a place, "none".
std::string hits_text(const directory::Result& r) {
  if (r.hits.empty()) return "none";
  std::string s;
  for (const auto& h : r.hits) {
    if (!s.empty()) s += ", ";
    s += std::to_string(h.service_id);
    if (h.distance_km) s += fmt::format(" @{:.1f}", *h.distance_km);
  }
  return s;
}

std::string normalised(const std::string& expected) {
  std::vector<std::string> parts = list(expected);
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

class SearchCases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { referentials::load_referentials(test::source_dir() + "/data"); }
};

}  // namespace

TEST_F(SearchCases, EveryCaseFileAgreesWithTheIndex) {
  int cases = 0, files = 0;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/cases/search"))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    ++files;
    const std::string name = path.filename().string();
    directory::Index index(referentials::communes(), referentials::inclusion(), referentials::barriers());
    std::ifstream in(path);
    std::string line;
    int line_no = 0;
    std::optional<directory::Query> query;
    int query_line = 0;
    std::optional<directory::Result> result;
    while (std::getline(in, line)) {
      ++line_no;
      line = text::trim(line);
      if (line.empty() || line[0] == '#') continue;
      const std::string where = name + ":" + std::to_string(line_no);
      const std::size_t sp = line.find(' ');
      const std::string verb = line.substr(0, sp),
                        rest = sp == std::string::npos ? "" : text::trim(line.substr(sp + 1));
      try {
        if (verb == "service") {
          const std::size_t id_end = rest.find(' ');
          const long long id = std::stoll(rest.substr(0, id_end));
          index.upsert(entry_of(id, key_values(id_end == std::string::npos ? "" : rest.substr(id_end + 1))));
        } else if (verb == "erase") {
          EXPECT_TRUE(index.erase(std::stoll(rest))) << where << ": nothing to erase";
        } else if (verb == "query") {
          query = query_of(key_values(rest));
          query_line = line_no;
          result.reset();
        } else if (verb == "expect") {
          ASSERT_TRUE(query) << where << ": expect without query";
          result = index.search(*query);
          EXPECT_EQ(hits_text(*result), normalised(rest)) << name << ":" << query_line;
          ++cases;
        } else if (verb == "error") {
          ASSERT_TRUE(query) << where << ": error without query";
          std::string fields;
          try {
            index.search(*query);
          } catch (const ValidationError& e) {
            for (const auto& f : e.fields()) fields += (fields.empty() ? "" : ", ") + f.field;
          }
          EXPECT_EQ(fields, normalised(rest)) << name << ":" << query_line;
          query.reset();
          ++cases;
        } else if (verb == "total") {
          ASSERT_TRUE(result) << where << ": total without expect";
          EXPECT_EQ(std::to_string(result->total), rest) << name << ":" << query_line;
        } else if (verb == "wider") {
          ASSERT_TRUE(result) << where << ": wider without expect";
          std::string got = "none";
          if (result->wider_total) got = fmt::format("{} @{:g}", *result->wider_total, result->wider_radius_km);
          EXPECT_EQ(got, rest) << name << ":" << query_line;
        } else {
          FAIL() << where << ": unknown line « " << verb << " »";
        }
      } catch (const ValidationError& e) {
        ADD_FAILURE() << where << ": unexpected validation error: " << e.what() << " (" << e.fields()[0].field << ": "
                      << e.fields()[0].message << ")";
      } catch (const std::exception& e) {
        ADD_FAILURE() << where << ": " << e.what();
      }
    }
  }
  EXPECT_GE(files, 6);
  EXPECT_GE(cases, 40);
}
