#include "aidledger/extract/numbers.hpp"

#include <array>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract {
namespace {

using text::code_point_at;
using text::code_point_before;
using text::next_code_point;
using text::starts_at;

constexpr int128 kScale = 100'000'000;  // 10^8

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

// Reads an Arabic literal "1,234.56" starting at pos; returns the value scaled by 10^8.
std::optional<int128> read_arabic(std::string_view s, std::size_t& pos) {
  int128 whole = 0;
  std::size_t i = pos, digits_in_group = 0;
  bool grouped = false;
  while (i < s.size()) {
    if (is_ascii_digit(static_cast<unsigned char>(s[i]))) {
      whole = whole * 10 + (s[i] - '0');
      ++digits_in_group;
      if (whole > static_cast<int128>(1) << 80) return std::nullopt;
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
      if (place == 0) return std::nullopt;  // more than 8 decimals
      value += (s[i] - '0') * place;
      place /= 10;
      ++i;
    }
    if (i < s.size() && s[i] == '.') return std::nullopt;  // 2021.6.5 is a date, not a number
  }
  pos = i;
  return value;
}

}  // namespace

std::optional<Numeral> parse_numeral(std::string_view run) {
  Numeral out;
  int128 yi_part = 0, wan_part = 0, section = 0;
  int128 number_value = 0;
  bool has_number = false;
  bool last_was_digit = false;  // a Chinese digit, for rejecting digit-by-digit sequences
  bool any = false;
  std::int64_t smallest_in_section = 0;
  for (std::size_t i = 0; i < run.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(run, i);
    if (is_ascii_digit(cp)) {
      if (has_number) return std::nullopt;
      std::size_t p = at;
      auto v = read_arabic(run, p);
      if (!v) return std::nullopt;
      number_value = *v;
      has_number = true;
      i = p;
      last_was_digit = false;
      any = true;
      continue;
    }
    if (const int d = chinese_digit(cp); d >= 0) {
      if (d == 0) {
        if (last_was_digit) return std::nullopt;  // 一〇一, 二〇二一: digit sequences
        continue;                                 // 一千零五: a placeholder zero
      }
      if (has_number) return std::nullopt;
      number_value = static_cast<int128>(d) * kScale;
      has_number = true;
      last_was_digit = true;
      any = true;
      continue;
    }
    const std::int64_t m = chinese_multiplier(cp);
    if (m == 10 || m == 100 || m == 1000) {
      if (!has_number && m != 10) return std::nullopt;
      if (smallest_in_section != 0 && m >= smallest_in_section) return std::nullopt;  // 百千
      section += (has_number ? number_value : kScale) * m;
      smallest_in_section = m;
      has_number = false;
      number_value = 0;
      out.trailing_multiplier = m;
    } else if (m == 10'000) {
      if (!has_number && section == 0) return std::nullopt;
      if (wan_part != 0) return std::nullopt;
      wan_part = (section + number_value) * m;
      section = 0;
      smallest_in_section = 0;
      has_number = false;
      number_value = 0;
      out.has_multiplier = true;
      out.trailing_multiplier = m;
    } else if (m == 100'000'000) {
      if (!has_number && section == 0 && wan_part == 0) return std::nullopt;
      if (yi_part != 0) return std::nullopt;
      yi_part = (wan_part + section + number_value) * m;
      wan_part = section = 0;
      smallest_in_section = 0;
      has_number = false;
      number_value = 0;
      out.has_multiplier = true;
      out.trailing_multiplier = m;
    } else if (cp == U'多' || cp == U'余') {
      if (!any) return std::nullopt;
      out.approximate = true;
    } else {
      return std::nullopt;
    }
    last_was_digit = false;
  }
  if (!any && section == 0) return std::nullopt;
  if (has_number) out.trailing_multiplier = 1;
  out.scaled = yi_part + wan_part + section + number_value;
  return out;
}

std::optional<std::int64_t> parse_integer(std::string_view run) {
  auto n = parse_numeral(run);
  if (!n || n->scaled % kScale != 0) return std::nullopt;
  return static_cast<std::int64_t>(n->scaled / kScale);
}

const std::vector<std::string_view>& goods_units() {
  static const std::vector<std::string_view> units = {
      "公斤", "册", "本", "台", "套", "件", "箱", "架", "辆", "张", "盒", "包", "袋", "桶", "瓶",
      "份", "双", "吨", "斤", "株", "棵", "头", "只", "盏", "顶", "床", "副", "把", "块", "个"};
  return units;
}

std::string format_fen(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t a = negative ? static_cast<std::uint64_t>(-(fen + 1)) + 1 : static_cast<std::uint64_t>(fen);
  return fmt::format("{}{}.{:02}", negative ? "-" : "", a / 100, a % 100);
}

