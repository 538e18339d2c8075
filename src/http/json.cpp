#include "http/json.h"

#include "base/text.h"

namespace jalon::http {

boost::json::object body_object(const Request& req) {
  auto ct = req.header("content-type");
  if (!ct.empty() && ct.rfind("application/json", 0) != 0)
    throw BadRequest("Le corps de la requête doit être du JSON (Content-Type: application/json).");
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(req.body, ec);
  if (ec) throw BadRequest("Le corps de la requête n'est pas un JSON valide (syntaxe incorrecte, texte incomplet ou trop imbriqué).");
  if (!v.is_object()) throw BadRequest("Le corps de la requête doit être un objet JSON.");
  return std::move(v.as_object());
}

std::string get_string(const boost::json::object& o, const char* field, const std::string& fallback) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return fallback;
  if (!it->value().is_string()) throw ValidationError(field, std::string("Le champ « ") + field + " » doit être une chaîne de caractères.");
  std::string v(it->value().as_string());
  if (!text::valid_utf8(v)) throw ValidationError(field, std::string("Le champ « ") + field + " » contient des caractères de contrôle interdits.");
  return v;
}

bool get_bool(const boost::json::object& o, const char* field, bool fallback) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return fallback;
  if (!it->value().is_bool()) throw ValidationError(field, std::string("Le champ « ") + field + " » doit être un booléen (true ou false).");
  return it->value().as_bool();
}

std::optional<double> get_number(const boost::json::object& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return std::nullopt;
  const auto& v = it->value();
  if (v.is_double()) return v.as_double();
  if (v.is_int64()) return static_cast<double>(v.as_int64());
  if (v.is_uint64()) return static_cast<double>(v.as_uint64());
  throw ValidationError(field, std::string("Le champ « ") + field + " » doit être un nombre.");
}

long long get_id(const boost::json::object& o, const char* field) {
  auto it = o.find(field);
  if (it == o.end() || it->value().is_null()) return 0;
  if (!it->value().is_int64() || it->value().as_int64() < 0)
    throw ValidationError(field, std::string("Le champ « ") + field + " » doit être un entier positif.");
  return it->value().as_int64();
}

boost::json::value nullable(const std::string& s) { return s.empty() ? boost::json::value(nullptr) : boost::json::value(s); }
boost::json::value nullable_id(long long id) { return id ? boost::json::value(id) : boost::json::value(nullptr); }

bool has(const boost::json::object& o, const char* field) { return o.find(field) != o.end(); }

Response json_response(const boost::json::value& v, int status) { return Response::json(boost::json::serialize(v), status); }

Response items_response(boost::json::array&& items, int status) {
  boost::json::object o;
  o["items"] = std::move(items);
  return json_response(o, status);
}

}  // namespace jalon::http
