// The public pages of the orientation room: "Par où commencer ?" (/par-ou-commencer) and the IAE
// eligibility simulator (/iae/eligibilite). Anyone, no JavaScript needed, nothing stored: the
// forms are posted (what a person says of their situation stays out of addresses and browser
// history) to routes that compute only (a read transaction, no CSRF token).
#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "base/time.h"
#include "directory/rules.h"
#include "http/page.h"
#include "orientation/labels.h"
#include "orientation/public.h"
#include "orientation/routes.h"
#include "referentials/barriers.h"
#include "referentials/inclusion.h"

namespace jalon::orientation {

using namespace http;

namespace {

Date today_of(const Ctx& ctx) {
  return *parse_date(ctx.today());
}

std::string shown(Date d) {
  return time::display_civil(format_date(d));
}

// A select of the values of fact `name`, labelled in French; "– Choisir –" stands for "not said".
void fact_select(Page& page, const Form* form, const std::string& name, const std::string& label,
                 const std::string& hint = "") {
  const FactDef* f = find_fact(name);
  std::vector<Page::Option> options;
  for (std::size_t i = 0; i < f->values.size(); ++i)
    options.push_back({std::string(f->values[i]), std::string(value_label(*f, static_cast<int>(i))), ""});
  if (f->kind == FactKind::boolean) std::reverse(options.begin(), options.end());  // "Oui" first
  page.select(name, label, options, form ? form->get(name) : "", hint, false);
}

std::vector<std::string> all_values(const Form& form, const std::string& name) {
  std::vector<std::string> out;
  auto [from, to] = form.all().equal_range(name);
  for (auto it = from; it != to; ++it)
    if (!text::trim(it->second).empty()) out.push_back(text::trim(it->second));
  return out;
}

std::string service_link(const directory::Service& sv) {
  return "/annuaire/structures/" + std::to_string(sv.structure_id) + "#service-" + std::to_string(sv.id);
}

void fill_place(ctemplate::TemplateDictionary* d, const NearbyService& n) {
  d->SetValue("DISTANCE", text::format_km(n.distance_km));
  const std::string address = directory::display_address(n.service, n.structure);
  if (!address.empty()) d->AddSectionDictionary("ADDRESS")->SetValue("TEXT", address);
  const std::string& phone = directory::contact_phone(n.service, n.structure);
  if (!phone.empty()) d->AddSectionDictionary("PHONE")->SetValue("TEXT", directory::display_phone(phone));
}

// --- "Par où commencer ?" ---------------------------------------------------------------

// A date field's value as sent back to a date input, which only shows "AAAA-MM-JJ": a date
// typed "JJ/MM/AAAA" (where the browser has no date picker) is turned round.
std::string date_value(const Form* form, const char* name) {
  std::string t = form ? text::trim(form->get(name)) : std::string();
  if (t.size() == 10 && t[2] == '/' && t[5] == '/') return t.substr(6, 4) + "-" + t.substr(3, 2) + "-" + t.substr(0, 2);
  return t;
}

void first_contact_form(Page& page, const Form* form) {
  auto value = [&](const char* name) { return form ? form->get(name) : std::string(); };
  page.field("age", "Votre âge", "number", value("age"),
             {"En années. Ou bien indiquez votre date de naissance.", "off", false, false});
  page.field("birth_date", "Ou votre date de naissance", "date", date_value(form, "birth_date"),
             {"Par exemple 14/03/2006.", "bday", false, false});
  page.field("place", "Votre commune", "text", value("place"),
             {"Son nom ou son code postal, par exemple Poitiers ou 86000.", "address-level2", true});
  fact_select(page, form, "jobseeker", "Êtes-vous inscrit(e) comme demandeur d'emploi à France Travail ?");
  page.field("jobseeker_since", "Si oui, depuis quand ?", "date", date_value(form, "jobseeker_since"),
             {"Par exemple 01/09/2025.", "off", false});
  fact_select(page, form, "resource", "Percevez-vous l'une de ces ressources ?");
  fact_select(page, form, "rqth", "Avez-vous une reconnaissance de travailleur handicapé (RQTH) ?");
  fact_select(page, form, "qualification", "Votre diplôme le plus élevé");
  std::vector<Page::Option> barriers;
  for (const auto& b : referentials::barriers().all()) barriers.push_back({b.code, b.label, ""});
  page.checkboxes("barriers", "Vos principales difficultés", barriers,
                  form ? all_values(*form, "barriers") : std::vector<std::string>{},
                  "Cochez celles qui vous freinent aujourd'hui, s'il y en a.");
}

Response first_contact_start(Ctx& ctx) {
  Page page(ctx, "orientation/first_contact", "Par où commencer ?");
  page.body().ShowSection("INTRO");
  first_contact_form(page, nullptr);
  return page.render();
}

void show_answer(Page& page, const pub::FirstContactAnswer& a) {
  const auto& di = referentials::inclusion();
  auto* ans = page.body().AddSectionDictionary("ANSWER");
  ans->SetValue("PLACE", a.where.label);
  ans->SetValue("TODAY", shown(a.today));
  const Orientation& o = a.orientation;
  if (o.referent && o.referent->code != "none") {
    auto* r = ans->AddSectionDictionary("REFERENT");
    r->SetValue("LABEL", o.referent->label);
    r->SetValue("REASON", o.referent->reason.text);
    if (!o.referent->reason.facts.empty()) {
      std::string facts;
      for (const auto& f : o.referent->reason.facts) facts += (facts.empty() ? "" : " ; ") + f;
      r->AddSectionDictionary("FACTS")->SetValue("TEXT", facts);
    }
    if (a.nearby.referent.empty()) {
      r->AddSectionDictionary("NONE_NEAR")
          ->SetValue("RADIUS", text::format_km(a.nearby.referent_radius_km));
    } else {
      auto* near = r->AddSectionDictionary("NEAREST");
      for (const auto& n : a.nearby.referent) {
        auto* d = near->AddSectionDictionary("PLACE_ITEM");
        d->SetValue("NAME", n.structure.name);
        d->SetValue("LINK", "/annuaire/structures/" + std::to_string(n.structure.id));
        fill_place(d, n);
      }
    }
  } else {
    ans->AddSectionDictionary("NO_REFERENT")
        ->SetValue(
            "TEXT",
            o.referent
                ? o.referent->reason.text
                : "Vos réponses ne suffisent pas pour désigner un organisme : précisez votre âge et votre situation.");
  }
  if (!o.schemes.empty()) {
    auto* s = ans->AddSectionDictionary("SCHEMES");
    for (const auto& d : o.schemes) {
      auto* x = s->AddSectionDictionary("SCHEME");
      x->SetValue("LABEL", d.label);
      x->SetValue("REASON", d.reason.text);
      if (d.code == "iae") s->ShowSection("IAE");
    }
  }
  if (!o.barriers.empty()) {
    auto* bs = ans->AddSectionDictionary("BARRIERS");
    for (std::size_t i = 0; i < o.barriers.size(); ++i) {
      const BarrierAdvice& b = o.barriers[i];
      const NearbyBarrier& nb = a.nearby.barriers[i];
      auto* d = bs->AddSectionDictionary("BARRIER");
      d->SetValue("CODE", b.barrier);
      d->SetValue("LABEL", b.label);
      if (!b.solutions.empty()) {
        auto* sols = d->AddSectionDictionary("SOLUTIONS");
        for (const auto& s : b.solutions) {
          auto* x = sols->AddSectionDictionary("SOLUTION");
          x->SetValue("TEXT", s.text);
          if (!s.actors.empty())
            x->AddSectionDictionary("ACTORS")->SetValue("TEXT", di.structure_typologies().labels(s.actors));
        }
      }
      if (nb.services.empty()) {
        d->AddSectionDictionary("NO_SERVICE")->SetValue("RADIUS", text::format_km(nb.radius_km));
      } else {
        auto* svs = d->AddSectionDictionary("SERVICES");
        for (const auto& n : nb.services) {
          auto* x = svs->AddSectionDictionary("SERVICE");
          x->SetValue("NAME", n.service.name);
          x->SetValue("STRUCTURE", n.structure.name);
          x->SetValue("LINK", service_link(n.service));
          fill_place(x, n);
        }
      }
      d->SetValue("MORE", "/annuaire?frein=" + text::url_encode(b.barrier) +
                              "&lieu=" + text::url_encode(a.where.place.commune_code) +
                              "&rayon=" + fmt::format("{:g}", std::max(nb.radius_km, 10.0)));
    }
  }
  if (!a.faq.empty()) {
    auto* f = ans->AddSectionDictionary("FAQ");
    for (const auto* e : a.faq) {
      auto* x = f->AddSectionDictionary("ENTRY");
      x->SetValue("QUESTION", e->question);
      x->SetValue("ANSWER", e->answer);
      if (!e->note.empty()) x->AddSectionDictionary("NOTE")->SetValue("TEXT", e->note);
    }
  }
}

Response first_contact_submit(Ctx& ctx, directory::Live& live) {
  const Form& form = ctx.form();
  const Date today = today_of(ctx);
  Page page(ctx, "orientation/first_contact", "Par où commencer ?");
  first_contact_form(page, &form);
  Validator errors;
  Situation s = pub::situation_from_form(form, today, errors);
  pub::check_age(s, today, errors, "");
  const std::vector<std::string> difficulties = all_values(form, "barriers");
  pub::check_difficulties(difficulties, errors, "barriers");
  // After an ambiguous name, the commune picked among those that bear it (when the name typed
  // is still that one).
  std::string commune_code = text::trim(form.get("commune_code"));
  if (const auto* c = referentials::communes().find(commune_code);
      !c || text::fold(c->name) != text::fold(text::trim(form.get("place"))))
    commune_code.clear();
  std::vector<const referentials::Commune*> choices;
  auto where = pub::find_place(form.get("place"), commune_code, "", errors, "place", &choices);
  if (!errors.ok()) {
    if (!choices.empty()) {
      auto* c = page.body().AddSectionDictionary("PLACE_CHOICES");
      int n = 0;
      for (const auto* x : choices) {
        auto* d = c->AddSectionDictionary("CHOICE");
        d->SetIntValue("N", ++n);
        d->SetValue("VALUE", x->code);
        std::string codes;
        for (const auto& p : x->postal_codes) codes += (codes.empty() ? "" : ", ") + p;
        const auto* dep = referentials::communes().departement(x->departement);
        d->SetValue("LABEL",
                    x->name + " (" + (dep ? dep->name : x->departement) + (codes.empty() ? "" : ", " + codes) + ")");
      }
    }
    try {
      errors.throw_if_any();
    } catch (const ValidationError& e) {
      page.errors(e);
      return page.render(422);
    }
  }
  pub::FirstContactAnswer a = pub::first_contact(*ctx.db, ctx.tx, live, std::move(s), difficulties, *where, today);
  show_answer(page, a);
  return page.render();
}

// --- The IAE eligibility simulator ------------------------------------------------------

const char* basis_label(Basis b) {
  switch (b) {
    case Basis::derived:
      return "calculé";
    case Basis::profile:
      return "d'après la situation";
    case Basis::ticked:
      return "attesté";
  }
  return "";
}

void iae_form(Page& page, const Form* form, Date today) {
  auto value = [&](const char* name) { return form ? form->get(name) : std::string(); };
  std::vector<Page::Option> kinds;
  for (SiaeKind k : {SiaeKind::aci, SiaeKind::ai, SiaeKind::ei, SiaeKind::etti, SiaeKind::eiti}) {
    static const char* names[] = {"Atelier et chantier d'insertion (ACI)", "Association intermédiaire (AI)",
                                  "Entreprise d'insertion (EI)", "Entreprise de travail temporaire d'insertion (ETTI)",
                                  "Entreprise d'insertion par le travail indépendant (EITI)"};
    kinds.push_back({std::string(name(k)), names[static_cast<int>(k)], ""});
  }
  page.select("kind", "Type de structure", kinds, value("kind"), "", true);
  page.select(
      "author", "Qui fait le diagnostic ?",
      {{"prescriber", "Un prescripteur habilité (France Travail, Mission Locale, Cap Emploi, Département…)", ""},
       {"employer", "L'employeur (la SIAE elle-même)", ""}},
      value("author"), "", true);
  page.checkbox("prescriber_assessment", "Le prescripteur habilité valide l'éligibilité sur sa propre appréciation",
                form && form->checked("prescriber_assessment"), "Possible pour un prescripteur habilité seulement.");
  page.field("age", "Âge", "number", value("age"), {"En années. Ou bien la date de naissance.", "off", false, false});
  page.field("birth_date", "Ou date de naissance", "date", date_value(form, "birth_date"),
             {"Par exemple 14/03/1975.", "off", false, false});
  fact_select(page, form, "resource", "Ressources");
  page.field("resource_since", "Perçues depuis", "date", date_value(form, "resource_since"), {"", "off", false});
  page.field("jobseeker_since", "Inscrit(e) comme demandeur d'emploi depuis le", "date",
             date_value(form, "jobseeker_since"),
             {"La durée d'inscription est calculée depuis cette date.", "off", false});
  fact_select(page, form, "qualification", "Niveau de qualification");
  fact_select(page, form, "housing", "Logement");
  fact_select(page, form, "rqth", "Travailleur handicapé reconnu (RQTH, BOETH)");
  fact_select(page, form, "single_parent", "Parent isolé");
  fact_select(page, form, "ase", "Sortant de l'aide sociale à l'enfance");
  fact_select(page, form, "refugee", "Statut de protection");
  fact_select(page, form, "justice", "Situation judiciaire");
  fact_select(page, form, "french", "Niveau de français");
  fact_select(page, form, "mobility", "Difficulté de mobilité");
  fact_select(page, form, "qpv", "Réside en quartier prioritaire (QPV)");
  fact_select(page, form, "zrr", "Réside en zone de revitalisation rurale (ZRR/FRR)");
  std::vector<Page::Option> criteria;
  for (const auto& c : rules().criteria())
    if (rules().criterion(c.code, today) == &c)
      criteria.push_back({c.code, c.label, c.level == 1 ? "Critères de niveau 1" : "Critères de niveau 2"});
  page.checkboxes(
      "criteria", "Critères attestés par l'auteur du diagnostic", criteria,
      form ? all_values(*form, "criteria") : std::vector<std::string>{},
      "Quand la situation ci-dessus ne permet pas de les établir. Un critère que la situation contredit est écarté.");
}

Response iae_start(Ctx& ctx) {
  Page page(ctx, "orientation/iae", "Simulateur d'éligibilité à l'IAE");
  page.body().ShowSection("INTRO");
  iae_form(page, nullptr, today_of(ctx));
  return page.render();
}

Response iae_submit(Ctx& ctx) {
  const Form& form = ctx.form();
  const Date today = today_of(ctx);
  Page page(ctx, "orientation/iae", "Simulateur d'éligibilité à l'IAE");
  iae_form(page, &form, today);
  Validator errors;
  Situation s = pub::situation_from_form(form, today, errors);
  pub::check_age(s, today, errors, "");
  auto kind = parse_siae_kind(form.get("kind"));
  if (!kind) errors.add("kind", "Choisissez le type de structure.");
  auto author = parse_author(form.get("author"));
  if (!author) errors.add("author", "Choisissez qui fait le diagnostic.");
  for (const auto& c : all_values(form, "criteria")) s.declared_criteria.insert(c);
  pub::check_criteria(s.declared_criteria, today, errors, "criteria");
  if (!errors.ok()) {
    try {
      errors.throw_if_any();
    } catch (const ValidationError& e) {
      page.errors(e);
      return page.render(422);
    }
  }
  const Eligibility e = iae_eligibility(s, *kind, today, *author, rules(), form.checked("prescriber_assessment"));
  auto* a = page.body().AddSectionDictionary("ANSWER");
  a->SetValue("VERDICT", e.eligible ? (e.by_assessment ? "Éligible sur l'appréciation du prescripteur" : "Éligible")
                                    : "Pas éligible en l'état");
  a->SetValue("KIND", std::string(label(e.kind)));
  a->SetValue("AUTHOR", e.author == Author::prescriber ? "d'un prescripteur habilité" : "de l'employeur");
  a->SetValue("TODAY", shown(today));
  if (e.by_assessment) a->ShowSection("ASSESSMENT");
  if (!e.missing.empty()) a->AddSectionDictionary("MISSING")->SetValue("TEXT", e.missing);
  a->SetValue("REQUIREMENT", e.requirement.text);
  if (e.level1.empty() && e.level2.empty()) a->ShowSection("NO_CRITERION");
  for (const auto* level : {&e.level1, &e.level2}) {
    if (level->empty()) continue;
    auto* l = a->AddSectionDictionary("LEVEL");
    l->SetIntValue("LEVEL", level->front().level);
    for (const auto& c : *level) {
      auto* d = l->AddSectionDictionary("CRITERION");
      d->SetValue("CODE", c.code);
      d->SetValue("LABEL", c.label);
      d->SetValue("BASIS", basis_label(c.basis));
      std::string facts;
      for (const auto& f : c.reason.facts) facts += (facts.empty() ? "" : " ; ") + f;
      d->SetValue("REASON", facts);
      d->SetValue("PROOF", c.proof);
    }
  }
  if (!e.rejected.empty()) {
    auto* r = a->AddSectionDictionary("REJECTED");
    for (const auto& x : e.rejected) {
      auto* d = r->AddSectionDictionary("ITEM");
      d->SetValue("LABEL", x.label);
      d->SetValue("WHY", x.why);
    }
  }
  if (!e.to_check.empty()) {
    auto* t = a->AddSectionDictionary("TO_CHECK");
    for (const auto& code : e.to_check) {
      const Criterion* c = rules().criterion(code, today);
      auto* d = t->AddSectionDictionary("ITEM");
      d->SetValue("LABEL", c ? c->label : code);
      d->SetIntValue("LEVEL", c ? c->level : 2);
    }
  }
  if (!e.proofs.empty()) {
    auto* p = a->AddSectionDictionary("PROOFS");
    for (const auto& x : e.proofs) p->AddSectionDictionary("ITEM")->SetValue("TEXT", x);
  }
  a->SetValue("VALIDITY", "Valable jusqu'au " + shown(e.valid_until) + " inclus, " +
                              (e.all_siae ? "pour toutes les SIAE." : "pour cet employeur seulement."));
  return page.render();
}

}  // namespace

void add_public_pages(Router& router, directory::Live& live) {
  router.add(
      {Method::get, "/par-ou-commencer", "orientation.first_contact", Access::anyone, Kind::page, first_contact_start});
  Route submit{Method::post,   "/par-ou-commencer", "orientation.first_contact.submit",
               Access::anyone, Kind::page,          [&live](Ctx& ctx) { return first_contact_submit(ctx, live); }};
  submit.computes_only = true;
  router.add(std::move(submit));
  router.add({Method::get, "/iae/eligibilite", "orientation.iae", Access::anyone, Kind::page, iae_start});
  Route simulate{Method::post, "/iae/eligibilite", "orientation.iae.submit", Access::anyone, Kind::page, iae_submit};
  simulate.computes_only = true;
  router.add(std::move(simulate));
}

}  // namespace jalon::orientation
