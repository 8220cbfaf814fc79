// The report model: eight sheets computed from the ledger. Totals are sums of integer fen;
// aggregates (累计 …) and pledges never enter disbursed totals.
#include "aidledger/report/report.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/chrono.h>
#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/extract/places.hpp"
#include "aidledger/ledger/filter.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/report/totals.hpp"
#include "aidledger/ledger/reader.hpp"
#include "aidledger/text/words.hpp"

namespace aidledger::report {

std::string column_name(int col) {
  std::string s;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (c - 1) % 26));
  return s;
}
std::string cell_ref(int row, int col) { return fmt::format("{}{}", column_name(col), row + 1); }

void SheetSink::table(const TableSpec& spec) {
  std::vector<Cell> cells(spec.headers.size());
  cells[0] = Cell::str(spec.total_label);
  for (const auto& [col, fen] : spec.totals) {
    const std::string range = spec.last_row > spec.header_row
                                  ? fmt::format("{}:{}", cell_ref(spec.header_row + 1, col), cell_ref(spec.last_row, col))
                                  : cell_ref(spec.header_row + 1, col);
    cells[static_cast<std::size_t>(col)] = Cell::sum(fmt::format("=SUBTOTAL(109,{})", range), fen);
  }
  row(cells, RowStyle::total);
}

namespace {

constexpr int kUnknownYear = 0;

using extract::add_checked;
using ledger::bind_line_filter;
// Every user value is a bound parameter (ledger/filter.hpp).
const std::string kLineFilter = ledger::line_filter_sql();
std::string event_filter() { return ledger::event_filter_sql(); }
void bind_filter(SQLite::Statement& st, const Filter& f) { bind_line_filter(st, f); }

std::string kind_label(const std::string& k) {
  if (k == "cash") return "现金 cash";
  if (k == "in_kind") return "实物 in_kind";
  if (k == "consumption") return "消费帮扶 consumption";
  return k;
}
std::string status_label(const std::string& s) { return s == "pledged" ? "承诺 pledged" : "已拨付 disbursed"; }
std::string category_label(const std::string& c) {
  if (c == "government") return "政府单位 Government unit";
  if (c == "enterprise") return "企业 Enterprise";
  if (c == "social_organisation") return "社会组织 Social organisation";
  return "其他 Other";
}
std::string township_label(const std::string& t) {
  if (t == "JOINT") return "合并 JOINT";
  if (t.empty()) return "未确定 Unresolved";
  return t;
}
std::string precision_label(const std::string& p) {
  if (p == "day") return "日 day";
  if (p == "month") return "月 month";
  if (p == "year") return "年 year";
  if (p == "reported") return "报道日 reported";
  return "未知 unknown";
}
std::string year_label(int y) { return y == kUnknownYear ? "未知 Unknown" : std::to_string(y); }
std::string yuan(std::int64_t fen) { return extract::format_yuan(fen); }
// What a title says its amounts are in: (¥) or (万元).
std::string unit_mark(Unit u) { return u == Unit::wan ? "(万元)" : "(¥)"; }

// One pass over the lines, streamed: memory stays flat however long the ledger.
Totals gather(SQLite::Database& db, const Filter& f) {
  Totals t;
  ledger::each_total_row(db, f, [&](const ledger::TotalRow& r) { add_to_totals(t, r, f); });
  return t;
}

std::int64_t count(SQLite::Database& db, const std::string& sql, const Filter& f) {
  SQLite::Statement q(db, sql);
  bind_filter(q, f);
  q.executeStep();
  return q.getColumn(0).getInt64();
}

std::string filter_text(const Filter& f) {
  std::vector<std::string> parts;
  if (f.from_year || f.to_year)
    parts.push_back(fmt::format("{}–{}", f.from_year ? std::to_string(*f.from_year) : "", f.to_year ? std::to_string(*f.to_year) : ""));
  if (!f.township.empty()) parts.push_back("乡镇 " + f.township);
  if (!f.donor.empty()) parts.push_back("捐赠方 " + f.donor);
  if (parts.empty()) return "无 none";
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : "; ") + p;
  return s;
}

// Sheet writers keep their own row count so formulas can name cells.
class Sheet {
 public:
  Sheet(SheetSink& sink, const std::string& name, const std::string& stem, const std::vector<double>& widths) : sink_(sink) {
    sink_.begin_sheet(name, stem, widths);
  }
  ~Sheet() { sink_.end_sheet(); }  // noexcept: a write error surfaces from row() or finish()
  Sheet(const Sheet&) = delete;
  Sheet& operator=(const Sheet&) = delete;
  int row(const std::vector<Cell>& cells, RowStyle style = RowStyle::normal) {
    sink_.row(cells, style);
    return row_++;
  }
  int next() const { return row_; }
  SheetSink& sink() { return sink_; }

 private:
  SheetSink& sink_;
  int row_ = 0;
};

