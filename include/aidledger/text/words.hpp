// Counts in words: "1 line", "2 lines". One place for the plural rule, so no message says "1 lines".
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace aidledger::text {

/// The noun for a count: `singular` for 1, otherwise `plural` (default: singular + "s").
inline std::string noun_for(std::int64_t n, std::string_view singular, std::string_view plural = {}) {
  if (n == 1) return std::string(singular);
  return plural.empty() ? std::string(singular) + "s" : std::string(plural);
}

/// "1 line", "0 lines", "2 lines"; `plural` for irregular words ("1 entry", "2 entries").
inline std::string count_of(std::int64_t n, std::string_view singular, std::string_view plural = {}) {
  return std::to_string(n) + " " + noun_for(n, singular, plural);
}

}  // namespace aidledger::text
