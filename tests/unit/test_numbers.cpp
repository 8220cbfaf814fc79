// Amounts of money (integer fen) and quantities of goods.
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
