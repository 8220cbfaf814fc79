// Terminal output: display widths from ICU, cutting and wrapping by them, tables that fit a width,
// plurals, the totals rows and per-year summaries, and page paths that resolve from anywhere.
#include <filesystem>
#include <fstream>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <stdlib.h>

#include "aidledger/cli/progress.hpp"
#include "aidledger/cli/table.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/report/labels.hpp"
#include "aidledger/text/utf8.hpp"
#include "aidledger/text/words.hpp"
#include "helpers.hpp"

using namespace aidledger;
using testing::page;
namespace fs = std::filesystem;

namespace {

// Every line of `s` at most `width` display columns.
bool fits(const std::string& s, std::size_t width) {
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t end = s.find('\n', start);
    const std::string line = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (text::display_width(line) > width) return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

}  // namespace

TEST_CASE("display width comes from ICU's East Asian Width: Han and full-width forms 2, marks 0") {
  CHECK(text::code_point_width(U'a') == 1);
  CHECK(text::code_point_width(U'郑') == 2);
  CHECK(text::code_point_width(U'Ａ') == 2);       // full-width A
  CHECK(text::code_point_width(U'ｱ') == 1);        // half-width katakana
  CHECK(text::code_point_width(U'\u0301') == 0);   // combining acute accent
  CHECK(text::code_point_width(U'\u200b') == 0);   // zero-width space (a format character)
  CHECK(text::display_width("郑州高新区 ¥1,500,000.00") == 10 + 1 + 13);
  CHECK(text::display_width("e\u0301") == 1);
}

TEST_CASE("a long cell is cut with … to its display width, never inside a character") {
  CHECK(text::cut_to_width("郑州高新区", 10) == "郑州高新区");
  CHECK(text::cut_to_width("郑州高新区", 9) == "郑州高新…");
  CHECK(text::cut_to_width("郑州高新区", 8) == "郑州高…");   // 7 columns: 高 and 新 do not both fit beside …
  CHECK(text::display_width(text::cut_to_width("郑州高新区", 8)) == 7);
  CHECK(text::cut_to_width("a郑州", 3) == "a…");
  CHECK(text::cut_to_width("abcdef", 4) == "abc…");
  CHECK(text::cut_to_width("abcdef", 1) == "…");
  CHECK(text::cut_to_width("abcdef", 0) == "");
}

TEST_CASE("text wraps by display width: at spaces in English, between characters in Chinese, never inside a number") {
  using V = std::vector<std::string>;
  CHECK(text::wrap_to_width("the quick brown fox jumps", 10) == V{"the quick", "brown fox", "jumps"});
  CHECK(text::wrap_to_width("郑州高新区向徐家湾乡捐赠", 8) == V{"郑州高新", "区向徐家", "湾乡捐赠"});
  // 5000 would straddle the end of the first line: it moves whole to the next.
  CHECK(text::wrap_to_width("公益类图书5000册", 12) == V{"公益类图书", "5000册"});
  // A line does not begin with a comma: the character before it moves down too.
  CHECK(text::wrap_to_width("捐赠现金共2万元,捐赠图书", 15) == V{"捐赠现金共2万", "元,捐赠图书"});
  CHECK(text::wrap_to_width("", 10) == V{""});
  CHECK(text::wrap_to_width("郑", 1) == V{"郑"});  // at least one character a line
}

TEST_CASE("counts are said with the right plural") {
  CHECK(text::count_of(1, "line") == "1 line");
  CHECK(text::count_of(0, "line") == "0 lines");
  CHECK(text::count_of(2, "event") == "2 events");
  CHECK(text::count_of(1, "entry", "entries") == "1 entry");
  CHECK(text::count_of(3, "entry", "entries") == "3 entries");
}

TEST_CASE("a table fits its width: long columns cut with …, then optional ones hidden and named") {
  cli::Table t;
  t.columns = {{"event", true}, {"donor", false, 8}, {"amount", true}, {"sources", true, 0, 1}};
  t.rows = {{"3", "郑州高新区管理委员会财政金融局", "¥1,500,000.00", "3"}, {"12", "某某公司", "¥56,700.00", "1"}};
  t.totals = {{"", "total", "¥1,556,700.00", ""}};

  const std::string wide = t.render(160);
  CHECK(wide ==
        "event  donor                                  amount  sources\n"
        "-----  ------------------------------  -------------  -------\n"
        "    3  郑州高新区管理委员会财政金融局  ¥1,500,000.00        3\n"
        "   12  某某公司                           ¥56,700.00        1\n"
        "-----  ------------------------------  -------------  -------\n"
        "       total                           ¥1,556,700.00\n");

  // 50 columns: the donor is cut, still no narrower than twice its minimum; nothing is hidden.
  const std::string mid = t.render(50);
  CHECK(fits(mid, 50));
  CHECK(mid.find("    3  郑州高新区管理委员…  ¥1,500,000.00        3\n") != std::string::npos);
  CHECK(mid.find("hidden") == std::string::npos);
  CHECK(mid.find("   12  某某公司") != std::string::npos);

  // 40 columns: the sources column is hidden and named, with the width that shows everything.
  const std::string narrow = t.render(40);
  CHECK(fits(narrow, 40));
  const auto note = narrow.find("(hidden at width 40: sources; --width\n 61 shows every column)\n");
  REQUIRE(note != std::string::npos);
  CHECK(narrow.find("sources") == note + std::string("(hidden at width 40: ").size());  // only in the note
  // Amounts are never cut.
  CHECK(narrow.find("¥1,500,000.00") != std::string::npos);
  CHECK(narrow.find("¥1,556,700.00") != std::string::npos);

  // 20 columns: only the uncuttable columns and the donor at its minimum: the table overflows rather
  // than cut an amount.
  const std::string tiny = t.render(20);
  CHECK(tiny.find("    3  郑州高…   ¥1,500,000.00\n") != std::string::npos);
}

TEST_CASE("bilingual headings: on one line when every column fits whole, else Chinese above English") {
  namespace h = report::heading;
  cli::Table t;
  t.columns = {{h::event, true}, {h::donor, false, 8}, {h::amount, true}, {h::sources, true, 0, 1}};
  t.rows = {{"3", "郑州高新区管理委员会财政金融局", "¥1,500,000.00", "3"}, {"12", "某某公司", "¥56,700.00", "1"}};
  t.totals = {{"", h::total, "¥1,556,700.00", ""}};

  // Wide enough: one line, Chinese first, English beside.
  const std::string wide = t.render(160);
  CHECK(wide.rfind("事件 Event  捐赠方 Donor                      金额 Amount  来源 Sources\n", 0) == 0);
  CHECK(wide.find("合计 Total") != std::string::npos);

  // 61 columns: the one-line headings (71 wide) would cut the donor; on two lines every column
  // is as wide as its cells and nothing is cut or hidden.
  const std::string mid = t.render(61);
  CHECK(fits(mid, 61));
  CHECK(mid.rfind(" 事件  捐赠方                                   金额     来源\n"
                  "Event  Donor                                  Amount  Sources\n"
                  "-----  ------------------------------  -------------  -------\n"
                  "    3  郑州高新区管理委员会财政金融局  ¥1,500,000.00        3\n",
                  0) == 0);
  CHECK(mid.find("hidden") == std::string::npos);
  INFO(mid);

  // Narrower: cut and hidden as before, headings on two lines and within the width.
  const std::string narrow = t.render(40);
  INFO(narrow);
  CHECK(fits(narrow, 40));
  CHECK(narrow.find("(hidden at width 40: 来源 Sources;\n --width 61 shows every column)\n") != std::string::npos);
  CHECK(narrow.rfind(" 事件  捐赠方", 0) == 0);
}

TEST_CASE("a note under a row wraps within the width, under the second column") {
  cli::Table t;
  t.columns = {{"event", true}, {"donor", false, 8}};
  t.rows = {{"3", "郑州高新区"}};
  t.notes = {"sources: 000_8606990f79117e30#2, 001_16ae41943425061d#1, 003_6e39ae099963ee5f#2"};
  const std::string out = t.render(60);
  CHECK(fits(out, 60));
  CHECK(out.find("\n       sources: 000_8606990f79117e30#2,") != std::string::npos);
  CHECK(out.find("\n       001_16ae41943425061d#1, 003_6e39ae099963ee5f#2\n") != std::string::npos);
}

TEST_CASE("totals parts wrap at their joins") {
  const std::string out = cli::joined_to_width({"total: 2 lines", "disbursed ¥136,700.00", "pledged ¥0.00", "cumulative claims ¥0.00 (not in totals)"}, 50);
  CHECK(out == "total: 2 lines; disbursed ¥136,700.00;\n  pledged ¥0.00;\n  cumulative claims ¥0.00 (not in totals)\n");
  CHECK(cli::joined_to_width({"a", "b"}, 80) == "a; b\n");
}

TEST_CASE("summaries by year, their totals per year, and the totals row add up to the lines") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2021年3月1日,某某公司向木桐乡捐赠价值2万元的电脑;某某公司向木桐乡捐赠图书300册。"
                          "2022年5月,某某公司向木桐乡捐赠5万元。2022年6月,甲乙公司向汤河乡捐赠3万元。\n"), st);
  const auto by_year = report::donor_summaries(l, {}, true);
  REQUIRE(by_year.size() == 3);
  CHECK(by_year[0].name == "某某公司");
  CHECK(by_year[0].year == 2021);
  CHECK(by_year[0].disbursed_fen == 2000000);
  CHECK(by_year[0].goods.at("册") == 300);
  CHECK(by_year[1].name == "某某公司");
  CHECK(by_year[1].year == 2022);
  CHECK(by_year[1].disbursed_fen == 5000000);
  CHECK(by_year[2].name == "甲乙公司");
  CHECK(by_year[2].year == 2022);

  const auto years = report::totals_by_year(by_year, "total");
  REQUIRE(years.size() == 2);
  CHECK(years[0].year == 2021);
  CHECK(years[0].disbursed_fen == 2000000);
  CHECK(years[1].year == 2022);
  CHECK(years[1].disbursed_fen == 8000000);

  const auto whole = report::donor_summaries(l, {});
  const auto total = report::total_of(whole, "total");
  CHECK(total.disbursed_fen == 10000000);
  CHECK(total.in_kind_fen == 2000000);
  CHECK(total.goods.at("册") == 300);
  CHECK(total.first_year == 2021);
  CHECK(total.last_year == 2022);
  CHECK(report::total_of(by_year, "total").disbursed_fen == total.disbursed_fen);
  CHECK(total.lines == static_cast<std::int64_t>(l.lines({}).size()));
}

