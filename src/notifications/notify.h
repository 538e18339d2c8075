// Telling users that something happened: the one interface other rooms call.
//
//   notify(tx, user_id, kind, text, link)
//   notify_organisation(tx, org_id, kind, text, link)
//
// `kind` names the event as "room.event" ("appointment.assigned", "orientation.received"; the
// known kinds and their defaults are in notifications/model.h, others are accepted and shown in
// the app). `text` is one French sentence saying what happened (at most 500 bytes are kept;
// ValidationError when empty). `link` is a path of Jalon ("/organisations/3/…") that the
// notification points to, or "" (anything not starting with a single "/" is dropped).
// Both write in the caller's transaction: nothing is shown or sent if it rolls back. Each
// recipient gets an in-app notification (the bell) and/or an e-mail through the outbox, as their
// preference for that kind says (the kind's default until they choose). Inactive users get
// nothing. Neither checks access: the caller decides who should know, and says no more in
// `text` than the recipient may see.
#pragma once
#include <string>

#include "db/db.h"

namespace jalon::notifications {

void notify(db::Tx& tx, long long user_id, const std::string& kind, const std::string& text, const std::string& link);

// notify() for every member of organisation `org_id` (none when it has no member).
void notify_organisation(db::Tx& tx, long long org_id, const std::string& kind, const std::string& text,
                         const std::string& link);

// The public address that e-mails make links absolute with (Config::base_url). Set at start-up.
void set_link_base(const std::string& base_url);

}  // namespace jalon::notifications
