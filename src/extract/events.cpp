// Aid events of one article: each sentence is read into typed tokens (tokens.cpp), and each
// amount or quantity fills a frame: giver (givers.cpp), recipients (recipients.cpp), status,
// scope, kind and distribution (frames.cpp). A SentenceReader (sentence_reader.hpp) puts them
// together for one sentence, and across_sentences.cpp joins a sentence to the one before. This
// file reads the article sentence by sentence and keeps its memory (last organisation, townships,
// actor, dates) from sentence to sentence.
#include "aidledger/extract/events.hpp"

#include <algorithm>
#include <charconv>
#include <cctype>

#include <fmt/format.h>

#include "aidledger/extract/frame.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"
#include "sentence_reader.hpp"

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

using detail::DatedMention;
using detail::SentenceReader;
using detail::count_in;
using detail::count_numerals_end;
using detail::count_per_unit_of_sentence_before;
using detail::counts_by_place;
using detail::drop_totals_itemised_after;
using detail::giver_of_goods_before;
using detail::hosts_event;
using detail::kDelegations;
using detail::of_own_district;
using detail::place_money_of_sentence_before;
using detail::place_goods_of_sentence_before;
using detail::remember_person;
using detail::take_parts_of_total;
using detail::price_goods_of_sentence_before;
using detail::value_goods_of_sentence_before;
using text::starts_at;

// A report that waited for the next sentence and did not get what it needed: raised money it did
// not place, goods handed over it did not value. No such report is kept.
bool never_completed(const AidReport& r) { return r.raised_unplaced || (r.awaits_value && !r.has_amount()); }

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
    // (…公布如下(单位:元): the parenthesis says what the list's figures are; its colon is not the cue's.)
    if (starts_at(text, end, "(")) {
      const std::size_t close = text.find(')', end);
      if (close != std::string_view::npos && close <= end + 30) end = close + 1;
    }
    if (const std::size_t colon = text.find(':', end); colon != std::string_view::npos && colon <= end + 30) end = colon + 1;
    return end;
  }
  return std::string_view::npos;
}

// The money unit a list's cue gives its bare figures ((单位:元) → 100 fen, (单位:万元) → 1,000,000), or 0.
std::int64_t list_unit_fen(std::string_view text) {
  const std::size_t at = text.find("单位:");
  if (at == std::string_view::npos) return 0;
  const std::string_view unit = text.substr(at + std::string_view("单位:").size());
  if (starts_at(unit, 0, "万元")) return 1000000;
  if (starts_at(unit, 0, "元")) return 100;
  return 0;
}

// The lines of a list under a cue that gave its unit (郑州某公司　80000 / 机关干部职工　24500), from
// `from` in `s`: each a name (Han characters) and a bare figure after spaces, in the cue's unit.
// Nothing unless the text from `from` is such lines and nothing else.
std::optional<std::vector<ListedGift>> bare_listed_gifts(const detail::SentenceTokens& s, std::size_t from, std::int64_t unit_fen,
                                                         const Directory& d) {
  std::vector<ListedGift> gifts;
  const std::string_view t = s.text;
  std::size_t i = from;
  auto skip_blank = [&] {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n' || t[i] == '\r' || t[i] == ';' || t[i] == ',' || t[i] == '.')) ++i;
  };
  for (skip_blank(); i < t.size(); skip_blank()) {
    const std::size_t name_at = i;
    while (i < t.size() && text::is_han(text::code_point_at(t, i))) text::next_code_point(t, i);
    const std::size_t name_end = i;
    if (name_end == name_at || text::code_point_count(t.substr(name_at, name_end - name_at)) > 24) return std::nullopt;
    while (i < t.size() && t[i] == ' ') ++i;
    if (i == name_end) return std::nullopt;  // (a figure must stand apart from its name)
    const std::size_t figure_at = i;
    std::string figure;
    while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == ',')) {
      if (t[i] != ',') figure += t[i];
      ++i;
    }
    const auto value = parse_integer(figure);
    if (!value || *value <= 0 || *value > std::numeric_limits<std::int64_t>::max() / unit_fen) return std::nullopt;
    ListedGift g;
    g.giver = {name_at, name_end};
    g.donor = d.canonical(t.substr(name_at, name_end - name_at));
    g.amount.kind = MeasureKind::money;
    g.amount.span = {figure_at, i};
    g.amount.value = *value * unit_fen;
    gifts.push_back(std::move(g));
  }
  if (gifts.empty()) return std::nullopt;
  return gifts;
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

