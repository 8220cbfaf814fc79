// Date expressions: scanning, resolving against a reference, precision, periods, plans.
#include <doctest/doctest.h>

#include "aidledger/extract/dates.hpp"
#include "aidledger/text/decode.hpp"

#include <memory>
#include <tuple>

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

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
  CHECK(last_date("上月28日", ref) == "2024-09-28");  // a day of last month
  CHECK(last_date("本月5号", ref) == "2024-10-05");
  CHECK(last_date("9月3日,同月28日", ref) == "2024-09-28");
  CHECK(last_date("上月31日", day(2024, 3, 10)).empty());  // no 31 February
  CHECK(last_date("七年前", ref) == "2017");  // so many years before the reference year
  CHECK(last_date("3年前", ref) == "2021");
  CHECK(last_date("两年前结对之初", ref) == "2022");
  CHECK(scan_dates("十余年前").empty());         // a vague count dates nothing
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
  // Seasons after a year (winter spans two years and is left out).
  CHECK(last_date("2020年春季", ref) == "2020-03..2020-05");
  CHECK(last_date("2019年秋天", ref) == "2019-09..2019-11");
  // A quarter without a year is of the page's year, or of the year before when not yet over.
  CHECK(last_date("一季度,", ref) == "2022-01..2022-03");
  CHECK(last_date("四季度,", day(2023, 1, 12)) == "2022-10..2022-12");
  // …but a season alone is no date (春天来了), and 本次年货节 holds no 次年.
  CHECK(last_date("春天来了", ref) == "");
  CHECK(last_date("本次年货节", ref) == "");
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

namespace {
// The single mention in text (after normalisation).
DateMention only_mention(const std::string& text) {
  const auto ms = scan_dates(aidledger::text::normalise(text));
  REQUIRE_MESSAGE(ms.size() == 1, text);
  return ms.front();
}
// Every mention resolved in order; the formatted dates, plans included.
std::vector<std::string> all_dates(const std::string& text, std::optional<DateRange> ref) {
  DateResolver r(ref);
  std::vector<std::string> out;
  for (const auto& m : scan_dates(aidledger::text::normalise(text))) {
    auto d = r.resolve(m);
    out.push_back(d ? format_date(*d) : "-");
  }
  return out;
}
using Dates = std::vector<std::string>;
}  // namespace

TEST_CASE("date: 上周五 and 本周三 count from the reference day's week") {
  const auto tuesday = day(2022, 1, 4);  // a Tuesday
  CHECK(last_date("上周五", tuesday) == "2021-12-31");
  CHECK(last_date("上星期一", tuesday) == "2021-12-27");
  CHECK(last_date("上周日", tuesday) == "2022-01-02");
  CHECK(last_date("本周一", tuesday) == "2022-01-03");
  CHECK(last_date("这周三", tuesday) == "2022-01-05");
  CHECK(only_mention("上周五").relative == Relative::last_week);
  // No week without a day of reference; no weekday, no date (上周末 is not read).
  CHECK(last_date("上周五", DateRange::year(date::year{2022})).empty());
  CHECK(scan_dates("上周").empty());
  // (送去年货 holds no 去年.)
  CHECK(scan_dates("为每户送去年货礼包").empty());
}

TEST_CASE("date: 昨天, 前天 and 今天 count from the reference day") {
  const auto ref = day(2024, 3, 1);
  CHECK(last_date("昨天", ref) == "2024-02-29");
  CHECK(last_date("昨日", ref) == "2024-02-29");
  CHECK(last_date("前天", ref) == "2024-02-28");
  CHECK(last_date("今天", ref) == "2024-03-01");
  // Not from the last date the text mentioned (that is 前一天/次日).
  CHECK(last_date("2023年5月3日签约,昨天捐赠", ref) == "2024-02-29");
  CHECK(last_date("2023年5月3日签约,前一天", ref) == "2023-05-02");
  CHECK(only_mention("昨天").relative == Relative::yesterday);
  // A year-only reference has no yesterday.
  CHECK(last_date("昨天", DateRange::year(date::year{2024})).empty());
  // 提前天数, 三天前天气: not 前天.
  CHECK(scan_dates("提前天数").empty());
  CHECK(scan_dates("三天前天气晴朗").empty());
}

