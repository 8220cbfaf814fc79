// Typed reads of the ledger for the reports: the SQL stays in the ledger layer, the report layer
// works on plain rows.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "aidledger/ledger/filter.hpp"

namespace SQLite {
class Database;
}

namespace aidledger::ledger {

/// One allocation line as the totals need it.
struct TotalRow {
  std::int64_t event_id = 0;
  std::string kind, status;           // cash|in_kind|consumption, pledged|disbursed
  bool aggregate = false;             // a cumulative claim: never in totals
  std::string date;                   // as written (2021-05, 2021-05-04, 2019)
  int year = 0;                       // 0: unknown
  std::string date_first, date_last;  // ISO days, for ordering ('' unknown)
  std::string donor, donor_category;  // '' / 'other' when unknown
  std::string township;               // canonical, JOINT, or '' (unresolved)
  std::vector<std::string> covers;    // a JOINT line: the townships it is shared by
  std::optional<std::int64_t> amount_fen, quantity;
  std::string unit;
};

/// The lines `filter` keeps (aggregates included, marked), in the ledger's order.
std::vector<TotalRow> total_rows(SQLite::Database& db, const LineFilter& filter);
/// The same lines one at a time, in constant memory (the workbook of a ledger of any size).
void each_total_row(SQLite::Database& db, const LineFilter& filter, const std::function<void(const TotalRow&)>& use);

}  // namespace aidledger::ledger