// ---- 1. 概览 Summary -----------------------------------------------------------------------
void summary_sheet(SheetSink& sink, SQLite::Database& db, const Filter& f, const ReportInfo& info, const Totals& t) {
  Sheet s(sink, "概览 Summary", "summary", {44, 20, 16, 20, 16, 3});
  s.row({Cell::str("结对帮扶台账 Pairing aid ledger")}, RowStyle::title);
  s.row({Cell::str("概览 Summary. 累计数与承诺不计入已拨付合计 — cumulative claims and pledges never enter disbursed totals.")}, RowStyle::note);
  s.row({});
  const bool wan = info.unit == Unit::wan;
  // An amount, and beside it (in a 元 workbook) the same in 万元, as a formula.
  auto amount = [&](const std::string& label, std::int64_t fen, RowStyle style = RowStyle::normal) {
    const int r = s.next();
    if (wan) s.row({Cell::str(label), Cell::money(fen)}, style);
    else s.row({Cell::str(label), Cell::money(fen), Cell::wan(fmt::format("={}/10000", cell_ref(r, 1)), fen)}, style);
  };
  if (wan) s.row({Cell::str("金额 Amounts"), Cell::str("万元 10,000 yuan")}, RowStyle::section);
  else s.row({Cell::str("金额 Amounts"), Cell::str("元 yuan"), Cell::str("万元 10,000 yuan")}, RowStyle::section);
  amount("已拨付合计 Disbursed total", t.disbursed, RowStyle::total);
  for (const std::string k : {"cash", "in_kind", "consumption"}) {
    auto it = t.disbursed_by_kind.find(k);
    amount("    " + kind_label(k), it == t.disbursed_by_kind.end() ? 0 : it->second);
  }
  amount("承诺 Pledged", t.pledged);
  amount("累计数（不计入合计） Cumulative claims (not in totals)", t.cumulative_claims);
  if (one_township(f)) {
    std::string with;
    for (const auto& o : t.shared_with) with += (with.empty() ? "" : "、") + o;
    s.row({Cell::str(fmt::format("与{}合并的款项（不计入本乡镇合计） Shared with {} (JOINT, not in this township's totals)",
                                 with.empty() ? "其他乡镇" : with, with.empty() ? "other townships" : with))},
          RowStyle::section);
    amount("    已拨付 Disbursed", t.shared_disbursed);
    amount("    承诺 Pledged", t.shared_pledged);
    for (const auto& [unit, qty] : t.shared_goods_by_unit)
      s.row({Cell::str(fmt::format("    未计价实物 Goods without a value ({})", unit)), Cell::integer(qty)});
  }
  s.row({});
  s.row({Cell::str("未计价实物 In-kind goods without a value")}, RowStyle::section);
  if (t.goods_by_unit.empty()) s.row({Cell::str("无 none")});
  for (const auto& [unit, qty] : t.goods_by_unit) s.row({Cell::str(unit), Cell::integer(qty)});
  s.row({});
  s.row({Cell::str("范围 Scope")}, RowStyle::section);
  const std::int64_t articles = count(db, fmt::format("SELECT COUNT(DISTINCT m.article_id) FROM mentions m JOIN events e ON e.id = m.event_id "
                                                      "LEFT JOIN organisations o ON o.id = e.donor_id WHERE {}", event_filter()), f);
  const std::int64_t events = count(db, fmt::format("SELECT COUNT(*) FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE {}", event_filter()), f);
  const std::int64_t all_articles = db.execAndGet("SELECT COUNT(*) FROM articles").getInt64();
  s.row({Cell::str("文章（有帮扶记录 / 全部） Articles (with aid / all read)"), Cell::str(fmt::format("{} / {}", articles, all_articles))});
  s.row({Cell::str("事件 Events"), Cell::integer(events)});
  s.row({Cell::str("台账行 Ledger lines"), Cell::integer(t.lines)});
  s.row({Cell::str("日期范围 Date range"), Cell::str(t.first_date.empty() ? "—" : t.first_date + " – " + t.last_date)});
  s.row({Cell::str("筛选 Filters"), Cell::str(filter_text(f))});
  const auto now = std::chrono::system_clock::now();
  s.row({Cell::str("生成 Produced by"), Cell::str(fmt::format("{}, {:%Y-%m-%d %H:%M} UTC, from {}", info.generator,
                                                              fmt::gmtime(std::chrono::system_clock::to_time_t(now)), info.database))});
  s.row({});

  // Disbursed per year and kind, with the stacked column chart beside it.
  s.row({Cell::str("年度拨付（按类别） Disbursed by year and kind")}, RowStyle::section);
  const int header = s.row({Cell::str("年份 Year"), Cell::str("现金 Cash"), Cell::str("实物 In kind"), Cell::str("消费帮扶 Consumption"),
                            Cell::str("合计 Total")}, RowStyle::header);
  int first = -1, last = -1;
  for (const auto& [year, kinds] : t.year_kind) {
    std::vector<Cell> cells{Cell::str(year_label(year))};
    std::int64_t sum = 0;
    for (const std::string k : {"cash", "in_kind", "consumption"}) {
      auto it = kinds.find(k);
      const std::int64_t v = it == kinds.end() ? 0 : it->second;
      add_checked(sum, v, "a year's disbursed total");
      cells.push_back(Cell::money(v));
    }
    const int r = s.next();
    cells.push_back(Cell::sum(fmt::format("=SUM({}:{})", cell_ref(r, 1), cell_ref(r, 3)), sum));
    s.row(cells);
    if (first < 0) first = r;
    last = r;
  }
  if (first >= 0) {
    ChartSpec c{ChartSpec::Type::stacked_column, "年度拨付 Disbursed per year " + unit_mark(info.unit), first, last, 0, {}, 3, 6};
    c.series = {{"现金 Cash", first, last, 1}, {"实物 In kind", first, last, 2}, {"消费帮扶 Consumption", first, last, 3}};
    s.sink().chart(c);
  }
  (void)header;
  s.row({});

  // The largest donors, with a bar chart.
  s.row({Cell::str("主要捐赠方 Largest donors (disbursed)")}, RowStyle::section);
  s.row({Cell::str("捐赠方 Donor"), Cell::str("已拨付 Disbursed")}, RowStyle::header);
  std::vector<std::pair<std::string, std::int64_t>> top;
  for (const auto& [name, d] : t.donors)
    if (d.disbursed > 0) top.emplace_back(name.empty() ? "（未知）Unknown" : name, d.disbursed);
  std::stable_sort(top.begin(), top.end(), [](auto& a, auto& b) { return a.second > b.second; });
  if (top.size() > 10) top.resize(10);
  first = s.next();
  for (const auto& [name, fen] : top) s.row({Cell::str(name), Cell::money(fen)});
  last = s.next() - 1;
  if (!top.empty()) {
    ChartSpec c{ChartSpec::Type::bar, "主要捐赠方 Largest donors " + unit_mark(info.unit), first, last, 0, {{"已拨付 Disbursed", first, last, 1}}, 22, 6};
    s.sink().chart(c);
  }
}

