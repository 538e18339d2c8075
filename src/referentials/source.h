// Reading referential files, for the loaders of this room only. Every error is a
// std::runtime_error whose message starts with the file's path, and its line when one applies
// ("data/rome/unix_item_v460_utf8.csv:12: …"), so a broken update names what to fix.
#pragma once
#include <cstddef>
#include <stdexcept>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/csv.h"

namespace boost::json {
class value;
}

namespace jalon::referentials {

// A CSV file read whole (src/base/csv.h: quotes, multi-line fields), its columns found by
// name so that a reordered upstream export still loads and a renamed column fails loudly.
class SourceTable {
 public:
  // Reads and parses `path`. Throws when the file is missing, unreadable, empty or has a quote
  // never closed.
  explicit SourceTable(std::string path);

  const std::string& path() const { return path_; }
  const std::vector<csv::Row>& rows() const { return table_.rows; }

  // Index of the column named `name` in the header; throws "path:1: colonne X absente".
  std::size_t column(std::string_view name) const;
  // The same for a column a file may leave out.
  std::optional<std::size_t> optional_column(std::string_view name) const;

  // Field `col` of `row`; throws "path:line: …" when the row is shorter than the header.
  const std::string& field(const csv::Row& row, std::size_t col) const;
  // The same, refused when empty.
  const std::string& required(const csv::Row& row, std::size_t col) const;
  // A decimal unsigned number; an empty field is refused.
  unsigned long number(const csv::Row& row, std::size_t col) const;

  // Throws "path:line: what".
  [[noreturn]] void fail(const csv::Row& row, const std::string& what) const;

 private:
  std::string path_;
  csv::Table table_;
};

// The whole content of `path`; throws "path: fichier illisible" when it cannot be read.
std::string read_file(const std::string& path);

// Parses the JSON file `path`; a syntax error throws "path:line: JSON invalide (…)".
boost::json::value read_json(const std::string& path);

// Throws "path: what" (for errors that belong to no single line, such as a JSON element).
[[noreturn]] void fail(const std::string& path, const std::string& what);

}  // namespace jalon::referentials
