// Jalon's own request and response types: what handlers see of HTTP. The server library stays
// behind http/server.cpp.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace jalon::http {

enum class Method { get, post, put, patch, del, head, options, other };
const char* method_name(Method m);

struct Request {
  Method method = Method::get;
  std::string path;       // as received (not percent-decoded), without the query string
  std::string raw_query;  // as received
  std::vector<std::pair<std::string, std::string>> headers;  // names in lowercase
  std::string body;
  std::string remote_ip;
  std::map<std::string, std::string> params;  // path parameters filled by the router
  bool arrived_during_shutdown = false;       // accepted after SIGTERM: answered 503

  // First header of that (lowercase) name, or "".
  std::string header(std::string_view name) const;
  std::string cookie(std::string_view name) const;
  // Decoded query parameter, or ""; BadRequest when it is not valid UTF-8.
  std::string query(std::string_view name) const;
  std::map<std::string, std::string> query_map() const;
  bool wants_json() const;  // an /api/ path
};

struct Cookie {
  std::string name, value;
  int max_age_seconds = -1;  // -1: session cookie; 0: delete
  bool http_only = true;
  std::string same_site = "Lax";
};

struct Response {
  int status = 200;
  std::string content_type = "text/html; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  std::vector<Cookie> cookies;

  static Response redirect(const std::string& location, int status = 303);
  static Response json(std::string body, int status = 200);
  static Response text(std::string body, int status = 200, std::string content_type = "text/plain; charset=utf-8");
  void header(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
};

// Parses application/x-www-form-urlencoded text (also used for query strings). Later duplicates
// are kept in `all`; `get` returns the first value.
class Form {
 public:
  Form() = default;
  static Form parse(std::string_view body);
  std::string get(const std::string& name) const;
  bool has(const std::string& name) const { return values_.count(name) > 0; }
  bool checked(const std::string& name) const;  // a checkbox sent as "on", "1" or "true"
  const std::multimap<std::string, std::string>& all() const { return values_; }

 private:
  std::multimap<std::string, std::string> values_;
};

}  // namespace jalon::http
