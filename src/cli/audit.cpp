// The audit commands: query, donors, townships, timeline, explain, check. Each listing renders one
// read model three ways: a table fitted to the terminal (--width), CSV (text cells neutralised as
// the export does) or JSON.
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/io.hpp"
#include "aidledger/cli/table.hpp"
#include "aidledger/extract/money.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/ledger/reader.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/report/labels.hpp"
#include "aidledger/text/csv.hpp"
#include "aidledger/text/decode.hpp"
#include "aidledger/text/words.hpp"

namespace aidledger::cli {
namespace {

using json = nlohmann::ordered_json;

// Turns the user's words into a filter; prints the error (with suggestions) and returns false when
// a township or donor is unknown.
bool make_filter(ledger::Ledger& l, const AuditOptions& o, ledger::LineFilter& f) {
  if (!set_filter(l, o.year ? o.year : o.from_year, o.year ? o.year : o.to_year, o.township, o.donor, f)) return false;
  f.kind = o.kind;
  f.status = o.status;
  return true;
}

std::string township_name(const std::string& t) { return t.empty() ? "(unresolved)" : t; }

std::string goods_text(const std::map<std::string, std::int64_t>& goods) {
  std::string s;
  for (const auto& [unit, q] : goods) s += fmt::format("{}{}{}", s.empty() ? "" : " ", q, unit);
  return s;
}

std::string years_text(int first, int last) {
  if (first == 0) return "";
  return first == last ? std::to_string(first) : fmt::format("{}–{}", first, last);
}

json year_or_null(int y) { return y == 0 ? json(nullptr) : json(y); }

json goods_json(const std::map<std::string, std::int64_t>& goods) {
  json j = json::object();
  for (const auto& [unit, q] : goods) j[unit] = q;
  return j;
}

// One CSV row: text cells neutralised as in every CSV output (text/csv.hpp), numbers as they are.
class CsvRow {
 public:
  explicit CsvRow(bool neutralise) : neutralise_(neutralise) {}
  CsvRow& text(const std::string& s) { return cell(text::csv_text(s, neutralise_)); }
  CsvRow& number(const std::string& s) { return cell(s); }
  CsvRow& number(std::int64_t v) { return cell(std::to_string(v)); }
  std::string end() { return line_ + "\n"; }

