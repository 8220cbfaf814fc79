// Plain-text tables aligned by display width, so Chinese (two columns a character) lines up, and
// terminal output of text from pages with its control characters made visible.
#pragma once
#include <cstdio>
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

/// Rows of cells; render() makes every cell terminal-safe (a line break or tab in a cell is
/// escaped too, so a cell stays on its row).
struct Table {
  std::vector<std::string> headers;
  std::vector<bool> right;                       // right-align this column (numbers)
  std::vector<std::vector<std::string>> rows;
  std::string render() const;
};

/// ¥1,500,000.00
std::string yuan(long long fen);

}  // namespace aidledger::cli
