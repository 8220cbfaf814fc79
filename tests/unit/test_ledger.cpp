// The SQLite ledger: schema, idempotent ingest, replacement, dedup with reasons, pledges, rollback.
#include <filesystem>
#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "aidledger/ledger/ledger.hpp"
#include "helpers.hpp"

using namespace aidledger;
using testing::page;
using testing::ref;

namespace {

std::int64_t count(ledger::Ledger& l, const std::string& sql) { return testing::database(l).execAndGet(sql).getInt64(); }

// Why the report of the page whose file name starts with `page_stem` was merged into its event.
std::string merge_reason_of_page(ledger::Ledger& l, const std::string& page_stem) {
  return testing::database(l).execAndGet(fmt::format("SELECT merge_reason FROM mentions WHERE article_id LIKE '{}%'", page_stem)).getString();
}

const std::string kFundTotal =
    "回顾\n\n本报讯 10月24日,调研卢氏县徐家湾乡、双龙湾镇。高新区管委会2019年为徐家湾乡、双龙湾镇设立帮扶基金,进行300万元资金支持。2024年1月,高新区工会向两乡镇捐赠图书131册。\n";
const std::string kFundSplit =
    "基金设立\n\n本报讯 11月23日,2019年,高新区管委会决定设立帮扶基金,为徐家湾乡、双龙湾镇分别无偿注入帮扶基金150万元。\n";

}  // namespace

TEST_CASE("a new ledger has the schema, foreign keys and the gazetteer") {
  ledger::Ledger l(":memory:");
  CHECK(count(l, "PRAGMA user_version") == ledger::kSchemaVersion);
  CHECK(count(l, "PRAGMA foreign_keys") == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM places WHERE level = 'township'") == 19);
  CHECK(count(l, "SELECT COUNT(*) FROM places p JOIN places c ON c.id = p.parent_id WHERE c.name = '卢氏县'") == 19);
}

TEST_CASE("a file database uses WAL") {
  const auto path = std::filesystem::temp_directory_path() / "aidledger_test_wal.db";
  std::filesystem::remove(path);
  {
    ledger::Ledger l(path.string());
    CHECK(testing::database(l).execAndGet("PRAGMA journal_mode").getString() == "wal");
  }
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}

TEST_CASE("a total for both townships and the per-township amounts of the same event are one event") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kFundTotal), st);
  l.ingest(page("b.txt", kFundSplit), st);
  CHECK(st.reports_merged == 1);
  const auto lines = l.export_lines();
  std::vector<ledger::ExportLine> fund;
  for (const auto& x : lines)
    if (x.amount_fen == 150000000) fund.push_back(x);
  REQUIRE(fund.size() == 2);       // the detailed split wins
  CHECK(fund[0].event_id == fund[1].event_id);
  CHECK(fund[0].township == "徐家湾乡");
  CHECK(fund[1].township == "双龙湾镇");
  CHECK(fund[0].date == "2019");   // the stated year beats the report's date
  CHECK(fund[0].sources == std::vector<std::string>{"a#1", "b#1"});
  const std::string why = testing::database(l).execAndGet("SELECT merge_reason FROM mentions WHERE article_id = 'b#1'").getString();
  CHECK(why.find("equals the event's lines") != std::string::npos);
  CHECK(why.find("3000000.00") != std::string::npos);
}

TEST_CASE("one township's part of a gift to two, restated with its date, is that gift; without a date, a new one") {
  const std::string both = "拨付\n\n本报讯 4月25日,高新区管委会向徐家湾乡、双龙湾镇各拨付帮扶资金100万元。\n";
  const std::string part = "一镇一年\n\n本报讯 回顾今年,4月25日,高新区管委会拨付的帮扶资金100万元到账双龙湾镇。\n";
  const std::string undated = "又一笔\n\n本报讯 高新区管委会向双龙湾镇拨付帮扶资金100万元。\n";
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("2024-04-26_gxsb_01.txt", both), st);
  l.ingest(page("2024-12-27_gxsb_02.txt", part), st);
  CHECK(st.reports_merged == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 1);
  CHECK(count(l, "SELECT total_fen FROM events") == 200000000);  // the event keeps both lines
  CHECK(count(l, "SELECT COUNT(*) FROM allocations") == 2);
  const std::string why = merge_reason_of_page(l, "2024-12-27");
  CHECK(why.find("restates one line of the event") != std::string::npos);
  // The same amount to one township with no date of its own, months later, is a gift of its own.
  l.ingest(page("2025-03-20_gxsb_01.txt", undated), st);
  CHECK(st.reports_merged == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
}

