// The pathway pages: a person's pathways (open one, ask to join), the pathway itself (members,
// referent, status, engagement, steps, social outcomes), its notes and its timeline, and the
// organisation's list of pathways.
#include "pathways/routes.h"

#include <map>
#include <tuple>

#include "accounts/store.h"
#include "base/text.h"
#include "pathways/access.h"
#include "pathways/actions.h"
#include "pathways/pages.h"
#include "pathways/store.h"
#include "people/access.h"
#include "people/routes.h"
#include "people/store.h"
#include "referentials/communes.h"

namespace jalon::pathways {

using namespace http;
using namespace pages;

namespace {

std::string full_name(const people::Person& p) {
  return p.first_name + " " + p.last_name;
}

// The tabs of a pathway's pages.
void fill_nav(Page& page, const Loaded& l, const char* current) {
  auto* nav = page.body().AddIncludeDictionary("PATHWAY_NAV");
  nav->SetFilename("pathways/nav.tpl");
  long long org = l.actor.org;
  nav->SetValue("PERSON_URL", person_url(org, l.person.id));
  nav->SetValue("PERSON_NAME", full_name(l.person));
  for (auto [key, path, name] : {std::tuple{"parcours", "", "Parcours"}, std::tuple{"notes", "/notes", "Notes"},
                                 std::tuple{"chronologie", "/chronologie", "Chronologie"}}) {
    auto* t = nav->AddSectionDictionary("TAB");
    t->SetValue("URL", pathway_url(org, l.pathway.id) + path);
    t->SetValue("NAME", name);
    if (std::string(key) == current) t->ShowSection("CURRENT");
  }
  nav->SetValue("STATUS", label(l.pathway.status));
  nav->SetValue("STATUS_CODE", code(l.pathway.status));
}

// The status form of an objective, an action or a step: section `section` (distinct names, since
// a nested section missing from a dictionary would be looked up in its parent's).
void add_moves(ctemplate::TemplateDictionary* d, const char* section, Progress from) {
  auto choices = next(from);
  if (choices.empty()) return;
  auto* m = d->AddSectionDictionary(section);
  for (Progress to : choices) {
    auto* o = m->AddSectionDictionary("CHOICE");
    o->SetValue("VALUE", code(to));
    o->SetValue("LABEL", verb(to));
  }
}

std::string dates(const std::string& from, const std::string& to, const char* from_word, const char* to_word) {
  std::string out;
  if (!from.empty()) out += std::string(from_word) + " " + time::display_civil(from);
  if (!to.empty()) out += (out.empty() ? "" : ", ") + std::string(to_word) + " " + time::display_civil(to);
  return out;
}

// The form's value when it is shown again after an error, else `fallback`.
std::string kept(Ctx& ctx, const ValidationError* err, const std::string& name, const std::string& fallback = "") {
  return err && ctx.req.method == Method::post ? ctx.form().get(name) : fallback;
}

// ---- A person's pathways

Response person_page(Ctx& ctx, const ValidationError* err) {
  long long org = ctx.org();
  people::Person person = people::require(ctx, ctx.id("person"), people::Action::read, "read", "parcours");
  Page page(ctx, "pathways/person", "Parcours de " + full_name(person));
  auto& b = page.body();
  b.SetValue("PERSON_URL", person_url(org, person.id));
  b.SetValue("PERSON_NAME", full_name(person));
  b.SetValue("ORIENT_URL", person_url(org, person.id) + "/orientations");
  auto all = store::pathways_of_person(ctx.tx, person.id);
  bool current = false;
  for (const auto& p : all) {
    auto facts = facts_of(ctx.tx, p, org);
    auto* d = b.AddSectionDictionary(p.status == Status::closed ? "PAST" : "CURRENT");
    current = current || p.status != Status::closed;
    d->SetIntValue("ID", p.id);
    d->SetValue("STATUS", label(p.status));
    d->SetValue("STATUS_CODE", code(p.status));
    d->SetValue("STARTED", time::display_civil(p.started_on));
    d->SetValue("REFERENT",
                p.referent_org_name + (p.referent_user_name.empty() ? "" : " (" + p.referent_user_name + ")"));
    if (p.status == Status::closed) {
      const Outcome* o = find_outcome(p.outcome);
      d->SetValue("CLOSED", time::display_civil(p.closed_on));
      d->SetValue("OUTCOME", o ? std::string(o->label) + " — " + outcome_category_label(o->category) : p.outcome);
    }
    if (facts.member)
      d->AddSectionDictionary("LINK")->SetValue("URL", pathway_url(org, p.id));
    else if (facts.live_request)
      d->ShowSection("REQUESTED");
    else if (can(PathwayAction::request_join, facts))
      d->AddSectionDictionary("JOIN")->SetValue("ACTION", pathway_url(org, p.id) + "/demande");
  }
  if (all.empty()) b.ShowSection("NONE");
  if (!current) {
    b.ShowSection("OPEN");
    b.SetValue("OPEN_ACTION", person_url(org, person.id) + "/parcours");
    page.field("started_on", "Date de début", "date", kept(ctx, err, "started_on", ctx.today()), {"", "off", true});
    std::vector<Page::Option> counsellors;
    for (const auto& m : accounts::store::members(ctx.tx, org))
      counsellors.push_back({std::to_string(m.user_id), m.display_name, ""});
    page.select("counsellor_id", "Conseiller référent", counsellors,
                kept(ctx, err, "counsellor_id", ctx.who.user_id ? std::to_string(ctx.who.user_id) : ""), "", false);
  }
  if (err) page.errors(*err);
  return page.render();
}

Response open(Ctx& ctx) {
  long long org = ctx.org();
  people::Person person = people::require(ctx, ctx.id("person"), people::Action::write, "update", "parcours ouvert");
  long long id = open_pathway(ctx.tx, actor_of(ctx), person.id, parse_id(ctx.form().get("counsellor_id")),
                              ctx.form().get("started_on"), ctx.today());
  return redirect_with_flash(pathway_url(org, id), "Le parcours est ouvert ; votre organisation en est la référente.");
}

// ---- The pathway

Response show_page(Ctx& ctx, const ValidationError* err) {
  Loaded l = require(ctx, PathwayAction::see);
  long long org = l.actor.org;
  const Pathway& p = l.pathway;
  Page page(ctx, "pathways/show", "Parcours de " + full_name(l.person));
  fill_nav(page, l, "parcours");
  auto& b = page.body();
  std::string base = pathway_url(org, p.id);
  b.SetValue("BASE", base);
  b.SetValue("STATUS", label(p.status));
  b.SetValue("STARTED", time::display_civil(p.started_on));
  b.SetValue("REFERENT_ORG", p.referent_org_name);
  b.SetValue("COUNSELLOR", p.referent_user_name.empty() ? "non désigné" : p.referent_user_name);
  if (p.status == Status::closed) {
    auto* c = b.AddSectionDictionary("CLOSED");
    const Outcome* o = find_outcome(p.outcome);
    c->SetValue("OUTCOME", o ? o->label : p.outcome);
    c->SetValue("CATEGORY", o ? outcome_category_label(o->category) : "");
    c->SetValue("ON", time::display_civil(p.closed_on));
    if (!p.outcome_detail.empty()) c->AddSectionDictionary("DETAIL")->SetValue("TEXT", p.outcome_detail);
  }
  bool manage = can(PathwayAction::manage, l.facts), edit = can(PathwayAction::edit, l.facts);
  if (!edit && p.status != Status::closed) b.ShowSection("SUSPENDED");

  // Members
  auto members = store::members(ctx.tx, p.id);
  std::vector<Page::Option> member_orgs;
  for (const auto& m : members) {
    if (m.status == MemberStatus::active)
      member_orgs.push_back({std::to_string(m.organisation_id), m.organisation_name, ""});
    if (m.status != MemberStatus::active && m.status != MemberStatus::requested) continue;
    auto* d = b.AddSectionDictionary("MEMBER");
    d->SetValue("ORG", m.organisation_name);
    d->SetValue("STATUS", m.organisation_id == p.referent_org_id ? "Référente" : label(m.status));
    d->SetValue("SINCE", day_of(m.joined_at.empty() ? m.requested_at : m.joined_at));
    std::string target = base + "/membres/" + std::to_string(m.organisation_id);
    if (manage && m.status == MemberStatus::requested) {
      auto* r = d->AddSectionDictionary("DECIDE");
      r->SetValue("APPROVE", target + "/accepter");
      r->SetValue("REFUSE", target + "/refuser");
      r->SetValue("ORG", m.organisation_name);
    }
    if (manage && m.status == MemberStatus::active && m.organisation_id != p.referent_org_id) {
      auto* r = d->AddSectionDictionary("REMOVE");
      r->SetValue("ACTION", target + "/retirer");
      r->SetValue("ORG", m.organisation_name);
    }
  }
  if (can(PathwayAction::leave, l.facts))
    b.AddSectionDictionary("LEAVE")->SetValue("ACTION", base + "/membres/" + std::to_string(org) + "/retirer");
  if (manage) {
    auto* m = b.AddSectionDictionary("MANAGE");
    if (l.person.consent_sharing) {
      m->ShowSection("CAN_INVITE");
      std::vector<Page::Option> others;
      for (const auto& o : accounts::store::list_organisations(ctx.tx)) {
        bool in = false;
        for (const auto& mm : members)
          in = in || (mm.organisation_id == o.id &&
                      (mm.status == MemberStatus::active || mm.status == MemberStatus::requested));
        if (!in) others.push_back({std::to_string(o.id), o.name, ""});
      }
      page.select("invite_organisation_id", "Organisation à inviter", others, kept(ctx, err, "invite_organisation_id"),
                  "Elle rejoint le parcours et accède à la fiche de la personne.");
    } else {
      m->ShowSection("NO_CONSENT");
    }
    std::vector<Page::Option> transfer;
    for (const auto& o : member_orgs)
      if (o.value != std::to_string(p.referent_org_id)) transfer.push_back(o);
    if (!transfer.empty()) {
      m->ShowSection("CAN_TRANSFER");
      page.select("organisation_id", "Nouvelle organisation référente", transfer, kept(ctx, err, "organisation_id"),
                  "Une organisation membre du parcours ; l'historique est conservé.");
    }
    std::vector<Page::Option> counsellors;
    for (const auto& u : accounts::store::members(ctx.tx, org))
      counsellors.push_back({std::to_string(u.user_id), u.display_name, ""});
    page.select("counsellor_id", "Conseiller référent", counsellors,
                kept(ctx, err, "counsellor_id", std::to_string(p.referent_user_id)), "", false);
    if (p.status == Status::open) m->ShowSection("CAN_SUSPEND");
    if (p.status == Status::suspended) m->ShowSection("CAN_RESUME");
    std::vector<Page::Option> outcome_options;
    for (const auto& o : outcomes()) outcome_options.push_back({o.code, o.label, outcome_category_label(o.category)});
    page.select("outcome", "Sortie du parcours", outcome_options, kept(ctx, err, "outcome"),
                "Typologie des sorties (emploi durable, de transition, sortie positive, autre).");
    page.field("closed_on", "Date de sortie", "date", kept(ctx, err, "closed_on", ctx.today()), {"", "off", true});
    page.textarea("outcome_detail", "Précision sur la sortie", kept(ctx, err, "outcome_detail"),
                  {"Obligatoire pour « Autre sortie » : employeur, formation, situation.", "off", false});
  }

  // Engagement
  auto actions = store::actions(ctx.tx, p.id);
  for (Domain domain : {Domain::professional, Domain::social}) {
    auto* dd = b.AddSectionDictionary("DOMAIN");
    dd->SetValue("NAME", domain == Domain::social ? "Objectifs sociaux" : "Objectifs professionnels");
    dd->SetValue("CODE", code(domain));
    bool any = false;
    for (const auto& o : store::objectives(ctx.tx, p.id)) {
      if (o.domain != domain) continue;
      any = true;
      auto* od = dd->AddSectionDictionary("OBJECTIVE");
      od->SetIntValue("ID", o.id);
      od->SetValue("TITLE", o.title);
      od->SetValue("STATUS", label(o.status));
      od->SetValue("STATUS_CODE", code(o.status));
      if (!o.target_on.empty()) od->AddSectionDictionary("TARGET")->SetValue("ON", time::display_civil(o.target_on));
      if (edit) {
        add_moves(od, "OBJECTIVE_MOVE", o.status);
        od->SetValue("MOVE_URL", base + "/objectifs/" + std::to_string(o.id) + "/statut");
      }
      for (const auto& a : actions) {
        if (a.objective_id != o.id) continue;
        auto* ad = od->AddSectionDictionary("ACTION");
        ad->SetIntValue("ID", a.id);
        ad->SetValue("TITLE", a.title);
        ad->SetValue("STATUS", label(a.status));
        ad->SetValue("STATUS_CODE", code(a.status));
        std::string meta = a.responsible.empty() ? "" : "Par " + a.responsible;
        std::string d = dates(a.start_on, a.due_on, "début", "échéance");
        if (!a.completed_on.empty())
          d += (d.empty() ? "" : ", ") + std::string("terminée le ") + time::display_civil(a.completed_on);
        if (!d.empty()) meta += (meta.empty() ? "" : " — ") + d;
        if (!meta.empty()) ad->AddSectionDictionary("META")->SetValue("TEXT", meta);
        if (edit) {
          add_moves(ad, "ACTION_MOVE", a.status);
          ad->SetValue("MOVE_URL", base + "/actions/" + std::to_string(a.id) + "/statut");
        }
      }
      if (edit && o.status != Progress::done && o.status != Progress::abandoned)
        od->AddSectionDictionary("ADD_ACTION")
            ->SetValue("ACTION", base + "/objectifs/" + std::to_string(o.id) + "/actions");
    }
    if (!any) dd->ShowSection("NO_OBJECTIVE");
  }
  if (edit) {
    b.ShowSection("EDIT");
    page.select("objective_domain", "Domaine", {{"professional", "Professionnel", ""}, {"social", "Social", ""}},
                kept(ctx, err, "objective_domain"));
    page.field("objective_title", "Intitulé de l'objectif", "text", kept(ctx, err, "objective_title"),
               {"Par exemple : trouver un logement autonome.", "off", true});
    page.field("objective_target_on", "Échéance visée", "date", kept(ctx, err, "objective_target_on"),
               {"", "off", false});
  }

  // Steps (the rows are inside the table's section, shown once when there are some)
  auto steps = store::steps(ctx.tx, p.id);
  ctemplate::TemplateDictionary* table = steps.empty() ? nullptr : b.AddSectionDictionary("STEPS");
  if (steps.empty()) b.ShowSection("NO_STEP");
  for (const auto& s : steps) {
    auto* d = table->AddSectionDictionary("STEP");
    d->SetIntValue("ID", s.id);
    const char* scheme = scheme_label(s.scheme);
    d->SetValue("SCHEME",
                std::string(scheme ? scheme : s.scheme) + (s.phase ? ", phase " + std::to_string(s.phase) : ""));
    d->SetValue("TITLE", s.title);
    d->SetValue("ORG", s.organisation_name.empty() ? "—" : s.organisation_name);
    std::string when_text = dates(s.start_on, s.end_on, "du", "au");
    d->SetValue("DATES", when_text.empty() ? "—" : when_text);
    d->SetValue("STATUS", label(s.status));
    d->SetValue("STATUS_CODE", code(s.status));
    if (edit) {
      add_moves(d, "STEP_MOVE", s.status);
      d->SetValue("MOVE_URL", base + "/etapes/" + std::to_string(s.id) + "/statut");
    }
  }
  if (edit) {
    std::vector<Page::Option> scheme_options;
    for (const auto& s : schemes()) scheme_options.push_back({s.code, s.label, ""});
    page.select("step_scheme", "Dispositif", scheme_options, kept(ctx, err, "step_scheme"));
    page.field("step_title", "Intitulé de l'étape", "text", kept(ctx, err, "step_title"), {"", "off", true});
    page.field("step_phase", "Phase", "number", kept(ctx, err, "step_phase"),
               {"Pour une qualification progressive seulement : 1, 2, 3…", "off", false});
    page.select("step_organisation_id", "Organisation qui la porte", member_orgs,
                kept(ctx, err, "step_organisation_id"), "", false);
    page.field("step_start_on", "Début", "date", kept(ctx, err, "step_start_on"), {"", "off", false});
    page.field("step_end_on", "Fin", "date", kept(ctx, err, "step_end_on"), {"", "off", false});
  }

  // Social outcomes
  auto social = store::social_outcomes(ctx.tx, p.id);
  if (social.empty()) b.ShowSection("NO_SOCIAL");
  for (const auto& s : social) {
    auto* d = b.AddSectionDictionary("SOCIAL");
    const char* kind = social_outcome_label(s.kind);
    d->SetValue("KIND", kind ? kind : s.kind);
    d->SetValue("ON", time::display_civil(s.achieved_on));
    d->SetValue("ORG", s.organisation_name);
    if (!s.detail.empty()) d->AddSectionDictionary("DETAIL")->SetValue("TEXT", s.detail);
  }
  if (edit) {
    std::vector<Page::Option> kinds;
    for (const auto& k : social_outcome_kinds()) kinds.push_back({k.code, k.label, ""});
    page.select("social_kind", "Résultat obtenu", kinds, kept(ctx, err, "social_kind"));
    page.field("social_achieved_on", "Date", "date", kept(ctx, err, "social_achieved_on", ctx.today()),
               {"", "off", true});
    page.field("social_detail", "Précision", "text", kept(ctx, err, "social_detail"), {"", "off", false});
  }

  // Orientations of this pathway
  auto linked = store::orientations_of_pathway(ctx.tx, p.id);
  if (linked.empty()) b.ShowSection("NO_ORIENTATION");
  for (const auto& o : linked) {
    auto* d = b.AddSectionDictionary("ORIENTATION");
    d->SetIntValue("ID", o.id);
    d->SetValue("FROM", o.from_org_name);
    d->SetValue("TO", o.to_org_name + (o.service_name.empty() ? "" : " — " + o.service_name));
    d->SetValue("STATUS", label(o.status));
    d->SetValue("STATUS_CODE", code(o.status));
    d->SetValue("ON", time::display_civil(o.sent_on));
    if (side_of(o, org) != OrientationSide::other)
      d->AddSectionDictionary("LINK")->SetValue("URL", orientation_url(org, o.id));
  }
  b.SetValue("ORIENT_URL", person_url(org, l.person.id) + "/orientations");
  if (err) page.errors(*err);
  return page.render();
}

Response show(Ctx& ctx) {
  return show_page(ctx, nullptr);
}
Response show_invalid(Ctx& ctx, const ValidationError& e) {
  return show_page(ctx, &e);
}

Response done(Ctx&, const Loaded& l, const std::string& message) {
  return redirect_with_flash(pathway_url(l.actor.org, l.pathway.id), message);
}

Progress read_progress(Ctx& ctx) {
  auto to = parse_progress(ctx.form().get("status"));
  if (!to) throw ValidationError("status", "Choisissez le nouvel état.");
  return *to;
}

Response change_state(Ctx& ctx) {
  std::string action = ctx.form().get("action");
  Loaded l = require(ctx, PathwayAction::manage, "parcours n° " + std::to_string(ctx.id("pathway")) + " : " + action);
  Status to = action == "suspendre" ? Status::suspended : action == "reprendre" ? Status::open : Status::closed;
  if (action != "suspendre" && action != "reprendre" && action != "cloturer")
    throw ValidationError("action", "Choisissez un changement d'état.");
  CloseInput close{ctx.form().get("outcome"), ctx.form().get("closed_on"), ctx.form().get("outcome_detail")};
  change_status(ctx.tx, l.actor, l.pathway, to, close, ctx.today());
  return done(ctx, l,
              to == Status::closed      ? "Le parcours est clôturé."
              : to == Status::suspended ? "Le parcours est suspendu."
                                        : "Le parcours a repris.");
}

Response referent(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::manage, "parcours n° " + std::to_string(ctx.id("pathway")) + " : référent");
  long long org = parse_id(ctx.form().get("organisation_id"));
  if (!org) org = l.pathway.referent_org_id;  // the counsellor form
  long long counsellor = org == l.pathway.referent_org_id ? parse_id(ctx.form().get("counsellor_id")) : 0;
  transfer_referent(ctx.tx, l.actor, l.pathway, org, counsellor);
  return done(ctx, l,
              org == l.pathway.referent_org_id ? "Le conseiller référent est enregistré."
                                               : "Le rôle de référent est transféré.");
}

Response invite_member(Ctx& ctx) {
  long long target = parse_id(ctx.form().get("invite_organisation_id"));
  Loaded l = require(ctx, PathwayAction::manage,
                     "parcours n° " + std::to_string(ctx.id("pathway")) + " : invitation de l'organisation n° " +
                         std::to_string(target));
  if (!l.person.consent_sharing)
    throw Forbidden("La personne n'a pas consenti au partage de sa fiche entre organisations.");
  try {
    invite(ctx.tx, l.actor, l.pathway, target);
  } catch (const ValidationError& e) {
    throw prefixed(e, "invite_");
  }
  return done(ctx, l, "L'organisation a rejoint le parcours.");
}

Response ask_to_join(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::request_join,
                     "parcours n° " + std::to_string(ctx.id("pathway")) + " : demande pour le rejoindre");
  request_join(ctx.tx, l.actor, l.pathway);
  return redirect_with_flash(person_url(l.actor.org, l.person.id) + "/parcours",
                             "Votre demande est envoyée à l'organisation référente.");
}

