#include "http/route.h"

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
bool match_pattern(const std::string& pattern, const std::string& path, std::map<std::string, std::string>& params) {
  auto ps = text::split(pattern, '/');
  auto xs = text::split(path, '/');
  if (ps.size() != xs.size()) return false;
  std::map<std::string, std::string> found;
  for (size_t i = 0; i < ps.size(); ++i) {
    const auto& p = ps[i];
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (xs[i].empty()) return false;
      found[p.substr(1, p.size() - 2)] = xs[i];
    } else if (p != xs[i]) {
      return false;
    }
  }
  params = std::move(found);
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
  for (const auto& r : routes_) {
    std::map<std::string, std::string> p;
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
