// Settings of one Jalon server, from the command line and JALON_* environment variables.
#pragma once
#include <cstdint>
#include <cstddef>
#include <string>

namespace jalon {

struct Config {
  std::string db_url = "sqlite:var/jalon.db";
  std::string host = "127.0.0.1";
  int port = 8080;
  // Public address used in links sent by e-mail.
  std::string base_url = "http://127.0.0.1:8080";
  std::string web_dir = "web";  // templates/ and static/
  std::string data_dir = "data";
  int threads = 0;              // request workers; 0 = 8 × cores, between 16 and 32
  std::size_t db_pool = 0;      // 0 = threads + 2
  std::uint64_t max_body_bytes = 10 * 1024 * 1024;
  int session_hours = 12;       // absolute lifetime of a session
  int session_idle_minutes = 120;
  bool cookie_secure = true;    // browsers accept Secure cookies on http://127.0.0.1 and localhost
  int login_max_failures = 5;   // per e-mail and per address within the window, then 429
  int login_window_minutes = 15;
  int invitation_days = 7;
  int reset_minutes = 60;
  std::uint64_t document_max_bytes = 5 * 1024 * 1024;  // a person's document (CV, certificate…)
  int space_link_minutes = 30;             // validity of a one-time link to the person's space
  int space_link_requests_per_hour = 10;   // requests for such links per client address
  int export_max_rows = 20000;             // a larger spreadsheet export is refused (narrow the filters), never cut
  std::string smtp_url;         // e.g. smtp://127.0.0.1:2525; empty: e-mails stay in the outbox
  std::string smtp_from = "Jalon <ne-pas-repondre@jalon.local>";
  int shutdown_grace_seconds = 20;
  std::string metrics_token;    // /metrics answers loopback clients, or this bearer token when set

  // Request workers: `threads`, or 8 per core (16 to 32; with the pool of threads + 2, two
  // servers stay under PostgreSQL's default 100 connections): a worker mostly waits, on the
  // database or on a shared commit (more waiting workers make larger batches of audit rows,
  // measured: 16 workers served twice the searches of 4 on 2 cores). The pool must be larger
  // (db_pool_size()), since a request may briefly hold a second connection.
  int worker_threads() const;
  std::size_t db_pool_size() const { return db_pool > 0 ? db_pool : static_cast<std::size_t>(worker_threads()) + 2; }
};

}  // namespace jalon