Response decide_member(Ctx& ctx, bool approve) {
  long long target = ctx.id("target");
  Loaded l = require(
      ctx, PathwayAction::manage,
      "parcours n° " + std::to_string(ctx.id("pathway")) + (approve ? " : demande acceptée" : " : demande refusée"));
  if (approve && !l.person.consent_sharing)
    throw Forbidden("La personne n'a pas consenti au partage de sa fiche entre organisations.");
  decide(ctx.tx, l.actor, l.pathway, target, approve);
  return done(ctx, l, approve ? "L'organisation a rejoint le parcours." : "La demande est refusée.");
}

Response remove_member(Ctx& ctx) {
  long long target = ctx.id("target");
  bool self = target == ctx.org();
  Loaded l = require(
      ctx, self ? PathwayAction::leave : PathwayAction::manage,
      "parcours n° " + std::to_string(ctx.id("pathway")) + " : sortie de l'organisation n° " + std::to_string(target));
  end_membership(ctx.tx, l.actor, l.pathway, target);
  if (self)
    return redirect_with_flash(person_url(l.actor.org, l.person.id) + "/parcours",
                               "Votre organisation a quitté le parcours.");
  return done(ctx, l, "L'organisation est retirée du parcours.");
}

Response objective(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  const Form& f = ctx.form();
  try {
    add_objective(ctx.tx, l.actor, l.pathway,
                  {f.get("objective_domain"), f.get("objective_title"), f.get("objective_target_on")});
  } catch (const ValidationError& e) {
    throw prefixed(e, "objective_");
  }
  return done(ctx, l, "L'objectif est ajouté.");
}

