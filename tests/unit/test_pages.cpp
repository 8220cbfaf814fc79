// The test pages in tests/pages: other encodings, scripts and phenomena than the samples.
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "aidledger/extract/page.hpp"

using namespace aidledger::extract;

namespace {
PageExtraction read_page(const std::string& name, std::optional<DateRange> published = {}) {
  const std::string path = std::string(AIDLEDGER_SOURCE_DIR) + "/tests/pages/" + name;
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), path);
  std::stringstream ss;
  ss << in.rdbuf();
  auto decoded = aidledger::text::decode_page(path, ss.str());
  REQUIRE(decoded.page.has_value());
  PageOptions o;
  o.publication = published;
  return extract_page(std::move(*decoded.page), Gazetteer::builtin(), Directory::builtin(), o);
}
}  // namespace

TEST_CASE("Traditional script, UTF-8: names come out Simplified, evidence stays Traditional") {
  const auto px = read_page("trad_tanghe_utf8.txt");
  CHECK(px.page.script == "Hant");
  REQUIRE(px.reports.size() == 3);
  for (const auto& r : px.reports) {
    CHECK(r.donor == "郑州高新区工会");
    CHECK(r.allocations[0].township == "汤河乡");
    CHECK(format_date(*r.date) == "2022-03-12");
  }
  CHECK(px.reports[0].total_quantity() == 1200);
  CHECK(px.reports[0].unit == "册");
  CHECK(px.reports[1].total_quantity() == 80);
  CHECK(px.reports[1].item == "课桌椅");
  CHECK(px.reports[2].kind == Kind::cash);
  CHECK(px.reports[2].total_fen() == 5000000);
  const auto& r = px.reports[0];
  CHECK(px.page.original_slice(r.sentence.begin, r.sentence.end).find("捐贈圖書1200冊") != std::string::npos);
}

TEST_CASE("GB18030: a pledge and its first tranche") {
  const auto px = read_page("gb18030_guanpo_pledge.txt");
  CHECK(px.page.encoding == "GB18030");
  REQUIRE(px.reports.size() == 2);
  CHECK(px.reports[0].status == Status::pledged);
  CHECK(px.reports[0].donor == "郑州市金水区");
  CHECK(px.reports[0].total_fen() == 200000000);
  CHECK(px.reports[1].status == Status::disbursed);
  CHECK(px.reports[1].tranche);
  CHECK(px.reports[1].donor == "郑州市金水区");
  CHECK(format_date(*px.reports[1].date) == "2023-09");
  CHECK(px.reports[1].allocations[0].township == "官坡镇");
  // Offsets are offsets into the GB18030 file (two bytes per Han character).
  CHECK(px.articles[0].file_end <= px.page.file_size);
}

TEST_CASE("UTF-16LE with BOM, CRLF, full-width digits") {
  const auto px = read_page("utf16le_crlf_fullwidth_shuanglongwan.txt");
  CHECK(px.page.encoding == "UTF-16LE");
  REQUIRE(px.reports.size() == 2);
  CHECK(px.reports[0].total_fen() == 3500000);
  CHECK(px.reports[0].kind == Kind::in_kind);
  CHECK(px.reports[0].item == "防寒物资");
  CHECK(px.reports[1].total_quantity() == 200);
  CHECK(px.reports[1].item == "棉被");
  for (const auto& r : px.reports) {
    CHECK(r.donor == "河南华安科技有限公司");
    CHECK(r.allocations[0].township == "双龙湾镇");
    CHECK(format_date(*r.date) == "2020-12-05");
  }
}

TEST_CASE("mixed page: a non-aid article, 各, per-unit totals, consumption, subtotal, cumulative") {
  const auto px = read_page("mixed_shuanghuaishu_bom.txt");
  CHECK(px.page.encoding == "UTF-8-BOM");
  REQUIRE(px.articles.size() == 2);
  CHECK_FALSE(px.articles[0].relevant);
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 6);
  CHECK(rs[0].allocations.size() == 2);                 // 各: two villages of one township
  CHECK(rs[0].allocations[1].recipient == "西岭村");
  CHECK(rs[0].allocations[1].township == "双槐树乡");
  CHECK(rs[0].total_fen() == 20000000);
  CHECK(rs[1].total_fen() == 2500000);                  // 每人500元, 共计2.5万元
  CHECK(rs[2].total_fen() == 600000);                   // 30户 x 200元, in kind
  CHECK(rs[2].kind == Kind::in_kind);
  CHECK(rs[3].kind == Kind::consumption);
  CHECK(rs[3].total_fen() == 4200000);
  CHECK(rs[4].total_fen() == 50000000);                 // 其中现金30万元 is not another line
  CHECK(rs[4].allocations[0].township == "JOINT");
  CHECK(rs[5].aggregate);
}

