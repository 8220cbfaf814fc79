// Amounts of money (integer fen) and quantities of goods.
#include <limits>
#include <stdexcept>

#include <doctest/doctest.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/decode.hpp"

using namespace aidledger::extract;

namespace {
// The single measure in text (after the same normalisation pages get).
Measure one(const std::string& text) {
  const auto ms = scan_measures(aidledger::text::normalise(text));
  REQUIRE_MESSAGE(ms.size() == 1, text);
  return ms.front();
}
std::int64_t fen(const std::string& text) {
  const Measure m = one(text);
  REQUIRE(m.kind == MeasureKind::money);
  return m.value;
}
}  // namespace

TEST_CASE("Chinese numerals") {
  CHECK(parse_integer("二十万") == 200000);
  CHECK(parse_integer("一百五十万") == 1500000);
  CHECK(parse_integer("两千") == 2000);
  CHECK(parse_integer("十") == 10);
  CHECK(parse_integer("十二") == 12);
  CHECK(parse_integer("一千零五") == 1005);
  CHECK(parse_integer("壹佰万") == 1000000);
  CHECK(parse_integer("1万5千") == 15000);
  CHECK(parse_integer("1亿2000万") == 120000000);
  CHECK(parse_integer("三亿") == 300000000);
  // Digit-by-digit sequences are names or years, not amounts.
  CHECK_FALSE(parse_integer("一〇一").has_value());
  CHECK_FALSE(parse_integer("二〇二一").has_value());
  CHECK_FALSE(parse_integer("十四五").has_value());
  CHECK_FALSE(parse_integer("百千").has_value());
}

TEST_CASE("money in fen, exact") {
  CHECK(fen("二十万元") == 20000000);
  CHECK(fen("捐赠一百五十万。") == 150000000);
  CHECK(fen("两千元") == 200000);
  CHECK(fen("1万5千元") == 1500000);
  CHECK(fen("1亿2000万元") == 12000000000);
  CHECK(fen("5.67万元") == 5670000);          // no float error
  CHECK(fen("0.01万元") == 10000);
  CHECK(fen("1.1万元") == 1100000);
  CHECK(fen("55.16万元") == 55160000);
  CHECK(fen("1,000,000元") == 100000000);
  CHECK(fen("壹佰万元") == 100000000);
  CHECK(fen("¥500,000") == 50000000);
  CHECK(fen("￥12.5") == 1250);
  CHECK(fen("人民币300元") == 30000);
  CHECK(fen("９８３８元") == 983800);            // full-width digits
  CHECK(format_fen(5670000) == "56700.00");
  CHECK(format_fen(5) == "0.05");
  CHECK(format_fen(-150) == "-1.50");
}

TEST_CASE("approximate amounts and ranges") {
  for (const char* text : {"约50万元", "近50万元", "超过50万元", "50余万元", "50多万元", "50万元左右", "50万元以上"}) {
    const Measure m = one(text);
    CHECK_MESSAGE(m.approximate, text);
    CHECK_MESSAGE(m.value == 50000000, text);
  }
  CHECK(one("2500多万元").value == 2500000000);
  CHECK_FALSE(one("50万元").approximate);
  // (彩超2台, B超1台: the name of a scanner, not 超 "more than".)
  CHECK_FALSE(one("便携式彩超2台").approximate);
  CHECK_FALSE(one("B超1台").approximate);
  CHECK(one("超2台").approximate);

  const Measure r1 = one("2万至3万元");
  CHECK(r1.value == 2000000);
  CHECK(r1.high == 3000000);
  CHECK(r1.approximate);
  const Measure r2 = one("2-3万元");
  CHECK(r2.value == 2000000);
  CHECK(r2.high == 3000000);
  const Measure r3 = one("20000元到30000元");
  CHECK(r3.value == 2000000);
  CHECK(r3.high == 3000000);
}

