// aidledger ingest [--db PATH] PATH...: read pages into the ledger, one transaction per page.
#include <filesystem>
#include <map>

#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/io.hpp"
#include "aidledger/cli/progress.hpp"
#include "aidledger/cli/table.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/text/words.hpp"

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
    if (!ledger::year_in_range(static_cast<int>(d->first.year()))) {
      fmt::print(stderr, "{}:{}: the date {} is outside the years {} to {}: a typing error?\n", path, line_no, when,
                 ledger::kFirstYear, ledger::kLastYear);
      ok = false;
      continue;
    }
    out[file] = *d;
  }
  return ok;
}

// The corrections file: --corrections, else the database's path with .corrections in place of its
// extension (reports/aidledger.db -> reports/aidledger.corrections; a database named ledger ->
// ledger.corrections). The one rule, also in --help and the README.
std::string corrections_path(const std::string& db_path, const IngestOptions& opt) {
  if (!opt.corrections.empty()) return opt.corrections;
  return std::filesystem::path(db_path).replace_extension(".corrections").string();
}

// Applies the corrections file and says which file it was and how many corrections matched.
bool apply_corrections(ledger::Ledger& ledger, const std::string& db_path, const IngestOptions& opt) {
  const std::string path = corrections_path(db_path, opt);
  std::error_code ec;
  bool ok = true;
  if (opt.corrections.empty()) {
    // A file named as the database with .corrections added (ledger.db.corrections) is not the
    // default; it is refused by name rather than silently left out.
    const std::string added = db_path + ".corrections";
    if (added != path && std::filesystem::exists(added, ec)) {
      fmt::print(stderr, "aidledger: {}: not read: the corrections file of {} is {} (the database's name with .corrections in "
                         "place of its extension); rename the file, or name it with --corrections\n", added, db_path, path);
      ok = false;
    }
  }
  std::vector<ledger::Correction> corrections;
  const bool present = std::filesystem::exists(path, ec);
  if (!present && !opt.corrections.empty()) {
    fmt::print(stderr, "aidledger: {}: cannot open the corrections file: no such file; the corrections applied before are kept\n", path);
    return false;
  }
  // Recorded with its absolute path, so check and explain name it from wherever they run.
  const std::string recorded = recorded_path(path);
  if (present) {
    std::string bytes, error;
    if (!read_file(path, bytes, error)) {
      fmt::print(stderr, "aidledger: {}\n", error);
      return false;
    }
    corrections = ledger::parse_corrections(bytes, recorded);
  }
  const auto before = ledger.corrections_recorded();
  if (!present && before == 0) {
    if (!opt.quiet) fmt::print("{}: no corrections file; none applied\n", path);
    return ok;
  }
  if (!present)
    fmt::print(stderr, "{}: warning: no corrections file here; the {} applied before {} undone\n", path,
               text::count_of(before, "correction"), before == 1 ? "is" : "are");
  const auto stats = ledger.apply_corrections(corrections);
  for (std::string p : stats.problems) {
    if (p.rfind(recorded, 0) == 0) p.replace(0, recorded.size(), path);  // named as the user named it
    print_safe(stderr, "{}\n", p);
  }
  if (!opt.quiet && present)
    fmt::print("{}: {} read: {} matched and applied, {} unmatched, {} not understood\n", path,
               text::count_of(static_cast<std::int64_t>(corrections.size()), "correction"), stats.applied, stats.unmatched, stats.invalid);
  return ok && stats.unmatched == 0 && stats.invalid == 0;
}

}  // namespace

void setup_ingest(CLI::App& app, std::shared_ptr<IngestOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("ingest", "Read article pages (files or folders) into the ledger");
  cmd->add_option("paths", opt->paths, "Page files, or folders read recursively (none: only re-apply the corrections)");
  cmd->add_option("--corrections", opt->corrections,
                  "Corrections file (default: the database's path with .corrections in place of its extension: "
                  "reports/aidledger.db -> reports/aidledger.corrections)");
  cmd->add_option("--db", opt->db, "Ledger database (default: $AIDLEDGER_DB or ./aidledger.db)");
  cmd->add_option("--manifest", opt->manifest, "CSV of FILE,YYYY-MM-DD publication dates (otherwise inferred from each page)");
  cmd->add_option("--encoding", opt->encoding, "Force the pages' encoding (e.g. GB18030); default: detect per file");
  cmd->add_option("--max-page-size", opt->max_page_size, "Refuse a page larger than this (default 64MiB)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--wait", opt->wait_seconds, "Seconds to wait for another program (another ingest) holding the ledger (default 60)")
      ->check(CLI::Range(0.0, 86400.0));
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only problems");
  cmd->footer("Ingest is idempotent: unchanged files are skipped, changed files (or other --encoding) replace their earlier reports.\n"
              "Two ingests into one ledger take turns. Folders are walked recursively; a symlink loop, an unreadable\n"
              "entry, a FIFO or a device is reported and skipped, and the rest is read.\n"
              "The corrections file is applied at the end of every ingest, and ingest says which file and how many of its\n"
              "corrections matched; see README for its lines. Pages are recorded with their absolute paths.\n"
              "Exit 0 when every file was read, 1 when no page was found, 2 when any file had an error.");
  cmd->callback([opt, &exit_code] { exit_code = run_ingest(*opt); });
}

