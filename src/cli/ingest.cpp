// aidledger ingest [--db PATH] PATH...: read pages into the ledger, one transaction per page.
#include <map>

#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/io.hpp"
#include "aidledger/ledger/ledger.hpp"

namespace aidledger::cli {
namespace {

// manifest: CSV or TSV lines "file,YYYY-MM-DD" (file name or path); '#' starts a comment.
bool load_manifest(const std::string& path, std::map<std::string, extract::DateRange>& out) {
  std::string bytes, error;
  if (!read_file(path, bytes, error)) {
    fmt::print(stderr, "aidledger: {}\n", error);
    return false;
  }
  int line_no = 0;
  bool ok = true;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= bytes.size(); ++i) {
    if (i != bytes.size() && bytes[i] != '\n') continue;
    std::string line = bytes.substr(start, i - start);
    start = i + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    const std::size_t sep = line.find_first_of(",\t");
    const std::string file = sep == std::string::npos ? line : line.substr(0, sep);
    const std::string when = sep == std::string::npos ? "" : line.substr(sep + 1);
    auto d = extract::parse_iso_range(when, extract::Precision::day);
    if (!d || when.size() != 10) {
      if (line_no == 1 && when.find_first_of("0123456789") == std::string::npos) continue;  // a header row
      fmt::print(stderr, "{}:{}: expected FILE,YYYY-MM-DD, got '{}'\n", path, line_no, line);
      ok = false;
      continue;
    }
    out[file] = *d;
  }
  return ok;
}

}  // namespace

void setup_ingest(CLI::App& app, std::shared_ptr<IngestOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("ingest", "Read article pages (files or folders) into the ledger");
  cmd->add_option("paths", opt->paths, "Page files, or folders read recursively")->required();
  cmd->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  cmd->add_option("--manifest", opt->manifest, "CSV of FILE,YYYY-MM-DD publication dates (otherwise inferred from each page)");
  cmd->add_option("--encoding", opt->encoding, "Force the pages' encoding (e.g. GB18030); default: detect per file");
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only problems");
  cmd->footer("Ingest is idempotent: unchanged files are skipped, changed files replace their earlier reports.\n"
              "Exit 0 when every file was read, 1 when no page was found, 2 when any file had an error.");
  cmd->callback([opt, &exit_code] { exit_code = run_ingest(*opt); });
}

int run_ingest(const IngestOptions& opt) {
  const std::string db_path = opt.db.empty() ? default_database_path() : opt.db;
  std::map<std::string, extract::DateRange> manifest;
  if (!opt.manifest.empty() && !load_manifest(opt.manifest, manifest)) return kError;

  std::vector<std::string> missing;
  const std::vector<std::string> files = collect_pages(opt.paths, missing);
  bool errors = false;
  for (const auto& m : missing) {
    fmt::print(stderr, "aidledger: {}: no such file or folder\n", m);
    errors = true;
  }
  if (files.empty()) {
    fmt::print(stderr, "aidledger: no page files found\n");
    return errors ? kError : kNothingFound;
  }

  ledger::Ledger ledger(db_path);
  ledger::IngestStats stats;
  for (const auto& file : files) {
    std::string bytes, error;
    if (!read_file(file, bytes, error)) {
      fmt::print(stderr, "aidledger: {}\n", error);
      ++stats.pages_failed;
      errors = true;
      continue;
    }
    const std::string sha = text::sha256_hex(bytes);
    if (ledger.page_state(file, sha) == ledger::PageState::unchanged) {
      ++stats.pages_unchanged;
      continue;
    }
    auto decoded = text::decode_page(file, bytes, opt.encoding);
    if (!decoded.page) {
      fmt::print(stderr, "{}: byte {}: {}; file skipped\n", file, decoded.failure->byte_offset, decoded.failure->message);
      ++stats.pages_failed;
      errors = true;
      continue;
    }
    extract::PageOptions po;
    po.id_prefix = ledger.article_prefix(file, sha);
    for (const auto& key : {file, extract::file_stem(file), file.substr(file.find_last_of('/') + 1)})
      if (auto it = manifest.find(key); it != manifest.end()) po.publication = it->second;
    try {
      const auto px = extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(),
                                            extract::Directory::builtin(), po);
      ledger.ingest(px, stats);
      if (!opt.quiet && px.reference_basis == "unknown" && !px.reports.empty())
        fmt::print(stderr, "{}: warning: no publication year found on the page; give one with --manifest\n", file);
    } catch (const std::exception& e) {
      // The page's transaction was rolled back: nothing half-written stays in the ledger.
      fmt::print(stderr, "{}: error: {}; file skipped\n", file, e.what());
      ++stats.pages_failed;
      errors = true;
    }
  }
  if (!opt.quiet) {
    fmt::print("{}: {} pages read ({} new, {} replaced, {} unchanged, {} failed); {} articles, {} about the paired county; "
               "{} aid reports -> {} new events, {} reports merged into existing events\n",
               db_path, files.size(), stats.pages_added, stats.pages_replaced, stats.pages_unchanged,
               stats.pages_failed, stats.articles, stats.relevant_articles, stats.reports, stats.events_created,
               stats.reports_merged);
  }
  return errors ? kError : kOk;
}

}  // namespace aidledger::cli
