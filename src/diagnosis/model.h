// A diagnosis of a person's situation, barriers and skills (docs/diagnosis.md): written once,
// never updated. The situation uses the orientation room's facts (orientation/model.h), so the
// engine reads a diagnosis as it is.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "orientation/model.h"

namespace jalon::diagnosis {

// Who made it, which fixes how long an IAE eligibility diagnosis holds (orientation rules).
enum class AuthorKind { prescriber, employer, other };
std::string_view name(AuthorKind k);          // "prescriber", "employer", "other"
std::string_view label(AuthorKind k);         // French
std::optional<AuthorKind> parse_author_kind(std::string_view s);

struct Diagnosis {
  long long id = 0, person_id = 0, organisation_id = 0, author_id = 0;
  std::string organisation_name, author_name;  // read back with the row
  AuthorKind author_kind = AuthorKind::other;
  std::string made_on;     // "YYYY-MM-DD": the day of the interview
  std::string created_at;  // ISO time of the record
  std::string commune_code;  // place of residence (INSEE); may be empty
  std::string comment;
  // Declared facts, barriers (code → severity light or more) and ticked IAE criteria. The birth
  // date is the person record's, set when the diagnosis is read for the engine.
  orientation::Situation situation;
  std::vector<std::string> rome_skills;         // OGR codes of ROME skills
  std::vector<std::string> transversal_skills;  // codes of data/transversal_skills.csv
  std::vector<std::string> jobs;                // OGR codes of wanted job titles
};

// One line of a person's diagnosis history.
struct Summary {
  long long id = 0;
  std::string made_on, organisation_name, author_name;
  AuthorKind author_kind = AuthorKind::other;
  int barriers = 0;  // how many barriers of severity light or more
};

}  // namespace jalon::diagnosis
