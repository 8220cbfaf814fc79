#include "aidledger/text/decode.hpp"

#include <openssl/evp.h>
#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::text {
namespace {

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Strict conversion: stops at the first byte sequence that is not valid in `name`.
std::optional<std::size_t> convert(std::string_view bytes, std::size_t skip, const char* name,
                                   std::string& out, OffsetMap& to_file, bool lenient = false) {
  UErrorCode err = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(name, &err));
  if (U_FAILURE(err)) throw std::runtime_error(fmt::format("ICU has no converter for {}", name));
  // Lenient: invalid sequences become U+FFFD (ICU's default substitution) instead of stopping.
  if (!lenient) ucnv_setToUCallBack(conv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::vector<UChar> units(bytes.size() - skip + 16);
  std::vector<int32_t> offsets(units.size());
  const char* src = bytes.data() + skip;
  UChar* target = units.data();
  ucnv_toUnicode(conv.get(), &target, units.data() + units.size(), &src, bytes.data() + bytes.size(),
                 offsets.data(), true, &err);
  if (U_FAILURE(err)) {
    // src points just past the offending sequence; report where it began as best ICU tells us.
    char invalid[8];
    int8_t invalid_len = sizeof invalid;
    UErrorCode e2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(conv.get(), invalid, &invalid_len, &e2);
    std::size_t at = static_cast<std::size_t>(src - bytes.data());
    if (U_SUCCESS(e2) && invalid_len > 0 && at >= static_cast<std::size_t>(invalid_len)) at -= invalid_len;
    return at;
  }
  const auto n = static_cast<std::size_t>(target - units.data());
  out.clear();
  to_file = OffsetMap{};
  out.reserve(n * 3);
  for (std::size_t i = 0; i < n;) {
    char32_t cp = units[i];
    const std::size_t from = skip + static_cast<std::size_t>(offsets[i]);
    if (U16_IS_LEAD(units[i]) && i + 1 < n && U16_IS_TRAIL(units[i + 1])) {
      cp = U16_GET_SUPPLEMENTARY(units[i], units[i + 1]);
      i += 2;
    } else {
      ++i;
    }
    const std::size_t before = out.size();
    append_utf8(out, cp);
    to_file.add(out.size() - before, from, true);
  }
  to_file.finish(bytes.size());
  out.shrink_to_fit();  // (reserved for three bytes a unit: Chinese from UTF-16)
  return std::nullopt;
}

bool is_valid_utf8(std::string_view s, std::size_t& bad) {
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (next_code_point(s, i) == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD") {
      bad = at;
      return false;
    }
  }
  return true;
}

// Where invalid UTF-8 starts (a run of bad bytes is one place), and how many bad bytes there are.
struct Damage {
  std::vector<std::size_t> places;
  std::size_t bytes = 0;
};
Damage invalid_utf8(std::string_view s) {
  Damage d;
  std::size_t previous = std::string_view::npos;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    if (next_code_point(s, i) == 0xFFFD && s.substr(at, 3) != "\xEF\xBF\xBD") {
      if (previous == std::string_view::npos || previous + 1 != at) d.places.push_back(at);
      previous = at;
      ++d.bytes;
    }
  }
  return d;
}

// Per-character normalisation tables, built lazily and shared (ICU objects are costly to create).
class CharNormaliser {
 public:
  static CharNormaliser& instance() {
    static CharNormaliser n;
    return n;
  }
  const std::string& nfkc(char32_t cp) { return lookup(nfkc_cache_, cp, [&](icu::UnicodeString& s) {
    UErrorCode err = U_ZERO_ERROR;
    s = nfkc_->normalize(s, err);
  }); }
  const std::string& simplified(char32_t cp) { return lookup(hans_cache_, cp, [&](icu::UnicodeString& s) {
    hant_hans_->transliterate(s);
  }); }
  std::string simplified_string(std::string_view utf8) {
    std::lock_guard lock(mutex_);
    auto s = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
    hant_hans_->transliterate(s);
    std::string out;
    s.toUTF8String(out);
    return out;
  }

 private:
  CharNormaliser() {
    UErrorCode err = U_ZERO_ERROR;
    nfkc_ = icu::Normalizer2::getNFKCInstance(err);
    if (U_FAILURE(err)) throw std::runtime_error("ICU: NFKC normaliser unavailable");
    hant_hans_.reset(icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, err));
    if (U_FAILURE(err) || !hant_hans_) throw std::runtime_error("ICU: Hant-Hans transliterator unavailable");
  }
  template <class F>
  const std::string& lookup(std::unordered_map<char32_t, std::string>& cache, char32_t cp, F apply) {
    std::lock_guard lock(mutex_);
    auto it = cache.find(cp);
    if (it != cache.end()) return it->second;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    apply(s);
    std::string out;
    s.toUTF8String(out);
    return cache.emplace(cp, std::move(out)).first->second;
  }
  std::mutex mutex_;
  const icu::Normalizer2* nfkc_ = nullptr;
  std::unique_ptr<icu::Transliterator> hant_hans_;
  std::unordered_map<char32_t, std::string> nfkc_cache_, hans_cache_;
};

