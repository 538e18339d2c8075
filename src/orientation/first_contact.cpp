#include "orientation/first_contact.h"

#include <algorithm>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>

#include "base/errors.h"
#include "base/text.h"
#include "orientation/engine.h"
#include "orientation/rules.h"

namespace jalon::orientation {

namespace {

std::vector<std::string> words(const std::string& cell) {
  std::vector<std::string> out;
  std::istringstream in(cell);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

void FirstContact::load(const std::string& path, const referentials::Inclusion& inclusion,
                        const referentials::Barriers& barriers) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error(path + ": cannot be read");
  std::ostringstream s;
  s << in.rdbuf();
  const auto slash = path.find_last_of('/');
  load_text(slash == std::string::npos ? path : path.substr(slash + 1), s.str(), inclusion, barriers);
}

void FirstContact::load_text(const std::string& file, std::string_view content,
                             const referentials::Inclusion& inclusion, const referentials::Barriers& barriers) {
  for (const auto& row : grammar_rows(file, content)) {
    const auto& c = row.cells;
    const int line = row.line;
    const std::string& where = row.where;
    const std::string& kind = c[0];
    auto need = [&](std::size_t n, const char* columns) { row.need(n, columns); };
    auto barrier = [&](const std::string& code) {
      if (!barriers.find(code)) fail(where, "unknown barrier « " + code + " » (data/barriers.csv)");
    };
    Origin origin{file, line, "", "", {}};
    if (kind == "faq") {
      need(6, "faq | id | question | answer | note | source");
      if (!slug(c[1])) fail(where, "id « " + c[1] + " » is not a lowercase code (a-z, 0-9, -, _)");
      for (const auto& f : faq_)
        if (f.id == c[1]) fail(where, "faq « " + c[1] + " » is already defined at " + f.origin.where());
      if (c[2].empty() || c[3].empty()) fail(where, "a faq row needs a question and an answer");
      if (c[5].empty()) fail(where, "every row needs a source");
      origin.id = c[1];
      origin.source = c[5];
      faq_.push_back({origin, c[1], c[2], c[3], c[4]});
    } else if (kind == "show") {
      need(4, "show | faq id | when | difficulties");
      auto it = std::find_if(faq_.begin(), faq_.end(), [&](const FaqEntry& f) { return f.id == c[1]; });
      if (it == faq_.end()) fail(where, "show row of an unknown faq « " + c[1] + " » (define it above)");
      Show s;
      origin.id = c[1];
      origin.source = it->origin.source;
      s.origin = origin;
      s.faq = static_cast<std::size_t>(it - faq_.begin());
      s.when = parse_conditions(where, c[2]);
      if (c[3] == "*") {
        s.difficulties = Show::Difficulties::always;
      } else if (c[3] == "any") {
        s.difficulties = Show::Difficulties::any;
      } else {
        s.difficulties = Show::Difficulties::listed;
        s.barriers = words(c[3]);
        if (s.barriers.empty()) fail(where, "empty difficulties (write * for no condition)");
        for (const auto& b : s.barriers) barrier(b);
      }
      shows_.push_back(std::move(s));
    } else if (kind == "offices") {
      need(4, "offices | referent | typologies | source");
      auto typology = [&](const std::string& code) {
        if (!inclusion.structure_typologies().contains(code))
          fail(where, "unknown structure typology « " + code + " » (data·inclusion v0 typologies)");
      };
      typology(c[1]);
      for (const auto& o : offices_)
        if (o.referent == c[1]) fail(where, "offices of « " + c[1] + " » are already given at " + o.origin.where());
      Offices o{origin, c[1], words(c[2])};
      if (o.typologies.empty()) fail(where, "an offices row names at least one typology");
      for (const auto& t : o.typologies) typology(t);
      if (c[3].empty()) fail(where, "every row needs a source");
      o.origin.id = c[1];
      o.origin.source = c[3];
      offices_.push_back(std::move(o));
    } else if (kind == "difficulty") {
      need(4, "difficulty | barrier | fact=value | source");
      barrier(c[1]);
      for (const auto& d : implied_)
        if (d.barrier == c[1]) fail(where, "difficulty « " + c[1] + " » is already given at " + d.origin.where());
      std::vector<Condition> cond = parse_conditions(where, c[2]);
      if (cond.size() != 1 || cond[0].op != Condition::Op::eq || cond[0].values.size() != 1)
        fail(where, "« " + c[2] + " » is not one fact=value");
      const std::string_view fact = cond[0].fact->name;
      if (std::none_of(declared_facts().begin(), declared_facts().end(),
                       [&](const DeclaredFact& d) { return d.name == fact && !d.date; }))
        fail(where, "fact " + std::string(fact) + " is not declared (computed), it cannot be implied");
      if (c[3].empty()) fail(where, "every row needs a source");
      origin.id = c[1];
      origin.source = c[3];
      implied_.push_back({origin, c[1], cond[0].fact, cond[0].values[0]});
    } else {
      fail(where, "unknown row kind « " + kind + " » (faq, show, offices, difficulty)");
    }
  }
  for (std::size_t i = 0; i < faq_.size(); ++i)
    if (std::none_of(shows_.begin(), shows_.end(), [&](const Show& s) { return s.faq == i; }))
      fail(faq_[i].origin.where(), "faq « " + faq_[i].id + " » has no show row: it would never be shown");
}

std::vector<const FaqEntry*> FirstContact::faq_for(const Situation& s, Date today) const {
  const Facts facts = facts_of(s, today);
  auto ticked = [&](const std::string& code) {
    auto it = s.barriers.find(code);
    return it != s.barriers.end() && it->second != Severity::none;
  };
  std::vector<bool> shown(faq_.size(), false);
  for (const auto& row : shows_) {
    if (shown[row.faq] || !holds_all(row.when, facts)) continue;
    bool difficulties = true;
    if (row.difficulties == Show::Difficulties::any)
      difficulties =
          std::any_of(s.barriers.begin(), s.barriers.end(), [](const auto& b) { return b.second != Severity::none; });
    else if (row.difficulties == Show::Difficulties::listed)
      difficulties = std::any_of(row.barriers.begin(), row.barriers.end(), ticked);
    shown[row.faq] = difficulties;
  }
  std::vector<const FaqEntry*> out;
  for (std::size_t i = 0; i < faq_.size(); ++i)
    if (shown[i]) out.push_back(&faq_[i]);
  return out;
}

std::vector<std::string> FirstContact::typologies_for(std::string_view referent) const {
  if (referent.empty() || referent == "none") return {};
  for (const auto& o : offices_)
    if (o.referent == referent) return o.typologies;
  return {std::string(referent)};
}

void FirstContact::apply_difficulties(Situation& s, const std::vector<std::string>& difficulties) const {
  for (const auto& code : difficulties)
    if (!referentials::barriers().find(code))
      throw ValidationError("barriers", "Difficulté inconnue : « " + code + " ».");
  for (const auto& code : difficulties) {
    s.barriers[code] = Severity::strong;
    for (const auto& d : implied_)
      if (d.barrier == code && !declared(s, d.fact->name))
        set_declared(s, d.fact->name, d.fact->values[static_cast<std::size_t>(d.value)]);
  }
}

namespace {
FirstContact g_first_contact;
std::mutex g_mutex;
bool g_loaded = false;
}  // namespace

const FirstContact& load_first_contact(const std::string& data_dir) {
  std::lock_guard lock(g_mutex);
  if (!g_loaded) {
    FirstContact f;
    f.load(data_dir + "/orientation/first-contact.txt", referentials::inclusion(), referentials::barriers());
    g_first_contact = std::move(f);
    g_loaded = true;
  }
  return g_first_contact;
}

const FirstContact& first_contact() {
  return g_first_contact;
}

}  // namespace jalon::orientation
