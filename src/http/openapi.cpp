#include "http/openapi.h"

#include <boost/json.hpp>

#include "base/text.h"

namespace jalon::http {

namespace {
const char* kProblemSchema = R"J({"type":"object","required":["title","status"],"properties":{
"type":{"type":"string"},"title":{"type":"string"},"status":{"type":"integer"},"detail":{"type":"string"},
"errors":{"type":"array","items":{"type":"object","properties":{"field":{"type":"string"},"message":{"type":"string"}}}}}})J";

boost::json::value schema(const std::string& text) {
  if (text.empty()) return boost::json::object{{"type", "object"}};
  return boost::json::parse(text);
}

const char* method_key(Method m) {
  switch (m) {
    case Method::get: return "get";
    case Method::post: return "post";
    case Method::put: return "put";
    case Method::patch: return "patch";
    case Method::del: return "delete";
    default: return "get";
  }
}

boost::json::object problem_response(const char* description) {
  return {{"description", description},
          {"content", {{"application/problem+json", {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}};
}
}  // namespace

std::string openapi_document(const Router& router) {
  boost::json::object paths;
  for (const auto& r : router.routes()) {
    if (r.kind != Kind::api) continue;
    boost::json::object op;
    op["summary"] = r.doc.summary;
    op["operationId"] = r.name;
    if (!r.doc.tag.empty()) op["tags"] = boost::json::array{r.doc.tag};
    boost::json::array params;
    for (const auto& seg : text::split(r.pattern, '/')) {
      if (seg.size() > 2 && seg.front() == '{') {
        std::string name = seg.substr(1, seg.size() - 2);
        params.push_back(boost::json::object{{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}, {"minimum", 1}}}});
      }
    }
    for (const auto& [name, desc] : r.doc.query)
      params.push_back(boost::json::object{{"name", name}, {"in", "query"}, {"required", false}, {"description", desc}, {"schema", {{"type", "string"}}}});
    if (!params.empty()) op["parameters"] = params;
    if (!r.doc.request_schema.empty()) {
      boost::json::object media{{"schema", schema(r.doc.request_schema)}};
      if (!r.doc.request_example.empty()) media["example"] = boost::json::parse(r.doc.request_example);
      op["requestBody"] = {{"required", true}, {"content", {{"application/json", std::move(media)}}}};
    }
    boost::json::object responses;
    boost::json::object ok{{"description", r.doc.success_status == 204 ? "Fait" : "Succès"}};
    if (r.doc.success_status != 204) {
      boost::json::object media{{"schema", schema(r.doc.response_schema)}};
      if (!r.doc.response_example.empty()) media["example"] = boost::json::parse(r.doc.response_example);
      ok["content"] = {{"application/json", std::move(media)}};
    }
    responses[std::to_string(r.doc.success_status)] = ok;
    if (!r.doc.request_schema.empty()) {
      responses["400"] = problem_response("Corps de requête invalide");
      responses["422"] = problem_response("Données invalides");
    }
    if (r.access != Access::anyone) {
      responses["401"] = problem_response("Authentification requise");
      responses["403"] = problem_response("Accès refusé");
    }
    if (r.pattern.find('{') != std::string::npos) responses["404"] = problem_response("Ressource inconnue");
    op["responses"] = responses;
    if (r.access != Access::anyone) {
      // API tokens act at member level: administrator routes need a person's session.
      boost::json::array sec;
      if (r.access == Access::member || r.access == Access::org_reader || r.access == Access::authenticated) sec.push_back(boost::json::object{{"bearerAuth", boost::json::array{}}});
      sec.push_back(boost::json::object{{"sessionCookie", boost::json::array{}}});
      op["security"] = sec;
    } else {
      op["security"] = boost::json::array{};
    }
    op["x-jalon-access"] = access_name(r.access);
    auto& path_item = paths[r.pattern];
    if (!path_item.is_object()) path_item = boost::json::object{};
    path_item.as_object()[method_key(r.method)] = op;
  }
  boost::json::object doc{
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "API Jalon"},
        {"version", "1.0.0"},
        {"description",
         "API JSON de Jalon. Authentification par jeton d'API d'organisation (en-tête Authorization: Bearer) ou par "
         "session (cookie, avec l'en-tête X-CSRF-Token pour les écritures). Les erreurs sont au format "
         "application/problem+json (RFC 9457)."}}},
      {"servers", boost::json::array{{{"url", "/"}}}},
      {"paths", paths},
      {"components",
       {{"securitySchemes",
         {{"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}},
          {"sessionCookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "jalon_session"}}}}},
        {"schemas", {{"Problem", boost::json::parse(kProblemSchema)}}}}}};
  return boost::json::serialize(doc);
}

void add_openapi_route(Router& router) {
  Route r{Method::get, "/api/v1/openapi.json", "api.openapi", Access::anyone, Kind::api, nullptr, nullptr,
          ApiDoc{"Document OpenAPI de cette API", "Système", "", R"({"type":"object"})"}};
  const Router* rp = &router;
  r.handler = [rp](Ctx&) { return Response::json(openapi_document(*rp)); };
  router.add(std::move(r));
}

}  // namespace jalon::http
