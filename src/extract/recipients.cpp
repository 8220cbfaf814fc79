// To whom: the places a gift went to, read from where Chinese news names them.
//
// In order of preference: places after a recipient marker (向, 为, 给, 用于 …) in the gift's own
// clauses; other places there; a purpose clause right after the amount (…30万元，用于X的…); an
// earlier clause of the sentence (来到X，为师生送去…). 两乡镇/两个乡镇/两地 are the article's townships.
#include <algorithm>

#include "aidledger/extract/frame.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {
namespace {

using text::next_code_point;

bool is_separator(std::string_view gap) {
  return gap.empty() || gap == "、" || gap == "和" || gap == "及" || gap == "与" || gap == "以及" || gap == " ";
}

// Between two places of a list: a separator, or an institution of the first and a separator
// (狮子坪乡敬老院、木桐乡敬老院).
bool is_list_gap(std::string_view gap) {
  if (is_separator(gap)) return true;
  for (std::string_view sep : {"、", "和", "及", "与"}) {
    if (!text::ends_at(gap, gap.size(), sep)) continue;
    const std::string_view head = gap.substr(0, gap.size() - sep.size());
    const std::size_t n = text::code_point_count(head);
    if (n < 1 || n > 5) return false;
    for (std::size_t i = 0; i < head.size();)
      if (!text::is_han(next_code_point(head, i))) return false;
    return true;
  }
  return false;
}

constexpr CatSet kMarkers = bit(Cat::to) | bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::arrive);

// A place is marked when, looking left over a list of places, the word before it marks a recipient.
bool marked(const SentenceTokens& s, std::size_t place_index, CatSet markers) {
  std::size_t pos = s.places[place_index].span.begin;
  for (std::size_t j = place_index; j-- > 0;) {
    const Span prev = s.places[j].span;
    if (prev.end > pos) continue;
    if (!is_list_gap(s.slice(prev.end, pos))) break;
    pos = prev.begin;
  }
  const LexToken* w = s.word_before(pos);
  // (为该乡甲村、乙村: the marker before 该乡 marks the list after it.)
  if (w && w->is(Cat::here) && w->span.end == pos)
    if (const LexToken* m = s.word_before(w->span.begin); m && (m->cats & markers)) return true;
  return w && (w->cats & markers);
}

// 两乡镇 of the pairing district's own gift (or one of its departments', 区总工会): its paired townships.
bool gift_of_pairing_district(const ArticleMemory& memory) {
  if (memory.pairing_donor.empty() || memory.giver.empty()) return false;
  if (text::starts_at(memory.giver, 0, memory.pairing_donor)) return true;
  return text::starts_at(memory.giver, 0, "区") && text::starts_at(memory.actor, 0, memory.pairing_donor);
}

}  // namespace

std::vector<Recipient> expand_collective(const PlaceMention& p, const ArticleMemory& memory) {
  std::vector<Recipient> out;
  const auto is_paired = [&](const std::string& t) { return std::find(memory.paired.begin(), memory.paired.end(), t) != memory.paired.end(); };
  // (Not when the article names that many townships and none of the pair: 高新区结对帮扶甲乡、乙镇。…
  // 为两乡镇…: the pairing the article tells of, whatever the gazetteer knew.)
  const bool names_others_only = p.count > 0 && static_cast<int>(memory.townships.size()) == p.count &&
                                 std::none_of(memory.townships.begin(), memory.townships.end(), is_paired);
  if (p.count > 0 && static_cast<int>(memory.paired.size()) == p.count && gift_of_pairing_district(memory) && !names_others_only) {
    for (const auto& t : memory.paired) out.push_back({t, t});
    return out;
  }
  // Another district's gift to 两镇 right after its own townships were named (郑东新区…官道口镇、
  // 朱阳关镇…；将向两镇分别投入…): the townships named last.
  if (p.count > 0 && !memory.giver.empty() && static_cast<int>(memory.recent_townships.size()) >= p.count &&
      static_cast<int>(memory.townships.size()) != p.count) {
    const auto first = memory.recent_townships.end() - p.count;
    if (std::none_of(first, memory.recent_townships.end(), is_paired)) {
      for (auto it = first; it != memory.recent_townships.end(); ++it) out.push_back({*it, *it});
      return out;
    }
  }
  const bool named_are_paired = std::all_of(memory.townships.begin(), memory.townships.end(), [&](const std::string& t) {
    return std::find(memory.paired.begin(), memory.paired.end(), t) != memory.paired.end();
  });
  // (An article that names the pair and other townships too: 两乡镇 is still the pair.)
  const bool names_all_paired = !memory.paired.empty() && std::all_of(memory.paired.begin(), memory.paired.end(), [&](const std::string& t) {
    return std::find(memory.townships.begin(), memory.townships.end(), t) != memory.townships.end();
  });
  if (p.count > 0 && static_cast<int>(memory.townships.size()) == p.count) {
    for (const auto& t : memory.townships) out.push_back({t, t});
  } else if (p.count > 0 && static_cast<int>(memory.paired.size()) == p.count && (named_are_paired || names_all_paired)) {
    // 两乡镇 in an article that names fewer of them: the townships the gazetteer pairs.
    for (const auto& t : memory.paired) out.push_back({t, t});
  } else {
    out.push_back({p.name, ""});
  }
  return out;
}

