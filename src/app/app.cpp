#include "app/app.h"

#include "accounts/auth.h"
#include "accounts/routes.h"
#include "appointments/routes.h"
#include "documents/routes.h"
#include "notifications/notify.h"
#include "notifications/routes.h"
#include "space/auth.h"
#include "space/routes.h"
#include "base/crypto.h"
#include "diagnosis/routes.h"
#include "directory/routes.h"
#include "http/openapi.h"
#include "jobs/match.h"
#include "jobs/routes.h"
#include "jobs/application_routes.h"
#include "pathways/routes.h"
#include "people/routes.h"
#include "http/page.h"
#include "orientation/first_contact.h"
#include "orientation/routes.h"
#include "orientation/rules.h"
#include "referentials/referentials.h"

namespace jalon::app {

void add_ops_routes(http::Router& router, db::Database& db, http::Metrics& metrics) {
  using namespace http;
  router.add({Method::get, "/healthz", "ops.health", Access::anyone, Kind::ops, [&db](Ctx& ctx) {
                int one = 0;
                ctx.tx.sql() << "SELECT 1", soci::into(one);
                return Response::json(std::string("{\"status\":\"ok\",\"database\":\"") +
                                      (db.engine() == db::Engine::sqlite ? "sqlite" : "postgresql") + "\"}");
              }});
  // /metrics is for the monitoring of the servers: loopback clients, or the configured token.
  router.add({Method::get, "/metrics", "ops.metrics", Access::anyone, Kind::ops, [&db, &metrics](Ctx& ctx) {
                const std::string& ip = ctx.req.remote_ip;
                // Behind a reverse proxy on the same host every client looks local: then the token is required.
                bool local = (ip == "127.0.0.1" || ip == "::1" || ip == "::ffff:127.0.0.1") && ctx.req.header("x-forwarded-for").empty();
                bool token = !ctx.config.metrics_token.empty() &&
                             crypto::constant_time_equal(ctx.req.header("authorization"), "Bearer " + ctx.config.metrics_token);
                if (!local && !token) throw Forbidden("Les métriques sont réservées à la supervision.");
                std::string extra = "# HELP jalon_db_pool_connections Connections in the database pool.\n"
                                    "# TYPE jalon_db_pool_connections gauge\n"
                                    "jalon_db_pool_connections{state=\"total\"} " + std::to_string(db.pool_size()) + "\n"
                                    "jalon_db_pool_connections{state=\"in_use\"} " + std::to_string(db.in_use()) + "\n"
                                    "# HELP jalon_db_pool_waits_total Times a request waited for a free connection.\n"
                                    "# TYPE jalon_db_pool_waits_total counter\n"
                                    "jalon_db_pool_waits_total " + std::to_string(db.waits()) + "\n";
                return Response::text(metrics.render(extra), 200, "text/plain; version=0.0.4; charset=utf-8");
              }});
}

App::App(const Config& config, db::Database& db) : config_(config), db_(db) {
  referentials::load_referentials(config.data_dir);
  // A bad rule file stops the server here, naming the file and line.
  orientation::load_rules(config.data_dir);
  orientation::load_first_contact(config.data_dir);
  jobs::load_matching(config.data_dir);
  http::set_template_root(config.web_dir);
  files_.load(config.web_dir + "/static");
  add_ops_routes(router_, db_, metrics_);
  accounts::add_routes(router_, db_);
  people::add_routes(router_);
  appointments::add_routes(router_);
  documents::add_routes(router_);
  notifications::add_routes(router_);
  notifications::set_link_base(config.base_url);
  space::add_routes(router_);
  directory::add_routes(router_);
  directory_ = std::make_unique<directory::Live>();
  directory_->build(db_);
  directory::add_search_routes(router_, *directory_);
  diagnosis::add_routes(router_, *directory_);
  orientation::add_public_routes(router_, *directory_);
  pathways::add_routes(router_, *directory_);
  jobs_ = std::make_unique<jobs::Live>();
  jobs_->build(db_);
  jobs::add_routes(router_, *jobs_);
  jobs::add_application_routes(router_);
  http::add_openapi_route(router_);
  dispatcher_ = std::make_unique<http::Dispatcher>(
      config_, db_, router_,
      [this](db::Tx& tx, const http::Request& req, const Config& cfg, bool& expired) {
        // A staff session first; else the person's own space (a browser with both is staff).
        http::Principal p = accounts::authenticate(db_, tx, req, cfg, expired);
        if (!p.anonymous()) return p;
        bool person_expired = false;
        p = space::authenticate(db_, tx, req, person_expired);
        expired = expired || person_expired;
        return p;
      },
      metrics_, files_);
}

void App::serve(const std::function<void(int)>& on_ready) {
  server_ = std::make_unique<http::Server>(config_, *dispatcher_);
  server_->run(on_ready);
}

void App::stop() {
  if (server_) server_->stop();
}

}  // namespace jalon::app
