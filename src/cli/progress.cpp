#include "aidledger/cli/progress.hpp"

#include <unistd.h>

#include <cmath>

#include <fmt/format.h>

namespace aidledger::cli {
namespace {

// 4567 -> "4,567"
std::string grouped(std::int64_t n) {
  std::string digits = fmt::format("{}", n < 0 ? -n : n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// 3725 s -> "1:02:05", 65 s -> "1:05"
std::string clock(double seconds) {
  const auto s = static_cast<std::int64_t>(std::llround(seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string progress_line(std::int64_t pages_done, std::int64_t pages_total, std::uint64_t bytes_done, std::uint64_t bytes_total,
                          double seconds) {
  const double mb = static_cast<double>(bytes_done) / 1e6, total_mb = static_cast<double>(bytes_total) / 1e6;
  std::string line = fmt::format("ingest: {}/{} pages, {:.1f}/{:.1f} MB", grouped(pages_done), grouped(pages_total), mb, total_mb);
  if (seconds <= 0 || bytes_done == 0) return line + ", ? MB/s, ? left";
  const double rate = mb / seconds;
  const double left = bytes_done >= bytes_total ? 0.0 : (total_mb - mb) / rate;
  return line + fmt::format(", {:.1f} MB/s, {} left", rate, clock(left));
}

Progress::Progress(std::FILE* out, bool enabled, std::int64_t pages_total, std::uint64_t bytes_total)
    : out_(out), enabled_(enabled && ::isatty(::fileno(out)) != 0), pages_total_(pages_total), bytes_total_(bytes_total),
      start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() {
  try {
    clear();
  } catch (...) {  // a destructor throws nothing
  }
}

void Progress::advance(std::uint64_t bytes) noexcept try {
  ++pages_done_;
  bytes_done_ += bytes;
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (on_screen_ && now - last_ < std::chrono::milliseconds(200) && pages_done_ < pages_total_) return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  // \r and "erase to the end of the line": the line is rewritten in place.
  fmt::print(out_, "\r{}\x1b[K", progress_line(pages_done_, pages_total_, bytes_done_, bytes_total_, seconds));
  std::fflush(out_);
  on_screen_ = true;
} catch (...) {
  enabled_ = false;
}

void Progress::clear() {
  if (!on_screen_) return;
  fmt::print(out_, "\r\x1b[K");
  std::fflush(out_);
  on_screen_ = false;
}

}  // namespace aidledger::cli
