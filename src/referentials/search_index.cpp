#include "referentials/search_index.h"

#include "base/text.h"

namespace jalon::referentials {

namespace {
// Decodes the UTF-8 sequence at s[i] (well-formed input assumed; a stray byte reads as itself)
// and returns its length.
std::size_t decode(std::string_view s, std::size_t i, std::uint32_t& cp) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > s.size()) n = 1;
  cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  return n;
}

// Punctuation and spaces outside ASCII: Latin-1 signs (« » · no-break space…) and the General
// Punctuation block (’ – — … narrow no-break space).
bool separator(std::uint32_t cp) {
  if (cp < 0x80) return !((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z'));
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F);
}
}  // namespace

std::vector<std::string> search_words(std::string_view input) {
  std::string folded = text::fold(input);
  std::vector<std::string> words;
  std::string cur;
  for (std::size_t i = 0; i < folded.size();) {
    std::uint32_t cp = 0;
    std::size_t n = decode(folded, i, cp);
    if (separator(cp)) {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.append(folded, i, n);
    }
    i += n;
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

std::string search_key(std::string_view input) {
  std::string key;
  for (const auto& w : search_words(input)) {
    if (!key.empty()) key.push_back(' ');
    key += w;
  }
  return key;
}

}  // namespace jalon::referentials