 private:
  CsvRow& cell(const std::string& s) {
    if (!first_) line_ += ',';
    first_ = false;
    line_ += s;
    return *this;
  }
  bool neutralise_, first_ = true;
  std::string line_;
};

void add_filter_options(CLI::App* cmd, AuditOptions& o, bool kinds) {
  cmd->add_option("--db", o.db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  cmd->add_option("--donor", o.donor, "Donor: part of its name or of an alias, any script");
  cmd->add_option("--township", o.township, "Township: name, short form or Traditional script (徐家灣鄉), or JOINT");
  auto* year = cmd->add_option("--year", o.year, "One year");
  cmd->add_option("--from", o.from_year, "First year")->excludes(year);
  cmd->add_option("--to", o.to_year, "Last year")->excludes(year);
  if (kinds) {
    cmd->add_option("--kind", o.kind, "cash, in_kind or consumption")->check(CLI::IsMember({"cash", "in_kind", "consumption"}));
    cmd->add_option("--status", o.status, "pledged or disbursed")->check(CLI::IsMember({"pledged", "disbursed"}));
  }
}

void add_output_options(CLI::App* cmd, AuditOptions& o) {
  cmd->add_option("--format", o.format, "table (for people, fitted to --width), csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  cmd->add_option("--width", o.width, "Columns of the table (default: the terminal's width, or 100 when not a terminal)")
      ->check(CLI::Range(20, 100000));
  cmd->add_flag("--no-neutralise", o.no_neutralise, "CSV: write text cells as they are, even when they begin with = + - @ TAB or CR");
  cmd->add_option("--unit", o.unit, "Table: amounts in yuan (¥1,234.00, the default) or wan (万元, 10,000 yuan); CSV and JSON stay in yuan")
      ->check(CLI::IsMember({"yuan", "wan"}));
}

// Runs a reading command: an error of the database is printed with its path and the reason
// (with_database), and a total past int64 (a ledger holding amounts past the ceiling of one line)
// is an error that names the ledger, never a wrong number.
template <class Run>
int naming_ledger(const AuditOptions& o, Run run) {
  set_money_unit(o.unit == "wan");
  return with_database(o.db, [&]() -> int {
    try {
      return run();
    } catch (const std::overflow_error& e) {
      fmt::print(stderr, "aidledger: error: {}: {}\n", o.db.empty() ? default_database_path() : o.db, e.what());
      return kError;
    }
  });
}

// Writes what a command made; a write error on standard output is an error (exit 2).
int emit(const std::string& out, int rc) { return write_standard_output(out) ? rc : kError; }

}  // namespace

void setup_audit(CLI::App& app, std::shared_ptr<AuditOptions> opt, int& exit_code) {
  auto* query = app.add_subcommand("query", "Ledger lines by donor, township, year, kind or status, with totals");
  add_filter_options(query, *opt, true);
  add_output_options(query, *opt);
  query->add_flag("--sources", opt->sources, "Table: list each line's source articles under it (otherwise their number)");
  query->footer("Table: values Chinese first, English beside, as in the workbook (现金 cash, 已拨付 disbursed, 未确定 Unresolved);\n"
                "≈ marks an approximate amount; status '累计数 claim' is a cumulative claim, never in the totals.\n"
                "CSV and JSON have the columns of 'aidledger export'. Exit 1 when nothing matches; 2 on an error\n"
                "(an unknown township or donor is refused with up to three close names).");
  query->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_query(*opt); }); });

  for (const bool donors : {true, false}) {
    auto* cmd = donors ? app.add_subcommand("donors", "Each donor with disbursed, pledged and in-kind totals and the years active")
                       : app.add_subcommand("townships", "Each township with disbursed, pledged and in-kind totals and the years active");
    add_filter_options(cmd, *opt, false);
    add_output_options(cmd, *opt);
    cmd->add_flag("--by-year", opt->by_year, donors ? "One row per donor and year, with totals per year" : "One row per township and year, with totals per year");
    cmd->footer(std::string("The table ends with a totals row (with --by-year, one per year and one for all); JSON has them as\n"
                            "\"total\" (and \"totals_by_year\"); CSV has only the rows. Aggregates (cumulative claims) are in no total.\n") +
                (donors ? "" : "JOINT is money given to several townships together, counted in no single township's row.\n") +
                "Exit 1 when nothing matches; 2 on an error (an unknown township or donor is refused with up to three close names).");
    cmd->callback([opt, &exit_code, donors] { exit_code = naming_ledger(*opt, [&] { return run_summaries(*opt, donors); }); });
  }

  auto* timeline = app.add_subcommand("timeline", "The chronological audit trail: every event with its sources and evidence");
  add_filter_options(timeline, *opt, false);
  add_output_options(timeline, *opt);
  timeline->footer("Table: each event with its reports, evidence wrapped to --width. CSV: one row per report. JSON: the events with\n"
                   "their lines, reports and corrections. Exit 1 when nothing matches; 2 on an error (an unknown township or\n"
                   "donor is refused with up to three close names).");
  timeline->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_timeline(*opt); }); });

  auto* explain = app.add_subcommand("explain", "Everything about one event: each report, why they were merged, the date, flags, corrections");
  explain->add_option("event", opt->event_id, "Event id (the first column of export, query and the Ledger sheet)")->required();
  explain->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  explain->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_explain(*opt); }); });

  auto* check = app.add_subcommand("check", "Named audit checks; findings as FILE:LINE: check: message");
  check->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  check->add_option("--check", opt->check, "Run only this check");
  add_output_options(check, *opt);
  std::string names;
  for (const auto& c : report::checks())
    names += fmt::format("\n  {:<22} {:<8} {}：{}\n  {:<31} {}", c.name, report::to_string(c.level), c.label_zh, c.description_zh, "", c.description_en);
  check->footer("Checks:" + names +
                "\nThe workbook's 待核查 Review sheet shows the same findings (over the report's filters).\n"
                "Files are named relative to the folder the command runs in when they are under it, else in full.\n"
                "Exit 1 when an error-level check finds something, 0 otherwise, 2 on an error.");
  check->callback([opt, &exit_code] { exit_code = with_database(opt->db, [&] { return run_check(*opt); }); });
}

