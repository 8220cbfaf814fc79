// The user's corrections: parsed with line numbers, applied on top of the articles, re-applied
// at every ingest, and reported when they no longer match.
#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "aidledger/ledger/ledger.hpp"
#include "helpers.hpp"

using namespace aidledger;
using testing::page;
using testing::ref;

namespace {

const std::string kPage =
    "帮扶\n\n本报讯 2022年3月1日,高新区分别为徐家湾乡、双龙湾镇捐赠现金50万元。某某公司向木桐乡捐赠图书300册。\n";

std::int64_t total(ledger::Ledger& l) {
  std::int64_t t = 0;
  for (const auto& x : l.export_lines()) t += x.amount_fen.value_or(0);
  return t;
}

}  // namespace

TEST_CASE("corrections are parsed with their line numbers; what cannot be understood is kept with the reason") {
  const auto cs = ledger::parse_corrections(
      "# comment\n"
      "set a#1@10 date=2021-05 donor=\"某某 公司\" reason=\"phone call\"\n"
      "exclude a#1@10\n"
      "merge a#1@10 reason=x\n"
      "add date=2022 amount=5万 colour=red reason=x\n"
      "frobnicate a#1@10 reason=x\n",
      "c.txt");
  REQUIRE(cs.size() == 5);
  CHECK(cs[0].line == 2);
  CHECK(cs[0].error.empty());
  CHECK(cs[0].fields.at("donor") == "某某 公司");
  CHECK(cs[0].reason == "phone call");
  CHECK(cs[1].error == "every correction needs reason=\"...\"");
  CHECK(cs[2].error == "merge takes 2 report references (ARTICLE@BYTE), found 1");
  CHECK(cs[3].error == "unknown field 'colour'");
  CHECK(cs[4].error == "unknown action 'frobnicate' (set, exclude, merge, split, add)");
}

TEST_CASE("set, exclude and add change the ledger and are recorded") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPage), st);
  const std::string cash = ref(l, "50万元"), books = ref(l, "300册");
  CHECK(total(l) == 100000000);
  const auto stats = l.apply_corrections(ledger::parse_corrections(
      "set " + cash + " amount=40万 line=双龙湾镇 reason=\"receipt shows 40万\"\n"
      "set " + books + " date=2022-02 donor=郑州某某出版社 reason=\"delivery note\"\n"
      "exclude " + cash + " line=徐家湾乡 reason=\"returned\"\n"
      "add date=2022-05 donor=高新区 township=木桐乡 amount=1万 reason=\"bank statement\"\n",
      "c.txt"));
  CHECK(stats.applied == 4);
  CHECK(stats.unmatched == 0);
  CHECK(total(l) == 40000000 + 1000000);
  bool books_ok = false;
  for (const auto& x : l.export_lines())
    if (x.quantity == 300) books_ok = x.date == "2022-02" && x.donor == "郑州某某出版社";
  CHECK(books_ok);
  CHECK(testing::database(l).execAndGet("SELECT COUNT(*) FROM corrections WHERE status = 'applied'").getInt() == 4);
  CHECK(testing::database(l).execAndGet("SELECT date_basis FROM events WHERE total_quantity = 300").getString().rfind("set by correction c.txt:2", 0) == 0);
}

TEST_CASE("a correction survives re-ingest, also of a changed page, and an empty file undoes it") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPage), st);
  const auto corrections = ledger::parse_corrections("set " + ref(l, "300册") + " quantity=320 reason=\"count on delivery\"\n", "c.txt");
  l.apply_corrections(corrections);
  auto quantity = [&] {
    for (const auto& x : l.export_lines())
      if (x.quantity) return *x.quantity;
    return std::int64_t{0};
  };
  CHECK(quantity() == 320);
  // The page changes elsewhere (another sentence is added): it is replaced, its events recomputed…
  l.ingest(page("a.txt", kPage + "同日,某某集团向潘河乡捐赠5万元。\n"), st);
  CHECK(quantity() == 300);
  // …and the corrections applied at the end of the ingest bring the correction back.
  l.apply_corrections(corrections);
  CHECK(quantity() == 320);
  CHECK(total(l) == 105000000);
  l.apply_corrections({});
  CHECK(quantity() == 300);
}

TEST_CASE("a correction that no longer matches is reported, not dropped") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPage), st);
  const auto stats = l.apply_corrections(ledger::parse_corrections("set a#1@1 date=2021 reason=\"old reference\"\n", "c.txt"));
  CHECK(stats.unmatched == 1);
  REQUIRE(stats.problems.size() == 1);
  CHECK(stats.problems[0].rfind("c.txt:1: unmatched: no report a#1@1", 0) == 0);
  CHECK(testing::database(l).execAndGet("SELECT status FROM corrections").getString() == "unmatched");
}

