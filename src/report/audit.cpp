#include "aidledger/report/audit.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/report/labels.hpp"
#include "aidledger/text/utf8.hpp"

namespace aidledger::report {

std::vector<Summary> donor_summaries(const ledger::Reader& r, const ledger::LineFilter& f, bool by_year) {
  return summarise(r.total_groups(f, true), f, true, by_year);
}
std::vector<Summary> township_summaries(const ledger::Reader& r, const ledger::LineFilter& f, bool by_year) {
  return summarise(r.total_groups(f, false), f, false, by_year);
}
Totals totals_of(const ledger::Reader& r, const ledger::LineFilter& f) {
  Totals t;
  r.each_total_row(f, [&](const ledger::TotalRow& row) { add_to_totals(t, row, f); });
  return t;
}

std::string reading_label(const ReportOfEvent& r) {
  std::string s;
  for (const auto& x : r.reads) {
    const std::string& named = x.township.empty() ? x.recipient : x.township;
    const std::string who = x.township == "JOINT" ? fmt::format("{}({})", township_label(x.township), x.covers)
                            : named.empty()       ? std::string(1, '?')
                                                  : named;
    std::string what;
    if (x.amount_fen) what = extract::format_yuan(*x.amount_fen);
    if (x.quantity) what += fmt::format("{}{}{}", what.empty() ? "" : " ", *x.quantity, r.unit);
    s += fmt::format("{}{} {}", s.empty() ? "" : " + ", who, what.empty() ? "(无金额 no amount)" : what);
  }
  return fmt::format("{}; 日期 date {} ({})", s, r.date_text.empty() ? "未知 unknown" : r.date_text, precision_label(r.precision));
}

std::string correction_label(const ledger::CorrectionRecord& c) {
  return report::correction_label(c.action, c.target, c.fields, c.reason, c.message);
}

std::optional<EventDetail> event_detail(const ledger::Reader& r, std::int64_t id) { return r.event_detail(id); }

std::vector<EventDetail> timeline(const ledger::Reader& r, const ledger::LineFilter& f) {
  std::vector<EventDetail> out;
  for (std::int64_t id : r.event_ids(f))
    if (auto d = r.event_detail(id)) out.push_back(std::move(*d));
  return out;
}

bool donor_known(const ledger::Reader& r, const std::string& text) { return r.donor_known(text); }

std::vector<std::string> suggest_donors(const ledger::Reader& r, const std::string& text, std::size_t max) {
  std::vector<std::pair<int, std::string>> scored;
  for (const std::string& name : r.organisation_names()) {
    // Characters of generic words (公司, 集团, 有限 …) say nothing about which organisation is meant.
    static constexpr std::string_view generic = "有限责任公司股份集团科技郑州河南市区";
    int shared = 0;
    for (std::size_t i = 0; i < text.size();) {
      const std::size_t at = i;
      text::next_code_point(text, i);
      const std::string_view ch = std::string_view(text).substr(at, i - at);
      if (generic.find(ch) == std::string_view::npos && name.find(ch) != std::string::npos) ++shared;
    }
    if (shared > 0) scored.emplace_back(shared, name);
  }
  // Most shared characters first; among equals, the shorter name (closer to what was typed).
  std::stable_sort(scored.begin(), scored.end(), [](auto& a, auto& b) {
    return a.first != b.first ? a.first > b.first : a.second.size() < b.second.size();
  });
  std::vector<std::string> out;
  for (auto& [n, name] : scored) {
    if (out.size() == max) break;
    out.push_back(name);
  }
  return out;
}

}  // namespace aidledger::report
