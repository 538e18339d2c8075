#include "directory/model.h"

namespace jalon::directory {

const char* status_code(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::draft: return "draft";
    case ServiceStatus::published: return "published";
    case ServiceStatus::archived: return "archived";
  }
  return "draft";
}

std::optional<ServiceStatus> parse_status(const std::string& code) {
  for (auto s : {ServiceStatus::draft, ServiceStatus::published, ServiceStatus::archived})
    if (code == status_code(s)) return s;
  return std::nullopt;
}

const char* status_label(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::draft: return "Brouillon";
    case ServiceStatus::published: return "Publié";
    case ServiceStatus::archived: return "Archivé";
  }
  return "Brouillon";
}

}  // namespace jalon::directory
