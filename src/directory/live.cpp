#include "directory/live.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <set>

#include "directory/store.h"
#include "referentials/referentials.h"

namespace jalon::directory {

namespace {
// Directory commits of this process, and the count of them the index has applied.
std::atomic<std::uint64_t> g_committed{0};

long long now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
}  // namespace

void mark_changed() { g_committed.fetch_add(1); }

void Live::refresh(db::Database& db, long long max_age_ms) {
  // This process's own commits: wait for the catch-up that includes them (read-your-writes).
  if (applied_.load() < g_committed.load()) {
    catch_up(db);
    return;
  }
  if (now_ms() - caught_up_at_ms_.load() < max_age_ms) return;
  // Only other servers' writes may be pending: one search catches up, the others answer from
  // the index as it is rather than queue behind it.
  std::unique_lock guard(catching_up_, std::try_to_lock);
  if (!guard.owns_lock() || now_ms() - caught_up_at_ms_.load() < max_age_ms) return;
  catch_up_locked(db);
}

Live::Live()
    : index_(std::make_unique<Index>(referentials::communes(), referentials::inclusion(), referentials::barriers())) {}

void Live::build(db::Database& db) {
  std::lock_guard guard(catching_up_);
  std::uint64_t committed = g_committed.load();  // before the snapshot: what it surely includes
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
  caught_up_at_ms_.store(now_ms());
  applied_.store(committed);
}

void Live::catch_up(db::Database& db) {
  std::lock_guard guard(catching_up_);
  // Another catch-up may have applied our commits while we waited for the lock.
  if (applied_.load() >= g_committed.load() && now_ms() - caught_up_at_ms_.load() < 50) return;
  catch_up_locked(db);
}

void Live::catch_up_locked(db::Database& db) {
  std::uint64_t committed = g_committed.load();  // before the snapshot: what it surely includes
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
    if (changes.empty()) {
      caught_up_at_ms_.store(now_ms());
      applied_.store(std::max(applied_.load(), committed));
      return;
    }
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
  caught_up_at_ms_.store(now_ms());
  applied_.store(std::max(applied_.load(), committed));
}

long long Live::last_change() const {
  std::shared_lock lock(mutex_);
  return last_change_;
}

}  // namespace jalon::directory
