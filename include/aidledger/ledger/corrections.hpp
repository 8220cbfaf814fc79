// The user's corrections file: one correction a line, each with a reason, applied at every
// ingest on top of what the articles say. A correction names a report by its reference
// ARTICLE@BYTE (the article id and the file offset of the amount, as `explain` prints it), which
// stays valid as long as the page file is unchanged.
//
//   set     REF field=value ... [line=TOWNSHIP] reason="..."   fields: date donor kind status amount
//                                                             quantity unit item township recipient
//                                                             approximate aggregate
//   exclude REF [line=TOWNSHIP] reason="..."                  the event, or one of its lines
//   merge   REF REF reason="..."                              the second report's event joins the first's
//   split   REF reason="..."                                  the report leaves its event for one of its own
//   add     date=... donor=... township=... kind=... status=... amount=...|quantity=... unit=... reason="..."
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace aidledger::ledger {

struct Correction {
  std::string file;
  int line = 0;
  std::string action;                        // set | exclude | merge | split | add
  std::vector<std::string> targets;          // report references
  std::map<std::string, std::string> fields;
  std::string fields_text;                   // as written, for the record
  std::string reason;
  std::string error;                         // set when the line cannot be understood
};

/// Parses the file; lines that cannot be understood come back with `error` set, so they are
/// reported and recorded rather than dropped.
std::vector<Correction> parse_corrections(std::string_view text, const std::string& file);

struct CorrectionStats {
  int applied = 0, unmatched = 0, invalid = 0;
  std::vector<std::string> problems;         // "FILE:LINE: message"
};

}  // namespace aidledger::ledger
