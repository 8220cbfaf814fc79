// Bytes -> checked, normalised UTF-8 text that remembers where every byte came from.
//
// A page goes through two steps:
//   decode     any common Chinese encoding (UTF-8 with or without BOM, UTF-16 or UTF-32 with BOM,
//              GB18030/GBK, Big5) -> UTF-8 in the original script (`original`);
//   normalise  per character: NFKC (full-width digits and punctuation -> ASCII), Traditional ->
//              Simplified when the page is written in Traditional script, CR LF -> LF (`text`).
// Offsets into `text` map back to `original` and to the bytes of the file, so every extracted
// fact can cite the exact bytes it was read from.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace aidledger::text {

struct DecodeFailure {
  std::string message;       // what is wrong, e.g. "not valid UTF-8, GB18030 or Big5"
  std::size_t byte_offset;   // first offending byte in the file
};

/// Where each byte of a UTF-8 text came from in its source (the decoded text in the file's bytes,
/// the normalised text in the decoded text): the offset of the source character it was made from,
/// the same for every byte of that character; and, for the text's end, the source's end.
/// Kept as runs, not an offset per byte (four bytes of memory for each byte of a page, twice over;
/// issue 8, big pages): a run of characters each laid where its source character lies, at one
/// distance from it (most of a UTF-8 page is one run), or one character made into several (NFKC,
/// ½ -> 1⁄2), which all map to its source.
class OffsetMap {
 public:
  /// Maps the next `length` bytes of the text, which hold one code point when `one_code_point`,
  /// to the source character at `source`. Sources never go back.
  void add(std::size_t length, std::size_t source, bool one_code_point);
  /// Ends the map: the end of the text maps to `source_end`.
  void finish(std::size_t source_end) { end_ = static_cast<std::uint32_t>(source_end); }
  /// The source offset of byte `pos` (<= text.size()) of `text`, the text the map was made for.
  std::size_t at(std::string_view text, std::size_t pos) const;
  /// The bytes mapped, plus one for the end (text.size() + 1 once made).
  std::size_t size() const { return mapped_ + 1; }

 private:
  struct Run {
    std::uint32_t text_begin = 0;
    std::uint32_t source_begin = 0;
    bool parallel = false;  // characters of one code point each, at one distance from their source
  };
  std::vector<Run> runs_;
  std::size_t mapped_ = 0;
  std::uint32_t end_ = 0;
};

struct Page {
  std::string path;
  std::string sha256;         // of the file's bytes, as `sha256sum` prints it
  std::size_t file_size = 0;
  std::string encoding;       // UTF-8, UTF-8-BOM, UTF-16LE, UTF-16BE, UTF-32LE, UTF-32BE, GB18030, Big5
  std::string script;         // Hans or Hant
  std::size_t converted_characters = 0;  // characters changed by Traditional -> Simplified
  std::vector<std::size_t> replaced_bytes;  // file offsets of invalid UTF-8 read as U+FFFD

  std::string original;                   // decoded UTF-8, original script
  OffsetMap original_to_file;              // original.size()+1 entries
  std::string text;                        // normalised UTF-8 that the extractor reads
  OffsetMap text_to_original;              // text.size()+1 entries
  std::vector<std::size_t> line_starts;          // offsets in `text` where lines begin

  /// File byte offset of normalised position `pos` (a code-point boundary or text.size()).
  std::size_t file_offset(std::size_t pos) const { return original_to_file.at(original, text_to_original.at(text, pos)); }
  /// The original-script text behind normalised span [begin, end).
  std::string original_slice(std::size_t begin, std::size_t end) const;
  /// 1-based line number of normalised position `pos`.
  int line_of(std::size_t pos) const;
};

/// Decodes and normalises a page. `encoding` forces a converter name (as ICU knows it); empty
/// means detect. Returns the failure instead when the bytes are not text in any supported
/// encoding.
struct DecodeResult {
  std::optional<Page> page;
  std::optional<DecodeFailure> failure;
};
DecodeResult decode_page(std::string path, std::string_view bytes, std::string_view encoding = {});

/// Convenience for tests and the `parse` commands: normalise UTF-8 text (NFKC and, when it is
/// mostly Traditional, Traditional -> Simplified).
std::string normalise(std::string_view utf8);

/// Traditional -> Simplified for a short string regardless of its overall script (names, queries).
std::string to_simplified(std::string_view utf8);

/// SHA-256 of bytes as lower-case hex.
std::string sha256_hex(std::string_view bytes);

}  // namespace aidledger::text
