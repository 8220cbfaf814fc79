// The audit checks: one registry of (name, level, label and description in Chinese and English,
// function). `aidledger check` and the workbook's 待核查 Review sheet both render run_checks(), so
// they show the same findings; a check is added here once.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aidledger/ledger/filter.hpp"
#include "aidledger/ledger/reader.hpp"

namespace aidledger::report {

enum class Level { info, warning, error };
std::string_view to_string(Level l);    // info | warning | error (the command's output)
std::string level_label(Level l);       // 提示 info | 警告 warning | 错误 error

struct Finding;
/// A finding's message as people read it: the Chinese, then the English beside it.
std::string finding_text(const Finding& f);

struct Finding {
  std::string check;       // the check's name
  Level level = Level::warning;
  std::string file;        // where to look: the page file (or the corrections file)
  int line = 0;
  std::int64_t event_id = 0;
  std::string message;     // English (the "message" of `check --format csv|json`)
  std::string message_zh;  // the same in Chinese (the table of `check` and the Review sheet show both, Chinese first)
  std::vector<std::string> evidence;
  // What the Review sheet shows beside the message.
  std::string date, donor, townships;
  std::optional<std::int64_t> amount_fen, covered_fen, gap_fen;
  std::string source;      // article id (line N) of the earliest report, or FILE:LINE of a correction
};

/// How a finding shows a file path the ledger recorded (the caller's: relative to where it runs).
using PathStyle = std::function<std::string(const std::string&)>;

struct CheckScope {
  ledger::LineFilter filter;   // the lines (events) looked at; empty = the whole ledger
  PathStyle show_path;         // file paths of findings and evidence, when given
};

/// Where a check puts each finding it makes.
using Emit = std::function<void(Finding&&)>;

struct CheckInfo {
  std::string name;            // reports-disagree
  Level level;
  std::string label_zh, label_en;              // 报道不一致 / Reports disagree
  std::string description_zh, description_en;
  std::function<void(const ledger::Reader&, const CheckScope&, const Emit&)> run;
  std::string label() const { return label_zh + " " + label_en; }
};
/// The named checks, in the order they run.
const std::vector<CheckInfo>& checks();
/// The check named `name`, or nullptr.
const CheckInfo* find_check(std::string_view name);

/// Runs every check, or only `only` (a name from checks()), over the lines of `scope.filter`,
/// handing each finding to `use` as it is made (the Review sheet of a ledger of any size, in
/// constant memory). A sum past int64 throws std::overflow_error naming the ledger.
void each_finding(const ledger::Reader& reader, const std::string& only, const CheckScope& scope, const Emit& use);
/// Runs every check, or only `only` (a name from checks()), over the lines of `scope.filter`.
/// Findings come in the registry's order. A sum past int64 throws std::overflow_error naming the
/// ledger.
std::vector<Finding> run_checks(const ledger::Reader& reader, const std::string& only = {}, const CheckScope& scope = {});
/// The same with a path style only (the whole ledger).
std::vector<Finding> run_checks(const ledger::Reader& reader, const std::string& only, const PathStyle& show_path);

}  // namespace aidledger::report
