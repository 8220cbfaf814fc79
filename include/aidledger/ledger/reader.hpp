// Typed reads of the ledger for the reports and the audit commands: the SQL stays in the ledger
// layer (reader.cpp, queries.cpp), the report and command layers work on plain rows. A Reader is
// a view of an open Ledger; every query sees the ledger's snapshot (a read-only Ledger holds one
// read transaction while open).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "aidledger/ledger/filter.hpp"

namespace SQLite {
class Database;
}

namespace aidledger::ledger {

class Ledger;

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
  std::int64_t lines = 1;             // a row of total_groups(): how many lines it adds up
};

/// One line as the Ledger sheet shows it: the totals' row and what a reader of the line wants.
struct LineDetail {
  TotalRow row;
  std::string precision;              // day|month|year|reported|unknown
  std::string recipient, item;
  bool approximate = false;
  std::vector<std::string> sources;   // article ids of every report, sorted
  std::string source_title, source_date;  // the earliest report's article
};

/// What the Summary counts besides money.
struct ScopeCounts {
  std::int64_t articles_with_aid = 0;  // articles reporting an event the filter keeps
  std::int64_t articles_read = 0;      // every article in the ledger
  std::int64_t events = 0;             // events with a line the filter keeps
};

/// One event of the Timeline sheet: the event, its earliest report, and the other reports.
struct TimelineEntry {
  std::int64_t event_id = 0;
  std::string date, precision, donor, status, kind, unit;
  std::optional<std::int64_t> total_fen, total_quantity;
  std::string sentence, article_id, article_title, article_date;  // the earliest report
  int line = 0;
  struct Other {
    std::string article_id;
    int line = 0;
    std::string merge_reason;
  };
  std::vector<Other> others;
};

/// A pledge and the tranches paid against it.
struct PledgeEntry {
  std::int64_t event_id = 0, fen = 0;
  std::string date, donor;
  std::vector<std::string> places;     // per line: its township, the townships of a JOINT line, or the recipient
  struct Tranche {
    std::int64_t event_id = 0, fen = 0;
    std::string date;
  };
  std::vector<Tranche> tranches;
};

/// A line of an event (or of one report of it).
struct EventLine {
  std::string recipient, township, covers;
  std::optional<std::int64_t> amount_fen, quantity;
  bool excluded = false;  // by a correction
};

/// One report (mention) of an event, with where it is and what it reads.
struct ReportOfEvent {
  std::string article_id, article_title, article_date, file;
  int line = 0;
  std::int64_t byte_start = 0, byte_end = 0, measure_start = 0, measure_end = 0;
  std::string sentence;                     // as printed
  std::vector<EventLine> reads;             // what this report says: its lines (amount, township) …
  std::string unit, date_text, precision;   // … its unit and date (report::reading_label prints them)
  std::string donor_basis, date_basis, merge_reason, notes;  // as stored (English); report/labels.hpp prints them
};

/// A line of the user's corrections file as the last ingest applied it (or could not).
struct CorrectionRecord {
  std::string file;                     // the corrections file, as recorded by ingest
  int line = 0;
  std::string action, target, fields, reason, status, message;  // status: applied | unmatched | …
  std::optional<std::int64_t> event_id;
  std::string event_date, event_donor;  // of the event it names, when it names one
  /// "set date=2021-05 (reason: …)[; message]"
  std::string text() const;
};

/// Everything about one event.
struct EventDetail {
  std::int64_t id = 0;
  std::string date, precision, date_basis, kind, status, donor, donor_category, item, unit, distribution;
  bool approximate = false, aggregate = false, tranche = false, excluded = false;
  std::optional<std::int64_t> pledge_id;
  std::vector<std::int64_t> tranches;
  std::vector<EventLine> lines;
  std::vector<ReportOfEvent> reports;
  std::vector<CorrectionRecord> corrections;  // the lines of the corrections file that name it
};

/// An event in brief, where a finding about it is best cited: its earliest report.
struct EventBrief {
  std::int64_t id = 0;
  std::string date, precision, kind, donor;
  std::vector<std::string> townships;   // of its live lines, as recorded (JOINT, '' unresolved)
  std::optional<std::int64_t> total_fen;
  std::string file, article_id, sentence;  // the earliest report ('' for an event a correction added)
  int line = 0;
};

/// What a cumulative claim (an aggregate event) may cover: the paid, non-aggregate lines of its
/// kind in its townships (or with the township unresolved), up to the claim's report, from the
/// start of its period when it states one (2019年以来); an enterprise's claim covers only its own.
struct Coverage {
  std::int64_t claim_fen = 0, covered_fen = 0, events = 0;
  std::set<std::string> townships;         // the claim's own (JOINT lines expanded)
  std::vector<std::int64_t> first_events;  // at most 20, in date order
  std::int64_t gap() const { return claim_fen - covered_fen; }
};

