// Numbers, money and quantities of goods in Chinese prose.
//
// Money is exact: amounts are integer fen (分), parsed with integer arithmetic so that 5.67万元
// is 56,700.00 yuan with no float error. Handles Arabic and Chinese numerals, 万/亿/千 and mixed
// forms (1万5千元, 1亿2000万元), thousands separators, financial capitals (壹佰万元), ¥ and 人民币,
// approximate markers (约 多 余 近 超过 左右 …) and ranges (2万至3万元, 2-3万元).
//
// Also: decimals written 点 (一点五万, 零点八万); one digit after a multiplier counting in the next
// place down (1万5 = 15,000, 2千5 = 2,500, 两万五); 角 and 分 after 元 (三十五元八角 = 3,580 fen);
// a bare leading multiplier (拾万, 千元, 万余元, 超亿元); ranges written as two neighbouring
// Chinese digits (两三万, 五六万, 二三十万, 七八千, 一两万 → low..high, approximate); vague amounts
// (十余万 十几万 数十万 几十万 上百万 万余 逾千万 超亿 → the smallest reading, approximate and
// flagged lower_bound; 十来万 万把元 → approximate only, since 来 and 把 also cover "a little
// under"). 几/数 read as the round number they round up from: nothing as the last digit
// (十几万 ≥ 100,000), one as a leading digit (几十万, 数十万 ≥ 100,000; 数百万 ≥ 1,000,000).
// The spoken 1万5 and 2千5 are money before 的 too (价值2千5的体育用品, 捐了3万5的…款).
// Arithmetic is checked (money.hpp): an amount past the ceiling of one ledger line (10^12 yuan),
// one that is not a whole number of fen (0.005元), or one written with more decimals than can be
// read exactly (1.2345678912万元) is refused, never wrapped or rounded; decimals of any length are
// read exactly when the digits past the eighth are zeros (1.234567890万元 = 12,345.6789 yuan).
// scan_measures can say what it refused and why.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidledger/extract/money.hpp"
#include "aidledger/text/document.hpp"

namespace aidledger::extract {

using text::Span;

// Exact intermediate arithmetic for amounts (GCC/Clang extension; __extension__ keeps -Wpedantic quiet).
__extension__ typedef __int128 int128;

/// Value of a numeral written in Arabic or Chinese digits with optional 十百千万亿 multipliers,
/// scaled by 10^8 (so "5.67" is 567'000'000). Returns nothing for a digit-by-digit Chinese
/// sequence such as 一〇一 (a name or a year, not an amount) or anything else malformed.
struct Numeral {
  int128 scaled = 0;       // value * 10^8
  bool approximate = false;  // 2500多万: the 多 inside
  bool lower_bound = false;  // the value is a floor: 多/余/几/数 inside (十余万, 十几万, 数十万)
  bool has_multiplier = false;   // ends in 万 or 亿 (a range start may borrow it)
  std::int64_t trailing_multiplier = 1;
};
std::optional<Numeral> parse_numeral(std::string_view run);

/// Whole-number convenience for tests and callers: 两千 -> 2000, 一百五十万 -> 1500000.
std::optional<std::int64_t> parse_integer(std::string_view run);

/// A character of a written count: an ASCII digit or a Chinese numeral (三, 两, 十, 百 …).
bool is_count_numeral(char32_t cp);

enum class MeasureKind { money, quantity };

struct Measure {
  MeasureKind kind = MeasureKind::money;
  Span span;                            // the whole expression, markers included
  std::int64_t value = 0;               // fen for money, count for goods
  std::optional<std::int64_t> high;     // upper end of a range
  bool approximate = false;
  /// `value` is a floor, not an estimate: 十余万, 50多万元, 超过/逾/超/上百万/至少 …, 以上, 几/数.
  /// Always comes with approximate. Not set for 约/近/左右/来/把 (either side) nor for ranges.
  bool lower_bound = false;
  bool currency_explicit = true;        // 元 or ¥ written (150万 alone is implied money)
  std::string unit;                     // goods unit (册, 台, 台(套) …); empty for money
};

/// An amount of money (or a count of goods) written in the text but refused: no Measure is made
/// of it.
struct RefusedMeasure {
  MeasureKind kind = MeasureKind::money;
  Span span;            // the expression as written, its unit included
  std::string reason;   // "more than 10^12 yuan, the ceiling of one ledger line", …
};

/// Every amount of money and quantity of goods in `text`, in order. Counts of people, areas,
/// distances, percentages and years are not goods and are not returned. Amounts refused
/// (see above) are not returned either; with `refused`, each is added to it.
std::vector<Measure> scan_measures(std::string_view text, std::vector<RefusedMeasure>* refused = nullptr);

/// 50000000 fen -> "500000.00".
std::string format_fen(std::int64_t fen);
/// 50000000 fen -> "¥500,000.00" (for people; format_fen is for files).
std::string format_yuan(std::int64_t fen);

/// Goods units the scanner recognises, longest first.
const std::vector<std::string_view>& goods_units();

}  // namespace aidledger::extract
