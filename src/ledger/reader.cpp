#include "aidledger/ledger/reader.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

namespace aidledger::ledger {
namespace {
std::optional<std::int64_t> opt_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}
std::vector<std::string> split_covers(const std::string& s) {
  std::vector<std::string> out;
  const std::string sep = "、";
  for (std::size_t from = 0; from <= s.size();) {
    const std::size_t at = s.find(sep, from);
    std::string part = s.substr(from, at == std::string::npos ? std::string::npos : at - from);
    if (!part.empty()) out.push_back(std::move(part));
    if (at == std::string::npos) break;
    from = at + sep.size();
  }
  return out;
}
}  // namespace

std::vector<TotalRow> total_rows(SQLite::Database& db, const LineFilter& f) {
  std::vector<TotalRow> out;
  each_total_row(db, f, [&](const TotalRow& r) { out.push_back(r); });
  return out;
}

void each_total_row(SQLite::Database& db, const LineFilter& f, const std::function<void(const TotalRow&)>& use) {
  SQLite::Statement q(db, fmt::format(
      "SELECT e.id, e.kind, e.status, e.aggregate, e.date_text, COALESCE(e.date_first, ''), COALESCE(e.date_last, ''), "
      "COALESCE(o.name, ''), COALESCE(o.category, 'other'), a.township, COALESCE(a.covers, ''), a.amount_fen, a.quantity, e.unit "
      "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id", line_filter_sql()));
  bind_line_filter(q, f);
  while (q.executeStep()) {
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
    use(r);
  }
}

}  // namespace aidledger::ledger
