// A small world for HTTP tests: two organisations, users in every role, an API token, a pending
// invitation and a password reset link, with live sessions.
#pragma once
#include <string>

#include "db/db.h"

namespace jalon::test {

inline constexpr const char* kPassword = "une phrase de passe";

// A valid (Luhn) fictitious SIRET, different for every n.
std::string siret(int n);

struct Session {
  std::string raw, csrf;
};

struct World {
  long long org_a = 0, org_b = 0;
  long long a_admin = 0, a_member = 0, a_target = 0, b_admin = 0, platform_admin = 0;
  std::string a_admin_email, a_member_email, b_admin_email, platform_email;
  long long token_a = 0;
  std::string token_a_raw;
  long long invitation_a = 0;
  std::string invitation_code, reset_code;
  Session s_a_admin, s_a_member, s_b_admin, s_platform;
  long long person_a = 0;  // created by A, consenting, shared with B
  std::string person_a_email;
  long long structure_a = 0, service_a = 0;  // A's directory entry and one published service of it
  long long appointment_a = 0;  // A's individual appointment with person_a in three days, counsellor a_member
  long long document_a = 0;     // a PNG of person_a deposited by A
  std::string space_code;       // a one-time link to person_a's own space
  Session s_person;             // person_a logged in to their own space (cookie jalon_espace)
  long long diagnosis_a = 0;                  // a diagnosis of person_a by A
  long long offer_a = 0;                      // an open job offer published by A (aide à domicile, Poitiers)
  // person_a's open pathway: A referent, B asking to join; one objective with an action, a step, a
  // note shared with members; a pending orientation of person_a from B to A, and one from A to B.
  long long pathway_a = 0, objective_a = 0, action_a = 0, step_a = 0, note_a = 0;
  long long orientation_to_a = 0, orientation_from_a = 0;
  // An open job offer of A, and person_a's new application to it sent by B, with document_a as its
  // CV (the fixture's one document; that a CV must be of kind "cv" is the actions' rule, tested in
  // tests/jobs, not the table's).
  long long apply_offer_a = 0, application_a = 0;
};

// Builds a world whose names, e-mails and SIRETs are unique for `n`.
World make_world(db::Database& db, int n);

}  // namespace jalon::test
