#include "aidledger/cli/table.hpp"

#include <algorithm>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::cli {

std::string Table::render() const {
  std::vector<std::vector<std::string>> safe;
  safe.reserve(rows.size());
  for (const auto& r : rows) {
    std::vector<std::string> cells;
    for (const auto& c : r) cells.push_back(text::terminal_safe(c, false));
    safe.push_back(std::move(cells));
  }
  std::vector<std::size_t> width(headers.size(), 0);
  auto measure = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < r.size() && i < width.size(); ++i) width[i] = std::max(width[i], text::display_width(r[i]));
  };
  measure(headers);
  for (const auto& r : safe) measure(r);
  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    for (std::size_t i = 0; i < width.size(); ++i) {
      const std::string cell = i < r.size() ? r[i] : "";
      const std::string pad(width[i] - text::display_width(cell), ' ');
      const bool last = i + 1 == width.size();
      if (i < right.size() && right[i]) out += pad + cell;
      else out += last ? cell : cell + pad;
      if (!last) out += "  ";
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::string out = line(headers);
  std::vector<std::string> rule;
  for (std::size_t w : width) rule.push_back(std::string(w, '-'));
  out += line(rule);
  for (const auto& r : safe) out += line(r);
  return out;
}

std::string yuan(long long fen) { return extract::format_yuan(fen); }

}  // namespace aidledger::cli
