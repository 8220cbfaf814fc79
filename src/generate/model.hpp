// Internal to src/generate: the vocabulary, the invented world, the gifts and how they are written.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "aidledger/generate/corpus.hpp"
#include "aidledger/generate/random.hpp"
#include "aidledger/generate/written.hpp"

namespace aidledger::generate {

// ---- Data files (embedded at build time; see CMakeLists.txt) ------------------------------------

namespace data {
std::string_view gazetteer();
std::string_view donor_aliases();
std::string_view corpus_vocabulary();
}  // namespace data

struct Township {
  std::string name;   // 徐家湾乡
  std::string short_form;  // 徐家湾
};

struct District {
  std::string canonical;             // 郑州高新区
  std::vector<std::string> written;  // forms an article may use: 郑州高新区, 高新区, 郑州高新技术产业开发区 ...
  std::string short_form;            // 高新区: the prefix of its departments' names
  std::vector<int> paired;           // townships it is paired with
  bool pairing_known = false;        // named in gazetteer.tsv: 两乡镇 means these townships
};

/// The words of corpus_vocabulary.tsv by category; each entry is the word and its extra columns.
struct Vocabulary {
  std::string county;                // 卢氏县
  std::vector<Township> townships;
  std::vector<District> districts;
  std::map<std::string, std::vector<std::vector<std::string>>> words;  // category -> rows
  std::map<std::string, std::vector<std::string>> first_words;          // category -> first column

  /// The rows of a category, each the word and its extra columns; throws when there are none.
  const std::vector<std::vector<std::string>>& of(const std::string& category) const;
  /// The words of a category (first column); throws when there are none.
  const std::vector<std::string>& column(const std::string& category) const;
  /// True when `name` contains a place name or short form (a village or company must not).
  bool holds_place_name(std::string_view name) const;

  static Vocabulary builtin();
};

// ---- Dates -------------------------------------------------------------------------------------

struct Day {
  int y = 2018, m = 1, d = 1;
  std::int64_t serial() const;            // days since 1970-01-01
  static Day from_serial(std::int64_t z);
  int weekday() const;                    // 0 = Sunday
  bool operator<(const Day& o) const { return serial() < o.serial(); }
};

// ---- The world --------------------------------------------------------------------------------

enum class DonorType { district, department, city_body, society, company };

struct Donor {
  DonorType type = DonorType::company;
  std::string canonical;             // as the ledger writes it
  std::vector<std::string> written;  // as an article may write it
  std::string key;                   // expected.csv donor_key
  int family = -1;                   // district index for a district and its departments
  int home = -1;                     // district whose news it appears in
};

struct World {
  const Vocabulary* vocab = nullptr;
  std::vector<Donor> donors;
  std::vector<std::vector<std::string>> villages;  // per township
  std::vector<int> companies, societies, city_bodies;
  std::vector<std::vector<int>> district_donors;   // per district: the district and its departments
  std::vector<std::vector<int>> pairs;             // per district: the townships it is paired with

