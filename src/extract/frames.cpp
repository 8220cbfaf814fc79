// What a frame says about its amount: status, scope, kind, distribution markers and goods.
// Each rule lives here once; the categories come from the lexicon.
#include <algorithm>

#include "aidledger/extract/frame.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {
namespace {

using text::code_point_at;
using text::code_point_before;
using text::next_code_point;
using text::starts_at;

// Strong words of a period's summary; 以来/截至/至今 only open a period (a total must follow).
// (据统计 alone is no summary: 据统计，送往两乡镇的慰问品分别价值… counts one gift. With 共 it is.)
std::string_view strip_leading(std::string_view s, std::initializer_list<std::string_view> words) {
  for (bool again = true; again;) {
    again = false;
    s = text::trim(s);
    // The longest word first: 各类 goes whole, not as 各 leaving 类.
    std::string_view best;
    for (std::string_view w : words)
      if (starts_at(s, 0, w) && w.size() > best.size()) best = w;
    if (!best.empty()) {
      s.remove_prefix(best.size());
      again = true;
    }
  }
  return s;
}
std::string_view strip_trailing(std::string_view s, std::initializer_list<std::string_view> words) {
  for (bool again = true; again;) {
    again = false;
    s = text::trim(s);
    for (std::string_view w : words)
      if (text::ends_at(s, s.size(), w)) {
        s.remove_suffix(w.size());
        again = true;
      }
  }
  return s;
}

std::string clean_item(std::string_view s) {
  if (const std::size_t de = s.rfind("的"); de != std::string_view::npos) s = s.substr(de + 3);
  // (计算机教室: 计 opens the name here, it counts nothing.)
  const bool computer = starts_at(s, 0, "计算机");
  s = strip_leading(s, {"将", "了", "共计", "合计", "总计", "共", "一批", "一些", "价值", "总价值", "各", "分别", "包括", "等", "各类", "各种",
                        "以及", "还有", "另有", "其中"});
  if (!computer) s = strip_leading(s, {"计"});
  // (图书1200册和新书包300个: the second item's name opens with the word that joins it.)
  if (text::code_point_count(s) > 2) s = strip_leading(s, {"和", "及", "与"});
  s = strip_trailing(s, {"共计", "合计", "总计", "共", "计", "约", "价值", "各", "达", "近", "超过", "折合", "总价值", "等",
                         "一批", "若干", "和", "及", "与", "以及", "分别", "共约", "总额", "金额"});
  while (!s.empty() && !text::is_han(code_point_at(s, 0)) && code_point_at(s, 0) != U'“') {
    std::size_t width = 0;
    next_code_point(s, width);
    s.remove_prefix(width);
  }
  while (!s.empty()) {
    const char32_t last = code_point_before(s, s.size());
    if (text::is_han(last) || last == U'”' || (last >= U'0' && last <= U'9') || (last >= U'A' && last <= U'z')) break;
    s.remove_suffix(s.size() - text::previous_code_point_start(s, s.size()));
  }
  for (std::size_t i = 0; i < s.size();)
    if (text::is_han(next_code_point(s, i))) return std::string(s);
  return std::string();
}

// 各类, 各项: many kinds of gifts, the mark of a summary.
bool names_many_kinds(const SentenceTokens& s) {
  return s.has(Cat::many_kinds, {0, s.text.size()});
}

}  // namespace

namespace {

// 首期, 第二批, 三期: the number of a tranche word, or 0 (尾款, 余款).
int tranche_number_of(std::string_view word) {
  if (word.find("首") != std::string_view::npos) return 1;
  static constexpr std::pair<std::string_view, int> kNumbers[] = {{"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6}};
  for (const auto& [numeral, n] : kNumbers)
    if (word.find(numeral) != std::string_view::npos) return n;
  return 0;
}

}  // namespace

namespace {

// The clause right before the clause of `m`, in its segment, when it names a tranche and holds no
// amount of its own (第三期帮扶资金拨付到位，两乡镇各收到30万元); empty otherwise.
Span tranche_clause_before(const SentenceTokens& s, const Measure& m) {
  const std::size_t c = s.clause_of(m.span.begin);
  if (c == 0 || s.segment_of(s.clauses[c - 1].begin) != s.segment_of(m.span.begin)) return {};
  const Span before = s.clauses[c - 1];
  const bool own_amount = std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= before.begin && o.span.begin < before.end; });
  if (own_amount || !s.has(Cat::tranche, before)) return {};
  return before;
}

}  // namespace

int tranche_number(const SentenceTokens& s, const Frame& f) {
  const Measure& m = s.measures[f.measure];
  const Span own = s.clauses[s.clause_of(m.span.begin)];
  if (const LexToken* w = s.last(Cat::tranche, {own.begin, m.span.begin})) return tranche_number_of(s.slice(w->span));
  if (const LexToken* w = s.first(Cat::tranche, own)) return tranche_number_of(s.slice(w->span));
  if (const Span before = tranche_clause_before(s, m); !before.empty())
    if (const LexToken* w = s.last(Cat::tranche, before)) return tranche_number_of(s.slice(w->span));
  return 0;
}

