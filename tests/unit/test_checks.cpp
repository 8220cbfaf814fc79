// The audit checks are one registry: `aidledger check` (run_checks) and the workbook's Review
// sheet render the same findings.
#include <algorithm>
#include <set>

#include <doctest/doctest.h>

#include "aidledger/ledger/ledger.hpp"
#include "aidledger/report/audit.hpp"
#include "aidledger/report/checks.hpp"
#include "aidledger/report/labels.hpp"
#include "aidledger/report/report.hpp"
#include "helpers.hpp"

using namespace aidledger;
using testing::page;
using testing::ref;

namespace {

// Keeps every sheet's rows in memory (the workbook read back, without a file).
class CapturingSink final : public report::SheetSink {
 public:
  struct Sheet {
    std::string name;
    std::vector<std::vector<report::Cell>> rows;
    std::vector<report::RowStyle> styles;
  };
  std::vector<Sheet> sheets;
  void begin_sheet(const std::string& name, const std::string&, const std::vector<double>&) override { sheets.push_back({name, {}, {}}); }
  void row(const std::vector<report::Cell>& cells, report::RowStyle style) override {
    sheets.back().rows.push_back(cells);
    sheets.back().styles.push_back(style);
  }
  void end_sheet() noexcept override {}
  void finish() override {}
  const Sheet& sheet(const std::string& name) const {
    for (const auto& s : sheets)
      if (s.name == name) return s;
    FAIL("no sheet " << name);
    return sheets.front();
  }
};

// A ledger with one of each known problem.
void known_problems(ledger::Ledger& l) {
  ledger::IngestStats st;
  // A pledge and tranches that pay more than it.
  l.ingest(page("p.txt", "协议\n\n本报讯 2023年6月8日,高新区与卢氏县汤河乡签订协议,决定向汤河乡捐赠100万元。\n"), st);
  l.ingest(page("t1.txt", "拨付\n\n本报讯 2023年9月1日,高新区向汤河乡捐赠60万元,这是协议的首批资金。\n"), st);
  l.ingest(page("t2.txt", "拨付\n\n本报讯 2024年3月1日,高新区向汤河乡捐赠50万元,这是协议的第二批资金。\n"), st);
  // Two reports a person merged that disagree on the amount.
  l.ingest(page("a.txt", "帮扶\n\n本报讯 2022年3月1日,某某公司向官坡镇捐赠20万元。\n"), st);
  l.ingest(page("b.txt", "帮扶\n\n本报讯 2022年3月9日,某某公司向官坡镇捐赠25万元。\n"), st);
  // A cumulative claim beside what it may cover; an approximate amount.
  l.ingest(page("c.txt", "回顾\n\n本报讯 2022年1月5日,高新区干部职工采购官坡镇农产品约3万元。\n"), st);
  l.ingest(page("d.txt", "回顾\n\n本报讯 2022年12月1日,高新区累计采购官坡镇农产品10万元。\n"), st);
  l.apply_corrections(ledger::parse_corrections("merge " + ref(l, "20万元") + " " + ref(l, "25万元") + " reason=\"one gift\"\n"
                                                "set a#9@1 date=2021 reason=\"an old reference\"\n",
                                                "fix.txt"));
}

}  // namespace

TEST_CASE("check and the Review sheet show the same findings, from one registry") {
  ledger::Ledger l(":memory:");
  known_problems(l);
  const auto findings = report::run_checks(l);
  std::set<std::string> fired;
  for (const auto& f : findings) fired.insert(f.check);
  for (const char* c : {"tranche-exceeds-pledge", "reports-disagree", "correction-unmatched", "correction-applied", "cumulative-claim",
                        "approximate-amount"})
    CHECK_MESSAGE(fired.count(c) == 1, c);

  CapturingSink sink;
  report::write_report(l, {}, {"test", ":memory:", report::Unit::yuan}, sink);
  const auto& review = sink.sheet("待核查 Review");
  // Title, blank, header, then one row per finding, in the registry's order.
  REQUIRE(review.rows.size() == 3 + findings.size());
  CHECK(review.rows[2][0].text == "检查 Check");
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const auto& row = review.rows[3 + i];
    const auto& f = findings[i];
    const auto* c = report::find_check(f.check);
    REQUIRE(c != nullptr);
    CHECK(row[0].text == c->label());                      // 报道不一致 Reports disagree
    CHECK(row[1].text == report::level_label(f.level));   // 错误 error
    CHECK(row[2].value == f.event_id);
    // The detail: Chinese first, the English of `check` beside it.
    CHECK(row[9].text == f.message_zh + "\n" + f.message);
    CHECK_FALSE(f.message_zh.empty());
  }
  // The drift the registry ends: Review compared amounts only; quantities, dates and the
  // tranches of a pledge are findings of both now.
  bool overrun = false;
  for (std::size_t i = 0; i < findings.size(); ++i)
    if (findings[i].check == "tranche-exceeds-pledge") {
      overrun = true;
      CHECK(review.rows[3 + i][6].value == 100000000);  // pledged
      CHECK(review.rows[3 + i][7].value == 110000000);  // paid
      CHECK(review.rows[3 + i][8].value == -10000000);  // gap
    }
  CHECK(overrun);
}

TEST_CASE("the Review sheet of a filtered report shows the findings of the filter's lines") {
  ledger::Ledger l(":memory:");
  known_problems(l);
  ledger::LineFilter f;
  f.township = "官坡镇";
  report::CheckScope scope;
  scope.filter = f;
  const auto findings = report::run_checks(l, {}, scope);
  for (const auto& x : findings) CHECK(x.check != "tranche-exceeds-pledge");  // 汤河乡's pledge is not in this view
  CapturingSink sink;
  report::write_report(l, f, {"test", ":memory:", report::Unit::yuan}, sink);
  CHECK(sink.sheet("待核查 Review").rows.size() == 3 + findings.size());
}

