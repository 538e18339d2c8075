// Pure decisions of the diagnosis room: what makes a diagnosis valid, and who its author is for
// the IAE rules. No I/O, no clock: `today` is passed in.
#pragma once
#include <string>

#include "diagnosis/model.h"

namespace jalon::diagnosis {

// The author kind of an organisation: an authorised prescriber (by law or by the platform's
// decision) is a prescriber; an SIAE (org kinds aci, ai, ei, etti, eiti) is an employer.
AuthorKind author_kind_of(const std::string& org_kind, bool authorised_prescriber);

// Checks `d` made at `today` for a person born on `birth_date` ("" when unknown). Throws
// ValidationError with one message per field (French), fields named as the form's:
// made_on (missing, impossible, in the future, before the birth date), the two "since" dates
// (impossible, in the future, before the birth date), commune_code (unknown INSEE code),
// barrier_<code> (unknown barrier), skills (unknown ROME or transversal skill), jobs (unknown
// job title), criteria (unknown IAE criterion, given the known codes), comment (too long).
void validate(const Diagnosis& d, const std::string& birth_date, const std::string& today,
              const std::vector<std::string>& criterion_codes);

}  // namespace jalon::diagnosis
