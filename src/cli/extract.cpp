// aidledger extract FILE: what the extractor reads in one page, without a database.
#include <unordered_map>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aidledger/cli/commands.hpp"
#include "aidledger/cli/io.hpp"
#include "aidledger/cli/table.hpp"
#include "aidledger/text/words.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/extract/page.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/labels.hpp"

namespace aidledger::cli {
namespace {

std::string amount_text(const extract::Allocation& a, const extract::AidReport& r) {
  std::string s;
  if (a.amount_fen) {
    s = extract::format_fen(*a.amount_fen);
    if (a.amount_high_fen) s += ".." + extract::format_fen(*a.amount_high_fen);
  }
  if (a.quantity) s += (s.empty() ? "" : " ") + std::to_string(*a.quantity) + r.unit;
  return s.empty() ? "(无金额 no amount)" : s;
}

std::string date_text(const extract::AidReport& r, const extract::ArticleRecord& art) {
  if (r.date) return fmt::format("{} ({})", extract::format_date(*r.date), report::date_basis_label(r.date_basis));
  if (art.date) return fmt::format("{} (取文章日期 reported: the article's date)", extract::format_date(*art.date));
  return "未知 unknown";
}

}  // namespace

void setup_extract(CLI::App& app, std::shared_ptr<ExtractOptions> opt, int& exit_code) {
  auto* cmd = app.add_subcommand("extract", "Show the articles and aid events aidledger reads in one page (no database)");
  cmd->add_option("file", opt->file, "Page file (plain text, any common Chinese encoding)")->required();
  cmd->add_option("--encoding", opt->encoding, "Force the page's encoding (e.g. GB18030); default: detect");
  cmd->add_option("--max-page-size", opt->max_page_size, "Refuse a page larger than this (default 64MiB)")
      ->transform(CLI::AsSizeValue(false));
  cmd->add_option("--published", opt->publication, "Publication date of the page, YYYY-MM-DD (default: inferred)");
  cmd->add_flag("--all", opt->all_articles, "Also list articles that are not about the paired county");
  cmd->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  cmd->callback([opt, &exit_code] { exit_code = run_extract(*opt); });
}

int run_extract(const ExtractOptions& opt) {
  std::string bytes, error;
  if (!read_file(opt.file, bytes, error, opt.max_page_size)) {
    fmt::print(stderr, "aidledger: {}\n", error);
    return kError;
  }
  auto decoded = text::decode_page(opt.file, bytes, opt.encoding);
  if (!decoded.page) {
    fmt::print(stderr, "aidledger: {}: byte {}: {}\n", opt.file, decoded.failure->byte_offset, decoded.failure->message);
    return kError;
  }
  for (std::size_t at : decoded.page->replaced_bytes)
    fmt::print(stderr, "{}: byte {}: warning: not valid UTF-8; read as U+FFFD\n", opt.file, at);
  extract::PageOptions po;
  if (!opt.publication.empty()) {
    auto d = extract::parse_iso_range(opt.publication, extract::Precision::day);
    if (!d || opt.publication.size() != 10) {
      fmt::print(stderr, "aidledger: --published '{}' is not a date of the form YYYY-MM-DD\n", opt.publication);
      return kError;
    }
    if (!ledger::year_in_range(static_cast<int>(d->first.year()))) {
      fmt::print(stderr, "aidledger: --published {} is outside the years {} to {}\n", opt.publication, ledger::kFirstYear,
                 ledger::kLastYear);
      return kError;
    }
    po.publication = d;
  }
  const auto result = extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(),
                                            extract::Directory::builtin(), po);
  const auto& page = result.page;
  for (const auto& x : result.refused) print_safe(stderr, "{}\n", extract::refusal_warning(result, x));
  // Each article's reports, found once (a page of thousands of articles stays linear).
  std::unordered_map<int, std::vector<const extract::AidReport*>> reports_of;
  for (const auto& r : result.reports) reports_of[r.article_seq].push_back(&r);

