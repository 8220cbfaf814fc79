// What the fuzz targets (fuzz/) found, each as a readable case. The inputs themselves are replayed
// from fuzz/regressions/ by the fuzz_regressions_* tests.
#include <doctest/doctest.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/decode.hpp"
#include "aidledger/text/utf8.hpp"

using namespace aidledger;

TEST_CASE("fuzz_money: a range never runs downwards (2万至3 was 20000..3 yuan)") {
  for (const char* s : {"2万至3", "20000元到3元", "5千至2"}) {
    for (const auto& m : extract::scan_measures(text::normalise(s))) {
      CAPTURE(s);
      if (m.high) CHECK(*m.high >= m.value);
    }
  }
  // 2万 before 至 (a Han character) and without 元 is no amount of its own.
  CHECK(extract::scan_measures(text::normalise("2万至3")).empty());
  const auto ms = extract::scan_measures(text::normalise("20000元到3元"));
  REQUIRE(ms.size() == 2);
  CHECK(ms[0].value == 2000000);
  CHECK_FALSE(ms[0].high.has_value());
  // Real ranges are still read.
  const auto r = extract::scan_measures(text::normalise("2至3万元"));
  REQUIRE(r.size() == 1);
  CHECK(r[0].value == 2000000);
  CHECK(r[0].high == 3000000);
}

TEST_CASE("fuzz_page: a UTF-8 page with an encoded surrogate or an overlong form is not read as empty") {
  // ED B1 A8 is U+DC68 written in UTF-8, C0 80 an overlong NUL: neither is UTF-8. The page was
  // judged valid UTF-8, ICU then refused it and the page was silently read as empty (0 articles,
  // exit 0). Now such bytes are damage like any other: U+FFFD and a warning with the byte.
  for (const std::string bad : {"\xED\xB1\xA8", "\xC0\x80", "\xF4\x90\x80\x80", "\xE0\x80\xAF"}) {
    const std::string bytes = "高新区向徐家湾乡捐赠50万元。" + bad + "\n";
    auto r = text::decode_page("p.txt", bytes);
    REQUIRE(r.page.has_value());
    CHECK(r.page->encoding == "UTF-8");
    CHECK(r.page->text.find("捐赠50万元") != std::string::npos);
    CHECK(r.page->replaced_bytes == std::vector<std::size_t>{std::string("高新区向徐家湾乡捐赠50万元。").size()});
    CHECK(r.page->original_to_file.size() == r.page->original.size() + 1);
  }
  std::size_t at = 0;
  CHECK(text::next_code_point("\xED\xB1\xA8", at) == 0xFFFD);
  CHECK(at == 1);
  at = 0;
  CHECK(text::next_code_point("\xF0\x9F\x98\x80", at) == 0x1F600);  // a real 4-byte character
  // After a UTF-8 BOM such bytes are refused with their offset, as other invalid UTF-8 there is.
  auto bom = text::decode_page("p.txt", "\xEF\xBB\xBF" "捐赠\xED\xB1\xA8");
  REQUIRE(bom.failure.has_value());
  CHECK(bom.failure->byte_offset == 9);
}
