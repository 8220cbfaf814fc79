// The reads behind explain, timeline, the refusal of unknown donors and the audit checks: an
// event with its reports and corrections, and the rows each check looks at. What a finding says
// is decided by the report layer (report/checks.cpp).
#include <algorithm>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/reader.hpp"

namespace aidledger::ledger {
namespace {

std::optional<std::int64_t> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

void split_covers(const std::string& covers, std::set<std::string>& into) {
  std::size_t start = 0;
  while (start <= covers.size()) {
    const std::size_t at = covers.find("、", start);
    const std::string t = covers.substr(start, at == std::string::npos ? std::string::npos : at - start);
    if (!t.empty()) into.insert(t);
    if (at == std::string::npos) break;
    start = at + std::string("、").size();
  }
}

// What one report reads: its lines (township, or the JOINT townships it covers, or the recipient).
std::vector<EventLine> lines_of_report(SQLite::Database& db, std::int64_t mention) {
  SQLite::Statement q(db, "SELECT township, covers, recipient, amount_fen, quantity FROM mention_allocations WHERE mention_id = ? ORDER BY rowid");
  q.bind(1, mention);
  std::vector<EventLine> out;
  while (q.executeStep())
    out.push_back(EventLine{q.getColumn(2).getString(), q.getColumn(0).getString(), q.getColumn(1).getString(), opt_int(q.getColumn(3)),
                            opt_int(q.getColumn(4))});
  return out;
}

std::vector<std::int64_t> ids(SQLite::Database& db, const std::string& sql, const LineFilter* f = nullptr) {
  SQLite::Statement q(db, sql);
  if (f) bind_line_filter(q, *f);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

// Events with a line the filter keeps: the condition on `e` (organisation `o` joined).
constexpr const char* kEventsFrom = "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id";

}  // namespace

std::string CorrectionRecord::text() const {
  return fmt::format("{} {}{} (reason: {}){}", action, target, fields.empty() ? "" : " " + fields, reason, message.empty() ? "" : "; " + message);
}

std::optional<EventDetail> Reader::event_detail(std::int64_t id) const {
  SQLite::Statement q(db_, "SELECT e.id, e.date_text, e.date_precision, e.date_basis, e.kind, e.status, COALESCE(o.name, ''), "
                           "COALESCE(o.category, ''), e.item, e.unit, e.distribution, e.approximate, e.aggregate, e.tranche, "
                           "e.excluded, e.pledge_id FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  EventDetail d;
  d.id = q.getColumn(0).getInt64();
  d.date = q.getColumn(1).getString();
  d.precision = q.getColumn(2).getString();
  d.date_basis = q.getColumn(3).getString();
  d.kind = q.getColumn(4).getString();
  d.status = q.getColumn(5).getString();
  d.donor = q.getColumn(6).getString();
  d.donor_category = q.getColumn(7).getString();
  d.item = q.getColumn(8).getString();
  d.unit = q.getColumn(9).getString();
  d.distribution = q.getColumn(10).getString();
  d.approximate = q.getColumn(11).getInt() != 0;
  d.aggregate = q.getColumn(12).getInt() != 0;
  d.tranche = q.getColumn(13).getInt() != 0;
  d.excluded = q.getColumn(14).getInt() != 0;
  d.pledge_id = opt_int(q.getColumn(15));

  SQLite::Statement t(db_, "SELECT id FROM events WHERE pledge_id = ? ORDER BY date_first, id");
  t.bind(1, id);
  while (t.executeStep()) d.tranches.push_back(t.getColumn(0).getInt64());
  SQLite::Statement l(db_, "SELECT recipient, township, covers, amount_fen, quantity, excluded FROM allocations WHERE event_id = ? ORDER BY id");
  l.bind(1, id);
  while (l.executeStep()) {
    EventLine line{l.getColumn(0).getString(), l.getColumn(1).getString(), l.getColumn(2).getString(),
                   opt_int(l.getColumn(3)), opt_int(l.getColumn(4))};
    line.excluded = l.getColumn(5).getInt() != 0;
    d.lines.push_back(std::move(line));
  }
  SQLite::Statement m(db_, "SELECT m.id, m.article_id, ar.title, COALESCE(ar.published_text, ''), p.path, m.line, m.byte_start, m.byte_end, "
                           "m.measure_start, m.measure_end, m.sentence_original, m.donor_basis, m.date_basis, m.merge_reason, m.notes, "
                           "m.date_text, m.date_precision, m.unit "
                           "FROM mentions m JOIN articles ar ON ar.id = m.article_id JOIN pages p ON p.id = ar.page_id "
                           "WHERE m.event_id = ? ORDER BY ar.published_first IS NULL, ar.published_first, m.id");
  m.bind(1, id);
  // Read all rows first: lines_of_report runs its own query per report.
  struct Row {
    std::int64_t mention;
    ReportOfEvent report;
  };
  std::vector<Row> rows;
  while (m.executeStep()) {
    Row row{m.getColumn(0).getInt64(), {}};
    ReportOfEvent& r = row.report;
    r.unit = m.getColumn(17).getString();
    r.date_text = m.getColumn(15).getString();
    r.precision = m.getColumn(16).getString();
    r.article_id = m.getColumn(1).getString();
    r.article_title = m.getColumn(2).getString();
    r.article_date = m.getColumn(3).getString();
    r.file = m.getColumn(4).getString();
    r.line = m.getColumn(5).getInt();
    r.byte_start = m.getColumn(6).getInt64();
    r.byte_end = m.getColumn(7).getInt64();
    r.measure_start = m.getColumn(8).getInt64();
    r.measure_end = m.getColumn(9).getInt64();
    r.sentence = m.getColumn(10).getString();
    r.donor_basis = m.getColumn(11).getString();
    r.date_basis = m.getColumn(12).getString();
    r.merge_reason = m.getColumn(13).getString();
    r.notes = m.getColumn(14).getString();
    rows.push_back(std::move(row));
  }
  for (auto& row : rows) {
    row.report.reads = lines_of_report(db_, row.mention);
    d.reports.push_back(std::move(row.report));
  }
  SQLite::Statement c(db_, "SELECT file, line, action, target, fields, reason, message FROM corrections WHERE event_id = ? ORDER BY id");
  c.bind(1, id);
  while (c.executeStep()) {
    CorrectionRecord r;
    r.action = c.getColumn(2).getString();
    r.target = c.getColumn(3).getString();
    r.fields = c.getColumn(4).getString();
    r.reason = c.getColumn(5).getString();
    r.message = c.getColumn(6).getString();
    r.file = c.getColumn(0).getString();
    r.line = c.getColumn(1).getInt();
    d.corrections.push_back(std::move(r));
  }
  return d;
}

std::vector<std::int64_t> Reader::event_ids(const LineFilter& f) const {
  return ids(db_, fmt::format("SELECT e.id {} WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id", kEventsFrom, event_filter_sql()), &f);
}

std::optional<EventBrief> Reader::event_brief(std::int64_t id) const {
  SQLite::Statement q(db_, "SELECT e.id, e.date_text, e.date_precision, e.kind, COALESCE(o.name, ''), e.total_fen "
                           "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.id = ?");
  q.bind(1, id);
  if (!q.executeStep()) return std::nullopt;
  EventBrief b;
  b.id = q.getColumn(0).getInt64();
  b.date = q.getColumn(1).getString();
  b.precision = q.getColumn(2).getString();
  b.kind = q.getColumn(3).getString();
  b.donor = q.getColumn(4).getString();
  b.total_fen = opt_int(q.getColumn(5));
  SQLite::Statement t(db_, "SELECT township FROM allocations WHERE event_id = ? AND excluded = 0 ORDER BY id");
  t.bind(1, id);
  while (t.executeStep()) b.townships.push_back(t.getColumn(0).getString());
  SQLite::Statement w(db_, "SELECT p.path, m.line, m.sentence_original, m.article_id FROM mentions m JOIN articles ar ON ar.id = m.article_id "
                           "JOIN pages p ON p.id = ar.page_id WHERE m.event_id = ? "
                           "ORDER BY ar.published_first IS NULL, ar.published_first, m.id LIMIT 1");
  w.bind(1, id);
  if (w.executeStep()) {
    b.file = w.getColumn(0).getString();
    b.line = w.getColumn(1).getInt();
    b.sentence = w.getColumn(2).getString();
    b.article_id = w.getColumn(3).getString();
  }
  return b;
}

std::int64_t Reader::last_event_id() const { return db_.execAndGet("SELECT COALESCE(MAX(id), 0) FROM events").getInt64(); }

bool Reader::donor_known(const std::string& text) const {
  SQLite::Statement q(db_, "SELECT 1 FROM organisations o WHERE instr(o.name, ?1) > 0 OR EXISTS "
                           "(SELECT 1 FROM organisation_aliases x WHERE x.organisation_id = o.id AND instr(x.alias, ?1) > 0) LIMIT 1");
  q.bind(1, text);
  return q.executeStep();
}

std::vector<std::string> Reader::organisation_names() const {
  SQLite::Statement q(db_, "SELECT name FROM organisations ORDER BY name");
  std::vector<std::string> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getString());
  return out;
}

std::vector<std::int64_t> Reader::events_reports_disagree(const LineFilter& f) const {
  return ids(db_, fmt::format(
      "SELECT e.id {} WHERE {} AND (e.id IN (SELECT event_id FROM (SELECT m.event_id, "
      "(SELECT COALESCE(SUM(amount_fen), -1) || '/' || COALESCE(SUM(quantity), -1) FROM mention_allocations x WHERE x.mention_id = m.id) AS t "
      "FROM mentions m) GROUP BY event_id HAVING COUNT(DISTINCT t) > 1) OR e.id IN (SELECT event_id FROM mentions "
      "WHERE date_precision NOT IN ('reported', 'unknown') GROUP BY event_id HAVING COUNT(DISTINCT date_text) > 1)) ORDER BY e.id",
      kEventsFrom, event_filter_sql()), &f);
}

std::vector<PledgeOverrun> Reader::pledge_overruns(const LineFilter& f) const {
  SQLite::Statement q(db_, fmt::format(
      "SELECT p.id, COALESCE(p.total_fen, 0), SUM(COALESCE(t.total_fen, 0)), COUNT(*) FROM events p JOIN events t "
      "ON t.pledge_id = p.id AND t.excluded = 0 WHERE p.excluded = 0 AND p.id IN (SELECT e.id {} WHERE {}) GROUP BY p.id "
      "HAVING SUM(COALESCE(t.total_fen, 0)) > COALESCE(p.total_fen, 0) ORDER BY p.id", kEventsFrom, event_filter_sql()));
  bind_line_filter(q, f);
  std::vector<PledgeOverrun> out;
  while (q.executeStep())
    out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getInt64(), q.getColumn(2).getInt64(), q.getColumn(3).getInt64()});
  return out;
}

