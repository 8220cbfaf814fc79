// Aid events read out of an article: who gave what to whom, when, in which form, and the
// sentence that says so. One AidReport is one statement of an event in one article; the ledger
// merges reports of the same event.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidledger/extract/dates.hpp"
#include "aidledger/extract/organisations.hpp"
#include "aidledger/extract/places.hpp"
#include "aidledger/text/document.hpp"

namespace aidledger::extract {

enum class Kind { cash, in_kind, consumption };
enum class Status { pledged, disbursed };
std::string_view to_string(Kind k);
std::string_view to_string(Status s);
std::optional<Kind> kind_from_string(std::string_view s);
std::optional<Status> status_from_string(std::string_view s);

inline constexpr std::string_view kJoint = "JOINT";

/// One line of an event: what one recipient (or several recipients jointly) received.
struct Allocation {
  std::string recipient;             // as written: 木桐乡 / 东坡村 / 木桐乡、汤河乡
  std::string township;              // canonical township, "JOINT", or empty when not known
  std::vector<std::string> covers;   // townships a JOINT line is for
  std::optional<std::int64_t> amount_fen;
  std::optional<std::int64_t> amount_high_fen;  // upper end of a written range
  std::optional<std::int64_t> quantity;
};

struct AidReport {
  int article_seq = 0;
  text::Span sentence;      // page offsets of the evidence sentence
  text::Span measure;       // page offsets of the amount or quantity (empty when none is written)
  std::string sentence_text;  // normalised, layout line breaks removed

  std::string donor;          // canonical; empty when unknown
  std::string donor_as_written;
  std::string donor_basis;    // subject | earlier clause | article actor | unknown

  std::vector<Allocation> allocations;
  std::string distribution;   // single | each | joint | per_unit
  Kind kind = Kind::cash;
  Status status = Status::disbursed;
  bool tranche = false;       // 首批/首期: paid against an earlier pledge
  int tranche_number = 0;     // 1 for 首期/第一批, 2 for 第二期 …; 0 when not a tranche or not numbered
  bool approximate = false;
  bool aggregate = false;     // 累计 … : a summary figure, never added into totals
  std::string item;
  std::string unit;

  std::optional<DateRange> date;  // the event's own date, when the text gives one
  std::string date_basis;         // how it was found: "stated 2021年5月", "relative 当天", …
  std::vector<std::string> notes; // anything a reviewer should know (per-unit count unknown …)
  /// A correction notice (更正：…“8万元”有误，应为“6.8万元”) restates an earlier report with this
  /// amount, which the report's amount replaces.
  std::optional<std::int64_t> corrects_fen;
  /// A per-unit gift (每人500元) whose count its sentence does not state, for a count stated in the
  /// next sentence (该校共有教师18名): who each one is as written before 每 (本科生; may be empty),
  /// and the units a count of them is in (名人位 for people, 户 for households).
  struct Uncounted {
    std::string who;
    std::u32string units;
  };
  std::optional<Uncounted> uncounted;
  /// A per-unit gift its sentence counted (每户发放500元 to 300户): the written amount (fen, or
  /// goods) per unit, the count, and the units the count is in (户家 for households), for a next
  /// sentence that splits the count by place (其中，甲乡160户，乙镇140户).
  struct Counted {
    std::int64_t per_unit = 0;
    std::int64_t count = 0;
    std::u32string units;
  };
  std::optional<Counted> counted;
  /// Money or goods raised (共募集善款326万元) whose sentence names no place: a gift only when the
  /// next sentence says where it went (这笔善款平均分配给…); otherwise no report is kept.
  bool raised_unplaced = false;
  /// Goods handed over with an everyday verb (送去, 运抵, 添置) and neither counted nor valued: a
  /// gift only when the next sentence values them (这批物资价值2.6万元); otherwise no report is kept.
  bool awaits_value = false;

  std::int64_t total_fen() const;
  std::int64_t total_quantity() const;
  bool has_amount() const;
  bool has_quantity() const;
};

/// An amount written in an article but refused: past the ceiling of one ledger line (also as a
/// product, 每户N元×M户), not a whole number of fen, or not exact. No report is made of it, nor of
/// its sentence without an amount.
struct RefusedAmount {
  text::Span amount;          // page offsets of the amount as written
  text::Span sentence;        // page offsets of its sentence
  std::string sentence_text;  // normalised, layout line breaks removed
  std::string reason;
};

/// What the extractor needs to know about the article around a sentence.
struct ArticleContext {
  std::optional<DateRange> date;         // the article's dateline, resolved
  std::vector<std::string> townships;    // townships the article names, in order
  std::string actor;                     // canonical organisation the article is about
  std::vector<RefusedAmount> refused;    // amounts refused in the article, in order
};

class EventExtractor {
 public:
  EventExtractor(const Gazetteer& g, const Directory& d) : gazetteer_(g), directory_(d) {}

  /// Reports of one article. `reference` is the page's publication date (or only its year).
  std::vector<AidReport> extract(std::string_view page_text, const text::Article& article,
                                 const PlaceFinder& places, std::optional<DateRange> reference,
                                 ArticleContext* context_out = nullptr) const;

  /// True when the article is about the paired county: it names the county or one of its
  /// townships, or names only the pair (两乡镇) on a page that names the county elsewhere.
  /// `page_names_county` caches, for one page, whether the page names the county (read once, when
  /// an article first needs it; start each page with an empty one).
  bool is_relevant(std::string_view page_text, const text::Article& article, const PlaceFinder& places,
                   std::optional<bool>& page_names_county) const;

 private:
  const Gazetteer& gazetteer_;
  const Directory& directory_;
};

}  // namespace aidledger::extract
