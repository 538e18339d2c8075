// Offers and candidates as the matching sees them (docs/jobs.md). Plain values: the job titles
// and occupations point into the process's ROME referential (referentials::rome()).
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "referentials/rome.h"

namespace jalon::jobs {

enum class Contract : std::uint8_t { cdi, cdd, interim, insertion, apprenticeship, professionalisation };
inline constexpr int kContracts = 6;
std::string_view name(Contract c);   // "cdi", "cdd", "interim", "insertion", "apprentissage", "professionnalisation"
std::string_view label(Contract c);  // French
std::optional<Contract> parse_contract(std::string_view s);

// A skill an offer asks for, with how central it is to the offer's occupation in ROME.
struct OfferSkill {
  std::uint32_t code = 0;  // OGR code of the ROME skill
  bool essential = false;  // otherwise nice to have
  referentials::SkillWeight weight = referentials::SkillWeight::other;
};

struct Offer {
  long long id = 0;
  const referentials::JobTitle* title = nullptr;  // never null in an index
  double latitude = 0, longitude = 0;              // of the offer's commune
  Contract contract = Contract::cdi;
  double hours = 35;                     // per week
  int positions = 1;
  std::vector<OfferSkill> skills;        // sorted by code
  bool licence_required = false;
  bool iae_reserved = false;             // for people eligible to the IAE only
  bool open = true;
  std::optional<double> max_distance_km;  // set by the employer
  int pending_applications = 0;
};

struct Candidate {
  long long id = 0;
  std::vector<const referentials::JobTitle*> wanted;  // at least one in an index
  double latitude = 0, longitude = 0;
  double radius_km = 30;
  std::vector<std::uint32_t> skills;  // OGR codes, sorted
  unsigned contracts = 0;             // bit (1 << Contract) per contract wanted; 0: any
  double min_hours = 0, max_hours = 48;
  bool licence = true;
  bool iae_eligible = false;
};

// --- Offers and profiles as stored (jobs/store.h); the matching reads them through jobs/rules.h ---

enum class ClosedReason : std::uint8_t { filled, withdrawn, inactive };
std::string_view name(ClosedReason r);   // "filled", "withdrawn", "inactive"
std::string_view label(ClosedReason r);  // French
std::optional<ClosedReason> parse_closed_reason(std::string_view s);

struct SkillAsked {
  std::uint32_t code = 0;  // OGR code of a ROME skill
  bool essential = false;
};

// An employer's job offer.
struct JobOffer {
  long long id = 0, organisation_id = 0;
  std::string organisation_name;  // read back with the row
  std::uint32_t job_title = 0;    // OGR code of the ROME job title
  std::string title;              // the employer's wording ("" on input: the job title's label)
  std::string description;
  std::string commune_code;
  Contract contract = Contract::cdi;
  std::optional<int> contract_months;  // fixed-term contracts
  double hours = 35;                   // per week
  std::string start_on;                // "YYYY-MM-DD", "" = as soon as possible
  int positions = 1;
  bool licence_required = false, disability_accessible = false, iae_reserved = false;
  std::optional<double> max_distance_km;
  bool open = true;
  std::optional<ClosedReason> closed_reason;
  std::string closed_at, created_at, updated_at;
  std::vector<SkillAsked> skills;  // by code
  int pending = 0;                 // applications not yet decided (read back)
};

// A person's job search: their choices, and what the matching reads, derived from their latest
// diagnosis and record (jobs::derive_profile).
struct JobProfile {
  long long person_id = 0;
  // chosen
  bool searching = true;
  bool shown_to_employers = false;  // employers may see the profile without name in their matches
  unsigned contracts = 0;           // bit (1 << Contract) per contract wanted; 0: any
  double min_hours = 0, max_hours = 48;
  std::string available_on;              // "" = now
  std::optional<double> chosen_radius_km;  // overrides the one of the diagnosis
  std::string chosen_commune;              // "" = where they live
  // derived
  long long diagnosis_id = 0;
  std::vector<std::uint32_t> wanted_jobs, skills;  // OGR codes, sorted
  std::string commune_code;
  double radius_km = 30;
  bool licence = true;
  std::string iae_eligible_until;  // "YYYY-MM-DD" or ""
  long long updated_by_org = 0;    // the organisation that last chose (read back)
  std::string updated_at;
};

}  // namespace jalon::jobs