std::vector<CorrectionRecord> Reader::corrections(bool unapplied_only) const {
  SQLite::Statement q(db_, fmt::format("SELECT c.file, c.line, c.action, c.target, c.fields, c.reason, c.status, c.message, c.event_id, "
                                       "COALESCE(e.date_text, ''), COALESCE(o.name, '') FROM corrections c LEFT JOIN events e ON e.id = c.event_id "
                                       "LEFT JOIN organisations o ON o.id = e.donor_id {} ORDER BY c.file, c.line",
                                       unapplied_only ? "WHERE c.status != 'applied'" : ""));
  std::vector<CorrectionRecord> out;
  while (q.executeStep()) {
    CorrectionRecord r;
    r.file = q.getColumn(0).getString();
    r.line = q.getColumn(1).getInt();
    r.action = q.getColumn(2).getString();
    r.target = q.getColumn(3).getString();
    r.fields = q.getColumn(4).getString();
    r.reason = q.getColumn(5).getString();
    r.status = q.getColumn(6).getString();
    r.message = q.getColumn(7).getString();
    r.event_id = opt_int(q.getColumn(8));
    r.event_date = q.getColumn(9).getString();
    r.event_donor = q.getColumn(10).getString();
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::int64_t> Reader::claim_events(const LineFilter& f) const {
  return ids(db_, fmt::format("SELECT e.id {} WHERE e.aggregate = 1 AND {} ORDER BY e.date_first, e.id", kEventsFrom, event_filter_sql()), &f);
}

std::vector<Coverage> Reader::claims_coverage(const std::vector<std::int64_t>& claim_events) const {
  struct Claim {
    std::string kind, first, last;
    std::optional<std::int64_t> donor;   // an enterprise's claim covers only its own gifts
    std::set<std::string> townships;     // JOINT lines expanded to the townships they cover
    std::int64_t last_event = 0;
  };
  std::vector<Claim> claims;
  std::vector<Coverage> out(claim_events.size());
  for (std::size_t i = 0; i < claim_events.size(); ++i) {
    SQLite::Statement c(db_, "SELECT COALESCE(e.total_fen, 0), e.kind, "
                             "CASE WHEN e.date_basis LIKE '%以来%' OR e.date_basis LIKE '%至今%' THEN COALESCE(e.date_first, '0000') ELSE '0000' END, "
                             "COALESCE(e.date_last, '9999'), CASE WHEN o.category = 'enterprise' THEN e.donor_id END "
                             "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.id = ?");
    c.bind(1, claim_events[i]);
    Claim claim;
    if (c.executeStep()) {
      out[i].claim_fen = c.getColumn(0).getInt64();
      claim.kind = c.getColumn(1).getString();
      claim.first = c.getColumn(2).getString();
      claim.last = c.getColumn(3).getString();
      claim.donor = opt_int(c.getColumn(4));
      SQLite::Statement t(db_, "SELECT township, covers FROM allocations WHERE event_id = ?");
      t.bind(1, claim_events[i]);
      while (t.executeStep()) {
        if (t.getColumn(0).getString() == "JOINT") split_covers(t.getColumn(1).getString(), claim.townships);
        else claim.townships.insert(t.getColumn(0).getString());
      }
    }
    out[i].townships = claim.townships;
    claims.push_back(std::move(claim));
  }
  if (claims.empty()) return out;
  // One pass over the paid lines in date order; each claim takes the lines it may cover.
  SQLite::Statement lines(db_, "SELECT e.id, e.kind, e.date_first, e.date_last, e.donor_id, a.township, a.covers, COALESCE(a.amount_fen, 0) "
                               "FROM events e JOIN allocations a ON a.event_id = e.id WHERE e.status = 'disbursed' AND e.aggregate = 0 "
                               "AND e.excluded = 0 AND a.excluded = 0 AND e.date_first IS NOT NULL ORDER BY e.date_first, e.id");
  std::set<std::string> covers;
  while (lines.executeStep()) {
    const std::int64_t event = lines.getColumn(0).getInt64();
    const std::string kind = lines.getColumn(1).getString(), first = lines.getColumn(2).getString(), last = lines.getColumn(3).getString();
    const auto donor = opt_int(lines.getColumn(4));
    const std::string township = lines.getColumn(5).getString();
    covers.clear();
    if (township == "JOINT") split_covers(lines.getColumn(6).getString(), covers);
    for (std::size_t i = 0; i < claims.size(); ++i) {
      Claim& c = claims[i];
      if (c.kind != kind || first < c.first || last > c.last || (c.donor && c.donor != donor)) continue;
      const bool overlap = township.empty() || c.townships.count(township) > 0 ||
                           std::any_of(covers.begin(), covers.end(), [&](const std::string& t) { return c.townships.count(t) > 0; });
      if (!overlap) continue;
      extract::add_checked(out[i].covered_fen, lines.getColumn(7).getInt64(),
                           fmt::format("the events covered by the claim of event {}", claim_events[i]));
      if (c.last_event != event) {
        ++out[i].events;
        if (out[i].first_events.size() < 20) out[i].first_events.push_back(event);
        c.last_event = event;
      }
    }
  }
  return out;
}

std::vector<UnplacedLine> Reader::unplaced_lines(const LineFilter& f) const {
  SQLite::Statement q(db_, fmt::format("SELECT e.id, a.recipient, a.amount_fen FROM allocations a JOIN events e ON e.id = a.event_id "
                                       "LEFT JOIN organisations o ON o.id = e.donor_id WHERE a.township = '' AND {} ORDER BY e.id, a.id",
                                       line_filter_sql()));
  bind_line_filter(q, f);
  std::vector<UnplacedLine> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), opt_int(q.getColumn(2))});
  return out;
}

