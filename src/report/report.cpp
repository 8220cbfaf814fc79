// The report model: nine sheets computed from the ledger, read through its typed reader
// (ledger/reader.hpp; no SQL here). Totals are sums of integer fen (totals.hpp); aggregates
// (累计 …) and pledges never enter disbursed totals. The Review sheet renders the audit checks
// (checks.hpp), as `aidledger check` does.
#include "aidledger/report/report.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/extract/places.hpp"
#include "aidledger/ledger/filter.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/checks.hpp"
#include "aidledger/report/labels.hpp"
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

using extract::add_checked;
using ledger::Reader;

// What a title says its amounts are in: (¥) or (万元).
std::string unit_mark(Unit u) { return u == Unit::wan ? "(万元)" : "(¥)"; }

// One pass over the lines, streamed: memory stays flat however long the ledger.
Totals gather(const Reader& r, const Filter& f) {
  Totals t;
  r.each_total_row(f, [&](const ledger::TotalRow& row) { add_to_totals(t, row, f); });
  return t;
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
void summary_sheet(SheetSink& sink, const Reader& reader, const Filter& f, const ReportInfo& info, const Totals& t) {
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
    amount("    累计数 Cumulative claims", t.shared_cumulative_claims);
    for (const auto& [unit, qty] : t.shared_goods_by_unit)
      s.row({Cell::str(fmt::format("    未计价实物 Goods without a value ({})", unit)), Cell::integer(qty)});
  }
  s.row({});
  s.row({Cell::str("未计价实物 In-kind goods without a value")}, RowStyle::section);
  if (t.goods_by_unit.empty()) s.row({Cell::str("无 none")});
  for (const auto& [unit, qty] : t.goods_by_unit) s.row({Cell::str(unit), Cell::integer(qty)});
  s.row({});
  s.row({Cell::str("范围 Scope")}, RowStyle::section);
  const ledger::ScopeCounts scope = reader.scope(f);
  s.row({Cell::str("文章（有帮扶记录 / 全部） Articles (with aid / all read)"), Cell::str(fmt::format("{} / {}", scope.articles_with_aid, scope.articles_read))});
  s.row({Cell::str("事件 Events"), Cell::integer(scope.events)});
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
// Donors down, years across (disbursed), then the total (a SUM), pledged, and the goods given
// without a value, per unit: a donor of goods only shows what it gave, not a row of ¥0.00.
void donors_sheet(SheetSink& sink, const Totals& t) {
  std::set<int> years;
  for (const auto& [name, d] : t.donors)
    for (const auto& [y, v] : d.by_year) years.insert(y);
  std::vector<double> widths{34, 29};
  for (std::size_t i = 0; i < years.size() + 2; ++i) widths.push_back(16);
  widths.push_back(34);
  Sheet s(sink, "捐赠方 Donors", "donors", widths);
  s.row({Cell::str("捐赠方 Donors — 已拨付（按年）、承诺与未计价实物 disbursed by year, pledged, and goods without a value")}, RowStyle::title);
  s.row({});
  std::vector<Cell> head{Cell::str(heading::donor), Cell::str(heading::category)};
  for (int y : years) head.push_back(Cell::str(year_label(y)));
  head.push_back(Cell::str(heading::disbursed_total));
  head.push_back(Cell::str(heading::pledged));
  head.push_back(Cell::str(heading::goods));
  const int header = s.row(head, RowStyle::header);
  std::vector<std::pair<std::string, const Totals::Donor*>> order;
  for (const auto& [name, d] : t.donors) order.emplace_back(name, &d);
  // Largest first; donors of goods only after those of money.
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
      // A year without money given stays empty (SUM reads it as 0).
      cells.push_back(it == d->by_year.end() ? Cell::none() : Cell::money(v));
    }
    const int r = s.next();
    cells.push_back(ny > 0 ? Cell::sum(fmt::format("=SUM({}:{})", cell_ref(r, 2), cell_ref(r, 1 + ny)), d->disbursed) : Cell::money(0));
    add_checked(sums[i++], d->disbursed, "the disbursed total of the donors sheet");
    cells.push_back(d->pledged != 0 ? Cell::money(d->pledged) : Cell::none());
    add_checked(sums[i], d->pledged, "the pledged total of the donors sheet");
    std::string goods;
    for (const auto& [unit, q] : d->goods) goods += fmt::format("{}{}{}", goods.empty() ? "" : "、", q, unit);
    if (d->unquantified > 0)
      goods += fmt::format("{}{} 项未写明数量 {} without a quantity", goods.empty() ? "" : "；", d->unquantified,
                           text::count_of(d->unquantified, "gift"));
    cells.push_back(Cell::str(goods));
    s.row(cells);
  }
  const int last = s.next() - 1;
  s.sink().freeze_and_filter(header, last, 1 + ny + 3);
  std::vector<Cell> total{Cell::str(heading::total), Cell::none()};
  for (int c = 2; c < 2 + ny + 2; ++c)
    total.push_back(last >= first ? Cell::sum(fmt::format("=SUM({}:{})", cell_ref(first, c), cell_ref(last, c)), sums[static_cast<std::size_t>(c - 2)])
                                  : Cell::money(0));
  std::string goods;
  for (const auto& [unit, q] : t.goods_by_unit) goods += fmt::format("{}{}{}", goods.empty() ? "" : "、", q, unit);
  total.push_back(Cell::str(goods));
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
  std::vector<Cell> head{Cell::str(heading::township)};
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
  std::vector<Cell> total{Cell::str(shared_apart ? heading::total_own : heading::total)};
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
void ledger_sheet(SheetSink& sink, const Reader& reader, const Filter& f) {
  // Pivot-ready: one row per line, a year, the date as an Excel date when the day is known (else
  // the text, with its precision), and disbursed, pledged and cumulative-claim amounts in columns
  // of their own, so that every column adds up to something that means what it says.
  Sheet s(sink, "台账 Ledger", "ledger", {7, 7, 11, 10, 24, 20, 12, 12, 11, 17, 17, 17, 9, 6, 18, 8, 30, 11, 27});
  const std::vector<std::string> headers = {
      heading::event, heading::year, heading::date, heading::precision, heading::donor, heading::recipient, heading::township,
      heading::kind, heading::status, heading::disbursed, heading::pledged, "累计数 Cumulative claim", "数量 Quantity", "单位 Unit",
      "物品 Item", "约数 Approx", "来源标题 Source headline", "来源日期 Source date", heading::sources};
  std::vector<Cell> head;
  for (const auto& h : headers) head.push_back(Cell::str(h));
  const int header = s.row(head, RowStyle::header);
  std::int64_t disbursed = 0, pledged = 0, claims = 0;
  reader.each_line_detail(f, [&](const ledger::LineDetail& x) {
    const ledger::TotalRow& r = x.row;
    Cell date_cell = Cell::str(r.date);
    int y = 0, m = 0, d = 0;
    if (x.precision == "day" && r.date.size() == 10 && std::sscanf(r.date.c_str(), "%4d-%2d-%2d", &y, &m, &d) == 3)
      date_cell = Cell::date(y, m, d, r.date);
    Cell paid = Cell::none(), promised = Cell::none(), claim = Cell::none();
    if (r.amount_fen) {
      const std::int64_t fen = *r.amount_fen;
      if (r.aggregate) {
        claim = Cell::money(fen);
        add_checked(claims, fen, "the Ledger sheet's cumulative claims");
      } else if (r.status == "pledged") {
        promised = Cell::money(fen);
        add_checked(pledged, fen, "the Ledger sheet's pledged total");
      } else {
        paid = Cell::money(fen);
        add_checked(disbursed, fen, "the Ledger sheet's disbursed total");
      }
    }
    std::string sources;
    for (const auto& id : x.sources) sources += (sources.empty() ? "" : "; ") + id;  // (a space: printed, ids wrap whole)
    s.row({Cell::plain(r.event_id), r.year != 0 ? Cell::plain(r.year) : Cell::none(), std::move(date_cell), Cell::str(precision_label(x.precision)),
           Cell::str(r.donor), Cell::str(x.recipient), Cell::str(township_label(r.township)), Cell::str(kind_label(r.kind)),
           Cell::str(status_label(r.status)), std::move(paid), std::move(promised), std::move(claim),
           r.quantity ? Cell::integer(*r.quantity) : Cell::none(), Cell::str(r.unit), Cell::str(x.item), Cell::integer(x.approximate ? 1 : 0),
           Cell::str(x.source_title), Cell::str(x.source_date),
           Cell::str(sources).hinted(fmt::format("all: aidledger explain {}", r.event_id))});
  });
  const int last = s.next() - 1;
  s.sink().table({"Ledger", header, last, headers, "合计 Total (SUBTOTAL: 筛选后 filtered rows)", {{9, disbursed}, {10, pledged}, {11, claims}}});
  s.sink().freeze_and_filter(header, last, static_cast<int>(headers.size()) - 1);
}