TEST_CASE("a review listing two townships' parts restates the two one-township gifts: no part counted twice") {
  const std::string first = "拨付\n\n本报讯 4月12日,高新区管委会向徐家湾乡拨付帮扶资金50万元。\n";
  const std::string second = "拨付\n\n本报讯 5月8日,高新区管委会向双龙湾镇拨付帮扶资金30万元。\n";
  const std::string review = "回顾\n\n本报讯 今年,高新区管委会向徐家湾乡、双龙湾镇分别拨付帮扶资金50万元、30万元。\n";
  SUBCASE("both parts kept before") {
    ledger::Ledger l(":memory:");
    ledger::IngestStats st;
    l.ingest(page("2023-04-13_gxsb_01.txt", first), st);
    l.ingest(page("2023-05-09_gxsb_01.txt", second), st);
    l.ingest(page("2023-12-28_gxsb_02.txt", review), st);
    CHECK(st.reports_merged == 2);
    CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
    CHECK(count(l, "SELECT SUM(total_fen) FROM events") == 80000000);
    CHECK(count(l, "SELECT COUNT(*) FROM mentions WHERE article_id LIKE '2023-12-28%'") == 2);
    const std::string why = merge_reason_of_page(l, "2023-12-28");
    CHECK(why.find("one line of a report of several townships (徐家湾乡 500000.00 + 双龙湾镇 300000.00)") != std::string::npos);
  }
  SUBCASE("one part kept before, the other after") {
    ledger::Ledger l(":memory:");
    ledger::IngestStats st;
    l.ingest(page("2023-04-13_gxsb_01.txt", first), st);
    l.ingest(page("2023-12-28_gxsb_02.txt", review), st);
    l.ingest(page("2024-01-05_gxsb_01.txt", "回顾\n\n本报讯 2023年5月8日,高新区管委会向双龙湾镇拨付帮扶资金30万元。\n"), st);
    CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
    CHECK(count(l, "SELECT SUM(total_fen) FROM events") == 80000000);
    CHECK(count(l, "SELECT COUNT(*) FROM mentions") == 4);
  }
  SUBCASE("no part kept before: the review is one event of two lines") {
    ledger::Ledger l(":memory:");
    ledger::IngestStats st;
    l.ingest(page("2023-12-28_gxsb_02.txt", review), st);
    CHECK(count(l, "SELECT COUNT(*) FROM events") == 1);
    CHECK(count(l, "SELECT COUNT(*) FROM allocations") == 2);
  }
}

TEST_CASE("two amounts of one sentence are two events, even when one equals a line of the other") {
  const std::string text = "协议\n\n本报讯 12月24日,双方签订协议。根据协议,2026年,高新区将向徐家湾乡、双龙湾镇各拨付帮扶资金100万元;"
                           "高新区还拟再投入100万元,为双龙湾镇建设一座冷链物流中心。\n";
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("2025-12-26_gxsb_01.txt", text), st);
  CHECK(st.reports_merged == 0);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
  CHECK(count(l, "SELECT SUM(total_fen) FROM events WHERE status = 'pledged'") == 300000000);
  // (…还将出资200万元: the same sum as the two lines of 各100万元, after 还, is a pledge of its own.)
  const std::string same_sum = "协议\n\n本报讯 1月16日,双方签订协议。高新区今年将为徐家湾乡、双龙湾镇各安排帮扶资金100万元;"
                               "2026年,高新区还将出资200万元,与两乡镇共同设立产业基金。\n";
  ledger::Ledger l2(":memory:");
  l2.ingest(page("2025-01-17_gxsb_03.txt", same_sum), st);
  CHECK(count(l2, "SELECT COUNT(*) FROM events") == 2);
  CHECK(count(l2, "SELECT SUM(total_fen) FROM events") == 400000000);
  // (拿出20万元，向甲乡、乙镇分别拨付12万元、8万元: the whole and its parts, one event.)
  const std::string parts = "救灾\n\n本报讯 7月26日,区慈善总会拿出20万元,向徐家湾乡、双龙湾镇分别拨付12万元、8万元。\n";
  ledger::Ledger l3(":memory:");
  l3.ingest(page("2021-07-30_gxsb_02.txt", parts), st);
  CHECK(count(l3, "SELECT COUNT(*) FROM events") == 1);
  CHECK(count(l3, "SELECT SUM(total_fen) FROM events") == 20000000);
}