// ---- 2. 年度汇总 Yearly totals --------------------------------------------------------------
// A block of years x columns with row totals (money) or without (goods: different units do not add up).
void yearly_block(Sheet& s, const std::string& title, const std::vector<std::string>& columns,
                  const std::map<int, std::map<std::string, std::int64_t>>& data, bool money) {
  s.row({Cell::str(title)}, RowStyle::section);
  std::vector<Cell> head{Cell::str("年份 Year")};
  for (const auto& c : columns) head.push_back(Cell::str(money ? township_label(c) : c));
  if (money) head.push_back(Cell::str("合计 Total"));
  s.row(head, RowStyle::header);
  const int n = static_cast<int>(columns.size());
  const int first = s.next();
  std::vector<std::int64_t> column_sums(columns.size() + 1, 0);
  for (const auto& [year, values] : data) {
    std::vector<Cell> cells{Cell::str(year_label(year))};
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      auto it = values.find(columns[i]);
      const std::int64_t v = it == values.end() ? 0 : it->second;
      add_checked(sum, v, "a row total of the yearly sheet");
      add_checked(column_sums[i], v, "a column total of the yearly sheet");
      cells.push_back(money ? Cell::money(v) : Cell::integer(v));
    }
    add_checked(column_sums[columns.size()], sum, "the total of the yearly sheet");
    const int r = s.next();
    if (money) cells.push_back(Cell::sum(fmt::format("=SUM({}:{})", cell_ref(r, 1), cell_ref(r, n)), sum));
    s.row(cells);
  }
  const int last = s.next() - 1;
  std::vector<Cell> total{Cell::str("合计 Total")};
  for (int c = 1; c <= (money ? n + 1 : n); ++c) {
    const std::int64_t v = column_sums[static_cast<std::size_t>(c - 1)];
    const std::string col_sum = fmt::format("=SUM({}:{})", cell_ref(first, c), cell_ref(last, c));
    total.push_back(last < first ? (money ? Cell::money(0) : Cell::integer(0)) : money ? Cell::sum(col_sum, v) : Cell::count_sum(col_sum, v));
  }
  s.row(total, RowStyle::total);
  s.row({});
}

void yearly_sheet(SheetSink& sink, const Totals& t, Unit unit) {
  // Columns: the paired townships, any other township present, JOINT, unresolved.
  std::vector<std::string> columns;
  const auto& g = extract::Gazetteer::builtin();
  for (const auto& name : g.paired()) columns.push_back(name);
  for (const auto& name : g.report_order())
    if (t.townships.count(name) > 0 && std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
  for (const auto& name : t.townships)
    if (!name.empty() && name != "JOINT" && std::find(columns.begin(), columns.end(), name) == columns.end()) columns.push_back(name);
  columns.push_back("JOINT");
  columns.push_back("");
  std::vector<double> widths{14};
  for (std::size_t i = 0; i <= columns.size(); ++i) widths.push_back(18);
  Sheet s(sink, "年度汇总 Yearly totals", "yearly_totals", widths);
  s.row({Cell::str("年度汇总 Yearly totals")}, RowStyle::title);
  s.row({Cell::str("合并 JOINT: 一笔金额给多个乡镇、未拆分 — one amount given to several townships together. 累计数不计入 — cumulative claims are excluded.")}, RowStyle::note);
  s.row({});
  yearly_block(s, "已拨付 Disbursed " + unit_mark(unit), columns, t.year_township, true);
  yearly_block(s, "承诺 Pledged " + unit_mark(unit), columns, t.year_township_pledged, true);
  std::vector<std::string> units;
  for (const auto& [goods_unit, q] : t.goods_by_unit) units.push_back(goods_unit);
  if (!units.empty()) yearly_block(s, "未计价实物数量 Goods without a value (quantity per unit)", units, t.year_unit, false);
}

// ---- 3. 捐赠方 Donors ----------------------------------------------------------------------
void donors_sheet(SheetSink& sink, const Totals& t) {
  std::set<int> years;
  for (const auto& [name, d] : t.donors)
    for (const auto& [y, v] : d.by_year) years.insert(y);
  std::vector<double> widths{36, 26};
  for (std::size_t i = 0; i < years.size() + 2; ++i) widths.push_back(16);
  Sheet s(sink, "捐赠方 Donors", "donors", widths);
  s.row({Cell::str("捐赠方 Donors — 已拨付（按年）与承诺 disbursed by year, and pledged")}, RowStyle::title);
  s.row({});
  std::vector<Cell> head{Cell::str("捐赠方 Donor"), Cell::str("类别 Category")};
  for (int y : years) head.push_back(Cell::str(year_label(y)));
  head.push_back(Cell::str("已拨付合计 Disbursed"));
  head.push_back(Cell::str("承诺 Pledged"));
  const int header = s.row(head, RowStyle::header);
  std::vector<std::pair<std::string, const Totals::Donor*>> order;
  for (const auto& [name, d] : t.donors) order.emplace_back(name, &d);
  std::stable_sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.second->disbursed > b.second->disbursed; });
  const int ny = static_cast<int>(years.size());
  const int first = s.next();
  std::vector<std::int64_t> sums(years.size() + 2, 0);
  for (const auto& [name, d] : order) {
    std::vector<Cell> cells{Cell::str(name.empty() ? "（未知）Unknown" : name), Cell::str(category_label(d->category))};
    std::size_t i = 0;
    for (int y : years) {
      auto it = d->by_year.find(y);
      const std::int64_t v = it == d->by_year.end() ? 0 : it->second;
      add_checked(sums[i++], v, "a year's total of the donors sheet");
      cells.push_back(Cell::money(v));
    }
    const int r = s.next();
    cells.push_back(ny > 0 ? Cell::sum(fmt::format("=SUM({}:{})", cell_ref(r, 2), cell_ref(r, 1 + ny)), d->disbursed) : Cell::money(0));
    add_checked(sums[i++], d->disbursed, "the disbursed total of the donors sheet");
    cells.push_back(Cell::money(d->pledged));
    add_checked(sums[i], d->pledged, "the pledged total of the donors sheet");
    s.row(cells);
  }
  const int last = s.next() - 1;
  s.sink().freeze_and_filter(header, last, 1 + ny + 2);
  std::vector<Cell> total{Cell::str("合计 Total"), Cell::none()};
  for (int c = 2; c < 2 + ny + 2; ++c)
    total.push_back(last >= first ? Cell::sum(fmt::format("=SUM({}:{})", cell_ref(first, c), cell_ref(last, c)), sums[static_cast<std::size_t>(c - 2)])
                                  : Cell::money(0));
  s.row(total, RowStyle::total);
}

