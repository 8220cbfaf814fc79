// Aid events read from articles: one small article per phenomenon the extractor must handle.
#include <doctest/doctest.h>

#include "aidledger/extract/frame.hpp"
#include "aidledger/extract/page.hpp"

using namespace aidledger::extract;

namespace {

PageExtraction read(const std::string& text, std::optional<DateRange> published = {}) {
  auto decoded = aidledger::text::decode_page("t.txt", text);
  REQUIRE(decoded.page.has_value());
  PageOptions o;
  o.publication = published;
  return extract_page(std::move(*decoded.page), Gazetteer::builtin(), Directory::builtin(), o);
}

std::vector<AidReport> reports(const std::string& text, std::optional<DateRange> published = {}) {
  return read(text, published).reports;
}

std::string date_of(const AidReport& r) { return r.date ? format_date(*r.date) : ""; }

const AidReport& only(const std::vector<AidReport>& rs) {
  REQUIRE(rs.size() == 1);
  return rs.front();
}

DateRange day(int y, unsigned m, unsigned d) {
  return DateRange::day(date::year_month_day{date::year{y}, date::month{m}, date::day{d}});
}

}  // namespace

TEST_CASE("goods: quantity, unit and item; a stated value is the in-kind amount") {
  const auto rs = reports(
      "帮扶活动\n\n本报讯 2022年3月1日,郑州某某科技有限公司向卢氏县木桐乡捐赠图书5000册、无人机2架;"
      "某某集团向木桐乡捐赠10台(套)医疗设备;某某公司向木桐乡捐赠了一批价值15万元的学习机。\n");
  REQUIRE(rs.size() == 4);
  CHECK(rs[0].kind == Kind::in_kind);
  CHECK(rs[0].total_quantity() == 5000);
  CHECK(rs[0].unit == "册");
  CHECK(rs[0].item == "图书");
  CHECK(rs[1].total_quantity() == 2);
  CHECK(rs[1].item == "无人机");
  CHECK(rs[2].unit == "台(套)");
  CHECK(rs[2].item == "医疗设备");
  CHECK(rs[3].kind == Kind::in_kind);
  CHECK(rs[3].total_fen() == 15000000);
  CHECK(rs[3].item == "学习机");
  for (const auto& r : rs) CHECK(r.allocations.front().township == "木桐乡");
}

TEST_CASE("numbers that are not aid never become reports") {
  const auto rs = reports(
      "木桐乡产业发展\n\n本报讯 2022年5月6日,卢氏县木桐乡食用菌基地年产值2500多万元,带动群众年增收3万元以上,"
      "吸纳务工60余人。该项目总投资1.2亿元,占地300亩,距县城40多公里,年降雨量800毫米。"
      "高新区为辖区企业发放稳岗补贴1.07亿元。全乡2021年接待游客5万人次,增长12%。"
      "某某合作社销售额达800万元。\n");
  CHECK(rs.empty());
}

TEST_CASE("articles that do not name the paired county are not read for aid") {
  const auto px = read("高新区召开会议\n\n本报讯 2022年3月1日,高新区向辖区社区捐赠口罩5000个,捐赠资金20万元。\n");
  REQUIRE(px.articles.size() == 1);
  CHECK_FALSE(px.articles[0].relevant);
  CHECK(px.reports.empty());
}

TEST_CASE("an article naming only 两乡镇 is about the pair another article of its page names, unless it names a county of its own") {
  const auto px = read(
      "高新时报 2026年1月15日 第3版 结对帮扶\n\n八载结对情\n\n本报讯 2018年，郑州高新区与卢氏县徐家湾乡、双龙湾镇结成帮扶对子。\n\n"
      "首批资金拨付\n\n本报讯 1月12日，高新区今年首批帮扶资金80万元拨付至两乡镇。\n\n"
      "他山之石\n\n本报讯 6月15日，某区慈善总会来到云岭县，为该县结对的两乡镇捐赠办公设备，价值10万元。\n");
  REQUIRE(px.articles.size() == 3);
  CHECK(px.articles[1].relevant);
  CHECK_FALSE(px.articles[2].relevant);
  const AidReport& r = only(px.reports);
  CHECK(r.total_fen() == 80'000'000);
  REQUIRE(r.allocations.size() == 1);
  CHECK(r.allocations[0].township == "JOINT");
  CHECK(r.allocations[0].covers == std::vector<std::string>{"徐家湾乡", "双龙湾镇"});
}

