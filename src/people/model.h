// People accompanied and the organisations that may see them.
#pragma once
#include <string>
#include <vector>

namespace jalon::people {

struct Person {
  long long id = 0;
  std::string first_name, last_name, birth_name;
  std::string birth_date;  // "YYYY-MM-DD" or ""
  std::string sex;         // "F", "M" or ""
  std::string email, phone, address, postal_code, commune_code;
  std::string ft_id;                // France Travail identifier
  std::string qualification_level;  // code of the national nomenclature, see qualification_levels()
  bool consent_sharing = false;
  std::string consent_at;
  long long created_by_org = 0;
  std::string created_at, updated_at;
  long long merged_into = 0;
};

// What a form, an API call or an import row proposes, before validation.
using PersonInput = Person;

// Search keys: a name folded for comparison (see rules.h fold_name).
struct Keys {
  std::string first, last;
};

// Levels of the national nomenclature of diploma levels (2019), with "none".
struct QualificationLevel {
  const char* code;
  const char* label;
};
const std::vector<QualificationLevel>& qualification_levels();
const QualificationLevel* find_qualification_level(const std::string& code);

// Why an organisation may see a person.
enum class GrantReason { creator, consent, referent, pathway, merge };
const char* grant_reason_code(GrantReason r);
const char* grant_reason_label(const std::string& code);

struct Grant {
  long long person_id = 0, organisation_id = 0;
  std::string organisation_name, reason, granted_at, revoked_at;
  long long granted_by_org = 0;
};

struct AuditEntry {
  long long id = 0;
  std::string at;
  long long user_id = 0, token_id = 0, organisation_id = 0, person_id = 0;
  std::string user_name, organisation_name, person_name, action, detail, ip;
};

}  // namespace jalon::people
