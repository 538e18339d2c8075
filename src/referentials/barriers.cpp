#include "referentials/barriers.h"

#include <algorithm>

#include "base/text.h"
#include "referentials/memory.h"
#include "referentials/source.h"

namespace jalon::referentials {

namespace {
bool slug(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-') return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}
}  // namespace

void Barriers::load(const std::string& path, const Inclusion& inclusion) {
  SourceTable t(path);
  const std::size_t c_code = t.column("code"), c_label = t.column("label"), c_description = t.column("description"),
                    c_thematics = t.column("thematics");
  const auto c_fact = t.optional_column("fact");
  const auto& terms = inclusion.thematics().terms();
  for (const auto& row : t.rows()) {
    Barrier b{t.required(row, c_code), t.required(row, c_label), t.field(row, c_description), {}, {}, c_fact ? t.field(row, *c_fact) : ""};
    if (!slug(b.code)) t.fail(row, "code « " + b.code + " » invalide (minuscules, chiffres et tirets)");
    if (find(b.code)) t.fail(row, "code « " + b.code + " » en double");
    std::vector<bool> chosen(terms.size(), false);
    for (const auto& value : text::split(t.required(row, c_thematics), ' ')) {
      if (value.empty()) continue;
      b.mapping.push_back(value);
      if (const Term* term = inclusion.thematics().find(value)) {
        chosen[static_cast<std::size_t>(term - terms.data())] = true;
      } else if (const ThematicCategory* category = inclusion.thematic_category(value)) {
        for (const Term* th : category->thematics) chosen[static_cast<std::size_t>(th - terms.data())] = true;
      } else {
        t.fail(row, "« " + value + " » n'est ni une thématique ni une catégorie de thématiques de data·inclusion");
      }
    }
    for (std::size_t i = 0; i < terms.size(); ++i)
      if (chosen[i]) b.thematics.push_back(&terms[i]);
    if (b.thematics.empty()) t.fail(row, "aucune thématique pour « " + b.code + " »");
    all_.push_back(std::move(b));
  }
}

const Barrier* Barriers::find(std::string_view code) const {
  // A dozen barriers: a linear scan is as fast as anything else.
  for (const auto& b : all_)
    if (b.code == code) return &b;
  return nullptr;
}

void TransversalSkills::load(const std::string& path) {
  SourceTable t(path);
  const std::size_t c_code = t.column("code"), c_label = t.column("label"), c_description = t.column("description");
  for (const auto& row : t.rows()) {
    TransversalSkill s{t.required(row, c_code), t.required(row, c_label), t.field(row, c_description)};
    if (!slug(s.code)) t.fail(row, "code « " + s.code + " » invalide (minuscules, chiffres et tirets)");
    if (find(s.code)) t.fail(row, "code « " + s.code + " » en double");
    all_.push_back(std::move(s));
  }
}

const TransversalSkill* TransversalSkills::find(std::string_view code) const {
  for (const auto& s : all_)
    if (s.code == code) return &s;
  return nullptr;
}

std::size_t Barriers::memory_bytes() const {
  std::size_t n = sizeof(*this) + vector_bytes(all_);
  for (const auto& b : all_) {
    n += string_bytes(b.code) + string_bytes(b.label) + string_bytes(b.description) + string_bytes(b.fact) + vector_bytes(b.mapping) +
         vector_bytes(b.thematics);
    for (const auto& m : b.mapping) n += string_bytes(m);
  }
  return n;
}

}  // namespace jalon::referentials
