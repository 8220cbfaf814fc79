// The audit commands: query, donors, townships, timeline, explain, check.
#include <filesystem>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/table.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/text/decode.hpp"

namespace aidledger::cli {
namespace {

// Turns the user's words into a filter; prints the error (with suggestions) and returns false when
// a township or donor is unknown.
bool make_filter(ledger::Ledger& l, const AuditOptions& o, ledger::LineFilter& f) {
  if (!set_years_and_township(o.year ? o.year : o.from_year, o.year ? o.year : o.to_year, o.township, f)) return false;
  if (!o.donor.empty()) {
    f.donor = text::to_simplified(o.donor);
    if (!report::donor_known(l.database(), f.donor)) {
      std::string s;
      for (const auto& n : report::suggest_donors(l.database(), f.donor)) s += (s.empty() ? "" : ", ") + n;
      print_safe(stderr, "aidledger: no donor matches '{}'{}\n", o.donor, s.empty() ? "" : fmt::format(" (did you mean {}?)", s));
      return false;
    }
  }
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

// Runs a reading command: an error of the database is printed with its path and the reason
// (with_database), and a total past int64 (a ledger holding amounts past the ceiling of one line)
// is an error that names the ledger, never a wrong number.
template <class Run>
int naming_ledger(const AuditOptions& o, Run run) {
  return with_database(o.db, [&]() -> int {
    try {
      return run();
    } catch (const std::overflow_error& e) {
      fmt::print(stderr, "aidledger: error: {}: {}\n", o.db.empty() ? default_database_path() : o.db, e.what());
      return kError;
    }
  });
}

}  // namespace

void setup_audit(CLI::App& app, std::shared_ptr<AuditOptions> opt, int& exit_code) {
  auto* query = app.add_subcommand("query", "Ledger lines by donor, township, year, kind or status, with totals");
  add_filter_options(query, *opt, true);
  query->add_option("--format", opt->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
  query->add_flag("--no-neutralise", opt->no_neutralise, "CSV: write text cells as they are, even when they begin with = + - @ TAB or CR");
  query->footer("Exit 1 when nothing matches; 2 on an error (an unknown township or donor is named with the closest names).");
  query->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_query(*opt); }); });

  auto* donors = app.add_subcommand("donors", "Each donor with disbursed, pledged and in-kind totals and the years active");
  add_filter_options(donors, *opt, false);
  donors->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_summaries(*opt, true); }); });
  auto* townships = app.add_subcommand("townships", "Each township with disbursed, pledged and in-kind totals and the years active");
  add_filter_options(townships, *opt, false);
  townships->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_summaries(*opt, false); }); });

  auto* timeline = app.add_subcommand("timeline", "The chronological audit trail: every event with its sources and evidence");
  add_filter_options(timeline, *opt, false);
  timeline->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_timeline(*opt); }); });

  auto* explain = app.add_subcommand("explain", "Everything about one event: each report, why they were merged, the date, flags, corrections");
  explain->add_option("event", opt->event_id, "Event id (the first column of export, query and the Ledger sheet)")->required();
  explain->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  explain->callback([opt, &exit_code] { exit_code = naming_ledger(*opt, [&] { return run_explain(*opt); }); });

  auto* check = app.add_subcommand("check", "Named audit checks; findings as FILE:LINE: check: message");
  check->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  check->add_option("--check", opt->check, "Run only this check");
  std::string names;
  for (const auto& c : report::checks()) names += fmt::format("\n  {:<24} {:<8} {}", c.name, report::to_string(c.level), c.description);
  check->footer("Checks:" + names + "\nExit 1 when an error-level check finds something, 0 otherwise, 2 on an error.");
  check->callback([opt, &exit_code] { exit_code = with_database(opt->db, [&] { return run_check(*opt); }); });
}

