// Which ledger lines a report or query is about. Every value reaches SQL as a bound parameter.
#pragma once
#include <optional>
#include <string>

namespace SQLite {
class Statement;
}

namespace aidledger::ledger {

struct LineFilter {
  std::optional<int> from_year, to_year;
  std::string township;   // canonical township or JOINT (a JOINT line covering it also matches); empty = all
  std::string donor;      // part of a donor's canonical name or of one of its aliases; empty = all
  std::string kind;       // cash | in_kind | consumption; empty = all
  std::string status;     // pledged | disbursed; empty = all
};

/// SQL condition on a line: allocation `a` of event `e` with donor `o` (LEFT JOIN organisations o).
/// Lines and events excluded by a correction never match.
/// Uses the named parameters :from :to :township :donor :kind :status.
const char* line_filter_sql();
/// The same condition on an event `e`: it has at least one line that matches.
std::string event_filter_sql();
/// Binds the filter's values to those parameters.
void bind_line_filter(SQLite::Statement& st, const LineFilter& f);

}  // namespace aidledger::ledger
