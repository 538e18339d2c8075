#include "http/route.h"

#include <string_view>
#include <vector>

#include "base/text.h"
#include "base/time.h"

namespace jalon::http {

const char* access_name(Access a) {
  switch (a) {
    case Access::anyone: return "anyone";
    case Access::authenticated: return "authenticated";
    case Access::member: return "member";
    case Access::org_reader: return "org_reader";
    case Access::org_admin: return "org_admin";
    case Access::org_manager: return "org_manager";
    case Access::platform_admin: return "platform_admin";
    case Access::person: return "person";
  }
  return "?";
}

const Membership* Principal::membership(long long organisation_id) const {
  for (const auto& m : memberships)
    if (m.organisation_id == organisation_id) return &m;
  return nullptr;
}

long long parse_id(const std::string& text) {
  if (text.empty() || text.size() > 18) return 0;
  long long v = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return 0;
    v = v * 10 + (c - '0');
  }
  return v;
}

bool allows(Access a, Kind kind, const Principal& who, long long org) {
  if (a == Access::anyone) return true;
  if (who.anonymous()) return false;
  // The person in their own space passes person-level pages and nothing else; nobody else does.
  if (who.kind == Principal::Kind::person) return a == Access::person && kind == Kind::page;
  if (a == Access::person) return false;
  bool token = who.kind == Principal::Kind::api_token;
  if (token && kind == Kind::page) return false;
  const Membership* m = token ? nullptr : who.membership(org);
  bool member = org > 0 && (m || (token && who.token_organisation_id == org));
  bool admin = org > 0 && m && m->role == "admin";
  bool platform = !token && who.platform_admin;
  switch (a) {
    case Access::anyone: return true;
    case Access::authenticated: return true;
    case Access::member: return member;
    case Access::org_reader: return member || platform;
    case Access::org_admin: return admin;
    case Access::org_manager: return admin || platform;
    case Access::platform_admin: return platform;
    case Access::person: return false;
  }
  return false;
}

long long Ctx::id(const std::string& name) const {
  auto it = req.params.find(name);
  long long v = it == req.params.end() ? 0 : parse_id(it->second);
  if (v <= 0) throw NotFound("Identifiant inconnu.");
  return v;
}

const Form& Ctx::form() {
  if (!form_) {
    form_ = Form::parse(req.body);
    for (const auto& [k, v] : form_->all())
      if (!text::valid_utf8(k) || !text::valid_utf8(v))
        throw BadRequest("Le formulaire contient des caractères invalides (encodage autre que UTF-8 ou caractères de contrôle).");
  }
  return *form_;
}

std::string Ctx::today() const { return time::today(); }

void Router::add(Route r) { routes_.push_back(std::move(r)); }

namespace {
// Segment by segment, without allocating unless the path matches ("{name}" takes one
// non-empty segment).
bool match_pattern(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
  std::string_view ps = pattern, xs = path;
  auto next = [](std::string_view& rest) {
    auto slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);
    return seg;
  };
  std::vector<std::pair<std::string_view, std::string_view>> found;
  bool more_p = true, more_x = true;
  while (more_p && more_x) {
    more_p = ps.find('/') != std::string_view::npos;
    more_x = xs.find('/') != std::string_view::npos;
    std::string_view p = next(ps), x = next(xs);
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (x.empty()) return false;
      found.emplace_back(p.substr(1, p.size() - 2), x);
    } else if (p != x) {
      return false;
    }
  }
  if (more_p != more_x) return false;  // one has segments left
  params.clear();
  for (auto [k, v] : found) params.emplace(std::string(k), std::string(v));
  return true;
}
}  // namespace

std::string Router::methods_for(const std::string& path) const {
  std::string out;
  std::map<std::string, std::string> p;
  for (const auto& r : routes_)
    if (match_pattern(r.pattern, path, p)) out += std::string(out.empty() ? "" : ", ") + method_name(r.method);
  return out;
}

const Route* Router::match(Method method, const std::string& path, std::map<std::string, std::string>& params,
                           bool& path_known) const {
  path_known = false;
  Method m = method == Method::head ? Method::get : method;
  std::map<std::string, std::string> p;
  for (const auto& r : routes_) {
    if (!match_pattern(r.pattern, path, p)) continue;
    path_known = true;
    if (r.method == m) {
      params = std::move(p);
      return &r;
    }
  }
  return nullptr;
}

}  // namespace jalon::http