std::string format_yuan(std::int64_t fen) {
  std::string digits = format_fen(fen < 0 ? -fen : fen);
  const std::size_t dot = digits.find('.');
  for (int i = static_cast<int>(dot) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return (fen < 0 ? "-¥" : "¥") + digits;
}

namespace {

struct Run {
  std::size_t begin = 0, end = 0;
  Numeral value;
};

// The numeral run starting at pos (digits, Chinese numerals, 多/余 before a multiplier).
std::optional<Run> read_run(std::string_view s, std::size_t pos) {
  std::size_t i = pos;
  while (i < s.size()) {
    std::size_t j = i;
    const char32_t cp = next_code_point(s, j);
    if (is_numeral_char(cp)) {
      i = j;
    } else if ((cp == U'.' || cp == U',') && i > pos && is_ascii_digit(code_point_before(s, i)) &&
               is_ascii_digit(code_point_at(s, j))) {
      i = j;
    } else if ((cp == U'多' || cp == U'余') && i > pos && chinese_multiplier(code_point_at(s, j)) >= 10'000) {
      i = j;  // 2500多万元
    } else {
      break;
    }
  }
  if (i == pos) return std::nullopt;
  auto v = parse_numeral(s.substr(pos, i - pos));
  if (!v) return std::nullopt;
  return Run{pos, i, *v};
}

bool is_range_separator(char32_t cp) {
  return cp == U'至' || cp == U'到' || cp == U'~' || cp == U'-' || cp == U'—' || cp == U'–' || cp == U'〜';
}

// Approximate markers written before a number.
std::size_t approx_prefix_length(std::string_view s, std::size_t pos) {
  for (std::string_view w : {"不少于", "不低于", "至少", "大约", "将近", "接近", "超过", "不到", "不足", "约", "近", "逾", "超"})
    if (text::ends_at(s, pos, w)) return w.size();
  return 0;
}

// Approximate markers written after the number or its unit.
std::size_t currency_length(std::string_view s, std::size_t pos) {
  for (std::string_view w : {"元人民币", "块钱", "元", "圆"})
    if (starts_at(s, pos, w)) return w.size();
  return 0;
}

std::size_t unit_length(std::string_view s, std::size_t pos, std::string& unit) {
  for (std::string_view u : goods_units()) {
    if (!starts_at(s, pos, u)) continue;
    if (u == "块" && starts_at(s, pos, "块钱")) return 0;
    // 个 counts goods only when it closes the phrase (书架60个,): 3个乡镇 and 6个方面 count other things.
    if (u == "个" && text::is_han(code_point_at(s, pos + u.size()))) return 0;
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

std::int64_t to_fen(int128 scaled) {
  // scaled is yuan * 10^8; one fen is 10^6. Round half up (sub-fen amounts do not occur in
  // practice; this keeps 0.005 from silently vanishing).
  return static_cast<std::int64_t>((scaled + 500'000) / 1'000'000);
}

}  // namespace

std::vector<Measure> scan_measures(std::string_view s) {
  std::vector<Measure> out;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = code_point_at(s, i);
    if (!is_numeral_char(cp)) {
      next_code_point(s, i);
      continue;
    }
    // Inside a longer word of numeral characters that failed to parse (十四五), or right after
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

    Measure m;
    m.approximate = run->value.approximate;
    std::size_t begin = run->begin, pos = run->end;
    bool yen = false;
    if (text::ends_at(s, begin, "¥")) { begin -= std::string_view("¥").size(); yen = true; }
    else if (text::ends_at(s, begin, "人民币")) { begin -= std::string_view("人民币").size(); yen = true; }
    if (const std::size_t a = approx_prefix_length(s, begin); a > 0) { begin -= a; m.approximate = true; }

    int128 low = run->value.scaled;
    std::optional<int128> high;
    // A range: 2-3万元, 2万至3万元 (the unit after the second end).
    auto try_range = [&](std::size_t at) -> std::size_t {
      std::size_t j = at;
      if (j >= s.size() || !is_range_separator(next_code_point(s, j))) return 0;
      auto second = read_run(s, j);
      if (!second) return 0;
      high = second->value.scaled;
      if (!run->value.has_multiplier && second->value.has_multiplier) low *= second->value.trailing_multiplier;
      return second->end - at;
    };

    pos += try_range(pos);
    // 5000多册, 60余万元: 多/余 between the number and its unit.
    if (starts_at(s, pos, "多") || starts_at(s, pos, "余")) {
      std::string ignored;
      const std::size_t a = std::string_view("多").size();
      if (currency_length(s, pos + a) > 0 || unit_length(s, pos + a, ignored) > 0) {
        pos += a;
        m.approximate = true;
      }
    }
    std::string unit;
    if (const std::size_t c = currency_length(s, pos); c > 0) {
      pos += c;
      m.kind = MeasureKind::money;
      // A range whose first end carries its own unit: 20000元到30000元.
      std::size_t j = pos;
      if (!high && j < s.size() && is_range_separator(next_code_point(s, j))) {
        if (auto second = read_run(s, j); second && currency_length(s, second->end) > 0) {
          high = second->value.scaled;
          pos = second->end + currency_length(s, second->end);
        }
      }
    } else if (const std::size_t u = unit_length(s, pos, unit); u > 0 && !yen) {
      pos += u;
      m.kind = MeasureKind::quantity;
      m.unit = unit;
    } else if (yen || (run->value.has_multiplier && !text::is_han(code_point_at(s, pos)))) {
      m.kind = MeasureKind::money;  // ¥500, or 一百五十万 standing alone: the currency is implied
      m.currency_explicit = yen;
    } else {
      i = run->end;
      continue;
    }
    for (std::string_view w : {"左右", "以上", "上下"}) {
      if (starts_at(s, pos, w)) {
        pos += w.size();
        m.approximate = true;
      }
    }

    if (m.kind == MeasureKind::money) {
      m.value = to_fen(low);
      if (high) m.high = to_fen(*high);
    } else {
      if (low % kScale != 0 || (high && *high % kScale != 0)) { i = pos; continue; }
      m.value = static_cast<std::int64_t>(low / kScale);
      if (high) m.high = static_cast<std::int64_t>(*high / kScale);
    }
    if (m.high) m.approximate = true;
    m.span = {begin, pos};
    out.push_back(std::move(m));
    i = pos;
  }
  return out;
}

}  // namespace aidledger::extract
