// Pure decisions about notifications: which channel applies, what a message says.
#pragma once
#include <optional>
#include <string>

#include "notifications/model.h"

namespace jalon::notifications {

// The channel for `kind`: the user's choice when there is one, else the kind's default (app
// for a kind that kinds() does not list).
Channel channel_for(const std::string& kind, const std::optional<Channel>& chosen);
inline bool shows_in_app(Channel c) {
  return c == Channel::app || c == Channel::both;
}
inline bool sends_email(Channel c) {
  return c == Channel::email || c == Channel::both;
}

// The text kept: trimmed, at most 500 bytes cut on a character boundary; ValidationError when
// empty. A link must be a path of Jalon ("/…", not "//…"): anything else is dropped.
std::string clean_text(const std::string& text);
std::string clean_link(const std::string& link);

// The e-mail sent for a notification: subject and plain-text body. `base_url` is the public
// address the link is made absolute with.
struct Email {
  std::string subject, body;
};
Email email_for(const std::string& kind, const std::string& text, const std::string& link, const std::string& base_url);

}  // namespace jalon::notifications
