// To whom, for SentenceReader (sentence_reader.hpp): places named and where a bare village lies,
// and the people, households or places counted (50名学生, 甲乡120户、乙镇80户, 8个行政村各) that a
// per-unit amount (每人, 每户) is multiplied by.
#include "sentence_reader.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

namespace {

// What people, households or schools are counted in (50名, 120户, 8个村), and the characters of the count.
constexpr std::string_view kCountUnits[] = {"名", "人", "户", "所", "个", "位", "家", "村", "校"};

}  // namespace

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

// 乙村 or 乙村小学: a village's bare name, not one written with another place before it (荥阳东沟村).
bool SentenceReader::bare_village(std::string_view name) {
  const std::size_t cun = name.find("村");
  return cun != std::string_view::npos && text::code_point_count(name.substr(0, cun)) <= 3;
}

// 南窑小学, 裕丰卫生室: a village's school or clinic by a short name of its own.
bool SentenceReader::local_institution(std::string_view name) {
  for (std::string_view w : {"小学", "卫生室", "幼儿园", "教学点"})
    if (text::ends_at(name, name.size(), w) && text::code_point_count(name) - text::code_point_count(w) <= 3) return true;
  return false;
}

// The count right before 各 (8个行政村各, 5所学校各), when 各 is what distributes.
std::optional<std::int64_t> SentenceReader::counted_before_each(std::size_t from, std::size_t measure_begin, bool separately_too) const {
  const LexToken* e = nullptr;
  // (向某乡12个行政村分别捐赠5000元: 分别 before one amount, not a list, is 各 too.)
  for (const auto& w : s_.words)
    if (w.span.begin >= from && w.span.end <= measure_begin && (each_one(&w) || (separately_too && s_.slice(w.span) == "分别"))) e = &w;
  if (!e) return std::nullopt;
  // (15名家庭困难的大学新生各: the people may be described at some length.)
  std::size_t window = std::max(from, e->span.begin >= 45 ? e->span.begin - 45 : std::size_t{0});
  // (…三家爱心企业，在甲乡、乙镇各资助20名: places right before 各 are what it distributes over; a
  // count before them is of something else.)
  for (const auto& p : s_.places)
    if (p.span.end <= e->span.begin && p.span.end > window) window = p.span.end;
  return count_before(e->span.begin, window);
}

// Townships and villages written out by name in [from, to) (not 两乡镇); a place named inside
// another (徐家湾乡 in 徐家湾乡中心小学) is not counted again.
std::size_t SentenceReader::named_places(std::size_t from, std::size_t to) const {
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

// 甲乡120户、乙镇80户: two or more townships each followed by its count, in [from, to).
std::vector<std::pair<Recipient, std::int64_t>> SentenceReader::counts_by_place(std::size_t from, std::size_t to) const {
  auto out = detail::counts_by_place(s_, from, to);
  if (!out.empty()) return out;
  // 两乡镇分别有24名、28名…: the places a collective stands for, each with its count in order.
  for (const auto& p : s_.places) {
    if (p.level != PlaceLevel::collective || p.count < 2 || p.span.begin < from || p.span.end > to) continue;
    std::size_t at = p.span.end;
    bool each = false;
    for (std::string_view w : {"分别有", "分别为", "分别"})
      if (starts_at(s_.text, at, w)) {
        at += w.size();
        each = true;
        break;
      }
    if (!each) continue;
    std::vector<std::int64_t> counts;
    std::string_view unit;
    while (at < to && counts.size() < static_cast<std::size_t>(p.count)) {
      const std::size_t e = count_numerals_end(s_.text, at, to);
      if (e == at) break;
      std::string_view u;
      for (std::string_view cu : kCountUnits)
        if (starts_at(s_.text, e, cu)) u = cu;
      const auto n = parse_integer(s_.slice(at, e));
      if (u.empty() || !n || *n <= 0 || (!unit.empty() && u != unit)) break;
      unit = u;
      counts.push_back(*n);
      at = e + u.size();
      if (starts_at(s_.text, at, "、") || starts_at(s_.text, at, "和") || starts_at(s_.text, at, "及")) at += 3;
    }
    if (counts.size() != static_cast<std::size_t>(p.count)) continue;
    const auto places = expand_collective(p, memory_at(p.span.begin));
    if (places.size() != counts.size()) continue;
    for (std::size_t i = 0; i < counts.size(); ++i) out.push_back({places[i], counts[i]});
    return out;
  }
  return out;
}

std::optional<std::int64_t> SentenceReader::count_before(std::size_t pos, std::size_t from) const { return count_in(s_.text, pos, from); }

// After 其中 (past `from`), the people each of the givers paid for, in the givers' order: 其中团工委
// 资助40名，青年企业家协会资助60名 → 40, 60. Empty unless every giver is named with a count.
std::vector<std::int64_t> SentenceReader::counts_by_giver(const Giver& g, std::size_t from) const {
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
const LexToken* SentenceReader::gives_one(const LexToken& per, Cat c) const {
  const std::string_view unit = s_.slice(per.span).substr(std::string_view("每").size());
  if (unit.empty() || !s_.slice(per.span).starts_with("每")) return nullptr;
  const LexToken* outer = s_.last(c, {0, per.span.begin});
  if (!outer) return nullptr;
  const std::size_t at = s_.text.find(fmt::format("一{}", unit), outer->span.end);
  return at < per.span.begin ? outer : nullptr;
}

// 每人一间，每间…: the per-unit word of the people who have one each.
const LexToken* SentenceReader::each_has_one(const LexToken& per) const { return gives_one(per, Cat::per_unit); }

// 为甲校、乙校各援建一间教室，每间价值20万元: one for each recipient, no count to look for.
bool SentenceReader::one_for_each(const LexToken& per) const { return gives_one(per, Cat::each) != nullptr; }

// Whether `per` is one of several rates after 其中 (其中本科生每人3000元、专科生每人2000元), each
// for a part of the people counted before it, with no count of its own.
bool SentenceReader::rates_of_parts(const LexToken& per) const {
  const LexToken* sub = s_.last(Cat::subsum, {0, per.span.begin});
  if (!sub || count_in(s_.text, per.span.begin, sub->span.end)) return false;
  int rates = 0;
  for (const auto& w : s_.words)
    if (w.is(Cat::per_unit) && w.span.begin > sub->span.end && s_.slice(w.span) == s_.slice(per.span)) ++rates;
  return rates >= 2;
}

// Who each one of a per-unit amount is, as written just before 每 (本科生每人 → 本科生): up to four
// Han characters back to a word that ends a phrase.
std::string SentenceReader::who_each_is(const LexToken& per) const {
  std::size_t b = per.span.begin;
  for (int chars = 0; chars < 4 && b > 0; ++chars) {
    const std::size_t p = text::previous_code_point_start(s_.text, b);
    const char32_t cp = text::code_point_at(s_.text, p);
    if (!text::is_han(cp) || std::u32string_view(U"为给向对中的其和、").find(cp) != std::u32string_view::npos) break;
    b = p;
  }
  return std::string(s_.text.substr(b, per.span.begin - b));
}

// Whether the sentence names a place of the county: a township, the pair (两乡镇) or the county.
bool SentenceReader::names_place_of_county() const {
  return std::any_of(s_.places.begin(), s_.places.end(), [](const PlaceMention& p) {
    return !p.township.empty() || p.level == PlaceLevel::collective || p.level == PlaceLevel::county;
  });
}

}  // namespace aidledger::extract::detail
