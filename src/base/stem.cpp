#include "base/stem.h"

#include <libstemmer.h>

#include <memory>
#include <stdexcept>

namespace jalon::text {

namespace {
struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

// A Snowball stemmer keeps its working buffer inside: one per thread.
sb_stemmer& stemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> s(sb_stemmer_new("french", "UTF_8"));
  if (!s) throw std::runtime_error("Snowball French stemmer unavailable");
  return *s;
}
}  // namespace

std::string french_stem(std::string_view folded_word) {
  const sb_symbol* out = sb_stemmer_stem(&stemmer(), reinterpret_cast<const sb_symbol*>(folded_word.data()),
                                         static_cast<int>(folded_word.size()));
  if (!out) throw std::runtime_error("Snowball French stemmer: out of memory");
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(&stemmer())));
}

}  // namespace jalon::text
