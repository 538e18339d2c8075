// CSV import on both engines: every error reported by line and column, all or nothing.
#include <gtest/gtest.h>

#include "accounts/store.h"
#include "base/crypto.h"
#include "people/import.h"
#include "people/store.h"
#include "referentials/referentials.h"
#include "support/test_db.h"
#include "support/world.h"

using namespace jalon;
using namespace jalon::people;

class Import : public ::testing::TestWithParam<db::Engine> {
 protected:
  void SetUp() override {
    crypto::init();
    referentials::load_referentials(test::source_dir() + "/data");
    db_ = test::fresh_database(GetParam());
    db::Tx tx(*db_, db::Tx::Mode::write);
    org_ = accounts::store::create_organisation(tx, {"ML", "mission_locale", test::siret(1), "86194", true});
    tx.commit();
  }
  int count(const std::string& sql) { return test::count(*db_, sql); }
  std::unique_ptr<db::Database> db_;
  long long org_ = 0;
};

INSTANTIATE_TEST_SUITE_P(Engines, Import, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(Import, EveryErrorIsReportedByLineAndColumnAndNothingIsWritten) {
  std::string csv =
      "Nom;Prénom;Date de naissance;Commune;Code postal;Consentement;Courriel\n"
      "Dupont;Marie;14/03/2006;86194;86000;oui;marie@exemple.fr\n"
      ";Léa;31/02/2001;99999;;peut-être;\n"
      "Martin;Paul;01/01/1990;86066;86100;non;pas-un-email\n"
      "Roux;Jean\n";
  ImportReport report;
  auto rows = prepare_import(csv, "2026-11-28", report);
  EXPECT_FALSE(report.ok());
  EXPECT_EQ(report.rows, 4);
  EXPECT_EQ(report.errors, (std::vector<std::string>{
                               "Ligne 3, colonne consentement : écrivez « oui » ou « non ».",
                               "Ligne 4, colonne email : L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).",
                               "Ligne 5 : 2 colonnes au lieu de 7.",
                           }));
  report = {};
  prepare_import("nom;prénom;date_naissance;commune\n;Léa;31/02/2001;99999\n", "2026-11-28", report);
  EXPECT_EQ(report.errors, (std::vector<std::string>{
                               "Ligne 2, colonne nom : Indiquez le nom.",
                               "Ligne 2, colonne date_naissance : La date de naissance doit être une date valide (AAAA-MM-JJ).",
                               "Ligne 2, colonne commune : Cette commune est inconnue (code INSEE à 5 caractères).",
                           }));
  report = {};
  prepare_import("nom;age\nDupont;12\n", "2026-11-28", report);
  EXPECT_EQ(report.errors, (std::vector<std::string>{"Ligne 1 : la colonne « age » est inconnue.",
                                                     "Ligne 1 : la colonne obligatoire « prenom » manque."}));
  EXPECT_EQ(count("SELECT COUNT(*) FROM people"), 0);
}

TEST_P(Import, AValidFileIsWrittenInOneGoWithGrantsAndSearchKeys) {
  std::string csv = "nom,prenom,date_naissance,code_postal,consentement,identifiant_france_travail\n";
  for (int i = 0; i < 500; ++i) csv += "Nom" + std::to_string(1000 + i) + ",Prénom,1990-01-01,86000,oui,\n";
  csv += "\"Le Gall, dit \"\"Yann\"\"\",Yann,,86000,non,1234567A\n";
  ImportReport report;
  auto rows = prepare_import(csv, "2026-11-28", report);
  ASSERT_TRUE(report.ok()) << report.error_count << " " << (report.errors.empty() ? "" : report.errors[0]);
  EXPECT_EQ(report.separator, ',');
  std::size_t calls = 0, last = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    EXPECT_EQ(write_import(tx, org_, rows, [&](std::size_t done, std::size_t total) {
                ++calls;
                EXPECT_GE(done, last);
                EXPECT_EQ(total, 501u);
                last = done;
              }),
              501);
    tx.commit();
  }
  EXPECT_EQ(last, 501u);
  EXPECT_GT(calls, 2u);
  EXPECT_EQ(count("SELECT COUNT(*) FROM people WHERE commune_code = '86194' AND consent_sharing = 1 AND consent_at IS NOT NULL"), 500);
  EXPECT_EQ(count("SELECT COUNT(*) FROM person_grants WHERE reason = 'creator'"), 501);
  db::Tx tx(*db_, db::Tx::Mode::write);
  store::Query q;
  q.name = "legall";
  auto found = store::search(tx, org_, q);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].last_name, "Le Gall, dit \"Yann\"");
  EXPECT_EQ(found[0].commune_code, "86194");  // from the postal code (Poitiers alone)
  // Ids continue after the import: a person created afterwards does not collide.
  Person after;
  after.last_name = "Après";
  after.first_name = "Import";
  EXPECT_GT(store::create(tx, after, org_), found[0].id);
}

