// XLSX renderer (libxlsxwriter) in constant-memory mode: rows are written in order and flushed,
// so memory stays flat however long the Ledger sheet is. The workbook is written to a temporary
// file beside the target and renamed into place only when complete (output.hpp); a text longer
// than Excel allows in a cell is cut with a marked ellipsis (fit_excel_cell).
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "aidledger/report/output.hpp"
#include "aidledger/report/report.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::report {

std::string fit_excel_cell(const std::string& text, const std::string& hint) {
  // Excel counts UTF-16 code units (a character past U+FFFF is two).
  auto units = [](char32_t cp) -> std::size_t { return cp > 0xFFFF ? 2 : 1; };
  std::size_t total = 0, characters = 0;
  for (std::size_t i = 0; i < text.size();) {
    total += units(text::next_code_point(text, i));
    ++characters;
  }
  if (total <= kExcelCellLimit) return text;
  auto marker = [&](std::size_t more) {
    return fmt::format("…(截断 truncated: {} more characters{})", more, hint.empty() ? "" : "; " + hint);
  };
  std::size_t budget = kExcelCellLimit, marker_units = 0;
  const std::string longest = marker(characters);  // the marker is never longer than this
  for (std::size_t i = 0; i < longest.size();) marker_units += units(text::next_code_point(longest, i));
  budget -= std::min(budget, marker_units);
  std::size_t cut = 0, used = 0, kept = 0;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t u = units(text::next_code_point(text, i));
    if (used + u > budget) break;
    used += u;
    ++kept;
    cut = i;
  }
  return text.substr(0, cut) + marker(characters - kept);
}

namespace {

// Standard error pointed at /dev/null while the object lives, then restored (dup/dup2). If either
// cannot be opened, standard error is left as it is.
class QuietStderr {
 public:
  QuietStderr() {
    std::fflush(stderr);
    saved_ = ::fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 0);
    if (saved_ < 0) return;
    const int null = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
    if (null < 0 || ::dup2(null, STDERR_FILENO) < 0) {
      ::close(saved_);
      saved_ = -1;
    }
    if (null >= 0) ::close(null);
  }
  ~QuietStderr() {
    if (saved_ < 0) return;
    std::fflush(stderr);
    ::dup2(saved_, STDERR_FILENO);
    ::close(saved_);
  }
  QuietStderr(const QuietStderr&) = delete;
  QuietStderr& operator=(const QuietStderr&) = delete;

 private:
  int saved_ = -1;
};

// A CJK font Office has on Windows and macOS (Microsoft YaHei / 微软雅黑 ships with Windows and with
// Office for Mac); LibreOffice substitutes a CJK font it has (Noto Sans CJK SC, WenQuanYi Micro Hei)
// where it is missing, through its font replacement table and fontconfig.
constexpr const char* kFont = "Microsoft YaHei";
// Columns (Excel's width unit, about one Latin character) that print across one landscape A4 page
// at 100% inside the margins.
constexpr double kPageWidth = 140;
// A printed line of 10.5-point text, in points.
constexpr double kLineHeight = 14.5;

