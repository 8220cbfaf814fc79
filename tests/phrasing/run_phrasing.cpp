// The phrasing table: every sentence of tests/phrasing/*.tsv read as a one-article page, and the
// lines it gives compared with the lines the table expects (or none).
//
// A row: ref_date<TAB>context<TAB>sentence<TAB>expected. The page is the context (when not "-")
// followed by the sentence, one paragraph, published on ref_date (when not "-"). Expected lines are
// joined by " ; ", each year|township|kind|status|donor_key|amount_yuan|quantity|unit|aggregate and
// optionally |date; "-" means the sentence gives no line. donor_key is a substring of the donor;
// "?" in year, township, kind or donor_key accepts anything (as in the gold format). Lines are matched as a multiset. Amounts
// print in fen.
//
// usage: aidledger_phrasing [--verbose] [--known KNOWN.txt] FILE.tsv...
// KNOWN.txt lists rows that are known to fail today, one "file.tsv:LINE  why" per line. They are
// reported, not counted against the run; a listed row that passes is an error (take it off the
// list), so the list can only shrink. Exit 0 when every other row passes, 1 otherwise.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/extract/page.hpp"

namespace {

using namespace aidledger;

std::vector<std::string> split(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (std::size_t at; (at = s.find(sep, from)) != std::string::npos; from = at + sep.size()) out.push_back(s.substr(from, at - from));
  out.push_back(s.substr(from));
  return out;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.pop_back();
  while (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

struct Line {
  std::string year, township, kind, status, donor, amount, quantity, unit, aggregate, date, date_range;
  std::string show() const {
    std::string s = fmt::format("{}|{}|{}|{}|{}|{}|{}|{}|{}", year, township, kind, status, donor, amount, quantity, unit, aggregate);
    if (!date.empty()) s += "|" + date;
    return s;
  }
};

// Yuan as written in the table ("150000", "35.8") to fen, exactly.
std::string yuan_to_fen(const std::string& yuan) {
  if (yuan.empty()) return "";
  const std::size_t dot = yuan.find('.');
  std::string whole = yuan.substr(0, dot), frac = dot == std::string::npos ? "" : yuan.substr(dot + 1);
  frac.resize(2, '0');
  return std::to_string(std::stoll(whole) * 100 + std::stoll(frac));
}

// A date given as a range is compared whole; a single date at the precision the table writes
// (2020-03 accepts any reading inside March 2020).
bool date_match(const std::string& want, const Line& got) {
  if (want.empty()) return true;
  if (want.find("..") != std::string::npos) return want == got.date_range;
  return got.date.compare(0, want.size(), want) == 0 && (got.date.size() == want.size() || got.date[want.size()] == '-');
}

// A line that gives an amount is matched on it; the count of the goods valued (电脑40台，价值16万元)
// is compared only when the table gives one.
bool matches(const Line& want, const Line& got) {
  auto any = [](const std::string& w, const std::string& g) { return w == "?" || w == g; };
  const bool goods_match = (want.quantity == got.quantity && want.unit == got.unit) ||
                           (!want.amount.empty() && want.quantity.empty() && want.unit.empty());
  return any(want.year, got.year) && any(want.township, got.township) && any(want.kind, got.kind) && want.status == got.status &&
         (want.donor == "?" || got.donor.find(want.donor) != std::string::npos) && yuan_to_fen(want.amount) == got.amount &&
         goods_match && want.aggregate == got.aggregate && date_match(want.date, got);
}

std::vector<Line> lines_of(const std::string& ref, const std::string& context, const std::string& sentence) {
  const std::string body = (context == "-" ? "" : context) + sentence;
  auto decoded = text::decode_page("phrasing.txt", "简讯\n\n" + body + "\n");
  if (!decoded.page) return {};
  extract::PageOptions options;
  if (ref != "-") {
    const auto d = extract::parse_iso_range(ref, extract::Precision::day);
    if (d) options.publication = d;
  }
  const auto px = extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(), extract::Directory::builtin(), options);
  std::vector<Line> out;
  for (const auto& r : px.reports) {
    std::optional<extract::DateRange> when = r.date;
    for (const auto& a : px.articles)
      if (!when && a.seq == r.article_seq) when = a.date;
    if (!when) when = px.reference;
    for (const auto& a : r.allocations) {
      Line l;
      l.year = when ? std::to_string(static_cast<int>(when->first.year())) : "";
      l.township = a.township;
      l.kind = std::string(to_string(r.kind));
      l.status = std::string(to_string(r.status));
      l.donor = r.donor;
      l.amount = a.amount_fen ? std::to_string(*a.amount_fen) : "";
      l.quantity = a.quantity ? std::to_string(*a.quantity) : "";
      l.unit = a.quantity ? r.unit : "";
      l.aggregate = r.aggregate ? "1" : "0";
      l.date = r.date ? extract::format_date_start(*r.date) : "";
      l.date_range = r.date ? extract::format_date(*r.date) : "";
      if (l.amount.empty() && l.quantity.empty()) continue;  // a named gift without amount is not scored here
      out.push_back(l);
    }
  }
  return out;
}

Line parse_line(const std::string& s) {
  const auto f = split(trim(s), "|");
  Line l;
  std::string* fields[] = {&l.year, &l.township, &l.kind, &l.status, &l.donor, &l.amount, &l.quantity, &l.unit, &l.aggregate, &l.date};
  for (std::size_t i = 0; i < f.size() && i < 10; ++i) *fields[i] = trim(f[i]);
  return l;
}

}  // namespace

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

int main(int argc, char** argv) {
  bool verbose = false;
  int rows = 0, passed = 0, known_failing = 0, known_passing = 0;
  std::vector<std::string> known;  // "file.tsv:LINE"
  for (int i = 1; i < argc; ++i) {
    const std::string path = argv[i];
    if (path == "--verbose") {
      verbose = true;
      continue;
    }
    if (path == "--known" && i + 1 < argc) {
      std::ifstream k(argv[++i]);
      for (std::string line; std::getline(k, line);)
        if (!line.empty() && line[0] != '#') known.push_back(line.substr(0, line.find_first_of(" \t")));
      continue;
    }
    std::ifstream in(path);
    if (!in) {
      std::cerr << path << ": cannot be read\n";
      return 2;
    }
    std::string row;
    int line_no = 0, file_rows = 0, file_passed = 0;
    while (std::getline(in, row)) {
      ++line_no;
      if (row.empty() || row[0] == '#') continue;
      const auto cols = split(trim(row), "\t");
      if (cols.size() != 4) {
        std::cerr << path << ":" << line_no << ": expected 4 tab-separated columns, found " << cols.size() << "\n";
        return 2;
      }
      std::vector<Line> want;
      if (trim(cols[3]) != "-")
        for (const auto& part : split(cols[3], " ; ")) want.push_back(parse_line(part));
      std::vector<Line> got = lines_of(cols[0], cols[1], cols[2]);
      std::vector<bool> taken(got.size(), false);
      bool ok = true;
      for (const auto& w : want) {
        bool found = false;
        for (std::size_t g = 0; g < got.size() && !found; ++g)
          if (!taken[g] && matches(w, got[g])) taken[g] = found = true;
        ok = ok && found;
      }
      ok = ok && std::all_of(taken.begin(), taken.end(), [](bool t) { return t; });
      ++rows, ++file_rows;
      const bool listed = std::find(known.begin(), known.end(), base_name(path) + ":" + std::to_string(line_no)) != known.end();
      if (ok) {
        ++passed, ++file_passed;
        if (listed) {
          ++known_passing;
          std::cout << path << ":" << line_no << ": passes now; take it off the known failures\n";
        }
        continue;
      }
      if (listed) {
        ++known_failing;
        if (!verbose) continue;
      }
      std::cout << path << ":" << line_no << (listed ? " (known): " : ": ") << cols[2] << "\n";
      for (const auto& w : want) std::cout << "    want " << w.show() << "\n";
      for (const auto& g : got) std::cout << "    got  " << g.show() << "\n";
    }
    if (verbose || file_passed != file_rows) std::cout << fmt::format("{}: {}/{} rows pass\n", path, file_passed, file_rows);
  }
  std::cout << fmt::format("phrasing table: {}/{} rows pass; {} known failures listed\n", passed, rows, known_failing);
  return passed + known_failing == rows && known_passing == 0 ? 0 : 1;
}
