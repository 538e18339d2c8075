// Runs the readable cases of tests/cases/orientation/*.txt and tests/cases/eligibility/*.txt
// (format in tests/cases/orientation/README.md) through the orientation engine, on the real
// rules of data/rules and the real referentials of data/.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/errors.h"
#include "base/text.h"
#include "orientation/engine.h"
#include "referentials/referentials.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::orientation;
namespace fs = std::filesystem;

namespace {

std::vector<std::pair<std::string, std::string>> key_values(const std::string& s) {
  std::vector<std::pair<std::string, std::string>> out;
  std::istringstream in(s);
  for (std::string tok; in >> tok;) {
    auto eq = tok.find('=');
    if (eq == std::string::npos) throw std::runtime_error("expected key=value at « " + tok + " »");
    out.emplace_back(tok.substr(0, eq), tok.substr(eq + 1));
  }
  return out;
}

template <class E>
std::optional<E> enum_value(const std::string& fact, const std::string& v) {
  const FactDef* f = find_fact(fact);
  for (std::size_t i = 0; i < f->values.size(); ++i)
    if (f->values[i] == v) return static_cast<E>(i);
  throw std::runtime_error("unknown value " + v + " for " + fact);
}

std::optional<bool> yes_no(const std::string& v) {
  if (v == "yes") return true;
  if (v == "no") return false;
  throw std::runtime_error("expected yes or no, got " + v);
}

Situation situation_of(const std::string& rest) {
  Situation s;
  for (const auto& [k, v] : key_values(rest)) {
    if (k == "birth_date") s.birth_date = v;
    else if (k == "age") s.age = std::stoi(v);
    else if (k == "rqth") s.rqth = yes_no(v);
    else if (k == "resource") s.resource = enum_value<Resource>(k, v);
    else if (k == "resource_since") s.resource_since = v;
    else if (k == "jobseeker") s.jobseeker = yes_no(v);
    else if (k == "jobseeker_since") s.jobseeker_since = v;
    else if (k == "qualification") s.qualification = enum_value<Qualification>(k, v);
    else if (k == "housing") s.housing = enum_value<Housing>(k, v);
    else if (k == "licence") s.licence = yes_no(v);
    else if (k == "vehicle") s.vehicle = yes_no(v);
    else if (k == "mobility") s.mobility = enum_value<Severity>(k, v);
    else if (k == "health") s.health = enum_value<Severity>(k, v);
    else if (k == "isolation") s.isolation = enum_value<Severity>(k, v);
    else if (k == "digital") s.digital = enum_value<Severity>(k, v);
    else if (k == "childcare") s.childcare = enum_value<Severity>(k, v);
    else if (k == "french") s.french = enum_value<French>(k, v);
    else if (k == "justice") s.justice = enum_value<Justice>(k, v);
    else if (k == "ase") s.ase = yes_no(v);
    else if (k == "refugee") s.refugee = enum_value<Refugee>(k, v);
    else if (k == "single_parent") s.single_parent = yes_no(v);
    else if (k == "qpv") s.qpv = yes_no(v);
    else if (k == "zrr") s.zrr = yes_no(v);
    else if (k == "social_first") s.social_first = yes_no(v);
    else if (k == "criteria") {
      for (const auto& c : text::split(v, ',')) s.declared_criteria.insert(c);
    } else if (k == "barriers") {
      for (const auto& b : text::split(v, ',')) {
        auto colon = b.find(':');
        auto sev = parse_severity(colon == std::string::npos ? "light" : b.substr(colon + 1));
        if (!sev) throw std::runtime_error("bad severity in " + b);
        s.barriers[b.substr(0, colon)] = *sev;
      }
    } else throw std::runtime_error("unknown situation key " + k);
  }
  return s;
}

std::string joined(const std::vector<std::string>& v) {
  if (v.empty()) return "none";
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ",") + x;
  return s;
}

std::string criteria_text(const std::vector<CriterionMet>& v) {
  std::vector<std::string> out;
  for (const auto& c : v)
    out.push_back(c.code + (c.basis == Basis::derived ? "+" : c.basis == Basis::ticked ? "?" : ""));
  return joined(out);
}

// "a, b" or "a,b" -> "a,b"
std::string normalised(const std::string& s) {
  std::string out;
  for (char c : s)
    if (c != ' ') out += c;
  return out.empty() ? "none" : out;
}

class OrientationCases : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    referentials::load_referentials(test::source_dir() + "/data");
    load_rules(test::source_dir() + "/data");
  }
};

