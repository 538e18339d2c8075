#include "orientation/situation_input.h"

#include <charconv>
#include <stdexcept>
#include <string>
#include <type_traits>

namespace jalon::orientation {

namespace {

// Calls f with the Situation member that holds the fact `name` (a std::optional of bool, int or
// an enumeration); false when no member holds it. S is Situation or const Situation.
template <class S, class F>
bool visit(S& s, std::string_view name, F&& f) {
  if (name == "age") return f(s.age), true;
  if (name == "rqth") return f(s.rqth), true;
  if (name == "resource") return f(s.resource), true;
  if (name == "jobseeker") return f(s.jobseeker), true;
  if (name == "qualification") return f(s.qualification), true;
  if (name == "housing") return f(s.housing), true;
  if (name == "licence") return f(s.licence), true;
  if (name == "vehicle") return f(s.vehicle), true;
  if (name == "mobility") return f(s.mobility), true;
  if (name == "health") return f(s.health), true;
  if (name == "isolation") return f(s.isolation), true;
  if (name == "digital") return f(s.digital), true;
  if (name == "childcare") return f(s.childcare), true;
  if (name == "french") return f(s.french), true;
  if (name == "justice") return f(s.justice), true;
  if (name == "ase") return f(s.ase), true;
  if (name == "refugee") return f(s.refugee), true;
  if (name == "single_parent") return f(s.single_parent), true;
  if (name == "qpv") return f(s.qpv), true;
  if (name == "zrr") return f(s.zrr), true;
  if (name == "social_first") return f(s.social_first), true;
  return false;
}

}  // namespace

bool settable(const FactDef& fact) {
  Situation probe;
  return visit(probe, fact.name, [](auto&) {});
}

std::optional<int> fact_value(const FactDef& fact, std::string_view text) {
  if (fact.kind == FactKind::number) {
    int v = 0;
    auto r = std::from_chars(text.data(), text.data() + text.size(), v);
    if (text.empty() || r.ec != std::errc() || r.ptr != text.data() + text.size() || v < 0 || v > 150)
      return std::nullopt;
    return v;
  }
  for (std::size_t i = 0; i < fact.values.size(); ++i)
    if (fact.values[i] == text) return static_cast<int>(i);
  return std::nullopt;
}

void set_fact(Situation& s, const FactDef& fact, int value) {
  bool known = visit(s, fact.name, [value](auto& member) {
    using T = typename std::remove_reference_t<decltype(member)>::value_type;
    if constexpr (std::is_same_v<T, bool>)
      member = value != 0;
    else
      member = static_cast<T>(value);
  });
  if (!known) throw std::logic_error("set_fact: " + std::string(fact.name) + " is computed, not declared");
}

bool has_fact(const Situation& s, const FactDef& fact) {
  bool has = false;
  visit(s, fact.name, [&has](auto& member) { has = member.has_value(); });
  return has;
}

}  // namespace jalon::orientation
