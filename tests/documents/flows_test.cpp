// Documents through a real socket on both engines: upload with the type from the content, the
// size limit, a renamed executable refused, download as an attachment with its bytes intact,
// delete, and the access of other organisations (with and without a grant).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <iterator>

#include "documents/zip.h"
#include "support/test_db.h"
#include "support/test_server.h"
#include "support/world.h"

using namespace jalon;
using test::HttpClient;

namespace {
struct FilePart {
  std::string name, filename, data;
};

std::string boundary() {
  return "----jalon-test-7b1c2d";
}

std::string multipart(const std::vector<FilePart>& parts) {
  std::string out;
  for (const auto& p : parts) {
    out += "--" + boundary() + "\r\nContent-Disposition: form-data; name=\"" + p.name + "\"";
    if (!p.filename.empty()) out += "; filename=\"" + p.filename + "\"\r\nContent-Type: application/octet-stream";
    out += "\r\n\r\n" + p.data + "\r\n";
  }
  return out + "--" + boundary() + "--\r\n";
}

test::HttpResponse upload(HttpClient& c, const std::string& url, const std::string& filename, const std::string& data,
                          const std::string& kind = "cv", const std::string& title = "") {
  c.get(url);  // the page, for its CSRF token
  return c.request(
      "POST", url,
      multipart({{"csrf", "", c.csrf()}, {"kind", "", kind}, {"title", "", title}, {"fichier", filename, data}}),
      {{"Content-Type", "multipart/form-data; boundary=" + boundary()}});
}
}  // namespace

class DocumentFlows : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    db_ = test::fresh_database(GetParam(), 12);
    world_ = test::make_world(*db_, 1);
  }
  std::string docs_url(long long org, long long person) {
    return "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(person) + "/documents";
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  test::World world_;
};

INSTANTIATE_TEST_SUITE_P(Engines, DocumentFlows, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(DocumentFlows, UploadThenDownloadTheSameBytesUnderTheDetectedType) {
  Config config = test::test_config();
  config.document_max_bytes = 64 * 1024;
  test::TestServer server(*db_, config);
  HttpClient c(server.port());
  c.login(world_.a_member_email, test::kPassword);
  std::string url = docs_url(world_.org_a, world_.person_a);
  // A Word file with every byte value in it, named as a program: accepted as Word, by content.
  std::string binary;
  for (int i = 0; i < 256; ++i) binary += static_cast<char>(i);
  std::string word = test::make_zip(
      {{"[Content_Types].xml",
        test::content_types("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"), true},
       {"word/document.xml", "<w:document/>", true},
       {"word/media/bytes.bin", binary + binary, false}});
  auto sent = upload(c, url, "mon cv.exe", word, "cv", "Mon CV 2026");
  ASSERT_EQ(sent.status, 303) << sent.body.substr(0, 3000);
  auto list = c.get(url);
  EXPECT_NE(list.body.find("Mon CV 2026"), std::string::npos);
  long long id = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT MAX(id) FROM documents", soci::into(id);
  }
  auto got = c.get(url + "/" + std::to_string(id));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body, word);  // byte for byte, NUL bytes included
  EXPECT_EQ(got.header("content-type"), "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  EXPECT_EQ(got.header("content-disposition"),
            "attachment; filename=\"mon-cv-2026.docx\"; filename*=UTF-8''Mon-CV-2026.docx");
  EXPECT_EQ(got.header("x-content-type-options"), "nosniff");
  EXPECT_NE(got.header("cache-control").find("no-store"), std::string::npos);
  std::string person = std::to_string(world_.person_a);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + person + " AND action = 'document.upload'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + person + " AND action = 'document.download'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents WHERE id = " + std::to_string(id) +
                  " AND size = " + std::to_string(word.size())),
            1);

  // A real program renamed "cv.pdf" is refused and nothing is written.
  std::ifstream in("/proc/self/exe", std::ios::binary);
  std::string elf((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  elf.resize(40 * 1024);  // under the size limit: refused for what it is
  int before = count("SELECT COUNT(*) FROM documents");
  auto refused = upload(c, url, "cv.pdf", elf);
  EXPECT_EQ(refused.status, 422);
  EXPECT_NE(refused.body.find("programme"), std::string::npos);
  EXPECT_NE(refused.body.find("aria-invalid=\"true\""), std::string::npos);
  std::string pe("MZ\x90\0\x03\0\0\0", 8);
  EXPECT_EQ(upload(c, url, "photo.jpg", pe + std::string(200, 'A')).status, 422);
  EXPECT_EQ(upload(c, url, "notes.pdf", "#!/bin/sh\necho pwned\n").status, 422);
  // Over the limit, or not a type accepted, or without a file.
  auto big = upload(c, url, "gros.pdf", test::tiny_pdf() + std::string(70 * 1024, ' '));
  EXPECT_EQ(big.status, 422);
  EXPECT_NE(big.body.find("dépasse la taille maximale de 64 Ko"), std::string::npos);
  EXPECT_EQ(upload(c, url, "page.html", "<html><script>alert(1)</script></html>").status, 422);
  EXPECT_EQ(upload(c, url, "", "").status, 422);
  EXPECT_EQ(upload(c, url, "cv.pdf", test::tiny_pdf(), "passport").status, 422);  // unknown kind
  EXPECT_EQ(count("SELECT COUNT(*) FROM documents"), before);

  // The uploading organisation deletes; the bytes are gone with the row.
  c.get(url);
  auto deleted = c.post_form(url + "/" + std::to_string(id) + "/supprimer", {{"csrf", c.csrf()}});
  EXPECT_EQ(deleted.status, 303);
  EXPECT_EQ(c.get(url + "/" + std::to_string(id)).status, 404);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + person + " AND action = 'document.delete'"), 1);
}

