#include "aidledger/extract/events.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::extract {
namespace {

using text::code_point_at;
using text::code_point_before;
using text::ends_at;
using text::next_code_point;
using text::Span;
using text::starts_at;

// ---- Vocabulary --------------------------------------------------------------------------
// General Chinese news phrasing of giving, paying, pledging and buying; nothing here names a
// particular donor, place or amount.

constexpr std::string_view kGiveWords[] = {
    "捐赠", "捐助", "捐献", "捐款", "捐资", "捐建", "捐物", "赠送", "赠予", "捐给", "注入", "拨付", "拨款",
    "下拨", "发放", "援助", "资助", "支援", "送去", "送来", "送上", "送出", "提供", "投入", "援建", "认捐",
    "帮扶资金", "资金支持", "帮扶基金", "扶贫资金", "援助资金", "善款", "慰问金", "助学金", "奖学金"};
constexpr std::string_view kDonationVerbs[] = {"捐赠", "赠送", "捐献", "捐建", "捐助", "援建"};
constexpr std::string_view kConsumptionWords[] = {
    "消费帮扶", "消费扶贫", "义卖", "销售帮扶", "以购代捐", "购买", "采购", "认购", "展销", "代销", "带货", "直购"};
constexpr std::string_view kNotAidWords[] = {
    "产值", "收入", "增收", "销售额", "营业额", "营收", "利润", "总投资", "投资", "贷款", "融资", "税收", "纳税",
    "工资", "成本", "造价", "估值", "市值", "交易额", "生产总值", "产量", "资产", "预算", "注册资本", "年产",
    "规模", "总额达", "身价", "票房", "GDP"};
constexpr std::string_view kEnterpriseSupportWords[] = {"补贴", "补助", "奖补", "奖励", "研发费用", "专项资金"};
constexpr std::string_view kCashWords[] = {"现金", "资金", "基金", "善款", "捐款", "帮扶金", "助学金", "慰问金",
                                           "奖学金", "款"};
constexpr std::string_view kPledgeWords[] = {"签订", "签约", "协议", "决定", "计划", "拟", "承诺", "认捐", "意向",
                                             "分批", "分期", "预计", "将投入", "将捐", "将拨", "将向", "将为",
                                             "将提供", "将给予", "将分", "将安排"};
constexpr std::string_view kCompletionWords[] = {"注入", "拨付", "到位", "已", "发放", "交付", "移交", "送达",
                                                 "完成", "到账"};
constexpr std::string_view kTrancheWords[] = {"首批", "首期", "第一批", "第一期", "第二批", "第二期", "第三批",
                                              "第三期", "第四批", "第四期", "第一笔", "第二笔", "尾款"};
constexpr std::string_view kCumulativeWords[] = {"累计", "以来", "历年", "多年来", "近年来", "截至", "至今",
                                                 "年来", "先后"};
// People named between the verb and an amount are its recipients, not goods (资助贫困学生5万元).
constexpr std::string_view kPeopleWords[] = {"学生", "儿童", "群众", "村民", "老人", "家庭", "困难户", "贫困户",
                                             "人员", "职工", "教师", "患者", "农户", "居民"};
constexpr std::string_view kCumulativeSums[] = {"累计", "历年", "多年来", "近年来", "先后"};
// A total (共 …) over a period is a summary of many gifts: 今年以来…共计, 据统计…共….
constexpr std::string_view kPeriodWords[] = {"以来", "至今", "截至", "年来", "据统计", "据不完全统计", "全年"};
constexpr std::string_view kCarryWords[] = {"与此同时", "同时", "同期", "其间", "期间", "此间", "随后"};
constexpr std::string_view kTotalWords[] = {"共计", "合计", "总计", "总共", "共"};
constexpr std::string_view kPerUnitWords[] = {"每人", "每户", "每所", "每名", "每位", "每个", "每村", "每校",
                                              "每家", "每生", "人均", "户均"};
constexpr std::string_view kRecipientMarkers[] = {"向", "为", "给", "对", "到", "帮助", "资助", "支持"};
// A subject (the giver) ends where one of these begins.
constexpr std::string_view kSubjectEnds[] = {
    "向", "为", "给", "对", "到", "与", "在", "于", "将", "决定", "已", "共同", "联合", "携手", "通过", "把",
    "从", "先后", "累计", "再次", "分别", "各", "纷纷", "积极", "主动", "专门", "特别", "共", "无偿", "还",
    "也", "又", "均", "都", "现场", "开展", "举行", "组织", "召开", "设立", "成立", "签订", "进行", "出资",
    "筹集", "募集", "一次性", "自愿", "慷慨", "一行", "赴", "前往", "来到", "深入", "走进", "举办", "发起",
    "表示", "介绍", "指出", "强调", "说"};
constexpr std::string_view kLeadingConnectives[] = {"与此同时", "同时", "此外", "另外", "其中", "随后", "据悉",
                                                    "据了解", "据介绍", "目前", "近日", "日前", "并", "另", "而",
                                                    "今年", "去年", "当天", "当日", "同日", "次日", "今后", "每年",
                                                    "未来", "此后", "以后", "届时", "活动中", "仪式上", "会上", "当场",
                                                    "现场", "随即"};
constexpr std::string_view kGenericSubjects[] = {
    "调研组", "记者", "我们", "大家", "社会企业", "企业", "单位", "群众", "村民", "干部", "领导", "工作人员",
    "志愿者", "党员", "双方", "两地", "各方", "他们", "其", "该", "社会各界", "爱心企业", "爱心人士", "各单位",
    "企事业单位", "辖区企业", "有关单位", "相关单位", "相关部门", "各部门"};

template <std::size_t N>
std::optional<std::pair<std::size_t, std::string_view>> find_first(std::string_view s, const std::string_view (&words)[N],
                                                                    std::size_t from = 0) {
  std::optional<std::pair<std::size_t, std::string_view>> best;
  for (std::string_view w : words) {
    const std::size_t at = s.find(w, from);
    if (at != std::string_view::npos && (!best || at < best->first || (at == best->first && w.size() > best->second.size())))
      best = std::make_pair(at, w);
  }
  return best;
}

template <std::size_t N>
std::optional<std::pair<std::size_t, std::string_view>> find_last(std::string_view s, const std::string_view (&words)[N]) {
  std::optional<std::pair<std::size_t, std::string_view>> best;
  for (std::string_view w : words) {
    const std::size_t at = s.rfind(w);
    if (at != std::string_view::npos && (!best || at + w.size() > best->first + best->second.size()))
      best = std::make_pair(at, w);
  }
  return best;
}

template <std::size_t N>
bool contains_any(std::string_view s, const std::string_view (&words)[N]) {
  return find_first(s, words).has_value();
}

// Clause boundaries within a segment: [begin, end) ranges split at ',' and ':'.
std::vector<Span> clauses_of(std::string_view seg) {
  std::vector<Span> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < seg.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(seg, i);
    if (cp == U',' || cp == U':') {
      out.push_back({start, at});
      start = i;
    }
  }
  out.push_back({start, seg.size()});
  return out;
}

