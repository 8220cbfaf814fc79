// A progress line on the terminal for long commands (ingest): pages, MB, MB/s and the time left,
// rewritten in place on standard error. Silent when standard error is not a terminal or with
// --quiet, so logs and pipes get only the summary.
#pragma once
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace aidledger::cli {

/// The line for `pages_done` of `pages_total` pages, `bytes_done` of `bytes_total` bytes, after
/// `seconds`: "ingest: 120/4,567 pages, 3.1/10.6 MB, 2.4 MB/s, 0:03 left" (MB = 10^6 bytes; the
/// time left from the rate so far, "?" until a rate is known).
std::string progress_line(std::int64_t pages_done, std::int64_t pages_total, std::uint64_t bytes_done, std::uint64_t bytes_total,
                          double seconds);

class Progress {
 public:
  /// Shown only when `enabled` (the caller's --quiet) and `out` is a terminal.
  Progress(std::FILE* out, bool enabled, std::int64_t pages_total, std::uint64_t bytes_total);
  ~Progress();  // clears the line
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  /// One more page of `bytes` done; the line is rewritten at most every 0.2 s. Never throws (a
  /// terminal that cannot be written gets no line).
  void advance(std::uint64_t bytes) noexcept;
  /// Clears the line, before something else is printed to the terminal (the next advance shows it again).
  void clear();
  bool shown() const { return enabled_; }

  /// One page: advances the progress by `bytes` when it goes out of scope, however the page ended.
  struct Step {
    explicit Step(Progress& p) : progress(p) {}
    ~Step() { progress.advance(bytes); }
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;
    Progress& progress;
    std::uint64_t bytes = 0;
  };

 private:
  std::FILE* out_;
  bool enabled_;
  bool on_screen_ = false;
  std::int64_t pages_total_, pages_done_ = 0;
  std::uint64_t bytes_total_, bytes_done_ = 0;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace aidledger::cli
