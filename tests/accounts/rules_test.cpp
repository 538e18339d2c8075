#include <gtest/gtest.h>

#include "accounts/model.h"
#include "accounts/rules.h"

using namespace jalon;
using namespace jalon::accounts;

namespace {
bool known_commune(const std::string& c) { return c == "86194" || c == "2A004"; }

std::vector<std::string> invalid_fields(const OrganisationInput& in) {
  try {
    validate_organisation(in, known_commune);
  } catch (const ValidationError& e) {
    std::vector<std::string> out;
    for (const auto& f : e.fields()) out.push_back(f.field);
    return out;
  }
  return {};
}
}  // namespace

TEST(OrganisationRules, AValidOrganisationIsNormalised) {
  auto out = validate_organisation({"  Mission Locale du Poitou ", "mission_locale", "732 829 320 00074", "86194", true}, known_commune);
  EXPECT_EQ(out.name, "Mission Locale du Poitou");
  EXPECT_EQ(out.siret, "73282932000074");
  EXPECT_TRUE(out.authorised_prescriber);
}

TEST(OrganisationRules, EveryInvalidFieldIsReportedAtOnce) {
  EXPECT_EQ(invalid_fields({"", "", "", "", false}), (std::vector<std::string>{"name", "kind", "siret", "commune_code"}));
  EXPECT_EQ(invalid_fields({"X", "pole_emploi", "73282932000075", "99999", false}),
            (std::vector<std::string>{"name", "kind", "siret", "commune_code"}));
  EXPECT_EQ(invalid_fields({"ACI", "aci", "35600000049837", "2A004", false}), std::vector<std::string>{});  // La Poste SIRET, Corsican code
  EXPECT_EQ(invalid_fields({"ACI", "aci", "1234567890123", "86194", false}), std::vector<std::string>{"siret"});
}

TEST(OrganisationRules, APostalCodeGetsTheInseeCodeToUse) {
  try {
    validate_organisation({"ML", "mission_locale", "73282932000074", "86000", true}, known_commune,
                          [](const std::string& pc) { return pc == "86000" ? std::string("Poitiers : 86194") : std::string(); });
    FAIL();
  } catch (const ValidationError& e) {
    EXPECT_EQ(e.fields()[0].message, "86000 est un code postal. Indiquez le code INSEE de la commune : Poitiers : 86194.");
  }
}

TEST(OrganisationRules, MessagesAreFrench) {
  try {
    validate_organisation({"Nom", "aci", "73282932000075", "86194", false}, known_commune);
    FAIL();
  } catch (const ValidationError& e) {
    ASSERT_EQ(e.fields().size(), 1u);
    EXPECT_EQ(e.fields()[0].message, "Ce numéro SIRET n'est pas valide (clé de contrôle incorrecte).");
  }
}

TEST(OrganisationKinds, EveryKindOfTheFieldIsPresentOnce) {
  for (const char* code : {"france_travail", "mission_locale", "cap_emploi", "plie", "departement", "ccas", "association", "aci", "ai",
                           "ei", "etti", "eiti", "geiq", "cae", "afpa", "cfa", "e2c", "organisme_formation", "employeur", "entreprise",
                           "employeur_public", "structure_ess", "ddets", "dreets", "asp"})
    EXPECT_NE(find_org_kind(code), nullptr) << code;
  EXPECT_EQ(org_kinds().size(), 25u);
  EXPECT_TRUE(find_org_kind("france_travail")->prescriber_by_default);
  EXPECT_TRUE(find_org_kind("departement")->prescriber_by_default);
  EXPECT_FALSE(find_org_kind("aci")->prescriber_by_default);
}

TEST(PasswordRules, LengthAndNotTheEmail) {
  auto errors = [](const std::string& pw) {
    Validator v;
    check_password(v, "p", pw, "jean@exemple.fr");
    return !v.ok();
  };
  EXPECT_TRUE(errors(""));
  EXPECT_TRUE(errors("court"));
  EXPECT_TRUE(errors("éééééééééé"));  // 10 characters, 20 bytes
  EXPECT_FALSE(errors("ééééééééééé é"));
  EXPECT_TRUE(errors("JEAN@exemple.fr "));
  EXPECT_FALSE(errors("une phrase de passe"));
  EXPECT_TRUE(errors(std::string(201, 'a')));
}

TEST(AdminRules, AnOrganisationKeepsAnAdministrator) {
  EXPECT_THROW(check_keeps_an_admin(1, true, false), ValidationError);
  EXPECT_NO_THROW(check_keeps_an_admin(2, true, false));
  EXPECT_NO_THROW(check_keeps_an_admin(1, true, true));
  EXPECT_NO_THROW(check_keeps_an_admin(1, false, false));
}

TEST(LinkRules, UsableOnlyBeforeExpiryAndOnce) {
  EXPECT_TRUE(link_usable("2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z", ""));
  EXPECT_FALSE(link_usable("2026-11-28T11:00:00Z", "2026-11-28T11:00:00Z", ""));
  EXPECT_FALSE(link_usable("2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z", "2026-11-28T10:30:00Z"));
  EXPECT_FALSE(link_usable("2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z", "", "2026-11-28T09:00:00Z"));
}

TEST(NextRules, OnlyLocalPaths) {
  EXPECT_EQ(safe_next("/organisations/3"), "/organisations/3");
  EXPECT_EQ(safe_next("//evil.example/x"), "/tableau-de-bord");
  EXPECT_EQ(safe_next("https://evil.example/"), "/tableau-de-bord");
  EXPECT_EQ(safe_next("/\\evil.example"), "/tableau-de-bord");
  EXPECT_EQ(safe_next(""), "/tableau-de-bord");
  EXPECT_EQ(safe_next("/a\r\nSet-Cookie: x"), "/tableau-de-bord");
  EXPECT_EQ(safe_next("/\t/evil.example/"), "/tableau-de-bord");  // browsers drop the tab: "//evil.example"
  EXPECT_EQ(safe_next("/organisations/3/membres?page=2"), "/organisations/3/membres?page=2");
}
