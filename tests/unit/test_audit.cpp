// The audit read models: checks that must find what is wrong, summaries, event details.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "aidledger/ledger/ledger.hpp"
#include "helpers.hpp"
#include "aidledger/report/audit.hpp"

using namespace aidledger;
using testing::page;
using testing::ref;

namespace {

std::vector<report::Finding> findings(ledger::Ledger& l, const std::string& check) { return report::run_checks(l, check); }

}  // namespace

TEST_CASE("tranches that add up to more than their pledge are an error") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("p.txt", "协议\n\n本报讯 2023年6月8日,高新区与卢氏县汤河乡签订协议,决定向汤河乡捐赠100万元。\n"), st);
  l.ingest(page("t1.txt", "拨付\n\n本报讯 2023年9月1日,高新区向汤河乡捐赠60万元,这是协议的首批资金。\n"), st);
  CHECK(findings(l, "tranche-exceeds-pledge").empty());
  l.ingest(page("t2.txt", "拨付\n\n本报讯 2024年3月1日,高新区向汤河乡捐赠50万元,这是协议的第二批资金。\n"), st);
  const auto f = findings(l, "tranche-exceeds-pledge");
  REQUIRE(f.size() == 1);
  CHECK(f[0].level == report::Level::error);
  CHECK(f[0].file == "p.txt");
  CHECK(f[0].line == 3);
  CHECK(f[0].message == "pledge 1 of ¥1,000,000.00 has 2 tranches paying ¥1,100,000.00, ¥100,000.00 more than pledged");
}

TEST_CASE("reports of one event that disagree on the amount are an error, with each report as evidence") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2022年3月1日,某某公司向官坡镇捐赠20万元。\n"), st);
  l.ingest(page("b.txt", "帮扶\n\n本报讯 2022年3月9日,某某公司向官坡镇捐赠25万元。\n"), st);
  CHECK(findings(l, "reports-disagree").empty());  // different amounts: two events
  // A person says they are the same gift; the check then shows that the articles disagree.
  l.apply_corrections(ledger::parse_corrections("merge " + ref(l, "20万元") + " " + ref(l, "25万元") + " reason=\"one gift\"\n", "c.txt"));
  const auto f = findings(l, "reports-disagree");
  REQUIRE(f.size() == 1);
  CHECK(f[0].level == report::Level::error);
  REQUIRE(f[0].evidence.size() == 2);
  CHECK(f[0].evidence[0] == "a.txt:3: 官坡镇 ¥200,000.00; 日期 date 2022-03-01 (日 day)");
  CHECK(f[0].evidence[1] == "b.txt:3: 官坡镇 ¥250,000.00; 日期 date 2022-03-09 (日 day)");
}

TEST_CASE("a cumulative claim is set beside the events it may cover, with the gap") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "回顾\n\n本报讯 2022年1月5日,高新区干部职工采购官坡镇农产品3万元。\n"), st);
  l.ingest(page("b.txt", "回顾\n\n本报讯 2022年12月1日,高新区累计采购官坡镇农产品10万元。\n"), st);
  const auto f = findings(l, "cumulative-claim");
  REQUIRE(f.size() == 1);
  CHECK(f[0].message == "event 2 claims ¥100,000.00; the 1 event it may cover comes to ¥30,000.00: gap ¥70,000.00");
  // Not in any total.
  const auto towns = report::township_summaries(l, {});
  REQUIRE(towns.size() == 1);
  CHECK(towns[0].disbursed_fen == 3000000);
}

TEST_CASE("summaries split disbursed, pledged and valued in-kind, and count goods per unit") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2021年3月1日,某某公司向木桐乡捐赠价值2万元的电脑;某某公司向木桐乡捐赠图书300册。"
                          "2022年,某某公司与木桐乡签订协议,决定捐赠10万元。\n"), st);
  const auto donors = report::donor_summaries(l, {});
  REQUIRE(donors.size() == 1);
  CHECK(donors[0].name == "某某公司");
  CHECK(donors[0].disbursed_fen == 2000000);
  CHECK(donors[0].in_kind_fen == 2000000);
  CHECK(donors[0].pledged_fen == 10000000);
  CHECK(donors[0].goods.at("册") == 300);
  CHECK(donors[0].first_year == 2021);
  CHECK(donors[0].last_year == 2022);
}

