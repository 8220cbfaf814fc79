// SentenceReader::read_measure (sentence_reader.hpp): one amount of the sentence, from its trigger
// to its reports: whether it is aid at all, its giver, kind and status, its recipients, how it is
// shared and counted, and its date.
#include "sentence_reader.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

namespace {

// Where a gift read before went, as recipients: a joint line's townships each, else its place.
void add_recipients_of(const AidReport& gift, std::vector<Recipient>& out) {
  for (const auto& a : gift.allocations) {
    if (a.township == kJoint)
      for (const auto& t : a.covers) out.push_back({t, t});
    else if (!a.recipient.empty() || !a.township.empty())
      out.push_back({a.recipient, a.township});
  }
}

}  // namespace

void SentenceReader::read_measure(std::size_t k, std::vector<bool>& used, std::vector<AidReport>& reports) {
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
  // (这条由高新区出资260万元援建的生产线随即全面投产: a thing already known, described by what it
  // cost whom, is no new gift.)
  {
    const Span own_clause = s_.clauses[s_.clause_of(m.span.begin)];
    const std::string_view before = s_.slice(own_clause.begin, m.span.begin);
    const std::size_t by = before.rfind("由");
    if (by != std::string_view::npos && by >= 6 && s_.slice(m.span.end, own_clause.end).find("的") != std::string_view::npos) {
      const std::string_view lead = before.substr(0, by);
      for (std::string_view demonstrative : {"这", "该", "此"})
        if (const std::size_t demo = lead.rfind(demonstrative); demo != std::string_view::npos && text::code_point_count(lead.substr(demo)) == 2)
          return;
    }
  }
  // (剩余60万元将在设备调试完成后拨付: the rest of a pledge still to be paid is part of that pledge,
  // no gift of its own.)
  if (m.kind == MeasureKind::money && s_.has(Cat::modal, s_.clauses[s_.clause_of(m.span.begin)]))
    for (std::string_view rest : {"剩余", "剩下的", "剩下", "余下的", "余下", "尚余", "其余"})
      if (text::ends_at(s_.text, m.span.begin, rest) && !s_.has(Cat::paid, {m.span.end, s_.clauses[s_.clause_of(m.span.begin)].end}))
        return;
  // 价值10万元 after goods just counted: the value of that gift.
  const LexToken* value_word = value_word_before(m.span.begin);
  // (图书800册和价值1.2万元的体育器材40件: a value the goods after it are counted by is theirs.)
  // (…捐赠电暖器60台，另有价值2千5的护理用品一批: goods of their own, valued before 的, after a word
  // that adds another gift.)
  bool another_gift = false;
  if (value_word && starts_at(s_.text, m.span.end, "的")) {
    const std::string_view lead = s_.slice(s_.han_from(s_.clauses[mc].begin, value_word->span.begin), value_word->span.begin);
    for (std::string_view more : {"另有", "另外还有", "另外", "还有", "另赠", "外加"}) another_gift = another_gift || starts_at(lead, 0, more);
  }
  if (m.kind == MeasureKind::money && value_word && value_word->is(Cat::value) && !values_goods_after(k) && !another_gift &&
      attach_value(k, *value_word, used, reports))
    return;
  // 捐赠抽水泵20台，单价2,300元: the price of one of the goods just given, times their count.
  // (Also 各采购年货礼包3000份，每份98元: 每 and the goods' own measure word.)
  // (每桶市价65元: a word of price between 每桶 and the money.)
  const LexToken* price_of_one = s_.word_before(m.span.begin);
  for (std::string_view price : {"市价", "售价", "价格", "均为"})
    if (text::ends_at(s_.text, m.span.begin, price))
      if (const LexToken* per = s_.word_before(m.span.begin - price.size()); per && per->is(Cat::per_unit)) price_of_one = per;
  if (const LexToken* w = price_of_one;
      m.kind == MeasureKind::money && w && !reports.empty() &&
      (s_.slice(w->span) == "单价" || (w->is(Cat::per_unit) && !reports.back().unit.empty() && s_.slice(w->span).ends_with(reports.back().unit))) &&
      k > 0 && reports.back().has_quantity() && !reports.back().has_amount() &&
      std::all_of(reports.back().allocations.begin(), reports.back().allocations.end(), [](const Allocation& a) { return a.quantity.has_value(); }) &&
      s_.measures[k - 1].kind == MeasureKind::quantity && s_.clause_of(s_.measures[k - 1].span.begin) + 1 == mc &&
      reports.back().measure.begin == page(s_.measures[k - 1].span.begin)) {
    // (甲、乙分别认购礼盒300盒、260盒，每盒88元: the price of one is each listed gift's, read in the
    // same clause as the last.)
    const std::size_t list_clause_at = page(s_.clauses[s_.clause_of(s_.measures[k - 1].span.begin)].begin);
    std::size_t first = reports.size() - 1;
    while (first > 0 && reports[first - 1].has_quantity() && !reports[first - 1].has_amount() &&
           reports[first - 1].unit == reports.back().unit && reports[first - 1].measure.begin >= list_clause_at &&
           std::all_of(reports[first - 1].allocations.begin(), reports[first - 1].allocations.end(), [](const Allocation& a) { return a.quantity.has_value(); }))
      --first;
    for (std::size_t at = reports.size(); at-- > first;)
      value_times_units(k, used, reports, [](const Allocation& a) { return a.quantity; }, "value of one unit", at);
    return;
  }

  // (送去价值3.6万元的春联、年画和年货礼包，共1200份: the count of the goods just valued, said in a
  // clause of its own after them.)
  if (m.kind == MeasureKind::quantity && k > 0 && !reports.empty() && s_.measures[k - 1].kind == MeasureKind::money &&
      reports.back().measure.begin == page(s_.measures[k - 1].span.begin) && reports.back().kind == Kind::in_kind &&
      reports.back().has_amount() && !reports.back().has_quantity() && reports.back().allocations.size() == 1 &&
      s_.clause_of(s_.measures[k - 1].span.begin) + 1 == mc && s_.segment_of(s_.measures[k - 1].span.begin) == s_.segment_of(m.span.begin)) {
    const std::string_view lead = s_.slice(s_.han_from(s_.clauses[mc].begin, m.span.begin), m.span.begin);
    if (lead == "共" || lead == "共计" || lead == "合计" || lead == "总计") {
      reports.back().allocations.front().quantity = m.value;
      reports.back().unit = m.unit;
      reports.back().measure.end = page(m.span.end);
      used[k] = true;
      return;
    }
  }

  // 其中 …: the parts of a total already read.
  // Not when no gift was read before it (总投资260万元，其中帮扶资金180万元: the total is no aid),
  // nor when the part is a tranche paid (其中首批资金100万元已划拨).
  const LexToken* sub = s_.first(Cat::subsum, {segment.begin, m.span.begin});
  if (sub && splits_joint_by_place_list(k, used, reports)) return;
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
  if (!trigger && splits_joint_by_counted_places(k, used, reports)) return;
  if (!trigger && splits_joint_total(k, reports)) {
    used[k] = true;
    return;
  }
  if (!trigger && splits_joint_by_place_list(k, used, reports)) return;
  if (!trigger) return;
  // 购买土蜂蜜800斤，金额4.8万元: what was bought is counted, the money is the aid.
  // (Not before the price of one of a list of counts: 分别认购礼盒300盒、260盒，每盒88元.)
  if (m.kind == MeasureKind::quantity && trigger->is(Cat::buy) && trigger->span.begin < m.span.begin) {
    for (std::size_t j = k + 1; j < s_.measures.size(); ++j)
      if (s_.measures[j].kind == MeasureKind::money && s_.segment_of(s_.measures[j].span.begin) == s_.segment_of(m.span.begin)) {
        const bool price_of_each_listed = is_unit_price(j) && !priced_quantity(j) &&
                                          s_.slice(m.span.end, s_.measures[j].span.begin).find("每" + m.unit) != std::string_view::npos;
        if (!price_of_each_listed) return;
        break;
      }
  }
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
  // (该公司为86位老人每人发放取暖补贴300元: a subsidy given per head of people by a giver is a gift too.)
  const LexToken* per_head = not_aid ? s_.last(Cat::per_unit, {own.begin, not_aid->span.begin}) : nullptr;
  const bool subsidy_donated = not_aid && text::ends_at(s_.slice(not_aid->span), not_aid->span.end - not_aid->span.begin, "补贴") &&
                               trigger->span.end <= not_aid->span.begin &&
                               (s_.slice(trigger->span) == "捐赠" || s_.slice(trigger->span) == "捐助" ||
                                (per_head && !units_counting(s_.slice(per_head->span)).empty() &&
                                 (s_.has(Cat::pronoun, {own.begin, trigger->span.begin}) ||
                                  std::any_of(orgs_.begin(), orgs_.end(), [&](const auto& o) {
                                    return o.first.begin >= own.begin && o.first.end <= trigger->span.begin;
                                  })))) &&
                               s_.clause_of(trigger->span.begin) == s_.clause_of(m.span.begin);
  // (某协会捐建的便民桥竣工交付，工程总造价38万元: the cost of what was given built is its value.)
  const bool cost_of_built = not_aid && not_aid->is(Cat::cost) && s_.has(Cat::build, {0, not_aid->span.begin}) &&
                             std::none_of(s_.measures.begin(), s_.measures.begin() + static_cast<std::ptrdiff_t>(k),
                                          [&](const Measure& o) { return o.kind == MeasureKind::money; });
  if (!price_of_purchase && not_aid && !subsidy_donated && !cost_of_built) return;
  // The sum of a deal (签约金额): a firm's investment deal, unless the deal is buying the area's produce.
  if (s_.has(Cat::deal_sum, {own.begin, m.span.begin}) && !s_.has(Cat::buy, segment)) return;
  if (!price_of_purchase && trigger->span.begin > m.span.begin && s_.has(Cat::not_aid, {m.span.end, trigger->span.begin})) return;
  // (每年能为村集体带来8万元左右的收益: the amount is of an income, named right after it.)
  {
    std::size_t at = m.span.end;
    for (std::string_view about : {"左右", "以上", "多"})
      if (starts_at(s_.text, at, about)) at += about.size();
    if (starts_at(s_.text, at, "的"))
      if (const LexToken* w = s_.word_at(at + std::string_view("的").size()); w && w->is(Cat::income)) return;
  }
  // A company's own sales (公司今年已在豫西地区销售同类系统86套，实现销售收入2100万元): the seller is
  // no place of the county and the sentence names none.
  if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && !names_place_of_county() &&
      !s_.has(Cat::consumption, {0, s_.text.size()}) && !s_.has(Cat::occasion, {0, s_.text.size()})) {
    bool seller_named = false;
    for (const auto& [span, name] : orgs_) seller_named = seller_named || span.end <= trigger->span.begin;
    for (std::string_view w : {"公司", "企业", "该集团", "集团"}) seller_named = seller_named || s_.slice(0, trigger->span.begin).find(w) != std::string_view::npos;
    if (seller_named) return;
  }
  // (参展的卢氏县某公司负责人介绍，公司去年实现销售收入1.2亿元: a company speaking of its own sales,
  // the clause naming none of the county's places, is no aid, even at a fair.)
  if (trigger->is(Cat::sale) && !trigger->is(Cat::buy)) {
    const Span clause = s_.clauses[s_.clause_of(trigger->span.begin)];
    const std::string_view subject = s_.slice(s_.han_from(clause.begin, trigger->span.begin), trigger->span.begin);
    bool own_company = false;
    for (std::string_view w : {"公司", "该公司", "企业", "该企业", "合作社", "该合作社"})
      own_company = own_company || starts_at(subject, 0, w);
    const bool place_in_clause = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
      return p.span.begin >= clause.begin && p.span.end <= clause.end;
    });
    if (own_company && !place_in_clause && s_.han_from(clause.begin, trigger->span.begin) < trigger->span.begin) return;
    // (博润电子今年上半年实现销售收入3.6亿元: revenue of whoever sells, in a sentence naming no place of
    // the county, no fair and no occasion, is no aid.)
    const std::string_view sold = s_.slice(trigger->span);
    const Span whole{0, s_.text.size()};
    if ((sold == "销售收入" || sold == "销售额") && !names_place_of_county() && !s_.has(Cat::consumption, whole) && !s_.has(Cat::occasion, whole) &&
        !s_.has(Cat::buy, whole) && text::ends_at(s_.text, trigger->span.begin, "实现"))
      return;
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
    // (计划…共投入600万元，首年、第二年各安排200万元，剩余200万元于2026年春节前拨付: the years' parts
    // and the rest to be paid later are the pledge's schedule too.)
    for (std::string_view w : {"首年", "第一年", "第二年", "第三年", "头两年", "前两年"})
      schedule = schedule || (starts_at(s_.text, at, w) && s_.has(Cat::each, {at, m.span.begin}));
    for (std::string_view w : {"剩余", "其余"})
      schedule = schedule || (starts_at(s_.text, at, w) && std::any_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& d) {
                                return d.span.begin >= m.span.end && d.span.end <= own.end && article_date_ &&
                                       date::sys_days(d.date.first) > date::sys_days(article_date_->last);
                              }));
    if (schedule && std::any_of(reports.begin(), reports.end(), [](const AidReport& r) { return r.status == Status::pledged; })) return;
  }
  // A target (力争全年采购额突破80万元) is no aid, nor a pledge.
  if (const LexToken* goal = s_.last(Cat::target, {own.begin, m.span.begin}); goal && s_.has(Cat::reach, {goal->span.end, m.span.begin}))
    return;
  // (每名职工节日慰问品标准不超过500元: a ceiling set by the rules, no gift.)
  for (std::string_view ceiling : {"不超过", "不得超过", "不高于", "上限为", "最高不超过"})
    if (text::ends_at(s_.text, m.span.begin, ceiling)) return;
  // (…不超过500元: 超过 may be read as the amount's own marker, 不 standing before it.)
  for (std::string_view over : {"超过", "超"})
    if (starts_at(s_.slice(m.span), 0, over) && (text::ends_at(s_.text, m.span.begin, "不") || text::ends_at(s_.text, m.span.begin, "不得")))
      return;
  // A forecast of sales (预计销售额将突破100万元) is no aid.
  if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && s_.has(Cat::modal, {own.begin, own.end})) return;
  // (帮助两乡镇销售农特产品500万元: selling for the paired places is consumption aid wherever it is said.)
  const bool sold_for_them = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
    if (p.span.end > trigger->span.begin || text::code_point_count(s_.slice(p.span.end, trigger->span.begin)) > 1) return false;
    if (p.township.empty() && p.level != PlaceLevel::collective) return false;
    for (std::string_view help : {"帮助", "帮", "协助", "助力", "带动"})
      if (text::ends_at(s_.text, p.span.begin, help)) return true;
    return false;
  });
  if (trigger->is(Cat::sale) && !trigger->is(Cat::buy) && !consumption_article_ && !s_.has(Cat::consumption, {0, s_.text.size()}) &&
      !s_.has(Cat::buy, {0, s_.text.size()}) && !sold_for_them)
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
  // (员工三天凑出3万5: gathering, or a verb of giving money, says it is money.)
  const bool money_verb = trigger->is(Cat::raise) || trigger->is(Cat::cash);
  if (m.kind == MeasureKind::money && !m.currency_explicit && !s_.has(Cat::cash, own) && !s_.has(Cat::value, own) && !sum_named &&
      !value_of_goods && !per_head_of_money_before && !money_verb)
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
        // (除企业现场认购外，年货节三天零售额达十余万元: who is set aside by 除…外 gave no part of it.)
        const std::size_t opens = s_.han_from(s_.clauses[c].begin, s_.clauses[c].end);
        if (starts_at(s_.text, opens, "除") && (text::ends_at(said, said.size(), "外") || text::ends_at(said, said.size(), "以外"))) continue;
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
  // (向某村集体经济合作社赠送种苗: the village's collective after 向 receives; 为村集体带来…收益 is
  // its own income.)
  auto receives = [&](const LexToken& w) {
    const LexToken* marker = s_.last(Cat::to, {s_.clauses[s_.clause_of(w.span.begin)].begin, w.span.begin});
    return marker && s_.slice(marker->span) == "向" && s_.slice(w.span) == "村集体";
  };
  if (const LexToken* own_word = s_.last(Cat::own_area, {0, m.span.begin});
      own_word && !own_word->is(Cat::local_government) && !aid_by_name && !receives(*own_word) &&
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
  // (桃园村村民听说后自发凑了1.3万元，托人捐给了高新区: the county's own people give; no aid to it.)
  // (…丰太村村民邢老汉一个人就拉来了三袋土豆: a villager named after his village and 村民, too.)
  std::size_t giver_from = giver && !giver->span.empty() ? giver->span.begin : 0;
  if (const LexToken* folk = giver && giver_from > 0 ? s_.word_before(giver_from) : nullptr;
      folk && folk->span.end == giver_from && folk->is(Cat::people) && giver->basis == "person")
    giver_from = folk->span.begin;
  if (giver && !giver->span.empty() && !trigger->is(Cat::sale) && s_.has(Cat::people, {giver_from, giver->span.end}) &&
      std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) {
        if (p.span.end == giver_from && giver_from != giver->span.begin)
          return p.level == PlaceLevel::township || (p.level == PlaceLevel::village && text::ends_at(p.name, p.name.size(), "村"));
        // (A village, township or the county by its name; not a 社区, as often a city's as the county's.)
        return p.span.begin == giver->span.begin && (p.level == PlaceLevel::county || p.level == PlaceLevel::township ||
                                                     (p.level == PlaceLevel::village && text::ends_at(p.name, p.name.size(), "村")));
      }))
    return;

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
  // (…医生冯立连续第三年以个人名义向…捐款，本月初捐出￥3000; 退休医生陈建国自费购买…; 她…以个人名义为…:
  // a person named after a title or office who gives in his own name, said anywhere in the segment
  // before the amount, gives it, not the body he works for.)
  if (!giver || (giver->basis != "person" && giver->basis != "passive")) {
    const std::string_view before = s_.slice(segment.begin, m.span.begin);
    bool own_name = false;
    for (std::string_view w : {"以个人名义", "以个人身份", "自费", "自掏腰包", "个人出资", "个人捐"}) own_name = own_name || before.find(w) != std::string_view::npos;
    if (own_name) {
      const ArticleMemory here = memory_at(m.span.begin);
      if (!here.last_person.empty() && (here.last_person_by_title || before.find(here.last_person) != std::string_view::npos)) {
        if (!giver) giver = detail::Giver{};
        giver->members = {here.last_person};
        giver->members_written = {here.last_person};
        giver->canonical = giver->written = here.last_person;
        giver->basis = "person";
      }
    }
  }
  const std::string_view delegation = (!giver || giver->basis == "article actor") && !memory_.delegation.empty()
                                          ? delegation_subject(verb_clause, trigger->span.begin)
                                          : std::string_view{};
  if (giver && !giver->canonical.empty() && !host && !sellers && delegation.empty()) {
    r.donor = giver->canonical;
    r.donor_as_written = giver->written;
    r.donor_basis = giver->basis;
  } else if (const std::string_view subject = delegation; !subject.empty()) {
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
  } else if (const LexToken* more = s_.word_at(s_.han_from(0, s_.text.size()));
             !giver && !previous && more && more->is(Cat::also) && s_.clause_of(trigger->span.begin) == 0 && memory_.referent("其")) {
    // 高新区教育局…为师生送去课外读物3000册。另捐赠一体机6台: more from the giver named before.
    r.donor = *memory_.referent("其");
    r.donor_as_written = s_.slice(more->span);
    r.donor_basis = "earlier clause";
  } else if (!giver && !previous && !memory_.named_giver.empty() && again_without_subject(verb_clause, trigger->span.begin)) {
    // …捐赠太阳能路灯120盏。10月，又为东虎岭村小学送去棉衣150件: 又 with no subject, the giver
    // named last gives again.
    r.donor = memory_.named_giver;
    r.donor_as_written = memory_.named_giver_written;
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
  // (承诺分两年出资60万元，为该镇援建…车间，其中首期30万元已于当天拨付到位: a money tranche of a
  // money pledge just read is money too.)
  if (r.tranche && r.kind == Kind::in_kind && m.kind == MeasureKind::money && previous && previous->status == Status::pledged &&
      previous->kind == Kind::cash && previous->donor == r.donor && previous->sentence.begin == r.sentence.begin &&
      !s_.has(Cat::value, s_.clauses[s_.clause_of(m.span.begin)]))
    r.kind = Kind::cash;
  // (…计划一年内采购该镇农产品20万元。首批货款3.2万元已于上周结清: in a later sentence too, when
  // the same buyer pays.)
  // (…计划今年采购双龙湾镇农产品50万元。首批价值8.6万元的土豆、小米已送达…: the first batch of
  // produce bought, valued, is the purchase too.)
  if (r.tranche && (r.kind == Kind::cash || r.kind == Kind::in_kind) && memory_.pledge_kind == Kind::consumption && r.donor == memory_.pledge_giver)
    r.kind = Kind::consumption;
  if (r.tranche) r.tranche_number = detail::tranche_number(s_, f);
  if (m.kind == MeasureKind::quantity) r.unit = m.unit;
  if (r.kind != Kind::cash) r.item = item_for(f, previous);

  // Recipients.
  ArticleMemory recipient_memory = memory_at(frame_begin);
  recipient_memory.giver = r.donor;
  std::vector<Recipient> recipients =
      detail::recipients_for(s_, frame_begin, trigger->span.begin, m.span.begin, giver, recipient_memory);
  // (…分别捐赠5万元，共同设立“两乡镇乡村教师奖励基金”: a fund named for the townships is theirs.)
  if (recipients.empty())
    for (const auto& p : s_.places) {
      if (p.level != PlaceLevel::collective || p.count < 2 || !s_.quoted(p.span.begin) || p.span.begin < segment.begin || p.span.end > segment.end)
        continue;
      const std::size_t close = s_.text.find("”", p.span.end);
      if (close == std::string_view::npos) continue;
      const std::string_view named = s_.slice(p.span.end, close);
      if (!(named.ends_with("基金") || named.ends_with("专项资金") || named.ends_with("奖学金") || named.ends_with("助学金"))) continue;
      for (auto& rc : detail::expand_collective(p, recipient_memory))
        if (!rc.township.empty()) recipients.push_back(std::move(rc));
      if (!recipients.empty()) r.notes.push_back("no place read for the gift: the townships the fund it goes to is named for");
      break;
    }
  // (…：甲乡32名高中生，每人领到助学金2000元；乙镇41名初中生，每人发放1500元: a segment that names
  // places of one township only before its amount is about that township.)
  if (recipients.empty() && s_.segments.size() > 1) {
    std::vector<const PlaceMention*> in_segment;
    bool other = false;
    for (const auto& p : s_.places) {
      if (p.span.begin < segment.begin || p.span.end > m.span.begin || s_.quoted(p.span.begin) || p.level == PlaceLevel::county) continue;
      if (p.township.empty()) other = true;
      else if (in_segment.empty() || in_segment.front()->township == p.township) in_segment.push_back(&p);
      else other = true;
    }
    if (!in_segment.empty() && !other) {
      recipients.push_back({in_segment.front()->name, in_segment.front()->township});
      r.notes.push_back(fmt::format("no place read for the gift: {}, the one township its part of the sentence names", in_segment.front()->township));
    }
  }
  if (recipients.empty() && previous && !opens_with_date(segment)) {
    add_recipients_of(*previous, recipients);
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
  // (…筹资90万元，帮助该镇建设…: the township named last, said after it, is where it goes.)
  const bool raised_only = recipients.empty() && trigger->is(Cat::raise) && !s_.has(Cat::here, {trigger->span.end, s_.text.size()}) &&
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
  // (…计划向乙镇捐赠共计60万元，其中首期20万元已于签约当天拨付到镇: a tranche of the pledge its
  // sentence read goes where the pledge does.)
  // (…通过卢氏县慈善总会定向拨付到镇: the county named in passing places it no better.)
  // (…为甲乡安排160万元、为乙镇安排140万元，首批资金分别为60万元和50万元: the tranches of as many
  // pledges, in their order.)
  std::vector<const AidReport*> pledges_before;
  for (const auto& o : reports)
    if (o.sentence.begin == r.sentence.begin && o.status == Status::pledged && o.donor == r.donor && !o.tranche) pledges_before.push_back(&o);
  if ((recipients.empty() || named_places(own.begin, own.end) == 0) && r.tranche && !pledges_before.empty()) {
    recipients.clear();
    const AidReport* pledge = pledges_before.back();
    // (The list read from here pairs with the pledges, one place each: the list reading below
    // pairs them in order.)
    const std::vector<std::size_t> list_here = detail::amount_list(s_, k);
    const bool one_place_each = std::all_of(pledges_before.begin(), pledges_before.end(), [](const AidReport* o) {
      return o->allocations.size() == 1 && o->allocations.front().township != kJoint;
    });
    if (pledges_before.size() >= 2 && list_here.size() == pledges_before.size() && one_place_each) {
      for (const AidReport* o : pledges_before) recipients.push_back({o->allocations.front().recipient, o->allocations.front().township});
      pledge = nullptr;
    }
    if (pledge && pledges_before.size() >= 2)
      for (std::size_t first = 0; first <= k; ++first) {
        const std::vector<std::size_t> listed = detail::amount_list(s_, first);
        const auto at = std::find(listed.begin(), listed.end(), k);
        if (at == listed.end()) continue;
        if (listed.size() == pledges_before.size()) pledge = pledges_before[static_cast<std::size_t>(at - listed.begin())];
        break;
      }
    if (pledge) add_recipients_of(*pledge, recipients);
    if (!recipients.empty()) r.notes.push_back("no place read for the tranche: where the pledge it pays goes");
  }
  // (…计划全年采购徐家湾乡农产品30万元。当天，首批价值8.6万元的香菇运抵机关食堂: a tranche told in a
  // later sentence with no place of its own goes where the pledge it pays goes.)
  if (recipients.empty() && !raised_only && r.tranche && pledges_before.empty() && !memory_.pledge_places.empty() && r.donor == memory_.pledge_giver &&
      memory_.pledge_kind == r.kind) {
    for (const auto& [name, township] : memory_.pledge_places) recipients.push_back({name, township});
    r.notes.push_back("no place read for the tranche: where the pledge it pays goes");
  }
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
  // (八年来，高新区各界累计开展消费帮扶超过500万元, in a review that also names other townships: a
  // summary with no place of its own is the pairing's.)
  if (recipients.empty() && !raised_only && sums_a_period && memory_.paired.size() >= 2 &&
      std::all_of(memory_.paired.begin(), memory_.paired.end(), [&](const std::string& t) {
        return std::find(memory_.townships.begin(), memory_.townships.end(), t) != memory_.townships.end();
      })) {
    for (const auto& t : memory_.paired) recipients.push_back({t, t});
    r.notes.push_back("no place read for a summary: the paired townships");
  }
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
  // (覆盖两乡镇各40户困难家庭，每户送去慰问金500元: 各 between the places and the count, in an
  // earlier clause of the segment, gives each place the count the per-unit amount is for.)
  bool each_counted_before = false;
  if (const LexToken* per = s_.last(Cat::per_unit, {lead_from, m.span.begin}); per && !s_.has(Cat::each, {lead_from, m.span.begin})) {
    const std::u32string units = units_counting(s_.slice(per->span));
    for (const auto& w : s_.words) {
      if (w.span.begin < segment.begin || w.span.end > lead_from || !each_one(&w) || s_.slice(w.span) != "各") continue;
      const bool after_place = std::any_of(s_.places.begin(), s_.places.end(), [&](const PlaceMention& p) { return p.span.end == w.span.begin; });
      const std::size_t e = count_numerals_end(s_.text, w.span.end, lead_from);
      each_counted_before = each_counted_before || (after_place && e > w.span.end && e < lead_from && !units.empty() &&
                                                    units.find(text::code_point_at(s_.text, e)) != std::u32string::npos);
    }
  }
  const bool each = goods_listed < 2 && (each_after || each_counted_before ||
                                         (!after_the_list && detail::says_each(s_, lead_from, m.span.begin) &&
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
      // (一袋25公斤装的面粉…，共…面粉63袋: a total in other units is no total of these.)
      if (m.kind == MeasureKind::quantity && s_.measures[j].unit != m.unit) continue;
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
          // (为两村困难家庭每户送上…，其中甲村32户、乙村28户: 两村 counts villages, not households.)
          const auto whole = first_count_in(s_.text, segment.begin, per->span.begin, units_counting(s_.slice(per->span)));
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
        if (!m.high) r.counted = AidReport::Counted{m.value, *count, units_counting(s_.slice(counted_per->span))};
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
  // (…捐赠便携式彩超2台、冷链运输车1辆、图书3000册: goods of as many kinds as the givers, each
  // counted once, list as amounts do.)
  std::vector<std::size_t> gifts_listed = list;
  if (giver_each && list.size() < 2 && giver && !giver->span.empty() && !s_.has(Cat::value, own)) {
    gifts_listed.clear();
    for (std::size_t j = 0; j < s_.measures.size(); ++j)
      if (s_.clause_of(s_.measures[j].span.begin) == s_.clause_of(m.span.begin) && s_.measures[j].span.begin > giver->span.end)
        gifts_listed.push_back(j);
  }
  const bool places_for_givers = giver_each && gifts_listed.size() >= 2 && gifts_listed.size() == givers && recipients.size() == gifts_listed.size() &&
                                 named_places(giver->span.end, s_.measures[gifts_listed.front()].span.begin) == gifts_listed.size();
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

  // (…承诺的5万元，已于今年2月全额交到…: paying said in a later clause dates the gift there too.)
  const std::size_t paid_until = trigger->span.begin > own.end ? s_.clauses[s_.clause_of(trigger->span.begin)].end : own.end;
  date_report(r, {frame_begin, std::max(paid_until, dated_until_)}, m.span.begin);
  // (今年以来…累计购买…217万元, in a review of 2025 printed in January 2026: 今年 is the year reviewed.)
  if (r.date && r.status == Status::disbursed && memory_.year_reported && memory_.published &&
      static_cast<unsigned>(memory_.published->first.month()) <= 2 && r.date_basis.find("今年") != std::string::npos &&
      r.date->first.year() == memory_.year_reported->first.year() + date::years{1}) {
    r.date = memory_.year_reported;
    r.date_basis += " (the year the review looks back on)";
  }
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
  // (A day past by the page's date is when the pledge was made, though after the article's dateline:
  // 本报讯 12月30日，…。1月6日召开的会议提出，今年计划再安排…, on a page of 1月9日.)
  const bool day_before_page = r.date && memory_.published && r.date->precision == Precision::day && r.date->last <= memory_.published->last &&
                               r.date_basis.rfind("stated", 0) == 0;
  const bool to_be_paid = r.date && article_date_ &&
                          ((r.status == Status::pledged && r.date->first > article_date_->last && !day_before_page &&
                            (s_.has(Cat::modal, {segment.begin, own.end}) || after_page_year)) ||
                           (r.status == Status::disbursed && after_page_year));
  if (to_be_paid) {
    r.notes.push_back(fmt::format("to be paid {}", format_date(*r.date)));
    r.status = Status::pledged;
    r.date = article_date_;
    r.date_basis = "pledged on the article's date";
    // (1月6日召开的会议提出，今年计划再安排…: the day said before, past by the page's date, is when
    // the pledge was made.)
    for (const auto& d : s_.dates)
      if (d.span.end <= m.span.begin && !d.plan && d.date.precision == Precision::day && memory_.published &&
          d.date.last <= memory_.published->last && d.date.first >= article_date_->first) {
        r.date = d.date;
        r.date_basis = fmt::format("stated: {}", d.written);
      }
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
    // (现金10万元、8万元和价值6万元的电脑30台: an amount of the list that values goods is a gift in
    // kind, with the goods it values.)
    auto valued = [&](std::size_t j) {
      const LexToken* v = value_word_before(s_.measures[j].span.begin);
      return j != k && v && v->is(Cat::value) && v->span.begin > s_.measures[j - 1].span.end;
    };
    auto as_goods_valued = [&](AidReport& ri, std::size_t j) {
      ri.kind = Kind::in_kind;
      if (values_goods_after(j)) take_goods_valued(ri, j, std::nullopt, used);
    };
    const bool kinds_differ = std::any_of(list.begin(), list.end(), valued) && r.kind != Kind::in_kind;
    if (list.size() == recipients.size() && !giver_each && kinds_differ) {
      // (…分别送去慰问金2万元和价值1.6万元的米面油: one line for each place, each of its own kind.)
      for (std::size_t i = 0; i < list.size(); ++i) {
        const Measure& mi = s_.measures[list[i]];
        AidReport ri = r;
        ri.measure = {page(mi.span.begin), page(mi.span.end)};
        ri.distribution = "single";
        ri.allocations = allocate_measure({recipients[i]}, false, mi);
        ri.approximate = ri.approximate || mi.approximate;
        if (valued(list[i])) as_goods_valued(ri, list[i]);
        reports.push_back(std::move(ri));
      }
      return;
    }
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
        // (甲、乙分别捐赠30万元、20万元，委托慈善总会转交A镇和B乡: or, with none before the amounts,
        // the places written one by one in the clause right after them.)
        const std::size_t after_list = s_.clause_of(s_.measures[list.back()].span.begin) + 1;
        const bool paired_before = recipients.size() == list.size() && named_places(giver->span.end, s_.measures[list.front()].span.begin) == list.size();
        std::vector<Recipient> listed_after;  // in the order written
        if (!paired_before && named_places(giver->span.end, s_.measures[list.front()].span.begin) == 0 && after_list < s_.clauses.size() &&
            s_.segment_of(s_.clauses[after_list].begin) == s_.segment_of(m.span.begin) &&
            named_places(s_.clauses[after_list].begin, s_.clauses[after_list].end) == list.size())
          for (const auto& p : s_.places)
            if (p.span.begin >= s_.clauses[after_list].begin && p.span.end <= s_.clauses[after_list].end && !p.township.empty() &&
                p.level != PlaceLevel::collective && p.level != PlaceLevel::county &&
                named_places(p.span.begin, p.span.end) == 1 && named_places(s_.clauses[after_list].begin, p.span.end) == listed_after.size() + 1)
              listed_after.push_back({p.name, p.township});
        const bool paired_after = listed_after.size() == list.size();
        const bool paired = paired_before || paired_after;
        ri.distribution = paired || recipients.size() <= 1 ? "single" : "joint";
        ri.allocations = allocate_measure(paired_after ? std::vector<Recipient>{listed_after[i]}
                                          : paired   ? std::vector<Recipient>{recipients[i]}
                                                     : recipients,
                                          false, mi);
        if (paired) ri.notes.push_back("givers, places and amounts paired in order (分别)");
        if (kinds_differ && valued(list[i])) as_goods_valued(ri, list[i]);
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
        // (…8万元和价值6万元的办公电脑30台: that giver's gift is the goods the amount values.)
        if (m.kind == MeasureKind::money && value_word && value_word->is(Cat::value) && values_goods_after(k)) {
          r.kind = Kind::in_kind;
          take_goods_valued(r, k, std::nullopt, used);
        }
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
    const auto n_each = each && !recipients.empty() && split_by_counts.empty()
                            ? counted_before_each(lead_from, m.span.begin, detail::amount_list(s_, k).size() == 1)
                            : std::nullopt;
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
  if (m.kind == MeasureKind::money && value_word && value_word->is(Cat::value) && values_goods_after(k))
    take_goods_valued(r, k, places_counted, used);
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

// 价值8万元的办公电脑20台: the goods counted right after the value at `k` (values_goods_after) are
// the same gift; counted once for each of `places_counted` places when given.
void SentenceReader::take_goods_valued(AidReport& r, std::size_t k, std::optional<std::int64_t> places_counted, std::vector<bool>& used) {
  const Measure& m = s_.measures[k];
  const Measure& q = s_.measures[k + 1];
  for (auto& a : r.allocations) a.quantity = places_counted ? times(q.value, *places_counted) : q.value;
  r.unit = q.unit;
  if (std::string item = detail::item_between(s_, m.span.end, q.span.begin); !item.empty()) r.item = item;
  r.measure.end = page(q.span.end);
  used[k + 1] = true;
}

}  // namespace aidledger::extract::detail
