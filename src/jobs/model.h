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

}  // namespace jalon::jobs