std::size_t clause_index(const std::vector<Span>& clauses, std::size_t pos) {
  for (std::size_t i = 0; i < clauses.size(); ++i)
    if (pos < clauses[i].end || i + 1 == clauses.size()) return i;
  return clauses.size() - 1;
}

// Spans inside “…” quotes (fund names, slogans): places named there are not recipients.
std::vector<Span> quoted_spans(std::string_view s) {
  std::vector<Span> out;
  for (std::size_t open = s.find("“"); open != std::string_view::npos; open = s.find("“", open + 1)) {
    const std::size_t close = s.find("”", open);
    if (close == std::string_view::npos) break;
    out.push_back({open, close});
  }
  return out;
}

bool inside(const std::vector<Span>& spans, std::size_t pos) {
  return std::any_of(spans.begin(), spans.end(), [&](const Span& q) { return q.begin <= pos && pos < q.end; });
}

std::string_view strip_leading(std::string_view s, std::initializer_list<std::string_view> words) {
  for (bool again = true; again;) {
    again = false;
    s = text::trim(s);
    for (std::string_view w : words)
      if (starts_at(s, 0, w)) {
        s.remove_prefix(w.size());
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
      if (ends_at(s, s.size(), w)) {
        s.remove_suffix(w.size());
        again = true;
      }
  }
  return s;
}

bool is_punctuation_only(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (text::is_han(next_code_point(s, i))) return false;
  return true;
}

std::string clean_item(std::string_view s) {
  if (const std::size_t de = s.rfind("的"); de != std::string_view::npos) s = s.substr(de + 3);
  s = strip_leading(s, {"了", "共计", "合计", "总计", "共", "一批", "一些", "价值", "总价值", "各", "分别", "计", "包括", "等"});
  s = strip_trailing(s, {"共计", "合计", "总计", "共", "计", "约", "价值", "各", "达", "近", "超过", "折合", "总价值", "等",
                         "一批", "若干", "和", "及", "与", "以及"});
  s = text::trim(s);
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
  if (s.empty() || is_punctuation_only(s)) return {};
  return std::string(s);
}

}  // namespace

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
  for (const auto& a : allocations) t += a.amount_fen.value_or(0);
  return t;
}
std::int64_t AidReport::total_quantity() const {
  std::int64_t t = 0;
  for (const auto& a : allocations) t += a.quantity.value_or(0);
  return t;
}
bool AidReport::has_amount() const {
  return std::any_of(allocations.begin(), allocations.end(), [](const Allocation& a) { return a.amount_fen.has_value(); });
}
bool AidReport::has_quantity() const {
  return std::any_of(allocations.begin(), allocations.end(), [](const Allocation& a) { return a.quantity.has_value(); });
}

bool EventExtractor::is_relevant(std::string_view page_text, const text::Article& article, const PlaceFinder& places) const {
  return places.mentions_county(article.span.of(page_text));
}

namespace {

struct Recipient {
  std::string name;
  std::string township;
};

struct DatedMention {
  Span span;  // in the sentence text
  DateRange date;
  bool plan = false;
  std::string written;
};

// Everything one sentence's reports share.
struct SentenceScope {
  const text::Sentence& sentence;
  const ArticleContext& context;
  const PlaceFinder& places;
  const Directory& directory;
  const Gazetteer& gazetteer;
  std::vector<DatedMention> dates;          // resolved, in the sentence
  std::optional<DateRange> paragraph_last;  // last date of the paragraph before this sentence
  bool follows_total = false;               // the sentence before, in this paragraph, reported an amount
};

class SegmentReader {
 public:
  SegmentReader(const SentenceScope& scope, Span segment)
      : scope_(scope), seg_begin_(segment.begin), seg_(std::string_view(scope.sentence.text).substr(segment.begin, segment.size())),
        clauses_(clauses_of(seg_)), quotes_(quoted_spans(seg_)) {}