namespace {

// An agreement that names the time of a gift (协议签订当天，…捐赠; 签约仪式上, 签约现场) does not
// make the gift a promise.
bool names_a_time(const SentenceTokens& s, const LexToken& agreement) {
  for (std::size_t at = agreement.span.end, chars = 0; at < s.text.size() && chars < 3; ++chars) {
    // (协议签订后，…第一时间送去: after it was signed, the gift is done.)
    for (std::string_view when : {"当天", "当日", "仪式", "现场", "之际", "后", "以后", "之后"})
      if (starts_at(s.text, at, when)) return true;
    if (!text::is_han(text::next_code_point(s.text, at))) break;
  }
  return false;
}

// 《2022—2024年郑卢结对帮扶协议》第二批资金…拨付: the agreement named as a document, not one made.
bool in_document_title(const SentenceTokens& s, const LexToken& w) {
  const std::size_t open = s.text.rfind("《", w.span.begin);
  if (open == std::string_view::npos) return false;
  const std::size_t close = s.text.find("》", open);
  return close != std::string_view::npos && close >= w.span.end;
}

// An agreement in `region` that is not the time of the gift, nor a document's title.
// 协议第二期资金, 协议的首批资金: the agreement names which payment this is; it agrees nothing here.
bool labels_a_tranche(const SentenceTokens& s, const LexToken& a) {
  std::size_t at = a.span.end;
  if (starts_at(s.text, at, "的")) at += std::string_view("的").size();
  const LexToken* next = s.word_at(at);
  return next && next->is(Cat::tranche);
}

// 按照去年签订的协议，将首期资金…拨付: an agreement acted on, with a tranche or a payment in its
// clause, is being fulfilled, not made. (根据协议，三年内…安排450万元: its terms, a pledge.)
// (按照去年签订的协议，高新区日前将120万元拨付至甲乡: the payment may follow in the next clause,
// when nothing there says it is still to come.)
bool acted_on(const SentenceTokens& s, const LexToken& a) {
  const Span clause = s.clauses[s.clause_of(a.span.begin)];
  if (!s.has(Cat::according, {clause.begin, a.span.begin})) return false;
  // (…两年共400万元，首批资金将于春节前拨付: a tranche still to come fulfils nothing yet.)
  const bool tranche_done = std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
    const Span seg = s.segments[s.segment_of(a.span.begin)];
    return w.is(Cat::tranche) && w.span.begin >= seg.begin && w.span.end <= seg.end && !s.has(Cat::modal, s.clauses[s.clause_of(w.span.begin)]);
  });
  if (tranche_done || s.has(Cat::give_paid, {a.span.end, clause.end}) || s.has(Cat::buy, {a.span.end, clause.end}))
    return true;
  if (const std::size_t next = s.clause_of(a.span.begin) + 1; next < s.clauses.size()) {
    const Span nc = s.clauses[next];
    return s.segment_of(nc.begin) == s.segment_of(a.span.begin) && s.has(Cat::give_paid, nc) && !s.has(Cat::modal, nc) &&
           !s.has(Cat::agreement, nc);
  }
  return false;
}

// 协议约定的最后一批资金, 协议规定的帮扶资金…拨付至: the agreement names which money this is (the
// money it set), agreeing nothing in this clause.
bool names_the_money(const SentenceTokens& s, const LexToken& a) {
  if (s.slice(a.span) == "约定") return starts_at(s.text, a.span.end, "的");
  for (std::string_view set : {"约定的", "规定的", "中约定的", "所约定的", "所规定的"})
    if (starts_at(s.text, a.span.end, set)) return true;
  return false;
}

bool has_agreement(const SentenceTokens& s, Span region) {
  return std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
    return w.is(Cat::agreement) && w.span.begin >= region.begin && w.span.end <= region.end && !names_a_time(s, w) &&
           !in_document_title(s, w) && !labels_a_tranche(s, w) && !acted_on(s, w) && !names_the_money(s, w);
  });
}

}  // namespace