namespace {

// Places in [begin, end), joined where a village follows its township (木桐乡东坡村 is one).
std::vector<Recipient> places_in(const SentenceTokens& s, std::size_t begin, std::size_t end, const std::optional<Giver>& giver,
                                 const ArticleMemory& memory, bool only_marked) {
  std::vector<Recipient> out;
  bool any_specific = false;
  for (const auto& p : s.places)
    if (p.span.begin >= begin && p.span.end <= end && p.level != PlaceLevel::county) any_specific = true;
  std::size_t last_end = std::string::npos;
  for (std::size_t i = 0; i < s.places.size(); ++i) {
    const PlaceMention& p = s.places[i];
    if (p.span.begin < begin || p.span.end > end || s.quoted(p.span.begin)) continue;
    if (giver && !giver->span.empty() && giver->span.begin <= p.span.begin && p.span.begin < giver->span.end) continue;
    if (p.level == PlaceLevel::county && any_specific) continue;
    // (在卢氏县举办的年货节上: the county where an event was held receives nothing itself.)
    if (p.level == PlaceLevel::county && text::ends_at(s.text, p.span.begin, "在")) continue;
    // 卢氏县徐家湾乡: the marker before the county marks the township after it.
    if (only_marked && !marked(s, i, kMarkers)) {
      const bool after_county = i > 0 && s.places[i - 1].level == PlaceLevel::county && s.places[i - 1].span.end == p.span.begin &&
                                marked(s, i - 1, kMarkers);
      const bool joined = !out.empty() && last_end == p.span.begin;
      // 为该镇桃园村, 为镇上西沟村小学: the marker before 该镇 marks the place after it.
      const LexToken* here = s.word_before(p.span.begin);
      const bool after_here = here && here->is(Cat::here) && here->span.end == p.span.begin && s.word_before(here->span.begin) &&
                              (s.word_before(here->span.begin)->cats & kMarkers);
      if (!after_county && !joined && !after_here) continue;
    }
    if (p.level == PlaceLevel::collective) {
      // (与甲乡、乙乡结对的某区，…向两乡分别送去…: the townships its sentence named before it, when
      // they are as many as it counts.)
      std::vector<std::string> named_before;
      for (const auto& q : s.places)
        if (q.span.end <= p.span.begin && q.level == PlaceLevel::township && !q.township.empty() && !s.quoted(q.span.begin) &&
            std::find(named_before.begin(), named_before.end(), q.township) == named_before.end())
          named_before.push_back(q.township);
      if (p.count > 0 && static_cast<int>(named_before.size()) == p.count) {
        for (const auto& t : named_before) out.push_back({t, t});
      } else {
        for (auto& r : expand_collective(p, memory)) out.push_back(std::move(r));
      }
      last_end = p.span.end;
      continue;
    }
    // (…共销售卢氏农特产品23.6万元, 向卢氏县捐赠…: the county itself, when the pairing district gives,
    // is the townships it is paired with, together.)
    if (p.level == PlaceLevel::county && memory.paired.size() >= 2 && gift_of_pairing_district(memory)) {
      for (const auto& t : memory.paired) out.push_back({t, t});
      last_end = p.span.end;
      continue;
    }
    if (!out.empty() && last_end == p.span.begin && out.back().name == out.back().township && out.back().township == p.township &&
        p.level != PlaceLevel::township) {
      out.back().name += p.name;  // 木桐乡东坡村: one recipient
    } else {
      out.push_back({p.name, p.township});
    }
    last_end = p.span.end;
  }
  // 为该镇…, 向该乡…, 为镇上某村小学…: the township named last, in this sentence or before it. A
  // place right after it (该镇桃园村) lies there. 向该校, 为该院: the school or clinic named last.
  for (const LexToken& w : s.words) {
    if (w.span.begin < begin || w.span.end > end || !(w.cats & (bit(Cat::here) | bit(Cat::here_institution)))) continue;
    const LexToken* before = s.word_before(w.span.begin);
    if (w.is(Cat::here)) {
      // (我镇收到…, 本乡获赠…: the township that speaks received; it publishes the page.)
      const std::string_view word = s.slice(w.span);
      const bool first_person = word == "我镇" || word == "我乡" || word == "本镇" || word == "本乡";
      // (…and so does 该镇 as the subject of a receiving verb, past totals and short time words
      // between: 2023年该镇共接收…, 全镇今年累计收到….)
      bool received = false;
      {
        auto it = std::upper_bound(s.words.begin(), s.words.end(), w.span.begin,
                                   [](std::size_t pos, const LexToken& t) { return pos < t.span.begin; });
        for (std::size_t from = w.span.end; it != s.words.end(); from = it->span.end, ++it) {
          const std::string_view gap = s.slice(from, it->span.begin);
          if (text::code_point_count(gap) > 4 || gap.find_first_of(",;:。") != std::string_view::npos) break;
          if (it->is(Cat::passive)) {
            received = s.slice(it->span) != "由";
            break;
          }
          if (!(it->cats & (bit(Cat::total) | bit(Cat::cumulative)))) break;
        }
      }
      if (!received && (!before || !(before->cats & (kMarkers | bit(Cat::buy))))) continue;  // (采购该镇…: bought from it)
      std::string last = first_person && !memory.home_township.empty() ? memory.home_township : memory.last_township;
      for (const auto& p : s.places)
        if (p.span.end <= w.span.begin && !p.township.empty() && p.level != PlaceLevel::collective) last = p.township;
      if (last.empty()) continue;
      bool placed = false;
      for (auto& r : out)
        if (r.township.empty()) r.township = last, placed = true;
      if (!placed && std::none_of(out.begin(), out.end(), [&](const Recipient& r) { return r.township == last; }))
        out.push_back({last, last});
    } else {
      if (!before || !(before->cats & kMarkers)) continue;
      Recipient r{memory.last_institution, memory.last_institution_township};
      for (const auto& p : s.places)
        if (p.span.end <= w.span.begin && (p.level == PlaceLevel::school || p.level == PlaceLevel::clinic)) r = {p.name, p.township};
      if (!r.name.empty()) out.push_back(r);
    }
  }
  // 为镇敬老院…, 为甲镇中心小学、镇初级中学各…: the township's own institution, named by 镇/乡 alone,
  // after a marker or in a list: in the township whose page this is, else the one named last.
  for (std::string_view own : {"镇", "乡"})
    for (std::size_t at = s.text.find(own, begin); at != std::string_view::npos && at + own.size() <= end; at = s.text.find(own, at + own.size())) {
      const LexToken* before = s.word_before(at);
      const bool listed = text::ends_at(s.text, at, "、");
      if (!listed && (!before || !(before->cats & kMarkers) || before->span.end != at)) continue;
      std::string_view institution;
      for (std::string_view w : {"敬老院", "中心小学", "中心学校", "初级中学", "中学", "小学", "卫生院", "幼儿园"})
        if (text::starts_at(s.text, at + own.size(), w)) {
          institution = w;
          break;
        }
      if (institution.empty()) continue;
      // (Which township: one named before it in the sentence, where the story stands, the page's
      // own, the one named last; a 乡's institution only in a 乡, a 镇's in a 镇.)
      std::string township;
      for (const auto& p : s.places)
        if (p.span.end <= at && !p.township.empty() && p.level != PlaceLevel::collective) township = p.township;
      for (const std::string* t : {&memory.scene_township, &memory.home_township, &memory.last_township})
        if (township.empty()) township = *t;
      if (township.empty() || !text::ends_at(township, township.size(), own)) continue;
      out.push_back({std::string(own) + std::string(institution), township});
    }
  // 两校, 两所学校 after a marker: the two schools named last (甲村小学、乙村小学…。…为两校各送去…).
  for (std::string_view two : {"两校", "两所学校", "两所小学", "两所中学", "两所村小"})
    for (std::size_t at = s.text.find(two, begin); at != std::string_view::npos && at + two.size() <= end; at = s.text.find(two, at + two.size())) {
      const LexToken* before = s.word_before(at);
      if (!before || !(before->cats & kMarkers) || before->span.end != at || memory.recent_schools.size() < 2) continue;
      for (auto it = memory.recent_schools.end() - 2; it != memory.recent_schools.end(); ++it) out.push_back({it->first, it->second});
    }
  // 两地 after a marker: the article's two townships.
  for (const auto& w : s.words) {
    if (w.span.begin < begin || w.span.end > end || s.slice(w.span) != "两地") continue;
    const LexToken* before = s.word_before(w.span.begin);
    if (before && before->is(Cat::to) && memory.townships.size() == 2)
      for (const auto& t : memory.townships) out.push_back({t, t});
  }
  // Each name once (a name repeated, or inside a longer one, is the same).
  std::vector<Recipient> distinct;
  for (const auto& r : out) {
    auto same = std::find_if(distinct.begin(), distinct.end(), [&](const Recipient& o) {
      return o.name.find(r.name) != std::string::npos || r.name.find(o.name) != std::string::npos;
    });
    if (same == distinct.end()) distinct.push_back(r);
    else if (r.name.size() > same->name.size()) *same = r;
  }
  return distinct;
}

}  // namespace