  std::vector<AidReport> read() {
    std::vector<AidReport> reports;
    const std::vector<Measure> measures = scan_measures(seg_);
    std::size_t window_begin = 0;
    std::vector<bool> consumed(measures.size(), false);
    for (std::size_t k = 0; k < measures.size(); ++k) {
      if (consumed[k]) continue;
      const Measure& m = measures[k];
      const std::size_t ci = clause_index(clauses_, m.span.begin);
      const Span clause = clauses_[ci];
      const Span window{std::min(window_begin, clause.begin), clause.end};
      window_begin = clause.end;

      // 价值10万元 right after a quantity: the value of the goods just counted.
      if (m.kind == MeasureKind::money && !reports.empty() && k > 0 && measures[k - 1].kind == MeasureKind::quantity &&
          ends_at(seg_, m.span.begin, "价值") && reports.back().measure.end == page(measures[k - 1].span.end) &&
          !contains_any(seg_.substr(measures[k - 1].span.end, m.span.begin - measures[k - 1].span.end), kGiveWords)) {
        attach_value(reports.back(), m);
        continue;
      }
      auto report = read_measure(measures, k, window, ci, consumed, reports.empty() ? nullptr : &reports.back());
      if (!report) continue;
      // 价值8万元的办公电脑20台: the goods counted right after their value are the same gift.
      if (m.kind == MeasureKind::money && ends_at(seg_, m.span.begin, "价值") && k + 1 < measures.size() &&
          measures[k + 1].kind == MeasureKind::quantity && clause_index(clauses_, measures[k + 1].span.begin) == ci) {
        const Measure& q = measures[k + 1];
        const std::string_view goods = slice(m.span.end, q.span.begin);
        if (starts_at(goods, 0, "的") && !contains_any(goods, kGiveWords)) {
          for (auto& a : report->allocations) a.quantity = q.value;
          report->unit = q.unit;
          if (const std::string item = clean_item(goods); !item.empty()) report->item = item;
          report->measure.end = page(q.span.end);
          consumed[k + 1] = true;
        }
      }
      reports.push_back(std::move(*report));
    }
    // Gifts named without an amount: an organisation donates a named thing.
    for (std::size_t ci = 0; ci < clauses_.size(); ++ci) {
      const Span c = clauses_[ci];
      const bool has_measure = std::any_of(measures.begin(), measures.end(), [&](const Measure& m) {
        return m.span.begin >= c.begin && m.span.begin < c.end;
      });
      if (has_measure) continue;
      // 捐赠医疗物资一批,价值5.2万元: the next clause values this gift; it was read with its amount.
      if (ci + 1 < clauses_.size()) {
        const std::string_view next = strip_leading(slice(clauses_[ci + 1].begin, clauses_[ci + 1].end), {",", "总"});
        if (starts_at(next, 0, "价值") || starts_at(next, 0, "折合")) continue;
      }
      if (auto r = read_unquantified_gift(ci)) reports.push_back(std::move(*r));
    }
    return reports;
  }

 private:
  std::size_t page(std::size_t seg_pos) const { return scope_.sentence.offsets[seg_begin_ + seg_pos]; }
  std::string_view slice(std::size_t a, std::size_t b) const { return seg_.substr(a, b > a ? b - a : 0); }

  void attach_value(AidReport& r, const Measure& m) {
    // Each recipient's goods have the value; a joint value is recorded once, on the first line.
    const bool each = r.distribution == "each";
    for (std::size_t i = 0; i < r.allocations.size(); ++i) r.allocations[i].amount_fen = each || i == 0 ? m.value : 0;
    r.approximate = r.approximate || m.approximate;
    r.measure.end = page(m.span.end);
  }

