// The command line, run as a separate process against a fresh SQLite file (and, for a killed
// import, a fresh PostgreSQL database too).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <unistd.h>

#include "db/db.h"
#include "db/migrate.h"
#include "support/test_db.h"

using namespace jalon;

namespace {
struct Run {
  int code;
  std::string out;
};

Run run_jalon(const std::string& args, const std::string& data_dir = test::source_dir() + "/data") {
  const char* bin = std::getenv("JALON_BINARY");
  std::string cmd = std::string(bin ? bin : "jalon") + " --data " + data_dir + " " + args + " 2>&1";
  Run r{0, ""};
  FILE* p = popen(cmd.c_str(), "r");
  std::array<char, 4096> buf;
  while (auto n = fread(buf.data(), 1, buf.size(), p)) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

int count(const std::string& url, const std::string& sql) {
  auto db = db::Database::open(url, 1);
  db::Tx tx(*db, db::Tx::Mode::read);
  int n = 0;
  tx.sql() << sql, soci::into(n);
  return n;
}
}  // namespace

TEST(CommandLine, MigrateDemoOrganisationsUsersTokens) {
  std::string url = test::fresh_url(db::Engine::sqlite);
  std::string db = "--db " + url;
  auto m = run_jalon(db + " migrate");
  EXPECT_EQ(m.code, 0) << m.out;
  int latest = 0;  // the highest migration compiled in (numbers may skip: work merged in any order)
  for (const auto& mig : db::embedded_migrations()) latest = std::max(latest, mig.version);
  EXPECT_GE(latest, 9);
  EXPECT_NE(m.out.find("Schéma à jour (version " + std::to_string(latest) + ")"), std::string::npos) << m.out;

  auto d1 = run_jalon(db + " demo");
  EXPECT_EQ(d1.code, 0) << d1.out;
  EXPECT_NE(d1.out.find("24 organisations"), std::string::npos) << d1.out;
  auto d2 = run_jalon(db + " demo");
  EXPECT_NE(d2.out.find("déjà chargées"), std::string::npos) << d2.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM organisations"), 24);

  auto bad = run_jalon(db + " org create --name 'Entreprise test' --kind ei --siret 12345678901234 --commune 86194");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.out.find("clé de contrôle incorrecte"), std::string::npos) << bad.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM organisations"), 24);

  auto org = run_jalon(db + " org create --name 'Entreprise test' --kind ei --siret '732 829 320 00074' --commune 86194");
  EXPECT_EQ(org.code, 0) << org.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM organisations WHERE siret = '73282932000074' AND kind = 'ei'"), 1);

  auto weak = run_jalon(db + " user create --email nouveau@test.fr --name 'Jeanne Test' --password court --org 25 --role admin");
  EXPECT_EQ(weak.code, 2);
  EXPECT_NE(weak.out.find("12 caractères"), std::string::npos) << weak.out;
  auto user = run_jalon(db + " user create --email Nouveau@Test.fr --name 'Jeanne Test' --password 'une phrase de passe' --org 25 --role admin");
  EXPECT_EQ(user.code, 0) << user.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = 'nouveau@test.fr' AND m.organisation_id = 25 AND m.role = 'admin'"), 1);
  auto again = run_jalon(db + " user create --email nouveau@test.fr --name 'Jeanne Test' --password 'une phrase de passe'");
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.out.find("existe déjà"), std::string::npos) << again.out;

  auto tok = run_jalon(db + " token create --org 25 --name Import");
  EXPECT_EQ(tok.code, 0) << tok.out;
  EXPECT_EQ(tok.out.rfind("jln_", 0), 0u) << tok.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM api_tokens WHERE organisation_id = 25 AND created_by IS NULL"), 1);

  // Import: refused with its report and nothing written, then accepted.
  std::string dir = std::filesystem::temp_directory_path() / ("jalon-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    std::ofstream bad(dir + "/bad.csv");
    bad << "nom;prenom;date_naissance\nDupont;Marie;31/02/2001\n";
    std::ofstream good(dir + "/good.csv");
    good << "nom;prenom;date_naissance\nDupont;Marie;28/02/2001\nRoux;Léa;\n";
  }
  auto refused = run_jalon(db + " import people " + dir + "/bad.csv --org 25");
  EXPECT_EQ(refused.code, 2);
  EXPECT_NE(refused.out.find("Ligne 2, colonne date_naissance"), std::string::npos) << refused.out;
  int before = count(url, "SELECT COUNT(*) FROM people");
  auto imported = run_jalon(db + " import people " + dir + "/good.csv --org 25");
  EXPECT_EQ(imported.code, 0) << imported.out;
  EXPECT_NE(imported.out.find("2 personnes importées"), std::string::npos) << imported.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM people"), before + 2);
  std::filesystem::remove_all(dir);

  auto help = run_jalon("--help");
  EXPECT_EQ(help.code, 0);
  for (const char* sub : {"serve", "migrate", "demo", "user", "org", "token", "outbox"}) EXPECT_NE(help.out.find(sub), std::string::npos) << sub;
}

