// Small file helpers shared by the subcommands.
#pragma once
#include <string>
#include <vector>

namespace aidledger::cli {

/// Reads a whole file; on failure returns false with "PATH: reason" in error.
bool read_file(const std::string& path, std::string& out, std::string& error);

/// Expands files and folders (recursively) into a sorted list of page files. Hidden files and
/// folders are skipped. Paths that do not exist are reported in `missing`.
std::vector<std::string> collect_pages(const std::vector<std::string>& paths, std::vector<std::string>& missing);

}  // namespace aidledger::cli
