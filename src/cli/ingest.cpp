// aidledger ingest [--db PATH] PATH...: read pages into the ledger, one transaction per page.
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

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


// How many pages the reader thread may have ready ahead of the writer (memory: a few pages).
constexpr std::size_t kPagesAhead = 4;

// One page as the reader thread hands it to the writer.
struct ReadPage {
  enum class State { failed, unchanged, duplicate, extracted };
  std::string file;
  std::uint64_t bytes = 0;
  State state = State::failed;
  std::vector<std::string> problems;            // printed before the page is stored
  std::optional<extract::PageExtraction> px;    // when extracted
  std::vector<std::string> warnings;            // printed after it is stored
  std::exception_ptr database_error;            // the ledger could not be asked: ingest stops
};

struct ReadContext {
  const IngestOptions& opt;
  const std::map<std::string, extract::DateRange>& manifest;
  const std::string& read_options;
  std::unique_ptr<ledger::Ledger> probe;  // the reader's own connection, to skip stored pages unread
  // Villages the pages place, for the pages read after them: those stored before, then each page
  // read now, in file order (read on this one thread, so the same for every run).
  extract::CorpusPlaces corpus_places{};
};

// Reads, decodes and extracts one page; asks the ledger first whether it is stored already.
ReadPage read_page(const std::string& file, ReadContext& c) {
  ReadPage out;
  out.file = file;
  std::string bytes, error;
  if (!read_file(file, bytes, error, c.opt.max_page_size)) {
    out.problems.push_back(fmt::format("aidledger: {}{}", error,
                                       error.find("over the size limit") != std::string::npos ? " (--max-page-size sets the limit)" : ""));
    return out;
  }
  out.bytes = bytes.size();
  const std::string sha = text::sha256_hex(bytes);
  // The ledger records the page's absolute path: findings name a file that opens from anywhere.
  const std::string recorded = recorded_path(file);
  // A first look, to skip reading what is already there; ledger.ingest decides again inside its
  // write transaction, where another ingest (or a page stored meanwhile) cannot slip in between.
  try {
    const auto state = c.probe->page_state(recorded, sha, c.read_options);
    if (state == ledger::PageState::unchanged) {
      out.state = ReadPage::State::unchanged;
      return out;
    }
    if (state == ledger::PageState::duplicate) {
      out.state = ReadPage::State::duplicate;
      return out;
    }
  } catch (const std::exception&) {
    out.database_error = std::current_exception();
    return out;
  }
  auto decoded = text::decode_page(file, bytes, c.opt.encoding);
  if (!decoded.page) {
    out.problems.push_back(fmt::format("{}: byte {}: {}; file skipped", file, decoded.failure->byte_offset, decoded.failure->message));
    return out;
  }
  std::string().swap(bytes);  // the decoded page has what is needed of them: freed before extraction
  for (std::size_t at : decoded.page->replaced_bytes)
    out.problems.push_back(fmt::format("{}: byte {}: warning: not valid UTF-8; read as U+FFFD", file, at));
  // Article ids are given when the page is stored (the file stem, made unique there).
  extract::PageOptions po;
  po.corpus_places = &c.corpus_places;
  for (const auto& key : {file, extract::file_stem(file), file.substr(file.find_last_of('/') + 1)})
    if (auto it = c.manifest.find(key); it != c.manifest.end()) po.publication = it->second;
  try {
    auto px = extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(), extract::Directory::builtin(), po);
    for (const auto& [name, township] : px.places_learned)
      c.corpus_places.add(name, township, recorded.substr(recorded.find_last_of('/') + 1));
    for (const auto& x : px.refused) out.warnings.push_back(extract::refusal_warning(px, x));  // naming the file as the user named it
    if (!c.opt.quiet && px.reference_basis == "unknown" && !px.reports.empty())
      out.warnings.push_back(fmt::format("{}: warning: no publication year found on the page; give one with --manifest", file));
    px.page.path = recorded;
    out.px = std::move(px);
    out.state = ReadPage::State::extracted;
  } catch (const std::exception& e) {
    out.problems.push_back(fmt::format("{}: error: {}; file skipped", file, e.what()));
  }
  return out;
}

