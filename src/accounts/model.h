// Organisations, users and their memberships: the vocabulary of the accounts room.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jalon::accounts {

// Kinds of organisations of the field, grouped into families for menus and statistics.
struct OrgKind {
  const char* code;   // stored value, stable
  const char* label;  // French label shown in the UI
  const char* family; // "accompagnement", "siae", "formation", "employeur", "autorite"
  bool prescriber_by_default;  // authorised prescriber by law (France Travail, ML, Cap Emploi, Département)
};
const std::vector<OrgKind>& org_kinds();
const OrgKind* find_org_kind(std::string_view code);
const char* family_label(std::string_view family);

enum class Role { admin, member };
const char* role_code(Role r);        // "admin", "member"
const char* role_label(std::string_view code);  // "Administrateur", "Membre"
bool parse_role(std::string_view code, Role& out);

struct Organisation {
  long long id = 0;
  std::string name, kind, siret, commune_code;
  bool authorised_prescriber = false;
  std::string time_zone = "Europe/Paris";
  std::string created_at, updated_at;
};

// What a form or an API call proposes for an organisation, before validation.
struct OrganisationInput {
  std::string name, kind, siret, commune_code;
  bool authorised_prescriber = false;
};

struct User {
  long long id = 0;
  std::string email, display_name, password_hash;
  bool platform_admin = false, active = true;
  std::string created_at;
};

struct Member {
  long long user_id = 0;
  std::string email, display_name, role;
  bool social_worker = false;
  std::string since;
};

// One organisation a user belongs to, as the session needs it.
struct MembershipOf {
  long long organisation_id = 0;
  std::string organisation_name, role;
  bool social_worker = false;
};

struct Invitation {
  long long id = 0, organisation_id = 0;
  std::string organisation_name, email, role;
  bool social_worker = false;
  std::string invited_by_name, created_at, expires_at, accepted_at, revoked_at;
};

struct ApiToken {
  long long id = 0, organisation_id = 0;
  std::string name, prefix, created_by_name, created_at, last_used_at, revoked_at;
};

}  // namespace jalon::accounts
