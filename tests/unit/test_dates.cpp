// Date expressions: scanning, resolving against a reference, precision, periods, plans.
#include <doctest/doctest.h>

#include "aidledger/extract/dates.hpp"
#include "aidledger/text/decode.hpp"

using namespace aidledger::extract;

namespace {
DateRange day(int y, unsigned m, unsigned d) {
  return DateRange::day(date::year_month_day{date::year{y}, date::month{m}, date::day{d}});
}
// The last non-plan date in text, resolved against ref (as `aidledger parse date` prints it).
std::string last_date(const std::string& text, std::optional<DateRange> ref) {
  DateResolver r(ref);
  std::string out;
  for (const auto& m : scan_dates(aidledger::text::normalise(text)))
    if (auto d = r.resolve(m); d && !m.plan) out = format_date(*d);
  return out;
}
}  // namespace

TEST_CASE("explicit dates keep their precision") {
  const auto ref = day(2024, 10, 25);
  CHECK(last_date("2021年5月", ref) == "2021-05");
  CHECK(last_date("2021年3月4日", ref) == "2021-03-04");
  CHECK(last_date("2021.6.5", ref) == "2021-06-05");
  CHECK(last_date("2021-06-05", ref) == "2021-06-05");
  CHECK(last_date("2021年", ref) == "2021");
  CHECK(last_date("二〇二一年十月二十四日", ref) == "2021-10-24");
  CHECK(last_date("２０２１年１０月", ref) == "2021-10");
  CHECK(last_date("没有日期", ref).empty());
  CHECK(last_date("30年峥嵘岁月", ref).empty());   // a duration
  CHECK(last_date("3个月", ref).empty());
}

TEST_CASE("dates without a year take the reference's, unless they would be more than a week ahead") {
  CHECK(last_date("10月24日~25日", day(2021, 10, 30)) == "2021-10-24..2021-10-25");
  CHECK(last_date("10月24日~25日", day(2021, 10, 20)) == "2021-10-24..2021-10-25");  // 4 days ahead: announced
  CHECK(last_date("12月28日", day(2021, 1, 3)) == "2020-12-28");
  CHECK(last_date("11月", day(2022, 2, 1)) == "2021-11");
  CHECK(last_date("25日", day(2021, 3, 5)) == "2021-02-25");                       // previous month
  CHECK(last_date("3日", day(2021, 3, 5)) == "2021-03-03");
  CHECK(last_date("10月30日至11月2日", day(2021, 11, 10)) == "2021-10-30..2021-11-02");
  // With only the page's year known, the year is taken as it is.
  CHECK(last_date("11月23日", DateRange::year(date::year{2019})) == "2019-11-23");
}

TEST_CASE("relative words") {
  const auto ref = day(2024, 10, 25);
  CHECK(last_date("去年", ref) == "2023");
  CHECK(last_date("今年", ref) == "2024");
  CHECK(last_date("前年", ref) == "2022");
  CHECK(last_date("去年5月", ref) == "2023-05");
  CHECK(last_date("10月24日,当天", ref) == "2024-10-24");
  CHECK(last_date("10月24日,同日", ref) == "2024-10-24");
  CHECK(last_date("10月24日,次日", ref) == "2024-10-25");
  CHECK(last_date("2019年5月,当年", ref) == "2019");
  CHECK(last_date("当天", ref) == "2024-10-25");          // no date before: the reference
  CHECK(last_date("次日", ref) == "2024-10-26");
  CHECK(last_date("今年上半年", ref) == "2024-01..2024-06");
  CHECK(last_date("去年年底", ref) == "2023-11..2023-12");
}

TEST_CASE("periods resolve to ranges by the common conventions") {
  const auto ref = day(2022, 6, 1);
  CHECK(last_date("5月上旬", ref) == "2022-05-01..2022-05-10");
  CHECK(last_date("5月中旬", ref) == "2022-05-11..2022-05-20");
  CHECK(last_date("2月下旬", day(2024, 3, 10)) == "2024-02-21..2024-02-29");
  CHECK(last_date("5月初", ref) == "2022-05-01..2022-05-05");
  CHECK(last_date("5月底", ref) == "2022-05-25..2022-05-31");
  CHECK(last_date("2021年初", ref) == "2021-01..2021-02");
  CHECK(last_date("2021年底", ref) == "2021-11..2021-12");
  CHECK(last_date("2021年上半年", ref) == "2021-01..2021-06");
  CHECK(last_date("2021年下半年", ref) == "2021-07..2021-12");
  CHECK(last_date("2021年第三季度", ref) == "2021-07..2021-09");
  CHECK(last_date("2021年一季度", ref) == "2021-01..2021-03");
}

TEST_CASE("targets are plans, not dates, and do not set the page year") {
  const auto ms = scan_dates("锚定2025年基本建成千亿级世界一流高科技园区");
  REQUIRE(ms.size() == 1);
  CHECK(ms[0].plan);
  CHECK(scan_dates("到2025年")[0].plan);
  CHECK_FALSE(scan_dates("截至2021年底")[0].plan);
  CHECK(infer_page_year("《2020年政府工作报告》锚定2025年基本建成") == 2020);
  CHECK(infer_page_year("2023年签订协议;2024年1月捐赠") == 2024);
  CHECK_FALSE(infer_page_year("没有年份").has_value());
}

TEST_CASE("precision names and ISO round trip") {
  CHECK(to_string(Precision::reported) == "reported");
  CHECK(precision_from_string("month") == Precision::month);
  auto r = parse_iso_range("2021-10-24..2021-10-25", Precision::day);
  REQUIRE(r);
  CHECK(format_date(*r) == "2021-10-24..2021-10-25");
  CHECK(format_date_start(*r) == "2021-10-24");
  CHECK(r->first.ok());
  CHECK_FALSE(parse_iso_range("2021-02-30", Precision::day).has_value());
}
