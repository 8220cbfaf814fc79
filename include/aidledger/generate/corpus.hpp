// A corpus with known answers: pages in the paper's style, and the ledger lines they must give.
//
// The generator invents a world (districts from donor_aliases.tsv, townships and pairings from
// gazetteer.tsv, companies, associations and villages built from parts in corpus_vocabulary.tsv),
// then writes pages in date order. Each page has a masthead with its date and 2-4 articles: aid
// articles, whose sentences state gifts in the ways the extractor is asked to read (各, 分别,
// 每户 x count, pledges and tranches, 累计 summaries, givers with descriptors and manner words,
// villages and schools of a township, cash, goods and consumption aid, amounts in many written
// forms), and other news full of numbers that are no aid (产值, 投资, 营收, 亩, 人次, %). Later
// pages restate earlier gifts in review sentences (去年5月…捐赠的…); a few gifts are restated on
// many pages. Pages come in Simplified and Traditional script, UTF-8 (with and without BOM),
// GB18030, Big5 and UTF-16 with BOM, some with CR LF line ends.
//
// The expected lines are in the gold format of ../shared/gold/seeds_expected.csv: each gift once,
// on the page that first reports it. Everything follows from the seed: the same options give the
// same bytes on every platform (see random.hpp), given the same data files and ICU version (ICU
// writes the Traditional script and decides which pages an encoding can hold).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aidledger::generate {

struct Options {
  std::uint64_t seed = 1;
  std::size_t pages = 100;        // pages to write (with max_bytes: the plan that spreads the dates)
  std::uint64_t max_bytes = 0;    // when not 0: stop after the page that brings the total to this size
};

/// One row of expected.csv.
struct ExpectedLine {
  std::string file;               // page file name (no folder)
  std::string year;               // the gift's year, or "?" for a total since the pairing began
  std::string township;           // canonical township or JOINT
  std::string kind;               // cash | in_kind | consumption
  std::string status;             // pledged | disbursed
  std::string donor_key;          // part of the donor's canonical name that names only this donor
  std::optional<std::int64_t> amount_fen;
  std::optional<std::int64_t> quantity;
  std::string unit;
  bool aggregate = false;
  std::string note;               // the phrasing that states it
};

/// The header row of expected.csv, with its line end.
std::string expected_header();
/// One row of expected.csv, with its line end.
std::string expected_row(const ExpectedLine& line);

struct GeneratedPage {
  std::string file_name;          // p000001.txt
  std::string bytes;              // as written to disk
  std::string encoding;           // UTF-8, UTF-8-BOM, UTF-16LE, UTF-16BE, GB18030, Big5
  std::string script;             // Hans or Hant
  bool crlf = false;
  std::vector<ExpectedLine> expected;  // gifts first reported on this page
  int restatements = 0;           // earlier gifts this page restates
};

struct CorpusStats {
  std::size_t pages = 0;
  std::uint64_t bytes = 0;
  std::size_t expected_lines = 0;
  std::size_t statements = 0;     // sentences stating new gifts
  std::size_t restatements = 0;   // sentences restating earlier ones
  std::size_t most_restated = 0;  // pages restating the gift restated most often
  std::size_t restated_50 = 0;    // statements restated on 50 pages or more
  std::size_t fallbacks = 0;      // pages kept in UTF-8 because the chosen encoding could not hold them
  std::map<std::string, std::size_t> encodings;  // "GB18030 Hans", "UTF-8 Hant CRLF", ...
};

class CorpusGenerator {
 public:
  explicit CorpusGenerator(const Options& options);
  ~CorpusGenerator();
  CorpusGenerator(const CorpusGenerator&) = delete;
  CorpusGenerator& operator=(const CorpusGenerator&) = delete;

  /// False once the planned pages (or bytes) are written.
  bool more() const;
  /// The next page in date order.
  GeneratedPage next();
  const CorpusStats& stats() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Writes DIR/pages/*.txt and DIR/expected.csv. DIR may exist but must not hold pages/ or
/// expected.csv already. Throws std::runtime_error naming the path and the reason.
CorpusStats write_corpus(const Options& options, const std::string& dir);

}  // namespace aidledger::generate
