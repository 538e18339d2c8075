// Routes: the table every page and API endpoint is declared in, with who may call it.
// The access matrix test walks this table, so a new route is covered the day it is added.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/config.h"
#include "base/errors.h"
#include "db/db.h"
#include "http/http.h"

namespace jalon::http {

// Who may call a route. Routes whose path holds {org} are checked against that organisation.
// The platform admin manages organisations but never sees people: they reach an organisation's
// description, settings and invitations, not its people, work or API tokens. API tokens act
// for their organisation at member level, on API routes only.
enum class Access {
  anyone,          // public pages, health, the OpenAPI document
  authenticated,   // any logged-in user (session) or API token
  member,          // a member of {org}, or an API token of {org}: the organisation's people and work
  org_reader,      // as member, or the platform admin: the organisation's description and staff
  org_admin,       // an administrator of {org}: roles of members, API tokens
  org_manager,     // an administrator of {org}, or the platform admin: settings, invitations
  platform_admin,  // the platform administrator only
};
const char* access_name(Access a);

// A positive decimal id (at most 18 digits), or 0 for anything else.
long long parse_id(const std::string& text);

struct Membership {
  long long organisation_id = 0;
  std::string organisation_name;
  std::string role;  // "admin" or "member"
  bool social_worker = false;
};

// Who is calling. Filled by the authenticator before the access check.
struct Principal {
  enum class Kind { anonymous, user, api_token };
  Kind kind = Kind::anonymous;
  long long user_id = 0;
  std::string email, display_name;
  bool platform_admin = false;
  std::vector<Membership> memberships;
  long long token_id = 0, token_organisation_id = 0;
  std::string session_hash;  // hash of the session id, for logout and rotation
  std::string csrf_token;    // the session's CSRF token

  bool anonymous() const { return kind == Kind::anonymous; }
  const Membership* membership(long long organisation_id) const;
};

struct Route;
enum class Kind;

// The access decision, in one place for pages and API: may `who` call a route of level `a`
// and kind `kind` about organisation `org` (0 when the route names none)?
bool allows(Access a, Kind kind, const Principal& who, long long org);

// Everything a handler gets: the request, its transaction, the caller, the settings.
struct Ctx {
  Ctx(Request& r, db::Tx& t, Principal& w, const Config& c, const Route& rt, std::string token)
      : req(r), tx(t), who(w), config(c), route(rt), csrf(std::move(token)) {}
  Request& req;
  db::Tx& tx;
  db::Database* db = nullptr;  // for a short transaction of its own (audit of reads and refusals)
  Principal& who;
  const Config& config;
  const Route& route;
  std::string csrf;   // the token that forms of this response must carry
  std::string flash;  // a message left by the previous redirect, shown once
  // Routes marked late_write start in a read transaction (a password check takes tens of
  // milliseconds and must not hold SQLite's write lock); they call write() before writing.
  void write() {
    if (begin_write) begin_write();
  }
  std::function<void()> begin_write;

  // Numeric path parameter; NotFound when absent or not a positive number.
  long long id(const std::string& name) const;
  long long org() const { return id("org"); }
  // The urlencoded body; BadRequest when it is not UTF-8 or holds control characters.
  const Form& form();
  std::string today() const;

 private:
  std::optional<Form> form_;
};

using Handler = std::function<Response(Ctx&)>;
// Re-renders a page form with the errors of a rejected submission (HTTP 422).
using InvalidFormRenderer = std::function<Response(Ctx&, const ValidationError&)>;

// What the OpenAPI document says of an API route. Schemas are JSON Schema text.
struct ApiDoc {
  std::string summary;
  std::string tag;
  std::string request_schema;   // empty: no body
  std::string response_schema;  // schema of a success answer
  int success_status = 200;
  std::vector<std::pair<std::string, std::string>> query;  // name, description
  // Examples (JSON text, empty: none), emitted as the media types' `example`: a request body,
  // and the answer to that request. Tests may check that the route answers the documented
  // request as documented.
  std::string request_example;
  std::string response_example;
};

enum class Kind { page, api, ops };


struct Route {
  Method method;
  std::string pattern;  // "/organisations/{org}/membres"
  std::string name;     // stable name used in metrics and logs
  Access access;
  Kind kind;
  Handler handler;
  InvalidFormRenderer on_invalid;  // pages with forms
  ApiDoc doc;                      // API routes
  bool late_write = false;         // see Ctx::write()
  // A POST that stores nothing (a simulation, a public calculator): it runs in a read
  // transaction (it cannot write, and takes no write lock), and needs no CSRF token, since a
  // forged request changes nothing and its answer goes to the page that sent it.
  bool computes_only = false;
  // Called when the access check refuses the caller (before the handler), to keep a trace: in
  // the request's transaction when it writes (then committed), else in one of its own.
  std::function<void(db::Tx&, const Request&, const Principal&)> on_refused;
};

class Router {
 public:
  void add(Route r);
  // The route for `method` and `path`, filling `params`; nullptr if none. `path_known` tells
  // whether another method would have matched (405 rather than 404).
  const Route* match(Method method, const std::string& path, std::map<std::string, std::string>& params,
                     bool& path_known) const;
  const std::vector<Route>& routes() const { return routes_; }
  // "GET, POST": the methods some route accepts for `path` (the Allow header of a 405).
  std::string methods_for(const std::string& path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace jalon::http
