// SentenceReader (sentence_reader.hpp): the loop over a sentence's amounts (read()), the word that
// gives each amount (its trigger), and a notice correcting an earlier report. One amount's frame
// is read in reader_amount.cpp.
#include "sentence_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

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

}  // namespace

SentenceReader::SentenceReader(const SentenceTokens& s, const text::Sentence& sentence, ArticleMemory& memory, const Directory& d,
                               const Gazetteer& g, std::optional<DateRange> paragraph_last, std::optional<DateRange> article_date,
                               bool consumption_article, bool follows_total)
    : s_(s), sentence_(sentence), memory_(memory), directory_(d), gazetteer_(g), paragraph_last_(paragraph_last),
      article_date_(article_date), consumption_article_(consumption_article), follows_total_(follows_total) {
  orgs_ = s.organisations;
}

std::vector<AidReport> SentenceReader::read() {
  std::vector<AidReport> reports;
  std::vector<bool> used(s_.measures.size(), false);
  for (std::size_t k = 0; k < s_.measures.size(); ++k) {
    if (used[k]) continue;
    used[k] = true;
    read_measure(k, used, reports);
  }
  if (total_in_sentence_) take_parts_of_total_in_sentence(reports);
  read_unquantified_gifts(reports);
  join_cost_and_goods_after(reports);
  add_completion_of_pledged_build(reports);
  join_count_and_value(reports);
  drop_produce_by_weight(reports);
  if (is_correction_notice()) apply_correction(reports);
  for (auto& r : reports) r.donor = of_own_district(std::move(r.donor));
  return reports;
}

// 出资12万元，为西坡村安装太阳能路灯86盏: a sum, then in the next clause of its segment the goods the
// giver set up for the recipient (为X安装/配备/援建…), counted and unvalued: the sum is their cost, one
// gift in kind. (Not money named as money, 捐款5万元; nor goods valued or priced of their own.)
void SentenceReader::join_cost_and_goods_after(std::vector<AidReport>& reports) const {
  auto measure_of = [&](const AidReport& r) -> std::optional<std::size_t> {
    for (std::size_t k = 0; k < s_.measures.size(); ++k)
      if (page(s_.measures[k].span.begin) == r.measure.begin) return k;
    return std::nullopt;
  };
  for (std::size_t i = 0; i + 1 < reports.size(); ++i) {
    AidReport& cost = reports[i];
    AidReport& goods = reports[i + 1];
    if (!cost.has_amount() || cost.has_quantity() || cost.kind == Kind::consumption || cost.aggregate || cost.allocations.size() != 1) continue;
    if (goods.has_amount() || !goods.has_quantity() || goods.kind != Kind::in_kind || goods.aggregate || goods.allocations.size() != 1) continue;
    if (cost.status != goods.status || cost.donor != goods.donor) continue;
    const auto a = measure_of(cost), b = measure_of(goods);
    if (!a || !b || s_.measures[*a].kind != MeasureKind::money) continue;
    const std::size_t ca = s_.clause_of(s_.measures[*a].span.begin), cb = s_.clause_of(s_.measures[*b].span.begin);
    if (cb != ca + 1 || s_.segment_of(s_.clauses[ca].begin) != s_.segment_of(s_.clauses[cb].begin)) continue;
    const Span own = s_.clauses[ca], next = s_.clauses[cb];
    if (s_.has(Cat::cash, own) || s_.has(Cat::value, own) || s_.has(Cat::goods, {own.begin, s_.measures[*a].span.begin})) continue;
    const LexToken* to = s_.first(Cat::to, next);
    if (!to || !text::trim(s_.slice(next.begin, to->span.begin)).empty()) continue;
    const bool recipient_named = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
      return p.span.begin >= to->span.end && p.span.end <= s_.measures[*b].span.begin;
    });
    if (!recipient_named) continue;
    goods.allocations.front().amount_fen = cost.allocations.front().amount_fen;
    goods.allocations.front().amount_high_fen = cost.allocations.front().amount_high_fen;
    goods.approximate = goods.approximate || cost.approximate;
    goods.measure.begin = cost.measure.begin;
    goods.notes.push_back("the sum said before is the cost of the goods set up for the recipient");
    reports.erase(reports.begin() + static_cast<std::ptrdiff_t>(i));
    --i;
  }
}

