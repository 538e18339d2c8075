#include "notifications/notify.h"

#include <mutex>

#include "accounts/store.h"
#include "mail/outbox.h"
#include "notifications/rules.h"
#include "notifications/store.h"

namespace jalon::notifications {

namespace {
std::mutex g_mutex;
std::string g_base = "http://127.0.0.1:8080";

std::string link_base() {
  std::lock_guard lock(g_mutex);
  return g_base;
}

void deliver(db::Tx& tx, long long user, const std::string& email, const std::string& kind, const std::string& text,
             const std::string& link) {
  Channel c = channel_for(kind, store::preference(tx, user, kind));
  if (shows_in_app(c)) store::insert(tx, user, kind, text, link);
  if (sends_email(c) && !email.empty()) {
    Email e = email_for(kind, text, link, link_base());
    mail::enqueue(tx, email, e.subject, e.body);
  }
}
}  // namespace

void set_link_base(const std::string& base_url) {
  std::lock_guard lock(g_mutex);
  g_base = base_url;
}

void notify(db::Tx& tx, long long user_id, const std::string& kind, const std::string& text, const std::string& link) {
  std::string t = clean_text(text), l = clean_link(link);
  auto user = accounts::store::find_user(tx, user_id);
  if (!user || !user->active) return;
  deliver(tx, user->id, user->email, kind, t, l);
}

void notify_organisation(db::Tx& tx, long long org_id, const std::string& kind, const std::string& text,
                         const std::string& link) {
  std::string t = clean_text(text), l = clean_link(link);
  for (const auto& m : accounts::store::members(tx, org_id)) {
    auto user = accounts::store::find_user(tx, m.user_id);
    if (user && user->active) deliver(tx, user->id, user->email, kind, t, l);
  }
}

}  // namespace jalon::notifications
