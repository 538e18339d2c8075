// CSV files as French spreadsheets write them: UTF-8 (with or without BOM) or Windows-1252,
// ';' or ',' between fields, RFC 4180 quotes (fields may hold separators, quotes and line breaks).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace jalon::csv {

struct Row {
  int line = 0;  // line of the file where the row starts (1-based)
  std::vector<std::string> fields;
};

struct Table {
  std::string encoding;  // "UTF-8" or "Windows-1252"
  char separator = ',';
  std::vector<std::string> header;
  std::vector<Row> rows;
};

// Converts Windows-1252 text to UTF-8.
std::string from_windows_1252(std::string_view in);

// Parses `data`: the encoding is UTF-8 when the bytes are valid UTF-8, else Windows-1252; the
// separator is the one of ';' and ',' found more often in the header line. Empty lines, and
// lines of separators only, are skipped. Throws jalon::ValidationError (field "fichier") for an empty file or a quote never
// closed, with its line.
Table parse(std::string_view data);

}  // namespace jalon::csv