Response objective_status(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  move_objective(ctx.tx, l.actor, l.pathway, ctx.id("objective"), read_progress(ctx));
  return done(ctx, l, "L'objectif est mis à jour.");
}

Response action(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  const Form& f = ctx.form();
  try {
    add_action(ctx.tx, l.actor, l.pathway, ctx.id("objective"),
               {f.get("action_title"), f.get("action_responsible"), f.get("action_start_on"), f.get("action_due_on")});
  } catch (const ValidationError& e) {
    throw prefixed(e, "action_");
  }
  return done(ctx, l, "L'action est ajoutée.");
}

Response action_status(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  move_action(ctx.tx, l.actor, l.pathway, ctx.id("action"), read_progress(ctx), ctx.today());
  return done(ctx, l, "L'action est mise à jour.");
}

Response step(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  const Form& f = ctx.form();
  StepInput in{f.get("step_scheme"),   f.get("step_title"),  f.get("step_phase"),
               f.get("step_start_on"), f.get("step_end_on"), parse_id(f.get("step_organisation_id"))};
  try {
    add_step(ctx.tx, l.actor, l.pathway, in);
  } catch (const ValidationError& e) {
    throw prefixed(e, "step_");
  }
  return done(ctx, l, "L'étape est ajoutée.");
}

