// The public job search (no account, offers only, never people): /emplois with a job, a place
// and a distance, ranked by the matching as for a person who wants that job there; the offer's
// public page, with how to apply.
#include <fmt/format.h>

#include "base/text.h"
#include "base/time.h"
#include "directory/find.h"
#include "jobs/actions.h"
#include "jobs/find.h"
#include "jobs/live.h"
#include "jobs/routes.h"
#include "jobs/rules.h"
#include "jobs/store.h"
#include "jobs/views.h"
#include "referentials/communes.h"
#include "referentials/referentials.h"
#include "referentials/rome.h"

namespace jalon::jobs {

using namespace http;

namespace {

constexpr int kRadii[] = {5, 10, 20, 30, 50, 100};

// The job titles the words name: one title when the words name it without doubt, else the five
// closest (the search then covers them all).
std::vector<const referentials::JobTitle*> titles_of(const std::string& words) {
  if (const auto* j = referentials::rome().named(words)) return {j};
  return referentials::rome().search(words, 5);
}

std::string query_string(const std::string& what, const std::string& where, int radius, const std::string& contract, int page) {
  std::string q = "quoi=" + text::url_encode(what) + "&lieu=" + text::url_encode(where) + "&rayon=" + std::to_string(radius);
  if (!contract.empty()) q += "&contrat=" + text::url_encode(contract);
  if (page > 1) q += "&page=" + std::to_string(page);
  return q;
}

Response search_page(Ctx& ctx, Live& live) {
  std::string what = text::trim(ctx.req.query("quoi"));
  std::string where = text::trim(ctx.req.query("lieu"));
  std::string contract = ctx.req.query("contrat");
  int radius = std::atoi(ctx.req.query("rayon").c_str());
  if (std::find(std::begin(kRadii), std::end(kRadii), radius) == std::end(kRadii)) radius = 30;
  int page_number = std::clamp(std::atoi(ctx.req.query("page").c_str()), 1, 100);
  Page page(ctx, "jobs/search", "Offres d'emploi");
  auto& b = page.body();
  std::vector<Page::Option> radii, contracts{{"", "Tous les contrats", ""}};
  for (int k : kRadii) radii.push_back({std::to_string(k), std::to_string(k) + " km", ""});
  for (int i = 0; i < kContracts; ++i) contracts.push_back({std::string(name(static_cast<Contract>(i))), std::string(label(static_cast<Contract>(i))), ""});
  page.field("quoi", "Quel métier ?", "search", what, {"Un métier, par exemple « aide à domicile », « cariste » ou « boulanger ».", "off", false, false});
  page.field("lieu", "Où ?", "text", where, {"Code postal ou commune, par exemple 86000 ou Poitiers.", "off", false, false});
  page.select("rayon", "Distance", radii, std::to_string(radius), "", false);
  page.select("contrat", "Contrat", contracts, contract, "", false);
  if (what.empty() && where.empty()) {
    // Before any search: the latest offers, so that the page is never empty.
    auto latest = store::latest_open_offers(ctx.tx, 10);
    auto* l = b.AddSectionDictionary("LATEST");
    for (const auto& o : latest) {
      auto* r = l->AddSectionDictionary("OFFER");
      r->SetValue("TITLE", o.title);
      r->SetValue("LINK", public_offer_path(o.id));
      r->SetValue("EMPLOYER", o.organisation_name);
      r->SetValue("PLACE", referentials::communes().name_of(o.commune_code));
      r->SetValue("CONTRACT", contract_text(o));
      r->SetValue("HOURS", fmt::format("{:g} h", o.hours));
    }
    if (latest.empty()) l->ShowSection("NONE");
    return page.render();
  }
  Validator v;
  auto titles = what.empty() ? std::vector<const referentials::JobTitle*>{} : titles_of(what);
  if (what.empty()) v.add("quoi", "Indiquez un métier.");
  else if (titles.empty()) v.add("quoi", "Aucun métier ne correspond à « " + what + " » : essayez un autre mot.");
  std::string place_label;
  std::vector<const referentials::Commune*> choices;
  std::optional<directory::Place> place;
  if (where.empty()) v.add("lieu", "Indiquez une commune ou un code postal.");
  else if (!(place = directory::place_from_text(where, place_label, choices))) {
    std::string names;
    for (const auto* c : choices) names += (names.empty() ? "" : ", ") + c->name + " (" + c->postal_codes.front() + ")";
    v.add("lieu", choices.empty() ? "Lieu inconnu : indiquez un code postal ou le nom d'une commune."
                                  : "Plusieurs communes portent ce nom : précisez le code postal (" + names + ").");
  }
  unsigned bits = 0;
  try {
    bits = parse_contracts(contract, "contrat");
  } catch (const ValidationError& e) {
    v.add("contrat", e.what());
  }
  if (!v.ok()) {
    try {
      v.throw_if_any();
    } catch (const ValidationError& e) {
      page.errors(e);
      return page.render(422);
    }
  }
  Candidate c = search_candidate(titles, place->latitude, place->longitude, radius, bits);
  constexpr std::size_t kPage = 20;
  auto found = offers_for(ctx.tx, *ctx.db, live, c, kPage, (page_number - 1) * kPage);
  auto* res = b.AddSectionDictionary("RESULTS");
  res->SetValue("PLACE", place_label);
  res->SetValue("RADIUS", std::to_string(radius) + " km");
  std::string jobs;
  for (const auto* t : titles) jobs += (jobs.empty() ? "" : ", ") + t->label;
  res->SetValue("JOBS", jobs);
  if (found.items.empty()) res->ShowSection("NONE");
  add_found_offers(*res, found, false, [](const JobOffer& o) { return public_offer_path(o.id); });
  if (found.widening) {
    if (found.widening->radius_km > 0) {
      int wider = radius;
      for (int k : kRadii)
        if (k >= found.widening->radius_km) {
          wider = k;
          break;
        }
      if (wider > radius) res->AddSectionDictionary("WIDER")->SetValue("QUERY", query_string(what, where, wider, contract, 1));
    }
    auto* ns = found.widening->neighbours.empty() ? nullptr : res->AddSectionDictionary("NEIGHBOURS");
    for (const auto* t : found.widening->neighbours) {
      auto* n = ns->AddSectionDictionary("NEIGHBOUR_LINK");
      n->SetValue("LABEL", t->label);
      n->SetValue("QUERY", query_string(t->label, where, radius, contract, 1));
    }
  }
  if (page_number > 1) res->AddSectionDictionary("PREVIOUS")->SetValue("QUERY", query_string(what, where, radius, contract, page_number - 1));
  if (found.more) res->AddSectionDictionary("NEXT")->SetValue("QUERY", query_string(what, where, radius, contract, page_number + 1));
  return page.render();
}

Response offer_page(Ctx& ctx) {
  auto o = store::find_offer(ctx.tx, ctx.id("offer"));
  if (!o) throw NotFound("Cette offre n'existe pas.");
  Page page(ctx, "jobs/public_offer", o->title);
  auto& b = page.body();
  b.SetValue("EMPLOYER", o->organisation_name);
  b.SetValue("DESCRIPTION", o->description);
  b.SetValue("PUBLISHED", time::display_civil(time::civil_date_of(o->created_at)));
  add_offer_facts(&b, *o);
  for (const auto& s : o->skills)
    if (const auto* k = referentials::rome().skill(s.code)) {
      auto* d = b.AddSectionDictionary("SKILL");
      d->SetValue("LABEL", k->label);
      if (s.essential) d->ShowSection("ESSENTIAL");
    }
  if (o->open) b.AddSectionDictionary("OPEN")->SetValue("APPLY", "/mon-espace/candidatures/nouvelle?offre=" + std::to_string(o->id));
  else b.ShowSection("CLOSED");
  return page.render();
}

}  // namespace

void add_search_routes(Router& router, Live& live) {
  router.add({Method::get, "/emplois", "jobs.search", Access::anyone, Kind::page, [&live](Ctx& c) { return search_page(c, live); }});
  router.add({Method::get, "/emplois/offres/{offer}", "jobs.offer.public", Access::anyone, Kind::page, offer_page});
}

}  // namespace jalon::jobs
