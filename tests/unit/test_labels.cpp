// The words people read for what the ledger stores in English (how a report was read, why reports
// were merged, what became of a correction): each form the ledger writes is printed Chinese first
// with the English beside it (report/labels.hpp). A form the table does not know would print as
// stored, in English only: these tests name every form, so a new one fails here until it has its
// Chinese.
#include <string>
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
  for (const char* b : {"subject", "earlier clause", "article actor", "pronoun", "passive", "person", "unknown"})
    chinese_first(report::donor_basis_label(b), b);
  CHECK(report::donor_basis_label("article actor") == "文章主体 article actor");
}

TEST_CASE("every date basis the extractor and the ledger write") {
  for (const std::string b : {"stated: 2021年5月", "stated earlier in the clause: 2021年10月", "stated at the start of the sentence: 2020年",
                              "the year the funds are labelled with: 2022年", "carried over by 同年 from the paragraph",
                              "pledged on the article's date", "the five-year plan's period", "reported: date of 000_8606990f79117e30#2",
                              "stated: 2019年 (000_8606990f79117e30#2)", "date not stated; earliest report 001_16ae41943425061d#1",
                              "date not stated and no report date known", "set by correction fix.txt:3 (a phone call)",
                              "added by correction fix.txt:4 (from the minutes)", "dateline", "page", "unknown"})
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