// A village's school or a township's clinic or office, where gifts go (双龙湾镇东虎岭村小学, 甲乡卫生院,
// 某镇党政办公室): never the article's actor.
bool place_of_gifts(const std::string& name) {
  // (A village's, 东虎岭村小学; not 农业农村局.)
  for (std::size_t at = name.find("村"); at != std::string::npos; at = name.find("村", at + 3))
    if (!(at >= 3 && name.compare(at - 3, 3, "农") == 0)) return true;
  const bool of_township = name.find("乡") != std::string::npos || name.find("镇") != std::string::npos;
  for (std::string_view local : {"小学", "中学", "学校", "卫生院", "卫生室", "幼儿园", "敬老院", "政府", "党委", "办公室"})
    if (of_township && text::ends_at(name, name.size(), local)) return true;
  return false;
}

// The organisation the article is about: a known one in the title, else one named there by its
// ending, else the first known one in the body.
std::string article_actor(std::string_view page_text, const text::Article& a, const Directory& d) {
  auto in_title = detail::organisations_in(a.title, d);
  std::erase_if(in_title, [](const auto& o) { return place_of_gifts(o.second); });
  if (auto t = d.find_known(a.title)) {
    // (高新区总工会赴卢氏…: the known 高新区 only begins the body the title is about.)
    for (const auto& o : in_title)
      if (o.first.begin <= t->first.begin && t->first.end <= o.first.end && o.first.end - o.first.begin > t->first.end - t->first.begin)
        return o.second;
    return t->second;
  }
  if (!in_title.empty()) return in_title.front().second;
  // The first organisation the lead names (本报讯 …，区总工会一行来到…) when the page names no
  // known organisation, or only inside that one (高新区 in 高新区总工会); else the known one.
  const std::string_view body = a.span.of(page_text);
  // (…“中秋还没到，亲戚先来串门了。”9月18日，某办事处党工委一行…: a full stop inside a quote
  // ends no lead.)
  std::size_t stop = std::string_view::npos;
  for (std::size_t at = 0, depth = 0; at < body.size();) {
    if (starts_at(body, at, "“")) ++depth;
    else if (starts_at(body, at, "”") && depth > 0) --depth;
    else if (depth == 0 && starts_at(body, at, "。")) {
      stop = at;
      break;
    }
    text::next_code_point(body, at);
  }
  const std::size_t lead_end = stop == std::string_view::npos ? body.size() : stop + std::string_view("。").size();
  auto in_lead = detail::organisations_in(body.substr(0, lead_end), d);
  // (双龙湾镇东虎岭村小学的孩子们格外开心: a village's school or a township's clinic is where gifts
  // go, not the article's actor.)
  std::erase_if(in_lead, [](const auto& o) { return place_of_gifts(o.second); });
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
        // (本报讯 元旦前夕，…来到…, 本报讯 上月底，…: a holiday or a part of last month opening the
        // lead is when the story happened, though no day is written.)
        const bool opens_lead = text::code_point_count(s.text.substr(0, m.span.begin)) <= 16;
        const bool month_part_lead = opens_lead && m.relative == Relative::last_month && m.period != Period::none && m.from.day == 0;
        if (m.plan || (m.relative != Relative::none && !day_from_page && !month_part_lead)) continue;
        const bool holiday_lead = opens_lead && (m.holiday != Holiday::none || month_part_lead);
        if (auto d = probe.resolve(m); d && holiday_lead) {
          ctx.date = d;
          break;
        } else if (d) {
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
  // (郑州某某有限公司 / 情系深山学子…, then 这批由该公司捐赠的…: a body named only in the title is
  // what the article's pronouns may refer to.)
  // (Only a registered name, opening with a region (郑州…, 河南…) or a known body; not the words
  // of a headline that end like one, 五一假期卢氏山货走俏超市.)
  for (const auto& o : detail::organisations_in(article.title, directory_)) {
    const std::string_view written = o.first.of(article.title);
    const auto known = directory_.find_known(written);
    bool registered = known && known->first.begin == 0;
    for (const auto& w : lex.scan(written)) registered = registered || (w.is(Cat::region) && w.span.begin == 0);
    if (registered && !place_of_gifts(o.second)) memory.remember(std::string(written), o.second);
  }
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
  // The giver the sentence before named doing the giving without a figure (当天，某慈善总会在两乡镇
  //集中发放助学金。两乡镇分别有24名、28名…每人1500元): the giver of gifts this sentence reads with
  // no giver of their own. Canonical and as written.
  std::optional<std::pair<std::string, std::string>> scene_giver;
  std::optional<DateRange> breakdown_date;  // see SentenceReader::breakdown_date
  std::size_t previous_from = 0;  // the reports of the sentence before start here
  // The reports of the last sentence that read any start here; sentences read since that read none.
  std::size_t last_read_from = 0;
  int sentences_since_read = 0;
  std::optional<std::size_t> valued_from;  // the goods a value may be of, when the sentence before was passed over
  // The reports of the sentence before, [quote_from, quote_to), when it was a quote standing alone (“…”).
  std::size_t quote_from = 0, quote_to = 0;
  // A list of givers after a total (现将捐款情况公布如下：/ 甲公司　5万元 / 乙公司　3万元 …): the gifts
  // listed so far, and the report of the total they are parts of.
  struct OpenList {
    std::size_t total;
    std::int64_t sum = 0;
    std::vector<AidReport> parts;
    std::int64_t unit_fen = 0;  // (单位:元): the unit of figures written bare on the list's lines
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
      scene_giver.reset();
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
      const bool period = runs_on_to_now(after, 0) || text::starts_at(after, 0, "起");
      return vague.date.is_range() && vague.date.precision == Precision::month && !vague.plan && !period &&
             std::any_of(tokens.dates.begin(), tokens.dates.end(), [&](const DatedMention& day) {
               return day.date.precision == Precision::day && day.span.end <= vague.span.begin && !day.plan &&
                      tokens.segment_of(day.span.begin) == tokens.segment_of(vague.span.begin) && vague.date.first <= day.date.first &&
                      day.date.last <= vague.date.last;
             });
    });
    // (去年12月28日至今年1月3日: two dates written as the ends of one range, each read on its own,
    // are one range from the first to the second.)
    for (std::size_t i = 0; i + 1 < tokens.dates.size(); ++i) {
      DatedMention& a = tokens.dates[i];
      const DatedMention& b = tokens.dates[i + 1];
      const std::string_view between = std::string_view(tokens.text).substr(a.span.end, b.span.begin - a.span.end);
      // (The second reads as a deadline, 至今年1月3日, only for the 至 before it.)
      if ((between != "至" && between != "到" && between != "—" && between != "-" && between != "~") || a.plan ||
          a.date.precision != b.date.precision || a.date.precision == Precision::year || !(a.date.first < b.date.last))
        continue;
      a.date.last = b.date.last;
      a.plan = false;
      a.span.end = b.span.end;
      a.written += std::string(between) + b.written;
      tokens.dates.erase(tokens.dates.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
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
      std::optional<std::vector<ListedGift>> gifts = listed_gifts(tokens, 0);
      if (!gifts && listing->unit_fen > 0 && tokens.measures.empty()) gifts = bare_listed_gifts(tokens, 0, listing->unit_fen, directory_);
      if (gifts) {
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
    // (…捐赠食用油400桶。食用油每桶价值79元。上述物资由…转交甲乡、乙镇: a sentence that only valued
    // the goods may stand between.)
    else if (!listed && read.empty() && sentences_since_read <= 1)
      place_goods_of_sentence_before(tokens, memory, reports, previous_from < reports.size() ? previous_from : last_read_from);
    // (Raised money the sentence after did not place went to no one named.)
    reports.erase(std::remove_if(reports.begin() + static_cast<std::ptrdiff_t>(std::min(previous_from, reports.size())), reports.end(),
                                 [](const AidReport& r) { return r.raised_unplaced; }),
                  reports.end());
    // 甲公司捐款5万元；乙、丙各捐款2万元…。据统计，此次活动会员企业共捐款10.4万元: a total of this
    // occasion that sums the gifts the sentence before listed tells them again; no new money.
    if (!listed && read.size() == 1 && read.front().has_amount() && !read.front().aggregate && reports.size() >= previous_from + 2 &&
        tokens.has(Cat::total, {0, tokens.text.size()}) && tokens.has(Cat::occasion, {0, tokens.text.size()})) {
      std::int64_t sum = 0;
      int sums = 0;
      bool same_status = true;
      for (std::size_t i = previous_from; i < reports.size(); ++i) {
        if (!reports[i].has_amount()) continue;  // (goods counted only: no part of a sum of money)
        same_status = same_status && reports[i].status == read.front().status;
        ++sums;
        for (const auto& a : reports[i].allocations) sum += a.amount_fen.value_or(0);
      }
      std::int64_t said = 0;
      for (const auto& a : read.front().allocations) said += a.amount_fen.value_or(0);
      if (same_status && sums >= 2 && sum == said) read.clear();
    }
    if (!listed) giver_of_goods_before(tokens, read, reports, previous_from, directory_, gazetteer_, memory);
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
    // (…各捐赠棉被300床。据介绍，棉被每床价值150元，羽绒服每件价值260元: prices of one, for the
    // counted goods before.)
    const bool priced_before = read.empty() && !listed && price_goods_of_sentence_before(tokens, reports, previous_from);
    // (这批轮椅价值3.2万元，已交付使用: a sentence valuing "these" goods may read a gift of its own
    // out of its later verb; the goods before are what it values, and its own reading goes.)
    if (!listed && !priced_before && (read.empty() || !reports.empty()) &&
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
    if (read.empty()) {
      ++sentences_since_read;
    } else {
      last_read_from = pushed_from;
      sentences_since_read = 0;
    }
    for (auto& r : read) {
      if (!refused.empty() && !r.has_amount() && !r.has_quantity()) continue;
      r.article_seq = article.seq;
      if (scene_giver && r.donor_basis == "article actor") {
        r.donor = scene_giver->first;
        r.donor_as_written = scene_giver->second;
        r.donor_basis = "sentence before";
      }
      if (r.status == Status::pledged && !r.donor.empty() && r.donor_basis != "article actor" && r.donor_basis != "unknown") {
        memory.pledge_giver = r.donor;
        memory.pledge_giver_written = r.donor_as_written;
        memory.pledge_kind = r.kind;
        memory.pledge_places.clear();
        for (const auto& a : r.allocations)
          if (a.township == kJoint) {
            for (const auto& t : a.covers) memory.pledge_places.emplace_back(t, t);
          } else if (!a.township.empty()) {
            memory.pledge_places.emplace_back(a.recipient, a.township);
          }
      }
      if (!r.donor.empty() && r.donor_basis != "article actor" && r.donor_basis != "unknown") {
        memory.named_giver = r.donor;
        memory.named_giver_written = r.donor_as_written;
      }
      reports.push_back(std::move(r));
    }
    // …现将捐款情况公布如下：(甲公司5万元、乙公司3万元…): what the sentence read of the list is
    // not read as its own gifts; the list's gifts are parts of the total read last.
    if (const std::size_t cue = listed ? std::string_view::npos : list_cue_end(tokens.text); cue != std::string_view::npos) {
      // (The list follows in this sentence, or on the lines after it; 公示如下：2022年度，高新区共…
      // goes on in prose, and is no list.)
      const std::int64_t unit_fen = list_unit_fen(tokens.text.substr(cue >= 30 ? cue - 30 : 0, std::min<std::size_t>(cue, 30)));
      auto gifts = listed_gifts(tokens, cue);
      if (!gifts && unit_fen > 0) gifts = bare_listed_gifts(tokens, cue, unit_fen, directory_);
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
          listing = OpenList{reports.size() - 1, 0, {}, unit_fen};
          if (gifts) add_listed(*gifts, sentence);
        }
      }
    }
    // Memory: the last organisation named (for 该公司/其 in later sentences).
    const auto& orgs = tokens.organisations;
    // (高新区总工会一行来到…。慰问组为60户…: a body's party, 一行, is the delegation named later.)
    // (区总工会、妇联、团工委一行: several bodies' party; the first named leads it.)
    for (std::size_t i = 0; i < orgs.size(); ++i) {
      std::size_t lead = i;
      while (lead > 0) {
        const std::string_view between = std::string_view(tokens.text).substr(orgs[lead - 1].first.end, orgs[lead].first.begin - orgs[lead - 1].first.end);
        if (between != "、" && between != "和" && between != "与" && between != "及") break;
        --lead;
      }
      const Span span = orgs[i].first;
      for (std::string_view d : kDelegations)
        if (starts_at(tokens.text, span.end, d)) memory.delegation = orgs[lead].second;
      if (starts_at(tokens.text, span.end, "一行")) memory.delegation = orgs[lead].second;
    }
    // (某超市在其科学大道门店设立…。其累计销售…: a branch named as its own (其/该 before it) is the
    // organisation before it, not one of its own.)
    auto own_branch = [&](const Span& span) {
      return span.begin >= 3 && (text::ends_at(tokens.text, span.begin, "其") || text::ends_at(tokens.text, span.begin, "该"));
    };
    for (const auto& [span, name] : orgs)
      if (!own_branch(span)) memory.remember(std::string(tokens.slice(span)), name);
    std::size_t named_orgs = orgs.size();
    while (named_orgs > 0 && own_branch(orgs[named_orgs - 1].first)) --named_orgs;
    if (named_orgs > 0) {
      // (甲会联合乙基金会向两乡镇捐赠…。该会还…: the one who led is meant, not its partner.)
      std::size_t last = named_orgs - 1;
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
    scene_giver.reset();
    if (tokens.measures.empty() && read.empty())
      for (std::size_t c = 0; c < tokens.clauses.size() && !scene_giver; ++c) {
        const LexToken* verb = nullptr;
        for (const auto& w : tokens.words)
          if (!verb && w.span.begin >= tokens.clauses[c].begin && w.span.end <= tokens.clauses[c].end && (w.is(Cat::give) || w.is(Cat::give_paid)))
            verb = &w;
        if (!verb) continue;
        const auto g = detail::giver_in_clause(tokens, c, verb->span.begin, directory_, gazetteer_, memory);
        // (Only a name written whole, known or opening with a region: 区党工委 stays the actor's.)
        bool whole = false;
        if (g && !g->canonical.empty()) {
          const auto known = directory_.find_known(g->canonical);
          whole = known && known->first.begin == 0;
          for (const auto& w : lex.scan(g->canonical)) whole = whole || (w.is(Cat::region) && w.span.begin == 0);
        }
        if (g && whole && g->basis == "subject" && g->members.size() == 1 && directory_.has_organisation_ending(g->written) &&
            !place_of_gifts(g->canonical) && g->canonical != ctx.actor)
          scene_giver = std::make_pair(g->canonical, g->written);
        break;
      }
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
