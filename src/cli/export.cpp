// aidledger export [--db PATH] --format csv|json [--out FILE] [--no-neutralise]
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/io.hpp"
#include "aidledger/ledger/ledger.hpp"

namespace aidledger::cli {

bool write_standard_output(std::string_view bytes) {
  const bool written = std::fwrite(bytes.data(), 1, bytes.size(), stdout) == bytes.size();
  if (written && std::fflush(stdout) == 0) return true;
  fmt::print(stderr, "aidledger: error: standard output: cannot write: {}\n", std::strerror(errno));
  return false;
}

void setup_export(CLI::App& app, std::shared_ptr<ExportOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "Write the ledger as allocation lines (CSV or JSON)");
  cmd->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  cmd->add_option("--format", opt->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("-o,--out", opt->out, "Write to FILE instead of standard output (replaced only when complete)");
  cmd->add_flag("--no-neutralise", opt->no_neutralise,
                "CSV: write text cells as they are, even when they begin with = + - @ TAB or CR (for machines)");
  cmd->footer("Columns: event_id,date,date_precision,year,kind,status,donor,recipient,township,amount_yuan,\n"
              "approximate,quantity,unit,item,aggregate,sources. Text cells that begin with = + - @ TAB or CR get a\n"
              "single quote in front, so a spreadsheet does not run them as formulas; numbers are never changed.\n"
              "Exit 1 when the ledger is empty.");
  cmd->callback([opt, &exit_code] { exit_code = with_database(opt->db, [&] { return run_export(*opt); }); });
}

int run_export(const ExportOptions& opt) {
  auto ledger = open_existing_ledger(opt.db);
  if (!ledger) return kError;
  const auto lines = ledger->export_lines();
  const std::string body = opt.format == "json" ? ledger::to_json(lines) : ledger::to_csv(lines, !opt.no_neutralise);
  if (opt.out.empty()) {
    if (!write_standard_output(body)) return kError;
  } else {
    // Written beside the target and renamed only when complete: an error leaves the old file.
    std::string error;
    if (!write_file(opt.out, body, error)) {
      fmt::print(stderr, "aidledger: error: {}\n", error);
      return kError;
    }
  }
  return lines.empty() ? kNothingFound : kOk;
}

}  // namespace aidledger::cli
