// A missing or malformed referential file stops the load with a message naming the file and line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "referentials/communes.h"
#include "referentials/inclusion.h"
#include "referentials/rome.h"
#include "support/test_db.h"

using namespace jalon;
using namespace jalon::referentials;
namespace fs = std::filesystem;

namespace {

// A temporary copy of data/<sub>, removed at the end of the test.
class Copy {
 public:
  explicit Copy(const std::string& sub) {
    static int n = 0;
    dir_ = fs::temp_directory_path() / ("jalon-ref-" + std::to_string(getpid()) + "-" + std::to_string(++n));
    fs::create_directories(dir_);
    fs::copy(test::source_dir() + "/data/" + sub, dir_, fs::copy_options::recursive);
  }
  ~Copy() { fs::remove_all(dir_); }
  std::string dir() const { return dir_.string(); }
  std::string path(const std::string& file) const { return (dir_ / file).string(); }
  void write(const std::string& file, const std::string& content) const {
    fs::permissions(dir_ / file, fs::perms::owner_write, fs::perm_options::add);
    std::ofstream(dir_ / file, std::ios::trunc | std::ios::binary) << content;
  }

 private:
  fs::path dir_;
};

// The message of the std::runtime_error thrown by f, or "" when none is.
template <class F>
std::string error_of(F f) {
  try {
    f();
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

const char* kCommunesHeader =
    "code_insee,nom,type,commune_parente,code_departement,code_region,zone,codes_postaux,population,latitude,longitude,"
    "coord_source\n";

}  // namespace

TEST(LoadErrors, MissingFolderNamesTheFirstFile) {
  std::string e = error_of([] { Communes().load("/nonexistent/geo"); });
  EXPECT_EQ(e, "/nonexistent/geo/regions.json: fichier absent ou illisible");
  e = error_of([] { Rome().load("/nonexistent/rome"); });
  EXPECT_EQ(e, "/nonexistent/rome/unix_grand_domaine_v460_utf8.csv: fichier absent ou illisible");
  e = error_of([] { Inclusion().load("/nonexistent/di"); });
  EXPECT_EQ(e, "/nonexistent/di/seeds/thematiques_v1.csv: fichier absent ou illisible");
}

TEST(LoadErrors, CommunesFileWithABadLine) {
  Copy geo("geo");
  geo.write("communes_fr_2026.csv",
            std::string(kCommunesHeader) +
                "86194,Poitiers,commune-actuelle,,86,75,metro,86000,89000,46.58,0.34,x\n"
                "86066,Châtellerault,commune-actuelle,,86,75,metro,86100,beaucoup,46.81,0.54,x\n");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("communes_fr_2026.csv") + ":3: colonne « population » : nombre attendu, « beaucoup » trouvé");
  geo.write("communes_fr_2026.csv",
            std::string(kCommunesHeader) + "86194,Poitiers,commune-actuelle,,86,75,metro,86000\n");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("communes_fr_2026.csv") + ":2: 8 colonnes au lieu de 12");
  geo.write("communes_fr_2026.csv",
            std::string(kCommunesHeader) + "86194,Poitiers,commune-actuelle,,99,75,metro,86000,1,46,0,x\n");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("communes_fr_2026.csv") + ":2: département « 99 » absent de departements.json");
  geo.write("communes_fr_2026.csv", std::string(kCommunesHeader) + "86194,\"Poitiers,commune-actuelle,,86,75\n");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("communes_fr_2026.csv") + ": Ligne 2 : un guillemet ouvert n'est jamais fermé.");
  geo.write("communes_fr_2026.csv", "code,nom\n86194,Poitiers\n");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("communes_fr_2026.csv") + ":1: colonne « code_insee » absente");
}

TEST(LoadErrors, EpciWithAnUnknownCommune) {
  Copy geo("geo");
  geo.write("epci_communes.csv",
            "code_epci,nom_epci,type_epci,code_insee\n200069854,CU du Grand Poitiers,CU,86194\n"
            "200069854,CU du Grand Poitiers,CU,99999\n");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("epci_communes.csv") + ":3: commune « 99999 » absente de communes_fr_2026.csv");
}

TEST(LoadErrors, InvalidJsonNamesItsLine) {
  Copy geo("geo");
  geo.write("departements.json",
            "[\n{\"code\":\"01\",\"region\":\"84\",\"chefLieu\":\"01053\",\"nom\":\"Ain\"},\n{\"code\":\n");
  std::string e = error_of([&] { Communes().load(geo.dir()); });
  EXPECT_EQ(e.rfind(geo.path("departements.json") + ":4: JSON invalide", 0), 0u) << e;
  geo.write("departements.json", "[{\"code\":\"01\",\"region\":\"84\",\"chefLieu\":\"01053\"}]");
  EXPECT_EQ(error_of([&] { Communes().load(geo.dir()); }),
            geo.path("departements.json") + ": élément 1 : champ « nom » absent ou vide");
}

TEST(LoadErrors, RomeLinksToAnUnknownOccupation) {
  Copy rome("rome");
  rome.write(
      "unix_rubrique_mobilite_v460_utf8.csv",
      "\"code_rome\",\"code_rome_cible\",\"numero_ordre\"\n\"A1101\",\"A1102\",\"1\"\n\"A1101\",\"Z9999\",\"2\"\n");
  EXPECT_EQ(error_of([&] { Rome().load(rome.dir()); }),
            rome.path("unix_rubrique_mobilite_v460_utf8.csv") + ":3: code ROME absent de unix_referentiel_code_rome");
  rome.write("unix_rubrique_mobilite_v460_utf8.csv",
             "\"code_rome\",\"code_rome_cible\",\"numero_ordre\"\n\"A1101\",\"A1102\",\"1\"\n");
  rome.write("unix_coherence_item_v460_utf8.csv",
             "\"code_rome\",\"code_ogr\",\"coeur_metier\"\n\"A1101\",\"23376\",\"Secondaire\"\n");
  EXPECT_EQ(error_of([&] { Rome().load(rome.dir()); }),
            rome.path("unix_coherence_item_v460_utf8.csv") + ":2: coeur_metier « Secondaire » inconnu");
  // With that fixed, the small files load.
  rome.write("unix_coherence_item_v460_utf8.csv",
             "\"code_rome\",\"code_ogr\",\"coeur_metier\"\n\"A1101\",\"23376\",\"\"\n");
  Rome r;
  r.load(rome.dir());
  EXPECT_EQ(r.mobility_count(), 1u);
  EXPECT_EQ(r.skill_link_count(), 0u);  // 23376 is a work context, not a skill
}

TEST(LoadErrors, VocabularyThatDisagreesWithTheSchema) {
  Copy di("data-inclusion");
  di.write("seeds/frais_v1.csv", "value,label,description\ngratuit,Gratuit,\npayant,Payant,\nsur-devis,Sur devis,\n");
  EXPECT_EQ(error_of([&] { Inclusion().load(di.dir()); }),
            di.path("v1/service.json") + ": $defs.Frais : 2 valeurs au lieu de 3");
  di.write("seeds/frais_v1.csv", "value,label,description\ngratuit,Gratuit,\ngratuit,Payant,\n");
  EXPECT_EQ(error_of([&] { Inclusion().load(di.dir()); }),
            di.path("seeds/frais_v1.csv") + ":3: valeur « gratuit » en double");
  di.write("seeds/frais_v1.csv", "value,label,description\ngratuit,Gratuit,\npayant,,\n");
  EXPECT_EQ(error_of([&] { Inclusion().load(di.dir()); }),
            di.path("seeds/frais_v1.csv") + ":3: colonne « label » vide");
}
