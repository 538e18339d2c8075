#include "base/config.h"

#include <algorithm>
#include <thread>

namespace jalon {

int Config::worker_threads() const {
  return threads > 0 ? threads : std::clamp(8 * static_cast<int>(std::thread::hardware_concurrency()), 16, 32);
}

}  // namespace jalon