// The most frequent characters of Chinese prose (Simplified). Bytes read in the wrong legacy
// encoding (Big5 read as GB18030, or the reverse) still decode, but into rare characters; the
// share of these tells the right reading from the wrong one.
constexpr std::u32string_view kCommonHan =
    U"的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法"
    U"所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四"
    U"日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代"
    U"想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手期根论运农指几"
    U"九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收"
    U"证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温"
    U"传土许步群广石记需段研界林律且究观越织装影算低持音众书布复容儿须际商非验连断深难近千周委素技备半办青省列习响约支般史感劳"
    U"便团往历市克何除消构府称准精值号率族维划选标写存候亲快效院查江型按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参"
    U"红细引听该价镇乡村捐赠帮扶助资金区";

double common_share(std::string_view utf8);

// Characters NFKC would turn into something the extractor must not see changed.
bool keep_as_is(char32_t cp) {
  return cp == U'\u3002' /* 。 */ || cp == U'\u3001' /* 、 */;
}

struct Normalised {
  std::string text;
  OffsetMap to_original;
  std::string script;
  std::size_t converted = 0;
};

Normalised normalise_with_map(std::string_view original) {
  auto& norm = CharNormaliser::instance();
  // Which script? Count Han characters that Hant->Hans would change; Simplified text has
  // almost none, Traditional text has many.
  std::size_t han = 0, changed = 0;
  for (std::size_t i = 0; i < original.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(original, i);
    if (!is_han(cp)) continue;
    ++han;
    if (norm.simplified(cp) != original.substr(at, i - at)) ++changed;
  }
  const bool traditional = han > 0 && changed * 100 >= han * 4 && changed >= 2;

  Normalised out;
  out.script = traditional ? "Hant" : "Hans";
  out.text.reserve(original.size());
  for (std::size_t i = 0; i < original.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(original, i);
    if (cp == U'\r') {
      if (i < original.size() && original[i] == '\n') continue;  // CR LF -> LF
      out.text.push_back('\n');
      out.to_original.add(1, at, true);
      continue;
    }
    if (cp == U'\uFEFF' || cp == U'\u200B') continue;  // stray BOM, zero-width space
    std::string piece;
    if (keep_as_is(cp)) {
      piece.assign(original.substr(at, i - at));
    } else {
      piece = norm.nfkc(cp);
      if (piece.empty()) continue;
      if (traditional) {
        std::string simplified;
        for (std::size_t k = 0; k < piece.size();) {
          const char32_t c = next_code_point(piece, k);
          simplified += norm.simplified(c);
        }
        if (simplified != piece) ++out.converted;
        piece = std::move(simplified);
      }
    }
    out.text += piece;
    out.to_original.add(piece.size(), at, code_point_count(piece) == 1);
  }
  out.to_original.finish(original.size());
  return out;
}

double common_share(std::string_view utf8) {
  auto& norm = CharNormaliser::instance();
  std::size_t han = 0, common = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t cp = next_code_point(utf8, i);
    if (!is_han(cp)) continue;
    ++han;
    const std::string s = norm.simplified(cp);
    std::size_t k = 0;
    if (!s.empty() && kCommonHan.find(next_code_point(s, k)) != std::u32string_view::npos) ++common;
  }
  return han == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(han);
}

}  // namespace

void OffsetMap::add(std::size_t length, std::size_t source, bool one_code_point) {
  if (length == 0) return;
  const auto t = static_cast<std::uint32_t>(mapped_), s = static_cast<std::uint32_t>(source);
  mapped_ += length;
  if (one_code_point && !runs_.empty() && runs_.back().parallel &&
      std::int64_t{s} - runs_.back().source_begin == std::int64_t{t} - runs_.back().text_begin)
    return;  // the run goes on
  runs_.push_back({t, s, one_code_point});
}