TEST_CASE("explain carries every report with file, line, offsets and the reading") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2022年3月1日,某某公司向官坡镇捐赠20万元。\n"), st);
  l.ingest(page("b.txt", "帮扶\n\n本报讯 2023年3月1日,据了解,去年某某公司向官坡镇捐赠了20万元。\n"), st);
  const auto d = report::event_detail(l, 1);
  REQUIRE(d);
  REQUIRE(d->reports.size() == 2);
  CHECK(d->reports[0].file == "a.txt");
  CHECK(d->reports[0].line == 3);
  CHECK(d->reports[0].measure_end - d->reports[0].measure_start == std::string("20万元").size());
  CHECK(d->reports[1].merge_reason.find("same donor (某某公司)") == 0);
  CHECK_FALSE(report::event_detail(l, 99).has_value());
}

TEST_CASE("a ledger whose amounts add up past int64 gives a clear error, never a wrong total") {
  // Amounts past the ceiling cannot enter through pages or corrections; a ledger written by an
  // older version or edited by hand may still hold them.
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("p.txt", "捐赠\n\n本报讯 2023年6月8日,高新区向卢氏县汤河乡捐赠100万元。2023年7月1日,某某公司向汤河乡捐赠20万元。\n"), st);
  testing::database(l).exec("UPDATE allocations SET amount_fen = 5000000000000000000");
  testing::database(l).exec("UPDATE mention_allocations SET amount_fen = 5000000000000000000");
  testing::database(l).exec("UPDATE events SET pledge_id = NULL, total_fen = 5000000000000000000");
  CHECK_THROWS_WITH_AS(report::township_summaries(l, {}), doctest::Contains("the sum leaves the range of a 64-bit integer"),
                       std::overflow_error);
  // SQL SUM() overflows too: the check that sums a pledge's tranches.
  testing::database(l).exec("UPDATE events SET pledge_id = 1 WHERE id = 2");
  testing::database(l).exec("INSERT INTO events (donor_id, date_first, date_last, date_text, date_precision, date_basis, kind, status, approximate, "
                    "aggregate, tranche, item, unit, distribution, total_fen, pledge_id) SELECT donor_id, date_first, date_last, date_text, "
                    "date_precision, date_basis, kind, status, 0, 0, 1, '', '', 'single', 5000000000000000000, 1 FROM events WHERE id = 2");
  CHECK_THROWS_WITH_AS(report::run_checks(l, "tranche-exceeds-pledge"),
                       doctest::Contains("a sum of the checks: the sum leaves the range of a 64-bit integer (SQLite: integer overflow)"),
                       std::overflow_error);
}

TEST_CASE("the summaries added up by the database are the summaries of the lines one by one") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2021年3月1日,某某公司向木桐乡捐赠价值2万元的电脑;某某公司向木桐乡捐赠图书300册;"
                          "某某公司向木桐乡捐赠图书200册。甲集团向木桐乡、官坡镇各捐赠5万元。2022年,某某公司与官坡镇签订协议,决定捐赠10万元。"
                          "高新区向木桐乡和官坡镇捐赠30万元。\n"), st);
  const ledger::Reader r(l);
  for (const bool by_donor : {true, false})
    for (const bool by_year : {true, false})
      for (const std::string township : {"", "木桐乡"}) {
        ledger::LineFilter f;
        f.township = township;
        const auto grouped = report::summarise(r.total_groups(f, by_donor), f, by_donor, by_year);
        const auto one_by_one = report::summarise(r.total_rows(f), f, by_donor, by_year);
        REQUIRE(grouped.size() == one_by_one.size());
        REQUIRE(grouped.size() >= 2);
        for (std::size_t i = 0; i < grouped.size(); ++i) {
          CAPTURE(grouped[i].name);
          CHECK(grouped[i].name == one_by_one[i].name);
          CHECK(grouped[i].year == one_by_one[i].year);
          CHECK(grouped[i].disbursed_fen == one_by_one[i].disbursed_fen);
          CHECK(grouped[i].pledged_fen == one_by_one[i].pledged_fen);
          CHECK(grouped[i].in_kind_fen == one_by_one[i].in_kind_fen);
          CHECK(grouped[i].goods == one_by_one[i].goods);
          CHECK(grouped[i].lines == one_by_one[i].lines);
          CHECK(grouped[i].first_year == one_by_one[i].first_year);
          CHECK(grouped[i].last_year == one_by_one[i].last_year);
        }
      }
  const auto donors = report::donor_summaries(l, {});
  const auto maker = std::find_if(donors.begin(), donors.end(), [](const auto& s) { return s.name == "某某公司"; });
  REQUIRE(maker != donors.end());
  CHECK(maker->goods.at("册") == 500);
  CHECK(maker->lines == 4);
}
