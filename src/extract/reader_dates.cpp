// When, for SentenceReader (sentence_reader.hpp): the date of a gift (in its frame, earlier in its
// sentence, carried over from the paragraph or the article), the dates that date no gift (labels,
// agreements, the start of the pairing), and the years a pledge runs.
#include "sentence_reader.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract::detail {

using text::starts_at;

// A segment that opens with its own date is a new item of a chronology (…；2021年10月，向…捐赠):
// its elided subject is the article's, not the item's before.
bool SentenceReader::opens_with_date(Span segment) const {
  std::size_t at = segment.begin;
  while (at < segment.end && !text::is_han(text::code_point_at(s_.text, at)) && !std::isdigit(static_cast<unsigned char>(s_.text[at]))) {
    std::size_t i = at;
    text::next_code_point(s_.text, i);
    at = i;
  }
  return segment.begin > 0 && std::any_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& d) { return d.span.begin == at; });
}

// The years an agreement runs, as the sentence states them: 连续三年, 协议期两年, 为期3年, 三年内,
// 2024年至2026年 (3); none when it states none.
std::optional<std::int64_t> SentenceReader::years_stated() const {
  const std::string_view t = s_.text;
  for (std::string_view lead : {"连续", "协议期", "为期", "期限", "今后", "未来"})
    for (std::size_t at = t.find(lead); at != std::string_view::npos; at = t.find(lead, at + lead.size())) {
      std::size_t i = at + lead.size(), e = i;
      while (e < t.size()) {
        std::size_t next = e;
        if (!is_count_numeral(text::next_code_point(t, next))) break;
        e = next;
      }
      if (e > i && starts_at(t, e, "年"))
        if (auto n = parse_integer(t.substr(i, e - i))) return n;
    }
  // A count of years right before `tail` (三年内, 两年间; 每年…各100万元，两年共400万元: the years summed
  // after the yearly amount), between `least` and `most`.
  auto years_before = [&](std::initializer_list<std::string_view> tails, std::int64_t least, std::int64_t most) -> std::optional<std::int64_t> {
    for (std::string_view tail : tails)
      for (std::size_t at = t.find(tail); at != std::string_view::npos; at = t.find(tail, at + tail.size())) {
        std::size_t b = at;
        while (b > 0) {
          const std::size_t p = text::previous_code_point_start(t, b);
          if (!is_count_numeral(text::code_point_at(t, p))) break;
          b = p;
        }
        // (Not a year's number: 2025年至2027年间 is the range read below.)
        if (b < at && at - b <= 6)
          if (auto n = parse_integer(t.substr(b, at - b)); n && *n >= least && *n <= most) return n;
      }
    return std::nullopt;
  };
  if (auto n = years_before({"年共", "年合计", "年总计", "年累计"}, 2, 19)) return n;
  if (auto n = years_before({"年内", "年间"}, 0, 99)) return n;
  // 2024年至2026年, 2024—2026年
  for (std::size_t i = 0; i + 4 <= t.size(); ++i) {
    auto year_at = [&](std::size_t p) -> std::optional<int> {
      if (p + 4 > t.size()) return std::nullopt;
      for (std::size_t k = p; k < p + 4; ++k)
        if (t[k] < '0' || t[k] > '9') return std::nullopt;
      if (p > 0 && t[p - 1] >= '0' && t[p - 1] <= '9') return std::nullopt;
      return std::stoi(std::string(t.substr(p, 4)));
    };
    const auto first = year_at(i);
    if (!first) continue;
    std::size_t j = i + 4;
    if (starts_at(t, j, "年")) j += 3;
    bool joined = false;
    for (std::string_view sep : {"至", "到", "—", "-", "～", "~"})
      if (starts_at(t, j, sep)) {
        j += sep.size();
        joined = true;
        break;
      }
    if (!joined) continue;
    if (const auto last = year_at(j); last && starts_at(t, j + 4, "年") && *last > *first && *last - *first < 10) return *last - *first + 1;
  }
  return std::nullopt;
}

// (2022年度，高新区共向…: the year as a time, not a label.)
bool SentenceReader::is_label(const DatedMention& d) const {
  return starts_at(s_.text, d.span.end, "度") && !starts_at(s_.text, d.span.end + std::string_view("度").size(), ",") &&
         !starts_at(s_.text, d.span.end + std::string_view("度").size(), "内") &&
         !starts_at(s_.text, d.span.end + std::string_view("度").size(), "里");
}

