// Reading one sentence's amounts into aid reports (internal to src/extract/).
//
// SentenceReader holds what the frames of one sentence share: its tokens, the article's memory, the
// dates around it. Its members are defined by what they decide: sentence_reader.cpp (the loop over
// the amounts and the word that gives each), reader_amount.cpp (one amount's frame),
// reader_givers.cpp, reader_recipients.cpp, reader_distribution.cpp, reader_goods.cpp and
// reader_dates.cpp. The helpers those files share and the passes across sentences
// (across_sentences.cpp) that EventExtractor::extract runs are declared here too.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aidledger/extract/events.hpp"
#include "aidledger/extract/frame.hpp"
#include "aidledger/extract/numbers.hpp"

namespace aidledger::extract::detail {

// A visiting group named after the organisation that sent it (区教育局调研组, 区总工会慰问团).
inline constexpr std::string_view kDelegations[] = {"调研组", "工作组", "慰问组", "慰问团", "代表团", "考察团", "帮扶组", "工作队", "调研团", "医疗队", "义诊队", "服务队"};

inline constexpr CatSet kTriggers = bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::buy);

// Multiplies checked: a count times a per-unit amount that would overflow is no amount.
inline std::optional<std::int64_t> times(std::int64_t a, std::int64_t b) { return checked_product(a, b); }
// …and an amount of money past the ceiling of one ledger line is none either.
inline std::optional<std::int64_t> times_money(std::int64_t fen, std::int64_t n) {
  auto r = checked_product(fen, n);
  if (r && !within_line_ceiling(*r)) return std::nullopt;
  return r;
}

// Shared by the files that read sentences; each is defined, and explained, in the file named.
// reader_givers.cpp
bool hosts_event(std::string_view text, Span org);
void remember_person(ArticleMemory& memory, const SentenceTokens& s, std::size_t end);
std::string of_own_district(std::string donor, const Gazetteer& g);
// reader_recipients.cpp
std::optional<std::int64_t> count_in(std::string_view text, std::size_t pos, std::size_t from);
std::size_t count_numerals_end(std::string_view text, std::size_t at, std::size_t to);
std::vector<std::pair<Recipient, std::int64_t>> counts_by_place(const SentenceTokens& s, std::size_t from, std::size_t to);
std::u32string units_counting(std::string_view per);
std::optional<std::int64_t> first_count_in(std::string_view text, std::size_t from, std::size_t to, std::u32string_view units);
// reader_distribution.cpp
std::vector<Allocation> allocate(const std::vector<Recipient>& recipients, bool each, std::optional<std::int64_t> amount,
                                 std::optional<std::int64_t> high, std::optional<std::int64_t> quantity);
std::vector<Allocation> allocate_measure(const std::vector<Recipient>& recipients, bool each, const Measure& m);
bool take_parts_of_total(std::vector<AidReport>& parts, const AidReport& total, const std::vector<std::size_t>& without_verb);
// reader_goods.cpp
void value_goods_as_one(std::vector<AidReport>& reports, std::size_t first, const Measure& value);

// Passes across sentences (across_sentences.cpp), run by EventExtractor::extract once a sentence is read.
bool place_money_of_sentence_before(const detail::SentenceTokens& s, const detail::ArticleMemory& memory, AidReport& gift);
bool place_goods_of_sentence_before(const detail::SentenceTokens& s, const detail::ArticleMemory& memory, std::vector<AidReport>& reports,
                                    std::size_t from);
bool value_goods_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from,
                                    bool read_nothing);
bool giver_of_goods_before(const detail::SentenceTokens& s, std::vector<AidReport>& read, std::vector<AidReport>& reports,
                           std::size_t from, const Directory& d, const Gazetteer& g, const detail::ArticleMemory& memory);
void count_per_unit_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from);
bool price_goods_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from);
void drop_totals_itemised_after(std::vector<AidReport>& reports);

// Everything one sentence's frames share.
class SentenceReader {
 public:
  SentenceReader(const SentenceTokens& s, const text::Sentence& sentence, ArticleMemory& memory, const Directory& d,
                 const Gazetteer& g, std::optional<DateRange> paragraph_last, std::optional<DateRange> article_date,
                 bool consumption_article, bool follows_total);

  /// The date of the sentence before, when it set the scene (a date, no amount) in this paragraph:
  /// 岁末，某街道把牵挂送到了甲乡敬老院。街道干部为老人送去… is dated by it.
  std::optional<DateRange> scene_date;
  /// The date the sentence before in this paragraph stated (a year too): 郑州市各帮扶单位去年普遍加大了
  /// 投入。其中，甲区向…拨付… is dated by it, when the sentence opens with 其中.
  std::optional<DateRange> breakdown_date;
  /// Products (每户N元×M户) refused by read(): past the ceiling of one ledger line.
  std::vector<RefusedMeasure> refused;
  /// The sentence lists who gave the parts of the total read in the sentence before (其中，甲4万元，
  /// 乙2.6万元): every report read is such a part.
  bool breakdown_of_total_before = false;
  /// Which of those parts have no verb of their own (区总工会4万元): they are of the total's kind.
  std::vector<std::size_t> parts_without_verb;

