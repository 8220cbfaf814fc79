// The generator's driver: pages in date order, each laid out as the paper prints it, written in
// its script and encoding, with the expected lines of the gifts it reports first.
#include "aidledger/generate/corpus.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "aidledger/text/decode.hpp"
#include "aidledger/text/encode.hpp"
#include "model.hpp"

namespace aidledger::generate {
namespace {

constexpr const char* kWeekdays[] = {"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"};
constexpr std::size_t kPoolSize = 4096;  // earlier statements a review may recall (a reservoir sample)

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string_view kind_text(Kind k) {
  return k == Kind::cash ? "cash" : k == Kind::in_kind ? "in_kind" : "consumption";
}

}  // namespace

std::string expected_header() {
  return "file,year,township,kind,status,donor_key,amount_yuan,quantity,unit,aggregate,note\n";
}

std::string expected_row(const ExpectedLine& l) {
  return fmt::format("{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(l.file), l.year, csv_field(l.township), l.kind, l.status,
                     csv_field(l.donor_key), l.amount_fen ? yuan_text(*l.amount_fen) : "",
                     l.quantity ? std::to_string(*l.quantity) : "", csv_field(l.unit), l.aggregate ? 1 : 0, csv_field(l.note));
}

struct CorpusGenerator::State {
  Options options;
  Vocabulary vocab;
  World world;
  Rng rng;
  GiftMaker maker;
  CorpusStats stats;
  std::size_t index = 0;
  std::int64_t first_day = 0, last_day = 0;
  std::int64_t previous_day = -1;
  int edition = 0;
  int home_district = 0;                // the paper's own district (郑州高新区 when the data name it)
  // Statements a later page may restate: a few landmarks (restated often) and a reservoir of others.
  std::vector<Statement> landmarks, pool;
  std::size_t restatable_seen = 0;

  explicit State(const Options& o)
      : options(o), vocab(Vocabulary::builtin()), rng(o.seed), maker(world, rng) {
    world.build(vocab, rng, std::max<std::size_t>(o.pages, 1));
    first_day = Day{2018, 3, 1}.serial();
    last_day = Day{2025, 12, 28}.serial();
    for (std::size_t d = 0; d < vocab.districts.size(); ++d)
      if (vocab.districts[d].pairing_known) home_district = static_cast<int>(d);
  }

  // Dates run from first_day to last_day across the corpus: by page, or by bytes for --size.
  Day page_day() const {
    const std::int64_t span = last_day - first_day;
    if (options.max_bytes > 0) {
      const std::uint64_t done = std::min<std::uint64_t>(stats.bytes, options.max_bytes);
      return Day::from_serial(first_day + static_cast<std::int64_t>(done * static_cast<std::uint64_t>(span) / options.max_bytes));
    }
    const std::size_t planned = std::max<std::size_t>(options.pages, 2);
    const std::size_t i = std::min(index, planned - 1);
    return Day::from_serial(first_day + static_cast<std::int64_t>(i) * span / static_cast<std::int64_t>(planned - 1));
  }

  std::string headline(const std::string& text, bool markdown) { return markdown ? "## " + text : text; }

  // Paragraphs of 1-3 sentences.
  std::string paragraphs(const std::vector<std::string>& sentences) {
    std::string out;
    std::size_t in_paragraph = 0, limit = 1 + static_cast<std::size_t>(rng.below(3));
    for (const auto& s : sentences) {
      if (in_paragraph == limit) {
        out += "\n\n";
        in_paragraph = 0;
        limit = 1 + static_cast<std::size_t>(rng.below(3));
      }
      out += s;
      ++in_paragraph;
    }
    return out;
  }

  const Statement* choose_restatement(std::vector<std::size_t>& used) {
    for (int tries = 0; tries < 6; ++tries) {
      Statement* s = nullptr;
      if (!landmarks.empty() && rng.chance(0.3)) s = &landmarks[static_cast<std::size_t>(rng.below(landmarks.size()))];
      else if (!pool.empty()) s = &pool[static_cast<std::size_t>(rng.below(pool.size()))];
      if (!s) return nullptr;
      const std::size_t key = reinterpret_cast<std::size_t>(s);
      if (std::find(used.begin(), used.end(), key) != used.end()) continue;
      used.push_back(key);
      if (++s->restated == 50) ++stats.restated_50;
      stats.most_restated = std::max(stats.most_restated, s->restated);
      ++stats.restatements;
      return s;
    }
    return nullptr;
  }

  void remember(const std::vector<Statement>& made) {
    for (const auto& s : made) {
      if (!s.restatable) continue;
      if (landmarks.size() < 2 + index / 150) {
        landmarks.push_back(s);
        continue;
      }
      ++restatable_seen;
      if (pool.size() < kPoolSize) pool.push_back(s);
      else if (const auto j = rng.below(restatable_seen); j < kPoolSize) pool[static_cast<std::size_t>(j)] = s;
    }
  }

