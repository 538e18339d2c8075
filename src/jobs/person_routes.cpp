// The counsellor's jobs page of a person: their job profile (what they choose; what comes from
// their diagnosis) and the offers for them with the reasons of each score; the person page's
// "Emploi" panel.
#include <fmt/format.h>

#include "base/text.h"
#include "base/time.h"
#include "jobs/actions.h"
#include "jobs/find.h"
#include "jobs/live.h"
#include "jobs/routes.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "jobs/views.h"
#include "people/access.h"
#include "people/routes.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

using namespace http;
using people::Action;

namespace {

std::string person_path(long long org, long long person) {
  return "/organisations/" + std::to_string(org) + "/personnes/" + std::to_string(person);
}

JobProfile read_profile_form(Ctx& ctx, long long person) {
  const Form& f = ctx.form();
  JobProfile p;
  p.person_id = person;
  Validator v;
  p.searching = f.checked("searching");
  p.shown_to_employers = f.checked("shown_to_employers");
  auto [a, b] = f.all().equal_range("contracts");
  for (auto it = a; it != b; ++it) {
    auto c = parse_contract(it->second);
    if (!c) v.add("contracts", "Type de contrat inconnu.");
    else p.contracts |= 1u << static_cast<int>(*c);
  }
  p.min_hours = form_number(f.get("min_hours"), "min_hours", v, 0, 48).value_or(0);
  p.max_hours = form_number(f.get("max_hours"), "max_hours", v, 1, 48).value_or(48);
  p.chosen_radius_km = form_number(f.get("radius_km"), "radius_km", v, 1, 200);
  p.chosen_commune = text::trim(f.get("commune_code"));
  p.available_on = text::trim(f.get("available_on"));
  v.throw_if_any();
  return p;
}

Response jobs_page(Ctx& ctx, Live& live, const people::Person& person, const JobProfile* sent, const ValidationError* err) {
  long long org = ctx.org();
  bool stored = false;
  JobProfile p = profile_of(ctx.tx, person, &stored);
  Page page(ctx, "jobs/person", "Emploi : " + person.first_name + " " + person.last_name);
  auto& b = page.body();
  b.SetValue("BACK", person_path(org, person.id));
  b.SetValue("ACTION", person_jobs_path(org, person.id));
  b.SetValue("DIAGNOSIS", person_path(org, person.id) + "/diagnostics/nouveau");
  if (!stored) b.ShowSection("NOT_STORED");
  // What comes from the diagnosis.
  for (auto code : p.wanted_jobs)
    if (const auto* t = referentials::rome().job_title(code)) b.AddSectionDictionary("JOB")->SetValue("LABEL", t->label);
  if (p.wanted_jobs.empty()) b.ShowSection("NO_JOB");
  b.SetIntValue("SKILLS", static_cast<long>(p.skills.size()));
  b.SetValue("COMMUNE", p.commune_code.empty() ? "inconnue" : referentials::communes().name_of(p.commune_code));
  b.SetValue("RADIUS", text::format_km(p.radius_km) + (p.chosen_radius_km ? " (choisi)" : " (d'après la mobilité du diagnostic)"));
  b.SetValue("LICENCE", p.licence ? "oui (ou non renseigné)" : "non");
  b.SetValue("IAE", p.iae_eligible_until.empty()           ? "non établie par un diagnostic de prescripteur"
                    : p.iae_eligible_until >= ctx.today() ? "oui, jusqu'au " + time::display_civil(p.iae_eligible_until)
                                                          : "expirée le " + time::display_civil(p.iae_eligible_until));
  // The choices, as stored or as sent.
  const JobProfile& shown = sent ? *sent : p;
  page.checkbox("searching", "En recherche d'emploi", shown.searching);
  page.checkbox("shown_to_employers", "Présenter le profil aux employeurs, sans son nom", shown.shown_to_employers,
                "Avec l'accord de la personne : les employeurs dont une offre correspond voient le profil sans nom et peuvent vous proposer l'offre.");
  std::vector<Page::Option> contracts;
  std::vector<std::string> ticked;
  for (int i = 0; i < kContracts; ++i) {
    auto c = static_cast<Contract>(i);
    contracts.push_back({std::string(name(c)), std::string(label(c)), ""});
    if (shown.contracts & (1u << i)) ticked.push_back(std::string(name(c)));
  }
  page.checkboxes("contracts", "Contrats souhaités", contracts, ticked, "Aucun coché : tous.");
  page.field("min_hours", "Heures par semaine, au moins", "number", fmt::format("{:g}", shown.min_hours), {"", "off", false});
  page.field("max_hours", "Heures par semaine, au plus", "number", fmt::format("{:g}", shown.max_hours), {"", "off", false});
  page.field("radius_km", "Distance acceptée (km)", "number", shown.chosen_radius_km ? fmt::format("{:g}", *shown.chosen_radius_km) : "",
             {"Laissée vide : d'après le permis, le véhicule et le frein mobilité du diagnostic.", "off", false});
  page.field("commune_code", "Chercher depuis une autre commune (code INSEE)", "text", shown.chosen_commune,
             {"Laissée vide : la commune de résidence.", "off", false});
  page.field("available_on", "Disponible à partir du", "date", shown.available_on, {"Laissée vide : dès maintenant.", "off", false});
  if (err) page.errors(*err);
  // The offers for them, searching or not (the counsellor looks for them).
  JobProfile looking = p;
  looking.searching = true;
  auto c = to_candidate(looking, ctx.today());
  if (!c) {
    b.ShowSection("NO_MATCH");
  } else {
    int wider = std::atoi(ctx.req.query("rayon").c_str());
    if (wider > c->radius_km && wider <= 200) {
      c->radius_km = wider;
      b.AddSectionDictionary("WIDENED")->SetValue("KM", text::format_km(wider));
    }
    auto found = offers_for(ctx.tx, *ctx.db, live, *c, 20, 0);
    auto* r = b.AddSectionDictionary("MATCHES");
    if (found.items.empty()) r->ShowSection("NONE");
    add_found_offers(*r, found, true, [](const JobOffer& o) { return public_offer_path(o.id); });
    r->SetValue("APPLY_BASE", person_path(org, person.id) + "/candidatures/nouvelle?offre=");
    if (found.widening && found.widening->radius_km > 0)
      r->AddSectionDictionary("WIDER")->SetValue("URL", person_jobs_path(org, person.id) + "?rayon=" +
                                                           std::to_string(static_cast<int>(found.widening->radius_km)));
    if (found.widening && !found.widening->neighbours.empty()) {
      auto* ns = r->AddSectionDictionary("NEIGHBOURS");
      for (const auto* t : found.widening->neighbours) ns->AddSectionDictionary("NEIGHBOUR")->SetValue("LABEL", t->label);
    }
  }
  return page.render(err ? 422 : 200);
}

Response show(Ctx& ctx, Live& live) {
  auto person = people::require(ctx, ctx.id("person"), Action::read, "jobs-read");
  return jobs_page(ctx, live, person, nullptr, nullptr);
}

Response save(Ctx& ctx) {
  auto person = people::check(ctx, ctx.id("person"), Action::write, "jobs-profile");
  JobProfile choices = read_profile_form(ctx, person.id);
  save_profile(ctx.tx, person, choices, ctx.org(), ctx.who.user_id);
  people::audit(ctx, person.id, "jobs-profile", choices.searching ? "en recherche" : "pas en recherche");
  return redirect_with_flash(person_jobs_path(ctx.org(), person.id), "Profil emploi enregistré.");
}

Response invalid_save(Ctx& ctx, const ValidationError& e, Live& live) {
  auto person = people::check(ctx, ctx.id("person"), Action::write, "jobs-profile");
  JobProfile sent;
  try {
    sent = read_profile_form(ctx, person.id);
  } catch (const ValidationError&) {
    sent = profile_of(ctx.tx, person);
  }
  return jobs_page(ctx, live, person, &sent, &e);
}

std::string panel(Ctx& ctx, const people::Person& person) {
  ctemplate::TemplateDictionary dict("panel");
  bool stored = false;
  JobProfile p = profile_of(ctx.tx, person, &stored);
  dict.SetValue("LINK", person_jobs_path(ctx.org(), person.id));
  dict.SetValue("STATE", !stored ? "Pas de profil emploi enregistré" : p.searching ? "En recherche d'emploi" : "Pas en recherche d'emploi");
  std::string jobs;
  for (auto code : p.wanted_jobs)
    if (const auto* t = referentials::rome().job_title(code)) jobs += (jobs.empty() ? "" : ", ") + t->label;
  dict.SetValue("JOBS", jobs.empty() ? "aucun (à renseigner dans un diagnostic)" : jobs);
  return render_template("jobs/panel", dict);
}

}  // namespace

void add_person_routes(Router& router, Live& live) {
  const std::string base = "/organisations/{org}/personnes/{person}/emplois";
  people::add_person_route(router, {Method::get, base, "jobs.person", Access::member, Kind::page, [&live](Ctx& c) { return show(c, live); }});
  people::add_person_route(router, {Method::post, base, "jobs.person.save", Access::member, Kind::page, save,
                                    [&live](Ctx& c, const ValidationError& e) { return invalid_save(c, e, live); }});
  people::add_person_panel("40-jobs", panel);
}

}  // namespace jalon::jobs