TEST_CASE("date: 次年 and 翌年 are the year after the last date mentioned") {
  const auto ref = day(2024, 10, 25);
  CHECK(last_date("2019年5月签约,次年", ref) == "2020");
  CHECK(last_date("2019年5月签约,翌年", ref) == "2020");
  CHECK(last_date("2019年5月签约,第二年", ref) == "2020");
  CHECK(last_date("2019年5月签约,次年3月", ref) == "2020-03");
  CHECK(last_date("2019年5月签约,次年3月上旬", ref) == "2020-03-01..2020-03-10");
  CHECK(last_date("2021年12月开工,翌年年底", ref) == "2022-11..2022-12");
  CHECK(last_date("次年", ref) == "2025");  // nothing before: the reference's year
  // (2018年底结对…6月5日…次年3月 on a page of June 2020: not past the page's year when a year written
  // out before gives one that is not.)
  CHECK(last_date("2018年底结上对子。6月5日,乡长说。次年3月,高新区拨付", day(2020, 6, 9)) == "2019-03");
  CHECK(last_date("2025年12月28日召开联席会,次年", day(2025, 12, 30)) == "2026");
  CHECK(only_mention("次年").relative == Relative::following_year);
  // (第二年帮扶资金: the second year's part of a pledge, no date.)
  CHECK(scan_dates("第二年帮扶资金已拨付到位").empty());
  CHECK(scan_dates("第二年的资金").empty());
  CHECK(scan_dates("次年度").empty());
}

TEST_CASE("date: 月初, 月中 and 月底 without a day: day ranges after a month number, else the month") {
  const auto ref = day(2022, 6, 20);
  // With a month: 初 1-5, 中 11-20, 底/末 25-last (as 上旬/中旬/下旬), precision day.
  CHECK(last_date("5月初", ref) == "2022-05-01..2022-05-05");
  CHECK(last_date("5月中", ref) == "2022-05-11..2022-05-20");
  CHECK(last_date("5月中,", ref) == "2022-05-11..2022-05-20");
  CHECK(last_date("5月中起", ref) == "2022-05-11..2022-05-20");
  CHECK(last_date("5月底", ref) == "2022-05-25..2022-05-31");
  CHECK(last_date("2月末", day(2023, 3, 5)) == "2023-02-25..2023-02-28");
  CHECK(last_date("2021年5月中", ref) == "2021-05-11..2021-05-20");
  CHECK(last_date("今年3月底", ref) == "2022-03-25..2022-03-31");
  CHECK(last_date("去年12月底", ref) == "2021-12-25..2021-12-31");  // as 2021年12月底
  // Without a month number: month precision, the month of the last date mentioned or the
  // reference's; the period stays on the mention.
  CHECK(last_date("月初", ref) == "2022-06");
  CHECK(last_date("月中", ref) == "2022-06");
  CHECK(last_date("月底", ref) == "2022-06");
  CHECK(last_date("2021年2月3日启动,月底", ref) == "2021-02");
  CHECK(last_date("本月初", ref) == "2022-06");
  CHECK(last_date("上月底", ref) == "2022-05");
  CHECK(last_date("当月中", ref) == "2022-06");
  CHECK(only_mention("月底").period == Period::month_end);
  CHECK(only_mention("本月初").period == Period::month_start);
  CHECK(only_mention("月中").relative == Relative::same_month);
  // The ten-day periods narrow a month named by a word too.
  CHECK(last_date("本月上旬", ref) == "2022-06-01..2022-06-10");
  CHECK(last_date("上月下旬", ref) == "2022-05-21..2022-05-31");
  CHECK(DateRange{day(2022, 6, 11).first, day(2022, 6, 20).first, Precision::day}.is_range());
  // Words that only look like it: 岁月中, 每月初, 正月初, 5月初步, 5月中国.
  for (const char* text : {"岁月中", "每月初", "正月初一", "蜜月中"})
    CHECK_MESSAGE(scan_dates(aidledger::text::normalise(text)).empty(), text);
  CHECK(last_date("5月初步完成", ref) == "2022-05");
  CHECK(last_date("5月中国移动", ref) == "2022-05");
}

