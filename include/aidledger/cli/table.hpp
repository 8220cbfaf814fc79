// Terminal output: plain-text tables that fit a width, measured in display columns so Chinese (two
// columns a character) lines up, and text from pages with its control characters made visible.
#pragma once
#include <cstdio>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::cli {

/// fmt::print to `out` with text::terminal_safe applied: page text (an evidence sentence, a
/// donor's name) cannot send ESC or backspace to the terminal.
template <typename... T>
void print_safe(std::FILE* out, fmt::format_string<T...> format, T&&... args) {
  fmt::print(out, "{}", text::terminal_safe(fmt::format(format, std::forward<T>(args)...)));
}
template <typename... T>
void print_safe(fmt::format_string<T...> format, T&&... args) {
  print_safe(stdout, format, std::forward<T>(args)...);
}

/// The width terminal output is made for: `requested` (--width), else the terminal's when standard
/// output is one (TIOCGWINSZ), else kDefaultWidth.
inline constexpr std::size_t kDefaultWidth = 100;
std::size_t output_width(std::optional<int> requested);

struct Column {
  std::string header;
  bool right = false;          // right-aligned (numbers)
  std::size_t min_width = 0;   // may be cut with … down to this many columns; 0: never cut
  int drop = 0;                // hidden when nothing else makes the table fit: 1 first, then 2 …; 0: never
};

/// Rows of cells under a header, then totals rows under a rule. render() makes every cell
/// terminal-safe (a line break or tab in a cell is escaped too, so a cell stays on its row).
struct Table {
  std::vector<Column> columns;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::vector<std::string>> totals;
  /// Optional text under each row (by row index; "" for none), indented and wrapped to the width.
  std::vector<std::string> notes;

  /// The table in at most `width` columns: columns are first cut (the widest cuttable one first, with
  /// …) down to twice their minimum, then hidden in their `drop` order, and only then cut to their
  /// minimum. A last line names what was hidden and the width that shows everything. Only a table
  /// whose uncuttable columns alone are wider overflows.
  std::string render(std::size_t width) const;
};

/// Text that does not belong in a table (a totals sentence, an evidence sentence), wrapped to
/// `width` with `indent` spaces before every line after the first (before the first too when
/// `indent_first`); terminal-safe.
std::string wrapped(const std::string& s, std::size_t width, std::size_t indent, bool indent_first = false);

/// Parts joined by "; " and wrapped at the joins where they would pass `width`; continuation lines
/// are indented by two spaces. A part longer than the width is wrapped inside.
std::string joined_to_width(const std::vector<std::string>& parts, std::size_t width);

/// ¥1,500,000.00, or 150.0000万元 after set_money_unit(true) (--unit wan).
std::string yuan(long long fen);
void set_money_unit(bool wan);

}  // namespace aidledger::cli
