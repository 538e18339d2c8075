// Wiring: the routes of every room, the dispatcher and the server, for `jalon serve` and tests.
#pragma once
#include <functional>
#include <memory>

#include "base/config.h"
#include "db/db.h"
#include "directory/live.h"
#include "jobs/live.h"
#include "http/dispatch.h"
#include "http/metrics.h"
#include "http/route.h"
#include "http/server.h"
#include "http/static_files.h"

namespace jalon::app {

// Loads referentials and templates from `config`, then builds the router of every room.
class App {
 public:
  App(const Config& config, db::Database& db);
  const http::Router& router() const { return router_; }
  // Adds a route after the rooms' ones; only before serve() (tests use it for probes).
  void add_route(http::Route r) { router_.add(std::move(r)); }
  http::Dispatcher& dispatcher() { return *dispatcher_; }
  // Serves until SIGTERM/SIGINT or stop(); `on_ready` gets the bound port.
  void serve(const std::function<void(int)>& on_ready = {});
  void stop();

 private:
  const Config& config_;
  db::Database& db_;
  http::Router router_;
  http::Metrics metrics_;
  http::StaticFiles files_;
  std::unique_ptr<directory::Live> directory_;  // the directory's search index
  std::unique_ptr<jobs::Live> jobs_;            // the jobs matching index
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<http::Server> server_;
};

// Adds the operations routes (/healthz, /metrics) and the OpenAPI document.
void add_ops_routes(http::Router& router, db::Database& db, http::Metrics& metrics);

}  // namespace jalon::app
