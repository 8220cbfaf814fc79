#include "aidledger/report/audit.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/ledger/reader.hpp"
#include "aidledger/text/utf8.hpp"
#include "aidledger/text/words.hpp"

namespace aidledger::report {
namespace {

using ledger::bind_line_filter;
using ledger::line_filter_sql;

std::optional<std::int64_t> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::string money(std::int64_t fen) { return extract::format_yuan(fen); }

std::string reading_of(SQLite::Database& db, std::int64_t mention, const std::string& unit, const std::string& date_text,
                       const std::string& precision) {
  SQLite::Statement q(db, "SELECT township, covers, recipient, amount_fen, quantity FROM mention_allocations WHERE mention_id = ? ORDER BY rowid");
  q.bind(1, mention);
  std::string s;
  while (q.executeStep()) {
    std::string who = q.getColumn(0).getString() == "JOINT" ? "JOINT(" + q.getColumn(1).getString() + ")"
                      : q.getColumn(0).getString().empty() ? q.getColumn(2).getString() : q.getColumn(0).getString();
    if (who.empty()) who = "?";
    std::string what;
    if (!q.getColumn(3).isNull()) what = money(q.getColumn(3).getInt64());
    if (!q.getColumn(4).isNull()) what += (what.empty() ? "" : " ") + std::to_string(q.getColumn(4).getInt64()) + unit;
    s += fmt::format("{}{} {}", s.empty() ? "" : " + ", who, what.empty() ? "(no amount)" : what);
  }
  return fmt::format("{}; date {} ({})", s, date_text.empty() ? "unknown" : date_text, precision);
}

}  // namespace

std::vector<Summary> donor_summaries(SQLite::Database& db, const ledger::LineFilter& f, bool by_year) {
  return summarise(ledger::total_rows(db, f), f, true, by_year);
}
std::vector<Summary> township_summaries(SQLite::Database& db, const ledger::LineFilter& f, bool by_year) {
  return summarise(ledger::total_rows(db, f), f, false, by_year);
}

std::optional<EventDetail> event_detail(SQLite::Database& db, std::int64_t id) {
  SQLite::Statement q(db, "SELECT e.id, e.date_text, e.date_precision, e.date_basis, e.kind, e.status, COALESCE(o.name, ''), "
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

  SQLite::Statement t(db, "SELECT id FROM events WHERE pledge_id = ? ORDER BY date_first, id");
  t.bind(1, id);
  while (t.executeStep()) d.tranches.push_back(t.getColumn(0).getInt64());
  SQLite::Statement l(db, "SELECT recipient, township, covers, amount_fen, quantity, excluded FROM allocations WHERE event_id = ? ORDER BY id");
  l.bind(1, id);
  while (l.executeStep()) {
    EventLine line{l.getColumn(0).getString(), l.getColumn(1).getString(), l.getColumn(2).getString(),
                   opt_int(l.getColumn(3)), opt_int(l.getColumn(4))};
    if (l.getColumn(5).getInt() != 0) line.recipient += " [excluded]";
    d.lines.push_back(std::move(line));
  }
  SQLite::Statement m(db, "SELECT m.id, m.article_id, ar.title, COALESCE(ar.published_text, ''), p.path, m.line, m.byte_start, m.byte_end, "
                          "m.measure_start, m.measure_end, m.sentence_original, m.donor_basis, m.date_basis, m.merge_reason, m.notes, "
                          "m.date_text, m.date_precision, m.unit "
                          "FROM mentions m JOIN articles ar ON ar.id = m.article_id JOIN pages p ON p.id = ar.page_id "
                          "WHERE m.event_id = ? ORDER BY ar.published_first IS NULL, ar.published_first, m.id");
  m.bind(1, id);
  // Read all rows first: reading_of runs its own query per report.
  struct Row {
    std::int64_t mention;
    std::string unit, date_text, precision;
    ReportOfEvent report;
  };
  std::vector<Row> rows;
  while (m.executeStep()) {
    Row row{m.getColumn(0).getInt64(), m.getColumn(17).getString(), m.getColumn(15).getString(), m.getColumn(16).getString(), {}};
    ReportOfEvent& r = row.report;
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
    row.report.reading = reading_of(db, row.mention, row.unit, row.date_text, row.precision);
    d.reports.push_back(std::move(row.report));
  }
  SQLite::Statement c(db, "SELECT file, line, action, target, fields, reason, message FROM corrections WHERE event_id = ? ORDER BY id");
  c.bind(1, id);
  while (c.executeStep())
    d.corrections.push_back({c.getColumn(0).getString(), c.getColumn(1).getInt(),
                             fmt::format("{} {}{} (reason: {}){}", c.getColumn(2).getString(), c.getColumn(3).getString(),
                                         c.getColumn(4).getString().empty() ? "" : " " + c.getColumn(4).getString(),
                                         c.getColumn(5).getString(),
                                         c.getColumn(6).getString().empty() ? "" : "; " + c.getColumn(6).getString())});
  return d;
}

std::vector<EventDetail> timeline(SQLite::Database& db, const ledger::LineFilter& f) {
  SQLite::Statement q(db, fmt::format("SELECT e.id FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE {} "
                                      "ORDER BY e.date_first IS NULL, e.date_first, e.id", ledger::event_filter_sql()));
  bind_line_filter(q, f);
  std::vector<std::int64_t> ids;
  while (q.executeStep()) ids.push_back(q.getColumn(0).getInt64());
  std::vector<EventDetail> out;
  for (std::int64_t id : ids)
    if (auto d = event_detail(db, id)) out.push_back(std::move(*d));
  return out;
}

bool donor_known(SQLite::Database& db, const std::string& text) {
  SQLite::Statement q(db, "SELECT 1 FROM organisations o WHERE instr(o.name, ?1) > 0 OR EXISTS "
                          "(SELECT 1 FROM organisation_aliases x WHERE x.organisation_id = o.id AND instr(x.alias, ?1) > 0) LIMIT 1");
  q.bind(1, text);
  return q.executeStep();
}

std::vector<std::string> suggest_donors(SQLite::Database& db, const std::string& text, std::size_t max) {
  SQLite::Statement q(db, "SELECT name FROM organisations ORDER BY name");
  std::vector<std::pair<int, std::string>> scored;
  while (q.executeStep()) {
    const std::string name = q.getColumn(0).getString();
    // Characters of generic words (公司, 集团, 有限 …) say nothing about which organisation is meant.
    static constexpr std::string_view generic = "有限责任公司股份集团科技郑州河南市区";
    int shared = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t at = i;
      text::next_code_point(text, i);
      const std::string_view ch = std::string_view(text).substr(at, i - at);
      if (generic.find(ch) == std::string_view::npos && name.find(ch) != std::string::npos) ++shared;
    }
    if (shared > 0) scored.emplace_back(shared, name);
  }
  // Most shared characters first; among equals, the shorter name (closer to what was typed).
  std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.size() < b.second.size();
  });
  std::vector<std::string> out;
  for (auto& [n, name] : scored) {
    if (out.size() == max) break;
    out.push_back(name);
  }
  return out;
}

