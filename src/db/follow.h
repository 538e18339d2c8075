// When an in-memory index must catch up with the change log it follows (ARCHITECTURE.md,
// "Several servers"): at once after this process's own commits (a caller sees its own writes),
// otherwise when the last catch-up is older than a delay (other servers' writes; then one
// caller catches up and the others answer from the index as it is rather than queue behind it).
//
// The owner of an index keeps one ChangeFollower, calls committed() from Tx::on_commit of every
// change it follows, and routes its catch-ups through run()/refresh(). Thread-safe.
#pragma once
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace jalon::db {

class ChangeFollower {
 public:
  // A change this index follows was committed by this process.
  void committed() { committed_.fetch_add(1); }

  // Runs `catch_up()` now, one at a time (a build, or a caller that must see everything).
  // `catch_up` reads and applies every change committed before it is called.
  template <typename F>
  void run(F&& catch_up) {
    std::lock_guard guard(catching_up_);
    run_locked(catch_up);
  }

  // Runs `catch_up()` when this process committed a change not yet applied (waiting for it), or
  // when the last catch-up is older than `max_age_ms` (then only if no other caller is at it).
  template <typename F>
  void refresh(long long max_age_ms, F&& catch_up) {
    if (applied_.load() < committed_.load()) {
      std::lock_guard guard(catching_up_);
      // Another catch-up may have applied our commits while we waited for the lock.
      if (applied_.load() >= committed_.load() && now_ms() - caught_up_at_ms_.load() < 50) return;
      run_locked(catch_up);
      return;
    }
    if (now_ms() - caught_up_at_ms_.load() < max_age_ms) return;
    std::unique_lock guard(catching_up_, std::try_to_lock);
    if (!guard.owns_lock() || now_ms() - caught_up_at_ms_.load() < max_age_ms) return;
    run_locked(catch_up);
  }

 private:
  template <typename F>
  void run_locked(F& catch_up) {
    std::uint64_t committed = committed_.load();  // before the snapshot: what it surely includes
    catch_up();
    caught_up_at_ms_.store(now_ms());
    std::uint64_t applied = applied_.load();
    while (applied < committed && !applied_.compare_exchange_weak(applied, committed)) {
    }
  }
  static long long now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
  }
  std::atomic<std::uint64_t> committed_{0}, applied_{0};
  std::atomic<long long> caught_up_at_ms_{0};
  std::mutex catching_up_;
};

}  // namespace jalon::db