Response step_status(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  move_step(ctx.tx, l.actor, l.pathway, ctx.id("step"), read_progress(ctx));
  return done(ctx, l, "L'étape est mise à jour.");
}

Response social(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::edit);
  const Form& f = ctx.form();
  try {
    add_social_outcome(ctx.tx, l.actor, l.pathway,
                       {f.get("social_kind"), f.get("social_achieved_on"), f.get("social_detail")}, ctx.today());
  } catch (const ValidationError& e) {
    throw prefixed(e, "social_");
  }
  return done(ctx, l, "Le résultat social est enregistré.");
}

// ---- Notes

std::vector<Page::Option> level_options(const NoteViewer& v) {
  std::vector<Page::Option> out;
  for (NoteLevel level : all_note_levels())
    if (can_write_note(v, level)) out.push_back({code(level), label(level), ""});
  return out;
}

void fill_note(ctemplate::TemplateDictionary* d, const Note& n) {
  d->SetIntValue("ID", n.id);
  d->SetValue("BODY", n.body);
  d->SetValue("LEVEL", label(n.level));
  d->SetValue("LEVEL_CODE", code(n.level));
  d->SetValue("AUTHOR",
              n.author_user_name.empty() ? n.author_org_name : n.author_user_name + " (" + n.author_org_name + ")");
  d->SetValue("AT", when(n.created_at));
  if (n.version > 1) {
    auto* e = d->AddSectionDictionary("EDITED");
    e->SetValue("AT", when(n.updated_at));
    e->SetIntValue("VERSION", n.version);
  }
}

