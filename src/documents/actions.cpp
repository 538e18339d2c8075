#include "documents/actions.h"

#include <sodium.h>

#include "base/errors.h"
#include "base/text.h"
#include "documents/rules.h"
#include "documents/store.h"

namespace jalon::documents {

std::string sha256_hex(const std::string& bytes) {
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  static const char* hex = "0123456789abcdef";
  std::string s;
  for (unsigned char c : out) {
    s += hex[c >> 4];
    s += hex[c & 15];
  }
  return s;
}

long long upload(db::Tx& tx, long long person, long long org, long long by_user, const Upload& u,
                 std::uint64_t max_bytes) {
  Validator v;
  FileType type;
  if (u.bytes.empty() && u.filename.empty())
    v.add("fichier", "Choisissez le fichier à déposer.");
  else if (u.bytes.size() > max_bytes)
    v.add("fichier", "Le fichier dépasse la taille maximale de " + display_size(max_bytes) + " (" +
                         display_size(u.bytes.size()) + ").");
  else {
    Sniffed s = sniff(u.bytes);
    if (!s.type)
      v.add("fichier", s.refusal);
    else
      type = *s.type;
  }
  if (!find_kind(u.kind)) v.add("kind", "Choisissez le type de document.");
  std::string filename = text::valid_utf8(u.filename) ? text::cut_utf8(u.filename, 200) : "document";
  std::string title = text::trim(u.title);
  if (!text::valid_utf8(title))
    v.add("title", "Le titre contient des caractères invalides.");
  else if (text::utf8_length(title) > 200)
    v.add("title", "Le titre tient en 200 caractères au plus.");
  v.throw_if_any();
  if (title.empty()) title = default_title(filename);
  Document d;
  d.person_id = person;
  d.organisation_id = org;
  d.uploaded_by = by_user;
  d.kind = u.kind;
  d.title = title;
  d.filename = filename;
  d.content_type = type.mime;
  d.sha256 = sha256_hex(u.bytes);
  return store::insert(tx, d, u.bytes);
}

http::Response download(db::Tx& tx, const Document& d) {
  http::Response r;
  r.body = store::content(tx, d.id);
  r.content_type = d.content_type;
  std::string extension = "bin";
  if (auto s = sniff(r.body); s.type) extension = s.type->extension;
  r.header("Content-Disposition", content_disposition(d.title, extension));
  return r;
}

}  // namespace jalon::documents
