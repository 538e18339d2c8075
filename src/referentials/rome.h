// ROME 4.0 (v460), France Travail's referential of occupations and skills, loaded once from
// data/rome/ (see data/rome/SOURCES.md): the 1,584 occupations (fiches métier, "K2204"), their
// 13,120 job titles (appellations), the tree occupation -> professional domain (K22) -> large
// domain (K), the skills of each occupation with their weight, and the mobility graph between
// occupations.
//
// A Rome object is filled once by load() and is read-only afterwards: every const method is safe
// to call from several threads at once without locking. Pointers and spans it returns stay valid
// as long as the object lives (moving keeps them valid; copying is forbidden).
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "referentials/search_index.h"

namespace jalon::referentials {

struct GrandDomain {
  std::string code;   // "K"
  std::string label;  // "Services à la personne et à la collectivité"
};

struct Domain {
  std::string code;   // "K22"
  std::string label;  // "Nettoyage et propreté industriels"
  const GrandDomain* grand_domain = nullptr;
};

// An occupation: one ROME code and its fiche.
struct Occupation {
  std::string code;   // "K2204"
  std::string label;  // "Agent / Agente de nettoyage industriel"
  const Domain* domain = nullptr;
};

// A job title (appellation): the words people use for an occupation.
struct JobTitle {
  std::uint32_t code = 0;   // code OGR of the appellation (11573)
  std::string label;        // "Boulanger / Boulangère"
  std::string short_label;  // abbreviated form of at most about 60 characters
  const Occupation* occupation = nullptr;
  bool main = false;         // the occupation's own title (classification PRINCIPALE)
  bool rarely_used = false;  // flagged "peu usité" by France Travail
};

enum class SkillKind : std::uint8_t {
  know_how,    // savoir-faire (rubric 1)
  soft_skill,  // savoir-être professionnel (rubric 2)
  knowledge,   // savoir (rubric 3)
};

struct Skill {
  std::uint32_t code = 0;  // code OGR
  SkillKind kind = SkillKind::know_how;
  std::string label;  // "Pétrir une pâte"
};

// How central a skill is to an occupation (unix_coherence_item's coeur_metier). Ordered from the
// most to the least central.
enum class SkillWeight : std::uint8_t {
  principal,  // "Principale": core of the occupation
  emerging,   // "Émergente": growing in importance
  other,      // neither
};

struct OccupationSkill {
  const Skill* skill = nullptr;
  SkillWeight weight = SkillWeight::other;
};

// A directed edge of the mobility graph: from an occupation, a close one to move to.
struct Mobility {
  const Occupation* target = nullptr;
  int order = 0;  // numero_ordre of the export (1 first)
};

class Rome {
 public:
  Rome() = default;
  Rome(const Rome&) = delete;
  Rome& operator=(const Rome&) = delete;
  Rome(Rome&&) = default;
  Rome& operator=(Rome&&) = default;

  // Loads the ROME files of `rome_dir` (the unix_*_v460_utf8.csv listed in SOURCES.md) into this
  // empty object, checking their links (every job title, skill pair and mobility edge names a
  // known occupation; every occupation has a domain). Throws std::runtime_error naming the file
  // and line on any problem.
  void load(const std::string& rome_dir);

  // The occupation with this ROME code ("K2204"), or nullptr.
  const Occupation* find(std::string_view code) const;
  // The job title with this OGR code ("11573" or 11573), or nullptr.
  const JobTitle* job_title(std::uint32_t code) const;
  const JobTitle* job_title(std::string_view code) const;
  // The job titles of an occupation: its main title first, then by label.
  std::span<const JobTitle* const> job_titles(const Occupation& occupation) const;

  // Job titles matching free text, at most `limit` (capped at kMaxResults). Every word of the
  // query must be the start of a word of the title (accents, case and punctuation ignored; small
  // words such as "à", "de", "la" are skipped). Ranked: titles equal to the query (in masculine
  // or feminine form: "boulanger" is "Boulanger / Boulangère"), then titles starting with it,
  // then others; shorter titles, main titles and common ones first within each. A ROME code
  // ("k2204") gives that occupation's titles. Thread-safe.
  std::vector<const JobTitle*> search(std::string_view query, std::size_t limit = 10) const;
  static constexpr std::size_t kMaxResults = 50;
  // The job title the words name without doubt: the only one search() finds, or one whose label
  // (or its masculine form, before " / ") equals the words, accents and case aside; else nullptr.
  const JobTitle* named(std::string_view words) const;

  // The skills of an occupation: principal first, then emerging, then the others; know-how,
  // soft skills, knowledge within each; then by label.
  std::span<const OccupationSkill> skills(const Occupation& occupation) const;
  // The occupations one can move to from `occupation`, by increasing order.
  std::span<const Mobility> mobility(const Occupation& occupation) const;

  const Domain* domain(std::string_view code) const;             // "K22"
  const GrandDomain* grand_domain(std::string_view code) const;  // "K"
  // The occupations of a professional domain, by code.
  std::vector<const Occupation*> in_domain(const Domain& domain) const;
  // The skill with this OGR code, or nullptr.
  const Skill* skill(std::uint32_t code) const;

  const std::vector<Occupation>& occupations() const { return occupations_; }       // by code
  const std::vector<Domain>& domains() const { return domains_; }                   // by code
  const std::vector<GrandDomain>& grand_domains() const { return grand_domains_; }  // by code
  std::size_t job_title_count() const { return job_titles_.size(); }
  std::size_t skill_count() const { return skills_.size(); }  // skills linked to an occupation
  std::size_t skill_link_count() const { return occupation_skills_.size(); }
  std::size_t mobility_count() const { return mobilities_.size(); }
  // Approximate heap and object bytes held (strings, vectors, indexes).
  std::size_t memory_bytes() const;

 private:
  void load_tree(const std::string& dir);
  void load_occupations(const std::string& dir);
  void load_job_titles(const std::string& dir);
  void load_skills(const std::string& dir);
  void load_mobility(const std::string& dir);
  std::size_t index_of(const Occupation& o) const { return static_cast<std::size_t>(&o - occupations_.data()); }

  std::vector<GrandDomain> grand_domains_;
  std::vector<Domain> domains_;
  std::vector<Occupation> occupations_;
  std::vector<JobTitle> job_titles_;                   // by code
  std::vector<const JobTitle*> titles_by_occupation_;  // grouped by occupation
  std::vector<std::uint32_t> titles_begin_;            // per occupation + 1: start in titles_by_occupation_
  std::vector<Skill> skills_;                          // by code
  std::vector<OccupationSkill> occupation_skills_;     // grouped by occupation
  std::vector<std::uint32_t> skills_begin_;
  std::vector<Mobility> mobilities_;  // grouped by occupation
  std::vector<std::uint32_t> mobility_begin_;
  // Words of the titles (id: index in job_titles_; tag: the word's position), and the titles'
  // masculine and feminine forms as stored keys for ranking.
  PrefixIndex words_;
  struct Forms {
    std::uint32_t masculine_offset, masculine_length, feminine_offset, feminine_length;
  };
  std::vector<Forms> forms_;  // per job title
};

// The ROME of this process, filled by load_referentials() (referentials/referentials.h).
const Rome& rome();

}  // namespace jalon::referentials
