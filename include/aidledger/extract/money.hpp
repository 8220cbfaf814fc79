// Checked money arithmetic. Money is an integer number of fen (int64); no amount, product or total
// may wrap. One ledger line holds at most kMaxLineYuan: an amount read past it (from a page, a
// product such as 每户N元×M户, or a correction) is refused where it is read, with its reason, and
// never stored. Totals of many lines are added with add_checked, which throws rather than wrap.
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace aidledger::extract {

/// The ceiling of one ledger line: 10^12 yuan (一万亿元). Far above any gift a newspaper reports,
/// and far below int64 fen (about 9.2 × 10^16 yuan), so up to 92,233 lines at the ceiling still
/// add up without overflow.
inline constexpr std::int64_t kMaxLineYuan = 1'000'000'000'000;
inline constexpr std::int64_t kMaxLineFen = kMaxLineYuan * 100;
/// How the ceiling is named in messages.
inline constexpr std::string_view kMaxLineText = "10^12 yuan, the ceiling of one ledger line";

/// a + b and a × b, or nothing when the result leaves int64.
inline std::optional<std::int64_t> checked_sum(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}
inline std::optional<std::int64_t> checked_product(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

/// True for an amount one ledger line may hold: 0 ≤ fen ≤ kMaxLineFen.
inline bool within_line_ceiling(std::int64_t fen) { return fen >= 0 && fen <= kMaxLineFen; }

/// total += v (fen, or a count of goods), checked: throws std::overflow_error naming `what` (e.g.
/// "the disbursed total") when the sum would leave int64, so a wrong total is never printed.
void add_checked(std::int64_t& total, std::int64_t v, std::string_view what);

}  // namespace aidledger::extract
