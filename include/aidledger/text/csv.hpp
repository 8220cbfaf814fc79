// One CSV field, quoted when it holds a comma, a quote or a line break (RFC 4180).
//
// Text read from pages can begin like a spreadsheet formula (=HYPERLINK(…), =cmd|' /C calc'!A0,
// +1+1, -2+3, @SUM(1)), which Excel or LibreOffice would run when the CSV is opened. csv_text
// neutralises such a text cell as OWASP advises ("CSV Injection"): a cell that begins with = + - @
// TAB or CR gets a single quote in front ('=HYPERLINK(…)). Only text cells are neutralised;
// numbers (amounts, counts, ids, years, including negative ones) are written as they are, so they
// stay numbers. Machine consumers that want the text unchanged pass neutralise = false
// (`--no-neutralise`).
#pragma once
#include <string>
#include <string_view>

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

/// True when a spreadsheet could read `s` as a formula (it begins with = + - @ TAB or CR).
inline bool looks_like_formula(std::string_view s) {
  return !s.empty() && std::string_view("=+-@\t\r").find(s.front()) != std::string_view::npos;
}

/// A text cell: neutralised (a single quote in front of what looks like a formula) unless
/// `neutralise` is false, then quoted as csv_field does.
inline std::string csv_text(const std::string& s, bool neutralise = true) {
  return csv_field(neutralise && looks_like_formula(s) ? "'" + s : s);
}

}  // namespace aidledger::text
