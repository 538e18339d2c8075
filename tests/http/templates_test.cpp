// Every HTML template escapes by context: a template without the pragma would print user text raw.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "support/test_db.h"

TEST(Templates, EveryHtmlTemplateAutoEscapes) {
  namespace fs = std::filesystem;
  int checked = 0;
  for (const auto& e : fs::recursive_directory_iterator(jalon::test::source_dir() + "/web/templates")) {
    if (!e.is_regular_file() || e.path().extension() != ".tpl") continue;
    if (e.path().parent_path().filename() == "mail") continue;  // plain-text e-mails
    std::ifstream in(e.path());
    std::string first;
    std::getline(in, first);
    EXPECT_EQ(first.rfind("{{%AUTOESCAPE context=\"HTML\"}}", 0), 0u) << e.path();
    ++checked;
  }
  EXPECT_GE(checked, 15);
}
