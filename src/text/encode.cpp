#include "aidledger/text/encode.hpp"

#include <unicode/translit.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <memory>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include <fmt/format.h>

#include "aidledger/text/decode.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::text {
namespace {

// Hans-Hant per character, cached (ICU transliterators are costly to create and to run).
class Traditionaliser {
 public:
  static Traditionaliser& instance() {
    static Traditionaliser t;
    return t;
  }
  const std::string& of(char32_t cp) {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(cp);
    if (it != cache_.end()) return it->second;
    icu::UnicodeString s(static_cast<UChar32>(cp));
    hans_hant_->transliterate(s);
    std::string trad;
    s.toUTF8String(trad);
    std::string simp;
    append_utf8(simp, cp);
    // Keep the character when the reader would not turn the Traditional form back into it.
    if (trad.empty() || to_simplified(trad) != simp) trad = simp;
    return cache_.emplace(cp, std::move(trad)).first->second;
  }

 private:
  Traditionaliser() {
    UErrorCode err = U_ZERO_ERROR;
    hans_hant_.reset(icu::Transliterator::createInstance("Hans-Hant", UTRANS_FORWARD, err));
    if (U_FAILURE(err) || !hans_hant_) throw std::runtime_error("ICU: Hans-Hant transliterator unavailable");
  }
  std::mutex mutex_;
  std::unique_ptr<icu::Transliterator> hans_hant_;
  std::unordered_map<char32_t, std::string> cache_;
};

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

}  // namespace

std::string to_traditional(std::string_view utf8) {
  auto& t = Traditionaliser::instance();
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(utf8, i);
    if (is_han(cp)) out += t.of(cp);
    else out.append(utf8.substr(at, i - at));
  }
  return out;
}

std::optional<std::string> encode(std::string_view utf8, std::string_view encoding) {
  if (encoding == "UTF-8") return std::string(utf8);
  if (encoding == "UTF-8-BOM") {
    std::string out("\xEF\xBB\xBF");
    out += utf8;
    return out;
  }
  const char* icu_name = nullptr;
  std::string bom;
  if (encoding == "UTF-16LE") icu_name = "UTF-16LE", bom = "\xFF\xFE";
  else if (encoding == "UTF-16BE") icu_name = "UTF-16BE", bom = "\xFE\xFF";
  else if (encoding == "GB18030") icu_name = "GB18030";
  else if (encoding == "Big5") icu_name = "Big5";
  else throw std::invalid_argument(fmt::format("cannot write pages in {}: use UTF-8, UTF-8-BOM, UTF-16LE, UTF-16BE, GB18030 or Big5", encoding));

  UErrorCode err = U_ZERO_ERROR;
  const auto units = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::unique_ptr<UConverter, ConverterCloser> conv(ucnv_open(icu_name, &err));
  if (U_FAILURE(err)) throw std::runtime_error(fmt::format("ICU has no converter for {}", icu_name));
  // Stop at a character the encoding lacks instead of writing a substitute.
  ucnv_setFromUCallBack(conv.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::string out(static_cast<std::size_t>(units.length()) * 4 + 16, '\0');
  const int32_t n = ucnv_fromUChars(conv.get(), out.data(), static_cast<int32_t>(out.size()), units.getBuffer(),
                                    units.length(), &err);
  if (U_FAILURE(err)) return std::nullopt;
  out.resize(static_cast<std::size_t>(n));
  out.insert(0, bom);
  return out;
}

std::string to_crlf(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size() + utf8.size() / 40);
  for (char c : utf8) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace aidledger::text
