// Aid events of one article: each sentence is read into typed tokens (tokens.cpp), and each
// amount or quantity fills a frame: giver (givers.cpp), recipients (recipients.cpp), status,
// scope, kind and distribution (frames.cpp). This file puts them together and keeps the
// article's memory (last organisation, townships, actor, dates) from sentence to sentence.
#include "aidledger/extract/events.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>

#include <fmt/format.h>

#include "aidledger/extract/frame.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract {

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::cash: return "cash";
    case Kind::in_kind: return "in_kind";
    case Kind::consumption: return "consumption";
  }
  return "cash";
}
std::string_view to_string(Status s) { return s == Status::pledged ? "pledged" : "disbursed"; }
std::optional<Kind> kind_from_string(std::string_view s) {
  for (Kind k : {Kind::cash, Kind::in_kind, Kind::consumption})
    if (to_string(k) == s) return k;
  return std::nullopt;
}
std::optional<Status> status_from_string(std::string_view s) {
  for (Status st : {Status::pledged, Status::disbursed})
    if (to_string(st) == s) return st;
  return std::nullopt;
}

std::int64_t AidReport::total_fen() const {
  std::int64_t t = 0;
  for (const auto& a : allocations) add_checked(t, a.amount_fen.value_or(0), "the total of a report's lines");
  return t;
}
std::int64_t AidReport::total_quantity() const {
  std::int64_t t = 0;
  for (const auto& a : allocations) add_checked(t, a.quantity.value_or(0), "the quantity of a report's lines");
  return t;
}
bool AidReport::has_amount() const {
  return std::any_of(allocations.begin(), allocations.end(), [](const Allocation& a) { return a.amount_fen.has_value(); });
}
bool AidReport::has_quantity() const {
  return std::any_of(allocations.begin(), allocations.end(), [](const Allocation& a) { return a.quantity.has_value(); });
}

bool EventExtractor::is_relevant(std::string_view page_text, const text::Article& article, const PlaceFinder& places,
                                 std::optional<bool>& page_names_county) const {
  const std::string_view text = article.span.of(page_text);
  if (places.mentions_county(text)) return true;
  // (本报讯 1月12日，高新区今年首批帮扶资金80万元拨付至两乡镇: the pair the page names elsewhere;
  // not when the article names a county of its own, 来到栾川县…帮助两乡镇.)
  if (text.find("县") != std::string_view::npos) return false;
  if (!page_names_county) page_names_county = places.mentions_county(page_text);  // once a page
  if (!*page_names_county) return false;
  const auto found = places.find(text);
  return std::any_of(found.begin(), found.end(), [](const PlaceMention& p) { return p.level == PlaceLevel::collective; });
}

namespace {
// A count of people in `text`: digits or a Chinese numeral, then 人 or 名 (238人, 三十名).
bool counts_people(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = text::next_code_point(text, i);
    const bool numeral = (cp >= U'0' && cp <= U'9') || std::u32string_view(U"一二两三四五六七八九十百千万").find(cp) != std::u32string_view::npos;
    if (numeral && i < text.size() && (text::starts_at(text, i, "人") || text::starts_at(text, i, "名"))) return true;
  }
  return false;
}

// The year a review's title looks back on: 2022年度…公示, 回眸2021, 2023年帮扶工作回顾.
std::optional<DateRange> year_reviewed(std::string_view title) {
  bool review = false;
  for (std::string_view w : {"年度", "回眸", "回顾", "盘点", "年终", "总结", "综述"}) review = review || title.find(w) != std::string_view::npos;
  if (!review) return std::nullopt;
  for (std::size_t at = 0; at + 4 <= title.size(); ++at) {
    const std::string_view digits = title.substr(at, 4);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) continue;
    const bool alone = (at == 0 || !std::isdigit(static_cast<unsigned char>(title[at - 1]))) &&
                       (at + 4 == title.size() || !std::isdigit(static_cast<unsigned char>(title[at + 4])));
    int y = 0;
    // (A span of years, 2018—2022, is no one year; neither is a number such as 2000余户.)
    if (!alone || digits[0] != '2' || std::from_chars(digits.data(), digits.data() + 4, y).ec != std::errc()) return std::nullopt;
    const std::string_view rest = title.substr(at + 4);
    // (The page's header may open the title, 今日卢氏 2021年1月8日 … 徐家湾乡2020年度…公示: a full
    // date is the day printed, not the year reviewed.)
    if (text::starts_at(rest, 0, "年") && rest.size() > 3 && std::isdigit(static_cast<unsigned char>(rest[3]))) {
      at += 3;
      continue;
    }
    for (std::string_view range : {"-", "—", "–", "至", "到", "以来", "余", "多"})
      if (text::starts_at(rest, 0, range) || text::starts_at(rest, 0, fmt::format("年{}", range))) return std::nullopt;
    return DateRange::year(date::year{y});
  }
  return std::nullopt;
}

using detail::ArticleMemory;
using detail::DatedMention;
using detail::Frame;
using detail::Giver;
using detail::Recipient;
using detail::SentenceTokens;
using text::starts_at;

// A visiting group named after the organisation that sent it (区教育局调研组, 区总工会慰问团).
constexpr std::string_view kDelegations[] = {"调研组", "工作组", "慰问组", "慰问团", "代表团", "考察团", "帮扶组", "工作队", "调研团"};

// X主办的, X举办的, X组织的 (right after an organisation's name, at `at`): X holds the event.
bool hosts_at(std::string_view text, std::size_t at) {
  for (std::string_view w : {"主办", "举办", "承办", "组织的", "组织开展的"})
    if (text::starts_at(text, at, w)) return true;
  return false;
}
// The organisation written at `org` holds the event (某局主办的展销会); not a place it is held in
// (在高新区举办).
bool hosts_event(std::string_view text, Span org) { return !text::ends_at(text, org.begin, "在") && hosts_at(text, org.end); }

// A report that waited for the next sentence and did not get what it needed: raised money it did
// not place, goods handed over it did not value. No such report is kept.
bool never_completed(const AidReport& r) { return r.raised_unplaced || (r.awaits_value && !r.has_amount()); }

// Verbs that give a thing named without an amount (某公司捐赠了数字校园平台).
constexpr std::string_view kNamedGiftVerbs[] = {"捐赠", "赠送", "捐献", "捐建", "援建", "捐助"};
constexpr CatSet kTriggers = bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::buy);

std::vector<Allocation> allocate(const std::vector<Recipient>& recipients, bool each, std::optional<std::int64_t> amount,
                                 std::optional<std::int64_t> high, std::optional<std::int64_t> quantity) {
  std::vector<Allocation> out;
  auto line = [&](std::string recipient, std::string township) {
    Allocation a;
    a.recipient = std::move(recipient);
    a.township = std::move(township);
    a.amount_fen = amount;
    a.amount_high_fen = high;
    a.quantity = quantity;
    return a;
  };
  if (recipients.empty()) {
    out.push_back(line("", ""));
    return out;
  }
  if (each || recipients.size() == 1) {
    for (const auto& r : recipients) out.push_back(line(r.name, r.township));
    return out;
  }
  std::vector<std::string> covers;
  std::string names;
  for (const auto& r : recipients) {
    if (!r.township.empty() && std::find(covers.begin(), covers.end(), r.township) == covers.end()) covers.push_back(r.township);
    if (!names.empty()) names += "、";
    names += r.name;
  }
  Allocation a = line(names, covers.size() >= 2 ? std::string(kJoint) : covers.size() == 1 ? covers[0] : "");
  if (covers.size() >= 2) a.covers = covers;
  out.push_back(std::move(a));
  return out;
}

// One measure's amount or quantity for the recipients (an amount range keeps its upper end).
std::vector<Allocation> allocate_measure(const std::vector<Recipient>& recipients, bool each, const Measure& m) {
  return allocate(recipients, each, m.kind == MeasureKind::money ? std::optional<std::int64_t>(m.value) : std::nullopt, m.high,
                  m.kind == MeasureKind::quantity ? std::optional<std::int64_t>(m.value) : std::nullopt);
}

// What people, households or schools are counted in (50名, 120户, 8个村), and the characters of the count.
constexpr std::string_view kCountUnits[] = {"名", "人", "户", "所", "个", "位", "家", "村", "校"};

// The nearest count of people, households or schools before `pos` and after `from` (为50名学生).
std::optional<std::int64_t> count_in(std::string_view text, std::size_t pos, std::size_t from) {
  const std::string_view before = text.substr(0, pos);
  for (std::size_t i = before.size(); i > from;) {
    i = text::previous_code_point_start(before, i);
    for (std::string_view u : kCountUnits) {
      if (!starts_at(before, i, u)) continue;
      std::size_t b = i;
      while (b > 0) {
        const std::size_t p = text::previous_code_point_start(before, b);
        if (!is_count_numeral(text::code_point_at(before, p))) break;
        b = p;
      }
      if (b >= i) continue;
      // (共走访56户，其中因病致贫21户。…为每户送去…: a part after 其中, in a clause before the one the
      // count is for, counts a few of them, not all. In that clause, 为其中60名孩子每人…, it is the count.)
      const std::size_t clause = before.find_last_of(",;:", b);
      const std::size_t clause_begin = clause == std::string_view::npos ? 0 : clause + 1;
      const bool own_clause = before.substr(b).find_first_of(",;:") == std::string_view::npos && before.substr(b).find("。") == std::string_view::npos;
      if (!own_clause && before.substr(clause_begin, b - clause_begin).find("其中") != std::string_view::npos) continue;
      if (auto n = parse_integer(before.substr(b, i - b)); n && *n > 0) return n;
    }
  }
  return std::nullopt;
}

// The end of the numerals of a count starting at `at`, before `to` (`at` when there are none).
std::size_t count_numerals_end(std::string_view text, std::size_t at, std::size_t to) {
  while (at < to) {
    std::size_t next = at;
    if (!is_count_numeral(text::next_code_point(text, next))) break;
    at = next;
  }
  return at;
}

