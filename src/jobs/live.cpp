#include "jobs/live.h"

#include <map>
#include <set>

#include "base/time.h"
#include "jobs/rules.h"
#include "jobs/store.h"

namespace jalon::jobs {

namespace {
db::ChangeFollower g_follower;  // this process's jobs commits and the index's catch-ups
}  // namespace

void mark_changed() { g_follower.committed(); }

Live::Live() : index_(std::make_unique<Index>(weights())) {}

void Live::build(db::Database& db) {
  g_follower.run([&] {
    auto fresh = std::make_unique<Index>(weights());
    std::string today = time::today();
    long long last = 0;
    {
      db::Tx tx(db, db::Tx::Mode::read);
      last = store::last_change_id(tx);  // read in the same snapshot as the rows
      if (label_key_.empty()) label_key_ = store::label_key(tx);
      store::for_each_open_offer(tx, [&](JobOffer& o) {
        if (auto m = to_match(o)) fresh->put(std::move(*m));
      });
      store::for_each_shown_profile(tx, [&](JobProfile& p) {
        if (auto c = to_candidate(p, today)) fresh->put(std::move(*c));
      });
    }
    std::unique_lock lock(mutex_);
    index_ = std::move(fresh);
    last_change_ = last;
  });
}

void Live::catch_up(db::Database& db) {
  g_follower.run([&] { catch_up_now(db); });
}

void Live::refresh(db::Database& db, long long max_age_ms) {
  g_follower.refresh(max_age_ms, [&] { catch_up_now(db); });
}

void Live::catch_up_now(db::Database& db) {
  long long last = last_change();
  std::set<long long> offer_ids, person_ids;
  std::map<long long, Offer> offers;
  std::map<long long, Candidate> candidates;
  std::string today = time::today();
  {
    db::Tx tx(db, db::Tx::Mode::read);
    for (;;) {
      auto batch = store::changes_after(tx, last, 1000);
      if (batch.empty()) break;
      last = batch.back().id;
      for (const auto& c : batch) (c.offer ? offer_ids : person_ids).insert(c.ref);
    }
    if (offer_ids.empty() && person_ids.empty()) return;
    for (long long id : offer_ids)
      if (auto o = store::find_offer(tx, id); o && o->open)
        if (auto m = to_match(*o)) offers.emplace(id, std::move(*m));
    for (long long id : person_ids)
      if (auto p = store::find_profile(tx, id); p && p->shown_to_employers)
        if (auto c = to_candidate(*p, today)) candidates.emplace(id, std::move(*c));
  }
  std::unique_lock lock(mutex_);
  // A changed offer that is no longer open (or a profile no longer searching) leaves the index.
  for (long long id : offer_ids) {
    auto it = offers.find(id);
    if (it == offers.end()) index_->remove_offer(id);
    else index_->put(std::move(it->second));
  }
  for (long long id : person_ids) {
    auto it = candidates.find(id);
    if (it == candidates.end()) index_->remove_candidate(id);
    else index_->put(std::move(it->second));
  }
  last_change_ = last;
}

long long Live::last_change() const {
  std::shared_lock lock(mutex_);
  return last_change_;
}

}  // namespace jalon::jobs
