#include "orientation/rules.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "base/text.h"

namespace jalon::orientation {

std::optional<Date> parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  auto num = [&](std::size_t from, std::size_t len, auto& out) {
    auto r = std::from_chars(s.data() + from, s.data() + from + len, out);
    return r.ec == std::errc() && r.ptr == s.data() + from + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return std::nullopt;
  std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date{ymd};
}

std::string format_date(Date d) {
  std::chrono::year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

Date add_months(Date d, int months) {
  std::chrono::year_month_day ymd{d};
  auto ym = std::chrono::year_month{ymd.year(), ymd.month()} + std::chrono::months{months};
  auto last = std::chrono::year_month_day_last{ym.year(), std::chrono::month_day_last{ym.month()}};
  auto day = std::min(ymd.day(), last.day());
  return Date{std::chrono::year_month_day{ym.year(), ym.month(), day}};
}

namespace {

constexpr int kNumberDomain = 1501;  // numbers (ages, months) are compared on 0..1500

int domain_size(const FactDef& f) {
  return f.kind == FactKind::number ? kNumberDomain : static_cast<int>(f.values.size());
}

int parse_int(const std::string& where, std::string_view s, const char* what) {
  int v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || r.ec != std::errc() || r.ptr != s.data() + s.size() || v < 0)
    fail(where, std::string(what) + " « " + std::string(s) + " » is not a non-negative integer");
  return v;
}

int value_of(const std::string& where, const FactDef& f, std::string_view v) {
  if (f.kind == FactKind::number) {
    int n = parse_int(where, v, "value");
    if (n >= kNumberDomain) fail(where, "value " + std::string(v) + " is out of range (0..1500)");
    return n;
  }
  for (std::size_t i = 0; i < f.values.size(); ++i)
    if (f.values[i] == v) return static_cast<int>(i);
  std::string allowed;
  for (auto a : f.values) allowed += (allowed.empty() ? "" : ", ") + std::string(a);
  fail(where, "unknown value « " + std::string(v) + " » for fact " + std::string(f.name) + " (expected " + allowed + ")");
}

Condition parse_condition(const std::string& where, const std::string& text) {
  static const std::pair<std::string_view, Condition::Op> ops[] = {
      {"!=", Condition::Op::ne}, {"<=", Condition::Op::le}, {">=", Condition::Op::ge},
      {"=", Condition::Op::eq},  {"<", Condition::Op::lt},  {">", Condition::Op::gt}};
  std::size_t pos = std::string::npos, len = 0;
  Condition c;
  for (const auto& [sym, op] : ops) {
    std::size_t p = text.find(sym);
    if (p != std::string::npos && (pos == std::string::npos || p < pos || (p == pos && sym.size() > len))) {
      pos = p;
      len = sym.size();
      c.op = op;
    }
  }
  if (pos == std::string::npos || pos == 0) fail(where, "condition « " + text + " » is not fact<op>value");
  const std::string fact = text::trim(text.substr(0, pos)), value = text::trim(text.substr(pos + len));
  c.fact = find_fact(fact);
  if (!c.fact) fail(where, "unknown fact « " + fact + " »");
  c.text = text;
  const bool equality = c.op == Condition::Op::eq || c.op == Condition::Op::ne;
  if (!equality && c.fact->kind == FactKind::boolean)
    fail(where, "fact " + fact + " is yes/no: compare it with = or !=");
  if (equality) {
    for (const auto& v : text::split(value, '/')) c.values.push_back(value_of(where, *c.fact, text::trim(v)));
  } else {
    if (value.find('/') != std::string::npos) fail(where, "« " + text + " »: one value only after " + text.substr(pos, len));
    c.values.push_back(value_of(where, *c.fact, value));
  }
  return c;
}

std::vector<Condition> parse_when(const std::string& where, const std::string& cell) {
  std::vector<Condition> out;
  if (cell == "*") return out;
  if (cell.empty()) fail(where, "empty condition (write * for always)");
  for (const auto& part : text::split(cell, ',')) {
    const std::string p = text::trim(part);
    if (p.empty()) fail(where, "empty condition in « " + cell + " »");
    out.push_back(parse_condition(where, p));
  }
  return out;
}

// The values each constrained fact may take for all of `when` to hold.
using Allowed = std::map<std::string_view, std::vector<bool>>;

Allowed allowed(const std::vector<Condition>& when) {
  Allowed out;
  for (const auto& c : when) {
    const int n = domain_size(*c.fact);
    auto [it, inserted] = out.try_emplace(c.fact->name, std::vector<bool>(static_cast<std::size_t>(n), true));
    for (int v = 0; v < n; ++v) {
      bool ok = false;
      switch (c.op) {
        case Condition::Op::eq: ok = std::find(c.values.begin(), c.values.end(), v) != c.values.end(); break;
        case Condition::Op::ne: ok = std::find(c.values.begin(), c.values.end(), v) == c.values.end(); break;
        case Condition::Op::lt: ok = v < c.values[0]; break;
        case Condition::Op::le: ok = v <= c.values[0]; break;
        case Condition::Op::gt: ok = v > c.values[0]; break;
        case Condition::Op::ge: ok = v >= c.values[0]; break;
      }
      if (!ok) it->second[static_cast<std::size_t>(v)] = false;
    }
  }
  return out;
}

bool empty(const std::vector<bool>& s) { return std::find(s.begin(), s.end(), true) == s.end(); }

// True when some situation satisfies both.
bool overlap(const Allowed& a, const Allowed& b) {
  for (const auto& [fact, set] : a) {
    auto it = b.find(fact);
    if (it == b.end()) continue;
    bool any = false;
    for (std::size_t i = 0; i < set.size() && !any; ++i) any = set[i] && it->second[i];
    if (!any) return false;
  }
  return true;
}

// True when every situation that satisfies `b` satisfies `a`.
bool covers(const Allowed& a, const Allowed& b) {
  for (const auto& [fact, set] : a) {
    auto it = b.find(fact);
    if (it == b.end()) return false;  // b may fire while this fact is unknown; a may not
    for (std::size_t i = 0; i < set.size(); ++i)
      if (it->second[i] && !set[i]) return false;
  }
  return true;
}

void check_satisfiable(const Origin& o, const std::vector<Condition>& when) {
  for (const auto& [fact, set] : allowed(when))
    if (empty(set)) fail(o.where(), "the conditions on " + std::string(fact) + " can never hold together");
}

template <class Row>
bool has_other_version(const std::vector<Row>& rows, const Row& r) {
  for (const auto& x : rows)
    if (&x != &r && x.origin.id == r.origin.id) return true;
  return false;
}

template <class Row>
void check_unique(const std::vector<Row>& rows, const char* what) {
  std::map<std::pair<std::string, Date>, const Origin*> seen;
  for (const auto& r : rows) {
    auto [it, inserted] = seen.emplace(std::make_pair(r.origin.id, r.origin.effective), &r.origin);
    if (!inserted)
      fail(r.origin.where(), std::string(what) + " « " + r.origin.id + " » effective " + format_date(r.origin.effective) +
                                 " is already defined at " + it->second->where());
  }
}

std::vector<std::string> words(const std::string& cell) {
  std::vector<std::string> out;
  std::istringstream in(cell);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

std::vector<Condition> parse_conditions(const std::string& where, const std::string& cell) {
  std::vector<Condition> when = parse_when(where, cell);
  for (const auto& [fact, set] : allowed(when))
    if (empty(set)) fail(where, "the conditions on " + std::string(fact) + " can never hold together");
  return when;
}

const Scheme* RuleSet::scheme(std::string_view code) const {
  for (const auto& s : schemes_)
    if (s.code == code) return &s;
  return nullptr;
}

const Criterion* RuleSet::criterion(std::string_view code, Date today) const {
  const Criterion* best = nullptr;
  for (const auto& c : criteria_)
    if (c.code == code && c.origin.effective <= today && (!best || c.origin.effective > best->origin.effective)) best = &c;
  return best;
}

std::size_t RuleSet::size() const {
  return referents_.size() + offers_.size() + schemes_.size() + solutions_.size() + criteria_.size() +
         requirements_.size() + incompatibilities_.size() + validities_.size();
}

namespace {

struct RowParser {
  const std::string& file;
  const referentials::Inclusion& inclusion;
  const referentials::Barriers& barriers;

  Origin origin(int line, const std::string& id, const std::string& effective, const std::string& source) const {
    Origin o{file, line, id, source, {}};
    if (!slug(id)) fail(o.where(), "id « " + id + " » is not a lowercase code (a-z, 0-9, -, _)");
    auto d = parse_date(effective);
    if (!d) fail(o.where(), "effective date « " + effective + " » is not YYYY-MM-DD");
    o.effective = *d;
    if (source.empty()) fail(o.where(), "every row needs a source");
    return o;
  }
  void typology(const Origin& o, const std::string& code) const {
    if (!inclusion.structure_typologies().contains(code))
      fail(o.where(), "unknown structure typology « " + code + " » (data·inclusion v0 typologies)");
  }
};

}  // namespace

void fail(const std::string& where, const std::string& message) { throw std::runtime_error(where + ": " + message); }

bool slug(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
  return true;
}

void GrammarRow::need(std::size_t n, const char* columns) const {
  if (cells.size() != n)
    fail(where, "a " + cells[0] + " row has " + std::to_string(n) + " cells (" + columns + "), found " +
                    std::to_string(cells.size()));
}

std::vector<GrammarRow> grammar_rows(const std::string& file, std::string_view content) {
  std::vector<GrammarRow> rows;
  std::istringstream in{std::string(content)};
  std::string raw;
  int line = 0;
  while (std::getline(in, raw)) {
    ++line;
    const std::string trimmed = text::trim(raw);
    if (trimmed.empty() || trimmed[0] == '#') continue;
    GrammarRow r{line, file + ":" + std::to_string(line), {}};
    for (const auto& cell : text::split(trimmed, '|')) r.cells.push_back(text::trim(cell));
    rows.push_back(std::move(r));
  }
  return rows;
}

void RuleSet::add_text(const std::string& file, std::string_view content, const referentials::Inclusion& inclusion,
                       const referentials::Barriers& barriers) {
  parse_text(file, content, inclusion, barriers);
  check_all();
}

void RuleSet::parse_text(const std::string& file, std::string_view content, const referentials::Inclusion& inclusion,
                         const referentials::Barriers& barriers) {
  RowParser p{file, inclusion, barriers};
  for (const auto& row : grammar_rows(file, content)) {
    const auto& c = row.cells;
    const int line = row.line;
    const std::string& where = row.where;
    const std::string& kind = c[0];
    auto need = [&](std::size_t n, const char* columns) { row.need(n, columns); };
    if (kind == "referent" || kind == "offer") {
      need(8, "kind | id | priority | when | then | effective | source | reason");
      Rule r;
      r.origin = p.origin(line, c[1], c[5], c[6]);
      r.priority = parse_int(where, c[2], "priority");
      r.when = parse_when(where, c[3]);
      check_satisfiable(r.origin, r.when);
      r.then = c[4];
      r.reason = c[7];
      if (r.reason.empty()) fail(where, "every rule needs a reason (French, shown to users)");
      if (kind == "referent") {
        if (r.then != "none") p.typology(r.origin, r.then);
        referents_.push_back(std::move(r));
      } else {
        if (!slug(r.then)) fail(where, "scheme « " + r.then + " » is not a code");
        offers_.push_back(std::move(r));
      }
    } else if (kind == "scheme") {
      need(6, "scheme | code | label | thematics | effective | source");
      Scheme s;
      s.origin = p.origin(line, c[1], c[4], c[5]);
      s.code = c[1];
      s.label = c[2];
      if (s.label.empty()) fail(where, "a scheme needs a label");
      s.thematics = words(c[3]);
      for (const auto& t : s.thematics)
        if (!inclusion.thematics().contains(t) && !inclusion.thematic_category(t))
          fail(where, "unknown data·inclusion thematic or category « " + t + " »");
      schemes_.push_back(std::move(s));
    } else if (kind == "solution") {
      need(6, "solution | barrier | text | actors | effective | source");
      Solution s;
      s.origin = p.origin(line, c[1], c[4], c[5]);
      s.barrier = c[1];
      if (!barriers.find(s.barrier)) fail(where, "unknown barrier « " + s.barrier + " » (data/barriers.csv)");
      s.text = c[2];
      if (s.text.empty()) fail(where, "a solution needs a text");
      s.actors = words(c[3]);
      for (const auto& a : s.actors) p.typology(s.origin, a);
      solutions_.push_back(std::move(s));
    } else if (kind == "criterion") {
      need(8, "criterion | code | level | when | proof | effective | source | label");
      Criterion k;
      k.origin = p.origin(line, c[1], c[5], c[6]);
      k.code = c[1];
      k.level = parse_int(where, c[2], "level");
      if (k.level != 1 && k.level != 2) fail(where, "a criterion's level is 1 or 2");
      k.when = parse_when(where, c[3]);
      if (k.when.empty()) fail(where, "a criterion needs a condition");
      check_satisfiable(k.origin, k.when);
      k.proof = c[4];
      k.label = c[7];
      if (k.proof.empty() || k.label.empty()) fail(where, "a criterion needs a proof and a label");
      criteria_.push_back(std::move(k));
    } else if (kind == "required") {
      need(5, "required | kind | count | effective | source");
      Requirement r;
      r.origin = p.origin(line, c[1], c[3], c[4]);
      auto k = parse_siae_kind(c[1]);
      if (!k) fail(where, "unknown structure kind « " + c[1] + " » (aci, ai, ei, etti, eiti)");
      r.kind = *k;
      r.count = parse_int(where, c[2], "count");
      if (r.count < 1) fail(where, "at least one level-2 criterion is required");
      requirements_.push_back(std::move(r));
    } else if (kind == "incompatible") {
      need(5, "incompatible | criterion | criterion | effective | source");
      Incompatibility x;
      x.origin = p.origin(line, c[1], c[3], c[4]);
      x.origin.id = c[1] + "/" + c[2];
      x.a = c[1];
      x.b = c[2];
      if (x.a == x.b) fail(where, "a criterion cannot be incompatible with itself");
      incompatibilities_.push_back(std::move(x));
    } else if (kind == "validity") {
      need(6, "validity | author | duration | scope | effective | source");
      Validity v;
      v.origin = p.origin(line, c[1], c[4], c[5]);
      auto a = parse_author(c[1]);
      if (!a) fail(where, "unknown author « " + c[1] + " » (prescriber, employer)");
      v.author = *a;
      auto w = words(c[2]);
      if (w.size() != 2 || (w[1] != "months" && w[1] != "days"))
        fail(where, "duration « " + c[2] + " » is not « N months » or « N days »");
      (w[1] == "months" ? v.months : v.days) = parse_int(where, w[0], "duration");
      if (c[3] != "all" && c[3] != "same-employer") fail(where, "scope « " + c[3] + " » is not all or same-employer");
      v.all_siae = c[3] == "all";
      validities_.push_back(std::move(v));
    } else {
      fail(where, "unknown row kind « " + kind +
                      " » (referent, offer, scheme, solution, criterion, required, incompatible, validity)");
    }
  }
  auto by_priority = [](const Rule& a, const Rule& b) { return a.priority < b.priority; };
  std::stable_sort(referents_.begin(), referents_.end(), by_priority);
  std::stable_sort(offers_.begin(), offers_.end(), by_priority);
}

void RuleSet::check_all() const {
  check_unique(referents_, "referent rule");
  check_unique(offers_, "offer rule");
  check_unique(schemes_, "scheme");
  check_unique(criteria_, "criterion");
  check_unique(requirements_, "requirement for");
  check_unique(incompatibilities_, "incompatibility");
  check_unique(validities_, "validity for");
  // Referents: first match by priority, so two rules of one priority must exclude each other, and
  // a rule that an earlier one always hides is a mistake.
  for (std::size_t i = 0; i < referents_.size(); ++i) {
    const Rule& a = referents_[i];
    const Allowed aa = allowed(a.when);
    for (std::size_t j = i + 1; j < referents_.size(); ++j) {
      const Rule& b = referents_[j];
      if (a.origin.id == b.origin.id) continue;  // versions of one rule
      const Allowed bb = allowed(b.when);
      if (a.priority == b.priority && overlap(aa, bb))
        fail(b.origin.where(), "rules « " + a.origin.id + " » (" + a.origin.where() + ") and « " + b.origin.id +
                                   " » have the same priority " + std::to_string(a.priority) + " and can both match");
      if (a.priority < b.priority && covers(aa, bb) && a.origin.effective <= b.origin.effective &&
          !has_other_version(referents_, a))
        fail(b.origin.where(), "rule « " + b.origin.id + " » is never reached: « " + a.origin.id + " » (" +
                                   a.origin.where() + ") matches first every situation it matches");
    }
  }
  // Offers: every match applies; one that another offer of the same scheme always covers is redundant.
  for (std::size_t i = 0; i < offers_.size(); ++i) {
    const Rule& a = offers_[i];
    if (!scheme(a.then)) fail(a.origin.where(), "unknown scheme « " + a.then + " » (define it with a scheme row)");
    for (std::size_t j = 0; j < offers_.size(); ++j) {
      const Rule& b = offers_[j];
      if (i == j || a.then != b.then || a.origin.id == b.origin.id) continue;
      if (covers(allowed(a.when), allowed(b.when)) && a.origin.effective <= b.origin.effective &&
          !has_other_version(offers_, a))
        fail(b.origin.where(), "rule « " + b.origin.id + " » is redundant: « " + a.origin.id + " » (" +
                                   a.origin.where() + ") offers « " + a.then + " » in every situation it matches");
    }
  }
  for (const auto& x : incompatibilities_)
    for (const auto* code : {&x.a, &x.b})
      if (std::none_of(criteria_.begin(), criteria_.end(), [&](const Criterion& k) { return k.code == *code; }))
        fail(x.origin.where(), "unknown criterion « " + *code + " »");
  for (const auto& k : criteria_)
    for (const auto& other : criteria_)
      if (k.code == other.code && k.level != other.level && &k != &other)
        fail(other.origin.where(), "criterion « " + k.code + " » changes level between versions (" + k.origin.where() + ")");
  if (!criteria_.empty()) {
    for (int k = 0; k <= static_cast<int>(SiaeKind::eiti); ++k)
      if (std::none_of(requirements_.begin(), requirements_.end(),
                       [&](const Requirement& r) { return r.kind == static_cast<SiaeKind>(k); }))
        fail(criteria_.front().origin.file, "no required row for structure kind " +
                                                std::string(label(static_cast<SiaeKind>(k))));
    for (Author a : {Author::prescriber, Author::employer})
      if (std::none_of(validities_.begin(), validities_.end(), [&](const Validity& v) { return v.author == a; }))
        fail(criteria_.front().origin.file, "no validity row for author " + std::string(name(a)));
  }
}

void RuleSet::load(const std::string& dir, const referentials::Inclusion& inclusion,
                   const referentials::Barriers& barriers) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".rules") files.push_back(e.path());
  if (ec) throw std::runtime_error(dir + ": " + ec.message());
  if (files.empty()) throw std::runtime_error(dir + ": no .rules file");
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    if (!in) throw std::runtime_error(f.string() + ": cannot be read");
    std::ostringstream s;
    s << in.rdbuf();
    parse_text(f.filename().string(), s.str(), inclusion, barriers);
  }
  check_all();
  // A barrier whose severity is also a fact names a severity fact of the catalogue.
  for (const auto& b : barriers.all()) {
    if (b.fact.empty()) continue;
    const FactDef* f = find_fact(b.fact);
    if (!f || f->kind != FactKind::ordered || f->values != find_fact("mobility")->values)
      throw std::runtime_error("barriers.csv: frein « " + b.code + " » : « " + b.fact + " » n'est pas une difficulté du catalogue des faits");
  }
}

namespace {
RuleSet g_rules;
std::mutex g_mutex;
bool g_loaded = false;
}  // namespace

const RuleSet& load_rules(const std::string& data_dir) {
  std::lock_guard lock(g_mutex);
  if (!g_loaded) {
    RuleSet r;
    r.load(data_dir + "/rules", referentials::inclusion(), referentials::barriers());
    g_rules = std::move(r);
    g_loaded = true;
  }
  return g_rules;
}

const RuleSet& rules() { return g_rules; }

}  // namespace jalon::orientation