 private:
  // Parts by giver are being read (其中，甲4万元，乙2.6万元), of a total in the sentence before or of
  // the one at reports[*total_in_sentence_] in this sentence.
  bool reading_parts_by_giver_ = false;
  std::optional<std::size_t> total_in_sentence_;

  // The report whose goods were counted per unit (68户每户一台 → 68台), with that count.
  struct CountedUnits {
    std::size_t report, clause;
    std::int64_t count;
  };
  std::optional<CountedUnits> counted_units_;

 public:

  std::vector<AidReport> read();

 private:
  std::size_t page(std::size_t pos) const { return sentence_.page_offset(pos); }

  // sentence_reader.cpp: the word that gives an amount, correction notices, products refused.
  const LexToken* find_trigger(std::size_t k, std::size_t segment_begin) const;
  void refuse_product(const Measure& m, std::int64_t n, const std::string& written_value);
  bool is_correction_notice() const;
  void apply_correction(std::vector<AidReport>& reports) const;
  bool continues_list(std::size_t clause_begin) const;
  bool clause_has_amount(std::size_t c) const;

  // reader_amount.cpp: one amount's frame, from its trigger to its reports.
  void read_measure(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports);

  // reader_givers.cpp: who gave.
  ArticleMemory memory_at(std::size_t pos) const;
  // A later clause of the same segment as clause `after` that opens with 由 and a verb of giving
  // (…，价值共计18.6万元，由某公司捐赠): the first such clause and its verb.
  struct NamedLast {
    std::size_t clause;
    const LexToken* verb;
    std::optional<Giver> named;  // 是某公司去年捐赠的: the organisation after the copula
  };
  std::optional<NamedLast> giver_named_last(std::size_t after) const;
  std::optional<Giver> topic_after_description(Span segment, std::size_t mc) const;
  std::optional<Giver> giver_named_after(std::size_t after) const;
  Giver named_giver(Span span, const std::string& name, std::string basis) const;
  std::optional<std::pair<std::string, std::string>> host_before(std::size_t pos) const;
  std::string of_own_district(std::string donor) const;
  bool came_from_county(std::size_t from, std::size_t name_begin) const;
  static bool is_people_group(std::string_view name);
  bool starts_with_local_place(std::string_view name) const;
  std::string_view subject_text(std::size_t ci, std::size_t limit) const;
  std::string_view delegation_subject(std::size_t ci, std::size_t limit) const;
  bool again_without_subject(std::size_t ci, std::size_t limit) const;
  bool parts_name_givers(std::size_t from) const;
  bool opens_with_these() const;
  std::optional<std::string> person_after_office(Span region) const;

  // reader_recipients.cpp: to whom, and how many of them.
  static bool bare_village(std::string_view name);
  static bool local_institution(std::string_view name);
  std::optional<std::int64_t> counted_before_each(std::size_t from, std::size_t measure_begin, bool separately_too = false) const;
  std::size_t named_places(std::size_t from, std::size_t to) const;
  std::vector<std::pair<Recipient, std::int64_t>> counts_by_place(std::size_t from, std::size_t to) const;
  std::optional<std::int64_t> count_before(std::size_t pos, std::size_t from) const;
  std::vector<std::int64_t> counts_by_giver(const Giver& g, std::size_t from) const;
  const LexToken* gives_one(const LexToken& per, Cat c) const;
  const LexToken* each_has_one(const LexToken& per) const;
  bool one_for_each(const LexToken& per) const;
  bool rates_of_parts(const LexToken& per) const;
  std::string who_each_is(const LexToken& per) const;
  bool names_place_of_county() const;

  // reader_distribution.cpp: how an amount is shared, and totals split into their parts.
  void take_parts_of_total_in_sentence(std::vector<AidReport>& reports);
  static bool latin_letter(char32_t cp);
  std::size_t goods_listed_before_each(std::size_t amount_begin, const LexToken& trigger) const;
  AidReport* joint_line_read_last(std::vector<AidReport>& reports) const;
  bool splits_joint_total(std::size_t k, std::vector<AidReport>& reports) const;
  bool splits_joint_by_place_list(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) const;
  bool splits_joint_by_counted_places(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) const;
  // The one figure of a gift read before (its amount, else its count of goods), that parts or a
  // list after it may split: parts must be measures of the same kind (and unit).
  struct Whole {
    MeasureKind kind;
    std::int64_t value;
    std::string unit;
    bool fits(const Measure& m) const { return m.kind == kind && (kind == MeasureKind::money || m.unit == unit); }
    Allocation part(std::string recipient, std::string township, std::int64_t v) const {
      Allocation a;
      a.recipient = std::move(recipient);
      a.township = std::move(township);
      (kind == MeasureKind::money ? a.amount_fen : a.quantity) = v;
      return a;
    }
  };
  static std::optional<Whole> whole_of(const AidReport& r);
  bool split_by_list(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports);
  bool split_total(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports);
  bool split_by_kind(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports);
  std::optional<Allocation> remainder_allocation(std::size_t from, const Whole& whole, std::int64_t rest) const;
  bool each_one(const LexToken* w) const;
  bool says_equal_shares(std::size_t clause) const;
  bool restates_gifts_before(std::size_t k, std::int64_t total, const std::vector<AidReport>& reports) const;