// (A function-try-block: a problem of the database as a whole stops the ingest with its message.)
int run_ingest(const IngestOptions& opt) try {
  const std::string db_path = opt.db.empty() ? default_database_path() : opt.db;
  std::map<std::string, extract::DateRange> manifest;
  if (!opt.manifest.empty() && !load_manifest(opt.manifest, manifest)) return kError;

  std::vector<std::string> problems;
  const std::vector<std::string> files = collect_pages(opt.paths, problems);
  bool errors = false;
  for (const auto& p : problems) {
    fmt::print(stderr, "aidledger: {}\n", p);
    errors = true;
  }
  if (files.empty() && !opt.paths.empty()) {
    fmt::print(stderr, "aidledger: no page files found\n");
    return errors ? kError : kNothingFound;
  }

  ledger::Ledger ledger(db_path, ledger::Access::read_write, static_cast<int>(opt.wait_seconds * 1000));
  // Pages recorded relative to where an older aidledger ran, and found from here, get their
  // absolute path, as every page ingested now does.
  if (std::error_code ec; !files.empty()) ledger.anchor_relative_paths(std::filesystem::current_path(ec).string());
  ledger::IngestStats stats;
  // How the pages are read: a page read with other options is read again, not "unchanged".
  const std::string read_options = opt.encoding.empty() ? "" : "encoding=" + opt.encoding;
  // On a terminal: pages, MB, MB/s and the time left, on standard error.
  std::uint64_t total_bytes = 0;
  for (const auto& file : files) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (!ec) total_bytes += size;
  }
  Progress progress(stderr, !opt.quiet, static_cast<std::int64_t>(files.size()), total_bytes);
  for (const auto& file : files) {
    std::string bytes, error;
    Progress::Step step(progress);  // the page counts as done however this iteration ends
    if (!read_file(file, bytes, error, opt.max_page_size)) {
      progress.clear();
      fmt::print(stderr, "aidledger: {}{}\n", error,
                 error.find("over the size limit") != std::string::npos ? " (--max-page-size sets the limit)" : "");
      ++stats.pages_failed;
      errors = true;
      continue;
    }
    step.bytes = bytes.size();
    const std::string sha = text::sha256_hex(bytes);
    // The ledger records the page's absolute path: findings name a file that opens from anywhere.
    const std::string recorded = recorded_path(file);
    // A first look, to skip reading what is already there; ledger.ingest decides again inside its
    // write transaction, where another ingest cannot slip in between.
    const auto state = ledger.page_state(recorded, sha, read_options);
    if (state == ledger::PageState::unchanged) {
      ++stats.pages_unchanged;
      continue;
    }
    if (state == ledger::PageState::duplicate) {
      // The same bytes under another path (a copy, or the folder named another way): one page.
      ++stats.pages_duplicate;
      continue;
    }
    auto decoded = text::decode_page(file, bytes, opt.encoding);
    if (!decoded.page) {
      progress.clear();
      fmt::print(stderr, "{}: byte {}: {}; file skipped\n", file, decoded.failure->byte_offset, decoded.failure->message);
      ++stats.pages_failed;
      errors = true;
      continue;
    }
    if (!decoded.page->replaced_bytes.empty()) progress.clear();
    for (std::size_t at : decoded.page->replaced_bytes)
      fmt::print(stderr, "{}: byte {}: warning: not valid UTF-8; read as U+FFFD\n", file, at);
    extract::PageOptions po;
    po.id_prefix = ledger.article_prefix(recorded, sha);
    for (const auto& key : {file, extract::file_stem(file), file.substr(file.find_last_of('/') + 1)})
      if (auto it = manifest.find(key); it != manifest.end()) po.publication = it->second;
    try {
      auto px = extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(),
                                      extract::Directory::builtin(), po);
      std::vector<std::string> warnings;  // naming the file as the user named it
      for (const auto& x : px.refused) warnings.push_back(extract::refusal_warning(px, x));
      px.page.path = recorded;
      ledger.ingest(px, stats, read_options);
      if (!warnings.empty() || (!opt.quiet && px.reference_basis == "unknown" && !px.reports.empty())) progress.clear();
      for (const auto& w : warnings) print_safe(stderr, "{}\n", w);
      if (!opt.quiet && px.reference_basis == "unknown" && !px.reports.empty())
        fmt::print(stderr, "{}: warning: no publication year found on the page; give one with --manifest\n", file);
    } catch (const std::exception& e) {
      if (ledger::is_database_wide(e)) throw;  // locked, read-only, full ...: every page would fail the same way
      // The page's transaction was rolled back: nothing half-written stays in the ledger.
      progress.clear();
      fmt::print(stderr, "{}: error: {}; file skipped\n", file, e.what());
      ++stats.pages_failed;
      errors = true;
    }
  }
  progress.clear();
  if (!opt.quiet && !files.empty()) {
    using text::count_of;
    fmt::print("{}: {} read ({} new, {} replaced, {} unchanged, {} failed{}); {}, {} about the paired county; "
               "{} -> {}, {} merged into existing events\n",
               db_path, count_of(static_cast<std::int64_t>(files.size()), "page"), stats.pages_added, stats.pages_replaced,
               stats.pages_unchanged, stats.pages_failed,
               stats.pages_duplicate ? fmt::format(", {} already in the ledger under another path", stats.pages_duplicate) : "",
               count_of(stats.articles, "article"), stats.relevant_articles, count_of(stats.reports, "aid report"),
               count_of(stats.events_created, "new event"), count_of(stats.reports_merged, "report"));
  }
  if (!apply_corrections(ledger, db_path, opt)) errors = true;
  return errors ? kError : kOk;
} catch (const std::exception& e) {
  if (!ledger::is_database_wide(e)) throw;
  // Pages stored before the problem stay in the ledger (each was one finished transaction).
  const std::string db_path = opt.db.empty() ? default_database_path() : opt.db;
  fmt::print(stderr, "aidledger: {}\n", ledger::describe_database_error(db_path, e, static_cast<int>(opt.wait_seconds * 1000)));
  return kError;
}

}  // namespace aidledger::cli
