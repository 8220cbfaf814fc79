// A sentence read once into typed tokens (see frame.hpp).
#include <algorithm>
#include <cctype>

#include "aidledger/extract/frame.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {
namespace {

bool overlaps(Span a, Span b) { return a.begin < b.end && b.begin < a.end; }

std::vector<Span> split_at(std::string_view s, std::u32string_view stops) {
  std::vector<Span> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const char32_t cp = text::next_code_point(s, i);
    // (A comma between digits groups thousands, 1,500,000元: no clause ends there.)
    const bool thousands = cp == U',' && at > 0 && std::isdigit(static_cast<unsigned char>(s[at - 1])) && i < s.size() &&
                           std::isdigit(static_cast<unsigned char>(s[i]));
    if (stops.find(cp) != std::u32string_view::npos && !thousands) {
      out.push_back({start, at});
      start = i;
    }
  }
  out.push_back({start, s.size()});
  return out;
}

std::size_t index_of(const std::vector<Span>& spans, std::size_t pos) {
  // Spans are sorted and contiguous: the first one that ends after pos.
  auto it = std::upper_bound(spans.begin(), spans.end(), pos, [](std::size_t p, const Span& s) { return p < s.end; });
  if (it == spans.end()) return spans.empty() ? 0 : spans.size() - 1;
  return static_cast<std::size_t>(it - spans.begin());
}

}  // namespace

std::size_t SentenceTokens::clause_of(std::size_t pos) const { return index_of(clauses, pos); }
std::size_t SentenceTokens::segment_of(std::size_t pos) const { return index_of(segments, pos); }

std::size_t SentenceTokens::han_from(std::size_t pos, std::size_t limit) const {
  limit = std::min(limit, text.size());
  while (pos < limit) {
    std::size_t next = pos;
    if (text::is_han(text::next_code_point(text, next))) break;
    pos = next;
  }
  return std::min(pos, limit);
}

bool SentenceTokens::quoted(std::size_t pos) const {
  return std::any_of(quotes.begin(), quotes.end(), [&](const Span& q) { return q.begin <= pos && pos < q.end; });
}

const LexToken* SentenceTokens::first(Cat c, Span region) const {
  for (const auto& w : words)
    if (w.span.begin >= region.begin && w.span.end <= region.end && w.is(c)) return &w;
  return nullptr;
}

const LexToken* SentenceTokens::last(Cat c, Span region) const {
  for (auto it = words.rbegin(); it != words.rend(); ++it)
    if (it->span.begin >= region.begin && it->span.end <= region.end && it->is(c)) return &*it;
  return nullptr;
}

const LexToken* SentenceTokens::last(CatSet cats, Span region) const {
  for (auto it = words.rbegin(); it != words.rend(); ++it)
    if (it->span.begin >= region.begin && it->span.end <= region.end && (it->cats & cats)) return &*it;
  return nullptr;
}

const LexToken* SentenceTokens::word_at(std::size_t pos) const {
  auto it = std::lower_bound(words.begin(), words.end(), pos, [](const LexToken& w, std::size_t p) { return w.span.begin < p; });
  return it != words.end() && it->span.begin == pos ? &*it : nullptr;
}

const LexToken* SentenceTokens::word_before(std::size_t pos) const {
  for (const auto& w : words)
    if (w.span.end == pos) return &w;
  return nullptr;
}

namespace {

// Drops the measures `no_goods(i)` says are none, in order (each test sees the measures kept before it).
template <class Pred>
void drop_measures(std::vector<Measure>& measures, Pred no_goods) {
  for (std::size_t i = 0; i < measures.size();) {
    if (no_goods(i)) measures.erase(measures.begin() + static_cast<std::ptrdiff_t>(i));
    else ++i;
  }
}

}  // namespace

