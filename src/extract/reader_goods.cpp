// Goods, for SentenceReader (sentence_reader.hpp): the value said of goods (价值), the value of
// one unit times their count, what was given or bought (the item), prices per unit, and a named
// thing given with no amount.
#include "sentence_reader.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

namespace {

// Verbs that give a thing named without an amount (某公司捐赠了数字校园平台).
constexpr std::string_view kNamedGiftVerbs[] = {"捐赠", "赠送", "捐献", "捐建", "援建", "捐助"};

}  // namespace

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

// 价值8万元的办公电脑20台, 价值28万元冷库一座: the value `k` of the goods counted right after it.
bool SentenceReader::values_goods_after(std::size_t k) const {
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
const LexToken* SentenceReader::value_word_before(std::size_t pos) const {
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

// `value_word` is the 价值 the amount `k` is the value of.
bool SentenceReader::attach_value(std::size_t k, const LexToken& value_word, std::vector<bool>& used, std::vector<AidReport>& reports) {
  if (reports.empty()) return false;
  AidReport& r = reports.back();
  const Measure& m = s_.measures[k];
  // Only when no new giving word stands between that gift and this value.
  const std::size_t last_end = r.measure.end;
  std::size_t from = 0;
  while (from <= sentence_.text.size() && sentence_.page_offset(from) < last_end) ++from;
  // (A verb in the gift's own clause is its verb: 将水泵12台送往某乡，价值6万元.)
  if (from <= m.span.begin && from > 0 && s_.clause_of(from - 1) != s_.clause_of(m.span.begin))
    from = std::min(m.span.begin, std::max(from, s_.clauses[s_.clause_of(from - 1)].end));
  // (…800件羽绒服，是某公司捐赠的，总价值9.6万元: the verb of the clause naming who gave those goods
  // is theirs, no new gift.)
  auto new_giving = [&](const LexToken& w) {
    if (!(w.is(Cat::give) || w.is(Cat::give_paid)) || w.span.begin < from || w.span.end > m.span.begin) return false;
    const Span c = s_.clauses[s_.clause_of(w.span.begin)];
    const std::size_t opens = s_.han_from(c.begin, c.end);
    return !(starts_at(s_.text, w.span.end, "的") && (starts_at(s_.text, opens, "是") || starts_at(s_.text, opens, "由")));
  };
  if (from > m.span.begin || std::any_of(s_.words.begin(), s_.words.end(), new_giving)) return false;
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
    // (为甲村、乙村各送去包裹100个，共计价值3万元: 共计 values all the goods; each got the same, so
    // an equal share, the odd fen to the first.)
    const auto n = static_cast<std::int64_t>(r.allocations.size());
    const bool total_of_all = each && n > 1 && s_.has(Cat::total, {from, m.span.begin});
    for (std::size_t i = 0; i < r.allocations.size(); ++i)
      r.allocations[i].amount_fen = total_of_all ? m.value / n + (i == 0 ? m.value % n : 0) : each || i == 0 ? m.value : 0;
    if (total_of_all) r.notes.push_back("a total value shared equally by the recipients of the same goods (各…共计)");
    r.approximate = r.approximate || m.approximate;
  }
  if (r.kind == Kind::cash) r.kind = Kind::in_kind;
  r.measure.end = page(s_.measures[list.back()].span.end);
  return true;
}

std::string SentenceReader::item_for(const Frame& f, const AidReport* previous) const {
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
  // (另有价值2千5的护理用品一批: what a value before 的 is of stands after it.)
  const bool valued_after = starts_at(s_.text, m.span.end, "的") && s_.last(Cat::value, {own.begin, m.span.begin});
  if (item.empty() || before_is_place || valued_after || (!after.empty() && f.measure > 0 && s_.measures[f.measure - 1].span.end > own.begin))
    item = after.empty() ? item : after;
  if (item.empty() && f.trigger->span.end <= m.span.begin) {
    const Span verb_clause = s_.clauses[s_.clause_of(f.trigger->span.begin)];
    item = detail::item_between(s_, f.trigger->span.end, verb_clause.end);
  }
  if (item.empty() && previous && m.kind == MeasureKind::quantity && previous->unit == m.unit) item = previous->item;
  // (捐建的便民桥竣工交付，工程总造价38万元: the cost names no thing; what was built does.)
  if (const LexToken* cost = s_.last(Cat::cost, {from, m.span.begin}))
    if (const LexToken* built = s_.last(Cat::build, {0, cost->span.begin})) {
      // (…捐建的便民桥竣工交付: the thing ends where what became of it begins.)
      std::size_t end = s_.clauses[s_.clause_of(built->span.begin)].end;
      for (const LexToken& w : s_.words)
        if (w.span.begin > built->span.end && w.span.end <= end && (w.cats & (bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::paid) | bit(Cat::act))))
          end = w.span.begin;
      if (std::string thing = detail::item_between(s_, built->span.end, end); !thing.empty()) item = thing;
    }
  return item;
}

