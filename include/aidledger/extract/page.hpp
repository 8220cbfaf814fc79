// One page end to end through the extractor: decoded text -> articles -> aid reports.
// A pure function of the page, the data files and the villages earlier pages placed (none unless
// given), so pages can be read in parallel and fuzzed.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "aidledger/extract/dates.hpp"
#include "aidledger/extract/events.hpp"
#include "aidledger/text/decode.hpp"

namespace aidledger::extract {

struct ArticleRecord {
  int seq = 0;
  std::string id;              // "<file stem>#<seq>", stable while the file is unchanged
  std::string title;
  std::string sha256;          // of the article's normalised text
  std::size_t file_begin = 0, file_end = 0;
  int line = 0;
  std::optional<DateRange> date;
  std::string date_basis;      // dateline | page | unknown
  bool relevant = false;       // names the paired county or one of its townships
};

struct PageExtraction {
  text::Page page;
  std::optional<DateRange> reference;   // publication date, or only its year
  std::string reference_basis;          // manifest | inferred from the years the page mentions | unknown
  std::vector<ArticleRecord> articles;
  std::vector<AidReport> reports;
  std::vector<RefusedAmount> refused;   // amounts refused (page offsets), for warnings
  // Villages and schools the page places in a township (木桐乡东坡村): for the pages after it.
  std::vector<std::pair<std::string, std::string>> places_learned;
};

struct PageOptions {
  std::optional<DateRange> publication;  // from a manifest; day precision
  std::string id_prefix;                 // article ids: "<id_prefix>#<seq>"; default the file stem
  const CorpusPlaces* corpus_places = nullptr;  // villages earlier pages placed; none: the page alone
};

PageExtraction extract_page(text::Page page, const Gazetteer& gazetteer, const Directory& directory,
                            const PageOptions& options = {});

/// The warning for a refused amount: "FILE:LINE: warning: amount 9223372036854775807元 refused
/// (REASON); no ledger line is made of it: SENTENCE", with the amount and sentence as printed.
std::string refusal_warning(const PageExtraction& px, const RefusedAmount& refused);

/// A publication date in the page's masthead (a first line such as 2023年6月16日 星期五 第3版).
std::optional<DateRange> date_in_header(std::string_view text);

/// A publication date written in the file name (2021-10-25_x.txt, 20211025.txt), if any.
std::optional<DateRange> date_in_file_name(std::string_view path);

/// The file name without folders and extension.
std::string file_stem(std::string_view path);

}  // namespace aidledger::extract