TEST_CASE("quantities of goods") {
  Measure m = one("图书5000册");
  CHECK(m.kind == MeasureKind::quantity);
  CHECK(m.value == 5000);
  CHECK(m.unit == "册");
  CHECK(one("抽水泵13台").unit == "台");
  CHECK(one("土鸡蛋3000枚").unit == "枚");
  CHECK(one("蜂蜜200罐").unit == "罐");
  CHECK(one("苹果50筐").value == 50);
  m = one("10台(套)医疗设备");
  CHECK(m.value == 10);
  CHECK(m.unit == "台(套)");
  CHECK(one("10台（套）").unit == "台(套)");  // full-width brackets
  CHECK(one("运动服131箱").value == 131);
  CHECK(one("无人机2架").unit == "架");
  CHECK(one("图书1万册").value == 10000);
  CHECK(one("5000多册").approximate);
  CHECK(one("书架60个,").unit == "个");
  CHECK(scan_measures("3个乡镇的12所学校").empty());  // 个 before a noun counts no goods
  // The measure word said twice is "one after another": 一件件帮扶实事 counts nothing.
  CHECK(scan_measures("一件件帮扶实事历历在目").empty());
  CHECK(scan_measures("一台台设备陆续运抵").empty());
  CHECK(one("捐赠电脑一台,").value == 1);
}

TEST_CASE("numbers that are neither money nor goods") {
  for (const char* text : {"60余人", "300多公里", "1000亩", "30%", "2021年", "3万人次", "500户", "8.5%", "一〇一中学",
                           "十四五规划", "4所学校", "2021.6.5", "六稳六保", "一乡一镇", "60多万棒", "两千"}) {
    CHECK_MESSAGE(scan_measures(aidledger::text::normalise(text)).empty(), text);
  }
}

TEST_CASE("value of goods: 价值15万元的学习机 is money") {
  const auto ms = scan_measures("捐赠了一批价值15万元的学习机");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == 15000000);
  CHECK(ms[0].kind == MeasureKind::money);
}

TEST_CASE("spans point at the expression") {
  const std::string s = "共捐赠约55.16万元;另有图书200册";
  const auto ms = scan_measures(s);
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].span.of(s) == "约55.16万元");
  CHECK(ms[1].span.of(s) == "200册");
}

TEST_CASE("amounts for people") {
  CHECK(format_yuan(150000000) == "¥1,500,000.00");
  CHECK(format_yuan(983800) == "¥9,838.00");
  CHECK(format_yuan(5) == "¥0.05");
  CHECK(format_yuan(-54176200) == "-¥541,762.00");
}

TEST_CASE("a leading 十 before 万 (十万元) is ten, not nothing") {
  CHECK(fen("十万元") == 10000000);
  CHECK(fen("捐款十万元") == 10000000);
  CHECK(parse_integer("十万") == 100000);
  CHECK(parse_integer("十亿") == 1000000000);
}

TEST_CASE("amount: decimals written 点") {
  CHECK(fen("一点五万元") == 1500000);
  CHECK(fen("零点八万元") == 800000);
  CHECK(fen("十点五万元") == 10500000);
  CHECK(fen("二点三五亿元") == 23500000000);
  CHECK(fen("一点五千万元") == 1500000000);
  CHECK(fen("捐款一点五万") == 1500000);       // 万 alone: implied money
  CHECK(one("一点五万元").approximate == false);
  CHECK(parse_numeral("三点一四")->scaled == 314'000'000);
  CHECK_FALSE(parse_numeral("三点").has_value());
  CHECK_FALSE(parse_numeral("点五").has_value());
  CHECK_FALSE(parse_numeral("一点五点六").has_value());
}

TEST_CASE("amount: one digit after a multiplier counts in the next place (1万5, 2千5)") {
  CHECK(fen("1万5元") == 1500000);
  CHECK(fen("2千5元") == 250000);
  CHECK(fen("两万五千元") == 2500000);
  CHECK(fen("两万五") == 2500000);
  CHECK(fen("1亿2") == 12000000000);
  CHECK(fen("10万5") == 10500000);
  CHECK(parse_integer("一百五") == 150);
  CHECK(parse_integer("三千二百五") == 3250);
  // Not when 零 stands between, nor after 十, nor for a longer number.
  CHECK(parse_integer("一千零五") == 1005);
  CHECK(parse_integer("1万零5") == 10005);
  CHECK(parse_integer("十五") == 15);
  CHECK(parse_integer("1万5000") == 15000);
  CHECK(parse_integer("1万50") == 10050);
}

