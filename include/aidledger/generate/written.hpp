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
/// An amount of money in one of the forms the paper uses, chosen at random among those that can
/// write it exactly: 12.5万元, 125000元, 125,000元, 十二万五千元, 人民币壹拾贰万伍仟元整, 一点五万元,
/// 1万5, 2千5元, 1.2亿元, with full-width digits now and then. `in_list`: one of several amounts
/// paired in order with recipients or givers (分别…A、B), where only the plainer forms are used.
/// `colloquial`: 1万5 may be used (purchases are not read with it: 共计5万3 is missed).
std::string money(std::int64_t fen, Rng& rng, bool in_list = false, bool colloquial = true);
/// Digits as written (sometimes full-width).
std::string count_text(std::int64_t n, Rng& rng);
/// Yuan as a plain decimal for expected.csv: 125000, 35.8.
std::string yuan_text(std::int64_t fen);

}  // namespace aidledger::generate