// 90套新课桌椅运抵学校，这批课桌椅由某公司出资购置，价值2.7万元 / 这批冬装共150套，由某协会捐赠，
// 价值两万余元: goods counted, then valued later in the sentence with no count of their own: one
// gift of that count and value (the count read as a gift of its own, by another giver, goes).
void SentenceReader::join_count_and_value(std::vector<AidReport>& reports) const {
  // (The sentence is scanned again, for counts the tokens dropped as "these", only when a valued gift
  // without a count may take one: not on the hot path of every sentence.)
  if (std::none_of(reports.begin(), reports.end(), [](const AidReport& r) {
        return r.kind == Kind::in_kind && r.has_amount() && !r.has_quantity() && r.allocations.size() == 1;
      }))
    return;
  const std::vector<Measure> all = scan_measures(s_.text);
  for (std::size_t v = 0; v < reports.size(); ++v) {
    AidReport& valued = reports[v];
    if (valued.kind != Kind::in_kind || !valued.has_amount() || valued.has_quantity() || valued.allocations.size() != 1) continue;
    const Measure* money = nullptr;
    for (const auto& m : all)
      if (page(m.span.begin) == valued.measure.begin && m.kind == MeasureKind::money) money = &m;
    if (!money || !value_word_before(money->span.begin)) continue;
    // The one count before it, with no other amount between.
    const Measure* count = nullptr;
    bool clear = true;
    for (const auto& m : all) {
      if (m.span.end > money->span.begin) break;
      if (m.kind == MeasureKind::money) {
        count = nullptr;
        continue;
      }
      if (count) clear = false;
      count = &m;
    }
    if (!count || !clear || count->high) continue;
    // (Not goods named after the value, 电脑20台及价值1.5万元的少儿图书, nor a value in the count's own
    // clause: the value of other goods.)
    if (starts_at(s_.text, money->span.end, "的") || s_.clause_of(count->span.begin) == s_.clause_of(money->span.begin) ||
        s_.segment_of(count->span.begin) != s_.segment_of(money->span.begin))
      continue;
    // (…办公电脑6台，其还为某卫生室送来一批常用药品，价值八千元: a gift of its own between; only its
    // giver told after 由, 这批…由某公司出资购置, may stand there.)
    const bool other_gift = std::any_of(s_.words.begin(), s_.words.end(), [&](const LexToken& w) {
      if (w.span.begin < count->span.end || w.span.end > money->span.begin || !(w.cats & (kTriggers | bit(Cat::hand_over)))) return false;
      if (s_.clause_of(w.span.begin) == s_.clause_of(count->span.begin)) return false;
      const Span wc = s_.clauses[s_.clause_of(w.span.begin)];
      return s_.slice(wc.begin, w.span.begin).find("由") == std::string_view::npos;
    });
    if (other_gift) continue;
    const std::string_view between = s_.slice(count->span.end, money->span.begin);
    if (between.find("每") != std::string_view::npos || between.find("各") != std::string_view::npos || between.find("分别") != std::string_view::npos)
      continue;
    // Its own reading, if any: a gift of the count alone, to the same place.
    std::optional<std::size_t> own;
    for (std::size_t i = 0; i < reports.size(); ++i)
      if (i != v && reports[i].measure.begin == page(count->span.begin)) own = i;
    if (own) {
      const AidReport& c = reports[*own];
      if (c.kind != Kind::in_kind || c.has_amount() || c.allocations.size() != 1 ||
          (c.allocations.front().township != valued.allocations.front().township && !c.allocations.front().township.empty()))
        continue;
    } else if (s_.slice(s_.clauses[s_.clause_of(count->span.begin)]).find("这批") == std::string_view::npos &&
               s_.slice(s_.clauses[s_.clause_of(count->span.begin)]).find("共") == std::string_view::npos) {
      continue;  // (a count read as no gift stays none, unless "these", counted 共, are what is valued)
    }
    valued.allocations.front().quantity = count->value;
    valued.unit = count->unit;
    valued.notes.push_back("the goods counted before it in its sentence, valued here");
    if (own) {
      if (valued.item.empty()) valued.item = reports[*own].item;
      reports.erase(reports.begin() + static_cast<std::ptrdiff_t>(*own));
      if (*own < v) --v;
    }
  }
}

// 土蜂蜜50斤, 干香菇2000斤, 蔬菜12吨: the county's own produce weighed out, with no value, is what
// it sold or sent back in thanks, never a gift in kind to it (gifts to it are counted, 台/床/件, or
// valued). Purchases are read as consumption, not here.
void SentenceReader::drop_produce_by_weight(std::vector<AidReport>& reports) const {
  std::erase_if(reports, [](const AidReport& r) {
    if (r.kind != Kind::in_kind || r.has_amount() || !r.has_quantity()) return false;
    if (r.unit != "斤" && r.unit != "吨" && r.unit != "公斤") return false;
    for (std::string_view produce : {"香菇", "木耳", "蜂蜜", "核桃", "连翘", "农产品", "农特产品", "山货", "土豆", "鲜菇", "蔬菜", "苹果", "小米", "粉条",
                                     "花椒", "菌"})
      if (r.item.find(produce) != std::string::npos) return true;
    return false;
  });
}

