#include "http/server.h"

#include <restinio/all.hpp>

#include <asio/signal_set.hpp>
#include <asio/steady_timer.hpp>
#include <asio/thread_pool.hpp>
#include <atomic>
#include <thread>

#include "base/log.h"

namespace jalon::http {

namespace {
Method to_method(const restinio::http_method_id_t& m) {
  if (m == restinio::http_method_get()) return Method::get;
  if (m == restinio::http_method_post()) return Method::post;
  if (m == restinio::http_method_put()) return Method::put;
  if (m == restinio::http_method_patch()) return Method::patch;
  if (m == restinio::http_method_delete()) return Method::del;
  if (m == restinio::http_method_head()) return Method::head;
  if (m == restinio::http_method_options()) return Method::options;
  return Method::other;
}

const char* reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 414: return "URI Too Long";
    case 431: return "Request Header Fields Too Large";
    case 413: return "Payload Too Large";
    case 422: return "Unprocessable Content";
    case 429: return "Too Many Requests";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Internal Server Error" : "Status";
  }
}

struct traits : public restinio::default_traits_t {
  using logger_t = restinio::null_logger_t;
};
}  // namespace

struct Server::Impl {
  Impl(const Config& c, Dispatcher& d) : config(c), dispatcher(d) {}
  const Config& config;
  Dispatcher& dispatcher;
  asio::io_context io;
  std::atomic<bool> stopping{false};
  std::atomic<int> pending{0};  // requests accepted and not yet answered, queued ones included
  std::function<void()> begin_shutdown;
};

Server::Server(const Config& config, Dispatcher& dispatcher) : impl_(std::make_unique<Impl>(config, dispatcher)) {}
Server::~Server() = default;

void Server::stop() {
  asio::post(impl_->io, [this] {
    if (impl_->begin_shutdown) impl_->begin_shutdown();
  });
}

void Server::run(const std::function<void(int port)>& on_ready) {
  auto& impl = *impl_;
  const Config& cfg = impl.config;
  int workers = cfg.worker_threads();
  asio::thread_pool pool(static_cast<std::size_t>(workers));

  auto handler = [&impl, &pool](restinio::request_handle_t rq) {
    ++impl.pending;
    bool late = impl.stopping.load();  // decided on arrival, not when a worker gets to it
    asio::post(pool, [&impl, rq, late] {
      Request req;
      req.arrived_during_shutdown = late;
      req.method = to_method(rq->header().method());
      req.path = std::string(rq->header().path());
      req.raw_query = std::string(rq->header().query());
      for (const auto& f : rq->header()) {
        std::string name = f.name();
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        req.headers.emplace_back(std::move(name), f.value());
      }
      req.body = rq->body();
      req.remote_ip = rq->remote_endpoint().address().to_string();
      Response resp = impl.dispatcher.handle(req);
      auto r = rq->create_response(restinio::http_status_line_t{restinio::http_status_code_t{static_cast<std::uint16_t>(resp.status)}, reason(resp.status)});
      if (!resp.content_type.empty()) r.append_header(restinio::http_field::content_type, resp.content_type);
      for (auto& [k, v] : resp.headers) r.append_header(k, v);
      if (req.method != Method::head) r.set_body(std::move(resp.body));
      // Counted as answered once the answer is written (or the write failed).
      r.done([&impl](const asio::error_code&) { --impl.pending; });
    });
    return restinio::request_accepted();
  };

  // Bodies past the configured limit get a 413 from the dispatcher; twice the limit is the hard
  // cap where the connection is closed without reading further.
  auto bound_port = std::make_shared<int>(cfg.port);
  auto settings = restinio::server_settings_t<traits>{}
                      .acceptor_post_bind_hook([bound_port](asio::ip::tcp::acceptor& a) { *bound_port = a.local_endpoint().port(); })
                      .port(static_cast<std::uint16_t>(cfg.port))
                      .address(cfg.host)
                      .request_handler(handler)
                      .read_next_http_message_timelimit(std::chrono::seconds(30))
                      .write_http_response_timelimit(std::chrono::seconds(30))
                      .handle_request_timeout(std::chrono::seconds(60))
                      .incoming_http_msg_limits(restinio::incoming_http_msg_limits_t{}
                                                    .max_url_size(4 * kMaxUrl)
                                                    .max_field_name_size(1024)
                                                    .max_field_value_size(4 * kMaxHeaderValue)
                                                    .max_field_count(100)
                                                    .max_body_size(2 * cfg.max_body_bytes));
  restinio::http_server_t<traits> server{restinio::external_io_context(impl.io), std::move(settings)};

  asio::signal_set signals(impl.io, SIGINT, SIGTERM);
  asio::steady_timer drain_timer(impl.io);
  auto deadline = std::make_shared<std::chrono::steady_clock::time_point>();

  // Waits until every accepted request is answered (or the grace period ends), lets the last
  // answers reach the sockets, then closes the server.
  std::function<void()> wait_drain = [&] {
    if (impl.pending.load() == 0 || std::chrono::steady_clock::now() > *deadline) {
      log::info("shutdown", {{"unanswered", std::to_string(impl.pending.load())}});
      drain_timer.expires_after(std::chrono::milliseconds(100));
      drain_timer.async_wait([&](const asio::error_code&) {
        server.close_async([&] { impl.io.stop(); }, [&](std::exception_ptr) { impl.io.stop(); });
      });
      return;
    }
    drain_timer.expires_after(std::chrono::milliseconds(20));
    drain_timer.async_wait([&](const asio::error_code&) { wait_drain(); });
  };
  impl.begin_shutdown = [&] {
    if (impl.stopping.exchange(true)) return;
    *deadline = std::chrono::steady_clock::now() + std::chrono::seconds(cfg.shutdown_grace_seconds);
    signals.cancel();
    wait_drain();
  };
  signals.async_wait([&](const asio::error_code& ec, int) {
    if (!ec) impl.begin_shutdown();
  });

  server.open_async(
      [&] {
        int port = *bound_port;
        log::info("listening", {{"host", cfg.host}, {"port", std::to_string(port)}, {"workers", std::to_string(workers)}});
        if (on_ready) on_ready(port);
      },
      [&](std::exception_ptr ex) {
        try {
          std::rethrow_exception(ex);
        } catch (const std::exception& e) {
          log::error("listen_failed", {{"what", e.what()}});
        }
        impl.io.stop();
      });

  std::vector<std::thread> io_threads;
  for (int i = 0; i < 1; ++i) io_threads.emplace_back([&] { impl.io.run(); });
  impl.io.run();
  for (auto& t : io_threads) t.join();
  pool.join();
}

}  // namespace jalon::http