// 甲乡120户、乙镇80户: two or more townships each followed by its count, in [from, to) of `s`.
std::vector<std::pair<Recipient, std::int64_t>> counts_by_place(const SentenceTokens& s, std::size_t from, std::size_t to) {
  std::vector<std::pair<Recipient, std::int64_t>> out;
  for (const auto& p : s.places) {
    if (p.span.begin < from || p.span.end > to || p.township.empty() || p.level == PlaceLevel::collective || p.level == PlaceLevel::county)
      continue;
    const std::size_t e = count_numerals_end(s.text, p.span.end, to);
    if (e == p.span.end || !std::any_of(std::begin(kCountUnits), std::end(kCountUnits), [&](std::string_view u) { return starts_at(s.text, e, u); }))
      continue;
    if (auto n = parse_integer(s.slice(p.span.end, e)); n && *n > 0) out.push_back({{p.name, p.township}, *n});
  }
  if (out.size() < 2) return {};
  for (std::size_t i = 1; i < out.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (out[i].first.township == out[j].first.township) return {};
  return out;
}

// The units a count of what a per-unit word is per is written in (每户 → 户; 每人 → 名人位), or
// none when a later count could not be told from other numbers (每台, 每套).
std::u32string units_counting(std::string_view per) {
  if (per == "每户" || per == "户均" || per == "每家") return U"户家";
  if (per == "每人" || per == "每名" || per == "每位" || per == "人均" || per == "每生" || per == "生均") return U"名人位";
  if (per == "每所" || per == "每校" || per == "每所学校") return U"所";
  return {};
}

// The first count in text[from, to) in one of `units` (共有教师18名 → 18), never 人次.
std::optional<std::int64_t> first_count_in(std::string_view text, std::size_t from, std::size_t to, std::u32string_view units) {
  std::size_t i = from, run = std::string_view::npos;
  while (i < to) {
    const std::size_t at = i;
    const char32_t cp = text::next_code_point(text, i);
    if (is_count_numeral(cp)) {
      if (run == std::string_view::npos) run = at;
      continue;
    }
    if (run != std::string_view::npos && units.find(cp) != std::u32string_view::npos && !text.substr(i).starts_with("次"))
      if (auto n = parse_integer(text.substr(run, at - run)); n && *n > 0) return n;
    run = std::string_view::npos;
  }
  return std::nullopt;
}

// Characters that follow a person's name rather than belong to it (周敏也, 赵永恒说, 李桂兰得知 …).
constexpr std::u32string_view kAfterName = U"也说表在和等个本为向带还一同是的从对将已就都又率介告以得委把自夫当专捐亲特";

// The person named right after an office word, before `end` (董事长赵永恒, 主任周敏也…): two or three
// Han characters, ending before a word that follows names.
std::optional<std::string> name_after_office(const SentenceTokens& s, const LexToken& office, std::size_t end) {
  std::size_t i = office.span.end, name_end = i;
  for (int chars = 0; chars < 3 && i < end; ++chars) {
    const std::size_t at = i;
    const char32_t cp = text::next_code_point(s.text, i);
    if (!text::is_han(cp) || kAfterName.find(cp) != std::u32string_view::npos) {
      i = at;
      break;
    }
    name_end = i;
  }
  if (text::code_point_count(s.slice(office.span.end, name_end)) < 2) return std::nullopt;
  return std::string(s.slice(office.span.end, name_end));
}

// A person named after a private person's title (退休教师李桂兰得知…): only a name that ends before
// a word that follows names, or before punctuation (市民广场举行 names no one).
std::optional<std::string> name_after_title(const SentenceTokens& s, const LexToken& title, std::size_t end) {
  auto name = name_after_office(s, title, end);
  if (!name) return name;
  const std::size_t after = title.span.end + name->size();
  if (after >= end) return name;
  const char32_t next = text::code_point_at(s.text, after);
  if (text::is_han(next) && kAfterName.find(next) == std::u32string_view::npos) return std::nullopt;
  return name;
}

// The last person `s` names before `end` after an office (董事长赵永恒) or a private person's title
// (退休教师李桂兰): what 她/他 refer to, from then on.
void remember_person(ArticleMemory& memory, const SentenceTokens& s, std::size_t end) {
  for (const auto& w : s.words)
    if (w.span.end <= end && (w.is(Cat::position) || w.is(Cat::person_title)))
      if (auto person = w.is(Cat::position) ? name_after_office(s, w, end) : name_after_title(s, w, end)) {
        memory.last_person = std::move(*person);
        memory.last_person_by_title = !w.is(Cat::position);
      }
}

// Several goods of one gift read as one line of `value` (羽绒服300件、棉鞋300双，共计价值9万元):
// their names and counts stay in the item of the first, the lines after it go. Counted in one
// measure word (B超机1台、心电图机2台，价值23万元), the line keeps their sum in it: 3台.
void value_goods_as_one(std::vector<AidReport>& reports, std::size_t first, const Measure& value) {
  AidReport& gift = reports[first];
  std::string goods;
  bool one_unit = !gift.unit.empty();
  std::int64_t count = 0;
  for (std::size_t i = first; i < reports.size(); ++i) {
    const AidReport& r = reports[i];
    goods += fmt::format("{}{}{}{}", goods.empty() ? "" : "、", r.item, r.has_quantity() ? std::to_string(r.total_quantity()) : "", r.unit);
    one_unit = one_unit && r.has_quantity() && r.unit == gift.unit && r.allocations.size() == 1;
    if (r.has_quantity()) count += r.total_quantity();
  }
  gift.item = goods;
  if (one_unit && reports.size() - first >= 2 && gift.allocations.size() == 1) {
    gift.allocations.front().quantity = count;
  } else {
    gift.unit.clear();
    gift.allocations.front().quantity.reset();
  }
  gift.allocations.front().amount_fen = value.value;
  gift.approximate = gift.approximate || value.approximate;
  reports.erase(reports.begin() + static_cast<std::ptrdiff_t>(first) + 1, reports.end());
}

// Multiplies checked: a count times a per-unit amount that would overflow is no amount.
std::optional<std::int64_t> times(std::int64_t a, std::int64_t b) { return checked_product(a, b); }
// …and an amount of money past the ceiling of one ledger line is none either.
std::optional<std::int64_t> times_money(std::int64_t fen, std::int64_t n) {
  auto r = checked_product(fen, n);
  if (r && !within_line_ceiling(*r)) return std::nullopt;
  return r;
}

// 区卫健委, 区妇联: 区 is the paper's own district, the one the townships are paired with.
std::string of_own_district(std::string donor, const Gazetteer& g) {
  const std::string& district = g.pairing_donor();
  if (district.empty() || !starts_at(donor, 0, "区") || text::code_point_count(donor) < 3 || !text::ends_at(district, district.size(), "区"))
    return donor;
  return district + donor.substr(std::string_view("区").size());
}

// 共捐款46万元，其中甲公司20万元、乙公司15万元…: when the parts by giver add up to the total, they
// are the gifts, each of the total's kind, status, date and recipients; the total is dropped by the
// caller. False (nothing changed) when they do not add up: then the total stands.
bool take_parts_of_total(std::vector<AidReport>& parts, const AidReport& total, const std::vector<std::size_t>& without_verb) {
  std::int64_t sum = 0;
  for (const auto& r : parts) sum += r.total_fen();
  if (parts.empty() || !total.has_amount() || total.total_fen() != sum || total.allocations.size() != 1) return false;
  for (std::size_t i : without_verb) {
    parts[i].kind = total.kind;
    parts[i].item = total.item;
  }
  for (auto& r : parts) {
    const auto fen = r.total_fen();
    // (A part that gave counted goods keeps their count: 乙公司捐赠羽绒服200件，价值4万元.)
    const auto counted = r.unit.empty() || r.allocations.size() != 1 ? std::nullopt : r.allocations.front().quantity;
    r.allocations = total.allocations;
    r.allocations.front().amount_fen = fen;
    r.allocations.front().amount_high_fen.reset();
    r.allocations.front().quantity = counted;
    r.date = total.date;
    r.date_basis = total.date_basis;
    r.status = total.status;
  }
  return true;
}

// One gift of a list of givers (捐赠名单如下：甲公司5万元、乙公司3万元；丙公司、丁公司各2万元).
struct ListedGift {
  Span giver;  // sentence offsets
  std::string donor;
  Measure amount;
};

// Where the list of givers a sentence announces starts (…公布如下(排名不分先后):, 捐赠名单如下,
// 爱心榜:), past its colon, or npos. (Normalised text: NFKC has made ：（） ASCII.)
std::size_t list_cue_end(std::string_view text) {
  for (std::string_view cue : {"如下", "名单:", "爱心榜:", "光荣榜:"}) {
    const std::size_t at = text.find(cue);
    if (at == std::string_view::npos) continue;
    std::size_t end = at + cue.size();
    if (const std::size_t colon = text.find(':', end); colon != std::string_view::npos && colon <= end + 30) end = colon + 1;
    return end;
  }
  return std::string_view::npos;
}

// The gifts of a list of givers in `s` from `from`: every amount of money is led by the names of
// who gave it, with nothing between but punctuation, spaces and a word of giving (甲公司　5万元;
// 甲公司、乙公司各2万元: each gave it). Nothing when any amount (or any count of goods) is not so led,
// or when no amount is: then the text is no such list.
std::optional<std::vector<ListedGift>> listed_gifts(const detail::SentenceTokens& s, std::size_t from) {
  std::vector<ListedGift> gifts;
  std::size_t after_last = from;
  for (const auto& m : s.measures) {
    if (m.span.begin < from) continue;
    if (m.kind != MeasureKind::money) return std::nullopt;
    std::vector<const std::pair<Span, std::string>*> givers;
    for (const auto& o : s.organisations)
      if (o.first.begin >= after_last && o.first.end <= m.span.begin) givers.push_back(&o);
    if (givers.empty()) return std::nullopt;
    // What stands between the names and the amount, and between the names: no more than a word.
    std::u32string between;
    std::size_t at = after_last;
    auto keep_han = [&](std::size_t a, std::size_t b) {
      for (std::size_t i = a; i < b;) {
        const char32_t cp = text::next_code_point(s.text, i);
        if (text::is_han(cp)) between.push_back(cp);
      }
    };
    for (const auto* g : givers) {
      keep_han(at, g->first.begin);
      at = g->first.end;
    }
    keep_han(at, m.span.begin);
    // (（排名不分先后）, 各, 捐款, 捐赠, 出资, 认捐: a few characters at most.)
    if (between.size() > 8) return std::nullopt;
    const bool each = between.find(U'各') != std::u32string::npos;
    if (givers.size() > 1 && !each) return std::nullopt;
    for (const auto* g : givers) gifts.push_back({g->first, g->second, m});
    after_last = m.span.end;
  }
  if (gifts.empty()) return std::nullopt;
  return gifts;
}

// Everything one sentence's frames share.
class SentenceReader {
 public:
  SentenceReader(const SentenceTokens& s, const text::Sentence& sentence, ArticleMemory& memory, const Directory& d,
                 const Gazetteer& g, std::optional<DateRange> paragraph_last, std::optional<DateRange> article_date,
                 bool consumption_article, bool follows_total)
      : s_(s), sentence_(sentence), memory_(memory), directory_(d), gazetteer_(g), paragraph_last_(paragraph_last),
        article_date_(article_date), consumption_article_(consumption_article), follows_total_(follows_total) {
    orgs_ = s.organisations;
  }

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

  std::vector<AidReport> read() {
    std::vector<AidReport> reports;
    std::vector<bool> used(s_.measures.size(), false);
    for (std::size_t k = 0; k < s_.measures.size(); ++k) {
      if (used[k]) continue;
      used[k] = true;
      read_measure(k, used, reports);
    }
    if (total_in_sentence_) take_parts_of_total_in_sentence(reports);
    read_unquantified_gifts(reports);
    if (is_correction_notice()) apply_correction(reports);
    for (auto& r : reports) r.donor = of_own_district(std::move(r.donor));
    return reports;
  }

 private:
  std::size_t page(std::size_t pos) const { return sentence_.offsets[pos]; }

  // The organisation 该公司/其 refers to at `pos`: the last one named before it.
  ArticleMemory memory_at(std::size_t pos) const {
    ArticleMemory m = memory_;
    for (const auto& p : s_.places)
      if (p.span.end <= pos && !p.township.empty() && p.level != PlaceLevel::collective) m.saw_township(p.township);
    for (const auto& [span, name] : orgs_)
      if (span.end <= pos) {
        m.remember(std::string(s_.slice(span)), name);
        m.last_organisation = name;
        m.last_organisation_written = std::string(s_.slice(span));
      }
    // (退休教师李桂兰得知…，她为该校捐赠…: a person named earlier in the sentence.)
    remember_person(m, s_, pos);
    return m;
  }

  const LexToken* find_trigger(std::size_t k, std::size_t segment_begin) const {
    const Measure& m = s_.measures[k];
    const std::size_t own_clause = s_.clause_of(m.span.begin);
    // The nearest giving or buying word before the amount in its segment…
    const LexToken* before = nullptr;
    for (const auto& w : s_.words)
      if (w.span.begin >= segment_begin && w.span.end <= m.span.begin && (w.cats & (kTriggers | bit(Cat::sale)))) before = &w;
    if (before && s_.clause_of(before->span.begin) != own_clause) {
      // …in an earlier clause only while no other amount has used it (捐赠物资一批，价值5万元),
      // or when this amount continues a list in its own clause.
      // (An amount in the verb's own clause, before or after it, is the verb's object.)
      const std::size_t verb_clause = s_.clause_of(before->span.begin);
      bool used_between = false;
      // (A list of gifts goes on across 、 and 以及: 捐助洗衣机6台、电视6台，以及慰问金1.5万元.)
      std::size_t list_from = own_clause;
      while (list_from > verb_clause && continues_list(s_.clauses[list_from].begin)) --list_from;
      for (std::size_t j = 0; j < k; ++j) {
        if (before->is(Cat::buy) && s_.measures[j].kind == MeasureKind::quantity) continue;  // the goods bought
        if (is_unit_price(j)) continue;  // 以每斤35.8元的价格: a price, not an amount given
        const std::size_t jc = s_.clause_of(s_.measures[j].span.begin);
        if (jc >= list_from && jc <= own_clause) continue;
        if ((s_.measures[j].span.begin > before->span.end && jc != own_clause) || jc == verb_clause) used_between = true;
      }
      if (used_between) before = nullptr;
    }
    if (before) return before;
    // …else one after it in its own clause (50万元帮扶资金已拨付到位).
    const Span own = s_.clauses[own_clause];
    for (const auto& w : s_.words)
      if (w.span.begin >= m.span.end && w.span.end <= own.end && (w.cats & kTriggers)) return &w;
    // …or, for a price (以每斤8元的价格，采购了…3000斤), the buying in the next clause.
    if (is_unit_price(k) && own_clause + 1 < s_.clauses.size() && s_.segment_of(s_.clauses[own_clause + 1].begin) == s_.segment_of(m.span.begin))
      for (const auto& w : s_.words)
        if (w.span.begin >= s_.clauses[own_clause + 1].begin && w.span.end <= s_.clauses[own_clause + 1].end && w.is(Cat::buy)) return &w;
    // …or completion said of it (首批资金100万元已拨付到位, 资金已到账).
    for (const auto& w : s_.words)
      if (w.span.begin >= m.span.end && w.span.end <= own.end && w.is(Cat::paid) && s_.slice(w.span) != "完成") return &w;
    // …or, for a tranche, paying said in the next clause (首期资金均为100万元，已于签约当天拨付到位).
    if (s_.has(Cat::tranche, own) && own_clause + 1 < s_.clauses.size() &&
        s_.segment_of(s_.clauses[own_clause + 1].begin) == s_.segment_of(m.span.begin) && !clause_has_amount(own_clause + 1)) {
      const Span next = s_.clauses[own_clause + 1];
      for (const auto& w : s_.words)
        if (w.span.begin >= next.begin && w.span.end <= next.end && ((w.cats & kTriggers) || w.is(Cat::paid)) && s_.slice(w.span) != "完成")
          return &w;
    }
    // …or receiving said of the paired places before it (两乡镇均获得助学资金3万元), of money or goods.
    // (Not of the district: 高新区获得省级奖励资金20万元 is a prize it won.)
    for (const auto& w : s_.words)
      if (w.span.begin >= own.begin && w.span.end <= m.span.begin && w.is(Cat::passive) && s_.slice(w.span) != "由" &&
          (m.kind == MeasureKind::quantity || s_.last(bit(Cat::cash) | bit(Cat::goods) | bit(Cat::value), {w.span.end, own.end})) &&
          (std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
             return p.span.begin >= own.begin && p.span.end <= w.span.begin && (!p.township.empty() || p.level == PlaceLevel::collective);
           }) ||
           s_.has(Cat::here, {own.begin, w.span.begin})))  // (该镇共接收…)
        return &w;
    // …or a later clause of its segment naming who gave it (…，价值共计18.6万元，由某公司捐赠).
    // (…这30套课桌椅，是某局牵线，由某公司捐赠的: counted goods too, when the clause ends 捐赠的.)
    if (const auto by = giver_named_last(own_clause);
        by && (m.kind == MeasureKind::money || by->named || starts_at(s_.text, by->verb->span.end, "的")))
      return by->verb;
    // 某公司的30台电脑、某公司的2000册图书，分别价值…，已全部运抵某小学: counted goods named first,
    // their arrival said by a later clause of the segment that opens with its verb.
    if (m.kind == MeasureKind::quantity)
      for (std::size_t c = own_clause + 1; c < s_.clauses.size() && s_.segment_of(s_.clauses[c].begin) == s_.segment_of(m.span.begin); ++c) {
        std::size_t at = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
        if (clause_has_amount(c)) {
          if (starts_at(s_.text, at, "分别价值") || starts_at(s_.text, at, "价值") || starts_at(s_.text, at, "共计价值")) continue;
          break;
        }
        for (std::string_view adverb : {"现已", "已经", "已", "全部", "均已", "均", "都"})
          if (starts_at(s_.text, at, adverb)) at += adverb.size();
        for (std::string_view adverb : {"全部", "陆续", "顺利"})
          if (starts_at(s_.text, at, adverb)) at += adverb.size();
        // (Only arriving at a place of the county: 运抵某小学, 送往某镇困难群众家中; not people carried
        // and counted, 运送某乡务工人员238人.)
        const Span verb_clause = s_.clauses[c];
        if (const LexToken* w = s_.word_at(at); w && (w->is(Cat::give) || w->is(Cat::give_paid)) &&
                                                !counts_people(s_.slice(w->span.end, verb_clause.end)) &&
                                                std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
                                                  return p.span.begin >= w->span.end && p.span.end <= verb_clause.end &&
                                                         (!p.township.empty() || p.level == PlaceLevel::collective);
                                                }))
          return w;
        break;
      }
    return nullptr;
  }

  void read_measure(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
    const Measure& m = s_.measures[k];
    const std::size_t mc = s_.clause_of(m.span.begin);
    const Span own = s_.clauses[mc];
    const Span segment = s_.segments[s_.segment_of(m.span.begin)];

    // (“一件羽绒服、一份山里情”爱心募集活动: a count inside a quoted name that gives nothing names a
    // campaign; the gift is counted outside it.)
    if (m.kind == MeasureKind::quantity && s_.quoted(m.span.begin)) {
      const std::size_t open = s_.text.rfind("“", m.span.begin), close = s_.text.find("”", m.span.end);
      if (open != std::string_view::npos && close != std::string_view::npos &&
          !s_.has(Cat::give, {open, close}) && !s_.has(Cat::give_paid, {open, close}) && !s_.has(Cat::passive, {open, close}) &&
          !s_.has(Cat::hand_over, {open, close}) && text::code_point_count(s_.slice(open, close)) <= 16)
        return;
    }
    // 这笔钱将按照小学生每人每学期500元…的标准发放: how money read before is shared out, per head;
    // no new gift.
    if (m.kind == MeasureKind::money)
      for (std::string_view back : {"这笔", "该笔", "此笔"})
        if (const std::size_t at = s_.text.find(back); at < m.span.begin && s_.has(Cat::per_unit, {at, m.span.begin})) return;
    // …两家单位送出的慰问品合计价值10万元: the sum of the gifts just read, said again as a check.
    if (m.kind == MeasureKind::money && s_.has(Cat::total, {own.begin, m.span.begin}) && restates_gifts_before(k, m.value, reports))
      return;
    // 价值10万元 after goods just counted: the value of that gift.
    const LexToken* value_word = value_word_before(m.span.begin);
    // (图书800册和价值1.2万元的体育器材40件: a value the goods after it are counted by is theirs.)
    if (m.kind == MeasureKind::money && value_word && value_word->is(Cat::value) && !values_goods_after(k) &&
        attach_value(k, *value_word, used, reports))
      return;
    // 捐赠抽水泵20台，单价2,300元: the price of one of the goods just given, times their count.
    // (Also 各采购年货礼包3000份，每份98元: 每 and the goods' own measure word.)
    // (每桶市价65元: a word of price between 每桶 and the money.)
    const LexToken* price_of_one = s_.word_before(m.span.begin);
    for (std::string_view price : {"市价", "售价", "价格"})
      if (text::ends_at(s_.text, m.span.begin, price))
        if (const LexToken* per = s_.word_before(m.span.begin - price.size()); per && per->is(Cat::per_unit)) price_of_one = per;
    if (const LexToken* w = price_of_one;
        m.kind == MeasureKind::money && w && !reports.empty() &&
        (s_.slice(w->span) == "单价" || (w->is(Cat::per_unit) && !reports.back().unit.empty() && s_.slice(w->span).ends_with(reports.back().unit))) &&
        k > 0 && reports.back().has_quantity() && !reports.back().has_amount() &&
        std::all_of(reports.back().allocations.begin(), reports.back().allocations.end(), [](const Allocation& a) { return a.quantity.has_value(); }) &&
        s_.measures[k - 1].kind == MeasureKind::quantity && s_.clause_of(s_.measures[k - 1].span.begin) + 1 == mc &&
        reports.back().measure.begin == page(s_.measures[k - 1].span.begin)) {
      value_times_units(k, used, reports, [](const Allocation& a) { return a.quantity; }, "value of one unit");
      return;
    }

    // 其中 …: the parts of a total already read.
    // Not when no gift was read before it (总投资260万元，其中帮扶资金180万元: the total is no aid),
    // nor when the part is a tranche paid (其中首批资金100万元已划拨).
    const LexToken* sub = s_.first(Cat::subsum, {segment.begin, m.span.begin});
    if (sub && (k > 0 || follows_total_) && !reading_parts_by_giver_) {
      const bool tranche = s_.has(Cat::tranche, {sub->span.end, own.end}) || s_.has(Cat::paid, {sub->span.end, own.end});
      // The total stands in the sentence before: its parts are not read again (no double count)…
      // …unless they name who gave each part (其中，甲公司4万元，乙协会2.6万元): then the parts are
      // the gifts, and the article's reading replaces the total by them when they add up to it.
      if (reports.empty() && follows_total_ && !tranche) {
        if (k != 0 || !parts_name_givers(sub->span.end)) return;
        breakdown_of_total_before = true;
        reading_parts_by_giver_ = true;
      }
      // The same with the total in this sentence (共捐款46万元，其中甲公司20万元，乙公司15万元…).
      const bool first_part = k > 0 && s_.measures[k - 1].span.end <= sub->span.begin;
      if (!reports.empty() && !tranche && first_part && m.kind == MeasureKind::money && reports.back().has_amount() &&
          parts_name_givers(sub->span.end)) {
        total_in_sentence_ = reports.size() - 1;
        reading_parts_by_giver_ = true;
      }
      if (!reading_parts_by_giver_ && !reports.empty() && split_by_kind(k, used, reports)) return;
      // (其中60名孩子每人…: a part of the people, not of the money; read it as a gift.)
      const bool part_of_people = s_.has(Cat::per_unit, {sub->span.end, m.span.begin});
      // (捐赠防寒物资，其中棉被300床、电暖器50台: no total was stated before 其中, so its parts are
      // the gifts.)
      const bool total_stated = follows_total_ || std::any_of(s_.measures.begin(), s_.measures.begin() + static_cast<std::ptrdiff_t>(k),
                                                              [&](const Measure& o) { return o.span.end <= sub->span.begin; });
      if (!reading_parts_by_giver_ && !reports.empty() && !tranche && total_stated && (split_total(k, used, reports) || !part_of_people))
        return;
    }
    // …200万元拨付到位，甲乡、乙镇分别到账120万元、80万元: the places and amounts that follow split
    // the total just read, in order.
    if (split_by_list(k, used, reports)) return;
    const LexToken* trigger = find_trigger(k, segment.begin);
    // (A part of a drive's total has no verb of its own: 其中 stands for the giving.)
    const bool verbless_part = !trigger && reading_parts_by_giver_ && m.kind == MeasureKind::money;
    if (verbless_part) trigger = sub;
    if (!trigger && splits_joint_total(k, reports)) {
      used[k] = true;
      return;
    }
    if (!trigger && splits_joint_by_place_list(k, used, reports)) return;
    if (!trigger) return;
    // 购买土蜂蜜800斤，金额4.8万元: what was bought is counted, the money is the aid.
    if (m.kind == MeasureKind::quantity && trigger->is(Cat::buy) && trigger->span.begin < m.span.begin &&
        std::any_of(s_.measures.begin() + static_cast<std::ptrdiff_t>(k) + 1, s_.measures.end(), [&](const Measure& later) {
          return later.kind == MeasureKind::money && s_.segment_of(later.span.begin) == s_.segment_of(m.span.begin);
        }))
      return;
    // 共卖出连翘茶2,360盒，销售额11.8万元: what a sale for the townships sold is counted; the sum
    // named after it is the aid, read with the count.
    if (m.kind == MeasureKind::quantity && trigger->is(Cat::sale) && trigger->span.begin < m.span.begin && k + 1 < s_.measures.size()) {
      const Measure& later = s_.measures[k + 1];
      const LexToken* named = s_.word_before(later.span.begin);
      if (later.kind == MeasureKind::money && s_.segment_of(later.span.begin) == s_.segment_of(m.span.begin) && named &&
          named->is(Cat::sale) && named->span.begin > m.span.end && text::ends_at(s_.slice(named->span), named->span.end - named->span.begin, "额"))
        return;
    }
    // Not aid: revenue, investment, output … said of this amount.
    // (Between the verb and the amount only: 河南双汇投资发展股份有限公司捐赠… names no investment.)
    // (A price per 斤 of what was bought, 以每斤8元的价格采购…3000斤, is the purchase's money: 每斤 is no
    // price at a fair here.)
    // 采购苹果1000箱，每箱35.8元 (or 以每斤35.8元的价格采购香菇2400斤): a price, and what it bought.
    const bool priced = m.kind == MeasureKind::money && trigger->is(Cat::buy) && is_unit_price(k);
    const std::optional<Measure> bought = priced ? priced_quantity(k) : std::nullopt;
    const bool price_of_purchase = bought.has_value();
    const std::size_t check_from = std::max(trigger->span.end < m.span.begin ? trigger->span.end : own.begin, own.begin);
    // (捐赠物流运费补贴1.5万元: a subsidy donated is a gift; a 补贴 otherwise is a programme's money.)
    const LexToken* not_aid = s_.last(Cat::not_aid, {check_from, m.span.begin});
    const bool subsidy_donated = not_aid && s_.slice(not_aid->span) == "补贴" && trigger->span.end <= not_aid->span.begin &&
                                 (s_.slice(trigger->span) == "捐赠" || s_.slice(trigger->span) == "捐助") &&
                                 s_.clause_of(trigger->span.begin) == s_.clause_of(m.span.begin);
    if (!price_of_purchase && not_aid && !subsidy_donated) return;
    // The sum of a deal (签约金额): a firm's investment deal, unless the deal is buying the area's produce.
    if (s_.has(Cat::deal_sum, {own.begin, m.span.begin}) && !s_.has(Cat::buy, segment)) return;
    if (!price_of_purchase && trigger->span.begin > m.span.begin && s_.has(Cat::not_aid, {m.span.end, trigger->span.begin})) return;
    // A company's own sales (公司今年已在豫西地区销售同类系统86套，实现销售收入2100万元): the seller is
    // no place of the county and the sentence names none.
    if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && !names_place_of_county() &&
        !s_.has(Cat::consumption, {0, s_.text.size()}) && !s_.has(Cat::occasion, {0, s_.text.size()})) {
      bool seller_named = false;
      for (const auto& [span, name] : orgs_) seller_named = seller_named || span.end <= trigger->span.begin;
      for (std::string_view w : {"公司", "企业", "该集团", "集团"}) seller_named = seller_named || s_.slice(0, trigger->span.begin).find(w) != std::string_view::npos;
      if (seller_named) return;
    }
    // Public budgets passed down to the county (今年省财政下达卢氏县项目资金1.3亿元，其中安排两乡镇…) are
    // the state's own spending, no pairing aid.
    {
      const std::string_view lead = s_.slice(segment.begin, m.span.begin);
      for (std::string_view budget : {"省财政", "省级财政", "中央财政", "市财政", "市级财政", "上级财政", "财政衔接", "财政专项"})
        if (lead.find(budget) != std::string_view::npos) return;
    }
    // 至此，…600万元协议已拨付400万元 / 至此，承诺的360万元全部到位: where a pledge stands so far
    // restates what was reported; it is no gift. Said as a running total (至此…已累计到位600万元), it
    // is a cumulative figure (aggregate), never a new payment; the pledge named again is none.
    const bool so_far = s_.slice(segment.begin, m.span.begin).find("至此") != std::string_view::npos;
    if (so_far && (!s_.has(Cat::cumulative, {segment.begin, own.end}) ||
                   std::any_of(s_.measures.begin() + static_cast<std::ptrdiff_t>(k) + 1, s_.measures.end(), [&](const Measure& o) {
                     return o.kind == MeasureKind::money && s_.clause_of(o.span.begin) == s_.clause_of(m.span.begin);
                   })))
      return;
    // 第三期资金拨付后，协议约定的600万元已全部到位: a pledge fulfilled by the tranches the sentence
    // speaks of restates them, like 至此. (承诺的3万元今年3月全部到位, with no tranche, is the payment.)
    // (The tranche in an earlier clause; the clause of the sum names what was pledged: 协议, 承诺, 认捐.)
    if (s_.has(Cat::tranche, {0, own.begin}) && !s_.has(Cat::tranche, own) && !s_.has(Cat::cumulative, {segment.begin, own.end})) {
      const std::string_view after = s_.slice(m.span.end, own.end);
      const std::string_view clause = s_.slice(own);
      bool fulfilled = false, pledged = false;
      for (std::string_view w : {"协议", "承诺", "认捐", "约定"}) pledged = pledged || clause.find(w) != std::string_view::npos;
      for (std::string_view w : {"全部到位", "全部兑现", "全部履约", "全部拨付", "如数到位", "悉数到位", "全部落实"})
        fulfilled = fulfilled || after.find(w) != std::string_view::npos;
      if (fulfilled && pledged) return;
    }
    // 按照去年签订的每乡镇30万元采购协议，…拨付首批货款7.5万元: the sum of the agreement acted on
    // names it again; the payment is the gift.
    if (const LexToken* acting = s_.first(Cat::according, own); acting && acting->span.end <= m.span.begin &&
        s_.has(Cat::agreement, {m.span.end, own.end}) && !s_.has(Cat::give_paid, own) &&
        s_.han_from(own.begin, own.end) == acting->span.begin)
      return;
    // 达成意向采购协议6份: agreements counted, not goods.
    if (m.kind == MeasureKind::quantity)
      if (const LexToken* w = s_.word_before(m.span.begin); w && w->is(Cat::agreement)) return;
    // Goods brought to a fair and sold there (他带来的600斤干香菇两天就卖完了) were sold, not given.
    if (m.kind == MeasureKind::quantity && !trigger->is(Cat::buy) && !trigger->is(Cat::sale) && s_.has(Cat::sold_out, {m.span.end, own.end}) &&
        !s_.has(Cat::buy, own))
      return;
    // (将为两乡镇各提供300万元，每年拨付100万元: the yearly payment of the pledge just read is its
    // schedule, no gift of its own.)
    {
      const std::size_t at = s_.han_from(own.begin, m.span.begin);
      bool schedule = false;
      for (std::string_view w : {"每年", "每期", "每季度", "每月", "分年度"}) schedule = schedule || starts_at(s_.text, at, w);
      if (schedule && std::any_of(reports.begin(), reports.end(), [](const AidReport& r) { return r.status == Status::pledged; })) return;
    }
    // A target (力争全年采购额突破80万元) is no aid, nor a pledge.
    if (const LexToken* goal = s_.last(Cat::target, {own.begin, m.span.begin}); goal && s_.has(Cat::reach, {goal->span.end, m.span.begin}))
      return;
    // A forecast of sales (预计销售额将突破100万元) is no aid.
    if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && s_.has(Cat::modal, {own.begin, own.end})) return;
    if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && !consumption_article_ && !s_.has(Cat::consumption, {0, s_.text.size()}) &&
        !s_.has(Cat::buy, {0, s_.text.size()}))
      return;
    // (销售额1万5, 金额2千5, 货款2千5: a sum named as one stands for money too.)
    const std::string_view named_as = s_.slice(own.begin, m.span.begin);
    const bool sum_named = named_as.find("额") != std::string_view::npos || named_as.find("款") != std::string_view::npos;
    // (送来2千5的米面油: the spoken amount before 的 and goods is their value.)
    const bool value_of_goods = starts_at(s_.text, m.span.end, "的");
    // (发放了助学金，每人2千5: the money noun of the clause before, for a per-head amount.)
    const bool per_head_of_money_before = mc > 0 && s_.has(Cat::per_unit, {own.begin, m.span.begin}) &&
                                          s_.segment_of(s_.clauses[mc - 1].begin) == s_.segment_of(m.span.begin) &&
                                          s_.has(Cat::cash, s_.clauses[mc - 1]);
    if (m.kind == MeasureKind::money && !m.currency_explicit && !s_.has(Cat::cash, own) && !s_.has(Cat::value, own) && !sum_named &&
        !value_of_goods && !per_head_of_money_before)
      return;

    Frame f;
    f.measure = k;
    f.segment = segment;
    f.trigger = trigger;
    f.consumption_setting = consumption_article_;
    const std::size_t verb_clause = s_.clause_of(trigger->span.begin);
    const std::size_t first_clause = std::min(verb_clause, mc);

    // Giver: passive (收到X捐赠的), the subject of the verb's clause, an earlier clause, the gift before, the actor.
    // (这套由该公司捐赠的设备: a pronoun after 由 is the organisation it refers to.)
    auto passive_referent = [&](std::optional<Giver> g) {
      if (g && g->basis == "passive" && g->members.size() == 1)
        if (const LexToken* p = s_.word_at(g->span.begin); p && p->is(Cat::pronoun) && p->span.end == g->span.end)
          if (auto referent = memory_at(g->span.begin).referent(s_.slice(p->span))) {
            g->canonical = *referent;
            g->members = {*referent};
            g->basis = "pronoun";
          }
      return g;
    };
    std::optional<Giver> giver = passive_referent(detail::passive_giver(s_, verb_clause, trigger->span.begin, directory_));
    std::size_t giver_clause = verb_clause;
    // 转交了某公司捐赠的救助金: the name right before 捐赠的 gave it, whoever handed it over.
    if (!giver && starts_at(s_.text, trigger->span.end, "的") && trigger->span.end < m.span.begin)
      for (const auto& [span, name] : orgs_)
        if (span.end == trigger->span.begin &&
            s_.last(kTriggers, {s_.clauses[s_.clause_of(span.begin)].begin, span.begin}) != nullptr)  // (after 转交了)
          giver = named_giver(span, name, "subject");
    // A part of a drive's total: the name leading its clause gave it.
    if (reading_parts_by_giver_ && !giver) {
      giver = detail::giver_in_clause(s_, mc, m.span.begin, directory_, gazetteer_, memory_at(own.begin));
      if (giver) giver_clause = mc;
    }
    // 两卫生院均获赠一台…，每台价值18万元，由某公司捐赠: received, and the giver named last.
    // (Also after goods listed with their value: …，价值共计3.2万元，由某公司捐赠 — that names who gave
    // them, whoever brought them.)
    if (!giver || giver->basis != "passive")
      if (const auto by = giver_named_last(mc)) {
        // (某残联向某乡转交轮椅20辆，由乡残联发放到残疾人手中: who hands out what a named giver gave
        // only distributes it.)
        const std::string_view verb = s_.slice(by->verb->span);
        const bool named_before = std::any_of(orgs_.begin(), orgs_.end(), [&](const std::pair<Span, std::string>& o) {
          return o.first.begin >= s_.clauses[verb_clause].begin && o.first.end <= trigger->span.begin;
        });
        const bool hands_out = !by->named && named_before && (verb == "发放" || verb == "分发" || verb == "发到");
        if (by->named) giver = by->named;
        else if (hands_out) {
          // (the giver is the one named before)
        } else if (auto named_last = passive_referent(detail::passive_giver(s_, by->clause, s_.clauses[by->clause].end, directory_))) giver = named_last;
        // (…是某公司去年捐赠的: the date said with the giver dates the gift.)
        if (by->named) dated_until_ = s_.clauses[by->clause].end;
      }
    // 某公司的30台电脑: the owner named right before the goods, when the verb comes after them.
    if (!giver && trigger->span.begin > m.span.end)
      for (const auto& [span, name] : orgs_)
        if (span.end + std::string_view("的").size() == m.span.begin && starts_at(s_.text, span.end, "的")) giver = named_giver(span, name, "subject");
    // 两卫生院均获赠一台…，捐赠方为某公司: the giver named after the gift, in a clause of its own.
    if (!giver || giver->basis != "passive")
      if (auto named_after = giver_named_after(mc)) giver = named_after;
    // 两所敬老院均获赠该公司价值1万元的…: the subject received; the giver follows the word of
    // receiving (a name or a pronoun), else it is not named here.
    const bool subject_received = trigger->is(Cat::passive) && s_.slice(trigger->span) != "由" && trigger->span.begin < m.span.begin;
    if (!giver && subject_received) {
      for (const auto& [span, name] : orgs_)
        if (span.begin == trigger->span.end) giver = named_giver(span, name, "passive");
      if (const LexToken* p = s_.word_at(trigger->span.end); !giver && p && p->is(Cat::pronoun))
        if (auto referent = memory_at(trigger->span.begin).referent(s_.slice(p->span))) {
          giver = named_giver(p->span, *referent, "pronoun");
          giver->written = std::string(s_.slice(p->span));
        }
    }
    if (!giver) giver = topic_after_description(segment, mc);
    if (!giver) {
      // (When the subject received, only an earlier clause may name the giver: 某妇联活动走进卢氏，
      // 两乡镇均获得助学资金2万元.)
      const std::size_t from_clause = subject_received ? s_.clause_of(trigger->span.begin) : first_clause + 1;
      for (std::size_t c = from_clause; c-- > s_.clause_of(segment.begin);) {
        const std::size_t limit = c == first_clause ? std::min(trigger->span.begin, m.span.begin) : s_.clauses[c].end;
        // An earlier clause that holds an amount of its own belongs to that amount.
        if (c < first_clause && clause_has_amount(c) && !reports.empty()) break;
        // (…带队，区农业农村局、社会事业局等部门负责同志参加，…: who came along to look on is no giver; 随行 companions may give.)
        if (c != first_clause) {
          std::string_view said = text::trim(s_.slice(s_.clauses[c]));
          while (!said.empty() && std::string_view(",;:").find(said.back()) != std::string_view::npos) said.remove_suffix(1);
          bool came_along = false;
          for (std::string_view w : {"参加", "陪同", "出席"}) came_along = came_along || text::ends_at(said, said.size(), w);
          if (came_along) continue;
        }
        giver = detail::giver_in_clause(s_, c, limit, directory_, gazetteer_, memory_at(s_.clauses[c].begin));
        // (The county's sellers at a fair, 卢氏县某镇的合作社 or 来自甲乡、乙镇的合作社, are not who
        // bought: look further back.)
        if (giver && trigger->is(Cat::sale) && !trigger->is(Cat::buy) &&
            (starts_with_local_place(giver->written) || (!giver->span.empty() && came_from_county(s_.clauses[c].begin, giver->span.begin)) ||
             detail::township_body(giver->written))) {
          giver.reset();
          continue;
        }
        // 区总工会发出倡议，全体职工踊跃捐款: the people of a body give at its call; the body is the giver.
        if (giver && c > s_.clause_of(segment.begin) && is_people_group(giver->canonical))
          for (std::size_t e = c; e-- > s_.clause_of(segment.begin);) {
            const Span ec = s_.clauses[e];
            bool called = false;
            for (std::string_view w : {"倡议", "号召", "组织", "发起"}) called = called || s_.slice(ec).find(w) != std::string_view::npos;
            if (!called) continue;
            if (auto caller = detail::giver_in_clause(s_, e, ec.end, directory_, gazetteer_, memory_at(ec.begin));
                caller && !is_people_group(caller->canonical) && directory_.has_organisation_ending(caller->canonical)) {
              giver = caller;
              c = e;
            }
            break;
          }
        if (giver) {
          giver_clause = c;
          if (c != first_clause) giver->basis = "earlier clause";
          break;
        }
      }
    }
    // 某公司总经理刘敏…，以个人名义向…捐助: the person named after the office gives, not the company.
    if (!giver || giver->basis != "person") {
      // (…董事长王春林还以个人名义，当场为…发放: the manner may close the clause before the verb's.)
      const std::size_t clause_from = verb_clause > 0 && s_.clauses[verb_clause - 1].begin >= segment.begin &&
                                              text::ends_at(s_.text, s_.clauses[verb_clause - 1].end, "名义")
                                          ? s_.clauses[verb_clause - 1].begin
                                          : s_.clauses[verb_clause].begin;
      const std::size_t from = giver && !giver->span.empty() ? std::min(giver->span.begin, clause_from) : clause_from;
      const std::string_view said = s_.slice(from, std::max(from, trigger->span.begin));
      // (…董事长陈国栋专程来到某村，看到…，个人捐资十二万元: a clause opening with 个人 gives in the
      // name of the person the segment named after an office.)
      const bool own_name_clause = starts_at(s_.text, s_.han_from(s_.clauses[verb_clause].begin, s_.clauses[verb_clause].end), "个人");
      if (said.find("以个人名义") != std::string_view::npos || said.find("以个人身份") != std::string_view::npos || own_name_clause)
        if (auto person = person_after_office({own_name_clause ? segment.begin : from, trigger->span.begin})) {
          if (!giver) giver.emplace();
          giver->members = {*person};
          giver->members_written = {*person};
          giver->canonical = *person;
          giver->written = *person;
          giver->basis = "person";
        }
    }
    // The frame starts at the giver's clause, but never before the clause of the amount before it.
    std::size_t frame_begin = s_.clauses[std::min(giver_clause, first_clause)].begin;
    if (k > 0) {
      const Measure& prev = s_.measures[k - 1];
      if (prev.span.end <= m.span.begin && prev.span.begin >= segment.begin && s_.clause_of(prev.span.begin) < first_clause)
        frame_begin = std::max(frame_begin, s_.clauses[s_.clause_of(prev.span.begin) + 1].begin);
    }
    f.frame_begin = frame_begin;
    f.giver_named_in_clause = giver && giver->basis == "subject" && giver_clause == verb_clause;
    // (各预算单位, 各单位: many buyers, none named.)
    f.buyer_named = giver && (giver->basis == "subject" || giver->basis == "earlier clause") && trigger->is(Cat::buy) &&
                    giver->written.find("各") == std::string::npos && (giver->span.empty() || !starts_at(s_.text, giver->span.end, "各"));

    // Gifts to the giver's own district (向辖区困难职工发放…) are not pairing aid.
    if (const LexToken* to = s_.last(Cat::to, {frame_begin, m.span.begin}); to && starts_at(s_.text, to->span.end, "辖区")) return;
    // Donations an organisation received for its own district (区慈善总会共接收社会各界捐款2,160万元，
    // 已全部用于辖区受灾群众安置) are no aid of the pairing, when no place of the county is named.
    {
      const bool county_named = names_place_of_county();
      const std::string_view said = s_.text;
      const bool own_district = said.find("用于辖区") != std::string_view::npos || said.find("辖区受灾") != std::string_view::npos ||
                                said.find("本区受灾") != std::string_view::npos;
      const LexToken* got = s_.last(Cat::passive, {own.begin, m.span.begin});
      if (!county_named && (own_district || (got && giver && !giver->span.empty() && giver->span.end <= got->span.begin &&
                                             (s_.slice(got->span) == "接收" || s_.slice(got->span) == "收到" || s_.slice(got->span) == "接受"))))
        return;
    }
    // An organisation receiving donations (慈善总会今年接收社会捐赠逾600万元) gives nothing here.
    if (const LexToken* got = s_.last(Cat::passive, {own.begin, trigger->span.begin}); got && !giver && s_.slice(got->span) != "由") {
      const std::string_view before = subject_text(s_.clause_of(got->span.begin), got->span.begin);
      const bool place_first = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
        return p.span.begin == static_cast<std::size_t>(before.data() - s_.text.data());
      });
      if (!before.empty() && !place_first && directory_.has_organisation_ending(before)) return;
      if (before.empty() && !place_first && !memory_.last_organisation.empty() && !s_.has(Cat::to, {frame_begin, m.span.begin})) return;
    }
    // The paired county's own bodies giving (卢氏县民政局向全县…, 徐家湾乡干部群众向…捐款) is not
    // pairing aid; nor is a clause whose subject is a place of the county (双龙湾镇向…购买).
    if (giver && starts_with_local_place(giver->written)) return;
    // 卢氏县今年农村电商网络销售额达3.2亿元: the county's own sales, whoever bought.
    if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && !trigger->is(Cat::consumption)) {
      const std::size_t at = s_.han_from(s_.clauses[verb_clause].begin, trigger->span.begin);
      if (std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
            // (A township's own online sales too: 双龙湾镇今年网络销售额…; not its produce at a fair.)
            const std::string_view said = s_.slice(at, trigger->span.begin);
            const bool online = said.find("电商") != std::string_view::npos || said.find("网络") != std::string_view::npos;
            return p.span.begin == at && (p.level == PlaceLevel::county || (p.level == PlaceLevel::township && online));
          }) &&
          !s_.has(Cat::consumption, {0, s_.text.size()}) && !s_.has(Cat::occasion, {0, s_.text.size()}) &&
          !s_.has(Cat::each, {s_.clauses[verb_clause].begin, m.span.begin}))
        return;
    }
    // 乡财政所已将这笔资金拨付至5个村, 乡里…分送到全乡12个村: the township passing on what it got.
    if (!giver)
      for (std::size_t c = s_.clause_of(segment.begin); c <= verb_clause; ++c) {
        const std::size_t at = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
        for (std::string_view body : {"乡里", "镇里", "乡财政", "镇财政", "乡政府", "镇政府", "乡党委", "镇党委"})
          if (starts_at(s_.text, at, body)) return;
      }
    // A township's or county's own money (两乡镇安排乡级财政配套资金120万元, 该乡自筹资金45万元):
    // the place named before it spends it; no aid, unless it is given on to a place after it.
    if (const LexToken* own_word = s_.last(Cat::own_area, {own.begin, m.span.begin}); own_word) {
      const std::string_view w = s_.slice(own_word->span);
      // (Not 村集体: 向某村集体经济注入发展资金 is where the aid goes.)
      // (卢氏县还整合了涉农资金150万元, 县级衔接资金680万元: the county's own programmes; not the
      // district's 衔接资金 given 向 the townships.)
      const bool local_funds = w.find("财政") != std::string_view::npos || w.find("自筹") != std::string_view::npos || w == "自有资金" ||
                               w.find("涉农") != std::string_view::npos || w.find("衔接") != std::string_view::npos || own_word->is(Cat::local_government);
      if (local_funds && !s_.has(Cat::to, {own_word->span.end, m.span.begin})) return;
    }
    // A district spending in its own area (全区已投入灾后重建资金3.6亿元) names no recipient: no aid.
    // (…截至9月10日，全区已修复道路46公里，…发放各类救灾资金1.3亿元: 全区 speaks for the clauses after it.)
    // (县里已下拨… speaks only for its own clause: 市里下拨的…已到账，高新区拨付的…同日到位.)
    // (Not 全区全年实现消费帮扶103.7万元: buying as aid says whom it is for.)
    const bool aid_by_name = trigger->is(Cat::buy) && s_.slice(trigger->span).find("帮扶") != std::string_view::npos;
    if (const LexToken* own_word = s_.last(Cat::own_area, {0, m.span.begin});
        own_word && !own_word->is(Cat::local_government) && !aid_by_name &&
        (own_word->span.begin >= frame_begin || !giver || giver->span.empty() || giver->span.begin > own_word->span.begin) &&
        std::none_of(s_.words.begin(), s_.words.end(), [&](const LexToken& w) {
          // (向受灾群众 is its own people; 向结对地区, 向受援地 is where aid goes.)
          if (!w.is(Cat::to) || w.span.begin < std::min(frame_begin, own_word->span.begin) || w.span.end > own.end) return false;
          for (std::string_view aided : {"受援", "结对", "帮扶", "对口", "协作"})
            if (starts_at(s_.text, w.span.end, aided)) return true;
          return false;
        }) &&
        std::none_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
          const bool of_county = !p.township.empty() || p.level == PlaceLevel::collective || p.level == PlaceLevel::county;
          // (…共募集善款6.68万元，全部转交徐家湾乡: a place a later clause of the segment sends it to.)
          const bool sent_there = p.span.begin >= m.span.end && p.span.end <= segment.end &&
                                  (s_.has(Cat::give, {m.span.end, p.span.begin}) || s_.has(Cat::give_paid, {m.span.end, p.span.begin}));
          return of_county && ((p.span.begin >= std::min(frame_begin, own_word->span.begin) && p.span.end <= own.end) || sent_there);
        }))
      return;
    // Money or goods sent to a district (…送往高新区受灾群众安置点; 筹集蔬菜12吨，连夜运抵高新区): aid for
    // the district, not from it.
    for (const auto& w : s_.words) {
      if (w.span.begin < frame_begin || !(w.cats & (bit(Cat::to) | bit(Cat::give) | bit(Cat::give_paid)))) continue;
      // (A later clause's verb of sending, 运抵/送往, says where they went when no place of the county
      // comes between.)
      const bool later = w.span.end > own.end;
      if (later && (w.is(Cat::to) || std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
                      return p.span.begin >= m.span.end && p.span.end <= w.span.begin && !p.township.empty();
                    })))
        continue;
      const std::size_t rest_end = later ? s_.clauses[s_.clause_of(w.span.begin)].end : own.end;
      const std::string_view rest = s_.slice(w.span.end, rest_end);
      const auto known = directory_.find_known(rest);
      if (!known || known->first.begin != 0 || !text::ends_at(known->second, known->second.size(), "区")) continue;
      const std::size_t after = w.span.end + known->first.end;
      const bool county_place_after = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
        return p.span.begin >= after && p.span.end <= rest_end && !p.township.empty();
      });
      if (!county_place_after) return;
    }
    // (Not for sales: 甲镇展区的销售额 is what the township sold, the aid it received.)
    if (!giver && !trigger->is(Cat::sale) && starts_with_local_place(subject_text(verb_clause, trigger->span.begin))) return;

    AidReport r;
    r.approximate = m.approximate;
    r.measure = {page(m.span.begin), page(m.span.end)};
    r.sentence = sentence_.span;
    r.sentence_text = sentence_.text;
    const AidReport* previous = reports.empty() ? nullptr : &reports.back();
    // 由区总工会主办的展销会…，本次展销会共销售…: sales at an event with no buyer named are the host's,
    // not the article's actor's.
    const bool sale = trigger->is(Cat::sale) && !trigger->is(Cat::buy);
    // (22家合作社参展, 两乡镇22家合作社参展: the sellers, counted or named by their place, buy nothing.)
    const bool sellers = sale && giver && !giver->span.empty() && std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
      return p.span.begin == giver->span.begin && (!p.township.empty() || p.level == PlaceLevel::collective);
    });
    const bool implied_giver = !giver || giver->basis == "article actor" || giver->canonical.empty() || sellers;
    const auto host = implied_giver && sale ? host_before(m.span.begin) : std::nullopt;
    if (giver && !giver->canonical.empty() && !host && !sellers) {
      r.donor = giver->canonical;
      r.donor_as_written = giver->written;
      r.donor_basis = giver->basis;
    } else if (const std::string_view subject = subject_text(verb_clause, trigger->span.begin);
               !giver && !memory_.delegation.empty() && std::any_of(std::begin(kDelegations), std::end(kDelegations), [&](std::string_view d) {
                 return subject.starts_with(d);
               })) {
      // 区教育局调研组来到…。调研组还为该校…配发…: the delegation's organisation gives.
      r.donor = memory_.delegation;
      r.donor_as_written = std::string(subject);
      r.donor_basis = "earlier clause";
    } else if (!giver && !memory_.last_organisation.empty() && opens_with_these()) {
      // 工商联组织会员企业筹集的两批物资也送到了卢氏。这两批物资送给甲镇、乙乡…: the things the
      // sentence before spoke of, given by whom it named.
      r.donor = memory_.last_organisation;
      r.donor_as_written = memory_.last_organisation_written;
      r.donor_basis = "earlier clause";
    } else if (host) {
      r.donor = host->first;
      r.donor_as_written = host->second;
      r.donor_basis = "host of the event";
    } else if (previous && !previous->donor.empty() && !(giver && giver->unnamed_count > 0) && !opens_with_date(segment)) {
      r.donor = previous->donor;
      r.donor_as_written = previous->donor_as_written;
      r.donor_basis = previous->donor_basis == "article actor" || previous->donor_basis == "unknown" ? previous->donor_basis : "earlier clause";
    } else if (!memory_.last_organisation.empty() && giver && giver->unnamed_count > 0 && !memory_.actor.empty()) {
      r.donor = memory_.actor;  // 3家会员企业: counted, not named; the article's actor speaks for them
      r.donor_as_written = giver->members_written.empty() ? std::string() : giver->members_written.front();
      r.donor_basis = "article actor";
    } else if (!giver && !memory_.pledge_giver.empty() && s_.has(Cat::tranche, own)) {
      r.donor = memory_.pledge_giver;
      r.donor_as_written = memory_.pledge_giver_written;
      r.donor_basis = "the pledge it pays";
    } else if (!memory_.actor.empty()) {
      r.donor = memory_.actor;
      r.donor_basis = "article actor";
    } else {
      r.donor_basis = "unknown";
    }

    r.kind = detail::kind_of(s_, f);
    r.status = detail::status_of(s_, f, r.tranche);
    // 计划采购两乡镇农产品32万元；首批12万元农产品已于当日交付: a first batch of a purchase pledged
    // just before is bought, not given.
    if (r.tranche && r.kind != Kind::consumption && previous && previous->status == Status::pledged &&
        previous->kind == Kind::consumption && previous->donor == r.donor && previous->sentence.begin == r.sentence.begin)
      r.kind = Kind::consumption;
    // (…计划一年内采购该镇农产品20万元。首批货款3.2万元已于上周结清: in a later sentence too, when
    // the same buyer pays.)
    if (r.tranche && r.kind == Kind::cash && memory_.pledge_kind == Kind::consumption && r.donor == memory_.pledge_giver)
      r.kind = Kind::consumption;
    if (r.tranche) r.tranche_number = detail::tranche_number(s_, f);
    if (m.kind == MeasureKind::quantity) r.unit = m.unit;
    if (r.kind != Kind::cash) r.item = item_for(f, previous);

    // Recipients.
    ArticleMemory recipient_memory = memory_at(frame_begin);
    recipient_memory.giver = r.donor;
    std::vector<Recipient> recipients =
        detail::recipients_for(s_, frame_begin, trigger->span.begin, m.span.begin, giver, recipient_memory);
    if (recipients.empty() && previous && !opens_with_date(segment)) {
      for (const auto& a : previous->allocations) {
        if (a.township == kJoint)
          for (const auto& t : a.covers) recipients.push_back({t, t});
        else if (!a.recipient.empty() || !a.township.empty())
          recipients.push_back({a.recipient, a.township});
      }
    }
    // 这批设备…: the goods the sentence before brought somewhere went there.
    if (recipients.empty() && !memory_.last_township.empty()) {
      const std::size_t opens = s_.han_from(0, s_.text.size());
      for (std::string_view these : {"这批", "该批", "此批", "上述"})
        if (starts_at(s_.text, opens, these)) {
          if (!memory_.last_institution.empty() && memory_.last_institution_township == memory_.last_township)
            recipients.push_back({memory_.last_institution, memory_.last_township});
          else
            recipients.push_back({memory_.last_township, memory_.last_township});
          break;
        }
    }
    // Money raised (共募集善款326万元) whose sentence names no place went nowhere yet: the next sentence
    // may say where (这笔善款…分配给…); else it is no gift of the pairing.
    // (A later clause saying where it went, 所募款物已全部交付甲乡、乙镇, places it as before.)
    const bool raised_only = recipients.empty() && trigger->is(Cat::raise) &&
                             std::none_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
                               return !s_.quoted(p.span.begin) && (!p.township.empty() || p.level == PlaceLevel::collective);
                             });
    // No place read for the gift, in a sentence that names places of one township only (…结对帮扶甲乡的
    // A村、B村，此次均向结对村送去…): that township.
    if (recipients.empty() && !raised_only) {
      std::vector<std::string> named;
      bool other = false;
      for (const auto& p : s_.places) {
        if (s_.quoted(p.span.begin) || p.level == PlaceLevel::county) continue;
        if (p.level == PlaceLevel::collective || p.township.empty()) other = other || p.level == PlaceLevel::collective;
        else if (std::find(named.begin(), named.end(), p.township) == named.end()) named.push_back(p.township);
      }
      if (named.size() == 1 && !other) {
        recipients.push_back({named.front(), named.front()});
        r.notes.push_back(fmt::format("no place read for the gift: {}, the one township the sentence names", named.front()));
      }
    }
    // A village or school of no known township, where the story stands in one township (来到甲镇。
    // 在乙村，…送去…): it lies in that township.
    if (!memory_.scene_township.empty())
      for (auto& rc : recipients)
        if (rc.township.empty() && bare_village(rc.name)) {
          rc.township = memory_.scene_township;
          r.notes.push_back(fmt::format("{} taken to lie in {}, where the sentences before were", rc.name, rc.township));
        }
    // No place read for the gift: where the story stands, when the sentences before placed it in
    // one township (来到甲乡敬老院。…为敬老院送去…).
    // (Not for a figure summing a period, 2025年，…全年投入帮扶资金420万元: the story's scene was one
    // day's, the sum is the pairing's.)
    // (拟全年采购…10万元 is a plan for the year, not a sum of it.)
    const bool sums_a_period = r.status == Status::disbursed && (s_.has(Cat::summary, {0, m.span.begin}) || s_.has(Cat::cumulative, {0, m.span.begin}));
    if (recipients.empty() && !raised_only && !memory_.scene_township.empty() && !sums_a_period &&
        std::all_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
          return s_.quoted(p.span.begin) || (p.township.empty() && p.level != PlaceLevel::collective);
        })) {
      recipients.push_back({memory_.scene, memory_.scene_township});
      r.notes.push_back(fmt::format("no place in the sentence: {}, where the sentences before were", memory_.scene));
    }
    // No place read for the gift, in a sentence that speaks of 两乡镇 elsewhere (…累计投入…2860余万元，
    // 两乡镇累计建成帮扶车间7个): the townships it stands for.
    if (recipients.empty() && !raised_only)
      for (const auto& p : s_.places)
        if (p.level == PlaceLevel::collective && p.count > 0 && !s_.quoted(p.span.begin)) {
          for (auto& rc : detail::expand_collective(p, recipient_memory))
            if (!rc.township.empty()) recipients.push_back(std::move(rc));
          if (!recipients.empty()) r.notes.push_back("no place read for the gift: the townships its sentence names together");
          break;
        }
    // No place read for the gift: the article's townships, when it names no more than a pair
    // (a page of several pairings leaves the recipient unknown rather than guessing a joint line).
    // (Sales at a fair where several townships showed their goods, 甲乡、乙镇、丙乡等4个乡镇参展，…本次
    // 展销会共销售42.8万元: all of them together.)
    const bool fair_sales = sale && r.kind == Kind::consumption;
    if (recipients.empty() && !raised_only && (memory_.townships.size() <= 2 || fair_sales))
      for (const auto& t : memory_.townships) recipients.push_back({t, t});
    // 采购甲乡香菇8.6万元、乙镇木耳5.4万元: places and amounts taking turns in a clause pair up —
    // each amount goes to the places between the amount before it and itself.
    // (Also when only the first place was read as marked: 转交甲乡9.62万元、乙镇9万元.)
    if (!recipients.empty()) {
      std::size_t from = own.begin;
      for (std::size_t j = 0; j < k; ++j)
        if (s_.clause_of(s_.measures[j].span.begin) == mc) from = std::max(from, s_.measures[j].span.end);
      std::vector<Recipient> between;
      for (const auto& p : s_.places)
        if (p.span.begin >= from && p.span.end <= m.span.begin && !p.township.empty() && p.level != PlaceLevel::collective &&
            p.level != PlaceLevel::county)
          between.push_back({p.name, p.township});
      const bool another_after = std::any_of(s_.measures.begin() + static_cast<std::ptrdiff_t>(k) + 1, s_.measures.end(), [&](const Measure& o) {
        return s_.clause_of(o.span.begin) == mc && std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
                 return p.span.begin > m.span.end && p.span.end <= o.span.begin && !p.township.empty();
               });
      });
      if (!between.empty() && (from > own.begin || another_after) &&
          (between.size() < recipients.size() ||
           (recipients.size() == 1 && from > own.begin &&
            std::none_of(between.begin(), between.end(), [&](const Recipient& b) { return b.name == recipients.front().name; }))))
        recipients = between;
    }
    // A village the gazetteer does not place (用于丰太村…), in a sentence that names one township and
    // no other: that township's village.
    {
      std::vector<std::string> named;
      for (const auto& p : s_.places)
        if (!p.township.empty() && p.level != PlaceLevel::collective && p.level != PlaceLevel::county &&
            std::find(named.begin(), named.end(), p.township) == named.end())
          named.push_back(p.township);
      if (named.size() == 1)
        for (auto& rc : recipients)
          if (rc.township.empty() && !rc.name.empty()) {
            rc.township = named.front();
            r.notes.push_back(fmt::format("{} taken to be in {}, the one township the sentence names", rc.name, named.front()));
          }
      // (…in an article that names one township and no other: that township's village, or the
      // village's school or clinic, 乙村卫生室.)
      if (named.empty() && memory_.townships.size() == 1)
        for (auto& rc : recipients)
          if (rc.township.empty() && (bare_village(rc.name) || local_institution(rc.name))) {
            rc.township = memory_.townships.front();
            r.notes.push_back(fmt::format("{} taken to be in {}, the one township the article names", rc.name, rc.township));
          }
      // (…on a township's own page, 某乡讯, that names no other: a place of that township.)
      if (named.empty() && !memory_.home_township.empty() &&
          std::all_of(memory_.townships.begin(), memory_.townships.end(), [&](const std::string& t) { return t == memory_.home_township; }))
        for (auto& rc : recipients)
          if (rc.township.empty() && !rc.name.empty()) {
            rc.township = memory_.home_township;
            r.notes.push_back(fmt::format("{} taken to be in {}, whose own page this is", rc.name, rc.township));
          }
    }
    // An article that names no township at all, about the district's own pairing: the pair.
    if (recipients.empty() && !raised_only && memory_.townships.empty())
      for (const auto& t : memory_.paired) recipients.push_back({t, t});
    r.raised_unplaced = raised_only && recipients.empty();

    // Distribution.
    // (With the recipient first — 两镇卫生院均收到某公司捐赠的… — 均 stands before the giver.)
    const bool passive = giver && (giver->basis == "passive" || subject_received);
    const std::size_t lead_from = giver && !passive && !giver->span.empty() && giver->span.end <= m.span.begin ? giver->span.end : frame_begin;
    // 出资50万元、30万元，分别用于甲乡和乙乡: 分别 opening the next clause pairs the amounts listed.
    bool each_after = false;
    if (mc + 1 < s_.clauses.size() && s_.segment_of(s_.clauses[mc + 1].begin) == s_.segment_of(m.span.begin)) {
      const std::size_t at = s_.han_from(s_.clauses[mc + 1].begin, s_.text.size());
      each_after = starts_at(s_.text, at, "分别") && detail::amount_list(s_, k).size() >= 2;
    }
    // (资金80万元、60万元已于6月上旬分别拨付到甲乡、乙镇: 分别 after the list, in its clause.)
    if (const auto amounts = detail::amount_list(s_, k); !each_after && amounts.size() >= 2 && amounts.front() == k) {
      const std::size_t last_end = s_.measures[amounts.back()].span.end;
      const Span rest{last_end, s_.clauses[s_.clause_of(s_.measures[amounts.back()].span.begin)].end};
      if (const LexToken* e = s_.first(Cat::each, rest);
          e && s_.slice(e->span) == "分别" && text::code_point_count(s_.slice(last_end, e->span.begin)) <= 8 &&
          std::none_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& o) { return o.span.begin >= last_end && o.span.begin < e->span.begin; }))
        each_after = true;
    }
    // (今年的帮扶资金30万元已于4月底分别拨付两乡镇: one amount, 分别 and a verb of giving after it in
    // its clause: each place gets it. Not 分别用于…, which may share it out.)
    // (Money only: 两台救护车分别交付两卫生院 is one each.)
    if (!each_after && m.kind == MeasureKind::money && detail::amount_list(s_, k).size() == 1) {
      const Span rest{m.span.end, s_.clauses[mc].end};
      if (const LexToken* e = s_.first(Cat::each, rest);
          e && s_.slice(e->span) == "分别" && text::code_point_count(s_.slice(m.span.end, e->span.begin)) <= 8 &&
          std::none_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& o) { return o.span.begin >= m.span.end && o.span.begin < rest.end; }))
        if (const LexToken* v = s_.word_at(e->span.end); v && (v->is(Cat::give) || v->is(Cat::give_paid)) && !v->is(Cat::to))
          each_after = true;
    }
    // (分别送去慰问金15万元和12万元，以及价值8万元的年货: 分别 paired the list before; the amount
    // after it is one.)
    bool after_the_list = false;
    if (const LexToken* e = s_.last(Cat::each, {lead_from, m.span.begin}); e && s_.slice(e->span) == "分别")
      for (std::size_t j = 0; j < k && !after_the_list; ++j) {
        if (s_.measures[j].span.begin < e->span.end) continue;
        const auto paired = detail::amount_list(s_, j);
        after_the_list = paired.size() >= 2 && std::find(paired.begin(), paired.end(), k) == paired.end();
        break;
      }
    // 捐赠棉衣、棉被各300件: 各 right after a list of goods counts each of them; the recipients
    // share them.
    const std::size_t goods_listed = goods_listed_before_each(m.span.begin, *trigger);
    const bool each = goods_listed < 2 && (each_after || (!after_the_list && detail::says_each(s_, lead_from, m.span.begin) &&
                                                          !detail::says_total(s_, lead_from, m.span.begin)));
    std::vector<std::size_t> list = detail::amount_list(s_, k);
    if (!each || list.size() < 2) list.resize(1);
    std::optional<std::int64_t> amount, high, quantity;
    (m.kind == MeasureKind::money ? amount : quantity) = m.value;
    if (m.kind == MeasureKind::money) high = m.high;
    const std::string written_value = m.kind == MeasureKind::money ? format_fen(m.value) : std::to_string(m.value);
    // The amount (or count) times n, checked: false (and the product refused, with the reason)
    // when it would overflow or pass the ceiling of one ledger line.
    auto multiply = [&](std::int64_t n) {
      const bool had_high = high.has_value();
      if (amount) amount = times_money(*amount, n);
      if (high) high = times_money(*high, n);
      if (quantity) quantity = times(*quantity, n);
      const bool ok = m.kind == MeasureKind::money ? amount && high.has_value() == had_high : quantity.has_value();
      if (!ok) refuse_product(m, n, written_value);
      return ok;
    };
    if (goods_listed >= 2) {
      if (!multiply(static_cast<std::int64_t>(goods_listed))) return;
      r.notes.push_back(fmt::format("each of {} goods listed before 各 counted", goods_listed));
    }

    // The price times what was bought, when no amount paid is written.
    if (priced) {
      if (!bought) return;
      // (What was bought is counted in the purchase's money, not again as goods.)
      for (std::size_t i = 0; i < s_.measures.size(); ++i)
        if (s_.measures[i].span.begin == bought->span.begin) used[i] = true;
      const auto product = times_money(m.value, bought->value);
      if (!product) return refuse_product(m, bought->value, written_value);
      amount = product;
      if (high) high = times_money(*high, bought->value);
      r.notes.push_back(fmt::format("computed: {}{} x {} (the price of one)", bought->value, bought->unit, written_value));
      quantity = bought->value;
      r.unit = bought->unit;
      r.item = bought_item(*trigger, bought->span.begin);
    }
    // 采购礼盒300盒，金额24,000元: the purchase's money, and what it bought. (Also a sale for the
    // townships: 共卖出连翘茶2,360盒，销售额11.8万元.)
    if (!priced && m.kind == MeasureKind::money && (trigger->is(Cat::buy) || trigger->is(Cat::sale)) && k > 0) {
      const Measure& q = s_.measures[k - 1];
      // (The sum named after the count, 销售额, is the trigger here; the selling word is before the count.)
      const LexToken* opener = trigger;
      if (trigger->is(Cat::sale) && q.span.end <= trigger->span.begin)
        if (const LexToken* sold = s_.last(bit(Cat::sale) | bit(Cat::buy), {s_.segments[s_.segment_of(q.span.begin)].begin, q.span.begin})) opener = sold;
      if (q.kind == MeasureKind::quantity && q.span.begin > opener->span.end && s_.segment_of(q.span.begin) == s_.segment_of(m.span.begin) &&
          !s_.has(Cat::give, {q.span.end, m.span.begin}) && !s_.has(Cat::give_paid, {q.span.end, m.span.begin})) {
        quantity = q.value;
        r.unit = q.unit;
        r.item = bought_item(*trigger, q.span.begin);
      }
    }
    // Per unit: 每人1000元 with the count before it, or a stated total after it.
    std::vector<Allocation> split_by_counts;
    // One line for a place counted by itself (甲乡120户): the count times the rate. False when the
    // product is refused (then no report stands).
    auto split_by_count = [&](const std::string& place, const std::string& township, std::int64_t n, std::string_view why) {
      const auto product = m.kind == MeasureKind::money ? times_money(m.value, n) : times(m.value, n);
      if (!product) {
        refuse_product(m, n, written_value);
        return false;
      }
      Allocation a;
      a.recipient = place;
      a.township = township;
      (m.kind == MeasureKind::money ? a.amount_fen : a.quantity) = product;
      split_by_counts.push_back(std::move(a));
      r.notes.push_back(fmt::format("computed: {} {} x {}{}", place, n, written_value, why));
      return true;
    };
    std::optional<std::int64_t> units_counted;  // 68户每户一台: the 68 the goods were counted by
    std::optional<std::int64_t> places_counted;  // 18个村卫生室均配备价值3000元的药箱1个: the 18 each got it
    std::optional<std::int64_t> people_paid;    // 100名学生每人1000元: the 100 the money was counted by
    if (const LexToken* per = priced ? nullptr : s_.last(Cat::per_unit, {own.begin, m.span.begin})) {
      r.distribution = "per_unit";
      bool used_total = false;
      for (std::size_t j = k + 1; j < s_.measures.size(); ++j) {
        // 每份价值300元，共200份: the value of one times the count of them all.
        if (m.kind == MeasureKind::money && s_.measures[j].kind == MeasureKind::quantity && k + 1 == j &&
            s_.segment_of(s_.measures[j].span.begin) == s_.segment_of(m.span.begin) &&
            s_.has(Cat::total, {m.span.end, s_.measures[j].span.begin})) {
          const Measure& q = s_.measures[j];
          const auto product = times_money(m.value, q.value);
          if (!product) return refuse_product(m, q.value, written_value);
          amount = product;
          if (high) high = times_money(*high, q.value);
          quantity = q.value;
          r.unit = q.unit;
          r.measure.end = page(q.span.end);
          used[j] = true;
          used_total = true;
          r.notes.push_back(fmt::format("computed: {} x {} (the value of one)", q.value, written_value));
          break;
        }
        if (s_.measures[j].kind != m.kind || s_.segment_of(s_.measures[j].span.begin) != s_.segment_of(m.span.begin)) continue;
        if (s_.has(Cat::total, {m.span.end, s_.measures[j].span.begin})) {
          (m.kind == MeasureKind::money ? amount : quantity) = s_.measures[j].value;
          used[j] = true;
          used_total = true;
          r.notes.push_back(fmt::format("per-unit amount {} with a stated total", written_value));
          break;
        }
      }
      // 为甲乡120户、乙镇80户…每户送去500元: each place's count times the amount.
      if (!used_total) {
        auto counted = counts_by_place(frame_begin, per->span.begin);
        // (其中甲乡86户、乙镇64户，区民政局为每户发放慰问金500元: the counts by place in an earlier
        // clause of the segment, which hold no amount of their own.)
        if (counted.empty() && frame_begin > segment.begin &&
            std::none_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& o) { return o.span.begin >= segment.begin && o.span.end <= frame_begin && o.kind == MeasureKind::money; }))
          counted = counts_by_place(segment.begin, frame_begin);
        // (…每户送去慰问金500元，其中甲乡70户、乙镇50户；此外，还为每户准备了价值200元的…: the same
        // 每户 said again in a later segment is the same households, counted by place before.)
        if (counted.empty() && segment.begin > 0 && s_.slice(0, segment.begin).find(s_.slice(per->span)) != std::string_view::npos)
          counted = counts_by_place(0, segment.begin);
        std::string_view counted_after;
        // 为两乡镇215户每户发放慰问金800元，其中甲乡118户、乙镇97户: the counts by place after 其中,
        // when they add up to the count before.
        if (counted.empty())
          if (const LexToken* parts = s_.first(Cat::subsum, {m.span.end, s_.text.size()})) {
            auto after = counts_by_place(parts->span.end, s_.segments[s_.segment_of(parts->span.begin)].end);
            const auto whole = count_before(per->span.begin, segment.begin);
            std::int64_t sum = 0;
            for (const auto& [place, n] : after) sum += n;
            // (…每人发放奖学金3000元，其中甲乡12人，乙镇9人: with no count before, the counts are all.)
            if (!after.empty() && (whole ? *whole == sum : after.size() >= 2)) {
              counted = std::move(after);
              counted_after = " (其中)";
            }
          }
        // 每名新生5000元，共资助甲乡12名、乙镇9名: the counts by place after the amount, in its segment,
        // when no other amount comes between.
        if (counted.empty()) {
          const std::size_t seg_end = s_.segments[s_.segment_of(m.span.begin)].end;
          auto after = counts_by_place(m.span.end, seg_end);
          const bool amount_between = std::any_of(s_.measures.begin() + static_cast<std::ptrdiff_t>(k) + 1, s_.measures.end(), [&](const Measure& o) {
            return o.span.begin < seg_end && o.kind == MeasureKind::money;
          });
          const std::string_view between = after.empty() ? std::string_view() : s_.slice(m.span.end, seg_end);
          if (!after.empty() && !amount_between &&
              (between.find("共") != std::string_view::npos || between.find("资助") != std::string_view::npos ||
               between.find("惠及") != std::string_view::npos)) {
            counted = std::move(after);
            counted_after = " (counted after the amount)";
          }
        }
        for (const auto& [place, n] : counted)
          if (!split_by_count(place.name, place.township, n, counted_after)) return;
        if (!split_by_counts.empty()) used_total = true;
      }
      // (为两所学校各捐建了一间阅览室，每间投入4.5万元: one for each recipient; 两所 counts the
      // recipients, who each get the amount, not the product.)
      if (!used_total && one_for_each(*per)) {
        r.notes.push_back(fmt::format("{}: one for each recipient", s_.slice(per->span)));
      } else if (!used_total) {
        auto count = count_before(per->span.begin, frame_begin);
        if (!count) count = count_before(per->span.begin, segment.begin);  // 为100户…，每户发放…
        // 甲乡30名留守儿童来到…。区团工委为每名孩子送上…: the people the sentence before counted.
        if (!count && !count_before(per->span.begin, 0) && memory_.people_counted) {
          // (…共有42名学生考入本科，其中甲乡19人，乙镇23人。工商联为他们每人发放奖学金千元: each
          // township its own count.)
          for (const auto& [place, township, n] : memory_.people_counted_by_place)
            if (!split_by_count(place, township, n, " (counted by township in the sentence before)")) return;
          if (split_by_counts.empty()) {
            count = memory_.people_counted;
            r.notes.push_back("the people counted in the sentence before");
          }
        }
        // 此次共慰问45户。…（a paragraph on）…妇联为每户送去慰问金600元: the total the article counted
        // with 共 earlier, in the units the per-unit word counts.
        if (!count && split_by_counts.empty() && !count_before(per->span.begin, 0) && memory_.people_totalled &&
            units_counting(s_.slice(per->span)).find(text::code_point_at(memory_.people_totalled->second, 0)) != std::u32string::npos) {
          count = memory_.people_totalled->first;
          r.notes.push_back("the people counted earlier in the article (共)");
        }
        // 为12名儿童每人建设一间小屋，每间投入5000元: each has one, so the count of the people.
        const LexToken* counted_per = per;
        if (!count)
          if (const LexToken* outer = each_has_one(*per)) {
            counted_per = outer;
            count = count_before(outer->span.begin, 0);
            r.notes.push_back(fmt::format("{} one {} each", s_.slice(outer->span), s_.slice(per->span)));
          }
        // 送去慰问金，每人千元，两乡镇共有46名教师受到慰问: the count stated after it (共有/共), in a
        // later clause of its sentence that holds no amount of its own.
        if (!count && m.kind == MeasureKind::money)
          for (std::size_t c = mc + 1; c < s_.clauses.size() && !count; ++c) {
            const Span later = s_.clauses[c];
            if (clause_has_amount(c)) break;
            const std::string_view said = s_.slice(later);
            if (said.find("共") == std::string_view::npos) continue;  // (共有, 共计, 共)
            if ((count = first_count_in(s_.text, later.begin, later.end, units_counting(s_.slice(per->span)))))
              r.notes.push_back("the count stated after it in its sentence");
          }
        // 为23名学子发放助学金，其中本科生每人3000元、专科生每人2000元: the rates of parts of
        // the people counted before 其中, not of all of them.
        if (count && rates_of_parts(*counted_per)) {
          count.reset();
          r.notes.push_back("a rate for part of the people counted before 其中");
        }
        if (count) {
          auto product = m.kind == MeasureKind::money ? times_money(m.value, *count) : times(m.value, *count);
          if (high) high = times_money(*high, *count);
          if (!product || (m.high && !high)) return refuse_product(m, *count, written_value);
          // 捐赠助学金10万元，资助50名学生，每人2000元: the gifts just read, told per head; no new money.
          const bool new_giver = giver && !giver->span.empty() && k > 0 && giver->span.begin > s_.measures[k - 1].span.end;
          if (m.kind == MeasureKind::money && !new_giver && restates_gifts_before(k, *product, reports)) return;
          (m.kind == MeasureKind::money ? amount : quantity) = product;
          if (m.kind == MeasureKind::quantity) units_counted = *count;
          else people_paid = *count;
          r.notes.push_back(fmt::format("computed: {} x {}", *count, written_value));
        } else if (!split_by_counts.empty()) {
          // (counted by township above)
        } else if (one_for_each(*per)) {
          r.notes.push_back(fmt::format("{}: one for each recipient", s_.slice(per->span)));
        } else {
          r.notes.push_back("per-unit amount; the number of recipients is not stated");
          r.uncounted = AidReport::Uncounted{who_each_is(*counted_per), units_counting(s_.slice(counted_per->span))};
        }
      }
    }

    // A pledge by the year over stated years (2024年至2026年…每年…各150万元; 每年…80万元，协议期两年):
    // the pledge is the yearly sum times the years.
    if (m.kind == MeasureKind::money && r.status == Status::pledged && !r.tranche &&
        s_.text.substr(segment.begin, m.span.begin - segment.begin).find("每年") != std::string_view::npos)
      if (const auto years = years_stated(); years && *years >= 2 && *years <= 10) {
        if (!multiply(*years)) return;
        r.notes.push_back(fmt::format("computed: {} a year x {} years (the pledge over the years it names)", written_value, *years));
      }

    const std::size_t givers = giver ? giver->members.size() : 0;
    const std::int64_t counted = giver ? giver->unnamed_count : 0;
    // 甲、乙分别捐款5万元，用于两乡镇: 分别 right after several givers, before any recipient, is
    // about the givers.
    bool each_follows_givers = false;
    if (each && giver && !giver->span.empty() && (givers >= 2 || counted > 0)) {
      const LexToken* e = s_.first(Cat::each, {giver->span.end, m.span.begin});
      each_follows_givers = e && !s_.has(Cat::to, {giver->span.end, e->span.begin}) &&
                            std::none_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
                              return p.span.begin >= giver->span.end && p.span.end <= e->span.begin;
                            });
    }
    // (甲、乙联合开展…，向A乡、B镇分别送去8万元、6万元, 甲、乙工作人员一行…: givers acting together
    // give as one; 分别 is about the places.)
    const bool together = giver && !giver->span.empty() && giver->span.end <= m.span.begin && recipients.size() >= 2 &&
                          s_.has(Cat::together, {giver->span.end, m.span.begin});
    const bool giver_each = each && !together && (givers >= 2 || counted > 0) && (recipients.size() <= 1 || list.size() == givers || each_follows_givers);
    // (甲、乙、丙分别向A乡敬老院、B镇某村、A乡某村捐赠…: places written one by one for the givers
    // one by one keep their order, two in one township included.)
    const bool places_for_givers = giver_each && list.size() >= 2 && list.size() == givers && recipients.size() == list.size() &&
                                   named_places(giver->span.end, s_.measures[list.front()].span.begin) == list.size();
    if ((!each || giver_each) && !places_for_givers) recipients = detail::group_by_township(recipients);
    // 来到甲乡，为该乡乙村、丙村各捐赠…: each of the villages, not the township besides them.
    if (each && recipients.size() > 2)
      recipients.erase(std::remove_if(recipients.begin(), recipients.end(), [&](const Recipient& t) {
                         return t.name == t.township && !t.township.empty() &&
                                std::count_if(recipients.begin(), recipients.end(), [&](const Recipient& o) {
                                  return o.township == t.township && o.name != o.township;
                                }) >= 2;
                       }),
                       recipients.end());

    date_report(r, {frame_begin, std::max(own.end, dated_until_)}, m.span.begin);
    dated_until_ = 0;
    // A pledge is made when it is reported; the later year it names is when it is to be paid.
    // (So is a pledge for a plan year when the date came from before: 展望2026年，…计划为…安排….)
    const bool plan_year_stated = std::any_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& d) {
      return d.plan && d.date.precision == Precision::year && d.span.end <= m.span.begin && d.span.begin >= segment.begin;
    });
    if (r.status == Status::pledged && article_date_ && plan_year_stated && (!r.date || r.date_basis.rfind("stated", 0) != 0)) {
      r.date = article_date_;
      r.date_basis = "pledged on the article's date";
    }
    // A later date a pledge names (将于明年…; an agreement's terms, 协议约定，自明年起三年内…提供…) is
    // when it is to be paid; and money paid in a year after the page was printed has not been paid
    // yet (签订协议，明年拨付…). Both are promises made on the article's date. (The page's year, not
    // the article's: an article's day may be read from a date in its text.)
    const bool after_page_year = r.date && memory_.published && r.date->first.year() > memory_.published->last.year();
    // (按照协议，2019年至2021年，该会共向该镇提供…100万元, on a page of 2019: years written that run
    // past the page's are the agreement's terms, not what was paid.)
    // (A tranche, 首期200万元已于签约前拨付到位, is paid whatever the terms.)
    const bool runs_past_page_year = r.date && memory_.published && r.status == Status::disbursed && !r.tranche && r.date->is_range() &&
                                     r.date->precision == Precision::year && r.date_basis.rfind("stated", 0) == 0 &&
                                     r.date->first.year() <= memory_.published->last.year() &&
                                     r.date->last.year() > memory_.published->last.year();
    if (runs_past_page_year) {
      r.notes.push_back(fmt::format("terms for {}", format_date(*r.date)));
      r.status = Status::pledged;
    }
    const bool to_be_paid = r.date && article_date_ &&
                            ((r.status == Status::pledged && r.date->first > article_date_->last &&
                              (s_.has(Cat::modal, {segment.begin, own.end}) || after_page_year)) ||
                             (r.status == Status::disbursed && after_page_year));
    if (to_be_paid) {
      r.notes.push_back(fmt::format("to be paid {}", format_date(*r.date)));
      r.status = Status::pledged;
      r.date = article_date_;
      r.date_basis = "pledged on the article's date";
    }
    // 全年… with no year said, in a review printed in January or February: the year just ended
    // (全年向两乡镇拨付结对帮扶资金320万元, on a page of 2023-01-20, is 2022's).
    if (!r.date && r.status == Status::disbursed && memory_.published && static_cast<unsigned>(memory_.published->first.month()) <= 2) {
      const std::string_view said = s_.slice(segment.begin, m.span.begin);
      if (said.find("全年") != std::string_view::npos && said.find("今年") == std::string_view::npos &&
          said.find("明年") == std::string_view::npos && said.find("去年") == std::string_view::npos) {
        r.date = DateRange::year(memory_.published->first.year() - date::years{1});
        r.date_basis = "全年 in a review printed early in the year: the year before";
      }
    }
    const bool whole_year = r.date && r.date->precision == Precision::year;
    if (auto period = plan_period(m.span.begin);
        period && !r.date && (s_.has(Cat::cumulative, {0, m.span.begin}) || s_.has(Cat::total, {0, m.span.begin}))) {
      r.date = period;
      r.date_basis = "the five-year plan's period";
    }
    const bool summary = detail::is_aggregate(s_, f, r.date, whole_year, r.kind);
    // (A buyer named in the clause, 某公司采购滞销苹果十余万元, or before it, 某工会组织…，认购了…，共计
    // 万余元, made one purchase, not a summary.)
    r.aggregate = summary || (r.kind == Kind::consumption && !r.date && r.approximate && !s_.has(Cat::occasion, {0, s_.text.size()}) &&
                              !s_.has(Cat::consumption, {0, m.span.begin}) && !f.giver_named_in_clause && !f.buyer_named);
    if (r.aggregate && !summary) r.notes.push_back("summary figure without a date of its own");
    if (so_far && !r.aggregate) {
      r.aggregate = true;
      r.notes.push_back("paid so far (至此), a cumulative figure");
    }
    // A plan to give over a period (计划全年采购50万元) is one pledge, not a summary of gifts.
    if (r.aggregate && r.status == Status::pledged &&
        (!s_.has(Cat::cumulative, {0, m.span.begin}) || s_.has(Cat::modal, {f.frame_begin, m.span.begin}) ||
         s_.has(Cat::agreement, {f.frame_begin, m.span.begin})))
      r.aggregate = false;

    if (list.size() >= 2) {
      for (std::size_t j : list) used[j] = true;
      if (list.size() == recipients.size() && !giver_each) {
        // 分别捐赠8万元、6万元、3万元: in order, one amount each.
        r.distribution = "each";
        r.measure.end = page(s_.measures[list.back()].span.end);
        for (std::size_t i = 0; i < list.size(); ++i) {
          const Measure& mi = s_.measures[list[i]];
          auto a = allocate_measure({recipients[i]}, false, mi);
          r.allocations.insert(r.allocations.end(), a.begin(), a.end());
          r.approximate = r.approximate || mi.approximate;
        }
        reports.push_back(std::move(r));
        return;
      }
      if (list.size() == givers) {
        // 甲、乙分别捐赠5万元和3万元: one gift per giver.
        for (std::size_t i = 0; i < list.size(); ++i) {
          const Measure& mi = s_.measures[list[i]];
          AidReport ri = r;
          ri.donor = giver->members[i];
          ri.donor_as_written = giver->members_written[i];
          ri.measure = {page(mi.span.begin), page(mi.span.end)};
          // 甲、乙分别向A乡、B镇捐赠10万元、8万元: givers, places and amounts pair in order.
          // (Only places written out one by one: 分别向两乡镇捐赠5万元、3万元 is each giver's joint gift.)
          const bool paired = recipients.size() == list.size() && named_places(giver->span.end, s_.measures[list.front()].span.begin) == list.size();
          ri.distribution = paired || recipients.size() <= 1 ? "single" : "joint";
          ri.allocations = allocate_measure(paired ? std::vector<Recipient>{recipients[i]} : recipients, false, mi);
          if (paired) ri.notes.push_back("givers, places and amounts paired in order (分别)");
          reports.push_back(std::move(ri));
        }
        return;
      }
      // 分别 before amounts that match neither the recipients nor the givers: never copy one amount
      // onto every recipient; each amount is one line for the recipients together.
      for (std::size_t i = 0; i < list.size(); ++i) {
        const Measure& mi = s_.measures[list[i]];
        AidReport ri = r;
        ri.measure = {page(mi.span.begin), page(mi.span.end)};
        ri.distribution = recipients.size() > 1 ? "joint" : "single";
        ri.allocations = allocate_measure(detail::group_by_township(recipients), false, mi);
        ri.approximate = ri.approximate || mi.approximate;
        ri.notes.push_back("分别 with amounts that match neither the recipients nor the givers");
        reports.push_back(std::move(ri));
      }
      return;
    }
    // 甲、乙分别捐赠价值2万元的米面油和价值1.6万元的学习用品: as many amounts as givers in the
    // clause, one each in order, never every amount from every giver.
    // (甲、乙、丙分别向A校、B校、C校捐赠了图书2400册、助学金3.2万元和一体机6台: gifts of mixed kinds,
    // as many as the givers, when none is the value of another; places written one by one for them
    // pair too.)
    if (giver_each && givers >= 2 && counted == 0) {
      auto listed = [&](bool any_kind) {
        std::vector<std::size_t> in_clause;
        for (std::size_t j = 0; j < s_.measures.size(); ++j)
          if ((any_kind || s_.measures[j].kind == m.kind) && s_.clause_of(s_.measures[j].span.begin) == mc &&
              s_.measures[j].span.begin > giver->span.end)
            in_clause.push_back(j);
        return in_clause;
      };
      std::vector<std::size_t> in_clause = listed(false);
      if (in_clause.size() != givers && !s_.has(Cat::value, own)) in_clause = listed(true);
      if (in_clause.size() == givers) {
        const std::size_t i = static_cast<std::size_t>(std::find(in_clause.begin(), in_clause.end(), k) - in_clause.begin());
        if (i < givers) {
          r.donor = giver->members[i];
          r.donor_as_written = giver->members_written[i];
          const bool paired = recipients.size() == givers && named_places(giver->span.end, s_.measures[in_clause.front()].span.begin) == givers;
          r.distribution = recipients.size() > 1 && !paired ? "joint" : "single";
          r.allocations = allocate(paired ? std::vector<Recipient>{recipients[i]} : recipients, false, amount, high, quantity);
          if (paired) r.notes.push_back("givers, places and amounts paired in order (分别)");
          else r.notes.push_back("amounts paired with the givers in order");
          reports.push_back(std::move(r));
          return;
        }
      }
    }
    if (giver_each) {
      if (givers >= 2 && counted == 0) {
        // 甲公司、乙公司分别捐赠5万元: each giver gave it.
        // (甲、乙分别为A乡、B镇各送去2.5万元: each giver gave each place, when 各 follows the places.)
        const LexToken* first_each = s_.first(Cat::each, {giver->span.end, m.span.begin});
        const bool each_place = first_each && recipients.size() >= 2 &&
                                s_.has(Cat::each, {first_each->span.end, m.span.begin}) &&
                                named_places(first_each->span.end, m.span.begin) == recipients.size();
        for (std::size_t i = 0; i < givers; ++i) {
          AidReport ri = r;
          ri.donor = giver->members[i];
          ri.donor_as_written = giver->members_written[i];
          ri.distribution = each_place ? "each" : recipients.size() > 1 ? "joint" : "single";
          ri.allocations = allocate(recipients, each_place, amount, high, quantity);
          if (each_place) ri.notes.push_back("each giver to each place (分别…各)");
          reports.push_back(std::move(ri));
        }
        return;
      }
      // 3家会员企业分别捐赠1000元: the count times the amount, in one line.
      // (5个党支部…每个党支部均捐赠2万元: 每个 already counted the givers; never twice.)
      const std::int64_t n = counted + static_cast<std::int64_t>(givers);
      if (!people_paid) {
        if (!multiply(n)) return;
        r.notes.push_back(fmt::format("computed: {} givers x {}", n, written_value));
      }
      r.distribution = recipients.size() > 1 ? "joint" : "single";
      r.allocations = allocate(recipients, false, amount, high, quantity);
    } else {
      // 为甲乡12个村、乙镇14个村的卫生室各送去价值1500元…: each township its own count times the amount.
      if (each && split_by_counts.empty() && !m.high)
        for (const auto& [place, n] : counts_by_place(own.begin, m.span.begin))
          if (!split_by_count(place.name, place.township, n, "")) return;
      // 向某乡8个行政村各捐赠3万元: each of a counted set inside one recipient, in one line. Also
      // when the places named hold more places, counted before 各/均 (为甲村、乙村等5个村卫生室各配备…,
      // 为两乡镇18个村卫生室均配备…): each of them all, in one line of their township, or one joint
      // line of the townships (how many in each is not said).
      bool counted_jointly = false;
      const auto n_each = each && !recipients.empty() && split_by_counts.empty() ? counted_before_each(lead_from, m.span.begin) : std::nullopt;
      // (走访了甲乡丰太村、西坡村和乙镇龙驹村，为三个村均送去…: the count is of the villages the
      // sentence named; each of them gets the amount.)
      if (n_each && *n_each > static_cast<std::int64_t>(recipients.size())) {
        std::vector<Recipient> villages;
        for (const auto& p : s_.places)
          if (p.span.end <= m.span.begin && p.level == PlaceLevel::village && !p.township.empty() && !s_.quoted(p.span.begin))
            villages.push_back({p.name, p.township});
        const bool all_there = std::all_of(villages.begin(), villages.end(), [&](const Recipient& v) {
          return std::any_of(recipients.begin(), recipients.end(), [&](const Recipient& named) { return named.township == v.township; });
        });
        if (static_cast<std::int64_t>(villages.size()) == *n_each && all_there) {
          recipients = villages;
          r.notes.push_back("the places counted are the villages the sentence named");
        }
      }
      if (n_each && (recipients.size() == 1 || *n_each > static_cast<std::int64_t>(recipients.size()))) {
        if (recipients.size() >= 2) recipients = detail::group_by_township(recipients);
        if (!multiply(*n_each)) return;
        // (5个村卫生室各配备一只价值两千元的出诊箱: the value after is of the one each got.)
        if (m.kind == MeasureKind::quantity && m.value == 1) units_counted = *n_each;
        places_counted = *n_each;
        r.notes.push_back(fmt::format("computed: {} x {}", *n_each, written_value));
        counted_jointly = recipients.size() >= 2;
        r.distribution = counted_jointly ? "joint" : "per_unit";
      }
      if (r.distribution.empty()) r.distribution = each && recipients.size() > 1 ? "each" : recipients.size() > 1 ? "joint" : "single";
      r.allocations = allocate(recipients, each && !counted_jointly, amount, high, quantity);
    }
    if (!split_by_counts.empty()) {
      r.allocations = std::move(split_by_counts);
      r.distribution = "per_unit";
    }
    // 两台救护车分别交付甲乡卫生院和乙镇卫生院: as many goods as places, 分别 after them: one each.
    if (m.kind == MeasureKind::quantity && !each && r.allocations.size() == 1 && r.allocations.front().township == kJoint &&
        recipients.size() >= 2 && m.value == static_cast<std::int64_t>(recipients.size()) &&
        s_.has(Cat::each, {m.span.end, own.end})) {
      r.allocations.clear();
      for (const auto& rc : recipients) {
        Allocation a;
        a.recipient = rc.name;
        a.township = rc.township;
        a.quantity = 1;
        r.allocations.push_back(a);
      }
      r.distribution = "each";
      r.notes.push_back(fmt::format("{} goods to {} places (分别): one each", m.value, recipients.size()));
    }
    // 划拨60万元，由两镇平均分配: equal shares, when the amount divides into whole fen.
    if (r.allocations.size() == 1 && r.allocations.front().township == kJoint && m.kind == MeasureKind::money && !m.high &&
        says_equal_shares(mc)) {
      const Allocation joint = r.allocations.front();
      const auto n = static_cast<std::int64_t>(joint.covers.size());
      if (n >= 2 && joint.amount_fen && *joint.amount_fen % n == 0) {
        r.allocations.clear();
        for (const auto& t : joint.covers) {
          Allocation a;
          a.recipient = t;
          a.township = t;
          a.amount_fen = *joint.amount_fen / n;
          r.allocations.push_back(a);
        }
        r.distribution = "each";
        r.notes.push_back(fmt::format("{} shared equally by {} townships (平均分配)", format_fen(*joint.amount_fen), n));
      }
    }
    // 价值8万元的办公电脑20台: the goods counted right after their value are the same gift.
    if (m.kind == MeasureKind::money && value_word && value_word->is(Cat::value) && values_goods_after(k)) {
      const Measure& q = s_.measures[k + 1];
      {
        for (auto& a : r.allocations) a.quantity = places_counted ? times(q.value, *places_counted) : q.value;
        r.unit = q.unit;
        if (std::string item = detail::item_between(s_, m.span.end, q.span.begin); !item.empty()) r.item = item;
        r.measure.end = page(q.span.end);
        used[k + 1] = true;
      }
    }
    // 甲和乙为100名学生每人发放助学金1000元，其中甲资助40名，乙资助60名: each giver's part, by
    // the people it paid for, when the parts add up to the count.
    if (people_paid && giver && giver->members.size() >= 2 && r.allocations.size() == 1 && !m.high) {
      const auto counts = counts_by_giver(*giver, m.span.end);
      std::int64_t sum = 0;
      for (const auto n : counts) sum += n;
      if (counts.size() == giver->members.size() && sum == *people_paid) {
        for (std::size_t i = 0; i < counts.size(); ++i) {
          AidReport part = r;
          part.donor = giver->members[i];
          part.donor_as_written = giver->members_written[i];
          const auto fen = times_money(m.value, counts[i]);
          if (!fen) return;
          part.allocations.front().amount_fen = fen;
          part.notes.push_back(fmt::format("{}'s part: {} x {} (其中)", giver->members_written[i], counts[i], written_value));
          reports.push_back(std::move(part));
        }
        return;
      }
    }
    reports.push_back(std::move(r));
    if (units_counted) counted_units_ = CountedUnits{reports.size() - 1, mc, *units_counted};
    if (verbless_part) parts_without_verb.push_back(reports.size() - 1);
  }

  // 共捐款46万元，其中甲公司20万元，乙公司15万元，丙公司11万元: the parts replace the total read
  // before them when they add up to it; otherwise the total stands and the parts are not read.
  void take_parts_of_total_in_sentence(std::vector<AidReport>& reports) {
    const std::size_t at = *total_in_sentence_;
    std::vector<AidReport> parts(std::make_move_iterator(reports.begin() + static_cast<std::ptrdiff_t>(at) + 1),
                                 std::make_move_iterator(reports.end()));
    reports.resize(at + 1);
    std::vector<std::size_t> without_verb;
    for (std::size_t i : parts_without_verb)
      if (i > at) without_verb.push_back(i - at - 1);
    parts_without_verb.clear();
    if (!take_parts_of_total(parts, reports[at], without_verb)) return;
    for (auto& r : parts)
      r.notes.push_back(fmt::format("a part of the total {} read before it in its sentence (其中), given by its own giver", format_fen(reports[at].total_fen())));
    reports.pop_back();
    for (auto& r : parts) reports.push_back(std::move(r));
  }

  void refuse_product(const Measure& m, std::int64_t n, const std::string& written_value) {
    refused.push_back({m.kind, m.span,
                       m.kind == MeasureKind::money ? fmt::format("{} × {} yuan is more than {}", n, written_value, kMaxLineText)
                                                    : fmt::format("{} × {} is a count too large for the ledger", n, written_value)});
  }

  // A later clause of the same segment as clause `after` that opens with 由 and a verb of giving
  // (…，价值共计18.6万元，由某公司捐赠): the first such clause and its verb.
  struct NamedLast {
    std::size_t clause;
    const LexToken* verb;
    std::optional<Giver> named;  // 是某公司去年捐赠的: the organisation after the copula
  };
  std::optional<NamedLast> giver_named_last(std::size_t after) const {
    const std::size_t segment = s_.segment_of(s_.clauses[after].begin);
    for (std::size_t c = after + 1; c < s_.clauses.size() && s_.segment_of(s_.clauses[c].begin) == segment; ++c) {
      const std::size_t opens = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
      // 新添的20台电脑，是某公司去年捐赠的: the copula, an organisation, a giving verb with 的.
      if (starts_at(s_.text, opens, "是") && !clause_has_amount(c)) {
        // (是高新区的某公司…: the last of the names, each of the one before.)
        const std::pair<Span, std::string>* named = nullptr;
        for (const auto& o : orgs_)
          if (o.first.end <= s_.clauses[c].end &&
              (o.first.begin == opens + std::string_view("是").size() || (named && o.first.begin == named->first.end + std::string_view("的").size() &&
                                                                           starts_at(s_.text, named->first.end, "的"))))
            named = &o;
        if (named)
          for (const auto& w : s_.words)
            if (w.span.begin >= named->first.end && w.span.end <= s_.clauses[c].end && (w.is(Cat::give) || w.is(Cat::give_paid)) &&
                starts_at(s_.text, w.span.end, "的"))
              return NamedLast{c, &w, named_giver(named->first, named->second, "passive")};
        continue;
      }
      const LexToken* by = s_.word_at(opens);
      if (!by || s_.slice(by->span) != "由") continue;
      for (const auto& w : s_.words)
        if (w.span.begin >= by->span.end && w.span.end <= s_.clauses[c].end && (w.is(Cat::give) || w.is(Cat::give_paid)))
          return NamedLast{c, &w, std::nullopt};
    }
    return std::nullopt;
  }

  // 去年与某镇签约、承诺出资60万元的某公司，第二期资金20万元已拨付到位: a clause ending on 的 and a
  // name describes the name, and the name is what the sentence is about: the giver of the amounts
  // in that clause and after it.
  std::optional<Giver> topic_after_description(Span segment, std::size_t mc) const {
    for (std::size_t c = s_.clause_of(segment.begin); c <= mc && c < s_.clauses.size(); ++c) {
      const Span clause = s_.clauses[c];
      for (const auto& [span, name] : orgs_) {
        if (span.begin < clause.begin + 3 || span.end > clause.end || !starts_at(s_.text, span.begin - 3, "的")) continue;
        const std::string_view rest = text::trim(s_.slice(span.end, clause.end));
        if (!rest.empty() && std::string_view(",;:").find(rest) == std::string_view::npos) continue;
        // (同样在卢氏开展结对帮扶的郑州经开区，…分别向甲乡、乙乡拨付…: a description without a verb of
        // giving names the topic too, unless the name is one of the places gifts go to.)
        // (来到地处某乡深山的某村小学，为孩子们送去…: a place gifts go to, reached, is no topic.)
        const bool opens_sentence = c == s_.clause_of(segment.begin) && c < mc;
        const Span named = span;  // (clang 14 captures no structured binding)
        const bool a_place = std::any_of(s_.places.begin(), s_.places.end(), [&](const auto& p) { return p.span.begin >= named.begin && p.span.begin < named.end; });
        if (s_.last(kTriggers | bit(Cat::modal), {clause.begin, span.begin}) || (opens_sentence && !a_place)) return named_giver(span, name, "subject");
      }
    }
    return std::nullopt;
  }

  // A later clause of the segment that opens with 捐赠方为 (捐赠单位为, 出资方为 …) and names an
  // organisation: that organisation, as the gift's giver.
  std::optional<Giver> giver_named_after(std::size_t after) const {
    const std::size_t segment = s_.segment_of(s_.clauses[after].begin);
    for (std::size_t c = after + 1; c < s_.clauses.size() && s_.segment_of(s_.clauses[c].begin) == segment; ++c) {
      const std::size_t opens = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
      bool names_giver = false;
      for (std::string_view w : {"捐赠方为", "捐赠方是", "捐赠单位为", "捐赠单位是", "捐赠者为", "捐赠企业为", "捐助方为", "出资方为", "出资单位为"})
        names_giver = names_giver || starts_at(s_.text, opens, w);
      if (!names_giver) continue;
      for (const auto& [span, name] : orgs_)
        if (span.begin > opens && span.end <= s_.clauses[c].end) return named_giver(span, name, "passive");
    }
    return std::nullopt;
  }

  // The organisation named at `span` (canonically `name`) as the one giver, read by `basis`.
  Giver named_giver(Span span, const std::string& name, std::string basis) const {
    Giver g;
    g.canonical = name;
    g.written = std::string(s_.slice(span));
    g.members = {name};
    g.members_written = {g.written};
    g.basis = std::move(basis);
    g.span = span;
    return g;
  }

  // The organisation holding the event (X主办的, 由X组织的) named in this sentence before `pos`, or
  // else the one the article named before: canonical and as written.
  std::optional<std::pair<std::string, std::string>> host_before(std::size_t pos) const {
    std::optional<std::pair<std::string, std::string>> found;
    for (const auto& o : s_.organisations)
      if (o.first.end <= pos && hosts_event(s_.text, o.first)) found = std::make_pair(o.second, std::string(s_.slice(o.first)));
    if (!found && !memory_.host.empty()) found = std::make_pair(memory_.host, memory_.host_written);
    return found;
  }

  // 更正：本报…“…捐赠助学金8万元”有误，应为“6.8万元”: a notice correcting an earlier report.
  bool is_correction_notice() const {
    if (s_.text.find("应为") == std::string_view::npos) return false;
    for (std::string_view w : {"更正", "有误", "勘误", "订正", "应为“", "应为\""})
      if (s_.text.find(w) != std::string_view::npos) return true;
    return false;
  }

  // The gift the notice quotes, with the amount it says is right; nothing else of the sentence (the
  // quoted words are no new gift). A notice that cannot be read so gives nothing.
  void apply_correction(std::vector<AidReport>& reports) const {
    const std::size_t says = s_.text.rfind("应为");
    const Measure* wrong = nullptr;
    const Measure* right = nullptr;
    for (const auto& m : s_.measures) {
      if (m.kind != MeasureKind::money) continue;
      if (m.span.end <= says) wrong = &m;
      else if (!right) right = &m;
    }
    std::vector<AidReport> corrected;
    for (auto& r : reports) {
      if (!wrong || !right || !corrected.empty()) break;
      bool changed = false;
      const std::int64_t as_printed = r.total_fen();
      for (auto& a : r.allocations)
        if (a.amount_fen == wrong->value) {
          a.amount_fen = right->value;
          a.amount_high_fen = right->high;
          changed = true;
        }
      if (!changed) continue;
      r.corrects_fen = as_printed;
      r.approximate = right->approximate;
      // The date the notice names is the date of the corrected article, not of the gift.
      r.date.reset();
      r.date_basis.clear();
      r.notes.push_back(fmt::format("correction notice: {} corrected to {}", format_fen(wrong->value), format_fen(right->value)));
      corrected.push_back(std::move(r));
    }
    reports = std::move(corrected);
  }

  std::string of_own_district(std::string donor) const { return extract::of_own_district(std::move(donor), gazetteer_); }

  // A segment that opens with its own date is a new item of a chronology (…；2021年10月，向…捐赠):
  // its elided subject is the article's, not the item's before.
  bool opens_with_date(Span segment) const {
    std::size_t at = segment.begin;
    while (at < segment.end && !text::is_han(text::code_point_at(s_.text, at)) && !std::isdigit(static_cast<unsigned char>(s_.text[at]))) {
      std::size_t i = at;
      text::next_code_point(s_.text, i);
      at = i;
    }
    return segment.begin > 0 && std::any_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& d) { return d.span.begin == at; });
  }

  // How many goods are listed right before 各 at `amount_begin` (棉衣、棉被各300件 -> 2), from the
  // verb or the clause's start; 0 when 各 does not stand there or what it follows is not such a list
  // (甲乡、乙镇各…, 甲公司、乙公司各… name places and givers).
  static bool latin_letter(char32_t cp) { return (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z'); }

  std::size_t goods_listed_before_each(std::size_t amount_begin, const LexToken& trigger) const {
    const LexToken* e = s_.word_before(amount_begin);
    if (!e || !e->is(Cat::each) || s_.slice(e->span) != "各" || e->span.end != amount_begin) return 0;
    const Span own = s_.clauses[s_.clause_of(e->span.begin)];
    const std::size_t from = trigger.span.end <= e->span.begin && trigger.span.begin >= own.begin ? trigger.span.end : own.begin;
    if (from >= e->span.begin) return 0;
    for (const auto& p : s_.places)
      if (p.span.begin < e->span.begin && p.span.end > from) return 0;
    for (const auto& [span, name] : orgs_)
      if (span.begin < e->span.begin && span.end > from) return 0;
    std::size_t parts = 1, chars = 0;
    for (std::size_t i = from; i < e->span.begin;) {
      const char32_t cp = text::next_code_point(s_.text, i);
      if (cp == U'、' || cp == U'和' || cp == U'及') {
        if (chars == 0) return 0;
        ++parts;
        chars = 0;
      } else if ((!text::is_han(cp) && !latin_letter(cp)) || ++chars > 8) {  // (B超机, CT机: goods)
        return 0;
      }
    }
    return chars == 0 ? 0 : parts;
  }

  // A clause that goes on with a list of gifts: it opens with 以及, 及, 和, 还有.
  bool continues_list(std::size_t clause_begin) const {
    const std::size_t at = s_.han_from(clause_begin, s_.text.size());
    for (std::string_view w : {"以及", "及", "和", "还有", "另有"})
      if (starts_at(s_.text, at, w)) return true;
    return false;
  }

  // 来自卢氏县甲乡、乙镇的…: the text before a name says it came from a place of the county.
  bool came_from_county(std::size_t from, std::size_t name_begin) const {
    const std::string_view lead = s_.slice(from, name_begin);
    const std::size_t at = lead.find("来自");
    if (at == std::string_view::npos) return false;
    const std::size_t after = from + at;
    return std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
      return p.span.begin >= after && p.span.end <= name_begin && (!p.township.empty() || p.level == PlaceLevel::county);
    });
  }

  // 乙村 or 乙村小学: a village's bare name, not one written with another place before it (荥阳东沟村).
  static bool bare_village(std::string_view name) {
    const std::size_t cun = name.find("村");
    return cun != std::string_view::npos && text::code_point_count(name.substr(0, cun)) <= 3;
  }
  // 南窑小学, 裕丰卫生室: a village's school or clinic by a short name of its own.
  static bool local_institution(std::string_view name) {
    for (std::string_view w : {"小学", "卫生室", "幼儿园", "教学点"})
      if (text::ends_at(name, name.size(), w) && text::code_point_count(name) - text::code_point_count(w) <= 3) return true;
    return false;
  }

  // 全体职工, 干部职工, 区直机关全体党员: people, not a body.
  static bool is_people_group(std::string_view name) {
    for (std::string_view people : {"职工", "员工", "干部", "党员", "教师", "群众", "志愿者", "青年"})
      if (text::ends_at(name, name.size(), people)) return true;
    return false;
  }

  bool starts_with_local_place(std::string_view name) const {
    if (name.empty()) return false;
    // (两乡镇干部群众, 全乡群众: the paired townships' own people.)
    for (std::string_view own : {"两乡镇", "两镇", "两乡", "一乡一镇", "全乡", "全镇", "全县"})
      if (starts_at(name, 0, own))
        for (std::string_view people : {"干部", "群众", "村民", "师生", "党员", "人民", "乡亲"})
          if (starts_at(name, own.size(), people)) return true;
    for (const auto& e : gazetteer_.entries()) {
      if (e.level != "county" && e.level != "township") continue;
      if (starts_at(name, 0, e.name)) return true;
      if (e.level == "county")
        for (const auto& f : e.short_forms)
          if (starts_at(name, 0, f)) return true;
    }
    return false;
  }

  // What stands before `limit` in clause `ci`, after openers and dates.
  std::string_view subject_text(std::size_t ci, std::size_t limit) const {
    std::size_t begin = s_.clauses[ci].begin;
    for (bool again = true; again;) {
      again = false;
      if (const std::size_t han = s_.han_from(begin, limit); han != begin) begin = han, again = true;
      for (const auto& d : s_.dates)
        if (d.span.begin == begin) begin = d.span.end, again = true;
      if (const LexToken* w = s_.word_at(begin); w && w->is(Cat::connective)) begin = w->span.end, again = true;
    }
    return s_.slice(begin, std::max(begin, limit));
  }

  // 价值8万元的办公电脑20台, 价值28万元冷库一座: the value `k` of the goods counted right after it.
  bool values_goods_after(std::size_t k) const {
    const Measure& m = s_.measures[k];
    if (k + 1 >= s_.measures.size()) return false;
    const Measure& q = s_.measures[k + 1];
    if (q.kind != MeasureKind::quantity || s_.clause_of(q.span.begin) != s_.clause_of(m.span.begin)) return false;
    const std::string_view goods = s_.slice(m.span.end, q.span.begin);
    // (Also without 的 when only a short name of goods stands between.)
    const bool goods_named = starts_at(goods, 0, "的") || (text::code_point_count(goods) <= 8 && text::all_han(goods));
    return goods_named && !s_.has(Cat::give, {m.span.end, q.span.begin});
  }

  // The 价值 an amount is the value of: right before it, or across a word of total or degree
  // (价值共计9.6万元, 价值达, 价值约).
  const LexToken* value_word_before(std::size_t pos) const {
    for (int step = 0; step < 4; ++step) {
      const LexToken* w = s_.word_before(pos);
      if (w && w->is(Cat::value)) return w;
      if (w && (w->is(Cat::total) || w->is(Cat::each))) {
        pos = w->span.begin;
        continue;
      }
      // (为 is a lexicon word of its own: 价值均为18万元.)
      if ((!w || s_.slice(w->span) == "为") && pos >= 3 && std::u32string_view(U"达约近逾超计为").find(text::code_point_before(s_.text, pos)) != std::u32string_view::npos) {
        pos = text::previous_code_point_start(s_.text, pos);
        continue;
      }
      return nullptr;
    }
    return nullptr;
  }

  bool clause_has_amount(std::size_t c) const {
    return std::any_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& m) { return s_.clause_of(m.span.begin) == c; });
  }

  // 价值 after counted goods: attach to the gift just read (in order when 分别价值 lists several).
  // The value `k` of one unit times `units(allocation)` on each allocation of the last gift, which
  // becomes goods with that value; refused whole (the gift dropped, the reason kept) when a product
  // would overflow or pass the ceiling of one ledger line.
  template <typename Units>
  void value_times_units(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports, Units units, std::string_view why) {
    AidReport& r = reports.back();
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
        reports.pop_back();
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

  // 安排帮扶资金400万元，两乡镇各200万元: a clause with no verb of its own saying what each of the
  // townships of the joint total just read gets. When the parts add up to the total, the total
  // becomes those parts (each township its own line); otherwise nothing changes.
  bool splits_joint_total(std::size_t k, std::vector<AidReport>& reports) const {
    const Measure& m = s_.measures[k];
    if (reports.empty() || m.kind != MeasureKind::money || m.high) return false;
    AidReport& r = reports.back();
    if (r.sentence.begin != sentence_.offsets.front() || r.allocations.size() != 1 || r.allocations.front().township != "JOINT" ||
        r.aggregate || !r.allocations.front().amount_fen)
      return false;
    const Span own = s_.clauses[s_.clause_of(m.span.begin)];
    const std::size_t opens = s_.han_from(own.begin, own.end);
    const LexToken* each = s_.word_before(m.span.begin);
    if (!each || s_.slice(each->span) != "各" || opens >= each->span.begin) return false;
    // Only places between the clause's start and 各: 两乡镇, 两地, 甲乡、乙镇.
    bool places_only = false;
    std::size_t at = opens;
    for (const auto& p : s_.places) {
      if (p.span.begin < opens || p.span.end > each->span.begin) continue;
      if (p.span.begin != at) return false;
      at = p.span.end;
      if (starts_at(s_.text, at, "、") || starts_at(s_.text, at, "和")) at += 3;
      places_only = true;
    }
    if (!places_only || at != each->span.begin) return false;
    const Allocation whole = r.allocations.front();
    const auto total = times_money(m.value, static_cast<std::int64_t>(whole.covers.size()));
    if (whole.covers.size() < 2 || !total || *total != *whole.amount_fen) return false;
    r.allocations.clear();
    for (const auto& t : whole.covers) r.allocations.push_back(Allocation{t, t, {}, m.value, std::nullopt, whole.quantity});
    r.distribution = "each";
    r.notes.push_back(fmt::format("the total split as said after it: {} each", format_fen(m.value)));
    r.measure.end = page(m.span.end);
    return true;
  }

  // …将首批资金送到两乡镇：徐家湾乡80万元，双龙湾镇60万元: a gift to several townships, then a
  // list after a colon of each township right before its own amount. The first amount was read as the
  // joint gift's; at the second (no verb of its own) the list replaces the joint line, place by place.
  bool splits_joint_by_place_list(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) const {
    if (reports.empty() || k == 0) return false;
    AidReport& r = reports.back();
    if (r.sentence.begin != sentence_.offsets.front() || r.allocations.size() != 1 || r.allocations.front().township != "JOINT" ||
        r.aggregate)
      return false;
    const Allocation whole = r.allocations.front();
    const Measure& first = s_.measures[k - 1];
    const bool money = first.kind == MeasureKind::money;
    if (first.high || (money ? whole.amount_fen != first.value : whole.quantity != first.value)) return false;
    // The township written right before an amount, the amount right after it: 徐家湾乡80万元.
    auto place_right_before = [&](const Measure& m) -> const PlaceMention* {
      for (const auto& p : s_.places)
        if (p.span.end == m.span.begin && p.level == PlaceLevel::township && !p.township.empty()) return &p;
      return nullptr;
    };
    const PlaceMention* opening = place_right_before(first);
    if (!opening || !text::ends_at(s_.text, opening->span.begin, ":")) return false;
    const Whole listed{first.kind, first.value, first.unit};
    std::vector<Allocation> parts{listed.part(opening->name, opening->township, first.value)};
    std::size_t j = k;
    for (; j < s_.measures.size(); ++j) {
      const Measure& mj = s_.measures[j];
      const PlaceMention* place = place_right_before(mj);
      const Measure& before = s_.measures[j - 1];
      if (!place || !listed.fits(mj) || mj.high) break;
      const std::string_view gap = s_.slice(before.span.end, place->span.begin);
      if (gap != "," && gap != "、" && gap != ";") break;
      parts.push_back(listed.part(place->name, place->township, mj.value));
    }
    if (j == k) return false;
    // Each a township of the joint gift, none twice.
    for (std::size_t a = 0; a < parts.size(); ++a) {
      if (!whole.covers.empty() && std::find(whole.covers.begin(), whole.covers.end(), parts[a].township) == whole.covers.end()) return false;
      for (std::size_t b = 0; b < a; ++b)
        if (parts[b].township == parts[a].township) return false;
    }
    for (std::size_t u = k; u < j; ++u) used[u] = true;
    r.allocations = std::move(parts);
    r.distribution = "each";
    r.notes.push_back("the joint gift split by the townships and amounts listed after its colon");
    r.measure.end = page(s_.measures[j - 1].span.end);
    return true;
  }

  // `value_word` is the 价值 the amount `k` is the value of.
  bool attach_value(std::size_t k, const LexToken& value_word, std::vector<bool>& used, std::vector<AidReport>& reports) {
    if (reports.empty()) return false;
    AidReport& r = reports.back();
    const Measure& m = s_.measures[k];
    // Only when no new giving word stands between that gift and this value.
    const std::size_t last_end = r.measure.end;
    std::size_t from = 0;
    while (from < sentence_.offsets.size() && sentence_.offsets[from] < last_end) ++from;
    // (A verb in the gift's own clause is its verb: 将水泵12台送往某乡，价值6万元.)
    if (from <= m.span.begin && from > 0 && s_.clause_of(from - 1) != s_.clause_of(m.span.begin))
      from = std::min(m.span.begin, std::max(from, s_.clauses[s_.clause_of(from - 1)].end));
    if (from > m.span.begin || s_.has(Cat::give, {from, m.span.begin}) || s_.has(Cat::give_paid, {from, m.span.begin})) return false;
    if (r.has_amount() && r.allocations.front().amount_fen.value_or(0) != 0) return false;
    // (电脑20台及价值1.5万元的少儿图书: after a joiner, 价值…的 names goods of their own; with 分别
    // before them, 甲、乙分别赠送图书800册和价值1.2万元的体育用品, they are the gifts of the givers in turn.)
    if (!s_.has(Cat::each, {0, m.span.begin})) {
      const std::string_view lead = s_.slice(from, m.span.begin);
      for (std::string_view joiner : {"及价值", "和价值", "以及价值", "、价值", "与价值"})
        if (lead == joiner && starts_at(s_.text, m.span.end, "的")) return false;
    }
    std::vector<std::size_t> list = detail::amount_list(s_, k);
    // 68户每户送去一台价值260元的电暖器: the value of what each got, times the count.
    if (list.size() == 1 && counted_units_ && counted_units_->report == reports.size() - 1 && r.allocations.size() == 1 &&
        r.has_quantity() && counted_units_->clause == s_.clause_of(m.span.begin)) {
      const std::int64_t n = counted_units_->count;
      value_times_units(k, used, reports, [n](const Allocation&) { return n; }, "the value each got");
      return true;
    }
    // 礼包150份，每份价值100元: the value of one unit, times the units given. (Also 两台设备价值均为
    // 18万元 or 各价值: 均/各 said of the value of goods counted more than once.)
    const LexToken* last = s_.word_before(m.span.begin);
    const LexToken* second_last = last ? s_.word_before(last->span.begin) : nullptr;
    const LexToken* before_value = s_.word_before(value_word.span.begin);
    const bool value_of_each = r.allocations.size() == 1 && r.allocations.front().quantity.value_or(0) > 1 &&
                               (each_one(last) || each_one(second_last) || (each_one(before_value) && before_value->span.begin >= from));
    if (list.size() == 1 && r.has_quantity() && (s_.has(Cat::per_unit, {from, m.span.begin}) || value_of_each)) {
      value_times_units(k, used, reports, [](const Allocation& a) { return a.quantity; }, "value of one unit");
      return true;
    }
    // 羽绒服300件、棉鞋300双，共计价值9万元: one value for all the goods just listed; one gift.
    // (Also without 共计 when the goods are one list in one clause and the value opens the next:
    // 彩色B超机1台、心电图机2台，价值23万元.)
    if (list.size() == 1 && reports.size() >= 2) {
      std::size_t first = reports.size();
      while (first > 0 && reports[first - 1].has_quantity() && !reports[first - 1].has_amount() &&
             reports[first - 1].sentence.begin == r.sentence.begin && reports[first - 1].allocations.size() == 1)
        --first;
      auto clause_of_report = [&](const AidReport& g) {
        for (std::size_t c = 0; c < s_.clauses.size(); ++c)
          if (page(s_.clauses[c].begin) <= g.measure.begin && g.measure.begin < page(s_.clauses[c].end)) return c;
        return s_.clauses.size();
      };
      const std::size_t list_clause = first < reports.size() ? clause_of_report(reports[first]) : s_.clauses.size();
      const bool one_list = list_clause + 1 == s_.clause_of(m.span.begin) &&
                            std::all_of(reports.begin() + static_cast<std::ptrdiff_t>(first), reports.end(),
                                        [&](const AidReport& g) { return clause_of_report(g) == list_clause; }) &&
                            starts_at(s_.text, s_.han_from(s_.clauses[list_clause + 1].begin, m.span.begin), "价值");
      if (reports.size() - first >= 2 && (s_.has(Cat::total, {from, m.span.begin}) || one_list)) {
        value_goods_as_one(reports, first, m);
        AidReport& gift = reports[first];
        gift.kind = Kind::in_kind;
        gift.measure.end = page(m.span.end);
        gift.notes.push_back("one value for the goods listed before it");
        used[k] = true;
        return true;
      }
    }
    // 抽水泵12台、照明灯200盏，分别价值6万元、1.6万元: one value for each of the gifts just read.
    if (list.size() >= 2 && reports.size() >= list.size()) {
      const std::size_t first = reports.size() - list.size();
      const bool counted_goods = std::all_of(reports.begin() + static_cast<std::ptrdiff_t>(first), reports.end(), [](const AidReport& g) {
        return g.has_quantity() && !g.has_amount() && g.allocations.size() == 1;
      });
      if (counted_goods) {
        for (std::size_t i = 0; i < list.size(); ++i) {
          AidReport& g = reports[first + i];
          g.allocations.front().amount_fen = s_.measures[list[i]].value;
          g.approximate = g.approximate || s_.measures[list[i]].approximate;
          g.kind = Kind::in_kind;
          used[list[i]] = true;
        }
        return true;
      }
    }
    if (list.size() >= 2 && list.size() == r.allocations.size()) {
      for (std::size_t i = 0; i < list.size(); ++i) {
        r.allocations[i].amount_fen = s_.measures[list[i]].value;
        used[list[i]] = true;
        r.approximate = r.approximate || s_.measures[list[i]].approximate;
      }
    } else {
      // Each recipient's goods have the value when they were distributed; a joint value once.
      const bool each = r.distribution == "each";
      for (std::size_t i = 0; i < r.allocations.size(); ++i) r.allocations[i].amount_fen = each || i == 0 ? m.value : 0;
      r.approximate = r.approximate || m.approximate;
    }
    if (r.kind == Kind::cash) r.kind = Kind::in_kind;
    r.measure.end = page(s_.measures[list.back()].span.end);
    return true;
  }

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
  static std::optional<Whole> whole_of(const AidReport& r) {
    if (r.allocations.size() != 1) return std::nullopt;
    const Allocation& a = r.allocations.front();
    if (a.amount_fen) return Whole{MeasureKind::money, *a.amount_fen, ""};
    if (a.quantity) return Whole{MeasureKind::quantity, *a.quantity, r.unit};
    return std::nullopt;
  }

  bool split_by_list(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
    if (reports.empty() || k == 0) return false;
    AidReport& total = reports.back();
    const auto whole = whole_of(total);
    if (!whole || total.aggregate) return false;
    const std::size_t mc = s_.clause_of(s_.measures[k].span.begin);
    if (s_.clause_of(s_.measures[k - 1].span.begin) >= mc) return false;  // the total stands in an earlier clause
    const Span c = s_.clauses[mc];
    // The clause opens with the places, then 分别 before the amounts.
    std::vector<const PlaceMention*> places;
    for (const auto& p : s_.places)
      if (p.span.begin >= c.begin && p.span.end <= s_.measures[k].span.begin && !p.township.empty() && p.level != PlaceLevel::collective)
        places.push_back(&p);
    // (范县金堤镇、黄营乡各15万元: the county may stand before its townships.)
    std::size_t opens = s_.han_from(c.begin, c.end);
    for (const auto& p : s_.places)
      if (p.level == PlaceLevel::county && p.span.begin == opens) opens = p.span.end;
    if (!places.empty() && places.front()->span.begin > opens) {
      const std::string_view lead = s_.slice(opens, places.front()->span.begin);
      if (text::code_point_count(lead) <= 4 && text::all_han(lead) && (text::ends_at(lead, lead.size(), "县") || text::ends_at(lead, lead.size(), "市")))
        opens = places.front()->span.begin;
    }
    if (places.size() < 2 || places.front()->span.begin != opens) return false;
    const LexToken* each = s_.first(Cat::each, {places.back()->span.end, s_.measures[k].span.begin});
    if (!each) return false;
    // 200万元已拨付，甲乡、乙镇各100万元: one amount for each place, adding up to the total.
    if (s_.slice(each->span) != "分别") {
      const Measure& mk = s_.measures[k];
      const auto all = checked_product(mk.value, static_cast<std::int64_t>(places.size()));
      if (!whole->fits(mk) || !all || *all != whole->value) return false;
      std::vector<Allocation> parts;
      for (const PlaceMention* p : places) parts.push_back(whole->part(p->name, p->township, mk.value));
      used[k] = true;
      total.allocations = parts;
      total.distribution = "each";
      total.notes.push_back("total split equally by the places that follow it (各)");
      return true;
    }
    const std::vector<std::size_t> list = detail::amount_list(s_, k);
    if (list.size() != places.size()) return false;
    std::int64_t sum = 0;
    for (std::size_t j : list) {
      if (!whole->fits(s_.measures[j])) return false;
      sum += s_.measures[j].value;
    }
    if (sum != whole->value) return false;
    std::vector<Allocation> parts;
    for (std::size_t i = 0; i < list.size(); ++i) {
      parts.push_back(whole->part(places[i]->name, places[i]->township, s_.measures[list[i]].value));
      used[list[i]] = true;
    }
    total.allocations = parts;
    total.distribution = "each";
    total.notes.push_back("total split by the places and amounts that follow it (分别)");
    return true;
  }

  // 共捐赠100万元，其中徐家湾乡60万元、双龙湾镇40万元: the parts replace a joint line when they add up.
  // Returns whether the amounts from `k` on were read as the parts of the total before them.
  bool split_total(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
    if (reports.empty()) return false;
    AidReport& total = reports.back();
    const auto whole = whole_of(total);
    if (!whole) return false;
    const Span segment = s_.segments[s_.segment_of(s_.measures[k].span.begin)];
    std::vector<Allocation> parts;
    std::int64_t sum = 0;
    std::vector<std::size_t> taken;  // marked used only when the split holds
    bool places_after = false;  // the first part named its place after its amount: so do the others
    const LexToken* sub = s_.first(Cat::subsum, {segment.begin, s_.measures[k].span.begin});
    const std::size_t parts_from = sub ? sub->span.end : segment.begin;
    std::size_t parts_end = segment.end;
    for (std::size_t j = k; j < s_.measures.size(); ++j) {
      const Measure& mj = s_.measures[j];
      // (The parts go on past ；when the next part opens with its place: 其中甲乡120万元，用于…；乙镇80万元.)
      if (mj.span.begin >= parts_end && whole->fits(mj)) {
        const Span next = s_.segments[s_.segment_of(mj.span.begin)];
        const std::size_t opens = s_.han_from(next.begin, next.end);
        const bool place_first = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
          return p.span.begin == opens && p.span.end == mj.span.begin && !p.township.empty();
        });
        if (place_first && s_.segment_of(mj.span.begin) == s_.segment_of(parts_end - 1) + 1) parts_end = next.end;
      }
      if (mj.span.begin >= parts_end || !whole->fits(mj)) break;
      taken.push_back(j);
      const PlaceMention* place = nullptr;
      std::vector<const PlaceMention*> between;
      // (其中10万元拨付甲乡，8万元拨付乙镇: 甲乡 is the first part's, not the second's.)
      for (const auto& p : s_.places)
        if (!places_after && p.span.end <= mj.span.begin && (j == k || p.span.begin >= s_.measures[j - 1].span.end) && p.span.begin >= parts_from) {
          place = &p;
          between.push_back(&p);
        }
      // (其中12万元发放给甲乡…: the place after the part's amount, in its clause.)
      if (!place)
        for (const auto& p : s_.places)
          if (p.span.begin >= mj.span.end && s_.clause_of(p.span.begin) == s_.clause_of(mj.span.begin) && !p.township.empty() &&
              p.level != PlaceLevel::collective) {
            place = &p;
            if (j == k) places_after = true;
            break;
          }
      if (!place || place->township.empty()) return false;
      // 其中甲乡、乙镇各300万元: each place listed before 各 gets the amount.
      if (between.size() >= 2 && detail::says_each(s_, between.front()->span.end, mj.span.begin)) {
        for (const PlaceMention* p : between) {
          if (p->township.empty() || p->span.begin < parts_from) continue;
          parts.push_back(whole->part(p->name, p->township, mj.value));
          sum += mj.value;
        }
        continue;
      }
      parts.push_back(whole->part(place->name, place->township, mj.value));
      sum += mj.value;
    }
    // …，其余用于两乡镇…; …，其余部分由乙镇…: the rest of the total goes to the place its clause names.
    if (!parts.empty() && sum < whole->value && !taken.empty())
      if (auto rest = remainder_allocation(s_.measures[taken.back()].span.end, *whole, whole->value - sum)) {
        const std::int64_t r = whole->value - sum;
        parts.push_back(*rest);
        sum = whole->value;
        total.notes.push_back(fmt::format("the rest of the total ({}) to the place its 其余 clause names",
                                          whole->kind == MeasureKind::money ? format_fen(r) : std::to_string(r)));
      }
    if (parts.size() >= 2 && sum == whole->value) {
      total.allocations = parts;
      total.distribution = "each";
      total.notes.push_back("total split by the parts that follow it (其中)");
      for (std::size_t t : taken) used[t] = true;
      return true;
    }
    return false;
  }

  // 捐赠款物共计18万元，其中现金10万元，其余为棉被等防寒物资: one gift of money and goods, read as
  // a cash line and a goods line (the rest), in place of the total. Returns whether it was split.
  bool split_by_kind(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
    AidReport& total = reports.back();
    const Measure& m = s_.measures[k];
    const Span segment = s_.segments[s_.segment_of(m.span.begin)];
    // (A period's sum is split only when both parts are said: 全年累计捐赠款物318.5万元，其中资金246万元、
    // 物资折价72.5万元.)
    const bool both_said = k + 1 < s_.measures.size() && s_.measures[k + 1].span.begin < segment.end;
    if (m.kind != MeasureKind::money || (total.aggregate && !both_said) || total.allocations.size() != 1) return false;
    const Allocation& a = total.allocations.front();
    if (!a.amount_fen || a.amount_high_fen || m.high || m.value >= *a.amount_fen) return false;
    const Span c = s_.clauses[s_.clause_of(m.span.begin)];
    const bool cash_part = s_.has(Cat::cash, {c.begin, m.span.begin});
    const bool goods_part = s_.has(Cat::goods, {c.begin, m.span.begin});
    if (cash_part == goods_part) return false;
    // The gift read becomes the part said first; the other kind, `rest_fen`, a line of its own.
    const std::int64_t whole = *a.amount_fen;
    const auto split_off = [&](std::int64_t rest_fen, std::string rest_item, bool rest_said) {
      AidReport rest = total;
      total.allocations.front().amount_fen = m.value;
      total.allocations.front().quantity.reset();
      total.kind = cash_part ? Kind::cash : Kind::in_kind;
      total.notes.push_back(fmt::format("the {} part of a gift of money and goods ({} in all)", cash_part ? "money" : "goods", format_fen(whole)));
      rest.allocations.front().amount_fen = rest_fen;
      rest.allocations.front().quantity.reset();
      rest.kind = cash_part ? Kind::in_kind : Kind::cash;
      rest.item = cash_part ? std::move(rest_item) : std::string();
      rest.unit.clear();
      if (cash_part) total.item.clear();
      if (rest_said)
        rest.notes.push_back(fmt::format("the {} part of a gift of money and goods ({} in all)", cash_part ? "goods" : "money", format_fen(whole)));
      else
        rest.notes.push_back(fmt::format("the rest of a gift of money and goods ({} in all, {} of it in the clause before)",
                                         format_fen(whole), format_fen(m.value)));
      reports.push_back(std::move(rest));  // (last: `total` refers into `reports`)
    };
    // 款物约8.5万元，其中现金5万元、米面油等物资价值3.5万元: both parts said, adding up to the total.
    if (k + 1 < s_.measures.size() && s_.measures[k + 1].span.begin < segment.end && s_.measures[k + 1].kind == MeasureKind::money &&
        (k + 2 >= s_.measures.size() || s_.measures[k + 2].span.begin >= segment.end)) {
      const Measure& other = s_.measures[k + 1];
      const Span between{m.span.end, other.span.begin};
      const bool other_named = cash_part ? (s_.has(Cat::goods, between) || s_.has(Cat::value, between)) : s_.has(Cat::cash, between);
      const auto sum = checked_sum(m.value, other.value);
      if (!other_named || other.high || !sum || *sum != whole) return false;
      used[k] = used[k + 1] = true;
      split_off(other.value, cash_part ? detail::item_between(s_, m.span.end, other.span.begin) : std::string(), true);
      return true;
    }
    // The rest opens a later clause of the segment and names the other kind; no amount follows.
    if (std::any_of(s_.measures.begin() + static_cast<std::ptrdiff_t>(k) + 1, s_.measures.end(),
                    [&](const Measure& o) { return o.span.begin < segment.end; }))
      return false;
    std::size_t at = std::string_view::npos;
    for (std::string_view w : {"其余", "剩余"})
      if (const std::size_t f = s_.text.find(w, m.span.end); f < at) at = f;
    if (at >= segment.end) return false;
    const Span rest_clause = s_.clauses[s_.clause_of(at)];
    if (!s_.has(cash_part ? Cat::goods : Cat::cash, {at, rest_clause.end})) return false;
    used[k] = true;
    split_off(whole - m.value, cash_part ? detail::item_between(s_, at + std::string_view("其余").size(), rest_clause.end) : std::string(),
              false);
    return true;
  }

  // 其余 (其余部分, 剩余) after `from` in the sentence, opening a clause that names where the rest
  // went: an allocation of `rest` there (both townships jointly for 两乡镇), or none.
  std::optional<Allocation> remainder_allocation(std::size_t from, const Whole& whole, std::int64_t rest) const {
    std::size_t at = std::string_view::npos;
    for (std::string_view w : {"其余", "剩余"})
      if (const std::size_t f = s_.text.find(w, from); f != std::string_view::npos && f < at) at = f;
    if (at == std::string_view::npos) return std::nullopt;
    const Span clause = s_.clauses[s_.clause_of(at)];
    if (s_.han_from(clause.begin, clause.end) != at) return std::nullopt;
    for (const auto& p : s_.places) {
      if (p.span.begin < at || p.span.end > clause.end) continue;
      Allocation a = whole.part("", "", rest);
      if (p.level == PlaceLevel::collective) {
        const auto& both = memory_.townships_counted(p.count);
        if (static_cast<int>(both.size()) != p.count || both.size() < 2) return std::nullopt;
        for (const auto& t : both) a.recipient += (a.recipient.empty() ? "" : "、") + t;
        a.township = std::string(kJoint);
        a.covers = both;
        return a;
      }
      if (p.township.empty() || p.level == PlaceLevel::county) continue;
      a.recipient = p.name;
      a.township = p.township;
      return a;
    }
    return std::nullopt;
  }

  std::string item_for(const Frame& f, const AidReport* previous) const {
    const Measure& m = s_.measures[f.measure];
    const Span own = s_.clauses[s_.clause_of(m.span.begin)];
    std::size_t from = f.trigger->span.end <= m.span.begin ? std::max(f.trigger->span.end, own.begin) : own.begin;
    // (获赠该公司价值1万元的康复器材: the giver after the word of receiving is not what was given.)
    if (f.trigger->is(Cat::passive) && from == f.trigger->span.end) {
      if (const LexToken* p = s_.word_at(from); p && p->is(Cat::pronoun)) from = p->span.end;
      for (const auto& [span, name] : orgs_)
        if (span.begin == from && span.end <= m.span.begin) from = span.end;
    }
    std::string item = detail::item_between(s_, from, m.span.begin);
    const std::string after = detail::item_after(s_, m.span.end, own.end);
    // Goods written after their count (10台医疗设备) when what stands before is where they went.
    bool before_is_place = false;
    for (std::string_view p : {"卫生院", "卫生室", "小学", "中学", "学校", "幼儿园", "敬老院", "村", "乡", "镇"})
      before_is_place = before_is_place || text::ends_at(item, item.size(), p);
    if (item.empty() || before_is_place || (!after.empty() && f.measure > 0 && s_.measures[f.measure - 1].span.end > own.begin))
      item = after.empty() ? item : after;
    if (item.empty() && f.trigger->span.end <= m.span.begin) {
      const Span verb_clause = s_.clauses[s_.clause_of(f.trigger->span.begin)];
      item = detail::item_between(s_, f.trigger->span.end, verb_clause.end);
    }
    if (item.empty() && previous && m.kind == MeasureKind::quantity && previous->unit == m.unit) item = previous->item;
    return item;
  }

  // 各 or 均: each one of what was counted gets it (not 分别, which pairs lists).
  bool each_one(const LexToken* w) const { return w && w->is(Cat::each) && (s_.slice(w->span) == "各" || s_.slice(w->span) == "均"); }

  // The count right before 各 (8个行政村各, 5所学校各), when 各 is what distributes.
  std::optional<std::int64_t> counted_before_each(std::size_t from, std::size_t measure_begin) const {
    const LexToken* e = nullptr;
    for (const auto& w : s_.words)
      if (w.span.begin >= from && w.span.end <= measure_begin && each_one(&w)) e = &w;
    if (!e) return std::nullopt;
    const std::size_t window = std::max(from, e->span.begin >= 24 ? e->span.begin - 24 : std::size_t{0});
    return count_before(e->span.begin, window);
  }

  // 每斤35.8元, 35.8元/斤, 以…元的价格: a price per unit of goods, not an amount given.
  bool is_unit_price(std::size_t j) const {
    const Measure& m = s_.measures[j];
    if (m.kind != MeasureKind::money) return false;
    for (std::string_view after : {"的价格", "的单价", "的收购价", "/斤", "/公斤", "每斤", "一斤"})
      if (starts_at(s_.text, m.span.end, after)) return true;
    const std::size_t from = m.span.begin >= 9 ? m.span.begin - 9 : 0;
    const std::string_view before = s_.slice(from, m.span.begin);
    for (std::string_view per : {"每斤", "每公斤", "每吨", "每箱", "每盒", "单价", "价格为", "售价"})
      if (before.find(per) != std::string_view::npos) return true;
    // (采购年货礼包3000份，每份98元: 每 and the measure word of goods counted before it.)
    for (std::size_t i = 0; i < j; ++i) {
      const Measure& o = s_.measures[i];
      if (o.kind == MeasureKind::quantity && !o.unit.empty() && s_.segment_of(o.span.begin) == s_.segment_of(m.span.begin) &&
          text::ends_at(before, before.size(), "每" + o.unit))
        return true;
    }
    return false;
  }

  // After 其中 at `from`, every money amount of the sentence is led by an organisation's name
  // (其中，区总工会4万元，区妇联2.6万元; 其中甲公司捐款30万元).
  bool parts_name_givers(std::size_t from) const {
    std::size_t parts = 0;
    for (std::size_t j = 0; j < s_.measures.size(); ++j) {
      const Measure& m = s_.measures[j];
      // (A price of one, 单价88元, 每台280元, is no part of its own.)
      if (m.span.begin < from || m.kind != MeasureKind::money || is_unit_price(j)) continue;
      const std::size_t c = s_.clause_of(m.span.begin);
      auto led_by_name = [&](std::size_t start) {
        const std::size_t opens = s_.han_from(std::max(start, from), m.span.begin);
        // (其中东岔村小学18万元: a school of a township the page names is where a part goes.)
        if (std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) { return p.span.begin == opens && !p.township.empty(); }))
          return false;
        return std::any_of(s_.organisations.begin(), s_.organisations.end(), [&](const auto& o) {
          return o.first.begin == opens && o.first.end <= m.span.begin;
        });
      };
      // (…；乙公司捐赠羽绒服200件，价值4万元；…: a part listed between semicolons may value its
      // goods in a later clause; the part is led by its giver.)
      const bool listed = s_.segments.size() > 1;
      if (!led_by_name(s_.clauses[c].begin) && !(listed && led_by_name(s_.segments[s_.segment_of(m.span.begin)].begin))) return false;
      ++parts;
    }
    return parts >= 2;
  }

  // The goods a price is of (每箱35.8元 … 1000箱), in its segment: a quantity of the price's unit,
  // when the segment states no other money.
  std::optional<Measure> priced_quantity(std::size_t j) const {
    const Measure& price = s_.measures[j];
    const std::size_t seg = s_.segment_of(price.span.begin);
    std::optional<Measure> found;
    for (std::size_t i = 0; i < s_.measures.size(); ++i) {
      const Measure& o = s_.measures[i];
      if (i == j || s_.segment_of(o.span.begin) != seg) continue;
      if (o.kind == MeasureKind::money) return std::nullopt;  // 货款85920元: the amount paid is written
      if (o.unit.empty()) continue;
      const std::string per = "每" + o.unit;
      const std::size_t from = price.span.begin >= 12 ? price.span.begin - 12 : 0;
      if (s_.slice(from, price.span.begin).find(per) != std::string_view::npos || starts_at(s_.text, price.span.end, "/" + o.unit)) {
        found = o;
        continue;
      }
      // 黑木耳2吨，每斤30元: tonnes and kilograms bought at a price per 斤 (1吨 = 2000斤, 1公斤 = 2斤).
      const bool per_jin = s_.slice(from, price.span.begin).find("每斤") != std::string_view::npos || starts_at(s_.text, price.span.end, "/斤");
      const std::int64_t jin_per_unit = o.unit == "吨" ? 2000 : (o.unit == "公斤" || o.unit == "千克") ? 2 : 0;
      if (per_jin && jin_per_unit)
        if (const auto jin = checked_product(o.value, jin_per_unit)) {
          found = o;
          found->value = *jin;
          found->unit = "斤";
        }
    }
    return found;
  }

  // The years an agreement runs, as the sentence states them: 连续三年, 协议期两年, 为期3年, 三年内,
  // 2024年至2026年 (3); none when it states none.
  std::optional<std::int64_t> years_stated() const {
    const std::string_view t = s_.text;
    for (std::string_view lead : {"连续", "协议期", "为期", "期限", "今后", "未来"})
      for (std::size_t at = t.find(lead); at != std::string_view::npos; at = t.find(lead, at + lead.size())) {
        std::size_t i = at + lead.size(), e = i;
        while (e < t.size()) {
          std::size_t next = e;
          if (!is_count_numeral(text::next_code_point(t, next))) break;
          e = next;
        }
        if (e > i && starts_at(t, e, "年"))
          if (auto n = parse_integer(t.substr(i, e - i))) return n;
      }
    for (std::string_view tail : {"年内", "年间"})
      for (std::size_t at = t.find(tail); at != std::string_view::npos; at = t.find(tail, at + tail.size())) {
        std::size_t b = at;
        while (b > 0) {
          const std::size_t p = text::previous_code_point_start(t, b);
          if (!is_count_numeral(text::code_point_at(t, p))) break;
          b = p;
        }
        if (b < at && at - b <= 6)
          if (auto n = parse_integer(t.substr(b, at - b))) return n;
      }
    // 2024年至2026年, 2024—2026年
    for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
      auto year_at = [&](std::size_t p) -> std::optional<int> {
        if (p + 4 > t.size()) return std::nullopt;
        for (std::size_t k = p; k < p + 4; ++k)
          if (t[k] < '0' || t[k] > '9') return std::nullopt;
        if (p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9') return std::nullopt;
        return std::stoi(std::string(t.substr(p, 4)));
      };
      const auto first = year_at(i);
      if (!first) continue;
      std::size_t j = i + 4;
      if (starts_at(t, j, "年")) j += 3;
      bool joined = false;
      for (std::string_view sep : {"至", "到", "—", "-", "～", "~"})
        if (starts_at(t, j, sep)) {
          j += sep.size();
          joined = true;
          break;
        }
      if (!joined) continue;
      if (const auto last = year_at(j); last && starts_at(t, j + 4, "年") && *last > *first && *last - *first < 10) return *last - *first + 1;
    }
    return std::nullopt;
  }

  // 由两镇平均分配, 平均分给, 均分: in the amount's clause or the one after it.
  bool says_equal_shares(std::size_t clause) const {
    for (std::size_t c = clause; c < s_.clauses.size() && c <= clause + 1; ++c)
      for (std::string_view w : {"平均分配", "平均分给", "平均分到", "均分", "平分"})
        if (s_.slice(s_.clauses[c]).find(w) != std::string_view::npos) return true;
    return false;
  }

  // Townships and villages written out by name in [from, to) (not 两乡镇); a place named inside
  // another (徐家湾乡 in 徐家湾乡中心小学) is not counted again.
  std::size_t named_places(std::size_t from, std::size_t to) const {
    auto counted = [&](const PlaceMention& p) {
      return p.span.begin >= from && p.span.end <= to && !p.township.empty() && p.level != PlaceLevel::collective && p.level != PlaceLevel::county;
    };
    // (Nor a township right before a place of its own: 双龙湾镇东虎岭村 is one place.)
    return static_cast<std::size_t>(std::count_if(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
      return counted(p) && std::none_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& q) {
               if (&q == &p || !counted(q)) return false;
               const bool inside = q.span.begin <= p.span.begin && p.span.end <= q.span.end && q.span.size() > p.span.size();
               const bool leads = p.level == PlaceLevel::township && q.span.begin == p.span.end && q.township == p.township;
               return inside || leads;
             });
    }));
  }

  // The amount `k` (its product `total`) sums the money of the gifts already read in this sentence:
  // the same money described again.
  bool restates_gifts_before(std::size_t k, std::int64_t total, const std::vector<AidReport>& reports) const {
    if (reports.empty() || k == 0) return false;
    std::int64_t sum = 0;
    for (const auto& r : reports) {
      if (r.sentence.begin != sentence_.span.begin) continue;
      for (const auto& a : r.allocations) sum += a.amount_fen.value_or(0);
    }
    return sum == total;
  }

  // 甲乡120户、乙镇80户: two or more townships each followed by its count, in [from, to).
  std::vector<std::pair<Recipient, std::int64_t>> counts_by_place(std::size_t from, std::size_t to) const {
    return extract::counts_by_place(s_, from, to);
  }

  std::optional<std::int64_t> count_before(std::size_t pos, std::size_t from) const { return count_in(s_.text, pos, from); }

  // After 其中 (past `from`), the people each of the givers paid for, in the givers' order: 其中团工委
  // 资助40名，青年企业家协会资助60名 → 40, 60. Empty unless every giver is named with a count.
  std::vector<std::int64_t> counts_by_giver(const Giver& g, std::size_t from) const {
    const LexToken* sub = s_.first(Cat::subsum, {from, s_.text.size()});
    if (!sub) return {};
    std::vector<std::int64_t> out;
    for (const std::string& written : g.members_written) {
      // (高新区团工委 may be named again as 团工委.)
      std::string_view name = written;
      for (std::string_view prefix : {"郑州高新区", "高新区", "郑州市", "区"})
        if (name.starts_with(prefix) && name.size() > prefix.size() + 3) name.remove_prefix(prefix.size());
      const std::size_t at = s_.text.find(name, sub->span.end);
      if (at == std::string_view::npos) return {};
      const Span clause = s_.clauses[s_.clause_of(at)];
      const auto n = first_count_in(s_.text, at + name.size(), clause.end, U"名人位户");
      if (!n) return {};
      out.push_back(*n);
    }
    return out;
  }

  // The word earlier in the sentence of category `c` after which one of `per`'s units is given
  // (每人一间 or 各援建一间 for 每间), or null.
  const LexToken* gives_one(const LexToken& per, Cat c) const {
    const std::string_view unit = s_.slice(per.span).substr(std::string_view("每").size());
    if (unit.empty() || !s_.slice(per.span).starts_with("每")) return nullptr;
    const LexToken* outer = s_.last(c, {0, per.span.begin});
    if (!outer) return nullptr;
    const std::size_t at = s_.text.find(fmt::format("一{}", unit), outer->span.end);
    return at < per.span.begin ? outer : nullptr;
  }
  // 每人一间，每间…: the per-unit word of the people who have one each.
  const LexToken* each_has_one(const LexToken& per) const { return gives_one(per, Cat::per_unit); }
  // 为甲校、乙校各援建一间教室，每间价值20万元: one for each recipient, no count to look for.
  bool one_for_each(const LexToken& per) const { return gives_one(per, Cat::each) != nullptr; }

  // Whether `per` is one of several rates after 其中 (其中本科生每人3000元、专科生每人2000元), each
  // for a part of the people counted before it, with no count of its own.
  bool rates_of_parts(const LexToken& per) const {
    const LexToken* sub = s_.last(Cat::subsum, {0, per.span.begin});
    if (!sub || count_in(s_.text, per.span.begin, sub->span.end)) return false;
    int rates = 0;
    for (const auto& w : s_.words)
      if (w.is(Cat::per_unit) && w.span.begin > sub->span.end && s_.slice(w.span) == s_.slice(per.span)) ++rates;
    return rates >= 2;
  }

  // Who each one of a per-unit amount is, as written just before 每 (本科生每人 → 本科生): up to four
  // Han characters back to a word that ends a phrase.
  std::string who_each_is(const LexToken& per) const {
    std::size_t b = per.span.begin;
    for (int chars = 0; chars < 4 && b > 0; ++chars) {
      const std::size_t p = text::previous_code_point_start(s_.text, b);
      const char32_t cp = text::code_point_at(s_.text, p);
      if (!text::is_han(cp) || std::u32string_view(U"为给向对中的其和、").find(cp) != std::u32string_view::npos) break;
      b = p;
    }
    return std::string(s_.text.substr(b, per.span.begin - b));
  }

  // What a purchase bought, written between its verb (and the places after it) and its count:
  // 采购双龙湾镇中药材礼盒300盒 → 中药材礼盒.
  std::string bought_item(const LexToken& verb, std::size_t count_at) const {
    std::size_t from = verb.span.end;
    if (count_at <= from) return {};
    for (const auto& p : s_.places)
      if (p.span.begin >= from && p.span.end <= count_at) from = std::max(from, p.span.end);
    return detail::item_between(s_, from, count_at);
  }

  // Whether the sentence names a place of the county: a township, the pair (两乡镇) or the county.
  bool names_place_of_county() const {
    return std::any_of(s_.places.begin(), s_.places.end(), [](const PlaceMention& p) {
      return !p.township.empty() || p.level == PlaceLevel::collective || p.level == PlaceLevel::county;
    });
  }

  // Whether the sentence opens on the things the sentence before spoke of (这批, 这两批物资, 上述).
  bool opens_with_these() const {
    const std::size_t opens = s_.han_from(0, s_.text.size());
    for (std::string_view these : {"这批", "该批", "此批", "上述", "这些", "这两批", "这三批", "这几批"})
      if (starts_at(s_.text, opens, these)) return true;
    return false;
  }

  // The person named after an office in `region` (总经理刘敏, 其董事长孙志强).
  std::optional<std::string> person_after_office(Span region) const {
    for (const auto& w : s_.words)
      if (w.is(Cat::position) && w.span.begin >= region.begin && w.span.end < region.end)
        if (auto name = name_after_office(s_, w, region.end)) return name;
    return std::nullopt;
  }

  // (2022年度，高新区共向…: the year as a time, not a label.)
  bool is_label(const DatedMention& d) const {
    return starts_at(s_.text, d.span.end, "度") && !starts_at(s_.text, d.span.end + std::string_view("度").size(), ",") &&
           !starts_at(s_.text, d.span.end + std::string_view("度").size(), "内") &&
           !starts_at(s_.text, d.span.end + std::string_view("度").size(), "里");
  }
  // 去年签约当天: 当天 is the day of the signing the date before it placed, not the report's day.
  // (Only inside an occasion's word, 签约当天/活动当天, after a date in its clause that is no agreement's.)
  bool day_of_dated_event(const DatedMention& d) const {
    if (d.written != "当天" && d.written != "当日") return false;
    const bool of_occasion = std::any_of(s_.words.begin(), s_.words.end(), [&](const LexToken& w) {
      return w.is(Cat::occasion) && w.span.begin < d.span.begin && w.span.end >= d.span.end;
    });
    if (!of_occasion) return false;
    const std::size_t clause = s_.clause_of(d.span.begin);
    return std::any_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& o) {
      return &o != &d && !o.plan && o.span.end <= d.span.begin && s_.clause_of(o.span.begin) == clause && !terms_of_years(o) &&
             !dates_an_agreement(o) && o.date.first.year() == o.date.last.year();
    });
  }
  // 按照去年签订的协议, 2023年双方签订协议后: the date of the agreement, not of the gift.
  bool dates_an_agreement(const DatedMention& d) const {
    const std::size_t clause_end = s_.clauses[s_.clause_of(d.span.begin)].end;
    const LexToken* a = s_.first(Cat::agreement, {d.span.end, clause_end});
    if (a && text::code_point_count(s_.slice(d.span.end, a->span.begin)) <= 4) return true;
    // (按照今年3月与甲乡、乙镇签订的协议: all of it names the agreement followed.)
    if (a) {
      if (s_.has(Cat::according, {s_.clauses[s_.clause_of(d.span.begin)].begin, d.span.begin})) return true;
    }
    // 兑现去年的承诺, 去年认捐的50万元, 去年冬天的承诺: the date of the promise.
    for (std::string_view promised : {"承诺", "认捐", "许诺"}) {
      const std::size_t promise = s_.text.find(promised, d.span.end);
      if (promise == std::string_view::npos || promise >= clause_end) continue;
      const std::string_view between = s_.slice(d.span.end, promise);
      const std::size_t apart = text::code_point_count(between);
      if (apart <= 2 || (apart <= 4 && between.ends_with("的"))) return true;
    }
    return false;
  }

  // “十三五”期间, “十四五”以来: the period of a summary made over it.
  std::optional<DateRange> plan_period(std::size_t measure_begin) const {
    for (const auto& d : s_.dates) {
      if (!d.five_year_plan || d.span.end > measure_begin) continue;
      std::size_t after = d.span.end;
      if (starts_at(s_.text, after, "”")) after += 3;
      if (starts_at(s_.text, after, "期间")) return d.date;
      if (starts_at(s_.text, after, "以来") || starts_at(s_.text, after, "至今")) {
        DateRange r = d.date;
        if (article_date_) r.last = article_date_->last;
        return r;
      }
    }
    return std::nullopt;
  }

  // 2018年结对…: the pairing began then (a period's start); 2018年结对之初, 结对时: a moment, which
  // dates what was given then.
  bool pairing_began(std::size_t at) const {
    if (!starts_at(s_.text, at, "结对")) return false;
    const std::size_t after = s_.text.find_first_of(",;:", at);
    const std::string_view rest = s_.slice(at, after == std::string_view::npos ? s_.text.size() : after);
    for (std::string_view moment : {"之初", "伊始", "之际", "时", "当年", "当天"})
      if (rest.ends_with(moment)) return false;
    return true;
  }

  // Years that run past the page's own (约定2024年至2026年…): the terms of an agreement.
  bool terms_of_years(const DatedMention& d) const {
    return d.date.is_range() && d.date.precision == Precision::year && memory_.published && d.date.last.year() > memory_.published->last.year();
  }

  // The event's own date: in its frame, earlier in its segment, or carried by 同时/随后.
  void date_report(AidReport& r, Span window, std::size_t measure_begin) const {
    const DatedMention* best = nullptr;
    for (const auto& d : s_.dates) {
      // 2023年度帮扶资金: a fiscal-year label, the date only when nothing else dates the gift.
      if (d.plan || is_label(d) || day_of_dated_event(d) || d.span.begin < window.begin || d.span.begin >= window.end) continue;
      // (Except for a pledge: the agreement's date is when it was made.)
      if (d.span.end <= measure_begin && dates_an_agreement(d) && r.status != Status::pledged) continue;
      // 自2018年起结对帮扶…，日前又捐赠: the start of the pairing dates no gift of it.
      if ((starts_at(s_.text, d.span.end, "起") || pairing_began(d.span.end)) && d.span.end < measure_begin &&
          !s_.has(Cat::cumulative, {window.begin, measure_begin}) && !s_.has(Cat::total, {window.begin, measure_begin}))
        continue;
      // …余款8万元已于1月12日拨付: the day it was paid, over a date that names the pledge before it.
      if (d.span.begin > measure_begin && text::ends_at(s_.text, d.span.begin, "于")) {
        best = &d;
        break;
      }
      // (去年6月续签协议，约定2024年至2026年…各投入…: a pledge is dated when it was made, not by
      // the years of its terms.)
      if (best && r.status == Status::pledged && terms_of_years(d)) continue;
      // (4月16日，…拨付2023年结对帮扶计划第二批资金…: a year right after the verb names the funds;
      // the day before, or the dateline, dates the payment.)
      if (d.date.precision == Precision::year && (!best || best->date.precision != Precision::year)) {
        const LexToken* verb = s_.word_before(d.span.begin);
        if (verb && verb->span.end == d.span.begin && (verb->is(Cat::give) || verb->is(Cat::give_paid))) continue;
      }
      if (d.span.begin < measure_begin || !best) best = &d;
    }
    if (best && r.status == Status::pledged && terms_of_years(*best))
      for (const auto& d : s_.dates)
        if (d.span.end <= best->span.begin && !d.plan && !is_label(d) && !terms_of_years(d)) best = &d;
    if (best) {
      r.date = best->date;
      r.date_basis = fmt::format("stated: {}", best->written);
      const std::size_t after = best->span.end;
      if ((starts_at(s_.text, after, "以来") || starts_at(s_.text, after, "至今")) && article_date_ && article_date_->last > best->date.last) {
        r.date->last = article_date_->last;
        r.date_basis += s_.text.substr(after, 6);
      }
      return;
    }
    const std::size_t seg_begin = s_.segments[s_.segment_of(measure_begin)].begin;
    // (A period's start dates only a summary: 自2018年起结对帮扶…，日前又捐赠 is dated by the report.)
    const bool summary = s_.has(Cat::cumulative, {seg_begin, window.end}) || s_.has(Cat::total, {seg_begin, window.end});
    for (const auto& d : s_.dates) {
      const bool period_start = starts_at(s_.text, d.span.end, "起") || starts_at(s_.text, d.span.end, "以来") ||
                                starts_at(s_.text, d.span.end, "至今") || pairing_began(d.span.end);
      if (period_start && !summary) continue;
      if (!d.plan && !is_label(d) && !dates_an_agreement(d) && !day_of_dated_event(d) && d.span.begin >= seg_begin && d.span.end <= window.begin) best = &d;
    }
    if (best) {
      r.date = best->date;
      r.date_basis = fmt::format("stated earlier in the clause: {}", best->written);
      // 2019年以来, …: the period from then to the report.
      const std::size_t after = best->span.end;
      if (starts_at(s_.text, after, "以来") || starts_at(s_.text, after, "至今")) {
        if (article_date_ && article_date_->last > best->date.last) r.date->last = article_date_->last;
        r.date_basis += s_.text.substr(after, 6);
      }
      return;
    }
    // 据统计，2022年，…；…: a date that opens the sentence, before any amount, dates its later
    // segments too.
    if (seg_begin > 0 && !s_.measures.empty()) {
      for (const auto& d : s_.dates) {
        if (d.span.begin >= seg_begin || d.span.end > s_.measures.front().span.begin) break;
        if (d.plan || is_label(d) || dates_an_agreement(d) || s_.clause_of(d.span.begin) > 1) continue;
        r.date = d.date;
        r.date_basis = fmt::format("stated at the start of the sentence: {}", d.written);
        return;
      }
    }
    for (const auto& d : s_.dates)
      if (!d.plan && is_label(d) && d.span.begin >= window.begin && d.span.begin < window.end) {
        r.date = d.date;
        r.date_basis = fmt::format("the year the funds are labelled with: {}", d.written);
        return;
      }
    // (Also right after a pronoun giver that opens the sentence: 该会同时向…送去….)
    std::size_t opening = 0;
    if (const LexToken* p = s_.word_at(0); p && p->is(Cat::pronoun)) opening = p->span.end;
    for (std::string_view w : {"与此同时", "同时", "同期", "其间", "期间", "此间", "随后"}) {
      if ((starts_at(s_.text, 0, w) || starts_at(s_.text, seg_begin, w) || (opening > 0 && starts_at(s_.text, opening, w))) && paragraph_last_ &&
          paragraph_last_->precision != Precision::year) {
        r.date = paragraph_last_;
        r.date_basis = fmt::format("carried over by {} from the paragraph", w);
        return;
      }
    }
    // 全年共向两乡镇投入…, under 一、2022年工作回顾 (or after a lead 2023年，高新区…): that year.
    if (!r.date && memory_.section_year) {
      const std::string_view before = s_.slice(0, measure_begin);
      for (std::string_view whole : {"全年", "年内", "当年", "本年度", "一年来", "一年间", "过去一年", "这一年"})
        for (std::size_t at = before.find(whole); at != std::string_view::npos; at = before.find(whole, at + whole.size())) {
          // (三年内, 两年间: a term of years, not the year.)
          if (at > 0 && whole.starts_with("年") && is_count_numeral(text::code_point_at(before, text::previous_code_point_start(before, at))))
            continue;
          r.date = memory_.section_year;
          r.date_basis = fmt::format("the year its part of the article is about: {}", format_date(*memory_.section_year));
          return;
        }
    }
    // An article reporting on a year before the one it was printed in (2022年度…公示, printed in
    // January 2023): its gifts are of that year.
    if (!r.date && memory_.year_reported && article_date_ && memory_.year_reported->last < article_date_->first) {
      r.date = memory_.year_reported;
      r.date_basis = fmt::format("the year the article reports on: {} (its title)", format_date(*memory_.year_reported));
    }
    if (!r.date && breakdown_date && s_.dates.empty() && s_.word_at(0) && s_.word_at(0)->is(Cat::subsum)) {
      r.date = breakdown_date;
      r.date_basis = "carried over from the sentence before, which 其中 breaks down";
      return;
    }
    // (A year alone does not date a pledge: 2026年，…产值增长12%。高新区计划…安排… is promised when printed.)
    // (A date in another segment is another gift's: …捐赠…共计50万元；…为当年考入大学的6名学子….)
    if (!r.date && scene_date && !(r.status == Status::pledged && scene_date->precision == Precision::year) &&
        std::all_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& d) {
          return d.plan || s_.segment_of(d.span.begin) != s_.segment_of(measure_begin);
        })) {
      r.date = scene_date;
      r.date_basis = "carried over from the sentence before, which set the scene";
    }
  }

  // An organisation donates a named thing with no amount: 某公司捐赠数字校园平台.
  void read_unquantified_gifts(std::vector<AidReport>& reports) const {
    for (std::size_t ci = 0; ci < s_.clauses.size(); ++ci) {
      const Span c = s_.clauses[ci];
      if (clause_has_amount(ci)) continue;
      if (ci + 1 < s_.clauses.size()) {
        const LexToken* next = s_.word_at(s_.clauses[ci + 1].begin + 1);
        if (!next) next = s_.word_at(s_.clauses[ci + 1].begin);
        if (next && next->is(Cat::value)) continue;  // valued in the next clause, read with its amount
        // (各捐建了一间阅览室，每间投入4.5万元: what each costs, read with that amount.)
        if (next && next->is(Cat::per_unit) && clause_has_amount(ci + 1)) continue;
        // Valued or counted later in the segment (捐赠医疗物资一批，价值5.2万元): read with that amount.
        // (Only the next amount, and only when no giving word of its own comes first.)
        bool later_amount = false;
        for (const auto& m : s_.measures)
          if (m.span.begin >= c.end && s_.segment_of(m.span.begin) == s_.segment_of(c.begin)) {
            later_amount = !s_.has(Cat::give, {c.end, m.span.begin}) && !s_.has(Cat::give_paid, {c.end, m.span.begin});
            break;
          }
        if (later_amount) continue;
      }
      // A verb that names a gift (捐赠) makes one; an everyday one (送去, 运抵) only when the next
      // sentence values the goods (awaits_value).
      const LexToken* verb = nullptr;
      bool named = false;
      for (const auto& w : s_.words)
        if (w.span.begin >= c.begin && w.span.end <= c.end && (w.is(Cat::give) || w.is(Cat::hand_over))) {
          named = std::any_of(std::begin(kNamedGiftVerbs), std::end(kNamedGiftVerbs), [&](std::string_view v) { return starts_at(s_.slice(w.span), 0, v); });
          if (named || (!verb && w.is(Cat::hand_over))) verb = &w;
          if (named) break;
        }
      if (!verb) continue;
      // (带来了一份礼物：向某小学捐赠课桌椅120套: a clause ending in a colon with amounts after it
      // names what the colon lists; it is no gift of its own.)
      const bool lists_after_colon = c.end < s_.text.size() && s_.text[c.end] == ':' &&
                                     std::any_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& m) { return m.span.begin > c.end; });
      if (lists_after_colon) continue;
      // (…捐赠新式课桌椅60套，并于次日送达学校: an everyday verb after the gift counted in an earlier
      // clause of the segment delivers that gift.)
      bool counted_before = false;
      for (std::size_t e = s_.clause_of(s_.segments[s_.segment_of(c.begin)].begin); e < ci && !counted_before; ++e)
        counted_before = clause_has_amount(e) && (s_.has(Cat::give, s_.clauses[e]) || s_.has(Cat::give_paid, s_.clauses[e]));
      if (!named && counted_before) continue;
      const std::string_view after = s_.slice(verb->span.end, c.end);
      bool not_a_gift = false;
      for (std::string_view w : {"仪式", "活动", "协议", "意向", "的", "用于", "工作", "给予"}) not_a_gift = not_a_gift || starts_at(after, 0, w);
      if (not_a_gift || s_.has(Cat::modal, c) || s_.has(Cat::agreement, c)) continue;
      auto giver = detail::giver_in_clause(s_, ci, verb->span.begin, directory_, gazetteer_, memory_at(c.begin));
      // (某集团董事长某某一行来到甲村卫生室，代表集团捐赠药品一批: the giver of the clause before.)
      if (!giver && ci > 0 && s_.has(Cat::represent, {c.begin, verb->span.begin}) && !clause_has_amount(ci - 1))
        giver = detail::giver_in_clause(s_, ci - 1, s_.clauses[ci - 1].end, directory_, gazetteer_, memory_at(s_.clauses[ci - 1].begin));
      // (工作组来到某村卫生室，为卫生室添置了…: the subject of an earlier clause of the segment, when
      // it holds no amount; else, for goods that await their value, the article's actor.)
      // (某公司再次出手，为两乡镇的中小学捐赠智慧黑板: a verb that names a gift too, when its clause
      // says for whom; not 这些捐赠来得正是时候.)
      const bool for_someone = s_.has(Cat::to, {c.begin, verb->span.begin});
      for (std::size_t e = ci; (!named || for_someone) && !giver && e-- > s_.clause_of(s_.segments[s_.segment_of(c.begin)].begin) && !clause_has_amount(e);)
        giver = detail::giver_in_clause(s_, e, s_.clauses[e].end, directory_, gazetteer_, memory_at(s_.clauses[e].begin));
      if (!named && !giver && !memory_.actor.empty()) giver = detail::Giver{.canonical = memory_.actor, .written = {}, .basis = "article actor", .span = {}, .members = {}, .members_written = {}, .unnamed_count = 0};
      if (!giver || giver->canonical.empty() || (named && !directory_.has_organisation_ending(giver->written))) continue;
      // (卢氏县甲乡党委…，向高新区赠送锦旗: the townships thank; they give no aid.)
      {
        const ArticleMemory& here = memory_at(c.begin);
        bool of_townships = false;
        for (const auto* list : {&here.townships, &here.paired})
          for (const auto& t : *list) of_townships = of_townships || giver->written.find(t) != std::string::npos;
        if (of_townships) continue;
      }
      std::size_t cut = verb->span.end;
      for (const auto& p : s_.places)
        if (p.span.begin >= verb->span.end && p.span.end <= c.end) cut = std::max(cut, p.span.end);
      for (const auto& w : s_.words)
        if (w.span.begin >= verb->span.end && w.span.end <= c.end && w.is(Cat::to)) cut = std::max(cut, w.span.end);
      std::string item = detail::item_between(s_, cut, c.end);
      // 将一批防汛物资送到甲乡: the goods 将/把 moves stand before the verb. (筹措…物资，…，分别运抵
      // 甲乡、乙镇: or in an earlier clause of the segment that gathered them.)
      if (text::code_point_count(item) < 2 && !named) {
        for (std::string_view move : {"将", "把"})
          if (const std::size_t at = s_.text.rfind(move, verb->span.begin); at != std::string_view::npos && at >= c.begin && item.empty())
            item = detail::item_between(s_, at + move.size(), verb->span.begin);
        for (std::size_t e = s_.clause_of(s_.segments[s_.segment_of(c.begin)].begin); e < ci && text::code_point_count(item) < 2; ++e)
          if (const LexToken* raised = s_.first(Cat::raise, s_.clauses[e]); raised && !clause_has_amount(e))
            item = detail::item_between(s_, raised->span.end, s_.clauses[e].end);
      }
      if (text::code_point_count(item) < 2) continue;
      AidReport r;
      r.kind = Kind::in_kind;
      r.item = item;
      r.awaits_value = !named;
      r.donor = giver->canonical;
      r.donor_as_written = giver->written;
      r.donor_basis = giver->basis;
      auto recipients = detail::recipients_for(s_, c.begin, verb->span.begin, c.end > c.begin ? c.end - 1 : c.begin, giver, memory_at(c.begin));
      recipients = detail::group_by_township(recipients);
      if (recipients.empty())
        for (const auto& t : memory_.townships) recipients.push_back({t, t});
      r.allocations = allocate(recipients, false, std::nullopt, std::nullopt, std::nullopt);
      r.distribution = recipients.size() > 1 ? "joint" : "single";
      r.status = Status::disbursed;
      date_report(r, c, c.end);
      r.sentence = sentence_.span;
      r.sentence_text = sentence_.text;
      r.measure = {page(verb->span.begin), page(c.end)};
      reports.push_back(std::move(r));
    }
  }

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

