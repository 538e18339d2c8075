#include "referentials/source.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <fstream>
#include <iterator>

#include "base/errors.h"

namespace jalon::referentials {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) fail(path, "fichier absent ou illisible");
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) fail(path, "erreur de lecture");
  return data;
}

void fail(const std::string& path, const std::string& what) {
  throw std::runtime_error(path + ": " + what);
}

SourceTable::SourceTable(std::string path) : path_(std::move(path)) {
  std::string data = read_file(path_);
  try {
    table_ = csv::parse(data);
  } catch (const ValidationError& e) {
    referentials::fail(path_, e.what());
  }
}

std::size_t SourceTable::column(std::string_view name) const {
  auto it = std::find(table_.header.begin(), table_.header.end(), name);
  if (it == table_.header.end()) throw std::runtime_error(path_ + ":1: colonne « " + std::string(name) + " » absente");
  return static_cast<std::size_t>(it - table_.header.begin());
}

std::optional<std::size_t> SourceTable::optional_column(std::string_view name) const {
  auto it = std::find(table_.header.begin(), table_.header.end(), name);
  if (it == table_.header.end()) return std::nullopt;
  return static_cast<std::size_t>(it - table_.header.begin());
}

const std::string& SourceTable::field(const csv::Row& row, std::size_t col) const {
  if (col >= row.fields.size())
    fail(row, std::to_string(row.fields.size()) + " colonnes au lieu de " + std::to_string(table_.header.size()));
  return row.fields[col];
}

const std::string& SourceTable::required(const csv::Row& row, std::size_t col) const {
  const std::string& f = field(row, col);
  if (f.empty()) fail(row, "colonne « " + table_.header[col] + " » vide");
  return f;
}

unsigned long SourceTable::number(const csv::Row& row, std::size_t col) const {
  const std::string& f = required(row, col);
  unsigned long n = 0;
  auto [end, ec] = std::from_chars(f.data(), f.data() + f.size(), n);
  if (ec != std::errc() || end != f.data() + f.size())
    fail(row, "colonne « " + table_.header[col] + " » : nombre attendu, « " + f + " » trouvé");
  return n;
}

void SourceTable::fail(const csv::Row& row, const std::string& what) const {
  throw std::runtime_error(path_ + ":" + std::to_string(row.line) + ": " + what);
}

boost::json::value read_json(const std::string& path) {
  std::string data = read_file(path);
  boost::json::stream_parser parser;
  boost::json::error_code ec;
  std::size_t used = parser.write_some(data.data(), data.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    long line =
        1 + std::count(data.begin(), data.begin() + static_cast<std::ptrdiff_t>(std::min(used, data.size())), '\n');
    throw std::runtime_error(path + ":" + std::to_string(line) + ": JSON invalide (" + ec.message() + ")");
  }
  return parser.release();
}

}  // namespace jalon::referentials
