#include "directory/import.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <map>
#include <set>

#include "base/csv.h"
#include "base/text.h"
#include "directory/exchange.h"
#include "directory/store.h"

namespace jalon::directory {

namespace json = boost::json;

std::string ImportProblem::text() const {
  std::string where = file;
  if (!kind.empty()) {
    where += fmt::format("{}{} n° {}", where.empty() ? "" : ", ", kind, record);
    std::string extra;
    if (line) extra = fmt::format("ligne {}", line);
    if (!id.empty()) extra += (extra.empty() ? "" : ", ") + std::string("id ") + id;
    if (!extra.empty()) where += " (" + extra + ")";
  }
  if (!field.empty()) where += (where.empty() ? "" : ", ") + std::string("champ ") + field;
  return where + (where.empty() ? "" : " : ") + message;
}

namespace {

// One record read from a file, before validation.
struct Record {
  std::string file, kind;
  int record = 0, line = 0;
  json::object object;
};

class Importer {
 public:
  Importer(db::Tx& tx, const Actor& who, long long org, const std::string& today)
      : tx_(tx), who_(who), org_(org), today_(today), refs_(process_referentials()) {}

  void read(const ImportFile& f) {
    std::string_view data = f.data;
    if (data.rfind("\xEF\xBB\xBF", 0) == 0) data.remove_prefix(3);
    auto first = data.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return file_problem(f.name, "Le fichier est vide.");
    if (data[first] == '{' || data[first] == '[') read_json(f.name, data);
    else read_csv(f.name, f.data);
  }

  ImportReport run() {
    // Structures first: services refer to them (to those of the files even when invalid, which
    // are reported once, for themselves).
    for (const auto& r : structures_) declared_.insert({text::trim(string_of(r.object, "source")), text::trim(string_of(r.object, "id"))});
    for (const auto& r : structures_) check_structure(r);
    for (const auto& r : services_) check_service(r);
    report_.structures = static_cast<int>(structures_.size());
    report_.services = static_cast<int>(services_.size());
    if (!report_.ok()) return report_;
    std::map<std::pair<std::string, std::string>, long long> ids;
    for (auto& s : valid_structures_) {
      s.organisation_id = org_;
      auto key = std::make_pair(s.source, s.ext_id);
      auto u = store::upsert_structure(tx_, s);
      ids[key] = u.id;
      (u.created ? report_.structures_created : report_.structures_updated)++;
    }
    for (auto& s : valid_services_) {
      auto it = ids.find({s.source, s.structure_ext_id});
      s.structure_id = it != ids.end() ? it->second : store::find_structure(tx_, s.source, s.structure_ext_id)->id;
      s.status = ServiceStatus::published;
      auto u = store::upsert_service(tx_, s);
      (u.created ? report_.services_created : report_.services_updated)++;
    }
    return report_;
  }

 private:
  void problem(const Record& r, const std::string& id, const std::string& field, const std::string& message) {
    ++report_.problem_count;
    if (static_cast<int>(report_.problems.size()) < ImportReport::kMaxProblems)
      report_.problems.push_back({r.file, r.kind, r.record, r.line, id, field, message});
  }
  void file_problem(const std::string& file, const std::string& message) {
    ++report_.problem_count;
    if (static_cast<int>(report_.problems.size()) < ImportReport::kMaxProblems) report_.problems.push_back({file, "", 0, 0, "", "", message});
  }