// The organisation the article is about: a known one in the title, else one named there by its
// ending, else the first known one in the body.
std::string article_actor(std::string_view page_text, const text::Article& a, const Directory& d) {
  if (auto t = d.find_known(a.title)) return t->second;
  const auto in_title = detail::organisations_in(a.title, d);
  if (!in_title.empty()) return in_title.front().second;
  // The first organisation the lead names (本报讯 …，区总工会一行来到…) when the page names no
  // known organisation, or only inside that one (高新区 in 高新区总工会); else the known one.
  const std::string_view body = a.span.of(page_text);
  const std::size_t stop = body.find("。");
  const std::size_t lead_end = stop == std::string_view::npos ? body.size() : stop + std::string_view("。").size();
  auto in_lead = detail::organisations_in(body.substr(0, lead_end), d);
  // (双龙湾镇东虎岭村小学的孩子们格外开心: a village's school or a township's clinic is where gifts
  // go, not the article's actor.)
  std::erase_if(in_lead, [](const auto& o) {
    const std::string& name = o.second;
    // (A village's, 东虎岭村小学; not 农业农村局.)
    for (std::size_t at = name.find("村"); at != std::string::npos; at = name.find("村", at + 3))
      if (!(at >= 3 && name.compare(at - 3, 3, "农") == 0)) return true;
    const bool of_township = name.find("乡") != std::string::npos || name.find("镇") != std::string::npos;
    for (std::string_view local : {"小学", "中学", "学校", "卫生院", "卫生室", "幼儿园", "敬老院", "政府", "党委"})
      if (of_township && text::ends_at(name, name.size(), local)) return true;
    return false;
  });
  const auto known = d.find_known(body);
  if (!in_lead.empty() && (!known || (known->first.begin >= in_lead.front().first.begin && known->first.end <= in_lead.front().first.end)))
    return in_lead.front().second;
  if (known) return known->second;
  // A district the directory does not know, named in the title (湖州市吴兴区情系青川): X市Y区 or Y区.
  const std::string_view title = a.title;
  for (std::size_t at = title.find("区"); at != std::string_view::npos; at = title.find("区", at + 3)) {
    std::size_t begin = at;
    for (int chars = 0; begin > 0 && chars < 6; ++chars) {
      const std::size_t prev = text::previous_code_point_start(title, begin);
      if (!text::is_han(text::code_point_at(title, prev))) break;
      begin = prev;
    }
    const std::size_t n = text::code_point_count(title.substr(begin, at - begin));
    if (n >= 2) return d.canonical(title.substr(begin, at + 3 - begin));
  }
  return {};
}

}  // namespace

