// A normalised page split into articles, paragraphs and sentences, each with byte offsets into
// the page's normalised text.
#pragma once
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aidledger::text {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  bool empty() const { return end <= begin; }
  std::size_t size() const { return end > begin ? end - begin : 0; }
  std::string_view of(std::string_view s) const { return s.substr(begin, size()); }
};

struct Article {
  int seq = 0;                      // 1-based position on the page
  std::string title;                // headline lines joined by a space
  Span span;                        // headline and body
  std::vector<Span> headline;       // headline lines
  std::vector<Span> paragraphs;     // body lines (a line is a paragraph in these pages)
};

/// Splits a page into articles. An article starts at a headline group followed by a dateline
/// (本报讯 ...), at a Markdown heading, or after a byline (记者 ..., ... 文/图) unless the next line
/// is a section kicker such as 【回顾】, which continues the same story.
std::vector<Article> split_articles(std::string_view text);

/// A sentence with its text cleaned of layout line breaks. `page_offset(i)` is the page offset of
/// byte i of `text` (of i == text.size(): span.end), so spans found in `text` map back.
struct Sentence {
  Span span;                          // in the page text
  std::string text;                   // sentence without the line breaks of the print layout
  std::size_t paragraph = 0;          // index into Article::paragraphs where it starts
  // Where `text` lies on the page: runs of bytes that follow each other there, each from its first
  // byte in `text` (one run, or one for each line of a sentence the print layout broke). An offset
  // per byte took eight bytes of memory for each byte of the article (issue 8: big pages).
  struct Run {
    std::size_t text_begin = 0;
    std::size_t page_begin = 0;
  };
  std::vector<Run> runs;
  std::size_t page_offset(std::size_t i) const {
    if (i >= text.size()) return span.end;
    auto run = std::upper_bound(runs.begin(), runs.end(), i, [](std::size_t at, const Run& r) { return at < r.text_begin; });
    --run;
    return run->page_begin + (i - run->text_begin);
  }
};

/// Sentences of an article's body. A sentence ends at 。！？ (with any closing quote) or at the
/// end of a line that ends a paragraph; a line broken mid-sentence by the print layout is joined
/// to the next.
std::vector<Sentence> split_sentences(std::string_view page_text, const Article& article);

/// Byte ranges of `sentence` separated by ';' (the segments of a compound sentence).
std::vector<Span> split_segments(std::string_view sentence);

/// True for a short line without sentence punctuation, such as a headline or section header.
bool is_headline_like(std::string_view line);

/// True when the line is, or ends with, a byline (记者 张三, 张三 文/图).
bool ends_with_byline(std::string_view line);

}  // namespace aidledger::text
