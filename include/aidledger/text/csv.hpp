// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
#pragma once
#include <string>

namespace aidledger::text {

inline std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

}  // namespace aidledger::text
