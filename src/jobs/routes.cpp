// The employer's pages: their offers (list, publish, edit, close, reopen) and, on each offer,
// the candidates the matching finds among the profiles shown to employers, without their names,
// with a button that tells the person's counsellors about the offer.
#include "jobs/routes.h"

#include <algorithm>

#include <fmt/format.h>

#include "accounts/store.h"
#include "base/text.h"
#include "base/time.h"
#include "diagnosis/actions.h"
#include "jobs/actions.h"
#include "jobs/find.h"
#include "jobs/live.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "jobs/views.h"
#include "notifications/notify.h"
#include "people/access.h"
#include "people/actions.h"
#include "people/store.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

using namespace http;

namespace {

// What the offer form holds beside the offer: the job words typed, and whether a search was asked.
struct OfferForm {
  JobOffer o;
  std::string job_text;
  bool searching = false;
};

OfferForm read_offer_form(Ctx& ctx) {
  const Form& f = ctx.form();
  OfferForm st;
  JobOffer& o = st.o;
  Validator v;
  o.job_title = static_cast<std::uint32_t>(std::strtoul(f.get("job_title").c_str(), nullptr, 10));
  o.title = text::trim(f.get("title"));
  o.description = text::trim(f.get("description"));
  o.commune_code = text::trim(f.get("commune_code"));
  if (auto c = parse_contract(f.get("contract"))) o.contract = *c;
  else v.add("contract", "Choisissez un type de contrat de la liste.");
  // Ranges are jobs::validate's, which names every fault at once; here only what the types need.
  constexpr double kAny = 1e9;
  if (auto m = form_number(f.get("contract_months"), "contract_months", v, -kAny, kAny, true)) o.contract_months = static_cast<int>(*m);
  o.hours = form_number(f.get("hours"), "hours", v, -kAny, kAny).value_or(0);
  o.start_on = text::trim(f.get("start_on"));
  o.positions = static_cast<int>(form_number(f.get("positions"), "positions", v, -kAny, kAny, true).value_or(1));
  o.licence_required = f.checked("licence_required");
  o.disability_accessible = f.checked("disability_accessible");
  o.iae_reserved = f.checked("iae_reserved");
  o.max_distance_km = form_number(f.get("max_distance_km"), "max_distance_km", v, -kAny, kAny);
  std::vector<std::string> essential;
  auto [eb, ee] = f.all().equal_range("essential");
  for (auto it = eb; it != ee; ++it) essential.push_back(it->second);
  auto [sb, se] = f.all().equal_range("skills");
  for (auto it = sb; it != se; ++it) {
    auto code = static_cast<std::uint32_t>(std::strtoul(it->second.c_str(), nullptr, 10));
    if (!code || std::any_of(o.skills.begin(), o.skills.end(), [&](const SkillAsked& s) { return s.code == code; })) continue;
    o.skills.push_back({code, std::find(essential.begin(), essential.end(), it->second) != essential.end()});
  }
  // An essential skill that is not ticked as asked is asked too.
  for (const auto& e : essential) {
    auto code = static_cast<std::uint32_t>(std::strtoul(e.c_str(), nullptr, 10));
    if (code && std::none_of(o.skills.begin(), o.skills.end(), [&](const SkillAsked& s) { return s.code == code; }))
      o.skills.push_back({code, true});
  }
  std::sort(o.skills.begin(), o.skills.end(), [](const SkillAsked& a, const SkillAsked& b) { return a.code < b.code; });
  st.job_text = text::trim(f.get("job_text"));
  st.searching = f.get("etape") == "chercher";
  v.throw_if_any();
  return st;
}

std::string job_label(std::uint32_t code) {
  const auto* j = referentials::rome().job_title(code);
  return j ? j->label + " (" + j->occupation->code + ")" : std::to_string(code);
}

Response offer_form_page(Ctx& ctx, const OfferForm& st, const ValidationError* err, int status = 200) {
  long long org = ctx.org();
  const JobOffer& o = st.o;
  bool editing = o.id != 0;
  Page page(ctx, "jobs/offer_form", editing ? "Modifier l'offre : " + o.title : "Publier une offre d'emploi");
  auto& b = page.body();
  b.SetValue("BACK", editing ? offer_path(org, o.id) : offers_path(org));
  b.SetValue("ACTION", editing ? offer_path(org, o.id) : offers_path(org));
  b.SetValue("SUBMIT", editing ? "Enregistrer les modifications" : "Publier l'offre");
  // The job title: the one chosen, and those the words typed find.
  std::vector<Page::Option> jobs;
  if (o.job_title) jobs.push_back({std::to_string(o.job_title), job_label(o.job_title), ""});
  if (!st.job_text.empty())
    for (const auto* j : referentials::rome().search(st.job_text, 10))
      if (j->code != o.job_title) jobs.push_back({std::to_string(j->code), job_label(j->code), ""});
  if (!jobs.empty())
    page.select("job_title", "Métier (appellation du ROME)", jobs, o.job_title ? std::to_string(o.job_title) : "",
                "Le métier fixe les compétences proposées et le rapprochement avec les candidats.");
  else
    b.ShowSection("NO_JOB");
  page.field("job_text", "Chercher un métier", "search", st.searching ? "" : st.job_text,
             {"Un intitulé (« aide à domicile », « cariste ») ou un code ROME, puis « Chercher ».", "off", false});
  page.field("title", "Intitulé de l'offre", "text", o.title, {"Laissé vide : l'intitulé du métier.", "off", false});
  page.textarea("description", "Description du poste", o.description, {"Missions, horaires, lieu précis, accompagnement proposé.", "off", false});
  page.field("commune_code", "Commune du poste (code INSEE)", "text", o.commune_code, {"Par exemple 86194 pour Poitiers.", "off", true});
  std::vector<Page::Option> contracts;
  for (int i = 0; i < kContracts; ++i) {
    auto c = static_cast<Contract>(i);
    contracts.push_back({std::string(name(c)), std::string(label(c)), ""});
  }
  page.select("contract", "Type de contrat", contracts, std::string(name(o.contract)));
  page.field("contract_months", "Durée du contrat en mois", "number", o.contract_months ? std::to_string(*o.contract_months) : "",
             {"Pour un contrat à durée déterminée.", "off", false});
  page.field("hours", "Heures par semaine", "number", fmt::format("{:g}", o.hours), {"", "off", true});
  page.field("start_on", "Date de début", "date", o.start_on, {"Laissée vide : dès que possible.", "off", false});
  page.field("positions", "Nombre de postes", "number", std::to_string(o.positions), {"", "off", true});
  page.field("max_distance_km", "Distance maximale du domicile (km)", "number",
             o.max_distance_km ? fmt::format("{:g}", *o.max_distance_km) : "", {"Si le poste l'impose (horaires décalés, pas de transports).", "off", false});
  page.checkbox("licence_required", "Permis B exigé", o.licence_required);
  page.checkbox("disability_accessible", "Poste accessible aux personnes en situation de handicap", o.disability_accessible);
  page.checkbox("iae_reserved", "Réservée aux personnes éligibles à l'IAE", o.iae_reserved,
                "Pour les structures de l'insertion par l'activité économique.");
  // Skills: those of the job title's occupation (principal first), and those already asked.
  std::vector<Page::Option> skills;
  std::vector<std::string> asked, essential;
  for (const auto& s : o.skills) {
    asked.push_back(std::to_string(s.code));
    if (s.essential) essential.push_back(std::to_string(s.code));
  }
  if (const auto* j = referentials::rome().job_title(o.job_title)) {
    int n = 0;
    for (const auto& os : referentials::rome().skills(*j->occupation)) {
      if (n++ >= 15) break;
      skills.push_back({std::to_string(os.skill->code), os.skill->label, ""});
    }
  }
  for (const auto& s : o.skills)
    if (std::none_of(skills.begin(), skills.end(), [&](const Page::Option& x) { return x.value == std::to_string(s.code); }))
      if (const auto* k = referentials::rome().skill(s.code)) skills.push_back({std::to_string(s.code), k->label, ""});
  if (!skills.empty()) {
    page.checkboxes("skills", "Compétences demandées", skills, asked, "Celles du métier choisi, les principales d'abord.");
    page.checkboxes("essential", "Parmi elles, les compétences indispensables", skills, essential,
                    "Les autres sont appréciées ; une compétence indispensable compte double dans le rapprochement.");
  } else {
    b.ShowSection("NO_SKILLS");
  }
  if (err) page.errors(*err);
  return page.render(status);
}

// ---- handlers

Response list(Ctx& ctx) {
  long long org = ctx.org();
  auto organisation = accounts::store::get_organisation(ctx.tx, org);
  int page_number = std::clamp(std::atoi(ctx.req.query("page").c_str()), 1, 10000);
  constexpr int kPage = 50;
  auto offers = store::offers_of(ctx.tx, org, kPage + 1, (page_number - 1) * kPage);
  Page page(ctx, "jobs/offers", "Offres d'emploi de " + organisation.name);
  auto& b = page.body();
  if (may_publish(organisation.kind)) b.AddSectionDictionary("PUBLISH")->SetValue("URL", offers_path(org) + "/nouvelle");
  else b.ShowSection("NOT_EMPLOYER");
  b.SetValue("INBOX", "/organisations/" + std::to_string(org) + "/candidatures");
  if (offers.empty()) b.ShowSection("EMPTY");
  auto* table = offers.empty() ? nullptr : b.AddSectionDictionary("TABLE");
  bool more = offers.size() > kPage;
  if (more) offers.pop_back();
  for (const auto& o : offers) {
    auto* r = table->AddSectionDictionary("ROW");
    r->SetValue("URL", offer_path(org, o.id));
    r->SetValue("TITLE", o.title);
    r->SetValue("PLACE", referentials::communes().name_of(o.commune_code));
    r->SetValue("CONTRACT", contract_text(o));
    r->SetValue("STATUS", o.open ? "Ouverte" : "Fermée : " + std::string(label(*o.closed_reason)));
    r->SetValue("STATUS_CLASS", o.open ? "text-bg-success" : "text-bg-secondary");
    r->SetIntValue("PENDING", o.pending);
    r->SetValue("APPLICATIONS", "/organisations/" + std::to_string(org) + "/candidatures?offre=" + std::to_string(o.id));
    r->SetValue("UPDATED", time::display_civil(time::civil_date_of(o.updated_at)));
  }
  if (page_number > 1) b.AddSectionDictionary("PREVIOUS")->SetValue("URL", offers_path(org) + "?page=" + std::to_string(page_number - 1));
  if (more) b.AddSectionDictionary("NEXT")->SetValue("URL", offers_path(org) + "?page=" + std::to_string(page_number + 1));
  return page.render();
}

Response new_form(Ctx& ctx) {
  auto organisation = accounts::store::get_organisation(ctx.tx, ctx.org());
  if (!may_publish(organisation.kind))
    throw Forbidden("Les services de l'État et l'agence de paiement ne publient pas d'offres d'emploi.");
  OfferForm st;
  st.o.commune_code = organisation.commune_code;
  return offer_form_page(ctx, st, nullptr);
}


// Resolves the job words when no title was chosen, then checks the offer: every fault at once,
// the job's under the words' field when they named none. False when a search step is asked.
bool settle(OfferForm& st) {
  if (st.searching) return false;
  std::string job_error;
  if (!st.o.job_title) {
    if (st.job_text.empty()) job_error = "Indiquez le métier : tapez un intitulé puis « Chercher ».";
    else if (const auto* j = referentials::rome().named(st.job_text)) st.o.job_title = j->code;
    else job_error = "Plusieurs métiers ou aucun ne correspondent à « " + st.job_text + " » : utilisez « Chercher » puis choisissez.";
  }
  Validator v;
  if (!job_error.empty()) v.add("job_text", job_error);
  try {
    validate(st.o);
  } catch (const ValidationError& e) {
    for (const auto& f : e.fields())
      if (job_error.empty() || f.field != "job_title") v.add(f.field, f.message);
  }
  v.throw_if_any();
  return true;
}

Response create(Ctx& ctx) {
  OfferForm st = read_offer_form(ctx);
  if (!settle(st)) return offer_form_page(ctx, st, nullptr);
  long long id = publish(ctx.tx, ctx.org(), ctx.who.user_id, st.o);
  return redirect_with_flash(offer_path(ctx.org(), id), "Offre publiée : elle apparaît dans la recherche d'emploi publique.");
}

Response invalid_form(Ctx& ctx, const ValidationError& e) {
  OfferForm st;
  try {
    st = read_offer_form(ctx);
  } catch (const ValidationError&) {
    st.o.commune_code = ctx.form().get("commune_code");
    st.o.title = ctx.form().get("title");
  }
  if (ctx.route.pattern.find("{offer}") != std::string::npos) st.o.id = offer_of(ctx.tx, ctx.org(), ctx.id("offer")).id;
  return offer_form_page(ctx, st, &e, 422);
}

Response edit_form(Ctx& ctx) {
  OfferForm st;
  st.o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  return offer_form_page(ctx, st, nullptr);
}

Response update(Ctx& ctx) {
  JobOffer current = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  OfferForm st = read_offer_form(ctx);
  st.o.id = current.id;
  if (!settle(st)) return offer_form_page(ctx, st, nullptr);
  edit(ctx.tx, current, st.o);
  return redirect_with_flash(offer_path(ctx.org(), current.id), "Offre mise à jour.");
}

Response show(Ctx& ctx, Live& live) {
  long long org = ctx.org();
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  Page page(ctx, "jobs/offer", o.title);
  auto& b = page.body();
  b.SetValue("BACK", offers_path(org));
  b.SetValue("EDIT", offer_path(org, o.id) + "/modifier");
  b.SetValue("PUBLIC", public_offer_path(o.id));
  b.SetValue("APPLICATIONS", "/organisations/" + std::to_string(org) + "/candidatures?offre=" + std::to_string(o.id));
  b.SetIntValue("PENDING", o.pending);
  b.SetValue("DESCRIPTION", o.description);
  b.SetValue("UPDATED", time::display_civil(time::civil_date_of(o.updated_at)));
  add_offer_facts(&b, o);
  for (const auto& s : o.skills)
    if (const auto* k = referentials::rome().skill(s.code)) {
      auto* d = b.AddSectionDictionary("SKILL");
      d->SetValue("LABEL", k->label);
      if (s.essential) d->ShowSection("ESSENTIAL");
    }
  if (o.open) {
    auto* d = b.AddSectionDictionary("OPEN");
    d->SetValue("CLOSE", offer_path(org, o.id) + "/fermer");
    d->SetIntValue("DAYS", kInactiveDays);
    // Candidates shown to employers, without their names.
    auto m = to_match(o);
    std::vector<FoundCandidate> found;
    if (m) found = candidates_for(*ctx.db, live, *m, 10, 0);
    if (found.empty()) d->ShowSection("NO_CANDIDATE");
    for (const auto& c : found) {
      auto* r = d->AddSectionDictionary("CANDIDATE");
      r->SetValue("LABEL", anonymous_label(live.label_key(), c.person, o));
      r->SetIntValue("SCORE", static_cast<long>(std::lround(c.match.score * 100)));
      for (const auto& w : c.why) r->AddSectionDictionary("WHY")->SetValue("TEXT", w);
      r->SetValue("PROPOSE", offer_path(org, o.id) + "/proposer");
    }
  } else {
    auto* d = b.AddSectionDictionary("CLOSED");
    d->SetValue("REASON", std::string(label(*o.closed_reason)));
    d->SetValue("AT", time::display_civil(time::civil_date_of(o.closed_at)));
    d->SetValue("REOPEN", offer_path(org, o.id) + "/rouvrir");
  }
  return page.render();
}

Response close_offer(Ctx& ctx) {
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  auto why = parse_closed_reason(ctx.form().get("reason"));
  if (!why || *why == ClosedReason::inactive) throw ValidationError("reason", "Choisissez pourquoi l'offre est fermée.");
  close(ctx.tx, o, *why);
  return redirect_with_flash(offer_path(ctx.org(), o.id), "Offre fermée : elle n'apparaît plus dans les recherches.");
}

Response reopen_offer(Ctx& ctx) {
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  reopen(ctx.tx, o);
  return redirect_with_flash(offer_path(ctx.org(), o.id), "Offre rouverte.");
}

// The employer tells the counsellors of a matching candidate about the offer. The form names
// the candidate by their label only: the person is found again among the offer's matches, so
// an employer never sees a person's id nor can ping a record the matching does not show.
Response propose(Ctx& ctx, Live& live) {
  JobOffer o = offer_of(ctx.tx, ctx.org(), ctx.id("offer"));
  std::string wanted = ctx.form().get("candidate");
  auto m = to_match(o);
  long long person = 0;
  if (m)
    for (const auto& c : candidates_for(*ctx.db, live, *m, 50, 0))
      if (anonymous_label(live.label_key(), c.person, o) == wanted) person = c.person;
  auto record = person ? people::store::find(ctx.tx, person) : std::nullopt;
  auto profile = person ? store::find_profile(ctx.tx, person) : std::nullopt;
  if (!record || !profile) throw ValidationError("candidate", "Ce profil ne correspond plus à l'offre.");
  // The organisation that chose to show the profile, if it still has access (consent may have
  // been withdrawn since), else the record's creator, whose access always stays.
  long long to_org = record->created_by_org;
  if (profile->updated_by_org && people::store::has_grant(ctx.tx, person, profile->updated_by_org)) to_org = profile->updated_by_org;
  notifications::notify_organisation(ctx.tx, to_org, "offer.proposed",
                                     o.organisation_name + " propose son offre « " + o.title + " » à " + record->first_name + " " +
                                         record->last_name + ", dont le profil y correspond.",
                                     person_jobs_path(to_org, person));
  // The employer's action names the person to another organisation: in their access log.
  people::audit(ctx, person, "jobs-proposed", "offre n° " + std::to_string(o.id) + " de " + o.organisation_name);
  return redirect_with_flash(offer_path(ctx.org(), o.id),
                             "Proposition envoyée à l'organisation qui accompagne ce profil : elle pourra lui présenter l'offre.");
}

}  // namespace

