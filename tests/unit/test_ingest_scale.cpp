// Ingest that stays linear in the size of the ledger: a report joining an event is folded into the
// event's stored fields (the same fields as a recompute from all its reports), tranches are linked
// from the events a page touched, and every lookup ingest makes goes through an index.
#include <doctest/doctest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "aidledger/generate/corpus.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/text/decode.hpp"
#include "helpers.hpp"

using namespace aidledger;
using testing::page;

namespace {

std::int64_t count(ledger::Ledger& l, const std::string& sql) { return testing::database(l).execAndGet(sql).getInt64(); }

// Ingests a generated corpus of `pages` pages into `l`, as `aidledger ingest` reads it.
void ingest_generated(ledger::Ledger& l, std::uint64_t seed, std::size_t pages) {
  generate::Options o;
  o.seed = seed;
  o.pages = pages;
  generate::CorpusGenerator gen(o);
  ledger::IngestStats st;
  while (gen.more()) {
    const auto p = gen.next();
    auto decoded = text::decode_page(p.file_name, p.bytes);
    REQUIRE(decoded.page.has_value());
    extract::PageOptions po;
    po.id_prefix = extract::file_stem(p.file_name);
    l.ingest(extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(), extract::Directory::builtin(), po), st);
  }
  REQUIRE(st.reports_merged > 0);
}

}  // namespace

TEST_CASE("events folded report by report are the events a full recompute gives") {
  ledger::Ledger l(":memory:");
  ingest_generated(l, 7, 160);
  // Restated events: some gather many reports, with dates of several precisions and splits.
  CHECK(count(l, "SELECT MAX(n) FROM (SELECT COUNT(*) AS n FROM mentions GROUP BY event_id)") >= 10);
  CHECK(count(l, "SELECT COUNT(*) FROM (SELECT event_id FROM mentions GROUP BY event_id HAVING COUNT(*) > 1)") >= 50);
  CHECK(count(l, "SELECT COUNT(DISTINCT date_precision) FROM events") >= 3);
  CHECK(l.events_unlike_recompute().empty());

  // The check sees an event that differs, and leaves the ledger as it was.
  const auto id = count(l, "SELECT MIN(event_id) FROM mentions GROUP BY event_id HAVING COUNT(*) > 2 ORDER BY 1 LIMIT 1");
  testing::database(l).exec("UPDATE events SET item = item || 'x' WHERE id = " + std::to_string(id));
  const auto unlike = l.events_unlike_recompute();
  REQUIRE(unlike.size() == 1);
  CHECK(unlike[0] == id);
  CHECK(count(l, "SELECT COUNT(*) FROM events WHERE item LIKE '%x' AND id = " + std::to_string(id)) == 1);
}

TEST_CASE("a changed page and a correction notice keep the events a full recompute gives") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  const std::string original = "防汛\n\n本报讯 5月10日,郑州华能电子科技有限公司向徐家湾乡捐赠价值12万元的防汛物资。\n";
  const std::string retold = "回顾\n\n本报讯 6月2日,上月郑州华能电子科技有限公司向徐家湾乡捐赠价值约12万元的防汛物资。\n";
  const std::string notice =
      "更正\n\n本报5月12日第3版《企业助力防汛》一文中,“郑州华能电子科技有限公司向徐家湾乡捐赠价值12万元的防汛物资”一句,“12万元”应为“21万元”。特此更正。\n";
  const std::string after = "回顾\n\n本报讯 7月2日,5月郑州华能电子科技有限公司向徐家湾乡捐赠价值21万元的防汛物资。\n";
  l.ingest(page("2023-05-12_gxsb_03.txt", original), st);
  l.ingest(page("2023-06-03_gxsb_01.txt", retold), st);
  CHECK(l.events_unlike_recompute().empty());
  l.ingest(page("2023-05-20_gxsb_04.txt", notice), st);
  l.ingest(page("2023-07-03_gxsb_01.txt", after), st);
  CHECK(l.events_unlike_recompute().empty());
  // The first page changes: its report leaves the event, which is recomputed in full.
  l.ingest(page("2023-05-12_gxsb_03.txt", original + "另讯 5月11日,高新区工会向徐家湾乡捐赠图书131册。\n"), st);
  CHECK(st.pages_replaced == 1);
  CHECK(l.events_unlike_recompute().empty());
  const auto lines = l.export_lines();
  CHECK(std::any_of(lines.begin(), lines.end(), [](const ledger::ExportLine& x) { return x.amount_fen == 21000000; }));
}