  void build(const Vocabulary& v, Rng& rng, std::size_t planned_pages);
};

// ---- Gifts ------------------------------------------------------------------------------------

enum class Kind { cash, in_kind, consumption };
enum class Status { pledged, disbursed };

struct GiftLine {
  int township = -1;                 // -1: JOINT
  std::optional<std::int64_t> fen;
  std::optional<std::int64_t> quantity;
};

/// One event: what the ledger must hold once, however many pages report it.
struct Gift {
  int donor = 0;
  Kind kind = Kind::cash;
  Status status = Status::disbursed;
  bool aggregate = false;
  std::string year;                  // "2021" or "?"
  std::string unit;
  std::vector<GiftLine> lines;
  std::string note;
};

enum class Pattern {
  cash_single,     // X向某村捐赠帮扶资金12万元
  goods_count,     // X向某校捐赠电脑30台
  goods_value,     // X为某乡送去价值3万元的米面油
  value_count,     // X向某校捐赠电脑20台，价值12万元
  each,            // X为甲乡、乙镇各送去慰问金5万元
  paired,          // X向甲乡、乙镇分别拨付帮扶资金8万元、6万元
  givers_each,     // A、B分别向某乡捐赠帮扶资金10万元、6万元
  per_unit,        // X为某乡30名困难学生每人发放助学金500元
  joint,           // X向甲乡、乙镇捐赠帮扶资金20万元 / 拨付各类帮扶资金
  pledge,          // X将向某乡投入帮扶资金80万元
  pledge_tranche,  // X承诺三年内向某乡投入600万元，首期200万元已于当月拨付到位
  later_tranche,   // 按照协议，X本月向某乡拨付第二期帮扶资金40万元
  year_total,      // 2022年全年，X共向某镇拨付帮扶资金210万元 (aggregate)
  since_total,     // 结对以来，X累计向某乡投入帮扶资金1860万元 (aggregate, year ?)
  this_year_total, // 今年以来，X累计为某乡投入帮扶资金120万元 (aggregate)
  buy,             // X一次性购买某镇香菇、木耳共计6.8万元 (consumption)
  buy_pledge,      // X计划全年采购某乡农产品60万元 (consumption pledge)
  pronoun,         // X多年来热心公益事业。近日，该公司向某镇捐赠旋耕机20台
};
std::string_view pattern_name(Pattern p);

struct PlaceRef {
  int township = 0;
  int village = -1;
  int institution = -1;       // index into the institution words
};

/// A sentence (or two) stating gifts: what it says, so that it can be written again later.
struct Statement {
  Pattern pattern = Pattern::cash_single;
  Day date;                          // the day the gift was made
  std::vector<int> donors;
  std::vector<PlaceRef> places;
  std::vector<std::int64_t> amounts; // fen: per place, per donor, or pledge then tranche
  std::vector<std::int64_t> counts;  // goods counts; head count for per_unit
  std::string item, unit, word, word2;
  int variant = 0;
  int year = 0;                      // year_total
  std::vector<Gift> gifts;
  bool restatable = false;
  std::size_t restated = 0;
};

struct ArticleContext {
  Day dateline;        // the day the article reports
  Day page_date;       // the masthead's day
  int district = 0;    // whose news it is
};

/// Draws a new statement for an article of `ctx.district`, or nothing when the draw collided with
/// gifts already made (the caller tries again).
class GiftMaker {
 public:
  GiftMaker(const World& world, Rng& rng) : world_(world), rng_(rng) {}
  std::optional<Statement> make(const ArticleContext& ctx);
  /// The sentence as first printed.
  std::string write(const Statement& s, const ArticleContext& ctx);
  /// A review sentence restating it on a later page.
  std::string restate(const Statement& s, const Day& page_date);

 private:
  bool accept(Statement& s);
  std::string giver(int donor, bool decorate);
  std::string place(const PlaceRef& p, bool county);
  std::string places_list(const Statement& s, bool county);
  std::int64_t draw_amount(std::int64_t low_yuan, std::int64_t high_yuan);

  const World& world_;
  Rng& rng_;
  // Gifts already made, so that no two are alike enough for the ledger to merge them:
  // (donor, kind, status, aggregate, total, unit).
  std::unordered_set<std::uint64_t> made_;
  // Expected rows that the scorer would mix up: a district and its departments (郑州高新区 is part
  // of 郑州高新区总工会) never share (year, township, kind, status, unit, aggregate).
  std::unordered_map<std::uint64_t, int> family_rows_;
};

// ---- Pages (pages.cpp) ------------------------------------------------------------------------

/// Text of one non-aid article (headline, dateline, body, byline), numbers everywhere.
std::string other_news(const World& world, Rng& rng, const Day& dateline, const Day& page_date);
/// A sentence of figures about a township that are no aid (villages, people, crops, visitors).
std::string township_facts(const World& world, Rng& rng, int township);

}  // namespace aidledger::generate
