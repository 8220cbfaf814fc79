#include "aidledger/extract/dates.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract {
namespace {

using namespace date;
using text::code_point_at;
using text::code_point_before;
using text::ends_at;
using text::next_code_point;
using text::starts_at;

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

int chinese_small_digit(char32_t cp) {
  static constexpr std::u32string_view digits = U"〇一二三四五六七八九";
  const auto i = digits.find(cp);
  if (i != std::u32string_view::npos) return static_cast<int>(i);
  if (cp == U'零') return 0;
  if (cp == U'两') return 2;
  return -1;
}

struct Number {
  int value = 0;
  std::size_t end = 0;
  int digits = 0;          // Arabic digit count, or Chinese digit-sequence length
  bool chinese = false;
};

// An Arabic integer, a Chinese digit sequence (二〇二一) or a small Chinese numeral (二十四).
std::optional<Number> read_number(std::string_view s, std::size_t pos) {
  Number n;
  std::size_t i = pos;
  if (i < s.size() && is_digit(static_cast<unsigned char>(s[i]))) {
    while (i < s.size() && is_digit(static_cast<unsigned char>(s[i])) && n.digits < 5) {
      n.value = n.value * 10 + (s[i] - '0');
      ++n.digits;
      ++i;
    }
    n.end = i;
    return n;
  }
  // Chinese: either a digit sequence (years) or a numeral up to 99 with 十.
  std::size_t j = i;
  std::string run;
  while (j < s.size()) {
    std::size_t k = j;
    const char32_t cp = next_code_point(s, k);
    if (chinese_small_digit(cp) < 0 && cp != U'十') break;
    run.append(s.substr(j, k - j));
    j = k;
  }
  if (run.empty()) return std::nullopt;
  n.chinese = true;
  n.end = j;
  if (run.find("十") == std::string::npos) {
    int count = 0, v = 0;
    for (std::size_t k = 0; k < run.size();) {
      v = v * 10 + chinese_small_digit(next_code_point(run, k));
      ++count;
    }
    n.value = v;
    n.digits = count;
    return n;
  }
  auto v = parse_integer(run);
  if (!v || *v > 99) return std::nullopt;
  n.value = static_cast<int>(*v);
  n.digits = n.value >= 10 ? 2 : 1;
  return n;
}

bool valid_month(int m) { return m >= 1 && m <= 12; }
bool valid_day(int d) { return d >= 1 && d <= 31; }
bool valid_year(int y) { return y >= 1900 && y <= 2100; }

struct Relword {
  std::string_view word;
  Relative rel;
  Period period;
};
constexpr std::array kRelatives = {
    Relword{"上半年", Relative::this_year, Period::first_half},
    Relword{"下半年", Relative::this_year, Period::second_half},
    Relword{"前一天", Relative::previous_day, Period::none},
    Relword{"第二天", Relative::next_day, Period::none},
    Relword{"上个月", Relative::last_month, Period::none},
    Relword{"前年", Relative::year_before_last, Period::none},
    Relword{"去年", Relative::last_year, Period::none},
    Relword{"今年", Relative::this_year, Period::none},
    Relword{"明年", Relative::next_year, Period::none},
    Relword{"当年", Relative::same_year, Period::none},
    Relword{"同年", Relative::same_year, Period::none},
    Relword{"当天", Relative::same_day, Period::none},
    Relword{"当日", Relative::same_day, Period::none},
    Relword{"同日", Relative::same_day, Period::none},
    Relword{"同一天", Relative::same_day, Period::none},
    Relword{"次日", Relative::next_day, Period::none},
    Relword{"翌日", Relative::next_day, Period::none},
    Relword{"当月", Relative::same_month, Period::none},
    Relword{"同月", Relative::same_month, Period::none},
    Relword{"本月", Relative::this_month, Period::none},
    Relword{"上月", Relative::last_month, Period::none},
    Relword{"年初", Relative::this_year, Period::year_start},
    Relword{"年底", Relative::this_year, Period::year_end},
    Relword{"年末", Relative::this_year, Period::year_end},
};

// Period written after a month ("5月上旬") or a year ("2021年底").
std::size_t read_month_period(std::string_view s, std::size_t pos, Period& p) {
  struct P { std::string_view w; Period p; };
  for (const P& x : {P{"上旬", Period::first_ten_days}, P{"中旬", Period::middle_ten_days},
                     P{"下旬", Period::last_ten_days}, P{"初", Period::month_start},
                     P{"底", Period::month_end}, P{"末", Period::month_end}})
    if (starts_at(s, pos, x.w)) { p = x.p; return x.w.size(); }
  return 0;
}
std::size_t read_year_period(std::string_view s, std::size_t pos, Period& p) {
  struct P { std::string_view w; Period p; };
  for (const P& x : {P{"上半年", Period::first_half}, P{"下半年", Period::second_half},
                     P{"第一季度", Period::q1}, P{"第二季度", Period::q2}, P{"第三季度", Period::q3},
                     P{"第四季度", Period::q4}, P{"一季度", Period::q1}, P{"二季度", Period::q2},
                     P{"三季度", Period::q3}, P{"四季度", Period::q4}, P{"初", Period::year_start},
                     P{"底", Period::year_end}, P{"末", Period::year_end}})
    if (starts_at(s, pos, x.w)) { p = x.p; return x.w.size(); }
  return 0;
}

bool is_date_sep(char c) { return c == '.' || c == '-' || c == '/'; }
bool is_range_sep(std::string_view s, std::size_t pos, std::size_t& len) {
  for (std::string_view w : {"至", "到", "~", "-", "—", "–", "〜"})
    if (starts_at(s, pos, w)) { len = w.size(); return true; }
  return false;
}

// Reads one date expression at pos with its written parts; no range, no relative words.
std::optional<std::pair<DatePart, std::size_t>> read_point(std::string_view s, std::size_t pos, Period& period,
                                                            bool allow_bare_day) {
  auto first = read_number(s, pos);
  if (!first) return std::nullopt;
  DatePart d;
  std::size_t i = first->end;
  const bool four = (first->digits == 4) && valid_year(first->value);
  // 2021.6.5 / 2021-06-05 / 2021/6/5 (and 2021.6)
  if (four && !first->chinese && i < s.size() && is_date_sep(s[i])) {
    const char sep = s[i];
    auto m = read_number(s, i + 1);
    if (m && !m->chinese && m->digits <= 2 && valid_month(m->value)) {
      d.year = first->value;
      d.month = m->value;
      i = m->end;
      if (i < s.size() && s[i] == sep) {
        auto dd = read_number(s, i + 1);
        if (dd && !dd->chinese && dd->digits <= 2 && valid_day(dd->value)) {
          d.day = dd->value;
          i = dd->end;
        }
      }
      // Not part of a longer number such as 2021.6.5.7 or 2.23亿
      if (i < s.size() && (is_digit(static_cast<unsigned char>(s[i])) || s[i] == '.' || starts_at(s, i, "万") || starts_at(s, i, "亿")))
        return std::nullopt;
      return std::make_pair(d, i);
    }
    return std::nullopt;
  }
  if (starts_at(s, i, "年")) {
    if (!four) return std::nullopt;  // 30年: a duration
    d.year = first->value;
    i += std::string_view("年").size();
    if (std::size_t n = read_year_period(s, i, period); n > 0) return std::make_pair(d, i + n);
    auto m = read_number(s, i);
    if (m && starts_at(s, m->end, "月") && valid_month(m->value)) {
      d.month = m->value;
      i = m->end + std::string_view("月").size();
      auto dd = read_number(s, i);
      if (dd && (starts_at(s, dd->end, "日") || starts_at(s, dd->end, "号")) && valid_day(dd->value)) {
        d.day = dd->value;
        i = dd->end + 3;
      } else if (std::size_t n = read_month_period(s, i, period); n > 0) {
        i += n;
      }
    }
    return std::make_pair(d, i);
  }
  if (starts_at(s, i, "月") && first->digits <= 2 && valid_month(first->value)) {
    // 个月 is a duration; "月" must directly follow the number.
    d.month = first->value;
    i += std::string_view("月").size();
    auto dd = read_number(s, i);
    if (dd && (starts_at(s, dd->end, "日") || starts_at(s, dd->end, "号")) && valid_day(dd->value)) {
      d.day = dd->value;
      i = dd->end + 3;
    } else if (std::size_t n = read_month_period(s, i, period); n > 0) {
      i += n;
    }
    return std::make_pair(d, i);
  }
  if (allow_bare_day && (starts_at(s, i, "日") || starts_at(s, i, "号")) && first->digits <= 2 && valid_day(first->value)) {
    d.day = first->value;
    return std::make_pair(d, i + 3);
  }
  return std::nullopt;
}

bool looks_like_plan(std::string_view s, const DateMention& m) {
  if (ends_at(s, m.span.begin, "截至")) return false;  // "as of": a past date
  for (std::string_view w : {"锚定", "力争", "争取", "预计", "计划", "目标", "到", "至"})
    if (ends_at(s, m.span.begin, w)) return true;
  for (std::string_view w : {"前往", "前来", "前进", "前去", "前列", "前夕", "前后"})
    if (starts_at(s, m.span.end, w)) return false;
  for (std::string_view w : {"前", "之前", "基本建成", "全面建成", "目标", "远景"})
    if (starts_at(s, m.span.end, w)) return true;
  return false;
}

DatePart fill(DatePart to, const DatePart& from) {
  if (to.year == 0) to.year = from.year;
  if (to.month == 0 && to.day != 0) to.month = from.month;
  return to;
}

year_month_day last_day_of(year y, month m) { return year_month_day{y / m / last}; }

DateRange apply_period(DateRange r, Period p) {
  const year y = r.first.year();
  const month m = r.first.month();
  auto days = [&](unsigned a, unsigned b) {
    return DateRange{y / m / day{a}, b == 0 ? last_day_of(y, m) : year_month_day{y / m / day{b}}, Precision::day};
  };
  auto months = [&](unsigned a, unsigned b) {
    return DateRange{y / month{a} / 1, last_day_of(y, month{b}), Precision::month};
  };
  switch (p) {
    case Period::none: return r;
    case Period::first_ten_days: return days(1, 10);
    case Period::middle_ten_days: return days(11, 20);
    case Period::last_ten_days: return days(21, 0);
    case Period::month_start: return days(1, 5);
    case Period::month_end: return days(25, 0);
    case Period::year_start: return months(1, 2);
    case Period::year_end: return months(11, 12);
    case Period::first_half: return months(1, 6);
    case Period::second_half: return months(7, 12);
    case Period::q1: return months(1, 3);
    case Period::q2: return months(4, 6);
    case Period::q3: return months(7, 9);
    case Period::q4: return months(10, 12);
  }
  return r;
}

}  // namespace

