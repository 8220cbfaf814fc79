// The extractor's working model of one sentence (internal to src/extract/).
//
// A sentence is read once into typed tokens: lexicon words, amounts and quantities, dates and
// places, all in sentence byte offsets. Clauses (split at ，：；) then fill frames: for each amount
// the giver, recipients, distribution, status, scope and kind, each decided in its own file
// (givers.cpp, recipients.cpp, frames.cpp) from the tokens, never from fixed character distances.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "aidledger/extract/dates.hpp"
#include "aidledger/extract/events.hpp"
#include "aidledger/extract/lexicon.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/extract/organisations.hpp"
#include "aidledger/extract/places.hpp"

namespace aidledger::extract::detail {

struct DatedMention {
  Span span;  // in the sentence text
  DateRange date;
  bool plan = false;
  bool five_year_plan = false;  // 十三五, 十四五: a period, which dates only a summary over it
  std::string written;
};

/// One sentence as typed tokens; every span is in `text`.
struct SentenceTokens {
  std::string_view text;
  std::vector<LexToken> words;      // lexicon entries, not overlapping amounts, dates or places
  std::vector<Measure> measures;    // money and goods
  std::vector<RefusedMeasure> refused;  // amounts written but refused (past the ceiling, not exact)
  std::vector<PlaceMention> places;
  std::vector<DatedMention> dates;
  std::vector<Span> clauses;        // split at ，：；
  std::vector<Span> segments;       // split at ；
  std::vector<Span> quotes;         // inside “…” or 《…》
  std::vector<Span> titles;         // inside 《…》: a document's name, whose dates date nothing
  std::vector<std::pair<Span, std::string>> organisations;  // names by their endings, canonical

