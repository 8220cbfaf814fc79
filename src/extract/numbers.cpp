#include "aidledger/extract/numbers.hpp"

#include <array>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract {
namespace {

using text::code_point_at;
using text::code_point_before;
using text::next_code_point;
using text::starts_at;

constexpr int128 kScale = 100'000'000;  // 10^8
constexpr int128 kScalePerFen = 1'000'000;  // one fen is 10^6 of the scaled value

// Why a numeral was not read: `none` when it is no number at all (一〇一, 2021.6.5); the others
// are numbers that cannot be read exactly, which scan_measures refuses with a reason.
enum class Problem { none, too_large, inexact };

int chinese_digit(char32_t cp) {
  switch (cp) {
    case U'零': case U'〇': return 0;
    case U'一': case U'壹': return 1;
    case U'二': case U'两': case U'贰': case U'貳': case U'兩': return 2;
    case U'三': case U'叁': case U'參': return 3;
    case U'四': case U'肆': return 4;
    case U'五': case U'伍': return 5;
    case U'六': case U'陆': case U'陸': return 6;
    case U'七': case U'柒': return 7;
    case U'八': case U'捌': return 8;
    case U'九': case U'玖': return 9;
    default: return -1;
  }
}

std::int64_t chinese_multiplier(char32_t cp) {
  switch (cp) {
    case U'十': case U'拾': return 10;
    case U'百': case U'佰': return 100;
    case U'千': case U'仟': return 1000;
    case U'万': case U'萬': return 10'000;
    case U'亿': case U'億': return 100'000'000;
    default: return 0;
  }
}

bool is_ascii_digit(char32_t cp) { return cp >= U'0' && cp <= U'9'; }

bool is_numeral_char(char32_t cp) {
  return is_ascii_digit(cp) || chinese_digit(cp) >= 0 || chinese_multiplier(cp) > 0;
}

// Reads an Arabic literal "1,234.56" starting at pos; returns the value scaled by 10^8. Decimals
// past the eighth must be zeros (1.234567890 is exact); a nonzero one is `inexact`, not dropped.
std::optional<int128> read_arabic(std::string_view s, std::size_t& pos, Problem& problem) {
  int128 whole = 0;
  std::size_t i = pos, digits_in_group = 0;
  bool grouped = false;
  while (i < s.size()) {
    if (is_ascii_digit(static_cast<unsigned char>(s[i]))) {
      whole = whole * 10 + (s[i] - '0');
      ++digits_in_group;
      if (whole > static_cast<int128>(1) << 80) {
        problem = Problem::too_large;
        return std::nullopt;
      }
      ++i;
    } else if (s[i] == ',' && i + 3 < s.size() &&
               is_ascii_digit(static_cast<unsigned char>(s[i + 1])) &&
               is_ascii_digit(static_cast<unsigned char>(s[i + 2])) &&
               is_ascii_digit(static_cast<unsigned char>(s[i + 3])) &&
               (i + 4 >= s.size() || !is_ascii_digit(static_cast<unsigned char>(s[i + 4])) || s[i + 4] == ',')) {
      // A thousands separator: exactly three digits follow.
      if (!grouped && digits_in_group > 3) return std::nullopt;
      grouped = true;
      digits_in_group = 0;
      ++i;
    } else {
      break;
    }
  }
  if (grouped && digits_in_group != 3) return std::nullopt;
  int128 value = whole * kScale;
  if (i + 1 < s.size() && s[i] == '.' && is_ascii_digit(static_cast<unsigned char>(s[i + 1]))) {
    ++i;
    int128 place = kScale / 10;
    while (i < s.size() && is_ascii_digit(static_cast<unsigned char>(s[i]))) {
      if (place == 0) {
        if (s[i] != '0') {  // a ninth decimal (or later) that is not zero: not exact at 10^-8
          problem = Problem::inexact;
          return std::nullopt;
        }
      } else {
        value += (s[i] - '0') * place;
        place /= 10;
      }
      ++i;
    }
    if (i < s.size() && s[i] == '.') return std::nullopt;  // 2021.6.5 is a date, not a number
  }
  pos = i;
  return value;
}

}  // namespace

