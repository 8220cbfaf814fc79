// Passes across sentences, run by EventExtractor::extract (events.cpp) once a sentence is read: a
// sentence that places, values, counts or names the giver of what the sentence before read, and a
// joint total that the sentences after it itemise.
#include "sentence_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

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

// 捐赠月饼600盒…；某公司捐赠食用油400桶。上述物资由区慈善总会转交甲乡、乙镇…，两乡镇各分得一半:
// goods the sentence before gave nowhere named go to the townships this sentence names after a
// marker: halves (or equal shares) when it says so and every count and value divides, else one
// joint line each.
bool place_goods_of_sentence_before(const detail::SentenceTokens& s, const detail::ArticleMemory& memory, std::vector<AidReport>& reports,
                                    std::size_t from) {
  if (!s.measures.empty() || from >= reports.size()) return false;
  for (std::size_t i = from; i < reports.size(); ++i) {
    const AidReport& r = reports[i];
    if (r.kind != Kind::in_kind || r.aggregate || r.allocations.size() != 1) return false;
    if (!r.allocations.front().township.empty() && r.allocations.front().township != kJoint) return false;
  }
  std::size_t marker_end = std::string_view::npos;
  for (const auto& w : s.words)
    if (w.cats & (bit(Cat::to) | bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::hand_over))) {
      marker_end = w.span.end;
      break;
    }
  if (marker_end == std::string_view::npos) return false;
  bool refers = false;
  for (std::string_view w : {"上述物资", "上述物品", "上述", "以上物资", "这些物资", "这批物资", "这些物品"})
    if (const std::size_t at = s.text.find(w); at != std::string_view::npos && at < marker_end && text::code_point_count(s.text.substr(0, at)) <= 6)
      refers = true;
  if (!refers) return false;
  std::vector<std::string> townships;
  for (const auto& p : s.places) {
    if (p.span.begin < marker_end || p.level == PlaceLevel::county || s.quoted(p.span.begin)) continue;
    if (p.level == PlaceLevel::collective) {
      if (!townships.empty()) continue;
      const auto& both = memory.townships_counted(p.count);
      if (static_cast<int>(both.size()) != p.count) return false;
      townships.insert(townships.end(), both.begin(), both.end());
      continue;
    }
    if (p.township.empty()) return false;
    if (std::find(townships.begin(), townships.end(), p.township) == townships.end()) townships.push_back(p.township);
  }
  if (townships.empty()) return false;
  // (Goods given to the townships together go to those same townships: only the shares are new.)
  for (std::size_t i = from; i < reports.size(); ++i) {
    const Allocation& a = reports[i].allocations.front();
    if (a.township == kJoint && (a.covers.size() != townships.size() ||
                                 !std::all_of(a.covers.begin(), a.covers.end(), [&](const std::string& t) {
                                   return std::find(townships.begin(), townships.end(), t) != townships.end();
                                 })))
      return false;
  }
  const auto n = static_cast<std::int64_t>(townships.size());
  bool equal = false;
  for (std::string_view w : {"各分得一半", "各一半", "平均分配", "平均分给", "均分"}) equal = equal || s.text.find(w) != std::string_view::npos;
  if (s.text.find("一半") != std::string_view::npos && n != 2) equal = false;
  std::vector<Recipient> places;
  for (const auto& t : townships) places.push_back({t, t});
  for (std::size_t i = from; i < reports.size(); ++i) {
    AidReport& r = reports[i];
    const Allocation before = r.allocations.front();
    const bool divides = (!before.amount_fen || *before.amount_fen % n == 0) && (!before.quantity || *before.quantity % n == 0) &&
                         !before.amount_high_fen;
    if (n > 1 && equal && divides) {
      r.allocations = allocate(places, true, before.amount_fen ? std::optional<std::int64_t>(*before.amount_fen / n) : std::nullopt, std::nullopt,
                               before.quantity ? std::optional<std::int64_t>(*before.quantity / n) : std::nullopt);
      r.distribution = "each";
    } else {
      r.allocations = allocate(places, false, before.amount_fen, before.amount_high_fen, before.quantity);
      r.distribution = n == 1 ? "single" : "joint";
    }
    r.notes.push_back(fmt::format("where it went is said in the next sentence{}", n > 1 && equal && divides ? " (in equal shares)" : ""));
  }
  return true;
}

