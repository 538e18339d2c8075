// Pure decisions of the jobs room about offers and job profiles (docs/jobs.md): who may publish,
// what makes an offer valid, when it is stale, and how a stored offer or profile becomes what
// the matching scores. No I/O, no clock: `today` is passed in. Reads the process's referentials
// (ROME, communes), loaded at start-up.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/errors.h"
#include "jobs/model.h"

namespace jalon::jobs {

// Who publishes offers: employers and SIAE for themselves, accompaniment and training
// organisations for the local employers they work with; not the State services nor the paying
// agency (accounts' kind family "autorite").
bool may_publish(std::string_view org_kind);

// Checks an offer proposed at `today`; throws ValidationError naming every field at fault
// (French, fields named as the form's and the API's): job_title (unknown), title (too long),
// description (too long), commune_code (unknown), contract_months (only for fixed-term kinds,
// 1–60), hours (0 < h ≤ 48), start_on (impossible date), positions (1–1000), max_distance_km
// (0 < d ≤ 200), skills (unknown ROME skill, more than 60).
void validate(const JobOffer& o);

// Offers untouched for this many days close themselves (reason inactive).
inline constexpr int kInactiveDays = 90;
// The instants before which an open offer's last touch makes it stale at `today`: an offer last
// touched on day D is stale from D + 90 on. Returned as "YYYY-MM-DD", compared with the ISO
// instant of updated_at as text.
std::string stale_before(const std::string& today);

// The offer as the matching scores it (nullopt when its job title or commune is unknown).
std::optional<Offer> to_match(const JobOffer& o);


// The candidate the matching scores (nullopt when not searching, without a wanted job, or
// without a known commune). IAE-eligible when the eligibility runs at least to `today`.
std::optional<Candidate> to_candidate(const JobProfile& p, const std::string& today);

// Contract bits <-> "cdi,cdd" (the stored and API form); unknown names are ValidationError on `field`.
std::string contracts_text(unsigned bits);
unsigned parse_contracts(const std::string& text, const std::string& field);

}  // namespace jalon::jobs