TEST_CASE("amount: the spoken 1万5 and 2千5, and 价值…, are money before 的") {
  CHECK(fen("送去价值2千5的体育用品") == 250000);
  CHECK(fen("捐了3万5的道路修缮款") == 3500000);
  CHECK(fen("捐赠现金1万5，用于添置") == 1500000);
  CHECK(fen("价值3万的物资") == 3000000);
  CHECK(one("价值3万的物资").currency_explicit == false);
  // …and before what is said of the amount (已, 均, 全部, 用于 …).
  CHECK(fen("货款1万5已当场结清") == 1500000);
  CHECK(fen("两万五全部用于添置") == 2500000);
  CHECK(fen("2千5均由") == 250000);
  CHECK(fen("专程带来2千5现金") == 250000);
  // Not a weight (一百五), nor 万 before 的 in other words, nor a plain number before 已.
  for (const char* text : {"体重一百五的", "3万的人口", "两千的人", "2千5人", "一百五已", "3万已"})
    CHECK_MESSAGE(scan_measures(aidledger::text::normalise(text)).empty(), text);
}

TEST_CASE("amount: 角 and 分 after 元") {
  CHECK(fen("三十五元八角") == 3580);
  CHECK(fen("35元8角") == 3580);
  CHECK(fen("五元八角六分") == 586);
  CHECK(fen("五元零五分") == 505);
  CHECK(fen("12元3毛") == 1230);
  CHECK(one("三十五元八角").span.of(aidledger::text::normalise("三十五元八角")) == "三十五元八角");
  // 八角 alone is star anise, 5分 alone is a score: not money.
  CHECK(scan_measures("八角").empty());
  CHECK(scan_measures("得了5分").empty());
  // After a range the ends carry no 角.
  const Measure r = one("20000元到30000元");
  CHECK(r.high == 3000000);
}

TEST_CASE("amount: a bare multiplier counts one (拾万, 千元, 万余元)") {
  CHECK(fen("拾万元") == 10000000);
  CHECK(fen("拾万") == 10000000);
  CHECK(fen("每人千元") == 100000);
  CHECK(fen("每户万元") == 1000000);
  CHECK(one("千元以上").lower_bound);
  // 万元户, 亿元村: labels, not amounts; 千万不要 and 万达 are words.
  for (const char* text : {"万元户", "亿元村", "千万元级企业", "千万不要", "万达集团", "百分之五十", "千里", "万人"})
    CHECK_MESSAGE(scan_measures(aidledger::text::normalise(text)).empty(), text);
  CHECK_FALSE(parse_integer("百千").has_value());
  CHECK_FALSE(parse_integer("亿万").has_value());
  CHECK(parse_integer("1万亿") == 1000000000000);
}

TEST_CASE("amount: vague amounts are approximate lower bounds") {
  struct Case { const char* text; std::int64_t fen; bool lower; };
  // 几/数 count as the round number they round up from: 十几万 ≥ 十万, 几十万 ≥ 十万.
  for (const Case& c : {Case{"十余万元", 10000000, true},  Case{"十几万元", 10000000, true},
                        Case{"二十几万元", 20000000, true}, Case{"数十万元", 10000000, true},
                        Case{"几十万元", 10000000, true},  Case{"数百万元", 100000000, true},
                        Case{"几万元", 1000000, true},     Case{"一万几千元", 1100000, true},
                        Case{"10余万元", 10000000, true},  Case{"上百万元", 100000000, true},
                        Case{"上千元", 100000, true},      Case{"万余元", 1000000, true},
                        Case{"逾千万元", 1000000000, true}, Case{"超亿元", 10000000000, true},
                        Case{"破亿元", 10000000000, true},  Case{"超过50万元", 50000000, true},
                        Case{"50多万元", 50000000, true},  Case{"50万元以上", 50000000, true},
                        Case{"至少3万元", 3000000, true},
                        // 来 and 把 mean "about", a little under as often as over: no floor.
                        Case{"十来万元", 10000000, false}, Case{"万把元", 1000000, false},
                        Case{"万把块钱", 1000000, false},  Case{"约50万元", 50000000, false},
                        Case{"近50万元", 50000000, false}, Case{"50万元左右", 50000000, false}}) {
    const Measure m = one(c.text);
    CHECK_MESSAGE(m.kind == MeasureKind::money, c.text);
    CHECK_MESSAGE(m.value == c.fen, c.text);
    CHECK_MESSAGE(m.approximate, c.text);
    CHECK_MESSAGE(m.lower_bound == c.lower, c.text);
  }
  CHECK_FALSE(one("50万元").lower_bound);
  CHECK(one("捐款上百万").value == 100000000);       // implied money with its marker
  CHECK(one("上千台电脑").value == 1000);             // goods too
  CHECK(one("十几个").value == 10);
  // 以上/之上 before a bare multiplier are not 上百万.
  CHECK(scan_measures("以上千万不要").empty());
}

