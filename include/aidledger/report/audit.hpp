// Read models for the audit commands: donor and township summaries, the full story of an event
// (explain, timeline), and the names behind the refusal of an unknown donor. Plain data read
// through the ledger reader; the CLI renders them. The audit checks are in checks.hpp.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "aidledger/ledger/filter.hpp"
#include "aidledger/ledger/reader.hpp"
#include "aidledger/report/checks.hpp"
#include "aidledger/report/totals.hpp"

namespace aidledger::report {

using ledger::EventDetail;
using ledger::EventLine;
using ledger::ReportOfEvent;

/// summarise() (totals.hpp) over the lines `f` keeps.
std::vector<Summary> donor_summaries(const ledger::Reader& r, const ledger::LineFilter& f, bool by_year = false);
std::vector<Summary> township_summaries(const ledger::Reader& r, const ledger::LineFilter& f, bool by_year = false);
/// The totals of the lines `f` keeps, as the view `f` sees them (totals.hpp).
Totals totals_of(const ledger::Reader& r, const ledger::LineFilter& f);

/// What one report reads, Chinese first with English beside:
/// "徐家湾乡 ¥1,500,000.00 + 合并 JOINT(徐家湾乡、双龙湾镇) 20台; 日期 date 2019-11-23 (报道日 reported)".
std::string reading_label(const ReportOfEvent& r);
/// A correction line as explain and the Review sheet show it, "set donor=… (理由 reason: …); 已设置 set donor=…".
std::string correction_label(const ledger::CorrectionRecord& c);

std::optional<EventDetail> event_detail(const ledger::Reader& r, std::int64_t id);
/// Events with at least one line the filter keeps, in date order.
std::vector<EventDetail> timeline(const ledger::Reader& r, const ledger::LineFilter& f);

/// True when some organisation's canonical name or alias contains `text`.
bool donor_known(const ledger::Reader& r, const std::string& text);
/// Donor names sharing the most characters with `text`, best first.
std::vector<std::string> suggest_donors(const ledger::Reader& r, const std::string& text, std::size_t max = 3);

}  // namespace aidledger::report
