// The SQLite ledger: pages, articles, organisations, places, events, their allocation lines and
// the mentions (reports) behind every event. Ingest is one transaction per page and idempotent:
// an unchanged file changes nothing, a changed file replaces its old mentions.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aidledger/extract/page.hpp"
#include "aidledger/ledger/corrections.hpp"
#include "aidledger/ledger/filter.hpp"

namespace SQLite {
class Database;
}

namespace aidledger::ledger {

inline constexpr int kSchemaVersion = 8;
/// The oldest schema the reading commands accept as it is (older ledgers are upgraded by ingest).
inline constexpr int kOldestReadableSchema = 3;
/// Dates aidledger accepts from a manifest or a correction: the years of the People's Republic up
/// to 2100. A year 0000 is a typing error, never a date to print as -001-10-24.
inline constexpr int kFirstYear = 1949, kLastYear = 2100;
inline constexpr bool year_in_range(int y) { return y >= kFirstYear && y <= kLastYear; }
/// How long a command waits for another program holding the ledger (two ingests take turns).
inline constexpr int kBusyTimeoutMs = 60000;

/// A problem with the database itself, not with one page: it cannot be opened, is locked, is
/// read-only, is full or damaged, is not an aidledger ledger, or has a schema this aidledger cannot
/// use. The message names the database path and says why in a user's words. Ingest stops on it.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// "PATH: reason" for an exception thrown by SQLite while working on the database at `path`, in a
/// user's words (locked, read-only, full, not a database ...); other exceptions keep their text.
/// `busy_timeout_ms` is how long the command waited for a lock.
std::string describe_database_error(const std::string& path, const std::exception& e, int busy_timeout_ms = kBusyTimeoutMs);
/// Whether `e` is a problem with the database as a whole (see DatabaseError) rather than a page.
bool is_database_wide(const std::exception& e);

/// How a command opens the ledger. read_only never writes to the file: it refuses a file that is
/// not an aidledger ledger (or too old or too new), works on a read-only file, and holds one read
/// transaction while open, so every query of a command sees the same snapshot.
enum class Access { read_write, read_only };

struct IngestStats {
  int pages_added = 0, pages_unchanged = 0, pages_replaced = 0, pages_failed = 0, pages_duplicate = 0;
  int articles = 0, relevant_articles = 0;
  int reports = 0, events_created = 0, reports_merged = 0;
};

/// absent: new; unchanged: this path with these bytes (read with the same options); changed: this
/// path, other bytes or options; duplicate: a new path whose bytes are already in the ledger under
/// another path (the same page).
enum class PageState { absent, unchanged, changed, duplicate };

/// One exported allocation line (the export format others depend on).
struct ExportLine {
  std::int64_t event_id = 0;
  std::string date, date_precision;
  std::optional<int> year;
  std::string kind, status, donor, recipient, township;
  std::optional<std::int64_t> amount_fen;
  bool approximate = false;
  std::optional<std::int64_t> quantity;
  std::string unit, item;
  bool aggregate = false;
  std::vector<std::string> sources;
};

class Ledger {
 public:
  /// Opens (creating if needed) and migrates the database at `path` (":memory:" for tests); with
  /// Access::read_only opens an existing ledger without writing to it. A file that is not an
  /// aidledger ledger is refused untouched. Throws DatabaseError.
  /// `busy_timeout_ms`: how long to wait for another program holding the ledger.
  explicit Ledger(const std::string& path, Access access = Access::read_write, int busy_timeout_ms = kBusyTimeoutMs);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  const std::string& path() const;

  /// Whether the page at `path` is already in the ledger with these bytes, read with the same
  /// options (`read_options`: how it was decoded, e.g. a forced encoding; empty = detected).
  PageState page_state(const std::string& path, const std::string& sha256, const std::string& read_options = {}) const;
  /// Article-id prefix for a page: its file stem, made unique when another file has the same stem.
  std::string article_prefix(const std::string& path, const std::string& sha256) const;

  /// The villages and schools the stored pages place in a township, in the order the pages were
  /// stored: name, township and the page's file name.
  struct PlacedName {
    std::string name, township, page;
  };
  std::vector<PlacedName> places_learned() const;

  /// Stores one extracted page in one transaction (all or nothing). The page's state is decided
  /// inside that write transaction: a page another ingest stored meanwhile (these bytes under this
  /// path, or under another path) is skipped and counted, and the state found is returned. Article
  /// ids are given inside it too (the file stem, made unique), whatever prefix the extraction used.
  PageState ingest(const extract::PageExtraction& page, IngestStats& stats, const std::string& read_options = {});

  /// Applies the user's corrections (all of them, in one transaction): first undoes what the
  /// previous application did, then applies each line and records what it did. Called at the
  /// end of every ingest, so a correction survives re-ingest.
  CorrectionStats apply_corrections(const std::vector<Correction>& corrections);

  /// Pages recorded by an older aidledger under a path relative to where that ingest ran: each one
  /// whose file exists relative to `base` (an absolute folder, where this ingest runs) is recorded
  /// under that absolute path from now on, so a later ingest of the file from anywhere finds it and
  /// findings name a file that can be opened. Pages that do not resolve keep their path. Returns
  /// how many were anchored. One write transaction.
  int anchor_relative_paths(const std::string& base);

  /// How many corrections the last application recorded (applied or not).
  std::int64_t corrections_recorded() const;
  /// The highest event id, 0 for an empty ledger.
  std::int64_t last_event_id() const;

  /// A check for tests and benchmarks: the events whose row or lines differ from what recomputing
  /// them from all their reports gives (ingest folds each new report into its event instead). The
  /// ledger is left as it was. Events a user's correction changed differ by design.
  std::vector<std::int64_t> events_unlike_recompute();
  /// A check for tests: each statement ingest has prepared on this connection so far, with
  /// SQLite's plan for it (EXPLAIN QUERY PLAN, one step a line), sorted by statement.
  std::vector<std::pair<std::string, std::string>> query_plans();

  std::vector<ExportLine> export_lines() const;
  /// The lines a filter keeps, in the export's order.
  std::vector<ExportLine> lines(const LineFilter& filter) const;

 private:
  // The connection is handed to no one outside the ledger layer, so that all SQL stays in it: the
  // Reader shares it, and tests (tests/ledger_access.hpp) reach it through TestAccess.
  friend class Reader;
  friend struct TestAccess;
  SQLite::Database& database();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// SQLite's SUM() of integers stops with "integer overflow" rather than wrap. Call it in a catch
/// block around a statement with SUM(): when `e` is that error it throws std::overflow_error saying
/// what was summed (`what`) and why; otherwise it returns and the caller rethrows.
void throw_if_sum_overflow(const std::exception& e, std::string_view what);

/// CSV with the fixed header
/// event_id,date,date_precision,year,kind,status,donor,recipient,township,amount_yuan,approximate,
/// quantity,unit,item,aggregate,sources. Text cells that begin like a formula (= + - @ TAB CR) get
/// a single quote in front unless `neutralise` is false (text/csv.hpp); numbers never change.
std::string to_csv(const std::vector<ExportLine>& lines, bool neutralise = true);
/// The same lines as a JSON array of objects with those keys.
std::string to_json(const std::vector<ExportLine>& lines);

}  // namespace aidledger::ledger