SentenceTokens tokenize(std::string_view sentence, const Lexicon& lex, const PlaceFinder& places, const Directory& d) {
  SentenceTokens s;
  s.text = sentence;
  s.measures = scan_measures(sentence, &s.refused);
  s.places = places.find(sentence);
  s.clauses = split_at(sentence, U",:;");
  s.segments = split_at(sentence, U";");
  // 这两台设备共计价值十六万元, 两台设备价值均为18万元: goods already counted, named again to be
  // valued (after a demonstrative, or opening a clause that values them after a count of that unit).
  // (这30套课桌椅，是…捐赠的: the first count of goods named before uncounted is their count.)
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity) return false;
    bool demonstrative_before = false;
    for (std::string_view demonstrative : {"这", "那", "该", "此", "上述", "这些"})
      demonstrative_before = demonstrative_before || text::ends_at(sentence, m.span.begin, demonstrative);
    const std::size_t clause_start = sentence.find_last_of(",;:", m.span.begin == 0 ? 0 : m.span.begin - 1);
    const std::size_t opens = clause_start == std::string_view::npos ? 0 : clause_start + 1;
    const std::size_t clause_end = std::min(sentence.find_first_of(",;:", m.span.end), sentence.size());
    const bool values_in_clause = sentence.substr(m.span.end, clause_end - m.span.end).find("价值") != std::string_view::npos;
    const bool counted_before = std::any_of(s.measures.begin(), s.measures.begin() + static_cast<std::ptrdiff_t>(i),
                                            [&](const Measure& o) { return o.kind == MeasureKind::quantity && o.unit == m.unit; });
    return (demonstrative_before && (counted_before || values_in_clause)) || (opens == m.span.begin && values_in_clause && counted_before);
  });
  // (单位:万元): the unit of a table's figures, no amount.
  drop_measures(s.measures, [&](std::size_t i) { return text::ends_at(sentence, s.measures[i].span.begin, "单位:"); });
  // (年可烘干连翘鲜果600吨, 库容800吨: what a plant can hold or make counts no goods.)
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity) return false;
    std::size_t clause_begin = 0;
    for (std::size_t at = m.span.begin; at > 0;) {
      const std::size_t prev = text::previous_code_point_start(sentence, at);
      const char32_t cp = text::code_point_at(sentence, prev);
      if (cp == U',' || cp == U';' || cp == U'，' || cp == U'；' || cp == U'。') {
        clause_begin = at;
        break;
      }
      at = prev;
    }
    const std::string_view lead = sentence.substr(clause_begin, m.span.begin - clause_begin);
    for (std::string_view capacity : {"年可", "日可", "月可", "每年可", "每天可", "可储存", "可存储", "可烘干", "可加工", "可容纳", "可生产", "可处理",
                                      "库容", "容量", "产能", "年产", "日产", "年加工", "日加工", "年处理", "日处理", "设计能力"})
      if (lead.find(capacity) != std::string_view::npos) return true;
    return false;
  });
  // (上月区教育局捐赠的50台电脑已全部投入使用: a gift told as the subject of how it is used now
  // restates it; the count is no gift of this sentence.)
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity) return false;
    // (…交付的首批8套智慧黑板已投入使用: a batch word may stand between.)
    std::size_t count_at = m.span.begin;
    for (std::string_view batch : {"首批", "第一批", "第二批", "头批"})
      if (text::ends_at(sentence, count_at, batch)) count_at -= batch.size();
    if (!text::ends_at(sentence, count_at, "的")) return false;
    const std::string_view before = sentence.substr(0, count_at - std::string_view("的").size());
    bool given = false;
    for (std::string_view verb : {"捐赠", "捐献", "赠送", "援建", "捐建", "送来", "送去", "捐助", "资助", "交付", "运抵", "送达", "配备"})
      given = given || text::ends_at(before, before.size(), verb);
    if (!given) return false;
    std::size_t at = m.span.end;
    for (int chars = 0; at < sentence.size() && chars < 10; ++chars) {
      // (Only how it is used: 已全部投入使用, 已经用上; not 已运抵, 已交付使用, which tell the gift.)
      for (std::string_view still : {"已经全部", "已全部", "已经", "都已", "已", "仍在", "仍"})
        if (text::starts_at(sentence, at, still)) {
          const std::size_t state = at + still.size();
          for (std::string_view used : {"投入使用", "用上", "亮灯", "亮起", "投用", "运行", "正常使用", "派上", "照亮", "在使用"})
            if (text::starts_at(sentence, state, used)) return chars > 0;
          return false;
        }
      if (!text::is_han(text::code_point_at(sentence, at))) return false;
      text::next_code_point(sentence, at);
    }
    return false;
  });
  // (实施重点建设项目56个, 56个项目: projects counted are no goods.)
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity || (m.unit != "个" && m.unit != "项")) return false;
    return text::ends_at(sentence, m.span.begin, "项目") || text::starts_at(sentence, m.span.end, "项目") ||
           text::starts_at(sentence, m.span.end, "重点项目") || text::starts_at(sentence, m.span.end, "帮扶项目");
  });
  // (一辆满载米面油的货车运抵…: the vehicle carries the gift; it is none.)
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity || m.unit != "辆") return false;
    for (std::string_view carrying : {"满载", "装满", "载着", "装载", "拉着", "满装"})
      if (text::starts_at(sentence, m.span.end, carrying)) return true;
    return false;
  });
  // 一袋25公斤装的面粉, 5斤装礼盒: the size of one package counts no goods.
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity || !text::starts_at(sentence, m.span.end, "装")) return false;
    const std::size_t after = m.span.end + std::string_view("装").size();
    return after >= sentence.size() || text::starts_at(sentence, after, "的") || !text::is_han(text::code_point_at(sentence, after)) ||
           std::any_of(s.measures.begin(), s.measures.begin() + static_cast<std::ptrdiff_t>(i), [&](const Measure& o) {
             return o.kind == MeasureKind::quantity && o.span.end == m.span.begin;  // (一袋25公斤装)
           });
  });
  // 送去了一份沉甸甸的节日礼物：学习用品300套、课外读物1,200册: a count of one whose clause ends
  // in a colon, with counts after it, names the things the colon lists; it is no gift of its own.
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (i + 1 >= s.measures.size() || m.kind != MeasureKind::quantity || m.value != 1) return false;
    const std::size_t colon = sentence.find(':', m.span.end);
    if (colon == std::string_view::npos) return false;
    const std::string_view before_colon = sentence.substr(m.span.end, colon - m.span.end);
    return before_colon.find_first_of(",;") == std::string_view::npos && before_colon.find("。") == std::string_view::npos &&
           s.measures[i + 1].span.begin > colon;
  });
  for (std::size_t open = sentence.find("“"); open != std::string_view::npos; open = sentence.find("“", open + 1)) {
    const std::size_t close = sentence.find("”", open);
    if (close == std::string_view::npos) break;
    s.quotes.push_back({open, close});
  }
  for (std::size_t open = sentence.find("《"); open != std::string_view::npos; open = sentence.find("《", open + 1)) {
    const std::size_t close = sentence.find("》", open);
    if (close == std::string_view::npos) break;
    s.quotes.push_back({open, close});
    s.titles.push_back({open, close});
  }
  // Words inside an amount or a place name are part of it (向阳村 holds no 向).
  const std::vector<LexToken> scanned = lex.scan(sentence);
  // 带来了一份心意, 送上一份温暖: one share of a feeling counts no goods.
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    if (m.kind != MeasureKind::quantity || m.value != 1 || m.unit != "份") return false;
    return std::any_of(scanned.begin(), scanned.end(), [&](const LexToken& w) {
      const std::string_view between = sentence.substr(m.span.end, w.span.begin >= m.span.end ? w.span.begin - m.span.end : 0);
      return w.is(Cat::sentiment) && w.span.begin >= m.span.end && text::code_point_count(between) <= 4 &&
             between.find_first_of(",;:") == std::string_view::npos;
    });
  });
  // 一张10万元的支票, 一笔5万元的善款: one of the things money is written on counts no goods; the
  // money right after it is the gift.
  drop_measures(s.measures, [&](std::size_t i) {
    const Measure& m = s.measures[i];
    return m.kind == MeasureKind::quantity && m.value == 1 && i + 1 < s.measures.size() &&
           s.measures[i + 1].kind == MeasureKind::money && s.measures[i + 1].span.begin == m.span.end;
  });
  s.organisations = organisations_in(sentence, d, &scanned);
  // 某公司是高新区一家…的高新技术企业, 某公司是经开区汽车零部件龙头企业: what follows 是 after a
  // name, in its clause, describes that name; it names no other organisation.
  for (std::size_t i = 1; i < s.organisations.size();) {
    const Span before = s.organisations[i - 1].first, name = s.organisations[i].first;
    const std::string_view between = sentence.substr(before.end, name.begin - before.end);
    const bool described = text::starts_at(between, 0, "是") && between.find_first_of(",;:") == std::string_view::npos &&
                           between.find("。") == std::string_view::npos && !text::ends_at(between, between.size(), "、");
    if (described) s.organisations.erase(s.organisations.begin() + static_cast<std::ptrdiff_t>(i));
    else ++i;
  }
  for (const LexToken& w : scanned) {
    const bool covered =
        std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& m) { return overlaps(m.span, w.span); }) ||
        std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) {
          return p.level != PlaceLevel::collective && overlaps(p.span, w.span);
        }) ||
        // (A word of time inside a company's name, 智创未来…有限公司, says nothing of the gift; nor a
        // figure's word, 某某发展投资集团有限公司拟捐资….)
        ((w.is(Cat::modal) || w.is(Cat::not_aid)) && std::any_of(s.organisations.begin(), s.organisations.end(), [&](const auto& o) {
           return o.first.begin < w.span.begin && w.span.end < o.first.end;
         }));
    // (2026年产业发展资金: the 年 of a year written before it is no part of 年产.)
    const bool year_before = w.is(Cat::not_aid) && text::starts_at(sentence, w.span.begin, "年") && w.span.begin > 0 &&
                             sentence[w.span.begin - 1] >= '0' && sentence[w.span.begin - 1] <= '9';
    if (!covered && !year_before) s.words.push_back(w);
  }
  // A modal followed by 的 describes a thing (精心准备的年货, 计划的项目): no future.
  // (Nor is a plan named: 启动“助学圆梦”计划, 结对帮扶计划，….)
  for (auto& w : s.words) {
    if (!w.is(Cat::modal)) continue;
    // (为36名"春蕾计划"女童每人发放…: a plan's name closes right after it.)
    const bool named_plan = s.slice(w.span) == "计划" &&
                            ((w.span.begin >= 3 && text::ends_at(sentence, w.span.begin, "”")) || text::starts_at(sentence, w.span.end, "”") ||
                             text::starts_at(sentence, w.span.end, "\"") || text::starts_at(sentence, w.span.end, "》"));
    std::size_t after = w.span.end;
    const char32_t next = after < sentence.size() ? text::next_code_point(sentence, after) : U'。';
    const bool plan_noun = s.slice(w.span) == "计划" && std::u32string_view(U",。、;:").find(next) != std::u32string_view::npos;
    // (察看年货准备和取暖情况, 准备工作: preparations, a noun.)
    bool preparations = false;
    if (s.slice(w.span) == "准备")
      for (std::string_view noun_next : {"和", "与", "及", "情况", "工作", "就绪"})
        preparations = preparations || text::starts_at(sentence, w.span.end, noun_next);
    if (preparations) w.cats &= ~bit(Cat::modal);
    // (承诺的600万元 is the sum promised: a pledge still.)
    const bool promised = s.slice(w.span) == "承诺";
    if ((text::starts_at(sentence, w.span.end, "的") && !promised) || named_plan || plan_noun) w.cats &= ~bit(Cat::modal);
  }
  // 将 before a noun phrase and its verb (将募集到的图书转交给…, 将水泵12台送往…) moves a thing:
  // it is the 把 of written Chinese, not the future.
  for (auto& w : s.words) {
    if (!w.is(Cat::modal) || s.slice(w.span) != "将") continue;
    // (将向某乡…注入, 将于年底前…, 将在…: a marker or a time right after 将 makes it the future.)
    if (const LexToken* next = s.word_at(w.span.end); next && next->is(Cat::to)) continue;
    if (text::starts_at(sentence, w.span.end, "于") || text::starts_at(sentence, w.span.end, "在")) continue;
    // (A verb followed by 的/到的/所得 describes the thing: 将募集到的读物转交给…)
    const auto verb = std::find_if(s.words.begin(), s.words.end(), [&](const LexToken& v) {
      const bool modifier = text::starts_at(sentence, v.span.end, "的") || text::starts_at(sentence, v.span.end, "到的") ||
                            text::starts_at(sentence, v.span.end, "来的") || text::starts_at(sentence, v.span.end, "所得");
      // (帮扶资金 is a noun of giving and money: part of the thing moved, not its verb.)
      return v.span.begin >= w.span.end && !modifier && (v.cats & (bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::buy))) &&
             !v.is(Cat::cash);
    });
    std::size_t until = verb == s.words.end() ? w.span.end : verb->span.begin;
    // (将分三年向两乡镇帮扶基金注入…: what follows a marker of the recipient is where it goes, not
    // the thing moved.)
    for (const LexToken& t : s.words)
      if (t.is(Cat::to) && t.span.begin >= w.span.end && t.span.begin < until) {
        until = t.span.begin;
        break;
      }
    const std::string_view between = s.slice(w.span.end, until);
    // 将智慧黑板送到某校: a thing named between 将 and a verb of delivery is being moved.
    bool delivered = false;
    if (verb != s.words.end() && text::code_point_count(between) >= 2)
      for (std::string_view v : {"送到", "送往", "送去", "送达", "运往", "运抵", "交给", "转交", "交付", "捐给"})
        delivered = delivered || text::starts_at(sentence, verb->span.begin, v);
    // (将募集来的儿童棉衣180件，送到了某村: the delivery may open the next clause.)
    const bool verb_opens_next = verb != s.words.end() && s.clause_of(verb->span.begin) == s.clause_of(w.span.begin) + 1 && delivered &&
                                 s.han_from(s.clauses[s.clause_of(verb->span.begin)].begin, verb->span.end) == verb->span.begin;
    const bool object = verb != s.words.end() && (s.clause_of(verb->span.begin) == s.clause_of(w.span.begin) || verb_opens_next) &&
                        (delivered || between.find("的") != std::string_view::npos ||
                         std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& m) { return m.span.begin >= w.span.end && m.span.end <= until; }) ||
                         s.has(Cat::goods, {w.span.end, until}) || s.has(Cat::cash, {w.span.end, until}));
    if (object) w.cats &= ~bit(Cat::modal);
  }
  // 为甲小学、乙小学每校捐赠1万5: 每 and a place noun right after the places it names, listed, is
  // each of them (not a rate to be multiplied by a count).
  for (auto& w : s.words) {
    if (!w.is(Cat::per_unit) || !text::starts_at(sentence, w.span.begin, "每")) continue;
    std::size_t noun = w.span.begin + std::string_view("每").size();
    if (text::starts_at(sentence, noun, "个")) noun += std::string_view("个").size();
    bool of_places = false;
    for (std::string_view p : {"校", "所", "村", "院", "乡", "镇"}) of_places = of_places || text::starts_at(sentence, noun, p);
    if (!of_places) continue;
    const std::size_t clause_begin = s.clauses[s.clause_of(w.span.begin)].begin;
    const std::string_view before = s.slice(clause_begin, w.span.begin);
    bool names_places = std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) { return p.span.end == w.span.begin; });
    for (std::string_view end : {"小学", "中学", "学校", "卫生院", "卫生室", "幼儿园", "敬老院", "村", "乡", "镇"})
      names_places = names_places || text::ends_at(before, before.size(), end);
    if (names_places && before.find("、") != std::string_view::npos) {
      w.cats &= ~bit(Cat::per_unit);
      w.cats |= bit(Cat::each);
    }
  }
  // 全乡22名大学新生各自领到了2500元: 各自 (or 各) right after people counted is a rate per head,
  // to be multiplied by the count, not each of several recipients.
  for (auto& w : s.words) {
    if (!w.is(Cat::each) || (s.slice(w.span) != "各自" && s.slice(w.span) != "各")) continue;
    const std::size_t clause_begin = s.clauses[s.clause_of(w.span.begin)].begin;
    const std::string_view before = s.slice(clause_begin, w.span.begin);
    std::size_t unit = std::string_view::npos;
    for (std::string_view u : {"名", "位"})
      if (const std::size_t at = before.rfind(u); at != std::string_view::npos && (unit == std::string_view::npos || at > unit)) unit = at;
    if (unit == std::string_view::npos || unit == 0) continue;
    const std::size_t numeral = text::previous_code_point_start(before, unit);
    if (!is_count_numeral(text::code_point_at(before, numeral))) continue;
    const std::size_t people_begin = clause_begin + unit + std::string_view("名").size();
    const std::string_view people = s.slice(people_begin, w.span.begin);
    const std::size_t n = text::code_point_count(people);
    if (n < 1 || n > 8 || !text::all_han(people) || !s.has(Cat::people, {people_begin, w.span.begin})) continue;
    w.cats &= ~bit(Cat::each);
    w.cats |= bit(Cat::per_unit);
  }
  // 为甲卫生院配备一台除颤仪: a verb that gives only to someone marked before it in its clause; else
  // it furnishes a thing already named (书屋配备图书2000册, 县财政…配备灭火机200台).
  for (auto& w : s.words) {
    if (!w.is(Cat::for_someone)) continue;
    const std::size_t clause_begin = s.clauses[s.clause_of(w.span.begin)].begin;
    if (!s.has(Cat::to, {clause_begin, w.span.begin})) w.cats &= ~(bit(Cat::give) | bit(Cat::give_paid));
  }
  return s;
}

}  // namespace aidledger::extract::detail