TEST_CASE("amount: ranges written as two neighbouring Chinese digits") {
  struct Case { const char* text; std::int64_t low, high; };
  for (const Case& c : {Case{"两三万元", 2000000, 3000000}, Case{"五六万元", 5000000, 6000000},
                        Case{"二三十万元", 20000000, 30000000}, Case{"七八千元", 700000, 800000},
                        Case{"一两万元", 1000000, 2000000}, Case{"十一二万元", 11000000, 12000000},
                        Case{"三四百元", 30000, 40000}, Case{"捐了五六万", 5000000, 6000000},
                        Case{"凑了三五千元", 300000, 500000}, Case{"三五万元", 3000000, 5000000}}) {
    const Measure m = one(c.text);
    CHECK_MESSAGE(m.kind == MeasureKind::money, c.text);
    CHECK_MESSAGE(m.value == c.low, c.text);
    CHECK_MESSAGE(m.high == c.high, c.text);
    CHECK_MESSAGE(m.approximate, c.text);
    CHECK_FALSE_MESSAGE(m.lower_bound, c.text);
  }
  const Measure q = one("七八十台");
  CHECK(q.kind == MeasureKind::quantity);
  CHECK(q.value == 70);
  CHECK(q.high == 80);
  // Digit sequences and plan names are no ranges.
  for (const char* text : {"一二三四", "二〇二三年", "十四五规划", "两三万人", "五六十岁", "三四个乡镇"})
    CHECK_MESSAGE(scan_measures(aidledger::text::normalise(text)).empty(), text);
}

TEST_CASE("amount: arithmetic is checked, an amount past int64 fen is refused") {
  // int64 holds 92,233,720,368,547,758.07 yuan in fen; one ledger line holds at most 10^12 yuan.
  CHECK(scan_measures("900000000亿元").empty());
  CHECK(fen("10000亿元") == 10000LL * 100000000LL * 100LL);
  CHECK(scan_measures("1000000000亿元").empty());                 // 10^17 yuan = 10^19 fen
  CHECK(scan_measures("99999999999999999999亿元").empty());
  CHECK(scan_measures("99999999999999999999999999万亿元").empty());  // past int128 too
  CHECK(scan_measures("100000000000000000000元").empty());
  CHECK(scan_measures("1000000000亿-2000000000亿元").empty());
  CHECK_FALSE(parse_integer("100000000000亿").has_value());       // 10^19 > int64
  CHECK(parse_integer("10000000000亿") == 1000000000000000000LL);
  CHECK_FALSE(parse_numeral("9999999999999999999999亿亿").has_value());
  CHECK(scan_measures("1000000000000000000000台").empty());
}

TEST_CASE("numbers that are not money stay out with the new forms") {
  for (const char* text : {"2023年", "2023年1至9月", "一点五亩", "十几万亩", "两三万亩", "30%", "5.5%", "3万人次",
                           "十几万人次", "数十万人", "下午三点", "三点五十分", "一点点", "几乎", "数据显示", "百分之三十",
                           "十余人", "万余人", "上百人", "数百户"}) {
    CHECK_MESSAGE(scan_measures(aidledger::text::normalise(text)).empty(), text);
  }
}

namespace {
// The reasons scan_measures gives for the amounts it refuses in text.
std::vector<std::string> refusals(const std::string& text) {
  std::vector<RefusedMeasure> refused;
  const auto ms = scan_measures(aidledger::text::normalise(text), &refused);
  CHECK_MESSAGE(ms.empty(), text);
  std::vector<std::string> out;
  for (const auto& r : refused) out.push_back(r.reason);
  return out;
}
const std::string kCeiling = "more than 10^12 yuan, the ceiling of one ledger line";
}  // namespace