std::string_view to_string(Precision p) {
  switch (p) {
    case Precision::day: return "day";
    case Precision::month: return "month";
    case Precision::year: return "year";
    case Precision::reported: return "reported";
    case Precision::unknown: return "unknown";
  }
  return "unknown";
}

std::optional<Precision> precision_from_string(std::string_view s) {
  for (Precision p : {Precision::day, Precision::month, Precision::year, Precision::reported, Precision::unknown})
    if (to_string(p) == s) return p;
  return std::nullopt;
}

DateRange DateRange::month(date::year y, date::month m) {
  return {y / m / 1, last_day_of(y, m), Precision::month};
}
DateRange DateRange::year(date::year y) {
  return {y / January / 1, y / December / 31, Precision::year};
}

bool DateRange::is_range() const {
  switch (precision) {
    case Precision::month: return first.year() != last.year() || first.month() != last.month();
    case Precision::year: return first.year() != last.year();
    default: return first != last;
  }
}

namespace {
std::string format_point(const year_month_day& d, Precision p) {
  const int y = static_cast<int>(d.year());
  const unsigned m = static_cast<unsigned>(d.month());
  const unsigned dd = static_cast<unsigned>(d.day());
  switch (p) {
    case Precision::year: return fmt::format("{:04}", y);
    case Precision::month: return fmt::format("{:04}-{:02}", y, m);
    default: return fmt::format("{:04}-{:02}-{:02}", y, m, dd);
  }
}
}  // namespace

