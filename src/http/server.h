// The HTTP server: RESTinio on standalone Asio, hidden behind this file. Requests are parsed on
// I/O threads and handed to a pool of workers (database calls block), then answered.
#pragma once
#include <functional>
#include <memory>

#include "base/config.h"
#include "http/dispatch.h"

namespace jalon::http {

class Server {
 public:
  Server(const Config& config, Dispatcher& dispatcher);
  ~Server();
  // Serves until stop() or SIGTERM/SIGINT, then stops accepting, lets in-flight requests finish
  // (up to config.shutdown_grace_seconds) and returns. `on_ready` is called with the bound
  // port once listening (config.port 0 picks a free one).
  void run(const std::function<void(int port)>& on_ready = {});
  void stop();  // thread-safe

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jalon::http