TEST_CASE("pages an older aidledger recorded with a relative path get the absolute path they resolve to") {
  std::string templ = (fs::temp_directory_path() / "aidledger-test-XXXXXX").string();
  REQUIRE(::mkdtemp(templ.data()) != nullptr);
  const fs::path dir = templ;
  fs::create_directories(dir / "pages");
  std::ofstream(dir / "pages" / "a.txt") << "x";
  {
    ledger::Ledger l(":memory:");
    ledger::IngestStats st;
    l.ingest(page("pages/a.txt", "帮扶\n\n本报讯 2022年5月,某某公司向木桐乡捐赠5万元。\n"), st);
    l.ingest(page("pages/gone.txt", "帮扶\n\n本报讯 2022年6月,甲乙公司向汤河乡捐赠3万元。\n"), st);
    CHECK(l.anchor_relative_paths(dir.string()) == 1);
    SQLite::Statement q(testing::database(l), "SELECT path FROM pages ORDER BY id");
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == (dir / "pages" / "a.txt").string());
    REQUIRE(q.executeStep());
    CHECK(q.getColumn(0).getString() == "pages/gone.txt");  // not found from here: kept as it was
    CHECK(l.anchor_relative_paths(dir.string()) == 0);
  }
  std::error_code ec;
  fs::remove_all(dir, ec);
}

