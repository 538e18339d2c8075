#include "base/text.h"

#include <cstdio>

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <unicode/utypes.h>

#include <memory>
#include <vector>
#include <stdexcept>

namespace jalon::text {

std::string trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r' || s[b] == '\n')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r' || s[e - 1] == '\n')) --e;
  return std::string(s.substr(b, e - b));
}

std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string cut_utf8(std::string_view s, std::size_t max_bytes) {
  if (s.size() <= max_bytes) return std::string(s);
  std::size_t n = max_bytes;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return std::string(s.substr(0, n));
}

namespace {
icu::Transliterator& folder() {
  // ICU transliterators are not thread-safe: one per thread.
  thread_local std::unique_ptr<icu::Transliterator> t = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> tr(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; Lower; NFC", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !tr) throw std::runtime_error("ICU transliterator unavailable");
    return tr;
  }();
  return *t;
}
}  // namespace

namespace {
// Folds Latin letters of U+00C0–U+017F (French and the usual European accents) without ICU;
// returns false for anything else, which then goes through ICU.
bool fold_latin(std::string_view in, std::string& out) {
  static const char* latin1 =  // U+00C0..U+00FF lowercased without accents ("" for × and ÷)
      "a\0a\0a\0a\0a\0a\0ae\0c\0e\0e\0e\0e\0i\0i\0i\0i\0d\0n\0o\0o\0o\0o\0o\0\0o\0u\0u\0u\0u\0y\0th\0ss\0"
      "a\0a\0a\0a\0a\0a\0ae\0c\0e\0e\0e\0e\0i\0i\0i\0i\0d\0n\0o\0o\0o\0o\0o\0\0o\0u\0u\0u\0u\0y\0th\0y\0";
  static std::vector<const char*> table = [] {
    std::vector<const char*> t;
    const char* p = latin1;
    for (int i = 0; i < 64; ++i) {
      t.push_back(p);
      p += std::char_traits<char>::length(p) + 1;
    }
    return t;
  }();
  out.clear();
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      continue;
    }
    if ((c & 0xE0) != 0xC0 || i + 1 >= in.size()) return false;
    unsigned cp = ((c & 0x1F) << 6) | (static_cast<unsigned char>(in[i + 1]) & 0x3F);
    ++i;
    if (cp >= 0xC0 && cp <= 0xFF) out += table[cp - 0xC0];
    else if (cp == 0x152 || cp == 0x153) out += "oe";
    else if (cp == 0x178) out += "y";
    else return false;
  }
  return true;
}
}  // namespace

std::string fold(std::string_view utf8) {
  std::string fast;
  if (fold_latin(utf8, fast)) return fast;
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  folder().transliterate(u);
  std::string out;
  u.toUTF8String(out);
  // Ligatures common in French names.
  // The letters ICU keeps whole, mapped as the fast path maps them (same key either way).
  std::string res;
  res.reserve(out.size());
  for (size_t i = 0; i < out.size(); ++i) {
    if (out.compare(i, 2, "\xC5\x93") == 0) { res += "oe"; ++i; }       // œ
    else if (out.compare(i, 2, "\xC3\xA6") == 0) { res += "ae"; ++i; }  // æ
    else if (out.compare(i, 2, "\xC3\x9F") == 0) { res += "ss"; ++i; }  // ß
    else if (out.compare(i, 2, "\xC3\xB8") == 0) { res += "o"; ++i; }   // ø
    else if (out.compare(i, 2, "\xC3\xB0") == 0) { res += "d"; ++i; }   // ð
    else if (out.compare(i, 2, "\xC3\xBE") == 0) { res += "th"; ++i; }  // þ
    else res.push_back(out[i]);
  }
  return res;
}

bool utf8_well_formed(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c & 0xE0) == 0xC0) { n = 1; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { n = 2; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { n = 3; cp = c & 0x07; }
    else return false;
    if (i + n >= s.size()) return false;
    for (int k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

bool valid_utf8(std::string_view s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) return false;
  return utf8_well_formed(s);
}

bool plausible_email(std::string_view s) {
  if (s.empty() || s.size() > 254) return false;
  auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) return false;
  auto domain = s.substr(at + 1);
  auto dot = domain.find('.');
  if (dot == std::string_view::npos || dot == 0 || domain.back() == '.') return false;
  for (char c : s)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"')
      return false;
  return valid_utf8(s);
}

std::string normalise_email(std::string_view s) {
  std::string out = trim(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string url_decode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+' && plus_is_space) out.push_back(' ');
    else if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
      i += 2;
    } else out.push_back(s[i]);
  }
  return out;
}

std::string url_encode(std::string_view s) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~')
      out.push_back(static_cast<char>(c));
    else {
      out.push_back('%');
      out.push_back(digits[c >> 4]);
      out.push_back(digits[c & 15]);
    }
  }
  return out;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    auto pos = s.find(sep, start);
    out.emplace_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return out;
}

namespace {
void append_escaped(std::string& out, std::string_view s) {
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else out.push_back(static_cast<char>(c));
    }
  }
}
}  // namespace

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  append_escaped(out, s);
  out.push_back('"');
}

std::string json_escape(std::string_view s) {
  std::string out;
  append_escaped(out, s);
  return out;
}

std::string format_km(double km) {
  char buf[32];
  std::snprintf(buf, sizeof buf, km < 10 ? "%.1f" : "%.0f", km);
  std::string s = buf;
  for (auto& c : s)
    if (c == '.') c = ',';
  return s + " km";
}

std::string thousands(long long n) {
  std::string digits = std::to_string(n < 0 ? -n : n), out = n < 0 ? "-" : "";
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += "\u00a0";
    out += digits[i];
  }
  return out;
}

}  // namespace jalon::text
