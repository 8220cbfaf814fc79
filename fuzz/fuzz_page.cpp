// libFuzzer target: one page end to end, as `aidledger extract` and `ingest` read it: bytes in any
// encoding -> text::decode_page (detection of UTF-8, UTF-16, GB18030, Big5) -> extract_page with
// the built-in gazetteer and directory. Every offset the extractor cites must map back into the
// file, and the evidence sentence must be printable (original_slice), as the CLI prints it.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/extract/page.hpp"
#include "aidledger/extract/places.hpp"
#include "aidledger/extract/organisations.hpp"
#include "aidledger/text/decode.hpp"
#include "fuzz_check.hpp"

using namespace aidledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = text::decode_page("fuzz/page.txt", bytes);
  if (!decoded.page) {
    FUZZ_CHECK(decoded.failure.has_value());
    FUZZ_CHECK(decoded.failure->byte_offset <= size);
    return 0;
  }
  FUZZ_CHECK(decoded.page->file_size == size);
  const auto result = extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(),
                                            extract::Directory::builtin());
  const text::Page& page = result.page;
  FUZZ_CHECK(page.text_to_original.size() == page.text.size() + 1);
  FUZZ_CHECK(page.original_to_file.size() == page.original.size() + 1);

  for (const auto& a : result.articles) {
    FUZZ_CHECK(a.file_begin <= a.file_end && a.file_end <= size);
    FUZZ_CHECK(a.line >= 1);
  }
  for (const auto& r : result.reports) {
    FUZZ_CHECK(r.sentence.begin <= r.sentence.end && r.sentence.end <= page.text.size());
    const std::size_t b = page.file_offset(r.sentence.begin), e = page.file_offset(r.sentence.end);
    FUZZ_CHECK(b <= e && e <= size);
    FUZZ_CHECK(page.line_of(r.sentence.begin) >= 1);
    (void)page.original_slice(r.sentence.begin, r.sentence.end);
    if (r.date) (void)extract::format_date(*r.date);
    for (const auto& al : r.allocations) {
      if (al.amount_fen) {
        FUZZ_CHECK(*al.amount_fen >= 0);
        (void)extract::format_fen(*al.amount_fen);
        if (al.amount_high_fen) FUZZ_CHECK(*al.amount_high_fen >= *al.amount_fen);
      }
    }
  }
  return 0;
}
