#include "directory/live.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>

#include "directory/store.h"
#include "referentials/referentials.h"

namespace jalon::directory {

namespace {
db::ChangeFollower g_follower;  // this process's directory commits and the index's catch-ups
}  // namespace

void mark_changed() { g_follower.committed(); }

void Live::refresh(db::Database& db, long long max_age_ms) {
  g_follower.refresh(max_age_ms, [&] { catch_up_now(db); });
}

Live::Live()
    : index_(std::make_unique<Index>(referentials::communes(), referentials::inclusion(), referentials::barriers())) {}

void Live::build(db::Database& db) {
  g_follower.run([&] {
    auto fresh = std::make_unique<Index>(referentials::communes(), referentials::inclusion(), referentials::barriers());
    long long last = 0;
    {
      db::Tx tx(db, db::Tx::Mode::read);
      last = store::last_change_id(tx);  // read in the same snapshot as the services
      PublishedDirectory all = store::load_published(tx);
      for (std::size_t i = 0; i < all.services.size(); ++i)
        fresh->upsert(make_entry(all.services[i], all.structure(i), referentials::communes()));
    }
    std::unique_lock lock(mutex_);
    index_ = std::move(fresh);
    last_change_ = last;
  });
}

void Live::catch_up(db::Database& db) {
  g_follower.run([&] { catch_up_now(db); });
}

void Live::catch_up_now(db::Database& db) {
  long long from = last_change();
  // Read everything first, in one snapshot: the structures touched and their published services.
  std::vector<Change> changes;
  PublishedDirectory touched;  // the published services of the structures the changes name
  std::set<long long> services_touched;
  long long last = from;
  {
    db::Tx tx(db, db::Tx::Mode::read);
    for (;;) {
      auto batch = store::changes_after(tx, last, 1000);
      if (batch.empty()) break;
      last = batch.back().id;
      changes.insert(changes.end(), batch.begin(), batch.end());
    }
    if (changes.empty()) return;
    std::set<long long> structures;
    for (const auto& c : changes) {
      structures.insert(c.structure_id);
      if (c.service_id) services_touched.insert(c.service_id);
    }
    touched = store::load_published(tx, std::vector<long long>(structures.begin(), structures.end()));
  }
  std::unique_lock lock(mutex_);
  // A touched service that is no longer among its structure's published ones leaves the index.
  std::set<long long> published;
  for (std::size_t i = 0; i < touched.services.size(); ++i) {
    index_->upsert(make_entry(touched.services[i], touched.structure(i), referentials::communes()));
    published.insert(touched.services[i].id);
  }
  for (long long s : services_touched)
    if (!published.count(s)) index_->erase(s);
  last_change_ = last;
}

long long Live::last_change() const {
  std::shared_lock lock(mutex_);
  return last_change_;
}

}  // namespace jalon::directory
