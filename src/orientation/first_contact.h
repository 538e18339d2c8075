// What the public self-orientation adds to the orientation rules, as data
// (data/orientation/first-contact.txt, grammar in its header and docs/orientation.md): the seed
// article's FAQ and when each answer is shown, the structure typologies that receive the public
// of a referent, and the facts a difficulty ticked on the public form implies.
//
// A FirstContact object is filled once by load() and read-only afterwards: its const members are
// safe to call from several threads at once. Copying is forbidden (shared, loaded once).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "orientation/model.h"
#include "orientation/rules.h"
#include "referentials/barriers.h"
#include "referentials/inclusion.h"

namespace jalon::orientation {

struct FaqEntry {
  Origin origin;  // id: the entry's id; effective: not used (FAQ rows have no date)
  std::string id, question, answer;
  std::string note;  // ours, when the article's words have aged; may be empty
};

class FirstContact {
 public:
  FirstContact() = default;
  FirstContact(const FirstContact&) = delete;
  FirstContact& operator=(const FirstContact&) = delete;
  FirstContact(FirstContact&&) = default;
  FirstContact& operator=(FirstContact&&) = default;

  // Reads `path` into this empty object, checking every row against the fact catalogue,
  // `inclusion` (typologies) and `barriers`. Throws std::runtime_error "file:line: message" on an
  // unknown row kind, a wrong number of cells, an unknown fact, value, barrier or typology, an
  // id seen twice, a `show` row of an unknown entry, an entry never shown, a difficulty's fact
  // that is computed or given twice; and "path: …" when the file cannot be read.
  void load(const std::string& path, const referentials::Inclusion& inclusion, const referentials::Barriers& barriers);
  // The same for a text, for tests; `file` names it in errors. Call once, on an empty object.
  void load_text(const std::string& file, std::string_view text, const referentials::Inclusion& inclusion,
                 const referentials::Barriers& barriers);

  const std::vector<FaqEntry>& faq() const { return faq_; }
  // The FAQ entries relevant to `s` at `today`, in file order: those with a `show` row whose
  // conditions hold on the facts of `s` and whose difficulties condition holds on s.barriers
  // (a barrier of severity none does not count). Throws ValidationError as facts_of() does.
  std::vector<const FaqEntry*> faq_for(const Situation& s, Date today) const;

  // The data·inclusion v0 typologies of the structures that receive the public of `referent`
  // (a typology of referent.rules): its `offices` row, else the referent itself; empty for
  // "none" or "".
  std::vector<std::string> typologies_for(std::string_view referent) const;

  // `s` as the public form means it: every barrier of `difficulties` (codes of data/barriers.csv)
  // at severity strong, and the facts their `difficulty` rows imply, unless `s` already declares
  // them. Throws ValidationError (field "barriers") for an unknown barrier code.
  void apply_difficulties(Situation& s, const std::vector<std::string>& difficulties) const;

 private:
  struct Show {
    Origin origin;
    std::size_t faq = 0;  // index in faq_
    std::vector<Condition> when;
    enum class Difficulties { always, any, listed } difficulties = Difficulties::always;
    std::vector<std::string> barriers;
  };
  struct Offices {
    Origin origin;
    std::string referent;
    std::vector<std::string> typologies;
  };
  struct Implied {
    Origin origin;
    std::string barrier;
    const FactDef* fact = nullptr;
    int value = 0;
  };
  std::vector<FaqEntry> faq_;
  std::vector<Show> shows_;
  std::vector<Offices> offices_;
  std::vector<Implied> implied_;
};

// Loads data_dir/orientation/first-contact.txt into the object returned by first_contact(),
// against the process's referentials (load_referentials must have run). Only the first
// successful call loads; on error it throws as FirstContact::load does and installs nothing.
// Call it before starting threads.
const FirstContact& load_first_contact(const std::string& data_dir);
// The data of this process (empty before load_first_contact).
const FirstContact& first_contact();

}  // namespace jalon::orientation
