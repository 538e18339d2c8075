// The notifications room's SQL. Every function runs in the caller's transaction and acts for
// the user it is given (the caller decided that this user is the one asking).
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "notifications/model.h"

namespace jalon::notifications::store {

long long insert(db::Tx& tx, long long user, const std::string& kind, const std::string& text, const std::string& link);
int unread_count(db::Tx& tx, long long user);
// The user's notifications, newest first, older than `before_id` when it is not 0.
std::vector<Notification> latest(db::Tx& tx, long long user, long long before_id, int limit);
// Marks notification `id` of `user` read (every unread one when `id` is 0); returns how many.
int mark_read(db::Tx& tx, long long user, long long id);

std::map<std::string, Channel> preferences(db::Tx& tx, long long user);
std::optional<Channel> preference(db::Tx& tx, long long user, const std::string& kind);
void set_preference(db::Tx& tx, long long user, const std::string& kind, Channel c);

}  // namespace jalon::notifications::store
