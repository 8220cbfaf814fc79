#include "aidledger/text/document.hpp"

#include <array>

#include "aidledger/text/utf8.hpp"

namespace aidledger::text {
namespace {

bool is_terminal(char32_t cp) {
  return cp == U'。' || cp == U'！' || cp == U'？' || cp == U'!' || cp == U'?' || cp == U'…';
}
bool is_closing(char32_t cp) {
  return cp == U'”' || cp == U'’' || cp == U'」' || cp == U'』' || cp == U')' || cp == U'"' || cp == U'》';
}

std::vector<Span> lines_of(std::string_view text) {
  std::vector<Span> lines;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '\n') {
      std::string_view line = text.substr(start, i - start);
      std::string_view t = trim(line);
      if (!t.empty()) {
        const std::size_t b = start + static_cast<std::size_t>(t.data() - line.data());
        lines.push_back({b, b + t.size()});
      }
      start = i + 1;
    }
  }
  return lines;
}

bool is_markdown_heading(std::string_view line) { return !line.empty() && line[0] == '#'; }

bool starts_with_dateline(std::string_view line) {
  for (std::string_view mark : {"本报讯", "本报消息", "新华社", "本报记者", "通讯员"})
    if (line.substr(0, 30).find(mark) != std::string_view::npos) return true;
  return false;
}

bool is_kicker(std::string_view line) { return starts_at(line, 0, "【") || starts_at(line, 0, "["); }

// A run of personal names: 2-4 Han characters each, separated by spaces.
bool is_name_list(std::string_view s) {
  s = trim(s);
  if (s.empty()) return false;
  std::size_t han_run = 0, names = 0;
  for (std::size_t i = 0; i < s.size();) {
    const char32_t cp = next_code_point(s, i);
    if (is_han(cp)) {
      ++han_run;
    } else if (cp == U' ' || cp == U'\u3000' || cp == U'、') {
      if (han_run > 0) {
        if (han_run > 4) return false;
        ++names;
      }
      han_run = 0;
    } else {
      return false;
    }
  }
  if (han_run > 0) {
    if (han_run > 4 || han_run < 2) return false;
    ++names;
  }
  return names > 0 && names <= 4;
}

std::string_view strip_photo_credit(std::string_view s) {
  s = trim(s);
  for (std::string_view credit : {"文/图", "图/文", "摄影", "摄", "图"}) {
    if (s.size() >= credit.size() && s.substr(s.size() - credit.size()) == credit) {
      return trim(s.substr(0, s.size() - credit.size()));
    }
  }
  return s;
}

// A line opening an item of a numbered list: 一、 二、 （三） (4) 5. 6、 ⑦.
bool opens_list_item(std::string_view line) {
  line = trim(line);
  std::size_t i = 0;
  if (i >= line.size()) return false;
  char32_t cp = next_code_point(line, i);
  if (cp >= U'①' && cp <= U'⑳') return true;
  // (◆某公司：…, ●…, ■…: a bullet opens an item too.)
  if (std::u32string_view(U"◆◇●○■□▲△★☆▶►•·—-").find(cp) != std::u32string_view::npos && i < line.size()) return true;
  const bool paren = cp == U'（' || cp == U'(';
  if (paren) {
    if (i >= line.size()) return false;
    cp = next_code_point(line, i);
  }
  const auto numeral = [](char32_t c) { return (c >= U'0' && c <= U'9') || std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos; };
  if (!numeral(cp)) return false;
  while (i < line.size()) {
    std::size_t j = i;
    cp = next_code_point(line, j);
    if (!numeral(cp)) break;
    i = j;
  }
  if (i >= line.size()) return false;
  cp = next_code_point(line, i);
  return paren ? (cp == U'）' || cp == U')') : (cp == U'、' || cp == U'.' || cp == U'．');
}

}  // namespace

