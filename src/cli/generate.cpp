// aidledger generate: a corpus of pages with known answers, for the tests and the benchmarks.
#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/generate/corpus.hpp"

namespace aidledger::cli {

namespace {
// Mean size of a generated page, to spread the dates of a corpus asked for by --size.
constexpr std::uint64_t kBytesPerPage = 2300;
}  // namespace

void setup_generate(CLI::App& app, std::shared_ptr<GenerateOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("generate", "Write a corpus of generated pages and the ledger lines they must give");
  auto* pages = cmd->add_option("--pages", opt->pages, "Number of pages to write")->check(CLI::Range(1, 99999999));
  auto* size = cmd->add_option("--size", opt->size, "Instead of --pages: write pages until they reach SIZE (10MB = 10 MiB, 1GB)")
                   ->transform(CLI::AsSizeValue(false));
  pages->excludes(size);
  cmd->add_option("--seed", opt->seed, "Seed (default 1): the same seed and --pages or --size give the same bytes (with the same ICU)");
  cmd->add_option("--out", opt->out, "Folder to write; it gets pages/ and expected.csv and must not hold them yet")->required();
  cmd->add_flag("-q,--quiet", opt->quiet, "Print only problems");
  cmd->footer(
      "Pages are dated 2018-2025 and written in the paper's style: aid articles (each, 分别, per head, pledges and\n"
      "tranches, cumulative totals, cash, goods and consumption aid, amounts in many written forms), other news full\n"
      "of numbers, and reviews restating earlier gifts (some on many pages). Scripts and encodings vary: Simplified\n"
      "and Traditional, UTF-8 (with and without BOM), GB18030, Big5, UTF-16 with BOM, CR LF line ends.\n"
      "OUT/expected.csv lists each gift once, on the page that first reports it, in the gold format scored by\n"
      "tests/e2e/score_ledger.py. Example:\n"
      "  aidledger generate --pages 200 --seed 7 --out /tmp/corpus\n"
      "  aidledger ingest --db /tmp/c.db /tmp/corpus/pages && aidledger export --db /tmp/c.db --format csv > /tmp/c.csv\n"
      "  python3 tests/e2e/score_ledger.py /tmp/corpus/expected.csv --export /tmp/c.csv");
  cmd->callback([opt, &exit_code] { exit_code = run_generate(*opt); });
}

int run_generate(const GenerateOptions& opt) {
  if (opt.pages == 0 && opt.size == 0) {
    fmt::print(stderr, "aidledger: generate: give --pages N or --size SIZE\n");
    return kError;
  }
  generate::Options o;
  o.seed = opt.seed;
  o.pages = opt.pages > 0 ? opt.pages : static_cast<std::size_t>(std::max<std::uint64_t>(1, opt.size / kBytesPerPage));
  o.max_bytes = opt.pages > 0 ? 0 : opt.size;
  try {
    const auto stats = generate::write_corpus(o, opt.out);
    if (!opt.quiet) {
      fmt::print("wrote {} pages ({:.1f} MB) to {}/pages and {} expected lines to {}/expected.csv\n", stats.pages,
                 static_cast<double>(stats.bytes) / 1e6, opt.out, stats.expected_lines, opt.out);
      fmt::print("{} statements of new gifts, {} restatements ({} statements restated on 50 pages or more; the most: on {} pages)\n",
                 stats.statements, stats.restatements, stats.restated_50, stats.most_restated);
      std::string encodings;
      for (const auto& [name, n] : stats.encodings) encodings += fmt::format("{}{} {}", encodings.empty() ? "" : ", ", n, name);
      fmt::print("pages by encoding: {}{}\n", encodings,
                 stats.fallbacks ? fmt::format(" ({} kept in UTF-8: the chosen encoding could not hold them)", stats.fallbacks) : "");
    }
  } catch (const std::exception& e) {
    fmt::print(stderr, "aidledger: generate: {}\n", e.what());
    return kError;
  }
  return kOk;
}

}  // namespace aidledger::cli