Response notes_page(Ctx& ctx, const ValidationError* err) {
  Loaded l = require(ctx, PathwayAction::see, "parcours n° " + std::to_string(ctx.id("pathway")) + " : notes");
  long long org = l.actor.org;
  Page page(ctx, "pathways/notes", "Notes du parcours de " + full_name(l.person));
  fill_nav(page, l, "notes");
  auto& b = page.body();
  std::string base = pathway_url(org, l.pathway.id);
  b.SetValue("ACTION", base + "/notes");
  auto notes = visible_notes(ctx.tx, l.viewer, l.pathway);
  for (const auto& n : notes) {
    auto* d = b.AddSectionDictionary("NOTE");
    fill_note(d, n);
    d->SetValue("URL", base + "/notes/" + std::to_string(n.id));
    d->ShowSection(n.author_org_id == org ? "MINE" : "OTHERS");
  }
  if (notes.empty()) b.ShowSection("NO_NOTE");
  if (can(PathwayAction::write_note, l.facts)) {
    b.ShowSection("WRITE");
    page.textarea("note_body", "Texte de la note", kept(ctx, err, "note_body"), {"", "off", true});
    page.select("note_level", "Qui peut la lire", level_options(l.viewer), kept(ctx, err, "note_level", "members"),
                "« Réservée à mon organisation » : les autres organisations du parcours ne la voient pas.");
  }
  if (!l.viewer.social_worker) b.ShowSection("NOT_SOCIAL");
  if (err) page.errors(*err);
  return page.render();
}