std::string format_date(const DateRange& d) {
  if (d.precision == Precision::unknown) return "";
  const std::string a = format_point(d.first, d.precision);
  const std::string b = format_point(d.last, d.precision);
  return a == b ? a : a + ".." + b;
}

std::string format_date_start(const DateRange& d) {
  if (d.precision == Precision::unknown) return "";
  return format_point(d.first, d.precision);
}

std::optional<DateRange> parse_iso_range(std::string_view s, Precision p) {
  if (s.empty()) return std::nullopt;
  auto point = [&](std::string_view v, bool end) -> std::optional<year_month_day> {
    int y = 0, m = 0, d = 0;
    auto num = [](std::string_view t, int& out) {
      return std::from_chars(t.data(), t.data() + t.size(), out).ec == std::errc{};
    };
    if (v.size() >= 4 && !num(v.substr(0, 4), y)) return std::nullopt;
    if (v.size() >= 7 && !num(v.substr(5, 2), m)) return std::nullopt;
    if (v.size() >= 10 && !num(v.substr(8, 2), d)) return std::nullopt;
    if (m == 0) return end ? year{y} / December / 31 : year{y} / January / 1;
    if (d == 0) return end ? last_day_of(year{y}, month(static_cast<unsigned>(m))) : year{y} / month(static_cast<unsigned>(m)) / 1;
    year_month_day r{year{y}, month(static_cast<unsigned>(m)), day(static_cast<unsigned>(d))};
    if (!r.ok()) return std::nullopt;
    return r;
  };
  const auto dots = s.find("..");
  auto a = point(s.substr(0, dots), false);
  auto b = point(dots == std::string_view::npos ? s : s.substr(dots + 2), true);
  if (!a || !b) return std::nullopt;
  return DateRange{*a, *b, p};
}

