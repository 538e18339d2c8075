#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/crypto.h"

namespace jalon::http {

namespace {
std::string type_of(const std::string& ext) {
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".js") return "text/javascript; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".map") return "application/json";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}
}  // namespace

void StaticFiles::load(const std::string& dir) {
  namespace fs = std::filesystem;
  if (!fs::exists(dir)) return;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    File f;
    f.body = ss.str();
    f.type = type_of(e.path().extension().string());
    f.etag = "\"" + crypto::hash_token(f.body).substr(0, 16) + "\"";
    files_["/static/" + fs::relative(e.path(), dir).generic_string()] = std::move(f);
  }
}

Response StaticFiles::serve(const Request& req) const {
  auto it = files_.find(req.path);
  if (it == files_.end()) return Response::text("Fichier introuvable.", 404);
  if (req.header("if-none-match") == it->second.etag) {
    Response r;
    r.status = 304;
    r.content_type = "";
    r.header("ETag", it->second.etag);
    return r;
  }
  Response r = Response::text(it->second.body, 200, it->second.type);
  r.header("ETag", it->second.etag);
  r.header("Cache-Control", "public, max-age=3600");
  return r;
}

}  // namespace jalon::http