std::size_t OffsetMap::at(std::string_view text, std::size_t pos) const {
  if (pos >= mapped_ || runs_.empty()) return end_;
  const auto run = std::upper_bound(runs_.begin(), runs_.end(), pos, [](std::size_t p, const Run& r) { return p < r.text_begin; }) - 1;
  if (!run->parallel) return run->source_begin;
  std::size_t start = pos;  // the first byte of the character `pos` is in
  while (start > run->text_begin && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
  return run->source_begin + (start - run->text_begin);
}

std::string Page::original_slice(std::size_t begin, std::size_t end) const {
  const std::size_t a = text_to_original.at(text, begin);
  const std::size_t b = text_to_original.at(text, end);
  return original.substr(a, b > a ? b - a : 0);
}

int Page::line_of(std::size_t pos) const {
  // Called for every report: a binary search over the line starts found once at decoding.
  return static_cast<int>(std::upper_bound(line_starts.begin(), line_starts.end(), pos) - line_starts.begin());
}

DecodeResult decode_page(std::string path, std::string_view bytes, std::string_view encoding) {
  DecodeResult result;
  Page page;
  page.path = std::move(path);
  page.sha256 = sha256_hex(bytes);
  page.file_size = bytes.size();

  auto fail = [&](std::string message, std::size_t at) {
    result.failure = DecodeFailure{std::move(message), at};
    return result;
  };
  auto try_convert = [&](const char* name, std::size_t skip) {
    return convert(bytes, skip, name, page.original, page.original_to_file);
  };

  if (!encoding.empty()) {
    const std::string name(encoding);
    if (auto bad = try_convert(name.c_str(), 0))
      return fail(fmt::format("not valid {} text", name), *bad);
    page.encoding = name;
  } else if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    std::size_t bad = 0;
    if (!is_valid_utf8(bytes.substr(3), bad)) return fail("not valid UTF-8 (after a UTF-8 byte-order mark)", bad + 3);
    if (auto at = try_convert("UTF-8", 3)) return fail("not valid UTF-8 (after a UTF-8 byte-order mark)", *at);
    page.encoding = "UTF-8-BOM";
  } else if (bytes.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4) || bytes.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) {
    // UTF-32 with its byte-order mark (checked before UTF-16, whose mark FF FE it starts with).
    const char* name = bytes[0] == '\xFF' ? "UTF-32LE" : "UTF-32BE";
    if (auto bad = try_convert(name, 4)) return fail(fmt::format("not valid {} text", name), *bad);
    page.encoding = name;
  } else if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF") {
    const bool le = bytes[0] == '\xFF';
    if (auto bad = try_convert(le ? "UTF-16LE" : "UTF-16BE", 2))
      return fail(fmt::format("not valid {} text", le ? "UTF-16LE" : "UTF-16BE"), *bad);
    page.encoding = le ? "UTF-16LE" : "UTF-16BE";
  } else {
    std::size_t bad_utf8 = 0;
    if (bytes.find('\0') != std::string_view::npos)
      return fail("contains NUL bytes: a binary file, or UTF-16 without a byte-order mark", bytes.find('\0'));
    // A UTF-8 page with a few damaged bytes (a flipped bit, a cut-off last character) is read with
    // U+FFFD in their place and a warning; real GB18030 or Big5 text is dense with such bytes.
    const Damage damage = is_valid_utf8(bytes, bad_utf8) ? Damage{} : invalid_utf8(bytes);
    const bool slight = damage.places.size() <= 16 && damage.bytes <= std::max<std::size_t>(4, bytes.size() / 1000);
    if (damage.bytes == 0) {
      if (auto at = try_convert("UTF-8", 0)) return fail("not valid UTF-8 text", *at);  // never read as empty
      page.encoding = "UTF-8";
    } else if (slight) {
      convert(bytes, 0, "UTF-8", page.original, page.original_to_file, true);
      page.encoding = "UTF-8";
      page.replaced_bytes = damage.places;
    } else {
      // Both legacy encodings may accept the same bytes; keep the reading that looks like Chinese.
      std::string gb, big5;
      OffsetMap gb_map, big5_map;
      const bool gb_ok = !convert(bytes, 0, "GB18030", gb, gb_map);
      const bool big5_ok = !convert(bytes, 0, "Big5-HKSCS", big5, big5_map);
      if (!gb_ok && !big5_ok) return fail("not valid UTF-8, GB18030 or Big5 text", bad_utf8);
      const bool use_big5 = big5_ok && (!gb_ok || common_share(big5) > common_share(gb));
      page.original = std::move(use_big5 ? big5 : gb);
      page.original_to_file = std::move(use_big5 ? big5_map : gb_map);
      page.encoding = use_big5 ? "Big5" : "GB18030";
    }
  }

  auto normalised = normalise_with_map(page.original);
  page.text = std::move(normalised.text);
  page.text_to_original = std::move(normalised.to_original);
  page.script = std::move(normalised.script);
  page.converted_characters = normalised.converted;
  page.line_starts.push_back(0);
  for (std::size_t i = 0; i < page.text.size(); ++i)
    if (page.text[i] == '\n') page.line_starts.push_back(i + 1);
  result.page = std::move(page);
  return result;
}

std::string normalise(std::string_view utf8) {
  return normalise_with_map(utf8).text;
}

std::string to_simplified(std::string_view utf8) {
  std::string nfkc;
  auto& norm = CharNormaliser::instance();
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(utf8, i);
    nfkc += keep_as_is(cp) ? std::string(utf8.substr(at, i - at)) : norm.nfkc(cp);
  }
  return norm.simplified_string(nfkc);
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (!EVP_Digest(bytes.data(), bytes.size(), digest, &len, EVP_sha256(), nullptr))
    throw std::runtime_error("OpenSSL: SHA-256 failed");
  std::string hex;
  hex.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) hex += fmt::format("{:02x}", digest[i]);
  return hex;
}

}  // namespace aidledger::text