Response add_note_page(Ctx& ctx) {
  Loaded l =
      require(ctx, PathwayAction::write_note, "parcours n° " + std::to_string(ctx.id("pathway")) + " : note ajoutée");
  try {
    add_note(ctx.tx, l.actor, l.viewer, l.pathway, {ctx.form().get("note_body"), ctx.form().get("note_level")});
  } catch (const ValidationError& e) {
    throw prefixed(e, "note_");
  }
  return redirect_with_flash(pathway_url(l.actor.org, l.pathway.id) + "/notes", "La note est enregistrée.");
}

Response note_page(Ctx& ctx, const ValidationError* err) {
  Loaded l =
      require(ctx, PathwayAction::see,
              "parcours n° " + std::to_string(ctx.id("pathway")) + " : note n° " + std::to_string(ctx.id("note")));
  auto nv = note_for(ctx.tx, l.viewer, l.pathway, ctx.id("note"));
  Page page(ctx, "pathways/note", "Note du " + day_of(nv.note.created_at));
  fill_nav(page, l, "notes");
  auto& b = page.body();
  fill_note(&b, nv.note);
  b.SetValue("BACK", pathway_url(l.actor.org, l.pathway.id) + "/notes");
  for (auto it = nv.versions.rbegin(); it != nv.versions.rend(); ++it) {
    if (it->version == nv.note.version) continue;  // the current one is shown above
    auto* d = b.AddSectionDictionary("VERSION");
    d->SetIntValue("VERSION", it->version);
    d->SetValue("BODY", it->body);
    d->SetValue("LEVEL", label(it->level));
    d->SetValue("AT", when(it->written_at));
    d->SetValue("WHO", it->written_by_user_name.empty()
                           ? it->written_by_org_name
                           : it->written_by_user_name + " (" + it->written_by_org_name + ")");
  }
  if (nv.versions.size() <= 1) b.ShowSection("NO_VERSION");
  NoteViewer me = l.viewer;
  if (nv.note.author_org_id == l.actor.org && can(PathwayAction::write_note, l.facts) &&
      can_see_note(me, {nv.note.level, nv.note.author_org_id, nv.note.person_id})) {
    b.SetValue("ACTION", pathway_url(l.actor.org, l.pathway.id) + "/notes/" + std::to_string(nv.note.id));
    b.ShowSection("EDIT");
    page.textarea("body", "Texte de la note", kept(ctx, err, "body", nv.note.body),
                  {"La version précédente est conservée.", "off", true});
    page.select("level", "Qui peut la lire", level_options(l.viewer), kept(ctx, err, "level", code(nv.note.level)));
  }
  if (err) page.errors(*err);
  return page.render();
}