namespace {

// 这笔善款/这笔资金/上述资金 … 分配给/用于/转交 X: `gift`, read in the sentence before with no place
// (or the article's pair by default), goes to the places this sentence names after a marker; in
// equal shares when it says 平均 and the amount divides, else one joint line.
bool place_money_of_sentence_before(const detail::SentenceTokens& s, const detail::ArticleMemory& memory, AidReport& gift) {
  if (!s.measures.empty() || gift.allocations.size() != 1 || !gift.allocations.front().amount_fen) return false;
  const Allocation before = gift.allocations.front();
  if (!before.township.empty() && before.township != kJoint) return false;
  std::size_t marker_end = std::string_view::npos;
  for (const auto& w : s.words)
    if (w.cats & (bit(Cat::to) | bit(Cat::give) | bit(Cat::give_paid))) {
      marker_end = w.span.end;
      break;
    }
  if (marker_end == std::string_view::npos) return false;
  // (The words that point back stand in the clause of the marker, before it: 按照约定，这笔善款…)
  const std::size_t clause_begin = s.clauses[s.clause_of(marker_end - 1)].begin;
  bool refers = false;
  for (std::string_view w : {"这笔", "该笔", "此笔", "上述", "这些善款", "这些资金", "所募善款", "所募资金", "所筹善款"})
    if (const std::size_t at = s.text.find(w, clause_begin); at != std::string_view::npos && at < marker_end) refers = true;
  if (!refers) return false;
  std::vector<Recipient> places;
  for (const auto& p : s.places) {
    if (p.span.begin < marker_end || p.level == PlaceLevel::county || s.quoted(p.span.begin)) continue;
    if (p.level == PlaceLevel::collective) {
      if (!places.empty()) continue;  // (甲乡、乙镇两个乡镇: the names are the places)
      const auto& both = memory.townships_counted(p.count);
      if (static_cast<int>(both.size()) != p.count) return false;
      for (const auto& t : both) places.push_back({t, t});
      continue;
    }
    if (p.township.empty()) return false;  // a place not known: leave the gift as it was read
    // (甲乡乙村: one place, the village in its township.)
    if (!places.empty() && places.back().township == p.township) {
      if (places.back().name == p.township) places.back().name += p.name;
      continue;
    }
    places.push_back({p.name, p.township});
  }
  std::vector<std::string> townships;
  for (const auto& r : places)
    if (std::find(townships.begin(), townships.end(), r.township) == townships.end()) townships.push_back(r.township);
  if (places.empty() || townships.size() != places.size()) return false;
  const std::int64_t whole = *before.amount_fen;
  const auto n = static_cast<std::int64_t>(places.size());
  const bool equal = s.text.find("平均") != std::string_view::npos || s.text.find("均分") != std::string_view::npos;
  if (n == 1 || (equal && !before.amount_high_fen && whole % n == 0)) {
    gift.allocations = allocate(places, true, whole / n, std::nullopt, std::nullopt);
    gift.distribution = n == 1 ? "single" : "each";
  } else {
    gift.allocations = allocate(places, false, before.amount_fen, before.amount_high_fen, before.quantity);
    gift.distribution = "joint";
  }
  gift.notes.push_back(fmt::format("where it went is said in the next sentence{}", n > 1 && equal ? " (平均分配: equal shares)" : ""));
  return true;
}

// The goods read from `from` on, valued by `value` said in the next sentence: one line of that value
// when there are several (value_goods_as_one), the value of the one otherwise.
void value_goods_before(std::vector<AidReport>& reports, std::size_t from, const Measure& value) {
  if (reports.size() - from > 1) {
    value_goods_as_one(reports, from, value);
  } else {
    reports[from].allocations.front().amount_fen = value.value;
    reports[from].approximate = reports[from].approximate || value.approximate;
  }
}

// 捐赠全自动生化分析仪1台、心电图机2台。这批设备价值18万元…: the value of the goods the sentence
// before gave, said in a sentence of its own with no gift of its own. Several goods of one gift
// become one line of that value (their counts stay in the item).
bool value_goods_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from,
                                    bool read_nothing) {
  if (from >= reports.size() || s.measures.empty()) return false;
  // (…把两台生化分析仪分别送到甲、乙卫生室。两台设备共价值11.6万元: the same count in the same
  // measure word, opening the sentence, is "these"; the money after it is their value.)
  std::size_t first_money = 0;
  bool counted_again = false;
  if (const Measure& g = s.measures.front(); g.kind != MeasureKind::money && s.measures.size() >= 2 && reports.size() - from == 1 &&
                                             !reports[from].unit.empty() && g.unit == reports[from].unit &&
                                             g.value == reports[from].total_quantity() &&
                                             text::code_point_count(s.text.substr(0, g.span.begin)) <= 2) {
    first_money = 1;
    counted_again = true;
  }
  // (…捐赠了一批智慧黑板和电脑。据了解，这批设备共计24台，价值约13万元: goods given uncounted,
  // counted and valued after "these".)
  std::optional<Measure> counted_now;
  if (const Measure& g = s.measures.front(); !counted_again && g.kind == MeasureKind::quantity && s.measures.size() >= 2 &&
                                             s.measures[1].kind == MeasureKind::money && reports.size() - from == 1 &&
                                             reports[from].kind == Kind::in_kind && !reports[from].has_amount() &&
                                             !reports[from].has_quantity() && reports[from].allocations.size() == 1) {
    for (std::string_view w : {"这批", "该批", "此批", "上述"})
      if (const std::size_t at = s.text.find(w); at != std::string_view::npos && at < g.span.begin &&
                                                 text::code_point_count(s.text.substr(0, at)) <= 6 &&
                                                 text::code_point_count(s.slice(at, g.span.begin)) <= 8) {
        // (这批套装共260套，每套价值45元: the value of one, times the count; the per-unit reading
        // below does it once the count is the gift's.)
        const LexToken* per = s.first(Cat::per_unit, {g.span.end, s.measures[1].span.begin});
        if (per && !s.slice(per->span).ends_with(g.unit)) break;
        first_money = 1;
        counted_again = true;
        counted_now = g;
        if (per) {
          reports[from].allocations.front().quantity = g.value;
          reports[from].unit = g.unit;
          counted_now.reset();
        }
        break;
      }
  }
  if (s.measures[first_money].kind != MeasureKind::money) return false;
  // …分别运抵甲乡、乙镇。两批物资分别价值12.8万元、9.6万元: values listed with 分别, one for each
  // place the goods went to, in the order the places were named.
  if (reports.size() - from == 1 && read_nothing && reports[from].kind == Kind::in_kind && !reports[from].has_amount()) {
    AidReport& gift = reports[from];
    std::vector<std::string> places;
    if (gift.allocations.size() == 1 && gift.allocations.front().township == "JOINT") places = gift.allocations.front().covers;
    else
      for (const auto& a : gift.allocations) places.push_back(a.township);
    const std::vector<std::size_t> list = detail::amount_list(s, 0);
    const Measure& m = s.measures.front();
    const LexToken* each = s.first(Cat::each, {0, m.span.begin});
    const bool listed = each && s.slice(each->span) == "分别" && s.has(Cat::value, {each->span.end, m.span.begin}) &&
                        !s.has(Cat::give, {0, m.span.begin}) && !s.has(Cat::give_paid, {0, m.span.begin});
    bool fits = listed && places.size() >= 2 && list.size() == places.size() && list.size() == s.measures.size();
    for (std::size_t j : list) fits = fits && s.measures[j].kind == MeasureKind::money && !s.measures[j].high;
    for (const auto& p : places) fits = fits && !p.empty() && p != "JOINT";
    if (fits) {
      const std::vector<Allocation> before = gift.allocations;
      gift.allocations.clear();
      for (std::size_t i = 0; i < places.size(); ++i) {
        Allocation a = before.size() == places.size() ? before[i] : Allocation{places[i], places[i], {}, std::nullopt, std::nullopt, std::nullopt};
        a.amount_fen = s.measures[list[i]].value;
        gift.allocations.push_back(std::move(a));
        gift.approximate = gift.approximate || s.measures[list[i]].approximate;
      }
      gift.distribution = "each";
      gift.notes.push_back(fmt::format("valued in the next sentence, place by place (分别): {}", s.text));
      return true;
    }
  }
  // (One sum of money opening the sentence's figures; a count after it in a later clause says what
  // the goods do: 这两台设备共计价值十六万元，每天可烘干鲜连翘6吨.)
  const Measure& m = s.measures[first_money];
  for (std::size_t j = first_money + 1; j < s.measures.size(); ++j)
    if (s.measures[j].kind == MeasureKind::money || s.clause_of(s.measures[j].span.begin) == s.clause_of(m.span.begin)) return false;
  const Span c = s.clauses[s.clause_of(m.span.begin)];
  // (这批设备由该公司专程从郑州运抵某乡，价值约38万元: "these" carried there is the same delivery
  // told again, no gift of its own.)
  bool opens_with_these = false;
  for (std::string_view w : {"这批", "该批", "此批", "上述"}) {
    const std::size_t at = s.text.find(w);
    opens_with_these = opens_with_these || (at != std::string_view::npos && text::code_point_count(s.text.substr(0, at)) <= 6);
  }
  const bool gives_before = std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
    return w.span.end <= m.span.begin && (w.is(Cat::give) || w.is(Cat::give_paid)) && !(opens_with_these && w.is(Cat::hand_over));
  });
  // (这批设备共计2.4万元: a sum of "these" is their value, with or without 价值.)
  const bool valued = s.has(Cat::value, {c.begin, m.span.begin}) || (opens_with_these && s.has(Cat::total, {c.begin, m.span.begin}));
  if (!valued || gives_before) return false;
  bool these = counted_again;
  for (std::string_view w : {"这批", "该批", "此批", "上述", "这些"}) {
    const std::size_t at = s.text.find(w);
    these = these || (at != std::string_view::npos && at < m.span.begin);
  }
  // (这两台设备, 这3台, 这台设备: "these", counted or by their measure word.)
  for (std::string_view w : {"这", "该", "此"})
    for (std::size_t at = s.text.find(w); at != std::string_view::npos && at < m.span.begin && !these; at = s.text.find(w, at + w.size())) {
      const char32_t next = text::code_point_at(s.text, at + w.size());
      these = (next >= U'0' && next <= U'9') || std::u32string_view(U"一二两三四五六七八九十几").find(next) != std::u32string_view::npos;
      for (std::string_view unit : goods_units()) these = these || starts_at(s.text, at + w.size(), unit);
      // (…彩色B超机1台，赠予某卫生院。该设备价值约15万元: a goods noun of the lexicon after it.)
      if (const LexToken* noun = s.word_at(at + w.size()); noun && noun->is(Cat::goods) && reports.size() - from == 1) these = true;
      // (救护车1辆。该车价值36万元: the last character of the goods' name, 车 of 救护车.)
      if (const std::string& item = reports[from].item; !these && reports.size() - from == 1 && !item.empty()) {
        const std::string_view last = std::string_view(item).substr(text::previous_code_point_start(item, item.size()));
        these = starts_at(s.text, at + w.size(), last) && text::code_point_count(item) >= 2;
      }
    }
  // 捐赠爱心包裹200个。每个包裹价值120元: the value of one of the goods counted before (the measure
  // word after 每 is theirs), times their count.
  // (Also after "these": 该批制氧机每台价值3,200元.)
  const LexToken* per = s.first(Cat::per_unit, {0, m.span.begin});
  const bool per_gift_unit = per && reports.size() - from == 1 && !reports[from].unit.empty() && s.slice(per->span).ends_with(reports[from].unit);
  if ((!these || per_gift_unit) && read_nothing && reports.size() - from == 1 && reports[from].kind == Kind::in_kind &&
      !reports[from].has_amount() && !reports[from].unit.empty()) {
    AidReport& gift = reports[from];
    if (!per_gift_unit) return false;
    std::vector<std::int64_t> values;
    for (const auto& a : gift.allocations) {
      const auto product = a.quantity ? times_money(m.value, *a.quantity) : std::nullopt;
      if (!product || m.high) return false;
      values.push_back(*product);
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      gift.allocations[i].amount_fen = values[i];
      gift.notes.push_back(fmt::format("computed: {} x {} (the value of one)", *gift.allocations[i].quantity, format_fen(m.value)));
    }
    gift.approximate = gift.approximate || m.approximate;
    gift.notes.push_back(fmt::format("valued in the next sentence: {}", s.text));
    return true;
  }
  if (!these) return false;
  const AidReport& first = reports[from];
  for (std::size_t i = from; i < reports.size(); ++i) {
    const AidReport& r = reports[i];
    if (r.kind != Kind::in_kind || r.has_amount() || r.donor != first.donor || r.allocations.size() != 1 ||
        r.allocations.front().township != first.allocations.front().township)
      return false;
  }
  value_goods_before(reports, from, m);
  AidReport& gift = reports[from];
  if (counted_now) {
    gift.allocations.front().quantity = counted_now->value;
    gift.unit = counted_now->unit;
  }
  gift.notes.push_back(fmt::format("valued in the next sentence: {}", s.text));
  return true;
}