std::vector<DateMention> scan_dates(std::string_view s) {
  std::vector<DateMention> out;
  for (std::size_t i = 0; i < s.size();) {
    // Relative words first (they contain 年/月 and must not be read as numbers).
    bool matched = false;
    for (const Relword& r : kRelatives) {
      if (starts_at(s, i, r.word)) {
        DateMention m;
        m.span = {i, i + r.word.size()};
        m.relative = r.rel;
        m.period = r.period;
        std::size_t end = m.span.end;
        if (r.rel == Relative::this_year || r.rel == Relative::last_year || r.rel == Relative::next_year ||
            r.rel == Relative::year_before_last || r.rel == Relative::same_year) {
          if (r.period == Period::none) {
            Period p = Period::none;
            // 去年底, 今年上半年, 去年年底
            const std::size_t skip = starts_at(s, end, "年初") || starts_at(s, end, "年底") || starts_at(s, end, "年末") ? 3 : 0;
            if (std::size_t n = read_year_period(s, end + skip, p); n > 0) {
              m.period = p;
              end += skip + n;
            } else if (auto mm = read_number(s, end); mm && starts_at(s, mm->end, "月") && valid_month(mm->value)) {
              // 去年5月, 今年10月24日
              m.from.month = mm->value;
              end = mm->end + 3;
              if (auto dd = read_number(s, end); dd && (starts_at(s, dd->end, "日") || starts_at(s, dd->end, "号")) && valid_day(dd->value)) {
                m.from.day = dd->value;
                end = dd->end + 3;
              }
            }
          }
        }
        m.span.end = end;
        m.plan = looks_like_plan(s, m);  // 年底前: a deadline ahead
        out.push_back(m);
        i = end;
        matched = true;
        break;
      }
    }
    if (matched) continue;

    const char32_t cp = code_point_at(s, i);
    const bool can_start = is_digit(cp) || chinese_small_digit(cp) >= 0 || cp == U'十';
    const char32_t before = code_point_before(s, i);
    if (!can_start || is_digit(before) || before == U'.' || chinese_small_digit(before) >= 0 || before == U'十') {
      next_code_point(s, i);
      continue;
    }
    Period period = Period::none;
    auto point = read_point(s, i, period, true);
    if (!point) {
      next_code_point(s, i);
      continue;
    }
    DateMention m;
    m.from = point->first;
    m.period = period;
    std::size_t end = point->second;
    // A written range: 10月24日~25日, 2021年3月至5月, 2019年至2021年, 10月30日至11月2日.
    std::size_t sep = 0;
    if (m.period == Period::none && is_range_sep(s, end, sep)) {
      Period p2 = Period::none;
      if (auto second = read_point(s, end + sep, p2, m.from.day != 0); second && p2 == Period::none) {
        DatePart to = second->first;
        // Both ends have the same shape; the second may leave out its leading parts.
        const bool days_match = (m.from.day != 0) == (to.day != 0);
        const bool months_match = m.from.day != 0 || (m.from.month != 0) == (to.month != 0);
        const bool years_ok = m.from.year != 0 || to.year == 0;
        const bool shape_ok = days_match && months_match && years_ok;
        if (shape_ok) {
          m.to = fill(to, m.from);
          end = second->second;
        }
      }
    }
    m.span = {i, end};
    m.plan = looks_like_plan(s, m);
    out.push_back(m);
    i = end;
  }
  return out;
}

