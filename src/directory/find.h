// The public search of the directory, shared by the page /annuaire and the API
// GET /api/v1/directory/services: reads the request's words into a search Query, finds the place
// it names, asks the live index, then reads the details of the page's services from the
// database (two statements, whatever the page).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "directory/live.h"
#include "directory/model.h"
#include "directory/search.h"
#include "referentials/communes.h"

namespace jalon::directory {

struct FindRequest {
  std::string text;       // words
  std::string barrier;    // a barrier code (data/barriers.csv)
  std::string thematic;   // a thematic or a whole category
  std::string audience;   // a public
  std::string fees;       // "gratuit", "payant"
  std::string reception;  // "en-presentiel", "a-distance"
  // Structure typologies (data·inclusion v0: "ML", "CAP_EMPLOI"…), any of; empty: every kind.
  std::vector<std::string> typologies;
  // Where: `place` is what a person types (a postal code, an INSEE code or a commune name);
  // the API may instead give `commune_code` (INSEE) or `postal_code`, which say what they are.
  std::string place, commune_code, postal_code;
  double radius_km = 10;
  std::size_t offset = 0, limit = 20;
};

struct FoundService {
  const Service* service = nullptr;
  const Structure* structure = nullptr;
  std::optional<double> distance_km;
};

// `services` points into `details`: a Found may be moved, never copied.
struct Found {
  Found() = default;
  Found(Found&&) = default;
  Found& operator=(Found&&) = default;
  Found(const Found&) = delete;
  Found& operator=(const Found&) = delete;
  std::optional<Place> place;
  std::string place_label;                                 // "Poitiers (86)"
  std::vector<const referentials::Commune*> place_choices;  // a name several communes bear
  Result result;
  PublishedDirectory details;      // what `services` point into
  std::vector<FoundService> services;  // the page, in the index's order
};

// Runs `r`. Throws ValidationError with French messages: field "lieu" (unknown place, or a
// name several communes bear: then `choices` in the message and none searched), or the fields
// of Index::search (rayon, thematique…). Reads in `tx` (a read transaction).
Found find(db::Tx& tx, const Live& live, const FindRequest& r);

// The place a person typed: a postal code first when it is 5 digits (people know theirs better
// than the INSEE code), else an INSEE code, else a commune name (the best match when only one
// commune bears it, accents and case aside). Nullopt and `choices` filled when several
// communes bear that name; nullopt and no choices when nothing matches.
std::optional<Place> place_from_text(const std::string& text, std::string& label, std::vector<const referentials::Commune*>& choices);

}  // namespace jalon::directory