namespace {

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

// "These" (这批, 该批, 此批, 上述) opens the sentence, after a date or a comma at most.
bool opens_with_these(const detail::SentenceTokens& s) {
  // (据悉，此次捐赠的过冬物资价值约4.2万元: what this occasion gave is "these" too.)
  for (std::string_view w : {"这批", "该批", "此批", "上述", "此次捐赠的", "本次捐赠的", "这次捐赠的"})
    if (const std::size_t at = s.text.find(w); at != std::string_view::npos && text::code_point_count(s.text.substr(0, at)) <= 6)
      return true;
  return false;
}

}  // namespace

// 捐赠全自动生化分析仪1台、心电图机2台。这批设备价值18万元…: the value of the goods the sentence
// before gave, said in a sentence of its own with no gift of its own. Several goods of one gift
// become one line of that value (their counts stay in the item).
bool value_goods_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from,
                                    bool read_nothing) {
  if (from >= reports.size() || s.measures.empty()) return false;
  // (…把两台生化分析仪分别送到甲、乙卫生室。两台设备共价值11.6万元: the same count in the same
  // measure word, opening the sentence or its clause after 据介绍, is "these"; the money after it is
  // their value.)
  std::size_t first_money = 0;
  bool counted_again = false;
  if (const Measure& g = s.measures.front(); g.kind != MeasureKind::money && s.measures.size() >= 2 && reports.size() - from == 1 &&
                                             !reports[from].unit.empty() && g.unit == reports[from].unit &&
                                             g.value == reports[from].total_quantity() &&
                                             text::code_point_count(s.slice(s.clauses[s.clause_of(g.span.begin)].begin, g.span.begin)) <= 2 &&
                                             !s.last(kTriggers, {0, g.span.begin})) {
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
    // (记者在现场了解到，这批电脑共30台: an opener of who told it, ending in a comma, may be longer.)
    auto opener = [&](std::size_t at) {
      const std::string_view lead = s.text.substr(0, at);
      const std::size_t chars = text::code_point_count(lead);
      return chars <= 6 || (chars <= 12 && text::ends_at(text::trim(lead), text::trim(lead).size(), ",") && !s.last(kTriggers, {0, at}));
    };
    for (std::string_view w : {"这批", "该批", "此批", "上述"})
      if (const std::size_t at = s.text.find(w); at != std::string_view::npos && at < g.span.begin && opener(at) &&
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
  // (这批物资总价值46万元，其中双龙湾镇28万元、徐家湾乡18万元: the value of the goods before, split by
  // the places named after 其中 when the parts add up to it: one allocation for each place.)
  const bool these_open = opens_with_these(s);
  if (reports.size() - from == 1 && (read_nothing || these_open) && reports[from].kind == Kind::in_kind && !reports[from].has_amount()) {
    const Measure& whole = s.measures[first_money];
    const LexToken* sub = s.first(Cat::subsum, {whole.span.end, s.text.size()});
    if (sub && s.has(Cat::value, {0, whole.span.begin}) && !whole.high) {
      std::vector<Allocation> parts;
      std::int64_t sum = 0;
      std::size_t after = sub->span.end;
      for (std::size_t j = first_money + 1; j < s.measures.size() && s.measures[j].kind == MeasureKind::money; ++j) {
        const PlaceMention* place = nullptr;
        for (const auto& p : s.places)
          if (p.span.begin >= after && p.span.end <= s.measures[j].span.begin && !p.township.empty() && p.level != PlaceLevel::collective) place = &p;
        if (!place || s.measures[j].high) {
          parts.clear();
          break;
        }
        parts.push_back(Allocation{place->name, place->township, {}, s.measures[j].value, std::nullopt, std::nullopt});
        sum += s.measures[j].value;
        after = s.measures[j].span.end;
      }
      if (parts.size() >= 2 && sum == whole.value) {
        AidReport& gift = reports[from];
        gift.allocations = std::move(parts);
        gift.distribution = "each";
        gift.approximate = gift.approximate || whole.approximate;
        gift.notes.push_back(fmt::format("valued in the next sentence, place by place (其中): {}", s.text));
        return true;
      }
    }
  }
  // (One sum of money opening the sentence's figures; a count after it in a later clause says what
  // the goods do: 这两台设备共计价值十六万元，每天可烘干鲜连翘6吨.)
  // (…价值约15万元，每年可为村集体节约人工费用4万元: money in a later clause that gives nothing, what
  // the goods save or earn, leaves the value alone; not a part of it, 其中….)
  const Measure& m = s.measures[first_money];
  for (std::size_t j = first_money + 1; j < s.measures.size(); ++j) {
    const Measure& later = s.measures[j];
    const Span own = s.clauses[s.clause_of(later.span.begin)];
    if (s.clause_of(later.span.begin) == s.clause_of(m.span.begin)) return false;
    if (later.kind == MeasureKind::money && s.last(kTriggers | bit(Cat::subsum) | bit(Cat::value) | bit(Cat::cash), own)) return false;
  }
  const Span c = s.clauses[s.clause_of(m.span.begin)];
  // (这批设备由该公司专程从郑州运抵某乡，价值约38万元: "these" carried there is the same delivery
  // told again, no gift of its own.)
  // (这套由该公司捐赠的设备价值十余万元: giving said of "these" before 的 describes them, no new gift.)
  auto describes_these = [&](const LexToken& w) {
    // (这批礼包由区妇联发动辖区爱心女企业家认捐，总价值约2.4万元: who gave "these", told after 由.)
    const Span wc = s.clauses[s.clause_of(w.span.begin)];
    const std::string_view told = s.slice(wc.begin, w.span.begin);
    if (these_open && told.find("由") != std::string_view::npos &&
        (told.find("这批") != std::string_view::npos || told.find("该批") != std::string_view::npos || told.find("此批") != std::string_view::npos ||
         told.find("这些") != std::string_view::npos || told.find("上述") != std::string_view::npos))
      return true;
    const std::string_view lead = s.slice(c.begin, w.span.begin);
    return starts_at(s.text, w.span.end, "的") && (lead.find("这") != std::string_view::npos || lead.find("该") != std::string_view::npos ||
                                                   lead.find("此次") != std::string_view::npos || lead.find("本次") != std::string_view::npos);
  };
  const bool gives_before = std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
    return w.span.end <= m.span.begin && (w.is(Cat::give) || w.is(Cat::give_paid)) && !(these_open && w.is(Cat::hand_over)) &&
           !describes_these(w);
  });
  // (这批设备共计2.4万元, 这3台洗衣机共计7500元: a sum of "these" is their value, with or without 价值.)
  const bool valued = s.has(Cat::value, {c.begin, m.span.begin}) ||
                      ((these_open || counted_again) && s.has(Cat::total, {c.begin, m.span.begin}));
  if (!valued || gives_before) return false;
  bool these = counted_again;
  for (std::string_view w : {"这批", "该批", "此批", "上述", "这些", "此次捐赠的", "本次捐赠的", "这次捐赠的"}) {
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
  // (Not when the whole batch is named after it: 每套护理包内有牙刷…，这批护理包价值2.5万元.)
  const LexToken* per = s.first(Cat::per_unit, {0, m.span.begin});
  if (per) {
    const std::string_view after_per = s.slice(per->span.end, m.span.begin);
    for (std::string_view whole : {"这批", "该批", "此批", "这些", "全部", "总价值", "共计", "合计"})
      if (after_per.find(whole) != std::string_view::npos) per = nullptr;
  }
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
  // (…送去图书1200册，以及篮球架等体育器材。这批器材价值约2万元: "these" named by goods the sentence
  // before gave uncounted after the counted ones: a gift of their own, valued here.)
  if (reports.size() - from == 1 && reports[from].kind == Kind::in_kind && reports[from].has_quantity()) {
    const AidReport& counted = reports[from];
    std::string_view noun;
    for (std::string_view w : {"这批", "该批", "此批", "这些"})
      if (const std::size_t at = s.text.find(w); at != std::string_view::npos && at < m.span.begin) {
        std::size_t e = at + w.size();
        auto stops = [&](std::size_t at_e) {
          const LexToken* w2 = s.word_at(at_e);
          return w2 && (w2->cats & (bit(Cat::value) | bit(Cat::total) | bit(Cat::passive) | bit(Cat::give) | bit(Cat::paid)));
        };
        while (e < m.span.begin && text::is_han(text::code_point_at(s.text, e)) && !stops(e)) text::next_code_point(s.text, e);
        noun = s.slice(at + w.size(), e);
        break;
      }
    const std::string_view before = counted.sentence_text;
    const std::size_t counted_at = before.find(counted.item);
    const std::size_t named_at = noun.empty() ? std::string_view::npos : before.find(noun);
    // (Only goods named first after a joiner that follows the last figure: 图书1200册，以及…体育器材;
    // not 把20台电暖器…, the counted goods themselves.)
    bool joined_after_figures = false;
    if (named_at != std::string_view::npos) {
      const std::string_view lead = before.substr(0, named_at);
      const std::size_t last_digit = lead.find_last_of("0123456789");
      for (std::string_view joiner : {"以及", "还有", "另有", "和", "及"})
        if (const std::size_t jn = lead.rfind(joiner); jn != std::string_view::npos && last_digit != std::string_view::npos && jn > last_digit)
          joined_after_figures = true;
    }
    if (joined_after_figures && text::code_point_count(noun) >= 2 && counted.item.find(noun) == std::string::npos && counted_at != std::string_view::npos &&
        named_at > counted_at + counted.item.size()) {
      // The goods' name as written before: back from the noun to the joiner after the counted goods.
      std::size_t start = counted_at + counted.item.size();
      for (std::string_view joiner : {"以及", "和", "及", "还有", "，", ","})
        if (const std::size_t jn = before.rfind(joiner, named_at); jn != std::string_view::npos && jn >= start) start = jn + joiner.size();
      AidReport gift = counted;
      for (auto& a : gift.allocations) {
        a.quantity.reset();
        a.amount_fen.reset();
        a.amount_high_fen.reset();
      }
      gift.allocations.front().amount_fen = m.value;
      gift.allocations.front().amount_high_fen = m.high;
      gift.unit.clear();
      gift.item = std::string(before.substr(start, named_at + noun.size() - start));
      gift.approximate = m.approximate;
      gift.notes.clear();
      gift.notes.push_back(fmt::format("valued in the next sentence: {}", s.text));
      reports.push_back(std::move(gift));
      return true;
    }
  }
  // (甲局、乙委分别捐赠电脑20台、图书1500册；丙公司捐赠智慧黑板6套。这批智慧黑板价值9.6万元: the
  // goods the sentence names before the value, when one gift before is of them, are that gift.)
  if (reports.size() - from >= 2) {
    std::optional<std::size_t> named;
    bool ambiguous = false;
    for (std::size_t i = from; i < reports.size(); ++i) {
      const AidReport& r = reports[i];
      if (r.kind != Kind::in_kind || r.has_amount() || r.allocations.size() != 1 || text::code_point_count(r.item) < 2) continue;
      if (s.text.substr(0, m.span.begin).find(r.item) == std::string_view::npos) continue;
      ambiguous = ambiguous || named.has_value();
      named = i;
    }
    if (named && !ambiguous) {
      AidReport& gift = reports[*named];
      gift.allocations.front().amount_fen = m.value;
      gift.allocations.front().amount_high_fen = m.high;
      gift.approximate = gift.approximate || m.approximate;
      gift.notes.push_back(fmt::format("valued in the next sentence: {}", s.text));
      return true;
    }
  }
  // (…送去棉被120床、电暖器60台，并捐赠救助金3万元。此次捐赠的过冬物资价值约4.2万元: money given
  // beside the goods is no part of "these"; it stands as it was read.)
  std::vector<AidReport> money_beside;
  if (std::any_of(reports.begin() + static_cast<std::ptrdiff_t>(from), reports.end(), [](const AidReport& r) { return r.kind == Kind::in_kind; })) {
    std::vector<AidReport> goods;
    for (std::size_t i = from; i < reports.size(); ++i)
      (reports[i].kind == Kind::cash && reports[i].has_amount() && !reports[i].has_quantity() ? money_beside : goods).push_back(reports[i]);
    if (!money_beside.empty()) {
      reports.resize(from);
      for (auto& r : goods) reports.push_back(std::move(r));
    }
  }
  auto restore = [&] {
    for (auto& r : money_beside) reports.push_back(std::move(r));
  };
  const AidReport& first = reports[from];
  for (std::size_t i = from; i < reports.size(); ++i) {
    const AidReport& r = reports[i];
    if (r.kind != Kind::in_kind || r.has_amount() || r.donor != first.donor || r.allocations.size() != 1 ||
        r.allocations.front().township != first.allocations.front().township) {
      restore();
      return false;
    }
  }
  value_goods_before(reports, from, m);
  restore();
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
                           std::size_t from, const Directory& d, const Gazetteer& g, const detail::ArticleMemory& memory) {
  if (from >= reports.size()) return false;
  if (!opens_with_these(s)) return false;
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
  // (这批由该公司捐赠的电脑: a pronoun after 由 is the organisation it refers to.)
  if (giver && giver->members.size() == 1)
    if (const LexToken* p = s.word_at(giver->span.begin); p && p->is(Cat::pronoun) && p->span.end == giver->span.end) {
      const auto referent = memory.referent(s.slice(p->span));
      if (!referent) return false;
      giver->canonical = *referent;
      giver->members = {*referent};
      giver->basis = "pronoun";
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

namespace {

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

// 为两乡镇300户困难群众每户发放慰问金500元。其中，甲乡160户，乙镇140户: a per-unit gift to places
// together, counted in all, whose count the next sentence splits by place (其中, the counts adding up
// to the whole): one line for each place.
bool split_count_of_sentence_before(const detail::SentenceTokens& s, AidReport& gift) {
  if (!gift.counted || gift.allocations.size() != 1 || gift.allocations.front().township != kJoint) return false;
  const LexToken* sub = s.first(Cat::subsum, {0, s.text.size()});
  if (!sub || !text::trim(s.slice(0, sub->span.begin)).empty()) return false;
  const auto counts = detail::counts_by_place(s, sub->span.end, s.text.size());
  const Allocation joint = gift.allocations.front();
  if (counts.size() != joint.covers.size()) return false;
  std::int64_t sum = 0;
  for (const auto& c : counts) {
    if (std::find(joint.covers.begin(), joint.covers.end(), c.first.township) == joint.covers.end()) return false;
    sum += c.second;
  }
  if (sum != gift.counted->count) return false;
  std::vector<Allocation> split;
  for (const auto& c : counts) {
    Allocation a{c.first.name, c.first.township, {}, std::nullopt, std::nullopt, std::nullopt};
    const auto part = gift.has_amount() ? times_money(gift.counted->per_unit, c.second) : times(gift.counted->per_unit, c.second);
    if (!part) return false;
    (gift.has_amount() ? a.amount_fen : a.quantity) = part;
    split.push_back(std::move(a));
  }
  gift.allocations = std::move(split);
  gift.distribution = "each";
  gift.notes.push_back(fmt::format("computed: the per-unit amount x the count of each place (其中, in the next sentence: {})", s.text));
  return true;
}

}  // namespace

// 各捐赠棉被300床，…羽绒服500件。据介绍，棉被每床价值150元，羽绒服每件价值260元: the price of one
// of goods the sentence before counted without a value, each price by its measure word (and the
// goods named before 每, when several gifts share the word): every such gift valued at its count
// times its price; a whole value said of goods by name (其中，生化分析仪价值6.8万元), that gift's value.
// All or nothing: a price that fits no gift, or more than one, values none.
bool price_goods_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from) {
  if (from >= reports.size() || s.measures.empty()) return false;
  std::vector<std::pair<std::size_t, const Measure*>> priced;  // gift, price of one (or whole value)
  std::vector<std::size_t> wholes;                             // the gifts valued whole
  for (const Measure& m : s.measures) {
    if (m.kind != MeasureKind::money || m.high) return false;
    const Span clause = s.clauses[s.clause_of(m.span.begin)];
    // (轮椅由区残联从定点企业采购，单价680元: how the goods were bought, no gift of its own.)
    const LexToken* giving = s.last(bit(Cat::give) | bit(Cat::give_paid), {0, m.span.begin});
    if (giving && !giving->is(Cat::buy)) return false;
    // (…，单价680元: the price of the goods the segment names before it.)
    if (text::ends_at(s.text, m.span.begin, "单价") || text::ends_at(s.text, m.span.begin, "单价为")) {
      const std::size_t segment_begin = s.segments[s.segment_of(m.span.begin)].begin;
      std::optional<std::size_t> gift;
      int fits = 0;
      for (std::size_t i = from; i < reports.size(); ++i) {
        const AidReport& r = reports[i];
        if (r.has_amount() || !r.has_quantity() || r.item.empty() || (r.kind != Kind::in_kind && r.kind != Kind::consumption)) continue;
        if (s.slice(segment_begin, m.span.begin).find(r.item) == std::string_view::npos) continue;
        if (std::any_of(priced.begin(), priced.end(), [&](const auto& p) { return p.first == i; })) continue;
        gift = i;
        ++fits;
      }
      if (fits != 1) return false;
      priced.emplace_back(*gift, &m);
      continue;
    }
    const LexToken* per = s.last(Cat::per_unit, {clause.begin, m.span.begin});
    // (其中，生化分析仪价值6.8万元；图书…码洋约3.2万元: the whole value of the one gift of the goods
    // named before it in its clause, when that gift has one place.)
    if (const LexToken* value = s.last(Cat::value, {clause.begin, m.span.begin}); !per && value) {
      const std::string_view between = s.slice(value->span.end, m.span.begin);
      if (!between.empty() && between != "约" && between != "为" && between != "约为") return false;
      std::optional<std::size_t> gift;
      int fits = 0;
      for (std::size_t i = from; i < reports.size(); ++i) {
        const AidReport& r = reports[i];
        if (r.has_amount() || r.item.empty() || r.allocations.size() != 1 || (r.kind != Kind::in_kind && r.kind != Kind::consumption)) continue;
        // (The goods by a shorter name, 生化分析仪 of 全自动生化分析仪; or, with none in the clause,
        // named earlier in its segment: 图书由…精选，码洋约3.2万元.)
        const std::string_view named = text::trim(s.slice(s.han_from(clause.begin, value->span.begin), value->span.begin));
        // (彩超设备 of 便携式彩超: a general word after the name, 设备, is no part of it.)
        std::string_view core = named;
        for (std::string_view general : {"设备", "器材", "用品", "物资"})
          if (text::ends_at(core, core.size(), general) && text::code_point_count(core) >= 4) core.remove_suffix(general.size());
        const bool same_goods = named.empty() ? s.slice(s.segments[s.segment_of(m.span.begin)].begin, value->span.begin).find(r.item) != std::string_view::npos
                                              : (text::code_point_count(core) >= 2 && r.item.find(core) != std::string::npos) ||
                                                    named.find(r.item) != std::string_view::npos;
        if (!same_goods) continue;
        if (std::any_of(priced.begin(), priced.end(), [&](const auto& p) { return p.first == i; })) continue;
        gift = i;
        ++fits;
      }
      if (fits != 1) return false;
      // (食用油每桶5升，价值79元: 每桶 earlier in the segment makes it the value of one barrel.)
      const LexToken* one = s.last(Cat::per_unit, {s.segments[s.segment_of(m.span.begin)].begin, value->span.begin});
      const bool of_one = one && starts_at(s.slice(one->span), 0, "每") &&
                          s.slice(one->span).substr(std::string_view("每").size()) == reports[*gift].unit && reports[*gift].has_quantity();
      if (!of_one) wholes.push_back(*gift);
      priced.emplace_back(*gift, &m);
      continue;
    }
    if (!per) return false;
    std::string_view between = s.slice(per->span.end, m.span.begin);
    for (std::string_view is : {"价值约", "价值", "均为", "约为", "为", "约"})
      if (starts_at(between, 0, is)) {
        between.remove_prefix(is.size());
        break;
      }
    const std::string_view per_word = s.slice(per->span);
    if (!between.empty() || !starts_at(per_word, 0, "每")) return false;
    const std::string_view unit = per_word.substr(std::string_view("每").size());
    // The goods' name, written before 每 in its clause (棉被每床…), after an opener (据介绍，).
    const std::string_view named = text::trim(s.slice(s.han_from(clause.begin, per->span.begin), per->span.begin));
    std::optional<std::size_t> gift;
    int fits = 0;
    for (std::size_t i = from; i < reports.size(); ++i) {
      const AidReport& r = reports[i];
      if (r.has_amount() || !r.has_quantity() || r.unit != unit || (r.kind != Kind::in_kind && r.kind != Kind::consumption)) continue;
      if (!std::all_of(r.allocations.begin(), r.allocations.end(), [](const Allocation& a) { return a.quantity.has_value(); })) continue;
      if (!named.empty() && !r.item.empty() && r.item.find(named) == std::string::npos && named.find(r.item) == std::string_view::npos) continue;
      if (std::any_of(priced.begin(), priced.end(), [&](const auto& p) { return p.first == i; })) continue;
      gift = i;
      ++fits;
    }
    if (fits != 1) return false;
    priced.emplace_back(*gift, &m);
  }
  // (Two gifts of the same goods (各…): each is valued; a price fits one only when one is left.)
  std::vector<std::vector<std::int64_t>> values;
  for (const auto& [i, m] : priced) {
    values.emplace_back();
    const bool whole = std::find(wholes.begin(), wholes.end(), i) != wholes.end();
    for (const auto& a : reports[i].allocations) {
      const auto product = whole ? std::optional<std::int64_t>(m->value) : times_money(m->value, *a.quantity);
      if (!product) return false;
      values.back().push_back(*product);
    }
  }
  for (std::size_t p = 0; p < priced.size(); ++p) {
    AidReport& gift = reports[priced[p].first];
    const Measure& m = *priced[p].second;
    const bool whole = std::find(wholes.begin(), wholes.end(), priced[p].first) != wholes.end();
    for (std::size_t a = 0; a < gift.allocations.size(); ++a) {
      gift.allocations[a].amount_fen = values[p][a];
      if (!whole) gift.notes.push_back(fmt::format("computed: {} x {} (the value of one)", *gift.allocations[a].quantity, format_fen(m.value)));
    }
    gift.approximate = gift.approximate || m.approximate;
    gift.notes.push_back(fmt::format("valued in the next sentence: {}", s.text));
  }
  return true;
}

void count_per_unit_of_sentence_before(const detail::SentenceTokens& s, std::vector<AidReport>& reports, std::size_t from) {
  if (std::none_of(s.measures.begin(), s.measures.end(), [](const Measure& m) { return m.kind == MeasureKind::money; })) {
    std::size_t split = 0;
    for (std::size_t i = from; i < reports.size(); ++i) split += split_count_of_sentence_before(s, reports[i]) ? 1 : 0;
    if (split > 0) return;
  }
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

}  // namespace aidledger::extract::detail
