// The phrase vocabulary and the sentence model built on it: longest match, shielding words,
// clause frames (giver, distribution, status), each rule checked on its own.
#include <doctest/doctest.h>

#include "aidledger/extract/frame.hpp"
#include "aidledger/extract/page.hpp"

using namespace aidledger;
using namespace aidledger::extract;

namespace {

std::vector<std::string> words_of(const Lexicon& lex, std::string_view text) {
  std::vector<std::string> out;
  for (const auto& w : lex.scan(text)) out.emplace_back(text.substr(w.span.begin, w.span.size()));
  return out;
}

std::vector<AidReport> reports(const std::string& body, const std::string& published = "2024-05-07") {
  auto decoded = text::decode_page("t.txt", "帮扶徐家湾乡、双龙湾镇\n\n" + body + "\n");
  REQUIRE(decoded.page.has_value());
  PageOptions o;
  o.publication = parse_iso_range(published, Precision::day);
  return extract_page(std::move(*decoded.page), Gazetteer::builtin(), Directory::builtin(), o).reports;
}

}  // namespace

TEST_CASE("lexicon: longest entry at each place; a block word shields the words inside it") {
  const Lexicon lex = Lexicon::parse("捐赠\tgive\n各\teach\n各类\tblock\n价值\tvalue\n", "test.tsv");
  CHECK(words_of(lex, "各捐赠") == std::vector<std::string>{"各", "捐赠"});
  CHECK(words_of(lex, "捐赠各类物资") == std::vector<std::string>{"捐赠"});  // 各类 matched, not returned
  CHECK(lex.categories("价值") == bit(Cat::value));
  CHECK(lex.categories("物资") == 0);
}

TEST_CASE("lexicon: a bad line names the file and the line") {
  CHECK_THROWS_WITH(Lexicon::parse("捐赠\tgive\n捐助\tgiving\n", "data/x.tsv"), "data/x.tsv:2: unknown category 'giving'");
  CHECK_THROWS_WITH(Lexicon::parse("捐赠 give\n", "data/x.tsv"), "data/x.tsv:1: expected a word and a category separated by a tab");
}

TEST_CASE("the built-in lexicon reads Traditional entries as Simplified and keeps its categories") {
  const Lexicon& lex = Lexicon::builtin();
  CHECK(lex.size() > 400);
  CHECK((lex.categories("捐赠") & bit(Cat::give)) != 0);
  CHECK((lex.categories("分别") & bit(Cat::each)) != 0);
  CHECK((lex.categories("将") & bit(Cat::modal)) != 0);
}

TEST_CASE("distribution: 各类 is not each; 分别 with a list pairs in order; 分别 after givers is per giver") {
  auto rs = reports("本报讯 5月6日，郑州高新区向两乡镇投入各类帮扶资金300万元。");
  REQUIRE(rs.size() == 1);
  REQUIRE(rs[0].allocations.size() == 1);
  CHECK(rs[0].allocations[0].township == "JOINT");
  CHECK(rs[0].total_fen() == 300000000);

  rs = reports("本报讯 5月6日，郑州高新区向徐家湾乡、双龙湾镇分别捐赠8万元、6万元。");
  REQUIRE(rs.size() == 1);
  REQUIRE(rs[0].allocations.size() == 2);
  CHECK(rs[0].allocations[0].amount_fen == 8000000);
  CHECK(rs[0].allocations[1].amount_fen == 6000000);

  rs = reports("本报讯 5月6日，郑州高新区3家会员企业分别捐赠1000元，用于徐家湾乡困难学生。");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].total_fen() == 300000);  // 3 x 1,000 in one line, never 1,000 copied

  rs = reports("本报讯 5月6日，甲某科技有限公司、乙某电子有限公司分别捐赠价值2万元的图书和价值1.6万元的文具，送往徐家湾乡。");
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].total_fen() == 2000000);
  CHECK(rs[1].total_fen() == 1600000);
  CHECK(rs[0].donor != rs[1].donor);
}

TEST_CASE("status: a pledge and its first tranche in one sentence; 将 that moves a thing is no pledge") {
  auto rs = reports("本报讯 5月6日，郑州高新区将分三年向两乡镇投入共计600万元，首期200万元已拨付到位。");
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].status == Status::pledged);
  CHECK(rs[0].total_fen() == 600000000);
  CHECK(rs[1].status == Status::disbursed);
  CHECK(rs[1].tranche);
  CHECK(rs[1].total_fen() == 200000000);

  rs = reports("本报讯 5月6日，郑州市妇联将募集到的价值3万元的儿童读物转交给徐家湾乡中心小学。");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].status == Status::disbursed);
}

TEST_CASE("givers: pronouns take the last organisation of their kind; descriptors and manner words are skipped") {
  auto rs = reports("本报讯 5月6日，郑州某某科技有限公司来到徐家湾乡中心小学。该公司为学校捐赠图书300册。");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].donor == "郑州某某科技有限公司");  // not the school named last
  CHECK(rs[0].donor_basis == "pronoun");

  rs = reports("本报讯 5月6日，辖区企业河南某某网络有限公司随行，冒雨向双龙湾镇捐赠抽水泵10台。");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].donor == "河南某某网络有限公司");
}

TEST_CASE("scope: one occasion's total is not a summary; a period's total is, and is one line") {
  auto rs = reports("本报讯 5月6日，本次展销会共销售两乡镇农产品约9万元。");
  REQUIRE(rs.size() == 1);
  CHECK_FALSE(rs[0].aggregate);
  rs = reports("本报讯 5月6日，今年1至4月，郑州高新区通过消费帮扶共采购两乡镇农产品38.6万元。");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].aggregate);
  REQUIRE(rs[0].allocations.size() == 1);
  CHECK(rs[0].allocations[0].township == "JOINT");
}
