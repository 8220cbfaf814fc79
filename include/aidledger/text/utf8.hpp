// UTF-8 helpers: code-point iteration over std::string with byte offsets.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace aidledger::text {

/// Decodes the code point starting at `pos` and advances `pos` past it. Invalid bytes decode
/// as U+FFFD one byte at a time (text reaching the extractor is already validated).
char32_t next_code_point(std::string_view s, std::size_t& pos);

/// Byte offset of the code point that ends just before `pos` (0 when pos is 0).
std::size_t previous_code_point_start(std::string_view s, std::size_t pos);

/// The code point that ends just before `pos`, or 0 at the start.
char32_t code_point_before(std::string_view s, std::size_t pos);

/// The code point starting at `pos`, or 0 at the end.
char32_t code_point_at(std::string_view s, std::size_t pos);

void append_utf8(std::string& out, char32_t cp);

bool is_han(char32_t cp);
/// Every code point of a non-empty `s` is a Han character.
bool all_han(std::string_view s);

/// Number of code points in s.
std::size_t code_point_count(std::string_view s);

/// Columns one code point takes in a terminal, from ICU's East Asian Width property: wide and
/// full-width characters (Han, kana, full-width forms) 2, combining marks and format characters 0,
/// everything else 1.
std::size_t code_point_width(char32_t cp);

/// Display width in a terminal: the sum of code_point_width over s.
std::size_t display_width(std::string_view s);

/// `s` when it fits in `width` display columns; otherwise its longest prefix that fits with "…"
/// after it (the result may be one column narrower when a wide character would straddle the end).
/// A width of 0 gives "".
std::string cut_to_width(std::string_view s, std::size_t width);

/// `s` broken into lines of at most `width` display columns (at least one character a line):
/// at the last space when there is one in the line's second half, else between characters (Chinese
/// has no spaces). The spaces at a break are dropped. "" gives one empty line.
std::vector<std::string> wrap_to_width(std::string_view s, std::size_t width);

/// True when s[pos..] starts with word.
inline bool starts_at(std::string_view s, std::size_t pos, std::string_view word) {
  return pos <= s.size() && s.substr(pos).substr(0, word.size()) == word;
}

/// True when s[..pos] ends with word.
inline bool ends_at(std::string_view s, std::size_t pos, std::string_view word) {
  return pos >= word.size() && pos <= s.size() && s.substr(pos - word.size(), word.size()) == word;
}

/// Text from pages or the ledger made safe for a terminal: control characters that could move the
/// cursor, erase or recolour what was printed before (ESC, backspace, CR and the other C0 controls,
/// DEL, the C1 controls U+0080–U+009F) and the bidirectional overrides (U+202A–U+202E,
/// U+2066–U+2069) are written as visible escapes (\x1b, \u202e); a byte that is not UTF-8 as
/// \xff. Newline and tab stay when `keep_layout` (free text); in a table cell they are escaped too.
std::string terminal_safe(std::string_view s, bool keep_layout = true);

/// Removes ASCII white space, U+3000 and newlines from both ends.
std::string_view trim(std::string_view s);

}  // namespace aidledger::text
