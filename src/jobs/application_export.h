// The employer's inbox as a spreadsheet: the same rows and columns as CSV (UTF-8 with a BOM and
// ';' between fields, as French spreadsheets open them) and as XLSX (libxlsxwriter).
#pragma once
#include <string>
#include <vector>

namespace jalon::jobs {

// A table to export: a header and rows of text cells, each row as long as the header.
struct Sheet {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
};

// RFC 4180 quoting where needed; a cell starting with = + - @ is prefixed with ' so that a
// spreadsheet never runs it as a formula (CSV injection).
std::string to_csv(const Sheet& s);
// The bytes of an .xlsx workbook with one sheet named `sheet_name`, the header in bold and frozen.
// Throws std::runtime_error when libxlsxwriter fails (a full temporary disk).
std::string to_xlsx(const Sheet& s, const std::string& sheet_name);

}  // namespace jalon::jobs
