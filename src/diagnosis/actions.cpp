#include "diagnosis/actions.h"

#include "diagnosis/rules.h"
#include "diagnosis/store.h"
#include "orientation/rules.h"

namespace jalon::diagnosis {

namespace {
std::vector<std::function<void(db::Tx&, long long)>>& created_hooks() {
  static std::vector<std::function<void(db::Tx&, long long)>> hooks;
  return hooks;
}
}  // namespace

void on_created(std::function<void(db::Tx&, long long person)> f) { created_hooks().push_back(std::move(f)); }

std::vector<std::string> criterion_codes(const std::string& today) {
  std::vector<std::string> codes;
  auto day = orientation::parse_date(today);
  for (const auto& c : orientation::rules().criteria()) {
    if (day && c.origin.effective > *day) continue;
    if (std::find(codes.begin(), codes.end(), c.code) == codes.end()) codes.push_back(c.code);
  }
  return codes;
}

long long create(db::Tx& tx, const people::Person& person, long long org, long long author, Diagnosis d,
                 const std::string& today, long long token) {
  validate(d, person.birth_date, today, criterion_codes(today));
  auto facts = store::organisation(tx, org);
  d.person_id = person.id;
  d.organisation_id = org;
  d.author_id = author;
  d.token_id = author ? 0 : token;
  d.author_kind = author_kind_of(facts.kind, facts.authorised_prescriber);
  long long id = store::insert(tx, d);
  for (const auto& f : created_hooks()) f(tx, person.id);
  return id;
}

Advice advise(const Diagnosis& d, const std::string& birth_date, const std::string& today) {
  Advice a;
  a.situation = d.situation;
  if (!birth_date.empty()) a.situation.birth_date = birth_date;
  auto day = orientation::parse_date(today);
  if (!day) throw std::invalid_argument("advise: today must be YYYY-MM-DD");
  const auto& rules = orientation::rules();
  a.orientation = orientation::orient(a.situation, *day, rules);
  a.judged_as = d.author_kind == AuthorKind::employer ? orientation::Author::employer : orientation::Author::prescriber;
  for (auto kind : {orientation::SiaeKind::aci, orientation::SiaeKind::ai, orientation::SiaeKind::ei, orientation::SiaeKind::etti,
                    orientation::SiaeKind::eiti})
    a.eligibility.push_back(orientation::iae_eligibility(a.situation, kind, *day, a.judged_as, rules));
  return a;
}

}  // namespace jalon::diagnosis