TEST_CASE("distribution: 分别 and 各 give each recipient the amount") {
  auto r = only(reports("帮扶\n\n本报讯 2022年3月1日,高新区分别为徐家湾乡、双龙湾镇捐赠现金50万元。\n"));
  REQUIRE(r.allocations.size() == 2);
  CHECK(r.allocations[0].township == "徐家湾乡");
  CHECK(r.allocations[1].township == "双龙湾镇");
  CHECK(r.allocations[0].amount_fen == 50000000);
  CHECK(r.allocations[1].amount_fen == 50000000);
  CHECK(r.distribution == "each");

  r = only(reports("帮扶\n\n本报讯 2022年3月1日,高新区为徐家湾乡、双龙湾镇各注入帮扶资金150万元。\n"));
  REQUIRE(r.allocations.size() == 2);
  CHECK(r.total_fen() == 300000000);

  // 两乡镇 means the townships the article names.
  r = only(reports("帮扶徐家湾乡和双龙湾镇\n\n本报讯 2022年3月1日,高新区为两乡镇各捐赠20万元。\n"));
  CHECK(r.allocations.size() == 2);
}

TEST_CASE("distribution: one amount for several townships with no split is one JOINT line") {
  const auto r = only(reports("帮扶\n\n本报讯 2022年3月1日,某某集团向徐家湾乡、双龙湾镇捐赠帮扶资金48万元。\n"));
  REQUIRE(r.allocations.size() == 1);
  CHECK(r.allocations[0].township == "JOINT");
  CHECK(r.allocations[0].covers == std::vector<std::string>{"徐家湾乡", "双龙湾镇"});
  CHECK(r.allocations[0].amount_fen == 48000000);
}

TEST_CASE("distribution: 每人 with a stated total records the total once; without one it is computed") {
  auto rs = reports("助学\n\n本报讯 2022年9月1日,某某公司为文峪乡50名学生每人发放助学金2000元,共计10万元。\n");
  auto r = only(rs);
  CHECK(r.total_fen() == 10000000);
  CHECK(r.distribution == "per_unit");
  r = only(reports("助学\n\n本报讯 2022年9月1日,某某公司为文峪乡40名学生每人发放助学金500元。\n"));
  CHECK(r.total_fen() == 2000000);
  REQUIRE_FALSE(r.notes.empty());
  CHECK(r.notes[0] == "computed: 40 x 500.00");
}

TEST_CASE("distribution: a subtotal inside a total (其中) is not a second line") {
  const auto r = only(reports("帮扶\n\n本报讯 2022年3月1日,某某商会向潘河乡捐赠帮扶资金50万元,其中现金30万元。\n"));
  CHECK(r.total_fen() == 50000000);
}

TEST_CASE("status: agreements and plans are pledges; a tranche is a disbursement") {
  const auto rs = reports(
      "签约\n\n本报讯 2023年6月8日,高新区与汤河乡签订帮扶协议,决定向汤河乡捐赠200万元,分两批投入。\n\n"
      "同年9月,首批资金100万元已拨付到位。高新区还将投入50万元建设卫生室。\n");
  REQUIRE(rs.size() == 3);
  CHECK(rs[0].status == Status::pledged);
  CHECK(rs[1].status == Status::disbursed);
  CHECK(rs[1].tranche);
  CHECK(date_of(rs[1]) == "2023-09");
  CHECK(rs[2].status == Status::pledged);
  // 决定 followed by a completed injection is a disbursement.
  const auto d = only(reports("基金\n\n本报讯 2019年11月23日,高新区决定设立基金,为狮子坪乡无偿注入帮扶基金150万元。\n"));
  CHECK(d.status == Status::disbursed);
}

TEST_CASE("cumulative and summary figures are aggregates") {
  const auto rs = reports(
      "回顾\n\n本报讯 2022年3月1日,2019年以来,高新区累计向范里镇捐赠款物共计300余万元;"
      "某某超市为范里镇推广销售农产品,销售帮扶约13万元。\n");
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].aggregate);
  CHECK(rs[0].approximate);
  CHECK(rs[0].total_fen() == 300000000);
  CHECK(date_of(rs[0]) == "2019..2022");   // a period up to the report
  CHECK(rs[1].aggregate);                  // undated, approximate sales figure beside a 累计 claim
  CHECK(rs[1].kind == Kind::consumption);
}

TEST_CASE("kinds: cash, in kind, consumption") {
  const auto rs = reports(
      "帮扶\n\n本报讯 2022年10月1日,某某公司向东明镇捐赠现金2万元;某某公司向东明镇捐赠书包等学习用品1.1万元;"
      "某某公司公益义卖卢氏县山货9838元;高新区干部职工在展销会上采购东明镇农产品4.2万元。\n");
  REQUIRE(rs.size() == 4);
  CHECK(rs[0].kind == Kind::cash);
  CHECK(rs[1].kind == Kind::in_kind);
  CHECK(rs[1].item == "书包等学习用品");
  CHECK(rs[2].kind == Kind::consumption);
  CHECK(rs[3].kind == Kind::consumption);
  CHECK_FALSE(rs[3].aggregate);  // exact and reported: one purchase, not a summary
}