// ---- 5. 时间线 Timeline (streamed) ----------------------------------------------------------
void timeline_sheet(SheetSink& sink, const Reader& reader, const Filter& f) {
  // Printed, the first page across holds the event and its evidence, the second the article and the
  // other reports (columns of each add up to a landscape A4 page at 100%).
  Sheet s(sink, "时间线 Timeline", "timeline", {11, 10, 6, 17, 10, 10, 14, 9, 51, 18, 24, 11, 78});
  const int header = s.row({Cell::str("日期 Date"), Cell::str("精度 Precision"), Cell::str("事件 Event"), Cell::str("捐赠方 Donor"),
                            Cell::str("状态 Status"), Cell::str("类别 Kind"), Cell::str("金额 Amount"), Cell::str("数量 Quantity"),
                            Cell::str("证据 Evidence"), Cell::str("文章 Article"), Cell::str("标题 Title"), Cell::str("文章日期 Article date"),
                            Cell::str("其他报道与合并理由 Other reports and why merged")},
                           RowStyle::header);
  reader.each_timeline_entry(f, [&](const ledger::TimelineEntry& e) {
    const std::string full = fmt::format("full text: aidledger explain {}", e.event_id);
    std::string others;
    for (const auto& o : e.others) others += fmt::format("{}{} (第 {} 行 line {}): {}", others.empty() ? "" : "\n", o.article_id, o.line, o.line, merge_reason_label(o.merge_reason));
    s.row({Cell::str(e.date), Cell::str(precision_label(e.precision)), Cell::plain(e.event_id), Cell::str(e.donor),
           Cell::str(status_label(e.status)), Cell::str(kind_label(e.kind)), e.total_fen ? Cell::money(*e.total_fen) : Cell::none(),
           e.total_quantity ? Cell::str(fmt::format("{}{}", *e.total_quantity, e.unit)) : Cell::none(), Cell::str(e.sentence).hinted(full),
           Cell::str(fmt::format("{} (第 {} 行 line {})", e.article_id, e.line, e.line)), Cell::str(e.article_title), Cell::str(e.article_date),
           Cell::str(others).hinted(full)});
  });
  s.sink().freeze_and_filter(header, s.next() - 1, 12);
}

