// The diagnosis pages: the panel of the person page (history and current referent), the form
// of a new diagnosis (without JavaScript: a "search" button re-renders it with job titles and
// skills to tick), and one diagnosis with the engine's answer and the nearest services.
#include "diagnosis/routes.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "base/time.h"
#include "diagnosis/actions.h"
#include "diagnosis/rules.h"
#include "diagnosis/store.h"
#include "directory/find.h"
#include "http/page.h"
#include "directory/rules.h"
#include "orientation/labels.h"
#include "orientation/nearby.h"
#include "orientation/rules.h"
#include "people/access.h"
#include "people/routes.h"
#include "referentials/barriers.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::diagnosis {

using namespace http;
using people::Action;

namespace {

std::string person_path(long long org, long long person) {
  return "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(person);
}

// A fact that is also a barrier's severity (data/barriers.csv, column fact): the form asks it
// once, in the barriers.
bool asked_as_barrier(std::string_view fact) {
  for (const auto& b : referentials::barriers().all())
    if (b.fact == fact) return true;
  return false;
}

std::vector<std::string> values_of(const Form& f, const std::string& name) {
  std::vector<std::string> out;
  auto [a, b] = f.all().equal_range(name);
  for (auto it = a; it != b; ++it)
    if (!it->second.empty() && std::find(out.begin(), out.end(), it->second) == out.end()) out.push_back(it->second);
  return out;
}

// What the form holds beside a Diagnosis: the job words typed, and whether a search was asked.
struct FormState {
  Diagnosis d;
  std::string job_text;
  bool searching = false;
};

// Reads the form. Values outside the catalogue are refused here (ValidationError); the rest
// is checked by diagnosis::validate.
FormState read_form(Ctx& ctx) {
  const Form& f = ctx.form();
  FormState st;
  Diagnosis& d = st.d;
  d.made_on = text::trim(f.get("made_on"));
  d.commune_code = text::trim(f.get("commune_code"));
  d.comment = text::trim(f.get("comment"));
  Validator v;
  for (const auto& fact : orientation::declared_facts()) {
    if (asked_as_barrier(fact.name)) continue;
    std::string value = text::trim(f.get(std::string(fact.name)));
    if (!orientation::set_declared(d.situation, fact.name, value)) v.add(std::string(fact.name), "Choisissez une valeur de la liste.");
  }
  for (const auto& b : referentials::barriers().all()) {
    std::string value = f.get("barrier_" + b.code);
    if (value.empty()) continue;
    auto severity = orientation::parse_severity(value);
    if (!severity) {
      v.add("barrier_" + b.code, "Choisissez une sévérité de la liste.");
      continue;
    }
    if (*severity != orientation::Severity::none) d.situation.barriers[b.code] = *severity;
    if (!b.fact.empty()) orientation::set_declared(d.situation, b.fact, value);
  }
  d.transversal_skills = values_of(f, "transversal");
  d.rome_skills = values_of(f, "rome_skill");
  d.jobs = values_of(f, "job");
  for (const auto& c : values_of(f, "criteria")) d.situation.declared_criteria.insert(c);
  st.job_text = text::trim(f.get("job_text"));
  st.searching = f.get("etape") == "chercher";
  v.throw_if_any();
  return st;
}


std::string job_label(const std::string& code) {
  const auto* j = referentials::rome().job_title(code);
  return j ? j->label + " (" + j->occupation->code + ")" : code;
}

Response form_page(Ctx& ctx, const people::Person& p, const FormState& st, const ValidationError* err, int status = 200) {
  long long org = ctx.org();
  Page page(ctx, "diagnosis/form", "Nouveau diagnostic : " + p.first_name + " " + p.last_name);
  auto& b = page.body();
  b.SetValue("BACK", person_path(org, p.id));
  b.SetValue("ACTION", person_path(org, p.id) + "/diagnostics");
  const Diagnosis& d = st.d;
  page.field("made_on", "Date de l'entretien", "date", d.made_on, {"", "off", true});
  page.field("commune_code", "Commune de résidence (code INSEE)", "text", d.commune_code,
             {"Par exemple 86194 pour Poitiers.", "off", false});
  // Situation, in the catalogue's order, each with "non renseigné" first (unknown stays unknown).
  for (const auto& fact : orientation::declared_facts()) {
    if (asked_as_barrier(fact.name)) continue;
    std::string name(fact.name);
    std::string value = orientation::declared(d.situation, fact.name).value_or("");
    std::string label(fact.label);
    label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    page.next_in(b.AddSectionDictionary(fact.name == "social_first" ? "JUDGEMENT" : "SITUATION"));
    if (fact.date) {
      page.field(name, label, "date", value, {"", "off", false});
      continue;
    }
    const auto* def = orientation::find_fact(fact.name);
    std::vector<Page::Option> options;
    for (auto v : def->values) options.push_back({std::string(v), std::string(orientation::value_label(fact.name, v)), ""});
    page.select(name, label, options, value, "", false);
  }
  // Barriers: one severity each.
  for (const auto& bar : referentials::barriers().all()) {
    std::string name = "barrier_" + bar.code;
    std::string value;
    if (auto it = d.situation.barriers.find(bar.code); it != d.situation.barriers.end()) {
      const char* names[] = {"none", "light", "strong", "blocking"};
      value = names[static_cast<int>(it->second)];
    } else if (!bar.fact.empty()) {
      value = orientation::declared(d.situation, bar.fact).value_or("");
    }
    std::vector<Page::Option> options;
    for (auto v : {"none", "light", "strong", "blocking"}) options.push_back({v, std::string(orientation::value_label("mobility", v)), ""});
    page.next_in(b.AddSectionDictionary("BARRIER"));
    page.select(name, bar.label, options, value, bar.description, false);
  }
  // Skills: transversal ones, then the ROME skills of the wanted jobs' occupations.
  std::vector<Page::Option> transversal;
  for (const auto& s : referentials::transversal_skills().all()) transversal.push_back({s.code, s.label, ""});
  page.checkboxes("transversal", "Compétences transversales acquises", transversal, d.transversal_skills,
                  "Repérées en entretien ou en situation de travail.");
  // Wanted jobs: those ticked, and those the words typed find.
  std::vector<Page::Option> jobs;
  std::vector<std::string> job_codes = d.jobs;
  for (const auto& code : d.jobs) jobs.push_back({code, job_label(code), ""});
  if (!st.job_text.empty()) {
    for (const auto* j : referentials::rome().search(st.job_text, 8)) {
      std::string code = std::to_string(j->code);
      if (std::find(job_codes.begin(), job_codes.end(), code) == job_codes.end()) jobs.push_back({code, job_label(code), ""});
    }
  }
  if (!jobs.empty()) page.checkboxes("job", "Métiers recherchés", jobs, d.jobs, "Cochez les métiers retenus.");
  page.field("job_text", "Chercher un métier", "search", st.searching ? "" : st.job_text,
             {"Un intitulé (« aide à domicile », « cariste ») ou un code ROME, puis « Chercher ».", "off", false});
  std::vector<Page::Option> skills;
  std::set<std::string> seen;
  for (const auto& code : d.jobs) {
    const auto* j = referentials::rome().job_title(code);
    if (!j) continue;
    int n = 0;
    for (const auto& os : referentials::rome().skills(*j->occupation)) {
      if (n >= 12) break;  // principal skills come first
      std::string c = std::to_string(os.skill->code);
      if (seen.insert(c).second) skills.push_back({c, os.skill->label, ""});
      ++n;
    }
  }
  for (const auto& c : d.rome_skills)
    if (seen.insert(c).second) {
      const auto* s = referentials::rome().skill(static_cast<std::uint32_t>(std::strtoul(c.c_str(), nullptr, 10)));
      skills.push_back({c, s ? s->label : c, ""});
    }
  if (!skills.empty())
    page.checkboxes("rome_skill", "Compétences du métier acquises (ROME)", skills, d.rome_skills,
                    "Les compétences principales des métiers cochés, puis les émergentes.");
  else
    b.ShowSection("NO_SKILLS");
  // IAE criteria the author can tick when the facts that prove them are not in the situation.
  std::vector<Page::Option> criteria;
  auto day = orientation::parse_date(time::today());
  for (const auto& code : criterion_codes(time::today())) {
    const auto* c = orientation::rules().criterion(code, *day);
    if (c) criteria.push_back({code, c->label + (c->level == 1 ? " (niveau 1)" : " (niveau 2)"), ""});
  }
  std::vector<std::string> ticked(d.situation.declared_criteria.begin(), d.situation.declared_criteria.end());
  page.checkboxes("criteria", "Critères d'éligibilité IAE constatés", criteria, ticked,
                  "À cocher seulement quand la situation ci-dessus ne les établit pas déjà ; un critère que la situation contredit sera écarté.");
  page.textarea("comment", "Commentaire", d.comment, {"Ce qui éclaire le diagnostic. Visible des organisations qui ont accès à la fiche.", "off", false});
  if (err) page.errors(*err);
  return page.render(status);
}

// The form starts from the current diagnosis (a new version edits the last one), dated today.
FormState start_form(Ctx& ctx, const people::Person& p) {
  FormState st;
  if (auto cur = store::current(ctx.tx, p.id)) st.d = *cur;
  st.d.made_on = ctx.today();
  if (st.d.commune_code.empty()) st.d.commune_code = p.commune_code;
  if (!orientation::declared(st.d.situation, "qualification") && !p.qualification_level.empty())
    orientation::set_declared(st.d.situation, "qualification", p.qualification_level == "0" ? "infra3" : p.qualification_level);
  st.d.comment.clear();
  return st;
}

Response new_form(Ctx& ctx) {
  auto p = people::require(ctx, ctx.id("person"), Action::read, "diagnosis-form");
  return form_page(ctx, p, start_form(ctx, p), nullptr);
}

Response create_diagnosis(Ctx& ctx) {
  auto p = people::check(ctx, ctx.id("person"), Action::write, "diagnosis-create");
  FormState st = read_form(ctx);
  if (st.searching) return form_page(ctx, p, st, nullptr);
  if (!st.job_text.empty()) {
    const auto* j = referentials::rome().named(st.job_text);
    if (!j) throw ValidationError("job_text", "Plusieurs métiers ou aucun ne correspondent à « " + st.job_text + " » : utilisez « Chercher » puis cochez le bon.");
    std::string code = std::to_string(j->code);
    if (std::find(st.d.jobs.begin(), st.d.jobs.end(), code) == st.d.jobs.end()) st.d.jobs.push_back(code);
  }
  long long id = create(ctx.tx, p, ctx.org(), ctx.who.user_id, st.d, ctx.today());
  people::audit(ctx, p.id, "diagnosis-create", "diagnostic n° " + std::to_string(id));
  return redirect_with_flash(person_path(ctx.org(), p.id) + "/diagnostics/" + std::to_string(id), "Diagnostic enregistré.");
}

Response invalid_create(Ctx& ctx, const ValidationError& e) {
  auto p = people::check(ctx, ctx.id("person"), Action::write, "diagnosis-create");
  FormState st;
  try {
    st = read_form(ctx);
  } catch (const ValidationError&) {
    // Values outside the lists: show the rest as sent, the faulty ones empty.
    st.d.made_on = ctx.form().get("made_on");
  }
  return form_page(ctx, p, st, &e, 422);
}


void set_reason(ctemplate::TemplateDictionary* d, const orientation::Reason& r) {
  d->SetValue("REASON", r.text);
  d->SetValue("RULE", r.rule);
  d->SetValue("WHERE", r.where);
  d->SetValue("SOURCE", r.source);
  d->SetValue("EFFECTIVE", time::display_civil(r.effective));
  for (const auto& f : r.facts) d->AddSectionDictionary("USED")->SetValue("TEXT", f);
}

void add_service(Ctx& ctx, ctemplate::TemplateDictionary* into, const orientation::NearbyService& s, long long org, long long person,
                 const std::string& motif);

// Nearby services (diagnosis/services.tpl inside `section`), each with its one-click
// orientation (the pathway room's route) for `motif`.
void add_services(Ctx& ctx, ctemplate::TemplateDictionary* section, const std::vector<orientation::NearbyService>& services, long long org,
                  long long person, const std::string& motif) {
  if (services.empty()) {
    section->ShowSection("NO_SERVICE");
    return;
  }
  auto* list = section->AddIncludeDictionary("SERVICES");
  list->SetFilename("diagnosis/services.tpl");
  for (const auto& s : services) add_service(ctx, list, s, org, person, motif);
}

// One of them.
void add_service(Ctx& ctx, ctemplate::TemplateDictionary* into, const orientation::NearbyService& s, long long org, long long person,
                 const std::string& motif) {
  auto* d = into->AddSectionDictionary("SERVICE");
  d->SetValue("NAME", s.service.name);
  d->SetValue("STRUCTURE", s.structure.name);
  d->SetValue("ADDRESS", directory::display_address(s.service, s.structure));
  if (!s.structure.phone.empty() || !s.service.phone.empty())
    d->AddSectionDictionary("PHONE")->SetValue("NUMBER", directory::display_phone(s.service.phone.empty() ? s.structure.phone : s.service.phone));
  d->SetValue("LINK", "/annuaire/structures/" + std::to_string(s.structure.id) + "#service-" + std::to_string(s.service.id));
  d->SetValue("KM", text::format_km(s.distance_km));
  d->SetIntValue("SERVICE_ID", s.service.id);
  d->SetValue("ORIENT_ACTION", person_path(org, person) + "/orientations");
  d->SetValue("MOTIF", motif);
  d->SetValue("CSRF", ctx.csrf);
}

Response show(Ctx& ctx, const directory::Live& live) {
  long long org = ctx.org();
  auto p = people::require(ctx, ctx.id("person"), Action::read, "diagnosis-read");
  auto found = store::find(ctx.tx, p.id, ctx.id("diagnosis"));
  if (!found) throw NotFound("Ce diagnostic n'existe pas.");
  const Diagnosis& d = *found;
  Advice a = advise(d, p.birth_date, d.made_on);
  Page page(ctx, "diagnosis/show", "Diagnostic du " + time::display_civil(d.made_on) + " : " + p.first_name + " " + p.last_name);
  auto& b = page.body();
  b.SetValue("BACK", person_path(org, p.id));
  b.SetValue("NEW", person_path(org, p.id) + "/diagnostics/nouveau");
  b.SetValue("MADE_ON", time::display_civil(d.made_on));
  b.SetValue("AUTHOR", d.author_name);
  b.SetValue("ORG", d.organisation_name);
  b.SetValue("AUTHOR_KIND", std::string(label(d.author_kind)));
  if (!d.comment.empty()) b.AddSectionDictionary("COMMENT")->SetValue("TEXT", d.comment);
  // The situation as recorded.
  if (!d.commune_code.empty()) b.AddSectionDictionary("PLACE")->SetValue("COMMUNE", referentials::communes().name_of(d.commune_code));
  for (const auto& fact : orientation::declared_facts()) {
    auto v = orientation::declared(d.situation, fact.name);
    if (!v) continue;
    auto* f = b.AddSectionDictionary("SITUATION_FACT");
    std::string l(fact.label);
    l[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(l[0])));
    f->SetValue("LABEL", l);
    f->SetValue("VALUE", fact.date ? time::display_civil(*v) : std::string(orientation::value_label(fact.name, *v)));
  }
  for (const auto& code : d.transversal_skills)
    if (const auto* s = referentials::transversal_skills().find(code)) b.AddSectionDictionary("SKILL")->SetValue("LABEL", s->label);
  for (const auto& code : d.rome_skills)
    if (const auto* s = referentials::rome().skill(static_cast<std::uint32_t>(std::strtoul(code.c_str(), nullptr, 10))))
      b.AddSectionDictionary("SKILL")->SetValue("LABEL", s->label);
  for (const auto& code : d.jobs) b.AddSectionDictionary("JOB")->SetValue("LABEL", job_label(code));
  // The referent and the schemes.
  if (a.orientation.referent) {
    auto* r = b.AddSectionDictionary("REFERENT");
    r->SetValue("LABEL", a.orientation.referent->label);
    set_reason(r, a.orientation.referent->reason);
  } else {
    b.ShowSection("NO_REFERENT");
  }
  for (const auto& s : a.orientation.schemes) {
    auto* r = b.AddSectionDictionary("SCHEME");
    r->SetValue("LABEL", s.label);
    set_reason(r, s.reason);
  }
  // The directory around the place of residence: the referent's nearest structures, and the
  // nearest services of each barrier, each with its "orient" button.
  std::optional<orientation::Nearby> near;
  if (auto place = directory::place_of_commune(d.commune_code, referentials::communes()))
    near = orientation::nearby(ctx.tx, live, a.orientation, *place);
  if (a.orientation.referent && near) {
    auto* r = b.AddSectionDictionary("REFERENT_PLACES");
    add_services(ctx, r, near->referent, org, p.id, "Premier accueil : " + a.orientation.referent->label);
  }
  for (std::size_t i = 0; i < a.orientation.barriers.size(); ++i) {
    const auto& adv = a.orientation.barriers[i];
    auto* r = b.AddSectionDictionary("BARRIER");
    r->SetValue("LABEL", adv.label);
    r->SetValue("SEVERITY", std::string(orientation::value_label("mobility", std::array{"none", "light", "strong", "blocking"}[static_cast<int>(adv.severity)])));
    for (const auto& sol : adv.solutions) {
      auto* s = r->AddSectionDictionary("SOLUTION");
      s->SetValue("TEXT", sol.text);
      std::string actors;
      for (const auto& t : sol.actors) actors += (actors.empty() ? "" : ", ") + std::string(referentials::inclusion().structure_typologies().label(t));
      s->SetValue("ACTORS", actors);
    }
    if (!near) {
      r->ShowSection("NO_PLACE");
    } else {
      add_services(ctx, r, near->barriers[i].services, org, p.id, "Frein « " + adv.label + " » relevé au diagnostic");
    }
  }
  if (a.orientation.barriers.empty()) b.ShowSection("NO_BARRIER");
  // IAE eligibility per kind.
  bool employer = a.judged_as == orientation::Author::employer;
  b.SetValue("JUDGED_AS", employer ? "l'employeur solidaire qui l'a fait (valable pour lui seul)" : "un prescripteur habilité");
  if (d.author_kind == AuthorKind::other) b.ShowSection("NOT_PRESCRIBER");
  // The criteria are the same for every kind (only the number of level-2 criteria required
  // differs): shown once, then the verdict of each kind.
  auto today = orientation::parse_date(ctx.today());
  const orientation::Eligibility& any = a.eligibility.front();
  for (const auto* level : {&any.level1, &any.level2})
    for (const auto& c : *level) {
      auto* m = b.AddSectionDictionary("MET");
      m->SetValue("LABEL", c.label);
      m->SetIntValue("LEVEL", c.level);
      m->SetValue("BASIS", c.basis == orientation::Basis::derived ? "calculé" : c.basis == orientation::Basis::profile ? "d'après la situation" : "coché par l'auteur");
      m->SetValue("PROOF", c.proof);
      set_reason(m, c.reason);
    }
  if (any.level1.empty() && any.level2.empty()) b.ShowSection("NONE_MET");
  std::string to_check;
  for (const auto& code : any.to_check) {
    const auto* c = today ? orientation::rules().criterion(code, *today) : nullptr;
    to_check += (to_check.empty() ? "" : " ; ") + (c ? c->label : code);
  }
  if (!to_check.empty()) b.AddSectionDictionary("TO_CHECK")->SetValue("LIST", to_check);
  for (const auto& rej : any.rejected) {
    auto* m = b.AddSectionDictionary("REJECTED");
    m->SetValue("LABEL", rej.label);
    m->SetValue("WHY", rej.why);
  }
  for (const auto& e : a.eligibility) {
    auto* r = b.AddSectionDictionary("KIND");
    r->SetValue("KIND", std::string(orientation::label(e.kind)));
    r->SetValue("VERDICT", e.eligible ? "Éligible" : "Non éligible");
    r->SetValue("VERDICT_CLASS", e.eligible ? "text-bg-success" : "text-bg-secondary");
    if (!e.eligible) {
      r->SetValue("DETAIL", e.missing);
    } else {
      std::string until = time::display_civil(orientation::format_date(e.valid_until));
      bool expired = today && *today > e.valid_until;
      r->SetValue("DETAIL", (expired ? "Expiré le " : "Valable jusqu'au ") + until + (e.all_siae ? ", pour toute SIAE" : ", pour cette SIAE seulement") +
                                (e.by_assessment ? " (sur appréciation du prescripteur)" : ""));
    }
  }
  return page.render();
}

