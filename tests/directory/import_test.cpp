// Import and export in the data·inclusion v1 schema, on both engines: the report per record,
// all-or-nothing per import, idempotence, ownership, and exports checked with the official JSON
// schemas by ajv-cli (npm, draft 2020-12 with formats).
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "accounts/store.h"
#include "base/crypto.h"
#include "directory/actions.h"
#include "directory/import.h"
#include "directory/store.h"
#include "referentials/referentials.h"
#include "support/test_db.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::directory;
namespace fs = std::filesystem;

namespace {
constexpr const char* kToday = "2026-11-28";

const char* kSample = R"J({"structures": [
  {"source": "dora", "id": "dora--s1", "nom": "Centre social Le Tournesol", "siret": "73282932000074", "code_postal": "86000",
   "adresse": "3 rue des Lilas", "date_maj": "2025-02-14", "reseaux_porteurs": ["caf"], "courriel": "Accueil@Tournesol.fr",
   "telephone": "05 49 00 00 00", "latitude": 46.58, "longitude": 0.34, "site_web": "https://tournesol.exemple.fr",
   "description": "Un centre social de quartier.", "horaires_accueil": "Mo-Fr 09:00-12:00"},
  {"source": "dora", "id": "dora--s2", "nom": "Garage solidaire du Clain", "code_insee": "86066", "date_maj": "2026-10-01"}],
 "services": [
  {"source": "dora", "id": "dora--v1", "structure_id": "dora--s1", "nom": "Atelier numérique", "description": "Apprendre à utiliser un ordinateur.",
   "type": "atelier", "thematiques": ["numerique--acquerir-un-equipement", "numerique--maitriser-les-fondamentaux-du-numerique"],
   "publics": ["tous-publics"], "frais": "gratuit", "modes_accueil": ["en-presentiel"], "modes_mobilisation": ["se-presenter", "telephoner"],
   "mobilisable_par": ["usagers", "professionnels"], "zone_eligibilite": ["86", "france"], "date_maj": "2025-03-01",
   "nombre_semaines": 4, "volume_horaire_hebdomadaire": 2.5, "courriel": "atelier@tournesol.fr"},
  {"source": "dora", "id": "dora--v2", "structure_id": "dora--s2", "nom": "Réparer sa voiture à petit prix",
   "description": "Un garage où l'on répare soi-même, accompagné.", "thematiques": "mobilite--entretenir-reparer-son-vehicule",
   "modes_mobilisation": ["utiliser-lien-mobilisation"], "lien_mobilisation": "https://garage.exemple.fr/rdv",
   "zone_eligibilite": ["200069854"], "date_maj": "2026-09-15"}]})J";

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Validates every object of `items` against data/data-inclusion/v1/`schema` with ajv-cli, one file
// per object; returns ajv's output, or "" when every object is valid.
std::string ajv_problems(const boost::json::array& items, const std::string& schema, const fs::path& dir) {
  fs::create_directories(dir);
  int n = 0;
  for (const auto& item : items) std::ofstream(dir / ("r" + std::to_string(n++) + ".json")) << boost::json::serialize(item);
  if (n == 0) return "no record to validate";
  std::string root = test::source_dir();
  std::string ajv = root + "/node_modules/.bin/ajv";
  if (!fs::exists(ajv)) return "ajv-cli is not installed (make deps installs it from package-lock.json)";
  fs::path out = dir / "ajv.out";
  std::string cmd = "cd '" + root + "' && '" + ajv + "' validate --spec=draft2020 -c ajv-formats --all-errors --errors=text -s data/data-inclusion/v1/" +
                    schema + " -d '" + (dir / "*.json").string() + "' > '" + out.string() + "' 2>&1";
  int rc = std::system(cmd.c_str());
  std::string text = read_file(out);
  return rc == 0 ? "" : text.empty() ? "ajv failed" : text;
}

std::string problems_text(const ImportReport& r) {
  std::string out;
  for (const auto& p : r.problems) out += p.text() + "\n";
  return out;
}
}  // namespace