Status status_of(const SentenceTokens& s, const Frame& f, bool& tranche) {
  const Measure& m = s.measures[f.measure];
  const Span own = s.clauses[s.clause_of(m.span.begin)];
  const std::size_t trigger_clause_begin = f.trigger ? s.clauses[s.clause_of(f.trigger->span.begin)].begin : own.begin;
  const Span gift{std::min({f.frame_begin, trigger_clause_begin, own.begin}), own.end};
  // (The verb of paying in the amount's clause, whatever word was taken as the gift's: 各拨付帮扶资金…)
  const bool paid_verb = (f.trigger && f.trigger->is(Cat::give_paid)) || s.has(Cat::give_paid, {own.begin, m.span.begin});
  tranche = s.has(Cat::tranche, own);
  // …or in the clause after it that has no amount of its own (捐赠60万元，这是协议的首批资金).
  if (const std::size_t next = s.clause_of(m.span.begin) + 1; !tranche && next < s.clauses.size() && s.segment_of(s.clauses[next].begin) == s.segment_of(own.begin)) {
    const Span nc = s.clauses[next];
    const bool own_amount = std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= nc.begin && o.span.begin < nc.end; });
    // (将投入300万元，首期资金的到位标志着…: a pledge is no tranche of itself.)
    tranche = !own_amount && s.has(Cat::tranche, nc) && !s.has(Cat::modal, gift);
  }
  // …or in the clause before it that has no amount of its own (第三期帮扶资金拨付到位，两乡镇各收到30万元).
  if (const Span before = tranche_clause_before(s, m); !tranche && !before.empty()) tranche = !s.has(Cat::modal, gift);
  // Completion said in the amount's own clause after any modal: paid (首期200万元已拨付到位).
  const LexToken* paid = s.last(Cat::paid, own);
  const LexToken* modal = s.last(Cat::modal, gift);
  if (paid && (!modal || modal->span.begin < paid->span.begin)) return Status::disbursed;
  // (A first tranche agreed and not yet paid is a pledge: 约定首批采购金额58万元，7月底前完成供货.)
  if (tranche && !modal && !(has_agreement(s, {gift.begin, m.span.begin}) && !paid_verb))
    return Status::disbursed;
  // (某协会承诺的5万元，已于今年2月全额交到某小学: the promise names the sum; paying it is said after.)
  if (modal && starts_at(s.text, modal->span.end, "的") && modal->span.end <= m.span.begin &&
      f.trigger && f.trigger->span.begin > own.end && s.has(Cat::paid, {own.end, f.trigger->span.begin}))
    return Status::disbursed;
  if (modal) return Status::pledged;
  // (签订了帮扶协议，投入40万元用于…，资金已于5月下旬拨付: paid, said in a later clause of the segment
  // that has no amount of its own.)
  for (std::size_t c = s.clause_of(m.span.begin) + 1; c < s.clauses.size() && s.segment_of(s.clauses[c].begin) == s.segment_of(own.begin); ++c) {
    const Span later = s.clauses[c];
    // (…约定投入90万元，前两期资金已…拨付: tranches of it were paid, not all.)
    if (s.has(Cat::modal, later) || s.has(Cat::agreement, later) || s.has(Cat::tranche, later) ||
        std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= later.begin && o.span.begin < later.end; }))
      break;
    if (const LexToken* done = s.first(Cat::paid, later); done && s.has(Cat::give_paid, {done->span.end, later.end})) return Status::disbursed;
  }
  // (当场决定向学校捐赠课桌椅60套，并于次日送达学校: decided, and delivered in a later clause.)
  if (const LexToken* decided = s.last(Cat::agreement, gift); decided && s.slice(decided->span) == "决定") {
    for (std::size_t c = s.clause_of(m.span.begin) + 1; c < s.clauses.size() && s.segment_of(s.clauses[c].begin) == s.segment_of(own.begin); ++c) {
      const Span later = s.clauses[c];
      if (s.has(Cat::modal, later) ||
          std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= later.begin && o.span.begin < later.end; }))
        break;
      for (std::string_view done : {"送达", "运抵", "送到", "交付"})
        if (s.slice(later).find(done) != std::string_view::npos) return Status::disbursed;
    }
  }
  // (区妇联与该镇签订帮扶协议，次年9月即为某幼儿园添置了…: a clause opening with a date of its own
  // after the agreement tells a later act; the agreement governs only the clauses before that date.)
  std::size_t fresh = 0;
  for (const DatedMention& d : s.dates) {
    const std::size_t c = s.clause_of(d.span.begin);
    if (!d.plan && !d.five_year_plan && d.span.end <= m.span.begin && d.span.begin >= f.segment.begin && s.han_from(s.clauses[c].begin, d.span.end) == d.span.begin &&
        s.has(Cat::agreement, {f.segment.begin, s.clauses[c].begin}) && !s.has(Cat::modal, {s.clauses[c].begin, own.end}))
      fresh = std::max(fresh, s.clauses[c].begin);
  }
  // (Told as done: 了, or a word of completion or of paying, in those clauses; 签订协议，2021年起每年
  // 投入… are its terms.)
  if (fresh > gift.begin) {
    const Span later{fresh, own.end};
    const bool done = s.slice(later).find("了") != std::string_view::npos || s.has(Cat::paid, later) || s.has(Cat::give_paid, later);
    if (done && !has_agreement(s, later)) return Status::disbursed;
  }
  // (签订“手拉手”共建协议，并向某小学捐赠一体机2台: a gift joined to the signing by 并 is made then,
  // not agreed.)
  if (f.trigger && (f.trigger->is(Cat::give) || f.trigger->is(Cat::give_paid))) {
    const Span tc = s.clauses[s.clause_of(f.trigger->span.begin)];
    const Span joined{tc.begin, own.end};
    if (tc.begin > gift.begin && starts_at(s.text, s.han_from(tc.begin, tc.end), "并") && !s.has(Cat::modal, joined) &&
        !has_agreement(s, joined))
      return Status::disbursed;
  }
  // A modal or an agreement earlier in the segment governs the clauses after it.
  const Span before{f.segment.begin, gift.begin};
  if (s.has(Cat::modal, before) && !paid_verb) return Status::pledged;
  // An agreement names what was agreed: the gift in its own clause, or in later clauses that go
  // on with the same giver (签订协议书，决定…捐赠150万元); a gift with a giver of its own is not
  // part of it (签订协议、某公司捐赠图书).
  // (八年来，…先后签订两轮协议，累计投入帮扶资金900余万元: a running total of what the agreements
  // brought is what was paid.)
  const bool summed_up = s.has(Cat::summary, {own.begin, m.span.begin}) || s.has(Cat::cumulative, {own.begin, m.span.begin});
  if (summed_up && !has_agreement(s, own) && !s.has(Cat::modal, own)) return Status::disbursed;
  if (has_agreement(s, gift) && !paid_verb) return Status::pledged;
  if (has_agreement(s, before) && !paid_verb && !f.giver_named_in_clause) return Status::pledged;
  // 协议约定，…向两镇捐赠3000万元: a clause that opens the segment with the agreement frames all of it.
  {
    const Span opener = s.clauses[s.clause_of(f.segment.begin)];
    const bool frames_all = opener.end <= m.span.begin && has_agreement(s, opener) &&
                            !s.has(Cat::give, opener) && !s.has(Cat::give_paid, opener) &&
                            std::none_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= opener.begin && o.span.begin < opener.end; });
    // (协议约定，三年内每年拨付…: what 约定 opens are terms, whatever the verb.)
    std::string_view said = text::trim(s.slice(opener));
    while (!said.empty() && std::string_view(",:").find(said.back()) != std::string_view::npos) said.remove_suffix(1);
    // (Only the clauses right after it: …300万元，分三期拨付：今年120万元 lists the payments.)
    const bool terms = (said.ends_with("约定") || said.ends_with("规定")) && s.clause_of(m.span.begin) <= s.clause_of(opener.begin) + 2 &&
                       s.slice(opener.end, m.span.begin).find(':') == std::string_view::npos;
    if (frames_all && (!paid_verb || terms) && !s.has(Cat::paid, own)) return Status::pledged;
  }
  return Status::disbursed;
}

namespace {

// The sentence counts projects or batches (实施项目12个, 3批次): many gifts, not one.
bool counts_projects(const SentenceTokens& s) {
  const std::string_view rest = s.text;
  for (std::string_view many : {"个项目", "项目", "批次", "批", "次"}) {
    for (std::size_t at = rest.find(many); at != std::string_view::npos; at = rest.find(many, at + 1)) {
      const char32_t before = code_point_before(rest, at);
      const char32_t after = code_point_at(rest, at + many.size());
      const bool counted = (before >= U'0' && before <= U'9') || std::u32string_view(U"一二两三四五六七八九十百个").find(before) != std::u32string_view::npos ||
                           (after >= U'0' && after <= U'9') || std::u32string_view(U"一二两三四五六七八九十").find(after) != std::u32string_view::npos;
      if (counted) return true;
    }
  }
  return false;
}

// The cumulative word `w` stands in an earlier clause than the amount and a number that is no
// money follows it there (累计服务群众1200余人次): it sums that number, not the amount.
bool counts_in_own_clause(const SentenceTokens& s, const LexToken& w, const Measure& m) {
  const std::size_t c = s.clause_of(w.span.begin);
  if (c == s.clause_of(m.span.begin)) return false;
  // (A sum of money there is a summary as this one is: 累计消费帮扶55万元；…销售帮扶13万元.)
  for (const Measure& other : s.measures)
    if (other.kind == MeasureKind::money && other.span.begin >= w.span.end && other.span.end <= s.clauses[c].end) return false;
  const std::string_view rest = s.slice(w.span.end, s.clauses[c].end);
  for (std::size_t i = 0; i < rest.size();) {
    const char32_t cp = next_code_point(rest, i);
    if ((cp >= U'0' && cp <= U'9') || std::u32string_view(U"一二两三四五六七八九十百千万").find(cp) != std::u32string_view::npos) return true;
  }
  return false;
}

}  // namespace