TEST_CASE("merge joins two events; split gives a report an event of its own") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2022年3月1日,某某公司向官坡镇捐赠图书300册。\n"), st);
  l.ingest(page("b.txt", "帮扶\n\n本报讯 2022年3月5日,某某公司向官坡镇捐赠图书300本。\n"), st);  // 本 is another unit: not merged
  CHECK(l.export_lines().size() == 2);
  const std::string a = ref(l, "300册"), b = ref(l, "300本");
  auto s = l.apply_corrections(ledger::parse_corrections("merge " + a + " " + b + " reason=\"same delivery\"\n", "c.txt"));
  CHECK(s.applied == 1);
  const auto lines = l.export_lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].sources == std::vector<std::string>{"a#1", "b#1"});
  s = l.apply_corrections(ledger::parse_corrections("merge " + a + " " + b + " reason=\"same delivery\"\nsplit " + b + " reason=\"no, two deliveries\"\n", "c.txt"));
  CHECK(s.applied == 2);
  CHECK(l.export_lines().size() == 2);
}

TEST_CASE("a correction with an amount past the ceiling, inexact, or a count past int64 is an error naming its line; nothing of it applies") {
  // Issue 8: amount=99999999999999999 made a negative disbursed total.
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPage), st);
  const std::string cash = ref(l, "50万元"), books = ref(l, "300册");
  const auto before = total(l);
  const auto stats = l.apply_corrections(ledger::parse_corrections(
      "set " + cash + " amount=99999999999999999 line=双龙湾镇 reason=x\n"
      "set " + cash + " amount=1000000000001 line=双龙湾镇 reason=x\n"
      "set " + cash + " amount=0.001 line=双龙湾镇 reason=x\n"
      "set " + books + " quantity=99999999999999999999 reason=x\n"
      "set " + books + " quantity=-5 reason=x\n"
      "add date=2022-05 donor=高新区 township=木桐乡 amount=1.5万亿 reason=x\n"
      "set " + cash + " item=现金 amount=2万亿 line=双龙湾镇 reason=\"the item must not change either\"\n",
      "c.txt"));
  CHECK(stats.applied == 0);
  CHECK(stats.invalid == 7);
  REQUIRE(stats.problems.size() == 7);
  CHECK(stats.problems[0] == "c.txt:1: error: amount '99999999999999999' refused: more than 10^12 yuan, the ceiling of one ledger line");
  CHECK(stats.problems[1] == "c.txt:2: error: amount '1000000000001' refused: more than 10^12 yuan, the ceiling of one ledger line");
  CHECK(stats.problems[2] == "c.txt:3: error: amount '0.001' refused: not a whole number of fen");
  CHECK(stats.problems[3] == "c.txt:4: not understood: quantity '99999999999999999999' is not a whole number from 0 to 9223372036854775807");
  CHECK(stats.problems[4] == "c.txt:5: not understood: quantity '-5' is not a whole number from 0 to 9223372036854775807");
  CHECK(stats.problems[5] == "c.txt:6: error: amount '1.5万亿' refused: more than 10^12 yuan, the ceiling of one ledger line");
  CHECK(total(l) == before);
  SQLite::Statement q(testing::database(l), "SELECT COUNT(*) FROM events WHERE item = '现金'");
  REQUIRE(q.executeStep());
  CHECK(q.getColumn(0).getInt() == 0);
  // The ceiling itself is accepted.
  const auto ok = l.apply_corrections(ledger::parse_corrections("set " + cash + " amount=1万亿 line=双龙湾镇 reason=x\n", "c.txt"));
  CHECK(ok.applied == 1);
  CHECK(total(l) == before - 50'000'000 + 100'000'000'000'000LL);
}

TEST_CASE("set donor= with no name marks the donor unknown, and later ingests still work") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPage), st);
  const auto corrections = ledger::parse_corrections("set " + ref(l, "300册") + " donor= reason=\"not the company\"\n", "c.txt");
  CHECK(l.apply_corrections(corrections).applied == 1);
  for (const auto& x : l.export_lines())
    if (x.quantity == 300) CHECK(x.donor.empty());
  // It used to leave a dangling donor id: every later application failed (FOREIGN KEY constraint failed).
  l.ingest(page("b.txt", "帮扶\n\n本报讯 2022年5月1日,某某集团向潘河乡捐赠5万元。\n"), st);
  CHECK(l.apply_corrections(corrections).applied == 1);
  CHECK(testing::database(l).execAndGet("SELECT COUNT(*) FROM pragma_foreign_key_check").getInt() == 0);
}

TEST_CASE("a correction line the ledger cannot take is not understood; the other lines still apply") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPage), st);
  const std::string books = ref(l, "300册");
  const auto stats = l.apply_corrections(ledger::parse_corrections(
      "set " + books + " quantity=99999999999999999999999 reason=\"too long\"\n"
      "set " + books + " date=0000-10-24 reason=\"a typing error\"\n"
      "set " + books + " quantity=320 reason=\"count on delivery\"\n",
      "c.txt"));
  CHECK(stats.applied == 1);
  CHECK(stats.invalid == 2);
  REQUIRE(stats.problems.size() == 2);
  CHECK(stats.problems[1] == "c.txt:2: not understood: date '0000-10-24' is outside the years 1949 to 2100");
}