TEST_CASE("valued goods counted after their value, a value in the next clause, a future pledge, a period total") {
  const auto px = read_page("valued_goods_pledge_wulichuan.txt");
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 5);
  CHECK(rs[0].allocations.size() == 2);                 // 各捐赠帮扶资金30万元
  CHECK(rs[0].total_fen() == 60000000);
  CHECK(rs[1].total_fen() == 8000000);                  // 价值8万元的办公电脑20台: one gift
  CHECK(rs[1].total_quantity() == 20);
  CHECK(rs[1].item == "办公电脑");
  CHECK(rs[2].total_fen() == 5200000);                  // 医疗物资一批,价值5.2万元
  CHECK(rs[2].item == "医疗物资");
  CHECK(rs[3].aggregate);                               // 今年以来 … 共计26.8万元
  CHECK(rs[3].kind == Kind::consumption);
  CHECK(rs[4].status == Status::pledged);               // 将于年底前 … 投入
  CHECK_FALSE(rs[4].date.has_value());                  // 年底前 is a deadline, not when it happened
}

TEST_CASE("a page with no year: dates come from the manifest's publication date") {
  auto px = read_page("no_year_tranche_hengjian.txt");
  CHECK_FALSE(px.reference.has_value());
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 6);
  CHECK(rs[0].total_quantity() == 100);                 // 一百套
  CHECK(rs[1].total_quantity() == 2000);                // 两千册
  CHECK(rs[2].total_fen() == 6000000);                  // 60名 x 一千元
  CHECK(rs[3].status == Status::pledged);
  CHECK(rs[3].donor == "郑州金诚建材有限公司");
  CHECK(rs[3].kind == Kind::cash);                      // students are recipients, not goods
  CHECK(rs[3].approximate);                             // 不少于
  CHECK(rs[4].tranche);
  CHECK(rs[4].total_fen() == 20000000);
  CHECK(rs[5].aggregate);
  CHECK(rs[5].total_fen() == 120000000);
  // With a publication date, 去年11月 and the unstated dates resolve.
  px = read_page("no_year_tranche_hengjian.txt", DateRange::day(date::year_month_day{date::year{2023}, date::March, date::day{10}}));
  CHECK(format_date(*px.reports[4].date) == "2022-11");
  CHECK(format_date(*px.articles[0].date) == "2023-03-10");
}

TEST_CASE("a ceremony page: two amounts, a named gift without amount, purchases, a yearly summary") {
  const auto px = read_page("ceremony_summary_wenyu.txt",
                            DateRange::day(date::year_month_day{date::year{2023}, date::December, date::day{20}}));
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 6);
  CHECK(rs[0].allocations[0].township == "文峪乡");
  CHECK(rs[0].total_fen() == 100000000);
  CHECK(rs[1].allocations[0].township == "潘河乡");
  CHECK(rs[1].donor == "郑州高新区");                      // 向潘河乡捐赠80万元: the same giver
  CHECK(rs[2].total_quantity() == 1);                      // 价值30万元的校车一辆
  CHECK(rs[2].item == "校车");
  CHECK(rs[3].donor == "郑州大学第一附属医院");
  CHECK(rs[3].item == "医疗器械");
  CHECK_FALSE(rs[3].has_amount());
  CHECK(rs[4].kind == Kind::consumption);
  CHECK(rs[4].donor == "郑州高新区");                      // not 当场
  CHECK(rs[5].aggregate);                                  // 据统计,今年…共…500余万元
  CHECK(rs[5].total_fen() == 500000000);
}