  // The giver: the subject of the clause with the giving verb, or of an earlier clause.
  struct Donor {
    std::string canonical, written, basis;
    Span span;  // in the segment
  };
  std::optional<Donor> subject_of_clause(std::size_t ci, bool own_clause) const {
    const Span whole = clauses_[ci];
    const bool gives_here = contains_any(slice(whole.begin, whole.end), kGiveWords) ||
                            contains_any(slice(whole.begin, whole.end), kConsumptionWords);
    const Span c = clauses_[ci];
    std::string_view clause = slice(c.begin, c.end);
    std::size_t lead = 0;
    // Skip leading punctuation, dates and connectives.
    for (bool again = true; again;) {
      again = false;
      while (lead < clause.size() && !text::is_han(code_point_at(clause, lead)) && !std::isalnum(static_cast<unsigned char>(clause[lead]))) {
        std::size_t j = lead;
        next_code_point(clause, j);
        lead = j;
      }
      for (const auto& d : scope_.dates) {
        if (d.span.begin == seg_begin_ + c.begin + lead) {
          lead = d.span.end - seg_begin_ - c.begin;
          again = true;
        }
      }
      for (std::string_view w : kLeadingConnectives)
        if (starts_at(clause, lead, w)) {
          lead += w.size();
          again = true;
        }
    }
    std::string_view rest = clause.substr(std::min(lead, clause.size()));
    std::size_t end = rest.size();
    for (std::string_view w : kSubjectEnds) {
      std::size_t at = rest.find(w);
      while (at != std::string_view::npos && w == "共" && starts_at(rest, at, "共青团")) at = rest.find(w, at + 3);
      if (at != std::string_view::npos && at < end) end = at;
    }
    for (std::string_view w : kGiveWords) end = std::min(end, rest.find(w));
    // A subject holds no amount: 郑州高新区承诺的200万元帮扶资金 -> 郑州高新区.
    for (std::size_t i = 0; i < end && i < rest.size(); ++i)
      if (rest[i] >= '0' && rest[i] <= '9') {
        end = i;
        const std::size_t de = rest.substr(0, end).rfind("承诺的");
        if (de != std::string_view::npos) end = de;
        break;
      }
    const std::size_t rest_at = seg_begin_ + c.begin + std::min(lead, clause.size());
    for (const auto& d : scope_.dates)
      if (d.span.begin >= rest_at && d.span.begin - rest_at < end) end = d.span.begin - rest_at;
    for (std::string_view w : kConsumptionWords) end = std::min(end, rest.find(w));
    std::string_view subject = rest.substr(0, end);
    std::size_t offset = c.begin + lead;
    if (const std::size_t rep = subject.find("代表"); rep != std::string_view::npos) {
      offset += rep + 6;
      subject = subject.substr(rep + 6);
    }
    subject = strip_trailing(subject, {"一行", "公益", "等", "有关负责人", "负责人", "相关负责人", "代表", "爱心"});
    // "高新区辖区企业X有限公司", "高新区的科教企业X公司": the name after the description.
    for (std::string_view cut : {"企业", "的", "单位"}) {
      const std::size_t at = subject.rfind(cut);
      if (at == std::string_view::npos) continue;
      std::string_view after = subject.substr(at + cut.size());
      if (after.find("”") != std::string_view::npos) continue;  // inside a quoted name
      if (text::code_point_count(after) >= 2 && (scope_.directory.has_organisation_ending(after) || scope_.directory.find_known(after))) {
        offset += at + cut.size();
        subject = after;
      }
    }
    // "X和企业", "X、Y": the first organisation named.
    for (std::string_view sep : {"和", "、", "及", "与", "联合"}) {
      const std::size_t at = subject.find(sep);
      if (at != std::string_view::npos && at > 0) {
        std::string_view first = subject.substr(0, at);
        if (scope_.directory.has_organisation_ending(first) || scope_.directory.canonical(first) != first ||
            scope_.directory.find_known(first))
          subject = first;
      }
    }
    subject = text::trim(subject);
    if (subject.empty() || text::code_point_count(subject) < 2) return std::nullopt;
    for (std::string_view g : kGenericSubjects)
      if (subject == g) return std::nullopt;
    // Money or a batch in subject position (首批资金100万元已拨付) is what was given, not who gave it.
    if (contains_any(subject, kCashWords) || contains_any(subject, kTrancheWords) || subject.find("物资") != std::string_view::npos)
      return std::nullopt;
    // A place of the county in subject position is where the gift went, not who gave it.
    for (const auto& e : scope_.gazetteer.entries()) {
      if (starts_at(subject, 0, e.name)) return std::nullopt;
      for (const auto& f : e.short_forms)
        if (starts_at(subject, 0, f)) return std::nullopt;
    }
    const auto known = scope_.directory.find_known(subject);
    const bool org = scope_.directory.has_organisation_ending(subject) || (known && known->first.begin == 0);
    bool proper_name = false;
    if (!org && (own_clause || gives_here)) {
      const std::size_t n = text::code_point_count(subject);
      proper_name = n >= 2 && n <= 12 && std::all_of(subject.begin(), subject.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
    }
    if (!org && !proper_name) return std::nullopt;
    Donor d;
    d.written = std::string(subject);
    d.canonical = scope_.directory.canonical(subject);
    d.basis = own_clause ? "subject" : "earlier clause";
    d.span = {offset, offset + subject.size()};
    return d;
  }

  // 收到郑州高新区捐赠的资金, 获得某公司援建的…: in the passive the giver follows 收到/获得.
  std::optional<Donor> passive_donor(std::size_t verb_clause, std::size_t trigger) const {
    const Span c = clauses_[verb_clause];
    const std::string_view head = slice(c.begin, std::max(trigger, c.begin));
    for (std::string_view marker : {"收到", "获得", "接受", "接收", "受到", "由"}) {
      const std::size_t at = head.rfind(marker);
      if (at == std::string_view::npos) continue;
      std::string_view giver = head.substr(at + marker.size());
      if (auto verb = find_first(giver, kGiveWords)) giver = giver.substr(0, verb->first);  // …捐赠的帮扶资金
      giver = strip_trailing(giver, {"的", "所"});
      giver = strip_leading(giver, {"了", "来自"});
      const auto known = scope_.directory.find_known(giver);
      if (text::code_point_count(giver) < 2 || !(scope_.directory.has_organisation_ending(giver) || (known && known->first.begin == 0)))
        continue;
      const std::size_t offset = c.begin + static_cast<std::size_t>(giver.data() - head.data());
      return Donor{scope_.directory.canonical(giver), std::string(giver), "subject", {offset, offset + giver.size()}};
    }
    return std::nullopt;
  }

  std::optional<Donor> find_donor(std::size_t verb_clause, std::size_t first_clause) const {
    for (std::size_t ci = verb_clause + 1; ci-- > first_clause;) {
      if (auto d = subject_of_clause(ci, ci == verb_clause)) {
        if (ci != verb_clause) d->basis = "earlier clause";
        return d;
      }
    }
    return std::nullopt;
  }

  std::vector<Recipient> recipients_in(Span region, const std::optional<Donor>& donor) const {
    std::vector<Recipient> out;
    std::size_t last_end = std::string_view::npos;  // end of the previous place, to join 木桐乡 + 东坡村
    const std::vector<PlaceMention> places = scope_.places.find(slice(region.begin, region.end));
    bool any_specific = false;
    for (const auto& p : places) any_specific = any_specific || p.level != PlaceLevel::county;
    for (const auto& p : places) {
      const std::size_t at = region.begin + p.span.begin;
      if (inside(quotes_, at)) continue;
      if (donor && donor->span.begin <= at && at < donor->span.end) continue;
      if (p.level == PlaceLevel::county && any_specific) continue;
      if (p.level == PlaceLevel::collective) {
        const auto& ts = scope_.context.townships;
        if (static_cast<int>(ts.size()) == p.count) {
          for (const auto& t : ts) out.push_back({t, t});
        } else {
          out.push_back({p.name, ""});
        }
        continue;
      }
      if (!out.empty() && last_end == p.span.begin && out.back().name == out.back().township && out.back().township == p.township) {
        out.back().name += p.name;  // 木桐乡东坡村: one recipient
      } else {
        out.push_back({p.name, p.township});
      }
      last_end = p.span.end;
    }
    return out;
  }

  // Each named recipient once (a name repeated, or contained in a longer one, is the same).
  static std::vector<Recipient> distinct(const std::vector<Recipient>& rs) {
    std::vector<Recipient> out;
    for (const auto& r : rs) {
      auto same = std::find_if(out.begin(), out.end(), [&](const Recipient& o) {
        return o.name.find(r.name) != std::string::npos || r.name.find(o.name) != std::string::npos;
      });
      if (same == out.end()) out.push_back(r);
      else if (r.name.size() > same->name.size()) *same = r;
    }
    return out;
  }

  // Group recipients by township: 木桐乡 and 东坡村 (in 木桐乡) are one recipient.
  static std::vector<Recipient> group_by_township(const std::vector<Recipient>& rs) {
    std::vector<Recipient> out;
    for (const auto& r : rs) {
      auto it = std::find_if(out.begin(), out.end(), [&](const Recipient& o) {
        return !r.township.empty() && o.township == r.township;
      });
      if (it == out.end()) {
        if (std::none_of(out.begin(), out.end(), [&](const Recipient& o) { return o.name == r.name; })) out.push_back(r);
        continue;
      }
      if (it->name == it->township) {
        it->name = r.name == r.township ? it->name : it->name + r.name;  // 木桐乡 + 东坡村 -> 木桐乡东坡村
      } else if (r.name != r.township && it->name.find(r.name) == std::string::npos) {
        it->name += "、" + r.name;
      }
    }
    return out;
  }

  std::vector<Recipient> article_default() const {
    std::vector<Recipient> out;
    for (const auto& t : scope_.context.townships) out.push_back({t, t});
    return out;
  }

  static std::vector<Allocation> allocate(const std::vector<Recipient>& recipients, bool each,
                                          std::optional<std::int64_t> amount, std::optional<std::int64_t> high,
                                          std::optional<std::int64_t> quantity) {
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

  // The event's own date: written in its clauses, earlier in the sentence, or carried over by
  // 同时/随后 from the paragraph. Nothing means "the date of the report".
  void date_report(AidReport& r, Span window, std::size_t measure_begin) const {
    const std::size_t w0 = seg_begin_ + window.begin, w1 = seg_begin_ + window.end, mb = seg_begin_ + measure_begin;
    const DatedMention* best = nullptr;
    for (const auto& d : scope_.dates) {
      // 2023年度帮扶资金: a fiscal-year label on the money, not when it was given.
      const bool label = starts_at(scope_.sentence.text, d.span.end, "度");
      if (d.plan || (label && best) || d.span.begin < w0 || d.span.begin >= w1) continue;
      if (label) {
        const bool precise_elsewhere = std::any_of(scope_.dates.begin(), scope_.dates.end(), [&](const DatedMention& o) {
          return !o.plan && &o != &d && o.span.begin >= w0 && o.span.begin < w1;
        });
        if (precise_elsewhere) continue;
      }
      if (d.span.begin < mb || !best) best = &d;
    }
    if (best) {
      r.date = best->date;
      r.date_basis = fmt::format("stated: {}", best->written);
      // "2019年以来": a period from then until the report.
      const std::size_t after = best->span.end;
      const std::string_view sentence = scope_.sentence.text;
      if ((starts_at(sentence, after, "以来") || starts_at(sentence, after, "至今")) && scope_.context.date &&
          scope_.context.date->last > best->date.last) {
        r.date->last = scope_.context.date->last;
        r.date_basis += sentence.substr(after, 6);
      }
      return;
    }
    const std::string_view sentence_text = scope_.sentence.text;
    for (const auto& d : scope_.dates) {
      // Earlier in the same ';' segment (2021年10月,向甲捐赠13台,向乙捐赠15台). "2019年以来" opens a
    // period; it is no date for what follows it.
      const bool period_start = starts_at(sentence_text, d.span.end, "以来") || starts_at(sentence_text, d.span.end, "至今");
      if (!d.plan && !period_start && d.span.begin >= seg_begin_ && d.span.end <= w0) best = &d;
    }
    if (best) {
      r.date = best->date;
      r.date_basis = fmt::format("stated earlier in the clause: {}", best->written);
      return;
    }
    const std::string_view sentence = scope_.sentence.text;
    for (std::string_view w : kCarryWords) {
      if ((starts_at(sentence, 0, w) || starts_at(seg_, 0, w)) && scope_.paragraph_last) {
        r.date = scope_.paragraph_last;
        r.date_basis = fmt::format("carried over by {} from the paragraph", w);
        return;
      }
    }
  }

  std::optional<AidReport> read_measure(const std::vector<Measure>& measures, std::size_t k, Span window, std::size_t ci,
                                        std::vector<bool>& consumed, const AidReport* previous) {
    const Measure& m = measures[k];
    const Span clause = clauses_[ci];
    const std::string_view before_in_window = slice(window.begin, m.span.begin);
    const std::string_view clause_text = slice(clause.begin, clause.end);
    const std::string_view before_in_clause = slice(clause.begin, m.span.begin);

    // Is this number a gift at all?
    auto verb = find_last(before_in_window, kGiveWords);
    auto buying = find_last(before_in_window, kConsumptionWords);
    if (!verb && !buying) {
      // "...50万元用于", "资金支持" after the amount within the clause
      const std::string_view after = slice(m.span.end, clause.end);
      verb = find_first(after, kGiveWords);
      if (verb) verb->first += m.span.end - window.begin;
    }
    if (!verb && !buying) return std::nullopt;
    const std::size_t trigger = window.begin + std::max(verb ? verb->first : 0, buying ? buying->first : 0);
    const std::string_view from_trigger = slice(std::min(trigger, clause.begin), m.span.begin);
    if (contains_any(from_trigger.empty() ? before_in_clause : from_trigger, kNotAidWords) ||
        contains_any(before_in_clause, kNotAidWords))
      return std::nullopt;
    if (contains_any(clause_text, kEnterpriseSupportWords) && clause_text.find("企业") != std::string_view::npos)
      return std::nullopt;
    if (m.kind == MeasureKind::money && !m.currency_explicit && !contains_any(clause_text, kCashWords)) return std::nullopt;
    if (before_in_clause.find("其中") != std::string_view::npos && k > 0) return std::nullopt;  // a subtotal of the total before it
    // "其中,2023年拨付120万元…" opening the sentence after a total: the parts of that total.
    if (scope_.follows_total && starts_at(scope_.sentence.text, 0, "其中")) return std::nullopt;

    AidReport r;
    r.approximate = m.approximate;
    r.measure = {page(m.span.begin), page(m.span.end)};

    // Donor. What is said about this gift runs from the donor's clause to the amount's clause.
    const std::size_t verb_clause = clause_index(clauses_, trigger);
    const std::size_t first_clause = clause_index(clauses_, window.begin);
    std::optional<Donor> donor = passive_donor(verb_clause, trigger);
    if (!donor) donor = find_donor(verb_clause, first_clause);
    if (donor) {
      r.donor = donor->canonical;
      r.donor_as_written = donor->written;
      r.donor_basis = donor->basis;
    } else if (previous && !previous->donor.empty()) {
      r.donor = previous->donor;
      r.donor_as_written = previous->donor_as_written;
      // Inherited from the gift before; an implied giver stays implied.
      r.donor_basis = previous->donor_basis == "article actor" || previous->donor_basis == "unknown" ? previous->donor_basis : "earlier clause";
    } else if (!scope_.context.actor.empty()) {
      r.donor = scope_.context.actor;
      r.donor_basis = "article actor";
    } else {
      r.donor_basis = "unknown";
    }

    const std::size_t scope_begin = donor && donor->span.begin >= window.begin ? clauses_[clause_index(clauses_, donor->span.begin)].begin
                                                                              : clauses_[verb_clause].begin;
    const Span scope{std::min(scope_begin, clause.begin), clause.end};

    // Kind: buying the county's products, goods, or money.
    const bool valued_goods = ends_at(seg_, m.span.begin, "价值") || ends_at(seg_, m.span.begin, "总价值") ||
                              ends_at(seg_, m.span.begin, "折合");  // 捐赠米面油等生活物资,折合人民币8万元
    const std::size_t verb_end = verb ? window.begin + verb->first + verb->second.size() : window.begin;
    const std::size_t buy_end = buying ? window.begin + buying->first + buying->second.size() : window.begin;
    const std::size_t previous_end = k > 0 && measures[k - 1].span.end <= m.span.begin ? measures[k - 1].span.end : 0;
    const std::string_view between = slice(std::max({verb_end, buy_end, clause.begin, previous_end}), m.span.begin);
    // Buying is the gift when it is the nearest trigger: 义卖某县山货5000元 is consumption aid,
    // 义卖…为东明镇募集善款12.5万元 is money given.
    if (buying && (!verb || buying->first > verb->first)) {
      r.kind = Kind::consumption;
    } else if (m.kind == MeasureKind::quantity || valued_goods) {
      r.kind = Kind::in_kind;
    } else if (contains_any(slice(verb ? window.begin + verb->first : clause.begin, m.span.end), kCashWords) ||
               (verb && contains_any(verb->second, kCashWords))) {
      r.kind = Kind::cash;
    } else if (!clean_item(item_region(between)).empty() && !contains_any(between, kCashWords) &&
               !contains_any(between, kPeopleWords)) {
      r.kind = Kind::in_kind;
    } else {
      r.kind = Kind::cash;
    }

    // Item and unit.
    if (r.kind != Kind::cash) {
      std::string item = clean_item(item_region(between));
      // 30台电脑和5000册图书: goods named after the count are this count's; "电脑和" belongs to the one before.
      const std::string after = item_after(m.span.end, clause.end);
      if (item.empty() || (!after.empty() && previous_end > 0)) item = after.empty() ? item : after;
      // 捐赠医疗物资一批,价值5.2万元: the goods were named in the verb's own clause.
      if (item.empty() && verb && verb_clause < ci)
        item = clean_item(item_region(slice(verb_end, clauses_[verb_clause].end)));
      if (item.empty() && previous && m.kind == MeasureKind::quantity && previous->unit == m.unit) item = previous->item;
      r.item = item;
    }
    if (m.kind == MeasureKind::quantity) r.unit = m.unit;

    // Recipients: after the nearest recipient marker (向 为 给 对 …) that names a place, looking
    // back from the verb; else the places of the verb's clause; else those of the window.
    std::vector<Recipient> recipients;
    const std::size_t scope_clause = clause_index(clauses_, scope.begin);
    for (std::size_t c = verb_clause + 1; c-- > scope_clause && recipients.empty();) {
      const std::size_t cb = clauses_[c].begin;
      const std::size_t ce = c == verb_clause ? std::max(trigger, cb) : clauses_[c].end;
      for (std::size_t at = ce; at > cb && recipients.empty();) {
        at = text::previous_code_point_start(seg_, at);
        for (std::string_view w : kRecipientMarkers) {
          if (!starts_at(seg_, at, w)) continue;
          const auto here = scope_.places.find(slice(at + w.size(), clause.end));
          if (here.empty() || here.front().span.begin > 3) continue;  // 对 in 结对: no place follows
          recipients = distinct(recipients_in({at, clause.end}, donor));
          break;
        }
      }
    }
    if (recipients.empty()) recipients = distinct(recipients_in({clauses_[verb_clause].begin, clause.end}, donor));
    if (recipients.empty()) recipients = distinct(recipients_in(scope, donor));
    // 捐款3.6万元,全部用于朱阳关镇困难学生资助: the purpose names the recipient.
    if (recipients.empty() && ci + 1 < clauses_.size() && slice(clauses_[ci + 1].begin, clauses_[ci + 1].end).find("用于") != std::string_view::npos)
      recipients = distinct(recipients_in(clauses_[ci + 1], donor));
    if (recipients.empty() && previous) {
      for (const auto& a : previous->allocations) {
        if (a.township == kJoint)
          for (const auto& t : a.covers) recipients.push_back({t, t});
        else if (!a.recipient.empty() || !a.township.empty())
          recipients.push_back({a.recipient, a.township});
      }
    }
    if (recipients.empty()) recipients = article_default();

    // Distribution: 分别/各 (each recipient gets the amount), 每人 (per unit), 共 (a total).
    const std::string_view lead_in = slice(window.begin, m.span.begin);
    const bool total_marked = [&] {
      for (std::string_view w : kTotalWords)
        if (ends_at(lead_in, lead_in.size(), w) || ends_at(lead_in, lead_in.size(), std::string(w) + "约")) return true;
      return false;
    }();
    const bool each = !total_marked && (lead_in.find("分别") != std::string_view::npos || each_marker(lead_in));
    // Jointly given: a village named with its township is that township's line.
    if (!each) recipients = group_by_township(recipients);
    std::optional<std::int64_t> amount, high, quantity;
    if (m.kind == MeasureKind::money) {
      amount = m.value;
      high = m.high;
    } else {
      quantity = m.value;
    }
    r.distribution = each ? "each" : recipients.size() > 1 ? "joint" : "single";

    const std::string_view clause_lead = slice(clause.begin, m.span.begin);
    for (std::string_view w : kPerUnitWords) {
      if (clause_lead.find(w) == std::string_view::npos) continue;
      r.distribution = "per_unit";
      // A stated total later in the segment is the amount; otherwise count x per-unit amount.
      bool used_total = false;
      for (std::size_t j = k + 1; j < measures.size(); ++j) {
        const std::string_view lead = slice(m.span.end, measures[j].span.begin);
        if (measures[j].kind == m.kind && (contains_any(lead, kTotalWords))) {
          (m.kind == MeasureKind::money ? amount : quantity) = measures[j].value;
          consumed[j] = true;
          used_total = true;
          r.notes.push_back(fmt::format("per-unit amount {} with a stated total", m.kind == MeasureKind::money ? format_fen(m.value) : std::to_string(m.value)));
          break;
        }
      }
      if (!used_total) {
        if (auto count = unit_count_before(m.span.begin)) {
          (m.kind == MeasureKind::money ? amount : quantity) = m.value * *count;
          if (high) high = *high * *count;
          r.notes.push_back(fmt::format("computed: {} x {}", *count, m.kind == MeasureKind::money ? format_fen(m.value) : std::to_string(m.value)));
        } else {
          r.notes.push_back("per-unit amount; the number of recipients is not stated");
        }
      }
      break;
    }
    r.allocations = allocate(recipients, each, amount, high, quantity);

    // Status: pledged or paid.
    const std::string_view segment_text = seg_;
    r.tranche = contains_any(segment_text, kTrancheWords);
    const std::string_view status_scope = slice(scope.begin, scope.end);
    const bool pledge = contains_any(status_scope, kPledgeWords) || promises_to_give(status_scope);
    const bool completed = contains_any(slice(verb_clause < clauses_.size() ? clauses_[verb_clause].begin : clause.begin, clause.end), kCompletionWords);
    r.status = (pledge && !completed && !r.tranche) ? Status::pledged : Status::disbursed;

    date_report(r, window, m.span.begin);

    // Cumulative and summary figures.
    // Cumulative: 累计/先后/多年来 for this gift, or a total (共计 …) over a period opened by 以来
    // earlier in the segment ("今年以来…采购农产品共计26.8万元"). A list of separate gifts after
    // "结对以来" is not one.
    // A total over a whole year named only by 今年/去年 (今年高新区共向卢氏县投入…) is one too; 今年5月 is a date.
    const bool has_total = total_marked || says_total(slice(scope.begin, m.span.begin));
    const bool whole_year = r.date && r.date->precision == Precision::year &&
                            (r.date_basis.find("今年") != std::string::npos || r.date_basis.find("去年") != std::string::npos);
    const bool cumulative_here = contains_any(slice(scope.begin, scope.end), kCumulativeSums) ||
                                 (has_total && (contains_any(slice(0, m.span.begin), kPeriodWords) || whole_year));
    const bool cumulative_in_sentence = contains_any(std::string_view(scope_.sentence.text).substr(0, seg_begin_), kCumulativeWords);
    r.aggregate = cumulative_here || (cumulative_in_sentence && !r.date) ||
                  (r.kind == Kind::consumption && !r.date && r.approximate);
    if (r.aggregate && !cumulative_here)
      r.notes.push_back("summary figure without a date of its own");

    r.sentence = scope_.sentence.span;
    r.sentence_text = scope_.sentence.text;
    return r;
  }

  // 共 as "in total" (共向…投入, 共捐赠), not in 共同, 共建, 共青团, 共享.
  static bool says_total(std::string_view s) {
    for (std::size_t at = s.find("共"); at != std::string_view::npos; at = s.find("共", at + 3)) {
      const char32_t next = code_point_at(s, at + 3);
      if (std::u32string_view(U"同建青享产赢").find(next) == std::u32string_view::npos) return true;
    }
    return false;
  }

  // 将于年底前向两镇再投入: 将 (will) shortly before a giving verb.
  static bool promises_to_give(std::string_view s) {
    for (std::size_t at = s.find("将"); at != std::string_view::npos; at = s.find("将", at + 3)) {
      if (starts_at(s, at, "将近")) continue;
      std::string_view ahead = s.substr(at + 3);
      std::size_t end = 0;
      for (int n = 0; n < 10 && end < ahead.size(); ++n) next_code_point(ahead, end);
      ahead = ahead.substr(0, end);
      for (std::string_view v : kGiveWords)
        if (ahead.find(v) != std::string_view::npos) return true;
    }
    return false;
  }

  bool each_marker(std::string_view lead_in) const {
    // 各150万元, 各注入, 各捐赠: 各 right before the verb or the amount.
    const std::size_t at = lead_in.rfind("各");
    if (at == std::string_view::npos) return false;
    const std::string_view after = lead_in.substr(at + 3);
    if (after.empty() || text::code_point_count(after) <= 1) return true;
    for (std::string_view v : kGiveWords)
      if (starts_at(after, 0, v) || starts_at(after, 3, v)) return true;
    return false;
  }

  std::optional<std::int64_t> unit_count_before(std::size_t pos) const {
    // "为50名学生每人发放…": the nearest count of people, households or schools before.
    const std::string_view before = seg_.substr(0, pos);
    for (std::size_t i = before.size(); i > 0;) {
      i = text::previous_code_point_start(before, i);
      for (std::string_view u : {"名", "人", "户", "所", "个", "位", "家", "村", "校"}) {
        if (!starts_at(before, i, u)) continue;
        std::size_t b = i;
        while (b > 0) {
          const std::size_t p = text::previous_code_point_start(before, b);
          const char32_t cp = code_point_at(before, p);
          if (!(cp >= U'0' && cp <= U'9') && std::u32string_view(U"一二两三四五六七八九十百千万").find(cp) == std::u32string_view::npos) break;
          b = p;
        }
        if (b < i)
          if (auto n = parse_integer(before.substr(b, i - b)); n && *n > 0) return n;
      }
    }
    return std::nullopt;
  }

  // The goods named between the verb and the number, after any recipient named there.
  std::string_view item_region(std::string_view between) const {
    const std::string_view b = strip_leading(between, {"了"});
    for (std::string_view w : {"给", "向", "为"})
      if (starts_at(b, 0, w)) return {};
    std::size_t cut = 0;
    for (const auto& p : scope_.places.find(between)) cut = std::max(cut, p.span.end);
    for (std::string_view w : {"给", "向", "为"}) {
      const std::size_t at = between.rfind(w);
      if (at != std::string_view::npos && at + w.size() > cut && cut == 0) {
        // 给/向 followed by a recipient that is not a known place: skip to the first noun break
        cut = std::max(cut, at + w.size());
      }
    }
    return between.substr(std::min(cut, between.size()));
  }

  std::string item_after(std::size_t from, std::size_t clause_end) const {
    std::string_view rest = slice(from, clause_end);
    if (starts_at(rest, 0, "的")) rest.remove_prefix(3);
    std::size_t end = 0, chars = 0;
    for (std::size_t i = 0; i < rest.size() && chars < 12;) {
      const std::size_t at = i;
      const char32_t cp = next_code_point(rest, i);
      if (!text::is_han(cp) && cp != U'“' && cp != U'”') break;
      if (starts_at(rest, at, "用于") || starts_at(rest, at, "帮助") || starts_at(rest, at, "支持") || starts_at(rest, at, "助力") ||
          starts_at(rest, at, "和") || starts_at(rest, at, "及") || starts_at(rest, at, "与"))
        break;
      end = i;
      ++chars;
    }
    return clean_item(rest.substr(0, end));
  }

  std::optional<AidReport> read_unquantified_gift(std::size_t ci) const {
    const Span c = clauses_[ci];
    const std::string_view clause = slice(c.begin, c.end);
    auto verb = find_first(clause, kDonationVerbs);
    if (!verb) return std::nullopt;
    const std::string_view after = clause.substr(verb->first + verb->second.size());
    for (std::string_view not_a_gift : {"仪式", "活动", "协议", "意向", "的", "用于", "工作", "给予"})
      if (starts_at(after, 0, not_a_gift)) return std::nullopt;
    auto donor = subject_of_clause(ci, true);
    if (!donor || !scope_.directory.has_organisation_ending(donor->written)) return std::nullopt;
    // The thing given: the object after the verb (and after any recipient named there).
    std::string_view object = after;
    for (std::string_view w : {"给", "予"})
      if (starts_at(object, 0, w)) object.remove_prefix(w.size());
    std::size_t cut = 0;
    for (const auto& p : scope_.places.find(object)) cut = std::max(cut, p.span.end);
    std::string item = clean_item(object.substr(std::min(cut, object.size())));
    if (text::code_point_count(item) < 2) return std::nullopt;

    AidReport r;
    r.kind = Kind::in_kind;
    r.item = item;
    r.donor = donor->canonical;
    r.donor_as_written = donor->written;
    r.donor_basis = donor->basis;
    const std::size_t region_begin = [&] {
      const std::string_view head = clause.substr(0, verb->first);
      auto marker = find_last(head, kRecipientMarkers);
      return marker ? c.begin + marker->first : c.begin + verb->first;
    }();
    auto recipients = group_by_township(recipients_in({region_begin, c.end}, donor));
    if (recipients.empty()) recipients = article_default();
    r.allocations = allocate(recipients, false, std::nullopt, std::nullopt, std::nullopt);
    r.distribution = recipients.size() > 1 ? "joint" : "single";
    r.status = contains_any(clause, kPledgeWords) && !contains_any(clause, kCompletionWords) ? Status::pledged : Status::disbursed;
    date_report(r, {c.begin, c.end}, c.end);
    r.sentence = scope_.sentence.span;
    r.sentence_text = scope_.sentence.text;
    r.measure = {page(c.begin + verb->first), page(c.end)};
    return r;
  }

  const SentenceScope& scope_;
  std::size_t seg_begin_;
  std::string_view seg_;
  std::vector<Span> clauses_;
  std::vector<Span> quotes_;
};

// The organisation the article is about: the first known one in the title, else in the body.
std::string article_actor(std::string_view page_text, const text::Article& a, const Directory& d) {
  if (auto t = d.find_known(a.title)) return t->second;
  if (auto b = d.find_known(a.span.of(page_text))) return b->second;
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
      // The dateline is a date to the day (10月24日); a poetic 金秋十月 is only a fallback.
      for (const auto& m : scan_dates(s.text)) {
        if (m.plan || m.relative != Relative::none) continue;
        if (auto d = probe.resolve(m)) {
          if (d->precision == Precision::day) {
            ctx.date = d;
            break;
          }
          if (!fallback) fallback = d;
        }
      }
      if (ctx.date) break;
    }
    if (!ctx.date) ctx.date = fallback;
  }
  for (const auto& p : places.find(article.span.of(page_text))) {
    if (p.township.empty() || p.level == PlaceLevel::collective) continue;
    if (std::find(ctx.townships.begin(), ctx.townships.end(), p.township) == ctx.townships.end())
      ctx.townships.push_back(p.township);
  }
  ctx.actor = article_actor(page_text, article, directory_);
  if (context_out) *context_out = ctx;

