// jalon: the server, the migrations, the demo and the command-line tools in one program.
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <fmt/format.h>
#include <iostream>
#include <thread>

#include "accounts/actions.h"
#include "accounts/model.h"
#include "accounts/rules.h"
#include "accounts/store.h"
#include "app/app.h"
#include "appointments/actions.h"
#include "app/demo.h"
#include "base/crypto.h"
#include "base/log.h"
#include "base/text.h"
#include "base/time.h"
#include "db/migrate.h"
#include "directory/import.h"
#include "jobs/application_actions.h"
#include "mail/outbox.h"
#include "jobs/actions.h"
#include "pathways/actions.h"
#include "people/import.h"
#include "people/store.h"
#include "orientation/rules.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/inclusion.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"
#include "space/store.h"

using namespace jalon;

namespace {

std::unique_ptr<db::Database> open_db(const Config& c, std::size_t pool) {
  if (c.db_url.rfind("sqlite:", 0) == 0) {
    auto path = std::filesystem::path(c.db_url.substr(7)).parent_path();
    if (!path.empty()) std::filesystem::create_directories(path);
  }
  auto db = db::Database::open(c.db_url, pool);
  int n = db::migrate(*db);
  if (n > 0) log::info("migrated", {{"applied", std::to_string(n)}, {"version", std::to_string(db::current_version(*db))}});
  return db;
}

int serve(Config& c) {
  auto db = open_db(c, c.db_pool_size());
  db->checkpoint_in_background();
  auto start = std::chrono::steady_clock::now();
  app::App application(c, *db);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  const auto& loaded = referentials::load_report();
  log::info("startup", {{"ms", std::to_string(static_cast<long long>(ms))},
                        {"referentials_ms", std::to_string(static_cast<long long>(loaded.total_ms))},
                        {"communes", std::to_string(referentials::communes().size())},
                        {"rome_job_titles", std::to_string(referentials::rome().job_title_count())},
                        {"routes", std::to_string(application.router().routes().size())}});
  // Background work every 10 s: appointment reminders and e-mail delivery (each one server at a
  // time, see send_reminders and deliver_pending), the expiry of unanswered orientations, the
  // closing of offers untouched for 90 days, the refusal of applications unanswered for 60
  // days, and the purge of expired sessions, old login
  // failures, spent links and link requests (idempotent).
  std::atomic<bool> done{false};
  std::mutex m;
  std::condition_variable cv;
  std::thread worker([&] {
    std::unique_lock lock(m);
    while (!done) {
      lock.unlock();
      try {
        appointments::send_reminders(*db, c.base_url, time::now());
        mail::deliver_pending(*db, c);
        pathways::expire_orientations(*db, time::today(), c.base_url);  // one server at a time (advisory lock)
        jobs::close_stale_offers(*db, time::today());                   // likewise
        jobs::expire_eligibilities(*db, time::today());                 // once a day
        jobs::refuse_unanswered(*db, time::today(), c.base_url);       // 60 days without answer (advisory lock)
        db::Tx tx(*db, db::Tx::Mode::write);
        std::string month_ago = time::iso(time::now() - std::chrono::hours(24 * 30));
        accounts::store::purge_stale(tx, time::iso_now(), month_ago);
        space::store::purge(tx, time::iso_now(), time::iso(time::now() - std::chrono::hours(24)));
        mail::purge_sent(tx, month_ago);
        tx.commit();
      } catch (const std::exception& e) {
        log::warn("background", {{"what", e.what()}});
      }
      lock.lock();
      cv.wait_for(lock, std::chrono::seconds(10), [&] { return done.load(); });
    }
  });
  application.serve([&](int port) {
    std::cout << "Jalon écoute sur http://" << c.host << ":" << port << "/" << std::endl;
  });
  {
    std::lock_guard lock(m);
    done = true;
  }
  cv.notify_all();
  worker.join();
  return 0;
}

Config g_config;

void print_referentials(const referentials::LoadReport& r) {
  const auto& geo = referentials::communes();
  const auto& rome = referentials::rome();
  const auto& di = referentials::inclusion();
  std::cout << "Référentiels chargés depuis " << r.data_dir << "\n"
            << fmt::format("  communes        {:>7.1f} ms  {:>5.1f} Mo  {} communes et arrondissements, {} EPCI, {} départements, {} régions\n",
                           r.communes_ms, r.communes_bytes / 1048576.0, geo.size(), geo.epcis().size(), geo.departements().size(), geo.regions().size())
            << fmt::format("  ROME            {:>7.1f} ms  {:>5.1f} Mo  {} fiches, {} appellations, {} compétences ({} liens), {} mobilités\n",
                           r.rome_ms, r.rome_bytes / 1048576.0, rome.occupations().size(), rome.job_title_count(), rome.skill_count(),
                           rome.skill_link_count(), rome.mobility_count())
            << fmt::format("  data·inclusion  {:>7.1f} ms  {:>5.1f} Mo  {} thématiques, {} publics, {} réseaux porteurs, {} typologies de structures\n",
                           r.inclusion_ms, r.inclusion_bytes / 1048576.0, di.thematics().size(), di.audiences().size(), di.networks().size(),
                           di.structure_typologies().size())
            << fmt::format("  freins          {:>7.1f} ms  {:>5.1f} Mo  {} freins reliés aux thématiques\n", r.barriers_ms,
                           r.barriers_bytes / 1048576.0, referentials::barriers().size())
            << fmt::format("  total           {:>7.1f} ms  {:>5.1f} Mo\n", r.total_ms, r.memory_bytes / 1048576.0)
            << fmt::format("Mémoire résidente du processus : {:.1f} Mo avant, {:.1f} Mo après (+{:.1f} Mo), pic {:.1f} Mo\n",
                           r.rss_before_kb / 1024.0, r.rss_after_kb / 1024.0, (r.rss_after_kb - r.rss_before_kb) / 1024.0,
                           r.rss_peak_kb / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
  crypto::init();
  Config& c = g_config;
  CLI::App cli{"Jalon : plateforme partagée de l'insertion sociale et professionnelle"};
  cli.require_subcommand(1);
  cli.add_option("--db", c.db_url, "Base de données : sqlite:CHEMIN ou postgresql://…")->envname("JALON_DB")->capture_default_str();
  cli.add_option("--port", c.port, "Port HTTP (0 : un port libre)")->envname("JALON_PORT")->capture_default_str();
  cli.add_option("--host", c.host, "Adresse d'écoute")->envname("JALON_HOST")->capture_default_str();
  cli.add_option("--base-url", c.base_url, "Adresse publique, pour les liens envoyés par e-mail")->envname("JALON_BASE_URL");
  cli.add_option("--web", c.web_dir, "Dossier des gabarits et fichiers statiques")->envname("JALON_WEB_DIR")->capture_default_str();
  cli.add_option("--data", c.data_dir, "Dossier des référentiels")->envname("JALON_DATA_DIR")->capture_default_str();
  cli.add_option("--threads", c.threads, "Fils de traitement des requêtes (0 : automatique)")->envname("JALON_THREADS");
  cli.add_option("--smtp", c.smtp_url, "Serveur SMTP (smtp://hôte:port) ; vide : les e-mails restent dans la boîte d'envoi")->envname("JALON_SMTP_URL");
  cli.add_option("--smtp-from", c.smtp_from, "Expéditeur des e-mails")->envname("JALON_SMTP_FROM");
  cli.add_option("--max-body", c.max_body_bytes, "Taille maximale d'un corps de requête, en octets")->envname("JALON_MAX_BODY");
  cli.add_option("--login-max-failures", c.login_max_failures, "Échecs de connexion tolérés par adresse e-mail sur la fenêtre")->envname("JALON_LOGIN_MAX_FAILURES");
  cli.add_option("--cookie-secure", c.cookie_secure, "Cookies marqués Secure (true/false)")->envname("JALON_COOKIE_SECURE");
  cli.add_option("--db-pool", c.db_pool, "Connexions à la base (0 : fils de traitement + 2)")->envname("JALON_DB_POOL");
  cli.add_option("--session-hours", c.session_hours, "Durée maximale d'une session, en heures")->envname("JALON_SESSION_HOURS");
  cli.add_option("--session-idle-minutes", c.session_idle_minutes, "Fin de session après inactivité, en minutes")->envname("JALON_SESSION_IDLE_MINUTES");
  cli.add_option("--login-window-minutes", c.login_window_minutes, "Fenêtre de comptage des échecs de connexion")->envname("JALON_LOGIN_WINDOW_MINUTES");
  cli.add_option("--invitation-days", c.invitation_days, "Validité d'une invitation, en jours")->envname("JALON_INVITATION_DAYS");
  cli.add_option("--reset-minutes", c.reset_minutes, "Validité d'un lien de réinitialisation, en minutes")->envname("JALON_RESET_MINUTES");
  cli.add_option("--document-max", c.document_max_bytes, "Taille maximale d'un document déposé, en octets")->envname("JALON_DOCUMENT_MAX")->capture_default_str();
  cli.add_option("--export-max-rows", c.export_max_rows, "Lignes au plus d'un export de tableur (au-delà : refusé, filtrez)")->envname("JALON_EXPORT_MAX_ROWS")->capture_default_str();
  cli.add_option("--space-link-minutes", c.space_link_minutes, "Validité d'un lien de connexion à l'espace personnel, en minutes")->envname("JALON_SPACE_LINK_MINUTES")->capture_default_str();
  cli.add_option("--shutdown-grace", c.shutdown_grace_seconds, "Secondes laissées aux requêtes en cours à l'arrêt")->envname("JALON_SHUTDOWN_GRACE");
  cli.add_option("--metrics-token", c.metrics_token, "Jeton exigé par /metrics hors de la boucle locale")->envname("JALON_METRICS_TOKEN");
  bool demo_on_start = false;

  auto* serve_cmd = cli.add_subcommand("serve", "Démarre le serveur web (applique les migrations)");
  serve_cmd->add_flag("--demo", demo_on_start, "Charge les données de démonstration si ce n'est pas déjà fait");
  auto* migrate_cmd = cli.add_subcommand("migrate", "Applique les migrations de schéma");
  auto* demo_cmd = cli.add_subcommand("demo", "Charge le territoire de démonstration (une seule fois)");

  auto* user_cmd = cli.add_subcommand("user", "Gestion des utilisateurs");
  user_cmd->require_subcommand(1);
  auto* user_create = user_cmd->add_subcommand("create", "Crée un utilisateur");
  std::string u_email, u_name, u_password, u_role = "member";
  long long u_org = 0;
  bool u_platform_admin = false, u_social = false;
  user_create->add_option("--email", u_email, "Adresse e-mail")->required();
  user_create->add_option("--name", u_name, "Prénom et nom")->required();
  user_create->add_option("--password", u_password, "Mot de passe (ou variable JALON_PASSWORD)")->envname("JALON_PASSWORD")->required();
  user_create->add_option("--org", u_org, "Identifiant de l'organisation à rejoindre");
  user_create->add_option("--role", u_role, "admin ou member")->capture_default_str();
  user_create->add_flag("--social-worker", u_social, "Travailleur social");
  user_create->add_flag("--platform-admin", u_platform_admin, "Administrateur de la plateforme");

  auto* org_cmd = cli.add_subcommand("org", "Gestion des organisations");
  org_cmd->require_subcommand(1);
  auto* org_create = org_cmd->add_subcommand("create", "Crée une organisation");
  accounts::OrganisationInput o_in;
  bool o_prescriber = false;
  org_create->add_option("--name", o_in.name, "Nom")->required();
  org_create->add_option("--kind", o_in.kind, "Type (france_travail, mission_locale, aci, …)")->required();
  org_create->add_option("--siret", o_in.siret, "SIRET")->required();
  org_create->add_option("--commune", o_in.commune_code, "Code INSEE de la commune")->required();
  org_create->add_flag("--prescriber", o_prescriber, "Prescripteur habilité");

  auto* token_cmd = cli.add_subcommand("token", "Jetons d'API");
  token_cmd->require_subcommand(1);
  auto* token_create = token_cmd->add_subcommand("create", "Crée un jeton d'API pour une organisation et l'affiche (une seule fois)");
  long long t_org = 0;
  std::string t_name;
  token_create->add_option("--org", t_org, "Identifiant de l'organisation")->required();
  token_create->add_option("--name", t_name, "Nom du jeton")->required();

  auto* import_cmd = cli.add_subcommand("import", "Imports en masse");
  import_cmd->require_subcommand(1);
  auto* import_people = import_cmd->add_subcommand("people", "Importe des personnes depuis un fichier CSV (tout ou rien)");
  std::string i_file;
  long long i_org = 0;
  import_people->add_option("FICHIER", i_file, "Fichier CSV (UTF-8 ou Windows-1252, séparateur ; ou ,)")->required();
  import_people->add_option("--org", i_org, "Organisation qui crée les fiches")->required();
  bool i_accept_duplicates = false;
  import_people->add_flag("--accept-duplicates", i_accept_duplicates,
                          "Importer même si des personnes ressemblent à des fiches existantes (sinon l'import est refusé)");

  auto* import_services = import_cmd->add_subcommand(
      "services", "Importe des structures et services au schéma data·inclusion v1 (JSON ou CSV ; tout ou rien ; même source et id : mise à jour)");
  std::vector<std::string> is_files;
  long long is_org = 0;
  import_services->add_option("FICHIERS", is_files, "Un fichier JSON, ou un ou deux CSV (structures, services), reconnus à leur en-tête")
      ->required()
      ->expected(1, 2);
  import_services->add_option("--org", is_org, "Organisation à qui rattacher les structures (sans : structures sans organisation)");

  auto* export_cmd = cli.add_subcommand("export", "Exports");
  export_cmd->require_subcommand(1);
  auto* export_services = export_cmd->add_subcommand("services", "Exporte l'annuaire publié au schéma data·inclusion v1");
  std::string es_format = "json", es_file, es_structures;
  export_services->add_option("--format", es_format, "json ou csv")->capture_default_str()->check(CLI::IsMember({"json", "csv"}));
  export_services->add_option("FICHIER", es_file, "Fichier à écrire (sans : la sortie standard) ; en CSV, les services");
  export_services->add_option("--structures", es_structures, "En CSV : fichier où écrire les structures");

  auto* outbox_cmd = cli.add_subcommand("outbox", "Affiche les derniers e-mails de la boîte d'envoi (JSON, un par ligne)");
  int outbox_limit = 10;
  std::string outbox_to;
  outbox_cmd->add_option("--limit", outbox_limit, "Nombre de messages")->capture_default_str();
  outbox_cmd->add_option("--to", outbox_to, "Seulement ceux envoyés à cette adresse");

  auto* referentials_cmd = cli.add_subcommand("referentials", "Charge les référentiels et affiche leur taille, le temps de chargement et la mémoire");

  CLI11_PARSE(cli, argc, argv);

  try {
    if (serve_cmd->parsed()) {
      if (demo_on_start) {
        auto db = open_db(c, 1);
        referentials::load_referentials(c.data_dir);
        auto r = app::load_demo(*db, c.data_dir);
        if (r.created)
          std::cout << "Données de démonstration chargées : " << r.organisations << " organisations, " << r.users << " utilisateurs, "
                    << r.people << " personnes accompagnées, " << r.structures << " structures et " << r.services
                    << " services dans l'annuaire, " << r.offers << " offres d'emploi.\n";
        std::cout << app::demo_logins() << std::flush;
      }
      return serve(c);
    }
    if (migrate_cmd->parsed()) {
      auto db = open_db(c, 1);
      std::cout << "Schéma à jour (version " << db::current_version(*db) << ").\n";
      return 0;
    }
    if (demo_cmd->parsed()) {
      auto db = open_db(c, 1);
      referentials::load_referentials(c.data_dir);
      auto r = app::load_demo(*db, c.data_dir);
      if (r.created)
        std::cout << "Données de démonstration chargées : " << r.organisations << " organisations, " << r.users << " utilisateurs, "
                  << r.people << " personnes accompagnées, " << r.structures << " structures et " << r.services
                    << " services dans l'annuaire, " << r.offers << " offres d'emploi.\n";
      else std::cout << "Les données de démonstration sont déjà chargées.\n";
      std::cout << app::demo_logins();
      return 0;
    }
    if (user_create->parsed()) {
      auto db = open_db(c, 1);
      referentials::load_referentials(c.data_dir);
      Validator v;
      std::string email = text::normalise_email(u_email);
      if (!text::plausible_email(email)) v.add("email", "adresse e-mail invalide");
      accounts::check_display_name(v, "name", u_name);
      accounts::check_password(v, "password", u_password, email);
      accounts::Role role;
      if (!accounts::parse_role(u_role, role)) v.add("role", "rôle inconnu (admin ou member)");
      v.throw_if_any();
      db::Tx tx(*db, db::Tx::Mode::write);
      long long id = accounts::store::create_user(tx, email, text::trim(u_name), crypto::hash_password(u_password), u_platform_admin);
      if (u_org > 0) {
        accounts::store::get_organisation(tx, u_org);
        accounts::store::add_membership(tx, u_org, id, accounts::role_code(role), u_social);
      }
      tx.commit();
      std::cout << "Utilisateur créé : " << id << "\n";
      return 0;
    }
    if (org_create->parsed()) {
      auto db = open_db(c, 1);
      referentials::load_referentials(c.data_dir);
      o_in.authorised_prescriber = o_prescriber;
      auto in = accounts::validate_organisation(o_in, accounts::commune_exists, accounts::communes_by_postal_code);
      db::Tx tx(*db, db::Tx::Mode::write);
      long long id = accounts::store::create_organisation(tx, in);
      tx.commit();
      std::cout << "Organisation créée : " << id << "\n";
      return 0;
    }
    if (token_create->parsed()) {
      auto db = open_db(c, 1);
      db::Tx tx(*db, db::Tx::Mode::write);
      accounts::store::get_organisation(tx, t_org);
      std::string name = text::trim(t_name);
      if (name.empty() || name.size() > 100) throw ValidationError("name", "nom de jeton vide ou trop long");
      auto t = accounts::store::create_api_token(tx, t_org, name, 0);
      tx.commit();
      std::cout << t.raw << "\n";
      return 0;
    }
    if (import_people->parsed()) {
      auto db = open_db(c, 1);
      referentials::load_referentials(c.data_dir);
      std::ifstream in(i_file, std::ios::binary);
      if (!in) throw std::runtime_error("impossible d'ouvrir " + i_file);
      std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      {
        db::Tx tx(*db, db::Tx::Mode::read);
        accounts::store::get_organisation(tx, i_org);
      }
      auto started = std::chrono::steady_clock::now();
      people::ImportReport report;
      auto rows = people::prepare_import(data, time::today(), report);
      if (!report.ok()) {
        std::cerr << "Import refusé : " << report.error_count << " erreur(s), rien n'a été enregistré.\n";
        for (const auto& e : report.errors) std::cerr << "  " << e << "\n";
        if (report.error_count > static_cast<int>(report.errors.size()))
          std::cerr << "  … et " << report.error_count - report.errors.size() << " autre(s).\n";
        return 2;
      }
      db::Tx tx(*db, db::Tx::Mode::write);
      if (!i_accept_duplicates) {
        for (long long id : people::check_existing_duplicates(tx, i_org, rows, report)) {
          people::AuditEntry seen;
          seen.organisation_id = i_org;
          seen.person_id = id;
          seen.action = "duplicate-check";
          seen.detail = "ressemblance signalée à une autre organisation (import en ligne de commande)";
          people::store::audit(tx, seen);
        }
        if (!report.ok()) {
          tx.commit();  // the audit rows above, and nothing else
          std::cerr << "Import refusé : " << report.error_count
                    << " personne(s) ressemblent à des fiches existantes, rien n'a été enregistré (--accept-duplicates pour importer quand même).\n";
          for (const auto& e : report.errors) std::cerr << "  " << e << "\n";
          if (report.error_count > static_cast<int>(report.errors.size()))
            std::cerr << "  … et " << report.error_count - report.errors.size() << " autre(s).\n";
          return 2;
        }
      }
      double check_secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      bool tty = isatty(2);
      people::WritePhases phases;
      int tenths = 0;  // progress already written as lines when stderr is not a terminal (a log)
      int n = people::write_import(tx, i_org, rows, [&](std::size_t done, std::size_t total) {
        int pct = static_cast<int>(100 * done / std::max<std::size_t>(total, 1));
        if (tty)
          std::cerr << "\rImport : [" << std::string(pct / 5, '#') << std::string(20 - pct / 5, ' ') << "] " << pct << " % (" << done
                    << " / " << total << ")" << std::flush;
        else if (pct / 10 > tenths && pct < 100)
          std::cerr << "Import : " << (tenths = pct / 10) * 10 << " % (" << done << " / " << total << ")" << std::endl;
      }, /*may_lock_readers=*/true, &phases);
      people::AuditEntry entry;
      entry.organisation_id = i_org;
      entry.action = "import";
      entry.detail = std::to_string(n) + " personnes depuis la ligne de commande (" + i_file + ")";
      people::store::audit(tx, entry);
      auto committing = std::chrono::steady_clock::now();
      tx.commit();
      auto ended = std::chrono::steady_clock::now();
      double secs = std::chrono::duration<double>(ended - started).count(),
             commit_secs = std::chrono::duration<double>(ended - committing).count();
      if (tty) std::cerr << "\n";
      std::cout << n << " personnes importées en " << fmt::format("{:.2f}", secs) << " s (" << report.encoding << ", séparateur « "
                << report.separator << " ») : lecture et vérification " << fmt::format("{:.2f}", check_secs) << " s, écriture des lignes "
                << fmt::format("{:.2f}", phases.rows_seconds) << " s, " << phases.indexes_rebuilt << " index reconstruits "
                << fmt::format("{:.2f}", phases.indexes_seconds) << " s, validation de la transaction " << fmt::format("{:.2f}", commit_secs)
                << " s.\n";
      return 0;
    }
    if (import_services->parsed()) {
      auto db = open_db(c, 1);
      referentials::load_referentials(c.data_dir);
      std::vector<directory::ImportFile> files;
      for (const auto& path : is_files) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw std::runtime_error("impossible d'ouvrir " + path);
        files.push_back({std::filesystem::path(path).filename().string(),
                         std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())});
      }
      // The operator at the command line: any organisation's structures, or none.
      directory::Actor operator_actor{true, {}};
      if (is_org > 0) {
        db::Tx tx(*db, db::Tx::Mode::read);
        accounts::store::get_organisation(tx, is_org);
        operator_actor.organisations.push_back(is_org);
      }
      auto started = std::chrono::steady_clock::now();
      directory::ImportReport report;
      // import_files writes nothing unless every record passes.
      db::transact(*db, [&](db::Tx& tx) { report = directory::import_files(tx, operator_actor, is_org, files, time::today()); });
      if (!report.ok()) {
        std::cerr << "Import refusé : " << report.problem_count << " erreur(s), rien n'a été enregistré.\n";
        for (const auto& p : report.problems) std::cerr << "  " << p.text() << "\n";
        if (report.problem_count > static_cast<int>(report.problems.size()))
          std::cerr << "  … et " << report.problem_count - report.problems.size() << " autre(s).\n";
        return 2;
      }
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
      std::cout << fmt::format("Import terminé en {:.2f} s : {} structure(s) créée(s), {} mise(s) à jour ; {} service(s) créé(s), {} mis à jour.\n",
                               secs, report.structures_created, report.structures_updated, report.services_created, report.services_updated);
      return 0;
    }
    if (export_services->parsed()) {
      auto db = open_db(c, 1);
      referentials::load_referentials(c.data_dir);
      db::Tx tx(*db, db::Tx::Mode::read);
      auto write = [](const std::string& path, const std::string& data) {
        if (path.empty() || path == "-") {
          std::cout << data;
          return;
        }
        std::ofstream out(path, std::ios::binary);
        out << data;
        if (!out) throw std::runtime_error("impossible d'écrire " + path);
      };
      if (es_format == "json") {
        write(es_file, directory::export_json(tx) + "\n");
      } else {
        write(es_file, directory::export_services_csv(tx));
        if (!es_structures.empty()) write(es_structures, directory::export_structures_csv(tx));
      }
      return 0;
    }
    if (referentials_cmd->parsed()) {
      print_referentials(referentials::load_referentials(c.data_dir));
      const std::size_t rule_rows = orientation::load_rules(c.data_dir).size();  // may throw: say so before printing
      std::cout << "  règles d'orientation  " << rule_rows << " lignes (data/rules)\n";
      return 0;
    }
    if (outbox_cmd->parsed()) {
      auto db = open_db(c, 1);
      db::Tx tx(*db, db::Tx::Mode::read);
      for (const auto& m : mail::latest(tx, outbox_limit, text::normalise_email(outbox_to)))
        std::cout << "{\"id\":" << m.id << ",\"to\":\"" << text::json_escape(m.recipient) << "\",\"subject\":\"" << text::json_escape(m.subject)
                  << "\",\"body\":\"" << text::json_escape(m.body) << "\",\"created_at\":\"" << m.created_at << "\",\"sent_at\":\""
                  << m.sent_at << "\"}\n";
      return 0;
    }
  } catch (const ValidationError& e) {
    std::cerr << "Erreur : " << e.what() << "\n";
    for (const auto& f : e.fields()) std::cerr << "  " << f.field << " : " << f.message << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "Erreur : " << e.what() << "\n";
    return 1;
  }
  return 0;
}