class DirectoryImport : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    referentials::load_referentials(test::source_dir() + "/data");
    db_ = test::fresh_database(GetParam());
    db::Tx tx(*db_, db::Tx::Mode::write);
    org_ = accounts::store::create_organisation(tx, {"ML", "mission_locale", test::siret(1), "86194", true});
    other_ = accounts::store::create_organisation(tx, {"ACI", "aci", test::siret(2), "86066", false});
    tx.commit();
  }
  ImportReport import(const std::vector<ImportFile>& files, long long org, const Actor& who) {
    ImportReport r;
    db::transact(*db_, [&](db::Tx& tx) { r = import_files(tx, who, org, files, kToday); });
    return r;
  }
  ImportReport import_platform(const std::vector<ImportFile>& files) { return import(files, 0, Actor{true, {}}); }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  int rows() { return count("SELECT (SELECT COUNT(*) FROM structures) + (SELECT COUNT(*) FROM services) + (SELECT COUNT(*) FROM directory_changes)"); }
  fs::path scratch(const std::string& name) {
    return fs::temp_directory_path() / "jalon-tests" / ("dir-" + std::to_string(::getpid()) + "-" + test::engine_name(GetParam()) + "-" + name);
  }
  std::unique_ptr<db::Database> db_;
  long long org_ = 0, other_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Engines, DirectoryImport, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(DirectoryImport, AJsonFileIsImportedThenUpdatedByTheSameIds) {
  auto r = import_platform({{"annuaire.json", kSample}});
  ASSERT_TRUE(r.ok()) << problems_text(r);
  EXPECT_EQ(r.structures_created, 2);
  EXPECT_EQ(r.services_created, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services WHERE status = 'published'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures WHERE organisation_id IS NULL"), 2);
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    auto s = *store::find_structure(tx, "dora", "dora--s1");
    EXPECT_EQ(s.commune_code, "86194");
    EXPECT_EQ(s.email, "accueil@tournesol.fr");
    auto v = *store::find_service(tx, "dora", "dora--v2");
    EXPECT_EQ(v.thematics, (std::vector<std::string>{"mobilite--entretenir-reparer-son-vehicule"}));  // a string list
  }
  auto again = import_platform({{"annuaire.json", kSample}});
  ASSERT_TRUE(again.ok()) << problems_text(again);
  EXPECT_EQ(again.structures_created, 0);
  EXPECT_EQ(again.structures_updated, 2);
  EXPECT_EQ(again.services_updated, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM services"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM directory_changes"), 8);  // each write logged
}

TEST_P(DirectoryImport, AnArrayOfServicesCarriesTheirStructures) {
  std::string array = R"J([
    {"source": "cd86", "id": "cd86--v1", "structure_id": "cd86--s1", "nom": "Aide au permis", "description": "Financer une partie du permis B.",
     "date_maj": "2026-01-10", "structure": {"source": "cd86", "id": "cd86--s1", "nom": "Maison des solidarités", "code_insee": "86194", "date_maj": "2026-01-10"}},
    {"source": "cd86", "id": "cd86--v2", "structure_id": "cd86--s1", "nom": "Épicerie sociale", "description": "Des courses à petit prix.",
     "date_maj": "2026-01-10", "structure": {"source": "cd86", "id": "cd86--s1", "nom": "Maison des solidarités", "code_insee": "86194", "date_maj": "2026-01-10"}}])J";
  auto r = import_platform({{"services.json", array}});
  ASSERT_TRUE(r.ok()) << problems_text(r);
  EXPECT_EQ(r.structures_created, 1);
  EXPECT_EQ(r.services_created, 2);
}