TEST_CASE("amount: past the ceiling of one ledger line (10^12 yuan) is refused with the reason, never wrapped") {
  // Issue 8: 9223372036854775807元 read as -1.00 and 92233720368亿元 as -¥54,775,808.00.
  CHECK(refusals("9223372036854775807元") == std::vector<std::string>{kCeiling});
  CHECK(refusals("92233720368亿元") == std::vector<std::string>{kCeiling});
  CHECK(refusals("1000000000001元") == std::vector<std::string>{kCeiling});
  CHECK(refusals("1.5万亿元") == std::vector<std::string>{kCeiling});
  CHECK(refusals("¥99999999999999999999999") == std::vector<std::string>{kCeiling});
  CHECK(refusals("99999999999999999999999999万亿元") == std::vector<std::string>{kCeiling});  // past int128 too
  CHECK(refusals("2万至99999999999999999999亿元") == std::vector<std::string>{kCeiling});     // a range's far end
  CHECK(refusals("1000000000000000000000台") == std::vector<std::string>{"a count too large for the ledger"});
  // The ceiling itself is an amount.
  CHECK(fen("1万亿元") == kMaxLineFen);
  CHECK(fen("1000000000000元") == 100'000'000'000'000LL);
  // The refused span is the amount as written, its unit included.
  std::vector<RefusedMeasure> refused;
  const std::string s = "捐款5万元,另有9999999999亿元";
  const auto ms = scan_measures(s, &refused);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == 5'000'000);
  REQUIRE(refused.size() == 1);
  CHECK(refused[0].span.of(s) == "9999999999亿元");
  CHECK(refused[0].kind == MeasureKind::money);
}

TEST_CASE("amount: decimals of any length are exact or refused") {
  // Issue 8: 1.234567890万元 read as ¥2,345,678,900,000.00 (the digits after the 8th decimal
  // were read as a number of their own). 12,345.6789 yuan is not a whole number of fen.
  CHECK(refusals("1.234567890万元") == std::vector<std::string>{"not a whole number of fen"});
  CHECK(refusals("1.2345678901万元") == std::vector<std::string>{"written with more decimal places than can be read exactly"});
  CHECK(refusals("一点二三四五六七八九一万元") == std::vector<std::string>{"written with more decimal places than can be read exactly"});
  CHECK(refusals("0.005元") == std::vector<std::string>{"not a whole number of fen"});
  // Zeros past the 8th decimal are exact.
  CHECK(fen("1.2345670000万元") == 1'234'567);
  CHECK(fen("1.23456700000000000000万元") == 1'234'567);
  CHECK(fen("一点二三四五六七零零零万元") == 1'234'567);
  CHECK(fen("0.00000001亿元") == 100);
  // A long decimal that is no amount leaves nothing behind (its tail is no number of its own).
  CHECK(refusals("圆周率3.14159265358979").empty());
  CHECK(refusals("3.14159265358979万人次").empty());
}

TEST_CASE("money arithmetic: checked sums and products") {
  CHECK(checked_sum(std::numeric_limits<std::int64_t>::max(), 1) == std::nullopt);
  CHECK(checked_product(std::numeric_limits<std::int64_t>::max() / 2 + 1, 2) == std::nullopt);
  CHECK(checked_product(3, 4) == 12);
  std::int64_t t = std::numeric_limits<std::int64_t>::max() - 1;
  add_checked(t, 1, "x");
  CHECK(t == std::numeric_limits<std::int64_t>::max());
  CHECK_THROWS_WITH_AS(add_checked(t, 1, "the disbursed total"), doctest::Contains("the disbursed total: the sum leaves the range"),
                       std::overflow_error);
  CHECK(within_line_ceiling(kMaxLineFen));
  CHECK_FALSE(within_line_ceiling(kMaxLineFen + 1));
  CHECK_FALSE(within_line_ceiling(-1));
  CHECK(format_yuan(std::numeric_limits<std::int64_t>::min()) == "-¥92,233,720,368,547,758.08");
  CHECK(format_yuan(123456789) == "¥1,234,567.89");
  CHECK(format_yuan(-5) == "-¥0.05");
}

TEST_CASE("amount: written in capitals and again in brackets is one amount; 元整 closes it") {
  const std::string text = aidledger::text::normalise("捐赠款人民币壹万贰仟元整（¥12,000.00），用于");
  const auto ms = scan_measures(text);
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].value == 1'200'000);
  CHECK(text.substr(ms[0].span.begin, ms[0].span.end - ms[0].span.begin) == "人民币壹万贰仟元整");
  // Two different amounts side by side in brackets stay two.
  CHECK(scan_measures(aidledger::text::normalise("捐赠1万元（其中现金5000元）")).size() == 2);
}
