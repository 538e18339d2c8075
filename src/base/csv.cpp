#include "base/csv.h"

#include <algorithm>

#include "base/errors.h"
#include "base/text.h"

namespace jalon::csv {

std::string from_windows_1252(std::string_view in) {
  // Code points of 0x80–0x9F in Windows-1252 (0 where the byte is undefined).
  static const unsigned short high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                          0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                          0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  std::string out;
  out.reserve(in.size() + in.size() / 8);
  for (unsigned char c : in) {
    unsigned cp = c;
    if (c >= 0x80 && c < 0xA0) cp = high[c - 0x80] ? high[c - 0x80] : 0xFFFD;
    if (cp < 0x80) out.push_back(static_cast<char>(cp));
    else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

Table parse(std::string_view data) {
  Table t;
  std::string converted;
  if (data.size() >= 3 && data.substr(0, 3) == "\xEF\xBB\xBF") data.remove_prefix(3);
  if (text::utf8_well_formed(data)) {
    t.encoding = "UTF-8";
  } else {
    t.encoding = "Windows-1252";
    converted = from_windows_1252(data);
    data = converted;
  }
  std::size_t first_start = data.find_first_not_of("\r\n");
  if (first_start == std::string_view::npos) first_start = data.size();
  std::string_view first = data.substr(first_start, data.find('\n', first_start) - first_start);
  std::size_t semis = 0, commas = 0;
  for (char c : first) {
    semis += c == ';';
    commas += c == ',';
  }
  t.separator = semis > commas ? ';' : ',';

  // Unquoted and quoted runs of plain bytes are appended whole; the fields of a row are
  // reserved at the header's width (a million-row file: no reallocation per field or row).
  t.rows.reserve(static_cast<std::size_t>(std::count(data.begin(), data.end(), '\n')) + 1);
  bool have_header = false;
  Row row;
  std::string field;
  bool quoted = false, field_started = false, row_has_content = false;
  int line = 1, quote_line = 0;
  row.line = 1;
  auto end_field = [&] {
    row.fields.push_back(std::move(field));
    field.clear();
    field_started = false;
  };
  auto end_row = [&] {
    end_field();
    // A row of separators only (";;;", as spreadsheets export empty lines) is an empty line.
    bool blank = true;
    for (const auto& f : row.fields) blank = blank && text::trim(f).empty();
    if (row_has_content && !blank) {
      if (have_header) t.rows.push_back(std::move(row));
      else t.header = std::move(row.fields);
      have_header = true;
    }
    row = Row{};
    row.fields.reserve(t.header.size());
    row_has_content = false;
  };
  const char sep = t.separator;
  for (std::size_t i = 0; i < data.size(); ++i) {
    char c = data[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < data.size() && data[i + 1] == '"') {
          field.push_back('"');
          ++i;
        } else {
          quoted = false;
        }
      } else {
        std::size_t j = data.find('"', i);
        if (j == std::string_view::npos) j = data.size();
        std::string_view run = data.substr(i, j - i);
        line += static_cast<int>(std::count(run.begin(), run.end(), '\n'));
        field.append(run);
        i = j - 1;
      }
      continue;
    }
    if (c == '"' && !field_started) {
      quoted = true;
      field_started = true;
      row_has_content = true;
      quote_line = line;
    } else if (c == sep) {
      end_field();
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      end_row();
      ++line;
      row.line = line;
    } else {
      // Up to the next separator or line end; a quote inside an unquoted field is a character.
      std::size_t j = i + 1;
      while (j < data.size() && data[j] != sep && data[j] != '\n' && data[j] != '\r') ++j;
      std::string_view run = data.substr(i, j - i);
      field.append(run);
      field_started = true;
      if (run.find_first_not_of(" \t") != std::string_view::npos) row_has_content = true;
      i = j - 1;
    }
  }
  if (quoted) throw ValidationError("fichier", "Ligne " + std::to_string(quote_line) + " : un guillemet ouvert n'est jamais fermé.");
  if (field_started || !row.fields.empty() || row_has_content) end_row();
  if (!have_header) throw ValidationError("fichier", "Le fichier est vide.");
  for (auto& h : t.header) h = text::trim(h);
  return t;
}

}  // namespace jalon::csv
