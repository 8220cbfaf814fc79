// aidledger: newspaper reports of pairing aid -> an auditable SQLite ledger and reports.
// main -> try_main -> dispatch, with fixed exit codes: 0 ok, 1 nothing found, 2 error.
#include <cstdlib>
#include <exception>
#include <filesystem>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/ledger/ledger.hpp"

namespace aidledger::cli {

std::string default_database_path() {
  if (const char* env = std::getenv("AIDLEDGER_DB"); env && *env) return env;
  return "aidledger.db";
}

std::unique_ptr<ledger::Ledger> open_existing_ledger(const std::string& db) {
  const std::string path = db.empty() ? default_database_path() : db;
  if (!std::filesystem::exists(path)) {
    fmt::print(stderr, "aidledger: {}: no ledger here; run 'aidledger ingest --db {} PAGES...' first\n", path, path);
    return nullptr;
  }
  try {
    return std::make_unique<ledger::Ledger>(path, ledger::Access::read_only);
  } catch (const ledger::DatabaseError& e) {
    fmt::print(stderr, "aidledger: {}\n", e.what());
    return nullptr;
  }
}

int with_database(const std::string& db, const std::function<int()>& run) {
  try {
    return run();
  } catch (const std::exception& e) {
    if (!ledger::is_database_wide(e) && !dynamic_cast<const SQLite::Exception*>(&e)) throw;
    fmt::print(stderr, "aidledger: {}\n", ledger::describe_database_error(db.empty() ? default_database_path() : db, e));
    return kError;
  }
}

namespace {

int try_main(int argc, char** argv) {
  CLI::App app{"aidledger: turns newspaper reports of pairing aid into an auditable ledger.\n"
               "Typical use: aidledger ingest PAGES...; aidledger report; aidledger export --format csv"};
  app.name("aidledger");  // not the path it was started by, so help reads the same everywhere
  app.set_version_flag("--version", "aidledger 0.1.0");
  app.require_subcommand(1);
  int exit_code = kOk;
  setup_ingest(app, std::make_shared<IngestOptions>(), exit_code);
  setup_export(app, std::make_shared<ExportOptions>(), exit_code);
  setup_report(app, std::make_shared<ReportOptions>(), exit_code);
  setup_audit(app, std::make_shared<AuditOptions>(), exit_code);
  setup_extract(app, std::make_shared<ExtractOptions>(), exit_code);
  setup_parse(app, std::make_shared<ParseOptions>(), exit_code);
  setup_generate(app, std::make_shared<GenerateOptions>(), exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kOk : kError;
  }
  return exit_code;
}

}  // namespace
}  // namespace aidledger::cli

int main(int argc, char** argv) {
  try {
    return aidledger::cli::try_main(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "aidledger: error: {}\n", e.what());
    return aidledger::cli::kError;
  }
}