bool is_aggregate(const SentenceTokens& s, const Frame& f, const std::optional<DateRange>& date, bool date_is_whole_year, Kind kind) {
  const Measure& m = s.measures[f.measure];
  const Span lead{0, m.span.begin};
  // (…达1,286万元, 已突破: a figure reached is a total, unless it is a value: 价值达.)
  bool reached = false;
  if (!s.has(Cat::value, {f.frame_begin, m.span.begin}))
    for (std::string_view r : {"达", "达到", "已达", "已突破", "突破", "已超过"}) reached = reached || text::ends_at(s.text, m.span.begin, r);
  // (2019年，…拨付第二批帮扶资金共200万元: 共 of a tranche sums the tranche's own parts, not the year.)
  const bool of_tranche = s.has(Cat::tranche, {f.frame_begin, m.span.begin});
  const bool total = (says_total(s, f.frame_begin, m.span.begin) || s.has(Cat::total, {f.frame_begin, m.span.begin}) || reached) && !of_tranche;
  for (const auto& w : s.words) {
    if (w.span.end > m.span.begin || !(w.cats & (bit(Cat::cumulative) | bit(Cat::summary)))) continue;
    // (全年将采购…50万元，首批6.8万元…: the word is said of the pledge between, not of its tranche.)
    if (s.has(Cat::tranche, s.clauses[s.clause_of(m.span.begin)]) &&
        std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= w.span.end && o.span.end <= m.span.begin; }))
      continue;
    // (今年以来，该区累计投入…230万元；本月初，…捐赠电脑40台: said in another segment, of another amount.)
    // (…when the later segment is dated on its own.)
    if (s.segment_of(w.span.begin) != s.segment_of(m.span.begin) &&
        std::any_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.span.begin >= w.span.end && o.span.end <= m.span.begin; }) &&
        std::any_of(s.dates.begin(), s.dates.end(), [&](const DatedMention& d) {
          // (截至9月底 dates a running figure, not a gift of its own.)
          const std::string_view before_date = s.text.substr(0, d.span.begin);
          const bool as_of = text::ends_at(before_date, before_date.size(), "截至") || text::ends_at(before_date, before_date.size(), "截止") ||
                             text::ends_at(before_date, before_date.size(), "截止到") || text::ends_at(before_date, before_date.size(), "到");
          return s.segment_of(d.span.begin) == s.segment_of(m.span.begin) && d.span.end <= m.span.begin && !as_of;
        }))
      continue;
    // (2020年度帮扶资金最后一批共80万元: a tranche of the year's money, not the year's sum.)
    if (const std::string_view between = s.slice(w.span.end, m.span.begin);
        s.has(Cat::tranche, {w.span.end, m.span.begin}) || between.find("最后一批") != std::string_view::npos ||
        between.find("最后一期") != std::string_view::npos)
      continue;
    // (3小时直播累计下单…，销售额…: a running count within one occasion.)
    if (const std::string_view before_word = s.text.substr(0, w.span.begin);
        text::ends_at(before_word, before_word.size(), "小时直播") || text::ends_at(before_word, before_word.size(), "小时") ||
        text::ends_at(before_word, before_word.size(), "当晚") || text::ends_at(before_word, before_word.size(), "直播间"))
      continue;
    // (回顾了一年来的帮扶成果：甲局为某校捐赠图书3000册；…: the word heads a list of single gifts.)
    // (自2018年结对以来，帮扶从未间断：2019年，…共200万元: a gift dated after the colon, whose 共
    // sums its own parts.)
    if (const std::size_t colon = s.text.find(':', w.span.end);
        colon < m.span.begin && !s.has(Cat::cumulative, {colon, m.span.begin}) && !s.has(Cat::summary, {colon, m.span.begin}) &&
        (!s.has(Cat::total, {colon, m.span.begin}) || std::any_of(s.dates.begin(), s.dates.end(), [&](const DatedMention& d) {
           return d.span.begin > colon && d.span.end <= m.span.begin;
         })))
      continue;
    // 累计服务群众1200余人次，并捐赠…: a summary of another count, in a clause of its own.
    if (counts_in_own_clause(s, w, m)) continue;
    // 据统计，为期两天的展销会…: a count of one occasion, not a summary.
    const bool statistics = s.slice(w.span) == "据统计" || s.slice(w.span) == "据不完全统计";
    if (statistics && (s.has(Cat::consumption, {w.span.end, m.span.begin}) || s.has(Cat::occasion, {w.span.end, m.span.begin}))) continue;
    // 据统计，2022年，…: the statistics of a year or a period are a summary.
    if (statistics && date && (date_is_whole_year || date->precision == Precision::year || date->is_range())) return true;
    if (w.is(Cat::summary)) return true;
    if (total) return true;  // 以来 … 共 … (截至目前…已达312万元: a running figure reached)
    // 今年以来…送去…各类物资: many kinds of gifts since then.
    // 2022年以来…投入…实施项目12个: many projects since then.
    if (s.slice(w.span) == "以来" && (names_many_kinds(s) || counts_projects(s))) return true;
    // 今年以来，全区各级工会采购两乡镇农产品41.3万元: what was bought since then, a running figure.
    // 截至目前/截至9月底，…已拨付…860万元: a figure as of a day is a running figure.
    if ((s.slice(w.span) == "截至" || s.slice(w.span) == "截止") && s.segment_of(w.span.begin) == s.segment_of(m.span.begin) &&
        !s.has(Cat::occasion, {w.span.end, m.span.begin}))
      return true;
    // (Not since a campaign began, “消费帮扶月”启动以来，某公司再次采购…: one buyer's purchase in it.)
    if (s.slice(w.span) == "以来" && kind == Kind::consumption && !s.has(Cat::occasion, {w.span.end, m.span.begin}) &&
        s.segment_of(w.span.begin) == s.segment_of(m.span.begin)) {
      bool campaign = false;
      for (std::string_view began : {"启动", "开展", "开幕", "举办", "开通", "上线"}) campaign = campaign || text::ends_at(s.text, w.span.begin, began);
      if (!campaign) return true;
    }
    // 今年以来，…通过食堂采购、线上带货等方式，帮销…上百万元: bought since then in many ways.
    if (s.slice(w.span) == "以来" && kind == Kind::consumption && !s.has(Cat::occasion, {w.span.end, m.span.begin})) {
      const std::string_view between = s.slice(w.span.end, m.span.begin);
      for (std::string_view ways : {"等方式", "等渠道", "等形式", "多种方式", "多种渠道", "多渠道"})
        if (between.find(ways) != std::string_view::npos) return true;
    }
    // 今年以来已向两乡镇拨付帮扶资金312万元: what has been paid since then, a running figure.
    if (s.slice(w.span) == "以来" && s.has(Cat::paid, {w.span.end, m.span.begin}) && !s.has(Cat::occasion, {w.span.end, m.span.begin}))
      return true;
  }
  (void)lead;
  // An occasion said before the figure, not in a clause that only says where the news was heard
  // (记者从…推进会上获悉，今年1至8月…: the meeting told of the months' sales; it held none).
  const bool occasion_before = std::any_of(s.words.begin(), s.words.end(), [&](const LexToken& w) {
    if (!w.is(Cat::occasion) || w.span.end > m.span.begin) return false;
    const std::string_view clause = s.slice(s.clauses[s.clause_of(w.span.begin)]);
    for (std::string_view told : {"获悉", "了解到", "得知"})
      if (clause.find(told) != std::string_view::npos && s.clause_of(w.span.begin) != s.clause_of(m.span.begin)) return false;
    return true;
  });
  // A whole year's total by many givers (会上通报，2020年高新区各单位共向两乡镇投入…286万元), even
  // when told at a meeting.
  if (total && date && date_is_whole_year) {
    const std::size_t from = s.segments[s.segment_of(m.span.begin)].begin;
    const std::string_view before = s.text.substr(from, m.span.begin - from);
    for (std::string_view many : {"各单位", "各部门", "各界", "各级", "各方"})
      if (before.find(many) != std::string_view::npos) return true;
  }
  if (occasion_before) return false;
  // “十四五”期间…共投入…: a five-year plan's total.
  if (total && std::any_of(s.dates.begin(), s.dates.end(), [&](const DatedMention& d) { return d.five_year_plan && d.span.end <= m.span.begin; }))
    return true;
  // A period's total (今年1至9月…共, 2019年…共计, 今年上半年…共): many gifts summed, not one.
  // A bare year with 共 is such a total for purchases (many buyers, many days), not for one gift.
  // (Not a time said as 岁末/年底: 去年岁末…送去慰问金共计12万元 is one occasion.)
  const bool said_as_year_end = date && std::any_of(s.dates.begin(), s.dates.end(), [&](const DatedMention& d) {
    if (d.span.end > m.span.begin || d.date.first != date->first || d.date.last != date->last) return false;
    for (std::string_view w : {"岁末", "年底", "年末", "岁尾", "年终"})
      if (d.written.find(w) != std::string::npos) return true;
    return false;
  });
  if (total && date && date->is_range() && date::sys_days(date->last) - date::sys_days(date->first) > date::days(31) && !said_as_year_end)
    return true;
  if (total && date && date->precision == Precision::year && kind == Kind::consumption) return true;
  // (2025年，全区消费帮扶两乡镇农特产品412万元: the whole district's purchases in a year, many buyers.)
  if (kind == Kind::consumption && date && (date->precision == Precision::year || date_is_whole_year) && !s.has(Cat::occasion, {0, m.span.begin}))
    for (const auto& w : s.words)
      if (w.span.end <= m.span.begin && w.is(Cat::own_area) && (s.slice(w.span) == "全区" || s.slice(w.span) == "全市"))
        // (Not 为全区职工采购: the district's people bought for, one buyer's purchase.)
        if (const LexToken* next = s.word_at(w.span.end); next && (next->is(Cat::consumption) || next->is(Cat::buy))) return true;
  // …and what a place received in a whole year, in all (2023年，该镇共接收帮扶资金和物资287万元:
  // from many givers; a giver's 2022年…共捐赠… may be one gift).
  // (Also with the place itself the subject: 2022年，全乡共落实…帮扶资金和物资276万元.)
  if (total && date && date_is_whole_year && (s.has(Cat::passive, {f.frame_begin, m.span.begin}) || s.has(Cat::here, {0, m.span.begin})) &&
      !s.has(Cat::occasion, {0, m.span.begin}))
    return true;
  // (今年1—9月，各单位通过832平台采购…318.5万元: purchases over months by many buyers are many
  // purchases; one buyer named, 机关食堂一季度采购…, keeps its own figure.)
  // (Not a tranche of a deal: 一季度已拨付首批货款7.5万元 is one payment.)
  if (kind == Kind::consumption && date && date->is_range() && date::sys_days(date->last) - date::sys_days(date->first) > date::days(31) &&
      !occasion_before && !f.buyer_named && !s.has(Cat::tranche, {f.frame_begin, m.span.end}))
    return true;
  // …and a year's consumption-aid figure (2021年，…组织消费帮扶金额达1,035万元).
  if (date && date->precision == Precision::year && kind == Kind::consumption && f.trigger && f.trigger->is(Cat::buy) &&
      s.slice(f.trigger->span).find("金额") != std::string_view::npos)
    return true;
  // …or for 各类/各项 funds: many kinds of gifts (去年…共投入各类帮扶资金180万元).
  if (total && date && date->precision == Precision::year &&
      names_many_kinds(s)) return true;
  // A whole year's figure said as one (仅2025年一年，…就投入帮扶资金380万元; 全年…采购…).
  if (date && date->precision == Precision::year && m.span.begin > 0) {
    const std::string_view before = s.text.substr(0, m.span.begin);
    if (before.find("年一年") != std::string_view::npos || before.find("全年") != std::string_view::npos) return true;
  }
  // A year's money to the pair, in all (2024年，高新区共向两乡镇拨付帮扶资金186万元): the year's sum of
  // its tranches and gifts, not one more payment.
  if (date && date_is_whole_year && kind == Kind::cash && !of_tranche && s.has(Cat::total, {s.clauses[s.clause_of(m.span.begin)].begin, m.span.begin}) &&
      std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) { return p.level == PlaceLevel::collective && p.span.end <= m.span.begin; }))
    return true;
  // A whole year's total over many projects: 2022年…共投入…实施项目12个.
  if (total && date && date_is_whole_year && counts_projects(s)) return true;
  // …and its consumption aid in the same summary (2023年，…共投入…，组织开展消费帮扶168万元).
  if (kind == Kind::consumption && date && date_is_whole_year && (s.has(Cat::total, {0, m.span.begin}) || counts_projects(s)) &&
      !s.has(Cat::occasion, {0, s.text.size()}))
    return true;
  return false;
}

