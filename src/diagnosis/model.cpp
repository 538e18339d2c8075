#include "diagnosis/model.h"

namespace jalon::diagnosis {

std::string_view name(AuthorKind k) {
  switch (k) {
    case AuthorKind::prescriber: return "prescriber";
    case AuthorKind::employer: return "employer";
    case AuthorKind::other: break;
  }
  return "other";
}

std::string_view label(AuthorKind k) {
  switch (k) {
    case AuthorKind::prescriber: return "prescripteur habilité";
    case AuthorKind::employer: return "employeur solidaire (SIAE)";
    case AuthorKind::other: break;
  }
  return "autre organisation";
}

std::optional<AuthorKind> parse_author_kind(std::string_view s) {
  for (AuthorKind k : {AuthorKind::prescriber, AuthorKind::employer, AuthorKind::other})
    if (name(k) == s) return k;
  return std::nullopt;
}

}  // namespace jalon::diagnosis
