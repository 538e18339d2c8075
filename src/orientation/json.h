// JSON of the engine's answers (Boost.JSON), one shape for every endpoint that shows them: the
// public first contact and IAE simulator, a person's diagnoses. Field names are documented by the
// schemas of api_doc.cpp.
#pragma once
#include <boost/json.hpp>
#include <string>
#include <vector>

#include "orientation/engine.h"
#include "orientation/nearby.h"

namespace jalon::orientation {

// {rule, where, source, effective, text, facts}
boost::json::object reason_json(const Reason& r);
boost::json::array strings(const std::vector<std::string>& v);
// A nearby service: structure, service, address, phone, distance, link.
boost::json::object place_json(const NearbyService& n);
boost::json::array places_json(const std::vector<NearbyService>& v);
// "derived", "profile", "ticked".
const char* basis_code(Basis b);
// The verdict for one structure kind, criteria, proofs, validity; `today` names the criteria to check.
boost::json::object eligibility_json(const Eligibility& e, Date today);
// {referent, schemes, difficulties}; with `near`, the nearest places of the referent and of each
// difficulty.
boost::json::object orientation_json(const Orientation& o, const Nearby* near);

}  // namespace jalon::orientation