Response edit_note_page(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::write_note,
                     "parcours n° " + std::to_string(ctx.id("pathway")) + " : note n° " +
                         std::to_string(ctx.id("note")) + " modifiée");
  edit_note(ctx.tx, l.actor, l.viewer, l.pathway, ctx.id("note"), {ctx.form().get("body"), ctx.form().get("level")});
  return redirect_with_flash(pathway_url(l.actor.org, l.pathway.id) + "/notes/" + std::to_string(ctx.id("note")),
                             "La note est modifiée ; la version précédente est conservée.");
}

// ---- Timeline

Response timeline_page(Ctx& ctx) {
  Loaded l = require(ctx, PathwayAction::see, "parcours n° " + std::to_string(ctx.id("pathway")) + " : chronologie");
  std::string category = ctx.req.query("type");
  bool known = category.empty();
  for (const auto& c : timeline_categories()) known = known || category == c.code;
  if (!known) category.clear();
  Page page(ctx, "pathways/timeline", "Chronologie du parcours de " + full_name(l.person));
  fill_nav(page, l, "chronologie");
  auto& b = page.body();
  b.SetValue("ACTION", pathway_url(l.actor.org, l.pathway.id) + "/chronologie");
  std::vector<Page::Option> options;
  for (const auto& c : timeline_categories()) options.push_back({c.code, c.label, ""});
  page.select("type", "Type d'événement", options, category, "", false);
  auto entries = timeline(ctx.tx, l.viewer, l.pathway, category);
  for (const auto& e : entries) {
    auto* d = b.AddSectionDictionary("ENTRY");
    d->SetValue("AT", e.on.empty() ? when(e.at) : "le " + time::display_civil(e.on));
    d->SetValue("DATETIME", e.on.empty() ? e.at : e.on);
    d->SetValue("CATEGORY", e.category);
    d->SetValue("TITLE", e.title);
    d->SetValue("WHO", e.who);
    if (!e.detail.empty()) d->AddSectionDictionary("DETAIL")->SetValue("TEXT", e.detail);
  }
  if (entries.empty()) b.ShowSection("EMPTY");
  b.SetIntValue("COUNT", static_cast<long>(entries.size()));
  return page.render();
}

// ---- The organisation's pathways

Response org_pathways(Ctx& ctx) {
  long long org = ctx.org();
  Page page(ctx, "pathways/list", "Parcours suivis");
  auto& b = page.body();
  b.SetValue("INBOX", org_url(org) + "/orientations");
  auto listed = store::pathways_of_org(ctx.tx, org);
  std::vector<long long> ids;
  for (const auto& l : listed) ids.push_back(l.pathway.person_id);
  // Only the people the organisation still sees (a withdrawn consent hides the others).
  std::map<long long, people::store::Row> seen;
  for (auto& r : people::store::visible_to(ctx.tx, org, ids)) seen.emplace(r.id, std::move(r));
  people::audit(ctx, 0, "search", "parcours suivis");
  int shown = 0;
  for (const auto& l : listed) {
    auto it = seen.find(l.pathway.person_id);
    if (it == seen.end()) continue;
    auto* d = b.AddSectionDictionary("PATHWAY");
    d->SetValue("URL", pathway_url(org, l.pathway.id));
    d->SetValue("NAME", it->second.last_name + " " + it->second.first_name);
    d->SetValue("BIRTH", time::display_civil(it->second.birth_date));
    d->SetValue("STATUS", label(l.pathway.status));
    d->SetValue("STATUS_CODE", code(l.pathway.status));
    d->SetValue("STARTED", time::display_civil(l.pathway.started_on));
    d->SetValue("REFERENT", l.referent ? "Votre organisation" : l.pathway.referent_org_name);
    ++shown;
  }
  if (!shown) b.ShowSection("EMPTY");
  return page.render();
}

