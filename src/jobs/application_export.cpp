#include "jobs/application_export.h"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace jalon::jobs {

namespace {

std::string safe_cell(const std::string& v) {
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) return "'" + v;
  return v;
}

std::string csv_field(const std::string& raw) {
  std::string v = safe_cell(raw);
  if (v.find_first_of(";\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string to_csv(const Sheet& s) {
  std::string out = "\xEF\xBB\xBF";
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? ";" : "") + csv_field(cells[i]);
    out += "\r\n";
  };
  line(s.header);
  for (const auto& r : s.rows) line(r);
  return out;
}

std::string to_xlsx(const Sheet& s, const std::string& sheet_name) {
  // libxlsxwriter 1.1 writes to a file only: a private temporary one, removed at once.
  const char* dir = std::getenv("TMPDIR");
  std::string path = std::string(dir && *dir ? dir : "/tmp") + "/jalon-export-XXXXXX";
  int fd = mkstemp(path.data());
  if (fd < 0) throw std::runtime_error("export XLSX : fichier temporaire impossible");
  close(fd);
  struct Remove {
    std::string p;
    ~Remove() { unlink(p.c_str()); }
  } remove{path};
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) throw std::runtime_error("export XLSX : classeur impossible");
  lxw_worksheet* ws = workbook_add_worksheet(wb, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (std::size_t c = 0; c < s.header.size(); ++c) {
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), s.header[c].c_str(), bold);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), 18, nullptr);
  }
  worksheet_freeze_panes(ws, 1, 0);
  for (std::size_t r = 0; r < s.rows.size(); ++r)
    for (std::size_t c = 0; c < s.rows[r].size(); ++c)
      if (!s.rows[r][c].empty())
        worksheet_write_string(ws, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c), s.rows[r][c].c_str(),
                               nullptr);
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("export XLSX : écriture impossible");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace jalon::jobs
