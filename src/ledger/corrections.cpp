#include "aidledger/ledger/corrections.hpp"

#include <fmt/format.h>

#include "aidledger/text/utf8.hpp"

namespace aidledger::ledger {
namespace {

// Splits a line into words; "..." quotes keep spaces (key="a b" is one word).
std::vector<std::string> words(std::string_view line, std::string& error) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if ((c == ' ' || c == '\t') && !quoted) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      cur += c;
      any = true;
    }
  }
  if (quoted) error = "a quote \" is not closed";
  if (any) out.push_back(cur);
  return out;
}

const char* kKnownFields[] = {"date", "donor", "kind", "status", "amount", "quantity", "unit", "item", "township",
                              "recipient", "approximate", "aggregate", "line"};

}  // namespace

std::vector<Correction> parse_corrections(std::string_view text, const std::string& file) {
  std::vector<Correction> out;
  int line_no = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i != text.size() && text[i] != '\n') continue;
    std::string_view line = text::trim(text.substr(start, i - start));
    start = i + 1;
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    Correction c;
    c.file = file;
    c.line = line_no;
    auto ws = words(line, c.error);
    c.action = ws.empty() ? "" : ws[0];
    for (std::size_t k = 1; k < ws.size(); ++k) {
      const std::size_t eq = ws[k].find('=');
      if (eq == std::string::npos) {
        c.targets.push_back(ws[k]);
        continue;
      }
      const std::string key = ws[k].substr(0, eq), value = ws[k].substr(eq + 1);
      if (key == "reason") {
        c.reason = value;
        continue;
      }
      bool known = false;
      for (const char* f : kKnownFields) known = known || key == f;
      if (!known && c.error.empty()) c.error = fmt::format("unknown field '{}'", key);
      c.fields[key] = value;
      c.fields_text += (c.fields_text.empty() ? "" : " ") + key + "=" + value;
    }
    const std::size_t want_targets = c.action == "merge" ? 2 : c.action == "add" ? 0 : 1;
    if (!c.error.empty()) {
    } else if (c.action != "set" && c.action != "exclude" && c.action != "merge" && c.action != "split" && c.action != "add") {
      c.error = fmt::format("unknown action '{}' (set, exclude, merge, split, add)", c.action);
    } else if (c.targets.size() != want_targets) {
      c.error = fmt::format("{} takes {} report reference{} (ARTICLE@BYTE), found {}", c.action, want_targets,
                            want_targets == 1 ? "" : "s", c.targets.size());
    } else if (c.reason.empty()) {
      c.error = "every correction needs reason=\"...\"";
    } else if (c.action == "set" && c.fields.empty()) {
      c.error = "set needs at least one field=value";
    }
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace aidledger::ledger
