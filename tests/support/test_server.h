// A real Jalon server on an ephemeral loopback port, and an HTTP client that keeps cookies,
// for integration tests through a socket.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "app/app.h"
#include "base/config.h"
#include "db/db.h"

namespace jalon::test {

// Test settings: fixed paths into the source tree, fast password hashing, quiet logs.
Config test_config();

class TestServer {
 public:
  // Builds the application on `db` (already migrated) and serves it on a free port.
  TestServer(db::Database& db, Config config = test_config(), std::vector<http::Route> extra_routes = {});
  ~TestServer();  // stops the server and waits for it
  int port() const { return port_; }
  std::string url(const std::string& path) const;
  app::App& app() { return *app_; }
  const Config& config() const { return config_; }
  void stop();

 private:
  Config config_;
  std::unique_ptr<app::App> app_;
  std::thread thread_;
  int port_ = 0;
  bool stopped_ = false;
};

struct HttpResponse {
  int status = 0;
  std::multimap<std::string, std::string> headers;  // lowercase names
  std::string body;
  std::string header(const std::string& name) const;
};

class HttpClient {
 public:
  explicit HttpClient(int port) : port_(port) {}
  HttpResponse get(const std::string& path, const std::map<std::string, std::string>& headers = {});
  HttpResponse post_form(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                         const std::map<std::string, std::string>& headers = {});
  HttpResponse request(const std::string& method, const std::string& path, const std::string& body,
                       const std::map<std::string, std::string>& headers);
  // The value of the hidden "csrf" input of the last page fetched.
  std::string csrf() const { return last_csrf_; }
  std::map<std::string, std::string>& cookies() { return cookies_; }

  // Fetches the login page, posts the credentials; returns the POST's response.
  HttpResponse login(const std::string& email, const std::string& password);

 private:
  int port_;
  std::map<std::string, std::string> cookies_;
  std::string last_csrf_;
};

std::string extract_csrf(const std::string& html);

}  // namespace jalon::test