std::vector<Recipient> group_by_township(const std::vector<Recipient>& rs) {
  std::vector<Recipient> out;
  for (const auto& r : rs) {
    auto it = std::find_if(out.begin(), out.end(), [&](const Recipient& o) { return !r.township.empty() && o.township == r.township; });
    if (it == out.end()) {
      if (std::none_of(out.begin(), out.end(), [&](const Recipient& o) { return o.name == r.name; })) out.push_back(r);
      continue;
    }
    if (it->name == it->township) {
      if (r.name != r.township) it->name += r.name;
    } else if (r.name != r.township && it->name.find(r.name) == std::string::npos) {
      it->name += "、" + r.name;
    }
  }
  return out;
}

std::vector<Recipient> recipients_for(const SentenceTokens& s, std::size_t frame_begin, std::size_t verb, std::size_t measure,
                                      const std::optional<Giver>& giver, const ArticleMemory& memory) {
  const std::size_t mc = s.clause_of(measure);
  const std::size_t frame_end = s.clauses[mc].end;
  // The gift's own clauses: marked places first, then any.
  std::size_t marked_from = frame_begin;
  // (区农业农村局在甲镇召开对接会，分别向乙乡、甲镇捐赠…: where the giver stood in an earlier clause
  // is no recipient when the verb's own clause names one after 向/为.)
  if (verb != std::string::npos && s.clauses[s.clause_of(verb)].begin > frame_begin) {
    const std::size_t vc = s.clauses[s.clause_of(verb)].begin;
    bool named_in_verb_clause = false, only_stood_before = true;
    for (std::size_t i = 0; i < s.places.size(); ++i) {
      const Span p = s.places[i].span;
      // (为两乡镇 names no place of its own: it points back at those named before.)
      if (p.begin >= vc && p.end <= frame_end && s.places[i].level != PlaceLevel::collective && marked(s, i, kMarkers & ~bit(Cat::arrive)))
        named_in_verb_clause = true;
      if (p.begin >= frame_begin && p.end <= vc && marked(s, i, kMarkers & ~bit(Cat::arrive))) only_stood_before = false;
    }
    if (named_in_verb_clause && only_stood_before) marked_from = vc;
  }
  if (auto r = places_in(s, marked_from, frame_end, giver, memory, true); !r.empty()) {
    // A list marked in an earlier clause may go on at the start of the verb's clause
    // (对甲村…项目，乙乡…项目分别捐赠).
    if (verb != std::string::npos) {
      const Span vc = s.clauses[s.clause_of(verb)];
      const std::size_t first = s.han_from(vc.begin, verb);
      const bool opens = std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) { return p.span.begin == first; });
      if (vc.begin > frame_begin && opens)
        for (auto& more : places_in(s, vc.begin, verb, giver, memory, false))
          if (std::none_of(r.begin(), r.end(), [&](const Recipient& o) { return o.name == more.name; })) r.push_back(std::move(more));
    }
    return r;
  }
  const std::size_t own_begin = verb != std::string::npos ? s.clauses[s.clause_of(verb)].begin : s.clauses[mc].begin;
  std::vector<Recipient> county_only;
  if (auto r = places_in(s, std::max(own_begin, frame_begin), frame_end, giver, memory, false); !r.empty()) {
    // Only the county (运抵卢氏后): a later clause may say which township.
    if (std::any_of(r.begin(), r.end(), [](const Recipient& x) { return !x.township.empty(); })) return r;
    county_only = r;
  }
  // A purpose clause right after the amount: …30万元，用于X的…; …全部交由X统一调配.
  if (mc + 1 < s.clauses.size() && s.segment_of(s.clauses[mc + 1].begin) == s.segment_of(measure)) {
    const Span next = s.clauses[mc + 1];
    // (用于X, 交由X, 送往X, 运抵X: a marker or a verb of delivery.)
    const LexToken* to = nullptr;
    for (const auto& w : s.words)
      if (w.span.begin >= next.begin && w.span.end <= next.end && (w.cats & kMarkers)) {
        to = &w;
        break;
      }
    const bool own_amount = std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& m) {
      return m.span.begin >= next.begin && m.span.begin < next.end;
    });
    // (Dates and words of completion or manner before the marker do not count: 已于7月26日全部转交X.)
    std::size_t lead_chars = 0;
    if (to) {
      for (std::size_t i = next.begin; i < to->span.begin;) {
        if (const auto d = std::find_if(s.dates.begin(), s.dates.end(), [&](const DatedMention& dm) { return dm.span.begin == i; }); d != s.dates.end()) {
          i = d->span.end;
          continue;
        }
        if (const LexToken* w = s.word_at(i); w && (w->cats & (bit(Cat::paid) | bit(Cat::manner) | bit(Cat::connective)))) {
          i = w->span.end;
          continue;
        }
        next_code_point(s.text, i);
        ++lead_chars;
      }
    }
    if (to && !own_amount && lead_chars <= 4)
      if (auto r = places_in(s, to->span.end, next.end, giver, memory, false); !r.empty()) return r;
  }
  // The verb in a later clause (以每斤8元的价格，采购了甲乡的小米…): the places after it.
  if (verb != std::string::npos && s.clause_of(verb) > mc)
    if (auto r = places_in(s, verb, s.clauses[s.clause_of(verb)].end, giver, memory, false); !r.empty()) return r;
  if (!county_only.empty()) return county_only;
  // An earlier clause of the sentence: 来到X，为师生送去…
  for (std::size_t c = s.clause_of(frame_begin); c-- > 0;) {
    if (auto r = places_in(s, s.clauses[c].begin, s.clauses[c].end, giver, memory, true); !r.empty()) return r;
  }
  return {};
}

}  // namespace aidledger::extract::detail