TEST_P(DocumentFlows, OnlyOrganisationsThatSeeThePersonSeeTheirDocuments) {
  test::TestServer server(*db_);
  HttpClient a(server.port()), b(server.port());
  a.login(world_.a_member_email, test::kPassword);
  b.login(world_.b_admin_email, test::kPassword);
  std::string doc = std::to_string(world_.document_a);
  // person_a is shared with B: B lists and downloads, but deletes only its own deposits.
  std::string b_url = docs_url(world_.org_b, world_.person_a);
  auto listed = b.get(b_url);
  EXPECT_EQ(listed.status, 200);
  EXPECT_NE(listed.body.find("Attestation 1"), std::string::npos);
  EXPECT_EQ(listed.body.find("/supprimer"), std::string::npos);
  EXPECT_EQ(b.get(b_url + "/" + doc).status, 200);
  EXPECT_EQ(b.post_form(b_url + "/" + doc + "/supprimer", {{"csrf", b.csrf()}}).status, 403);
  // A person A did not share: B gets 404 for the list and the file, and the refusal is logged.
  a.get("/organisations/" + std::to_string(world_.org_a) + "/personnes/nouvelle");
  auto created = a.post_form("/organisations/" + std::to_string(world_.org_a) + "/personnes",
                             {{"csrf", a.csrf()}, {"last_name", "Secret"}, {"first_name", "Sam"}});
  std::string secret = created.header("location").substr(created.header("location").rfind('/') + 1);
  ASSERT_EQ(upload(a, docs_url(world_.org_a, std::stoll(secret)), "carte.png",
                   std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16), "identity")
                .status,
            303);
  long long secret_doc = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    tx.sql() << "SELECT MAX(id) FROM documents", soci::into(secret_doc);
  }
  std::string b_secret = docs_url(world_.org_b, std::stoll(secret));
  EXPECT_EQ(b.get(b_secret).status, 404);
  auto refused = b.get(b_secret + "/" + std::to_string(secret_doc));
  EXPECT_EQ(refused.status, 404);
  EXPECT_EQ(refused.body.find("PNG"), std::string::npos);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE person_id = " + secret +
                  " AND action = 'refused:document.download' AND organisation_id = " + std::to_string(world_.org_b)),
            1);
  // Through A's address, B is not a member: refused by the route, logged too.
  EXPECT_EQ(b.get(docs_url(world_.org_a, std::stoll(secret)) + "/" + std::to_string(secret_doc)).status, 403);
  // A document is reached through its own person only.
  EXPECT_EQ(a.get(docs_url(world_.org_a, std::stoll(secret)) + "/" + doc).status, 404);
  // The API lists descriptions, with the same rule.
  std::map<std::string, std::string> h{{"Authorization", "Bearer " + world_.token_a_raw}};
  auto api = HttpClient(server.port())
                 .get("/api/v1/organisations/" + std::to_string(world_.org_a) + "/people/" +
                          std::to_string(world_.person_a) + "/documents",
                      h);
  ASSERT_EQ(api.status, 200);
  auto items = boost::json::parse(api.body).as_object()["items"].as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].as_object()["content_type"].as_string(), "image/png");
  EXPECT_EQ(items[0].as_object()["sha256"].as_string().size(), 64u);
}
