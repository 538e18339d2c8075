#include "http/dispatch.h"

#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <thread>

#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "http/multipart.h"
#include "http/page.h"

namespace jalon::http {

void check_access(const Route& route, const Principal& who, const Request& req) {
  if (route.access == Access::anyone) return;
  if (who.anonymous())
    throw Unauthorized(route.kind == Kind::page ? "Veuillez vous connecter pour accéder à cette page."
                                                : "Authentification requise : un jeton d'API (Authorization: Bearer …) ou une session.");
  auto it = req.params.find("org");
  long long org = it == req.params.end() ? 0 : parse_id(it->second);
  if (it != req.params.end() && org <= 0) throw NotFound("Cette organisation n'existe pas.");
  if (!allows(route.access, route.kind, who, org)) {
    if (who.kind == Principal::Kind::api_token && route.kind == Kind::page)
      throw Forbidden("Un jeton d'API donne accès à l'API (/api/v1), pas aux pages.");
    throw Forbidden("Vous n'avez pas les droits nécessaires pour cette action.");
  }
}

std::string problem_json(int status, const std::string& title, const std::string& detail,
                         const std::vector<FieldError>& fields) {
  std::string out = "{\"type\":\"about:blank\",\"title\":\"" + text::json_escape(title) + "\",\"status\":" +
                    std::to_string(status) + ",\"detail\":\"" + text::json_escape(detail) + "\"";
  if (!fields.empty()) {
    out += ",\"errors\":[";
    for (size_t i = 0; i < fields.size(); ++i) {
      if (i) out += ",";
      out += "{\"field\":\"" + text::json_escape(fields[i].field) + "\",\"message\":\"" + text::json_escape(fields[i].message) + "\"}";
    }
    out += "]";
  }
  return out + "}";
}

Dispatcher::Dispatcher(const Config& config, db::Database& db, const Router& router, Authenticator auth,
                       Metrics& metrics, const StaticFiles& files)
    : config_(config), db_(db), router_(router), auth_(std::move(auth)), metrics_(metrics), files_(files) {}

namespace {
const char* title_of(int status) {
  switch (status) {
    case 400: return "Requête invalide";
    case 401: return "Connexion requise";
    case 403: return "Accès refusé";
    case 404: return "Page introuvable";
    case 405: return "Méthode non autorisée";
    case 409: return "Action impossible";
    case 410: return "Lien expiré ou déjà utilisé";
    case 413: return "Contenu trop volumineux";
    case 414: return "Adresse trop longue";
    case 431: return "En-têtes trop longs";
    case 422: return "Données invalides";
    case 429: return "Trop de tentatives";
    case 503: return "Service indisponible";
    default: return "Erreur interne";
  }
}

bool unsafe(Method m) { return m == Method::post || m == Method::put || m == Method::patch || m == Method::del; }
}  // namespace

Response Dispatcher::error_response(const Request& req, int status, const std::string& title, const std::string& detail,
                                    const std::vector<FieldError>& fields, const Principal& who, const std::string& csrf) {
  if (req.wants_json()) {
    Response r = Response::json(problem_json(status, title, detail, fields), status);
    r.content_type = "application/problem+json";
    return r;
  }
  return error_page(status, title, detail, who, csrf);
}

Response Dispatcher::handle(Request& req) {
  auto start = std::chrono::steady_clock::now();
  std::string route_name = "unmatched";
  Response resp;
  try {
    resp = dispatch(req, route_name);
  } catch (const std::exception& e) {
    log::error("unhandled", {{"route", route_name}});
    resp = Response::text("Erreur interne.", 500);
    finish(req, resp, false);
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.record(route_name, method_name(req.method), resp.status, secs);
  log::info("request", {{"method", method_name(req.method)},
                        {"route", route_name},
                        {"status", std::to_string(resp.status)},
                        {"ms", fmt::format("{:.3f}", secs * 1000)},
                        {"ip", req.remote_ip}});
  return resp;
}

void Dispatcher::finish(const Request& req, Response& resp, bool page) {
  resp.header("X-Content-Type-Options", "nosniff");
  resp.header("X-Frame-Options", "DENY");
  resp.header("Referrer-Policy", "same-origin");
  resp.header("Content-Security-Policy",
              "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; "
              "frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
  resp.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (page || req.wants_json()) resp.header("Cache-Control", "no-store");
  if (config_.base_url.rfind("https://", 0) == 0) resp.header("Strict-Transport-Security", "max-age=31536000");
  for (const auto& c : resp.cookies) {
    std::string v = c.name + "=" + c.value + "; Path=/; SameSite=" + c.same_site;
    if (c.max_age_seconds >= 0) v += "; Max-Age=" + std::to_string(c.max_age_seconds);
    if (c.http_only) v += "; HttpOnly";
    if (config_.cookie_secure) v += "; Secure";
    resp.header("Set-Cookie", v);
  }
  resp.cookies.clear();
}

Response Dispatcher::dispatch(Request& req, std::string& route_name) {
  if (req.path.rfind("/static/", 0) == 0 && (req.method == Method::get || req.method == Method::head)) {
    route_name = "static";
    Response r = files_.serve(req);
    finish(req, r, false);
    return r;
  }
  Principal who;
  std::string csrf = req.cookie("jalon_csrf");
  bool new_csrf_cookie = false;
  if (csrf.size() < 20 || csrf.size() > 100) {
    csrf = crypto::random_token();
    new_csrf_cookie = true;
  }
  bool page = !req.wants_json();
  bool clear_session = false;
  const Route* route = nullptr;
  auto with_cookies = [&](Response r) {
    // The pre-login CSRF cookie goes with pages (and unknown addresses), not with the API or /metrics.
    if (page && new_csrf_cookie && (!route || route->kind == Kind::page))
      r.cookies.push_back(Cookie{"jalon_csrf", csrf, -1, true, "Strict"});
    bool sets_session = false;
    for (const auto& c : r.cookies) sets_session = sets_session || c.name == "jalon_session";
    if (clear_session && !sets_session) r.cookies.push_back(Cookie{"jalon_session", "", 0});
    finish(req, r, page);
    return r;
  };
  auto fail = [&](int status, const std::string& detail, const std::vector<FieldError>& fields = {}) {
    return with_cookies(error_response(req, status, title_of(status), detail, fields, who, who.csrf_token.empty() ? csrf : who.csrf_token));
  };

  if (req.arrived_during_shutdown) return fail(503, "Le serveur redémarre, veuillez réessayer dans un instant.");
  bool path_known = false;
  route = router_.match(req.method, req.path, req.params, path_known);
  if (!route) {
    if (path_known) {
      Response r = fail(405, "Cette adresse n'accepte pas cette méthode.");
      r.header("Allow", router_.methods_for(req.path));
      return r;
    }
    return fail(404, "La page demandée n'existe pas ou a été déplacée.");
  }
  route_name = route->name;
  if (req.path.size() + req.raw_query.size() > kMaxUrl) return fail(414, "L'adresse demandée est trop longue.");
  for (const auto& [name, value] : req.headers)
    if (value.size() > kMaxHeaderValue) return fail(431, "Un en-tête de la requête est trop long.");
  if (req.body.size() > config_.max_body_bytes)
    return fail(413, "Le contenu envoyé dépasse la taille maximale autorisée.");

  // One transaction per attempt; PostgreSQL may ask to replay a request whose serialisable
  // transaction met a concurrent one: the handler runs again from the start, as if it came later.
  for (int attempt = 1;; ++attempt) {
    try {
      std::optional<db::Tx> tx;
      bool write_first = unsafe(req.method) && !route->late_write && !route->computes_only;
      tx.emplace(db_, write_first ? db::Tx::Mode::write : db::Tx::Mode::read);
      bool expired = false;
      who = auth_(*tx, req, config_, expired);
      clear_session = expired;
      try {
        check_access(*route, who, req);
      } catch (const Forbidden&) {
        if (route->on_refused) {
          if (tx->mode() == db::Tx::Mode::write) {
            route->on_refused(*tx, req, who);
            tx->commit();
          } else {
            db::transact(db_, [&](db::Tx& own) { route->on_refused(own, req, who); });
          }
        }
        throw;
      } catch (const Unauthorized& e) {
        if (page && req.method == Method::get) {
          std::string target = "/connexion?suivant=" + text::url_encode(req.path + (req.raw_query.empty() ? "" : "?" + req.raw_query));
          Response r = expired ? redirect_with_flash(target, "Votre session a expiré, veuillez vous reconnecter.")
                               : Response::redirect(target);
          return with_cookies(std::move(r));
        }
        throw;
      }
      if (unsafe(req.method) && !route->computes_only && who.kind != Principal::Kind::api_token) {
        std::string sent = req.header("x-csrf-token");
        if (sent.empty() && req.header("content-type").rfind("application/x-www-form-urlencoded", 0) == 0)
          sent = Form::parse(req.body).get("csrf");
        if (sent.empty() && is_multipart(req))
          if (auto parts = parse_multipart(req); auto* p = find_part(parts, "csrf")) sent = p->body;
        const std::string& expected = who.kind == Principal::Kind::user ? who.csrf_token : csrf;
        if ((new_csrf_cookie && who.kind != Principal::Kind::user) || sent.empty() || !crypto::constant_time_equal(sent, expected))
          throw Forbidden("Le formulaire a expiré. Veuillez recharger la page et réessayer.");
      }
      Ctx ctx{req, *tx, who, config_, *route, who.kind == Principal::Kind::user ? who.csrf_token : csrf};
      ctx.db = &db_;
      ctx.begin_write = [&] {
        if (tx->mode() == db::Tx::Mode::write) return;
        tx.reset();
        tx.emplace(db_, db::Tx::Mode::write);
      };
      std::string flash_cookie = req.cookie("jalon_flash");
      if (page && !flash_cookie.empty()) ctx.flash = text::url_decode(flash_cookie, false);
      try {
        Response r = route->handler(ctx);
        tx->commit();
        if (!ctx.flash.empty() && !flash_cookie.empty()) r.cookies.push_back(Cookie{"jalon_flash", "", 0});
        return with_cookies(std::move(r));
      } catch (const ValidationError& e) {
        if (page && route->on_invalid) {
          // The failed write is rolled back; the form is shown again from a fresh read.
          tx.reset();
          tx.emplace(db_, db::Tx::Mode::read);
          Response r = route->on_invalid(ctx, e);
          r.status = 422;
          return with_cookies(std::move(r));
        }
        throw;
      }
    } catch (const ValidationError& e) {
      return fail(422, e.what(), e.fields());
    } catch (const BadRequest& e) {
      return fail(400, e.what());
    } catch (const Unauthorized& e) {
      Response r = fail(401, e.what());
      if (!page) r.header("WWW-Authenticate", "Bearer realm=\"jalon\"");
      return r;
    } catch (const Forbidden& e) {
      return fail(403, e.what());
    } catch (const NotFound& e) {
      return fail(404, e.what());
    } catch (const Conflict& e) {
      return fail(409, e.what());
    } catch (const Gone& e) {
      return fail(410, e.what());
    } catch (const TooManyRequests& e) {
      return fail(429, e.what());
    } catch (const PayloadTooLarge& e) {
      return fail(413, e.what());
    } catch (const std::exception& e) {
      switch (db::classify(e)) {
        case db::Failure::serialization:
          if (attempt < 5) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5 * attempt * attempt));
            continue;
          }
          [[fallthrough]];
        case db::Failure::busy: {
          Response r = fail(503, "Le service est très sollicité. Veuillez réessayer dans un instant.");
          r.header("Retry-After", "2");
          return r;
        }
        case db::Failure::unique:
          return fail(409, "Cet élément existe déjà : une autre demande l'a enregistré au même moment.");
        default:
          // The route, not the path (it may hold a one-time code); the first line of the
          // error, not the statement's bound values.
          std::string what = e.what();
          what = what.substr(0, std::min(what.find('\n'), what.find(" while ")));
          log::error("handler_failed", {{"route", route_name}, {"what", what}});
          return fail(500, "Une erreur inattendue est survenue. Elle a été enregistrée ; veuillez réessayer.");
      }
    }
  }
}

}  // namespace jalon::http