TEST_CASE("dates: explicit, dateline without a year, relative words, carried over, reported") {
  const auto px = read(
      "调研\n\n本报讯 10月24日~25日,高新区赴卢氏县杜关镇调研。当天,某某公司向杜关镇捐赠图书300册。"
      "次日,某某集团向杜关镇捐赠20万元。\n\n2021年5月,某某村向杜关镇捐赠2万元。同时,某某局向杜关镇捐赠图书100册。\n\n"
      "某某医院向杜关镇捐赠药品500盒。\n\n去年,某某银行向杜关镇捐赠10万元。\n",
      day(2024, 10, 30));
  const auto& rs = px.reports;
  REQUIRE(rs.size() == 6);
  CHECK(format_date(*px.articles[0].date) == "2024-10-24..2024-10-25");
  CHECK(date_of(rs[0]) == "2024-10-24..2024-10-25");   // 当天
  CHECK(date_of(rs[1]) == "2024-10-26");               // 次日
  CHECK(date_of(rs[2]) == "2021-05");
  CHECK(date_of(rs[3]) == "2021-05");                  // 同时 carries the paragraph's date
  CHECK(rs[3].date_basis.find("同时") != std::string::npos);
  CHECK(date_of(rs[4]).empty());                       // not stated: the ledger uses the report's date
  CHECK(date_of(rs[5]) == "2023");                     // 去年 from the publication date
}

TEST_CASE("the page's year comes from the page; a target year is ignored") {
  const auto px = read("帮扶\n\n本报讯 11月23日,高新区向官道口镇捐赠50万元。2018年以来结对帮扶,锚定2025年基本建成示范区。\n");
  REQUIRE(px.reference.has_value());
  CHECK(format_date(*px.reference) == "2018");
  CHECK(format_date(*px.articles[0].date) == "2018-11-23");
}

TEST_CASE("places: villages and schools resolve to their township; unknown places stay as written") {
  const auto rs = reports(
      "帮扶\n\n本报讯 2022年3月1日,双龙湾镇龙驹村中药材基地开工。某某公司向龙驹村捐赠5万元;"
      "某某公司向徐家湾小学捐赠图书100册;某某公司向荥阳东沟村捐赠1万元。\n");
  REQUIRE(rs.size() == 3);
  CHECK(rs[0].allocations[0].recipient == "龙驹村");
  CHECK(rs[0].allocations[0].township == "双龙湾镇");
  CHECK(rs[1].allocations[0].township == "徐家湾乡");
  // 荥阳 is a city outside the gazetteer, read as part of the village's name; the point is that
  // an unknown place gets no township.
  CHECK(rs[2].allocations[0].recipient == "荥阳东沟村");
  CHECK(rs[2].allocations[0].township.empty());
}

TEST_CASE("donors: organisations, aliases, Traditional script, the implied actor") {
  const auto rs = reports(
      "鄭州高新區幫扶瓦窯溝鄉\n\n本報訊 2022年3月1日,高新區管委會向瓦窯溝鄉捐贈50萬元;"
      "高新區辖区企业河南某某网络有限公司还向瓦窑沟乡捐赠价值3万元的电脑;"
      "调研组代表高新区慈善总会为瓦窑沟乡送去慰问金2万元;向瓦窑沟乡捐赠抽水泵5台。\n");
  REQUIRE(rs.size() == 4);
  CHECK(rs[0].donor == "郑州高新区");
  CHECK(rs[0].allocations[0].township == "瓦窑沟乡");
  CHECK(rs[1].donor == "河南某某网络有限公司");
  CHECK(rs[2].donor == "郑州高新区慈善总会");
  // After ；the elided subject goes on: the giver of the clause before.
  CHECK(rs[3].donor == "郑州高新区慈善总会");
  CHECK(rs[3].donor_basis == "earlier clause");
  // With no giver anywhere in the sentence: the article's actor, by its full name.
  const auto implied = only(reports("鄭州高新區幫扶瓦窯溝鄉\n\n本報訊 2022年3月1日,向瓦窑沟乡捐赠抽水泵5台。\n"));
  CHECK(implied.donor == "郑州高新区");
  CHECK(implied.donor_basis == "article actor");
}

