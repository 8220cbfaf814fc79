// Numbers and amounts written as the paper writes them (the corpus generator's pens).
#pragma once
#include <cstdint>
#include <string>

#include "aidledger/generate/random.hpp"

namespace aidledger::generate {

/// 125000 -> 十二万五千 (n < 10^12).
std::string chinese_number(std::int64_t n);
/// 125000 -> 壹拾贰万伍仟 (financial numerals).
std::string capital_number(std::int64_t n);
/// How an amount may be written where it stands.
struct MoneyStyle {
  bool in_list = false;      // one of several amounts paired in order (分别…A、B): plain forms only
  bool colloquial = true;    // 1万5 may be used (purchases are not read with it: 共计5万3 is missed)
  bool approximate = false;  // 约12万元 and 12余万元 (a floor) may be used
};
/// An amount of money in one of the forms the paper uses, chosen at random among those that can
/// write it exactly: 12.5万元, 125000元, 125,000元, 十二万五千元, 人民币壹拾贰万伍仟元整, 一点五万元,
/// 1万5, 2千5元, 1.2亿元, with full-width digits now and then.
std::string money(std::int64_t fen, Rng& rng, MoneyStyle style = {});
/// Digits as written (sometimes full-width).
std::string count_text(std::int64_t n, Rng& rng);
/// Yuan as a plain decimal for expected.csv: 125000, 35.8.
std::string yuan_text(std::int64_t fen);

}  // namespace aidledger::generate