bool is_headline_like(std::string_view line) {
  line = trim(line);
  if (line.empty()) return false;
  if (is_markdown_heading(line)) return true;
  if (starts_with_dateline(line) || ends_with_byline(line)) return false;
  if (code_point_count(line) > 48) return false;
  if (line.find("。") != std::string_view::npos) return false;
  const char32_t last = code_point_before(line, line.size());
  return !(is_terminal(last) || last == U',' || last == U';' || last == U':' || last == U'、');
}

// The words a byline opens with (本报记者 王晓燕, 通讯员 杜鹏).
constexpr std::string_view kBylineLeads[] = {"通讯员", "本报记者", "记者"};

bool ends_with_byline(std::string_view line) {
  line = trim(line);
  // (记者 李华), also before normalisation: （记者 李华）
  if (!line.empty() && line.back() == ')') line = trim(line.substr(0, line.size() - 1));
  if (ends_at(line, line.size(), "）")) line = trim(line.substr(0, line.size() - 3));
  const std::size_t at = line.rfind("记者");
  if (at != std::string_view::npos) {
    const bool at_start = at == 0 || is_terminal(code_point_before(line, at)) || code_point_before(line, at) == U'(' ||
                          code_point_before(line, at) == U'（' ||
                          is_closing(code_point_before(line, at)) || code_point_before(line, at) == U' ';
    if (at_start && is_name_list(strip_photo_credit(line.substr(at + 6)))) return true;
  }
  std::string_view bare = line;
  if (!bare.empty() && bare[0] == '(') bare.remove_prefix(1);
  if (starts_at(bare, 0, "（")) bare.remove_prefix(3);
  for (std::string_view lead : kBylineLeads)
    if (starts_at(bare, 0, lead) && code_point_count(bare) <= 30 && is_name_list(strip_photo_credit(bare.substr(lead.size()))))
      return true;
  // (徐家湾乡党政办供稿): the office that sent the piece in.
  if (code_point_count(bare) <= 30 && (ends_at(bare, bare.size(), "供稿") || ends_at(bare, bare.size(), "来稿"))) return true;
  // "高新时报 方宝岭 文/图": a short credit line.
  const std::string_view stripped = strip_photo_credit(line);
  if (stripped.size() != line.size() && code_point_count(line) <= 30) {
    const std::size_t sp = stripped.find(' ');
    return is_name_list(stripped) || (sp != std::string_view::npos && is_name_list(stripped.substr(sp)));
  }
  return false;
}

std::vector<Article> split_articles(std::string_view text) {
  const std::vector<Span> lines = lines_of(text);
  std::vector<Article> articles;
  Article current;
  auto close = [&] {
    if (current.headline.empty() && current.paragraphs.empty()) return;
    current.seq = static_cast<int>(articles.size()) + 1;
    const Span first = current.headline.empty() ? current.paragraphs.front() : current.headline.front();
    const Span last = current.paragraphs.empty() ? current.headline.back() : current.paragraphs.back();
    current.span = {first.begin, last.end};
    for (const Span& h : current.headline) {
      std::string_view t = h.of(text);
      while (!t.empty() && (t[0] == '#' || t[0] == ' ')) t.remove_prefix(1);
      if (!current.title.empty()) current.title += ' ';
      current.title += t;
    }
    articles.push_back(std::move(current));
    current = Article{};
  };
  // Is line i the start of a headline group whose first body line is a dateline?
  auto headline_group_with_dateline = [&](std::size_t i) {
    std::size_t j = i;
    while (j < lines.size() && is_headline_like(lines[j].of(text)) && j - i < 4) ++j;
    return j > i && j < lines.size() && starts_with_dateline(lines[j].of(text));
  };

  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view line = lines[i].of(text);
    const bool has_body = !current.paragraphs.empty();
    if (has_body && (is_markdown_heading(line) || headline_group_with_dateline(i))) close();
    if (current.paragraphs.empty() && is_headline_like(line) && !starts_with_dateline(line)) {
      current.headline.push_back(lines[i]);
    } else {
      current.paragraphs.push_back(lines[i]);
    }
    // (A line of bylines alone that is the first under the title, 本报记者 王晓燕 通讯员 杜鹏, opens
    // the story; it does not close it.)
    bool opening_byline = current.paragraphs.size() == 1;
    if (opening_byline) {
      const std::string_view t = trim(line);
      opening_byline = starts_at(t, 0, "文/");
      for (std::string_view lead : kBylineLeads) opening_byline = opening_byline || starts_at(t, 0, lead);
    }
    if (ends_with_byline(line) && !current.paragraphs.empty() && !opening_byline) {
      // Credit lines that follow belong to the same article.
      while (i + 1 < lines.size() && ends_with_byline(lines[i + 1].of(text))) current.paragraphs.push_back(lines[++i]);
      if (i + 1 < lines.size() && is_kicker(lines[i + 1].of(text))) continue;  // 【...】 continues the story
      close();
    }
  }
  close();
  return articles;
}

