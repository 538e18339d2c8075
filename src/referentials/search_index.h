// Text search building blocks for the referentials' in-memory indexes; search_words() also serves the
// directory's search (directory/search.cpp), so that both split and fold words alike.
#pragma once
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace jalon::referentials {

// The words of `text` for search: folded by text::fold (lowercase, no accents, œ -> oe), split
// on anything that is not a letter or a digit (spaces, hyphens, apostrophes ' and ’, slashes,
// parentheses, punctuation). "Saint-Étienne" and "saint etienne" give {"saint", "etienne"}.
std::vector<std::string> search_words(std::string_view text);

// search_words() joined by single spaces: "L'Île-d'Yeu" -> "l ile d yeu".
std::string search_key(std::string_view text);

// Keys sorted once, for prefix lookups by binary search. A key is a slice of text kept in the
// index's own storage, so the words of a name can all point into one copy of it. Build with
// store()/add(), then sort(); after that the index is read-only and safe to share between
// threads. An id and a tag (the caller's meaning: a position, a kind) travel with each key.
class PrefixIndex {
 public:
  // Copies `text` into the index; returns its offset for add().
  std::uint32_t store(std::string_view text) {
    auto offset = static_cast<std::uint32_t>(text_.size());
    text_.append(text);
    return offset;
  }
  // Registers the key text_[offset, offset + length).
  void add(std::uint32_t offset, std::uint32_t length, std::uint32_t id, std::uint32_t tag) {
    entries_.push_back({offset, length, id, tag});
  }
  void sort() {
    std::sort(entries_.begin(), entries_.end(), [this](const Entry& a, const Entry& b) { return key(a) < key(b); });
    entries_.shrink_to_fit();
    text_.shrink_to_fit();
  }
  // Calls f(id, tag, key) for every key that starts with `prefix`, in key order.
  template <class F>
  void for_prefix(std::string_view prefix, F&& f) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), prefix,
                               [this](const Entry& e, std::string_view p) { return key(e) < p; });
    for (; it != entries_.end(); ++it) {
      std::string_view k = key(*it);
      if (k.substr(0, prefix.size()) != prefix) break;
      f(it->id, it->tag, k);
    }
  }
  std::string_view text(std::uint32_t offset, std::uint32_t length) const {
    return std::string_view(text_).substr(offset, length);
  }
  std::size_t size() const { return entries_.size(); }
  std::size_t memory_bytes() const { return text_.capacity() + entries_.capacity() * sizeof(Entry); }

 private:
  struct Entry {
    std::uint32_t offset, length, id, tag;
  };
  std::string_view key(const Entry& e) const { return std::string_view(text_).substr(e.offset, e.length); }

  std::string text_;
  std::vector<Entry> entries_;
};

}  // namespace jalon::referentials
