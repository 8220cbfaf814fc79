// aidledger report [--db PATH] [--out FILE|DIR] [--format xlsx|csv] [--from Y] [--to Y] [--township T] [--donor D]
#include <filesystem>

#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/table.hpp"
#include "aidledger/extract/places.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/report/report.hpp"
#include "aidledger/text/decode.hpp"
#include "aidledger/text/words.hpp"

namespace aidledger::cli {

std::optional<std::string> canonical_township(const std::string& name) {
  const std::string simplified = text::to_simplified(name);
  if (simplified == "JOINT" || simplified == "joint") return std::string("JOINT");
  return extract::Gazetteer::builtin().township_of(simplified);
}

namespace {

// " (did you mean A, B, C?)", or where to find the names when none is close.
std::string did_you_mean(const std::vector<std::string>& names, std::string_view listing) {
  std::string s;
  for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
  return s.empty() ? fmt::format(" (no name is close; '{}' lists them)", listing) : fmt::format(" (did you mean {}?)", s);
}

}  // namespace

bool set_filter(ledger::Ledger& ledger, std::optional<int> from, std::optional<int> to, const std::string& township,
                const std::string& donor, ledger::LineFilter& f) {
  f.from_year = from;
  f.to_year = to;
  if (from && to && *from > *to) {
    fmt::print(stderr, "aidledger: --from {} is after --to {}\n", *from, *to);
    return false;
  }
  if (!township.empty()) {
    auto t = canonical_township(township);
    if (!t) {
      print_safe(stderr, "aidledger: unknown township '{}'{}\n", township,
                 did_you_mean(extract::Gazetteer::builtin().suggest(township, 3), "aidledger townships"));
      return false;
    }
    f.township = *t;
  }
  if (!donor.empty()) {
    f.donor = text::to_simplified(donor);
    if (!report::donor_known(ledger, f.donor)) {
      print_safe(stderr, "aidledger: unknown donor '{}': no donor's name or alias contains it{}\n", donor,
                 did_you_mean(report::suggest_donors(ledger, f.donor, 3), "aidledger donors"));
      return false;
    }
  }
  return true;
}

void setup_report(CLI::App& app, std::shared_ptr<ReportOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("report", "Write the ledger's reports: an Excel workbook (or CSV files) with totals and charts");
  cmd->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  cmd->add_option("-o,--out", opt->out, "Workbook path (default reports/aid_report.xlsx), or folder for --format csv (default reports/aid_report)");
  cmd->add_option("--format", opt->format, "xlsx, or csv (files for people: each begins with the UTF-8 byte-order mark, for Excel)")
      ->check(CLI::IsMember({"xlsx", "csv"}));
  cmd->add_option("--from", opt->from_year, "First year to include");
  cmd->add_option("--to", opt->to_year, "Last year to include");
  cmd->add_option("--township", opt->township, "Only lines for this township (any script, short form, or JOINT)");
  cmd->add_option("--donor", opt->donor, "Only donors whose name or an alias contains this text");
  cmd->add_option("--unit", opt->unit, "Money in yuan (元, ¥1,234.00 with separators; the Summary also in 万元) or wan (万元, 10,000 yuan)")
      ->check(CLI::IsMember({"yuan", "wan"}));
  cmd->add_flag("--no-neutralise", opt->no_neutralise,
                "CSV: write text cells as they are, even when they begin with = + - @ TAB or CR (for machines)");
  cmd->footer("Sheets: 概览 Summary, 年度汇总 Yearly totals, 捐赠方 Donors, 乡镇×年度 Townships by year,\n"
              "台账 Ledger (an Excel Table), 时间线 Timeline, 承诺与拨付 Pledges, 待核查 Review, 说明 Definitions. The workbook (or each CSV file) is written beside\n"
              "its target and put in place only when complete. CSV text cells that begin with = + - @ TAB or CR\n"
              "get a single quote in front. Exit 1 when no line matches the filters; 2 on an error (an unknown township\n"
              "or donor is refused with up to three close names, and nothing is written).");
  cmd->callback([opt, &exit_code] { exit_code = with_database(opt->db, [&] { return run_report(*opt); }); });
}

int run_report(const ReportOptions& opt) {
  const std::string db_path = opt.db.empty() ? default_database_path() : opt.db;
  auto ledger = open_existing_ledger(db_path);
  if (!ledger) return kError;
  report::Filter filter;
  // An unknown township or donor is refused before anything is written (no empty workbook).
  if (!set_filter(*ledger, opt.from_year, opt.to_year, opt.township, opt.donor, filter)) return kError;
  const std::string out = !opt.out.empty() ? opt.out : opt.format == "csv" ? "reports/aid_report" : "reports/aid_report.xlsx";
  if (opt.format == "xlsx") {
    const auto parent = std::filesystem::path(out).parent_path();
    std::error_code ec;
    if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  }
  const auto unit = opt.unit == "wan" ? report::Unit::wan : report::Unit::yuan;
  auto sink = opt.format == "csv" ? report::make_csv_sink(out, !opt.no_neutralise, unit) : report::make_xlsx_sink(out, unit);
  const std::int64_t lines = report::write_report(*ledger, filter, {"aidledger 0.1.0", db_path, unit}, *sink);
  fmt::print("{}: {} reported\n", out, text::count_of(lines, "ledger line"));
  return lines == 0 ? kNothingFound : kOk;
}

}  // namespace aidledger::cli
