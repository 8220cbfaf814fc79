// Numbers and amounts as the paper writes them.
#include <array>

#include <fmt/format.h>

#include "model.hpp"

namespace aidledger::generate {
namespace {

constexpr std::array<const char*, 10> kDigits = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
constexpr std::array<const char*, 10> kCapitalDigits = {"零", "壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖"};
constexpr std::array<const char*, 4> kUnits = {"", "十", "百", "千"};
constexpr std::array<const char*, 4> kCapitalUnits = {"", "拾", "佰", "仟"};
constexpr std::array<const char*, 3> kBig = {"", "万", "亿"};

// 0 < n < 10^12 in groups of four digits (万, 亿), with 零 for skipped places.
std::string numerals(std::int64_t n, const std::array<const char*, 10>& digits, const std::array<const char*, 4>& units,
                     bool short_ten) {
  if (n == 0) return digits[0];
  std::array<int, 3> groups{};
  for (int& g : groups) {
    g = static_cast<int>(n % 10000);
    n /= 10000;
  }
  std::string out;
  bool pending_zero = false;
  for (int gi = 2; gi >= 0; --gi) {
    const int g = groups[static_cast<std::size_t>(gi)];
    if (g == 0) {
      if (!out.empty()) pending_zero = true;
      continue;
    }
    if (!out.empty() && g < 1000) pending_zero = true;
    for (int pos = 3; pos >= 0; --pos) {
      int p10 = 1;
      for (int k = 0; k < pos; ++k) p10 *= 10;
      const int d = g / p10 % 10;
      if (d == 0) {
        if (!out.empty()) pending_zero = true;
        continue;
      }
      if (pending_zero) out += digits[0];
      pending_zero = false;
      // 十二万, not 一十二万, at the head of a number.
      if (!(short_ten && d == 1 && pos == 1 && out.empty())) out += digits[static_cast<std::size_t>(d)];
      out += units[static_cast<std::size_t>(pos)];
    }
    out += kBig[static_cast<std::size_t>(gi)];
    pending_zero = false;
  }
  return out;
}

// 125000 -> 125,000
std::string with_commas(std::int64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

// n / 10^scale with the trailing zeros of the fraction dropped: (125000, 4) -> 12.5
std::string decimal(std::int64_t n, int scale) {
  std::int64_t p = 1;
  for (int k = 0; k < scale; ++k) p *= 10;
  std::string out = std::to_string(n / p);
  std::int64_t frac = n % p;
  if (frac == 0) return out;
  std::string f = fmt::format("{:0{}}", frac, scale);
  while (!f.empty() && f.back() == '0') f.pop_back();
  return out + "." + f;
}

// ASCII digits and the decimal point as full-width characters (NFKC reads them back).
std::string full_width(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') out += std::string("\xEF\xBC") + static_cast<char>('\x90' + (c - '0'));
    else if (c == '.') out += "\xEF\xBC\x8E";
    else out += c;
  }
  return out;
}

}  // namespace

std::string chinese_number(std::int64_t n) { return numerals(n, kDigits, kUnits, true); }

std::string capital_number(std::int64_t n) { return numerals(n, kCapitalDigits, kCapitalUnits, false); }

std::string yuan_text(std::int64_t fen) { return decimal(fen, 2); }

std::string count_text(std::int64_t n, Rng& rng) {
  const std::string s = std::to_string(n);
  return rng.chance(0.05) ? full_width(s) : s;
}

std::string money(std::int64_t fen, Rng& rng, MoneyStyle style) {
  if (fen % 100 != 0) return decimal(fen, 2) + "元";
  const std::int64_t yuan = fen / 100;
  std::vector<std::string> forms;
  std::vector<unsigned> weights;
  auto add = [&](std::string f, unsigned w) {
    forms.push_back(std::move(f));
    weights.push_back(w);
  };
  if (yuan >= 100000000 && yuan % 1000000 == 0) add(decimal(yuan, 8) + "亿元", 30);
  if (yuan >= 10000 && yuan % 100 == 0) add(decimal(yuan, 4) + "万元", 50);
  if (yuan < 10000000) add(std::to_string(yuan) + "元", yuan < 10000 ? 40 : 8);
  if (yuan >= 10000 && yuan < 10000000) add(with_commas(yuan) + "元", 4);
  if (yuan < 100000000) add(chinese_number(yuan) + "元", 8);
  // In a list (分别…A、B和C) the reader pairs plain amounts only: 人民币…元整 and 1万5 stand alone.
  if (yuan < 100000000 && !style.in_list) add("人民币" + capital_number(yuan) + "元整", 3);
  // 一点五万元, 零点八万元
  if (yuan % 1000 == 0 && yuan < 100000 && yuan % 10000 != 0)
    add(std::string(kDigits[static_cast<std::size_t>(yuan / 10000)]) + "点" + kDigits[static_cast<std::size_t>(yuan / 1000 % 10)] + "万元", 4);
  // 1万5 (15,000), 2千5元 (2,500)
  if (yuan > 10000 && yuan < 100000 && yuan % 1000 == 0 && yuan % 10000 != 0 && !style.in_list && style.colloquial)
    add(fmt::format("{}万{}", yuan / 10000, yuan / 1000 % 10), 4);
  if (yuan > 1000 && yuan < 10000 && yuan % 100 == 0 && yuan % 1000 != 0)
    add(fmt::format("{}千{}元", yuan / 1000, yuan / 100 % 10), 4);
  // 12余万元: at least 12万 (the value the ledger keeps); 约12万元: about 12万.
  if (style.approximate && !style.in_list && yuan >= 100000 && yuan % 10000 == 0 && rng.chance(0.03))
    return fmt::format("{}余万元", yuan / 10000);
  std::string f = forms[rng.weighted(weights)];
  if (rng.chance(0.05) && f.find_first_of("0123456789") != std::string::npos) f = full_width(f);
  if (style.approximate && !style.in_list && f.rfind("人民币", 0) != 0 && rng.chance(0.04)) f = "约" + f;
  return f;
}

}  // namespace aidledger::generate