  std::string aid_article(const Day& page_date, bool markdown, std::vector<Statement>& made, GeneratedPage& page,
                          std::vector<std::size_t>& used) {
    ArticleContext ctx;
    ctx.page_date = page_date;
    ctx.district = rng.chance(0.35) ? home_district : static_cast<int>(rng.below(vocab.districts.size()));
    ctx.dateline = Day::from_serial(page_date.serial() - rng.between(0, 3));
    if (ctx.dateline.m != page_date.m) ctx.dateline = page_date;
    const District& district = vocab.districts[static_cast<std::size_t>(ctx.district)];
    const auto& pair = world.pairs[static_cast<std::size_t>(ctx.district)];
    const std::string first_township = vocab.townships[static_cast<std::size_t>(pair[0])].name;

    std::vector<std::string> sentences;
    sentences.push_back(fmt::format("本报讯 {}月{}日，{}{}带队赴{}{}开展结对帮扶活动。", ctx.dateline.m, ctx.dateline.d,
                                    rng.chance(0.5) ? district.canonical : district.short_form, rng.pick(vocab.column("lead_role")),
                                    vocab.county, first_township));
    const std::size_t wanted = static_cast<std::size_t>(rng.between(2, 5));
    for (std::size_t k = 0; k < wanted; ++k) {
      std::optional<Statement> s;
      for (int tries = 0; tries < 40 && !s; ++tries) s = maker.make(ctx);
      if (!s) continue;
      sentences.push_back(maker.write(*s, ctx));
      if (rng.chance(0.15)) sentences.push_back(rng.pick(vocab.column("filler")));
      if (rng.chance(0.12)) sentences.push_back(township_facts(world, rng, pair[0]));
      for (const auto& g : s->gifts) {
        for (const auto& l : g.lines) {
          ExpectedLine e;
          e.file = page.file_name;
          e.year = g.year;
          e.township = l.township < 0 ? "JOINT" : vocab.townships[static_cast<std::size_t>(l.township)].name;
          e.kind = std::string(kind_text(g.kind));
          e.status = g.status == Status::pledged ? "pledged" : "disbursed";
          e.donor_key = world.donors[static_cast<std::size_t>(g.donor)].key;
          e.amount_fen = l.fen;
          e.quantity = l.quantity;
          if (!l.fen) e.unit = g.unit;
          e.aggregate = g.aggregate;
          e.note = g.note;
          page.expected.push_back(std::move(e));
        }
      }
      ++stats.statements;
      made.push_back(std::move(*s));
    }
    std::string body = paragraphs(sentences);
    // A look back: earlier gifts restated.
    if (rng.chance(0.5)) {
      std::vector<std::string> review;
      const std::size_t n = static_cast<std::size_t>(rng.between(1, 3));
      for (std::size_t k = 0; k < n; ++k)
        if (const Statement* s = choose_restatement(used)) {
          review.push_back(maker.restate(*s, page_date));
          ++page.restatements;
        }
      if (!review.empty()) body += "\n\n" + paragraphs(review);
    }
    if (rng.chance(0.4)) body += "\n\n" + rng.pick(vocab.column("filler")) + rng.pick(vocab.column("filler"));
    body += (rng.chance(0.5) ? " 记者 " : "\n\n记者 ") + rng.pick(vocab.column("reporter"));
    const std::string head = fmt::format("{}结对帮扶{} {}", district.short_form, first_township, rng.pick(vocab.column("headline_tail")));
    return headline(head, markdown) + "\n\n" + body;
  }

  std::string review_article(const Day& page_date, bool markdown, GeneratedPage& page, std::vector<std::size_t>& used) {
    const auto& t = rng.pick(vocab.townships);
    const Day dateline = page_date;
    std::vector<std::string> sentences;
    sentences.push_back(fmt::format("本报讯 {}月{}日，记者走进{}{}，看到帮扶项目建设正酣。", dateline.m, dateline.d, vocab.county, t.name));
    const std::size_t n = static_cast<std::size_t>(rng.between(3, 6));
    for (std::size_t k = 0; k < n; ++k)
      if (const Statement* s = choose_restatement(used)) {
        sentences.push_back(maker.restate(*s, page_date));
        ++page.restatements;
      }
    sentences.push_back(rng.pick(vocab.column("filler")));
    const std::string body = paragraphs(sentences) + " 记者 " + rng.pick(vocab.column("reporter"));
    return headline(fmt::format("结对帮扶结硕果 {}产业兴旺", t.short_form), markdown) + "\n\n" + body;
  }