// 8台净水设备运抵龙驹村。这批设备总价值12万元，由某公司捐赠 / 这批物资由某协会募集捐赠: a sentence
// about "these" goods that names who gave them names the giver of the goods the sentence before
// read without one of its own (the article's actor stood in), and their value when it states one
// and they had none. Its own reading of the same goods is then dropped. False when it is no such
// sentence.
bool giver_of_goods_before(const detail::SentenceTokens& s, std::vector<AidReport>& read, std::vector<AidReport>& reports,
                           std::size_t from, const Directory& d, const Gazetteer& g) {
  if (from >= reports.size()) return false;
  // "These" opens the sentence (after a date or a comma at most).
  bool these = false;
  for (std::string_view w : {"这批", "该批", "此批", "上述"}) {
    const std::size_t at = s.text.find(w);
    these = these || (at != std::string_view::npos && text::code_point_count(s.text.substr(0, at)) <= 6);
  }
  if (!these) return false;
  for (std::size_t i = from; i < reports.size(); ++i) {
    const AidReport& r = reports[i];
    if (r.kind != Kind::in_kind || (r.donor_basis != "article actor" && r.donor_basis != "unknown") || r.donor != reports[from].donor)
      return false;
  }
  // Who gave them: 由X捐赠 in one of the sentence's clauses.
  std::optional<detail::Giver> giver;
  for (std::size_t c = 0; c < s.clauses.size() && !giver; ++c) {
    const Span clause = s.clauses[c];
    for (const auto& w : s.words)
      if (w.span.begin >= clause.begin && w.span.end <= clause.end && (w.cats & kTriggers)) {
        giver = detail::passive_giver(s, c, w.span.begin, d);
        break;
      }
  }
  if (!giver || giver->canonical.empty()) return false;
  // Its own reading: nothing, or the same goods again with their value, given by the one it names.
  const Measure* value = nullptr;
  for (const auto& m : s.measures)
    if (m.kind == MeasureKind::money) {
      if (value) return false;
      value = &m;
    }
  for (const AidReport& r : read)
    if (r.kind != Kind::in_kind) return false;
  bool valued = false;
  if (value && std::none_of(reports.begin() + static_cast<std::ptrdiff_t>(from), reports.end(), [](const AidReport& r) { return r.has_amount(); })) {
    value_goods_before(reports, from, *value);
    valued = true;
  }
  for (std::size_t i = from; i < reports.size(); ++i) {
    AidReport& r = reports[i];
    r.donor = of_own_district(giver->canonical, g);
    r.donor_as_written = giver->written;
    r.donor_basis = "passive";
    r.notes.push_back(fmt::format("given by the one the next sentence names: {}", s.text));
    if (valued && i == from) r.notes.push_back(fmt::format("valued in the next sentence: {}", s.text));
  }
  read.clear();
  return true;
}