std::vector<Sentence> split_sentences(std::string_view page_text, const Article& article) {
  std::vector<Sentence> sentences;
  Sentence cur;
  std::vector<std::size_t> cur_offsets;  // the page offset of each byte of cur.text
  auto flush = [&](std::size_t end_offset) {
    std::string_view t = trim(cur.text);
    if (!t.empty()) {
      const std::size_t lead = static_cast<std::size_t>(t.data() - cur.text.data());
      Sentence s;
      s.text = std::string(t);
      for (std::size_t k = 0; k < t.size(); ++k) {
        const std::size_t at = cur_offsets[lead + k];
        if (s.runs.empty() || at != s.runs.back().page_begin + (k - s.runs.back().text_begin)) s.runs.push_back({k, at});
      }
      s.span = {cur_offsets[lead], lead + t.size() < cur_offsets.size() ? cur_offsets[lead + t.size()] : end_offset};
      s.paragraph = cur.paragraph;
      sentences.push_back(std::move(s));
    }
    cur = Sentence{};
    cur_offsets.clear();
  };
  for (std::size_t p = 0; p < article.paragraphs.size(); ++p) {
    const Span para = article.paragraphs[p];
    const std::string_view line = para.of(page_text);
    if (cur.text.empty()) cur.paragraph = p;
    for (std::size_t i = 0; i < line.size();) {
      const std::size_t at = i;
      const char32_t cp = next_code_point(line, i);
      if (cur.text.empty()) cur.paragraph = p;
      for (std::size_t k = at; k < i; ++k) cur_offsets.push_back(para.begin + k);
      cur.text.append(line.substr(at, i - at));
      if (is_terminal(cp)) {
        // Keep closing quotes and repeated terminators with the sentence they end.
        while (i < line.size()) {
          std::size_t j = i;
          const char32_t next = next_code_point(line, j);
          if (!is_closing(next) && !is_terminal(next)) break;
          for (std::size_t k = i; k < j; ++k) cur_offsets.push_back(para.begin + k);
          cur.text.append(line.substr(i, j - i));
          i = j;
        }
        flush(para.begin + i);
      }
    }
    // A line that is a heading, a byline, or ends with punctuation closes its sentence; any
    // other line was broken by the print layout and runs on into the next.
    const char32_t last = code_point_before(line, line.size());
    // (…如下：/ 一、甲项目…；/ 二、乙项目…: a line that ends a list's lead or item before a line
    // opening the next item ends its sentence: each item is read on its own.)
    const bool before_item = (last == U'；' || last == U';' || last == U'：' || last == U':') && p + 1 < article.paragraphs.size() &&
                             opens_list_item(article.paragraphs[p + 1].of(page_text));
    if (is_headline_like(line) || ends_with_byline(line) || is_terminal(last) || is_closing(last) || before_item ||
        p + 1 == article.paragraphs.size())
      flush(para.end);
  }
  flush(article.span.end);
  return sentences;
}

std::vector<Span> split_segments(std::string_view sentence) {
  std::vector<Span> segments;
  std::size_t start = 0;
  for (std::size_t i = 0; i < sentence.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(sentence, i);
    if (cp == U';') {
      if (at > start) segments.push_back({start, at});
      start = i;
    }
  }
  if (sentence.size() > start) segments.push_back({start, sentence.size()});
  return segments;
}

}  // namespace aidledger::text