int run_query(const AuditOptions& o) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  ledger::LineFilter f;
  if (!make_filter(*l, o, f)) return kError;
  const auto lines = l->lines(f);
  // The totals of the one model (report/totals.hpp): a township's own lines, its JOINT lines apart.
  const report::Totals tot = report::totals_of(*l, f);
  const bool one_township = report::one_township(f);
  std::string shared_with;
  for (const auto& t : tot.shared_with) shared_with += (shared_with.empty() ? "" : "、") + t;
  const int rc = lines.empty() ? kNothingFound : kOk;
  if (o.format == "csv") return emit(ledger::to_csv(lines, !o.no_neutralise), rc);
  if (o.format == "json") {
    json j;
    j["lines"] = json::parse(ledger::to_json(lines));
    json totals;
    totals["lines"] = lines.size();
    totals["disbursed_yuan"] = extract::format_fen(tot.disbursed);
    totals["pledged_yuan"] = extract::format_fen(tot.pledged);
    totals["cumulative_claims_yuan"] = extract::format_fen(tot.cumulative_claims);
    totals["goods_without_value"] = goods_json(tot.goods_by_unit);
    if (one_township) {
      json shared;
      shared["lines"] = tot.shared_lines;
      shared["disbursed_yuan"] = extract::format_fen(tot.shared_disbursed);
      shared["pledged_yuan"] = extract::format_fen(tot.shared_pledged);
      shared["cumulative_claims_yuan"] = extract::format_fen(tot.shared_cumulative_claims);
      shared["goods_without_value"] = goods_json(tot.shared_goods_by_unit);
      shared["shared_with"] = tot.shared_with;
      totals["own_lines_only"] = true;
      totals["shared_joint_lines"] = shared;
    }
    j["totals"] = totals;
    return emit(j.dump(2) + "\n", rc);
  }

  const std::size_t width = output_width(o.width);
  Table t;
  // Headings as the workbook's (report/labels.hpp), Chinese first, English beside.
  namespace h = report::heading;
  t.columns = {{h::event, true}, {h::date}, {h::donor, false, 8}, {h::recipient, false, 6, 2}, {h::township, false, 8},
               {h::kind, false, 6}, {h::status, false, 7}, {h::amount, true}};  // cut, the Chinese stays
  if (!o.sources) t.columns.push_back({h::sources, true, 0, 1});
  for (const auto& x : lines) {
    std::string amount = x.amount_fen ? (x.approximate ? "≈" : "") + yuan(*x.amount_fen) : "";
    if (x.quantity) amount += fmt::format("{}{}{}", amount.empty() ? "" : " ", *x.quantity, x.unit);
    // Values as the workbook shows them: Chinese first, English beside (report/labels.hpp).
    const std::string status = !x.aggregate ? report::status_label(x.status) : x.status == "disbursed" ? "累计数 claim" : "承诺累计数 pledged claim";
    std::vector<std::string> row{std::to_string(x.event_id), x.date, x.donor, x.recipient, report::township_label(x.township),
                                 report::kind_label(x.kind), status, amount};
    if (!o.sources) row.push_back(std::to_string(x.sources.size()));
    t.rows.push_back(std::move(row));
    if (o.sources) {
      std::string ids;
      for (const auto& s : x.sources) ids += (ids.empty() ? "" : ", ") + s;
      t.notes.push_back("sources: " + (ids.empty() ? std::string("none (a correction)") : ids));
    }
  }
  std::string out = t.render(width);
  out += joined_to_width({"合计 total: " + text::count_of(static_cast<std::int64_t>(lines.size()), "line"),
                          (one_township ? "已拨付（本乡镇） disbursed (own lines) " : "已拨付 disbursed ") + yuan(tot.disbursed),
                          "承诺 pledged " + yuan(tot.pledged),
                          "未计价实物 goods without a value " + (tot.goods_by_unit.empty() ? std::string("无 none") : goods_text(tot.goods_by_unit)),
                          "累计数 cumulative claims " + yuan(tot.cumulative_claims) + " (不计入合计 not in totals)"},
                         width);
  if (one_township && tot.shared_lines)
    out += wrapped(fmt::format("合并款项（不计入本乡镇合计） shared JOINT lines, apart (not in this township's totals): {} with {}: 已拨付 disbursed {}, 承诺 pledged {}, 累计数 cumulative claims {}{}",
                               text::count_of(tot.shared_lines, "line"), shared_with.empty() ? "other townships" : shared_with,
                               yuan(tot.shared_disbursed), yuan(tot.shared_pledged), yuan(tot.shared_cumulative_claims),
                               tot.shared_goods_by_unit.empty() ? "" : ", 未计价实物 goods without a value " + goods_text(tot.shared_goods_by_unit)),
                   width, 2);
  return emit(out, rc);
}