// 承诺为该镇援建一座便民桥，总投资120万元；次年10月，这座桥建成交付: a pledge to build, then in a
// later part of the sentence the day what was built was handed over, with no sum of its own: the
// pledged gift delivered then (a second line, disbursed, of the same sum and recipient).
void SentenceReader::add_completion_of_pledged_build(std::vector<AidReport>& reports) const {
  static constexpr std::string_view kCompleted[] = {"建成交付", "建成投用", "建成投产", "建成并网", "竣工交付", "交付使用", "投入使用",
                                                    "建成使用", "竣工", "建成"};
  for (std::size_t i = 0; i < reports.size(); ++i) {
    const AidReport& pledge = reports[i];
    if (pledge.status != Status::pledged || pledge.aggregate || pledge.tranche || !pledge.has_amount() || pledge.kind == Kind::consumption) continue;
    std::optional<std::size_t> k;
    for (std::size_t j = 0; j < s_.measures.size(); ++j)
      if (page(s_.measures[j].span.begin) == pledge.measure.begin) k = j;
    if (!k) continue;
    const Measure& m = s_.measures[*k];
    // (What is pledged is built: 援建, 捐建 before the sum.)
    if (!s_.has(Cat::build, {s_.segments[s_.segment_of(m.span.begin)].begin, m.span.begin})) continue;
    for (const auto& d : s_.dates) {
      if (d.span.begin <= m.span.end || s_.segment_of(d.span.begin) == s_.segment_of(m.span.begin)) continue;
      const Span rest{d.span.end, s_.segments[s_.segment_of(d.span.begin)].end};
      if (d.plan || d.five_year_plan || (pledge.date && date::sys_days{d.date.first} < date::sys_days{pledge.date->first}) ||
          (article_date_ && date::sys_days{d.date.first} > date::sys_days{article_date_->last}))
        break;
      std::size_t done = std::string_view::npos;
      for (std::string_view w : kCompleted)
        if (const std::size_t at = s_.slice(rest).find(w); at != std::string_view::npos) done = std::min(done, rest.begin + at);
      if (done == std::string_view::npos) break;
      const Span said{d.span.begin, s_.clauses[s_.clause_of(done)].end};
      const bool own_sum = std::any_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& o) {
        return o.span.begin >= said.begin && o.span.begin < said.end;
      });
      if (own_sum || s_.has(Cat::modal, {d.span.end, done})) break;
      AidReport delivered = pledge;
      delivered.status = Status::disbursed;
      delivered.date = d.date;
      delivered.date_basis = fmt::format("stated: {}", d.written);
      delivered.notes.clear();
      delivered.notes.push_back("the pledged gift built and handed over then: delivered");
      reports.insert(reports.begin() + static_cast<std::ptrdiff_t>(i) + 1, std::move(delivered));
      ++i;
      break;
    }
  }
}

