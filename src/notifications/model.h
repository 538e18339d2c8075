// Notifications of users: what happened, in the app (the bell) and/or by e-mail, as each user
// chooses per kind.
#pragma once
#include <string>
#include <vector>

namespace jalon::notifications {

// How a user wants one kind of notification delivered.
enum class Channel { app, email, both, none };
const char* channel_code(Channel c);   // "app", "email", "both", "none"
const char* channel_label(Channel c);  // French label
bool parse_channel(const std::string& code, Channel& out);

// A kind of notification, named "room.event" ("appointment.assigned"), with its French label
// and the channel used until the user chooses another.
struct KindInfo {
  const char* code;
  const char* label;
  Channel default_channel;
};
// Every kind the preferences page offers. Kinds not listed still work (channel app).
const std::vector<KindInfo>& kinds();
const KindInfo* find_kind(const std::string& code);

struct Notification {
  long long id = 0, user_id = 0;
  std::string kind, text, link, created_at, read_at;
};

}  // namespace jalon::notifications
