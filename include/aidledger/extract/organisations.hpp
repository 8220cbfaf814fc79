// Donor organisations: canonical names from an alias data file, and categories from the
// endings of their names (data/org_categories.tsv).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aidledger/text/document.hpp"

namespace aidledger::extract {

using text::Span;

class Directory {
 public:
  /// Parses both data files; throws std::runtime_error naming the file and line of a bad entry.
  static Directory parse(std::string_view aliases_tsv, std::string_view categories_tsv,
                         std::string_view aliases_source = "donor_aliases.tsv",
                         std::string_view categories_source = "org_categories.tsv");
  static const Directory& builtin();

  /// Canonical Simplified name: an alias maps to its canonical name; a name that starts with an
  /// alias gets the canonical prefix (高新区工会 -> 郑州高新区工会); anything else is kept as written.
  std::string canonical(std::string_view name) const;
  /// government | enterprise | social_organisation | other
  std::string category(std::string_view name) const;
  /// True when the name ends like an organisation (公司, 集团, 管委会, 工会 …).
  bool has_organisation_ending(std::string_view name) const;
  /// Whether `name` is itself one of the endings (妇联, 团委): a body's short name.
  bool is_organisation_ending(std::string_view name) const;
  /// A quick test before has_organisation_ending: the last character ends some ending.
  bool may_end_organisation(std::string_view name) const;
  /// The longest organisation ending `name` has (超市 for 某超市, 村 for 某村), empty when none.
  std::string_view organisation_ending(std::string_view name) const;
  /// The first known alias occurring in text (the longest one at that place), with its span.
  std::optional<std::pair<Span, std::string>> find_known(std::string_view text) const;
  /// Every alias that maps to `canonical_name` (for queries).
  std::vector<std::string> aliases_of(std::string_view canonical_name) const;

 private:
  std::vector<std::pair<std::string, std::string>> aliases_;     // alias -> canonical, longest alias first
  std::string ending_last_chars_;  // the last UTF-8 character of every ending, concatenated
  std::vector<std::pair<std::string, std::string>> categories_;  // ending -> category, longest first
};

}  // namespace aidledger::extract
