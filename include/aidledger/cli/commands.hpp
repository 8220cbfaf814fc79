// Subcommands of the aidledger CLI. Each has an options struct, a setup_x that registers it with
// CLI11, and a run_x that returns the process exit code (0 ok, 1 nothing found, 2 error).
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "aidledger/ledger/filter.hpp"

namespace aidledger::cli {

enum ExitCode : int { kOk = 0, kNothingFound = 1, kError = 2 };

/// Where the ledger lives: --db, else $AIDLEDGER_DB, else ./aidledger.db.
std::string default_database_path();

}  // namespace aidledger::cli

namespace aidledger::ledger {
class Ledger;
}

namespace aidledger::cli {

/// Opens the ledger a command reads (`db`, or the default) read-only, as one snapshot. When there is
/// none, or the file is not a ledger this aidledger can read, it says so, naming the path and the
/// reason, and returns nullptr: the command exits 2. Nothing is written to the file.
std::unique_ptr<ledger::Ledger> open_existing_ledger(const std::string& db);

/// Runs a command that reads the ledger `db`; an error of the database while it runs is printed
/// with the database's path and the reason, and the command exits 2.
int with_database(const std::string& db, const std::function<int()>& run);

struct IngestOptions {
  std::string db;
  std::vector<std::string> paths;
  std::string manifest;
  std::string encoding;
  std::string corrections;
  std::uint64_t max_page_size = 64ull << 20;  // --max-page-size
  double wait_seconds = 60;                   // --wait: for another program holding the ledger
  bool quiet = false;
};
void setup_ingest(CLI::App& app, std::shared_ptr<IngestOptions> opt, int& exit_code);
int run_ingest(const IngestOptions& opt);

struct ExportOptions {
  std::string db;
  std::string format = "csv";
  std::string out;
  bool no_neutralise = false;
};

/// Writes bytes to standard output; on an error (a full disk, a closed pipe) prints it naming
/// standard output and returns false.
bool write_standard_output(std::string_view bytes);
void setup_export(CLI::App& app, std::shared_ptr<ExportOptions> opt, int& exit_code);
int run_export(const ExportOptions& opt);

struct ReportOptions {
  std::string db;
  std::string out;
  std::string format = "xlsx";
  std::optional<int> from_year, to_year;
  std::string township;
  std::string donor;
  bool no_neutralise = false;
  std::string unit = "yuan";  // --unit yuan|wan
};
void setup_report(CLI::App& app, std::shared_ptr<ReportOptions> opt, int& exit_code);
int run_report(const ReportOptions& opt);

/// Canonical township for a user's name of it (any script, short form), or JOINT.
std::optional<std::string> canonical_township(const std::string& name);
/// Puts the year range, the township and the donor the user named into `f`. Every command that
/// takes names refuses them the same way: an unknown township or donor is named with up to three
/// close names ("aidledger: unknown donor '可乐公司' (did you mean 郑州太古可口可乐?)"), and false is
/// returned: the command exits 2. So is a reversed year range.
bool set_filter(ledger::Ledger& ledger, std::optional<int> from, std::optional<int> to, const std::string& township,
                const std::string& donor, ledger::LineFilter& f);

struct AuditOptions {
  std::string db, donor, township, kind, status, format = "table", check, unit = "yuan";
  bool no_neutralise = false;
  std::optional<int> year, from_year, to_year;
  std::optional<int> width;   // --width: columns of terminal output
  bool sources = false;       // query --sources: the source articles of each line, not their count
  bool by_year = false;       // donors / townships --by-year
  std::int64_t event_id = 0;
};
void setup_audit(CLI::App& app, std::shared_ptr<AuditOptions> opt, int& exit_code);
int run_query(const AuditOptions& opt);
int run_summaries(const AuditOptions& opt, bool donors);
int run_timeline(const AuditOptions& opt);
int run_explain(const AuditOptions& opt);
int run_check(const AuditOptions& opt);

struct ExtractOptions {
  std::string file;
  std::string encoding;
  std::uint64_t max_page_size = 64ull << 20;  // --max-page-size
  std::string publication;  // YYYY-MM-DD
  bool all_articles = false;
  std::string format = "text";
};
void setup_extract(CLI::App& app, std::shared_ptr<ExtractOptions> opt, int& exit_code);
int run_extract(const ExtractOptions& opt);

struct GenerateOptions {
  std::size_t pages = 0;          // --pages
  std::uint64_t size = 0;         // --size: bytes, instead of --pages
  std::uint64_t seed = 1;
  std::string out;
  bool quiet = false;
};
void setup_generate(CLI::App& app, std::shared_ptr<GenerateOptions> opt, int& exit_code);
int run_generate(const GenerateOptions& opt);

struct ParseOptions {
  std::string what;       // money | date
  std::vector<std::string> words;
  std::string ref;        // YYYY-MM-DD, for dates
};
void setup_parse(CLI::App& app, std::shared_ptr<ParseOptions> opt, int& exit_code);
int run_parse_money(const ParseOptions& opt);
int run_parse_date(const ParseOptions& opt);

}  // namespace aidledger::cli