  void read_json(const std::string& name, std::string_view data) {
    boost::system::error_code ec;
    json::value v = json::parse(data, ec);
    if (ec) return file_problem(name, "Le fichier n'est pas un JSON valide (syntaxe incorrecte ou texte incomplet).");
    auto add_list = [&](const json::value* list, const char* kind, std::vector<Record>& out, bool embedded_structures) {
      if (!list) return;
      if (!list->is_array())
        return file_problem(name, fmt::format("« {}s » doit être une liste d'objets.", kind));
      int n = 0;
      for (const auto& item : list->as_array()) {
        Record r{name, kind, ++n, 0, {}};
        if (!item.is_object()) {
          problem(r, "", "", "Cet élément n'est pas un objet JSON.");
          continue;
        }
        r.object = item.as_object();
        if (embedded_structures) {
          if (auto* st = r.object.if_contains("structure"); st && !st->is_null()) {
            Record sr{name, "structure", n, 0, {}};
            if (!st->is_object()) problem(sr, "", "structure", "La structure du service doit être un objet JSON.");
            else {
              sr.object = st->as_object();
              // The same structure repeated with each of its services is read once.
              auto key = std::make_pair(string_of(sr.object, "source"), string_of(sr.object, "id"));
              if (embedded_.insert(key).second) structures_.push_back(std::move(sr));
            }
          }
        }
        out.push_back(std::move(r));
      }
    };
    if (v.is_object()) {
      const auto& o = v.as_object();
      const json::value* st = o.if_contains("structures");
      const json::value* sv = o.if_contains("services");
      if (!st && !sv) return file_problem(name, "L'objet JSON doit contenir « structures » et/ou « services » (des listes).");
      add_list(st, "structure", structures_, false);
      add_list(sv, "service", services_, true);
    } else if (v.is_array()) {
      add_list(&v, "service", services_, true);
    } else {
      file_problem(name, "Le fichier JSON doit être un objet {\"structures\": […], \"services\": […]} ou une liste de services.");
    }
  }