// Pages handed from the reader thread to the writer, in order, at most `capacity` at a time.
class PageQueue {
 public:
  explicit PageQueue(std::size_t capacity) : capacity_(capacity) {}
  // False when the writer has stopped taking pages.
  bool push(ReadPage page) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return pages_.size() < capacity_ || cancelled_; });
    if (cancelled_) return false;
    pages_.push_back(std::move(page));
    changed_.notify_all();
    return true;
  }
  // The next page, or nothing once the reader has finished and every page was taken.
  std::optional<ReadPage> pop() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !pages_.empty() || finished_; });
    if (pages_.empty()) return std::nullopt;
    ReadPage page = std::move(pages_.front());
    pages_.pop_front();
    changed_.notify_all();
    return page;
  }
  void finish() {
    std::lock_guard lock(mutex_);
    finished_ = true;
    changed_.notify_all();
  }
  void cancel() {
    std::lock_guard lock(mutex_);
    cancelled_ = true;
    changed_.notify_all();
  }

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<ReadPage> pages_;
  bool finished_ = false, cancelled_ = false;
};

// The reader thread: reads the files in order into the queue. Leaving scope (the writer done, or
// stopped by an error) cancels what is left and waits for the thread.
class ReaderThread {
 public:
  ReaderThread(PageQueue& queue, const std::vector<std::string>& files, ReadContext& context)
      : queue_(queue), thread_([&queue, &files, &context] {
          try {
            for (const auto& file : files)
              if (!queue.push(read_page(file, context))) break;
          } catch (...) {  // (out of memory): the writer stops with it
            ReadPage failed;
            failed.database_error = std::current_exception();
            queue.push(std::move(failed));
          }
          queue.finish();
        }) {}
  ~ReaderThread() {
    queue_.cancel();
    thread_.join();
  }
  ReaderThread(const ReaderThread&) = delete;
  ReaderThread& operator=(const ReaderThread&) = delete;

 private:
  PageQueue& queue_;
  std::thread thread_;
};

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

  // Two stages: a reader thread reads, decodes and extracts the pages in order (asking its own
  // connection whether a page is already stored, to skip it unread); this thread stores them, one
  // transaction per page, in the same order, and prints what each page has to say. The ledger is
  // the same as one thread would make it: storing decides everything again inside its transaction.
  ReadContext context{opt, manifest, read_options,
                      std::make_unique<ledger::Ledger>(db_path, ledger::Access::read_write, static_cast<int>(opt.wait_seconds * 1000))};
  for (const auto& p : ledger.places_learned()) context.corpus_places.add(p.name, p.township, p.page);
  PageQueue queue(kPagesAhead);
  ReaderThread reader(queue, files, context);
  while (auto item = queue.pop()) {
    Progress::Step step(progress);  // the page counts as done however it ends
    step.bytes = item->bytes;
    if (item->database_error) std::rethrow_exception(item->database_error);
    if (!item->problems.empty()) progress.clear();
    for (const auto& p : item->problems) fmt::print(stderr, "{}\n", p);
    switch (item->state) {
      case ReadPage::State::failed:
        ++stats.pages_failed;
        errors = true;
        continue;
      case ReadPage::State::unchanged:
        ++stats.pages_unchanged;
        continue;
      case ReadPage::State::duplicate:
        // The same bytes under another path (a copy, or the folder named another way): one page.
        ++stats.pages_duplicate;
        continue;
      case ReadPage::State::extracted:
        break;
    }
    try {
      ledger.ingest(*item->px, stats, read_options);
      if (!item->warnings.empty()) progress.clear();
      for (const auto& w : item->warnings) print_safe(stderr, "{}\n", w);
    } catch (const std::exception& e) {
      if (ledger::is_database_wide(e)) throw;  // locked, read-only, full ...: every page would fail the same way
      // The page's transaction was rolled back: nothing half-written stays in the ledger.
      progress.clear();
      fmt::print(stderr, "{}: error: {}; file skipped\n", item->file, e.what());
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
