// The words people read for what the ledger stores in English (how a report was read, why reports
// were merged, what became of a correction): each form the ledger writes is printed Chinese first
// with the English beside it (report/labels.hpp). A form the table does not know would print as
// stored, in English only: these tests name every form, so a new one fails here until it has its
// Chinese.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include <doctest/doctest.h>

#include "aidledger/report/labels.hpp"

using namespace aidledger;

namespace {

// Chinese first (a CJK character before the first ASCII letter), the stored English kept whole.
void chinese_first(const std::string& got, const std::string& english) {
  INFO(got);
  CHECK(report::has_chinese(got));
  const auto letter = got.find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  CHECK(report::has_chinese(got.substr(0, letter)));
  CHECK(got.find(english) != std::string::npos);
}

}  // namespace

TEST_CASE("values explain prints: distribution and donor basis, Chinese first") {
  for (const char* d : {"single", "each", "joint", "per_unit"}) chinese_first(report::distribution_label(d), d);
  CHECK(report::distribution_label("each") == "各自 each");
  for (const char* b : {"subject", "earlier clause", "article actor", "pronoun", "passive", "person", "the pledge it pays", "host of the event", "sentence before", "unknown"})
    chinese_first(report::donor_basis_label(b), b);
  CHECK(report::donor_basis_label("article actor") == "文章主体 article actor");
}

TEST_CASE("every date basis the extractor and the ledger write") {
  for (const std::string b : {"stated: 2021年5月", "stated earlier in the clause: 2021年10月", "stated at the start of the sentence: 2020年",
                              "the year the funds are labelled with: 2022年", "carried over by 同年 from the paragraph",
                              "pledged on the article's date", "carried over from the sentence before, which set the scene", "the five-year plan's period", "全年 in a review printed early in the year: the year before", "reported: date of 000_8606990f79117e30#2",
                              "stated: 2019年 (000_8606990f79117e30#2)", "date not stated; earliest report 001_16ae41943425061d#1",
                              "date not stated and no report date known", "set by correction fix.txt:3 (a phone call)",
                              "added by correction fix.txt:4 (from the minutes)", "dateline", "page", "unknown", "manifest", "file name",
                              "page header", "the page's first dateline", "inferred from the years the page mentions"})
    chinese_first(report::date_basis_label(b), b);
}

TEST_CASE("every merge reason the ledger's comparator writes, clause by clause") {
  const std::vector<std::string> reasons = {
      "first report",
      "same donor (郑州高新区), disbursed cash, total 3000000.00 equals the event's lines 徐家湾乡+双龙湾镇 3000000.00; same townships "
      "(双龙湾镇、徐家湾乡); stated date 2019 is not after the report of 2019-11-23",
      "same donor (unknown donor), pledged in_kind 20台; townships not stated by one report; dates agree (2021-05 and 2021-05-03)",
      "same donor (某某公司), disbursed consumption, no amount; items alike (农产品 / 农产品礼盒, similarity 0.67); same townships (官坡镇); "
      "neither report states the date; reported 12 days apart",
      "same donor (某某公司), disbursed cash, total 200000.00; same townships (官坡镇); neither report states the date",
      "restates one line of the event (徐家湾乡 1000000.00 + 双龙湾镇 1000000.00); same donor (郑州高新区), disbursed cash, total "
      "1000000.00; same townships (双龙湾镇); dates agree (2024-04-21..2024-04-30 and 2024-04-21..2024-04-30)",
      "same donor (某某公司), disbursed cash, total 200000.00; same townships (官坡镇); stated date 2022 is not after the report of unknown date",
      "same donor (郑州高新区), disbursed cash, total 500000.00; same townships (徐家湾乡); stated date 2023-04 is not after the report of "
      "2024-12-20; one line of a report of several townships (徐家湾乡 500000.00 + 双龙湾镇 300000.00)",
      "first report; one line of a report of several townships (徐家湾乡 500000.00 + 双龙湾镇 300000.00)",
  };
  for (const auto& r : reasons) {
    const std::string got = report::merge_reason_label(r);
    INFO(got);
    // Each clause of the label has its Chinese before its English.
    std::size_t start = 0;
    while (true) {
      const std::size_t at = got.find("; ", start);
      const std::string clause = got.substr(start, at == std::string::npos ? std::string::npos : at - start);
      INFO(clause);
      const auto letter = clause.find_first_of("abcdefghijklmnopqrstuvwxyz");
      CHECK(report::has_chinese(clause.substr(0, letter)));
      if (at == std::string::npos) break;
      start = at + 2;
    }
  }
  CHECK(report::merge_reason_label("first report") == "首篇报道 first report");
  CHECK(report::merge_reason_label(reasons[1]) ==
        "同一捐赠方 same donor (郑州高新区), 已拨付 disbursed 现金 cash, 合计 total 3000000.00 等于事件各行 equals the event's lines "
        "徐家湾乡+双龙湾镇 3000000.00; 同一乡镇（双龙湾镇、徐家湾乡） same townships (双龙湾镇、徐家湾乡); "
        "所写日期 2019 不晚于 2019-11-23 的报道 stated date 2019 is not after the report of 2019-11-23");
  // A correction's reason is the user's text, kept whole even with "; " in it.
  const std::string by_hand = "merged by correction fix.txt:1: one gift; the second article restates it";
  CHECK(report::merge_reason_label(by_hand) == "由更正合并 " + by_hand);
  chinese_first(report::merge_reason_label("split off by correction fix.txt:2: two gifts"), "split off by correction fix.txt:2: two gifts");
  // What the table does not know prints as stored (and the cases above would catch it).
  CHECK(report::merge_reason_label("something new") == "something new");
}

