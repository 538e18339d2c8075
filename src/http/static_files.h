// The files under web/static (our CSS, and Bootstrap copied there at build time), held in
// memory and served with an ETag.
#pragma once
#include <map>
#include <string>

#include "http/http.h"

namespace jalon::http {

class StaticFiles {
 public:
  // Loads every file under `dir`, served as /static/<relative path>.
  void load(const std::string& dir);
  // The response for a /static/… path, or a 404 response.
  Response serve(const Request& req) const;
  std::size_t count() const { return files_.size(); }

 private:
  struct File {
    std::string body, type, etag;
  };
  std::map<std::string, File> files_;
};

}  // namespace jalon::http
