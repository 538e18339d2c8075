#include "accounts/store.h"

#include "db/query.h"

#include "base/crypto.h"
#include "base/errors.h"
#include "base/text.h"
#include "base/time.h"
#include "db/query.h"

namespace jalon::accounts::store {

using db::as_bool;
using db::as_int;
using db::as_text;
using soci::into;
using soci::use;

namespace {
std::string plus_days(int days) { return time::iso(time::now() + std::chrono::hours(24 * days)); }
std::string plus_minutes(int minutes) { return time::iso(time::now() + std::chrono::minutes(minutes)); }

Organisation org_from(const soci::row& r) {
  Organisation o;
  o.id = as_int(r, 0);
  o.name = as_text(r, 1);
  o.kind = as_text(r, 2);
  o.siret = as_text(r, 3);
  o.commune_code = as_text(r, 4);
  o.authorised_prescriber = as_bool(r, 5);
  o.time_zone = as_text(r, 6);
  o.created_at = as_text(r, 7);
  o.updated_at = as_text(r, 8);
  return o;
}
const char* kOrgColumns = "o.id, o.name, o.kind, o.siret, o.commune_code, o.authorised_prescriber, o.time_zone, o.created_at, o.updated_at";

int count(db::Tx& tx, const std::string& sql, const std::string& a, const std::string& b) {
  int n = 0;
  tx.sql() << sql, use(a), use(b), into(n);
  return n;
}

User user_from(const soci::row& r) {
  User u;
  u.id = as_int(r, 0);
  u.email = as_text(r, 1);
  u.display_name = as_text(r, 2);
  u.password_hash = as_text(r, 3);
  u.platform_admin = as_bool(r, 4);
  u.active = as_bool(r, 5);
  u.created_at = as_text(r, 6);
  return u;
}

const char* kUserSelect = "SELECT id, email, display_name, COALESCE(password_hash, ''), platform_admin, active, created_at FROM users ";

Invitation invitation_from(const soci::row& r) {
  Invitation i;
  i.id = as_int(r, 0);
  i.organisation_id = as_int(r, 1);
  i.organisation_name = as_text(r, 2);
  i.email = as_text(r, 3);
  i.role = as_text(r, 4);
  i.social_worker = as_bool(r, 5);
  i.invited_by_name = as_text(r, 6);
  i.created_at = as_text(r, 7);
  i.expires_at = as_text(r, 8);
  i.accepted_at = as_text(r, 9);
  i.revoked_at = as_text(r, 10);
  return i;
}
const char* kInvitationSelect =
    "SELECT i.id, i.organisation_id, o.name, i.email, i.role, i.social_worker, COALESCE(u.display_name, ''), "
    "i.created_at, i.expires_at, i.accepted_at, i.revoked_at FROM invitations i "
    "JOIN organisations o ON o.id = i.organisation_id LEFT JOIN users u ON u.id = i.invited_by ";

Member member_from(const soci::row& r) {
  Member m;
  m.user_id = as_int(r, 0);
  m.email = as_text(r, 1);
  m.display_name = as_text(r, 2);
  m.role = as_text(r, 3);
  m.social_worker = as_bool(r, 4);
  m.since = as_text(r, 5);
  return m;
}
const char* kMemberSelect =
    "SELECT u.id, u.email, u.display_name, m.role, m.social_worker, m.created_at FROM memberships m "
    "JOIN users u ON u.id = m.user_id ";

ApiToken token_from(const soci::row& r) {
  ApiToken t;
  t.id = as_int(r, 0);
  t.organisation_id = as_int(r, 1);
  t.name = as_text(r, 2);
  t.prefix = as_text(r, 3);
  t.created_by_name = as_text(r, 4);
  t.created_at = as_text(r, 5);
  t.last_used_at = as_text(r, 6);
  t.revoked_at = as_text(r, 7);
  return t;
}
const char* kTokenSelect =
    "SELECT t.id, t.organisation_id, t.name, t.prefix, COALESCE(u.display_name, ''), t.created_at, t.last_used_at, "
    "t.revoked_at FROM api_tokens t LEFT JOIN users u ON u.id = t.created_by ";
}  // namespace

long long create_organisation(db::Tx& tx, const OrganisationInput& in) {
  int clash = 0;
  tx.sql() << "SELECT COUNT(*) FROM organisations WHERE siret = :s", use(in.siret), into(clash);
  if (clash > 0)
    throw ValidationError("siret", "Une organisation avec ce SIRET existe déjà.");
  std::string now = time::iso_now();
  int prescriber = in.authorised_prescriber ? 1 : 0;
  long long id = 0;
  tx.sql() << "INSERT INTO organisations (name, kind, siret, commune_code, authorised_prescriber, created_at, updated_at) "
              "VALUES (:n, :k, :s, :c, :p, :t, :t2) RETURNING id",
      use(in.name), use(in.kind), use(in.siret), use(in.commune_code), use(prescriber), use(now), use(now), into(id);
  return id;
}

void update_organisation(db::Tx& tx, long long id, const OrganisationInput& in) {
  int clash = 0;
  tx.sql() << "SELECT COUNT(*) FROM organisations WHERE siret = :s AND id <> :i", use(in.siret), use(id), into(clash);
  if (clash > 0) throw ValidationError("siret", "Une autre organisation utilise déjà ce SIRET.");
  std::string now = time::iso_now();
  int prescriber = in.authorised_prescriber ? 1 : 0;
  tx.sql() << "UPDATE organisations SET name = :n, kind = :k, siret = :s, commune_code = :c, authorised_prescriber = :p, "
              "updated_at = :t WHERE id = :i",
      use(in.name), use(in.kind), use(in.siret), use(in.commune_code), use(prescriber), use(now), use(id);
}

std::optional<Organisation> find_organisation(db::Tx& tx, long long id) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string("SELECT ") + kOrgColumns + " FROM organisations o WHERE o.id = :i", use(id));
  for (const auto& r : rs) return org_from(r);
  return std::nullopt;
}