TEST_P(DirectoryImport, CsvFilesOfStructuresAndServicesInEitherOrder) {
  std::string structures =
      "\xEF\xBB\xBFsource;id;nom;code_postal;reseaux_porteurs;date_maj;latitude;longitude\n"
      "cd86;cd86--s1;Maison des solidarités;86000;departements|caf;2026-01-10;46,58;0,34\n";
  std::string services =
      "source,id,structure_id,nom,description,thematiques,publics,zone_eligibilite,nombre_semaines,date_maj,colonne_inconnue\n"
      "cd86,cd86--v1,cd86--s1,Aide au permis,\"Financer une partie du permis B, sous conditions.\",mobilite--preparer-un-permis|mobilite--financer-ma-mobilite,"
      "\"jeunes,demandeurs-emploi\",86,3,2026-01-10,x\n";
  auto r = import_platform({{"services.csv", services}, {"structures.csv", structures}});
  ASSERT_TRUE(r.ok()) << problems_text(r);
  db::Tx tx(*db_, db::Tx::Mode::read);
  auto s = *store::find_structure(tx, "cd86", "cd86--s1");
  EXPECT_EQ(s.networks, (std::vector<std::string>{"departements", "caf"}));
  EXPECT_DOUBLE_EQ(*s.latitude, 46.58);
  auto v = *store::find_service(tx, "cd86", "cd86--v1");
  EXPECT_EQ(v.description, "Financer une partie du permis B, sous conditions.");
  EXPECT_EQ(v.thematics.size(), 2u);
  EXPECT_EQ(v.audiences, (std::vector<std::string>{"jeunes", "demandeurs-emploi"}));
  EXPECT_EQ(*v.weeks, 3);
  // A CSV of services alone refers to structures already in the directory.
  tx.commit();
  std::string more = "source,id,structure_id,nom,description,date_maj\ncd86,cd86--v2,cd86--s1,Épicerie sociale,Des courses à petit prix.,2026-01-11\n";
  auto r2 = import_platform({{"services.csv", more}});
  ASSERT_TRUE(r2.ok()) << problems_text(r2);
  EXPECT_EQ(r2.services_created, 1);
}

TEST_P(DirectoryImport, EveryBadRecordIsReportedAndNothingIsWritten) {
  std::string bad = R"J({"structures": [
    {"source": "dora", "id": "dora--s1", "nom": "", "date_maj": "2025-02-14"},
    {"source": "dora", "id": "dora--s2", "nom": "Garage solidaire", "code_insee": "86999", "date_maj": "2026-10-01"},
    {"source": "dora", "id": "dora--s3", "nom": "Épicerie", "date_maj": "2026-10-01"}],
   "services": [
    {"source": "dora", "id": "dora--v1", "structure_id": "dora--s3", "nom": "Atelier", "description": "Un atelier utile.",
     "thematiques": ["numerique--inventee"], "date_maj": "2026-10-01"},
    {"source": "dora", "id": "dora--v2", "structure_id": "dora--s9", "nom": "Atelier 2", "description": "Un atelier utile.", "date_maj": "2026-10-01"},
    {"source": "dora", "id": "dora--v3", "structure_id": "dora--s3", "nom": "Atelier 3", "description": "Un atelier utile.",
     "nombre_semaines": "deux", "date_maj": "2026-10-01"},
    {"source": "dora", "id": "dora--v3", "structure_id": "dora--s3", "nom": "Atelier 3 bis", "description": "Un atelier utile.", "date_maj": "2026-10-01"}]})J";
  int before = rows();
  auto r = import_platform({{"annuaire.json", bad}, {"correct.json", kSample}});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(rows(), before);  // the correct file is not written either: one import, all or nothing
  std::string text = problems_text(r);
  EXPECT_NE(text.find("annuaire.json, structure n° 1 (id dora--s1), champ nom : Indiquez le nom."), std::string::npos) << text;
  EXPECT_NE(text.find("annuaire.json, structure n° 2 (id dora--s2), champ code_insee : La commune « 86999 » est inconnue"), std::string::npos) << text;
  EXPECT_NE(text.find("annuaire.json, service n° 1 (id dora--v1), champ thematiques : Thématique « numerique--inventee » : valeur inconnue du référentiel data·inclusion."),
            std::string::npos) << text;
  EXPECT_NE(text.find("service n° 2 (id dora--v2), champ structure_id : La structure « dora--s9 » (source dora) n'est ni dans l'import ni dans l'annuaire."),
            std::string::npos) << text;
  EXPECT_NE(text.find("service n° 3 (id dora--v3), champ nombre_semaines : Le champ « nombre_semaines » doit être un nombre entier."), std::string::npos) << text;
  EXPECT_NE(text.find("service n° 4 (id dora--v3), champ id : Ce service apparaît deux fois"), std::string::npos) << text;
  // The correct file's records are all checked too: the sample is fine, and the duplicated
  // ids across the two files are reported.
  EXPECT_NE(text.find("correct.json, structure n° 1 (id dora--s1), champ id : Cette structure apparaît deux fois"), std::string::npos) << text;
  ASSERT_FALSE(r.problems.empty());
  EXPECT_EQ(r.problems[0].record, 1);
  EXPECT_EQ(r.problems[0].id, "dora--s1");
  EXPECT_EQ(r.problems[0].field, "nom");
}