std::vector<std::int64_t> Reader::events_donor_unnamed(const LineFilter& f) const {
  return ids(db_, fmt::format("SELECT e.id {} WHERE e.origin = 'articles' AND (e.donor_id IS NULL OR NOT EXISTS "
                              "(SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.donor_basis IN ('subject', 'earlier clause'))) "
                              "AND {} ORDER BY e.id", kEventsFrom, event_filter_sql()), &f);
}

std::vector<std::int64_t> Reader::events_dated_by_report(const LineFilter& f) const {
  return ids(db_, fmt::format("SELECT e.id {} WHERE e.aggregate = 0 AND e.date_precision = 'reported' AND {} ORDER BY e.id",
                              kEventsFrom, event_filter_sql()), &f);
}

std::vector<ApproximateLine> Reader::approximate_lines(const LineFilter& f) const {
  SQLite::Statement q(db_, fmt::format("SELECT e.id, a.township, a.amount_fen FROM allocations a JOIN events e ON e.id = a.event_id "
                                       "LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.approximate = 1 AND e.aggregate = 0 AND {} "
                                       "ORDER BY e.id, a.id", line_filter_sql()));
  bind_line_filter(q, f);
  std::vector<ApproximateLine> out;
  while (q.executeStep()) out.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), opt_int(q.getColumn(2))});
  return out;
}

std::vector<std::int64_t> Reader::events_count_unstated(const LineFilter& f) const {
  return ids(db_, fmt::format("SELECT e.id {} WHERE e.id IN (SELECT event_id FROM mentions WHERE notes LIKE '%not stated%') AND {} ORDER BY e.id",
                              kEventsFrom, event_filter_sql()), &f);
}

}  // namespace aidledger::ledger