// 为该校教师每人发放慰问金500元。该校共有教师18名…: the sentence after per-unit gifts whose count
// was not stated counts them, when it states no money of its own. With several such gifts (本科生
// 每人3000元、专科生每人2000元), each takes the count of the clause that names who each is.
// 为两乡镇教师每人送上慰问金500元。…甲乡、乙镇分别有126名和98名教师得到慰问: a per-unit gift to
// places together, counted place by place with 分别 in the next sentence: one line for each place.
bool count_places_of_sentence_before(const detail::SentenceTokens& s, AidReport& gift) {
  if (gift.allocations.size() != 1 || gift.allocations.front().township != kJoint) return false;
  const Allocation joint = gift.allocations.front();
  const std::vector<std::string>& places = joint.covers;
  const LexToken* each = s.first(Cat::each, {0, s.text.size()});
  if (places.size() < 2 || !each || s.slice(each->span) != "分别") return false;
  // The places named before 分别, in the order of the gift's (or the two of them together: 两乡镇).
  bool named = true;
  std::size_t at = 0;
  for (const auto& p : places) {
    const std::size_t found = s.text.find(p, at);
    named = named && found != std::string_view::npos && found < each->span.begin;
    if (named) at = found + p.size();
  }
  if (!named) {
    const std::string_view before = s.slice(0, each->span.begin);
    bool both = false;
    for (std::string_view two : {"两乡镇", "两个乡镇", "两乡", "两镇", "两地"}) both = both || before.find(two) != std::string_view::npos;
    if (!both || places.size() != 2) return false;
  }
  // Their counts after it, one for each.
  std::vector<std::int64_t> counts;
  const Span clause = s.clauses[s.clause_of(each->span.begin)];
  for (std::size_t i = each->span.end; i < clause.end;) {
    std::size_t run = i, e = i;
    while (e < clause.end) {
      std::size_t next = e;
      if (!is_count_numeral(text::next_code_point(s.text, next))) break;
      e = next;
    }
    if (e == run) {
      text::next_code_point(s.text, i);
      continue;
    }
    i = e;
    if (e < clause.end && gift.uncounted->units.find(text::code_point_at(s.text, e)) != std::u32string_view::npos)
      if (auto n = parse_integer(s.text.substr(run, e - run)); n && *n > 0) counts.push_back(*n);
  }
  if (counts.size() != places.size()) return false;
  std::vector<Allocation> split;
  for (std::size_t i = 0; i < places.size(); ++i) {
    Allocation a{places[i], places[i], {}, std::nullopt, std::nullopt, std::nullopt};
    if (joint.amount_fen && !(a.amount_fen = times_money(*joint.amount_fen, counts[i]))) return false;
    if (joint.quantity && !(a.quantity = times(*joint.quantity, counts[i]))) return false;
    split.push_back(std::move(a));
  }
  auto note = std::find(gift.notes.begin(), gift.notes.end(), "per-unit amount; the number of recipients is not stated");
  if (note == gift.notes.end()) return false;
  *note = fmt::format("computed: the per-unit amount x the count of each place (分别, in the next sentence: {})", s.text);
  gift.allocations = std::move(split);
  gift.distribution = "each";
  gift.uncounted.reset();
  return true;
}