Kind kind_of(const SentenceTokens& s, const Frame& f) {
  const Measure& m = s.measures[f.measure];
  if (f.trigger && (f.trigger->is(Cat::buy) || f.trigger->is(Cat::sale) || f.trigger->is(Cat::consumption))) {
    // Bought to be given (采购的20台净水设备已交付某乡): a gift of goods.
    const Span own = s.clauses[s.clause_of(m.span.begin)];
    // (Not when it arrives where no place of the county is: 首批采购的农产品已运抵各校食堂.)
    // (…采购抽水泵20台，于7月30日送往某镇: counted goods, sent on in the next clause of the segment.)
    const std::size_t next_clause = s.clause_of(m.span.begin) + 1;
    const Span sent = m.kind == MeasureKind::quantity && next_clause < s.clauses.size() &&
                              s.segment_of(s.clauses[next_clause].begin) == s.segment_of(m.span.begin) &&
                              std::none_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) {
                                return o.span.begin >= s.clauses[next_clause].begin && o.span.begin < s.clauses[next_clause].end;
                              })
                          ? Span{m.span.end, s.clauses[next_clause].end}
                          : Span{m.span.end, own.end};
    const bool given_after = f.trigger->span.end <= m.span.begin && (s.has(Cat::give, sent) || s.has(Cat::give_paid, sent)) &&
                             std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) {
                               return p.span.begin >= m.span.end && p.span.end <= sent.end && (!p.township.empty() || p.level == PlaceLevel::collective);
                             });
    // (义卖所得善款1万元全部捐给…: money raised by a charity sale and given is money.)
    if (given_after && m.kind == MeasureKind::money && s.has(Cat::cash, {f.trigger->span.end, m.span.begin})) return Kind::cash;
    // (义卖手写春联…，所得3215元全部交由某镇: the proceeds of a charity sale, passed on, are money.)
    // (爱心义卖筹得的善款3627元8角，交由…: named as money too.)
    if (m.kind == MeasureKind::money && s.slice(f.trigger->span) == "义卖" && f.trigger->span.end <= m.span.begin &&
        (s.slice(f.trigger->span.end, m.span.begin).find("所得") != std::string_view::npos || s.has(Cat::cash, {f.trigger->span.end, m.span.begin})))
      return Kind::cash;
    return given_after ? Kind::in_kind : Kind::consumption;
  }
  // 首批采购的12.6万元农产品已运抵…: what was bought arriving is the purchase (a buying word
  // describing the amount, 采购的/购买的, right before it).
  if (m.kind == MeasureKind::money) {
    const Span own = s.clauses[s.clause_of(m.span.begin)];
    if (const LexToken* b = s.last(Cat::buy, {own.begin, m.span.begin});
        b && (starts_at(s.text, b->span.end, "的") || starts_at(s.text, b->span.end, "了")) &&
        text::code_point_count(s.slice(b->span.end, m.span.begin)) <= 1)
      return Kind::consumption;
  }
  // 拨付首批货款7.5万元, 福利采购款40万元: the money paid for produce bought.
  if (m.kind == MeasureKind::money) {
    const Span own = s.clauses[s.clause_of(m.span.begin)];
    if (const LexToken* paid_for = s.last(Cat::purchase_money, {own.begin, m.span.begin});
        paid_for && text::code_point_count(s.slice(paid_for->span.end, m.span.begin)) <= 2)
      return Kind::consumption;
  }
  if (m.kind == MeasureKind::quantity) return Kind::in_kind;
  const LexToken* before = s.word_before(m.span.begin);
  if (before && before->is(Cat::value)) return Kind::in_kind;
  // 价值 earlier in the clause with the goods named: 捐赠图书等物资,价值5万元.
  const Span own = s.clauses[s.clause_of(m.span.begin)];
  const std::size_t from = f.trigger && f.trigger->span.begin < m.span.begin ? f.trigger->span.end : own.begin;
  if (f.trigger && f.trigger->is(Cat::cash)) return Kind::cash;  // 捐款, 善款
  const Span region{std::min(from, own.begin), m.span.end};
  if (s.has(Cat::value, {own.begin, m.span.begin})) return Kind::in_kind;
  // (慰问金5000元和8000元学习用品: goods named right after the amount are what it is the value of,
  // whatever money word came before; not 8000元物资款, money named by what it buys.)
  {
    const std::size_t at = starts_at(s.text, m.span.end, "的") ? m.span.end + std::string_view("的").size() : m.span.end;
    std::size_t run_end = at;
    while (run_end < own.end && text::is_han(text::code_point_at(s.text, run_end))) text::next_code_point(s.text, run_end);
    if (const LexToken* g = s.word_at(at); g && g->is(Cat::goods) && !g->is(Cat::cash) && !s.has(Cat::cash, {at, run_end})) return Kind::in_kind;
  }
  if (s.has(Cat::cash, region)) return Kind::cash;
  // 捐建录播教室，预计投入8万元; 各捐建一间阅览室，每间投入4.5万元: the cost of what was built, named
  // before it, is a gift in kind. (Not 计划投入30万元为该乡捐建书屋: money given to build with.)
  if (const LexToken* cost = s.last(Cat::cost, {own.begin, m.span.begin});
      cost && text::code_point_count(s.slice(cost->span.end, m.span.begin)) <= 3)
    if (const LexToken* built = s.last(Cat::build, {0, cost->span.begin});
        built && std::none_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) {
          return o.kind == MeasureKind::money && o.span.begin >= built->span.end && o.span.end <= cost->span.begin;
        }) && !s.has(Cat::cash, {cost->span.begin, std::min(own.end, m.span.end + 9)}))
      return Kind::in_kind;
  // 出资26万元援建文化广场: the sum, then what it built for the recipient (捐建/援建) in its clause, is
  // the value of what was built. (Not 出资90万元修建产业路: building alone gives no thing.)
  // (Nor a sum paid in tranches, 计划投入30万元为该乡捐建书屋，首期10万元已拨付: money, like its tranches.)
  if (s.has(Cat::build, {m.span.end, own.end}) && !s.has(Cat::cash, {own.begin, own.end}) && !s.has(Cat::tranche, {own.end, s.text.size()}))
    return Kind::in_kind;
  // (投入38万元，为丰太村援建了一座光伏电站: …or in the clause right after it, which names for whom
  // and holds no amount of its own.)
  if (const std::size_t c = s.clause_of(m.span.begin) + 1; c < s.clauses.size() && !s.has(Cat::cash, {own.begin, own.end})) {
    const Span next = s.clauses[c];
    const LexToken* to = s.first(Cat::to, next);
    const LexToken* built = s.first(Cat::build, next);
    // (Not 各捐赠8万元，用于援建爱心书屋: money for the recipient to build with; the recipient stands
    // between the marker and the building.)
    // (为我们村捐建了…: a recipient named otherwise, two characters or more.)
    const bool recipient_between = to && built && built->span.begin > to->span.end &&
                                   (std::any_of(s.places.begin(), s.places.end(), [&](const PlaceMention& p) {
                                      return p.span.begin >= to->span.end && p.span.end <= built->span.begin;
                                    }) ||
                                    (s.slice(to->span) == "为" && text::code_point_count(s.slice(to->span.end, built->span.begin)) >= 2 &&
                                     text::all_han(s.slice(to->span.end, built->span.begin))));
    if (recipient_between && to->span.begin < built->span.begin && text::trim(s.slice(next.begin, to->span.begin)).empty() &&
        std::none_of(s.measures.begin(), s.measures.end(), [&](const Measure& o) { return o.kind == MeasureKind::money && o.span.begin >= next.begin && o.span.end <= next.end; }) &&
        !s.has(Cat::tranche, {own.end, s.text.size()}) && !s.has(Cat::cash, next))
      return Kind::in_kind;
  }
  // 两三万元的课桌椅: the amount is the value of the goods named after 的.
  if (starts_at(s.text, m.span.end, "的") && !s.has(Cat::cash, {m.span.end, std::min(own.end, m.span.end + 18)}) &&
      !item_after(s, m.span.end, own.end).empty())
    return Kind::in_kind;
  // The noun right after the amount: 30万元帮扶资金, 2万元慰问金, 5万元的图书.
  const std::size_t after_end = std::min(own.end, m.span.end + 15);
  if (const LexToken* next = s.first(Cat::cash, {m.span.end, after_end}); next && next->span.begin <= m.span.end + 6) return Kind::cash;
  // (3万元图书室建设资金: a noun that ends in a money word names money, whatever it is for.)
  {
    std::size_t run_end = m.span.end;
    while (run_end < own.end && text::is_han(text::code_point_at(s.text, run_end))) text::next_code_point(s.text, run_end);
    const LexToken* last = s.word_before(run_end);
    if (run_end > m.span.end && last && last->span.end == run_end && last->span.begin >= m.span.end && last->is(Cat::cash) &&
        text::code_point_count(s.slice(m.span.end, run_end)) <= 10)
      return Kind::cash;
  }
  // (…70万元主要用于采购烘干设备: goods after 用于 are what the money is for; the gift is money.)
  std::size_t goods_until = own.end;
  for (std::string_view purpose : {"用于", "用来", "用以"})
    if (const std::size_t at = s.text.find(purpose, m.span.end); at != std::string_view::npos && at < goods_until) goods_until = at;
  if (s.has(Cat::goods, {from, goods_until})) return Kind::in_kind;
  if (f.trigger && f.trigger->span.begin < m.span.begin && !s.has(Cat::people, {from, m.span.begin})) {
    const std::string item = item_between(s, f.trigger->span.end, m.span.begin);
    // (捐赠款人民币…, 专项款: what is named is money.)
    // (…运费补贴, …活动经费: money named by what it pays for.)
    const std::string_view named = item;
    // (发放奖金1000元, 奖励千元: money named by what it rewards.)
    const bool money_named = named.ends_with("款") || named.ends_with("补贴") || named.ends_with("补助") || named.ends_with("经费") ||
                             named.ends_with("奖金") || named.ends_with("奖励") || named.ends_with("奖励金") || named.ends_with("红包");
    if (!item.empty() && !money_named) return Kind::in_kind;
  }
  return Kind::cash;
}