Organisation get_organisation(db::Tx& tx, long long id) {
  auto o = find_organisation(tx, id);
  if (!o) throw NotFound("Cette organisation n'existe pas.");
  return *o;
}

std::vector<Organisation> list_organisations(db::Tx& tx) {
  std::vector<Organisation> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string("SELECT ") + kOrgColumns + " FROM organisations o ORDER BY o.name, o.id");
  for (const auto& r : rs) out.push_back(org_from(r));
  return out;
}

std::vector<Organisation> organisations_of_user(db::Tx& tx, long long user_id) {
  std::vector<Organisation> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string("SELECT ") + kOrgColumns +
                                                        " FROM organisations o JOIN memberships m ON m.organisation_id = o.id "
                                                        "WHERE m.user_id = :u ORDER BY o.name, o.id",
                                use(user_id));
  for (const auto& r : rs) out.push_back(org_from(r));
  return out;
}

long long create_user(db::Tx& tx, const std::string& email, const std::string& display_name,
                      const std::string& password_hash, bool platform_admin) {
  if (find_user_by_email(tx, email)) throw Conflict("Un compte existe déjà avec cette adresse e-mail.");
  std::string now = time::iso_now();
  int admin = platform_admin ? 1 : 0;
  long long id = 0;
  tx.sql() << "INSERT INTO users (email, display_name, password_hash, platform_admin, created_at, password_changed_at) "
              "VALUES (:e, :n, :p, :a, :t, :t2) RETURNING id",
      use(email), use(display_name), use(password_hash), use(admin), use(now), use(now), into(id);
  return id;
}

std::optional<User> find_user_by_email(db::Tx& tx, const std::string& email) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kUserSelect) + "WHERE email = :e", use(email));
  for (const auto& r : rs) return user_from(r);
  return std::nullopt;
}

std::optional<User> find_user(db::Tx& tx, long long id) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kUserSelect) + "WHERE id = :i", use(id));
  for (const auto& r : rs) return user_from(r);
  return std::nullopt;
}

void set_password(db::Tx& tx, long long user_id, const std::string& password_hash) {
  std::string now = time::iso_now();
  tx.sql() << "UPDATE users SET password_hash = :p, password_changed_at = :t WHERE id = :i", use(password_hash), use(now),
      use(user_id);
}

void add_membership(db::Tx& tx, long long org, long long user, const std::string& role, bool social_worker) {
  if (member(tx, org, user)) throw Conflict("Cette personne est déjà membre de l'organisation.");
  auto u = find_user(tx, user);
  if (u && u->platform_admin)
    throw Conflict("Le compte d'administration de la plateforme ne peut pas être membre d'une organisation : "
                   "il gère les organisations sans accéder aux personnes accompagnées.");
  std::string now = time::iso_now();
  int sw = social_worker ? 1 : 0;
  tx.sql() << "INSERT INTO memberships (organisation_id, user_id, role, social_worker, created_at) VALUES (:o, :u, :r, :s, :t)",
      use(org), use(user), use(role), use(sw), use(now);
}