TEST_CASE("a named gift without an amount is kept; a generic one is not") {
  const auto rs = reports(
      "帮扶\n\n本报讯 2019年11月23日,郑州某某科技股份有限公司向朱阳关镇4所学校捐赠“数字校园”平台;"
      "社会企业捐赠图书、净水设备等;高新区举行捐赠仪式。\n");
  const auto& r = only(rs);
  CHECK(r.kind == Kind::in_kind);
  CHECK_FALSE(r.has_amount());
  CHECK(r.item == "“数字校园”平台");
  CHECK(r.donor == "郑州某某科技股份有限公司");
}

TEST_CASE("every report carries its evidence") {
  const std::string text = "帮扶\n\n本报讯 2022年3月1日,高新区向官坡镇捐赠20万元。\n";
  const auto px = read(text);
  const auto& r = only(px.reports);
  CHECK(r.sentence_text == "本报讯 2022年3月1日,高新区向官坡镇捐赠20万元。");
  CHECK(text.substr(px.page.file_offset(r.measure.begin), px.page.file_offset(r.measure.end) - px.page.file_offset(r.measure.begin)) == "20万元");
  CHECK(px.page.line_of(r.sentence.begin) == 3);
}

TEST_CASE("a publication date in the file name is the reference when there is no manifest") {
  CHECK(format_date(*date_in_file_name("pages/2021-10-25_gaoxin.txt")) == "2021-10-25");
  CHECK(format_date(*date_in_file_name("20211025.txt")) == "2021-10-25");
  CHECK(format_date(*date_in_file_name("page_2021_10_25.txt")) == "2021-10-25");
  CHECK_FALSE(date_in_file_name("000_8606990f79117e30.txt").has_value());
  CHECK_FALSE(date_in_file_name("20211345.txt").has_value());
  // 12月28日 in a page published 2021-01-03 belongs to 2020.
  auto decoded = aidledger::text::decode_page("2021-01-03.txt", "帮扶\n\n本报讯 12月28日,高新区向杜关镇捐赠10万元。\n");
  const auto px = extract_page(std::move(*decoded.page), Gazetteer::builtin(), Directory::builtin());
  CHECK(px.reference_basis == "file name");
  CHECK(format_date(*px.articles[0].date) == "2020-12-28");
}

TEST_CASE("a bulletin's masthead dates the page; a day just before the page's in the lead dates later paragraphs") {
  // 某乡工作简报　第4期　2025年4月18日　第1页: no 星期 nor 版, but a masthead all the same (the
  // page names the years 2025—2027 of an agreement, which must not date it).
  auto decoded = aidledger::text::decode_page(
      "bulletin.txt",
      "瓦窑沟乡工作简报　第4期　2025年4月18日　第1页　党政办公室编印\n\n续签协议\n\n"
      "4月16日，郑州经开区与瓦窑沟乡续签《2025—2027年结对帮扶协议》。签约现场，郑州经开区九龙办事处向瓦窑沟乡捐赠3万元。\n");
  const auto px = extract_page(std::move(*decoded.page), Gazetteer::builtin(), Directory::builtin());
  CHECK(px.reference_basis == "page header");
  CHECK(format_date(*px.reference) == "2025-04-18");
  REQUIRE(px.reports.size() == 1);
  CHECK(format_date(*px.reports[0].date) == "2025-04-16");
  // 前天 in the lead of a page printed 2022-01-01: the article happened 2021-12-30, and a gift of
  // its next paragraph with no date of its own is of that day.
  const auto lead = read(
      "高新时报 2022年1月1日 星期六 第02版\n\n岁末送温暖\n\n"
      "本报讯 岁末寒冬。前天，高新区民政局一行来到卢氏县徐家湾乡，开展走访慰问活动。\n\n"
      "在敬老院，区民政局为徐家湾乡敬老院送去慰问金1万元。\n");
  REQUIRE(lead.reports.size() == 1);
  CHECK_FALSE(lead.reports[0].date.has_value());  // (dated by its article)
  CHECK(format_date(*lead.articles[0].date) == "2021-12-30");
}

TEST_CASE("a village's school named first in the lead is where gifts go, never the article's actor") {
  const auto rs = reports(
      "高新时报 2018年12月21日\n\n课桌椅进山村\n\n"
      "本报讯 12月19日上午，汤河乡下河村小学的孩子们格外开心。随行人员把课桌椅搬进了教室，为学校送来课桌椅60套。\n");
  REQUIRE(rs.size() == 1);
  CHECK(rs[0].donor.find("小学") == std::string::npos);
  CHECK(rs[0].donor_basis != "article actor");
}

TEST_CASE("a headline's phrase ending like a bureau (结对帮扶开新局) is never the article's actor") {
  const auto rs = reports(
      "高新时报 2021年3月16日\n\n山乡春来早 帮扶开新局\n\n"
      "本报讯 早春时节，高新区工作组来到卢氏县官坡镇，为该镇送去产业启动资金15万元。\n");
  const AidReport& r = only(rs);
  CHECK(r.donor == "郑州高新区");
  CHECK(r.total_fen() == 15'000'000);
}

