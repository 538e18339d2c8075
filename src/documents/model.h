// Documents of a person accompanied (CV, certificates, identity papers), kept in the database.
#pragma once
#include <string>
#include <vector>

namespace jalon::documents {

struct KindInfo {
  const char* code;   // "cv", "certificate", "identity", "other"
  const char* label;  // French
};
const std::vector<KindInfo>& kinds();
const KindInfo* find_kind(const std::string& code);

// A type of file accepted, decided from the content (see rules.h sniff()).
struct FileType {
  std::string mime;       // "application/pdf"
  std::string extension;  // "pdf"
  std::string label;      // "PDF"
};

// A document's description; the bytes are read separately (store::content).
struct Document {
  long long id = 0, person_id = 0, organisation_id = 0, uploaded_by = 0;
  std::string organisation_name, uploaded_by_name;
  std::string kind, title, filename, content_type;
  long long size = 0;
  std::string sha256, created_at;
};

}  // namespace jalon::documents