TEST_P(DirectoryImport, MalformedFilesAreRefusedWhole) {
  int before = rows();
  auto json = import_platform({{"cassé.json", "{\"structures\": [{\"source\": \"dora\", \"id\": \"x\""}, {"correct.json", kSample}});
  ASSERT_FALSE(json.ok());
  EXPECT_EQ(problems_text(json), "cassé.json : Le fichier n'est pas un JSON valide (syntaxe incorrecte ou texte incomplet).\n");
  auto shape = import_platform({{"forme.json", "{\"services\": 3}"}});
  EXPECT_EQ(problems_text(shape), "forme.json : « services » doit être une liste d'objets.\n");
  auto csv = import_platform({{"cassé.csv", "source,id,nom,date_maj\ndora,x,\"Guillemet jamais fermé,2026-01-01\n"}});
  ASSERT_FALSE(csv.ok());
  EXPECT_NE(problems_text(csv).find("cassé.csv : Le fichier CSV est mal formé"), std::string::npos) << problems_text(csv);
  auto columns = import_platform({{"colonnes.csv", "source,id,nom,date_maj\ndora,x,Nom,2026-01-01,en trop\n"}});
  EXPECT_EQ(problems_text(columns), "colonnes.csv, structure n° 1 (ligne 2) : 5 colonnes au lieu de 4.\n");
  auto no_name = import_platform({{"sans-nom.csv", "source,id,date_maj\ndora,x,2026-01-01\n"}});
  EXPECT_NE(problems_text(no_name).find("la colonne « nom » manque"), std::string::npos);
  EXPECT_FALSE(import_platform({{"vide.json", "  \n"}}).ok());
  EXPECT_EQ(rows(), before);
}

TEST_P(DirectoryImport, AnOrganisationImportsItsOwnStructuresOnly) {
  // The platform imports a structure without organisation; organisation A imports its own.
  ASSERT_TRUE(import_platform({{"annuaire.json", kSample}}).ok());
  std::string mine = R"J({"structures": [{"source": "ml86", "id": "ml86--s1", "nom": "Mission Locale – Antenne", "date_maj": "2026-10-01"}],
    "services": [{"source": "ml86", "id": "ml86--v1", "structure_id": "ml86--s1", "nom": "Garantie jeunes", "description": "Un accompagnement intensif.", "date_maj": "2026-10-01"}]})J";
  Actor a{false, {org_}}, b{false, {other_}};
  auto r = import({{"ml.json", mine}}, org_, a);
  ASSERT_TRUE(r.ok()) << problems_text(r);
  EXPECT_EQ(count("SELECT COUNT(*) FROM structures WHERE organisation_id = " + std::to_string(org_)), 1);
  // B may not update A's structure, nor the platform's; A may not take the platform's either.
  auto refused = import({{"ml.json", mine}}, other_, b);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(problems_text(refused).find("est gérée par une autre organisation"), std::string::npos) << problems_text(refused);
  auto orphan = import({{"annuaire.json", kSample}}, org_, a);
  ASSERT_FALSE(orphan.ok());
  EXPECT_NE(problems_text(orphan).find("n'appartient à aucune organisation"), std::string::npos) << problems_text(orphan);
  // A member of B acting for A is refused by the access decision.
  EXPECT_FALSE(import({{"ml.json", mine}}, org_, b).ok());
  // The source "jalon" is Jalon's own.
  auto jalon = import({{"j.json", R"J({"structures": [{"source": "jalon", "id": "jalon-s999", "nom": "Imposteur", "date_maj": "2026-10-01"}]})J"}}, org_, a);
  EXPECT_NE(problems_text(jalon).find("La source « jalon » est réservée"), std::string::npos) << problems_text(jalon);
}