void DateResolver::set_last(const DateRange& d) {
  last_ = d;
  if (d.precision == Precision::day) last_day_ = d;
}

std::optional<DateRange> DateResolver::resolve_relative(const DateMention& m) const {
  const auto ref_year = [&]() -> std::optional<year> {
    if (reference_) return reference_->first.year();
    return std::nullopt;
  };
  auto with_period = [&](DateRange r) { return apply_period(r, m.period); };
  auto year_based = [&](std::optional<year> y) -> std::optional<DateRange> {
    if (!y) return std::nullopt;
    if (m.from.month != 0) {
      const month mo{static_cast<unsigned>(m.from.month)};
      if (m.from.day != 0) {
        year_month_day d{*y, mo, day{static_cast<unsigned>(m.from.day)}};
        if (!d.ok()) return std::nullopt;
        return DateRange::day(d);
      }
      return DateRange::month(*y, mo);
    }
    return with_period(DateRange::year(*y));
  };
  switch (m.relative) {
    case Relative::same_day:
    case Relative::next_day:
    case Relative::previous_day: {
      std::optional<DateRange> anchor = last_day_;
      if (!anchor && reference_ && reference_->precision == Precision::day) anchor = reference_;
      if (!anchor) return std::nullopt;
      DateRange r = *anchor;
      if (m.relative != Relative::same_day) {
        const int delta = m.relative == Relative::next_day ? 1 : -1;
        const auto first = year_month_day{sys_days{r.last} + days{delta}};
        r = DateRange::day(first);
      }
      return r;
    }
    case Relative::this_year: return year_based(ref_year());
    case Relative::last_year: if (auto y = ref_year()) return year_based(*y - years{1}); return std::nullopt;
    case Relative::year_before_last: if (auto y = ref_year()) return year_based(*y - years{2}); return std::nullopt;
    case Relative::next_year: if (auto y = ref_year()) return year_based(*y + years{1}); return std::nullopt;
    case Relative::same_year: {
      if (last_) return year_based(last_->first.year());
      return year_based(ref_year());
    }
    case Relative::same_month: {
      std::optional<DateRange> anchor = last_ && last_->precision != Precision::year ? last_ : reference_;
      if (!anchor || anchor->precision == Precision::year) return std::nullopt;
      return DateRange::month(anchor->first.year(), anchor->first.month());
    }
    case Relative::this_month:
    case Relative::last_month: {
      if (!reference_ || reference_->precision == Precision::year) return std::nullopt;
      year_month ym{reference_->first.year(), reference_->first.month()};
      if (m.relative == Relative::last_month) ym -= months{1};
      return DateRange::month(ym.year(), ym.month());
    }
    case Relative::none: break;
  }
  return std::nullopt;
}

