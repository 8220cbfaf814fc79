#include "aidledger/extract/page.hpp"

#include <iterator>
#include <vector>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::extract {

std::string file_stem(std::string_view path) {
  const std::size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const std::size_t dot = name.rfind('.');
  if (dot != std::string_view::npos && dot > 0) name = name.substr(0, dot);
  return std::string(name);
}

std::optional<DateRange> date_in_file_name(std::string_view path) {
  // 2021-10-25_page.txt, 20211025.txt, page_2021_10_25.txt: eight digits of a real day, 1990-2099.
  const std::string stem = file_stem(path);
  std::string digits;
  for (std::size_t i = 0; i <= stem.size(); ++i) {
    const char c = i < stem.size() ? stem[i] : '\0';
    if (c >= '0' && c <= '9') {
      digits += c;
      continue;
    }
    const bool separator = (c == '-' || c == '_' || c == '.') && (digits.size() == 4 || digits.size() == 6);
    if (separator && i + 1 < stem.size() && stem[i + 1] >= '0' && stem[i + 1] <= '9') continue;
    if (digits.size() == 8) {
      const int y = std::stoi(digits.substr(0, 4));
      const unsigned m = static_cast<unsigned>(std::stoi(digits.substr(4, 2))), d = static_cast<unsigned>(std::stoi(digits.substr(6, 2)));
      const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
      if (y >= 1990 && y <= 2099 && ymd.ok()) return DateRange::day(ymd);
    }
    digits.clear();
  }
  return std::nullopt;
}