// 各 is "each" only before what is given (各捐赠, 各5万元, 各一台, 各价值); before a noun
// (各园区企业, 各村) it means "the various".
static bool each_before_gift(const SentenceTokens& s, const LexToken& w) {
  if (s.slice(w.span) != "各") return true;
  const std::size_t at = w.span.end;
  if (const LexToken* next = s.word_at(at);
      next && (next->cats & (bit(Cat::give) | bit(Cat::give_paid) | bit(Cat::buy) | bit(Cat::value) | bit(Cat::modal) | bit(Cat::paid) | bit(Cat::passive))))
    return true;
  for (const auto& m : s.measures)
    if (m.span.begin == at) return true;
  const char32_t next = code_point_at(s.text, at);
  return (next >= U'0' && next <= U'9') || std::u32string_view(U"一两二三四五六七八九十百千万自有为向给").find(next) != std::u32string_view::npos;
}

// The last word in [from, measure_begin) that distributes (分别, 均, 各 before a gift).
static const LexToken* last_each(const SentenceTokens& s, std::size_t from, std::size_t measure_begin) {
  const LexToken* e = nullptr;
  for (const auto& w : s.words)
    if (w.span.begin >= from && w.span.end <= measure_begin && w.is(Cat::each) && each_before_gift(s, w)) e = &w;
  return e;
}