TEST_P(DirectoryImport, ExportsFollowTheOfficialSchemasAndCsvCarriesEverything) {
  ASSERT_TRUE(import_platform({{"annuaire.json", kSample}}).ok());
  {
    // One of Jalon's own, with a draft that the export leaves out.
    db::Tx tx(*db_, db::Tx::Mode::write);
    Actor a{false, {org_}};
    Structure s;
    s.name = "Mission Locale – Antenne Sud";
    s.postal_code = "86000";
    auto st = *store::find_structure(tx, create_structure(tx, a, org_, s, kToday));
    Service v;
    v.name = "Permis accompagné";
    v.description = "Préparer le code et la conduite avec un conseiller.";
    v.thematics = {"mobilite--preparer-un-permis"};
    v.audiences = {"jeunes"};
    v.mobilising_persons = {"professionnels"};
    v.weekly_hours = 6;
    auto sv = *store::find_service(tx, create_service(tx, a, st, v, kToday));
    change_status(tx, a, st, sv, ServiceStatus::published, kToday);
    v.name = "Brouillon";
    create_service(tx, a, st, v, kToday);
    tx.commit();
  }
  std::string exported, structures_csv, services_csv;
  {
    db::Tx tx(*db_, db::Tx::Mode::read);
    exported = export_json(tx);
    structures_csv = export_structures_csv(tx);
    services_csv = export_services_csv(tx);
  }
  auto doc = boost::json::parse(exported).as_object();
  EXPECT_EQ(doc["structures"].as_array().size(), 3u);
  EXPECT_EQ(doc["services"].as_array().size(), 3u);  // the draft is not exported
  EXPECT_EQ(exported.find("Brouillon"), std::string::npos);
  fs::path dir = scratch("export");
  fs::remove_all(dir);
  EXPECT_EQ(ajv_problems(doc["structures"].as_array(), "structure.json", dir / "structures"), "");
  EXPECT_EQ(ajv_problems(doc["services"].as_array(), "service.json", dir / "services"), "");

  // The CSV export, imported into another directory, gives back the same records. Jalon's own
  // records keep source "jalon", which only updates: import the other producers' records.
  auto other = test::fresh_database(GetParam());
  ImportReport r;
  auto without_jalon = [](const std::string& csv) {
    std::string out;
    std::size_t start = 0;
    while (start < csv.size()) {
      std::size_t end = csv.find("\r\n", start);
      std::string line = csv.substr(start, end - start);
      if (line.rfind("jalon,", 0) != 0) out += line + "\r\n";
      start = end + 2;
    }
    return out;
  };
  db::transact(*other, [&](db::Tx& tx) {
    r = import_files(tx, Actor{true, {}}, 0, {{"services.csv", without_jalon(services_csv)}, {"structures.csv", without_jalon(structures_csv)}}, kToday);
  });
  ASSERT_TRUE(r.ok()) << problems_text(r);
  db::Tx tx(*other, db::Tx::Mode::read);
  auto again = boost::json::parse(export_json(tx)).as_object();
  auto only_dora = [](const boost::json::array& a) {
    boost::json::array out;
    for (const auto& x : a)
      if (x.as_object().at("source") == "dora") out.push_back(x);
    return out;
  };
  EXPECT_EQ(boost::json::serialize(again["structures"]), boost::json::serialize(only_dora(doc["structures"].as_array())));
  EXPECT_EQ(boost::json::serialize(again["services"]), boost::json::serialize(only_dora(doc["services"].as_array())));
  fs::remove_all(dir);
}

TEST(DirectorySchemas, AjvRefusesWhatTheSchemaRefuses) {
  // The check itself must be able to fail: a service without description, a structure with an
  // unknown network and a malformed postal code.
  fs::path dir = fs::temp_directory_path() / "jalon-tests" / ("dir-ajv-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  boost::json::array services{boost::json::object{{"source", "x"}, {"id", "x--1"}, {"structure_id", "x--s"}, {"nom", "Sans description"}, {"date_maj", "2026-01-01"}}};
  EXPECT_NE(ajv_problems(services, "service.json", dir / "services"), "");
  boost::json::array structures{boost::json::object{{"source", "x"}, {"id", "x--s"}, {"nom", "Structure"}, {"date_maj", "2026-01-01"},
                                                    {"code_postal", "8600"}, {"reseaux_porteurs", boost::json::array{"inconnu"}}}};
  EXPECT_NE(ajv_problems(structures, "structure.json", dir / "structures"), "");
  fs::remove_all(dir);
}