namespace {

// The first date written in full in `text` (year, month and day, no range, no relative word).
std::optional<DateRange> first_full_day(std::string_view text) {
  for (const auto& m : scan_dates(text)) {
    if (m.relative != Relative::none || m.from.year == 0 || m.from.month == 0 || m.from.day == 0 || m.to) continue;
    const date::year_month_day ymd{date::year{m.from.year}, date::month{static_cast<unsigned>(m.from.month)},
                                   date::day{static_cast<unsigned>(m.from.day)}};
    if (ymd.ok()) return DateRange::day(ymd);
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateRange> date_in_header(std::string_view text) {
  // The masthead: one of the first lines is a full date, alone or with the weekday or the page
  // number (2023年6月16日　星期五　第3版).
  std::size_t start = 0;
  for (int line = 0; line < 6 && start < text.size(); ++line) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view l = text.substr(start, end - start);
    start = end + 1;
    // (A bulletin's: 某乡工作简报　第4期　2025年4月18日　第1页　…编印.)
    bool masthead = l.find("星期") != std::string_view::npos || l.find("版") != std::string_view::npos || text::code_point_count(l) <= 16;
    for (std::string_view w : {"简报", "编印", "页"}) masthead = masthead || l.find(w) != std::string_view::npos;
    if (!masthead) continue;
    if (auto day = first_full_day(l)) return day;
  }
  return std::nullopt;
}

namespace {

// A full date in the page's first dateline (本报讯（记者 某某）2024年12月30日，…): the day the story
// was filed, for a page with no header date.
std::optional<DateRange> date_in_first_dateline(std::string_view text) {
  for (std::string_view mark : {"本报讯", "本報訊"}) {
    const std::size_t at = text.find(mark);
    if (at == std::string_view::npos) continue;
    std::size_t end = at + mark.size();
    for (int chars = 0; chars < 30 && end < text.size(); ++chars) text::next_code_point(text, end);
    return first_full_day(text.substr(at, end - at));
  }
  return std::nullopt;
}

// Whether the page names a year after `y` on its own (not as the end of a range of years, the terms
// of a plan: 2025—2027年): then its first dateline is no date of the whole page.
bool mentions_later_year(std::string_view text, date::year y) {
  const auto mentions = scan_dates(text);
  return std::any_of(mentions.begin(), mentions.end(), [&](const DateMention& m) {
    // (…2025—2027年: the end of a range written with a dash is no year of its own.)
    const std::string_view before = text.substr(0, m.span.begin);
    bool range_end = false;
    for (std::string_view dash : {"—", "-", "–", "至", "~"}) range_end = range_end || before.ends_with(dash);
    // (明年（2023年）将…: next year written out is a year planned for, no year of the page's own.)
    bool next_year_named = false;
    for (std::string_view next : {"明年(", "明年（", "后年(", "后年（", "下一年(", "来年("}) next_year_named = next_year_named || before.ends_with(next);
    // (2022年，高新区计划继续…, 2022年区级财政预算草案出炉 on a page filed in December 2021: a
    // year planned or budgeted for, in the words after it up to the sentence's end.)
    std::size_t stop = text.find("。", m.span.end);
    stop = std::min({stop, text.find('\n', m.span.end), text.size()});
    const std::string_view after = text.substr(m.span.end, stop - m.span.end);
    bool planned = false;
    for (std::string_view w : {"计划", "将", "拟", "预算", "预计", "预期", "力争", "目标"}) planned = planned || after.find(w) != std::string_view::npos;
    return !m.plan && !planned && !range_end && !next_year_named && m.relative == Relative::none && m.from.year != 0 && !m.to &&
           date::year{m.from.year} > y;
  });
}

// Moves `more` to the end of `to`: the whole vector when `to` is empty, else in one insertion.
// (Not one by one into a vector growing beside them: a page of one long article held its reports
// twice over, as much memory as its text and maps together.)
template <class T>
void append(std::vector<T>& to, std::vector<T>&& more) {
  if (to.empty()) to = std::move(more);
  else to.insert(to.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
}

}  // namespace

std::string refusal_warning(const PageExtraction& px, const RefusedAmount& x) {
  const text::Page& p = px.page;
  return fmt::format("{}:{}: warning: amount {} refused ({}); no ledger line is made of it: {}", p.path, p.line_of(x.amount.begin),
                     p.original_slice(x.amount.begin, x.amount.end), x.reason, p.original_slice(x.sentence.begin, x.sentence.end));
}

PageExtraction extract_page(text::Page page, const Gazetteer& gazetteer, const Directory& directory,
                            const PageOptions& options) {
  PageExtraction out;
  // The reference date: the manifest's, else a date in the file name, else the latest year the
  // page itself mentions as past.
  if (options.publication) {
    out.reference = options.publication;
    out.reference_basis = "manifest";
  } else if (auto named = date_in_file_name(page.path)) {
    out.reference = named;
    out.reference_basis = "file name";
  } else if (auto header = date_in_header(page.text)) {
    out.reference = header;
    out.reference_basis = "page header";
  } else if (auto dateline = date_in_first_dateline(page.text); dateline && !mentions_later_year(page.text, dateline->last.year())) {
    out.reference = dateline;
    out.reference_basis = "the page's first dateline";
  } else if (auto y = infer_page_year(page.text)) {
    out.reference = DateRange::year(date::year{*y});
    out.reference_basis = "inferred from the years the page mentions";
  } else {
    out.reference_basis = "unknown";
  }

  PlaceFinder places(gazetteer);
  places.learn(page.text);
  places.use_corpus(options.corpus_places);
  for (const auto& [name, township] : places.learned()) out.places_learned.emplace_back(name, township);
  const EventExtractor extractor(gazetteer, directory);
  const std::string prefix = options.id_prefix.empty() ? file_stem(page.path) : options.id_prefix;

  std::optional<bool> page_names_county;  // read once, when an article first needs it
  for (const text::Article& article : text::split_articles(page.text)) {
    ArticleRecord rec;
    rec.seq = article.seq;
    rec.id = fmt::format("{}#{}", prefix, article.seq);
    rec.title = article.title;
    rec.sha256 = text::sha256_hex(article.span.of(page.text));
    rec.file_begin = page.file_offset(article.span.begin);
    rec.file_end = page.file_offset(article.span.end);
    rec.line = page.line_of(article.span.begin);
    rec.relevant = extractor.is_relevant(page.text, article, places, page_names_county);
    ArticleContext ctx;
    if (rec.relevant) {
      auto reports = extractor.extract(page.text, article, places, out.reference, &ctx);
      append(out.reports, std::move(reports));
      append(out.refused, std::move(ctx.refused));
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
  // Provenance of a village placed by another page.
  if (options.corpus_places)
    for (auto& r : out.reports)
      for (const auto& a : r.allocations) {
        if (a.township.empty() || a.township == kJoint) continue;
        for (const auto& [name, township] : places.corpus_names_in(a.recipient))
          if (township == a.township)
            r.notes.push_back(fmt::format("{} placed in {} as page {} names it", name, township, options.corpus_places->find(name)->source));
      }
  out.page = std::move(page);
  return out;
}

}  // namespace aidledger::extract