namespace {

// Checked int128 arithmetic: a numeral too large for int128 is refused, never wrapped.
bool checked_mul(int128& a, int128 b) { return !__builtin_mul_overflow(a, b, &a); }
bool checked_add(int128& a, int128 b) { return !__builtin_add_overflow(a, b, &a); }

// Digits after 点 (一点五万, 零点八万), scaled by 10^8. Advances pos past them. As for Arabic
// decimals, digits past the eighth must be zeros.
std::optional<int128> read_chinese_fraction(std::string_view s, std::size_t& pos, Problem& problem) {
  int128 value = 0, place = kScale / 10;
  std::size_t i = pos, count = 0;
  while (i < s.size()) {
    std::size_t j = i;
    const int d = chinese_digit(next_code_point(s, j));
    if (d < 0) break;
    if (place == 0) {
      if (d != 0) {
        problem = Problem::inexact;
        return std::nullopt;
      }
    } else {
      value += d * place;
      place /= 10;
    }
    ++count;
    i = j;
  }
  if (count == 0) return std::nullopt;
  pos = i;
  return value;
}

// parse_numeral, saying in `problem` why a number could not be read exactly.
std::optional<Numeral> parse_numeral_checked(std::string_view run, Problem& problem) {
  Numeral out;
  auto too_large = [&] {
    problem = Problem::too_large;
    return std::nullopt;
  };
  int128 yi_part = 0, wan_part = 0, section = 0;
  int128 number_value = 0;
  bool has_number = false;
  bool last_was_digit = false;  // a Chinese digit, for rejecting digit-by-digit sequences
  bool any = false;
  bool after_zero = false;      // 零 written since the last multiplier (一千零五: no 1万5 reading)
  bool single_digit = false;    // the pending number is one digit without decimals (1万5, 两千五)
  bool decimal = false;         // the pending number has a fraction (一点五)
  std::int64_t last_multiplier = 0;
  std::int64_t smallest_in_section = 0;
  for (std::size_t i = 0; i < run.size();) {
    const std::size_t at = i;
    const char32_t prev = code_point_before(run, at);
    const char32_t cp = next_code_point(run, i);
    const bool at_start = at == 0;
    if (is_ascii_digit(cp)) {
      if (has_number) return std::nullopt;
      std::size_t p = at;
      auto v = read_arabic(run, p, problem);
      if (!v) return std::nullopt;
      number_value = *v;
      has_number = true;
      single_digit = p - at == 1;
      decimal = !single_digit && *v % kScale != 0;
      i = p;
      last_was_digit = false;
      any = true;
      continue;
    }
    if (const int d = chinese_digit(cp); d >= 0) {
      if (d == 0) {
        if (last_was_digit) return std::nullopt;  // 一〇一, 二〇二一: digit sequences
        after_zero = true;                        // 一千零五: a placeholder zero
        continue;
      }
      if (has_number) return std::nullopt;
      number_value = static_cast<int128>(d) * kScale;
      has_number = true;
      last_was_digit = true;
      single_digit = true;
      any = true;
      continue;
    }
    if (cp == U'几' || cp == U'数') {
      // A vague digit, read as the round number it rounds up from (a floor that always holds):
      // nothing as the last digit (十几万 ≥ 十万), one as a leading digit (几十万 ≥ 十万, 数百万 ≥ 百万).
      if (has_number || (cp == U'数' && !at_start)) return std::nullopt;
      const std::int64_t pm = chinese_multiplier(prev);
      number_value = (pm >= 10 && pm <= 1000 ? 0 : 1) * kScale;
      has_number = true;
      single_digit = false;
      out.approximate = true;
      out.lower_bound = true;
      last_was_digit = false;
      any = true;
      continue;
    }
    if (cp == U'点') {
      // 一点五万, 零点八万, 十点五万: a decimal point written in Chinese.
      if (decimal || (!has_number && prev != U'零' && prev != U'〇' && chinese_multiplier(prev) != 10))
        return std::nullopt;
      auto frac = read_chinese_fraction(run, i, problem);
      if (!frac) return std::nullopt;
      number_value += *frac;
      has_number = true;
      decimal = true;
      single_digit = false;
      last_was_digit = false;
      any = true;
      continue;
    }
    const std::int64_t m = chinese_multiplier(cp);
    if (m == 10 || m == 100 || m == 1000) {
      // A bare 十 counts one ten; a bare 百/千 only opens the numeral (千元, 上百万, 逾千万).
      if (!has_number && m != 10 && !at_start) return std::nullopt;
      if (smallest_in_section != 0 && m >= smallest_in_section) return std::nullopt;  // 百千
      int128 term = has_number ? number_value : kScale;
      if (!checked_mul(term, m) || !checked_add(section, term)) return too_large();
      smallest_in_section = m;
      has_number = false;
      number_value = 0;
      out.trailing_multiplier = m;
    } else if (m == 10'000 || m == 100'000'000) {
      int128 term = section + number_value;
      if (!has_number && section == 0 && (m == 10'000 || wan_part == 0)) {
        if (!at_start) return std::nullopt;
        term = kScale;  // 万余元, 超亿元: a bare multiplier counts one
      }
      if (m == 10'000) {
        if (wan_part != 0) return std::nullopt;
        if (!checked_mul(term, m)) return too_large();
        wan_part = term;
      } else {
        if (yi_part != 0) return std::nullopt;
        if (!checked_add(term, wan_part) || !checked_mul(term, m)) return too_large();
        yi_part = term;
        wan_part = 0;
      }
      section = 0;
      smallest_in_section = 0;
      has_number = false;
      number_value = 0;
      out.has_multiplier = true;
      out.trailing_multiplier = m;
    } else if (cp == U'多' || cp == U'余') {
      if (!any) return std::nullopt;
      out.approximate = true;
      out.lower_bound = true;
      last_was_digit = false;
      continue;  // 2500多万: the multiplier after it still applies to the number
    } else if (cp == U'来') {
      if (!any) return std::nullopt;
      out.approximate = true;  // 十来万: about ten, "usually a little under" (not a lower bound)
      last_was_digit = false;
      continue;
    } else {
      return std::nullopt;
    }
    any = true;
    last_multiplier = m;
    after_zero = false;
    decimal = false;
    last_was_digit = false;
  }
  if (!any) return std::nullopt;
  if (has_number) {
    out.trailing_multiplier = 1;
    // 1万5 = 15,000, 2千5 = 2,500, 两万五 = 25,000: one digit after 百/千/万/亿 (no 零 between)
    // counts in the next smaller place.
    if (single_digit && !after_zero && last_multiplier >= 100) number_value *= last_multiplier / 10;
  }
  int128 total = yi_part;
  if (!checked_add(total, wan_part) || !checked_add(total, section) || !checked_add(total, number_value))
    return too_large();
  out.scaled = total;
  return out;
}

}  // namespace

std::optional<Numeral> parse_numeral(std::string_view run) {
  Problem ignored = Problem::none;
  return parse_numeral_checked(run, ignored);
}

void add_checked(std::int64_t& total, std::int64_t v, std::string_view what) {
  if (__builtin_add_overflow(total, v, &total))
    throw std::overflow_error(fmt::format("{}: the sum leaves the range of a 64-bit integer (more than ¥92,233,720,368,547,758.07); "
                                          "the ledger holds amounts past {}",
                                          what, kMaxLineText));
}

bool is_count_numeral(char32_t cp) {
  return (cp >= U'0' && cp <= U'9') || std::u32string_view(U"一二两三四五六七八九十百千万").find(cp) != std::u32string_view::npos;
}

std::optional<std::int64_t> parse_integer(std::string_view run) {
  auto n = parse_numeral(run);
  if (!n || n->scaled % kScale != 0) return std::nullopt;
  const int128 v = n->scaled / kScale;
  if (v > std::numeric_limits<std::int64_t>::max()) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

const std::vector<std::string_view>& goods_units() {
  static const std::vector<std::string_view> units = {
      "公斤", "册", "本", "台", "套", "件", "箱", "架", "辆", "张", "盒", "包", "袋", "桶", "瓶",
      "份", "双", "吨", "斤", "株", "棵", "头", "只", "盏", "顶", "床", "副", "把", "块", "个", "部", "支", "枚", "罐", "筐", "卷", "组", "艘", "片"};
  return units;
}

std::string format_fen(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t a = negative ? static_cast<std::uint64_t>(-(fen + 1)) + 1 : static_cast<std::uint64_t>(fen);
  return fmt::format("{}{}.{:02}", negative ? "-" : "", a / 100, a % 100);
}

std::string format_yuan(std::int64_t fen) {
  // (format_fen handles INT64_MIN, whose negation would overflow.)
  const std::string plain = format_fen(fen);
  const std::size_t from = fen < 0 ? 1 : 0, dot = plain.find('.');
  std::string out = fen < 0 ? "-¥" : "¥";
  for (std::size_t i = from; i < dot; ++i) {
    if (i > from && (dot - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  return out + plain.substr(dot);
}

namespace {

struct Run {
  std::size_t begin = 0, end = 0;
  Numeral value;
  std::optional<Numeral> high;  // 两三万: the upper end of a range written as neighbouring digits
  bool bare = false;            // opens with 百/千/万/亿 (千元, 上百万, 万余元)
  Problem problem = Problem::none;  // a number that cannot be read exactly: refused, not skipped
};

// 一 and 两 pair as 一两; otherwise two neighbouring digits count up by one (两三, 五六, 八九), and
// 三五 is three to five.
int pair_digit(char32_t cp) {
  if (cp == U'两' || cp == U'二') return 2;
  const int d = chinese_digit(cp);
  return d >= 1 && d <= 9 ? d : -1;
}

// 两三万, 五六千, 二三十万, 十一二万: two neighbouring digits written together are a range. The
// numeral is read once with each digit; anything else (a third digit, 一二三) is no range.
std::optional<std::pair<Numeral, Numeral>> parse_digit_pair(std::string_view run) {
  std::vector<std::size_t> starts;
  std::vector<char32_t> cps;
  for (std::size_t i = 0; i < run.size();) {
    starts.push_back(i);
    cps.push_back(next_code_point(run, i));
  }
  starts.push_back(run.size());
  auto is_digit_cp = [&](std::size_t k) { return k < cps.size() && (chinese_digit(cps[k]) >= 0 || is_ascii_digit(cps[k])); };
  for (std::size_t k = 0; k + 1 < cps.size(); ++k) {
    const int a = pair_digit(cps[k]), b = pair_digit(cps[k + 1]);
    // (三五千, 三五万: 三 and 五 pair too, "three to five", as often written as neighbours.)
    if (a < 0 || !(b == a + 1 || (a == 3 && b == 5))) continue;
    if ((k > 0 && is_digit_cp(k - 1)) || is_digit_cp(k + 2)) return std::nullopt;
    const std::string low = std::string(run.substr(0, starts[k + 1])) + std::string(run.substr(starts[k + 2]));
    const std::string high = std::string(run.substr(0, starts[k])) + std::string(run.substr(starts[k + 1]));
    auto lo = parse_numeral(low), hi = parse_numeral(high);
    if (!lo || !hi || lo->scaled >= hi->scaled) return std::nullopt;
    return std::make_pair(*lo, *hi);
  }
  return std::nullopt;
}

// Where a numeral run may start: a numeral character, or 几/数 before a multiplier (几十万).
bool starts_run(std::string_view s, std::size_t pos) {
  const char32_t cp = code_point_at(s, pos);
  if (is_numeral_char(cp)) return true;
  std::size_t j = pos;
  next_code_point(s, j);
  return (cp == U'几' || cp == U'数') && chinese_multiplier(code_point_at(s, j)) > 0;
}

// The numeral run starting at pos (digits, Chinese numerals, 多/余/来 before a multiplier, 几/数,
// 点 between Chinese digits).
std::optional<Run> read_run(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t cp = next_code_point(s, j);
    const char32_t next = code_point_at(s, j);
    const char32_t prev = i > pos ? code_point_before(s, i) : 0;
    if (is_numeral_char(cp)) {
      i = j;
    } else if ((cp == U'.' || cp == U',') && i > pos && is_ascii_digit(prev) && is_ascii_digit(next)) {
      i = j;
    } else if ((cp == U'多' || cp == U'余' || cp == U'来') && i > pos && chinese_multiplier(next) >= 10'000) {
      i = j;  // 2500多万元, 十余万, 十来万
    } else if (cp == U'几' && (chinese_multiplier(next) > 0 || (i > pos && chinese_multiplier(prev) >= 10))) {
      i = j;  // 几十万, 十几万, 十几元
    } else if (cp == U'数' && i == pos && chinese_multiplier(next) > 0) {
      i = j;  // 数十万
    } else if (cp == U'点' && i > pos && (chinese_digit(prev) >= 0 || chinese_multiplier(prev) == 10) &&
               chinese_digit(next) >= 0) {
      i = j;  // 一点五万, 零点八万
    } else {
      break;
    }
  }
  if (i == pos) return std::nullopt;
  const std::string_view text = s.substr(pos, i - pos);
  Run r{pos, i, {}, std::nullopt, chinese_multiplier(code_point_at(s, pos)) >= 100};
  Problem problem = Problem::none;
  if (auto v = parse_numeral_checked(text, problem)) {
    r.value = *v;
    return r;
  }
  if (problem != Problem::none) {
    r.problem = problem;
    return r;
  }
  if (auto pair = parse_digit_pair(text)) {
    r.value = pair->first;
    r.high = pair->second;
    return r;
  }
  return std::nullopt;
}

bool is_range_separator(char32_t cp) {
  return cp == U'至' || cp == U'到' || cp == U'~' || cp == U'-' || cp == U'—' || cp == U'–' || cp == U'〜';
}

struct Marker {
  std::string_view word;
  bool lower_bound;  // "more than": the value is a floor
};

// Approximate markers written before a number.
std::optional<Marker> approx_prefix(std::string_view s, std::size_t pos) {
  static constexpr Marker kPrefixes[] = {
      {"不少于", true}, {"不低于", true}, {"至少", true}, {"大约", false}, {"将近", false}, {"接近", false},
      {"超过", true},   {"不到", false},  {"不足", false}, {"约", false},   {"近", false},   {"逾", true},
      {"超", true}};
  for (const Marker& m : kPrefixes)
    if (text::ends_at(s, pos, m.word)) {
      // (彩超2台, B超1台: 超 ends the name of an ultrasound scanner, it says no "more than".)
      if (m.word == "超" && pos > m.word.size() && std::u32string_view(U"彩BＢ").find(code_point_before(s, pos - m.word.size())) != std::u32string_view::npos)
        return std::nullopt;
      return m;
    }
  return std::nullopt;
}

// 上百万, 上千元, 破亿: markers that only go with a bare multiplier. Not 以上/之上/加上 ….
std::optional<Marker> bare_prefix(std::string_view s, std::size_t pos) {
  for (std::string_view w : {"上", "破"}) {
    if (!text::ends_at(s, pos, w)) continue;
    const char32_t before = code_point_before(s, pos - w.size());
    // (送上千元, 献上, 奉上: 上 ends the verb, and 千元 is written alone.)
    if (std::u32string_view(U"以之加向会线网马晚早送献奉递捧带附").find(before) != std::u32string_view::npos) return std::nullopt;
    return Marker{w, true};
  }
  return std::nullopt;
}

// Currency words after the number.
std::size_t currency_length(std::string_view s, std::size_t pos) {
  for (std::string_view w : {"元人民币", "块钱", "元", "圆"})
    if (starts_at(s, pos, w)) return w.size();
  return 0;
}

// 电热毯200条, 棉被300条, 沙袋3000条: 条 counts goods only right after bedding, cloth or sandbags named before the number
// (3条生产线, 2条道路 and 一条龙 count no gift).
bool counts_cloth(std::string_view s, std::size_t pos) {
  std::size_t at = pos;
  while (at > 0) {
    const std::size_t prev = text::previous_code_point_start(s, at);
    const char32_t cp = code_point_at(s, prev);
    if (!is_ascii_digit(cp) && cp != U',' && cp != U'.' && std::u32string_view(U"一二两三四五六七八九十百千万零").find(cp) == std::u32string_view::npos)
      break;
    at = prev;
  }
  if (at == pos || at == 0) return false;
  return std::u32string_view(U"毯被巾褥袋").find(code_point_at(s, text::previous_code_point_start(s, at))) != std::u32string_view::npos;
}

std::size_t unit_length(std::string_view s, std::size_t pos, std::string& unit) {
  if (starts_at(s, pos, "条") && counts_cloth(s, pos)) {
    unit = "条";
    return std::string_view("条").size();
  }
  for (std::string_view u : goods_units()) {
    if (!starts_at(s, pos, u)) continue;
    if (u == "块" && starts_at(s, pos, "块钱")) return 0;
    // 个 counts goods only when it closes the phrase (书架60个,): 3个乡镇 and 6个方面 count other things.
    // (Except one each, after 每: 每人赠送一个新书包.)
    if (u == "个" && text::is_han(code_point_at(s, pos + u.size()))) {
      const std::size_t window = std::min<std::size_t>(pos, 36);
      const bool one_each = pos >= 3 && s.substr(pos - 3, 3) == "一" && s.substr(pos - window, window).find("每") != std::string_view::npos;
      if (!one_each) return 0;
    }
    // 片 counts goods written with a number (口罩5000片); 一片 is "a stretch of" (一片片新苗, 一片真情).
    if (u == "片" && pos >= 3 && s.substr(pos - 3, 3) == "一") return 0;
    // 一件件帮扶实事, 一台台设备, 一批批物资: the measure word said twice is "one after another", no count.
    if (pos >= 3 && s.substr(pos - 3, 3) == "一" && starts_at(s, pos + u.size(), u)) return 0;
    std::size_t len = u.size();
    unit = u;
    // 10台(套): keep the alternative unit written in brackets.
    for (std::string_view alt : goods_units()) {
      const std::string bracketed = fmt::format("({})", alt);
      if (starts_at(s, pos + len, bracketed)) {
        unit += bracketed;
        len += bracketed.size();
        break;
      }
    }
    return len;
  }
  return 0;
}

// 八角, 六分, 零五分 after 元: tenths and hundredths of a yuan (scaled by 10^8). One digit each.
std::size_t jiao_fen_length(std::string_view s, std::size_t pos, int128& extra) {
  std::size_t i = pos;
  auto small = [&](std::initializer_list<std::string_view> units, int128 per) {
    std::size_t j = i;
    const char32_t cp = next_code_point(s, j);
    const int d = is_ascii_digit(cp) ? static_cast<int>(cp - U'0') : chinese_digit(cp);
    if (d < 0 || is_ascii_digit(code_point_at(s, j))) return;
    for (std::string_view u : units) {
      if (starts_at(s, j, u)) {
        extra += d * per;
        i = j + u.size();
        return;
      }
    }
  };
  small({"角", "毛"}, kScale / 10);
  if (i == pos && starts_at(s, i, "零")) {  // 三元零五分
    const std::size_t zero = i;
    i += std::string_view("零").size();
    const std::size_t before = i;
    small({"分"}, kScale / 100);
    if (i == before) i = zero;
  } else {
    small({"分"}, kScale / 100);
  }
  return i - pos;
}

// 1万5, 2千5, 两万五: one digit after 千/万/亿, the spoken form of an amount (一百五 is as often
// a weight or a count).
bool colloquial(std::string_view s, const Run& r) {
  if (r.high || r.end - r.begin < 2) return false;
  const std::size_t last = text::previous_code_point_start(s, r.end);
  const char32_t d = code_point_at(s, last);
  if (!(is_ascii_digit(d) || chinese_digit(d) > 0)) return false;
  if (is_ascii_digit(d) && last > r.begin && is_ascii_digit(code_point_before(s, last))) return false;
  return chinese_multiplier(code_point_before(s, last)) >= 1000;
}

// Forms that are money without a currency word when nothing (or 的) follows: 一百五十万 (a
// multiplier of 万 or 亿; a bare one only with its marker: 上百万), 1万5 and 2千5.
bool implied_money_form(std::string_view s, const Run& r, bool marked) {
  return (r.value.has_multiplier && (!r.bare || marked)) || colloquial(s, r);
}

// 货款1万5已当场结清, 2千5均由…, 带来2千5现金: what says something of the amount just written, or
// names it as money (not a unit of it): an adverb, a purpose, 现金.
bool said_of_the_amount_after(std::string_view s, std::size_t pos) {
  for (std::string_view w : {"已", "均", "全部", "都", "将", "用于", "由", "现金", "现款"})
    if (starts_at(s, pos, w)) return true;
  return false;
}

std::string too_much_money() { return fmt::format("more than {}", kMaxLineText); }

std::string refusal(Problem p, MeasureKind kind) {
  if (p == Problem::inexact) return "written with more decimal places than can be read exactly";
  return kind == MeasureKind::money ? too_much_money() : "a count too large for the ledger";
}

// yuan * 10^8 -> fen, exactly, or nothing with the reason: past the ceiling of one ledger line
// (a negative value is an overflow upstream), or not a whole number of fen (0.005元 is neither
// rounded up nor dropped).
std::optional<std::int64_t> to_fen(int128 scaled, std::string& why) {
  if (scaled < 0 || scaled > static_cast<int128>(kMaxLineFen) * kScalePerFen) {
    why = too_much_money();
    return std::nullopt;
  }
  if (scaled % kScalePerFen != 0) {
    why = "not a whole number of fen";
    return std::nullopt;
  }
  return static_cast<std::int64_t>(scaled / kScalePerFen);
}

// A count of goods; a fraction (1.5台) is no count and is skipped without a reason.
std::optional<std::int64_t> to_count(int128 scaled, std::string& why) {
  if (scaled < 0) {
    why = refusal(Problem::too_large, MeasureKind::quantity);
    return std::nullopt;
  }
  if (scaled % kScale != 0) return std::nullopt;
  const int128 n = scaled / kScale;
  if (n > std::numeric_limits<std::int64_t>::max()) {
    why = refusal(Problem::too_large, MeasureKind::quantity);
    return std::nullopt;
  }
  return static_cast<std::int64_t>(n);
}

// A number that cannot be read exactly (Run::problem): refused when a currency or a goods unit
// says what it counts (99999999999999999999999999万亿元, 1.2345678912亿元), else skipped whole, so
// its tail is never read as a number of its own. Returns where scanning goes on.
std::size_t refuse_run(std::string_view s, const Run& run, std::vector<RefusedMeasure>* refused) {
  std::size_t begin = run.begin, pos = run.end;
  bool yen = false;
  for (std::string_view sign : {"¥", "人民币"})
    if (text::ends_at(s, begin, sign)) {
      begin -= sign.size();
      yen = true;
    }
  if (starts_at(s, pos, "多") || starts_at(s, pos, "余")) pos += std::string_view("多").size();
  std::optional<MeasureKind> kind;
  std::string unit;
  if (const std::size_t c = currency_length(s, pos); c > 0) {
    pos += c;
    kind = MeasureKind::money;
  } else if (const std::size_t u = yen ? 0 : unit_length(s, pos, unit); u > 0) {
    pos += u;
    kind = MeasureKind::quantity;
  } else if (yen) {
    kind = MeasureKind::money;
  } else {
    const std::string_view written = s.substr(run.begin, run.end - run.begin);
    const bool multiplier = written.find("万") != std::string_view::npos || written.find("亿") != std::string_view::npos;
    if (multiplier && !text::is_han(code_point_at(s, pos))) kind = MeasureKind::money;  // 一百五十万 standing alone
  }
  if (!kind) return run.end;
  if (refused) refused->push_back({*kind, {begin, pos}, refusal(run.problem, *kind)});
  return pos;
}

}  // namespace

std::vector<Measure> scan_measures(std::string_view s, std::vector<RefusedMeasure>* refused) {
  std::vector<Measure> out;
  for (std::size_t i = 0; i < s.size();) {
    if (!starts_run(s, i)) {
      next_code_point(s, i);
      continue;
    }
    // Inside a longer word of numeral characters that failed to parse (一〇一), or right after
    // an ASCII letter (a model number such as A100): not an amount.
    auto run = read_run(s, i);
    if (!run) {
      std::size_t j = i;
      next_code_point(s, j);
      while (j < s.size() && is_numeral_char(code_point_at(s, j))) next_code_point(s, j);
      i = j;
      continue;
    }
    const char32_t before = code_point_before(s, run->begin);
    if ((before >= U'A' && before <= U'Z') || (before >= U'a' && before <= U'z')) {
      i = run->end;
      continue;
    }
    if (run->problem != Problem::none) {
      i = refuse_run(s, *run, refused);
      continue;
    }

    Measure m;
    m.approximate = run->value.approximate;
    m.lower_bound = run->value.lower_bound;
    std::size_t begin = run->begin, pos = run->end;
    bool yen = false;
    if (text::ends_at(s, begin, "¥")) { begin -= std::string_view("¥").size(); yen = true; }
    else if (text::ends_at(s, begin, "人民币")) { begin -= std::string_view("人民币").size(); yen = true; }
    // A bare multiplier (千元, 万余元) is an amount only with a marker or a currency written.
    bool marked = false;
    if (auto a = approx_prefix(s, begin)) {
      begin -= a->word.size();
      m.approximate = marked = true;
      m.lower_bound = m.lower_bound || a->lower_bound;
    } else if (auto b = run->bare ? bare_prefix(s, begin) : std::nullopt) {
      begin -= b->word.size();
      m.approximate = m.lower_bound = marked = true;
    }

    int128 low = run->value.scaled;
    std::optional<int128> high;
    if (run->high) high = run->high->scaled;
    // The far end of a range that cannot be read exactly (2万至99999999999999999999亿元) refuses
    // the whole range.
    Problem range_problem = Problem::none;
    bool range_overflow = false;
    // A range: 2-3万元, 2万至3万元 (the unit after the second end).
    auto try_range = [&](std::size_t at) -> std::size_t {
      std::size_t j = at;
      if (high || j >= s.size() || !is_range_separator(next_code_point(s, j))) return 0;
      auto second = read_run(s, j);
      if (!second || second->high) return 0;
      int128 first = low;
      bool overflow = false;
      if (!run->value.has_multiplier && second->value.has_multiplier) {
        if (__builtin_mul_overflow(low, second->value.trailing_multiplier, &first)) overflow = true;  // refused below
      }
      if (!overflow && second->value.scaled < first) return 0;  // 2万至3: no range that runs downwards
      range_problem = second->problem;
      range_overflow = overflow;
      if (!overflow) low = first;
      high = second->value.scaled;
      return second->end - at;
    };

    pos += try_range(pos);
    // 万把元, 千把块钱: about that much.
    bool about = false;
    if (starts_at(s, pos, "把") && run->value.trailing_multiplier >= 100 && !run->high) {
      const std::size_t a = std::string_view("把").size();
      if (currency_length(s, pos + a) > 0 || starts_at(s, pos + a, "块")) {
        pos += a;
        m.approximate = marked = about = true;
      }
    }
    // 5000多册, 60余万元, 十来元: 多/余/来 between the number and its unit.
    if (!about && (starts_at(s, pos, "多") || starts_at(s, pos, "余") || starts_at(s, pos, "来"))) {
      std::string ignored;
      const std::size_t a = std::string_view("多").size();
      if (currency_length(s, pos + a) > 0 || unit_length(s, pos + a, ignored) > 0) {
        if (!starts_at(s, pos, "来")) m.lower_bound = true;
        pos += a;
        m.approximate = marked = true;
      }
    }
    std::string unit;
    int128 extra = 0;
    if (std::size_t c = about && starts_at(s, pos, "块") && !starts_at(s, pos, "块钱") ? std::string_view("块").size()
                                                                                     : currency_length(s, pos);
        c > 0) {
      const bool yuan = starts_at(s, pos, "元") && !starts_at(s, pos, "元人民币");
      pos += c;
      m.kind = MeasureKind::money;
      // A range whose first end carries its own unit: 20000元到30000元.
      std::size_t j = pos;
      if (!high && j < s.size() && is_range_separator(next_code_point(s, j))) {
        if (auto second = read_run(s, j); second && !second->high && currency_length(s, second->end) > 0 &&
                                          second->value.scaled >= low) {
          range_problem = second->problem;
          high = second->value.scaled;
          pos = second->end + currency_length(s, second->end);
        }
      }
      // 三十五元八角, 五元零五分.
      if (yuan && !high) pos += jiao_fen_length(s, pos, extra);
      // 叁万伍仟元整: 整 (exactly) closes the amount written in capitals.
      if (starts_at(s, pos, "整")) pos += std::string_view("整").size();
      // 万元户, 亿元村, 千万元级: a label, not an amount.
      if (run->bare && !marked && std::u32string_view(U"户村级").find(code_point_at(s, pos)) != std::u32string_view::npos) {
        i = pos;
        continue;
      }
    } else if (const std::size_t u = unit_length(s, pos, unit); u > 0 && !yen && (!run->bare || marked)) {
      // 一本院校, 二本学生: a tier of universities, not a count of books.
      if (unit == "本" && run->end - run->begin == std::string_view("一").size() &&
          std::u32string_view(U"一二三").find(code_point_at(s, run->begin)) != std::u32string_view::npos) {
        bool tier = false;
        for (std::string_view w : {"院校", "学生", "大学", "高校", "考生", "线", "批次", "录取"}) tier = tier || starts_at(s, pos + u, w);
        if (tier) {
          i = pos + u;
          continue;
        }
      }
      // 第二份协议, 第3批: an ordinal names which one, it counts nothing. Nor does a number inside a
      // township's name (四棵树乡: 四棵 and 树乡).
      bool in_township_name = false;
      if (const char32_t first = code_point_at(s, run->begin); !(first >= U'0' && first <= U'9'))
        for (std::size_t j = pos + u, chars = 0; j < s.size() && chars < 3; ++chars) {
          const char32_t ch = next_code_point(s, j);
          if (!text::is_han(ch)) break;
          // (十八盘乡: the township's ending right after the unit, but not 乡村, 乡亲, 镇上 ….)
          if (ch == U'乡' || ch == U'镇') {
            const char32_t after = code_point_at(s, j);
            in_township_name = chars > 0 || std::u32string_view(U"村亲里土间情上政党").find(after) == std::u32string_view::npos;
          }
          if (in_township_name) break;
        }
      if (in_township_name || text::ends_at(s, run->begin, "第")) {
        i = pos + u;
        continue;
      }
      pos += u;
      m.kind = MeasureKind::quantity;
      m.unit = unit;
    } else if (yen || (implied_money_form(s, *run, marked) &&
                       (!text::is_han(code_point_at(s, pos)) ||
                        (starts_at(s, pos, "的") && (colloquial(s, *run) || text::ends_at(s, begin, "价值"))) ||
                        (colloquial(s, *run) && said_of_the_amount_after(s, pos))))) {
      // ¥500, 一百五十万 standing alone, 1万5 or 价值2千5 before 的: the currency is implied.
      m.kind = MeasureKind::money;
      m.currency_explicit = yen;
    } else {
      i = run->end;
      continue;
    }
    for (std::string_view w : {"左右", "以上", "上下"}) {
      if (starts_at(s, pos, w)) {
        pos += w.size();
        m.approximate = true;
        if (w == "以上") m.lower_bound = true;
      }
    }

    // Checked conversion: an amount past the ceiling of one ledger line, or not exact in fen
    // (a count past int64), is refused with its reason, never wrapped or rounded.
    std::string why;
    bool fits = true;
    if (range_problem != Problem::none) {
      why = refusal(range_problem, m.kind);
      fits = false;
    } else if (range_overflow) {
      why = refusal(Problem::too_large, m.kind);
      fits = false;
    } else if (m.kind == MeasureKind::money) {
      int128 total = low;
      const auto v = __builtin_add_overflow(low, extra, &total) ? std::nullopt : to_fen(total, why);
      const auto h = v && high ? to_fen(*high, why) : std::optional<std::int64_t>{0};
      fits = v && h;
      if (fits) {
        m.value = *v;
        if (high) m.high = *h;
      } else if (why.empty()) {
        why = too_much_money();
      }
    } else {
      const auto v = to_count(low, why);
      const auto h = v && high ? to_count(*high, why) : std::optional<std::int64_t>{0};
      fits = v && h;
      if (fits) {
        m.value = *v;
        if (high) m.high = *h;
      }
    }
    if (!fits) {
      if (refused && !why.empty()) refused->push_back({m.kind, {begin, pos}, why});
      i = pos;
      continue;
    }
    if (m.high) {
      m.approximate = true;
      m.lower_bound = false;  // a range states both ends
    }
    m.span = {begin, pos};
    // 壹万贰仟元整(¥12,000.00): the same amount written again in brackets is one amount.
    if (!out.empty() && out.back().kind == MeasureKind::money && m.kind == MeasureKind::money &&
        out.back().value == m.value && out.back().high == m.high) {
      const std::string_view between = s.substr(out.back().span.end, begin - out.back().span.end);
      if (between == "(" || between == "（") {
        i = pos;
        continue;
      }
    }
    out.push_back(std::move(m));
    i = pos;
  }
  return out;
}

}  // namespace aidledger::extract
