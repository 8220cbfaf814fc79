#include "aidledger/text/utf8.hpp"

#include <algorithm>
#include <cctype>
#include <cstdint>

#include <unicode/uchar.h>

#include <fmt/format.h>

namespace aidledger::text {

std::string terminal_safe(std::string_view s, bool keep_layout) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (keep_layout && (c == '\n' || c == '\t')) out += static_cast<char>(c);
      else if (c < 0x20 || c == 0x7F) out += fmt::format("\\x{:02x}", c);
      else out += static_cast<char>(c);
      ++i;
      continue;
    }
    std::size_t j = i;
    const char32_t cp = next_code_point(s, j);
    if (cp == 0xFFFD && s.substr(i, 3) != "\xEF\xBF\xBD") {
      out += fmt::format("\\x{:02x}", c);  // not UTF-8
    } else if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
      out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
    } else {
      out.append(s.substr(i, j - i));
    }
    i = j;
  }
  return out;
}

char32_t next_code_point(std::string_view s, std::size_t& pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char b0 = byte(pos);
  std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
  if (len == 0 || pos + len > s.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const unsigned char b = byte(pos + k);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8 (ICU refuses them too).
  const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
    ++pos;
    return 0xFFFD;
  }
  pos += len;
  return cp;
}

std::size_t previous_code_point_start(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = pos - 1;
  while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80 && pos - i < 4) --i;
  return i;
}

char32_t code_point_before(std::string_view s, std::size_t pos) {
  if (pos == 0) return 0;
  std::size_t i = previous_code_point_start(s, pos);
  return next_code_point(s, i);
}

char32_t code_point_at(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return 0;
  return next_code_point(s, pos);
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool is_han(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_IDEOGRAPHIC) || cp == U'〇';
}

bool all_han(std::string_view s) {
  for (std::size_t i = 0; i < s.size();)
    if (!is_han(next_code_point(s, i))) return false;
  return !s.empty();
}

std::size_t code_point_count(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    next_code_point(s, i);
    ++n;
  }
  return n;
}

std::size_t code_point_width(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  switch (u_charType(cp)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR: return 0;
    default: break;
  }
  const auto ea = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) ? 2 : 1;
}

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) w += code_point_width(next_code_point(s, i));
  return w;
}

std::string cut_to_width(std::string_view s, std::size_t width) {
  if (display_width(s) <= width) return std::string(s);
  if (width == 0) return "";
  // Room for the ellipsis (one column) at the end.
  std::size_t used = 0, end = 0;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t w = code_point_width(next_code_point(s, i));
    if (used + w > width - 1) break;
    used += w;
    end = i;
  }
  return std::string(s.substr(0, end)) + "\u2026";
}

namespace {
// Punctuation that may not begin a line.
bool closing_punctuation(char32_t c) {
  static constexpr std::u32string_view marks = U"，。、；：？！）」』”’》〉】,.;:?!)]}%";
  return marks.find(c) != std::u32string_view::npos;
}
}  // namespace

std::vector<std::string> wrap_to_width(std::string_view s, std::size_t width) {
  std::vector<std::string> lines;
  width = std::max<std::size_t>(width, 1);
  while (display_width(s) > width) {
    // The longest prefix that fits (at least one character), the last space in its second half,
    // and where the run of ASCII letters and digits the prefix ends in began (5000 stays whole).
    auto word_char = [](char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); };
    std::size_t used = 0, end = 0, space = std::string_view::npos, run = 0, run_used = 0;
    char32_t last = 0;
    bool split_run = false;
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t at = i;
      const char32_t cp = next_code_point(s, i);
      const std::size_t w = code_point_width(cp);
      if (end > 0 && used + w > width) {
        split_run = word_char(cp) && word_char(last);
        break;
      }
      if (cp == U' ' && used >= width / 2) space = at;
      if (!word_char(cp)) run = i, run_used = used + w;
      used += w;
      end = i;
      last = cp;
    }
    std::size_t cut = end, resume = end;
    if (space != std::string_view::npos && space > 0) {
      cut = space;
      resume = space;
    } else if (split_run && run > 0 && run_used >= width / 2) {
      cut = run;
      resume = run;
    } else if (cut < s.size() && closing_punctuation(code_point_at(s, cut)) && cut > 0) {
      // A line does not begin with a comma or a closing bracket (Chinese typesetting): the
      // character before it moves down with it.
      const std::size_t before = previous_code_point_start(s, cut);
      if (before > 0) cut = resume = before;
    }
    std::string_view line = s.substr(0, cut);
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    lines.emplace_back(line);
    s.remove_prefix(resume);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  }
  if (!s.empty() || lines.empty()) lines.emplace_back(s);
  return lines;
}

std::string_view trim(std::string_view s) {
  auto is_space_at_front = [&](std::string_view v) {
    if (v.empty()) return std::size_t{0};
    unsigned char c = static_cast<unsigned char>(v[0]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return std::size_t{1};
    if (v.substr(0, 3) == "\u3000") return std::size_t{3};
    return std::size_t{0};
  };
  auto is_space_at_back = [&](std::string_view v) {
    if (v.empty()) return std::size_t{0};
    unsigned char c = static_cast<unsigned char>(v.back());
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return std::size_t{1};
    if (v.size() >= 3 && v.substr(v.size() - 3) == "\u3000") return std::size_t{3};
    return std::size_t{0};
  };
  for (std::size_t n; (n = is_space_at_front(s)) > 0;) s.remove_prefix(n);
  for (std::size_t n; (n = is_space_at_back(s)) > 0;) s.remove_suffix(n);
  return s;
}

}  // namespace aidledger::text
