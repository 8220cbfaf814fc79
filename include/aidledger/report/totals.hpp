// The one place totals are computed. Every view (the workbook, the CSV report, query, donors,
// townships) renders these; the rules live here once:
//  - aggregates (cumulative claims, 累计 …) and pledges never enter disbursed totals;
//  - a JOINT line belongs to no single township: a view of one township counts its own lines and
//    keeps the JOINT lines it shares apart (shared_*, their cumulative claims too), naming the
//    townships shared with.
#pragma once
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "aidledger/ledger/filter.hpp"
#include "aidledger/ledger/reader.hpp"

namespace aidledger::report {

/// The unit money is shown in: 元 yuan (¥1,234.56) or 万元 (10,000 yuan). Money stays fen.
enum class Unit { yuan, wan };
/// fen in 万元, exact: 47275380 fen -> "47.275380" (six decimals; for files).
std::string format_wan_plain(std::int64_t fen);
/// fen in 万元 for people: 47275380 fen -> "47.2754万元" (rounded to four decimals, one yuan).
std::string format_wan(std::int64_t fen);

/// Whether `f` views one township (not all, not JOINT): its JOINT lines are then shared, apart.
bool one_township(const ledger::LineFilter& f);
/// Whether the line counts in the view's own totals (false: a shared JOINT line of a township view).
bool own_line(const ledger::TotalRow& r, const ledger::LineFilter& f);

struct Totals {
  std::int64_t lines = 0;                                     // every line the filter keeps
  std::int64_t disbursed = 0, pledged = 0, cumulative_claims = 0;  // own lines
  std::map<std::string, std::int64_t> disbursed_by_kind;
  // A township view: the JOINT lines it shares with other townships (not in the totals above).
  std::int64_t shared_lines = 0, shared_disbursed = 0, shared_pledged = 0, shared_cumulative_claims = 0;
  std::map<std::string, std::int64_t> shared_goods_by_unit;   // shared quantities without a value
  std::set<std::string> shared_with;                          // the other townships
  std::map<std::string, std::int64_t> goods_by_unit;          // disbursed quantities without a value
  std::map<int, std::map<std::string, std::int64_t>> year_kind;       // disbursed
  std::map<int, std::map<std::string, std::int64_t>> year_township;   // disbursed (shared under JOINT)
  std::map<int, std::map<std::string, std::int64_t>> year_township_pledged;
  std::map<int, std::map<std::string, std::int64_t>> year_unit;       // goods without a value
  struct Donor {
    std::string category;
    std::map<int, std::int64_t> by_year;
    std::int64_t disbursed = 0, pledged = 0;
    std::map<std::string, std::int64_t> goods;  // disbursed quantities without a value, per unit
    std::int64_t unquantified = 0;              // disbursed lines with neither an amount nor a quantity
  };
  std::map<std::string, Donor> donors;                        // own lines
  std::set<std::string> townships;                            // seen in lines
  std::string first_date, last_date;                          // as written
  std::string first_key, last_key;                            // ISO days
};

/// Totals of `rows` (the lines `f` keeps) as the view `f` sees them. Sums are checked (an
/// overflow throws std::overflow_error).
Totals compute_totals(const std::vector<ledger::TotalRow>& rows, const ledger::LineFilter& f);
/// Adds one line to `t` (compute_totals is this over every line; a caller streaming the lines
/// keeps memory flat).
void add_to_totals(Totals& t, const ledger::TotalRow& r, const ledger::LineFilter& f);

struct Summary {
  std::string name;                 // donor or township (JOINT, or '' for unresolved)
  std::string category;             // donors only
  std::int64_t disbursed_fen = 0;   // aggregates excluded
  std::int64_t pledged_fen = 0;
  std::int64_t in_kind_fen = 0;     // disbursed goods with a stated value
  std::map<std::string, std::int64_t> goods;  // disbursed goods without a value, per unit
  std::int64_t lines = 0;
  int first_year = 0, last_year = 0;
  int year = 0;                     // by year: the year of these lines (0: undated); otherwise 0
};
/// One row per donor (or township), largest first; `by_year`: one row per name and year, the
/// names in the same order, each with its years in order (undated last). In a township view the
/// donors count own lines only; the townships keep JOINT as its own row (the shared lines).
std::vector<Summary> summarise(const std::vector<ledger::TotalRow>& rows, const ledger::LineFilter& f, bool by_donor, bool by_year);
/// The rows added up (checked sums), named `name`: the totals row of a summary table.
Summary total_of(const std::vector<Summary>& rows, const std::string& name);
/// Per-year totals of by-year rows, one per year in order, each named `name`.
std::vector<Summary> totals_by_year(const std::vector<Summary>& rows, const std::string& name);

}  // namespace aidledger::report
