// Plain-text tables aligned by display width, so Chinese (two columns a character) lines up.
#pragma once
#include <string>
#include <vector>

namespace aidledger::cli {

struct Table {
  std::vector<std::string> headers;
  std::vector<bool> right;                       // right-align this column (numbers)
  std::vector<std::vector<std::string>> rows;
  std::string render() const;
};

/// ¥1,500,000.00
std::string yuan(long long fen);

}  // namespace aidledger::cli
