// What the document pages and the person's space do. Access to the person is checked by the
// caller (people::can).
#pragma once
#include <cstdint>
#include <string>

#include "db/db.h"
#include "documents/model.h"
#include "http/http.h"

namespace jalon::documents {

struct Upload {
  std::string filename, bytes, kind, title;
};

// Checks `u` (ValidationError: "fichier" when missing, empty, over `max_bytes` or of a type
// refused by sniff(); "kind"; "title" over 200 characters) and stores it as a document of
// `person` deposited by `org` (user `by_user`, 0 for an API token). Returns its id.
long long upload(db::Tx& tx, long long person, long long org, long long by_user, const Upload& u,
                 std::uint64_t max_bytes);

// The download of `d`: its bytes as an attachment under a safe name, with its detected type
// and nosniff (set by the dispatcher), never cached.
http::Response download(db::Tx& tx, const Document& d);

// SHA-256 of `bytes` in lowercase hex.
std::string sha256_hex(const std::string& bytes);

}  // namespace jalon::documents
