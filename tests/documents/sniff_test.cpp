// The type of a document is decided by its content: the accepted types are recognised, programs
// are refused whatever their name (a real ELF, a PE, Mach-O, scripts), anything else too.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "documents/rules.h"
#include "documents/zip.h"

using namespace jalon;
using namespace jalon::documents;

namespace {
std::string mime_of(const std::string& bytes) {
  auto s = sniff(bytes);
  return s.type ? s.type->mime : "refused: " + s.refusal;
}
bool refused_as_program(const std::string& bytes) {
  auto s = sniff(bytes);
  return !s.type && s.refusal.find("programme") != std::string::npos;
}
}  // namespace

TEST(Sniff, AcceptedTypesByTheirMagicBytes) {
  EXPECT_EQ(mime_of(test::tiny_pdf()), "application/pdf");
  EXPECT_EQ(mime_of(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), "image/png");
  EXPECT_EQ(mime_of(std::string("\xFF\xD8\xFF\xE0\0\x10JFIF\0", 11)), "image/jpeg");
  EXPECT_EQ(mime_of(std::string("RIFF\x24\0\0\0WEBPVP8 ", 16)), "image/webp");
  EXPECT_EQ(mime_of(test::odt()), "application/vnd.oasis.opendocument.text");
  EXPECT_EQ(mime_of(test::docx(true)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(mime_of(test::docx(false)), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(sniff(test::tiny_pdf()).type->extension, "pdf");
  EXPECT_EQ(sniff(test::docx()).type->extension, "docx");
}

TEST(Sniff, ARealExecutableIsRefusedWhateverItsName) {
  // This very test program: a real ELF file, as it would arrive renamed "cv.pdf".
  std::ifstream in("/proc/self/exe", std::ios::binary);
  std::string elf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(elf.size(), 1000u);
  EXPECT_TRUE(refused_as_program(elf));
  EXPECT_TRUE(
      refused_as_program(std::string("\x7f"
                                     "ELF\x02\x01\x01\0",
                                     8)));
}

TEST(Sniff, WindowsMacAndScriptProgramsAreRefused) {
  std::string pe("MZ\x90\0\x03\0\0\0\x04\0\0\0\xff\xff\0\0", 16);
  pe += std::string(48, '\0') + "PE\0\0";
  EXPECT_TRUE(refused_as_program(pe));
  // A PE that also holds "%PDF-" further in (a polyglot) is still a program.
  EXPECT_TRUE(refused_as_program("MZ" + std::string(100, '\0') + test::tiny_pdf()));
  EXPECT_TRUE(refused_as_program(std::string("\xCF\xFA\xED\xFE\x07\0\0\x01", 8)));  // Mach-O 64-bit
  EXPECT_TRUE(refused_as_program(std::string("\xCA\xFE\xBA\xBE\0\0\0\x02", 8)));    // universal binary
  EXPECT_TRUE(refused_as_program("#!/bin/sh\nrm -rf \"$HOME\"\n"));
  EXPECT_TRUE(refused_as_program("\xEF\xBB\xBF#!/usr/bin/env python3\nprint('x')\n"));
}

TEST(Sniff, EverythingElseIsRefusedWithAReason) {
  EXPECT_EQ(sniff("").refusal, "Le fichier est vide.");
  for (std::string other : {std::string("<html><script>alert(1)</script></html>"),
                            std::string("<svg onload=alert(1)/>"), std::string("GIF89a\x01\0\x01\0", 10),
                            std::string("Nom;Prénom\nDupont;Marie\n"), std::string("@echo off\r\ndel *.*\r\n")}) {
    auto s = sniff(other);
    EXPECT_FALSE(s.type) << other;
    EXPECT_NE(s.refusal.find("pas accepté"), std::string::npos) << other;
  }
  // ZIP files that are not text documents: a macro-enabled Word file, a spreadsheet, a Java
  // archive, a bare ZIP, a truncated Word file.
  EXPECT_FALSE(sniff(test::docx(true, "application/vnd.ms-word.document.macroEnabled.main+xml")).type);
  EXPECT_FALSE(
      sniff(test::make_zip(
                {{"[Content_Types].xml",
                  test::content_types("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")},
                 {"xl/workbook.xml", "<workbook/>"}}))
          .type);
  EXPECT_FALSE(sniff(test::make_zip({{"META-INF/MANIFEST.MF", "Main-Class: Evil\n"},
                                     {"Evil.class", std::string("\xCA\xFE\xBA\xBE", 4)}}))
                   .type);
  EXPECT_FALSE(sniff(test::make_zip({{"photo.jpg", "\xFF\xD8\xFF"}})).type);
  std::string word = test::docx();
  EXPECT_FALSE(sniff(word.substr(0, word.size() - 30)).type);
  EXPECT_FALSE(sniff(std::string("PK\x03\x04", 4)).type);
  // An OpenDocument of another kind (a spreadsheet) is not a text document.
  EXPECT_FALSE(sniff(test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}})).type);
}

TEST(DocumentNames, DownloadNamesAreSafeAndTakeTheDetectedExtension) {
  EXPECT_EQ(default_title("C:\\Users\\léna\\CV Léna 2026.final.exe"), "CV Léna 2026.final");
  EXPECT_EQ(default_title(".pdf"), ".pdf");
  EXPECT_EQ(default_title(""), "Document");
  EXPECT_EQ(download_name("CV de Léna (2026)", "pdf", true), "cv-de-lena-2026.pdf");
  EXPECT_EQ(download_name("CV de Léna (2026)", "pdf", false), "CV-de-Léna-2026.pdf");
  EXPECT_EQ(download_name("../../etc/passwd\"; x", "png", true), "etc-passwd-x.png");
  EXPECT_EQ(download_name("***", "pdf", true), "document.pdf");
  EXPECT_EQ(content_disposition("CV de Léna", "pdf"),
            "attachment; filename=\"cv-de-lena.pdf\"; filename*=UTF-8''CV-de-L%C3%A9na.pdf");
  EXPECT_EQ(display_size(900), "900 octets");
  EXPECT_EQ(display_size(5 * 1024 * 1024), "5 Mo");
  EXPECT_EQ(display_size(1536 * 1024), "1,5 Mo");
  EXPECT_EQ(display_size(1536), "2 Ko");
}
