// Barriers to insertion ("freins"): the first version of the barrier referential, from the
// seed's table (qualification, housing, mobility, health, isolation) and the domain notes
// (digital, French language, family and childcare, administrative or legal difficulties), each
// mapped to the data·inclusion thematics whose services lift it. Loaded once from
// data/barriers.csv (see data/README.md); the directory searches by barrier through it, the
// diagnosis records barriers by code.
//
// A Barriers object is filled once by load() and is read-only afterwards: every const method is
// safe to call from several threads at once without locking. Its Term pointers lead into the
// Inclusion object given to load(), which must outlive it (moving either keeps them valid);
// copying is forbidden.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "referentials/inclusion.h"

namespace jalon::referentials {

struct Barrier {
  std::string code;         // stored and exchanged: "mobilite"
  std::string label;        // shown: "Absence de mobilité"
  std::string description;  // may be empty
  // What the file says, as written: whole categories ("mobilite") or thematics
  // ("famille--garde-denfants").
  std::vector<std::string> mapping;
  // The mapping resolved to thematics: a category stands for all of its thematics. In the
  // vocabulary's file order, without duplicates; never empty.
  std::vector<const Term*> thematics;
  // The severity fact of the orientation catalogue that this barrier's severity also is
  // ("mobility" for "mobilite"), or "" (column fact; checked by the orientation rules' loader).
  std::string fact;
};

class Barriers {
 public:
  Barriers() = default;
  Barriers(const Barriers&) = delete;
  Barriers& operator=(const Barriers&) = delete;
  Barriers(Barriers&&) = default;
  Barriers& operator=(Barriers&&) = default;

  // Loads the CSV `path` (columns code, label, description, thematics and optionally fact; thematics separated by
  // spaces) into this empty object, resolving each mapping against `inclusion`, which must be
  // loaded. Throws std::runtime_error "path:line: …" for a missing column, an empty code, label
  // or mapping, a code seen twice or not a lowercase slug, or a value that is neither a
  // thematic nor a category of `inclusion`.
  void load(const std::string& path, const Inclusion& inclusion);

  // The barrier with this code, or nullptr.
  const Barrier* find(std::string_view code) const;
  const std::vector<Barrier>& all() const { return all_; }  // file order
  std::size_t size() const { return all_.size(); }
  std::size_t memory_bytes() const;

 private:
  std::vector<Barrier> all_;
};

// The barriers of this process, filled by load_referentials() (referentials/referentials.h).
const Barriers& barriers();

// The transversal skills a diagnosis records beside ROME's ("Compétence 10", digital,
// professional communication…), from data/transversal_skills.csv (columns code, label,
// description). Read-only after load(), like Barriers.
struct TransversalSkill {
  std::string code;   // "competence-10"
  std::string label;  // "Compétence 10 : gérer sa vie professionnelle"
  std::string description;
};
class TransversalSkills {
 public:
  // Throws std::runtime_error "path:line: …" for a missing column, an empty code or label, a
  // code seen twice or not a lowercase slug.
  void load(const std::string& path);
  const TransversalSkill* find(std::string_view code) const;  // nullptr when unknown
  const std::vector<TransversalSkill>& all() const { return all_; }  // file order
 private:
  std::vector<TransversalSkill> all_;
};
const TransversalSkills& transversal_skills();

}  // namespace jalon::referentials