// The panel of the person page: the history and the current referent.
std::string panel(Ctx& ctx, const people::Person& p) {
  ctemplate::TemplateDictionary dict("panel");
  long long org = ctx.org();
  dict.SetValue("NEW", person_path(org, p.id) + "/diagnostics/nouveau");
  auto history = store::history(ctx.tx, p.id);
  if (history.empty()) dict.ShowSection("NONE");
  bool first = true;
  for (const auto& h : history) {
    auto* d = dict.AddSectionDictionary("ITEM");
    d->SetValue("LINK", person_path(org, p.id) + "/diagnostics/" + std::to_string(h.id));
    d->SetValue("MADE_ON", time::display_civil(h.made_on));
    d->SetValue("AUTHOR", h.author_name);
    d->SetValue("ORG", h.organisation_name);
    d->SetIntValue("BARRIERS", h.barriers);
    if (first) d->ShowSection("CURRENT");
    first = false;
  }
  if (!history.empty()) {
    if (auto cur = store::find(ctx.tx, p.id, history.front().id)) {
      Advice a = advise(*cur, p.birth_date, cur->made_on);
      if (a.orientation.referent) {
        auto* r = dict.AddSectionDictionary("REFERENT");
        r->SetValue("LABEL", a.orientation.referent->label);
        r->SetValue("REASON", a.orientation.referent->reason.text);
      }
    }
  }
  return render_template("diagnosis/panel", dict);
}

}  // namespace

void add_routes(Router& router, const directory::Live& live) {
  people::add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/diagnostics/nouveau", "diagnosis.new",
                                    Access::member, Kind::page, new_form});
  people::add_person_route(router, {Method::post, "/organisations/{org}/personnes/{person}/diagnostics", "diagnosis.create", Access::member,
                                    Kind::page, create_diagnosis, invalid_create});
  people::add_person_route(router, {Method::get, "/organisations/{org}/personnes/{person}/diagnostics/{diagnosis}", "diagnosis.show",
                                    Access::member, Kind::page, [&live](Ctx& c) { return show(c, live); }});
  people::add_person_panel("20-diagnosis", panel);
  add_api_routes(router, live);
}

}  // namespace jalon::diagnosis