TEST_CASE("what ingest says of a correction line") {
  for (const std::string m : {"set donor=高新区农业农村局", "line 徐家湾乡 excluded", "event excluded", "already one event",
                              "event 4 merged into event 3", "the report is already an event of its own",
                              "report split off from event 3 into event 9", "event 12 added",
                              "no report 000_8606990f79117e30#2@9999 in the ledger (has the page changed? 'aidledger explain' prints each "
                              "report's reference)",
                              "event 3 has no line for '官坡镇'", "event 3 has several lines: say which with line=TOWNSHIP",
                              "date '2021-13' is not YYYY-MM-DD, YYYY-MM or YYYY", "'某某镇' is not a township of the gazetteer",
                              "the ledger cannot take this change (UNIQUE constraint failed)"}) {
    chinese_first(report::correction_message_label(m), m);
    CHECK(report::has_chinese(report::correction_message_zh(m)));
  }
  CHECK(report::correction_label("set", "a#1@2", "donor=某某", "a phone call", "set donor=某某") ==
        "set a#1@2 donor=某某 (理由 reason: a phone call); 已设置 set donor=某某");
}

namespace {

// A C++ string literal at `at` ("…", escapes read; adjacent literals joined), or nothing.
std::optional<std::string> literal_at(const std::string& src, std::size_t& at) {
  std::string out;
  bool any = false;
  while (true) {
    while (at < src.size() && std::isspace(static_cast<unsigned char>(src[at]))) ++at;
    if (at >= src.size() || src[at] != '"') break;
    any = true;
    for (++at; at < src.size() && src[at] != '"'; ++at) {
      if (src[at] == '\\' && at + 1 < src.size()) {
        const char c = src[++at];
        out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
      } else {
        out += src[at];
      }
    }
    ++at;
  }
  if (!any) return std::nullopt;
  return out;
}

// Each note src/extract writes, as a pattern: its format string or literal with every {} a wildcard.
struct NoteSite {
  std::string file, text;
  std::regex pattern;
};

std::vector<NoteSite> note_sites() {
  std::vector<NoteSite> sites;
  const std::string dir = std::string(AIDLEDGER_SOURCE_DIR) + "/src/extract";
  // A note is written where the extractor pushes one (notes.push_back / emplace_back) or rewrites
  // one it found (*note = …).
  static const std::regex site(R"((notes\s*\.\s*(push_back|emplace_back)\s*\(|\*\s*note\s*=))");
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    const std::string src((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (std::sregex_iterator it(src.begin(), src.end(), site), end; it != end; ++it) {
      std::size_t at = static_cast<std::size_t>(it->position() + it->length());
      while (at < src.size() && std::isspace(static_cast<unsigned char>(src[at]))) ++at;
      if (src.compare(at, 12, "fmt::format(") == 0) at += 12;
      const auto text = literal_at(src, at);
      const std::string where = entry.path().filename().string() + ":" +
                                std::to_string(1 + std::count(src.begin(), src.begin() + it->position(), '\n'));
      INFO(where);
      // A note that is not written from a literal cannot be checked here: write it from one.
      REQUIRE(text.has_value());
      std::string pattern;
      for (std::size_t i = 0; i < text->size(); ++i) {
        if (text->compare(i, 2, "{}") == 0) {
          pattern += "[\\s\\S]*";
          ++i;
        } else if (std::string_view("\\^$.|?*+()[]{}").find((*text)[i]) != std::string_view::npos) {
          pattern += std::string("\\") + (*text)[i];
        } else {
          pattern += (*text)[i];
        }
      }
      sites.push_back({where, *text, std::regex(pattern)});
    }
  }
  return sites;
}

}  // namespace

TEST_CASE("every note the extractor writes, Chinese first (read from src/extract at test time)") {
  // Notes as the extractor writes them (from the test pages), at least one for each note in
  // src/extract. A new note there fails here until it has an example and its Chinese.
  const std::vector<std::string> examples = {
      "桃坪沟村 placed in 徐家湾乡 as page 2021-04-14_a.txt names it",
      "no place read for the gift: 徐家湾乡, the one township the sentence names",
      "no place read for the gift: 双龙湾镇, the one township its part of the sentence names",
      "no place read for the gift: the townships the fund it goes to is named for",
      "no place read for the tranche: where the pledge it pays goes",
      "no place in the sentence: 双龙湾镇中心小学, where the sentences before were",
      "绿城实验小学 taken to be in 汤河乡, the one township the sentence names",
      "龙驹村 taken to be in 双龙湾镇, the one township the article names",
      "西坡小学 taken to be in 徐家湾乡, whose own page this is",
      "computed: 800斤 x 45.00 (the price of one)",
      "computed: 300 x 150.00 (the value of one)",
      "per-unit amount 500.00 with a stated total",
      "computed: 徐家湾乡 35 x 500.00",
      "computed: 双龙湾镇 50 x 500.00 (其中)",
      "computed: 徐家湾乡 12 x 5000.00 (counted after the amount)",
      "高新区团工委's part: 40 x 1000.00 (其中)",
      "the people counted in the sentence before",
      "每人 one 每间 each",
      "a rate for part of the people counted before 其中",
      "computed: 40 x 500.00",
      "computed: 30 x 500",
      "每间: one for each recipient",
      "per-unit amount; the number of recipients is not stated",
      "computed: 800000.00 a year x 2 years (the pledge over the years it names)",
      "to be paid 2025",
      "terms for 2019..2021",
      "computed: the per-unit amount x the count of each place (分别, in the next sentence: 两乡镇分别有110名和90名教师受到慰问。)",
      "computed: the per-unit amount x the count of each place (其中, in the next sentence: 其中，甲乡160户，乙镇140户。)",
      "the sum said before is the cost of the goods set up for the recipient",
      "the pledged gift built and handed over then: delivered",
      "the goods counted before it in its sentence, valued here",
      "where it went is said in the next sentence (in equal shares)",
      "no place read for a summary: the paired townships",
      "the total split as said after it: 2000000.00 each",
      "a part of the joint total 4000000.00 said before it, itemised",
      "to be paid 2024-07..2024-12",
      "summary figure without a date of its own",
      "givers, places and amounts paired in order (分别)",
      "分别 with amounts that match neither the recipients nor the givers",
      "amounts paired with the givers in order",
      "each giver to each place (分别…各)",
      "computed: 3 givers x 50000.00",
      "2 goods to 2 places (分别): one each",
      "600000.00 shared equally by 2 townships (平均分配)",
      "correction notice: 120000.00 corrected to 210000.00",
      "computed: 86 x 150.00 (the value each got)",
      "computed: 1 x 260000.00 (value of one unit)",
      "one value for the goods listed before it",
      "total split equally by the places that follow it (各)",
      "a total value shared equally by the recipients of the same goods (各…共计)",
      "total split by the places and amounts that follow it (分别)",
      "the joint gift split by the townships and amounts listed after its colon",
      "the places counted are the villages the sentence named",
      "valued in the next sentence, place by place (分别): 两批物资分别价值12.8万元、9.6万元。",
      "valued in the next sentence, place by place (其中): 这批物资总价值46万元，其中甲镇28万元、乙乡18万元。",
      "the rest of the total (80000.00) to the place its 其余 clause names",
      "the rest of the total (20) to the place its 其余 clause names",
      "total split by the parts that follow it (其中)",
      "the money part of a gift of money and goods (180000.00 in all)",
      "the goods part of a gift of money and goods (180000.00 in all)",
      "the rest of a gift of money and goods (180000.00 in all, 100000.00 of it in the clause before)",
      "where it went is said in the next sentence",
      "where it went is said in the next sentence (平均分配: equal shares)",
      "valued in the next sentence: 这批图书涵盖科普、历史、文学等门类,价值4.5万元。",
      "given by the one the next sentence names: 这批物资由某协会募集捐赠。",
      "the goods the sentence before gave without a figure: 某公司为两乡镇的小学捐赠护眼台灯。",
      "东虎岭村 taken to lie in 双龙湾镇, where the sentences before were",
      "paid so far (至此), a cumulative figure",
      "computed: 徐家湾乡 19 x 1000.00 (counted by township in the sentence before)",
      "the people counted earlier in the article (共)",
      "a part of the total 126000.00 read in the sentence before (其中), given by its own giver",
      "a part of the total 460000.00 read before it in its sentence (其中), given by its own giver",
      "a part of the total 133700.00 listed after it (如下), given by its own giver",
      "each of 2 goods listed before 各 counted",
      "the count stated after it in its sentence",
      "a gift told in a quote: where its speaker stands, named after it",
      "no place read for the gift: the townships its sentence names together",
      "computed: 12 x the per-unit amount (the count stated in the next sentence: 此次共慰问十二人。)",
  };
  const auto sites = note_sites();
  CHECK(sites.size() >= 35);  // the scan found the extractor's notes (38 when written)
  for (const auto& s : sites) {
    INFO(s.file << ": " << s.text);
    CHECK(std::any_of(examples.begin(), examples.end(), [&](const std::string& e) { return std::regex_match(e, s.pattern); }));
  }
  for (const auto& e : examples) {
    INFO(e);
    // No example of a note the extractor no longer writes.
    CHECK(std::any_of(sites.begin(), sites.end(), [&](const NoteSite& s) { return std::regex_match(e, s.pattern); }));
    const std::string got = report::note_label(e);
    chinese_first(got, e);
    CHECK(got.size() > e.size() + 1);
    CHECK(got.compare(got.size() - e.size() - 1, std::string::npos, " " + e) == 0);  // the English whole, at the end
  }
  CHECK(report::note_label("computed: 40 x 500.00") == "计算：40 × 500.00 computed: 40 x 500.00");
  CHECK(report::note_label("computed: 1 x 260000.00 (value of one unit)") ==
        "计算：1 × 单位价值 260000.00 computed: 1 x 260000.00 (value of one unit)");
}

TEST_CASE("notes as the ledger stores them: joined by \"; \", each labelled, unknown ones as stored") {
  // The ledger joins a report's notes with "; "; one note has "; " in it.
  CHECK(report::note_label("no place in the sentence: 徐家湾乡, where the sentences before were; computed: 40 x 500.00") ==
        "句中无地点：取前文所在的徐家湾乡 no place in the sentence: 徐家湾乡, where the sentences before were; "
        "计算：40 × 500.00 computed: 40 x 500.00");
  CHECK(report::note_label("summary figure without a date of its own; per-unit amount; the number of recipients is not stated") ==
        "汇总数字，本身没有日期 summary figure without a date of its own; "
        "按人按户的金额，未写明人数 per-unit amount; the number of recipients is not stated");
  // A quoted sentence with "; " in it stays one note.
  CHECK(report::note_label("valued in the next sentence: 这批设备价值18万元; 已运抵。; to be paid 2025") ==
        "价值见下一句：这批设备价值18万元; 已运抵。 valued in the next sentence: 这批设备价值18万元; 已运抵。; 将于 2025 拨付 to be paid 2025");
  CHECK(report::note_label("something new") == "something new");
  CHECK(report::note_label("something new; to be paid 2025") == "something new; 将于 2025 拨付 to be paid 2025");
  CHECK(report::note_label("") == "");
  // A report of many notes (one per place of a long list): each labelled, in time in proportion.
  std::string many, exp;
  for (int i = 0; i < 60; ++i) {
    const std::string place = "村" + std::to_string(i), count = std::to_string(i + 1);
    if (i) {
      many += "; ";
      exp += "; ";
    }
    many += "computed: " + place + " " + count + " x 500.00";
    exp += "计算：" + place + " " + count + " × 500.00 computed: " + place + " " + count + " x 500.00";
  }
  CHECK(report::note_label(many) == exp);
}
