// The one place a request goes through: routing, authentication, the access check, CSRF, the
// transaction, turning errors into answers, security headers, metrics and logs.
#pragma once
#include <atomic>
#include <functional>
#include <string>

#include "base/config.h"
#include "db/db.h"
#include "http/metrics.h"
#include "http/route.h"
#include "http/static_files.h"

namespace jalon::http {

// Finds who is calling from the request's session cookie or bearer token. Returns an anonymous
// principal when there is neither; sets `expired` when a session cookie names no live session.
// Throws Unauthorized for a bearer token that is unknown or revoked.
using Authenticator = std::function<Principal(db::Tx&, const Request&, const Config&, bool& expired)>;

// The access check of every request (see http::allows): throws Unauthorized when nobody is
// logged in, Forbidden when the caller may not.
void check_access(const Route& route, const Principal& who, const Request& req);

// application/problem+json text.
std::string problem_json(int status, const std::string& title, const std::string& detail,
                         const std::vector<FieldError>& fields = {});

// Limits answered with 414 and 431; the server library closes the connection only past four
// times these.
inline constexpr std::size_t kMaxUrl = 8192;
inline constexpr std::size_t kMaxHeaderValue = 8192;

class Dispatcher {
 public:
  Dispatcher(const Config& config, db::Database& db, const Router& router, Authenticator auth, Metrics& metrics,
             const StaticFiles& files);
  // Answers `req`, never throwing: every error becomes a 4xx/5xx answer (French page or
  // problem+json), logged with the route's name and counted in the metrics. Thread-safe.
  Response handle(Request& req);


 private:
  Response dispatch(Request& req, std::string& route_name);
  Response error_response(const Request& req, int status, const std::string& title, const std::string& detail,
                          const std::vector<FieldError>& fields, const Principal& who, const std::string& csrf);
  void finish(const Request& req, Response& resp, bool page);

  const Config& config_;
  db::Database& db_;
  const Router& router_;
  Authenticator auth_;
  Metrics& metrics_;
  const StaticFiles& files_;
};

}  // namespace jalon::http