int run_summaries(const AuditOptions& o, bool donors) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  ledger::LineFilter f;
  if (!make_filter(*l, o, f)) return kError;
  const auto rows = donors ? report::donor_summaries(*l, f, o.by_year) : report::township_summaries(*l, f, o.by_year);
  const int rc = rows.empty() ? kNothingFound : kOk;
  const std::string what = donors ? "donor" : "township";
  // For one township, the JOINT lines it shares with others belong to no single township's total:
  // the townships view keeps their row apart and totals the township's own lines; the donors view
  // says how much of its totals is shared.
  const bool one_township = !f.township.empty() && f.township != "JOINT";
  std::vector<report::Summary> counted;
  for (const auto& s : rows)
    if (donors || !one_township || s.name != "JOINT") counted.push_back(s);
  const std::string total_label = one_township ? report::heading::total_own : report::heading::total;
  const auto total = report::total_of(counted, total_label);
  const auto per_year = o.by_year ? report::totals_by_year(counted, total_label) : std::vector<report::Summary>{};
  std::int64_t shared = 0, shared_claims = 0;
  std::string shared_with;
  if (one_township) {
    const report::Totals tot = report::totals_of(*l, f);
    shared = tot.shared_disbursed;
    shared_claims = tot.shared_cumulative_claims;
    for (const auto& t : tot.shared_with) shared_with += (shared_with.empty() ? "" : "、") + t;
  }
  auto name_of = [&](const report::Summary& s) {
    if (donors) return s.name.empty() ? std::string("（未知）Unknown") : s.name;
    return one_township && s.name == "JOINT" ? std::string("合并 JOINT (shared)") : report::township_label(s.name);
  };

  if (o.format == "csv") {
    CsvRow header(false);
    header.text(what);
    if (donors) header.text("category");
    if (o.by_year) header.text("year");
    header.text("disbursed_yuan").text("pledged_yuan").text("in_kind_yuan").text("goods_without_value").text("lines").text("first_year").text("last_year");
    std::string out = header.end();
    for (const auto& s : rows) {
      CsvRow r(!o.no_neutralise);
      r.text(s.name);
      if (donors) r.text(s.category);
      if (o.by_year) r.number(s.year ? std::to_string(s.year) : "");
      r.number(extract::format_fen(s.disbursed_fen)).number(extract::format_fen(s.pledged_fen)).number(extract::format_fen(s.in_kind_fen));
      r.text(goods_text(s.goods)).number(s.lines);
      r.number(s.first_year ? std::to_string(s.first_year) : "").number(s.last_year ? std::to_string(s.last_year) : "");
      out += r.end();
    }
    return emit(out, rc);
  }
  if (o.format == "json") {
    auto object = [&](const report::Summary& s, bool is_total) {
      json j;
      if (!is_total) j[what] = s.name;
      if (donors && !is_total) j["category"] = s.category;
      if (o.by_year && &s != &total) j["year"] = year_or_null(s.year);
      j["disbursed_yuan"] = extract::format_fen(s.disbursed_fen);
      j["pledged_yuan"] = extract::format_fen(s.pledged_fen);
      j["in_kind_yuan"] = extract::format_fen(s.in_kind_fen);
      j["goods_without_value"] = goods_json(s.goods);
      j["lines"] = s.lines;
      j["first_year"] = year_or_null(s.first_year);
      j["last_year"] = year_or_null(s.last_year);
      return j;
    };
    json j;
    json list = json::array();
    for (const auto& s : rows) list.push_back(object(s, false));
    j[what + "s"] = list;
    if (o.by_year) {
      json years = json::array();
      for (const auto& s : per_year) years.push_back(object(s, true));
      j["totals_by_year"] = years;
    }
    j["total"] = object(total, true);
    if (one_township) {
      j["total"]["own_lines_only"] = true;
      j["total"]["disbursed_in_shared_joint_lines_yuan"] = extract::format_fen(shared);
      j["total"]["cumulative_claims_in_shared_joint_lines_yuan"] = extract::format_fen(shared_claims);
      j["total"]["shared_with"] = shared_with;
    }
    return emit(j.dump(2) + "\n", rc);
  }

  // Headings as the workbook's (report/labels.hpp), Chinese first, English beside.
  namespace h = report::heading;
  Table t;
  t.columns.push_back({donors ? h::donor : h::township, false, 8});
  if (donors) t.columns.push_back({h::category, false, 6, 1});
  if (o.by_year) t.columns.push_back({h::year});
  t.columns.insert(t.columns.end(), {{h::disbursed, true}, {h::pledged, true}, {h::in_kind, true}, {h::goods, false, 6}});
  if (!o.by_year) t.columns.push_back({h::years, false, 0, 2});
  auto row_of = [&](const std::string& name, const std::string& category, const report::Summary& s, const std::string& year) {
    std::vector<std::string> r{name};
    if (donors) r.push_back(category);
    if (o.by_year) r.push_back(year);
    r.insert(r.end(), {yuan(s.disbursed_fen), yuan(s.pledged_fen), yuan(s.in_kind_fen), goods_text(s.goods)});
    if (!o.by_year) r.push_back(years_text(s.first_year, s.last_year));
    return r;
  };
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& s = rows[i];
    // By year, a donor's name stands on its first row only.
    const bool first_of_name = i == 0 || rows[i - 1].name != s.name;
    t.rows.push_back(row_of(o.by_year && !first_of_name ? "" : name_of(s), o.by_year && !first_of_name ? "" : report::category_label(s.category), s,
                            report::year_label(s.year)));
  }
  for (const auto& s : per_year) t.totals.push_back(row_of(total_label, "", s, report::year_label(s.year)));
  t.totals.push_back(row_of(total_label, "", total, years_text(total.first_year, total.last_year)));
  const std::size_t width = output_width(o.width);
  std::string out = t.render(width);
  if (shared || shared_claims)
    out += wrapped(fmt::format("(合并款项，不计入合计 shared JOINT lines, apart, not in the total: 已拨付 disbursed {}, 累计数 cumulative claims {} with {})",
                               yuan(shared), yuan(shared_claims), shared_with.empty() ? "other townships" : shared_with),
                   width, 1);
  return emit(out, rc);
}