TEST_CASE("recipient first: 收到/获得 X 捐赠的 names the giver after the verb; 今年5月…共 is one gift") {
  const auto px = read_page("passive_recipient_first_shuanghuaishu.txt");
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 3);
  CHECK(rs[0].donor == "郑州高新区");
  CHECK(rs[0].allocations[0].township == "双槐树乡");
  CHECK(rs[0].total_fen() == 20000000);
  CHECK_FALSE(rs[1].aggregate);
  CHECK(format_date(*rs[1].date) == "2023-05");
  // (获得金水区援建的饮水工程一处，总投资35万元，由金水区全额出资: the cost of what was given built
  // is its value, in kind.)
  CHECK(rs[2].donor == "郑州市金水区");
  CHECK(rs[2].kind == Kind::in_kind);
  CHECK(rs[2].total_fen() == 35000000);
}

TEST_CASE("Big5: Traditional bytes that GB18030 would also accept are read as Big5") {
  const auto px = read_page("big5_traditional_tanghe.txt");
  CHECK(px.page.encoding == "Big5");
  REQUIRE(px.reports.size() == 3);
  CHECK(px.reports[0].donor == "郑州高新区工会");
  CHECK(px.reports[0].allocations[0].township == "汤河乡");
  CHECK(px.reports[2].total_fen() == 5000000);
}

TEST_CASE("values with 余, money and goods in one clause, a 截至 cumulative claim") {
  const auto px = read_page("in_kind_cumulative_guandaokou.txt");
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 6);
  CHECK(rs[0].kind == Kind::in_kind);
  CHECK(rs[0].approximate);                        // 10万余元
  CHECK(rs[0].item == "过冬物资");
  CHECK(rs[1].donor == "郑州高新区财政局");
  CHECK(rs[1].allocations[0].township == "官道口镇");
  CHECK(rs[3].total_fen() == 3000000);             // 慰问金3万元
  CHECK(rs[4].total_quantity() == 200);            // 米面油200袋
  CHECK(rs[4].item == "米面油");
  CHECK(rs[5].aggregate);                          // 截至2022年底,累计…
}

TEST_CASE("a district donor, a 年度 label, funds raised by a charity sale, 折合 values, financial capitals") {
  const auto px = read_page("district_charity_valued_dongming.txt");
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 4);
  CHECK(rs[0].donor == "郑州市二七区");
  CHECK(format_date(*rs[0].date) == "2023-09-06");      // not the 2023年度 on the fund's name
  CHECK(rs[0].total_fen() == 300000000);
  CHECK(rs[1].donor == "郑州市二七区慈善总会");          // the subject ends at 举办
  CHECK(rs[1].kind == Kind::cash);                       // 募集善款: money raised and given
  CHECK(rs[1].total_fen() == 12500000);
  CHECK(rs[2].kind == Kind::in_kind);                    // 米面油等生活物资,折合人民币8万元: one gift
  CHECK(rs[2].item == "米面油等生活物资");
  CHECK(rs[3].donor == "某爱心企业");
  CHECK(rs[3].total_fen() == 15000000);                  // 壹拾伍万元整
}

TEST_CASE("a total, then its parts in a sentence opening with 其中; 由X拨付; counts joined by 和") {
  const auto px = read_page("total_then_parts_mutong.txt");
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 4);
  CHECK(rs[0].donor == "郑州高新区");                // not "郑州高新区承诺的200万元"
  CHECK(rs[0].status == Status::disbursed);          // 承诺的…已全部拨付到位
  CHECK(rs[0].total_fen() == 200000000);             // 其中 120万 + 80万 are its parts, not more lines
  CHECK(rs[1].donor == "郑州高新区");                // 已由高新区拨付
  CHECK(rs[1].donor_basis == "passive");
  CHECK(rs[2].item == "电脑");
  CHECK(rs[3].item == "图书");
  CHECK(rs[3].total_quantity() == 5000);
}

TEST_CASE("a Markdown headline, a two-day range, three townships jointly, 个 after goods, a purpose naming the recipient") {
  const auto px = read_page("books_three_townships_markdown.txt");
  REQUIRE(px.articles.size() == 1);
  CHECK(px.articles[0].title == "郑州高新区开展“情暖卢氏”捐书活动");
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 3);
  CHECK(format_date(*rs[0].date) == "2021-10-24..2021-10-25");
  CHECK(rs[0].total_quantity() == 10000);
  CHECK(rs[0].approximate);                                     // 1万余册
  CHECK(rs[0].allocations[0].covers.size() == 3);
  CHECK(rs[1].total_quantity() == 60);
  CHECK(rs[1].unit == "个");
  CHECK(rs[1].item == "书架");
  CHECK(rs[2].allocations[0].township == "朱阳关镇");           // 全部用于朱阳关镇…
  CHECK(rs[2].total_fen() == 3600000);
}

