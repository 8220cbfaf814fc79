// UTF-8 text -> the bytes of a page in another script or encoding: the reverse of decode.hpp,
// for writing pages (the corpus generator) rather than reading them.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace aidledger::text {

/// Simplified -> Traditional script (ICU's Hans-Hant), character by character. A character whose
/// Traditional form would not read back as itself through to_simplified (one Traditional form for
/// several Simplified characters) is kept as it is, so decoding the result gives back `utf8`.
std::string to_traditional(std::string_view utf8);

/// `utf8` in `encoding`: UTF-8, UTF-8-BOM, UTF-16LE or UTF-16BE (each written with its byte-order
/// mark), GB18030 or Big5. Nothing when a character has no form in that encoding; throws
/// std::invalid_argument for an encoding not listed.
std::optional<std::string> encode(std::string_view utf8, std::string_view encoding);

/// CR LF for every LF (a page saved on Windows).
std::string to_crlf(std::string_view utf8);

}  // namespace aidledger::text