namespace {

// An event as text: a heading line, its lines and reports. `width` 0: nothing wrapped (explain).
std::string event_text(const report::EventDetail& d, bool full, std::size_t width) {
  std::string out;
  // One line of the event; wrapped to `width` (unless 0) with its continuation `hang` columns in.
  auto put = [&](const std::string& s, std::size_t hang) {
    if (width == 0) out += text::terminal_safe(s) + "\n";
    else out += wrapped(s, width, hang);
  };
  std::int64_t fen = 0;
  bool any_fen = false;
  for (const auto& x : d.lines)
    if (x.amount_fen) {
      extract::add_checked(fen, *x.amount_fen, fmt::format("the total of event {}", d.id));
      any_fen = true;
    }
  put(fmt::format("{}  事件 event {}  {} {}  {}{}{}", d.date.empty() ? "日期未知 (no date)" : d.date, d.id, report::status_label(d.status), report::kind_label(d.kind),
                  d.donor.empty() ? "（未知）Unknown" : d.donor, any_fen ? "  " + yuan(fen) : "", d.excluded ? "  [已被更正排除 excluded by a correction]" : ""),
      4);
  put(fmt::format("    日期 date: {} ({})", report::precision_label(d.precision), report::date_basis_label(d.date_basis)), 15);
  for (const auto& x : d.lines) {
    std::string what = x.amount_fen ? yuan(*x.amount_fen) : "";
    if (x.quantity) what += (what.empty() ? "" : " ") + std::to_string(*x.quantity) + d.unit;
    const bool same = x.recipient.empty() || x.recipient == x.township || x.recipient == x.covers;
    put(fmt::format("    -> {}{} {}{}{}", report::township_label(x.township), x.township == "JOINT" ? " (" + x.covers + ")" : "",
                    same ? "" : x.recipient + " ", x.excluded ? "[已排除 excluded] " : "", what.empty() ? "(无金额 no amount)" : what),
        7);
  }
  if (full) {
    put(fmt::format("    物品 item: {}{}", d.item.empty() ? "—" : d.item, d.unit.empty() ? "" : fmt::format(" (单位 unit {})", d.unit)), 15);
    put(fmt::format("    标记 flags: 约数 approximate {}, 累计 aggregate {}, 分批 tranche {}{}; 分配 distribution {}",
                    report::yes_no_label(d.approximate), report::yes_no_label(d.aggregate) + (d.aggregate ? " (不计入合计 never in totals)" : ""),
                    report::yes_no_label(d.tranche), d.pledge_id ? fmt::format(" (承诺 pledge {})", *d.pledge_id) : "",
                    report::distribution_label(d.distribution)),
        16);
    if (!d.tranches.empty()) {
      std::string ids;
      for (auto id : d.tranches) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
      put(fmt::format("    分批拨付 tranches paid against this pledge: {}", ids), 6);
    }
    if (!d.donor_category.empty()) put(fmt::format("    捐赠方类别 donor category: {}", report::category_label(d.donor_category)), 6);
  }
  int n = 0;
  for (const auto& r : d.reports) {
    ++n;
    put(fmt::format("    报道 report {}: {}:{} ({}, 字节 bytes {}-{}, 金额位置 amount at {}-{}; 引用 ref {}@{})", n, shown_path(r.file), r.line, r.article_id,
                    r.byte_start, r.byte_end, r.measure_start, r.measure_end, r.article_id, r.measure_start),
        6);
    if (full) put(fmt::format("      文章 article: {} ({})", r.article_title.empty() ? "(无标题 no title)" : r.article_title, r.article_date), 20);
    put("      证据 evidence: " + r.sentence, 21);
    if (full) {
      put(fmt::format("      读作 reads: {}", report::reading_label(r)), 18);
      put(fmt::format("      捐赠方依据 donor from: {}; 日期依据 date from: {}", report::donor_basis_label(r.donor_basis),
                      report::date_basis_label(r.date_basis)),
          8);
      if (!r.notes.empty()) put(fmt::format("      备注 notes: {}", report::note_label(r.notes)), 18);
    }
    put(fmt::format("      合并理由 merged: {}", report::merge_reason_label(r.merge_reason)), 23);
  }
  if (full || !d.corrections.empty()) {
    if (d.corrections.empty()) put("    更正 corrections: 无 none", 6);
    for (const auto& c : d.corrections) put(fmt::format("    更正 correction: {}:{}: {}", shown_path(c.file), c.line, report::correction_label(c)), 6);
  }
  return out;
}

}  // namespace