TEST_CASE("the same undated gift reported a year apart is two events; reported weeks apart, one") {
  // Each Spring Festival the district sends the same 慰问金: neither report states the day of the gift.
  auto festival = [](const std::string& headline) {
    return headline + "\n\n本报讯 高新区管委会为徐家湾乡、双龙湾镇困难群众送去慰问金各5万元。\n";
  };
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("2023-01-18_gxsb_01.txt", festival("新春慰问")), st);
  l.ingest(page("2024-02-06_gxsb_01.txt", festival("情暖山乡")), st);
  CHECK(st.reports_merged == 0);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
  // The same report retold three weeks later is one event, and says why.
  l.ingest(page("2024-02-27_gxsb_02.txt", festival("回访")), st);
  CHECK(st.reports_merged == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
  const std::string why = merge_reason_of_page(l, "2024-02-27");
  CHECK(why.find("reported 21 days apart") != std::string::npos);
}

TEST_CASE("a body of the district and the district reporting the same sum are one event, only when year and places agree") {
  // The bureau that held the fair is the buyer on one page, the district on the other.
  const std::string bureau = "展销\n\n本报讯 9月20日，高新区农业农村局主办的消费帮扶展销会在高新万达广场举行，徐家湾乡展位销售额达12.4万元。\n";
  const std::string district = "展销回顾\n\n本报讯 9月20日，高新区在高新万达广场举办消费帮扶展销会，徐家湾乡展位销售额12.4万元。\n";
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("2023-09-22_gxsb_01.txt", bureau), st);
  l.ingest(page("2023-09-25_gxsb_02.txt", district), st);
  CHECK(st.reports_merged == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 1);
  const std::string why = merge_reason_of_page(l, "2023-09-25");
  CHECK(why.find("one body and the district it belongs to") != std::string::npos);
  // An association of the district giving the same sum four years earlier is another gift.
  const std::string association =
      "捐赠\n\n本报讯 5月16日，郑州高新区青年企业家协会向徐家湾乡捐赠帮扶资金3万元。\n";
  const std::string later = "慰问\n\n本报讯 高新区管委会向徐家湾乡捐赠帮扶资金3万元。\n";
  ledger::Ledger m(":memory:");
  ledger::IngestStats st2;
  m.ingest(page("2026-01-16_gxsb_01.txt", later), st2);
  m.ingest(page("2022-05-18_gxsb_02.txt", association), st2);
  CHECK(st2.reports_merged == 0);
  CHECK(count(m, "SELECT COUNT(*) FROM events") == 2);
}

TEST_CASE("the first and the second tranche of one pledge are two events, however alike") {
  const std::string first = "首期到位\n\n本报讯 3月10日,高新区管委会向徐家湾乡、双龙湾镇拨付首期帮扶资金200万元。\n";
  const std::string second = "第二期到位\n\n本报讯 3月12日,高新区管委会向徐家湾乡、双龙湾镇拨付第二期帮扶资金200万元。\n";
  const std::string first_again = "回顾\n\n本报讯 去年3月,高新区管委会向徐家湾乡、双龙湾镇拨付首期帮扶资金200万元。\n";
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("2023-03-11_gxsb_01.txt", first), st);
  l.ingest(page("2023-03-13_gxsb_01.txt", second), st);
  CHECK(st.reports_merged == 0);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
  CHECK(count(l, "SELECT COUNT(*) FROM mentions WHERE tranche_number = 2") == 1);
  // The first tranche retold a year later is the first tranche again.
  l.ingest(page("2024-05-06_gxsb_02.txt", first_again), st);
  CHECK(st.reports_merged == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 2);
  CHECK(count(l, "SELECT COUNT(*) FROM mentions WHERE tranche_number = 1") == 2);
}

