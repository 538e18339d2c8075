#include "http/multipart.h"

#include "base/errors.h"
#include "base/text.h"

namespace jalon::http {

bool is_multipart(const Request& req) { return req.header("content-type").rfind("multipart/form-data", 0) == 0; }

namespace {
std::string param(const std::string& header, const std::string& key) {
  auto pos = header.find(key + "=");
  if (pos == std::string::npos) return "";
  pos += key.size() + 1;
  if (pos < header.size() && header[pos] == '"') {
    auto end = header.find('"', pos + 1);
    return end == std::string::npos ? "" : header.substr(pos + 1, end - pos - 1);
  }
  auto end = header.find(';', pos);
  return text::trim(header.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
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
