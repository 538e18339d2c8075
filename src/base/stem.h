// French word forms for search: the Snowball French stemmer (Debian's libstemmer), so that
// "formations", "formation" and "former" meet on one stem.
#pragma once
#include <string>
#include <string_view>

namespace jalon::text {

// The Snowball French stem of one word ("formations" -> "format"). Give it words already folded
// (lowercase, no accents: text::fold) on both sides of a comparison — the index and the query —
// so that "numérique" and "numerique" reach the same stem. Thread-safe (one stemmer per thread).
// Throws std::runtime_error when the stemmer cannot be created (out of memory).
std::string french_stem(std::string_view folded_word);

}  // namespace jalon::text
