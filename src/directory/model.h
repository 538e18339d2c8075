// The directory of actors and services, in the data·inclusion v1 model (docs/directory.md).
// Names in English; each field says which data·inclusion field it carries.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace jalon::directory {

// A directory entry ("structure"): published by an organisation of Jalon, or imported from
// elsewhere (then organisation_id is 0). (source, ext_id) is its data·inclusion identity.
struct Structure {
  long long id = 0;
  std::string source = "jalon";  // source
  std::string ext_id;            // id (unique within source)
  long long organisation_id = 0;
  std::string name;                   // nom
  std::string siret;                  // siret, 14 digits or ""
  std::string description;            // description
  std::string address, address_extra;  // adresse, complement_adresse
  std::string postal_code;            // code_postal
  std::string commune_code;           // code_insee
  std::optional<double> latitude, longitude;
  std::string phone, email, website;  // telephone, courriel, site_web
  std::string opening_hours;          // horaires_accueil (free text or OSM opening_hours)
  std::string accessibility_url;      // accessibilite_lieu
  std::string source_url;             // lien_source
  std::vector<std::string> networks;  // reseaux_porteurs (vocabulary)
  std::string typology;               // v0 typologie (FT, ML, CAP_EMPLOI, ACI…), or ""
  std::string updated_on;             // date_maj, civil date "YYYY-MM-DD"
  std::string created_at, updated_at;  // instants (bookkeeping)
};

enum class ServiceStatus { draft, published, archived };

struct Service {
  long long id = 0;
  std::string source = "jalon";
  std::string ext_id;
  long long structure_id = 0;
  std::string structure_ext_id;  // structure_id in data·inclusion (the structure's ext_id)
  std::string name;              // nom
  std::string description;       // description
  std::string type;              // type (vocabulary types-de-services), or ""
  std::vector<std::string> thematics;           // thematiques
  std::vector<std::string> audiences;           // publics
  std::string audiences_details;                // publics_precisions
  std::string fees;                             // frais (vocabulary), or ""
  std::string fees_details;                     // frais_precisions
  std::string conditions;                       // conditions_acces
  std::vector<std::string> reception_modes;     // modes_accueil
  std::vector<std::string> mobilisation_modes;  // modes_mobilisation
  std::vector<std::string> mobilising_persons;  // mobilisable_par
  std::string mobilisation_details;             // mobilisation_precisions
  std::string mobilisation_link;                // lien_mobilisation
  // zone_eligibilite: codes of communes (5), départements (2–3), EPCI (9 digits), countries
  // (99xxx) or "france". Empty: no restriction stated.
  std::vector<std::string> eligibility_zone;
  std::optional<double> weekly_hours;  // volume_horaire_hebdomadaire (trainings)
  std::optional<int> weeks;            // nombre_semaines (trainings)
  std::string contact_name;            // contact_nom_prenom
  std::string phone, email;            // telephone, courriel
  // Where it is delivered when not at the structure's address.
  std::string address, address_extra, postal_code, commune_code;
  std::optional<double> latitude, longitude;
  std::string opening_hours;  // horaires_accueil
  std::string source_url;     // lien_source
  ServiceStatus status = ServiceStatus::draft;
  std::string updated_on;  // date_maj, civil date
  std::string created_at, updated_at;
};

// One row of directory_changes: a write to a structure (service_id 0) or to one of its services.
// Each server applies the rows after the last one it saw to its in-memory search index.
struct Change {
  long long id = 0;
  long long structure_id = 0;
  long long service_id = 0;  // 0: the structure itself changed (its services' places may have too)
  std::string at;            // instant of the write
};

// What the search index is built from (store::load_published): the published services, in id
// order, and the structures they belong to, in id order, each structure once.
// services[i] belongs to structures[structure_of[i]].
struct PublishedDirectory {
  std::vector<Structure> structures;
  std::vector<Service> services;
  std::vector<std::size_t> structure_of;
  const Structure& structure(std::size_t service_index) const { return structures[structure_of[service_index]]; }
};

const char* status_code(ServiceStatus s);  // "draft", "published", "archived"
std::optional<ServiceStatus> parse_status(const std::string& code);
const char* status_label(ServiceStatus s);  // "Brouillon", "Publié", "Archivé"

}  // namespace jalon::directory