TEST_CASE("a dateline is a day or days written: a part of a month in the lead (7月底强降雨过后) is a time in the story") {
  const auto px = read(
      "高新时报 2026年1月9日\n\n一年回顾\n\n"
      "本报讯 2025年,高新区与卢氏县官坡镇结对帮扶。7月底强降雨过后,区管委会向官坡镇拨付应急资金40万元。\n",
      day(2026, 1, 9));
  REQUIRE(px.articles.size() == 1);
  CHECK(px.articles[0].date_basis != "dateline");
  const AidReport& r = only(px.reports);
  CHECK(date_of(r) == "2025-07-25..2025-07-31");
}

TEST_CASE("a holiday said as what the money is for (用于…春节期间的生活救助) does not date the gifts after it") {
  const auto rs = reports(
      "高新时报 2019年1月18日\n\n走访慰问\n\n"
      "本报讯 1月15日，高新区工作组为卢氏县官坡镇带去慰问金共计8万元，重点用于困难群众春节期间的生活救助。"
      "当天，随行的退休教师周玉兰向官坡镇中心小学捐赠现金5千元。\n",
      day(2019, 1, 18));
  REQUIRE(rs.size() == 2);
  CHECK(date_of(rs[0]) == "2019-01-15");
  CHECK(rs[1].donor == "周玉兰");
  CHECK(date_of(rs[1]) == "2019-01-15");
}

TEST_CASE("money: an amount or a product past the ceiling of one line is refused with its sentence, and makes no report") {
  const auto px = read(
      "帮扶\n\n本报讯 2024年3月5日,郑州某某有限公司向卢氏县徐家湾乡捐赠9223372036854775807元。\n"
      "同日,郑州某某科技有限公司向徐家湾乡捐款5万元。\n"
      "郑州某某集团为双龙湾镇200户困难群众每户发放慰问金60000000000元。\n"
      "郑州某某协会向双龙湾镇8个行政村各捐赠200000000000元。\n"
      "郑州某某商会向双龙湾镇捐赠1.2345678901万元。\n"
      "郑州某某基金会为徐家湾乡100户困难群众每户发放慰问金1000元。\n");
  // Only the amounts that can be read exactly within the ceiling become reports.
  REQUIRE(px.reports.size() == 2);
  CHECK(px.reports[0].total_fen() == 5'000'000);
  CHECK(px.reports[1].total_fen() == 10'000'000);  // 100 × 1000 yuan
  REQUIRE(px.refused.size() == 4);
  const auto& text = px.page.text;
  CHECK(px.refused[0].amount.of(text) == "9223372036854775807元");
  CHECK(px.refused[0].reason == "more than 10^12 yuan, the ceiling of one ledger line");
  CHECK(px.refused[1].reason == "200 × 60000000000.00 yuan is more than 10^12 yuan, the ceiling of one ledger line");
  CHECK(px.refused[2].reason == "8 × 200000000000.00 yuan is more than 10^12 yuan, the ceiling of one ledger line");
  CHECK(px.refused[3].reason == "written with more decimal places than can be read exactly");
  // The warning names the file, the line and the sentence as printed.
  CHECK(refusal_warning(px, px.refused[0]) ==
        "t.txt:3: warning: amount 9223372036854775807元 refused (more than 10^12 yuan, the ceiling of one ledger line); no ledger line "
        "is made of it: 本报讯 2024年3月5日,郑州某某有限公司向卢氏县徐家湾乡捐赠9223372036854775807元。");
  CHECK(refusal_warning(px, px.refused[1]).rfind("t.txt:5: warning: amount 60000000000元 refused (200 × ", 0) == 0);
}

TEST_CASE("a notice on a year before it was printed dates its undated gifts in that year; a dated article does not") {
  const std::string notice =
      "郑州高新区2024年度结对帮扶资金使用情况公示\n\n2024年度，高新区共向两乡镇拨付结对帮扶资金60万元，实施项目2个。\n\n"
      "一、徐家湾乡石板村饮水项目。拨付帮扶资金35万元，已完工。\n\n二、双龙湾镇河口村道路项目。拨付帮扶资金25万元，已完工。\n";
  const auto rs = reports(notice, day(2025, 1, 14));
  REQUIRE(rs.size() == 3);
  for (const auto& r : rs) CHECK(date_of(r) == "2024");
  CHECK(rs[0].aggregate);  // the year's total
  CHECK(!rs[1].aggregate);
  // A meeting held on its dateline about last year: the gifts made at it are of its day (the
  // sentence that set the scene dates them), never of the year it reviews.
  const std::string meeting =
      "高新区召开2024年度结对帮扶工作总结会\n\n本报讯 1月10日，高新区召开2024年度结对帮扶工作总结会。会上，区慈善总会向徐家湾乡捐赠助学金8万元。\n";
  CHECK(date_of(only(reports(meeting, day(2025, 1, 14)))) == "2025-01-10");
}