std::vector<Member> members(db::Tx& tx, long long org) {
  std::vector<Member> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kMemberSelect) + "WHERE m.organisation_id = :o ORDER BY u.display_name, u.id",
                                use(org));
  for (const auto& r : rs) out.push_back(member_from(r));
  return out;
}

std::optional<Member> member(db::Tx& tx, long long org, long long user) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kMemberSelect) + "WHERE m.organisation_id = :o AND m.user_id = :u",
                                use(org), use(user));
  for (const auto& r : rs) return member_from(r);
  return std::nullopt;
}

int admin_count(db::Tx& tx, long long org) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM memberships WHERE organisation_id = :o AND role = 'admin'", use(org), into(n);
  return n;
}

void set_membership(db::Tx& tx, long long org, long long user, const std::string& role, bool social_worker) {
  int sw = social_worker ? 1 : 0;
  tx.sql() << "UPDATE memberships SET role = :r, social_worker = :s WHERE organisation_id = :o AND user_id = :u", use(role),
      use(sw), use(org), use(user);
}

void remove_membership(db::Tx& tx, long long org, long long user) {
  tx.sql() << "DELETE FROM memberships WHERE organisation_id = :o AND user_id = :u", use(org), use(user);
}

std::vector<MembershipOf> memberships_of(db::Tx& tx, long long user) {
  std::vector<MembershipOf> out;
  db::Query q(tx, "SELECT o.id, o.name, m.role, m.social_worker FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
                  "WHERE m.user_id = :u ORDER BY o.name, o.id");
  q.bind(user);
  while (q.next()) out.push_back(MembershipOf{q.int64(0), q.text(1), q.text(2), q.int64(3) != 0});
  return out;
}

NewSession create_session(db::Tx& tx, long long user, const std::string& ip, const std::string& user_agent,
                          int lifetime_hours) {
  NewSession s{crypto::random_token(32), crypto::random_token(32)};
  std::string hash = crypto::hash_token(s.raw_id), now = time::iso_now();
  std::string expires = time::iso(time::now() + std::chrono::hours(lifetime_hours));
  std::string ua = text::valid_utf8(user_agent) ? text::cut_utf8(user_agent, 300) : "";
  tx.sql() << "INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, last_seen_at, expires_at, ip, user_agent) "
              "VALUES (:h, :u, :c, :t, :t2, :e, :ip, :ua)",
      use(hash), use(user), use(s.csrf_token), use(now), use(now), use(expires), use(ip), use(ua);
  return s;
}

std::optional<LiveSession> find_live_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso,
                                             const std::string& idle_limit_iso) {
  db::Query q(tx, "SELECT s.user_id, s.csrf_token, s.last_seen_at, u.email, u.display_name, u.platform_admin "
                  "FROM sessions s JOIN users u ON u.id = s.user_id "
                  "WHERE s.id_hash = :h AND s.expires_at > :n AND s.last_seen_at > :i AND u.active = 1");
  q.bind(id_hash).bind(now_iso).bind(idle_limit_iso);
  if (q.next()) return LiveSession{q.int64(0), q.text(1), q.text(2), q.text(3), q.text(4), q.int64(5) != 0};
  return std::nullopt;
}

void touch_session(db::Tx& tx, const std::string& id_hash, const std::string& now_iso) {
  tx.sql() << "UPDATE sessions SET last_seen_at = :t WHERE id_hash = :h", use(now_iso), use(id_hash);
}

void delete_session(db::Tx& tx, const std::string& id_hash) { tx.sql() << "DELETE FROM sessions WHERE id_hash = :h", use(id_hash); }

void delete_sessions_of_user(db::Tx& tx, long long user) { tx.sql() << "DELETE FROM sessions WHERE user_id = :u", use(user); }

