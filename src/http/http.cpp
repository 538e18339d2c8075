#include "http/http.h"

#include "base/errors.h"
#include "base/text.h"

namespace jalon::http {

const char* method_name(Method m) {
  switch (m) {
    case Method::get: return "GET";
    case Method::post: return "POST";
    case Method::put: return "PUT";
    case Method::patch: return "PATCH";
    case Method::del: return "DELETE";
    case Method::head: return "HEAD";
    case Method::options: return "OPTIONS";
    default: return "OTHER";
  }
}

std::string Request::header(std::string_view name) const {
  for (const auto& [k, v] : headers)
    if (k == name) return v;
  return "";
}

std::string Request::cookie(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k != "cookie") continue;
    for (const auto& part : text::split(v, ';')) {
      auto eq = part.find('=');
      if (eq == std::string::npos) continue;
      if (text::trim(part.substr(0, eq)) == name) return text::trim(part.substr(eq + 1));
    }
  }
  return "";
}

std::string Request::query(std::string_view name) const {
  std::string v = Form::parse(raw_query).get(std::string(name));
  if (!text::valid_utf8(v)) throw BadRequest("L'adresse contient des caractères invalides (encodage autre que UTF-8).");
  return v;
}

std::map<std::string, std::string> Request::query_map() const {
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : Form::parse(raw_query).all()) out.emplace(k, v);
  return out;
}

bool Request::wants_json() const { return path.rfind("/api/", 0) == 0; }

Response Response::redirect(const std::string& location, int status) {
  Response r;
  r.status = status;
  r.content_type = "text/plain; charset=utf-8";
  r.header("Location", location);
  return r;
}

Response Response::json(std::string body, int status) {
  Response r;
  r.status = status;
  r.content_type = "application/json";
  r.body = std::move(body);
  return r;
}

Response Response::text(std::string body, int status, std::string content_type) {
  Response r;
  r.status = status;
  r.content_type = std::move(content_type);
  r.body = std::move(body);
  return r;
}

Form Form::parse(std::string_view body) {
  Form f;
  if (body.empty()) return f;
  for (const auto& pair : text::split(body, '&')) {
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string k = text::url_decode(pair.substr(0, eq));
    std::string v = eq == std::string::npos ? "" : text::url_decode(pair.substr(eq + 1));
    f.values_.emplace(std::move(k), std::move(v));
  }
  return f;
}

std::string Form::get(const std::string& name) const {
  auto it = values_.find(name);
  return it == values_.end() ? "" : it->second;
}

bool Form::checked(const std::string& name) const {
  auto v = get(name);
  return v == "on" || v == "1" || v == "true" || v == "oui";
}

}  // namespace jalon::http