  // reader_goods.cpp: goods, their value and item; a gift named with no amount.
  bool values_goods_after(std::size_t k) const;
  void take_goods_valued(AidReport& r, std::size_t k, std::optional<std::int64_t> places_counted, std::vector<bool>& used);
  const LexToken* value_word_before(std::size_t pos) const;
  // (Defined below, in this header: read_measure and attach_value both call it.)
  template <typename Units>
  void value_times_units(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports, Units units, std::string_view why,
                         std::size_t at = std::string_view::npos);
  bool attach_value(std::size_t k, const LexToken& value_word, std::vector<bool>& used, std::vector<AidReport>& reports);
  std::string item_for(const Frame& f, const AidReport* previous) const;
  bool is_unit_price(std::size_t j) const;
  std::optional<Measure> priced_quantity(std::size_t j) const;
  std::string bought_item(const LexToken& verb, std::size_t count_at) const;
  void read_unquantified_gifts(std::vector<AidReport>& reports) const;
  void join_cost_and_goods_after(std::vector<AidReport>& reports) const;
  void add_completion_of_pledged_build(std::vector<AidReport>& reports) const;
  void drop_produce_by_weight(std::vector<AidReport>& reports) const;
  void join_count_and_value(std::vector<AidReport>& reports) const;

  // reader_dates.cpp: when.
  bool opens_with_date(Span segment) const;
  std::optional<std::int64_t> years_stated() const;
  bool is_label(const DatedMention& d) const;
  bool day_of_dated_event(const DatedMention& d) const;
  bool dates_an_agreement(const DatedMention& d) const;
  bool dates_another_gift(const DatedMention& d, std::size_t measure_begin) const;
  std::optional<DateRange> plan_period(std::size_t measure_begin) const;
  bool pairing_began(std::size_t at) const;
  bool terms_of_years(const DatedMention& d) const;
  void date_report(AidReport& r, Span window, std::size_t measure_begin) const;

  const SentenceTokens& s_;
  const text::Sentence& sentence_;
  ArticleMemory& memory_;
  const Directory& directory_;
  const Gazetteer& gazetteer_;
  std::optional<DateRange> paragraph_last_;
  std::optional<DateRange> article_date_;
  bool consumption_article_;
  bool follows_total_;
  std::vector<std::pair<Span, std::string>> orgs_;
  // The end of a later clause that names the gift's giver and date (…，是某公司去年捐赠的):
  // the gift being read is dated up to there.
  std::size_t dated_until_ = 0;
};

// 价值 after counted goods: attach to the gift just read (in order when 分别价值 lists several).
// The value `k` of one unit times `units(allocation)` on each allocation of the last gift (or of
// the gift at `at`), which becomes goods with that value; refused whole (the gift dropped, the
// reason kept) when a product would overflow or pass the ceiling of one ledger line.
template <typename Units>
void SentenceReader::value_times_units(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports, Units units, std::string_view why,
                                       std::size_t at) {
  if (at >= reports.size()) at = reports.size() - 1;
  AidReport& r = reports[at];
  const Measure& m = s_.measures[k];
  const std::string written_value = format_fen(m.value);
  used[k] = true;
  for (auto& a : r.allocations) {
    const std::optional<std::int64_t> n = units(a);
    if (!n) continue;
    const auto product = times_money(m.value, *n);
    const auto high = m.high ? times_money(*m.high, *n) : std::nullopt;
    if (!product || (m.high && !high)) {
      refuse_product(m, *n, written_value);
      reports.erase(reports.begin() + static_cast<std::ptrdiff_t>(at));
      return;
    }
    a.amount_fen = product;
    if (high) a.amount_high_fen = high;
    r.notes.push_back(fmt::format("computed: {} x {} ({})", *n, written_value, why));
  }
  r.approximate = r.approximate || m.approximate;
  if (r.kind != Kind::consumption) r.kind = Kind::in_kind;  // (goods bought are still bought)
  r.measure.end = page(m.span.end);
}

}  // namespace aidledger::extract::detail
