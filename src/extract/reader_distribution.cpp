// How an amount is shared, for SentenceReader (sentence_reader.hpp): lines for the recipients,
// 各/分别/均 and lists of amounts, totals split into their parts (其中, 其余, places listed after
// a colon), a gift of money and goods split by kind, and sums that restate the gifts read.
#include "sentence_reader.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

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

// 共捐款46万元，其中甲公司20万元，乙公司15万元，丙公司11万元: the parts replace the total read
// before them when they add up to it; otherwise the total stands and the parts are not read.
void SentenceReader::take_parts_of_total_in_sentence(std::vector<AidReport>& reports) {
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

// How many goods are listed right before 各 at `amount_begin` (棉衣、棉被各300件 -> 2), from the
// verb or the clause's start; 0 when 各 does not stand there or what it follows is not such a list
// (甲乡、乙镇各…, 甲公司、乙公司各… name places and givers).
bool SentenceReader::latin_letter(char32_t cp) { return (cp >= U'A' && cp <= U'Z') || (cp >= U'a' && cp <= U'z'); }

std::size_t SentenceReader::goods_listed_before_each(std::size_t amount_begin, const LexToken& trigger) const {
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

// The joint line this sentence read last (one JOINT allocation, no summary), which a later amount
// of the sentence may split; null when the last report is no such line.
AidReport* SentenceReader::joint_line_read_last(std::vector<AidReport>& reports) const {
  if (reports.empty()) return nullptr;
  AidReport& r = reports.back();
  if (r.sentence.begin != sentence_.span.begin || r.allocations.size() != 1 || r.allocations.front().township != "JOINT" || r.aggregate)
    return nullptr;
  return &r;
}

// 安排帮扶资金400万元，两乡镇各200万元: a clause with no verb of its own saying what each of the
// townships of the joint total just read gets. When the parts add up to the total, the total
// becomes those parts (each township its own line); otherwise nothing changes.
bool SentenceReader::splits_joint_total(std::size_t k, std::vector<AidReport>& reports) const {
  const Measure& m = s_.measures[k];
  AidReport* joint = joint_line_read_last(reports);
  if (!joint || m.kind != MeasureKind::money || m.high || !joint->allocations.front().amount_fen) return false;
  AidReport& r = *joint;
  const Span own = s_.clauses[s_.clause_of(m.span.begin)];
  const std::size_t opens = s_.han_from(own.begin, own.end);
  // (…共200万元，两乡镇每个乡镇100万元 / 每个乡镇100万元: an each-word that names the places, too.)
  const LexToken* each = s_.word_before(m.span.begin);
  if (!each || !each->is(Cat::each) || each->span.end != m.span.begin || opens > each->span.begin) return false;
  const std::string_view each_word = s_.slice(each->span);
  const bool names_places = each_word.find("乡") != std::string_view::npos || each_word.find("镇") != std::string_view::npos;
  if (each_word != "各" && !names_places) return false;
  // Only places between the clause's start and 各: 两乡镇, 两地, 甲乡、乙镇.
  bool places_only = names_places;
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

// 共发放助学金9.6万元，…每人1000元，其中甲乡52人、乙镇44人: the joint total just read, split by the
// people counted by township after 其中 at the rate per head, when they add up to it.
bool SentenceReader::splits_joint_by_counted_places(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) const {
  const Measure& m = s_.measures[k];
  AidReport* joint = joint_line_read_last(reports);
  if (!joint || m.kind != MeasureKind::money || m.high || !joint->allocations.front().amount_fen) return false;
  AidReport& r = *joint;
  const Span own = s_.clauses[s_.clause_of(m.span.begin)];
  const LexToken* per = s_.last(Cat::per_unit, {own.begin, m.span.begin});
  if (!per || units_counting(s_.slice(per->span)).empty()) return false;
  const Span segment = s_.segments[s_.segment_of(m.span.begin)];
  const LexToken* parts = s_.first(Cat::subsum, {m.span.end, segment.end});
  if (!parts || std::any_of(s_.measures.begin() + static_cast<std::ptrdiff_t>(k) + 1, s_.measures.end(),
                            [&](const Measure& o) { return o.span.begin < segment.end; }))
    return false;
  const auto counted = counts_by_place(parts->span.end, segment.end);
  if (counted.empty()) return false;
  const Allocation whole = r.allocations.front();
  std::vector<Allocation> split;
  std::int64_t sum = 0;
  for (const auto& [place, n] : counted) {
    if (!whole.covers.empty() && std::find(whole.covers.begin(), whole.covers.end(), place.township) == whole.covers.end()) return false;
    const auto product = times_money(m.value, n);
    if (!product) return false;
    sum += *product;
    Allocation a;
    a.recipient = place.name;
    a.township = place.township;
    a.amount_fen = product;
    split.push_back(std::move(a));
  }
  if (sum != *whole.amount_fen) return false;
  for (std::size_t i = 0; i < counted.size(); ++i)
    r.notes.push_back(fmt::format("computed: {} {} x {} (其中)", counted[i].first.name, counted[i].second, format_fen(m.value)));
  r.allocations = std::move(split);
  r.distribution = "per_unit";
  r.measure.end = page(m.span.end);
  used[k] = true;
  return true;
}

// …将首批资金送到两乡镇：徐家湾乡80万元，双龙湾镇60万元: a gift to several townships, then a
// list after a colon of each township right before its own amount. The first amount was read as the
// joint gift's; at the second (no verb of its own) the list replaces the joint line, place by place.
bool SentenceReader::splits_joint_by_place_list(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) const {
  AidReport* joint = k == 0 ? nullptr : joint_line_read_last(reports);
  if (!joint) return false;
  AidReport& r = *joint;
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
  // (…划拨至两乡镇账户，其中徐家湾乡60万元，双龙湾镇70万元: 其中 opens the list as a colon does.)
  if (!opening || !(text::ends_at(s_.text, opening->span.begin, ":") || text::ends_at(s_.text, opening->span.begin, "其中") ||
                    text::ends_at(s_.text, opening->span.begin, "其中,")))
    return false;
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

std::optional<SentenceReader::Whole> SentenceReader::whole_of(const AidReport& r) {
  if (r.allocations.size() != 1) return std::nullopt;
  const Allocation& a = r.allocations.front();
  if (a.amount_fen) return Whole{MeasureKind::money, *a.amount_fen, ""};
  if (a.quantity) return Whole{MeasureKind::quantity, *a.quantity, r.unit};
  return std::nullopt;
}

bool SentenceReader::split_by_list(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
  if (reports.empty() || k == 0) return false;
  AidReport& total = reports.back();
  const auto whole = whole_of(total);
  if (!whole || total.aggregate) return false;
  const std::size_t mc = s_.clause_of(s_.measures[k].span.begin);
  if (s_.clause_of(s_.measures[k - 1].span.begin) >= mc) return false;  // the total stands in an earlier clause
  const Span c = s_.clauses[mc];
  // (…拨付衔接资金200万元，分别用于甲村…、乙村…，两个项目各安排100万元: the two places the total
  // went to, counted again with 各, each its share when the shares add up to it.)
  {
    const std::size_t opens = s_.han_from(c.begin, c.end);
    bool counted_two = false;
    for (std::string_view w : {"两个项目", "两个村", "两个乡镇", "两所学校", "两地", "两校", "两村", "两个点"}) counted_two = counted_two || starts_at(s_.text, opens, w);
    const LexToken* each = s_.first(Cat::each, {opens, s_.measures[k].span.begin});
    const Allocation& a = total.allocations.front();
    const Measure& mk = s_.measures[k];
    if (counted_two && each && s_.slice(each->span) == "各" && a.township == kJoint && a.covers.size() == 2 && whole->fits(mk) && !mk.high) {
      const auto all = checked_product(mk.value, 2);
      if (all && *all == whole->value) {
        std::vector<Allocation> parts;
        for (const auto& t : a.covers) parts.push_back(whole->part(t, t, mk.value));
        used[k] = true;
        total.allocations = parts;
        total.distribution = "each";
        total.notes.push_back("total split equally by the places that follow it (各)");
        return true;
      }
    }
  }
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
    // (…80万元，由甲乡、乙镇各使用40万元: who is to use it, written with 由.)
    for (std::string_view by : {"由", "其中"})
      if (lead == by) opens = places.front()->span.begin;
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
bool SentenceReader::split_total(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
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
bool SentenceReader::split_by_kind(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
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
  // (共计12万元，其中现金8万元、笔记本电脑20台（折合4万元）/ …，价值4万元的笔记本电脑20台: the goods
  // part counted as well as valued; its count stays with it.)
  if (cash_part && k + 2 < s_.measures.size() && (k + 3 >= s_.measures.size() || s_.measures[k + 3].span.begin >= segment.end) &&
      s_.measures[k + 2].span.begin < segment.end) {
    const Measure& first = s_.measures[k + 1];
    const Measure& second = s_.measures[k + 2];
    const bool count_then_value = first.kind == MeasureKind::quantity && second.kind == MeasureKind::money;
    const bool value_then_count = first.kind == MeasureKind::money && second.kind == MeasureKind::quantity;
    if (count_then_value || value_then_count) {
      const Measure& other = count_then_value ? second : first;
      const Measure& count = count_then_value ? first : second;
      const Span between{m.span.end, other.span.begin};
      const auto sum = checked_sum(m.value, other.value);
      if ((s_.has(Cat::goods, {m.span.end, count.span.begin}) || s_.has(Cat::value, between)) && !other.high && sum && *sum == whole &&
          s_.clause_of(count.span.begin) == s_.clause_of(other.span.begin)) {
        used[k] = used[k + 1] = used[k + 2] = true;
        const std::size_t goods_begin = value_then_count ? other.span.end : m.span.end;
        std::string item = detail::item_between(s_, goods_begin, count.span.begin);
        split_off(other.value, std::move(item), true);
        AidReport& goods = reports.back();
        goods.allocations.front().quantity = count.value;
        goods.unit = count.unit;
        return true;
      }
    }
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
std::optional<Allocation> SentenceReader::remainder_allocation(std::size_t from, const Whole& whole, std::int64_t rest) const {
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

// 各 or 均: each one of what was counted gets it (not 分别, which pairs lists).
bool SentenceReader::each_one(const LexToken* w) const { return w && w->is(Cat::each) && (s_.slice(w->span) == "各" || s_.slice(w->span) == "均"); }

// 由两镇平均分配, 平均分给, 均分: in the amount's clause or the one after it.
bool SentenceReader::says_equal_shares(std::size_t clause) const {
  for (std::size_t c = clause; c < s_.clauses.size() && c <= clause + 1; ++c)
    for (std::string_view w : {"平均分配", "平均分给", "平均分到", "均分", "平分"})
      if (s_.slice(s_.clauses[c]).find(w) != std::string_view::npos) return true;
  return false;
}

// The amount `k` (its product `total`) sums the money of the gifts already read in this sentence:
// the same money described again.
bool SentenceReader::restates_gifts_before(std::size_t k, std::int64_t total, const std::vector<AidReport>& reports) const {
  if (reports.empty() || k == 0) return false;
  std::int64_t sum = 0;
  for (const auto& r : reports) {
    if (r.sentence.begin != sentence_.span.begin) continue;
    for (const auto& a : r.allocations) sum += a.amount_fen.value_or(0);
  }
  return sum == total;
}

}  // namespace aidledger::extract::detail