// 向每个乡镇投入…共计240万元: 每 names the recipients themselves; a 共计 after it sums the years,
// for each of them.
static bool each_names_townships(const SentenceTokens& s, const LexToken& e) {
  for (std::string_view each_place : {"每个乡镇", "每个乡", "每个镇", "每乡", "每镇"})
    if (starts_at(s.text, e.span.begin, each_place)) return true;
  return false;
}

bool says_each(const SentenceTokens& s, std::size_t from, std::size_t measure_begin) {
  const LexToken* w = last_each(s, from, measure_begin);
  if (!w) return false;
  // 共 after 分别 (分别…共计): the total decides.
  const LexToken* t = s.last(Cat::total, {from, measure_begin});
  return !(t && t->span.begin > w->span.begin) || each_names_townships(s, *w);
}

bool says_total(const SentenceTokens& s, std::size_t from, std::size_t measure_begin) {
  const LexToken* t = s.last(Cat::total, {from, measure_begin});
  if (!t) return false;
  const LexToken* e = last_each(s, from, measure_begin);
  if (e && each_names_townships(s, *e)) return false;
  return !e || e->span.begin < t->span.begin;
}

std::vector<std::size_t> amount_list(const SentenceTokens& s, std::size_t k) {
  std::vector<std::size_t> out{k};
  for (std::size_t j = k + 1; j < s.measures.size(); ++j) {
    const Measure& prev = s.measures[out.back()];
    const Measure& next = s.measures[j];
    if (next.kind != prev.kind || (next.kind == MeasureKind::quantity && next.unit != prev.unit)) break;
    std::string_view gap = s.slice(prev.span.end, next.span.begin);
    // (现金10万元、8万元和价值6万元的电脑30台: the value of goods goes on a list of money.)
    if (next.kind == MeasureKind::money)
      if (const LexToken* v = s.word_before(next.span.begin); v && v->is(Cat::value) && v->span.begin > prev.span.end)
        gap = s.slice(prev.span.end, v->span.begin);
    if (gap != "、" && gap != "和" && gap != "及" && gap != "与" && gap != "," && gap != "以及") break;
    out.push_back(j);
  }
  return out;
}