// ---- 6. 承诺与拨付 Pledges ------------------------------------------------------------------
void pledges_sheet(SheetSink& sink, const Reader& reader, const Filter& f) {
  Sheet s(sink, "承诺与拨付 Pledges", "pledges", {10, 12, 26, 20, 16, 10, 12, 16, 16});  // one page wide
  s.row({Cell::str("承诺与拨付 Pledges and the tranches paid against them")}, RowStyle::title);
  s.row({});
  const int header = s.row({Cell::str("承诺 Pledge"), Cell::str("日期 Date"), Cell::str("捐赠方 Donor"), Cell::str("乡镇 Townships"),
                            Cell::str("承诺金额 Pledged"), Cell::str("拨付 Tranche"), Cell::str("拨付日期 Paid on"),
                            Cell::str("拨付金额 Paid"), Cell::str("剩余 Remaining")},
                           RowStyle::header);
  const auto ps = reader.pledges(f);
  if (ps.empty()) s.row({Cell::str("无承诺 No pledges")});
  for (const auto& p : ps) {
    std::int64_t paid = 0;
    for (const auto& t : p.tranches) add_checked(paid, t.fen, fmt::format("the tranches paid against pledge {}", p.event_id));
    std::string places;
    for (const auto& x : p.places) places += (places.empty() ? "" : "、") + x;
    const int first = s.next();
    const int n = std::max<int>(1, static_cast<int>(p.tranches.size()));
    for (int i = 0; i < n; ++i) {
      std::vector<Cell> cells;
      if (i == 0) {
        cells = {Cell::integer(p.event_id), Cell::str(p.date), Cell::str(p.donor), Cell::str(places), Cell::money(p.fen)};
      } else {
        cells = {Cell::none(), Cell::none(), Cell::none(), Cell::none(), Cell::none()};
      }
      if (!p.tranches.empty()) {
        const auto& t = p.tranches[static_cast<std::size_t>(i)];
        cells.insert(cells.end(), {Cell::integer(t.event_id), Cell::str(t.date), Cell::money(t.fen)});
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
// The findings of the audit checks (checks.hpp), the same that `aidledger check` prints, over
// the lines of the report's filter: one row each, Chinese first with English beside.
void review_sheet(SheetSink& sink, const Reader& reader, const Filter& f) {
  // Printed: the finding's facts on the first page across, its detail, evidence and source on the second.
  Sheet s(sink, "待核查 Review", "review", {22, 12, 8, 11, 22, 14, 15, 15, 15, 60, 56, 22});
  s.row({Cell::str("待核查 Review — 需要人工核对的事项 what needs a person (= aidledger check)")}, RowStyle::title);
  s.row({});
  const int header = s.row({Cell::str("检查 Check"), Cell::str("级别 Level"), Cell::str("事件 Event"), Cell::str("日期 Date"),
                            Cell::str("捐赠方 Donor"), Cell::str("乡镇 Township"), Cell::str("金额 Amount"), Cell::str("覆盖事件合计 Covered"),
                            Cell::str("差额 Gap"), Cell::str("说明 Detail"), Cell::str("证据 Evidence"), Cell::str("来源 Source")},
                           RowStyle::header);
  CheckScope scope;
  scope.filter = f;
  each_finding(reader, {}, scope, [&](Finding&& x) {
    const CheckInfo* c = find_check(x.check);
    std::string evidence;
    for (const auto& e : x.evidence) evidence += (evidence.empty() ? "" : "\n") + e;
    auto money_or_none = [](const std::optional<std::int64_t>& v) { return v ? Cell::money(*v) : Cell::none(); };
    s.row({Cell::str(c ? c->label() : x.check), Cell::str(level_label(x.level)), x.event_id ? Cell::plain(x.event_id) : Cell::none(),
           Cell::str(x.date), Cell::str(x.donor), Cell::str(x.townships), money_or_none(x.amount_fen), money_or_none(x.covered_fen),
           money_or_none(x.gap_fen), Cell::str(x.message_zh + "\n" + x.message), Cell::str(evidence), Cell::str(x.source)});
  });
  s.sink().freeze_and_filter(header, s.next() - 1, 11);
}

// ---- 8. 说明 Definitions --------------------------------------------------------------------
void definitions_sheet(SheetSink& sink) {
  Sheet s(sink, "说明 Definitions", "definitions", {24, 56, 58});  // one page wide
  s.row({Cell::str("说明 Definitions")}, RowStyle::title);
  s.row({});
  s.row({Cell::str("项 Term"), Cell::str("含义"), Cell::str("Meaning")}, RowStyle::header);
  struct Def {
    const char *term, *zh, *en;
  };
  static const Def defs[] = {
      {"事件 Event", "一次捐赠行为。多篇文章可能报道同一事件：它是一个事件，有多个来源（见时间线）。",
       "One act of giving. Several articles may report it; it is one event with several sources (see Timeline)."},
      {"台账行 Ledger line", "一个受赠方（或几个受赠方共同）在一个事件中得到的款物。",
       "What one recipient, or several recipients jointly, received in an event."},
      {"日期 Date / 精度 Precision", "日 day、月 month、年 year：文章所写的精度；报道日 reported：文章未写明日期，取最早报道的日期。区间取其起点。",
       "day, month or year as the article states it; 'reported' when no article states it and the date is that of the earliest report. Ranges print their start."},
      {"年份 Year", "日期所在的年份；未知 Unknown：没有日期。", "The year of the date; 未知 Unknown when there is none."},
      {"类别 Kind", "现金 cash；实物 in_kind（物品，写明价值时记其价值）；消费帮扶 consumption（采购、销售乡镇的农产品）。",
       "cash 现金; in_kind 实物 (goods, with their stated value when given); consumption 消费帮扶 (purchases and sales of the townships' products)."},
      {"状态 Status", "承诺 pledged（签约、决定或计划）；已拨付 disbursed（已捐赠或已支付）。分批拨付（首批……）是与其承诺关联的拨付。",
       "pledged 承诺 (agreed, decided or planned); disbursed 已拨付 (given or paid). A tranche (首批 …) is a disbursement linked to its pledge."},
      {"乡镇 Township", "县内的乡镇；合并 JOINT：一笔金额给了几个乡镇而未拆分；未确定 Unresolved：受赠方未能确定乡镇。",
       "A township of the county; 合并 JOINT when one amount went to several townships without a split; 未确定 Unresolved when the recipient could not be placed."},
      {"约数 Approximate", "1：文章所给金额为约数（约、多、余、近、超过……）或区间（记录下限）。",
       "1 when the article gives the amount as approximate (约, 多, 余, 近, 超过 …) or as a range (the lower end is recorded)."},
      {"累计 Aggregate", "累计数与汇总数（累计、以来、一段时期的合计）。保留并列在待核查中，从不计入合计。",
       "1 for cumulative and summary figures (累计, 以来, over a period). They are kept and shown on Review, never added into totals."},
      {"已拨付合计 Disbursed total", "有金额的已拨付行之和，不含累计数；承诺另计；未计价的实物按单位计数。",
       "Sum of disbursed lines with an amount, excluding aggregates. Pledges are totalled separately. Goods without a value are counted per unit."},
      {"金额 Amount", "元，两位小数，由整数分计算；合计为 SUM 公式，其值也已写入。",
       "Yuan with two decimals, computed from integer fen; totals are SUM formulas whose values are written too."},
      {"来源 Sources", "该事件每篇报道的文章编号（文件#序号）；时间线给出证据句和合并理由。",
       "Article ids (file#n) of every report of the event; Timeline shows the evidence sentence and why reports were merged."},
      {"待核查 Review", "审核检查的结果，与 aidledger check 相同；各项检查见下。",
       "The findings of the audit checks, the same as aidledger check prints; the checks are listed below."},
      {"更正 Corrections", "更正文件中的各行（set、exclude、merge、split、add），各附理由，每次导入时在文章内容之上生效。被排除的事件和行只出现在待核查中。",
       "Lines of the corrections file (set, exclude, merge, split, add), each with its reason, applied at every ingest on top of what the articles say. Excluded events and lines are in no sheet but Review."},
  };
  for (const auto& d : defs) s.row({Cell::str(d.term), Cell::str(d.zh), Cell::str(d.en)});
  s.row({});
  s.row({Cell::str("审核检查 Audit checks (aidledger check --check NAME)")}, RowStyle::section);
  s.row({Cell::str("检查 Check"), Cell::str("含义"), Cell::str("Meaning")}, RowStyle::header);
  for (const auto& c : checks())
    s.row({Cell::str(fmt::format("{}\n{} · {}", c.label(), c.name, level_label(c.level))), Cell::str(c.description_zh), Cell::str(c.description_en)});
}

std::int64_t write_sheets(const Reader& db, const Filter& filter, const ReportInfo& info, SheetSink& sink) {
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

std::int64_t write_report(const ledger::Reader& db, const Filter& filter, const ReportInfo& info, SheetSink& sink) {
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
