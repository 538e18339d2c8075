// The matching as pages and the API ask it (docs/jobs.md): the best offers for a person or for
// a public search, the best candidates for an offer, each with its explanation, and what to
// suggest when few results come back. Reads the live index (caught up first) and the offers'
// rows in the caller's transaction.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "db/db.h"
#include "jobs/live.h"
#include "jobs/match.h"
#include "jobs/model.h"

namespace jalon::jobs {

struct FoundOffer {
  JobOffer offer;  // the row, without skills
  Match match;
  std::vector<std::string> why;  // French, one line per part of the score
};

// When fewer results than a page came back: how many a wider radius gives, and the occupations
// the ROME mobility graph leads to from the wanted ones.
struct Widening {
  double radius_km = 0;  // 0: no wider radius helps
  std::size_t count = 0;
  std::vector<const referentials::JobTitle*> neighbours;  // main titles of neighbouring occupations
};

struct OffersFound {
  std::vector<FoundOffer> items;
  bool more = false;  // another page follows
  std::optional<Widening> widening;
};

// The offers for `c` (a person's profile, or a public search made into a candidate), page of
// `limit` from `offset`. `db` is the database the index catches up from.
OffersFound offers_for(db::Tx& tx, db::Database& db, Live& live, const Candidate& c, std::size_t limit, std::size_t offset);

struct FoundCandidate {
  long long person = 0;  // never shown to employers: see anonymous_label
  Candidate candidate;
  Match match;
  std::vector<std::string> why;
};
// The candidates shown to employers (profiles searching and shown to employers) for `o`.
std::vector<FoundCandidate> candidates_for(db::Database& db, Live& live, const Offer& o, std::size_t limit, std::size_t offset);

// "Profil A7K2Q": a label that tells the candidates of one offer apart without naming them. It is
// a keyed hash (Live::label_key, a platform secret) of the person, the offer and the offer's
// commune: it cannot be computed from a person's id, does not link the same person across offers,
// and changes when the offer moves.
std::string anonymous_label(const std::string& key, long long person, const JobOffer& offer);

// The reasons of a candidate's score as an employer may read them: the job link, skills, a
// distance band (never the exact distance nor the candidate's radius, which would tell where
// they live and what their diagnosis says), contract and hours.
std::vector<std::string> employer_reasons(const Candidate& c, const Offer& o, const Match& m);

// A candidate for a public search (no person): the job titles, a place and radius, contracts.
Candidate search_candidate(const std::vector<const referentials::JobTitle*>& jobs, double latitude, double longitude, double radius_km,
                           unsigned contracts);

}  // namespace jalon::jobs
