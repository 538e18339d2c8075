#include "documents/model.h"

namespace jalon::documents {

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> all = {{"cv", "CV"},
                                            {"certificate", "Diplôme, attestation ou certificat"},
                                            {"identity", "Pièce d'identité ou titre de séjour"},
                                            {"other", "Autre"}};
  return all;
}

const KindInfo* find_kind(const std::string& code) {
  for (const auto& k : kinds())
    if (code == k.code) return &k;
  return nullptr;
}

}  // namespace jalon::documents