TEST_CASE("a review titled with a past year (回眸2022) dates its undated gifts in that year; a span or a count does not") {
  const std::string body = "\n\n汛期过后，高新区为双龙湾镇拨付水毁道路修复资金30万元。\n";
  CHECK(date_of(only(reports("回眸2022：结对帮扶结硕果" + body, day(2023, 1, 6)))) == "2022");
  CHECK(date_of(only(reports("2022年帮扶工作回顾" + body, day(2023, 1, 6)))) == "2022");
  // (Not a span of years, nor a year not before the page's: those date nothing.)
  CHECK(!only(reports("回眸2018—2022" + body, day(2023, 1, 6))).date.has_value());
  CHECK(!only(reports("回顾2023" + body, day(2023, 1, 6))).date.has_value());
  // …nor a title with no word of review.
  CHECK(!only(reports("2022年的一座桥" + body, day(2023, 1, 6))).date.has_value());
  // The page's header may open the first article's title: its full date is the day printed, and
  // the year reviewed is the one after it.
  CHECK(date_of(only(reports("今日卢氏 2023年1月6日 星期五 第3版 双龙湾镇2022年度社会帮扶款物公示" + body, day(2023, 1, 6)))) == "2022");
}

TEST_CASE("a notice listing a joint total item by item: each item its township, the total not counted again") {
  const std::string notice =
      "关于结对帮扶第二期资金拨付情况的公示\n\n高新区第二期帮扶资金3,000,000元已于4月上旬拨付至卢氏县两乡镇。现将项目安排公示如下：\n"
      "一、徐家湾乡石门村道路项目，帮扶资金1,800,000元；\n二、双龙湾镇南沟村饮水项目，帮扶资金1,200,000元。\n";
  const auto rs = reports(notice, day(2024, 4, 20));
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].allocations.front().township == "徐家湾乡");
  CHECK(rs[0].allocations.front().amount_fen == 180000000);
  CHECK(rs[1].allocations.front().township == "双龙湾镇");
  CHECK(rs[1].allocations.front().amount_fen == 120000000);
  // Items that do not add up to the total leave it standing (and are read as they are).
  const std::string uneven =
      "公示\n\n高新区第二期帮扶资金3,000,000元已于4月上旬拨付至卢氏县两乡镇。现将项目安排公示如下：\n"
      "一、徐家湾乡石门村道路项目，帮扶资金1,000,000元；\n二、双龙湾镇南沟村饮水项目，帮扶资金1,200,000元。\n";
  const auto us = reports(uneven, day(2024, 4, 20));
  REQUIRE(us.size() == 3);
  CHECK(us[0].allocations.front().township == "JOINT");
}

TEST_CASE("a township's own page: 我镇 and 镇敬老院 are that township, though the page names the other") {
  const std::string page =
      "卢氏县双龙湾镇人民政府 > 镇务动态\n发布日期：2022年09月09日\n\n中秋慰问品送到老人手中\n\n"
      "9月7日，我镇收到郑州高新区妇联送来的月饼、食用油等慰问品，价值1.2万元。随行的郑州瑞达商贸有限公司还为镇敬老院捐赠了洗衣机2台。"
      "徐家湾乡也收到了同样的慰问品。\n";
  const auto rs = reports(page, day(2022, 9, 9));
  REQUIRE(rs.size() >= 2);
  CHECK(rs[0].allocations.size() == 1);
  CHECK(rs[0].allocations.front().township == "双龙湾镇");
  CHECK(rs[0].allocations.front().amount_fen == 1200000);
  CHECK(rs[1].allocations.front().township == "双龙湾镇");
  CHECK(rs[1].allocations.front().quantity == 2);
  // On the district's page (no township in its header) 我镇 names no one: the gift is not placed there.
  const std::string district = "高新时报 2022年9月9日\n\n慰问\n\n9月7日，我镇收到郑州高新区妇联送来的慰问品，价值1.2万元。\n";
  for (const auto& r : reports(district, day(2022, 9, 9)))
    for (const auto& a : r.allocations) CHECK(a.township != "双龙湾镇");
}

TEST_CASE("a year's figure said as one (仅2025年一年) is a summary") {
  const auto rs = reports("回顾\n\n本报讯 仅2025年一年，高新区就向徐家湾乡、双龙湾镇投入帮扶资金380万元。\n", day(2026, 1, 20));
  CHECK(only(rs).aggregate);
  CHECK(date_of(rs.front()) == "2025");
}