// ---- 3b. 乡镇×年度 Townships by year ---------------------------------------------------------
// Townships down, years across (disbursed), row and column totals as SUM formulas. In a report
// for one township, the JOINT lines it shares stand below the total, apart.
void townships_by_year_sheet(SheetSink& sink, const Filter& f, const Totals& t, Unit unit) {
  std::set<int> years;
  std::map<std::string, std::map<int, std::int64_t>> by_township;
  for (const auto& [y, towns] : t.year_township)
    for (const auto& [town, fen] : towns) {
      years.insert(y);
      add_checked(by_township[town][y], fen, "a township's disbursed total");
    }
  std::vector<std::string> order;
  const auto& g = extract::Gazetteer::builtin();
  auto put = [&](const std::string& name) {
    if (by_township.count(name) && std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
  };
  for (const auto& name : g.paired()) put(name);
  for (const auto& name : g.report_order()) put(name);
  for (const auto& [name, v] : by_township)
    if (!name.empty() && name != "JOINT") put(name);
  const bool shared_apart = one_township(f);
  if (!shared_apart) put("JOINT");
  put("");
  std::vector<double> widths{24};
  for (std::size_t i = 0; i <= years.size(); ++i) widths.push_back(16);
  Sheet s(sink, "乡镇×年度 Townships by year", "townships_by_year", widths);
  s.row({Cell::str("乡镇×年度 已拨付 Townships by year, disbursed " + unit_mark(unit))}, RowStyle::title);
  s.row({Cell::str("合并 JOINT: 一笔金额给多个乡镇、未拆分 — one amount to several townships together. 承诺与累计数不计入 — pledges and cumulative claims are excluded.")},
        RowStyle::note);
  s.row({});
  std::vector<Cell> head{Cell::str("乡镇 Township")};
  for (int y : years) head.push_back(Cell::str(year_label(y)));
  head.push_back(Cell::str("合计 Total"));
  const int header = s.row(head, RowStyle::header);
  const int ny = static_cast<int>(years.size());
  auto town_row = [&](const std::string& name, const std::string& label) {
    std::vector<Cell> cells{Cell::str(label)};
    std::int64_t sum = 0;
    for (int y : years) {
      auto it = by_township[name].find(y);
      const std::int64_t v = it == by_township[name].end() ? 0 : it->second;
      add_checked(sum, v, "a township's disbursed total");
      cells.push_back(Cell::money(v));
    }
    const int r = s.next();
    cells.push_back(ny > 0 ? Cell::sum(fmt::format("=SUM({}:{})", cell_ref(r, 1), cell_ref(r, ny)), sum) : Cell::money(0));
    s.row(cells);
    return sum;
  };
  const int first = s.next();
  std::vector<std::int64_t> sums(years.size() + 1, 0);
  for (const auto& name : order) {
    std::size_t i = 0;
    for (int y : years) add_checked(sums[i++], by_township[name][y], "a year's disbursed total");
    add_checked(sums[i], town_row(name, township_label(name)), "the disbursed total");
  }
  const int last = s.next() - 1;
  std::vector<Cell> total{Cell::str(shared_apart ? "合计（本乡镇） Total (own lines)" : "合计 Total")};
  for (int c = 1; c <= ny + 1; ++c)
    total.push_back(last >= first ? Cell::sum(fmt::format("=SUM({}:{})", cell_ref(first, c), cell_ref(last, c)), sums[static_cast<std::size_t>(c - 1)])
                                  : Cell::money(0));
  s.row(total, RowStyle::total);
  if (shared_apart && by_township.count("JOINT")) {
    std::string with;
    for (const auto& o : t.shared_with) with += (with.empty() ? "" : "、") + o;
    s.row({});
    town_row("JOINT", fmt::format("与{}合并（不计入） Shared with {} (not in the total)", with, with));
  }
  (void)header;
}

// ---- 4. 台账 Ledger (streamed) --------------------------------------------------------------
void ledger_sheet(SheetSink& sink, SQLite::Database& db, const Filter& f) {
  // Pivot-ready: one row per line, a year, the date as an Excel date when the day is known (else
  // the text, with its precision), and disbursed, pledged and cumulative-claim amounts in columns
  // of their own, so that every column adds up to something that means what it says.
  Sheet s(sink, "台账 Ledger", "ledger", {7, 7, 11, 9, 24, 20, 12, 12, 11, 15, 15, 15, 9, 6, 18, 6, 30, 11, 22});
  const std::vector<std::string> headers = {
      "事件 Event", "年份 Year", "日期 Date", "精度 Precision", "捐赠方 Donor", "受赠方 Recipient", "乡镇 Township",
      "类别 Kind", "状态 Status", "已拨付 Disbursed", "承诺 Pledged", "累计数 Cumulative claim", "数量 Quantity", "单位 Unit",
      "物品 Item", "约数 Approx", "来源标题 Source headline", "来源日期 Source date", "来源 Sources"};
  std::vector<Cell> head;
  for (const auto& h : headers) head.push_back(Cell::str(h));
  const int header = s.row(head, RowStyle::header);
  const std::string first_article =
      "(SELECT {} FROM mentions m JOIN articles ar ON ar.id = m.article_id WHERE m.event_id = e.id "
      "ORDER BY ar.published_first IS NULL, ar.published_first, m.id LIMIT 1)";
  SQLite::Statement q(db, fmt::format(
      "SELECT e.id, e.date_text, e.date_precision, COALESCE(o.name, ''), a.recipient, a.township, e.kind, e.status, "
      "a.amount_fen, a.quantity, e.unit, e.item, e.approximate, e.aggregate, "
      "(SELECT group_concat(article_id, ';') FROM (SELECT DISTINCT article_id FROM mentions m WHERE m.event_id = e.id ORDER BY article_id)), "
      "{}, {} "
      "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id",
      fmt::format(fmt::runtime(first_article), "ar.title"), fmt::format(fmt::runtime(first_article), "COALESCE(ar.published_text, '')"),
      kLineFilter));
  bind_filter(q, f);
  std::int64_t disbursed = 0, pledged = 0, claims = 0;
  while (q.executeStep()) {
    const std::string date = q.getColumn(1).getString(), precision = q.getColumn(2).getString();
    Cell date_cell = Cell::str(date);
    int y = 0, m = 0, d = 0;
    if (precision == "day" && date.size() == 10 && std::sscanf(date.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3)
      date_cell = Cell::date(y, m, d, date);
    const bool has_amount = !q.getColumn(8).isNull();
    const std::int64_t fen = has_amount ? q.getColumn(8).getInt64() : 0;
    const bool aggregate = q.getColumn(13).getInt() != 0, is_pledge = q.getColumn(7).getString() == "pledged";
    Cell paid = Cell::none(), promised = Cell::none(), claim = Cell::none();
    if (has_amount) {
      if (aggregate) {
        claim = Cell::money(fen);
        add_checked(claims, fen, "the Ledger sheet's cumulative claims");
      } else if (is_pledge) {
        promised = Cell::money(fen);
        add_checked(pledged, fen, "the Ledger sheet's pledged total");
      } else {
        paid = Cell::money(fen);
        add_checked(disbursed, fen, "the Ledger sheet's disbursed total");
      }
    }
    s.row({Cell::plain(q.getColumn(0).getInt64()), date.size() >= 4 ? Cell::plain(std::stoi(date.substr(0, 4))) : Cell::none(),
           std::move(date_cell), Cell::str(precision_label(precision)), Cell::str(q.getColumn(3).getString()),
           Cell::str(q.getColumn(4).getString()), Cell::str(township_label(q.getColumn(5).getString())),
           Cell::str(kind_label(q.getColumn(6).getString())), Cell::str(status_label(q.getColumn(7).getString())), std::move(paid),
           std::move(promised), std::move(claim), q.getColumn(9).isNull() ? Cell::none() : Cell::integer(q.getColumn(9).getInt64()),
           Cell::str(q.getColumn(10).getString()), Cell::str(q.getColumn(11).getString()), Cell::integer(q.getColumn(12).getInt()),
           Cell::str(q.getColumn(15).getString()), Cell::str(q.getColumn(16).getString()),
           Cell::str(q.getColumn(14).getString()).hinted(fmt::format("all: aidledger explain {}", q.getColumn(0).getInt64()))});
  }
  const int last = s.next() - 1;
  s.sink().table({"Ledger", header, last, headers, "合计 Total (SUBTOTAL: 筛选后 filtered rows)", {{9, disbursed}, {10, pledged}, {11, claims}}});
  s.sink().freeze_and_filter(header, last, static_cast<int>(headers.size()) - 1);
}

// ---- 5. 时间线 Timeline (streamed) ----------------------------------------------------------
void timeline_sheet(SheetSink& sink, SQLite::Database& db, const Filter& f) {
  Sheet s(sink, "时间线 Timeline", "timeline", {11, 9, 7, 22, 12, 12, 14, 9, 48, 18, 24, 11, 40});
  const int header = s.row({Cell::str("日期 Date"), Cell::str("精度 Precision"), Cell::str("事件 Event"), Cell::str("捐赠方 Donor"),
                            Cell::str("状态 Status"), Cell::str("类别 Kind"), Cell::str("金额 Amount"), Cell::str("数量 Quantity"),
                            Cell::str("证据 Evidence"), Cell::str("文章 Article"), Cell::str("标题 Title"), Cell::str("文章日期 Article date"),
                            Cell::str("其他报道与合并理由 Other reports and why merged")},
                           RowStyle::header);
  SQLite::Statement q(db, fmt::format(
      "WITH firsts AS (SELECT m.event_id, m.id AS mid FROM mentions m JOIN articles ar ON ar.id = m.article_id "
      "  WHERE m.id = (SELECT m2.id FROM mentions m2 JOIN articles a2 ON a2.id = m2.article_id WHERE m2.event_id = m.event_id "
      "                ORDER BY a2.published_first IS NULL, a2.published_first, m2.id LIMIT 1)) "
      "SELECT e.id, e.date_text, e.date_precision, COALESCE(o.name, ''), e.status, e.kind, e.total_fen, e.total_quantity, e.unit, "
      "  fm.sentence_original, fm.article_id, ar.title, COALESCE(ar.published_text, ''), fm.line, "
      "  (SELECT group_concat(m.article_id || ' (line ' || m.line || '): ' || m.merge_reason, char(10)) FROM mentions m "
      "   WHERE m.event_id = e.id AND m.id != fm.id) "
      "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id JOIN firsts ON firsts.event_id = e.id "
      "JOIN mentions fm ON fm.id = firsts.mid JOIN articles ar ON ar.id = fm.article_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id", event_filter()));
  bind_filter(q, f);
  while (q.executeStep()) {
    const std::string full = fmt::format("full text: aidledger explain {}", q.getColumn(0).getInt64());
    s.row({Cell::str(q.getColumn(1).getString()), Cell::str(precision_label(q.getColumn(2).getString())), Cell::plain(q.getColumn(0).getInt64()),
           Cell::str(q.getColumn(3).getString()), Cell::str(status_label(q.getColumn(4).getString())),
           Cell::str(kind_label(q.getColumn(5).getString())),
           q.getColumn(6).isNull() ? Cell::none() : Cell::money(q.getColumn(6).getInt64()),
           q.getColumn(7).isNull() ? Cell::none() : Cell::str(fmt::format("{}{}", q.getColumn(7).getInt64(), q.getColumn(8).getString())),
           Cell::str(q.getColumn(9).getString()).hinted(full), Cell::str(fmt::format("{} (line {})", q.getColumn(10).getString(), q.getColumn(13).getInt())),
           Cell::str(q.getColumn(11).getString()), Cell::str(q.getColumn(12).getString()),
           Cell::str(q.getColumn(14).isNull() ? "" : q.getColumn(14).getString()).hinted(full)});
  }
  s.sink().freeze_and_filter(header, s.next() - 1, 12);
}

// ---- 6. 承诺与拨付 Pledges ------------------------------------------------------------------
void pledges_sheet(SheetSink& sink, SQLite::Database& db, const Filter& f) {
  Sheet s(sink, "承诺与拨付 Pledges", "pledges", {10, 12, 30, 24, 18, 10, 12, 18, 18});
  s.row({Cell::str("承诺与拨付 Pledges and the tranches paid against them")}, RowStyle::title);
  s.row({});
  const int header = s.row({Cell::str("承诺 Pledge"), Cell::str("日期 Date"), Cell::str("捐赠方 Donor"), Cell::str("乡镇 Townships"),
                            Cell::str("承诺金额 Pledged"), Cell::str("拨付 Tranche"), Cell::str("拨付日期 Paid on"),
                            Cell::str("拨付金额 Paid"), Cell::str("剩余 Remaining")},
                           RowStyle::header);
  SQLite::Statement pledges(db, fmt::format(
      "SELECT e.id, e.date_text, COALESCE(o.name, ''), COALESCE(e.total_fen, 0), "
      "(SELECT group_concat(CASE a.township WHEN 'JOINT' THEN a.covers WHEN '' THEN a.recipient ELSE a.township END, '、') "
      " FROM allocations a WHERE a.event_id = e.id) "
      "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE e.status = 'pledged' AND e.aggregate = 0 AND {} ORDER BY e.date_first, e.id", event_filter()));
  bind_filter(pledges, f);
  struct P {
    std::int64_t id, fen;
    std::string date, donor, townships;
  };
  std::vector<P> ps;
  while (pledges.executeStep())
    ps.push_back({pledges.getColumn(0).getInt64(), pledges.getColumn(3).getInt64(), pledges.getColumn(1).getString(),
                  pledges.getColumn(2).getString(), pledges.getColumn(4).isNull() ? "" : pledges.getColumn(4).getString()});
  if (ps.empty()) s.row({Cell::str("无承诺 No pledges")});
  for (const P& p : ps) {
    SQLite::Statement tr(db, "SELECT id, date_text, COALESCE(total_fen, 0) FROM events WHERE pledge_id = ? ORDER BY date_first, id");
    tr.bind(1, p.id);
    std::vector<std::tuple<std::int64_t, std::string, std::int64_t>> tranches;
    std::int64_t paid = 0;
    while (tr.executeStep()) {
      tranches.emplace_back(tr.getColumn(0).getInt64(), tr.getColumn(1).getString(), tr.getColumn(2).getInt64());
      add_checked(paid, tr.getColumn(2).getInt64(), fmt::format("the tranches paid against pledge {}", p.id));
    }
    const int first = s.next();
    const int n = std::max<int>(1, static_cast<int>(tranches.size()));
    for (int i = 0; i < n; ++i) {
      std::vector<Cell> cells;
      if (i == 0) {
        cells = {Cell::integer(p.id), Cell::str(p.date), Cell::str(p.donor), Cell::str(p.townships), Cell::money(p.fen)};
      } else {
        cells = {Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::none()};
      }
      if (!tranches.empty()) {
        const auto& [tid, tdate, tfen] = tranches[static_cast<std::size_t>(i)];
        cells.insert(cells.end(), {Cell::integer(tid), Cell::str(tdate), Cell::money(tfen)});
      } else {
        cells.insert(cells.end(), {Cell::str("—"), Cell::none(), Cell::money(0)});
      }
      if (i == 0)
        cells.push_back(Cell::sum(fmt::format("={}-SUM({}:{})", cell_ref(first, 4), cell_ref(first, 7), cell_ref(first + n - 1, 7)), p.fen - paid));
      s.row(cells);
    }
  }
  s.sink().freeze_and_filter(header, s.next() - 1, 8);
}

// ---- 7. 待核查 Review ----------------------------------------------------------------------
void review_sheet(SheetSink& sink, SQLite::Database& db, const Filter& f) {
  Sheet s(sink, "待核查 Review", "review", {42, 8, 12, 30, 18, 16, 16, 16, 80, 30});
  s.row({Cell::str("待核查 Review — what needs a person")}, RowStyle::title);
  s.row({});
  const int header = s.row({Cell::str("检查 Check"), Cell::str("事件 Event"), Cell::str("日期 Date"), Cell::str("捐赠方 Donor"),
                            Cell::str("乡镇 Township"), Cell::str("金额 Amount"), Cell::str("覆盖事件合计 Covered"),
                            Cell::str("差额 Gap"), Cell::str("说明 Detail"), Cell::str("来源 Source")},
                           RowStyle::header);
  const std::string source =
      "(SELECT m.article_id || ' line ' || m.line FROM mentions m WHERE m.event_id = e.id ORDER BY m.id LIMIT 1)";
  auto stream = [&](const std::string& check, const std::string& sql, auto detail) {
    SQLite::Statement q(db, sql);
    bind_filter(q, f);
    while (q.executeStep()) {
      s.row({Cell::str(check), Cell::integer(q.getColumn(0).getInt64()), Cell::str(q.getColumn(1).getString()),
             Cell::str(q.getColumn(2).getString()), Cell::str(q.getColumn(3).getString()),
             q.getColumn(4).isNull() ? Cell::none() : Cell::money(q.getColumn(4).getInt64()), Cell::none(), Cell::none(),
             Cell::str(detail(q)), Cell::str(q.getColumn(5).isNull() ? "" : q.getColumn(5).getString())});
    }
  };
  const std::string line_cols = fmt::format("e.id, e.date_text, COALESCE(o.name, ''), a.township, a.amount_fen, {}", source);
  const std::string from_lines = "FROM allocations a JOIN events e ON e.id = a.event_id LEFT JOIN organisations o ON o.id = e.donor_id";
  const std::string event_cols = fmt::format(
      "e.id, e.date_text, COALESCE(o.name, ''), (SELECT group_concat(township, '、') FROM allocations WHERE event_id = e.id), e.total_fen, {}", source);
  const std::string from_events = "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id";

  // Cumulative claims beside the events they may cover, like a balance assertion.
  {
    SQLite::Statement q(db, fmt::format("SELECT e.id, e.date_text, COALESCE(o.name, ''), e.kind, {} {} WHERE e.aggregate = 1 AND {} "
                                        "ORDER BY e.date_first, e.id", source, from_events, event_filter()));
    bind_filter(q, f);
    struct Row {
      std::int64_t id;
      std::string date, donor, kind, source;
    };
    std::vector<Row> rows;
    while (q.executeStep())
      rows.push_back({q.getColumn(0).getInt64(), q.getColumn(1).getString(), q.getColumn(2).getString(), q.getColumn(3).getString(),
                      q.getColumn(4).isNull() ? "" : q.getColumn(4).getString()});
    std::vector<std::int64_t> claim_ids;
    for (const Row& c : rows) claim_ids.push_back(c.id);
    const auto coverage = claims_coverage(db, claim_ids);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Row& c = rows[i];
      const Coverage& cov = coverage[i];
      std::string list;
      for (std::int64_t id : cov.first_events) list += fmt::format("{}#{}", list.empty() ? "" : ", ", id);
      if (cov.events > static_cast<std::int64_t>(cov.first_events.size())) list += ", …";
      std::string towns;
      for (const auto& t : cov.townships) towns += (towns.empty() ? "" : "、") + township_label(t);
      s.row({Cell::str("累计数 Cumulative claim"), Cell::integer(c.id), Cell::str(c.date), Cell::str(c.donor), Cell::str(towns),
             Cell::money(cov.claim_fen), Cell::money(cov.covered_fen), Cell::money(cov.gap()),
             Cell::str(fmt::format("claims {} ({}); the ledger's {} it may cover {} to {}{}; gap {}. Not added into any total.",
                                   yuan(cov.claim_fen), kind_label(c.kind), text::count_of(cov.events, "event"),
                                   cov.events == 1 ? "comes" : "sum", yuan(cov.covered_fen),
                                   list.empty() ? "" : " (" + list + ")", yuan(cov.gap()))),
             Cell::str(c.source)});
    }
  }
  stream("报道不一致 Reports disagree",
         fmt::format("SELECT {} {} WHERE (e.id IN (SELECT event_id FROM (SELECT m.event_id, m.id, "
                     "(SELECT COALESCE(SUM(amount_fen), -1) FROM mention_allocations x WHERE x.mention_id = m.id) AS t FROM mentions m) "
                     "GROUP BY event_id HAVING COUNT(DISTINCT t) > 1) "
                     "OR e.id IN (SELECT event_id FROM mentions WHERE date_precision NOT IN ('reported', 'unknown') GROUP BY event_id "
                     "HAVING COUNT(DISTINCT date_text) > 1)) AND {} ORDER BY e.id", event_cols, from_events, event_filter()),
         [&](SQLite::Statement& q) {
           SQLite::Statement m(db, "SELECT article_id, date_text, (SELECT SUM(amount_fen) FROM mention_allocations x WHERE x.mention_id = mentions.id) "
                                   "FROM mentions WHERE event_id = ? ORDER BY id");
           m.bind(1, q.getColumn(0).getInt64());
           std::string d;
           while (m.executeStep())
             d += fmt::format("{}{}: {} {}", d.empty() ? "" : "; ", m.getColumn(0).getString(), m.getColumn(1).getString(),
                              m.getColumn(2).isNull() ? "" : yuan(m.getColumn(2).getInt64()));
           return d;
         });
  stream("约数 Approximate amount",
         fmt::format("SELECT {} {} WHERE e.approximate = 1 AND e.aggregate = 0 AND {} ORDER BY e.date_first, e.id, a.id", line_cols, from_lines, kLineFilter),
         [](SQLite::Statement&) { return std::string("the article gives the amount as approximate (约/多/余/近 …) or as a range"); });
  stream("日期仅来自报道 Date known only from the report",
         fmt::format("SELECT {} {} WHERE e.date_precision = 'reported' AND e.aggregate = 0 AND {} ORDER BY e.date_first, e.id",
                     event_cols, from_events, event_filter()),
         [](SQLite::Statement&) { return std::string("the articles do not say when; the date is that of the earliest report"); });
  stream("乡镇未确定 Township unresolved",
         fmt::format("SELECT {} {} WHERE a.township = '' AND {} ORDER BY e.date_first, e.id, a.id", line_cols, from_lines, kLineFilter),
         [](SQLite::Statement& q) { return std::string("recipient not placed in a township of the gazetteer"); (void)q; });
  stream("捐赠方未确定 Donor unresolved or implied",
         fmt::format("SELECT {} {} WHERE (e.donor_id IS NULL OR NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id "
                     "AND m.donor_basis IN ('subject', 'earlier clause'))) AND {} ORDER BY e.date_first, e.id",
                     event_cols, from_events, event_filter()),
         [](SQLite::Statement& q) {
           return q.getColumn(2).getString().empty() ? std::string("no giver named") : std::string("giver not named in the sentence; taken as the article's actor");
         });
  stream("每份金额人数未知 Per-unit amount, count not stated",
         fmt::format("SELECT {} {} WHERE e.id IN (SELECT event_id FROM mentions WHERE notes LIKE '%not stated%') AND {} ORDER BY e.id",
                     event_cols, from_events, event_filter()),
         [](SQLite::Statement&) { return std::string("the amount is per person or household; the total is not known"); });
  // The user's corrections, applied or not, with their reasons.
  {
    SQLite::Statement q(db, "SELECT c.file, c.line, c.action, c.target, c.fields, c.reason, c.status, c.message, c.event_id, "
                            "COALESCE(e.date_text, ''), COALESCE(o.name, '') FROM corrections c LEFT JOIN events e ON e.id = c.event_id "
                            "LEFT JOIN organisations o ON o.id = e.donor_id ORDER BY c.file, c.line");
    while (q.executeStep()) {
      const std::string status = q.getColumn(6).getString();
      s.row({Cell::str(status == "applied" ? "更正 Correction applied" : "更正未生效 Correction not applied"),
             q.getColumn(8).isNull() ? Cell::none() : Cell::integer(q.getColumn(8).getInt64()), Cell::str(q.getColumn(9).getString()),
             Cell::str(q.getColumn(10).getString()), Cell::none(), Cell::none(), Cell::none(), Cell::none(),
             Cell::str(fmt::format("{} {} {} — reason: {}; {}", q.getColumn(2).getString(), q.getColumn(3).getString(),
                                   q.getColumn(4).getString(), q.getColumn(5).getString(), q.getColumn(7).getString())),
             Cell::str(fmt::format("{}:{}", q.getColumn(0).getString(), q.getColumn(1).getInt()))});
    }
  }
  s.sink().freeze_and_filter(header, s.next() - 1, 9);
}

// ---- 8. 说明 Definitions --------------------------------------------------------------------
void definitions_sheet(SheetSink& sink) {
  Sheet s(sink, "说明 Definitions", "definitions", {30, 110});
  s.row({Cell::str("说明 Definitions")}, RowStyle::title);
  s.row({});
  s.row({Cell::str("项 Term"), Cell::str("含义 Meaning")}, RowStyle::header);
  const std::vector<std::pair<std::string, std::string>> defs = {
      {"事件 Event", "One act of giving. Several articles may report it; it is one event with several sources (see Timeline)."},
      {"台账行 Ledger line", "What one recipient, or several recipients jointly, received in an event."},
      {"日期 Date / 精度 Precision", "day, month or year as the article states it; 'reported' when no article states it and the date is that of the earliest report. Ranges print their start."},
      {"类别 Kind", "cash 现金; in_kind 实物 (goods, with their stated value when given); consumption 消费帮扶 (purchases and sales of the townships' products)."},
      {"状态 Status", "pledged 承诺 (agreed, decided or planned); disbursed 已拨付 (given or paid). A tranche (首批 …) is a disbursement linked to its pledge."},
      {"乡镇 Township", "A township of the county; 合并 JOINT when one amount went to several townships without a split; 未确定 Unresolved when the recipient could not be placed."},
      {"约数 Approximate", "1 when the article gives the amount as approximate (约, 多, 余, 近, 超过 …) or as a range (the lower end is recorded)."},
      {"累计 Aggregate", "1 for cumulative and summary figures (累计, 以来, over a period). They are kept and shown on Review, never added into totals."},
      {"已拨付合计 Disbursed total", "Sum of disbursed lines with an amount, excluding aggregates. Pledges are totalled separately. Goods without a value are counted per unit."},
      {"金额 Amount", "Yuan with two decimals, computed from integer fen; totals are SUM formulas whose values are written too."},
      {"来源 Sources", "Article ids (file#n) of every report of the event; Timeline shows the evidence sentence and why reports were merged."},
      {"待核查 Review", "Approximate amounts, dates known only from reports, unresolved townships or donors, reports that disagree, cumulative claims beside the events they may cover with the gap, and the user's corrections."},
      {"更正 Corrections", "Lines of the corrections file (set, exclude, merge, split, add), each with its reason, applied at every ingest on top of what the articles say. Excluded events and lines are in no sheet but Review."},
  };
  for (const auto& [term, meaning] : defs) s.row({Cell::str(term), Cell::str(meaning)});
}

std::int64_t write_sheets(SQLite::Database& db, const Filter& filter, const ReportInfo& info, SheetSink& sink) {
  // AIDLEDGER_TIMING=1 prints how long each stage takes (for docs/PERFORMANCE.md).
  const bool timing = std::getenv("AIDLEDGER_TIMING") != nullptr;
  auto start = std::chrono::steady_clock::now();
  auto stage = [&](const char* name) {
    if (!timing) return;
    const auto now = std::chrono::steady_clock::now();
    fmt::print(stderr, "report: {:<12} {:>8.2f} s\n", name, std::chrono::duration<double>(now - start).count());
    start = now;
  };
  const Totals totals = gather(db, filter);
  stage("totals");
  summary_sheet(sink, db, filter, info, totals);
  yearly_sheet(sink, totals, info.unit);
  donors_sheet(sink, totals);
  townships_by_year_sheet(sink, filter, totals, info.unit);
  stage("summary");
  ledger_sheet(sink, db, filter);
  stage("ledger");
  timeline_sheet(sink, db, filter);
  stage("timeline");
  pledges_sheet(sink, db, filter);
  stage("pledges");
  review_sheet(sink, db, filter);
  stage("review");
  definitions_sheet(sink);
  sink.finish();
  stage("finish");
  return totals.lines;
}

}  // namespace

std::int64_t write_report(SQLite::Database& db, const Filter& filter, const ReportInfo& info, SheetSink& sink) {
  try {
    return write_sheets(db, filter, info, sink);
  } catch (const std::overflow_error& e) {  // a total past int64 (add_checked)
    throw std::overflow_error(fmt::format("{}: {}", info.database, e.what()));
  } catch (const std::exception& e) {
    ledger::throw_if_sum_overflow(e, fmt::format("{}: a sum of the report", info.database));  // SQL SUM() past int64
    throw;
  }
}

}  // namespace aidledger::report
