// libFuzzer target: the date parser and resolver (aidledger/extract/dates.hpp), and the page's
// publication date from its masthead and its file name (aidledger/extract/page.hpp).
// The input is any bytes, normalised as pages are. Every mention is resolved in reading order
// against a fixed reference day, as `aidledger parse date` does; resolved ranges must be valid
// days in order and print as what parse_iso_range reads back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <date/date.h>

#include "aidledger/extract/dates.hpp"
#include "aidledger/extract/page.hpp"
#include "aidledger/text/decode.hpp"
#include "fuzz_check.hpp"

using namespace aidledger;

namespace {

void check_range(const extract::DateRange& d) {
  FUZZ_CHECK(d.first.ok() && d.last.ok());
  FUZZ_CHECK(d.first <= d.last);
  FUZZ_CHECK(!extract::format_date(d).empty());
  (void)extract::format_date_start(d);
}

void resolve_all(const std::string& text, std::optional<extract::DateRange> reference) {
  extract::DateResolver resolver(reference);
  for (const extract::DateMention& m : extract::scan_dates(text)) {
    FUZZ_CHECK(m.span.begin <= m.span.end && m.span.end <= text.size());
    if (auto d = resolver.resolve(m)) check_range(*d);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);
  const std::string text = text::normalise(raw);

  using namespace date::literals;
  resolve_all(text, extract::DateRange::day(2024_y / 10 / 25));  // a day, as from a manifest
  resolve_all(text, extract::DateRange::year(2021_y));            // only a year, as inferred
  resolve_all(text, std::nullopt);                                // nothing known

  if (auto y = extract::infer_page_year(text)) (void)y;
  if (auto d = extract::date_in_header(text)) check_range(*d);
  if (size < 256) {
    if (auto d = extract::date_in_file_name(raw)) check_range(*d);
  }

  // What format_date prints, parse_iso_range reads (the ledger stores dates that way).
  for (auto p : {extract::Precision::day, extract::Precision::month, extract::Precision::year}) {
    if (auto d = extract::parse_iso_range(raw, p)) (void)extract::format_date(*d);
  }
  return 0;
}
