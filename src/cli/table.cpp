#include "aidledger/cli/table.hpp"
#include "aidledger/report/totals.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::cli {

std::size_t output_width(std::optional<int> requested) {
  if (requested && *requested > 0) return static_cast<std::size_t>(*requested);
  if (::isatty(STDOUT_FILENO)) {
    struct winsize ws {};
    if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  }
  return kDefaultWidth;
}

namespace {

constexpr std::size_t kGap = 2;  // spaces between columns

std::size_t total_width(const std::vector<std::size_t>& widths, const std::vector<bool>& shown) {
  std::size_t sum = 0, n = 0;
  for (std::size_t i = 0; i < widths.size(); ++i)
    if (shown[i]) {
      sum += widths[i];
      ++n;
    }
  return n == 0 ? 0 : sum + kGap * (n - 1);
}

}  // namespace

std::string Table::render(std::size_t width) const {
  const std::size_t n = columns.size();
  auto safe_rows = [&](const std::vector<std::vector<std::string>>& in) {
    std::vector<std::vector<std::string>> out;
    out.reserve(in.size());
    for (const auto& r : in) {
      std::vector<std::string> cells(n);
      for (std::size_t i = 0; i < r.size() && i < n; ++i) cells[i] = text::terminal_safe(r[i], false);
      out.push_back(std::move(cells));
    }
    return out;
  };
  std::vector<std::string> head(n);
  for (std::size_t i = 0; i < n; ++i) head[i] = text::terminal_safe(columns[i].header, false);
  const auto body = safe_rows(rows), foot = safe_rows(totals);

  // Each column's natural width: its widest cell. A heading is Chinese first, English beside
  // ("捐赠方 Donor"); when the table does not fit with headings on one line, they stand on two (the
  // Chinese above the English) so that a heading is no wider than the wider of its two parts.
  std::vector<std::string> head_zh(n), head_en(n);
  bool two_parts = false;
  for (std::size_t i = 0; i < n; ++i) {
    const auto space = head[i].find(' ');
    head_zh[i] = space == std::string::npos ? head[i] : head[i].substr(0, space);
    head_en[i] = space == std::string::npos ? "" : head[i].substr(space + 1);
    if (!head_en[i].empty()) two_parts = true;
  }
  std::vector<std::size_t> natural(n, 0);
  auto measure = [&](const std::vector<std::string>& r) {
    for (std::size_t i = 0; i < n; ++i) natural[i] = std::max(natural[i], text::display_width(r[i]));
  };
  for (const auto& r : body) measure(r);
  for (const auto& r : foot) measure(r);
  const std::vector<std::size_t> data_width = natural;
  measure(head);

  // Cut the widest cuttable column a column at a time, first no narrower than twice its minimum
  // (still readable); when that is not enough, hide the next column in drop order and start again
  // from the natural widths. With nothing left to hide, cut down to the minimums.
  std::vector<bool> shown(n, true);
  std::vector<std::size_t> w;
  std::vector<std::string> hidden;
  auto fit = [&](std::size_t factor) {
    w = natural;
    while (total_width(w, shown) > width) {
      std::size_t pick = n;
      for (std::size_t i = 0; i < n; ++i)
        if (shown[i] && columns[i].min_width > 0 && w[i] > factor * columns[i].min_width && (pick == n || w[i] >= w[pick])) pick = i;
      if (pick == n) return false;
      --w[pick];
    }
    return true;
  };
  // One line of headings only when every column fits whole with them; else two lines, which never
  // cut or hide more than one line would.
  bool stacked = false;
  if (total_width(natural, shown) > width && two_parts) {
    stacked = true;
    natural = data_width;
    for (std::size_t i = 0; i < n; ++i)
      natural[i] = std::max({natural[i], text::display_width(head_zh[i]), text::display_width(head_en[i])});
  }
  while (!fit(2)) {
    std::size_t drop = n;
    for (std::size_t i = 0; i < n; ++i)
      if (shown[i] && columns[i].drop > 0 && (drop == n || columns[i].drop < columns[drop].drop)) drop = i;
    if (drop == n) {
      fit(1);  // only the uncuttable columns left wider than the width: the table overflows
      break;
    }
    shown[drop] = false;
    hidden.push_back(columns[drop].header);
  }

  auto line = [&](const std::vector<std::string>& r) {
    std::string out;
    std::size_t last = n;
    for (std::size_t i = 0; i < n; ++i)
      if (shown[i]) last = i;
    bool first = true;
    for (std::size_t i = 0; i < n; ++i) {
      if (!shown[i]) continue;
      const std::string cell = text::display_width(r[i]) > w[i] ? text::cut_to_width(r[i], w[i]) : r[i];
      const std::string pad(w[i] - text::display_width(cell), ' ');
      if (!first) out += std::string(kGap, ' ');
      first = false;
      out += columns[i].right ? pad + cell : i == last ? cell : cell + pad;
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::vector<std::string> rule(n);
  for (std::size_t i = 0; i < n; ++i) rule[i] = std::string(w[i], '-');

  // A note goes under the second shown column (or two spaces in when that leaves too little room).
  std::size_t indent = 2;
  for (std::size_t i = 0; i < n; ++i)
    if (shown[i]) {
      indent = w[i] + kGap;
      break;
    }
  if (width < indent + 30) indent = 2;

  std::string out = (stacked ? line(head_zh) + line(head_en) : line(head)) + line(rule);
  for (std::size_t r = 0; r < body.size(); ++r) {
    out += line(body[r]);
    if (r < notes.size() && !notes[r].empty()) out += wrapped(notes[r], width, indent, true);
  }
  if (!foot.empty()) {
    out += line(rule);
    for (const auto& r : foot) out += line(r);
  }
  if (!hidden.empty()) {
    std::string names;
    for (const auto& h : hidden) names += (names.empty() ? "" : ", ") + h;
    std::vector<bool> all(n, true);
    out += wrapped(fmt::format("(hidden at width {}: {}; --width {} shows every column)", width, names,
                               total_width(natural, all)),
                   width, 1);
  }
  return out;
}

std::string wrapped(const std::string& s, std::size_t width, std::size_t indent, bool indent_first) {
  const std::string safe = text::terminal_safe(s, false);
  const std::size_t room = width > indent + 10 ? width - indent : 10;
  std::string out;
  std::string_view rest = safe;
  for (bool first = true;; first = false) {
    const bool indented = !first || indent_first;
    const auto lines = text::wrap_to_width(rest, indented ? room : width);
    out += (indented ? std::string(indent, ' ') : "") + lines.front() + "\n";
    if (lines.size() == 1) break;
    // The rest is wrapped again at the indented width.
    std::size_t used = lines.front().size();
    while (used < rest.size() && rest[used] == ' ') ++used;
    rest.remove_prefix(used);
  }
  return out;
}

std::string joined_to_width(const std::vector<std::string>& parts, std::size_t width) {
  std::vector<std::string> lines;
  std::string current;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string piece = parts[i] + (i + 1 < parts.size() ? ";" : "");
    const std::size_t indent = lines.empty() ? 0 : 2;
    if (current.empty()) current = piece;
    else if (text::display_width(current) + 1 + text::display_width(piece) + indent <= width) current += " " + piece;
    else {
      lines.push_back(std::move(current));
      current = piece;
    }
  }
  lines.push_back(std::move(current));
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i) out += wrapped(lines[i], width, 2, i > 0);
  return out;
}

namespace {
bool money_in_wan = false;
}
void set_money_unit(bool wan) { money_in_wan = wan; }
std::string yuan(long long fen) { return money_in_wan ? report::format_wan(fen) : extract::format_yuan(fen); }

}  // namespace aidledger::cli
