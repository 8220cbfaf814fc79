// The audit checks, one registry. Each check asks the ledger reader for the rows it looks at and
// says what it found, in English (the command) and in Chinese (the Review sheet shows both).
#include "aidledger/report/checks.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/report/labels.hpp"
#include "aidledger/text/words.hpp"

namespace aidledger::report {
namespace {

using ledger::Reader;

std::string money(std::int64_t fen) { return extract::format_yuan(fen); }

std::string joined(const std::vector<std::string>& parts, std::string_view sep) {
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : std::string(sep)) + p;
  return s;
}

std::string show(const CheckScope& scope, const std::string& path) { return scope.show_path ? scope.show_path(path) : path; }

// A finding about an event, cited at its earliest report (the sentence as evidence), with what
// the Review sheet shows beside it.
Finding about_event(const Reader& r, const CheckScope& scope, const std::string& check, Level level, std::int64_t event,
                    std::string message, std::string message_zh) {
  Finding f;
  f.check = check;
  f.level = level;
  f.event_id = event;
  f.message = std::move(message);
  f.message_zh = std::move(message_zh);
  f.file = "(correction)";
  if (auto b = r.event_brief(event)) {
    if (!b->file.empty()) {
      f.file = show(scope, b->file);
      f.line = b->line;
      f.source = fmt::format("{} (第 {} 行 line {})", b->article_id, b->line, b->line);
    }
    if (!b->sentence.empty()) f.evidence.push_back(b->sentence);
    f.date = b->date;
    f.donor = b->donor;
    std::vector<std::string> towns;
    for (const auto& t : b->townships)
      if (std::find(towns.begin(), towns.end(), township_label(t)) == towns.end()) towns.push_back(township_label(t));
    f.townships = joined(towns, "、");
    f.amount_fen = b->total_fen;
  }
  return f;
}

void reports_disagree(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (std::int64_t id : r.events_reports_disagree(scope.filter)) {
    const auto d = r.event_detail(id);
    Finding f = about_event(r, scope, "reports-disagree", Level::error, id, fmt::format("event {}: its {} reports disagree", id, d->reports.size()),
                            fmt::format("事件 {} 的 {} 篇报道所说金额或日期不一致", id, d->reports.size()));
    f.evidence.clear();
    for (const auto& rep : d->reports) f.evidence.push_back(fmt::format("{}:{}: {}", show(scope, rep.file), rep.line, reading_label(rep)));
    out(std::move(f));
  }
}

void tranche_exceeds_pledge(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (const auto& p : r.pledge_overruns(scope.filter)) {
    Finding f = about_event(r, scope, "tranche-exceeds-pledge", Level::error, p.pledge_id,
                            fmt::format("pledge {} of {} has {} paying {}, {} more than pledged", p.pledge_id, money(p.pledged_fen),
                                        text::count_of(p.tranches, "tranche"), money(p.paid_fen), money(p.paid_fen - p.pledged_fen)),
                            fmt::format("承诺 {}（{}）已有 {} 笔拨付，共 {}，比承诺多 {}", p.pledge_id, money(p.pledged_fen), p.tranches,
                                        money(p.paid_fen), money(p.paid_fen - p.pledged_fen)));
    f.amount_fen = p.pledged_fen;
    f.covered_fen = p.paid_fen;
    f.gap_fen = p.pledged_fen - p.paid_fen;
    out(std::move(f));
  }
}

Finding about_correction(const CheckScope& scope, const ledger::CorrectionRecord& c, const std::string& check, Level level,
                         std::string message, std::string message_zh) {
  Finding f;
  f.check = check;
  f.level = level;
  f.file = show(scope, c.file);
  f.line = c.line;
  f.event_id = c.event_id.value_or(0);
  f.message = std::move(message);
  f.message_zh = std::move(message_zh);
  f.date = c.event_date;
  f.donor = c.event_donor;
  f.source = fmt::format("{}:{}", f.file, c.line);
  return f;
}

void correction_unmatched(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (const auto& c : r.corrections(true))
    out(about_correction(scope, c, "correction-unmatched", Level::error, fmt::format("{} {}: {}", c.action, c.target, c.message),
                                   fmt::format("更正未生效：{} {}：{}", c.action, c.target, correction_message_zh(c.message))));
}

void cumulative_claim(const Reader& r, const CheckScope& scope, const Emit& out) {
  const auto claims = r.claim_events(scope.filter);
  const auto coverage = r.claims_coverage(claims);
  for (std::size_t i = 0; i < claims.size(); ++i) {
    const std::int64_t id = claims[i];
    const ledger::Coverage& c = coverage[i];
    Finding f = about_event(
        r, scope, "cumulative-claim", Level::warning, id,
        fmt::format("event {} claims {}; {}: gap {}", id, money(c.claim_fen),
                    c.events == 0   ? std::string("no event it may cover is in the ledger")
                    : c.events == 1 ? fmt::format("the 1 event it may cover comes to {}", money(c.covered_fen))
                                    : fmt::format("the {} events it may cover sum to {}", c.events, money(c.covered_fen)),
                    money(c.gap())),
        fmt::format("事件 {} 称累计 {}；{}：差额 {}。不计入任何合计", id, money(c.claim_fen),
                    c.events == 0 ? std::string("台账中没有它可能涵盖的事件")
                                  : fmt::format("它可能涵盖的 {} 个事件合计 {}", c.events, money(c.covered_fen)),
                    money(c.gap())));
    std::vector<std::string> towns;
    for (const auto& t : c.townships) towns.push_back(township_label(t));
    f.townships = joined(towns, "、");
    if (!c.first_events.empty()) {
      std::string list;
      for (std::int64_t e : c.first_events) list += fmt::format("{}#{}", list.empty() ? "" : ", ", e);
      if (c.events > static_cast<std::int64_t>(c.first_events.size())) list += ", …";
      f.evidence.push_back("可能涵盖的事件 events it may cover: " + list);
    }
    f.amount_fen = c.claim_fen;
    f.covered_fen = c.covered_fen;
    f.gap_fen = c.gap();
    out(std::move(f));
  }
}

void unresolved_place(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (const auto& x : r.unplaced_lines(scope.filter)) {
    const std::string who = x.recipient.empty() ? "?" : x.recipient;
    Finding f = about_event(r, scope, "unresolved-place", Level::warning, x.event_id,
                            fmt::format("event {}: recipient '{}' is not placed in a township", x.event_id, who),
                            fmt::format("事件 {}：受赠方“{}”未能确定所属乡镇（地名表中没有）", x.event_id, who));
    f.townships = township_label("");
    f.amount_fen = x.amount_fen;
    out(std::move(f));
  }
}

void unresolved_donor(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (std::int64_t id : r.events_donor_unnamed(scope.filter)) {
    Finding f = about_event(r, scope, "unresolved-donor", Level::warning, id, "", "");
    if (f.donor.empty()) {
      f.message = fmt::format("event {}: no giver named", id);
      f.message_zh = fmt::format("事件 {}：未写明捐赠方", id);
    } else {
      f.message = fmt::format("event {}: giver not named in the sentence; taken as the article's actor, {}", id, f.donor);
      f.message_zh = fmt::format("事件 {}：句中未写明捐赠方，按文章的主体记为{}", id, f.donor);
    }
    out(std::move(f));
  }
}

void count_unstated(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (std::int64_t id : r.events_count_unstated(scope.filter))
    out(about_event(r, scope, "count-unstated", Level::warning, id,
                              fmt::format("event {}: the amount is per person or household and their number is not stated; the total is not known", id),
                              fmt::format("事件 {}：金额按人或按户计，人数（户数）未写明，总额未知", id)));
}

void approximate_amount(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (const auto& x : r.approximate_lines(scope.filter)) {
    Finding f = about_event(r, scope, "approximate-amount", Level::info, x.event_id,
                            fmt::format("event {}: the article gives the amount as approximate (约/多/余/近 …) or as a range; the lower end is recorded", x.event_id),
                            fmt::format("事件 {}：文章所给金额为约数（约、多、余、近……）或区间，记录其下限", x.event_id));
    f.townships = township_label(x.township);
    f.amount_fen = x.amount_fen;
    out(std::move(f));
  }
}

void date_from_report(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (std::int64_t id : r.events_dated_by_report(scope.filter)) {
    Finding f = about_event(r, scope, "date-from-report", Level::info, id, "", "");
    f.message = fmt::format("event {}: no article states its date; {} is the date of the earliest report", id, f.date);
    f.message_zh = fmt::format("事件 {}：文章未写明日期；{} 是最早报道的日期", id, f.date);
    out(std::move(f));
  }
}

void correction_applied(const Reader& r, const CheckScope& scope, const Emit& out) {
  for (const auto& c : r.corrections(false))
    if (c.status == "applied")
      out(about_correction(scope, c, "correction-applied", Level::info, "applied: " + c.text(),
                           fmt::format("已更正：{} {}{}（理由：{}）{}", c.action, c.target, c.fields.empty() ? "" : " " + c.fields, c.reason,
                                       c.message.empty() ? "" : "；" + correction_message_zh(c.message))));
}

void run_all(const Reader& r, const std::string& only, const CheckScope& scope, const Emit& emit) {
  for (const auto& c : checks())
    if (only.empty() || only == c.name) c.run(r, scope, emit);
}

}  // namespace

