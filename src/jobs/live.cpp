#include "jobs/live.h"

#include <atomic>
#include <cstdint>

namespace jalon::jobs {

namespace {
// Jobs commits of this process (the index compares it with what it has applied).
std::atomic<std::uint64_t> g_committed{0};
}  // namespace

void mark_changed() { g_committed.fetch_add(1); }

}  // namespace jalon::jobs
