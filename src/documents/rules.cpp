#include "documents/rules.h"

#include <fmt/format.h>
#include <zlib.h>

#include <vector>

#include "base/text.h"

namespace jalon::documents {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::uint32_t le16(std::string_view s, std::size_t at) {
  return static_cast<unsigned char>(s[at]) | (static_cast<std::uint32_t>(static_cast<unsigned char>(s[at + 1])) << 8);
}
std::uint32_t le32(std::string_view s, std::size_t at) {
  return le16(s, at) | (le16(s, at + 2) << 16);
}

// One entry of a ZIP's central directory, enough to find and read its data.
struct ZipEntry {
  std::string name;
  std::uint32_t method = 0, compressed = 0, uncompressed = 0, local_offset = 0;
};

// The central directory of the ZIP `z`, or nullopt when it is not a well-formed one.
std::optional<std::vector<ZipEntry>> zip_entries(std::string_view z) {
  if (z.size() < 22) return std::nullopt;
  // The end record is within the last 22 + 65535 bytes (its comment is at most 65535 bytes).
  std::size_t lowest = z.size() > 22 + 65535 ? z.size() - 22 - 65535 : 0;
  std::size_t eocd = std::string_view::npos;
  for (std::size_t i = z.size() - 22 + 1; i-- > lowest;)
    if (z.substr(i, 4) == std::string_view("PK\x05\x06", 4)) {
      eocd = i;
      break;
    }
  if (eocd == std::string_view::npos) return std::nullopt;
  std::uint32_t count = le16(z, eocd + 10), cd_size = le32(z, eocd + 12), cd_offset = le32(z, eocd + 16);
  if (static_cast<std::uint64_t>(cd_offset) + cd_size > eocd || count > 10000) return std::nullopt;
  std::vector<ZipEntry> out;
  std::size_t pos = cd_offset;
  for (std::uint32_t i = 0; i < count; ++i) {
    if (pos + 46 > eocd || z.substr(pos, 4) != std::string_view("PK\x01\x02", 4)) return std::nullopt;
    ZipEntry e;
    e.method = le16(z, pos + 10);
    e.compressed = le32(z, pos + 20);
    e.uncompressed = le32(z, pos + 24);
    std::uint32_t name_len = le16(z, pos + 28), extra = le16(z, pos + 30), comment = le16(z, pos + 32);
    e.local_offset = le32(z, pos + 42);
    if (pos + 46 + name_len > eocd) return std::nullopt;
    e.name = std::string(z.substr(pos + 46, name_len));
    out.push_back(std::move(e));
    pos += 46 + name_len + extra + comment;
  }
  return out;
}

// The uncompressed data of entry `e` (stored or deflated), at most `max` bytes; nullopt when
// unreadable or larger.
std::optional<std::string> zip_read(std::string_view z, const ZipEntry& e, std::size_t max) {
  std::size_t h = e.local_offset;
  if (h + 30 > z.size() || z.substr(h, 4) != std::string_view("PK\x03\x04", 4)) return std::nullopt;
  std::size_t data = h + 30 + le16(z, h + 26) + le16(z, h + 28);
  if (data + e.compressed > z.size() || e.uncompressed > max) return std::nullopt;
  std::string_view packed = z.substr(data, e.compressed);
  if (e.method == 0) return std::string(packed);
  if (e.method != 8) return std::nullopt;
  std::string out(e.uncompressed, '\0');
  z_stream s{};
  if (inflateInit2(&s, -MAX_WBITS) != Z_OK) return std::nullopt;
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  s.avail_in = static_cast<uInt>(packed.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&s, Z_FINISH);
  std::size_t produced = out.size() - s.avail_out;
  inflateEnd(&s);
  if (rc != Z_STREAM_END) return std::nullopt;
  out.resize(produced);
  return out;
}

std::optional<FileType> office_type(std::string_view z) {
  // OpenDocument: the first entry is "mimetype", stored, holding the media type.
  static const std::string_view odt = "application/vnd.oasis.opendocument.text";
  if (z.size() >= 38 && le16(z, 8) == 0 && le16(z, 26) == 8 && z.substr(30, 8) == "mimetype") {
    std::size_t data = 30 + 8 + le16(z, 28);
    if (data <= z.size() && z.substr(data, odt.size()) == odt && le32(z, 18) == odt.size())
      return FileType{std::string(odt), "odt", "document texte OpenDocument"};
  }
  auto entries = zip_entries(z);
  if (!entries) return std::nullopt;
  const ZipEntry* types = nullptr;
  bool document = false;
  for (const auto& e : *entries) {
    if (e.name == "[Content_Types].xml") types = &e;
    if (e.name == "word/document.xml") document = true;
  }
  if (!types || !document) return std::nullopt;
  auto xml = zip_read(z, *types, 1 << 20);
  if (!xml) return std::nullopt;
  if (xml->find("macroEnabled") != std::string::npos) return std::nullopt;
  if (xml->find("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") ==
      std::string::npos)
    return std::nullopt;
  return FileType{"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "document Word"};
}

}  // namespace

Sniffed sniff(std::string_view b) {
  Sniffed out;
  if (b.empty()) {
    out.refusal = "Le fichier est vide.";
    return out;
  }
  static const char* program =
      "Ce fichier est un programme, quel que soit son nom : il est refusé pour la sécurité de tous.";
  // Programs first, whatever follows: ELF, Windows (MZ), Mach-O and universal binaries, scripts.
  std::string_view start = b.substr(0, 4);
  if (starts_with(b,
                  "\x7f"
                  "ELF") ||
      starts_with(b, "MZ") || starts_with(b, "#!") || starts_with(b, "\xEF\xBB\xBF#!") ||
      start == std::string_view("\xFE\xED\xFA\xCE", 4) || start == std::string_view("\xFE\xED\xFA\xCF", 4) ||
      start == std::string_view("\xCE\xFA\xED\xFE", 4) || start == std::string_view("\xCF\xFA\xED\xFE", 4) ||
      start == std::string_view("\xCA\xFE\xBA\xBE", 4)) {
    out.refusal = program;
    return out;
  }
  if (starts_with(b, "%PDF-"))
    out.type = FileType{"application/pdf", "pdf", "PDF"};
  else if (starts_with(b, std::string_view("\x89PNG\r\n\x1a\n", 8)))
    out.type = FileType{"image/png", "png", "image PNG"};
  else if (starts_with(b, "\xFF\xD8\xFF"))
    out.type = FileType{"image/jpeg", "jpg", "image JPEG"};
  else if (b.size() >= 12 && starts_with(b, "RIFF") && b.substr(8, 4) == "WEBP")
    out.type = FileType{"image/webp", "webp", "image WebP"};
  else if (starts_with(b, std::string_view("PK\x03\x04", 4)))
    out.type = office_type(b);
  if (!out.type)
    out.refusal =
        "Ce type de fichier n'est pas accepté : déposez un PDF, une image (PNG, JPEG, WebP) ou un document texte (Word "
        ".docx, OpenDocument .odt).";
  return out;
}

std::string default_title(const std::string& filename) {
  std::string name = filename;
  if (auto slash = name.find_last_of("/\\"); slash != std::string::npos) name = name.substr(slash + 1);
  if (auto dot = name.rfind('.'); dot != std::string::npos && dot > 0) name = name.substr(0, dot);
  name = text::trim(text::cut_utf8(name, 200));
  return name.empty() ? "Document" : name;
}

std::string download_name(const std::string& title, const std::string& extension, bool ascii) {
  std::string base = ascii ? text::fold(title) : title;
  std::string out;
  for (std::size_t i = 0; i < base.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(base[i]);
    bool keep = std::isalnum(c) || c == '-' || c == '_' || (!ascii && c >= 0x80);
    if (keep)
      out += static_cast<char>(c);
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  out = text::cut_utf8(out, 100);
  if (out.empty()) out = "document";
  return out + "." + extension;
}

std::string content_disposition(const std::string& title, const std::string& extension) {
  return "attachment; filename=\"" + download_name(title, extension, true) + "\"; filename*=UTF-8''" +
         text::url_encode(download_name(title, extension, false));
}

std::string display_size(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " octets";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 1023) / 1024) + " Ko";
  std::string s = fmt::format("{:.1f}", static_cast<double>(bytes) / (1024.0 * 1024.0));
  for (auto& c : s)
    if (c == '.') c = ',';
  if (s.size() > 2 && s.substr(s.size() - 2) == ",0") s.resize(s.size() - 2);
  return s + " Mo";
}

}  // namespace jalon::documents