  GeneratedPage next() {
    GeneratedPage page;
    page.file_name = fmt::format("p{:06}.txt", index + 1);
    const Day day = page_day();
    edition = day.serial() == previous_day ? edition + 1 : 1;
    previous_day = day.serial();

    std::string text;
    const std::string date = fmt::format("{}年{}月{}日", day.y, day.m, day.d);
    switch (rng.below(3)) {
      case 0: text = fmt::format("{} {} {} 第{}版", rng.pick(vocab.column("paper")), date, kWeekdays[day.weekday()], edition); break;
      case 1: text = fmt::format("{} {} 第{}版", date, kWeekdays[day.weekday()], edition); break;
      default: text = fmt::format("{} {}", date, kWeekdays[day.weekday()]); break;
    }
    text += "\n\n";
    const bool markdown = rng.chance(0.2);
    const int articles = static_cast<int>(rng.between(2, 4));
    std::vector<Statement> made;
    std::vector<std::size_t> used;
    for (int a = 0; a < articles; ++a) {
      const std::uint64_t r = rng.below(100);
      std::string article;
      if ((a == 0 && r < 85) || (a > 0 && r < 45)) article = aid_article(day, markdown, made, page, used);
      else if (r < 55 && index > 3 && !pool.empty()) article = review_article(day, markdown, page, used);
      else {
        const Day dateline = Day::from_serial(day.serial() - rng.between(0, 2));
        article = (markdown ? "## " : "") + other_news(world, rng, dateline.m == day.m ? dateline : day, day);
      }
      text += article + "\n\n";
    }
    remember(made);

    // Script, encoding and line ends.
    const bool traditional = rng.chance(0.12);
    static const std::vector<std::string> simplified_encodings = {"UTF-8", "UTF-8-BOM", "GB18030", "UTF-16LE", "UTF-16BE"};
    static const std::vector<unsigned> simplified_weights = {58, 8, 20, 9, 5};
    static const std::vector<std::string> traditional_encodings = {"UTF-8", "UTF-8-BOM", "Big5", "UTF-16LE"};
    static const std::vector<unsigned> traditional_weights = {50, 10, 25, 15};
    page.encoding = traditional ? traditional_encodings[rng.weighted(traditional_weights)]
                                : simplified_encodings[rng.weighted(simplified_weights)];
    page.script = traditional ? "Hant" : "Hans";
    page.crlf = rng.chance(0.15);
    std::string written = traditional ? text::to_traditional(text) : text;
    if (page.crlf) written = text::to_crlf(written);
    auto bytes = text::encode(written, page.encoding);
    // Read it back as ingest will: a page the reader would take for another encoding or script is
    // written as plain UTF-8 instead, so that every expected line stays readable.
    if (bytes && (page.encoding != "UTF-8" || traditional)) {
      const auto back = text::decode_page(page.file_name, *bytes);
      if (!back.page || back.page->text != text::normalise(text)) bytes.reset();
    }
    if (!bytes) {
      ++stats.fallbacks;
      bytes = text;
      page.encoding = "UTF-8";
      page.script = "Hans";
      page.crlf = false;
    }
    page.bytes = std::move(*bytes);

    ++index;
    ++stats.pages;
    stats.bytes += page.bytes.size();
    stats.expected_lines += page.expected.size();
    ++stats.encodings[page.encoding + " " + page.script + (page.crlf ? " CRLF" : "")];
    return page;
  }
};

CorpusGenerator::CorpusGenerator(const Options& options) : state_(std::make_unique<State>(options)) {}
CorpusGenerator::~CorpusGenerator() = default;

bool CorpusGenerator::more() const {
  const auto& s = *state_;
  if (s.options.max_bytes > 0) return s.stats.bytes < s.options.max_bytes;
  return s.index < s.options.pages;
}

GeneratedPage CorpusGenerator::next() { return state_->next(); }

const CorpusStats& CorpusGenerator::stats() const { return state_->stats; }

CorpusStats write_corpus(const Options& options, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root(dir), pages = root / "pages", expected = root / "expected.csv";
  if (fs::exists(root, ec) && !fs::is_directory(root, ec)) throw std::runtime_error(fmt::format("{}: exists and is not a folder", dir));
  if (fs::exists(pages, ec)) throw std::runtime_error(fmt::format("{}: already exists; write the corpus into a new folder", pages.string()));
  if (fs::exists(expected, ec))
    throw std::runtime_error(fmt::format("{}: already exists; write the corpus into a new folder", expected.string()));
  if (!fs::create_directories(pages, ec) && ec)
    throw std::runtime_error(fmt::format("{}: cannot create the folder: {}", pages.string(), ec.message()));

  std::ofstream csv(expected, std::ios::binary);
  if (!csv) throw std::runtime_error(fmt::format("{}: cannot write: {}", expected.string(), std::strerror(errno)));
  csv << expected_header();
  CorpusGenerator gen(options);
  while (gen.more()) {
    const GeneratedPage page = gen.next();
    const fs::path path = pages / page.file_name;
    std::ofstream out(path, std::ios::binary);
    out.write(page.bytes.data(), static_cast<std::streamsize>(page.bytes.size()));
    out.close();
    if (!out) throw std::runtime_error(fmt::format("{}: cannot write: {}", path.string(), std::strerror(errno)));
    for (const auto& line : page.expected) csv << expected_row(line);
  }
  csv.close();
  if (!csv) throw std::runtime_error(fmt::format("{}: cannot write: {}", expected.string(), std::strerror(errno)));
  return gen.stats();
}

}  // namespace aidledger::generate
