// Small file helpers shared by the subcommands.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace aidledger::cli {

/// The largest page read unless --max-page-size says otherwise: 64 MiB.
inline constexpr std::uint64_t kDefaultMaxPageSize = 64ull << 20;

/// "80.0 MiB (83886080 bytes)"
std::string size_text(std::uint64_t bytes);

/// Reads a whole file; on failure returns false with "PATH: reason" in error. What is not a regular
/// file (a folder, a FIFO, a socket, a device such as /dev/zero) is refused by name without being
/// read, and a file over `max_bytes` with its size before it is read.
bool read_file(const std::string& path, std::string& out, std::string& error, std::uint64_t max_bytes = kDefaultMaxPageSize);

/// Writes `bytes` to the file at `path` whole or not at all (report::OutputFile: a temporary file
/// beside it, renamed over it only when complete and synced; a device or FIFO is written in place).
/// On failure returns false with "PATH: cannot write: reason" (the system's reason, e.g. No space
/// left on device) in error, and an old file at `path` is left as it was.
bool write_file(const std::string& path, const std::string& bytes, std::string& error);

/// The path a ledger records for a file given on the command line: absolute and lexically normal
/// (./a/../b.txt -> /cwd/b.txt), so it names the file from wherever a later command runs.
std::string recorded_path(const std::string& given);

/// How a command shows a path the ledger recorded: relative to the folder it runs in when the file
/// is under it (sample_data/x.txt), else as recorded (absolute, or relative as an older aidledger
/// recorded it).
std::string shown_path(const std::string& recorded);

/// Expands files and folders (recursively, following links to folders) into a sorted list of page
/// files. Hidden files and folders are skipped. Each path that cannot be used is reported in
/// `problems` as "PATH: reason; skipped" (no such file or folder, a symlink loop, a folder that
/// cannot be read, a FIFO or device) and the walk goes on with the rest.
std::vector<std::string> collect_pages(const std::vector<std::string>& paths, std::vector<std::string>& problems);

}  // namespace aidledger::cli
