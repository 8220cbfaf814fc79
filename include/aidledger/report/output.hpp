// Output files written whole or not at all. The bytes go to a temporary file beside the target
// (.NAME.tmp-XXXXXX in the same folder, so the rename stays on one file system); commit()
// flushes, syncs and closes it and only then renames it over the target. An error, or
// destruction without commit (an exception on the way), removes the temporary file and leaves an
// old target as it was: no empty or half-written file is ever left at the target's path.
//
// A target that exists and is not a regular file (/dev/stdout, a FIFO, /dev/full) cannot be
// replaced by a rename; it is written directly, and its errors are reported the same way.
// Every error names the target and the reason: "out.csv: cannot write: No space left on device".
#pragma once
#include <cstdio>
#include <string>
#include <string_view>

namespace aidledger::report {

class OutputFile {
 public:
  enum class Mode {
    stream,   // write() appends the bytes
    by_name,  // a library opens path() itself (libxlsxwriter); the temporary file is only reserved
  };

  /// Creates the temporary file. Throws std::runtime_error "TARGET: cannot write: REASON".
  explicit OutputFile(std::string target, Mode mode = Mode::stream);
  /// Removes the temporary file unless committed. Never throws.
  ~OutputFile();
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;

  /// Appends bytes (Mode::stream). Throws as the constructor does, with the errno text.
  void write(std::string_view bytes);
  /// Flushes, syncs and closes the file; throws on an error (the disk filled up). commit() calls
  /// it; call it first to check several files before renaming any.
  void close();
  /// close(), then renames the temporary file over the target.
  void commit();

  /// Where the bytes go: the temporary file, or the target when it is written directly.
  const std::string& path() const { return path_; }
  const std::string& target() const { return target_; }

  /// Throws std::runtime_error "TARGET: cannot write: WHY".
  [[noreturn]] void fail(std::string_view why) const;

 private:
  [[noreturn]] void fail_errno(std::string_view doing) const;

  std::string target_, path_;
  Mode mode_;
  bool direct_ = false;     // the target itself (not a regular file)
  bool closed_ = false, committed_ = false;
  std::FILE* file_ = nullptr;
};

}  // namespace aidledger::report
