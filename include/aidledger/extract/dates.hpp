// Date expressions in Chinese prose and their resolution against a reference date.
//
// Dates stay typed (date::year_month_day) with their precision until printed. An expression is
// first scanned into its written parts (year, month, day, period, relative word), then resolved:
// missing years come from the reference, relative words (当天 次日 同日 当年) from the last date
// the text mentioned, and periods (上旬 年初 上半年 三季度 …) become ranges.
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
                    year_start, year_end, first_half, second_half, q1, q2, q3, q4 };

enum class Relative { none, same_day, next_day, previous_day, this_year, last_year, year_before_last,
                      next_year, same_year, same_month, last_month, this_month };

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

 private:
  std::optional<DateRange> resolve_relative(const DateMention& m) const;
  std::optional<DateRange> reference_;
  std::optional<DateRange> last_, last_day_;
};

/// The year a page was published in, judged from the years it mentions as past or present
/// (plans and targets excluded): the latest such year. Nothing when it mentions none.
std::optional<int> infer_page_year(std::string_view text);

}  // namespace aidledger::extract
