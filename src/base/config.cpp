#include "base/config.h"

#include <algorithm>
#include <thread>

namespace jalon {

int Config::worker_threads() const {
  return threads > 0 ? threads : std::max(4, 2 * static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace jalon
