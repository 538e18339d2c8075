#include "notifications/rules.h"

#include "base/errors.h"
#include "base/text.h"

namespace jalon::notifications {

Channel channel_for(const std::string& kind, const std::optional<Channel>& chosen) {
  if (chosen) return *chosen;
  const KindInfo* k = find_kind(kind);
  return k ? k->default_channel : Channel::app;
}

std::string clean_text(const std::string& text) {
  std::string t = text::cut_utf8(text::trim(text), 500);
  if (t.empty()) throw ValidationError("text", "Une notification dit ce qui s'est passé : le texte est vide.");
  return t;
}

std::string clean_link(const std::string& link) {
  if (link.size() < 1 || link.size() > 500 || link[0] != '/' ||
      (link.size() > 1 && (link[1] == '/' || link[1] == '\\')))
    return "";
  for (char c : link)
    if (static_cast<unsigned char>(c) < 0x21 || c == '"' || c == '<' || c == '>') return "";
  return link;
}

Email email_for(const std::string& kind, const std::string& text, const std::string& link,
                const std::string& base_url) {
  const KindInfo* k = find_kind(kind);
  Email e;
  e.subject = std::string("Jalon : ") + (k ? k->label : "nouvelle notification");
  e.body = "Bonjour,\n\n" + text + "\n";
  if (!link.empty()) e.body += "\nPour voir le détail : " + base_url + link + "\n";
  e.body +=
      "\nVous recevez cet e-mail selon vos préférences de notification, que vous pouvez changer ici : " + base_url +
      "/compte/notifications\n\n-- \nJalon\n";
  return e;
}

}  // namespace jalon::notifications
