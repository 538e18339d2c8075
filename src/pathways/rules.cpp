#include "pathways/rules.h"

#include <date/date.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "base/text.h"
#include "base/time.h"

namespace jalon::pathways {

namespace {

template <typename S>
using Transitions = std::vector<std::pair<S, S>>;

template <typename S>
bool listed(const Transitions<S>& t, S from, S to) {
  return std::find(t.begin(), t.end(), std::make_pair(from, to)) != t.end();
}

const Transitions<Status>& status_transitions() {
  static const Transitions<Status> t = {
      {Status::open, Status::suspended},
      {Status::suspended, Status::open},
      {Status::open, Status::closed},
      {Status::suspended, Status::closed},
  };
  return t;
}

const Transitions<Progress>& progress_transitions() {
  static const Transitions<Progress> t = {
      {Progress::planned, Progress::in_progress},   {Progress::planned, Progress::done},
      {Progress::planned, Progress::abandoned},     {Progress::in_progress, Progress::done},
      {Progress::in_progress, Progress::abandoned}, {Progress::abandoned, Progress::planned},
  };
  return t;
}

const Transitions<MemberStatus>& member_transitions() {
  static const Transitions<MemberStatus> t = {
      {MemberStatus::requested, MemberStatus::active},
      {MemberStatus::requested, MemberStatus::refused},
      {MemberStatus::requested, MemberStatus::ended},
      {MemberStatus::active, MemberStatus::ended},
  };
  return t;
}

const Transitions<OrientationStatus>& orientation_transitions() {
  static const Transitions<OrientationStatus> t = {
      {OrientationStatus::pending, OrientationStatus::accepted},
      {OrientationStatus::pending, OrientationStatus::refused},
      {OrientationStatus::pending, OrientationStatus::expired},
      {OrientationStatus::pending, OrientationStatus::cancelled},
  };
  return t;
}

std::optional<date::sys_days> parse_day(const std::string& s) {
  if (!time::valid_civil_date(s)) return std::nullopt;
  int y = std::stoi(s.substr(0, 4));
  unsigned m = static_cast<unsigned>(std::stoi(s.substr(5, 2))), d = static_cast<unsigned>(std::stoi(s.substr(8, 2)));
  return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

std::string format_day(date::sys_days d) {
  date::year_month_day ymd(d);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                static_cast<unsigned>(ymd.day()));
  return buf;
}

// Trims `value`; a required empty value, text over `max` characters or control characters are
// reported on `field`.
std::string text_field(Validator& v, const std::string& field, const std::string& value, std::size_t max, bool required,
                       const std::string& what) {
  std::string t = text::trim(value);
  if (!text::valid_utf8(t))
    v.add(field, what + " contient des caractères invalides.");
  else if (required && t.empty())
    v.add(field, "Indiquez " + what + ".");
  else if (text::utf8_length(t) > max)
    v.add(field, what + " est trop long (" + std::to_string(max) + " caractères au plus).");
  return t;
}

std::string optional_date(Validator& v, const std::string& field, const std::string& value) {
  std::string t = text::trim(value);
  if (!t.empty() && !time::valid_civil_date(t)) v.add(field, "Indiquez une date valide (jour, mois, année).");
  return t;
}

}  // namespace

bool can_move(Status from, Status to) {
  return listed(status_transitions(), from, to);
}
bool can_move(Progress from, Progress to) {
  return listed(progress_transitions(), from, to);
}
bool can_move(MemberStatus from, MemberStatus to) {
  return listed(member_transitions(), from, to);
}
bool can_move(OrientationStatus from, OrientationStatus to) {
  return listed(orientation_transitions(), from, to);
}

std::vector<Progress> next(Progress from) {
  std::vector<Progress> out;
  for (Progress to : all_progress())
    if (can_move(from, to)) out.push_back(to);
  return out;
}

std::vector<Status> next(Status from) {
  std::vector<Status> out;
  for (Status to : {Status::open, Status::suspended, Status::closed})
    if (can_move(from, to)) out.push_back(to);
  return out;
}

const char* verb(Progress to) {
  switch (to) {
    case Progress::planned:
      return "Reprendre";
    case Progress::in_progress:
      return "Commencer";
    case Progress::done:
      return "Marquer comme réalisé";
    case Progress::abandoned:
      return "Abandonner";
  }
  return "";
}

bool engagement_editable(Status s) {
  return s == Status::open;
}

bool can(PathwayAction a, const PathwayFacts& f) {
  bool live = f.status != Status::closed;
  switch (a) {
    case PathwayAction::see:
      return f.member;
    case PathwayAction::edit:
      return f.member && engagement_editable(f.status);
    case PathwayAction::write_note:
      return f.member;
    case PathwayAction::manage:
      return f.member && f.referent && live;
    case PathwayAction::request_join:
      return !f.member && !f.live_request && live;
    case PathwayAction::leave:
      return f.member && !f.referent;
  }
  return false;
}

bool can_see_note(const NoteViewer& v, const NoteFacts& n) {
  switch (v.kind) {
    case NoteViewer::Kind::platform_admin:
      return false;
    case NoteViewer::Kind::person:
      return n.level == NoteLevel::person && v.person_id != 0 && v.person_id == n.person_id;
    case NoteViewer::Kind::staff:
    case NoteViewer::Kind::token:
      break;
  }
  if (!v.member || v.organisation_id == 0) return false;
  switch (n.level) {
    case NoteLevel::person:
    case NoteLevel::members:
      return true;
    case NoteLevel::organisation:
      return v.organisation_id == n.author_org_id;
    case NoteLevel::social:
      return v.kind == NoteViewer::Kind::staff && v.social_worker;
  }
  return false;
}

bool can_write_note(const NoteViewer& v, NoteLevel level) {
  if (v.kind != NoteViewer::Kind::staff && v.kind != NoteViewer::Kind::token) return false;
  if (!v.member) return false;
  return level != NoteLevel::social || (v.kind == NoteViewer::Kind::staff && v.social_worker);
}

bool can_edit_note(const NoteViewer& v, const NoteFacts& current, NoteLevel new_level) {
  return v.organisation_id == current.author_org_id && can_see_note(v, current) && can_write_note(v, new_level);
}

bool can(OrientationAction a, OrientationSide side, OrientationStatus status) {
  if (side == OrientationSide::other) return false;
  switch (a) {
    case OrientationAction::see:
      return true;
    case OrientationAction::accept:
    case OrientationAction::refuse:
      return side == OrientationSide::receiver && status == OrientationStatus::pending;
    case OrientationAction::cancel:
      return side == OrientationSide::sender && status == OrientationStatus::pending;
  }
  return false;
}

std::string expiry_date(const std::string& sent_on, int days) {
  auto d = parse_day(sent_on);
  if (!d) return "";
  return format_day(*d + date::days(days));
}

bool is_due_to_expire(const std::string& expires_on, const std::string& today) {
  return expires_on < today;
}

int days_between(const std::string& from, const std::string& to) {
  auto a = parse_day(from), b = parse_day(to);
  if (!a || !b) return 0;
  return static_cast<int>((*b - *a).count());
}

ObjectiveInput validate_objective(ObjectiveInput in) {
  Validator v;
  if (!parse_domain(in.domain)) v.add("domain", "Choisissez le domaine de l'objectif : social ou professionnel.");
  in.title = text_field(v, "title", in.title, 300, true, "l'intitulé de l'objectif");
  in.target_on = optional_date(v, "target_on", in.target_on);
  v.throw_if_any();
  return in;
}

ActionInput validate_action(ActionInput in) {
  Validator v;
  in.title = text_field(v, "title", in.title, 300, true, "l'intitulé de l'action");
  in.responsible = text_field(v, "responsible", in.responsible, 200, false, "le nom de qui la mène");
  in.start_on = optional_date(v, "start_on", in.start_on);
  in.due_on = optional_date(v, "due_on", in.due_on);
  if (!v.has("start_on") && !v.has("due_on") && !in.start_on.empty() && !in.due_on.empty() && in.due_on < in.start_on)
    v.add("due_on", "L'échéance ne peut pas précéder le début.");
  v.throw_if_any();
  return in;
}

StepInput validate_step(StepInput in) {
  Validator v;
  if (!scheme_label(in.scheme)) v.add("scheme", "Choisissez le dispositif de l'étape.");
  in.title = text_field(v, "title", in.title, 300, true, "l'intitulé de l'étape");
  in.phase = text::trim(in.phase);
  if (in.scheme == "progressive_qualification") {
    bool digits = !in.phase.empty() && in.phase.size() <= 2 &&
                  std::all_of(in.phase.begin(), in.phase.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits || std::stoi(in.phase) < 1 || std::stoi(in.phase) > 20)
      v.add("phase", "Une qualification progressive se fait par phases : indiquez le numéro de la phase (1 à 20).");
  } else if (!in.phase.empty()) {
    v.add("phase", "Seule une qualification progressive a des phases.");
  }
  in.start_on = optional_date(v, "start_on", in.start_on);
  in.end_on = optional_date(v, "end_on", in.end_on);
  if (!v.has("start_on") && !v.has("end_on") && !in.start_on.empty() && !in.end_on.empty() && in.end_on < in.start_on)
    v.add("end_on", "La fin ne peut pas précéder le début.");
  v.throw_if_any();
  return in;
}

SocialOutcomeInput validate_social_outcome(SocialOutcomeInput in, const std::string& today) {
  Validator v;
  if (!social_outcome_label(in.kind)) v.add("kind", "Choisissez le résultat social obtenu.");
  in.achieved_on = text::trim(in.achieved_on);
  if (!time::valid_civil_date(in.achieved_on))
    v.add("achieved_on", "Indiquez la date du résultat (jour, mois, année).");
  else if (in.achieved_on > today)
    v.add("achieved_on", "Un résultat s'enregistre quand il est obtenu : la date ne peut pas être future.");
  in.detail = text_field(v, "detail", in.detail, 2000, false, "la précision");
  v.throw_if_any();
  return in;
}

CloseInput validate_close(CloseInput in, const std::string& started_on, const std::string& today) {
  Validator v;
  if (!find_outcome(in.outcome)) v.add("outcome", "Choisissez la sortie du parcours.");
  in.closed_on = text::trim(in.closed_on);
  if (!time::valid_civil_date(in.closed_on))
    v.add("closed_on", "Indiquez la date de sortie (jour, mois, année).");
  else if (in.closed_on > today)
    v.add("closed_on", "La date de sortie ne peut pas être future.");
  else if (in.closed_on < started_on)
    v.add("closed_on", "La date de sortie ne peut pas précéder le début du parcours.");
  in.detail = text_field(v, "outcome_detail", in.detail, 2000, in.outcome == "other", "la précision sur la sortie");
  v.throw_if_any();
  return in;
}

std::string validate_started_on(const std::string& started_on, const std::string& today) {
  std::string t = text::trim(started_on);
  if (t.empty()) return today;
  if (!time::valid_civil_date(t))
    throw ValidationError("started_on", "Indiquez une date de début valide (jour, mois, année).");
  if (t > today) throw ValidationError("started_on", "Le parcours ne peut pas commencer dans le futur.");
  return t;
}

NoteInput validate_note(NoteInput in) {
  Validator v;
  in.body = text_field(v, "body", in.body, 20000, true, "le texte de la note");
  if (!parse_note_level(in.level)) v.add("level", "Choisissez qui peut lire la note.");
  v.throw_if_any();
  return in;
}

std::string validate_motif(const std::string& motif) {
  Validator v;
  std::string t = text_field(v, "motif", motif, 4000, true, "le motif de l'orientation");
  v.throw_if_any();
  return t;
}

RefusalInput validate_refusal(RefusalInput in) {
  Validator v;
  if (!refusal_reason_label(in.reason)) v.add("reason", "Choisissez le motif du refus.");
  in.detail = text_field(v, "detail", in.detail, 2000, in.reason == "other", "la précision sur le refus");
  v.throw_if_any();
  return in;
}

int validate_expiry_days(const std::string& days) {
  std::string t = text::trim(days);
  bool digits =
      !t.empty() && t.size() <= 3 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; });
  int n = digits ? std::stoi(t) : 0;
  if (n < 1 || n > 365) throw ValidationError("expiry_days", "Indiquez un nombre de jours entre 1 et 365.");
  return n;
}

const char* event_category(const std::string& kind) {
  if (kind.rfind("member_", 0) == 0) return "membres";
  if (kind.rfind("objective_", 0) == 0 || kind.rfind("action_", 0) == 0) return "objectifs";
  if (kind.rfind("step_", 0) == 0) return "etapes";
  if (kind == "social_outcome" || kind == "closed") return "resultats";
  if (kind.rfind("orientation_", 0) == 0) return "orientations";
  if (kind.rfind("note_", 0) == 0) return "notes";
  return "parcours";
}

const std::vector<Label>& timeline_categories() {
  static const std::vector<Label> all = {
      {"parcours", "Parcours et référent"},
      {"membres", "Organisations membres"},
      {"objectifs", "Objectifs et actions"},
      {"etapes", "Étapes"},
      {"resultats", "Résultats et sortie"},
      {"orientations", "Orientations"},
      {"notes", "Notes"},
      {"diagnostics", "Diagnostics"},
      {"rendez-vous", "Rendez-vous"},
  };
  return all;
}

}  // namespace jalon::pathways