int purge_expired_sessions(db::Tx& tx, const std::string& now_iso) {
  soci::statement st = (tx.sql().prepare << "DELETE FROM sessions WHERE expires_at <= :t", use(now_iso));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

NewInvitation create_invitation(db::Tx& tx, long long org, const std::string& email, const std::string& role,
                                bool social_worker, long long invited_by, int valid_days) {
  std::string code = crypto::random_token(32);
  std::string hash = crypto::hash_token(code), now = time::iso_now(), expires = plus_days(valid_days);
  int sw = social_worker ? 1 : 0;
  long long id = 0;
  tx.sql() << "INSERT INTO invitations (organisation_id, email, role, social_worker, token_hash, invited_by, created_at, expires_at) "
              "VALUES (:o, :e, :r, :s, :h, :b, :t, :x) RETURNING id",
      use(org), use(email), use(role), use(sw), use(hash), use(invited_by), use(now), use(expires), into(id);
  return {id, code};
}

std::optional<Invitation> find_invitation_by_code(db::Tx& tx, const std::string& raw_code) {
  std::string hash = crypto::hash_token(raw_code);
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kInvitationSelect) + "WHERE i.token_hash = :h", use(hash));
  for (const auto& r : rs) return invitation_from(r);
  return std::nullopt;
}

std::optional<Invitation> find_invitation(db::Tx& tx, long long org, long long id) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kInvitationSelect) + "WHERE i.organisation_id = :o AND i.id = :i",
                                use(org), use(id));
  for (const auto& r : rs) return invitation_from(r);
  return std::nullopt;
}

std::vector<Invitation> pending_invitations(db::Tx& tx, long long org, const std::string& now_iso) {
  std::vector<Invitation> out;
  soci::rowset<soci::row> rs =
      (tx.sql().prepare << std::string(kInvitationSelect) +
                               "WHERE i.organisation_id = :o AND i.accepted_at IS NULL AND i.revoked_at IS NULL "
                               "AND i.expires_at > :t ORDER BY i.created_at DESC, i.id DESC",
       use(org), use(now_iso));
  for (const auto& r : rs) out.push_back(invitation_from(r));
  return out;
}

bool mark_invitation_accepted(db::Tx& tx, long long id, long long user) {
  std::string now = time::iso_now();
  soci::statement st = (tx.sql().prepare << "UPDATE invitations SET accepted_at = :t, accepted_user_id = :u "
                                            "WHERE id = :i AND accepted_at IS NULL AND revoked_at IS NULL",
                        use(now), use(user), use(id));
  st.execute(true);
  return st.get_affected_rows() == 1;
}

void revoke_invitation(db::Tx& tx, long long id) {
  std::string now = time::iso_now();
  tx.sql() << "UPDATE invitations SET revoked_at = :t WHERE id = :i AND accepted_at IS NULL", use(now), use(id);
}

void revoke_invitations_of(db::Tx& tx, long long org, const std::string& email) {
  std::string now = time::iso_now();
  tx.sql() << "UPDATE invitations SET revoked_at = :t WHERE organisation_id = :o AND email = :e AND accepted_at IS NULL "
              "AND revoked_at IS NULL",
      use(now), use(org), use(email);
}

std::string create_password_reset(db::Tx& tx, long long user, int valid_minutes) {
  std::string code = crypto::random_token(32);
  std::string hash = crypto::hash_token(code), now = time::iso_now(), expires = plus_minutes(valid_minutes);
  tx.sql() << "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (:h, :u, :t, :x)", use(hash),
      use(user), use(now), use(expires);
  return code;
}

int recent_resets(db::Tx& tx, long long user, const std::string& since_iso) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM password_resets WHERE user_id = :u AND created_at > :t", use(user), use(since_iso), into(n);
  return n;
}

std::optional<PasswordReset> find_password_reset(db::Tx& tx, const std::string& raw_code) {
  std::string hash = crypto::hash_token(raw_code);
  soci::rowset<soci::row> rs = (tx.sql().prepare << "SELECT user_id, expires_at, used_at FROM password_resets WHERE token_hash = :h", use(hash));
  for (const auto& r : rs) return PasswordReset{as_int(r, 0), as_text(r, 1), as_text(r, 2)};
  return std::nullopt;
}

bool mark_password_reset_used(db::Tx& tx, const std::string& raw_code, long long user) {
  std::string hash = crypto::hash_token(raw_code), now = time::iso_now();
  soci::statement st = (tx.sql().prepare << "UPDATE password_resets SET used_at = :t WHERE token_hash = :h AND used_at IS NULL",
                        use(now), use(hash));
  st.execute(true);
  bool spent_now = st.get_affected_rows() == 1;
  spend_password_resets_of(tx, user);
  return spent_now;
}

