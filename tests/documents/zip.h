// A small ZIP writer for tests (stored or deflated entries), to build Word and OpenDocument files.
#pragma once
#include <zlib.h>

#include <string>
#include <vector>

namespace jalon::test {

struct ZipEntry {
  std::string name, data;
  bool deflate = false;
};

inline std::string raw_deflate(const std::string& data) {
  z_stream s{};
  deflateInit2(&s, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&s, data.size()), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(out.size() - s.avail_out);
  deflateEnd(&s);
  return out;
}

inline std::string make_zip(const std::vector<ZipEntry>& entries) {
  auto le16 = [](std::string& o, unsigned v) {
    o += static_cast<char>(v & 0xff);
    o += static_cast<char>((v >> 8) & 0xff);
  };
  auto le32 = [&](std::string& o, unsigned long v) {
    le16(o, static_cast<unsigned>(v & 0xffff));
    le16(o, static_cast<unsigned>((v >> 16) & 0xffff));
  };
  std::string out, cd;
  for (const auto& e : entries) {
    std::string packed = e.deflate ? raw_deflate(e.data) : e.data;
    unsigned long crc = crc32(0, reinterpret_cast<const Bytef*>(e.data.data()), static_cast<uInt>(e.data.size()));
    unsigned long offset = out.size();
    unsigned method = e.deflate ? 8 : 0;
    out += std::string("PK\x03\x04", 4);
    le16(out, 20), le16(out, 0), le16(out, method), le16(out, 0), le16(out, 0);
    le32(out, crc), le32(out, packed.size()), le32(out, e.data.size());
    le16(out, static_cast<unsigned>(e.name.size())), le16(out, 0);
    out += e.name + packed;
    cd += std::string("PK\x01\x02", 4);
    le16(cd, 20), le16(cd, 20), le16(cd, 0), le16(cd, method), le16(cd, 0), le16(cd, 0);
    le32(cd, crc), le32(cd, packed.size()), le32(cd, e.data.size());
    le16(cd, static_cast<unsigned>(e.name.size())), le16(cd, 0), le16(cd, 0), le16(cd, 0), le16(cd, 0);
    le32(cd, 0), le32(cd, offset);
    cd += e.name;
  }
  unsigned long cd_offset = out.size();
  out += cd;
  out += std::string("PK\x05\x06", 4);
  le16(out, 0), le16(out, 0), le16(out, static_cast<unsigned>(entries.size())),
      le16(out, static_cast<unsigned>(entries.size()));
  le32(out, cd.size()), le32(out, cd_offset), le16(out, 0);
  return out;
}

inline std::string content_types(const std::string& main_type) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
         "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
         "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
         "<Override PartName=\"/word/document.xml\" ContentType=\"" +
         main_type + "\"/></Types>";
}

inline std::string docx(
    bool deflate = true,
    const std::string& main_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml") {
  return make_zip({{"[Content_Types].xml", content_types(main_type), deflate},
                   {"_rels/.rels", "<Relationships/>", deflate},
                   {"word/document.xml",
                    "<w:document><w:body><w:p><w:r><w:t>CV</w:t></w:r></w:p></w:body></w:document>", deflate}});
}

inline std::string odt() {
  return make_zip({{"mimetype", "application/vnd.oasis.opendocument.text", false},
                   {"content.xml", "<office:document-content/>", true},
                   {"META-INF/manifest.xml", "<manifest:manifest/>", true}});
}

inline std::string tiny_pdf() {
  return "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count "
         "0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
}

}  // namespace jalon::test
