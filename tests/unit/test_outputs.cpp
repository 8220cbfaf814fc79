// Outputs: files written whole or not at all, Excel's cell limit, CSV injection, terminal safety.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <stdlib.h>

#include "aidledger/report/output.hpp"
#include "aidledger/report/report.hpp"
#include "aidledger/text/csv.hpp"
#include "aidledger/text/utf8.hpp"

using namespace aidledger;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct Scratch {
  fs::path dir;
  Scratch() {
    std::string templ = (fs::temp_directory_path() / "aidledger-test-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    dir = templ;
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  std::size_t entries() const { return static_cast<std::size_t>(std::distance(fs::directory_iterator(dir), fs::directory_iterator())); }
};

std::size_t utf16_units(const std::string& s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) n += text::next_code_point(s, i) > 0xFFFF ? 2 : 1;
  return n;
}

}  // namespace

TEST_CASE("an output file replaces its target only when committed") {
  Scratch s;
  const fs::path target = s.dir / "out.csv";
  {
    std::ofstream(target) << "old\n";
  }
  {
    report::OutputFile f(target.string());
    f.write("new, half written");
    CHECK(slurp(target) == "old\n");
    CHECK(s.entries() == 2);  // the target and the temporary file beside it
  }  // destroyed without commit: an error on the way
  CHECK(slurp(target) == "old\n");
  CHECK(s.entries() == 1);
  {
    report::OutputFile f(target.string());
    f.write("new\n");
    f.commit();
  }
  CHECK(slurp(target) == "new\n");
  CHECK(s.entries() == 1);
  // No file at all where there was none.
  { report::OutputFile f((s.dir / "fresh.csv").string()); }
  CHECK_FALSE(fs::exists(s.dir / "fresh.csv"));
  CHECK(s.entries() == 1);
}

TEST_CASE("an output file's errors name the target and the reason") {
  Scratch s;
  CHECK_THROWS_WITH_AS(report::OutputFile((s.dir / "no" / "such" / "out.csv").string()),
                       doctest::Contains("out.csv: cannot write: No such file or directory (cannot create a temporary file in"), std::runtime_error);
  CHECK_THROWS_WITH_AS(report::OutputFile(s.dir.string()), doctest::Contains(": cannot write: is a folder"), std::runtime_error);
  // A device is written in place; a full one says so when the bytes are flushed.
  report::OutputFile full("/dev/full");
  full.write("x");
  CHECK_THROWS_WITH_AS(full.commit(), "/dev/full: cannot write: No space left on device", std::runtime_error);
  CHECK(fs::exists("/dev/full"));
}

TEST_CASE("the CSV report puts its files in place only when every sheet is complete; no exception leaves a destructor") {
  Scratch s;
  const fs::path dir = s.dir / "report";
  {
    auto sink = report::make_csv_sink(dir.string());
    sink->begin_sheet("概览 Summary", "summary", {});
    sink->row({report::Cell::str("a"), report::Cell::money(150)});
    sink->end_sheet();
    sink->begin_sheet("台账 Ledger", "ledger", {});
    sink->row({report::Cell::str("b")});
    // An error here: the sink is destroyed before finish().
  }
  CHECK_FALSE(fs::exists(dir));  // the folder it made is removed again, empty
  {
    auto sink = report::make_csv_sink(dir.string());
    sink->begin_sheet("概览 Summary", "summary", {});
    sink->row({report::Cell::str("=1+1"), report::Cell::money(-150), report::Cell::integer(-3)});
    sink->end_sheet();
    sink->finish();
  }
  // For people: the UTF-8 byte-order mark first, so Excel on Windows reads the Chinese as UTF-8.
  CHECK(slurp(dir / "summary.csv") == "\xEF\xBB\xBF'=1+1,-1.50,-3\n");
  CHECK(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
}

TEST_CASE("a text past Excel's cell limit is cut with a marked ellipsis") {
  CHECK(report::fit_excel_cell("short") == "short");
  const std::string exact(report::kExcelCellLimit, 'a');
  CHECK(report::fit_excel_cell(exact) == exact);
  std::string long_text;
  for (int i = 0; i < 20000; ++i) long_text += "报道";  // 40,000 characters
  const std::string cut = report::fit_excel_cell(long_text, "full text: aidledger explain 7");
  CHECK(utf16_units(cut) <= report::kExcelCellLimit);
  CHECK(utf16_units(cut) > report::kExcelCellLimit - 80);
  const std::string tail = "…(截断 truncated: ";
  REQUIRE(cut.find(tail) != std::string::npos);
  const std::size_t kept = text::code_point_count(cut.substr(0, cut.find(tail)));
  CHECK(cut.substr(cut.find(tail)) == fmt::format("…(截断 truncated: {} more characters; full text: aidledger explain 7)", 40000 - kept));
  // A character past U+FFFF counts twice, as Excel counts it, and is never cut in half.
  std::string emoji;
  for (int i = 0; i < 20000; ++i) emoji += "😀";
  const std::string cut2 = report::fit_excel_cell(emoji);
  CHECK(utf16_units(cut2) <= report::kExcelCellLimit);
  CHECK(text::terminal_safe(cut2) == cut2);  // still valid UTF-8
}

TEST_CASE("CSV text cells that begin like a formula are neutralised (OWASP); others and numbers are not") {
  CHECK(text::csv_text("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0");
  CHECK(text::csv_text("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(text::csv_text("+1+1") == "'+1+1");
  CHECK(text::csv_text("-2+3") == "'-2+3");
  CHECK(text::csv_text("@SUM(1)") == "'@SUM(1)");
  CHECK(text::csv_text("\tx") == "'\tx");
  CHECK(text::csv_text("\rx") == "\"'\rx\"");
  CHECK(text::csv_text("郑州高新区") == "郑州高新区");
  CHECK(text::csv_text("a=b, c") == "\"a=b, c\"");
  CHECK(text::csv_text("") == "");
  CHECK(text::csv_text("=1+1", false) == "=1+1");
}

TEST_CASE("terminal output shows control characters as escapes") {
  CHECK(text::terminal_safe("郑州\x1b[2J某某\b公司\x7f") == "郑州\\x1b[2J某某\\x08公司\\x7f");
  CHECK(text::terminal_safe("a\nb\tc\r") == "a\nb\tc\\x0d");
  CHECK(text::terminal_safe("a\nb\tc", false) == "a\\x0ab\\x09c");
  CHECK(text::terminal_safe("\xc2\x9b" "31m") == "\\u009b31m");           // C1 CSI
  CHECK(text::terminal_safe("abc\xe2\x80\xae" "cba") == "abc\\u202ecba");  // right-to-left override
  CHECK(text::terminal_safe("\xff") == "\\xff");
  CHECK(text::terminal_safe("替换\xef\xbf\xbd字符") == "替换\xef\xbf\xbd字符");
}
