// aidledger export [--db PATH] --format csv|json [--out FILE]
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/io.hpp"
#include "aidledger/ledger/ledger.hpp"

namespace aidledger::cli {

void setup_export(CLI::App& app, std::shared_ptr<ExportOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("export", "Write the ledger as allocation lines (CSV or JSON)");
  cmd->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  cmd->add_option("--format", opt->format, "csv or json")->check(CLI::IsMember({"csv", "json"}));
  cmd->add_option("-o,--out", opt->out, "Write to FILE instead of standard output");
  cmd->footer("Columns: event_id,date,date_precision,year,kind,status,donor,recipient,township,amount_yuan,\n"
              "approximate,quantity,unit,item,aggregate,sources. Exit 1 when the ledger is empty.");
  cmd->callback([opt, &exit_code] { exit_code = with_database(opt->db, [&] { return run_export(*opt); }); });
}

int run_export(const ExportOptions& opt) {
  auto ledger = open_existing_ledger(opt.db);
  if (!ledger) return kError;
  const auto lines = ledger->export_lines();
  const std::string body = opt.format == "json" ? ledger::to_json(lines) : ledger::to_csv(lines);
  if (opt.out.empty()) {
    fmt::print("{}", body);
  } else {
    std::string error;
    if (!write_file(opt.out, body, error)) {
      fmt::print(stderr, "aidledger: {}\n", error);
      return kError;
    }
  }
  return lines.empty() ? kNothingFound : kOk;
}

}  // namespace aidledger::cli
