// Approximate memory accounting for the referentials' memory_bytes() (this room only): what a
// container holds on the heap, as libstdc++ lays it out.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

namespace jalon::referentials {

// Heap bytes of a string: none while it fits in the small-string buffer (15 bytes).
inline std::size_t string_bytes(const std::string& s) {
  return s.capacity() > 15 ? s.capacity() + 1 : 0;
}

// Heap bytes of a vector's buffer (its elements' own heap memory is not counted).
template <class T>
std::size_t vector_bytes(const std::vector<T>& v) {
  return v.capacity() * sizeof(T);
}

}  // namespace jalon::referentials