void count_per_unit_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from) {
  std::vector<AidReport*> pending;
  for (std::size_t i = from; i < reports.size(); ++i)
    if (reports[i].uncounted && !reports[i].uncounted->units.empty()) pending.push_back(&reports[i]);
  if (pending.empty()) return;
  if (std::any_of(s.measures.begin(), s.measures.end(), [](const Measure& m) { return m.kind == MeasureKind::money; })) return;
  if (pending.size() == 1 && count_places_of_sentence_before(s, *pending.front())) return;
  bool states_total = false;
  for (std::string_view w : {"共", "现有", "总计", "合计"}) states_total = states_total || s.text.find(w) != std::string_view::npos;
  if (!states_total) return;
  std::vector<std::int64_t> counts;
  for (const AidReport* r : pending) {
    std::optional<std::int64_t> n;
    if (pending.size() == 1) {
      n = first_count_in(s.text, 0, s.text.size(), r->uncounted->units);
    } else {
      // (本科生 → 本科: the clause naming them; 学生/儿童 alone tell them from none.)
      const std::string_view who = r->uncounted->who;
      std::size_t cut = 0;
      for (int chars = 0; chars < 2 && cut < who.size(); ++chars) text::next_code_point(who, cut);
      if (text::code_point_count(who) < 3) return;
      const std::size_t at = s.text.find(who.substr(0, cut));
      if (at == std::string_view::npos) return;
      const Span clause = s.clauses[s.clause_of(at)];
      n = first_count_in(s.text, clause.begin, clause.end, r->uncounted->units);
    }
    if (!n) return;
    counts.push_back(*n);
  }
  for (std::size_t i = 0; i < pending.size(); ++i) {
    AidReport copy = *pending[i];
    for (auto& a : copy.allocations) {
      for (auto* v : {&a.amount_fen, &a.amount_high_fen})
        if (*v && !(*v = times_money(**v, counts[i]))) return;
      if (a.quantity && !(a.quantity = times(*a.quantity, counts[i]))) return;
    }
    copy.uncounted.reset();
    auto note = std::find(copy.notes.begin(), copy.notes.end(), "per-unit amount; the number of recipients is not stated");
    if (note == copy.notes.end()) return;
    *note = fmt::format("computed: {} x the per-unit amount (the count stated in the next sentence: {})", counts[i],
                                    s.text);
    *pending[i] = std::move(copy);
  }
}

}  // namespace

namespace {
// 第三期帮扶资金400万元已拨付至项目乡镇。…一、甲乡某项目，帮扶资金125万元；二、…: a joint total
// whose parts the next sentences itemise, each to one of its townships, by the same giver, adding
// up to it exactly. The parts are the ledger's lines; the total would count the money twice.
void drop_totals_itemised_after(std::vector<AidReport>& reports) {
  std::vector<bool> drop(reports.size(), false);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const AidReport& total = reports[i];
    if (total.aggregate || total.allocations.size() != 1 || total.allocations.front().township != kJoint ||
        !total.allocations.front().amount_fen)
      continue;
    const Allocation& whole = total.allocations.front();
    std::int64_t sum = 0;
    std::size_t parts = 0;
    for (std::size_t j = i + 1; j < reports.size(); ++j) {
      const AidReport& p = reports[j];
      if (p.sentence.begin == total.sentence.begin || p.donor != total.donor || p.status != total.status || p.aggregate ||
          p.allocations.size() != 1 || !p.allocations.front().amount_fen)
        break;
      const std::string& t = p.allocations.front().township;
      if (std::find(whole.covers.begin(), whole.covers.end(), t) == whole.covers.end()) break;
      const auto next = checked_sum(sum, *p.allocations.front().amount_fen);
      if (!next || *next > *whole.amount_fen) break;
      sum = *next;
      ++parts;
      if (sum == *whole.amount_fen) break;
    }
    if (parts >= 2 && sum == *whole.amount_fen) {
      drop[i] = true;
      for (std::size_t j = i + 1; j <= i + parts; ++j)
        reports[j].notes.push_back(fmt::format("a part of the joint total {} said before it, itemised", format_fen(*whole.amount_fen)));
    }
  }
  std::size_t k = 0;
  reports.erase(std::remove_if(reports.begin(), reports.end(), [&](const AidReport&) { return drop[k++]; }), reports.end());
}
}  // namespace