TEST_P(Import, ThePersonTwiceInOneFileIsRefused) {
  ImportReport report;
  prepare_import("nom;prenom;date_naissance;identifiant_france_travail\nDupont;Marie;1990-05-01;\nDUPONT;marie;01/05/1990;\nRoux;Léa;;1234567A\nRoux;Lea;;1234567A\n",
                 "2026-11-28", report);
  EXPECT_EQ(report.errors, (std::vector<std::string>{"La personne n° 2 du fichier (marie DUPONT) apparaît déjà en n° 1.",
                                                     "La personne n° 4 du fichier (Lea Roux) apparaît déjà en n° 3."}));
}

TEST_P(Import, RowsThatResembleExistingRecordsAreReportedWithoutRevealingOtherOrganisations) {
  long long other = 0, mine = 0, theirs = 0;
  {
    db::Tx tx(*db_, db::Tx::Mode::write);
    other = accounts::store::create_organisation(tx, {"CCAS", "ccas", test::siret(2), "86066", false});
    Person a;
    a.first_name = "Marie";
    a.last_name = "Dupont";
    a.birth_date = "2006-03-14";
    mine = store::create(tx, a, org_);
    Person b;
    b.first_name = "Karim";
    b.last_name = "Benali";
    b.ft_id = "1234567A";
    theirs = store::create(tx, b, other);
    tx.commit();
  }
  std::string csv =
      "nom;prenom;date_naissance;identifiant_france_travail\n"
      "Dupond;Marie;14/03/2006;\n"         // one edit from a record of ours
      "Benaly;Karim;;1234567A\n"           // same identifier as another organisation's record
      "Nouveau;Jean;01/01/1990;7654321B\n";  // no resemblance
  // Both paths: the whole table read (small table), and lookups by key (large table).
  for (int padding : {0, 20}) {
    {
      db::Tx tx(*db_, db::Tx::Mode::write);
      for (int i = 0; i < padding; ++i) {
        Person filler;
        filler.first_name = "Rem";
        filler.last_name = "Plissage" + std::to_string(padding) + "x" + std::to_string(i);
        store::create(tx, filler, other);
      }
      tx.commit();
    }
    ImportReport report;
    auto rows = prepare_import(csv, "2026-11-28", report);
    ASSERT_TRUE(report.ok());
    db::Tx tx(*db_, db::Tx::Mode::read);
    auto hidden = check_existing_duplicates(tx, org_, rows, report);
    EXPECT_EQ(report.error_count, 2);
    EXPECT_EQ(report.errors,
              (std::vector<std::string>{
                  "La personne n° 1 du fichier (Marie Dupond) ressemble à la fiche n° " + std::to_string(mine) +
                      " (Marie Dupont) : même date de naissance, nom et prénom presque identiques.",
                  "La personne n° 2 du fichier (Karim Benaly) ressemble à une fiche suivie par une autre organisation.",
              }));
    EXPECT_EQ(hidden, std::vector<long long>{theirs});
  }
}

TEST_P(Import, ALargeFileIsCheckedInChunksAndReportedInFileOrder) {
  // 25,000 rows: validated on several threads; the report must read as from one.
  std::string csv = "nom;prenom;date_naissance\n";
  for (int i = 0; i < 25000; ++i) {
    std::string birth = i == 1 ? "32/01/2001" : i == 24000 ? "pas une date" : "2001-01-01";
    std::string last = i == 12500 ? "" : "Nom" + std::to_string(i);
    csv += last + ";Prénom;" + birth + "\n";
  }
  ImportReport report;
  auto rows = prepare_import(csv, "2026-11-28", report);
  EXPECT_EQ(report.rows, 25000);
  EXPECT_EQ(report.error_count, 3);
  ASSERT_EQ(report.errors.size(), 3u);
  EXPECT_EQ(report.errors[0].rfind("Ligne 3, colonne date_naissance", 0), 0u) << report.errors[0];
  EXPECT_EQ(report.errors[1].rfind("Ligne 12502, colonne nom", 0), 0u) << report.errors[1];
  EXPECT_EQ(report.errors[2].rfind("Ligne 24002, colonne date_naissance", 0), 0u) << report.errors[2];
  // Without the errors, every row comes back in file order.
  report = {};
  std::string good = "nom;prenom\n";
  for (int i = 0; i < 25000; ++i) good += "Nom" + std::to_string(i) + ";P\n";
  rows = prepare_import(good, "2026-11-28", report);
  ASSERT_TRUE(report.ok());
  ASSERT_EQ(rows.size(), 25000u);
  for (int i : {0, 12499, 12500, 24999}) EXPECT_EQ(rows[static_cast<std::size_t>(i)].last_name, "Nom" + std::to_string(i));
}