TEST(CommandLine, AnUnreachableDatabaseIsAClearError) {
  auto r = run_jalon("--db mysql://nowhere migrate");
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.out.find("unsupported database URL"), std::string::npos) << r.out;
}

TEST(CommandLine, ReferentialsAreLoadedAndMeasured) {
  auto r = run_jalon("referentials");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("35014 communes et arrondissements, 1255 EPCI, 109 départements, 26 régions"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1584 fiches, 13120 appellations, 29978 compétences (90556 liens), 14912 mobilités"), std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("69 thématiques, 14 publics, 108 réseaux porteurs, 91 typologies de structures"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Mémoire résidente du processus"), std::string::npos) << r.out;
  // A data folder without the files: the first missing one is named, and the command fails.
  auto missing = run_jalon("referentials", "/nonexistent");
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("Erreur : /nonexistent/geo/regions.json: fichier absent ou illisible"), std::string::npos) << missing.out;
}

TEST(CommandLine, ImportAndExportServices) {
  namespace fs = std::filesystem;
  std::string url = test::fresh_url(db::Engine::sqlite);
  std::string db = "--db " + url;
  fs::path dir = fs::temp_directory_path() / "jalon-tests" / ("cli-dir-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "structures.csv") << "source;id;nom;code_postal;date_maj\ncd86;cd86--s1;Maison des solidarités;86000;2026-01-10\n";
  std::ofstream(dir / "services.csv") << "source;id;structure_id;nom;description;thematiques;date_maj\n"
                                         "cd86;cd86--v1;cd86--s1;Aide au permis;Financer une partie du permis B.;mobilite--preparer-un-permis;2026-01-10\n";
  std::ofstream(dir / "bad.csv") << "source;id;structure_id;nom;description;thematiques;date_maj\n"
                                    "cd86;cd86--v2;cd86--s1;Atelier;Un atelier utile.;mobilite--inconnue;2026-01-10\n";
  auto bad = run_jalon(db + " import services " + (dir / "bad.csv").string() + " " + (dir / "structures.csv").string());
  EXPECT_EQ(bad.code, 2) << bad.out;
  EXPECT_NE(bad.out.find("bad.csv, service n° 1 (ligne 2, id cd86--v2), champ thematiques"), std::string::npos) << bad.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM structures"), 0);
  for (int i = 0; i < 2; ++i) {
    auto ok = run_jalon(db + " import services " + (dir / "services.csv").string() + " " + (dir / "structures.csv").string());
    EXPECT_EQ(ok.code, 0) << ok.out;
    EXPECT_NE(ok.out.find(i == 0 ? "1 structure(s) créée(s)" : "1 mise(s) à jour"), std::string::npos) << ok.out;
  }
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM services WHERE status = 'published'"), 1);
  auto json = run_jalon(db + " export services");
  EXPECT_EQ(json.code, 0);
  EXPECT_NE(json.out.find("\"id\":\"cd86--v1\""), std::string::npos) << json.out;
  auto csv = run_jalon(db + " export services --format csv --structures " + (dir / "s.csv").string() + " " + (dir / "v.csv").string());
  EXPECT_EQ(csv.code, 0) << csv.out;
  std::ifstream in(dir / "v.csv");
  std::string header;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("source,id,structure_id,nom,description", 0), 0u);
  EXPECT_TRUE(fs::exists(dir / "s.csv"));
  fs::remove_all(dir);
}