TEST_CASE("every check has a name, a level and a description in Chinese and English; the Definitions sheet lists them") {
  std::set<std::string> names;
  for (const auto& c : report::checks()) {
    CHECK(names.insert(c.name).second);
    CHECK_FALSE(c.label_zh.empty());
    CHECK_FALSE(c.label_en.empty());
    CHECK_FALSE(c.description_zh.empty());
    CHECK_FALSE(c.description_en.empty());
    CHECK(static_cast<bool>(c.run));
  }
  ledger::Ledger l(":memory:");
  CapturingSink sink;
  report::write_report(l, {}, {"test", ":memory:", report::Unit::yuan}, sink);
  const auto& defs = sink.sheet("说明 Definitions");
  std::size_t listed = 0;
  for (const auto& row : defs.rows)
    for (const auto& c : report::checks())
      if (!row.empty() && row[0].text.rfind(c.label(), 0) == 0) {
        ++listed;
        CHECK(row[1].text == c.description_zh);
        CHECK(row[2].text == c.description_en);
      }
  CHECK(listed == report::checks().size());
}

// What a person reads of a finding, an event's story and a merge is Chinese first with the
// English beside: an English-only value reaching check, explain, the Timeline or the Review fails here.
TEST_CASE("findings, explain values, merge reasons and corrections: no English-only text") {
  ledger::Ledger l(":memory:");
  known_problems(l);
  // Reports the extractor wrote notes on (explain prints them).
  ledger::IngestStats st;
  l.ingest(page("n.txt", "助学\n\n本报讯 2022年5月1日,某某公司为官坡镇40名学生每人发放助学金500元。"
                         "某某集团为官坡镇困难群众每户发放慰问金800元。\n"), st);
  auto chinese_before_english = [](const std::string& s) {
    const auto letter = s.find_first_of("abcdefghijklmnopqrstuvwxyz");
    return report::has_chinese(s.substr(0, letter));
  };
  const auto findings = report::run_checks(l);
  REQUIRE_FALSE(findings.empty());
  for (const auto& f : findings) {
    INFO(f.check << ": " << report::finding_text(f));
    CHECK(report::finding_text(f) == f.message_zh + " " + f.message);
    CHECK(chinese_before_english(f.message_zh));
    // No English sentence inside the Chinese (as a correction's message was).
    CHECK(f.message_zh.find(" the ") == std::string::npos);
    CHECK(f.message_zh.find("no report") == std::string::npos);
  }
  // Every event's story as explain prints it.
  int merged = 0, corrected = 0, noted = 0;
  for (std::int64_t id = 1; id <= l.last_event_id(); ++id) {
    const auto d = report::event_detail(l, id);
    if (!d) continue;
    INFO("event " << id);
    CHECK(chinese_before_english(report::distribution_label(d->distribution)));
    CHECK(chinese_before_english(report::date_basis_label(d->date_basis)));
    for (const auto& r : d->reports) {
      CHECK(chinese_before_english(report::donor_basis_label(r.donor_basis)));
      CHECK(chinese_before_english(report::date_basis_label(r.date_basis)));
      CHECK(chinese_before_english(report::reading_label(r)));
      CHECK(report::reading_label(r).find("; 日期 date ") != std::string::npos);
      if (!r.notes.empty()) {
        ++noted;
        INFO(r.notes);
        CHECK(chinese_before_english(report::note_label(r.notes)));
      }
      const std::string why = report::merge_reason_label(r.merge_reason);
      if (r.merge_reason != "first report") ++merged;
      std::size_t start = 0;
      while (true) {
        const std::size_t at = why.find("; ", start);
        INFO(why);
        CHECK(chinese_before_english(why.substr(start, at == std::string::npos ? std::string::npos : at - start)));
        if (at == std::string::npos || r.merge_reason.rfind("merged by correction", 0) == 0) break;
        start = at + 2;
      }
    }
    for (const auto& c : d->corrections) {
      ++corrected;
      const std::string text = report::correction_label(c);
      INFO(text);
      CHECK(text.find("理由 reason") != std::string::npos);
      if (!c.message.empty()) CHECK(chinese_before_english(text.substr(text.rfind("; ") + 2)));
    }
  }
  CHECK(merged > 0);
  CHECK(corrected > 0);
  CHECK(noted > 0);
  // The workbook: the Timeline's merge reasons and the Review's detail.
  CapturingSink sink;
  report::write_report(l, {}, {"test", ":memory:", report::Unit::yuan}, sink);
  int reasons = 0;
  for (const auto& row : sink.sheet("时间线 Timeline").rows) {
    if (row.size() < 13 || row[12].text.empty() || row[12].text == "其他报道与合并理由 Other reports and why merged") continue;
    std::size_t start = 0;
    const std::string& s = row[12].text;
    while (start < s.size()) {
      const std::size_t end = std::min(s.find('\n', start), s.size());
      const std::string line = s.substr(start, end - start);
      const std::string why = line.substr(line.find("): ") + 3);
      INFO(line);
      CHECK(chinese_before_english(why));
      ++reasons;
      start = end + 1;
    }
  }
  CHECK(reasons > 0);
  for (const auto& row : sink.sheet("待核查 Review").rows)
    if (row.size() > 9 && !row[9].text.empty() && row[9].text != "说明 Detail") {
      INFO(row[9].text);
      CHECK(chinese_before_english(row[9].text.substr(0, row[9].text.find('\n'))));
      CHECK(row[9].text.substr(0, row[9].text.find('\n')).find(" the ") == std::string::npos);
    }
}