const LexToken* SentenceReader::find_trigger(std::size_t k, std::size_t segment_begin) const {
  const Measure& m = s_.measures[k];
  const std::size_t own_clause = s_.clause_of(m.span.begin);
  // The nearest giving or buying word before the amount in its segment…
  const LexToken* before = nullptr;
  // (…的110万元主要用于采购烘干设备: buying after 用于 is what the money is for, no purchase of
  // the area's produce.)
  auto use_of_money = [&](const LexToken& w) {
    return w.is(Cat::buy) && (text::ends_at(s_.text, w.span.begin, "用于") || text::ends_at(s_.text, w.span.begin, "用来") ||
                              text::ends_at(s_.text, w.span.begin, "用以"));
  };
  for (const auto& w : s_.words)
    if (w.span.begin >= segment_begin && w.span.end <= m.span.begin && (w.cats & (kTriggers | bit(Cat::sale))) && !use_of_money(w)) before = &w;
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
  // (…组织采购，于1月22日专程将棉被60床送到了敬老院: buying in an earlier clause, and giving said of
  // the goods in their own; the goods bought are given.)
  if (before && before->is(Cat::buy) && s_.clause_of(before->span.begin) != own_clause) {
    const Span own = s_.clauses[own_clause];
    for (const auto& w : s_.words)
      if (w.span.begin >= m.span.end && w.span.end <= own.end && (w.cats & (bit(Cat::give) | bit(Cat::give_paid))) && !w.is(Cat::buy))
        return &w;
  }
  if (before) return before;
  // …else one after it in its own clause (50万元帮扶资金已拨付到位).
  const Span own = s_.clauses[own_clause];
  for (const auto& w : s_.words)
    if (w.span.begin >= m.span.end && w.span.end <= own.end && (w.cats & kTriggers) && !use_of_money(w)) return &w;
  // …or, for a price (以每斤8元的价格，采购了…3000斤), the buying in the next clause.
  if (is_unit_price(k) && own_clause + 1 < s_.clauses.size() && s_.segment_of(s_.clauses[own_clause + 1].begin) == s_.segment_of(m.span.begin))
    for (const auto& w : s_.words)
      if (w.span.begin >= s_.clauses[own_clause + 1].begin && w.span.end <= s_.clauses[own_clause + 1].end && w.is(Cat::buy)) return &w;
  // …or completion said of it (首批资金100万元已拨付到位, 资金已到账).
  for (const auto& w : s_.words)
    if (w.span.begin >= m.span.end && w.span.end <= own.end && w.is(Cat::paid) && s_.slice(w.span) != "完成") return &w;
  // …or, for a sum named as promised (去年8月某协会承诺的5万元操场翻新资金，已于今年2月全额交到某小学),
  // paying said in the next clause, which holds no amount of its own.
  if (const LexToken* promised = s_.last(Cat::modal, {own.begin, m.span.begin});
      promised && starts_at(s_.text, promised->span.end, "的") && own_clause + 1 < s_.clauses.size() &&
      s_.segment_of(s_.clauses[own_clause + 1].begin) == s_.segment_of(m.span.begin) && !clause_has_amount(own_clause + 1)) {
    const Span next = s_.clauses[own_clause + 1];
    if (const LexToken* done = s_.first(Cat::paid, next))
      for (const auto& w : s_.words)
        if (w.span.begin >= done->span.end && w.span.end <= next.end && (w.is(Cat::give) || w.is(Cat::give_paid))) return &w;
  }
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
        // (徐家湾乡32名高中生，每人领到助学金2000元: the place may open the segment's earlier clause.)
        (std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
           return p.span.begin >= std::min(own.begin, segment_begin) && p.span.end <= w.span.begin &&
                  (!p.township.empty() || p.level == PlaceLevel::collective);
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

void SentenceReader::refuse_product(const Measure& m, std::int64_t n, const std::string& written_value) {
  refused.push_back({m.kind, m.span,
                     m.kind == MeasureKind::money ? fmt::format("{} × {} yuan is more than {}", n, written_value, kMaxLineText)
                                                  : fmt::format("{} × {} is a count too large for the ledger", n, written_value)});
}

// 更正：本报…“…捐赠助学金8万元”有误，应为“6.8万元”: a notice correcting an earlier report.
bool SentenceReader::is_correction_notice() const {
  if (s_.text.find("应为") == std::string_view::npos) return false;
  for (std::string_view w : {"更正", "有误", "勘误", "订正", "应为“", "应为\""})
    if (s_.text.find(w) != std::string_view::npos) return true;
  return false;
}

// The gift the notice quotes, with the amount it says is right; nothing else of the sentence (the
// quoted words are no new gift). A notice that cannot be read so gives nothing.
void SentenceReader::apply_correction(std::vector<AidReport>& reports) const {
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
    // (…“高新区总工会向双龙湾镇…发放慰问金8.6万元”一句金额有误: the sentence quoted is the gift's;
    // a single township it names is where it went, whatever the story around the notice.)
    if (r.allocations.size() == 1) {
      std::vector<const PlaceMention*> quoted;
      for (const auto& p : s_.places)
        if (s_.quoted(p.span.begin) && !p.township.empty() && p.level != PlaceLevel::collective && p.level != PlaceLevel::county &&
            (quoted.empty() || quoted.front()->township == p.township))
          quoted.push_back(&p);
      if (!quoted.empty() && r.allocations.front().township != quoted.front()->township) {
        r.allocations.front().recipient = quoted.back()->name;
        r.allocations.front().township = quoted.back()->township;
        r.allocations.front().covers.clear();
        std::erase_if(r.notes, [](const std::string& n) { return n.starts_with("no place"); });
      }
    }
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

// A clause that goes on with a list of gifts: it opens with 以及, 及, 和, 还有.
bool SentenceReader::continues_list(std::size_t clause_begin) const {
  const std::size_t at = s_.han_from(clause_begin, s_.text.size());
  for (std::string_view w : {"以及", "及", "和", "还有", "另有"})
    if (starts_at(s_.text, at, w)) return true;
  return false;
}

bool SentenceReader::clause_has_amount(std::size_t c) const {
  return std::any_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& m) { return s_.clause_of(m.span.begin) == c; });
}

}  // namespace aidledger::extract::detail