  std::size_t clause_of(std::size_t pos) const;
  std::size_t segment_of(std::size_t pos) const;
  bool quoted(std::size_t pos) const;
  /// The first Han character at or after `pos` (past punctuation and spaces), or `limit`.
  std::size_t han_from(std::size_t pos, std::size_t limit) const;
  /// Lexicon words of category `c` inside [region.begin, region.end).
  const LexToken* first(Cat c, Span region) const;
  const LexToken* last(Cat c, Span region) const;
  /// The last word in `region` with any of `cats`.
  const LexToken* last(CatSet cats, Span region) const;
  bool has(Cat c, Span region) const { return first(c, region) != nullptr; }
  /// The word token starting exactly at `pos`, if any.
  const LexToken* word_at(std::size_t pos) const;
  /// The word token ending exactly at `pos`, if any.
  const LexToken* word_before(std::size_t pos) const;
  std::string_view slice(std::size_t a, std::size_t b) const { return text.substr(a, b > a ? b - a : 0); }
  std::string_view slice(Span s) const { return slice(s.begin, s.end); }
};

SentenceTokens tokenize(std::string_view sentence, const Lexicon& lex, const PlaceFinder& places, const Directory& d);

/// What an article remembers while it is read.
struct ArticleMemory {
  std::string last_organisation;          // canonical: what 该公司 / 其 refer to
  std::string last_organisation_written;
  std::string actor;                      // canonical organisation the article is about
  std::vector<std::string> townships;     // townships the article names, in order
  std::vector<std::string> paired;        // the gazetteer's paired townships (两乡镇 when the article names fewer)
  std::string last_township;              // the township named last: what 该镇/该乡 refer to
  std::string home_township;              // the township whose own page this is (its name in the page's header): 我镇/本乡
  std::vector<std::string> recent_townships;  // townships named so far, the most recent last (each once)
  std::string pairing_donor;              // the district the paired townships are paired with
  std::optional<DateRange> published;     // the page's publication date, when known
  std::string giver;                      // canonical giver of the gift being read (for 两乡镇)
  // The giver of the last pledge the article read, named (not stood in for): who pays a tranche
  // whose sentence names no giver (…签下协议，该公司将出资90万元。签约当天，首期30万元已划入…).
  std::string pledge_giver, pledge_giver_written;
  std::optional<Kind> pledge_kind;  // the kind of the last pledge with a named giver: its tranches are of it
  // Where that pledge goes (recipient as written, township), one per township: where a tranche told
  // in a later sentence with no place of its own goes.
  std::vector<std::pair<std::string, std::string>> pledge_places;
  // The giver named (not stood in for) of the last gift the article read: who gives again in a
  // sentence that names no giver and says 又/还/再 (…捐赠路灯120盏。10月，又为该村小学送去棉衣…).
  std::string named_giver, named_giver_written;
  /// The townships 两乡镇 (`count` of them) stand for: the article's when it names that many, else
  /// the gazetteer's pair (the caller checks the size).
  const std::vector<std::string>& townships_counted(int count) const {
    return static_cast<int>(townships.size()) == count ? townships : paired;
  }
  /// Notes a township as the one named last.
  void saw_township(const std::string& township);
  std::string last_institution, last_institution_township;  // the school or clinic named last: 该校/该院
  std::vector<std::pair<std::string, std::string>> recent_schools;  // schools named, the last last: 两校
  // Where the story stands: the one place (school, village or township) named by the last sentence
  // that named places in one township only; empty after a sentence naming several townships or
  // 两乡镇. A gift whose sentence names no place went there (慰问组来到甲乡敬老院。…为敬老院送去…).
  std::string scene, scene_township;
  std::optional<std::int64_t> people_counted;  // the last count of people in the sentence before (30名留守儿童)
  // The same counted by township in the sentence before (其中甲乡19人，乙镇23人): place, township, count.
  std::vector<std::tuple<std::string, std::string, std::int64_t>> people_counted_by_place;
  // The last total of people or households the article counted with 共 (此次共慰问45户): the count
  // and its unit, for 每户/每人 further on that no nearer count serves.
  std::optional<std::pair<std::int64_t, std::string>> people_totalled;
  // The year the article reports on, when its title names one (2022年度…资金使用情况公示): what its
  // gifts without a date of their own are dated by, rather than the day it was printed.
  std::optional<DateRange> year_reported;
  /// The year a part of the article is about: a heading (一、2022年工作回顾) or a lead that opens
  /// with it (2023年，高新区…). 全年/年内 in a sentence of that part mean that year.
  std::optional<DateRange> section_year;
  std::string last_person;  // the person named last after an office (主任周敏): what 她/他个人 refer to
  bool last_person_by_title = false;  // named after a title of a private person (退休教师李桂兰): 她/他 alone refer to them
  bool person_gave_last = false;  // the last gift read was last_person's own (创始人周某个人出资…): what 其 then refers to
  std::string delegation;   // canonical: the organisation whose delegation was named last (区教育局调研组)
  // The organisation that held the event the article reports (由区总工会主办的展销会): who the
  // sales there are credited to when no buyer is named.
  std::string host, host_written;
  // Organisations named so far, as written and canonical: a short name (天明) stands for the
  // one it is part of (河南天明实业有限公司).
  std::vector<std::pair<std::string, std::string>> organisations;
  /// Remembers an organisation as the latest named. Each name is kept once and only the last
  /// kRemembered are kept, so that memory (copied per clause) stays small on any length of article.
  void remember(std::string written, std::string canonical);
  static constexpr std::size_t kRemembered = 32;
  /// A company named earlier and now by its brand alone (郑州恒信达智能装备股份有限公司 … 说起恒信达,):
  /// the latest such mention in `text` after `from` makes it the latest named again. True if one did.
  bool recall_by_brand(std::string_view text, std::size_t from);
  /// What a pronoun (该公司, 该会, 其) refers to: the last organisation of its kind, canonical.
  std::optional<std::string> referent(std::string_view pronoun) const;
  /// What 两会 / 两家企业 refer to: the last `n` organisations of that kind, canonical, in the order
  /// named; empty when fewer were named.
  std::vector<std::string> referents(std::string_view phrase, std::size_t n) const;
  /// The last `n` organisations whose names end in one of `endings` (any when empty), as referents() gives them.
  std::vector<std::string> referents_of_kind(std::string_view endings, std::size_t n) const;
  /// The organisation named earlier whose written name contains `short_name`, canonical.
  std::optional<std::string> expand(std::string_view short_name) const;
};

/// A giver: one organisation, or several listed together (甲公司、乙公司分别捐赠).
struct Giver {
  std::string canonical, written, basis;  // basis: subject | earlier clause | pronoun | passive | article actor | unknown
  Span span;                              // in the sentence; empty when not written there
  std::vector<std::string> members;       // canonical names when several are listed
  std::vector<std::string> members_written;
  std::int64_t unnamed_count = 0;         // 3家会员企业: givers counted, not named
};

/// The giver of the clause `ci`, written in it before `limit` (the verb or the amount).
std::optional<Giver> giver_in_clause(const SentenceTokens& s, std::size_t ci, std::size_t limit, const Directory& d,
                                     const Gazetteer& g, const ArticleMemory& memory);
/// Where the Han characters from `at` that may be a person's name stop: at most three, before
/// `end`, punctuation or a character that follows names rather than belongs to them (李桂兰得知,
/// 周敏也, 赵永恒说).
std::size_t name_run_end(std::string_view text, std::size_t at, std::size_t end);
/// Where a person's name that starts at `at` ends: a run of two or three characters (name_run_end)
/// that the text does not carry on past. npos when no such name starts there.
std::size_t person_name_end(std::string_view text, std::size_t at, std::size_t end);
/// The giver named after 收到/获得/由 before `limit` in clause `ci`.
std::optional<Giver> passive_giver(const SentenceTokens& s, std::size_t ci, std::size_t limit, const Directory& d);
/// Organisations named anywhere in the text (by their endings), in order, canonical. `words` is
/// the lexicon's scan of the text when the caller has it.
std::vector<std::pair<Span, std::string>> organisations_in(std::string_view text, const Directory& d,
                                                           const std::vector<LexToken>* words = nullptr);

struct Recipient {
  std::string name;
  std::string township;  // canonical, or empty when not known
};

/// Recipients of the gift whose amount is at `measure` and whose verb is at `verb` (or npos).
/// The townships a collective mention (两乡镇, 两镇) stands for, given what the article named.
std::vector<Recipient> expand_collective(const PlaceMention& p, const ArticleMemory& memory);
std::vector<Recipient> recipients_for(const SentenceTokens& s, std::size_t frame_begin, std::size_t verb, std::size_t measure,
                                      const std::optional<Giver>& giver, const ArticleMemory& memory);
/// Recipients sharing a township become one; several townships stay several.
std::vector<Recipient> group_by_township(const std::vector<Recipient>& rs);

/// One amount's frame: the clauses that say who gave it, how and to whom.
struct Frame {
  std::size_t measure = 0;        // index into SentenceTokens::measures
  Span segment;                   // the ';' segment holding it
  std::size_t frame_begin = 0;    // start of the first clause of the frame
  const LexToken* trigger = nullptr;  // the giving, buying or selling word
  bool consumption_setting = false;   // a 展销会 or 消费帮扶 setting: sales are aid
  bool giver_named_in_clause = false; // the giver is the subject of the gift's own clause
  bool buyer_named = false;           // a buying word's buyer is named in the sentence (subject or an earlier clause)
};

/// Pledged or disbursed, and whether it is a tranche of a pledge. Modals (将, 拟, 计划) govern
/// their clause and the clauses after it; completion (已, 到位) and tranches (首期) in the amount's
/// own clause say it was paid.
Status status_of(const SentenceTokens& s, const Frame& f, bool& tranche);
/// The number a tranche word of the amount's clause gives it (首期 1, 第二批 2), or 0.
int tranche_number(const SentenceTokens& s, const Frame& f);

/// A summary of many gifts (累计, 以来…共, a year's total over many projects), not one gift.
bool is_aggregate(const SentenceTokens& s, const Frame& f, const std::optional<DateRange>& date, bool date_is_whole_year, Kind kind);

/// Cash, goods or consumption aid.
Kind kind_of(const SentenceTokens& s, const Frame& f);

/// 分别/各/均/每 between the giver and the amount: each recipient (or giver) gets it.
bool says_each(const SentenceTokens& s, std::size_t from, std::size_t measure_begin);
/// 共/共计/合计 right before the amount: a total, never each.
bool says_total(const SentenceTokens& s, std::size_t from, std::size_t measure_begin);

/// Amounts listed together from measure `k` on (8万元、6万元和3万元): their indices.
std::vector<std::size_t> amount_list(const SentenceTokens& s, std::size_t k);

/// The goods named between `from` and `to` (an item), cleaned of particles; empty when none.
std::string item_between(const SentenceTokens& s, std::size_t from, std::size_t to);
std::string item_after(const SentenceTokens& s, std::size_t from, std::size_t clause_end);

/// 乡党委书记, 镇政府, 村干部: a township's or village's own bodies and their people, named without
/// the place (they receive and sell; they do not give or buy).
bool township_body(std::string_view name);

}  // namespace aidledger::extract::detail