// The section of the person's page: the current pathway and the pending orientations, with the
// links to the pathways and to the orientation form.
std::string panel(Ctx& ctx, const people::Person& person) {
  long long org = ctx.org();
  ctemplate::TemplateDictionary dict("pathway-panel");
  dict.SetValue("PATHWAYS", person_url(org, person.id) + "/parcours");
  dict.SetValue("ORIENT", person_url(org, person.id) + "/orientations");
  if (auto p = store::current_pathway(ctx.tx, person.id)) {
    auto* d = dict.AddSectionDictionary("CURRENT");
    d->SetValue("STATUS", label(p->status));
    d->SetValue("STARTED", time::display_civil(p->started_on));
    d->SetValue("REFERENT",
                p->referent_org_name + (p->referent_user_name.empty() ? "" : " (" + p->referent_user_name + ")"));
    if (!facts_of(ctx.tx, *p, org).member) d->ShowSection("NOT_MEMBER");
  } else {
    dict.ShowSection("NONE");
  }
  for (const auto& o : store::orientations_of_person(ctx.tx, person.id, "pending")) {
    auto* d = dict.AddSectionDictionary("PENDING");
    d->SetValue("TO", o.to_org_name + (o.service_name.empty() ? "" : " — " + o.service_name));
    d->SetValue("FROM", o.from_org_name);
    d->SetValue("SENT", time::display_civil(o.sent_on));
    if (side_of(o, org) != OrientationSide::other)
      d->AddSectionDictionary("LINK")->SetValue("URL", orientation_url(org, o.id));
  }
  return render_template("pathways/panel", dict);
}

}  // namespace

void add_orientation_page_routes(Router& router, directory::Live& live);  // orientation_routes.cpp

void add_page_routes(Router& router, directory::Live& live) {
  const std::string pw = "/organisations/{org}/parcours/{pathway}";
  add_route(router,
            {Method::get, "/organisations/{org}/parcours", "pathways.list", Access::member, Kind::page, org_pathways});
  add_route(router, {Method::get, "/organisations/{org}/personnes/{person}/parcours", "pathways.person", Access::member,
                     Kind::page, [](Ctx& c) { return person_page(c, nullptr); }});
  add_route(router, {Method::post, "/organisations/{org}/personnes/{person}/parcours", "pathways.open", Access::member,
                     Kind::page, open, [](Ctx& c, const ValidationError& e) { return person_page(c, &e); }});
  add_route(router, {Method::get, pw, "pathways.show", Access::member, Kind::page, show});
  add_route(router,
            {Method::post, pw + "/statut", "pathways.status", Access::member, Kind::page, change_state, show_invalid});
  add_route(router,
            {Method::post, pw + "/referent", "pathways.referent", Access::member, Kind::page, referent, show_invalid});
  add_route(router, {Method::post, pw + "/membres", "pathways.invite", Access::member, Kind::page, invite_member,
                     show_invalid});
  add_route(router,
            {Method::post, pw + "/demande", "pathways.request", Access::member, Kind::page, ask_to_join, show_invalid});
  add_route(router, {Method::post, pw + "/membres/{target}/accepter", "pathways.member_approve", Access::member,
                     Kind::page, [](Ctx& c) { return decide_member(c, true); }, show_invalid});
  add_route(router, {Method::post, pw + "/membres/{target}/refuser", "pathways.member_refuse", Access::member,
                     Kind::page, [](Ctx& c) { return decide_member(c, false); }, show_invalid});
  add_route(router, {Method::post, pw + "/membres/{target}/retirer", "pathways.member_end", Access::member, Kind::page,
                     remove_member, show_invalid});
  add_route(router, {Method::post, pw + "/objectifs", "pathways.objective_add", Access::member, Kind::page, objective,
                     show_invalid});
  add_route(router, {Method::post, pw + "/objectifs/{objective}/statut", "pathways.objective_status", Access::member,
                     Kind::page, objective_status, show_invalid});
  add_route(router, {Method::post, pw + "/objectifs/{objective}/actions", "pathways.action_add", Access::member,
                     Kind::page, action, show_invalid});
  add_route(router, {Method::post, pw + "/actions/{action}/statut", "pathways.action_status", Access::member,
                     Kind::page, action_status, show_invalid});
  add_route(router,
            {Method::post, pw + "/etapes", "pathways.step_add", Access::member, Kind::page, step, show_invalid});
  add_route(router, {Method::post, pw + "/etapes/{step}/statut", "pathways.step_status", Access::member, Kind::page,
                     step_status, show_invalid});
  add_route(router, {Method::post, pw + "/resultats-sociaux", "pathways.social_outcome", Access::member, Kind::page,
                     social, show_invalid});
  add_route(router, {Method::get, pw + "/notes", "pathways.notes", Access::member, Kind::page,
                     [](Ctx& c) { return notes_page(c, nullptr); }});
  add_route(router, {Method::post, pw + "/notes", "pathways.note_add", Access::member, Kind::page, add_note_page,
                     [](Ctx& c, const ValidationError& e) { return notes_page(c, &e); }});
  add_route(router, {Method::get, pw + "/notes/{note}", "pathways.note", Access::member, Kind::page,
                     [](Ctx& c) { return note_page(c, nullptr); }});
  add_route(router, {Method::post, pw + "/notes/{note}", "pathways.note_edit", Access::member, Kind::page,
                     edit_note_page, [](Ctx& c, const ValidationError& e) { return note_page(c, &e); }});
  add_route(router, {Method::get, pw + "/chronologie", "pathways.timeline", Access::member, Kind::page, timeline_page});
  add_orientation_page_routes(router, live);
  people::add_person_panel("30-pathway", panel);
}

void add_routes(Router& router, directory::Live& live) {
  add_page_routes(router, live);
  add_api_routes(router);
}

}  // namespace jalon::pathways
