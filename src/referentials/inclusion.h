// The data·inclusion vocabularies (schema v1, and the v0 structure typologies), loaded once from
// data/data-inclusion/ (see its SOURCES.md): the values a structure or a service may take, with
// their French label, to validate input and to show it.
//
// An Inclusion object is filled once by load() and is read-only afterwards: every const method
// is safe to call from several threads at once without locking. Pointers it returns stay valid
// as long as the object lives (moving keeps them valid; copying is forbidden).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jalon::referentials {

struct Term {
  std::string value;        // what is stored and exchanged: "en-presentiel"
  std::string label;        // what is shown: "En présentiel"
  std::string description;  // may be empty
};

// One closed list of values.
class Vocabulary {
 public:
  // The term with this exact value (case-sensitive, as in the schema), or nullptr.
  const Term* find(std::string_view value) const;
  bool contains(std::string_view value) const { return find(value) != nullptr; }
  // The label of `value`, or `value` itself when unknown (so an old stored value still shows).
  std::string_view label(std::string_view value) const;
  // The labels of `values`, joined by ", " (what a page shows of a list).
  std::string labels(const std::vector<std::string>& values) const {
    std::string out;
    for (const auto& v : values) out += (out.empty() ? "" : ", ") + std::string(label(v));
    return out;
  }
  const std::vector<Term>& terms() const { return terms_; }  // file order
  std::size_t size() const { return terms_.size(); }

 private:
  friend class Inclusion;
  std::vector<Term> terms_;
  std::vector<std::uint32_t> by_value_;  // indexes of terms_, by value
};

// A thematic category ("mobilite") and its thematics ("mobilite--preparer-un-permis", …).
struct ThematicCategory {
  std::string value;                   // "mobilite"
  std::string label;                   // "Mobilité"
  std::vector<const Term*> thematics;  // file order
};

class Inclusion {
 public:
  Inclusion() = default;
  Inclusion(const Inclusion&) = delete;
  Inclusion& operator=(const Inclusion&) = delete;
  Inclusion(Inclusion&&) = default;
  Inclusion& operator=(Inclusion&&) = default;

  // Loads `dir` (seeds/*_v1.csv, categories_thematiques_v1.csv, v0/typologies-de-structures.json)
  // into this empty object, and checks that the v1 JSON schemas (v1/service.json,
  // v1/structure.json) list exactly the same values, so what passes contains() passes the
  // schema. Throws std::runtime_error naming the file (and line for a CSV) on any problem.
  void load(const std::string& dir);

  const Vocabulary& thematics() const { return thematics_; }                    // "category--sub", 69 in v1
  const Vocabulary& audiences() const { return audiences_; }                    // publics
  const Vocabulary& fees() const { return fees_; }                              // frais
  const Vocabulary& reception_modes() const { return reception_modes_; }        // modes d'accueil
  const Vocabulary& mobilisation_modes() const { return mobilisation_modes_; }  // modes de mobilisation
  const Vocabulary& mobilising_persons() const { return mobilising_persons_; }  // personnes mobilisatrices
  const Vocabulary& service_types() const { return service_types_; }            // types de services
  const Vocabulary& networks() const { return networks_; }                      // réseaux porteurs
  // v0 typologies de structures (FT, ML, CAP_EMPLOI, ACI…): v1 dropped them for networks, they
  // remain the usual list of kinds of organisation.
  const Vocabulary& structure_typologies() const { return structure_typologies_; }

  // The 16 categories, in the order of their file, each with its thematics.
  const std::vector<ThematicCategory>& thematic_categories() const { return categories_; }
  // The category with this value ("mobilite"), or nullptr.
  const ThematicCategory* thematic_category(std::string_view value) const;
  // The category of a thematic ("mobilite--preparer-un-permis" -> Mobilité), or nullptr when
  // the thematic is unknown.
  const ThematicCategory* category_of(std::string_view thematic) const;

  std::size_t memory_bytes() const;

 private:
  Vocabulary thematics_, audiences_, fees_, reception_modes_, mobilisation_modes_, mobilising_persons_, service_types_,
      networks_, structure_typologies_;
  std::vector<ThematicCategory> categories_;
};

// The vocabularies of this process, filled by load_referentials() (referentials/referentials.h).
const Inclusion& inclusion();

}  // namespace jalon::referentials