int run_query(const AuditOptions& o) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  ledger::LineFilter f;
  if (!make_filter(*l, o, f)) return kError;
  const auto lines = l->lines(f);
  std::int64_t disbursed = 0, pledged = 0, claims = 0, shared = 0;
  std::map<std::string, std::int64_t> goods;
  for (const auto& x : lines) {
    using extract::add_checked;
    if (x.aggregate) {
      add_checked(claims, x.amount_fen.value_or(0), "the cumulative claims");
    } else if (x.status == "pledged") {
      add_checked(pledged, x.amount_fen.value_or(0), "the pledged total");
    } else if (x.amount_fen) {
      add_checked(disbursed, *x.amount_fen, "the disbursed total");
      if (x.township == "JOINT" && !f.township.empty() && f.township != "JOINT") add_checked(shared, *x.amount_fen, "the JOINT total");
    } else if (x.quantity) {
      add_checked(goods[x.unit], *x.quantity, fmt::format("the quantity in {}", x.unit));
    }
  }
  if (o.format == "csv") {
    fmt::print("{}", ledger::to_csv(lines, !o.no_neutralise));
  } else if (o.format == "json") {
    nlohmann::ordered_json j;
    j["lines"] = nlohmann::ordered_json::parse(ledger::to_json(lines));
    nlohmann::ordered_json totals;
    totals["lines"] = lines.size();
    totals["disbursed_yuan"] = extract::format_fen(disbursed);
    totals["pledged_yuan"] = extract::format_fen(pledged);
    totals["cumulative_claims_yuan"] = extract::format_fen(claims);
    totals["goods_without_value"] = goods;
    j["totals"] = totals;
    fmt::print("{}\n", j.dump(2));
  } else {
    Table t{{"event", "date", "donor", "recipient", "township", "kind", "status", "amount", "quantity", "flags", "sources"},
            {true, false, false, false, false, false, false, true, true, false, false},
            {}};
    for (const auto& x : lines) {
      std::string flags = std::string(x.approximate ? "approx " : "") + (x.aggregate ? "aggregate" : "");
      std::string sources;
      for (const auto& s : x.sources) sources += (sources.empty() ? "" : ";") + s;
      t.rows.push_back({std::to_string(x.event_id), x.date, x.donor, x.recipient, township_name(x.township), x.kind, x.status,
                        x.amount_fen ? yuan(*x.amount_fen) : "", x.quantity ? fmt::format("{}{}", *x.quantity, x.unit) : "",
                        flags.empty() ? "" : flags.substr(0, flags.find_last_not_of(' ') + 1), sources});
    }
    fmt::print("{}", t.render());
    print_safe("total: {} lines; disbursed {}{}; pledged {}; goods without a value {}; cumulative claims {} (not in totals)\n",
               lines.size(), yuan(disbursed), shared ? fmt::format(" (of which {} in JOINT lines shared with other townships)", yuan(shared)) : "",
               yuan(pledged), goods.empty() ? "none" : goods_text(goods), yuan(claims));
  }
  return lines.empty() ? kNothingFound : kOk;
}

int run_summaries(const AuditOptions& o, bool donors) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  ledger::LineFilter f;
  if (!make_filter(*l, o, f)) return kError;
  const auto rows = donors ? report::donor_summaries(l->database(), f) : report::township_summaries(l->database(), f);
  Table t;
  if (donors) t.headers = {"donor", "category", "disbursed", "pledged", "in kind (valued)", "goods without a value", "years"};
  else t.headers = {"township", "disbursed", "pledged", "in kind (valued)", "goods without a value", "years"};
  t.right = donors ? std::vector<bool>{false, false, true, true, true, false, false} : std::vector<bool>{false, true, true, true, false, false};
  for (const auto& s : rows) {
    std::vector<std::string> r{donors ? (s.name.empty() ? "(unknown)" : s.name) : township_name(s.name)};
    if (donors) r.push_back(s.category);
    r.insert(r.end(), {yuan(s.disbursed_fen), yuan(s.pledged_fen), yuan(s.in_kind_fen), goods_text(s.goods), years_text(s.first_year, s.last_year)});
    t.rows.push_back(std::move(r));
  }
  fmt::print("{}", t.render());
  return rows.empty() ? kNothingFound : kOk;
}