std::vector<Coverage> claims_coverage(SQLite::Database& db, const std::vector<std::int64_t>& claim_events) {
  struct Claim {
    std::string kind, first, last;
    std::optional<std::int64_t> donor;   // an enterprise's claim covers only its own gifts
    std::set<std::string> townships;     // JOINT lines expanded to the townships they cover
    std::int64_t last_event = 0;
  };
  auto split_covers = [](const std::string& covers, std::set<std::string>& into) {
    std::size_t start = 0;
    while (start <= covers.size()) {
      const std::size_t at = covers.find("、", start);
      const std::string t = covers.substr(start, at == std::string::npos ? std::string::npos : at - start);
      if (!t.empty()) into.insert(t);
      if (at == std::string::npos) break;
      start = at + std::string("、").size();
    }
  };
  std::vector<Claim> claims;
  std::vector<Coverage> out(claim_events.size());
  for (std::size_t i = 0; i < claim_events.size(); ++i) {
    SQLite::Statement c(db, "SELECT COALESCE(e.total_fen, 0), e.kind, "
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
      SQLite::Statement t(db, "SELECT township, covers FROM allocations WHERE event_id = ?");
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
  SQLite::Statement lines(db, "SELECT e.id, e.kind, e.date_first, e.date_last, e.donor_id, a.township, a.covers, COALESCE(a.amount_fen, 0) "
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
      extract::add_checked(out[i].covered_fen, lines.getColumn(7).getInt64(), fmt::format("the events covered by the claim of event {}", claim_events[i]));
      if (c.last_event != event) {
        ++out[i].events;
        if (out[i].first_events.size() < 20) out[i].first_events.push_back(event);
        c.last_event = event;
      }
    }
  }
  return out;
}

std::string_view to_string(Level l) {
  switch (l) {
    case Level::info: return "info";
    case Level::warning: return "warning";
    case Level::error: return "error";
  }
  return "warning";
}

const std::vector<CheckInfo>& checks() {
  static const std::vector<CheckInfo> all = {
      {"reports-disagree", Level::error, "reports of one event give different amounts or different stated dates"},
      {"tranche-exceeds-pledge", Level::error, "the tranches paid against a pledge add up to more than the pledge"},
      {"correction-unmatched", Level::error, "a correction names a report or field that is not in the ledger"},
      {"cumulative-claim", Level::warning, "a cumulative claim (累计 …) against the sum of the events it may cover: the gap"},
      {"unresolved-place", Level::warning, "a line whose recipient is not placed in a township of the gazetteer"},
      {"unresolved-donor", Level::warning, "an event whose giver is not named in its sentences"},
      {"date-from-report", Level::info, "an event whose date no article states; the date is that of the earliest report"},
  };
  return all;
}

namespace {

// Where an event is best cited: its earliest report.
struct Where {
  std::string file;
  int line = 0;
  std::string sentence;
};
Where where_of(SQLite::Database& db, std::int64_t event) {
  SQLite::Statement q(db, "SELECT p.path, m.line, m.sentence_original FROM mentions m JOIN articles ar ON ar.id = m.article_id "
                          "JOIN pages p ON p.id = ar.page_id WHERE m.event_id = ? "
                          "ORDER BY ar.published_first IS NULL, ar.published_first, m.id LIMIT 1");
  q.bind(1, event);
  if (!q.executeStep()) return {"(correction)", 0, ""};
  return {q.getColumn(0).getString(), q.getColumn(1).getInt(), q.getColumn(2).getString()};
}

Finding finding(SQLite::Database& db, const std::string& check, Level level, std::int64_t event, std::string message) {
  const Where w = where_of(db, event);
  Finding f{check, level, w.file, w.line, event, std::move(message), {}};
  if (!w.sentence.empty()) f.evidence.push_back(w.sentence);
  return f;
}

std::vector<std::int64_t> ids(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement q(db, sql);
  std::vector<std::int64_t> out;
  while (q.executeStep()) out.push_back(q.getColumn(0).getInt64());
  return out;
}

std::vector<Finding> run_all_checks(SQLite::Database& db, const std::string& only, const PathStyle& show_path) {
  std::vector<Finding> out;
  auto path = [&](const std::string& p) { return show_path ? show_path(p) : p; };
  auto wanted = [&](const std::string& name) { return only.empty() || only == name; };
  const std::string live = "e.excluded = 0";

  if (wanted("reports-disagree")) {
    for (std::int64_t id : ids(db, fmt::format(
             "SELECT e.id FROM events e WHERE {} AND (e.id IN (SELECT event_id FROM (SELECT m.event_id, "
             "(SELECT COALESCE(SUM(amount_fen), -1) || '/' || COALESCE(SUM(quantity), -1) FROM mention_allocations x WHERE x.mention_id = m.id) AS t "
             "FROM mentions m) GROUP BY event_id HAVING COUNT(DISTINCT t) > 1) OR e.id IN (SELECT event_id FROM mentions "
             "WHERE date_precision NOT IN ('reported', 'unknown') GROUP BY event_id HAVING COUNT(DISTINCT date_text) > 1)) ORDER BY e.id", live))) {
      auto d = event_detail(db, id);
      Finding f = finding(db, "reports-disagree", Level::error, id, fmt::format("event {}: its {} reports disagree", id, d->reports.size()));
      f.evidence.clear();
      for (const auto& r : d->reports) f.evidence.push_back(fmt::format("{}:{}: {}", path(r.file), r.line, r.reading));
      out.push_back(std::move(f));
    }
  }
  if (wanted("tranche-exceeds-pledge")) {
    SQLite::Statement q(db, "SELECT p.id, COALESCE(p.total_fen, 0), SUM(COALESCE(t.total_fen, 0)), COUNT(*) FROM events p JOIN events t "
                            "ON t.pledge_id = p.id AND t.excluded = 0 WHERE p.excluded = 0 GROUP BY p.id "
                            "HAVING SUM(COALESCE(t.total_fen, 0)) > COALESCE(p.total_fen, 0) ORDER BY p.id");
    while (q.executeStep())
      out.push_back(finding(db, "tranche-exceeds-pledge", Level::error, q.getColumn(0).getInt64(),
                            fmt::format("pledge {} of {} has {} paying {}, {} more than pledged", q.getColumn(0).getInt64(),
                                        money(q.getColumn(1).getInt64()), text::count_of(q.getColumn(3).getInt64(), "tranche"),
                                        money(q.getColumn(2).getInt64()),
                                        money(q.getColumn(2).getInt64() - q.getColumn(1).getInt64()))));
  }
  if (wanted("correction-unmatched")) {
    SQLite::Statement q(db, "SELECT file, line, action, target, message FROM corrections WHERE status != 'applied' ORDER BY file, line");
    while (q.executeStep())
      out.push_back({"correction-unmatched", Level::error, q.getColumn(0).getString(), q.getColumn(1).getInt(), 0,
                     fmt::format("{} {}: {}", q.getColumn(2).getString(), q.getColumn(3).getString(), q.getColumn(4).getString()), {}});
  }
  if (wanted("cumulative-claim")) {
    const auto claim_ids = ids(db, "SELECT e.id FROM events e WHERE e.aggregate = 1 AND e.excluded = 0 ORDER BY e.date_first, e.id");
    const auto coverage = claims_coverage(db, claim_ids);
    for (std::size_t i = 0; i < claim_ids.size(); ++i) {
      const std::int64_t id = claim_ids[i];
      const Coverage& c = coverage[i];
      out.push_back(finding(db, "cumulative-claim", Level::warning, id,
                            fmt::format("event {} claims {}; {}: gap {}", id, money(c.claim_fen),
                                        c.events == 0   ? std::string("no event it may cover is in the ledger")
                                        : c.events == 1 ? fmt::format("the 1 event it may cover comes to {}", money(c.covered_fen))
                                                        : fmt::format("the {} events it may cover sum to {}", c.events, money(c.covered_fen)),
                                        money(c.gap()))));
    }
  }
  if (wanted("unresolved-place")) {
    SQLite::Statement q(db, "SELECT e.id, a.recipient FROM allocations a JOIN events e ON e.id = a.event_id "
                            "WHERE a.township = '' AND a.excluded = 0 AND e.excluded = 0 ORDER BY e.id, a.id");
    while (q.executeStep())
      out.push_back(finding(db, "unresolved-place", Level::warning, q.getColumn(0).getInt64(),
                            fmt::format("event {}: recipient '{}' is not placed in a township", q.getColumn(0).getInt64(),
                                        q.getColumn(1).getString().empty() ? "?" : q.getColumn(1).getString())));
  }
  if (wanted("unresolved-donor")) {
    for (std::int64_t id : ids(db, "SELECT e.id FROM events e WHERE e.excluded = 0 AND e.origin = 'articles' AND (e.donor_id IS NULL OR NOT EXISTS "
                                   "(SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.donor_basis IN ('subject', 'earlier clause'))) ORDER BY e.id")) {
      auto d = event_detail(db, id);
      out.push_back(finding(db, "unresolved-donor", Level::warning, id,
                            d->donor.empty() ? fmt::format("event {}: no giver named", id)
                                             : fmt::format("event {}: giver not named in the sentence; taken as the article's actor, {}", id, d->donor)));
    }
  }
  if (wanted("date-from-report")) {
    for (std::int64_t id : ids(db, "SELECT e.id FROM events e WHERE e.excluded = 0 AND e.aggregate = 0 AND e.date_precision = 'reported' ORDER BY e.id")) {
      auto d = event_detail(db, id);
      out.push_back(finding(db, "date-from-report", Level::info, id,
                            fmt::format("event {}: no article states its date; {} is the date of the earliest report", id, d->date)));
    }
  }
  return out;
}

}  // namespace

std::vector<Finding> run_checks(SQLite::Database& db, const std::string& only, const PathStyle& show_path) {
  try {
    auto findings = run_all_checks(db, only, show_path);
    if (show_path)
      for (auto& f : findings)
        if (f.file != "(correction)") f.file = show_path(f.file);
    return findings;
  } catch (const std::overflow_error& e) {  // a total past int64 (add_checked)
    throw std::overflow_error(fmt::format("{}: {}", db.getFilename(), e.what()));
  } catch (const std::exception& e) {
    ledger::throw_if_sum_overflow(e, fmt::format("{}: a sum of the checks", db.getFilename()));  // SQL SUM() past int64
    throw;
  }
}

}  // namespace aidledger::report
