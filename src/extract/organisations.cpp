#include "aidledger/extract/organisations.hpp"

#include <algorithm>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "aidledger/text/decode.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::data {
std::string_view donor_aliases();
std::string_view org_categories();
}

namespace aidledger::extract {
namespace {

std::vector<std::pair<std::string, std::string>> parse_pairs(std::string_view tsv, std::string_view source,
                                                             bool simplify_second) {
  std::vector<std::pair<std::string, std::string>> out;
  int line_no = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= tsv.size(); ++i) {
    if (i != tsv.size() && tsv[i] != '\n') continue;
    std::string_view line = tsv.substr(start, i - start);
    start = i + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (text::trim(line).empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || tab + 1 >= line.size())
      throw std::runtime_error(fmt::format("{}:{}: expected two columns separated by a tab", source, line_no));
    std::string first = text::to_simplified(text::trim(line.substr(0, tab)));
    std::string second(text::trim(line.substr(tab + 1)));
    if (simplify_second) second = text::to_simplified(second);
    out.emplace_back(std::move(first), std::move(second));
  }
  return out;
}

// The category of a word that ends in an ending yet names no organisation (干部 ends in 部).
constexpr std::string_view kNoEnding = "none";

}  // namespace

Directory Directory::parse(std::string_view aliases_tsv, std::string_view categories_tsv,
                           std::string_view aliases_source, std::string_view categories_source) {
  Directory d;
  // The aliases file is "canonical<TAB>alias"; store alias -> canonical.
  for (auto& [canonical, alias] : parse_pairs(aliases_tsv, aliases_source, true))
    d.aliases_.emplace_back(std::move(alias), std::move(canonical));
  d.categories_ = parse_pairs(categories_tsv, categories_source, false);
  for (const auto& [ending, category] : d.categories_)
    if (category != "government" && category != "enterprise" && category != "social_organisation" && category != "other" &&
        category != kNoEnding)
      throw std::runtime_error(fmt::format("{}: unknown category '{}' for '{}'", categories_source, category, ending));
  auto longest_first = [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); };
  std::stable_sort(d.aliases_.begin(), d.aliases_.end(), longest_first);
  std::stable_sort(d.categories_.begin(), d.categories_.end(), longest_first);
  for (const auto& [ending, category] : d.categories_) {
    if (category == kNoEnding) continue;
    const std::string_view last = std::string_view(ending).substr(text::previous_code_point_start(ending, ending.size()));
    if (d.ending_last_chars_.find(last) == std::string::npos) d.ending_last_chars_ += last;
  }
  return d;
}

const Directory& Directory::builtin() {
  static const Directory d = parse(data::donor_aliases(), data::org_categories(), "data/donor_aliases.tsv",
                                   "data/org_categories.tsv");
  return d;
}

std::string Directory::canonical(std::string_view name) const {
  // Transliteration is costly and names repeat: remember what each name became.
  thread_local std::unordered_map<std::string, std::string> simplified_names;
  const std::string key(text::trim(name));
  auto cached = simplified_names.find(key);
  if (cached == simplified_names.end()) {
    if (simplified_names.size() > 100000) simplified_names.clear();
    cached = simplified_names.emplace(key, text::to_simplified(key)).first;
  }
  const std::string& simplified = cached->second;
  for (const auto& [alias, canonical] : aliases_) {
    if (simplified == alias) return canonical;
  }
  for (const auto& [alias, canonical] : aliases_) {
    if (text::starts_at(simplified, 0, alias) && simplified.size() > alias.size()) {
      // Only when the canonical name itself starts a longer name (郑州高新区 -> 郑州高新区工会),
      // never when the alias is a whole different organisation's name.
      return canonical + simplified.substr(alias.size());
    }
  }
  return simplified;
}

std::string Directory::category(std::string_view name) const {
  for (const auto& [ending, category] : categories_)
    if (text::ends_at(name, name.size(), ending)) return category == kNoEnding ? "other" : category;
  for (const auto& [alias, canonical] : aliases_)
    if (name == canonical || name == alias) return "government";
  return "other";
}

std::string_view Directory::organisation_ending(std::string_view name) const {
  for (const auto& [ending, category] : categories_) {
    if (category == kNoEnding && text::ends_at(name, name.size(), ending)) return {};
    if (text::ends_at(name, name.size(), ending) && name.size() > ending.size()) return ending;
  }
  return {};
}

bool Directory::is_organisation_ending(std::string_view name) const {
  return std::any_of(categories_.begin(), categories_.end(), [&](const auto& c) { return c.first == name && c.second != kNoEnding; });
}

bool Directory::may_end_organisation(std::string_view name) const {
  if (name.empty()) return false;
  const std::string_view last = name.substr(text::previous_code_point_start(name, name.size()));
  return last.size() > 1 && ending_last_chars_.find(last) != std::string::npos;
}

bool Directory::has_organisation_ending(std::string_view name) const {
  return !organisation_ending(name).empty();
}

std::optional<std::pair<Span, std::string>> Directory::find_known(std::string_view text) const {
  // The first mention in the text; at the same place the longest alias (aliases_ is longest first).
  std::optional<std::pair<Span, std::string>> best;
  for (const auto& [alias, canonical] : aliases_) {
    const std::size_t at = text.find(alias);
    if (at != std::string_view::npos && (!best || at < best->first.begin)) best = std::make_pair(Span{at, at + alias.size()}, canonical);
  }
  return best;
}

std::vector<std::string> Directory::aliases_of(std::string_view canonical_name) const {
  std::vector<std::string> out;
  for (const auto& [alias, canonical] : aliases_)
    if (canonical == canonical_name) out.push_back(alias);
  return out;
}

}  // namespace aidledger::extract