TEST_CASE("the progress line of ingest: pages, MB, MB/s and the time left; nothing when not a terminal") {
  CHECK(cli::progress_line(120, 4567, 3'100'000, 10'600'000, 1.25) == "ingest: 120/4,567 pages, 3.1/10.6 MB, 2.5 MB/s, 0:03 left");
  CHECK(cli::progress_line(0, 12, 0, 5'000'000, 0.0) == "ingest: 0/12 pages, 0.0/5.0 MB, ? MB/s, ? left");
  CHECK(cli::progress_line(12, 12, 5'000'000, 5'000'000, 2.0) == "ingest: 12/12 pages, 5.0/5.0 MB, 2.5 MB/s, 0:00 left");
  CHECK(cli::progress_line(1, 2, 1'000'000, 8'200'000'000, 1.0) == "ingest: 1/2 pages, 1.0/8200.0 MB, 1.0 MB/s, 2:16:39 left");
  // A file is not a terminal: the progress writes nothing to it.
  std::FILE* f = std::tmpfile();
  REQUIRE(f);
  {
    cli::Progress p(f, true, 3, 300);
    CHECK_FALSE(p.shown());
    for (int i = 0; i < 3; ++i) {
      cli::Progress::Step step(p);
      step.bytes = 100;
    }
    p.clear();
  }
  CHECK(std::ftell(f) == 0);
  std::fclose(f);
}
