#include "notifications/model.h"

namespace jalon::notifications {

const char* channel_code(Channel c) {
  switch (c) {
    case Channel::app:
      return "app";
    case Channel::email:
      return "email";
    case Channel::both:
      return "both";
    case Channel::none:
      return "none";
  }
  return "app";
}

const char* channel_label(Channel c) {
  switch (c) {
    case Channel::app:
      return "Dans Jalon seulement";
    case Channel::email:
      return "Par e-mail seulement";
    case Channel::both:
      return "Dans Jalon et par e-mail";
    case Channel::none:
      return "Ne pas me prévenir";
  }
  return "";
}

bool parse_channel(const std::string& code, Channel& out) {
  for (Channel c : {Channel::app, Channel::email, Channel::both, Channel::none})
    if (code == channel_code(c)) {
      out = c;
      return true;
    }
  return false;
}

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> all = {
      {"appointment.assigned", "Un collègue vous confie un rendez-vous", Channel::both},
      {"appointment.cancelled_by_person", "Une personne annule sa venue à l'un de vos rendez-vous", Channel::both},
      {"consent.withdrawn", "Une personne suivie retire son consentement au partage de sa fiche", Channel::app},
      {"orientation.received", "Votre organisation reçoit une orientation", Channel::both},
      {"orientation.accepted", "Une orientation envoyée est acceptée", Channel::app},
      {"orientation.refused", "Une orientation envoyée est refusée", Channel::app},
      {"orientation.expired", "Une orientation envoyée expire sans réponse", Channel::app},
      {"application.received", "Votre organisation reçoit une candidature à l'une de ses offres", Channel::both},
      {"application.decided", "Une candidature envoyée ou reçue reçoit une suite", Channel::app},
      {"application.withdrawn", "Une candidature reçue est retirée", Channel::app},
  };
  return all;
}

const KindInfo* find_kind(const std::string& code) {
  for (const auto& k : kinds())
    if (code == k.code) return &k;
  return nullptr;
}

}  // namespace jalon::notifications