// 每斤35.8元, 35.8元/斤, 以…元的价格: a price per unit of goods, not an amount given.
bool SentenceReader::is_unit_price(std::size_t j) const {
  const Measure& m = s_.measures[j];
  if (m.kind != MeasureKind::money) return false;
  for (std::string_view after : {"的价格", "的单价", "的收购价", "/斤", "/公斤", "每斤", "一斤"})
    if (starts_at(s_.text, m.span.end, after)) return true;
  // (每盒均为88元: a word saying what the price is stands between it and 每盒.)
  std::size_t price_at = m.span.begin;
  for (std::string_view is : {"均为", "均", "为"})
    if (text::ends_at(s_.text, price_at, is) && price_at >= is.size() + 6) {
      price_at -= is.size();
      break;
    }
  const std::size_t from = price_at >= 9 ? price_at - 9 : 0;
  const std::string_view before = s_.slice(from, price_at);
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

// The goods a price is of (每箱35.8元 … 1000箱), in its segment: a quantity of the price's unit,
// when the segment states no other money.
std::optional<Measure> SentenceReader::priced_quantity(std::size_t j) const {
  const Measure& price = s_.measures[j];
  const std::size_t seg = s_.segment_of(price.span.begin);
  std::optional<Measure> found;
  int counts = 0;  // of the price's measure word
  for (std::size_t i = 0; i < s_.measures.size(); ++i) {
    const Measure& o = s_.measures[i];
    if (i == j || s_.segment_of(o.span.begin) != seg) continue;
    if (o.kind == MeasureKind::money) return std::nullopt;  // 货款85920元: the amount paid is written
    if (o.unit.empty()) continue;
    const std::string per = "每" + o.unit;
    const std::size_t from = price.span.begin >= 18 ? price.span.begin - 18 : 0;
    if (s_.slice(from, price.span.begin).find(per) != std::string_view::npos || starts_at(s_.text, price.span.end, "/" + o.unit)) {
      found = o;
      ++counts;
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
  // (甲、乙分别认购礼盒300盒、260盒，每盒88元: a list of counts; the price is each one's, read
  // with the gifts of the list, not with one of them.)
  if (counts > 1) return std::nullopt;
  return found;
}

// What a purchase bought, written between its verb (and the places after it) and its count:
// 采购双龙湾镇中药材礼盒300盒 → 中药材礼盒.
std::string SentenceReader::bought_item(const LexToken& verb, std::size_t count_at) const {
  std::size_t from = verb.span.end;
  if (count_at <= from) return {};
  for (const auto& p : s_.places)
    if (p.span.begin >= from && p.span.end <= count_at) from = std::max(from, p.span.end);
  return detail::item_between(s_, from, count_at);
}

// An organisation donates a named thing with no amount: 某公司捐赠数字校园平台.
void SentenceReader::read_unquantified_gifts(std::vector<AidReport>& reports) const {
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
          // (援建便民桥一座，投入资金十余万元: what it cost, 投入, is no gift word of its own.)
          later_amount = std::none_of(s_.words.begin(), s_.words.end(), [&](const LexToken& w) {
            return w.span.begin >= c.end && w.span.end <= m.span.begin && (w.is(Cat::give) || w.is(Cat::give_paid)) && !w.is(Cat::cost);
          });
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

}  // namespace aidledger::extract::detail