int run_folder(const std::string& folder, int& files) {
  int cases = 0;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(test::source_dir() + "/tests/cases/" + folder))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    ++files;
    const std::string name = folder + "/" + path.filename().string();
    std::ifstream in(path);
    std::string line;
    int line_no = 0;
    Date today{};
    Situation situation;
    while (std::getline(in, line)) {
      ++line_no;
      line = text::trim(line);
      if (line.empty() || line[0] == '#') continue;
      const std::string where = name + ":" + std::to_string(line_no);
      const std::size_t sp = line.find(' ');
      const std::string verb = line.substr(0, sp), rest = sp == std::string::npos ? "" : text::trim(line.substr(sp + 1));
      try {
        if (verb == "today") {
          auto d = parse_date(rest);
          if (!d) throw std::runtime_error("bad date " + rest);
          today = *d;
        } else if (verb == "situation") {
          situation = situation_of(rest);
        } else if (verb == "referent") {
          ++cases;
          auto o = orient(situation, today, rules());
          std::string got = o.referent ? o.referent->code + " " + o.referent->reason.rule : "none";
          EXPECT_EQ(got, rest) << where;
        } else if (verb == "schemes") {
          ++cases;
          auto o = orient(situation, today, rules());
          std::vector<std::string> codes;
          for (const auto& d : o.schemes) codes.push_back(d.code);
          EXPECT_EQ(joined(codes), normalised(rest)) << where;
        } else if (verb == "barriers") {
          ++cases;
          // "mobilite:6:1, logement:7:1": code, number of thematics, number of solutions
          auto o = orient(situation, today, rules());
          std::vector<std::string> got;
          for (const auto& b : o.barriers)
            got.push_back(b.barrier + ":" + std::to_string(b.thematics.size()) + ":" + std::to_string(b.solutions.size()));
          EXPECT_EQ(joined(got), normalised(rest)) << where;
        } else if (verb == "facts") {
          ++cases;
          auto f = facts_of(situation, today);
          for (const auto& [k, v] : key_values(rest)) {
            auto it = f.find(k);
            if (v == "unknown") {
              EXPECT_TRUE(it == f.end()) << where << ": " << k << " should be unknown";
              continue;
            }
            if (it == f.end()) {
              ADD_FAILURE() << where << ": fact " << k << " unknown";
              continue;
            }
            const FactDef* def = find_fact(k);
            std::string shown = def->kind == FactKind::number ? std::to_string(it->second.value)
                                                               : std::string(def->values[static_cast<std::size_t>(it->second.value)]);
            EXPECT_EQ(shown, v) << where << ": " << k;
          }
        } else if (verb == "iae") {
          ++cases;
          std::istringstream words(rest);
          std::string kind_s, author_s, tail;
          words >> kind_s >> author_s;
          std::getline(words, tail);
          auto kind = parse_siae_kind(kind_s);
          auto author = parse_author(author_s);
          if (!kind || !author) throw std::runtime_error("iae KIND AUTHOR key=value…");
          auto checks = key_values(tail);
          bool assessment = false;
          for (const auto& [k, v] : checks)
            if (k == "assessment") assessment = v == "yes";
          auto e = iae_eligibility(situation, *kind, today, *author, rules(), assessment);
          for (const auto& [k, v] : checks) {
            if (k == "assessment") continue;
            std::string got;
            if (k == "eligible") got = e.eligible ? "yes" : "no";
            else if (k == "by_assessment") got = e.by_assessment ? "yes" : "no";
            else if (k == "level1") got = criteria_text(e.level1);
            else if (k == "level2") got = criteria_text(e.level2);
            else if (k == "required") got = std::to_string(e.level2_required);
            else if (k == "missing") got = std::to_string(e.level2_missing);
            else if (k == "rejected") {
              std::vector<std::string> r;
              for (const auto& x : e.rejected) r.push_back(x.code);
              got = joined(r);
            } else if (k == "proofs") got = std::to_string(e.proofs.size());
            else if (k == "until") got = format_date(e.valid_until);
            else if (k == "scope") got = e.all_siae ? "all" : "same-employer";
            else if (k == "to_check") got = joined(e.to_check);
            else throw std::runtime_error("unknown iae check " + k);
            EXPECT_EQ(got, normalised(v)) << where << ": " << k;
          }
          if (!e.eligible) {
            EXPECT_FALSE(e.missing.empty()) << where;
          }
          for (const auto& c : e.level1) EXPECT_FALSE(c.reason.where.empty()) << where;
        } else if (verb == "valid") {
          ++cases;
          // valid AUTHOR MADE ON same|other yes|no
          std::istringstream w(rest);
          std::string author_s, made_s, on_s, who, expected;
          w >> author_s >> made_s >> on_s >> who >> expected;
          auto author = parse_author(author_s);
          auto made = parse_date(made_s), on = parse_date(on_s);
          if (!author || !made || !on || (who != "same" && who != "other")) throw std::runtime_error("valid AUTHOR MADE ON same|other yes|no");
          EXPECT_EQ(diagnosis_valid(*author, *made, *on, who == "same", rules()) ? "yes" : "no", expected) << where;
        } else if (verb == "error") {
          ++cases;
          std::string field;
          try {
            orient(situation, today, rules());
            iae_eligibility(situation, SiaeKind::aci, today, Author::prescriber, rules());
          } catch (const ValidationError& e) {
            field = e.fields()[0].field;
          }
          EXPECT_EQ(field, rest) << where;
        } else {
          ADD_FAILURE() << where << ": unknown line « " << verb << " »";
        }
      } catch (const ValidationError& e) {
        ADD_FAILURE() << where << ": unexpected validation error on " << e.fields()[0].field << ": " << e.fields()[0].message;
      } catch (const std::exception& e) {
        ADD_FAILURE() << where << ": " << e.what();
      }
    }
  }
  return cases;
}

}  // namespace

TEST_F(OrientationCases, EveryCaseFileAgreesWithTheEngine) {
  int files = 0;
  const int orientation = run_folder("orientation", files);
  const int eligibility = run_folder("eligibility", files);
  EXPECT_GE(files, 4);
  EXPECT_GE(orientation + eligibility, 60);
  std::cout << orientation << " orientation cases and " << eligibility << " eligibility cases in " << files << " files\n";
}
