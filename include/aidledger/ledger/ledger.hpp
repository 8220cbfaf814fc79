// The SQLite ledger: pages, articles, organisations, places, events, their allocation lines and
// the mentions (reports) behind every event. Ingest is one transaction per page and idempotent:
// an unchanged file changes nothing, a changed file replaces its old mentions.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidledger/extract/page.hpp"
#include "aidledger/ledger/corrections.hpp"
#include "aidledger/ledger/filter.hpp"

namespace SQLite {
class Database;
}

namespace aidledger::ledger {

inline constexpr int kSchemaVersion = 3;

struct IngestStats {
  int pages_added = 0, pages_unchanged = 0, pages_replaced = 0, pages_failed = 0, pages_duplicate = 0;
  int articles = 0, relevant_articles = 0;
  int reports = 0, events_created = 0, reports_merged = 0;
};

/// absent: new; unchanged: this path with these bytes; changed: this path, other bytes;
/// duplicate: these bytes are already in the ledger under another path (the same page).
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
  /// Opens (creating if needed) and migrates the database at `path` (":memory:" for tests).
  explicit Ledger(const std::string& path);
  ~Ledger();
  Ledger(const Ledger&) = delete;
  Ledger& operator=(const Ledger&) = delete;

  /// Whether the page at `path` is already in the ledger with these bytes.
  PageState page_state(const std::string& path, const std::string& sha256) const;
  /// Article-id prefix for a page: its file stem, made unique when another file has the same stem.
  std::string article_prefix(const std::string& path, const std::string& sha256) const;

  /// Stores one extracted page in one transaction (all or nothing).
  void ingest(const extract::PageExtraction& page, IngestStats& stats);

  /// Applies the user's corrections (all of them, in one transaction): first undoes what the
  /// previous application did, then applies each line and records what it did. Called at the
  /// end of every ingest, so a correction survives re-ingest.
  CorrectionStats apply_corrections(const std::vector<Correction>& corrections);

  std::vector<ExportLine> export_lines() const;
  /// The lines a filter keeps, in the export's order.
  std::vector<ExportLine> lines(const LineFilter& filter) const;

  SQLite::Database& database();
  const SQLite::Database& database() const;

 private:
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