// "Killing the process during an import leaves the database as it was before the import": the
// import is killed (SIGKILL, no chance to clean up) once it reports a third of its rows written,
// on both engines. On a fresh database it is an initial load, which drops the non-unique indexes
// (and on PostgreSQL the foreign keys) inside its transaction: they must all be back too.
class KilledImport : public ::testing::TestWithParam<db::Engine> {};
INSTANTIATE_TEST_SUITE_P(Engines, KilledImport, ::testing::ValuesIn(test::engines()),
                         [](const auto& info) { return test::engine_name(info.param); });

TEST_P(KilledImport, LeavesTheDatabaseAsItWasBeforeTheImport) {
  std::string url = test::fresh_url(GetParam());
  ASSERT_EQ(run_jalon("--db " + url + " demo").code, 0);
  std::string dir = std::filesystem::temp_directory_path() / ("jalon-kill-" + std::to_string(::getpid()) + "-" + test::engine_name(GetParam()));
  std::filesystem::create_directories(dir);
  const int kRows = 60000;
  {
    std::ofstream f(dir + "/people.csv");
    f << "nom;prenom;date_naissance;commune\n";
    for (int i = 0; i < kRows; ++i) f << "Martin" << i << ";Claire;" << 1960 + i % 40 << "-0" << 1 + i % 9 << "-1" << i % 9 << ";86194\n";
  }
  const bool sqlite = GetParam() == db::Engine::sqlite;
  const std::string schema = sqlite ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('people', 'person_grants')"
                                    : "SELECT (SELECT COUNT(*) FROM pg_indexes WHERE tablename IN ('people', 'person_grants')) + "
                                      "(SELECT COUNT(*) FROM pg_constraint WHERE conrelid IN ('people'::regclass, 'person_grants'::regclass))";
  const int people = count(url, "SELECT COUNT(*) FROM people"), grants = count(url, "SELECT COUNT(*) FROM person_grants"),
            structure = count(url, schema);
  ASSERT_GT(people, 0);

  // The import in a child process, its progress lines read from a pipe.
  const char* bin = std::getenv("JALON_BINARY");
  std::vector<std::string> args = {bin ? bin : "jalon", "--data", test::source_dir() + "/data", "--db", url, "import", "people", dir + "/people.csv",
                                   "--org", "3", "--accept-duplicates"};
  int err[2];
  ASSERT_EQ(::pipe(err), 0);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    ::dup2(err[1], 2);
    ::close(err[0]);
    ::close(err[1]);
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execvp(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(err[1]);
  std::string seen;
  bool writing = false;
  std::array<char, 512> buf;
  while (!writing) {
    ssize_t n = ::read(err[0], buf.data(), buf.size());
    if (n <= 0) break;
    seen.append(buf.data(), static_cast<std::size_t>(n));
    writing = seen.find("Import : 30 %") != std::string::npos;
  }
  if (writing) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(err[0]);
  ASSERT_TRUE(writing) << "the import never reported 30 %: " << seen;
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << seen;

  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM people"), people);
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM person_grants"), grants);
  EXPECT_EQ(count(url, schema), structure);
  if (sqlite) {
    auto db = db::Database::open(url, 1);
    db::Tx tx(*db, db::Tx::Mode::read);
    std::string check;
    tx.sql() << "PRAGMA integrity_check", soci::into(check);
    EXPECT_EQ(check, "ok");
  }
  // The database takes the same import afterwards (nothing left locked or half-made).
  auto again = run_jalon("--db " + url + " import people " + dir + "/people.csv --org 3 --accept-duplicates");
  EXPECT_EQ(again.code, 0) << again.out;
  EXPECT_EQ(count(url, "SELECT COUNT(*) FROM people"), people + kRows);
  EXPECT_EQ(count(url, schema), structure);
  std::filesystem::remove_all(dir);
}
