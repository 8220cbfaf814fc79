// XLSX renderer (libxlsxwriter) in constant-memory mode: rows are written in order and flushed,
// so memory stays flat however long the Ledger sheet is.
#include <stdexcept>

#include <fmt/format.h>
#include <xlsxwriter.h>

#include "aidledger/report/report.hpp"

namespace aidledger::report {
namespace {

// Every libxlsxwriter call returns an lxw_error; a failure becomes an exception with context.
void check(lxw_error err, const std::string& what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(fmt::format("writing the workbook: {}: {}", what, lxw_strerror(err)));
}

class XlsxSink final : public SheetSink {
 public:
  explicit XlsxSink(const std::string& path) : path_(path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    options.use_zip64 = LXW_TRUE;
    wb_ = workbook_new_opt(path.c_str(), &options);
    if (!wb_) throw std::runtime_error(fmt::format("{}: cannot create the workbook", path));
    const auto add = [&](auto setup) {
      lxw_format* f = workbook_add_format(wb_);
      format_set_font_name(f, "Noto Sans CJK SC");
      format_set_font_size(f, 10.5);
      setup(f);
      return f;
    };
    text_ = add([](lxw_format*) {});
    wrap_ = add([](lxw_format* f) { format_set_text_wrap(f); format_set_align(f, LXW_ALIGN_VERTICAL_TOP); });
    money_ = add([](lxw_format* f) { format_set_num_format(f, "¥#,##0.00"); });
    integer_ = add([](lxw_format* f) { format_set_num_format(f, "#,##0"); });
    title_ = add([](lxw_format* f) { format_set_bold(f); format_set_font_size(f, 15); format_set_font_color(f, 0x1F3864); });
    note_ = add([](lxw_format* f) { format_set_italic(f); format_set_font_color(f, 0x595959); });
    section_ = add([](lxw_format* f) { format_set_bold(f); format_set_font_size(f, 11.5); format_set_font_color(f, 0x1F3864); });
    header_ = add([](lxw_format* f) {
      format_set_bold(f); format_set_bg_color(f, 0xD9E2F3); format_set_border(f, LXW_BORDER_THIN);
      format_set_border_color(f, 0x8EA9DB); format_set_text_wrap(f); format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    });
    total_text_ = add([](lxw_format* f) { format_set_bold(f); format_set_top(f, LXW_BORDER_THIN); });
    total_money_ = add([](lxw_format* f) { format_set_bold(f); format_set_top(f, LXW_BORDER_THIN); format_set_num_format(f, "¥#,##0.00"); });
    total_integer_ = add([](lxw_format* f) { format_set_bold(f); format_set_top(f, LXW_BORDER_THIN); format_set_num_format(f, "#,##0"); });
  }
  ~XlsxSink() override {
    if (wb_) workbook_close(wb_);  // only on an error path: finish() closes and clears it
  }

  void begin_sheet(const std::string& name, const std::string&, const std::vector<double>& widths) override {
    ws_ = workbook_add_worksheet(wb_, name.c_str());
    if (!ws_) throw std::runtime_error(fmt::format("writing the workbook: cannot add sheet {}", name));
    name_ = name;
    row_ = 0;
    widths_ = widths;
    // Printed (and rendered to PDF) one page wide, landscape, A4.
    worksheet_set_landscape(ws_);
    worksheet_set_paper(ws_, 9);
    worksheet_fit_to_pages(ws_, 1, 0);
    worksheet_set_margins(ws_, 0.4, 0.4, 0.5, 0.5);
    for (std::size_t c = 0; c < widths.size(); ++c)
      check(worksheet_set_column(ws_, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], nullptr), "column width");
  }

  void row(const std::vector<Cell>& cells, RowStyle style) override {
    const auto r = static_cast<lxw_row_t>(row_);
    if (style == RowStyle::title) check(worksheet_set_row(ws_, r, 24, nullptr), "row height");
    if (style == RowStyle::header) check(worksheet_set_row(ws_, r, 30, nullptr), "row height");
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
                        : style == RowStyle::header ? header_ : total ? total_text_ : (c.text.size() > 60 ? wrap_ : text_);
          check(worksheet_write_string(ws_, r, col, c.text.c_str(), f), fmt::format("{}!{}", name_, cell_ref(row_, static_cast<int>(i))));
          break;
        }
        case Cell::Kind::integer:
          check(worksheet_write_number(ws_, r, col, static_cast<double>(c.value), total ? total_integer_ : integer_), "number");
          break;
        case Cell::Kind::money:
          // The one place fen become a floating-point number: the cell Excel stores.
          check(worksheet_write_number(ws_, r, col, static_cast<double>(c.value) / 100.0, total ? total_money_ : money_), "amount");
          break;
        case Cell::Kind::formula:
          check(worksheet_write_formula_num(ws_, r, col, c.text.c_str(), total ? total_money_ : money_, static_cast<double>(c.value) / 100.0),
                fmt::format("formula {}", c.text));
          break;
        case Cell::Kind::count_formula:
          check(worksheet_write_formula_num(ws_, r, col, c.text.c_str(), total ? total_integer_ : integer_, static_cast<double>(c.value)),
                fmt::format("formula {}", c.text));
          break;
      }
    }
    ++row_;
  }

  void freeze_and_filter(int header_row, int last_row, int last_col) override {
    worksheet_freeze_panes(ws_, static_cast<lxw_row_t>(header_row + 1), 0);
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
    title_font.name = const_cast<char*>("Noto Sans CJK SC");
    title_font.size = 12;
    title_font.bold = LXW_TRUE;
    chart_title_set_name_font(ch, &title_font);
    chart_axis_set_num_format(spec.type == ChartSpec::Type::bar ? ch->x_axis : ch->y_axis, "¥#,##0");
    if (spec.type == ChartSpec::Type::bar) chart_axis_set_reverse(ch->y_axis);  // largest donor on top
    chart_legend_set_position(ch, spec.series.size() > 1 ? LXW_CHART_LEGEND_BOTTOM : LXW_CHART_LEGEND_NONE);
    lxw_chart_options opt{};
    opt.x_scale = 1.35;
    opt.y_scale = 1.2;
    check(worksheet_insert_chart_opt(ws_, static_cast<lxw_row_t>(spec.anchor_row), static_cast<lxw_col_t>(spec.anchor_col), ch, &opt), "chart");
  }

  void end_sheet() override { ws_ = nullptr; }

  void finish() override {
    lxw_doc_properties props{};
    props.title = const_cast<char*>("结对帮扶台账 Pairing aid ledger");
    props.author = const_cast<char*>("aidledger");
    check(workbook_set_properties(wb_, &props), "properties");
    lxw_workbook* wb = wb_;
    wb_ = nullptr;
    check(workbook_close(wb), path_);
  }

 private:
  std::string path_, name_;
  lxw_workbook* wb_ = nullptr;
  lxw_worksheet* ws_ = nullptr;
  int row_ = 0;
  std::vector<double> widths_;
  lxw_format *text_, *wrap_, *money_, *integer_, *title_, *note_, *section_, *header_, *total_text_, *total_money_, *total_integer_;
};

}  // namespace

std::unique_ptr<SheetSink> make_xlsx_sink(const std::string& path) { return std::make_unique<XlsxSink>(path); }

}  // namespace aidledger::report
