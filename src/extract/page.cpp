#include "aidledger/extract/page.hpp"

#include <fmt/format.h>

namespace aidledger::extract {

std::string file_stem(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

PageExtraction extract_page(text::Page page, const Gazetteer& gazetteer, const Directory& directory,
                            const PageOptions& options) {
  PageExtraction out;
  // The reference date: the manifest's, else the latest year the page itself mentions as past.
  if (options.publication) {
    out.reference = options.publication;
    out.reference_basis = "manifest";
  } else if (auto y = infer_page_year(page.text)) {
    out.reference = DateRange::year(date::year{*y});
    out.reference_basis = "inferred from the years the page mentions";
  } else {
    out.reference_basis = "unknown";
  }

  PlaceFinder places(gazetteer);
  places.learn(page.text);
  const EventExtractor extractor(gazetteer, directory);
  const std::string prefix = options.id_prefix.empty() ? file_stem(page.path) : options.id_prefix;

  for (const text::Article& article : text::split_articles(page.text)) {
    ArticleRecord rec;
    rec.seq = article.seq;
    rec.id = fmt::format("{}#{}", prefix, article.seq);
    rec.title = article.title;
    rec.sha256 = text::sha256_hex(article.span.of(page.text));
    rec.file_begin = page.file_offset(article.span.begin);
    rec.file_end = page.file_offset(article.span.end);
    rec.line = page.line_of(article.span.begin);
    rec.relevant = extractor.is_relevant(page.text, article, places);
    ArticleContext ctx;
    if (rec.relevant) {
      auto reports = extractor.extract(page.text, article, places, out.reference, &ctx);
      for (auto& r : reports) out.reports.push_back(std::move(r));
    } else {
      // Still date the article for the record.
      for (const auto& m : scan_dates(article.span.of(page.text))) {
        if (m.plan || m.relative != Relative::none) continue;
        DateResolver resolver(out.reference);
        if (auto d = resolver.resolve(m)) { ctx.date = d; break; }
      }
    }
    rec.date = ctx.date ? ctx.date : out.reference;
    rec.date_basis = ctx.date ? "dateline" : out.reference ? "page" : "unknown";
    out.articles.push_back(std::move(rec));
  }
  out.page = std::move(page);
  return out;
}

}  // namespace aidledger::extract