// 去年签约当天: 当天 is the day of the signing the date before it placed, not the report's day.
// (Only inside an occasion's word, 签约当天/活动当天, after a date in its clause that is no agreement's.)
bool SentenceReader::day_of_dated_event(const DatedMention& d) const {
  if (d.written != "当天" && d.written != "当日") return false;
  const bool of_occasion = std::any_of(s_.words.begin(), s_.words.end(), [&](const LexToken& w) {
    return w.is(Cat::occasion) && w.span.begin < d.span.begin && w.span.end >= d.span.end;
  });
  if (!of_occasion) return false;
  const std::size_t clause = s_.clause_of(d.span.begin);
  return std::any_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& o) {
    return &o != &d && !o.plan && o.span.end <= d.span.begin && s_.clause_of(o.span.begin) == clause && !terms_of_years(o) &&
           !dates_an_agreement(o) && o.date.first.year() == o.date.last.year();
  });
}

// 按照去年签订的协议, 2023年双方签订协议后: the date of the agreement, not of the gift.
bool SentenceReader::dates_an_agreement(const DatedMention& d) const {
  const std::size_t clause_end = s_.clauses[s_.clause_of(d.span.begin)].end;
  const LexToken* a = s_.first(Cat::agreement, {d.span.end, clause_end});
  if (a && text::code_point_count(s_.slice(d.span.end, a->span.begin)) <= 4) return true;
  // (2023年新一轮结对帮扶协议: the agreement's name, words of no action between.)
  if (a && text::code_point_count(s_.slice(d.span.end, a->span.begin)) <= 8 && text::all_han(s_.slice(d.span.end, a->span.begin)) &&
      !s_.last(kTriggers | bit(Cat::modal) | bit(Cat::to), {d.span.end, a->span.begin}))
    return true;
  // (按照今年3月与甲乡、乙镇签订的协议: all of it names the agreement followed.)
  if (a) {
    if (s_.has(Cat::according, {s_.clauses[s_.clause_of(d.span.begin)].begin, d.span.begin})) return true;
  }
  // 兑现去年的承诺, 去年认捐的50万元, 去年冬天的承诺: the date of the promise.
  for (std::string_view promised : {"承诺", "认捐", "许诺"}) {
    const std::size_t promise = s_.text.find(promised, d.span.end);
    if (promise == std::string_view::npos || promise >= clause_end) continue;
    const std::string_view between = s_.slice(d.span.end, promise);
    const std::size_t apart = text::code_point_count(between);
    if (apart <= 2 || (apart <= 4 && between.ends_with("的"))) return true;
  }
  return false;
}

// “十三五”期间, “十四五”以来: the period of a summary made over it.
std::optional<DateRange> SentenceReader::plan_period(std::size_t measure_begin) const {
  for (const auto& d : s_.dates) {
    if (!d.five_year_plan || d.span.end > measure_begin) continue;
    std::size_t after = d.span.end;
    if (starts_at(s_.text, after, "”")) after += 3;
    if (starts_at(s_.text, after, "期间")) return d.date;
    if (runs_on_to_now(s_.text, after)) {
      DateRange r = d.date;
      if (article_date_) r.last = article_date_->last;
      return r;
    }
  }
  return std::nullopt;
}

// 2018年结对…: the pairing began then (a period's start); 2018年结对之初, 结对时: a moment, which
// dates what was given then.
bool SentenceReader::pairing_began(std::size_t at) const {
  if (!starts_at(s_.text, at, "结对")) return false;
  const std::size_t after = s_.text.find_first_of(",;:", at);
  const std::string_view rest = s_.slice(at, after == std::string_view::npos ? s_.text.size() : after);
  for (std::string_view moment : {"之初", "伊始", "之际", "时", "当年", "当天"})
    if (rest.ends_with(moment)) return false;
  return true;
}

// A date in a clause before the amount at `measure_begin`, an amount of another gift between them,
// when the amount's clause speaks of this occasion (此次, 这次, 本次; not a date itself, 当天).
bool SentenceReader::dates_another_gift(const DatedMention& d, std::size_t measure_begin) const {
  const std::size_t dc = s_.clause_of(d.span.begin), mc = s_.clause_of(measure_begin);
  if (dc >= mc) return false;
  const Span own = s_.clauses[mc];
  const bool other_amount = std::any_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& o) {
    return o.span.begin >= d.span.end && o.span.end <= own.begin;
  });
  if (!other_amount) return false;
  for (const auto& w : s_.words)
    if (w.span.begin >= own.begin && w.span.end <= measure_begin && w.is(Cat::occasion) &&
        std::none_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& o) { return o.span.begin <= w.span.begin && o.span.end >= w.span.end; }))
      return true;
  return false;
}

// Years that run past the page's own (约定2024年至2026年…): the terms of an agreement.
bool SentenceReader::terms_of_years(const DatedMention& d) const {
  return d.date.is_range() && d.date.precision == Precision::year && memory_.published && d.date.last.year() > memory_.published->last.year();
}

