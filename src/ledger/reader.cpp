// The reads behind the workbook's line sheets and every total: lines, the Timeline's events,
// pledges and their tranches, the Summary's counts.
#include "aidledger/ledger/reader.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "aidledger/ledger/ledger.hpp"

namespace aidledger::ledger {
namespace {
std::optional<std::int64_t> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::string opt_text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }
std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  for (std::size_t from = 0; from <= s.size();) {
    const std::size_t at = s.find(sep, from);
    std::string part = s.substr(from, at == std::string::npos ? std::string::npos : at - from);
    if (!part.empty()) out.push_back(std::move(part));
    if (at == std::string::npos) break;
    from = at + sep.size();
  }
  return out;
}
std::vector<std::string> split_covers(const std::string& s) { return split(s, "、"); }

// The columns of a TotalRow (0-13), then whatever a query adds.
constexpr const char* kTotalColumns =
    "e.id, e.kind, e.status, e.aggregate, e.date_text, COALESCE(e.date_first, ''), COALESCE(e.date_last, ''), "
    "COALESCE(o.name, ''), COALESCE(o.category, 'other'), a.township, COALESCE(a.covers, ''), a.amount_fen, a.quantity, e.unit";
constexpr int kTotalColumnCount = 14;

TotalRow total_row(SQLite::Statement& q) {
  TotalRow r;
  r.event_id = q.getColumn(0).getInt64();
  r.kind = q.getColumn(1).getString();
  r.status = q.getColumn(2).getString();
  r.aggregate = q.getColumn(3).getInt() != 0;
  r.date = q.getColumn(4).getString();
  r.year = r.date.size() >= 4 ? std::stoi(r.date.substr(0, 4)) : 0;
  r.date_first = q.getColumn(5).getString();
  r.date_last = q.getColumn(6).getString();
  r.donor = q.getColumn(7).getString();
  r.donor_category = q.getColumn(8).getString();
  r.township = q.getColumn(9).getString();
  r.covers = split_covers(q.getColumn(10).getString());
  r.amount_fen = opt_int(q.getColumn(11));
  r.quantity = opt_int(q.getColumn(12));
  r.unit = q.getColumn(13).getString();
  return r;
}

std::int64_t count(SQLite::Database& db, const std::string& sql, const LineFilter& f) {
  SQLite::Statement q(db, sql);
  bind_line_filter(q, f);
  q.executeStep();
  return q.getColumn(0).getInt64();
}
}  // namespace

Reader::Reader(Ledger& ledger) : db_(ledger.database()) {}

std::string Reader::path() const { return db_.getFilename(); }

std::vector<TotalRow> Reader::total_rows(const LineFilter& f) const {
  std::vector<TotalRow> out;
  each_total_row(f, [&](const TotalRow& r) { out.push_back(r); });
  return out;
}

std::vector<TotalRow> Reader::total_groups(const LineFilter& f, bool by_donor) const {
  // Few groups: a donor's rows need to know only whether a line is JOINT; a township's, no donor.
  SQLite::Statement q(db_, fmt::format(
      "SELECT {}, CASE WHEN length(e.date_text) >= 4 THEN CAST(substr(e.date_text, 1, 4) AS INTEGER) ELSE 0 END, "
      "e.status, e.kind, e.aggregate, CASE WHEN a.amount_fen IS NULL THEN e.unit ELSE '' END, a.amount_fen IS NULL, "
      "SUM(a.amount_fen), SUM(a.quantity), COUNT(*) "
      "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE {} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9",
      by_donor ? "COALESCE(o.name, ''), COALESCE(o.category, 'other'), CASE WHEN a.township = 'JOINT' THEN 'JOINT' ELSE '' END"
               : "'', 'other', a.township",
      line_filter_sql()));
  bind_line_filter(q, f);
  std::vector<TotalRow> out;
  try {
    while (q.executeStep()) {
      TotalRow r;
      r.donor = q.getColumn(0).getString();
      r.donor_category = q.getColumn(1).getString();
      r.township = q.getColumn(2).getString();
      r.year = q.getColumn(3).getInt();
      r.status = q.getColumn(4).getString();
      r.kind = q.getColumn(5).getString();
      r.aggregate = q.getColumn(6).getInt() != 0;
      r.unit = q.getColumn(7).getString();
      if (q.getColumn(8).getInt() == 0) r.amount_fen = opt_int(q.getColumn(9));
      r.quantity = opt_int(q.getColumn(10));
      r.lines = q.getColumn(11).getInt64();
      out.push_back(std::move(r));
    }
  } catch (const SQLite::Exception& e) {
    throw_if_sum_overflow(e, fmt::format("{}: a sum of the lines", path()));
    throw;
  }
  return out;
}

void Reader::each_total_row(const LineFilter& f, const std::function<void(const TotalRow&)>& use) const {
  SQLite::Statement q(db_, fmt::format(
      "SELECT {} FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id", kTotalColumns, line_filter_sql()));
  bind_line_filter(q, f);
  while (q.executeStep()) use(total_row(q));
}

