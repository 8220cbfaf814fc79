// Read models for the audit commands: donor and township summaries, the full story of an event
// (explain, timeline), and named audit checks. Plain data; the CLI renders them.
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "aidledger/ledger/filter.hpp"
#include "aidledger/report/totals.hpp"

namespace SQLite {
class Database;
}

namespace aidledger::report {

/// summarise() (totals.hpp) over the lines `f` keeps, read through the ledger layer.
std::vector<Summary> donor_summaries(SQLite::Database& db, const ledger::LineFilter& f, bool by_year = false);
std::vector<Summary> township_summaries(SQLite::Database& db, const ledger::LineFilter& f, bool by_year = false);

struct ReportOfEvent {
  std::string article_id, article_title, article_date, file;
  int line = 0;
  std::int64_t byte_start = 0, byte_end = 0, measure_start = 0, measure_end = 0;
  std::string sentence;             // as printed
  std::string reading;              // what this report says: amount, townships, date
  std::string donor_basis, date_basis, merge_reason, notes;
};

struct EventLine {
  std::string recipient, township, covers;
  std::optional<std::int64_t> amount_fen, quantity;
};

struct EventDetail {
  std::int64_t id = 0;
  std::string date, precision, date_basis, kind, status, donor, donor_category, item, unit, distribution;
  bool approximate = false, aggregate = false, tranche = false, excluded = false;
  std::optional<std::int64_t> pledge_id;
  std::vector<std::int64_t> tranches;
  std::vector<EventLine> lines;
  std::vector<ReportOfEvent> reports;
  struct Correction {
    std::string file;                     // the corrections file, as recorded by ingest
    int line = 0;
    std::string text;                     // "set date=2021-05 (reason: …)"
  };
  std::vector<Correction> corrections;
};
std::optional<EventDetail> event_detail(SQLite::Database& db, std::int64_t id);
/// Events with at least one line the filter keeps, in date order.
std::vector<EventDetail> timeline(SQLite::Database& db, const ledger::LineFilter& f);

/// True when some organisation's canonical name or alias contains `text`.
bool donor_known(SQLite::Database& db, const std::string& text);
/// Donor names sharing the most characters with `text`, best first.
std::vector<std::string> suggest_donors(SQLite::Database& db, const std::string& text, std::size_t max = 3);

/// What a cumulative claim (an aggregate event) may cover: the paid, non-aggregate lines of its
/// kind in its townships (or with the township unresolved), up to the claim's report, from the
/// start of its period when it states one (2019年以来); an enterprise's claim covers only its own.
struct Coverage {
  std::int64_t claim_fen = 0, covered_fen = 0, events = 0;
  std::set<std::string> townships;         // the claim's own (JOINT lines expanded)
  std::vector<std::int64_t> first_events;  // at most 20, in date order
  std::int64_t gap() const { return claim_fen - covered_fen; }
};
/// The coverage of each claim, in the order given, from one pass over the paid lines.
std::vector<Coverage> claims_coverage(SQLite::Database& db, const std::vector<std::int64_t>& claim_events);

enum class Level { info, warning, error };
std::string_view to_string(Level l);

struct Finding {
  std::string check;
  Level level = Level::warning;
  std::string file;        // where to look: the page file (or the corrections file)
  int line = 0;
  std::int64_t event_id = 0;
  std::string message;
  std::vector<std::string> evidence;
};

struct CheckInfo {
  std::string name;
  Level level;
  std::string description;
};
/// The named checks, in the order they run.
const std::vector<CheckInfo>& checks();
/// How a finding shows a file path the ledger recorded (the caller's: relative to where it runs).
using PathStyle = std::function<std::string(const std::string&)>;
/// Runs every check, or only `only` (a name from checks()). File paths in findings and in their
/// evidence go through `show_path` when given.
std::vector<Finding> run_checks(SQLite::Database& db, const std::string& only = {}, const PathStyle& show_path = {});

}  // namespace aidledger::report
