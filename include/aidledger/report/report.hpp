// Reports on the ledger. The report model (report.cpp) reads the ledger and emits sheets of
// plain cells to a SheetSink; renderers turn them into an XLSX workbook (libxlsxwriter, with
// charts and formulas) or a folder of CSV files. Line-level sheets are streamed row by row, so
// a ledger of any size reports in constant memory.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "aidledger/ledger/filter.hpp"
#include "aidledger/ledger/reader.hpp"
#include "aidledger/report/totals.hpp"


namespace aidledger::report {

/// Restricts every sheet the same way.
using Filter = ledger::LineFilter;

/// One cell. Money is integer fen until the renderer writes it; a formula carries the value it
/// computes (so the file is right before a spreadsheet recalculates).
struct Cell {
  enum class Kind { empty, text, integer, money, formula, count_formula, date, wan_formula } kind = Kind::empty;
  std::string text;          // text, or the formula ("=SUM(B5:F5)")
  std::int64_t value = 0;    // integer, fen, the formula's value (fen, or a count), or a date as YYYYMMDD
  std::string full_text_hint;  // where the full text is when a workbook cuts a long text cell

  /// The same cell, saying where its full text is if a workbook has to cut it.
  Cell hinted(std::string hint) && {
    full_text_hint = std::move(hint);
    return std::move(*this);
  }

  static Cell none() { return {}; }
  static Cell str(std::string s) { return {Kind::text, std::move(s), 0, {}}; }
  static Cell integer(std::int64_t v) { return {Kind::integer, {}, v, {}}; }
  /// An integer shown without separators (a year, an id): 2019, not 2,019.
  static Cell plain(std::int64_t v) { return {Kind::integer, "0", v, {}}; }
  static Cell money(std::int64_t fen) { return {Kind::money, {}, fen, {}}; }
  static Cell sum(std::string formula, std::int64_t fen) { return {Kind::formula, std::move(formula), fen, {}}; }
  static Cell count_sum(std::string formula, std::int64_t n) { return {Kind::count_formula, std::move(formula), n, {}}; }
  /// The 万元 of a 元 amount beside it ("=B5/10000"), its value in fen.
  static Cell wan(std::string formula, std::int64_t fen) { return {Kind::wan_formula, std::move(formula), fen, {}}; }
  /// A day: an Excel date in a workbook, the ISO text (`iso`, YYYY-MM-DD) in CSV.
  static Cell date(int y, int m, int d, std::string iso) { return {Kind::date, std::move(iso), y * 10000LL + m * 100 + d, {}}; }
};

enum class RowStyle { normal, title, note, section, header, total };

struct ChartSeries {
  std::string name;
  int first_row, last_row, col;  // values
};
struct ChartSpec {
  enum class Type { stacked_column, bar } type;
  std::string title;
  int cat_first_row, cat_last_row, cat_col;  // categories
  std::vector<ChartSeries> series;
  int anchor_row, anchor_col;                // where it is placed
};

/// An Excel Table over a header row and the data rows below it, with a totals row right after
/// them: SUBTOTAL(109, …) of the `total_columns` (so filters are respected), their values `totals`
/// (fen) written too. The row after `last_row` must not have been written.
struct TableSpec {
  std::string name;                    // "Ledger"
  int header_row = 0, last_row = 0;    // data rows: header_row + 1 .. last_row
  std::vector<std::string> headers;    // every column's header, as in the header row
  std::string total_label;             // in the first column of the totals row
  std::vector<std::pair<int, std::int64_t>> totals;  // column, value in fen
};

class SheetSink {
 public:
  virtual ~SheetSink() = default;
  /// In constant-memory output rows are flushed as they are written: call freeze_and_filter
  /// while `last_row` is still the row being written.
  /// `name` is shown to people (概览 Summary); `file_stem` names a CSV file (summary).
  virtual void begin_sheet(const std::string& name, const std::string& file_stem, const std::vector<double>& widths) = 0;
  virtual void row(const std::vector<Cell>& cells, RowStyle style = RowStyle::normal) = 0;
  virtual void freeze_and_filter(int header_row, int last_row, int last_col) { (void)header_row, (void)last_row, (void)last_col; }
  virtual void chart(const ChartSpec& spec) { (void)spec; }
  /// Makes the rows a Table with its totals row (workbook); this default writes the totals row
  /// as a row of SUBTOTAL formulas (CSV: their values).
  virtual void table(const TableSpec& spec);
  /// Called from a destructor (also while an exception unwinds), so it never throws; a sink
  /// reports its write errors from row() or finish().
  virtual void end_sheet() noexcept = 0;
  /// Completes the output and puts it in place. Until finish() returns, the target is as it was.
  virtual void finish() = 0;
};

/// The workbook at `path`, written to a temporary file beside it and renamed into place by finish().
/// Money in 元 (¥#,##0.00) or, with Unit::wan, in 万元 (values fen / 1,000,000, #,##0.0000"万元").
std::unique_ptr<SheetSink> make_xlsx_sink(const std::string& path, Unit unit = Unit::yuan);
/// One CSV file per sheet in `directory`, all renamed into place by finish(); text cells that look
/// like formulas are neutralised unless `neutralise` is false (text/csv.hpp). Each file begins
/// with the UTF-8 byte-order mark, so Excel reads its Chinese as UTF-8.
/// Money as yuan with two decimals, or with Unit::wan as 万元 with six (exact).
std::unique_ptr<SheetSink> make_csv_sink(const std::string& directory, bool neutralise = true, Unit unit = Unit::yuan);

/// Excel's limit for the text of one cell, in UTF-16 code units.
inline constexpr std::size_t kExcelCellLimit = 32'767;
/// `text` cut to fit one Excel cell, with a marked ellipsis "…(截断 truncated: N more characters;
/// HINT)"; unchanged when it fits. `hint` says where the full text is (e.g. "full text:
/// aidledger explain 12").
std::string fit_excel_cell(const std::string& text, const std::string& hint = {});

struct ReportInfo {
  std::string generator;   // "aidledger 0.1.0"
  std::string database;    // path shown on the Summary sheet
  Unit unit = Unit::yuan;  // what the sink writes money in (the Summary says so)
};

/// Writes all nine sheets for the ledger `reader` reads, restricted by `filter`.
/// Returns the number of ledger lines reported.
std::int64_t write_report(const ledger::Reader& reader, const Filter& filter, const ReportInfo& info, SheetSink& sink);

/// "A" for 0, "AB" for 27; with a row, "B5" for (4, 1).
std::string column_name(int col);
std::string cell_ref(int row, int col);

}  // namespace aidledger::report