std::string item_between(const SentenceTokens& s, std::size_t from, std::size_t to) {
  if (to <= from) return {};
  // After any recipient named there (向木桐乡捐赠 / 为学校送去): the goods follow the last place or marker.
  std::size_t cut = from;
  for (const auto& p : s.places)
    if (p.span.begin >= from && p.span.end <= to) cut = std::max(cut, p.span.end);
  for (const auto& w : s.words)
    if (w.span.begin >= from && w.span.end <= to &&
        (w.is(Cat::to) || w.is(Cat::give) || w.is(Cat::give_paid) || w.is(Cat::each) || w.is(Cat::people) || w.is(Cat::passive) ||
         w.is(Cat::paid) || (w.is(Cat::manner) && s.slice(w.span) != "等") || s.slice(w.span) == "将"))
      cut = std::max(cut, w.span.end);
  // After an amount listed before it (图书5000册、无人机20架): that amount's goods are its own.
  for (const auto& m : s.measures)
    if (m.span.end > cut && m.span.end <= to) cut = m.span.end;
  // Words of buying, scope, totals and rates at either end are no goods (累计消费帮扶…, 图书共…, 每生每年…).
  constexpr CatSet kNoGoods = bit(Cat::buy) | bit(Cat::consumption) | bit(Cat::cumulative) | bit(Cat::summary) | bit(Cat::total) |
                              bit(Cat::per_unit) | bit(Cat::tranche) | bit(Cat::paid) | bit(Cat::connective);
  for (bool again = true; again && cut < to;) {
    const LexToken* w = s.word_at(cut);
    again = w && (w->cats & kNoGoods) && w->span.end <= to;
    if (again) cut = w->span.end;
  }
  for (bool again = true; again && cut < to;) {
    const LexToken* w = s.word_before(to);
    again = w && (w->cats & kNoGoods) && w->span.begin >= cut;
    if (again) to = w->span.begin;
  }
  return clean_item(s.slice(cut, to));
}

std::string item_after(const SentenceTokens& s, std::size_t from, std::size_t clause_end) {
  std::string_view rest = s.slice(from, clause_end);
  if (starts_at(rest, 0, "的")) rest.remove_prefix(3);
  // (承诺出资60万元的某公司: an organisation named after 的 is who the clause describes, no goods.)
  const std::size_t rest_at = static_cast<std::size_t>(rest.data() - s.text.data());
  for (const auto& [span, name] : s.organisations)
    if (span.begin == rest_at) return {};
  std::size_t end = 0, chars = 0;
  for (std::size_t i = 0; i < rest.size() && chars < 12;) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(rest, i);
    if (!text::is_han(cp) && cp != U'“' && cp != U'”') break;
    const LexToken* w = s.word_at(from + (rest.data() - s.text.data() - from) + at);
    if (w && (w->is(Cat::to) || w->is(Cat::give) || w->is(Cat::give_paid))) break;
    if (starts_at(rest, at, "和") || starts_at(rest, at, "及") || starts_at(rest, at, "与")) break;
    end = i;
    ++chars;
  }
  return clean_item(rest.substr(0, end));
}

}  // namespace aidledger::extract::detail