TEST_CASE("a correction notice corrects the event it names, whichever page is read first") {
  const std::string original =
      "防汛\n\n本报讯 5月10日,郑州华能电子科技有限公司向徐家湾乡捐赠价值12万元的防汛物资。\n";
  const std::string notice =
      "更正\n\n本报5月12日第3版《企业助力防汛》一文中,“郑州华能电子科技有限公司向徐家湾乡捐赠价值12万元的防汛物资”一句,“12万元”应为“21万元”。特此更正。\n";
  for (const bool notice_first : {false, true}) {
    CAPTURE(notice_first);
    ledger::Ledger l(":memory:");
    ledger::IngestStats st;
    if (notice_first) l.ingest(page("2023-05-20_gxsb_04.txt", notice), st);
    l.ingest(page("2023-05-12_gxsb_03.txt", original), st);
    if (!notice_first) l.ingest(page("2023-05-20_gxsb_04.txt", notice), st);
    CHECK(count(l, "SELECT COUNT(*) FROM events") == 1);
    const auto lines = l.export_lines();
    REQUIRE(lines.size() == 1);
    CHECK(lines[0].amount_fen == 21000000);  // the corrected amount, once
    CHECK(lines[0].township == "徐家湾乡");
    CHECK(lines[0].sources.size() == 2);
    CHECK(count(l, "SELECT COUNT(*) FROM mentions WHERE corrects_fen = 12000000") == 1);
    const std::string why = testing::database(l).execAndGet("SELECT merge_reason FROM mentions WHERE merge_reason <> 'first report' LIMIT 1").getString();
    CHECK(why.find("correction notice") != std::string::npos);
  }
}

TEST_CASE("the same file again changes nothing; a changed file replaces its reports") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  const auto a = page("a.txt", kFundTotal);
  l.ingest(a, st);
  const std::string before = ledger::to_csv(l.export_lines());
  CHECK(l.page_state("a.txt", a.page.sha256) == ledger::PageState::unchanged);

  std::string edited = kFundTotal;
  edited.replace(edited.find("131册"), std::string("131册").size(), "140册");
  const auto a2 = page("a.txt", edited);
  CHECK(l.page_state("a.txt", a2.page.sha256) == ledger::PageState::changed);
  l.ingest(a2, st);
  CHECK(st.pages_replaced == 1);
  const std::string after = ledger::to_csv(l.export_lines());
  CHECK(after != before);
  CHECK(after.find(",140,") != std::string::npos);
  CHECK(after.find(",131,") == std::string::npos);
  CHECK(count(l, "SELECT COUNT(*) FROM pages") == 1);
  CHECK(count(l, "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id)") == 0);
}

TEST_CASE("replacing the only report of an event restores the other report's reading") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kFundTotal), st);
  l.ingest(page("b.txt", kFundSplit), st);
  // b.txt loses its fund sentence: the event falls back to a.txt's single JOINT line.
  l.ingest(page("b.txt", "基金设立\n\n本报讯 11月23日,2019年,卢氏县徐家湾乡召开会议。\n"), st);
  const auto lines = l.export_lines();
  bool joint = false;
  for (const auto& x : lines) joint = joint || (x.amount_fen == 300000000 && x.township == "JOINT");
  CHECK(joint);
}

TEST_CASE("a tranche is linked to the pledge it pays") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("p.txt", "协议\n\n本报讯 2023年6月8日,高新区与卢氏县汤河乡签订协议,决定向汤河乡捐赠200万元。\n"), st);
  l.ingest(page("t.txt", "拨付\n\n本报讯 2024年3月1日,高新区向汤河乡捐赠50万元,这是协议的首批资金。\n"), st);
  CHECK(count(l, "SELECT COUNT(*) FROM events t JOIN events p ON p.id = t.pledge_id "
                 "WHERE t.status = 'disbursed' AND p.status = 'pledged' AND p.total_fen = 200000000") == 1);
}