int run_timeline(const AuditOptions& o) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  ledger::LineFilter f;
  if (!make_filter(*l, o, f)) return kError;
  const auto events = report::timeline(*l, f);
  const int rc = events.empty() ? kNothingFound : kOk;
  auto totals_of = [](const report::EventDetail& d) {
    std::optional<std::int64_t> fen, qty;
    for (const auto& x : d.lines) {
      if (x.amount_fen) extract::add_checked(fen.emplace(fen.value_or(0)), *x.amount_fen, fmt::format("the total of event {}", d.id));
      if (x.quantity) extract::add_checked(qty.emplace(qty.value_or(0)), *x.quantity, fmt::format("the quantity of event {}", d.id));
    }
    return std::pair{fen, qty};
  };
  auto townships_of = [](const report::EventDetail& d) {
    std::string s;
    for (const auto& x : d.lines) s += (s.empty() ? "" : "、") + (x.township == "JOINT" ? x.covers : township_name(x.township));
    return s;
  };
  if (o.format == "csv") {
    std::string out = "event_id,date,date_precision,kind,status,donor,amount_yuan,quantity,unit,townships,report,file,line,byte_start,"
                      "byte_end,reference,article_title,article_date,evidence,merged\n";
    for (const auto& d : events) {
      const auto [fen, qty] = totals_of(d);
      int n = 0;
      for (const auto& r : d.reports) {
        CsvRow row(!o.no_neutralise);
        row.number(d.id).text(d.date).text(d.precision).text(d.kind).text(d.status).text(d.donor);
        row.number(fen ? extract::format_fen(*fen) : "").number(qty ? std::to_string(*qty) : "").text(d.unit).text(townships_of(d));
        row.number(++n).text(shown_path(r.file)).number(r.line).number(r.byte_start).number(r.byte_end);
        row.text(fmt::format("{}@{}", r.article_id, r.measure_start)).text(r.article_title).text(r.article_date).text(r.sentence).text(r.merge_reason);
        out += row.end();
      }
    }
    return emit(out, rc);
  }
  if (o.format == "json") {
    json list = json::array();
    for (const auto& d : events) {
      const auto [fen, qty] = totals_of(d);
      json e;
      e["event_id"] = d.id;
      e["date"] = d.date;
      e["date_precision"] = d.precision;
      e["date_basis"] = d.date_basis;
      e["kind"] = d.kind;
      e["status"] = d.status;
      e["donor"] = d.donor;
      e["amount_yuan"] = fen ? extract::format_fen(*fen) : "";
      e["quantity"] = qty ? std::to_string(*qty) : "";
      e["unit"] = d.unit;
      e["approximate"] = d.approximate ? 1 : 0;
      e["aggregate"] = d.aggregate ? 1 : 0;
      json lines = json::array();
      for (const auto& x : d.lines)
        lines.push_back({{"township", x.township}, {"covers", x.covers}, {"recipient", x.recipient + (x.excluded ? " [excluded]" : "")},
                         {"amount_yuan", x.amount_fen ? extract::format_fen(*x.amount_fen) : ""},
                         {"quantity", x.quantity ? std::to_string(*x.quantity) : ""}});
      e["lines"] = lines;
      json reports = json::array();
      for (const auto& r : d.reports)
        reports.push_back({{"file", shown_path(r.file)}, {"line", r.line}, {"byte_start", r.byte_start}, {"byte_end", r.byte_end},
                           {"reference", fmt::format("{}@{}", r.article_id, r.measure_start)}, {"article_id", r.article_id},
                           {"article_title", r.article_title}, {"article_date", r.article_date}, {"evidence", r.sentence},
                           {"merged", r.merge_reason}});
      e["reports"] = reports;
      json corrections = json::array();
      for (const auto& c : d.corrections) corrections.push_back({{"file", shown_path(c.file)}, {"line", c.line}, {"correction", c.text()}});
      e["corrections"] = corrections;
      list.push_back(std::move(e));
    }
    return emit(json{{"events", list}}.dump(2) + "\n", rc);
  }
  const std::size_t width = output_width(o.width);
  std::string out;
  for (std::size_t i = 0; i < events.size(); ++i) out += (i ? "\n" : "") + event_text(events[i], false, width);
  return emit(out, rc);
}