TEST_CASE("date: 以来 and 至今 run on to the reference, at the precision written") {
  const auto ref = day(2024, 10, 25);
  // 今年以来: 1 January to the reference day; written as a year, so printed as the year.
  {
    DateResolver r(ref);
    const auto d = r.resolve(only_mention("今年以来"));
    REQUIRE(d);
    CHECK(d->first == day(2024, 1, 1).first);
    CHECK(d->last == day(2024, 10, 25).first);
    CHECK(d->precision == Precision::year);
    CHECK(format_date(*d) == "2024");
  }
  {
    DateResolver r(ref);
    const auto d = r.resolve(only_mention("2021年以来"));
    REQUIRE(d);
    CHECK(d->first == day(2021, 1, 1).first);
    CHECK(d->last == day(2024, 10, 25).first);
  }
  CHECK(last_date("去年以来", ref) == "2023..2024");
  CHECK(last_date("2021年以来", ref) == "2021..2024");
  CHECK(last_date("5月以来", ref) == "2024-05..2024-10");
  CHECK(last_date("2023年5月至今", ref) == "2023-05..2024-10");
  CHECK(last_date("10月3日以来", ref) == "2024-10-03..2024-10-25");
  CHECK(last_date("今年上半年以来", ref) == "2024-01..2024-10");
  const auto m = only_mention("今年以来");
  CHECK(m.since);
  CHECK(m.text_of("今年以来") == "今年");  // 以来 stays outside the span
  // With only a year for reference, the range ends with that year.
  CHECK(last_date("2021年以来", DateRange::year(date::year{2024})) == "2021..2024");
  CHECK_FALSE(only_mention("今年").since);
  // A start after the reference is left as written.
  CHECK(last_date("2026年以来", ref) == "2026");
}

TEST_CASE("date: month ranges written once: 今年1至9月, 1-9月") {
  const auto ref = day(2023, 10, 20);
  CHECK(last_date("今年1至9月", ref) == "2023-01..2023-09");
  CHECK(last_date("今年1-9月", ref) == "2023-01..2023-09");
  CHECK(last_date("去年1至6月", ref) == "2022-01..2022-06");
  CHECK(last_date("2022年1至9月", ref) == "2022-01..2022-09");
  CHECK(last_date("2022年1—9月", ref) == "2022-01..2022-09");
  CHECK(last_date("1至9月", ref) == "2023-01..2023-09");
  CHECK(last_date("一至九月", ref) == "2023-01..2023-09");
  const auto m = only_mention("今年1至9月");
  CHECK(m.relative == Relative::this_year);
  CHECK(m.from.month == 1);
  REQUIRE(m.to);
  CHECK(m.to->month == 9);
  CHECK(infer_page_year("2022年1至9月") == 2022);
}

TEST_CASE("date: day ranges written once: 24—25日, 24-25日, 24至25日") {
  const auto ref = day(2021, 10, 30);
  for (const char* text : {"10月24—25日", "10月24-25日", "10月24至25日", "10月24~25日", "10月24日至25日", "10月24日—25日"})
    CHECK_MESSAGE(last_date(text, ref) == "2021-10-24..2021-10-25", text);
  CHECK(last_date("24—25日", ref) == "2021-10-24..2021-10-25");
  CHECK(last_date("24至25日", ref) == "2021-10-24..2021-10-25");
  CHECK(last_date("2020年10月24-25日", ref) == "2020-10-24..2020-10-25");
  CHECK(last_date("去年10月24至25日", ref) == "2020-10-24..2020-10-25");
  CHECK(last_date("10月24-25号", ref) == "2021-10-24..2021-10-25");
  // Not a range without 日 or 月.
  CHECK(scan_dates("3-5人").empty());
  CHECK(only_mention("10月24-25日").to->day == 25);
}

