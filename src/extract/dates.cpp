#include "aidledger/extract/dates.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <stdexcept>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::data {
std::string_view holidays();
}

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
      // No part of a date runs past four digits: a longer sequence is some other number.
      if (count == 6) return std::nullopt;
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
    Relword{"这一年", Relative::same_year, Period::none},
    Relword{"那一年", Relative::same_year, Period::none},
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
    Relword{"岁末", Relative::this_year, Period::year_end},
    Relword{"年终", Relative::this_year, Period::year_end},
    Relword{"昨天", Relative::yesterday, Period::none},
    Relword{"昨日", Relative::yesterday, Period::none},
    Relword{"前天", Relative::day_before_yesterday, Period::none},
    Relword{"今天", Relative::today, Period::none},
    Relword{"次年", Relative::following_year, Period::none},
    Relword{"翌年", Relative::following_year, Period::none},
    Relword{"第二年", Relative::following_year, Period::none},
};

bool is_year_relative(Relative r) {
  return r == Relative::this_year || r == Relative::last_year || r == Relative::next_year ||
         r == Relative::year_before_last || r == Relative::same_year || r == Relative::following_year;
}
bool is_month_relative(Relative r) {
  return r == Relative::this_month || r == Relative::last_month || r == Relative::same_month;
}

// Words that make a relative word something else: 提前天数, 三天前天气, 每次年度.
bool relword_blocked(std::string_view s, std::size_t pos, const Relword& r) {
  const char32_t before = code_point_before(s, pos);
  const char32_t after = code_point_at(s, pos + r.word.size());
  if (r.rel == Relative::day_before_yesterday)
    return std::u32string_view(U"提之以目眼日天").find(before) != std::u32string_view::npos ||
           std::u32string_view(U"数气").find(after) != std::u32string_view::npos;
  // (本次年货节, 此次年会: 次 counts occasions; 年货 and 年会 follow it, no year.)
  // (第二年帮扶资金, 第二年的资金: the second year of a pledge names its part, no date.)
  if (r.rel == Relative::following_year && r.word == "第二年" && std::u32string_view(U"帮资的款协项任计工").find(after) != std::u32string_view::npos)
    return true;
  if (r.rel == Relative::following_year)
    return after == U'度' || after == U'货' || std::u32string_view(U"每历本此这该首多两一二三几上下各再屡").find(before) != std::u32string_view::npos;
  // 送去年货, 带去年夜饭: the verb's 去 and 年货, no year.
  if (r.rel == Relative::last_year) return (after == U'货' || after == U'夜') && std::u32string_view(U"送带捎寄拿运").find(before) != std::u32string_view::npos;
  return false;
}