TEST_CASE("a page that fails half-way leaves nothing behind") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  auto bad = page("bad.txt", kFundTotal);
  REQUIRE_FALSE(bad.reports.empty());
  bad.reports.back().article_seq = 99;  // refers to no article: the store throws mid-page
  CHECK_THROWS(l.ingest(bad, st));
  CHECK(count(l, "SELECT COUNT(*) FROM pages") == 0);
  CHECK(count(l, "SELECT COUNT(*) FROM events") == 0);
  CHECK(count(l, "SELECT COUNT(*) FROM mentions") == 0);
}

TEST_CASE("article ids stay unique when two folders hold files of the same name") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  auto first = page("x/p.txt", kFundTotal);
  l.ingest(first, st);
  const std::string prefix = l.article_prefix("y/p.txt", std::string(64, 'a'));
  CHECK(prefix == "p~aaaaaaaa");
  CHECK(l.article_prefix("x/p.txt", first.page.sha256) == "p");
}

TEST_CASE("CSV and JSON exports carry the same fixed columns") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kFundTotal), st);
  const auto lines = l.export_lines();
  const std::string csv = ledger::to_csv(lines);
  CHECK(csv.rfind("event_id,date,date_precision,year,kind,status,donor,recipient,township,amount_yuan,approximate,"
                  "quantity,unit,item,aggregate,sources\n", 0) == 0);
  CHECK(csv.find(",2019,year,2019,cash,disbursed,郑州高新区,徐家湾乡、双龙湾镇,JOINT,3000000.00,0,,,,0,a#1\n") != std::string::npos);
  const std::string json = ledger::to_json(lines);
  CHECK(json.find("\"amount_yuan\": \"3000000.00\"") != std::string::npos);
  CHECK(json.find("\"township\": \"JOINT\"") != std::string::npos);
}

TEST_CASE("a version-1 ledger is migrated to the current schema and keeps its data") {
  const auto path = std::filesystem::temp_directory_path() / "aidledger_test_migrate.db";
  std::filesystem::remove(path);
  {
    ledger::Ledger l(path.string());
    ledger::IngestStats st;
    l.ingest(page("a.txt", kFundTotal), st);
    // Make it look like a ledger written by schema version 1.
    testing::database(l).exec("DROP INDEX events_pledge; DROP INDEX events_date; DROP INDEX events_coverage; DROP INDEX events_donor; "
                      "DROP TABLE corrections; ALTER TABLE events DROP COLUMN excluded; ALTER TABLE events DROP COLUMN origin; "
                      "ALTER TABLE allocations DROP COLUMN excluded; ALTER TABLE pages DROP COLUMN read_options; "
                      "DROP INDEX events_candidates; DROP INDEX events_pledges; DROP INDEX events_unlinked_tranches; DROP INDEX mentions_event_tranche; "
                      "DROP INDEX mentions_event_corrects; DROP INDEX pages_sha256; ALTER TABLE mentions DROP COLUMN tranche_number; DROP INDEX mentions_corrects; ALTER TABLE mentions DROP COLUMN corrects_fen; DROP TABLE page_places; PRAGMA user_version = 1");
  }
  {
    ledger::Ledger l(path.string());
    CHECK(count(l, "PRAGMA user_version") == ledger::kSchemaVersion);
    CHECK(count(l, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'events_pledge'") == 1);
    CHECK(count(l, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('events_candidates', 'events_pledges', "
                   "'events_unlinked_tranches', 'mentions_event_tranche', 'mentions_event_corrects', 'pages_sha256')") == 6);
    CHECK(l.export_lines().size() == 2);
  }
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  CHECK_THROWS_WITH_AS(ledger::Ledger(path.string()), doctest::Contains("made by a newer aidledger"), std::runtime_error);
  std::filesystem::remove(path);
  std::filesystem::remove(path.string() + "-wal");
  std::filesystem::remove(path.string() + "-shm");
}
