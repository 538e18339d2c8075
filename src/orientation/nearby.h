// The directory's answer to an orientation: near a place, the structures of the referent's kind
// and, for each barrier, the published services that address it (its data·inclusion thematics),
// nearest first, eligibility zones honoured. Shared by the public self-orientation and the
// counsellor's view of a person.
//
// Reads the live search index (directory::Live) and, for what it returns, the database (two
// statements per search, whatever the number of results). Needs the referentials and the
// first-contact data loaded (load_first_contact) for the structures that receive a referent's
// public. Thread-safe as directory::find is.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "directory/live.h"
#include "directory/model.h"
#include "directory/search.h"
#include "orientation/engine.h"

namespace jalon::orientation {

// One published service and its structure (copies: a NearbyService outlives the search), with
// its distance from the place.
struct NearbyService {
  directory::Service service;
  directory::Structure structure;
  double distance_km = 0;
};

struct NearbyBarrier {
  std::string barrier;  // code of data/barriers.csv
  // Nearest first, one per structure (its nearest service for the barrier: three services of
  // one association at one address would hide the other places); empty when none within the
  // widest radius.
  std::vector<NearbyService> services;
  double radius_km = 0;  // the radius searched last
};

struct Nearby {
  // The nearest structures that receive the referent's public (first_contact().typologies_for),
  // one entry per structure (its nearest published service), nearest first. Empty when the
  // orientation has no referent (or "none"), or no such structure within the widest radius.
  std::vector<NearbyService> referent;
  double referent_radius_km = 0;
  std::vector<NearbyBarrier> barriers;  // one per Orientation::barriers, in that order
};

struct NearbyOptions {
  std::size_t referent = 3;     // structures of the referent's kind, at most
  std::size_t per_barrier = 3;  // services per barrier, at most
  // First radius; doubled while nothing is found, up to directory::kMaxRadiusKm.
  double radius_km = 20;
};

// The directory's answer to `o` around `place`. Reads in `tx` (a read transaction is enough).
// Refreshes nothing: the caller calls live.refresh(db) first when it wants this server's latest
// writes.
Nearby nearby(db::Tx& tx, const directory::Live& live, const Orientation& o, const directory::Place& place,
              const NearbyOptions& options = {});

}  // namespace jalon::orientation