/// Tranches adding up to more than their pledge.
struct PledgeOverrun {
  std::int64_t pledge_id = 0, pledged_fen = 0, paid_fen = 0, tranches = 0;
};

/// A line whose recipient is not placed in a township.
struct UnplacedLine {
  std::int64_t event_id = 0;
  std::string recipient;
  std::optional<std::int64_t> amount_fen;
};

/// A line of an event whose amount is approximate.
struct ApproximateLine {
  std::int64_t event_id = 0;
  std::string township;
  std::optional<std::int64_t> amount_fen;
};

class Reader {
 public:
  /// A view of `ledger` (implicit: a function taking a Reader takes a Ledger).
  Reader(Ledger& ledger);  // NOLINT(google-explicit-constructor)
  /// A view of a database (the ledger layer's own use and tests).
  explicit Reader(SQLite::Database& db) : db_(db) {}

  /// The path of the database, for messages.
  std::string path() const;

  // ---- lines and totals -------------------------------------------------------------------
  /// The lines `filter` keeps (aggregates included, marked), in the ledger's order.
  std::vector<TotalRow> total_rows(const LineFilter& filter) const;
  /// The same lines one at a time, in constant memory (the workbook of a ledger of any size).
  void each_total_row(const LineFilter& filter, const std::function<void(const TotalRow&)>& use) const;
  /// The same lines added up by the database for the donor (or township) summaries, in memory that
  /// does not grow with the ledger: one row per donor (township), year, status, kind, aggregate
  /// flag, whether an amount is stated and, for goods without one, unit; amounts and quantities
  /// summed, the count in `lines`; no event, dates or covers. By donor, `township` only tells
  /// JOINT lines ("JOINT") from the others ("").
  std::vector<TotalRow> total_groups(const LineFilter& filter, bool by_donor) const;
  /// The lines with what the Ledger sheet shows, one at a time, in the same order.
  void each_line_detail(const LineFilter& filter, const std::function<void(const LineDetail&)>& use) const;
  ScopeCounts scope(const LineFilter& filter) const;

  // ---- events ----------------------------------------------------------------------------
  /// Events with a line the filter keeps, with their earliest report, in date order, one at a time.
  void each_timeline_entry(const LineFilter& filter, const std::function<void(const TimelineEntry&)>& use) const;
  /// Pledges (not cumulative claims) with a line the filter keeps, in date order, with their tranches.
  std::vector<PledgeEntry> pledges(const LineFilter& filter) const;
  std::optional<EventDetail> event_detail(std::int64_t id) const;
  /// Events with a line the filter keeps, in date order (ids).
  std::vector<std::int64_t> event_ids(const LineFilter& filter) const;
  std::optional<EventBrief> event_brief(std::int64_t id) const;
  /// The highest event id, 0 for an empty ledger.
  std::int64_t last_event_id() const;

  // ---- organisations ---------------------------------------------------------------------
  /// True when some organisation's canonical name or alias contains `text`.
  bool donor_known(const std::string& text) const;
  /// Every organisation's canonical name, sorted.
  std::vector<std::string> organisation_names() const;

  // ---- what the audit checks look for (report/checks.cpp decides what a finding says) ------
  /// Events whose reports give different amounts or quantities, or different stated dates.
  std::vector<std::int64_t> events_reports_disagree(const LineFilter& filter) const;
  std::vector<PledgeOverrun> pledge_overruns(const LineFilter& filter) const;
  /// The corrections recorded by the last ingest, by file and line (all, or those not applied).
  std::vector<CorrectionRecord> corrections(bool unapplied_only = false) const;
  /// Cumulative claims (aggregate events), in date order.
  std::vector<std::int64_t> claim_events(const LineFilter& filter) const;
  /// The coverage of each claim, in the order given, from one pass over the paid lines.
  std::vector<Coverage> claims_coverage(const std::vector<std::int64_t>& claim_events) const;
  std::vector<UnplacedLine> unplaced_lines(const LineFilter& filter) const;
  /// Events read from articles whose giver no sentence names (none, or the article's actor).
  std::vector<std::int64_t> events_donor_unnamed(const LineFilter& filter) const;
  /// Events (not claims) whose date is that of the earliest report.
  std::vector<std::int64_t> events_dated_by_report(const LineFilter& filter) const;
  /// Lines (not claims) whose amount is approximate.
  std::vector<ApproximateLine> approximate_lines(const LineFilter& filter) const;
  /// Events with a per-person or per-household amount whose count is not stated.
  std::vector<std::int64_t> events_count_unstated(const LineFilter& filter) const;

 private:
  SQLite::Database& db_;
};

}  // namespace aidledger::ledger
