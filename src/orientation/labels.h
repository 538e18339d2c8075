// French labels of the facts' values (model.h, fact_catalogue()), for the forms and answers that
// show a situation to people: "infra3" reads "Aucun diplôme (infra 3)". Words of the UI, not
// rules: the rule files keep the codes.
#pragma once
#include <string_view>

#include "orientation/model.h"

namespace jalon::orientation {

// The label of value `value` of `fact` (an index into fact.values; for number facts, not used:
// returns ""). Every value of every ordered and yes/no fact has one.
std::string_view value_label(const FactDef& fact, int value);
// The same by names: fact "resource", value "rsa"; the value itself when either is unknown.
std::string_view value_label(std::string_view fact, std::string_view value);

}  // namespace jalon::orientation