std::string_view to_string(Level l) {
  switch (l) {
    case Level::info: return "info";
    case Level::warning: return "warning";
    case Level::error: return "error";
  }
  return "warning";
}

std::string finding_text(const Finding& f) { return f.message_zh.empty() ? f.message : f.message_zh + " " + f.message; }

std::string level_label(Level l) {
  switch (l) {
    case Level::info: return "提示 info";
    case Level::warning: return "警告 warning";
    case Level::error: return "错误 error";
  }
  return "警告 warning";
}

const std::vector<CheckInfo>& checks() {
  static const std::vector<CheckInfo> all = {
      {"reports-disagree", Level::error, "报道不一致", "Reports disagree", "同一事件的几篇报道所说金额（数量）或日期不同",
       "reports of one event give different amounts or different stated dates", reports_disagree},
      {"tranche-exceeds-pledge", Level::error, "拨付超出承诺", "Tranches exceed the pledge", "按承诺拨付的各笔合计超过承诺金额",
       "the tranches paid against a pledge add up to more than the pledge", tranche_exceeds_pledge},
      {"correction-unmatched", Level::error, "更正未生效", "Correction not applied", "更正文件中的一行所指的报道或字段不在台账中",
       "a correction names a report or field that is not in the ledger", correction_unmatched},
      {"cumulative-claim", Level::warning, "累计数", "Cumulative claim", "累计数（累计……）与它可能涵盖的事件之和对照，列出差额；不计入任何合计",
       "a cumulative claim (累计 …) against the sum of the events it may cover: the gap; never in a total", cumulative_claim},
      {"unresolved-place", Level::warning, "乡镇未确定", "Township unresolved", "受赠方未能确定为地名表中的乡镇",
       "a line whose recipient is not placed in a township of the gazetteer", unresolved_place},
      {"unresolved-donor", Level::warning, "捐赠方未确定", "Donor unresolved or implied", "句中未写明捐赠方（未知，或按文章的主体）",
       "an event whose giver is not named in its sentences", unresolved_donor},
      {"count-unstated", Level::warning, "人数未知", "Per-unit amount, count not stated", "按人或按户的金额，人数未写明，总额未知",
       "an amount per person or household whose number is not stated: the total is not known", count_unstated},
      {"approximate-amount", Level::info, "约数", "Approximate amount", "文章所给金额为约数（约、多、余、近、超过……）或区间，记录其下限",
       "the article gives the amount as approximate (约, 多, 余, 近, 超过 …) or as a range; the lower end is recorded", approximate_amount},
      {"date-from-report", Level::info, "日期仅来自报道", "Date known only from the report", "文章未写明日期，以最早报道的日期为准",
       "an event whose date no article states; the date is that of the earliest report", date_from_report},
      {"correction-applied", Level::info, "已更正", "Correction applied", "更正文件中已生效的一行及其理由",
       "a line of the corrections file that was applied, with its reason", correction_applied},
  };
  return all;
}

const CheckInfo* find_check(std::string_view name) {
  for (const auto& c : checks())
    if (c.name == name) return &c;
  return nullptr;
}

void each_finding(const Reader& reader, const std::string& only, const CheckScope& scope, const Emit& use) {
  try {
    run_all(reader, only, scope, use);
  } catch (const std::overflow_error& e) {  // a total past int64 (add_checked)
    throw std::overflow_error(fmt::format("{}: {}", reader.path(), e.what()));
  } catch (const std::exception& e) {
    ledger::throw_if_sum_overflow(e, fmt::format("{}: a sum of the checks", reader.path()));  // SQL SUM() past int64
    throw;
  }
}

std::vector<Finding> run_checks(const Reader& reader, const std::string& only, const CheckScope& scope) {
  std::vector<Finding> out;
  each_finding(reader, only, scope, [&](Finding&& f) { out.push_back(std::move(f)); });
  return out;
}

std::vector<Finding> run_checks(const Reader& reader, const std::string& only, const PathStyle& show_path) {
  CheckScope scope;
  scope.show_path = show_path;
  return run_checks(reader, only, scope);
}

}  // namespace aidledger::report