  std::vector<AidReport> reports;
  DateResolver resolver(reference);
  if (ctx.date) resolver.set_last(*ctx.date);
  std::optional<DateRange> paragraph_last;
  bool previous_had_amount = false;
  std::size_t paragraph = 0;
  for (const auto& sentence : sentences) {
    if (sentence.paragraph != paragraph) {
      paragraph = sentence.paragraph;
      paragraph_last.reset();
      previous_had_amount = false;
    }
    const std::size_t before = reports.size();
    SentenceScope scope{sentence, ctx, places, directory_, gazetteer_, {}, paragraph_last, previous_had_amount};
    for (const auto& m : scan_dates(sentence.text)) {
      if (auto d = resolver.resolve(m)) {
        scope.dates.push_back({m.span, *d, m.plan, std::string(m.text_of(sentence.text))});
      }
    }
    for (const Span seg : text::split_segments(sentence.text)) {
      SegmentReader reader(scope, seg);
      for (auto& r : reader.read()) {
        r.article_seq = article.seq;
        reports.push_back(std::move(r));
      }
    }
    for (const auto& d : scope.dates)
      if (!d.plan) paragraph_last = d.date;
    previous_had_amount = std::any_of(reports.begin() + static_cast<std::ptrdiff_t>(before), reports.end(),
                                      [](const AidReport& r) { return r.has_amount(); });
  }
  return reports;
}

}  // namespace aidledger::extract
