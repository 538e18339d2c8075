#include "support/test_server.h"

#include <curl/curl.h>

#include <condition_variable>
#include <mutex>
#include <regex>
#include <stdexcept>

#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "support/test_db.h"

namespace jalon::test {

Config test_config() {
  crypto::init();
  crypto::set_password_cost(crypto::PasswordCost::minimal);
  log::set_quiet(true);
  Config c;
  c.port = 0;
  c.web_dir = source_dir() + "/web";
  c.data_dir = source_dir() + "/data";
  c.threads = 4;
  c.login_max_failures = 1000;
  c.shutdown_grace_seconds = 10;
  c.base_url = "http://127.0.0.1";
  return c;
}

TestServer::TestServer(db::Database& db, Config config, std::vector<http::Route> extra_routes) : config_(std::move(config)) {
  app_ = std::make_unique<app::App>(config_, db);
  for (auto& r : extra_routes) app_->add_route(std::move(r));
  std::mutex m;
  std::condition_variable cv;
  bool ready = false;
  thread_ = std::thread([&, this] {
    app_->serve([&](int port) {
      std::lock_guard lock(m);
      port_ = port;
      ready = true;
      cv.notify_all();
    });
  });
  std::unique_lock lock(m);
  if (!cv.wait_for(lock, std::chrono::seconds(20), [&] { return ready; })) throw std::runtime_error("test server did not start");
  config_.base_url = "http://127.0.0.1:" + std::to_string(port_);
}

void TestServer::stop() {
  if (stopped_) return;
  stopped_ = true;
  app_->stop();
  if (thread_.joinable()) thread_.join();
}

TestServer::~TestServer() { stop(); }

std::string TestServer::url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }

std::string HttpResponse::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

namespace {
size_t write_body(char* ptr, size_t size, size_t n, void* userdata) {
  static_cast<std::string*>(userdata)->append(ptr, size * n);
  return size * n;
}
size_t write_header(char* ptr, size_t size, size_t n, void* userdata) {
  auto* r = static_cast<HttpResponse*>(userdata);
  std::string line(ptr, size * n);
  auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    r->headers.emplace(name, text::trim(line.substr(colon + 1)));
  }
  return size * n;
}
}  // namespace

std::string extract_csrf(const std::string& html) {
  static const std::regex re(R"(name="csrf" value="([^"]+)\")");
  std::smatch m;
  if (std::regex_search(html, m, re)) return m[1];
  return "";
}

HttpResponse HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                                 const std::map<std::string, std::string>& headers) {
  CURL* curl = curl_easy_init();
  HttpResponse r;
  std::string url = "http://127.0.0.1:" + std::to_string(port_) + path;
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method == "HEAD") curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
  if (!body.empty() || method == "POST" || method == "PUT" || method == "PATCH") {
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  struct curl_slist* list = nullptr;
  std::string cookie;
  for (const auto& [k, v] : cookies_) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
  if (!cookie.empty()) list = curl_slist_append(list, ("Cookie: " + cookie).c_str());
  for (const auto& [k, v] : headers) list = curl_slist_append(list, (k + ": " + v).c_str());
  list = curl_slist_append(list, "Expect:");
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, write_body);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r.body);
  curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, write_header);
  curl_easy_setopt(curl, CURLOPT_HEADERDATA, &r);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  CURLcode rc = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(list);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc));
  r.status = static_cast<int>(status);
  auto range = r.headers.equal_range("set-cookie");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& v = it->second;
    auto eq = v.find('='), semi = v.find(';');
    std::string name = v.substr(0, eq), value = v.substr(eq + 1, semi == std::string::npos ? std::string::npos : semi - eq - 1);
    if (v.find("Max-Age=0") != std::string::npos) cookies_.erase(name);
    else cookies_[name] = value;
  }
  if (auto t = extract_csrf(r.body); !t.empty()) last_csrf_ = t;
  return r;
}

HttpResponse HttpClient::get(const std::string& path, const std::map<std::string, std::string>& headers) {
  return request("GET", path, "", headers);
}

HttpResponse HttpClient::post_form(const std::string& path, const std::vector<std::pair<std::string, std::string>>& fields,
                                   const std::map<std::string, std::string>& headers) {
  std::string body;
  for (const auto& [k, v] : fields) body += (body.empty() ? "" : "&") + text::url_encode(k) + "=" + text::url_encode(v);
  auto h = headers;
  h["Content-Type"] = "application/x-www-form-urlencoded";
  return request("POST", path, body, h);
}

HttpResponse HttpClient::login(const std::string& email, const std::string& password) {
  get("/connexion");
  return post_form("/connexion", {{"csrf", last_csrf_}, {"email", email}, {"password", password}});
}

}  // namespace jalon::test