int run_explain(const AuditOptions& o) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  auto d = report::event_detail(*l, o.event_id);
  if (!d) {
    fmt::print(stderr, "aidledger: no event {} in the ledger (events are numbered 1 to {})\n", o.event_id, l->last_event_id());
    return kNothingFound;
  }
  return emit(event_text(*d, true, 0), kOk);
}

int run_check(const AuditOptions& o) {
  if (!o.check.empty()) {
    std::string names;
    for (const auto& c : report::checks()) names += (names.empty() ? "" : ", ") + c.name;
    if (!report::find_check(o.check)) {
      print_safe(stderr, "aidledger: unknown check '{}' (checks: {})\n", o.check, names);
      return kError;
    }
  }
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  const auto findings = report::run_checks(*l, o.check, shown_path);
  std::int64_t errors = 0, warnings = 0, infos = 0;
  for (const auto& f : findings) (f.level == report::Level::error ? errors : f.level == report::Level::warning ? warnings : infos)++;
  const int rc = errors > 0 ? kNothingFound : kOk;
  auto evidence_text = [](const report::Finding& f) {
    std::string s;
    for (const auto& e : f.evidence) s += (s.empty() ? "" : " | ") + e;
    return s;
  };
  if (o.format == "csv") {
    std::string out = "file,line,check,level,event_id,message,evidence,message_zh\n";
    for (const auto& f : findings) {
      CsvRow r(!o.no_neutralise);
      r.text(f.file).number(f.line).text(f.check).text(std::string(report::to_string(f.level)));
      r.number(f.event_id ? std::to_string(f.event_id) : "").text(f.message).text(evidence_text(f)).text(f.message_zh);
      out += r.end();
    }
    return emit(out, rc);
  }
  if (o.format == "json") {
    json list = json::array();
    for (const auto& f : findings)
      list.push_back({{"file", f.file}, {"line", f.line}, {"check", f.check}, {"level", report::to_string(f.level)},
                      {"event_id", f.event_id ? json(f.event_id) : json(nullptr)}, {"message", f.message}, {"message_zh", f.message_zh},
                      {"evidence", f.evidence}});
    return emit(json{{"findings", list}, {"errors", errors}, {"warnings", warnings}, {"notes", infos}}.dump(2) + "\n", rc);
  }
  const std::size_t width = output_width(o.width);
  std::string out;
  for (const auto& f : findings) {
    // The finding's own line stays whole (FILE:LINE: is for editors and grep); its evidence wraps.
    out += text::terminal_safe(fmt::format("{}:{}: {}: {}: {}\n", f.file, f.line, f.check, report::level_label(f.level), report::finding_text(f)));
    for (const auto& e : f.evidence) out += wrapped(e, width, 4, true);
  }
  out += fmt::format("错误 {}, 警告 {}, 提示 {}\n", text::count_of(errors, "error"), text::count_of(warnings, "warning"), text::count_of(infos, "note"));
  return emit(out, rc);
}

}  // namespace aidledger::cli
