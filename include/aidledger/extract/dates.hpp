// Date expressions in Chinese prose and their resolution against a reference date.
//
// Dates stay typed (date::year_month_day) with their precision until printed. An expression is
// first scanned into its written parts (year, month, day, period, relative word), then resolved:
// missing years come from the reference, relative words (当天 次日 同日 当年) from the last date
// the text mentioned, and periods (上旬 年初 上半年 三季度 …) become ranges.
//
// Also read: 昨天/前天/今天 (from the reference day); 次年/翌年 (the year after the last date
// mentioned); 月初/月中/月底 without a day. With a month number (5月初, 去年12月底, 5月中) they
// are ranges of days inside the month, the convention the older 5月初/5月底 already had (初 1-5,
// 中 11-20, 底/末 25-last, like 上旬/中旬/下旬); without a number (bare 月初/月中/月底 — the month
// of the last date, or the reference's — and 本月初, 上月底) they keep month precision: the
// period is recorded on the mention (period) but the range is the whole month; 以来/至今
// after a date (今年以来, 2021年以来) — the range runs on to the reference day, at the precision
// written (今年以来 = 2024-01-01..2024-10-25 as a year, printed "2024"); ranges with the
// unit written once (今年1至9月, 1-9月, 24—25日, 24-25日, 24至25日) and ranges across a year end
// (12月28日至1月3日: the end is in the next year); holidays 元旦 春节 除夕 清明 国庆(节) 中秋(节),
// the movable ones from data/holidays.tsv (2015-2035), with 期间/假期 giving the holiday week for
// 春节 (除夕 to 初六) and 国庆 (1-7 October); a holiday without a year takes the latest occurrence
// at most 60 days after the last date mentioned (or the reference), so 春节 in a January report
// is the coming one and in an October report the one past; five-year-plan periods 十一五 … 十五五 (十四五 = 2021..2025), marked five_year_plan (and
// plan) so that no event is dated by them.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <date/date.h>

#include "aidledger/text/document.hpp"

namespace aidledger::extract {

using text::Span;

enum class Precision { day, month, year, reported, unknown };
std::string_view to_string(Precision p);
std::optional<Precision> precision_from_string(std::string_view s);

/// A resolved date or date range. `first` and `last` are the first and last day covered.
struct DateRange {
  date::year_month_day first{};
  date::year_month_day last{};
  Precision precision = Precision::unknown;

  static DateRange day(date::year_month_day d) { return {d, d, Precision::day}; }
  static DateRange month(date::year y, date::month m);
  static DateRange year(date::year y);
  bool is_range() const;   // covers more than one unit of its precision
  bool operator==(const DateRange&) const = default;
};

/// "2021-10-24", "2021-05", "2021", or "first..last" at the range's precision.
std::string format_date(const DateRange& d);
/// The start only, at the range's precision ("2021-10-24" for 24..25 October).
std::string format_date_start(const DateRange& d);
/// Parses what format_date printed (ledger storage).
std::optional<DateRange> parse_iso_range(std::string_view s, Precision p);

enum class Period { none, first_ten_days, middle_ten_days, last_ten_days, month_start, month_end,
                    year_start, year_end, first_half, second_half, q1, q2, q3, q4,
                    month_middle,  // 月中: days 11-20
                    spring, summer, autumn };  // 春季/春天 3-5月, 夏季 6-8月, 秋季 9-11月 (winter spans two years)

enum class Relative { none, same_day, next_day, previous_day, this_year, last_year, year_before_last,
                      next_year, same_year, same_month, last_month, this_month,
                      yesterday, day_before_yesterday, today,  // 昨天 前天 今天: from the reference day
                      following_year,                          // 次年 翌年: after the last date's year
                      last_week, this_week,                    // 上周五, 本周三: a weekday (DateMention::weekday)
                      years_ago };                             // 七年前, 3年前: DateMention::years_ago before the reference year

enum class Holiday { none, new_year /* 元旦 */, spring_festival /* 春节 */, new_years_eve /* 除夕 */,
                     qingming /* 清明 */, national_day /* 国庆节 */, mid_autumn /* 中秋 */ };

/// The day of a holiday in a Gregorian year. 元旦 and 国庆节 are fixed; 春节, 除夕, 清明 and 中秋
/// come from data/holidays.tsv and are known for 2015-2035 only (nothing outside).
std::optional<date::year_month_day> holiday_date(Holiday h, int year);

struct DatePart {
  int year = 0, month = 0, day = 0;  // 0 = not written
};

struct DateMention {
  Span span;
  DatePart from;
  std::optional<DatePart> to;   // second end of a written range
  Period period = Period::none;
  Relative relative = Relative::none;
  bool plan = false;            // 锚定2025年, 到2025年: a target, not when something happened
  /// 十三五, 十四五, “十五五”: a five-year-plan period (from..to = 2016..2020 …). plan is set too, so
  /// callers that skip plans never date an event by it, and it does not become the resolver's last date.
  bool five_year_plan = false;
  /// 以来 or 至今 follows (not inside span): the resolved range runs on to the reference.
  bool since = false;
  Holiday holiday = Holiday::none;  // 春节, 2021年国庆节, 今年中秋 (year in from.year or relative)
  bool holiday_break = false;       // 春节期间, 国庆假期 (inside span): the holiday week
  bool holiday_eve = false;         // 元旦前夕 (inside span): the ten days before it
  unsigned weekday = 0;             // last_week / this_week: 1 (Monday) .. 7 (Sunday)
  int years_ago = 0;                // years_ago: how many (七年前 → 7)
  std::string_view text_of(std::string_view s) const { return span.of(s); }
};

/// Every date expression in `text`, in order.
std::vector<DateMention> scan_dates(std::string_view text);

/// Resolves mentions in reading order. The reference is the publication date (day precision) or
/// only its year; `last` follows the text so relative words count from the last date mentioned.
class DateResolver {
 public:
  explicit DateResolver(std::optional<DateRange> reference) : reference_(reference) {}
  std::optional<DateRange> resolve(const DateMention& m);
  const std::optional<DateRange>& last() const { return last_; }
  const std::optional<DateRange>& last_day() const { return last_day_; }
  void set_last(const DateRange& d);
  /// Mentions from here on are in a new sentence (their spans count from its start).
  void new_sentence() { last_end_ = std::string_view::npos; }

 private:
  std::optional<DateRange> resolve_relative(const DateMention& m) const;
  std::optional<DateRange> reference_;
  std::optional<DateRange> last_, last_day_;
  std::size_t last_end_ = std::string_view::npos;  // where the mention that set last_ ends in this sentence
  int last_written_year_ = 0;  // the year last written out in full (2018年底), 0 before any
};

/// The year a page was published in, judged from the years it mentions as past or present
/// (plans and targets excluded): the latest such year. Nothing when it mentions none.
/// 以来 or 至今 at `end`, right after a date (past a closing quote): the period runs on to the
/// reference. Not 至今年…, a range to a date of this year.
bool runs_on_to_now(std::string_view s, std::size_t end);
std::optional<int> infer_page_year(std::string_view text);

}  // namespace aidledger::extract
