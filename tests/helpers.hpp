// Helpers shared by the ledger tests: pages made from text, reports found by their sentence.
#pragma once
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "aidledger/ledger/ledger.hpp"
#include "ledger_access.hpp"

namespace aidledger::testing {

/// A page at `path` holding `text`, extracted with the built-in data; article ids "<stem>#<n>".
inline extract::PageExtraction page(const std::string& path, const std::string& text) {
  auto decoded = text::decode_page(path, text);
  REQUIRE(decoded.page.has_value());
  extract::PageOptions o;
  o.id_prefix = extract::file_stem(path);
  return extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(), extract::Directory::builtin(), o);
}

/// The ledger's connection, for tests that look at (or damage) the tables directly.
inline SQLite::Database& database(ledger::Ledger& l) { return ledger::TestAccess::database(l); }

/// The reference ARTICLE@BYTE of the first report whose sentence contains `part`.
inline std::string ref(ledger::Ledger& l, const std::string& part) {
  SQLite::Statement q(database(l), "SELECT article_id || '@' || measure_start FROM mentions WHERE instr(sentence, ?) > 0 ORDER BY id LIMIT 1");
  q.bind(1, part);
  REQUIRE(q.executeStep());
  return q.getColumn(0).getString();
}

}  // namespace aidledger::testing