// Period written after a month ("5月上旬", "5月中", "月底") or a year ("2021年底"). 初 and 中 start
// many words (5月初步完成, 5月中国…): they count only when no such word goes on.
std::size_t read_month_period(std::string_view s, std::size_t pos, Period& p) {
  struct P { std::string_view w; Period p; };
  for (const P& x : {P{"上旬", Period::first_ten_days}, P{"中旬", Period::middle_ten_days},
                     P{"下旬", Period::last_ten_days}, P{"初", Period::month_start},
                     P{"中", Period::month_middle}, P{"底", Period::month_end}, P{"末", Period::month_end}}) {
    if (!starts_at(s, pos, x.w)) continue;
    const std::size_t after = pos + x.w.size();
    const char32_t next = code_point_at(s, after);
    if (x.p == Period::month_start && std::u32string_view(U"步心衷级中次始见具稿创期").find(next) != std::u32string_view::npos)
      return 0;
    if (x.p == Period::month_middle && text::is_han(next)) {
      bool ok = false;
      for (std::string_view w : {"起", "以来", "前后", "左右", "开始", "期间", "时", "至", "到", "前", "后"})
        ok = ok || starts_at(s, after, w);
      if (!ok) return 0;
    }
    p = x.p;
    return x.w.size();
  }
  return 0;
}
std::size_t read_year_period(std::string_view s, std::size_t pos, Period& p) {
  struct P { std::string_view w; Period p; };
  for (const P& x : {P{"上半年", Period::first_half}, P{"下半年", Period::second_half},
                     P{"第一季度", Period::q1}, P{"第二季度", Period::q2}, P{"第三季度", Period::q3},
                     P{"第四季度", Period::q4}, P{"一季度", Period::q1}, P{"二季度", Period::q2},
                     P{"三季度", Period::q3}, P{"四季度", Period::q4}, P{"春季", Period::spring}, P{"春天", Period::spring},
                     P{"夏季", Period::summer}, P{"夏天", Period::summer}, P{"秋季", Period::autumn}, P{"秋天", Period::autumn},
                     P{"初", Period::year_start},
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

// 春节, 国庆节, 中秋 … at pos, with 期间/假期 after it (the holiday week). Returns the length read.
// A holiday is a date only where it says when: before a time word (当天, 期间, 上午 …), a comma
// or full stop, or at the end. 春节慰问, 中秋走访 (a kind of visit), a title such as 情暖中秋, and
// 春节前夕 / 中秋节前 / 之际 (some day before it: the date written beside it says which), a list
// (中秋、国庆“双节”) and the holiday as a thing (过上…祥和的春节, 喜迎国庆) are not.
std::size_t read_holiday(std::string_view s, std::size_t pos, Holiday& h, bool& holiday_break, bool& eve) {
  struct W { std::string_view w; Holiday h; };
  static constexpr W kWords[] = {{"国庆节", Holiday::national_day}, {"国庆", Holiday::national_day},
                                 {"春节", Holiday::spring_festival}, {"除夕", Holiday::new_years_eve},
                                 {"元旦", Holiday::new_year},        {"清明节", Holiday::qingming},
                                 {"清明", Holiday::qingming},        {"中秋节", Holiday::mid_autumn},
                                 {"中秋", Holiday::mid_autumn}};
  static constexpr std::string_view kBreaks[] = {"小长假", "黄金周", "长假", "假期", "期间"};
  static constexpr std::string_view kTimeWords[] = {"当天", "当日", "那天", "这天", "上午", "下午", "晚上", "早上",
                                                    "一早", "凌晨", "前后", "之夜", "夜"};
  for (const W& w : kWords) {
    if (!starts_at(s, pos, w.w)) continue;
    std::size_t end = pos + w.w.size();
    bool is_break = false;
    for (std::string_view x : kBreaks) {
      if (starts_at(s, end, x)) {
        is_break = true;
        end += x.size();
        break;
      }
    }
    bool timed = is_break;
    for (std::string_view x : kTimeWords) timed = timed || starts_at(s, end, x);
    // 元旦前夕, 春节前夕, 元旦前, standing as the time of what follows (元旦前，…送去): the days
    // before it. (前后 is a time word: around the day.)
    bool before_it = false;
    const std::string_view before_word = starts_at(s, end, "前夕") ? "前夕" : starts_at(s, end, "前") ? "前" : "";
    if (!is_break && !before_word.empty()) {
      const std::size_t after = end + before_word.size();
      if (after == s.size() || std::u32string_view(U",。;:").find(code_point_at(s, after)) != std::u32string_view::npos) {
        before_it = true;
        end = after;
        timed = true;
      }
    }
    const char32_t next = code_point_at(s, end);
    // Not 、: 中秋、国庆“双节”来临之际 lists the holidays a date is near.
    const bool punctuated = end == s.size() || std::u32string_view(U",，。;；:：)）").find(next) != std::u32string_view::npos;
    // 祥和的春节, 过春节, 喜迎国庆, 欢度中秋: the holiday as a thing, not a time.
    if (std::u32string_view(U"的过迎度庆贺").find(code_point_before(s, pos)) != std::u32string_view::npos) return 0;
    // 清明 is also "clean government" (政治清明): standing after a word it needs a time word.
    if (w.w == "清明" && !ends_at(s, pos, "年") && text::is_han(code_point_before(s, pos)) && !timed) return 0;
    if (!timed && !punctuated) return 0;
    h = w.h;
    holiday_break = is_break;
    eve = before_it;
    return end - pos;
  }
  return 0;
}

// 十四五, 第十四个五年规划: the number of a five-year plan (11-15) and the length read.
std::size_t read_five_year_plan(std::string_view s, std::size_t pos, int& number) {
  static constexpr std::string_view kDigits[] = {"一", "二", "三", "四", "五"};
  for (int n = 1; n <= 5; ++n) {
    const std::string short_form = fmt::format("十{}五", kDigits[n - 1]);
    const std::string long_form = fmt::format("第十{}个五年", kDigits[n - 1]);
    std::size_t len = 0;
    if (starts_at(s, pos, long_form)) {
      len = long_form.size();
    } else if (starts_at(s, pos, short_form)) {
      // Not 十四五岁 (fourteen or fifteen years old) or 十四五个人.
      const char32_t after = code_point_at(s, pos + short_form.size());
      if (std::u32string_view(U"岁个人年天元万亿名户家所台位次").find(after) != std::u32string_view::npos) continue;
      const char32_t before = code_point_before(s, pos);
      if (is_digit(before) || chinese_small_digit(before) >= 0 || before == U'十' || before == U'第') continue;
      len = short_form.size();
    } else {
      continue;
    }
    number = 10 + n;
    return len;
  }
  return 0;
}

// A range with its unit written once: 1至9月, 24—25日, 24-25日 (a < b, both valid).
struct Elided {
  int a = 0, b = 0;
  std::size_t end = 0;
};
std::optional<Elided> read_elided(std::string_view s, std::size_t pos, bool months) {
  auto first = read_number(s, pos);
  if (!first || first->digits > 2) return std::nullopt;
  std::size_t sep = 0;
  if (!is_range_sep(s, first->end, sep)) return std::nullopt;
  auto second = read_number(s, first->end + sep);
  if (!second || second->digits > 2 || second->chinese != first->chinese) return std::nullopt;
  std::size_t end = second->end;
  if (months) {
    if (!starts_at(s, end, "月") || !valid_month(first->value) || !valid_month(second->value)) return std::nullopt;
    end += std::string_view("月").size();
  } else {
    if (!(starts_at(s, end, "日") || starts_at(s, end, "号")) || !valid_day(first->value) || !valid_day(second->value))
      return std::nullopt;
    end += std::string_view("日").size();
  }
  if (first->value >= second->value) return std::nullopt;
  return Elided{first->value, second->value, end};
}

// One date expression at pos with its written parts; a range only where the unit is written once.
struct Point {
  DatePart d;
  std::optional<DatePart> to;
  std::size_t end = 0;
  Period period = Period::none;
  Holiday holiday = Holiday::none;
  bool holiday_break = false;
  bool holiday_eve = false;
};

// After a month (5月 / 今年5月): a day, a day range written once (24—25日) or a period (上旬, 初).
std::size_t read_after_month(std::string_view s, std::size_t i, Point& pt) {
  auto dd = read_number(s, i);
  if (dd && (starts_at(s, dd->end, "日") || starts_at(s, dd->end, "号")) && valid_day(dd->value)) {
    pt.d.day = dd->value;
    return dd->end + 3;
  }
  if (auto e = read_elided(s, i, false)) {
    pt.d.day = e->a;
    pt.to = DatePart{pt.d.year, pt.d.month, e->b};
    return e->end;
  }
  if (std::size_t n = read_month_period(s, i, pt.period); n > 0) return i + n;
  return i;
}

// After a year (2021年 / 今年): a period, a holiday, a month range written once, or a month.
std::size_t read_after_year(std::string_view s, std::size_t i, Point& pt) {
  if (std::size_t n = read_year_period(s, i, pt.period); n > 0) return i + n;
  if (std::size_t n = read_holiday(s, i, pt.holiday, pt.holiday_break, pt.holiday_eve); n > 0) return i + n;
  if (auto e = read_elided(s, i, true)) {
    pt.d.month = e->a;
    pt.to = DatePart{pt.d.year, e->b, 0};
    return e->end;
  }
  auto m = read_number(s, i);
  if (m && starts_at(s, m->end, "月") && valid_month(m->value)) {
    pt.d.month = m->value;
    return read_after_month(s, m->end + std::string_view("月").size(), pt);
  }
  return i;
}

std::optional<Point> read_point(std::string_view s, std::size_t pos, bool allow_bare_day) {
  auto first = read_number(s, pos);
  if (!first) return std::nullopt;
  Point pt;
  std::size_t i = first->end;
  const bool four = (first->digits == 4) && valid_year(first->value);
  // 2021.6.5 / 2021-06-05 / 2021/6/5 (and 2021.6)
  if (four && !first->chinese && i < s.size() && is_date_sep(s[i])) {
    const char sep = s[i];
    auto m = read_number(s, i + 1);
    if (m && !m->chinese && m->digits <= 2 && valid_month(m->value)) {
      pt.d.year = first->value;
      pt.d.month = m->value;
      i = m->end;
      if (i < s.size() && s[i] == sep) {
        auto dd = read_number(s, i + 1);
        if (dd && !dd->chinese && dd->digits <= 2 && valid_day(dd->value)) {
          pt.d.day = dd->value;
          i = dd->end;
        }
      }
      // Not part of a longer number such as 2021.6.5.7 or 2.23亿
      if (i < s.size() && (is_digit(static_cast<unsigned char>(s[i])) || s[i] == '.' || starts_at(s, i, "万") || starts_at(s, i, "亿")))
        return std::nullopt;
      pt.end = i;
      return pt;
    }
    return std::nullopt;
  }
  if (starts_at(s, i, "年")) {
    if (!four) return std::nullopt;  // 30年: a duration
    pt.d.year = first->value;
    pt.end = read_after_year(s, i + std::string_view("年").size(), pt);
    return pt;
  }
  if (starts_at(s, i, "月") && first->digits <= 2 && valid_month(first->value)) {
    // 个月 is a duration; "月" must directly follow the number.
    pt.d.month = first->value;
    pt.end = read_after_month(s, i + std::string_view("月").size(), pt);
    return pt;
  }
  if (allow_bare_day && (starts_at(s, i, "日") || starts_at(s, i, "号")) && first->digits <= 2 && valid_day(first->value)) {
    // (“一日捐”, 一日游: a day in words with a noun after it counts days; 五日上午 is a date.)
    if (first->chinese && i + 3 < s.size()) {
      std::size_t next = i + 3;
      const char32_t after = text::next_code_point(s, next);
      if (text::is_han(after) && std::u32string_view(U"上下晚早中凌傍起至到").find(after) == std::u32string_view::npos) return std::nullopt;
    }
    pt.d.day = first->value;
    pt.end = i + 3;
    return pt;
  }
  // 1至9月, and (where a bare day may stand) 24—25日.
  if (auto e = read_elided(s, pos, true)) {
    pt.d.month = e->a;
    pt.to = DatePart{0, e->b, 0};
    pt.end = e->end;
    return pt;
  }
  if (allow_bare_day) {
    if (auto e = read_elided(s, pos, false)) {
      pt.d.day = e->a;
      pt.to = DatePart{0, 0, e->b};
      pt.end = e->end;
      return pt;
    }
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
    case Period::month_middle: return days(11, 20);
    case Period::month_end: return days(25, 0);
    case Period::year_start: return months(1, 2);
    case Period::year_end: return months(11, 12);
    case Period::first_half: return months(1, 6);
    case Period::second_half: return months(7, 12);
    case Period::q1: return months(1, 3);
    case Period::q2: return months(4, 6);
    case Period::q3: return months(7, 9);
    case Period::q4: return months(10, 12);
    case Period::spring: return months(3, 5);
    case Period::summer: return months(6, 8);
    case Period::autumn: return months(9, 11);
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

namespace {

// A holiday's plan words: only the explicit ones (春节前 is before the holiday, not a deadline).
bool holiday_plan(std::string_view s, std::size_t begin) {
  for (std::string_view w : {"锚定", "力争", "争取", "预计", "计划", "目标"})
    if (ends_at(s, begin, w)) return true;
  // (…慰问金，重点用于困难群众春节期间的生活救助: what the money is for, not when it was given.)
  std::size_t at = begin;
  for (int chars = 0; chars < 12 && at > 0; ++chars) {
    at = text::previous_code_point_start(s, at);
    const char32_t cp = code_point_at(s, at);
    if (!text::is_han(cp)) break;
    if (starts_at(s, at, "用于") || starts_at(s, at, "用作")) return true;
  }
  return false;
}

// A part of a year or month written without it (一季度, 月底): of the one named last, or the page's.
DateMention period_alone(std::string_view s, Span span, Relative relative, Period p) {
  DateMention m;
  m.span = span;
  m.relative = relative;
  m.period = p;
  m.since = runs_on_to_now(s, m.span.end);
  m.plan = looks_like_plan(s, m);
  return m;
}

// Characters that make a following 月初/月中/月底 part of another word: 岁月中, 每月初, 正月初,
// 蜜月, 数月 ….
constexpr std::u32string_view kNotBeforeBareMonth = U"岁个年日明风蜜满正腊每数半隔逐按闰元跨整多两一二三四五六七八九十0123456789";

}  // namespace

// Characters a date expression can start with: the first of every relative word and holiday,
// 月 (月初, 月底), numerals and 第. Any other character is passed over at once.
bool may_start_date(char32_t cp) {
  // One bit per character of the Basic Multilingual Plane, set once.
  static const std::vector<bool> starts = [] {
    std::vector<bool> out(0x10000, false);
    for (char32_t c : std::u32string_view(U"月国春除元清中第十零上本这〇一二两三四五六七八九0123456789")) out[c] = true;
    for (const Relword& r : kRelatives) {
      std::size_t i = 0;
      out[next_code_point(r.word, i) & 0xFFFF] = true;
    }
    return out;
  }();
  return cp < 0x10000 ? starts[cp] : false;
}

std::vector<DateMention> scan_dates(std::string_view s) {
  std::vector<DateMention> out;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t next = i; !may_start_date(next_code_point(s, next))) {
      i = next;
      continue;
    }
    // 上周五, 上星期三, 本周二: a weekday of last week or this one, from the publication day.
    {
      std::size_t at = i;
      Relative rel = Relative::none;
      for (std::string_view w : {"上周", "上星期", "上个星期"})
        if (rel == Relative::none && starts_at(s, i, w)) rel = Relative::last_week, at = i + w.size();
      for (std::string_view w : {"本周", "这周", "本星期", "这个星期"})
        if (rel == Relative::none && starts_at(s, i, w)) rel = Relative::this_week, at = i + w.size();
      if (rel != Relative::none && at < s.size()) {
        std::size_t j = at;
        const std::size_t k = std::u32string_view(U"一二三四五六日天").find(next_code_point(s, j));
        if (k != std::u32string_view::npos) {
          DateMention m;
          m.span = {i, j};
          m.relative = rel;
          m.weekday = k >= 6 ? 7 : static_cast<unsigned>(k + 1);
          out.push_back(m);
          i = j;
          continue;
        }
      }
    }
    // 七年前, 3年前: so many years before the reference year (年前 alone is before the new year).
    // (Not 2018年前 nor 十余年前: a year, or a vague count.)
    if (auto n = read_number(s, i); n && n->value >= 1 && n->value <= 30 && n->digits <= 2 && starts_at(s, n->end, "年前") &&
                                    !(i > 0 && is_digit(static_cast<unsigned char>(s[i - 1])))) {
      DateMention m;
      m.span = {i, n->end + std::string_view("年前").size()};
      m.relative = Relative::years_ago;
      m.years_ago = n->value;
      out.push_back(m);
      i = m.span.end;
      continue;
    }
    // Relative words first (they contain 年/月 and must not be read as numbers).
    bool matched = false;
    for (const Relword& r : kRelatives) {
      if (!starts_at(s, i, r.word) || relword_blocked(s, i, r)) continue;
      DateMention m;
      m.span = {i, i + r.word.size()};
      m.relative = r.rel;
      m.period = r.period;
      std::size_t end = m.span.end;
      if (is_year_relative(r.rel) && r.period == Period::none) {
        Period p = Period::none;
        // 去年底, 今年上半年, 去年年底
        const std::size_t skip = starts_at(s, end, "年初") || starts_at(s, end, "年底") || starts_at(s, end, "年末") || starts_at(s, end, "岁末") ? 3 : 0;
        if (std::size_t n = read_year_period(s, end + skip, p); n > 0) {
          m.period = p;
          end += skip + n;
        } else {
          // 去年5月, 今年10月24日, 今年1至9月, 去年春节, 次年3月上旬
          Point pt;
          const std::size_t e = read_after_year(s, end, pt);
          if (e > end) {
            m.from.month = pt.d.month;
            m.from.day = pt.d.day;
            m.to = pt.to;
            m.period = pt.period;
            m.holiday = pt.holiday;
            m.holiday_break = pt.holiday_break;
            m.holiday_eve = pt.holiday_eve;
            end = e;
          }
        }
      } else if (is_month_relative(r.rel)) {
        // 本月初, 上月底, 当月中旬
        Period p = Period::none;
        if (std::size_t n = read_month_period(s, end, p); n > 0) {
          m.period = p;
          end += n;
        } else if (auto dd = read_number(s, end); dd && dd->digits <= 2 && valid_day(dd->value) &&
                                                  (starts_at(s, dd->end, "日") || starts_at(s, dd->end, "号"))) {
          // 上月28日, 本月5号: a day of that month.
          m.from.day = dd->value;
          end = dd->end + std::string_view("日").size();
        }
      }
      m.span.end = end;
      m.since = runs_on_to_now(s, end);
      m.plan = m.holiday != Holiday::none ? holiday_plan(s, m.span.begin) : looks_like_plan(s, m);  // 年底前: a deadline ahead
      out.push_back(m);
      i = end;
      matched = true;
      break;
    }
    if (matched) continue;

    // A holiday standing alone: 春节期间, 国庆节, 中秋.
    {
      DateMention m;
      if (const std::size_t n = read_holiday(s, i, m.holiday, m.holiday_break, m.holiday_eve); n > 0) {
        m.span = {i, i + n};
        m.since = runs_on_to_now(s, m.span.end);
        m.plan = holiday_plan(s, i);
        out.push_back(m);
        i += n;
        continue;
      }
    }
    // 一季度, 上半年 without a year: a part of the year last named (or the page's year).
    {
      Period p = Period::none;
      if (const std::size_t n = read_year_period(s, i, p);
          n > 0 && p != Period::year_start && p != Period::year_end && p != Period::spring && p != Period::summer && p != Period::autumn &&
          code_point_before(s, i) != U'年' && code_point_before(s, i) != U'第') {
        out.push_back(period_alone(s, {i, i + n}, Relative::same_year, p));
        i += n;
        continue;
      }
    }
    // 月初, 月中, 月底 without a month: the month of the last date (or the reference).
    if (starts_at(s, i, "月") && kNotBeforeBareMonth.find(code_point_before(s, i)) == std::u32string_view::npos) {
      Period p = Period::none;
      const std::size_t at = i + std::string_view("月").size();
      if (std::size_t n = read_month_period(s, at, p);
          n > 0 && (p == Period::month_start || p == Period::month_middle || p == Period::month_end)) {
        out.push_back(period_alone(s, {i, at + n}, Relative::same_month, p));
        i = at + n;
        continue;
      }
    }

    const char32_t cp = code_point_at(s, i);
    const bool can_start = is_digit(cp) || chinese_small_digit(cp) >= 0 || cp == U'十' || cp == U'第';
    const char32_t before = code_point_before(s, i);
    if (!can_start || is_digit(before) || before == U'.' || chinese_small_digit(before) >= 0 || before == U'十') {
      next_code_point(s, i);
      continue;
    }
    // A five-year plan: 十四五 = 2021..2025. A plan period, never an event's date.
    if (int n = 0; const std::size_t len = read_five_year_plan(s, i, n)) {
      DateMention m;
      m.span = {i, i + len};
      const int start = 1966 + 5 * (n - 3);  // the third plan began in 1966 (1963-65 had none)
      m.from.year = start;
      m.to = DatePart{start + 4, 0, 0};
      m.five_year_plan = true;
      m.plan = true;
      m.since = runs_on_to_now(s, m.span.end);  // “十四五”以来: 2021 to the reference
      out.push_back(m);
      i += len;
      continue;
    }
    auto point = read_point(s, i, true);
    if (!point) {
      next_code_point(s, i);
      continue;
    }
    DateMention m;
    m.from = point->d;
    m.to = point->to;
    m.period = point->period;
    m.holiday = point->holiday;
    m.holiday_break = point->holiday_break;
    m.holiday_eve = point->holiday_eve;
    std::size_t end = point->end;
    // A written range: 10月24日~25日, 2021年3月至5月, 2019年至2021年, 10月30日至11月2日.
    std::size_t sep = 0;
    if (!m.to && m.period == Period::none && m.holiday == Holiday::none && is_range_sep(s, end, sep)) {
      if (auto second = read_point(s, end + sep, m.from.day != 0);
          second && second->period == Period::none && !second->to && second->holiday == Holiday::none) {
        DatePart to = second->d;
        // Both ends have the same shape; the second may leave out its leading parts.
        const bool days_match = (m.from.day != 0) == (to.day != 0);
        const bool months_match = m.from.day != 0 || (m.from.month != 0) == (to.month != 0);
        const bool years_ok = m.from.year != 0 || to.year == 0;
        const bool shape_ok = days_match && months_match && years_ok;
        if (shape_ok) {
          m.to = fill(to, m.from);
          end = second->end;
        }
      }
    } else if (m.to) {
      m.to = fill(*m.to, m.from);
    }
    m.span = {i, end};
    m.since = runs_on_to_now(s, end);
    m.plan = m.holiday != Holiday::none ? holiday_plan(s, i) : looks_like_plan(s, m);
    out.push_back(m);
    i = end;
  }
  return out;
}

namespace {

// The holiday data (data/holidays.tsv), read once.
struct HolidayYear {
  int year = 0;
  year_month_day spring_festival{}, qingming{}, mid_autumn{};
};

const std::vector<HolidayYear>& holiday_table() {
  static const std::vector<HolidayYear> table = [] {
    std::vector<HolidayYear> rows;
    const std::string_view text = data::holidays();
    for (std::size_t pos = 0; pos < text.size();) {
      std::size_t eol = text.find('\n', pos);
      if (eol == std::string_view::npos) eol = text.size();
      const std::string_view line = text.substr(pos, eol - pos);
      pos = eol + 1;
      if (line.empty() || line[0] == '#') continue;
      int y = 0, m[3] = {}, d[3] = {};
      auto num = [](std::string_view t, int& out) {
        return std::from_chars(t.data(), t.data() + t.size(), out).ec == std::errc{};
      };
      // year<TAB>MM-DD<TAB>MM-DD<TAB>MM-DD
      if (line.size() < 4 + 3 * 6 || !num(line.substr(0, 4), y))
        throw std::runtime_error(fmt::format("data/holidays.tsv: cannot read line '{}'", line));
      for (int k = 0; k < 3; ++k) {
        const std::size_t at = 5 + static_cast<std::size_t>(k) * 6;
        if (!num(line.substr(at, 2), m[k]) || !num(line.substr(at + 3, 2), d[k]))
          throw std::runtime_error(fmt::format("data/holidays.tsv: cannot read line '{}'", line));
      }
      auto ymd = [&](int k) { return year_month_day{year{y}, month{static_cast<unsigned>(m[k])}, day{static_cast<unsigned>(d[k])}}; };
      HolidayYear row{y, ymd(0), ymd(1), ymd(2)};
      if (!row.spring_festival.ok() || !row.qingming.ok() || !row.mid_autumn.ok())
        throw std::runtime_error(fmt::format("data/holidays.tsv: not a date in line '{}'", line));
      rows.push_back(row);
    }
    return rows;
  }();
  return table;
}

}  // namespace

std::optional<date::year_month_day> holiday_date(Holiday h, int y) {
  switch (h) {
    case Holiday::none: return std::nullopt;
    case Holiday::new_year: return year{y} / January / 1;
    case Holiday::national_day: return year{y} / October / 1;
    default: break;
  }
  for (const HolidayYear& row : holiday_table()) {
    if (row.year != y) continue;
    switch (h) {
      case Holiday::spring_festival: return row.spring_festival;
      case Holiday::new_years_eve: return year_month_day{sys_days{row.spring_festival} - days{1}};
      case Holiday::qingming: return row.qingming;
      case Holiday::mid_autumn: return row.mid_autumn;
      default: return std::nullopt;
    }
  }
  return std::nullopt;
}

void DateResolver::set_last(const DateRange& d) {
  last_end_ = std::string_view::npos;
  last_ = d;
  if (d.precision == Precision::day) last_day_ = d;
}

namespace {

// The day or week of a holiday in year y: 春节期间 is 除夕 to 初六, 国庆假期 1-7 October; the
// other holidays' breaks vary by year and resolve to the day itself.
std::optional<DateRange> holiday_in(const DateMention& m, int y) {
  const auto d = holiday_date(m.holiday, y);
  if (!d) return std::nullopt;
  if (m.holiday_break && m.holiday == Holiday::spring_festival)
    return DateRange{year_month_day{sys_days{*d} - days{1}}, year_month_day{sys_days{*d} + days{6}}, Precision::day};
  if (m.holiday_break && m.holiday == Holiday::national_day)
    return DateRange{*d, year{y} / October / 7, Precision::day};
  // (前夕: the month before it, visits 春节前夕 being made up to three weeks ahead, within the year
  // of the day before it: 春节前夕 of a late-January 春节 is still that year, 元旦前夕 is December.)
  if (m.holiday_eve) {
    const year_month_day last{sys_days{*d} - days{1}};
    year_month_day first{sys_days{*d} - days{30}};
    if (first.year() != last.year()) first = last.year() / January / 1;
    return DateRange{first, last, Precision::day};
  }
  return DateRange::day(*d);
}

}  // namespace

std::optional<DateRange> DateResolver::resolve_relative(const DateMention& m) const {
  const auto ref_year = [&]() -> std::optional<year> {
    if (reference_) return reference_->first.year();
    return std::nullopt;
  };
  auto with_period = [&](DateRange r) { return apply_period(r, m.period); };
  // A month named by a word (本月初, 上月底, 月中) keeps month precision; only the ten-day periods
  // (本月上旬) narrow it, as they do after a numbered month.
  auto month_period = [&](DateRange r) {
    const bool ten_days = m.period == Period::first_ten_days || m.period == Period::middle_ten_days ||
                          m.period == Period::last_ten_days;
    return ten_days ? with_period(r) : r;
  };
  // A month named by a word: the day written after it (上月28日, 同月28日), else the month itself.
  auto month_based = [&](year y, month mo) -> std::optional<DateRange> {
    if (m.from.day == 0) return month_period(DateRange::month(y, mo));
    const year_month_day d{y, mo, day{static_cast<unsigned>(m.from.day)}};
    return d.ok() ? std::optional<DateRange>(DateRange::day(d)) : std::nullopt;
  };
  auto year_based = [&](std::optional<year> y) -> std::optional<DateRange> {
    if (!y) return std::nullopt;
    if (m.holiday != Holiday::none) return holiday_in(m, static_cast<int>(*y));
    if (m.from.month != 0) {
      const month mo{static_cast<unsigned>(m.from.month)};
      DateRange r;
      if (m.from.day != 0) {
        year_month_day d{*y, mo, day{static_cast<unsigned>(m.from.day)}};
        if (!d.ok()) return std::nullopt;
        r = DateRange::day(d);
      } else {
        r = with_period(DateRange::month(*y, mo));
      }
      // 今年1至9月, 去年10月24—25日: the end written once.
      if (m.to && m.to->month != 0) {
        const month to_month{static_cast<unsigned>(m.to->month)};
        const year_month_day end = m.to->day != 0 ? year_month_day{*y, to_month, day{static_cast<unsigned>(m.to->day)}}
                                                  : last_day_of(*y, to_month);
        if (!end.ok() || sys_days{end} < sys_days{r.first}) return std::nullopt;
        r.last = end;
      }
      return r;
    }
    return with_period(DateRange::year(*y));
  };
  switch (m.relative) {
    case Relative::same_day:
    case Relative::next_day:
    case Relative::previous_day: {
      std::optional<DateRange> anchor = last_day_;
      // 2023年6月签约当天: that day of the month just named (its day unknown), not an older day.
      // (Only in the same sentence: 同日 a paragraph later is the day of the article's event.)
      if (m.relative == Relative::same_day && last_ && last_->precision == Precision::month && last_end_ <= m.span.begin)
        anchor = last_;
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
    case Relative::last_week:
    case Relative::this_week: {
      // Counted from the publication day: its week's Monday, less a week for 上周.
      if (!reference_ || reference_->precision != Precision::day || m.weekday < 1 || m.weekday > 7) return std::nullopt;
      const sys_days ref{reference_->first};
      const sys_days monday = ref - days{date::weekday{ref}.iso_encoding() - 1};
      const sys_days day = monday - days{m.relative == Relative::last_week ? 7 : 0} + days{m.weekday - 1};
      return DateRange::day(year_month_day{day});
    }
    case Relative::today:
    case Relative::yesterday:
    case Relative::day_before_yesterday: {
      // Counted from the publication day, not from the last date the text mentioned.
      if (!reference_ || reference_->precision != Precision::day) return std::nullopt;
      const int back = m.relative == Relative::today ? 0 : m.relative == Relative::yesterday ? 1 : 2;
      return DateRange::day(year_month_day{sys_days{reference_->first} - days{back}});
    }
    case Relative::this_year: {
      // (岁末 in a page of early January: the end of the year just past, not of the year begun.)
      auto r = year_based(ref_year());
      if (r && m.period == Period::year_end && !m.plan && reference_ && r->first > reference_->last)
        if (auto y = ref_year()) return year_based(*y - years{1});
      return r;
    }
    case Relative::last_year: if (auto y = ref_year()) return year_based(*y - years{1}); return std::nullopt;
    case Relative::year_before_last: if (auto y = ref_year()) return year_based(*y - years{2}); return std::nullopt;
    case Relative::years_ago: if (auto y = ref_year()) return year_based(*y - years{m.years_ago}); return std::nullopt;
    case Relative::next_year: if (auto y = ref_year()) return year_based(*y + years{1}); return std::nullopt;
    case Relative::same_year: {
      if (last_) return year_based(last_->first.year());
      // (一季度 on a page of January: the year just past, whose quarter is over.)
      auto r = year_based(ref_year());
      if (r && m.period != Period::none && !m.plan && reference_ && r->first > reference_->last)
        if (auto y = ref_year()) return year_based(*y - years{1});
      return r;
    }
    case Relative::following_year: {
      // (“2018年底和高新区结上对子…”6月5日，…。次年3月，高新区拨付…, on a page of 2020: the year after
      // the one written out, when the date last read would put it past the page's own year.)
      if (last_ && last_written_year_ != 0 && reference_ && last_->first.year() + years{1} > reference_->last.year() &&
          date::year{last_written_year_} + years{1} <= reference_->last.year())
        return year_based(date::year{last_written_year_} + years{1});
      if (last_) return year_based(last_->first.year() + years{1});
      if (auto y = ref_year()) return year_based(*y + years{1});
      return std::nullopt;
    }
    case Relative::same_month: {
      std::optional<DateRange> anchor = last_ && last_->precision != Precision::year ? last_ : reference_;
      if (!anchor || anchor->precision == Precision::year) return std::nullopt;
      return month_based(anchor->first.year(), anchor->first.month());
    }
    case Relative::this_month:
    case Relative::last_month: {
      if (!reference_ || reference_->precision == Precision::year) return std::nullopt;
      year_month ym{reference_->first.year(), reference_->first.month()};
      if (m.relative == Relative::last_month) ym -= months{1};
      return month_based(ym.year(), ym.month());
    }
    case Relative::none: break;
  }
  return std::nullopt;
}

std::optional<DateRange> DateResolver::resolve(const DateMention& m) {
  std::optional<DateRange> result;
  if (m.relative != Relative::none) {
    result = resolve_relative(m);
  } else if (m.holiday != Holiday::none) {
    // The year written (2021年春节), or else counted from the last date mentioned (a year only:
    // that year) or the reference: the latest occurrence at most 60 days after it. Visits and
    // gifts "before 春节" are reported in the weeks before it, so 春节 in a January report is the
    // coming one; in an October report it is the one past.
    if (m.from.year != 0) {
      result = holiday_in(m, m.from.year);
    } else {
      // (前夕 is counted from the report itself: a chronicle's 6月 … 国庆前夕 is not the one after June.)
      const bool from_report = m.holiday_eve && reference_ && reference_->precision == Precision::day;
      // (Nor from a date past the report, a plan's year: 拟在2026年安排…。国庆节当天，… is this year's.)
      const bool last_ahead = last_ && reference_ && sys_days{last_->first} > sys_days{reference_->last};
      const std::optional<DateRange> anchor = from_report || (last_ahead && !m.plan) ? reference_ : last_ ? last_ : reference_;
      if (anchor && anchor->precision == Precision::year) {
        result = holiday_in(m, static_cast<int>(anchor->first.year()));
      } else if (anchor) {
        const int y0 = static_cast<int>(anchor->first.year());
        const sys_days horizon = sys_days{anchor->first} + days{60};
        for (int y = y0 - 1; y <= y0 + 1; ++y)
          if (auto r = holiday_in(m, y); r && sys_days{r->first} <= horizon) result = r;
        // (元旦前夕 in a report of 8 January is the end of December; 春节前夕 in a report written
        // before the holiday ends on the day of the report.)
        if (result && m.holiday_eve && anchor->precision == Precision::day && result->last > anchor->first) {
          result->last = anchor->first;
          if (result->first > result->last) result = DateRange::day(anchor->first);
        }
      }
      // (9月12日，中秋节前夕，…: the day written beside it says which.)
      if (result && m.holiday_eve && last_ && last_->precision == Precision::day && last_->first == last_->last &&
          result->first <= last_->first && last_->last <= result->last) {
        result = last_;
      }
    }
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
      // An end before the start in the same year runs over a year end (12月28日至1月3日) or,
      // written with days only, a month end (28日至3日).
      if (end && sys_days{end->last} < sys_days{result->first} && to.year == from->year) {
        if (to.month != 0 && to.month != from->month) {
          to.year += 1;
        } else if (to.day != 0) {
          const year_month ym = year_month{year{to.year}, month{static_cast<unsigned>(to.month)}} + months{1};
          to.year = static_cast<int>(ym.year());
          to.month = static_cast<int>(static_cast<unsigned>(ym.month()));
        }
        end = to_range(to);
      }
      if (!end || sys_days{end->last} < sys_days{result->first}) return std::nullopt;
      result->last = end->last;
    }
    if (result) result = apply_period(*result, m.period);
  }
  // 今年以来, 2021年以来, 5月至今: from the start of the mention to the reference (its last
  // day), at the precision written: 今年以来 is 2024-01-01..2024-10-25 as a year ("2024"),
  // 2021年以来 "2021..2024", 5月以来 "2024-05..2024-10".
  if (result && m.since && reference_ && sys_days{reference_->last} >= sys_days{result->first})
    result->last = reference_->last;
  // A five-year plan is no date the text is at: relative words after it count from the date before.
  // (Nor a holiday said as a purpose, 用于…春节期间的生活救助: the story's time stays.)
  if (result && !m.five_year_plan && !(m.plan && m.holiday != Holiday::none)) {
    set_last(*result);
    last_end_ = m.span.end;
    if (m.from.year != 0 && !m.plan && m.relative == Relative::none) last_written_year_ = m.from.year;
  }
  return result;
}

// 以来 or 至今 right after a mention (“十四五”以来: past a closing quote): the period runs on to
// the reference.
bool runs_on_to_now(std::string_view s, std::size_t end) {
  for (std::string_view quote : {"”", "\"", "」"})
    if (starts_at(s, end, quote)) {
      end += quote.size();
      break;
    }
  // (去年12月28日至今年1月3日: 至 then 今年, a range, not 至今.)
  return starts_at(s, end, "以来") || (starts_at(s, end, "至今") && !starts_at(s, end + std::string_view("至今").size(), "年"));
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