class XlsxSink final : public SheetSink {
 public:
  XlsxSink(const std::string& path, Unit unit) : out_(path, OutputFile::Mode::by_name), unit_(unit) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    errno = 0;
    wb_ = workbook_new_opt(out_.path().c_str(), &options);
    if (!wb_) out_.fail(errno ? std::strerror(errno) : "libxlsxwriter cannot create the workbook");
    const auto add = [&](auto setup) {
      lxw_format* f = workbook_add_format(wb_);
      format_set_font_name(f, kFont);
      format_set_font_size(f, 10.5);
      setup(f);
      return f;
    };
    text_ = add([](lxw_format*) {});
    wrap_ = add([](lxw_format* f) { format_set_text_wrap(f); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    // 元 with separators, or 万元 (the value in 万, shown to the yuan).
    const char* money_format = unit == Unit::wan ? "#,##0.0000\"万元\"" : "¥#,##0.00";
    // Numbers sit at the top of their row, like wrapped text beside them.
    money_ = add([&](lxw_format* f) { format_set_num_format(f, money_format); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    wan_ = add([](lxw_format* f) { format_set_num_format(f, "#,##0.0000\"万元\""); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    plain_ = add([](lxw_format* f) { format_set_num_format(f, "0"); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    date_ = add([](lxw_format* f) { format_set_num_format(f, "yyyy-mm-dd"); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); format_set_align(f, LXW_ALIGN_LEFT); });
    integer_ = add([](lxw_format* f) { format_set_num_format(f, "#,##0"); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    {
      const std::time_t now = std::time(nullptr);
      std::tm tm{};
      gmtime_r(&now, &tm);
      char day[16];
      std::strftime(day, sizeof day, "%Y-%m-%d", &tm);
      footer_ = fmt::format("&L&9结对帮扶台账 Pairing aid ledger&C&9第 &P 页，共 &N 页  Page &P of &N&R&9制表 Produced {}", day);
    }
    title_ = add([](lxw_format* f) { format_set_bold(f); format_set_font_size(f, 15); format_set_font_color(f, 0x1F3864); });
    note_ = add([](lxw_format* f) { format_set_italic(f); format_set_font_color(f, 0x595959); });
    section_ = add([](lxw_format* f) { format_set_bold(f); format_set_font_size(f, 11.5); format_set_font_color(f, 0x1F3864); });
    header_ = add([](lxw_format* f) {
      format_set_bold(f); format_set_bg_color(f, 0xD9E2F3); format_set_border(f, LXW_BORDER_THIN);
      format_set_border_color(f, 0x8EA9DB); format_set_text_wrap(f); format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    });
    total_text_ = add([](lxw_format* f) { format_set_bold(f); format_set_top(f, LXW_BORDER_THIN); });
    total_money_ = add([&](lxw_format* f) { format_set_bold(f); format_set_top(f, LXW_BORDER_THIN); format_set_num_format(f, money_format); });
    total_integer_ = add([](lxw_format* f) { format_set_bold(f); format_set_top(f, LXW_BORDER_THIN); format_set_num_format(f, "#,##0"); });
  }
  ~XlsxSink() override {
    // Only on an error path (finish() closes the workbook and clears wb_): free it without
    // writing anything; ~OutputFile removes the temporary file, and the target stays as it was.
    if (wb_) lxw_workbook_free(wb_);
  }

  // The one place fen become a floating-point number: the cell Excel stores, in the unit shown.
  double number(std::int64_t fen) const { return static_cast<double>(fen) / (unit_ == Unit::wan ? 1'000'000.0 : 100.0); }

  void begin_sheet(const std::string& name, const std::string&, const std::vector<double>& widths) override {
    ws_ = workbook_add_worksheet(wb_, name.c_str());
    table_on_sheet_ = false;
    if (!ws_) out_.fail(fmt::format("cannot add sheet {}", name));
    name_ = name;
    row_ = 0;
    widths_ = widths;
    // Printed landscape on A4 at (about) 100%: as many pages wide as the columns need, never
    // shrunk to one page; header rows repeat on every page (freeze_and_filter); the footer gives
    // the report's title and date and page X of Y.
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);
    double total = 0;
    for (double w : widths) total += w;
    worksheet_fit_to_pages(ws_, static_cast<std::uint16_t>(std::max(1.0, std::ceil(total / kPageWidth))), 0);
    worksheet_set_margins(ws_, 0.4, 0.4, 0.6, 0.6);
    check(worksheet_set_header(ws_, "&L&9&A"), "page header");  // the sheet's name
    check(worksheet_set_footer(ws_, footer_.c_str()), "page footer");
    for (std::size_t c = 0; c < widths.size(); ++c)
      check(worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr), "column width");
  }

  // Every libxlsxwriter call returns an lxw_error; a failure becomes an exception naming the
  // workbook, what was being written and libxlsxwriter's reason (its own "[ERROR]" line on
  // standard error says less).
  void check(lxw_error err, const std::string& what) const {
    if (err == LXW_NO_ERROR) return;
    const int e = errno;
    out_.fail(fmt::format("{}: {}{}", what, lxw_strerror(err), e ? fmt::format(" ({})", std::strerror(e)) : ""));
  }

  // In constant-memory mode libxlsxwriter writes each sheet's rows to a temporary file (in /tmp)
  // and does not check those writes: on a full disk it would assemble a truncated sheet and
  // report success. Its stream is a public member of lxw_worksheet; its error flag is checked here.
  void check_sheet_stream(bool flush) const {
    std::FILE* f = ws_ ? ws_->optimize_tmpfile : nullptr;
    if (!f || (!std::ferror(f) && (!flush || (std::fflush(f) == 0 && !std::ferror(f))))) return;
    const int e = errno;
    out_.fail(fmt::format("{}: libxlsxwriter's temporary file for the sheet: {}", name_, e ? std::strerror(e) : "a write failed"));
  }

  // How many lines one line of text takes when wrapped in `room` columns, as a spreadsheet wraps
  // it: a word of narrow characters stays whole on a line when it fits one (else it is broken),
  // a wide (CJK) character takes two columns and may start a line anywhere, spaces at a break vanish.
  // A narrow character of the 10.5-point CJK font is a little wider than the digit of Calibri 11
  // that measures columns: 1.1 columns.
  static std::size_t wrapped_count(std::string_view part, double room) {
    constexpr double kNarrow = 1.1;
    std::size_t lines = 1;
    double col = 0;
    std::size_t i = 0;
    auto width_at = [&](std::size_t at, std::size_t& next) {
      next = at;
      const char32_t cp = text::next_code_point(part, next);
      return cp == U' ' ? 0 : text::display_width(part.substr(at, next - at));  // 0: a space
    };
    while (i < part.size()) {
      std::size_t next = i;
      const std::size_t w = width_at(i, next);
      if (w == 0) {  // a space: kept only inside a line
        if (col > 0 && col + kNarrow <= room) col += kNarrow;
        i = next;
        continue;
      }
      if (w >= 2) {  // a wide character
        if (col + static_cast<double>(w) > room) {
          ++lines;
          col = 0;
        }
        col += static_cast<double>(w);
        i = next;
        continue;
      }
      double word = 0;  // a run of narrow characters
      while (i < part.size()) {
        const std::size_t cw = width_at(i, next);
        if (cw != 1) break;
        word += kNarrow;
        i = next;
      }
      if (col + word <= room) {
        col += word;
      } else if (word <= room) {
        ++lines;
        col = word;
      } else {  // longer than a line: broken
        double total = col + word;
        while (total > room) {
          ++lines;
          total -= room;
        }
        col = total;
      }
    }
    return lines;
  }

  // How many printed lines the tallest text cell of a row takes in its column: a column of width
  // w holds about w-1 columns of text, each line of a text wraps on its own; bold header text is a
  // little wider. (At most 28 lines: the rest is cut, and the full text is a command away.)
  std::size_t wrapped_lines(const std::vector<Cell>& cells, bool bold) const {
    std::size_t lines = 1;
    for (std::size_t i = 0; i < cells.size() && i < widths_.size(); ++i) {
      if (cells[i].kind != Cell::Kind::text || cells[i].text.empty()) continue;
      const double room = std::max(4.0, widths_[i] - 1) / (bold ? 1.1 : 1.0);
      std::size_t n = 0;
      std::size_t from = 0;
      const std::string& t = cells[i].text;
      while (from <= t.size()) {
        const std::size_t nl = t.find('\n', from);
        n += wrapped_count(std::string_view(t.data() + from, (nl == std::string::npos ? t.size() : nl) - from), room);
        if (nl == std::string::npos) break;
        from = nl + 1;
      }
      lines = std::max(lines, std::min<std::size_t>(n, 28));
    }
    return lines;
  }

  void row(const std::vector<Cell>& cells, RowStyle style) override {
    const auto r = static_cast<lxw_row_t>(row_);
    if (style == RowStyle::title) check(worksheet_set_row(ws_, r, 24, nullptr), "row height");
    if (style == RowStyle::normal || style == RowStyle::header) {
      // Rows sized to their wrapped text (constant-memory mode writes no heights of its own, and
      // Excel does not fit them when it opens the file); a header row at least two lines high.
      const std::size_t lines = wrapped_lines(cells, style == RowStyle::header);
      if (style == RowStyle::header) check(worksheet_set_row(ws_, r, std::max(30.0, kLineHeight * static_cast<double>(lines) + 2), nullptr), "row height");
      else if (lines > 1) check(worksheet_set_row(ws_, r, std::min(409.0, kLineHeight * static_cast<double>(lines)), nullptr), "row height");
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const Cell& c = cells[i];
      const auto col = static_cast<lxw_col_t>(i);
      const bool total = style == RowStyle::total;
      switch (c.kind) {
        case Cell::Kind::empty:
          if (style == RowStyle::header || total) check(worksheet_write_blank(ws_, r, col, total ? total_text_ : header_), "blank");
          break;
        case Cell::Kind::text: {
          lxw_format* f = style == RowStyle::title ? title_ : style == RowStyle::note ? note_ : style == RowStyle::section ? section_
                        : style == RowStyle::header ? header_ : total ? total_text_ : wrap_;
          // (UTF-8 takes at least as many bytes as UTF-16 takes units: a short text needs no count.)
          const std::string& fitted = c.text.size() <= kExcelCellLimit ? c.text : (long_text_ = fit_excel_cell(c.text, c.full_text_hint));
          check(worksheet_write_string(ws_, r, col, fitted.c_str(), f), fmt::format("{}!{}", name_, cell_ref(row_, static_cast<int>(i))));
          break;
        }
        case Cell::Kind::integer:
          check(worksheet_write_number(ws_, r, col, static_cast<double>(c.value), total ? total_integer_ : c.text == "0" ? plain_ : integer_), "number");
          break;
        case Cell::Kind::money:
          // The one place fen become a floating-point number: the cell Excel stores.
          check(worksheet_write_number(ws_, r, col, number(c.value), total ? total_money_ : money_), "amount");
          break;
        case Cell::Kind::formula:
          check(worksheet_write_formula_num(ws_, r, col, c.text.c_str(), total ? total_money_ : money_, number(c.value)),
                fmt::format("formula {}", c.text));
          break;
        case Cell::Kind::wan_formula:
          check(worksheet_write_formula_num(ws_, r, col, c.text.c_str(), wan_, static_cast<double>(c.value) / 1'000'000.0),
                fmt::format("formula {}", c.text));
          break;
        case Cell::Kind::date: {
          lxw_datetime dt{static_cast<int>(c.value / 10000), static_cast<int>(c.value / 100 % 100), static_cast<int>(c.value % 100), 0, 0, 0};
          check(worksheet_write_datetime(ws_, r, col, &dt, date_), "date");
          break;
        }
        case Cell::Kind::count_formula:
          check(worksheet_write_formula_num(ws_, r, col, c.text.c_str(), total ? total_integer_ : integer_, static_cast<double>(c.value)),
                fmt::format("formula {}", c.text));
          break;
      }
    }
    ++row_;
    check_sheet_stream(false);
  }

  void table(const TableSpec& spec) override {
    std::vector<lxw_table_column> columns(spec.headers.size());
    std::vector<lxw_table_column*> pointers;
    for (std::size_t c = 0; c < spec.headers.size(); ++c) {
      columns[c].header = const_cast<char*>(spec.headers[c].c_str());
      columns[c].header_format = header_;
      pointers.push_back(&columns[c]);
    }
    columns[0].total_string = const_cast<char*>(spec.total_label.c_str());
    for (const auto& [col, fen] : spec.totals) {
      auto& column = columns[static_cast<std::size_t>(col)];
      column.total_function = LXW_TABLE_FUNCTION_SUM;  // SUBTOTAL(109, …): filtered rows only
      column.total_value = number(fen);
      column.format = money_;
    }
    pointers.push_back(nullptr);
    lxw_table_options options{};
    options.name = const_cast<char*>(spec.name.c_str());
    options.total_row = LXW_TRUE;
    options.style_type = LXW_TABLE_STYLE_TYPE_MEDIUM;
    options.style_type_number = 2;
    options.columns = pointers.data();
    // (Banded rows are a Table's default.)
    const int last = std::max(spec.last_row, spec.header_row + 1) + 1;  // a Table needs a data row
    if (spec.last_row == spec.header_row) ++row_;                       // (left empty)
    if (last != row_) out_.fail(fmt::format("{}: the table's totals row {} is not the next row {}", name_, last, row_));
    // libxlsxwriter refuses Tables in constant-memory mode only because a Table writes its header
    // and totals cells itself. The header row is already written (with the same text) and the
    // totals row is written below, in order; the Table's own writes go to its in-memory rows,
    // which a constant-memory sheet never outputs. So the Table is added with the mode off.
    const std::uint8_t optimize = ws_->optimize;
    ws_->optimize = LXW_FALSE;
    const lxw_error added = worksheet_add_table(ws_, static_cast<lxw_row_t>(spec.header_row), 0, static_cast<lxw_row_t>(last),
                                                static_cast<lxw_col_t>(spec.headers.size() - 1), &options);
    ws_->optimize = optimize;
    check(added, fmt::format("{}: table {}", name_, spec.name));
    // libxlsxwriter writes SUBTOTAL(109,[Column]); Excel stores the qualified Table[Column], the
    // only form LibreOffice reads. The cells are rewritten so, with their values.
    for (const auto& [col, fen] : spec.totals) {
      const std::string formula = fmt::format("=SUBTOTAL(109,{}[{}])", spec.name, spec.headers[static_cast<std::size_t>(col)]);
      check(worksheet_write_formula_num(ws_, static_cast<lxw_row_t>(last), static_cast<lxw_col_t>(col), formula.c_str(), total_money_,
                                        number(fen)),
            fmt::format("formula {}", formula));
    }
    check(worksheet_write_string(ws_, static_cast<lxw_row_t>(last), 0, spec.total_label.c_str(), total_text_), "total label");
    table_on_sheet_ = true;
    ++row_;
  }

  void freeze_and_filter(int header_row, int last_row, int last_col) override {
    worksheet_freeze_panes(ws_, static_cast<lxw_row_t>(header_row + 1), 0);
    check(worksheet_repeat_rows(ws_, 0, static_cast<lxw_row_t>(header_row)), "repeated header rows");
    if (table_on_sheet_) return;  // a Table has its own filter
    check(worksheet_autofilter(ws_, static_cast<lxw_row_t>(header_row), 0, static_cast<lxw_row_t>(std::max(last_row, header_row)),
                               static_cast<lxw_col_t>(last_col)), "autofilter");
  }

  void chart(const ChartSpec& spec) override {
    lxw_chart* ch = workbook_add_chart(wb_, spec.type == ChartSpec::Type::bar ? LXW_CHART_BAR : LXW_CHART_COLUMN_STACKED);
    static const lxw_color_t colours[] = {0x2F5597, 0xED7D31, 0x70AD47, 0xFFC000};
    std::size_t n = 0;
    for (const auto& s : spec.series) {
      lxw_chart_series* series = chart_add_series(ch, nullptr, nullptr);
      chart_series_set_categories(series, name_.c_str(), static_cast<lxw_row_t>(spec.cat_first_row), static_cast<lxw_col_t>(spec.cat_col),
                                  static_cast<lxw_row_t>(spec.cat_last_row), static_cast<lxw_col_t>(spec.cat_col));
      chart_series_set_values(series, name_.c_str(), static_cast<lxw_row_t>(s.first_row), static_cast<lxw_col_t>(s.col),
                              static_cast<lxw_row_t>(s.last_row), static_cast<lxw_col_t>(s.col));
      chart_series_set_name(series, s.name.c_str());
      lxw_chart_fill fill{};
      fill.color = colours[n++ % 4];
      chart_series_set_fill(series, &fill);
    }
    chart_title_set_name(ch, spec.title.c_str());
    lxw_chart_font title_font{};
    title_font.name = const_cast<char*>(kFont);
    title_font.size = 12;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(ch, &title_font);
    chart_axis_set_num_format(spec.type == ChartSpec::Type::bar ? ch->x_axis : ch->y_axis, unit_ == Unit::wan ? "#,##0\"万\"" : "¥#,##0");
    if (spec.type == ChartSpec::Type::bar) chart_axis_set_reverse(ch->y_axis);  // largest donor on top
    chart_legend_set_position(ch, spec.series.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    lxw_chart_options opt{};
    opt.x_scale = 1.35;
    opt.y_scale = 1.2;
    check(worksheet_insert_chart_opt(ws_, static_cast<lxw_row_t>(spec.anchor_row), static_cast<lxw_col_t>(spec.anchor_col), ch, &opt), "chart");
  }

  void end_sheet() noexcept override {
    // (A write error is found by the next check: row() checks as it goes, finish() at the end.)
    if (ws_) sheets_.push_back({ws_, name_});
    ws_ = nullptr;
  }

  void finish() override {
    for (const auto& [ws, name] : sheets_) {
      ws_ = ws;
      name_ = name;
      check_sheet_stream(true);
    }
    ws_ = nullptr;
    lxw_doc_properties props{};
    props.title = const_cast<char*>("结对帮扶台账 Pairing aid ledger");
    props.author = const_cast<char*>("aidledger");
    check(workbook_set_properties(wb_, &props), "properties");
    lxw_workbook* wb = wb_;
    wb_ = nullptr;  // workbook_close frees it, whatever it returns
    lxw_error closed = LXW_NO_ERROR;
    int close_errno = 0;
    {
      // libxlsxwriter prints its own lines about a failed close ([ERROR][./src/packager.c:1541]: …)
      // on standard error; check() below says it once, naming the file and the reason. (Anything
      // else written to standard error meanwhile is lost too: nothing else of ours runs then.)
      const QuietStderr quiet;
      errno = 0;
      closed = workbook_close(wb);
      close_errno = errno;
    }
    errno = close_errno;
    check(closed, "closing the workbook");
    out_.commit();
  }

 private:
  OutputFile out_;
  std::vector<std::pair<lxw_worksheet*, std::string>> sheets_;
  std::string name_, long_text_, footer_;
  lxw_workbook* wb_ = nullptr;
  lxw_worksheet* ws_ = nullptr;
  int row_ = 0;
  bool table_on_sheet_ = false;
  Unit unit_ = Unit::yuan;
  std::vector<double> widths_;
  lxw_format *text_, *wrap_, *money_, *wan_, *plain_, *date_, *integer_, *title_, *note_, *section_, *header_, *total_text_, *total_money_, *total_integer_;
};

}  // namespace

std::unique_ptr<SheetSink> make_xlsx_sink(const std::string& path, Unit unit) { return std::make_unique<XlsxSink>(path, unit); }

}  // namespace aidledger::report