std::vector<AidReport> EventExtractor::extract(std::string_view page_text, const text::Article& article,
                                               const PlaceFinder& places, std::optional<DateRange> reference,
                                               ArticleContext* context_out) const {
  ArticleContext ctx;
  const std::vector<text::Sentence> sentences = text::split_sentences(page_text, article);

  // The article's own date: the first date in its opening lines (the dateline).
  {
    DateResolver probe(reference);
    std::optional<DateRange> fallback;
    for (const auto& s : sentences) {
      if (s.paragraph > 1) break;
      for (const auto& m : scan_dates(s.text)) {
        // (前天, 昨天, 今天, 上周五: a day a few days before the page's dates the lead as well; not
        // 上月27日, an event's day, after which 近日 still means the page's days.)
        const bool day_from_page = (m.relative == Relative::yesterday || m.relative == Relative::day_before_yesterday ||
                                    m.relative == Relative::today || m.relative == Relative::last_week || m.relative == Relative::this_week) &&
                                   reference && reference->precision == Precision::day;
        if (m.plan || (m.relative != Relative::none && !day_from_page)) continue;
        if (auto d = probe.resolve(m)) {
          // (A day or a few days written, 10月24日至25日; not a part of a month, 7月底强降雨过后, nor a
          // week's campaign, 12月28日至1月3日: a time in the story.)
          if (d->precision == Precision::day && m.period == Period::none &&
              date::sys_days(d->last) - date::sys_days(d->first) <= date::days(2)) {
            ctx.date = d;
            break;
          }
          if (!fallback) fallback = d;
        }
      }
      if (ctx.date) break;
    }
    // A bare year or month somewhere in the lead is no dateline when the page's own publication
    // day is known: 这是2023年双方签订协议后… does not date a page published in 2024.
    if (!ctx.date && !(reference && reference->precision == Precision::day)) ctx.date = fallback;
  }
  const std::optional<DateRange> article_date = ctx.date ? ctx.date : reference;
  for (const auto& p : places.find(article.span.of(page_text))) {
    if (p.township.empty() || p.level == PlaceLevel::collective) continue;
    if (std::find(ctx.townships.begin(), ctx.townships.end(), p.township) == ctx.townships.end()) ctx.townships.push_back(p.township);
  }
  ctx.actor = article_actor(page_text, article, directory_);
  // (今年起我区结对帮扶卢氏县甲乡、乙镇, in the district's own paper: 我区 is the district that
  // the gazetteer pairs with the townships named; so is its delegation left unnamed, 工作组一行…)
  bool delegation = false;
  for (std::string_view w : {"我区", "工作组一行", "帮扶工作组", "帮扶工作队", "慰问团一行"})
    delegation = delegation || article.span.of(page_text).find(w) != std::string_view::npos;
  if (ctx.actor.empty() && delegation && !gazetteer_.pairing_donor().empty()) {
    const auto paired = gazetteer_.paired();
    if (std::any_of(ctx.townships.begin(), ctx.townships.end(), [&](const std::string& t) { return std::find(paired.begin(), paired.end(), t) != paired.end(); }))
      ctx.actor = gazetteer_.pairing_donor();
  }
  if (context_out) *context_out = ctx;

  const Lexicon& lex = Lexicon::builtin();
  detail::ArticleMemory memory;
  memory.actor = ctx.actor;
  memory.townships = ctx.townships;
  memory.paired = gazetteer_.paired();
  memory.pairing_donor = gazetteer_.pairing_donor();
  memory.published = reference;
  // (卢氏县双龙湾镇人民政府 > 镇务动态: a township's own page, which says 我镇 of itself.)
  {
    std::size_t header_end = 0;
    for (int line = 0; line < 2 && header_end < page_text.size(); ++line) {
      const std::size_t nl = page_text.find('\n', header_end);
      header_end = nl == std::string_view::npos ? page_text.size() : nl + 1;
    }
    std::vector<std::string> named;
    for (const auto& p : places.find(page_text.substr(0, header_end)))
      if (!p.township.empty() && p.level == PlaceLevel::township && std::find(named.begin(), named.end(), p.township) == named.end())
        named.push_back(p.township);
    if (named.size() == 1) memory.home_township = named.front();
  }
  // (An article with a dateline reports what happened that day: 1月21日，召开2025年度总结会，会上…捐赠.)
  if (!ctx.date) memory.year_reported = year_reviewed(article.title);
  bool consumption_article = false;
  for (const auto& w : lex.scan(article.title)) consumption_article = consumption_article || w.is(Cat::consumption) || w.is(Cat::buy);

  std::vector<AidReport> reports;
  std::vector<RefusedAmount> refused_amounts;
  DateResolver resolver(reference);
  if (ctx.date) resolver.set_last(*ctx.date);
  std::optional<DateRange> paragraph_last;
  bool previous_had_amount = false;
  std::optional<DateRange> scene_date;  // see SentenceReader::scene_date
  std::optional<DateRange> breakdown_date;  // see SentenceReader::breakdown_date
  std::size_t previous_from = 0;  // the reports of the sentence before start here
  std::optional<std::size_t> valued_from;  // the goods a value may be of, when the sentence before was passed over
  // The reports of the sentence before, [quote_from, quote_to), when it was a quote standing alone (“…”).
  std::size_t quote_from = 0, quote_to = 0;
  // A list of givers after a total (现将捐款情况公布如下：/ 甲公司　5万元 / 乙公司　3万元 …): the gifts
  // listed so far, and the report of the total they are parts of.
  struct OpenList {
    std::size_t total;
    std::int64_t sum = 0;
    std::vector<AidReport> parts;
  };
  std::optional<OpenList> listing;
  // The listed gifts replace the total when they add up to it; otherwise the total stands alone.
  auto close_list = [&] {
    if (!listing) return;
    AidReport& total = reports[listing->total];
    if (take_parts_of_total(listing->parts, total, {})) {
      for (auto& r : listing->parts) {
        r.notes.push_back(fmt::format("a part of the total {} listed after it (如下), given by its own giver", format_fen(total.total_fen())));
        r.article_seq = article.seq;
      }
      reports.erase(reports.begin() + static_cast<std::ptrdiff_t>(listing->total));
      for (auto& r : listing->parts) reports.push_back(std::move(r));
      previous_from = reports.size();
      quote_from = quote_to = 0;
      previous_had_amount = false;
    }
    listing.reset();
  };
  // (…and once they reach it, the list is closed.)
  auto add_listed = [&](const std::vector<ListedGift>& gifts, const text::Sentence& sentence) {
    for (const auto& g : gifts) {
      AidReport r;
      r.sentence = sentence.span;
      r.sentence_text = sentence.text;
      r.measure = {sentence.page_offset(g.amount.span.begin), sentence.page_offset(g.amount.span.end)};
      r.donor = of_own_district(g.donor, gazetteer_);
      r.donor_as_written = std::string(sentence.text.substr(g.giver.begin, g.giver.end - g.giver.begin));
      r.donor_basis = "subject";
      r.distribution = "single";
      r.approximate = g.amount.approximate;
      r.allocations.push_back({});
      r.allocations.front().amount_fen = g.amount.value;
      listing->sum += g.amount.value;
      listing->parts.push_back(std::move(r));
    }
    if (listing->sum >= reports[listing->total].total_fen()) close_list();
  };
  std::size_t paragraph = 0;
  // A fair or consumption drive named earlier in the paragraph is where its later sales were made
  // (…展销会在某广场举办。甲乡、乙镇的农产品分别销售8.2万元、6.5万元).
  bool fair_in_paragraph = false;
  for (const auto& sentence : sentences) {
    if (sentence.paragraph != paragraph) {
      paragraph = sentence.paragraph;
      fair_in_paragraph = false;
      paragraph_last.reset();
      scene_date.reset();
      breakdown_date.reset();
      // (A paragraph opening with 其中 breaks down the total that ended the paragraph before.)
      if (!text::starts_at(text::trim(sentence.text), 0, "其中")) previous_had_amount = false;
      memory.people_counted.reset();
      memory.people_counted_by_place.clear();
    }
    // A bulleted brief (●近日，…) is a story of its own: where the one before stood is not where it stands.
    {
      constexpr std::u32string_view kBullets = U"●◆■▲★○◎□△";
      std::size_t i = 0;
      while (i < sentence.text.size() && !text::is_han(text::code_point_at(sentence.text, i)) &&
             kBullets.find(text::code_point_at(sentence.text, i)) == std::u32string_view::npos)
        text::next_code_point(sentence.text, i);
      if (i < sentence.text.size() && kBullets.find(text::code_point_at(sentence.text, i)) != std::u32string_view::npos) {
        memory.scene.clear();
        memory.scene_township.clear();
        memory.last_institution.clear();
        memory.last_institution_township.clear();
        memory.people_counted.reset();
        memory.people_counted_by_place.clear();
      }
    }
    detail::SentenceTokens tokens = detail::tokenize(sentence.text, lex, places, directory_);
    resolver.new_sentence();
    for (const auto& m : scan_dates(sentence.text)) {
      const bool in_title = std::any_of(tokens.titles.begin(), tokens.titles.end(), [&](const Span& t) { return t.begin <= m.span.begin && m.span.begin < t.end; });
      if (in_title) continue;
      // (“慈善一日捐”: a day alone inside quotation marks is part of a name.)
      const std::string_view said = m.text_of(sentence.text);
      if (tokens.quoted(m.span.begin) && !m.five_year_plan && said.find("月") == std::string_view::npos &&
          said.find("年") == std::string_view::npos && (said.ends_with("日") || said.ends_with("号")))
        continue;
      // (开展“岁末送温暖”活动: a time inside a short quoted name with no figure names the drive, not
      // when it happened.)
      if (!m.five_year_plan && said.find_first_of("0123456789") == std::string_view::npos)
        if (const auto q = std::find_if(tokens.quotes.begin(), tokens.quotes.end(), [&](const Span& x) { return x.begin <= m.span.begin && m.span.begin < x.end; });
            q != tokens.quotes.end() && text::code_point_count(sentence.text.substr(q->begin, q->end - q->begin)) <= 12) {
          const std::string_view after = std::string_view(sentence.text).substr(std::min(q->end + std::string_view("”").size(), sentence.text.size()));
          if (!after.empty() && std::string_view(",.;:。").find(after.front()) == std::string_view::npos && !text::starts_at(after, 0, "。"))
            continue;
        }
      // (该公司负责人说：“今年7月郑州受灾时，…”: a time in someone's words dates no gift reported after it.)
      if (const std::size_t open = tokens.quoted(m.span.begin) ? tokens.text.rfind("“", m.span.begin) : std::string_view::npos;
          open != std::string_view::npos) {
        const std::string_view lead = tokens.text.substr(0, open);
        if (lead.ends_with("说:") || lead.ends_with("表示:") || lead.ends_with("介绍:") || lead.ends_with("说,") || lead.ends_with("道:"))
          continue;
      }
      if (auto d = resolver.resolve(m)) tokens.dates.push_back({m.span, *d, m.plan, m.five_year_plan, std::string(m.text_of(sentence.text))});
    }
    // (去年12月28日，…开展岁末慰问: a season that holds the day already stated in the segment says
    // nothing more of when.)
    std::erase_if(tokens.dates, [&](const DatedMention& vague) {
      const std::string_view after = std::string_view(tokens.text).substr(vague.span.end);
      const bool period = text::starts_at(after, 0, "以来") || text::starts_at(after, 0, "至今") || text::starts_at(after, 0, "起");
      return vague.date.is_range() && vague.date.precision == Precision::month && !vague.plan && !period &&
             std::any_of(tokens.dates.begin(), tokens.dates.end(), [&](const DatedMention& day) {
               return day.date.precision == Precision::day && day.span.end <= vague.span.begin && !day.plan &&
                      tokens.segment_of(day.span.begin) == tokens.segment_of(vague.span.begin) && vague.date.first <= day.date.first &&
                      day.date.last <= vague.date.last;
             });
    });
    const bool fair_before = fair_in_paragraph;
    fair_in_paragraph = fair_in_paragraph || tokens.has(Cat::consumption, {0, tokens.text.size()});
    SentenceReader reader(tokens, sentence, memory, directory_, gazetteer_, paragraph_last, article_date,
                          consumption_article || fair_before, previous_had_amount);
    reader.scene_date = scene_date;
    reader.breakdown_date = breakdown_date;
    std::vector<AidReport> read = reader.read();
    // An amount refused in the sentence: reported with the reason; no report stands in for it
    // without an amount.
    std::vector<RefusedMeasure> refused = tokens.refused;
    refused.insert(refused.end(), reader.refused.begin(), reader.refused.end());
    for (const auto& x : refused)
      refused_amounts.push_back({{sentence.page_offset(x.span.begin), sentence.page_offset(x.span.end)}, sentence.span, sentence.text, x.reason});
    // A line of a list of givers (甲公司　5万元): its gifts are parts of the total before the list.
    bool listed = false;
    if (listing) {
      if (auto gifts = listed_gifts(tokens, 0)) {
        add_listed(*gifts, sentence);
        read.clear();
        listed = true;
      } else {
        close_list();
      }
    }
    // 共筹集善款12.6万元。其中，甲4万元，乙2.6万元…: the parts by giver are the gifts, in place of
    // the total, when they add up to it; otherwise the total stands and the parts are not read.
    if (reader.breakdown_of_total_before && !read.empty()) {
      if (!reports.empty() && take_parts_of_total(read, reports.back(), reader.parts_without_verb)) {
        for (auto& r : read)
          r.notes.push_back(fmt::format("a part of the total {} read in the sentence before (其中), given by its own giver", format_fen(reports.back().total_fen())));
        reports.pop_back();
      } else {
        read.clear();
      }
    }
    // 共募集善款24万元。这笔善款平均分配给甲乡、乙镇、丙乡三个乡镇…: the sentence after a gift that
    // went nowhere named says where it goes.
    if (!listed && read.empty() && previous_had_amount && !reports.empty() && place_money_of_sentence_before(tokens, memory, reports.back()))
      reports.back().raised_unplaced = false;
    // (Raised money the sentence after did not place went to no one named.)
    reports.erase(std::remove_if(reports.begin() + static_cast<std::ptrdiff_t>(std::min(previous_from, reports.size())), reports.end(),
                                 [](const AidReport& r) { return r.raised_unplaced; }),
                  reports.end());
    if (!listed) giver_of_goods_before(tokens, read, reports, previous_from, directory_, gazetteer_);
    // 某公司为两乡镇的中小学捐赠智慧黑板。两乡镇均获赠12套…: goods the sentence before gave
    // without a figure, counted here with no giver named: its giver's, in place of the actor.
    if (!listed && previous_from < reports.size() && !read.empty()) {
      const AidReport& named = reports[previous_from];
      const bool awaiting = std::all_of(reports.begin() + static_cast<std::ptrdiff_t>(previous_from), reports.end(), [&](const AidReport& r) {
        return !r.has_amount() && !r.has_quantity() && r.kind == Kind::in_kind && r.donor == named.donor;
      });
      const bool named_giver = named.donor_basis != "article actor" && named.donor_basis != "unknown" && !named.donor.empty();
      const bool stood_in = std::all_of(read.begin(), read.end(), [](const AidReport& r) {
        return r.kind == Kind::in_kind && (r.donor_basis == "article actor" || r.donor_basis == "unknown");
      });
      if (awaiting && named_giver && stood_in) {
        for (auto& r : read) {
          r.donor = named.donor;
          r.donor_as_written = named.donor_as_written;
          r.donor_basis = "earlier clause";
          if (r.item.empty()) r.item = named.item;
          r.notes.push_back(fmt::format("the goods the sentence before gave without a figure: {}", named.sentence_text));
        }
        reports.resize(previous_from);  // (the same gift, now counted)
      }
    }
    if (read.empty() && !listed) count_per_unit_of_sentence_before(tokens, reports, previous_from);
    // (这批轮椅价值3.2万元，已交付使用: a sentence valuing "these" goods may read a gift of its own
    // out of its later verb; the goods before are what it values, and its own reading goes.)
    if (!listed && (read.empty() || !reports.empty()) &&
        value_goods_of_sentence_before(tokens, reports, valued_from.value_or(previous_from), read.empty()))
      read.clear();
    // (送去电暖器40台。工作人员现场安装调试。这批电暖器价值3.2万元: one sentence with no figure
    // and no gift between counted goods and their value is passed over.)
    std::optional<std::size_t> next_valued_from;
    if (read.empty() && tokens.measures.empty() && !listed && !valued_from && previous_from < reports.size()) next_valued_from = previous_from;
    for (std::size_t i = previous_from; i < reports.size(); ++i) reports[i].uncounted.reset();
    // (Goods the sentence before handed over uncounted, and this one did not value: no gift read.)
    reports.erase(std::remove_if(reports.begin() + static_cast<std::ptrdiff_t>(std::min(previous_from, reports.size())), reports.end(),
                                 never_completed),
                  reports.end());
    previous_from = reports.size();
    valued_from = next_valued_from && *next_valued_from < reports.size() ? next_valued_from : std::nullopt;
    const std::size_t pushed_from = reports.size();
    for (auto& r : read) {
      if (!refused.empty() && !r.has_amount() && !r.has_quantity()) continue;
      r.article_seq = article.seq;
      if (r.status == Status::pledged && !r.donor.empty() && r.donor_basis != "article actor" && r.donor_basis != "unknown") {
        memory.pledge_giver = r.donor;
        memory.pledge_giver_written = r.donor_as_written;
        memory.pledge_kind = r.kind;
      }
      reports.push_back(std::move(r));
    }
    // …现将捐款情况公布如下：(甲公司5万元、乙公司3万元…): what the sentence read of the list is
    // not read as its own gifts; the list's gifts are parts of the total read last.
    if (const std::size_t cue = listed ? std::string_view::npos : list_cue_end(tokens.text); cue != std::string_view::npos) {
      // (The list follows in this sentence, or on the lines after it; 公示如下：2022年度，高新区共…
      // goes on in prose, and is no list.)
      const auto gifts = listed_gifts(tokens, cue);
      bool list_follows = true;
      for (std::size_t i = cue; i < tokens.text.size() && list_follows;) {
        const char32_t cp = text::next_code_point(tokens.text, i);
        if (cp == U'(') i = std::min(tokens.text.size(), tokens.text.find(')', i));  // (排名不分先后)
        else list_follows = !text::is_han(cp);
      }
      if (gifts || list_follows) {
        const std::size_t cue_at = sentence.page_offset(cue);
        while (reports.size() > pushed_from && reports.back().measure.begin >= cue_at) reports.pop_back();
        if (!reports.empty() && reports.back().has_amount() && reports.back().allocations.size() == 1 && !reports.back().aggregate) {
          listing = OpenList{reports.size() - 1, 0, {}};
          if (gifts) add_listed(*gifts, sentence);
        }
      }
    }
    // Memory: the last organisation named (for 该公司/其 in later sentences).
    const auto& orgs = tokens.organisations;
    for (const auto& [span, name] : orgs)
      for (std::string_view d : kDelegations)
        if (starts_at(tokens.text, span.end, d)) memory.delegation = name;
    for (const auto& [span, name] : orgs) memory.remember(std::string(tokens.slice(span)), name);
    if (!orgs.empty()) {
      // (甲会联合乙基金会向两乡镇捐赠…。该会还…: the one who led is meant, not its partner.)
      std::size_t last = orgs.size() - 1;
      if (last > 0) {
        const LexToken* between = tokens.word_at(orgs[last - 1].first.end);
        if (between && between->is(Cat::together) && between->span.end == orgs[last].first.begin && between->span.begin == orgs[last - 1].first.end) {
          --last;
          memory.remember(std::string(tokens.slice(orgs[last].first)), orgs[last].second);
        }
      }
      memory.last_organisation = orgs[last].second;
      memory.last_organisation_written = std::string(tokens.slice(orgs[last].first));
    }
    for (const auto& [span, name] : orgs)
      if (hosts_event(tokens.text, span)) {
        memory.host = name;
        memory.host_written = std::string(tokens.slice(span));
      }
    // (说起恒信达，…: a company named again by its brand alone is the latest named again.)
    memory.recall_by_brand(tokens.text, orgs.empty() ? 0 : orgs.back().first.end);
    // A person named after an office (董事长赵永恒, 主任周敏也…) or a private person's title
    // (退休教师李桂兰: 她 alone is then her).
    remember_person(memory, tokens, tokens.text.size());
    for (auto r = reports.begin() + static_cast<std::ptrdiff_t>(pushed_from); r != reports.end(); ++r)
      if (!r->donor.empty()) memory.person_gave_last = r->donor_basis == "person" && r->donor == memory.last_person;
    // The people this sentence counts, for 每人/每户 in the next one.
    memory.people_counted = count_in(tokens.text, tokens.text.size(), 0);
    // (此次共慰问45户, 共走访56户, 共有42名: a total of the people of the story.)
    for (std::size_t at = tokens.text.find("共"); at != std::string_view::npos; at = tokens.text.find("共", at + 3)) {
      std::size_t i = at + std::string_view("共").size();
      for (int chars = 0; chars < 8 && i < tokens.text.size(); ++chars) {
        const std::size_t here = i;
        const char32_t cp = text::next_code_point(tokens.text, i);
        if (!is_count_numeral(cp)) continue;
        const std::size_t e = count_numerals_end(tokens.text, here, tokens.text.size());
        for (std::string_view u : {"户", "名", "人", "位", "家"})
          if (starts_at(tokens.text, e, u))
            if (auto n = parse_integer(tokens.text.substr(here, e - here)); n && *n > 0) memory.people_totalled = std::make_pair(*n, std::string(u));
        break;
      }
    }
    memory.people_counted_by_place.clear();
    for (const auto& [place, n] : counts_by_place(tokens, 0, tokens.text.size()))
      memory.people_counted_by_place.emplace_back(place.name, place.township, n);
    for (const auto& d : tokens.dates)
      if (!d.plan) paragraph_last = d.date;
    // 一、2022年工作回顾 (a heading: a short line with no full stop), or 2023年，高新区… (a lead
    // opening with the year): the year the part of the article that follows is about.
    for (const auto& d : tokens.dates) {
      if (d.plan || d.date.precision != Precision::year) continue;
      std::size_t lead = 0;
      auto skip_marks = [&] {
        while (lead < d.span.begin && !text::is_han(text::code_point_at(tokens.text, lead))) text::next_code_point(tokens.text, lead);
      };
      skip_marks();
      for (std::string_view opening : {"本报讯", "一、", "二、", "三、", "四、", "五、", "六、"})
        if (starts_at(tokens.text, lead, opening)) lead += opening.size();
      skip_marks();
      const bool heading = tokens.text.find("。") == std::string_view::npos && text::code_point_count(tokens.text) <= 30;
      // (报告显示，2020年，…: a short lead of who says it, then the year.)
      // (记者从县乡村振兴部门获悉，2024年，…: a longer one when it ends in a word of telling.)
      if (lead < d.span.begin && text::ends_at(tokens.text, d.span.begin, ",") && text::all_han(tokens.slice(lead, d.span.begin - 1))) {
        const std::string_view who = tokens.slice(lead, d.span.begin - 1);
        bool telling = false;
        for (std::string_view w : {"获悉", "了解到", "显示", "介绍"}) telling = telling || text::ends_at(who, who.size(), w);
        if (text::code_point_count(who) <= 6 || (telling && text::code_point_count(who) <= 20)) lead = d.span.begin;
      }
      if (lead == d.span.begin && (heading || starts_at(tokens.text, d.span.end, ","))) memory.section_year = d.date;
      // (召开2019年度工作总结表彰大会, printed in January 2020: the year the report looks back on.)
      const bool year_of_report = (starts_at(tokens.text, d.span.end, "度") || d.written.ends_with("年度")) && article_date &&
                                  d.date.last < article_date->first;
      bool looks_back = false;
      for (std::string_view w : {"总结", "工作报告", "回顾", "述职"}) looks_back = looks_back || tokens.text.find(w) != std::string_view::npos;
      if (year_of_report && looks_back) memory.section_year = d.date;
      break;
    }
    {
      std::vector<const PlaceMention*> named;
      bool collective = false;
      for (const auto& p : tokens.places) {
        if (tokens.quoted(p.span.begin)) continue;
        if (p.level == PlaceLevel::collective) collective = true;
        else if (!p.township.empty()) named.push_back(&p);
      }
      // A scene is a village, school or clinic, or a township one goes to (来到甲乡, 在甲乡): a
      // township named in passing (甲乡一位村干部说) is none.
      const bool goes_there = std::any_of(named.begin(), named.end(), [&](const PlaceMention* p) {
        if (p->level != PlaceLevel::township) return true;
        // (来到卢氏县甲乡: the county named before its township.)
        std::size_t from = p->span.begin;
        for (const auto& c : tokens.places)
          if (c.level == PlaceLevel::county && c.span.end == from) from = c.span.begin;
        const LexToken* w = tokens.word_before(from);
        return w && (w->cats & (bit(Cat::arrive) | bit(Cat::to) | bit(Cat::give) | bit(Cat::give_paid)));
      });
      const bool one_township = !named.empty() && std::all_of(named.begin(), named.end(), [&](const PlaceMention* p) {
        return p->township == named.front()->township;
      });
      if (collective || (!named.empty() && !one_township)) {
        memory.scene.clear();
        memory.scene_township.clear();
      } else if (one_township && goes_there) {
        // The most specific place named (甲乡敬老院 over 甲乡).
        // (Several villages of it, 与甲村、乙村、丙村开展共建: the township they are in.)
        const PlaceMention* best = named.front();
        std::vector<std::string_view> specific;
        for (const PlaceMention* p : named)
          if (p->level != PlaceLevel::township) {
            best = p;
            if (std::find(specific.begin(), specific.end(), p->name) == specific.end()) specific.push_back(p->name);
          }
        memory.scene = specific.size() > 1 ? best->township : best->name;
        memory.scene_township = best->township;
      }
    }
    for (const auto& p : tokens.places) {
      if (p.level != PlaceLevel::collective && !p.township.empty()) {
        memory.last_township = p.township;
        memory.saw_township(p.township);
      }
      if ((p.level == PlaceLevel::school || p.level == PlaceLevel::clinic) && !p.township.empty()) {
        memory.last_institution = p.name;
        memory.last_institution_township = p.township;
      }
      if (p.level == PlaceLevel::school && !p.township.empty()) {
        // (In the order first named: 两校 lists them as they were introduced, 甲村小学和乙村小学.)
        auto& schools = memory.recent_schools;
        if (std::none_of(schools.begin(), schools.end(), [&](const auto& x) { return x.first == p.name; })) schools.emplace_back(p.name, p.township);
        if (schools.size() > 8) schools.erase(schools.begin());
      }
    }
    // “…刚给俺们送来2千5的米面油…”在甲乡敬老院，院长对记者说: the gifts of the quote went where
    // its speaker stands.
    if (quote_from < quote_to && read.empty() && tokens.measures.empty()) {
      const std::size_t at = tokens.han_from(0, tokens.text.size());
      const bool says = tokens.text.find("说") != std::string_view::npos || tokens.text.find("表示") != std::string_view::npos;
      const PlaceMention* where = nullptr;
      if (starts_at(tokens.text, at, "在"))
        for (const auto& p : tokens.places)
          if (p.span.begin == at + std::string_view("在").size() && !p.township.empty() && p.level != PlaceLevel::collective) where = &p;
      if (says && where)
        for (std::size_t i = quote_from; i < quote_to && i < reports.size(); ++i)
          if (reports[i].allocations.size() == 1 && reports[i].allocations.front().township == kJoint) {
            Allocation& a = reports[i].allocations.front();
            a.recipient = where->name;
            a.township = where->township;
            a.covers.clear();
            reports[i].distribution = "single";
            reports[i].notes.push_back("a gift told in a quote: where its speaker stands, named after it");
          }
    }
    quote_from = quote_to = 0;
    {
      const std::string_view t = text::trim(tokens.text);
      if (starts_at(t, 0, "“") && text::ends_at(t, t.size(), "”") && reports.size() > pushed_from) {
        quote_from = pushed_from;
        quote_to = reports.size();
      }
    }
    previous_had_amount = std::any_of(reports.begin() + static_cast<std::ptrdiff_t>(pushed_from), reports.end(),
                                      [](const AidReport& r) { return r.has_amount(); });
    // (A day, a month or a short season such as 岁末; not a year, which is as often background.)
    breakdown_date.reset();
    for (const auto& d : tokens.dates)
      if (!d.plan && !d.five_year_plan) breakdown_date = d.date;
    scene_date.reset();
    if (tokens.measures.empty())
      for (const auto& d : tokens.dates) {
        // (…or a longer time that opens the sentence: 2020年春季，受疫情影响…。某公司得知后，为…捐赠….)
        // (Not when that sentence told a gift of its own: 四年前，某公司曾捐赠电脑…。这一次，….)
        const bool opens = d.span.begin == tokens.text.find_first_not_of(' ') && tokens.clause_of(d.span.begin) == 0 &&
                           !tokens.has(Cat::give, {0, tokens.text.size()}) && !tokens.has(Cat::give_paid, {0, tokens.text.size()});
        // (Not a year alone, which is as often background: 2018年，郑州市确定…结对帮扶….)
        if (!d.plan && !d.five_year_plan && d.date.precision != Precision::year &&
            (opens || date::sys_days(d.date.last) - date::sys_days(d.date.first) <= date::days(62)))
          scene_date = d.date;
      }
  }
  close_list();
  reports.erase(std::remove_if(reports.begin(), reports.end(), never_completed), reports.end());
  drop_totals_itemised_after(reports);
  if (context_out) context_out->refused = std::move(refused_amounts);
  return reports;
}

}  // namespace aidledger::extract