// The event's own date: in its frame, earlier in its segment, or carried by 同时/随后.
void SentenceReader::date_report(AidReport& r, Span window, std::size_t measure_begin) const {
  const DatedMention* best = nullptr;
  for (const auto& d : s_.dates) {
    // 2023年度帮扶资金: a fiscal-year label, the date only when nothing else dates the gift.
    if (d.plan || is_label(d) || day_of_dated_event(d) || d.span.begin < window.begin || d.span.begin >= window.end) continue;
    // (Except for a pledge: the agreement's date is when it was made.)
    if (d.span.end <= measure_begin && dates_an_agreement(d) && r.status != Status::pledged) continue;
    // 自2018年起结对帮扶…，日前又捐赠: the start of the pairing dates no gift of it.
    if ((starts_at(s_.text, d.span.end, "起") || pairing_began(d.span.end)) && d.span.end < measure_begin &&
        !s_.has(Cat::cumulative, {window.begin, measure_begin}) && !s_.has(Cat::total, {window.begin, measure_begin}))
      continue;
    // (去年冬天，该企业为某村装上了60盏路灯，此次其又送来12台抽水泵: a date in an earlier clause
    // with a gift of its own dates that gift, not the one said of this occasion.)
    if (d.span.end <= measure_begin && dates_another_gift(d, measure_begin)) continue;
    // …余款8万元已于1月12日拨付: the day it was paid, over a date that names the pledge before it.
    if (d.span.begin > measure_begin && text::ends_at(s_.text, d.span.begin, "于")) {
      best = &d;
      break;
    }
    // (去年6月续签协议，约定2024年至2026年…各投入…: a pledge is dated when it was made, not by
    // the years of its terms.)
    if (best && r.status == Status::pledged && terms_of_years(d)) continue;
    // (4月16日，…拨付2023年结对帮扶计划第二批资金…: a year right after the verb names the funds;
    // the day before, or the dateline, dates the payment. Also after 了: 拨付了2023年…协议的第二批资金.)
    if (d.date.precision == Precision::year && (!best || best->date.precision != Precision::year)) {
      const std::size_t verb_end = text::ends_at(s_.text, d.span.begin, "了") ? d.span.begin - std::string_view("了").size() : d.span.begin;
      const LexToken* verb = s_.word_before(verb_end);
      if (verb && verb->span.end == verb_end && (verb->is(Cat::give) || verb->is(Cat::give_paid))) continue;
    }
    if (d.span.begin < measure_begin || !best) best = &d;
  }
  // (…约定的每个乡镇80万元资金，已于当年8月全部拨付到位: the day it was paid, said in the clause
  // after the amount's, with no other amount between.)
  if (!best && r.status == Status::disbursed)
    for (const auto& d : s_.dates) {
      if (d.plan || is_label(d) || d.span.begin < window.end || !text::ends_at(s_.text, d.span.begin, "于") ||
          s_.segment_of(d.span.begin) != s_.segment_of(measure_begin) || s_.clause_of(d.span.begin) != s_.clause_of(measure_begin) + 1)
        continue;
      const bool amount_between = std::any_of(s_.measures.begin(), s_.measures.end(), [&](const Measure& o) {
        return o.span.begin > measure_begin && o.span.begin < d.span.begin;
      });
      const Span paid_clause = s_.clauses[s_.clause_of(d.span.begin)];
      if (!amount_between && (s_.has(Cat::paid, {d.span.end, paid_clause.end}) || s_.has(Cat::give_paid, {d.span.end, paid_clause.end}))) best = &d;
      break;
    }
  if (best && r.status == Status::pledged && terms_of_years(*best))
    for (const auto& d : s_.dates)
      if (d.span.end <= best->span.begin && !d.plan && !is_label(d) && !terms_of_years(d)) best = &d;
  if (best) {
    r.date = best->date;
    r.date_basis = fmt::format("stated: {}", best->written);
    const std::size_t after = best->span.end;
    if (runs_on_to_now(s_.text, after) && article_date_ && article_date_->last > best->date.last) {
      r.date->last = article_date_->last;
      r.date_basis += s_.text.substr(after, 6);
    }
    return;
  }
  const std::size_t seg_begin = s_.segments[s_.segment_of(measure_begin)].begin;
  // (A period's start dates only a summary: 自2018年起结对帮扶…，日前又捐赠 is dated by the report.)
  const bool summary = s_.has(Cat::cumulative, {seg_begin, window.end}) || s_.has(Cat::total, {seg_begin, window.end});
  for (const auto& d : s_.dates) {
    const bool period_start = starts_at(s_.text, d.span.end, "起") || runs_on_to_now(s_.text, d.span.end) || pairing_began(d.span.end);
    if (period_start && !summary) continue;
    if (dates_another_gift(d, measure_begin)) continue;
    if (!d.plan && !is_label(d) && !dates_an_agreement(d) && !day_of_dated_event(d) && d.span.begin >= seg_begin && d.span.end <= window.begin) best = &d;
  }
  if (best) {
    r.date = best->date;
    r.date_basis = fmt::format("stated earlier in the clause: {}", best->written);
    // 2019年以来, …: the period from then to the report.
    const std::size_t after = best->span.end;
    if (runs_on_to_now(s_.text, after)) {
      if (article_date_ && article_date_->last > best->date.last) r.date->last = article_date_->last;
      r.date_basis += s_.text.substr(after, 6);
    }
    return;
  }
  // 据统计，2022年，…；…: a date that opens the sentence, before any amount, dates its later
  // segments too.
  if (seg_begin > 0 && !s_.measures.empty()) {
    for (const auto& d : s_.dates) {
      if (d.span.begin >= seg_begin || d.span.end > s_.measures.front().span.begin) break;
      if (d.plan || is_label(d) || dates_an_agreement(d) || s_.clause_of(d.span.begin) > 1) continue;
      r.date = d.date;
      r.date_basis = fmt::format("stated at the start of the sentence: {}", d.written);
      return;
    }
  }
  for (const auto& d : s_.dates)
    if (!d.plan && is_label(d) && d.span.begin >= window.begin && d.span.begin < window.end) {
      r.date = d.date;
      r.date_basis = fmt::format("the year the funds are labelled with: {}", d.written);
      return;
    }
  // (Also right after a pronoun giver that opens the sentence: 该会同时向…送去….)
  std::size_t opening = 0;
  if (const LexToken* p = s_.word_at(0); p && p->is(Cat::pronoun)) opening = p->span.end;
  for (std::string_view w : {"与此同时", "同时", "同期", "其间", "期间", "此间", "随后"}) {
    if ((starts_at(s_.text, 0, w) || starts_at(s_.text, seg_begin, w) || (opening > 0 && starts_at(s_.text, opening, w))) && paragraph_last_ &&
        paragraph_last_->precision != Precision::year) {
      r.date = paragraph_last_;
      r.date_basis = fmt::format("carried over by {} from the paragraph", w);
      return;
    }
  }
  // 全年共向两乡镇投入…, under 一、2022年工作回顾 (or after a lead 2023年，高新区…): that year.
  if (!r.date && memory_.section_year) {
    const std::string_view before = s_.slice(0, measure_begin);
    for (std::string_view whole : {"全年", "年内", "当年", "本年度", "一年来", "一年间", "过去一年", "这一年"})
      for (std::size_t at = before.find(whole); at != std::string_view::npos; at = before.find(whole, at + whole.size())) {
        // (三年内, 两年间: a term of years, not the year.)
        if (at > 0 && whole.starts_with("年") && is_count_numeral(text::code_point_at(before, text::previous_code_point_start(before, at))))
          continue;
        r.date = memory_.section_year;
        r.date_basis = fmt::format("the year its part of the article is about: {}", format_date(*memory_.section_year));
        return;
      }
  }
  // An article reporting on a year before the one it was printed in (2022年度…公示, printed in
  // January 2023): its gifts are of that year.
  if (!r.date && memory_.year_reported && article_date_ && memory_.year_reported->last < article_date_->first) {
    r.date = memory_.year_reported;
    r.date_basis = fmt::format("the year the article reports on: {} (its title)", format_date(*memory_.year_reported));
  }
  if (!r.date && breakdown_date && s_.dates.empty() && s_.word_at(0) && s_.word_at(0)->is(Cat::subsum)) {
    r.date = breakdown_date;
    r.date_basis = "carried over from the sentence before, which 其中 breaks down";
    return;
  }
  // (A year alone does not date a pledge: 2026年，…产值增长12%。高新区计划…安排… is promised when printed.)
  // (A date in another segment is another gift's: …捐赠…共计50万元；…为当年考入大学的6名学子….)
  if (!r.date && scene_date && !(r.status == Status::pledged && scene_date->precision == Precision::year) &&
      std::all_of(s_.dates.begin(), s_.dates.end(), [&](const DatedMention& d) {
        return d.plan || s_.segment_of(d.span.begin) != s_.segment_of(measure_begin);
      })) {
    r.date = scene_date;
    r.date_basis = "carried over from the sentence before, which set the scene";
  }
}

}  // namespace aidledger::extract::detail