void Reader::each_line_detail(const LineFilter& f, const std::function<void(const LineDetail&)>& use) const {
  const std::string first_article =
      "(SELECT {} FROM mentions m JOIN articles ar ON ar.id = m.article_id WHERE m.event_id = e.id "
      "ORDER BY ar.published_first IS NULL, ar.published_first, m.id LIMIT 1)";
  SQLite::Statement q(db_, fmt::format(
      "SELECT {}, e.date_precision, a.recipient, e.item, e.approximate, "
      "(SELECT group_concat(article_id, ';') FROM (SELECT DISTINCT article_id FROM mentions m WHERE m.event_id = e.id ORDER BY article_id)), "
      "{}, {} "
      "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id",
      kTotalColumns, fmt::format(fmt::runtime(first_article), "ar.title"),
      fmt::format(fmt::runtime(first_article), "COALESCE(ar.published_text, '')"), line_filter_sql()));
  bind_line_filter(q, f);
  constexpr int n = kTotalColumnCount;
  while (q.executeStep()) {
    LineDetail d;
    d.row = total_row(q);
    d.precision = q.getColumn(n).getString();
    d.recipient = q.getColumn(n + 1).getString();
    d.item = q.getColumn(n + 2).getString();
    d.approximate = q.getColumn(n + 3).getInt() != 0;
    d.sources = split(opt_text(q.getColumn(n + 4)), ";");
    d.source_title = opt_text(q.getColumn(n + 5));
    d.source_date = opt_text(q.getColumn(n + 6));
    use(d);
  }
}

ScopeCounts Reader::scope(const LineFilter& f) const {
  ScopeCounts c;
  c.articles_with_aid = count(db_, fmt::format("SELECT COUNT(DISTINCT m.article_id) FROM mentions m JOIN events e ON e.id = m.event_id "
                                               "LEFT JOIN organisations o ON o.id = e.donor_id WHERE {}", event_filter_sql()), f);
  c.events = count(db_, fmt::format("SELECT COUNT(*) FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE {}", event_filter_sql()), f);
  c.articles_read = db_.execAndGet("SELECT COUNT(*) FROM articles").getInt64();
  return c;
}

void Reader::each_timeline_entry(const LineFilter& f, const std::function<void(const TimelineEntry&)>& use) const {
  SQLite::Statement q(db_, fmt::format(
      "WITH firsts AS (SELECT m.event_id, m.id AS mid FROM mentions m JOIN articles ar ON ar.id = m.article_id "
      "  WHERE m.id = (SELECT m2.id FROM mentions m2 JOIN articles a2 ON a2.id = m2.article_id WHERE m2.event_id = m.event_id "
      "                ORDER BY a2.published_first IS NULL, a2.published_first, m2.id LIMIT 1)) "
      "SELECT e.id, e.date_text, e.date_precision, COALESCE(o.name, ''), e.status, e.kind, e.total_fen, e.total_quantity, e.unit, "
      "  fm.sentence_original, fm.article_id, ar.title, COALESCE(ar.published_text, ''), fm.line, fm.id "
      "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id JOIN firsts ON firsts.event_id = e.id "
      "JOIN mentions fm ON fm.id = firsts.mid JOIN articles ar ON ar.id = fm.article_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id", event_filter_sql()));
  bind_line_filter(q, f);
  SQLite::Statement others(db_, "SELECT article_id, line, merge_reason FROM mentions WHERE event_id = ? AND id != ? ORDER BY id");
  while (q.executeStep()) {
    TimelineEntry t;
    t.event_id = q.getColumn(0).getInt64();
    t.date = q.getColumn(1).getString();
    t.precision = q.getColumn(2).getString();
    t.donor = q.getColumn(3).getString();
    t.status = q.getColumn(4).getString();
    t.kind = q.getColumn(5).getString();
    t.total_fen = opt_int(q.getColumn(6));
    t.total_quantity = opt_int(q.getColumn(7));
    t.unit = q.getColumn(8).getString();
    t.sentence = q.getColumn(9).getString();
    t.article_id = q.getColumn(10).getString();
    t.article_title = q.getColumn(11).getString();
    t.article_date = q.getColumn(12).getString();
    t.line = q.getColumn(13).getInt();
    others.reset();
    others.bind(1, t.event_id);
    others.bind(2, q.getColumn(14).getInt64());
    while (others.executeStep()) t.others.push_back({others.getColumn(0).getString(), others.getColumn(1).getInt(), others.getColumn(2).getString()});
    use(t);
  }
}

std::vector<PledgeEntry> Reader::pledges(const LineFilter& f) const {
  SQLite::Statement q(db_, fmt::format(
      "SELECT e.id, e.date_text, COALESCE(o.name, ''), COALESCE(e.total_fen, 0) "
      "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE e.status = 'pledged' AND e.aggregate = 0 AND {} ORDER BY e.date_first, e.id", event_filter_sql()));
  bind_line_filter(q, f);
  std::vector<PledgeEntry> out;
  while (q.executeStep()) {
    PledgeEntry p;
    p.event_id = q.getColumn(0).getInt64();
    p.date = q.getColumn(1).getString();
    p.donor = q.getColumn(2).getString();
    p.fen = q.getColumn(3).getInt64();
    out.push_back(std::move(p));
  }
  SQLite::Statement places(db_, "SELECT CASE township WHEN 'JOINT' THEN covers WHEN '' THEN recipient ELSE township END "
                                "FROM allocations WHERE event_id = ? ORDER BY id");
  SQLite::Statement tranches(db_, "SELECT id, date_text, COALESCE(total_fen, 0) FROM events WHERE pledge_id = ? ORDER BY date_first, id");
  for (auto& p : out) {
    places.reset();
    places.bind(1, p.event_id);
    while (places.executeStep()) p.places.push_back(opt_text(places.getColumn(0)));
    tranches.reset();
    tranches.bind(1, p.event_id);
    while (tranches.executeStep())
      p.tranches.push_back({tranches.getColumn(0).getInt64(), tranches.getColumn(2).getInt64(), tranches.getColumn(1).getString()});
  }
  return out;
}

}  // namespace aidledger::ledger