TEST_CASE("date: ranges across a year end or a month end") {
  // Dec 28 of the reference's year to Jan 3 of the next.
  CHECK(last_date("12月28日至1月3日", day(2021, 12, 30)) == "2021-12-28..2022-01-03");
  // Reported in January: the start is last year's (more than a week ahead otherwise).
  CHECK(last_date("12月28日至1月3日", day(2022, 1, 5)) == "2021-12-28..2022-01-03");
  CHECK(last_date("2021年12月28日至1月3日", day(2022, 3, 1)) == "2021-12-28..2022-01-03");
  CHECK(last_date("11月至2月", day(2022, 3, 1)) == "2021-11..2022-02");
  CHECK(last_date("10月28日至3日", day(2021, 11, 10)) == "2021-10-28..2021-11-03");
}

TEST_CASE("date: 以来 and 至今 run on to the reference; 至今年… is a range's end") {
  CHECK(runs_on_to_now("2021年以来", std::string_view("2021年").size()));
  CHECK(runs_on_to_now("5月至今", std::string_view("5月").size()));
  CHECK(runs_on_to_now("“十四五”以来", std::string_view("“十四五").size()));
  CHECK_FALSE(runs_on_to_now("去年12月28日至今年1月3日", std::string_view("去年12月28日").size()));
  CHECK_FALSE(runs_on_to_now("5月至8月", std::string_view("5月").size()));
}