namespace {
PageExtraction read_text(const std::string& name, const std::string& text, const CorpusPlaces* corpus) {
  auto decoded = aidledger::text::decode_page(name, text);
  REQUIRE(decoded.page.has_value());
  PageOptions o;
  o.corpus_places = corpus;
  return extract_page(std::move(*decoded.page), Gazetteer::builtin(), Directory::builtin(), o);
}
const std::string kTeaches =
    "结对帮扶\n\n本报讯 4月12日，高新区教育局到卢氏县徐家湾乡桃坪沟村小学调研，捐赠图书300册。\n";
const std::string kUses =
    "爱心助学\n\n本报讯 5月20日，高新区到卢氏县徐家湾乡、双龙湾镇开展助学活动。区总工会为桃坪沟村捐赠帮扶资金3万元。\n";
}  // namespace

TEST_CASE("a village one page places in a township is placed there on the pages read after it") {
  const auto teacher = read_text("2021-04-14_a.txt", kTeaches, nullptr);
  bool taught = false;
  for (const auto& [name, township] : teacher.places_learned) taught = taught || (name == "桃坪沟村" && township == "徐家湾乡");
  CHECK(taught);

  // Alone, the page cannot place the village: no township for it.
  const auto alone = read_text("2021-05-22_b.txt", kUses, nullptr);
  REQUIRE(alone.reports.size() == 1);
  CHECK(alone.reports[0].allocations[0].township.empty());

  CorpusPlaces corpus;
  for (const auto& [name, township] : teacher.places_learned) corpus.add(name, township, "2021-04-14_a.txt");
  const auto placed = read_text("2021-05-22_b.txt", kUses, &corpus);
  REQUIRE(placed.reports.size() == 1);
  CHECK(placed.reports[0].allocations[0].township == "徐家湾乡");
  CHECK(placed.reports[0].total_fen() == 3000000);
  bool noted = false;
  for (const auto& n : placed.reports[0].notes) noted = noted || n == "桃坪沟村 placed in 徐家湾乡 as page 2021-04-14_a.txt names it";
  CHECK(noted);

  // Two pages placing one name in two townships: the name is placed nowhere.
  corpus.add("桃坪沟村", "双龙湾镇", "2021-04-30_c.txt");
  CHECK(corpus.find("桃坪沟村") == nullptr);
  CHECK(read_text("2021-05-22_b.txt", kUses, &corpus).reports[0].allocations[0].township.empty());
}

TEST_CASE("a list of givers after a total: the listed gifts replace it when they add up to it") {
  const auto px = read_page("donor_lists_wenyu.txt");
  const auto& rs = px.reports;
  // Five listed gifts, one per line, add up to the 8.62万 collected: they stand in its place.
  REQUIRE(rs.size() == 6);
  const std::vector<std::pair<std::string, std::int64_t>> listed = {{"郑州明川精密机械有限公司", 3000000},
                                                                    {"河南青禾农业发展有限公司", 2000000},
                                                                    {"郑州高新区商业联合会", 2500000},
                                                                    {"郑州云图测绘技术有限公司", 1000000},
                                                                    {"河南正平律师事务所", 120000}};
  for (std::size_t i = 0; i < listed.size(); ++i) {
    INFO(i);
    CHECK(rs[i].donor == listed[i].first);
    CHECK(rs[i].total_fen() == listed[i].second);
    CHECK(rs[i].allocations.at(0).township == "文峪乡");
    CHECK(rs[i].kind == Kind::cash);
    CHECK(rs[i].notes.back() == "a part of the total 86200.00 listed after it (如下), given by its own giver");
  }
  // The second list names 3万 of the 6万 raised: it is not the whole, so the total stands alone.
  CHECK(rs[5].donor == "郑州高新区慈善总会");
  CHECK(rs[5].total_fen() == 6000000);
}