  if (opt.format == "json") {
    nlohmann::json j;
    j["file"] = page.path;
    j["encoding"] = page.encoding;
    j["script"] = page.script;
    j["reference"] = result.reference ? extract::format_date(*result.reference) : "";
    j["reference_basis"] = result.reference_basis;
    for (const auto& a : result.articles) {
      nlohmann::json ja{{"id", a.id}, {"title", a.title}, {"line", a.line}, {"relevant", a.relevant},
                        {"date", a.date ? extract::format_date(*a.date) : ""}, {"bytes", {a.file_begin, a.file_end}}};
      for (const extract::AidReport* report : reports_of[a.seq]) {
        const extract::AidReport& r = *report;
        nlohmann::json jr{{"kind", extract::to_string(r.kind)}, {"status", extract::to_string(r.status)},
                          {"donor", r.donor}, {"donor_basis", r.donor_basis}, {"item", r.item}, {"unit", r.unit},
                          {"approximate", r.approximate}, {"aggregate", r.aggregate}, {"tranche", r.tranche},
                          {"distribution", r.distribution},
                          {"date", r.date ? extract::format_date(*r.date) : ""}, {"date_basis", r.date_basis},
                          {"line", page.line_of(r.sentence.begin)},
                          {"bytes", {page.file_offset(r.sentence.begin), page.file_offset(r.sentence.end)}},
                          {"evidence", page.original_slice(r.sentence.begin, r.sentence.end)}};
        for (const auto& al : r.allocations) {
          nlohmann::json jl{{"recipient", al.recipient}, {"township", al.township}};
          jl["amount_yuan"] = al.amount_fen ? extract::format_fen(*al.amount_fen) : "";
          jl["quantity"] = al.quantity ? std::to_string(*al.quantity) : "";
          jr["allocations"].push_back(jl);
        }
        ja["events"].push_back(jr);
      }
      if (opt.all_articles || a.relevant) j["articles"].push_back(ja);
    }
    fmt::print("{}\n", j.dump(2));
    return result.reports.empty() ? kNothingFound : kOk;
  }

  std::size_t relevant = 0;
  for (const auto& a : result.articles) relevant += a.relevant ? 1 : 0;
  print_safe("{}: {}, {} 文字 script, {} 篇文章 {} ({} 篇涉及结对县 about the paired county); 参考日期 reference date {} ({})\n",
             page.path, page.encoding, page.script, result.articles.size(),
             text::count_of(static_cast<std::int64_t>(result.articles.size()), "article"), relevant,
             result.reference ? extract::format_date(*result.reference) : "未知 unknown", report::date_basis_label(result.reference_basis));
  int n = 0;
  for (const auto& a : result.articles) {
    if (!a.relevant && !opt.all_articles) continue;
    print_safe("\n文章 article {} (第 {} 行 line {}, 字节 bytes {}-{}){}\n  标题 title: {}\n  日期 date: {} ({})\n", a.id, a.line, a.line,
               a.file_begin, a.file_end, a.relevant ? "" : " [不涉及结对县 not about the paired county]",
               a.title.empty() ? "(无 none)" : a.title, a.date ? extract::format_date(*a.date) : "未知 unknown",
               report::date_basis_label(a.date_basis));
    for (const extract::AidReport* report : reports_of[a.seq]) {
      const extract::AidReport& r = *report;
      print_safe("  [{}] {} {}{}{} 捐赠方 by {} ({})\n", ++n, report::status_label(std::string(extract::to_string(r.status))),
                 report::kind_label(std::string(extract::to_string(r.kind))), r.aggregate ? " 累计 AGGREGATE" : "", r.tranche ? " 分批 tranche" : "",
                 r.donor.empty() ? "?" : r.donor, report::donor_basis_label(r.donor_basis));
      for (const auto& al : r.allocations)
        print_safe("      -> {} [{}] {}{}\n", al.recipient.empty() ? "?" : al.recipient,
                   al.township.empty() ? "乡镇未知 township unknown" : al.township, amount_text(al, r), r.approximate ? " (约数 approx)" : "");
      if (!r.item.empty()) print_safe("      物品 item: {}\n", r.item);
      print_safe("      日期 date: {}\n", date_text(r, a));
      for (const auto& note : r.notes) print_safe("      备注 note: {}\n", report::note_label(note));
      print_safe("      证据 evidence (第 {} 行 line {}, 字节 bytes {}-{}): {}\n", page.line_of(r.sentence.begin), page.line_of(r.sentence.begin),
                 page.file_offset(r.sentence.begin), page.file_offset(r.sentence.end),
                 page.original_slice(r.sentence.begin, r.sentence.end));
    }
  }
  if (n == 0) print_safe("\n未找到帮扶事件 no aid events found\n");
  return n == 0 ? kNothingFound : kOk;
}

}  // namespace aidledger::cli