TEST_CASE("a pledge read after its tranche is linked to it") {
  // The tranche's page is read first: the pledge that comes later finds the tranche waiting.
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("t.txt", "拨付\n\n本报讯 2024年3月1日,高新区向汤河乡捐赠50万元,这是协议的首批资金。\n"), st);
  CHECK(count(l, "SELECT COUNT(*) FROM events WHERE pledge_id IS NOT NULL") == 0);
  // A pledge of another kind, and one dated after the tranche, are not the one.
  l.ingest(page("q.txt", "协议\n\n本报讯 2024年6月8日,高新区与卢氏县汤河乡签订协议,决定向汤河乡捐赠300万元。\n"), st);
  CHECK(count(l, "SELECT COUNT(*) FROM events WHERE pledge_id IS NOT NULL") == 0);
  l.ingest(page("p.txt", "协议\n\n本报讯 2023年6月8日,高新区与卢氏县汤河乡签订协议,决定向汤河乡捐赠200万元。\n"), st);
  CHECK(count(l, "SELECT COUNT(*) FROM events t JOIN events p ON p.id = t.pledge_id "
                 "WHERE t.status = 'disbursed' AND p.status = 'pledged' AND p.total_fen = 200000000") == 1);
}

TEST_CASE("every lookup of ingest goes through an index: no scan of a table per report") {
  ledger::Ledger l(":memory:");
  ingest_generated(l, 3, 40);
  // A changed page and a duplicate: the statements of replacement run too.
  ledger::IngestStats st;
  l.ingest(page("a.txt", "回顾\n\n本报讯 10月24日,高新区管委会2019年为徐家湾乡设立帮扶基金,进行300万元资金支持。\n"), st);
  l.ingest(page("a.txt", "回顾\n\n本报讯 10月24日,高新区管委会2019年为徐家湾乡设立帮扶基金,进行200万元资金支持。\n"), st);
  const auto plans = l.query_plans();
  CHECK(plans.size() >= 20);
  int candidates = 0, lines = 0;
  for (const auto& [sql, plan] : plans) {
    CAPTURE(sql);
    CAPTURE(plan);
    // The events a report may restate: found by status, kind, donor and total, not by walking the
    // donor's events.
    // (One township's line of an event is found by township and amount.)
    if (sql.find("INDEXED BY allocations_line") != std::string::npos) {
      ++lines;
      CHECK(plan.find("USING INDEX allocations_line (township=? AND amount_fen=?)") != std::string::npos);
    } else if (sql.find("aggregate = ?") != std::string::npos && sql.find("donor_id IS ?") != std::string::npos) {
      ++candidates;
      CHECK(plan.find("USING COVERING INDEX events_candidates (status=? AND aggregate=? AND kind=? AND donor_id=? AND total_") !=
            std::string::npos);
    }
    // A scan of a partial index holds only the tranches still waiting for their pledge.
    std::string rest = plan;
    for (std::size_t at; (at = rest.find("SCAN")) != std::string::npos;) {
      const std::string line = rest.substr(at, rest.find('\n', at) - at);
      CHECK(line.find("events_unlinked_tranches") != std::string::npos);
      rest = rest.substr(at + 4);
    }
  }
  CHECK(candidates >= 2);  // by amount, by quantity (and without either)
  CHECK(lines == 1);
}