std::optional<DateRange> DateResolver::resolve(const DateMention& m) {
  std::optional<DateRange> result;
  if (m.relative != Relative::none) {
    result = resolve_relative(m);
  } else {
    // Fill what was not written from the reference. News reports the past: a date without its
    // year (or month) that would fall more than a week after the reference belongs to the
    // previous year (or month).
    auto complete = [&](DatePart p) -> std::optional<DatePart> {
      if (p.year != 0 && (p.month != 0 || p.day == 0)) return p;
      if (!reference_) return std::nullopt;
      const year_month_day ref = reference_->first;
      const bool ref_has_day = reference_->precision == Precision::day;
      if (p.year == 0) p.year = static_cast<int>(ref.year());
      if (p.month == 0 && p.day != 0) {
        if (reference_->precision == Precision::year) {
          if (!last_ || last_->precision == Precision::year) return std::nullopt;
          p.month = static_cast<int>(static_cast<unsigned>(last_->first.month()));
        } else {
          p.month = static_cast<int>(static_cast<unsigned>(ref.month()));
        }
      }
      if (ref_has_day) {
        const year_month_day candidate{year{p.year}, month{static_cast<unsigned>(p.month == 0 ? 1 : p.month)},
                                       day{static_cast<unsigned>(p.day == 0 ? 1 : p.day)}};
        if (candidate.ok() && sys_days{candidate} > sys_days{ref} + days{7}) {
          if (m.from.year == 0 && m.from.month != 0) {
            p.year -= 1;
          } else if (m.from.month == 0) {
            const year_month ym = year_month{year{p.year}, month{static_cast<unsigned>(p.month)}} - months{1};
            p.year = static_cast<int>(ym.year());
            p.month = static_cast<int>(static_cast<unsigned>(ym.month()));
          }
        }
      }
      return p;
    };
    auto to_range = [&](const DatePart& p) -> std::optional<DateRange> {
      if (p.month == 0) return DateRange::year(year{p.year});
      const month mo{static_cast<unsigned>(p.month)};
      if (p.day == 0) return DateRange::month(year{p.year}, mo);
      const year_month_day d{year{p.year}, mo, day{static_cast<unsigned>(p.day)}};
      if (!d.ok()) return std::nullopt;
      return DateRange::day(d);
    };
    auto from = complete(m.from);
    if (!from) return std::nullopt;
    result = to_range(*from);
    if (result && m.to) {
      DatePart to = *m.to;
      if (m.from.year == 0 && to.year == m.from.year) to.year = from->year;
      if (to.year == 0) to.year = from->year;
      if (to.month == 0 && to.day != 0) to.month = from->month;
      auto end = to_range(to);
      if (!end || sys_days{end->last} < sys_days{result->first}) return std::nullopt;
      result->last = end->last;
    }
    if (result) result = apply_period(*result, m.period);
  }
  if (result) set_last(*result);
  return result;
}

std::optional<int> infer_page_year(std::string_view text) {
  std::optional<int> best;
  for (const DateMention& m : scan_dates(text)) {
    if (m.plan || m.relative != Relative::none || m.from.year == 0) continue;
    const int y = m.to && m.to->year != 0 ? m.to->year : m.from.year;
    if (!best || y > *best) best = y;
  }
  return best;
}

}  // namespace aidledger::extract
