// The facts of a person's situation that orientation and IAE eligibility rules read, and every
// enumeration of the orientation room, in one place. The rule files (data/rules/*.rules, see
// docs/orientation.md) name facts and values by the names of fact_catalogue(); nothing else.
//
// A Situation holds what is known: every field is optional, and a rule condition on an unknown
// fact is neither true nor false (the rule does not fire, and eligibility reports it missing).
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace jalon::orientation {

// Each enumeration below is ordered: rules may compare its values (qualification<=3,
// health>=strong). Their names in rule files are given by fact_catalogue().
enum class Resource { none, rsa, ass, aah, are };                      // minimum income or allowance received
enum class Qualification { below_3, l3, l4, l5, l6, l7, l8 };         // national nomenclature 2019: "infra3", "3".."8"
enum class Housing { stable, hosted, unstable, sheltered, homeless };  // hosted: by family or friends
enum class Severity { none, light, strong, blocking };                 // of a difficulty or barrier
enum class French { below_a1, a1, a2, b1, b2 };                        // CEFR level; b2 stands for B2 or above
enum class Justice { none, supervised, released };                     // under court supervision, leaving detention
enum class Refugee { none, refugee, subsidiary, temporary, asylum };  // protection status or asylum seeker

// Kinds of IAE structures (SIAE) whose administrative eligibility rules differ.
enum class SiaeKind { aci, ai, ei, etti, eiti };
// Who makes an IAE eligibility diagnosis: an authorised prescriber ("prescripteur habilité") or
// the SIAE employer itself.
enum class Author { prescriber, employer };

struct Situation {
  std::optional<std::string> birth_date;  // "YYYY-MM-DD"; the age is derived from it at `today`
  std::optional<int> age;                 // declared age, used only when the birth date is unknown
  std::optional<bool> rqth;               // recognised disabled worker (RQTH, BOETH)
  std::optional<Resource> resource;
  std::optional<std::string> resource_since;   // "YYYY-MM-DD"
  std::optional<std::string> jobseeker_since;  // registration with France Travail, "YYYY-MM-DD"
  std::optional<bool> jobseeker;               // registered; implied true by jobseeker_since
  std::optional<Qualification> qualification;
  std::optional<Housing> housing;
  std::optional<bool> licence, vehicle;
  std::optional<Severity> mobility, health, isolation, digital, childcare;
  std::optional<French> french;
  std::optional<Justice> justice;
  std::optional<bool> ase;            // leaving child welfare ("aide sociale à l'enfance")
  std::optional<Refugee> refugee;
  std::optional<bool> single_parent;
  std::optional<bool> qpv, zrr;       // declared until a zone referential is shipped
  std::optional<bool> social_first;   // the counsellor judges that social barriers come first
  // Barriers ("freins") by code of data/barriers.csv, with their severity.
  std::map<std::string, Severity> barriers;
  // IAE criteria ticked by the diagnosis author (codes of the criterion rows), beside those the
  // rules find from the facts.
  std::set<std::string> declared_criteria;
};

// The fact catalogue: the names rule files may use, their kind and values.
enum class FactKind { boolean, ordered, number };
struct FactDef {
  std::string_view name;                  // "age"
  FactKind kind;
  std::vector<std::string_view> values;  // boolean: no, yes; ordered: in order; number: empty
  std::string_view label;                 // French: "âge"
};
const std::vector<FactDef>& fact_catalogue();
const FactDef* find_fact(std::string_view name);  // nullptr when unknown

// The facts a person or counsellor declares (every Situation field but the birth date, the age,
// the barriers and the ticked criteria), by their catalogue names, as text: the catalogue's
// value names ("rsa", "yes", "infra3") and "YYYY-MM-DD" for the two dates (resource_since,
// jobseeker_since). One table for the diagnosis store, its form and the JSON API.
struct DeclaredFact {
  std::string_view name;   // "resource", "resource_since"
  bool date = false;       // a civil date rather than a catalogue value
  std::string_view label;  // French
};
const std::vector<DeclaredFact>& declared_facts();
// The value of declared fact `name` in `s`, nullopt when unknown (or `name` is not declared).
std::optional<std::string> declared(const Situation& s, std::string_view name);
// Sets declared fact `name` of `s` from text; an empty value makes it unknown. Returns false,
// changing nothing, for a value outside the catalogue (a date is checked by the caller, which
// knows `today`) or an unknown name.
bool set_declared(Situation& s, std::string_view name, std::string_view value);

// Names as written in rule files and case files ("aci", "prescriber", …), and back.
std::string_view name(SiaeKind k);
std::string_view label(SiaeKind k);  // "ACI"
std::optional<SiaeKind> parse_siae_kind(std::string_view s);  // "aci" or "ACI"
std::string_view name(Author a);
std::optional<Author> parse_author(std::string_view s);
std::optional<Severity> parse_severity(std::string_view s);

}  // namespace jalon::orientation