namespace {

void print_event(const report::EventDetail& d, bool full) {
  std::string amount;
  std::int64_t fen = 0;
  bool any_fen = false;
  for (const auto& x : d.lines)
    if (x.amount_fen) {
      extract::add_checked(fen, *x.amount_fen, fmt::format("the total of event {}", d.id));
      any_fen = true;
    }
  print_safe("{}  event {}  {} {}  {}{}{}\n", d.date.empty() ? "(no date)" : d.date, d.id, d.status, d.kind,
             d.donor.empty() ? "(donor unknown)" : d.donor, any_fen ? "  " + yuan(fen) : "", d.excluded ? "  [excluded by a correction]" : "");
  print_safe("    date: {} ({})\n", d.precision, d.date_basis);
  for (const auto& x : d.lines) {
    std::string what = x.amount_fen ? yuan(*x.amount_fen) : "";
    if (x.quantity) what += (what.empty() ? "" : " ") + std::to_string(*x.quantity) + d.unit;
    print_safe("    -> {}{} {}{}\n", township_name(x.township), x.township == "JOINT" ? " (" + x.covers + ")" : "",
               x.recipient.empty() || x.recipient == x.township || x.recipient == x.covers ? "" : x.recipient + " ",
               what.empty() ? "(no amount)" : what);
  }
  if (full) {
    print_safe("    item: {}{}\n", d.item.empty() ? "—" : d.item, d.unit.empty() ? "" : fmt::format(" (unit {})", d.unit));
    print_safe("    flags: approximate {}, aggregate {}, tranche {}{}; distribution {}\n", d.approximate ? "yes" : "no",
               d.aggregate ? "yes (never in totals)" : "no", d.tranche ? "yes" : "no",
               d.pledge_id ? fmt::format(" (paid against pledge {})", *d.pledge_id) : "", d.distribution);
    if (!d.tranches.empty()) {
      std::string ids;
      for (auto id : d.tranches) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
      print_safe("    tranches paid against this pledge: {}\n", ids);
    }
    if (!d.donor_category.empty()) print_safe("    donor category: {}\n", d.donor_category);
  }
  int n = 0;
  for (const auto& r : d.reports) {
    ++n;
    print_safe("    report {}: {}:{} ({}, bytes {}-{}, amount at {}-{}; ref {}@{})\n", n, r.file, r.line, r.article_id, r.byte_start,
               r.byte_end, r.measure_start, r.measure_end, r.article_id, r.measure_start);
    if (full) print_safe("      article: {} ({})\n", r.article_title.empty() ? "(no title)" : r.article_title, r.article_date);
    print_safe("      evidence: {}\n", r.sentence);
    if (full) {
      print_safe("      reads: {}\n", r.reading);
      print_safe("      donor from: {}; date from: {}\n", r.donor_basis, r.date_basis);
      if (!r.notes.empty()) print_safe("      notes: {}\n", r.notes);
    }
    print_safe("      merged: {}\n", r.merge_reason);
  }
  if (full || !d.corrections.empty()) {
    if (d.corrections.empty()) print_safe("    corrections: none\n");
    for (const auto& c : d.corrections) print_safe("    correction: {}\n", c);
  }
}

}  // namespace

int run_timeline(const AuditOptions& o) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  ledger::LineFilter f;
  if (!make_filter(*l, o, f)) return kError;
  const auto events = report::timeline(l->database(), f);
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (i) fmt::print("\n");
    print_event(events[i], false);
  }
  return events.empty() ? kNothingFound : kOk;
}

int run_explain(const AuditOptions& o) {
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  auto d = report::event_detail(l->database(), o.event_id);
  if (!d) {
    const auto max = l->database().execAndGet("SELECT COALESCE(MAX(id), 0) FROM events").getInt64();
    fmt::print(stderr, "aidledger: no event {} in the ledger (events are numbered 1 to {})\n", o.event_id, max);
    return kNothingFound;
  }
  print_event(*d, true);
  return kOk;
}

int run_check(const AuditOptions& o) {
  if (!o.check.empty()) {
    bool known = false;
    std::string names;
    for (const auto& c : report::checks()) {
      known = known || c.name == o.check;
      names += (names.empty() ? "" : ", ") + c.name;
    }
    if (!known) {
      fmt::print(stderr, "aidledger: unknown check '{}' (checks: {})\n", o.check, names);
      return kError;
    }
  }
  auto l = open_existing_ledger(o.db);
  if (!l) return kError;
  const auto findings = report::run_checks(l->database(), o.check);
  int errors = 0, warnings = 0, infos = 0;
  for (const auto& f : findings) {
    print_safe("{}:{}: {}: {}: {}\n", f.file, f.line, f.check, report::to_string(f.level), f.message);
    for (const auto& e : f.evidence) print_safe("    {}\n", e);
    (f.level == report::Level::error ? errors : f.level == report::Level::warning ? warnings : infos)++;
  }
  fmt::print("{} errors, {} warnings, {} notes\n", errors, warnings, infos);
  return errors > 0 ? kNothingFound : kOk;
}

}  // namespace aidledger::cli