TEST_CASE("date: holidays") {
  CHECK(holiday_date(Holiday::spring_festival, 2024) == date::year{2024} / 2 / 10);
  CHECK(holiday_date(Holiday::spring_festival, 2027) == date::year{2027} / 2 / 6);
  CHECK(holiday_date(Holiday::new_years_eve, 2024) == date::year{2024} / 2 / 9);
  CHECK(holiday_date(Holiday::mid_autumn, 2025) == date::year{2025} / 10 / 6);
  CHECK(holiday_date(Holiday::qingming, 2024) == date::year{2024} / 4 / 4);
  CHECK(holiday_date(Holiday::qingming, 2026) == date::year{2026} / 4 / 5);
  CHECK(holiday_date(Holiday::national_day, 1999) == date::year{1999} / 10 / 1);
  CHECK(holiday_date(Holiday::new_year, 2040) == date::year{2040} / 1 / 1);
  CHECK_FALSE(holiday_date(Holiday::spring_festival, 2014).has_value());  // outside the table
  CHECK_FALSE(holiday_date(Holiday::mid_autumn, 2036).has_value());

  const auto ref = day(2024, 10, 25);
  CHECK(last_date("元旦", ref) == "2024-01-01");
  CHECK(last_date("春节", ref) == "2024-02-10");
  CHECK(last_date("除夕", ref) == "2024-02-09");
  CHECK(last_date("清明", ref) == "2024-04-04");
  CHECK(last_date("清明节", ref) == "2024-04-04");
  CHECK(last_date("国庆节", ref) == "2024-10-01");
  CHECK(last_date("中秋", ref) == "2024-09-17");
  CHECK(last_date("中秋节", ref) == "2024-09-17");
  CHECK(last_date("2021年春节", ref) == "2021-02-12");
  CHECK(last_date("2021年中秋节", ref) == "2021-09-21");
  CHECK(last_date("去年春节", ref) == "2023-01-22");
  CHECK(last_date("今年国庆", ref) == "2024-10-01");
  // (A plan's year past the report is no time the story is at: 拟在2026年安排…。国庆节当天 is this year's.)
  CHECK(last_date("高新区拟在2026年安排资金80万元。国庆节当天,", day(2025, 10, 9)) == "2025-10-01");
  CHECK(last_date("2019年9月20日签约。国庆节当天,", day(2025, 10, 9)) == "2019-10-01");
  CHECK(last_date("2019年5月签约,次年春节", ref) == "2020-01-25");
  // The week: 春节期间 runs from 除夕 to 初六, 国庆假期 from 1 to 7 October.
  CHECK(last_date("春节期间", ref) == "2024-02-09..2024-02-16");
  CHECK(last_date("国庆假期", ref) == "2024-10-01..2024-10-07");
  CHECK(last_date("国庆节期间", ref) == "2024-10-01..2024-10-07");
  CHECK(last_date("中秋期间", ref) == "2024-09-17");
  // Without a year: the latest occurrence at most 60 days after the reference, so a January
  // report's 春节 is the coming one and an October report's the past one.
  CHECK(last_date("春节当天,走访慰问", day(2024, 1, 20)) == "2024-02-10");
  CHECK(last_date("春节期间,走访慰问", day(2024, 1, 20)) == "2024-02-09..2024-02-16");
  CHECK(last_date("元旦", day(2023, 12, 20)) == "2024-01-01");
  CHECK(last_date("国庆节", day(2024, 9, 20)) == "2024-10-01");
  CHECK(last_date("春节", day(2024, 1, 2)) == "2024-02-10");
  CHECK(last_date("春节", day(2024, 11, 20)) == "2024-02-10");
  CHECK(last_date("春节", day(2024, 12, 5)) == "2025-01-29");
  // ... counted from the last date mentioned when there is one; a bare year is that year.
  CHECK(last_date("2019年12月,春节当天", ref) == "2020-01-25");
  CHECK(last_date("2019年,国庆节", ref) == "2019-10-01");
  // Outside the table there is no guess.
  CHECK(last_date("2040年春节", ref).empty());
  CHECK(last_date("2040年国庆节", ref) == "2040-10-01");
  // A holiday dates only where it says when: not 春节慰问 or 中秋走访 (kinds of visit), not a
  // title (情暖中秋), not 之际 (some day near it: the date beside it says which).
  for (const char* text : {"开展春节慰问", "中秋走访慰问活动", "情暖中秋\n", "国庆来临之际", "政治清明。",
                           "中秋、国庆“双节”来临之际", "过上一个温暖祥和的春节。", "喜迎国庆,", "欢度春节。"})
    CHECK_MESSAGE(scan_dates(aidledger::text::normalise(text)).empty(), text);
  CHECK(last_date("9月12日,中秋节前夕,走访慰问", day(2019, 9, 20)) == "2019-09-12");
  // 前夕 standing as the time of what follows: the month before it, within the year of its eve,
  // and never after the report; a day written beside it says which.
  CHECK(last_date("去年春节前夕", ref) == "2023-01-01..2023-01-21");
  CHECK(last_date("元旦前夕,", day(2021, 1, 8)) == "2020-12-02..2020-12-31");
  // 节前 standing alone is 前夕 said shorter (元旦前，…送去); 前后 is around the day.
  CHECK(last_date("元旦前,", day(2021, 1, 8)) == "2020-12-02..2020-12-31");
  CHECK(last_date("9月12日,中秋节前,走访慰问", day(2019, 9, 20)) == "2019-09-12");
  CHECK(last_date("春节前夕,", day(2019, 1, 28)) == "2019-01-06..2019-01-28");
  CHECK(last_date("国庆前夕,", day(2024, 12, 27)) == "2024-09-01..2024-09-30");
  CHECK(last_date("12月20日,元旦前夕,", day(2021, 1, 8)) == "2020-12-20");
  CHECK(last_date("元旦当天,送去礼包", ref) == "2024-01-01");
  CHECK(last_date("中秋节晚上", ref) == "2024-09-17");
  CHECK_FALSE(only_mention("春节期间").plan);
  CHECK(only_mention("春节期间").holiday_break);
  CHECK(only_mention("2021年春节").holiday == Holiday::spring_festival);
  CHECK(scan_dates("政治清明").empty());
  CHECK(last_date("清明前后", ref) == "2024-04-04");
}

