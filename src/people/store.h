// The people room's SQL. Functions run in the caller's transaction; access is decided before
// (people::can), except where a function's name says it filters by organisation.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "db/db.h"
#include "people/model.h"

namespace jalon::people::store {

// Inserts a validated person created by `org`, with the creator's grant. Returns the id.
long long create(db::Tx& tx, const Person& p, long long org);
std::optional<Person> find(db::Tx& tx, long long id);
// The records (not merged into another) whose e-mail address is `email` (stored lowercased),
// oldest first, at most `limit`: how a person finds their own space.
std::vector<Person> find_by_email(db::Tx& tx, const std::string& email, int limit);
// Saves every field of `p` (validated) and refreshes the search copies in its grants.
void update(db::Tx& tx, const Person& p);

// Merges `absorbed` into `kept`: `absorbed` stays (its history in the audit log keeps its id)
// with merged_into = kept; the organisations that created or refer it see `kept` (with the same
// reason), those it was shared with only if `kept` consents to sharing; its grants end.
void merge(db::Tx& tx, long long kept, long long absorbed, long long by_org);

// Grants
bool has_grant(db::Tx& tx, long long person, long long org);
// Those of `people` that `org` has a live grant to, in one query (lists that name people).
std::set<long long> with_grant(db::Tx& tx, long long org, const std::vector<long long>& people);
std::vector<Grant> grants(db::Tx& tx, long long person);  // live and revoked, oldest first
// Gives `org` access (or gives it back after a revocation). Conflict if it already has it.
void grant(db::Tx& tx, long long person, long long org, GrantReason reason, long long by_org);
void revoke(db::Tx& tx, long long person, long long org);
// Changes the reason of `org`'s live grant (the pathway room: an organisation that becomes, or
// stops being, a person's referent). Nothing when it has none.
void set_grant_reason(db::Tx& tx, long long person, long long org, GrantReason reason);

// The people `org` sees, in name order, 50 at most, after `after_sort_key` (keyset pagination).
struct Query {
  std::string name;        // folded prefix of the last name, then "last first" (see rules)
  std::string birth_date;  // exact, "YYYY-MM-DD"
  std::string commune_code;
  std::string after;       // the sort_key of the last row of the previous page
  int limit = 50;
};
// A search result: what a list shows. The full record is read (and audited) with find().
struct Row {
  long long id = 0;
  std::string first_name, last_name, birth_date, commune_code;
  std::string sort_key;
};
std::vector<Row> search(db::Tx& tx, long long org, const Query& q);
// What a list shows of these people (any order, any number; unknown ids left out), in id order:
// `visible_to` reads only those `org` has a live grant for (from the grants' copies);
// `identities` reads any, for a list whose reader was given the person by other means (an
// orientation received). Neither writes the audit log: the caller does. A few statements
// whatever the number of ids.
std::vector<Row> visible_to(db::Tx& tx, long long org, const std::vector<long long>& ids);
std::vector<Row> identities(db::Tx& tx, const std::vector<long long>& ids);
// The e-mail and phone of these people (an employer's export of the applications it received),
// in id order, unknown ids left out; a few statements whatever the number. No audit: the caller's.
struct Contact {
  long long id = 0;
  std::string email, phone;
};
std::vector<Contact> contacts(db::Tx& tx, const std::vector<long long>& ids);

// Records that could be the same person as `p` (same France Travail identifier or same birth
// date), whoever created them, `p` itself excluded; at most 200.
std::vector<Person> duplicate_candidates(db::Tx& tx, const Person& p);

// Audit log: append-only; no function updates or deletes it.
void audit(db::Tx& tx, const AuditEntry& e);
struct AuditQuery {
  long long person = 0;         // 0: any person the organisation sees
  std::string action;           // "" for all
  long long before_id = 0;      // keyset: entries older than this id
  int limit = 100;
};
// Entries about people `org` sees, and the organisation's own searches, newest first.
std::vector<AuditEntry> audit_of(db::Tx& tx, long long org, const AuditQuery& q);
// Every entry about `person`, whoever wrote it, newest first, at most `limit` (the person's own
// copy of their data).
std::vector<AuditEntry> audit_about(db::Tx& tx, long long person, int limit);

}  // namespace jalon::people::store
