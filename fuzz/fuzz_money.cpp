// libFuzzer target: the money and quantity parser (aidledger/extract/numbers.hpp).
// The input is any bytes; it is normalised as pages are (NFKC, Traditional -> Simplified) and
// scanned. Besides the sanitizers' checks (ASan, UBSan: a wrapped __int128 or int64 aborts), the
// results must be sane: spans inside the text, no negative amount, a range's high end not below
// its low end, a floor always approximate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/decode.hpp"
#include "fuzz_check.hpp"

using namespace aidledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view raw(reinterpret_cast<const char*>(data), size);

  // The numeral reader on its own, on the raw run as given.
  if (auto n = extract::parse_numeral(raw)) FUZZ_CHECK(n->scaled >= 0);
  (void)extract::parse_integer(raw);

  const std::string text = text::normalise(raw);
  for (const extract::Measure& m : extract::scan_measures(text)) {
    FUZZ_CHECK(m.span.begin <= m.span.end && m.span.end <= text.size());
    FUZZ_CHECK(m.value >= 0);
    if (m.high) FUZZ_CHECK(*m.high >= m.value);
    if (m.lower_bound) FUZZ_CHECK(m.approximate);
    if (m.kind == extract::MeasureKind::money) {
      FUZZ_CHECK(m.unit.empty());
      const std::string fen = extract::format_fen(m.value);
      FUZZ_CHECK(!fen.empty() && fen[0] != '-');
      (void)extract::format_yuan(m.value);
      if (m.high) (void)extract::format_yuan(*m.high);
    } else {
      FUZZ_CHECK(!m.unit.empty());
    }
  }
  return 0;
}