TEST_CASE("givers: a list's item number is no part of the name; 这批…由X捐赠 names the giver of the goods before") {
  const auto listed = reports(
      "捐赠明细\n\n本报讯 明细如下:\n1.河南天泽建材有限公司,捐款3万元,定向用于卢氏县汤河乡道路硬化,已拨付;\n"
      "2.郑州鼎盛物流有限公司,捐款2万元,定向用于卢氏县瓦窑沟乡,已拨付。\n",
      day(2022, 3, 4));
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].donor == "河南天泽建材有限公司");
  CHECK(listed[1].donor == "郑州鼎盛物流有限公司");
  const auto arrived = reports(
      "设备运抵\n\n本报讯 5月6日,6台新式消毒柜运抵卢氏县杜关镇敬老院。这批设备总价值4.2万元,由郑州市管城区辖区企业河南安泰厨具有限公司捐赠。\n",
      day(2020, 5, 8));
  const auto& r = only(arrived);
  CHECK(r.donor == "河南安泰厨具有限公司");
  CHECK(r.donor_basis == "passive");
  CHECK(r.total_fen() == 4'200'000);
  CHECK(r.total_quantity() == 6);
}

TEST_CASE("a person's name ends before a character that follows names, or is no name") {
  using aidledger::extract::detail::person_name_end;
  const std::string t = "陈玉梅得知消息";
  CHECK(person_name_end(t, 0, t.size()) == std::string("陈玉梅").size());
  const std::string two = "周敏也来了";
  CHECK(person_name_end(two, 0, two.size()) == std::string("周敏").size());
  const std::string run_on = "刘慧琴同学们";  // 同 follows names; 刘慧琴 ends there
  CHECK(person_name_end(run_on, 0, run_on.size()) == std::string("刘慧琴").size());
  const std::string no_name = "社区居民认购";  // four Han characters run on: no name of 2-3
  CHECK(person_name_end(no_name, 0, no_name.size()) == std::string_view::npos);
  const std::string one = "李说";
  CHECK(person_name_end(one, 0, one.size()) == std::string_view::npos);
}

TEST_CASE("one of a body's people named after it gives in his own name; the body gives when no one is named") {
  const std::string head = "高新时报 2023年4月11日 第3版 帮扶\n\n测试\n\n本报讯 高新区结对帮扶卢氏县徐家湾乡。";
  const auto named_reports = reports(head + "郑州瑞丰物流有限公司员工孙晓燕向徐家湾乡敬老院捐款3000元。\n");
  const auto& named = only(named_reports);
  CHECK(named.donor == "孙晓燕");
  CHECK(named.total_fen() == 300000);
  const auto body_reports = reports(head + "郑州瑞丰物流有限公司员工向徐家湾乡敬老院捐款6000元。\n");
  const auto& body = only(body_reports);
  CHECK(body.donor.find("瑞丰物流") != std::string::npos);
  CHECK(body.donor_basis != "person");
}

TEST_CASE("今年 in a review of last year printed in January is the year reviewed") {
  const std::string page = "高新时报 2026年1月6日 第1版 要闻\n\n山海情深 一路同行\n——2025年郑卢结对帮扶工作回眸\n\n"
                           "2025年，是郑州高新区结对帮扶卢氏县徐家湾乡、双龙湾镇的第八个年头。\n\n"
                           "今年以来，高新区机关和企事业单位通过以购代捐等方式，累计采购两乡镇农产品80万元。\n";
  const auto rs = reports(page, day(2026, 1, 6));
  const auto& r = only(rs);
  CHECK(r.kind == Kind::consumption);
  CHECK(date_of(r) == "2025");
}

