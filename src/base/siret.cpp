#include "base/siret.h"

namespace jalon::siret {

std::string normalise(std::string_view input) {
  std::string out;
  for (char c : input)
    if (c != ' ' && c != '\t' && c != '.' && c != '-') out.push_back(c);
  return out;
}

bool valid(std::string_view s) {
  if (s.size() != 14) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  int sum = 0;
  for (int i = 0; i < 14; ++i) {
    int d = s[13 - i] - '0';
    if (i % 2 == 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  if (sum % 10 == 0) return true;
  if (s.substr(0, 9) == "356000000") {
    int digits = 0;
    for (char c : s) digits += c - '0';
    return digits % 5 == 0;
  }
  return false;
}

std::string with_key(const std::string& first13) {
  for (char key = '0'; key <= '9'; ++key)
    if (valid(first13 + key) && first13.substr(0, 9) != "356000000") return first13 + key;
  return first13 + "0";
}

}  // namespace jalon::siret