  void read_csv(const std::string& name, const std::string& data) {
    csv::Table t;
    try {
      t = csv::parse(data);
    } catch (const ValidationError& e) {
      return file_problem(name, "Le fichier CSV est mal formé : " + std::string(e.what()));
    }
    std::vector<std::string> header;
    for (const auto& h : t.header) {
      std::string k = text::trim(h);
      for (auto& c : k) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      header.push_back(k);
    }
    bool services = std::find(header.begin(), header.end(), "structure_id") != header.end();
    if (std::find(header.begin(), header.end(), "nom") == header.end())
      return file_problem(name, "Ligne 1 : la colonne « nom » manque (la première ligne nomme les colonnes, comme les champs du schéma data·inclusion).");
    std::set<std::string> seen;
    for (const auto& h : header)
      if (!h.empty() && !seen.insert(h).second) return file_problem(name, "Ligne 1 : la colonne « " + h + " » apparaît deux fois.");
    int n = 0;
    for (const auto& row : t.rows) {
      Record r{name, services ? "service" : "structure", ++n, row.line, {}};
      if (row.fields.size() != header.size()) {
        problem(r, "", "", fmt::format("{} colonnes au lieu de {}.", row.fields.size(), header.size()));
        continue;
      }
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i].empty()) continue;
        std::string cell = text::trim(row.fields[i]);
        if (cell.empty()) r.object[header[i]] = nullptr;
        else r.object[header[i]] = cell;
      }
      (services ? services_ : structures_).push_back(std::move(r));
    }
  }

  static std::string string_of(const json::object& o, const char* key) {
    auto* v = o.if_contains(key);
    return v && v->is_string() ? std::string(v->as_string()) : "";
  }

  void report(const Record& r, const std::string& id, const ValidationError& e) {
    for (const auto& f : e.fields()) problem(r, id, f.field, f.message);
  }

  // May this import take the existing structure `s`? Reports why not.
  bool may_take(const Record& r, const std::string& id, const std::string& field, const Structure& s) {
    if (s.organisation_id != org_ || !can(who_, s, Action::import)) {
      problem(r, id, field,
              s.organisation_id ? fmt::format("La structure « {} » est gérée par une autre organisation (n° {}) : cet import ne peut pas la modifier.",
                                              s.ext_id, s.organisation_id)
                                : fmt::format("La structure « {} » n'appartient à aucune organisation : seul un import de l'administrateur de la plateforme la modifie.",
                                              s.ext_id));
      return false;
    }
    return true;
  }

  // The record's (source, id) as written, trimmed: duplicates are found whether or not the
  // records are otherwise valid.
  static std::pair<std::string, std::string> raw_key(const Record& r) {
    return {text::trim(string_of(r.object, "source")), text::trim(string_of(r.object, "id"))};
  }

  void check_structure(const Record& r) {
    Validator v;
    Structure s = structure_from_json(r.object, Structure{.source = ""}, v);
    std::string id = s.ext_id;
    if (!raw_key(r).second.empty() && !file_structures_.insert(raw_key(r)).second)
      return problem(r, id, "id", "Cette structure apparaît deux fois dans l'import (même source et même id).");
    if (text::trim(s.ext_id).empty()) v.add("id", "L'identifiant (id) de la structure est requis.");
    try {
      s = validate_structure(s, today_, refs_, v);
    } catch (const ValidationError& e) {
      return report(r, id, e);
    }
    auto existing = store::find_structure(tx_, s.source, s.ext_id);
    if (existing) {
      if (!may_take(r, id, "id", *existing)) return;
    } else {
      if (s.source == "jalon") return problem(r, id, "source", "La source « jalon » est réservée aux fiches créées dans Jalon : choisissez le nom de votre source.");
      Structure target;
      target.organisation_id = org_;
      if (!can(who_, target, Action::import)) return problem(r, id, "", "Vous ne pouvez pas créer de structure pour cette organisation.");
    }
    valid_structures_.push_back(std::move(s));
  }

  void check_service(const Record& r) {
    Validator v;
    Service s = service_from_json(r.object, Service{.source = ""}, v);
    std::string id = s.ext_id;
    if (!raw_key(r).second.empty() && !file_services_.insert(raw_key(r)).second)
      return problem(r, id, "id", "Ce service apparaît deux fois dans l'import (même source et même id).");
    if (text::trim(s.ext_id).empty()) v.add("id", "L'identifiant (id) du service est requis.");
    if (text::trim(s.structure_ext_id).empty()) v.add("structure_id", "Indiquez l'identifiant de la structure du service (structure_id).");
    try {
      s = validate_service(s, today_, refs_, v);
    } catch (const ValidationError& e) {
      return report(r, id, e);
    }
    if (!declared_.count({s.source, s.structure_ext_id})) {
      auto st = store::find_structure(tx_, s.source, s.structure_ext_id);
      if (!st)
        return problem(r, id, "structure_id",
                       fmt::format("La structure « {} » (source {}) n'est ni dans l'import ni dans l'annuaire.", s.structure_ext_id, s.source));
      if (!may_take(r, id, "structure_id", *st)) return;
    }
    auto existing = store::find_service(tx_, s.source, s.ext_id);
    if (existing) {
      auto st = store::find_structure(tx_, existing->structure_id);
      if (st && !may_take(r, id, "id", *st)) return;
    } else if (s.source == "jalon") {
      return problem(r, id, "source", "La source « jalon » est réservée aux fiches créées dans Jalon : choisissez le nom de votre source.");
    }
    valid_services_.push_back(std::move(s));
  }

  db::Tx& tx_;
  const Actor& who_;
  long long org_;
  std::string today_;
  Referentials refs_;
  ImportReport report_;
  std::vector<Record> structures_, services_;
  std::set<std::pair<std::string, std::string>> embedded_, declared_, file_structures_, file_services_;
  std::vector<Structure> valid_structures_;
  std::vector<Service> valid_services_;
};

}  // namespace

ImportReport import_files(db::Tx& tx, const Actor& who, long long organisation_id, const std::vector<ImportFile>& files,
                          const std::string& today) {
  Importer importer(tx, who, organisation_id, today);
  for (const auto& f : files) importer.read(f);
  return importer.run();
}

std::string export_json(db::Tx& tx) {
  json::array structures, services;
  for (const auto& s : store::all_structures(tx)) structures.push_back(structure_to_json(s));
  for (const auto& s : store::load_published(tx).services) services.push_back(service_to_json(s));
  json::object out;
  out["structures"] = std::move(structures);
  out["services"] = std::move(services);
  return json::serialize(out);
}

std::string export_structures_csv(db::Tx& tx) { return structures_csv(store::all_structures(tx)); }

std::string export_services_csv(db::Tx& tx) { return services_csv(store::load_published(tx).services); }

}  // namespace jalon::directory