void add_offer_routes(Router& router, Live& live) {
  const std::string base = "/organisations/{org}/offres";
  router.add({Method::get, base, "jobs.offers", Access::member, Kind::page, list});
  router.add({Method::get, base + "/nouvelle", "jobs.offer.new", Access::member, Kind::page, new_form});
  router.add({Method::post, base, "jobs.offer.create", Access::member, Kind::page, create, invalid_form});
  router.add({Method::get, base + "/{offer}", "jobs.offer.show", Access::member, Kind::page, [&live](Ctx& c) { return show(c, live); }});
  router.add({Method::get, base + "/{offer}/modifier", "jobs.offer.edit", Access::member, Kind::page, edit_form});
  router.add({Method::post, base + "/{offer}", "jobs.offer.update", Access::member, Kind::page, update, invalid_form});
  router.add({Method::post, base + "/{offer}/fermer", "jobs.offer.close", Access::member, Kind::page, close_offer});
  router.add({Method::post, base + "/{offer}/rouvrir", "jobs.offer.reopen", Access::member, Kind::page, reopen_offer});
  router.add({Method::post, base + "/{offer}/proposer", "jobs.offer.propose", Access::member, Kind::page,
              [&live](Ctx& c) { return propose(c, live); }});
}

}  // namespace jalon::jobs

namespace jalon::jobs {

void add_routes(http::Router& router, Live& live) {
  add_offer_routes(router, live);
  add_search_routes(router, live);
  add_person_routes(router, live);
  add_api_routes(router, live);
  // A stored job profile follows the person's diagnosis and record (hooked once per process,
  // however many applications are built, as tests do).
  static const bool hooked = [] {
    diagnosis::on_created(refresh_profile);
    people::on_changed(refresh_profile);
    return true;
  }();
  (void)hooked;
}

}  // namespace jalon::jobs