void spend_password_resets_of(db::Tx& tx, long long user) {
  std::string now = time::iso_now();
  tx.sql() << "UPDATE password_resets SET used_at = :t WHERE user_id = :u AND used_at IS NULL", use(now), use(user);
}

NewToken create_api_token(db::Tx& tx, long long org, const std::string& name, long long created_by) {
  std::string raw = "jln_" + crypto::random_token(32);
  std::string hash = crypto::hash_token(raw), prefix = raw.substr(0, 10), now = time::iso_now();
  long long id = 0;
  soci::indicator by = created_by > 0 ? soci::i_ok : soci::i_null;  // 0: created from the command line
  tx.sql() << "INSERT INTO api_tokens (organisation_id, name, token_hash, prefix, created_by, created_at) "
              "VALUES (:o, :n, :h, :p, :b, :t) RETURNING id",
      use(org), use(name), use(hash), use(prefix), use(created_by, by), use(now), into(id);
  return {id, raw};
}

std::vector<ApiToken> api_tokens(db::Tx& tx, long long org) {
  std::vector<ApiToken> out;
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kTokenSelect) + "WHERE t.organisation_id = :o ORDER BY t.id DESC", use(org));
  for (const auto& r : rs) out.push_back(token_from(r));
  return out;
}

std::optional<ApiToken> find_api_token(db::Tx& tx, long long org, long long id) {
  soci::rowset<soci::row> rs = (tx.sql().prepare << std::string(kTokenSelect) + "WHERE t.organisation_id = :o AND t.id = :i", use(org), use(id));
  for (const auto& r : rs) return token_from(r);
  return std::nullopt;
}

void revoke_api_token(db::Tx& tx, long long org, long long id) {
  std::string now = time::iso_now();
  tx.sql() << "UPDATE api_tokens SET revoked_at = :t WHERE organisation_id = :o AND id = :i AND revoked_at IS NULL", use(now),
      use(org), use(id);
}

std::optional<TokenOwner> find_live_token(db::Tx& tx, const std::string& hash) {
  db::Query q(tx, "SELECT id, organisation_id, last_used_at FROM api_tokens WHERE token_hash = :h AND revoked_at IS NULL");
  q.bind(hash);
  if (q.next()) return TokenOwner{q.int64(0), q.int64(1), q.text(2)};
  return std::nullopt;
}

void touch_token(db::Tx& tx, long long id, const std::string& now_iso) {
  tx.sql() << "UPDATE api_tokens SET last_used_at = :t WHERE id = :i", use(now_iso), use(id);
}

void record_login_failure(db::Tx& tx, const std::string& email, const std::string& ip) {
  std::string now = time::iso_now();
  tx.sql() << "INSERT INTO login_failures (email, ip, at) VALUES (:e, :i, :t)", use(email), use(ip), use(now);
}

int recent_failures_for_email(db::Tx& tx, const std::string& email, const std::string& since_iso) {
  return count(tx, "SELECT COUNT(*) FROM login_failures WHERE email = :e AND at > :t", email, since_iso);
}

int recent_failures_for_email_and_ip(db::Tx& tx, const std::string& email, const std::string& ip, const std::string& since_iso) {
  int n = 0;
  tx.sql() << "SELECT COUNT(*) FROM login_failures WHERE email = :e AND ip = :i AND at > :t", use(email), use(ip), use(since_iso), into(n);
  return n;
}

int recent_failures_for_ip(db::Tx& tx, const std::string& ip, const std::string& since_iso) {
  return count(tx, "SELECT COUNT(*) FROM login_failures WHERE ip = :i AND at > :t", ip, since_iso);
}

void clear_login_failures(db::Tx& tx, const std::string& email) {
  tx.sql() << "DELETE FROM login_failures WHERE email = :e", use(email);
}

int purge_stale(db::Tx& tx, const std::string& now_iso, const std::string& before_iso) {
  int removed = purge_expired_sessions(tx, now_iso);
  for (const char* sql : {"DELETE FROM login_failures WHERE at < :b", "DELETE FROM password_resets WHERE expires_at < :b"}) {
    soci::statement st = (tx.sql().prepare << sql, use(before_iso));
    st.execute(true);
    removed += static_cast<int>(st.get_affected_rows());
  }
  return removed;
}

}  // namespace jalon::accounts::store
