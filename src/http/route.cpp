#include "http/route.h"

#include "base/text.h"
#include "base/time.h"

namespace jalon::http {

const char* access_name(Access a) {
  switch (a) {
    case Access::anyone: return "anyone";
    case Access::authenticated: return "authenticated";
    case Access::member: return "member";
    case Access::org_admin: return "org_admin";
    case Access::platform_admin: return "platform_admin";
  }
  return "?";
}

const Membership* Principal::membership(long long organisation_id) const {
  for (const auto& m : memberships)
    if (m.organisation_id == organisation_id) return &m;
  return nullptr;
}

long long Ctx::id(const std::string& name) const {
  auto it = req.params.find(name);
  if (it == req.params.end() || it->second.empty() || it->second.size() > 18) throw NotFound("Identifiant inconnu.");
  long long v = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') throw NotFound("Identifiant inconnu.");
    v = v * 10 + (c - '0');
  }
  if (v <= 0) throw NotFound("Identifiant inconnu.");
  return v;
}

const Form& Ctx::form() {
  if (!form_) form_ = Form::parse(req.body);
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
