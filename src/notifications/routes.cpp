#include "notifications/routes.h"

#include "base/time.h"
#include "http/page.h"
#include "notifications/rules.h"
#include "notifications/store.h"

namespace jalon::notifications {

using namespace http;

namespace {

// The bell of the layout: the unread count of a logged-in user, read on every page.
void fill_bell(Ctx& ctx, ctemplate::TemplateDictionary& layout) {
  if (ctx.who.kind != Principal::Kind::user) return;
  int unread = store::unread_count(ctx.tx, ctx.who.user_id);
  auto* bell = layout.AddSectionDictionary("BELL");
  if (ctx.route.name == "notifications.list") bell->ShowSection("CURRENT");
  if (unread > 0) {
    auto* u = bell->AddSectionDictionary("UNREAD");
    u->SetIntValue("COUNT", unread);
    u->SetValue("PLURAL", unread > 1 ? "s" : "");
  }
}

Response list(Ctx& ctx) {
  Page page(ctx, "notifications/list", "Notifications");
  auto& b = page.body();
  long long before = parse_id(ctx.req.query("avant"));
  auto items = store::latest(ctx.tx, ctx.who.user_id, before, 51);
  bool more = items.size() > 50;
  if (more) items.pop_back();
  int unread = 0;
  for (const auto& n : items) {
    auto* d = b.AddSectionDictionary("ITEM");
    d->SetIntValue("ID", n.id);
    d->SetValue("TEXT", n.text);
    const KindInfo* k = find_kind(n.kind);
    d->SetValue("KIND", k ? k->label : n.kind);
    auto at = time::parse_iso(n.created_at);
    d->SetValue("AT", at ? time::display(*at) : n.created_at);
    if (!n.link.empty()) d->AddSectionDictionary("LINK")->SetValue("URL", n.link);
    if (n.read_at.empty()) {
      d->ShowSection("UNREAD");
      ++unread;
    }
  }
  if (items.empty()) b.ShowSection("EMPTY");
  if (unread > 0 || store::unread_count(ctx.tx, ctx.who.user_id) > 0) b.ShowSection("ANY_UNREAD");
  if (more) b.AddSectionDictionary("NEXT")->SetIntValue("BEFORE", items.back().id);
  return page.render();
}

Response mark_read(Ctx& ctx) {
  long long id = parse_id(ctx.form().get("id"));
  int n = store::mark_read(ctx.tx, ctx.who.user_id, id);
  std::string message = id > 0 ? (n ? "La notification est marquée comme lue." : "Cette notification était déjà lue.")
                               : "Toutes vos notifications sont marquées comme lues.";
  return redirect_with_flash("/notifications", message);
}

Response preferences_page(Ctx& ctx) {
  Page page(ctx, "notifications/preferences", "Préférences de notification");
  auto& b = page.body();
  auto chosen = store::preferences(ctx.tx, ctx.who.user_id);
  for (const auto& k : kinds()) {
    auto* d = b.AddSectionDictionary("KIND");
    std::string field = std::string("canal-") + k.code;
    for (auto& c : field)
      if (c == '.' || c == '_') c = '-';
    d->SetValue("FIELD", field);
    d->SetValue("LABEL", k.label);
    auto it = chosen.find(k.code);
    Channel current = channel_for(k.code, it == chosen.end() ? std::nullopt : std::optional<Channel>(it->second));
    for (Channel c : {Channel::both, Channel::app, Channel::email, Channel::none}) {
      auto* o = d->AddSectionDictionary("OPTION");
      o->SetValue("VALUE", channel_code(c));
      o->SetValue("LABEL", std::string(channel_label(c)) + (c == k.default_channel ? " (par défaut)" : ""));
      if (c == current) o->ShowSection("SELECTED");
    }
  }
  return page.render();
}

Response save_preferences(Ctx& ctx) {
  const Form& f = ctx.form();
  Validator v;
  std::vector<std::pair<std::string, Channel>> changes;
  for (const auto& k : kinds()) {
    std::string field = std::string("canal-") + k.code;
    for (auto& c : field)
      if (c == '.' || c == '_') c = '-';
    if (!f.has(field)) continue;
    Channel c;
    if (!parse_channel(f.get(field), c))
      v.add(field, "Choisissez l'une des options proposées.");
    else
      changes.emplace_back(k.code, c);
  }
  v.throw_if_any();
  for (const auto& [kind, c] : changes) store::set_preference(ctx.tx, ctx.who.user_id, kind, c);
  return redirect_with_flash("/compte/notifications", "Vos préférences de notification sont enregistrées.");
}

}  // namespace

void add_routes(Router& router) {
  set_layout_filler(fill_bell);
  router.add({Method::get, "/notifications", "notifications.list", Access::authenticated, Kind::page, list});
  router.add({Method::post, "/notifications/lues", "notifications.read", Access::authenticated, Kind::page, mark_read});
  router.add({Method::get, "/compte/notifications", "notifications.preferences", Access::authenticated, Kind::page,
              preferences_page});
  router.add({Method::post, "/compte/notifications", "notifications.preferences.save", Access::authenticated,
              Kind::page, save_preferences});
}

}  // namespace jalon::notifications
