#include "http/multipart.h"

#include "base/errors.h"
#include "base/text.h"

namespace jalon::http {

bool is_multipart(const Request& req) { return req.header("content-type").rfind("multipart/form-data", 0) == 0; }

namespace {
// The value of `key` among the `; key=value` parameters of a header (quotes removed); keys
// are matched whole, so "name" is not found inside "filename".
std::string param(const std::string& header, const std::string& key) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto semi = header.find(';', pos);
    if (semi == std::string::npos) return "";
    pos = semi + 1;
    while (pos < header.size() && header[pos] == ' ') ++pos;
    auto eq = header.find('=', pos);
    if (eq == std::string::npos) return "";
    std::string k = text::trim(header.substr(pos, eq - pos));
    std::size_t v = eq + 1;
    std::string value;
    if (v < header.size() && header[v] == '"') {
      auto end = header.find('"', v + 1);
      if (end == std::string::npos) return "";
      value = header.substr(v + 1, end - v - 1);
      pos = end + 1;
    } else {
      auto end = header.find(';', v);
      value = text::trim(header.substr(v, end == std::string::npos ? std::string::npos : end - v));
      pos = end == std::string::npos ? header.size() : end;
    }
    for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (k == key) return value;
  }
  return "";
}
}  // namespace

std::vector<Part> parse_multipart(const Request& req) {
  const char* malformed = "Le formulaire envoyé est mal formé (multipart/form-data).";
  std::string boundary = param(req.header("content-type"), "boundary");
  if (boundary.empty() || boundary.size() > 200) throw BadRequest(malformed);
  const std::string delim = "--" + boundary;
  const std::string& b = req.body;
  std::vector<Part> parts;
  auto pos = b.find(delim);
  if (pos == std::string::npos) throw BadRequest(malformed);
  while (true) {
    pos += delim.size();
    if (b.compare(pos, 2, "--") == 0) break;  // closing delimiter
    if (b.compare(pos, 2, "\r\n") != 0) throw BadRequest(malformed);
    pos += 2;
    auto headers_end = b.find("\r\n\r\n", pos);
    if (headers_end == std::string::npos) throw BadRequest(malformed);
    Part part;
    for (const auto& line : text::split(b.substr(pos, headers_end - pos), '\n')) {
      std::string l = text::trim(line);
      auto colon = l.find(':');
      if (colon == std::string::npos) continue;
      std::string name = l.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = text::trim(l.substr(colon + 1));
      if (name == "content-disposition") {
        part.name = param(value, "name");
        part.filename = param(value, "filename");
      } else if (name == "content-type") {
        part.content_type = value;
      }
    }
    auto body_start = headers_end + 4;
    auto next = b.find("\r\n" + delim, body_start);
    if (next == std::string::npos) throw BadRequest(malformed);
    part.body = b.substr(body_start, next - body_start);
    parts.push_back(std::move(part));
    pos = next + 2;
  }
  return parts;
}

const Part* find_part(const std::vector<Part>& parts, const std::string& name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace jalon::http