TEST_CASE("date: the holiday table agrees with the Chinese calendar and the solar terms") {
  // ICU's Chinese calendar for 正月初一 and 八月十五. Its astronomy is a few minutes off where
  // the new moon falls right at Beijing midnight: 2027 (6 Feb 23:56) and 2030 (3 Feb 00:07);
  // there the table keeps the observatories' dates.
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone("Asia/Shanghai"));
  std::unique_ptr<icu::Calendar> chinese(icu::Calendar::createInstance(*zone, icu::Locale("zh_CN@calendar=chinese"), err));
  REQUIRE(U_SUCCESS(err));
  auto lunar = [&](date::year_month_day d) {
    std::unique_ptr<icu::Calendar> greg(icu::Calendar::createInstance(*zone, icu::Locale("en_US@calendar=gregorian"), err));
    greg->clear();
    greg->set(static_cast<int>(d.year()), static_cast<int>(static_cast<unsigned>(d.month())) - 1,
              static_cast<int>(static_cast<unsigned>(d.day())), 12, 0, 0);
    chinese->setTime(greg->getTime(err), err);
    return std::tuple{chinese->get(UCAL_MONTH, err) + 1, chinese->get(UCAL_DATE, err), chinese->get(UCAL_IS_LEAP_MONTH, err)};
  };
  for (int y = 2015; y <= 2035; ++y) {
    const auto sf = holiday_date(Holiday::spring_festival, y);
    const auto ma = holiday_date(Holiday::mid_autumn, y);
    const auto qm = holiday_date(Holiday::qingming, y);
    REQUIRE(sf);
    REQUIRE(ma);
    REQUIRE(qm);
    const auto first_of_first = std::make_tuple(1, 1, 0), fifteenth_of_eighth = std::make_tuple(8, 15, 0);
    if (y != 2027 && y != 2030) CHECK_MESSAGE(lunar(*sf) == first_of_first, y);
    CHECK_MESSAGE(lunar(*ma) == fifteenth_of_eighth, y);
    // 清明 in this century: floor(Y*0.2422 + 4.81) - floor(Y/4) April, Y = year % 100.
    const int yy = y % 100;
    const int qd = static_cast<int>(yy * 0.2422 + 4.81) - yy / 4;
    CHECK_MESSAGE(*qm == date::year{y} / 4 / static_cast<unsigned>(qd), y);
  }
  REQUIRE(U_SUCCESS(err));
  CHECK(holiday_date(Holiday::spring_festival, 2030) == date::year{2030} / 2 / 3);
}

TEST_CASE("date: five-year-plan periods are marked and date nothing") {
  const auto ref = day(2024, 10, 25);
  struct Case { const char* text; const char* range; };
  for (const Case& c : {Case{"十三五", "2016..2020"}, Case{"十四五", "2021..2025"}, Case{"十五五", "2026..2030"},
                        Case{"十二五", "2011..2015"}, Case{"十一五", "2006..2010"}, Case{"“十四五”期间", "2021..2025"},
                        Case{"第十四个五年规划", "2021..2025"}}) {
    const auto m = only_mention(c.text);
    CHECK_MESSAGE(m.five_year_plan, c.text);
    CHECK_MESSAGE(m.plan, c.text);
    CHECK_MESSAGE(all_dates(c.text, ref) == Dates{c.range}, c.text);
    CHECK_MESSAGE(last_date(c.text, ref).empty(), c.text);  // a plan: parse date skips it
  }
  // “十四五”以来: from 2021 to the reference, still a plan period.
  CHECK(all_dates("“十四五”以来", ref) == Dates{"2021..2024"});
  CHECK(only_mention("“十四五”以来").since);
  // It neither sets the page year nor becomes the last date for relative words after it.
  CHECK(infer_page_year("2022年,“十四五”规划") == 2022);
  CHECK(all_dates("2022年5月,十四五期间,当年", ref) == Dates{"2022-05", "2021..2025", "2022"});
  // 十四五岁 (fourteen or fifteen years old) is no plan; ordinary dates are not plans.
  CHECK(scan_dates("十四五岁的孩子").empty());
  CHECK_FALSE(only_mention("2021年").five_year_plan);
  // The money scanner leaves it alone too.
  CHECK(last_date("十四五期间,2023年3月捐赠", ref) == "2023-03");
}

TEST_CASE("date: a day in words with a noun after it counts days (一日捐, 一日游); 五日上午 is a date") {
  const auto ref = day(2023, 10, 20);
  CHECK(last_date("开展“一日捐”活动", ref).empty());
  CHECK(last_date("组织一日游", ref).empty());
  CHECK(last_date("10月中旬，开展“一日捐”活动", ref) == "2023-10-11..2023-10-20");
  CHECK(last_date("五日上午", ref) == "2023-10-05");
  CHECK(last_date("5日捐出", ref) == "2023-10-05");
}