TEST_CASE("a page with no header or dated file name is dated by its first dateline, unless it names a later year of its own") {
  const auto px = read("特别报道·年终回眸\n\n携手绘新篇\n\n本报讯（记者 李明）2024年12月30日，记者获悉，今年全区向卢氏县徐家湾乡投入帮扶资金300万元。"
                       "双方签订新一轮（2025—2027年）结对帮扶协议。\n");
  REQUIRE(px.reference.has_value());
  CHECK(format_date(*px.reference) == "2024-12-30");
  CHECK(px.reference_basis == "the page's first dateline");
  // (A later year named on its own, 2022年…签订协议: the page's year is inferred instead.)
  // (明年（2023年）将…: next year written out is planned for, no later year of the page's own.)
  const auto planned = read("助学\n\n本报讯 2022年9月8日，某某基金会为木桐乡48名学生每人发放助学金3000元。该会表示，明年（2023年）将再出资20万元。\n");
  REQUIRE(planned.reference.has_value());
  CHECK(format_date(*planned.reference) == "2022-09-08");
  const auto later = read("帮扶\n\n本报讯 2021年3月1日，某某公司向木桐乡捐赠5万元。2022年，某某公司与木桐乡签订协议。\n");
  REQUIRE(later.reference.has_value());
  CHECK(format_date(*later.reference) == "2022");
  // (2022年，…计划…, 2022年区级财政预算…: a year planned or budgeted for in its sentence is no
  // later year of the page's own.)
  const auto budgeted = read("回眸\n\n本报讯 2021年12月28日，记者获悉，全年向木桐乡投入帮扶资金90万元。"
                             "2022年，高新区计划继续安排帮扶资金100万元。\n\n预算出炉\n\n本报讯 2022年全区一般公共预算收入预期36亿元。\n");
  REQUIRE(budgeted.reference.has_value());
  CHECK(format_date(*budgeted.reference) == "2021-12-28");
}

TEST_CASE("a title naming a body of a known district makes that body the article's actor, not the district") {
  const std::string page = "高新时报 2020年1月17日 第3版 民生\n\n寒冬送温暖\n高新区妇女联合会赴卢氏走访慰问\n\n"
                           "本报讯 1月15日，高新区妇女联合会副主席王丽带领慰问组来到卢氏县双龙湾镇。"
                           "慰问组走访困难家庭30户，为每户送上慰问金600元。\n";
  const auto rs = reports(page, day(2020, 1, 17));
  const auto& r = only(rs);
  CHECK(r.donor == "郑州高新区妇女联合会");
  CHECK(r.donor_basis == "article actor");
  CHECK(r.total_fen() == 1800000);
}

TEST_CASE("a company named only in the title is what the article's pronouns refer to; a headline's words ending like one are not") {
  const std::string page = "高新时报 2019年11月20日 第3版 帮扶\n\n郑州启航智能科技有限公司\n新电脑进了山村小学\n\n"
                           "本报讯 近日，一辆货车把40台笔记本电脑运抵卢氏县徐家湾乡马湾村小学。"
                           "这批由该公司捐赠的电脑配有教学软件，总价值约16万元。\n\n"
                           "国庆假期卢氏山货走俏超市\n\n本报讯 国庆假期，郑州丰乐超市有限公司设立徐家湾乡特产专柜，共销售农产品5.2万元。"
                           "该公司表示，将长期销售徐家湾乡农产品。\n";
  const auto rs = reports(page, day(2019, 11, 20));
  REQUIRE(rs.size() == 2);
  CHECK(rs[0].donor == "郑州启航智能科技有限公司");
  CHECK(rs[0].total_fen() == 16000000);
  CHECK(rs[1].donor == "郑州丰乐超市有限公司");
  CHECK(rs[1].kind == Kind::consumption);
}

TEST_CASE("a list of givers under a cue that gives its unit (单位：元) with bare figures replaces the total it adds up to") {
  const std::string page = "高新时报 2025年10月9日 第3版 帮扶\n\n驰援\n\n本报讯 郑州高新区慈善总会三天内共收到善款16.45万元，所有款项已全部拨付双龙湾镇。\n\n"
                           "现将捐赠情况公布如下（单位：元）：\n郑州博远智能科技有限公司　80000\n河南嘉禾食品有限公司　　　60000\n"
                           "高新区机关干部职工　　　　24500\n\n与此同时，区慈善总会还向汤河乡转交帐篷50顶。\n";
  const auto rs = reports(page, day(2025, 10, 9));
  REQUIRE(rs.size() == 4);
  CHECK(rs[0].donor == "郑州博远智能科技有限公司");
  CHECK(rs[0].total_fen() == 8000000);
  CHECK(rs[1].total_fen() == 6000000);
  CHECK(rs[2].donor.find("机关干部职工") != std::string::npos);
  CHECK(rs[2].total_fen() == 2450000);
  CHECK(rs[0].allocations.front().township == "双龙湾镇");
  CHECK(rs[3].has_quantity());
  // (A list in 万元: the figures are 万元.)
  const std::string wan = "高新时报 2025年10月9日 第3版 帮扶\n\n驰援\n\n本报讯 郑州高新区慈善总会共收到善款13万元，已全部拨付双龙湾镇。\n\n"
                          "捐赠名单如下（单位：万元）：\n郑州博远智能科技有限公司　8\n河南嘉禾食品有限公司　5\n";
  const auto ws = reports(wan, day(2025, 10, 9));
  REQUIRE(ws.size() == 2);
  CHECK(ws[0].total_fen() == 8000000);
  CHECK(ws[1].total_fen() == 5000000);
}
