// Places of the paired county: a gazetteer loaded from a data file, and a finder that reads
// township, village, school and clinic names out of text and resolves them to their township.
#pragma once
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidledger/text/document.hpp"

namespace aidledger::extract {

using text::Span;

struct GazetteerEntry {
  std::string level;                    // county, township, village, school, clinic
  std::string name;
  std::string parent;
  std::vector<std::string> short_forms;
};

class Gazetteer {
 public:
  /// Parses the tab-separated data file; throws std::runtime_error naming `source` and the line.
  static Gazetteer parse(std::string_view tsv, std::string_view source);
  /// The gazetteer compiled into the binary (data/gazetteer.tsv).
  static const Gazetteer& builtin();

  const std::vector<GazetteerEntry>& entries() const { return entries_; }
  std::vector<std::string> townships() const;
  /// Townships in report order: the paired ones first (data file lines "paired<TAB>name").
  std::vector<std::string> report_order() const;
  const std::vector<std::string>& paired() const { return paired_; }
  /// The district the paired townships are paired with, canonical (data file line "donor<TAB>name").
  const std::string& pairing_donor() const { return pairing_donor_; }
  std::string county() const;
  /// Canonical township for a township name, a short form, or a listed village/school.
  std::optional<std::string> township_of(std::string_view name) const;
  /// Closest township names to a misspelt query, best first.
  std::vector<std::string> suggest(std::string_view query, std::size_t max = 3) const;

 private:
  std::vector<GazetteerEntry> entries_;
  std::vector<std::string> paired_;
  std::string pairing_donor_;
};

enum class PlaceLevel { county, township, village, school, clinic, collective };
std::string_view to_string(PlaceLevel l);

struct PlaceMention {
  Span span;
  std::string name;        // as written (Simplified)
  std::string township;    // canonical township, or empty when not known
  PlaceLevel level = PlaceLevel::township;
  int count = 0;           // for collective mentions such as 两乡镇: how many townships
  bool township_written = false;  // the township stands right before it (双槐树乡东坡村), or it is one
};

/// Villages and schools placed in a township by earlier pages of a corpus: 木桐乡东坡村 on one page
/// places 东坡村 on the pages read after it. A name two pages place in different townships is
/// dropped (village names repeat across a county).
class CorpusPlaces {
 public:
  struct Entry {
    std::string township, source;  // source: the page that placed it
    bool ambiguous = false;
  };
  /// The township of `name`, when one page placed it and no page placed it elsewhere.
  const Entry* find(std::string_view name) const;
  void add(const std::string& name, const std::string& township, const std::string& source);
  std::size_t size() const { return entries_.size(); }

 private:
  std::map<std::string, Entry, std::less<>> entries_;
};

/// Finds places in the text of one page. Villages and schools named right after their township
/// ("木桐乡东坡村") are learned for the rest of the page.
class PlaceFinder {
 public:
  explicit PlaceFinder(const Gazetteer& g);
  /// Reads the whole page once to learn village -> township pairs.
  void learn(std::string_view page_text);
  std::vector<PlaceMention> find(std::string_view text) const;
  /// True when the text names the county or one of its townships in full.
  bool mentions_county(std::string_view text) const;
  /// Places villages the gazetteer does not know where earlier pages placed them (after what the
  /// page itself says). The corpus must outlive the finder.
  void use_corpus(const CorpusPlaces* corpus) { corpus_ = corpus; }
  /// Villages in `text` (a recipient as written) that only the corpus places: name -> township.
  std::vector<std::pair<std::string, std::string>> corpus_names_in(std::string_view text) const;
  /// What learn() read on the page: village or school -> township.
  const std::map<std::string, std::string, std::less<>>& learned() const { return learned_; }

 private:
  std::optional<std::string> resolve_local(std::string_view name) const;
  const Gazetteer& gazetteer_;
  const CorpusPlaces* corpus_ = nullptr;
  std::map<std::string, std::string, std::less<>> learned_;  // village/school -> township
  // Townships of other counties a page names in a pairing sentence (青川县木鱼镇、姚渡镇).
  std::vector<std::string> learned_townships_;
  // Township and county names and short forms, by their first character, for one pass over a text.
  struct Name {
    std::string text, township;
    PlaceLevel level;
    bool short_form;
  };
  std::unordered_map<char32_t, std::vector<Name>> names_by_first_char_;
  std::vector<bool> first_chars_ = std::vector<bool>(0x10000, false);  // a quick test before the map
  void index_name(std::string text, std::string township, PlaceLevel level, bool short_form);
};

}  // namespace aidledger::extract
