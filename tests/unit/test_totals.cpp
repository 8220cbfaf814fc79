// The one totals model: aggregates and pledges stay out of disbursed totals; a township view
// counts its own lines and keeps the JOINT lines it shares apart, naming the townships.
#include <algorithm>

#include <doctest/doctest.h>

#include "aidledger/report/totals.hpp"

using aidledger::ledger::LineFilter;
using aidledger::ledger::TotalRow;
using aidledger::report::compute_totals;
using aidledger::report::summarise;
using aidledger::report::total_of;

namespace {
TotalRow line(std::string township, std::int64_t fen, std::string status = "disbursed", bool aggregate = false,
              std::vector<std::string> covers = {}) {
  TotalRow r;
  r.kind = "cash";
  r.status = std::move(status);
  r.aggregate = aggregate;
  r.date = "2021-05-04";
  r.year = 2021;
  r.date_first = r.date_last = r.date;
  r.donor = "甲公司";
  r.donor_category = "enterprise";
  r.township = std::move(township);
  r.covers = std::move(covers);
  r.amount_fen = fen;
  return r;
}
// What the ledger's filter keeps for a township: its lines and the JOINT lines covering it.
std::vector<TotalRow> keep(const std::vector<TotalRow>& rows, const std::string& t) {
  std::vector<TotalRow> out;
  for (const auto& r : rows)
    if (r.township == t || (r.township == "JOINT" && std::find(r.covers.begin(), r.covers.end(), t) != r.covers.end())) out.push_back(r);
  return out;
}
}  // namespace

TEST_CASE("township totals add up to the whole, JOINT lines apart and once") {
  const std::vector<TotalRow> rows = {
      line("甲乡", 100'00), line("乙镇", 250'00), line("JOINT", 1000'00, "disbursed", false, {"甲乡", "乙镇"}),
      line("甲乡", 5000'00, "pledged"), line("乙镇", 99999'00, "disbursed", true), line("", 7'00)};
  const auto whole = compute_totals(rows, {});
  CHECK(whole.disbursed == 1357'00);  // pledge and cumulative claim excluded
  CHECK(whole.pledged == 5000'00);
  CHECK(whole.cumulative_claims == 99999'00);
  CHECK(whole.shared_disbursed == 0);

  LineFilter a, b;
  a.township = "甲乡";
  b.township = "乙镇";
  const auto ta = compute_totals(keep(rows, "甲乡"), a), tb = compute_totals(keep(rows, "乙镇"), b);
  CHECK(ta.disbursed == 100'00);
  CHECK(tb.disbursed == 250'00);
  CHECK(ta.shared_disbursed == 1000'00);
  CHECK(tb.shared_disbursed == 1000'00);
  CHECK(ta.shared_with == std::set<std::string>{"乙镇"});
  CHECK(tb.shared_with == std::set<std::string>{"甲乡"});
  // Own lines of each township + the JOINT lines once + the unresolved = the whole.
  CHECK(ta.disbursed + tb.disbursed + ta.shared_disbursed + 7'00 == whole.disbursed);
  // A shared cumulative claim is no township's own either: apart, beside the shared lines.
  CHECK(ta.cumulative_claims == 0);
  CHECK(tb.cumulative_claims == 99999'00);
  CHECK(ta.shared_cumulative_claims == 0);
  CHECK(tb.shared_cumulative_claims == 0);
  // Donors in a township view count its own lines; the townships view keeps JOINT as its own row.
  const auto donors = summarise(keep(rows, "甲乡"), a, true, false);
  REQUIRE(donors.size() == 1);
  CHECK(donors[0].disbursed_fen == 100'00);
  const auto towns = summarise(keep(rows, "甲乡"), a, false, false);
  REQUIRE(towns.size() == 2);
  CHECK(total_of(towns, "t").disbursed_fen == 1100'00);
}

TEST_CASE("a JOINT cumulative claim is shared, in no township's own claims") {
  const std::vector<TotalRow> rows = {line("JOINT", 6851'00, "disbursed", true, {"甲乡", "乙镇"}), line("甲乡", 300'00, "disbursed", true),
                                      line("JOINT", 1000'00, "disbursed", false, {"甲乡", "乙镇"}), line("", 20'00, "disbursed", true)};
  const auto whole = compute_totals(rows, {});
  CHECK(whole.cumulative_claims == 7171'00);
  CHECK(whole.shared_cumulative_claims == 0);
  LineFilter a, b;
  a.township = "甲乡";
  b.township = "乙镇";
  const auto ta = compute_totals(keep(rows, "甲乡"), a), tb = compute_totals(keep(rows, "乙镇"), b);
  CHECK(ta.cumulative_claims == 300'00);
  CHECK(tb.cumulative_claims == 0);
  CHECK(ta.shared_cumulative_claims == 6851'00);
  CHECK(tb.shared_cumulative_claims == 6851'00);
  CHECK(ta.shared_lines == 2);  // the claim and the disbursed line
  CHECK(tb.shared_with == std::set<std::string>{"甲乡"});
  // Own claims of each township + the JOINT claims once + the unresolved = the whole.
  CHECK(ta.cumulative_claims + tb.cumulative_claims + ta.shared_cumulative_claims + 20'00 == whole.cumulative_claims);
  // A view of JOINT itself owns its lines.
  LineFilter j;
  j.township = "JOINT";
  CHECK(compute_totals({rows[0], rows[2]}, j).cumulative_claims == 6851'00);
}

TEST_CASE("万元 from fen, exact and for people") {
  using aidledger::report::format_wan;
  using aidledger::report::format_wan_plain;
  CHECK(format_wan_plain(472753800) == "472.753800");
  CHECK(format_wan_plain(1) == "0.000001");
  CHECK(format_wan_plain(-150) == "-0.000150");
  CHECK(format_wan(472753800) == "472.7538万元");
  CHECK(format_wan(123456789012300) == "123,456,789.0123万元");
  CHECK(format_wan(49) == "0.0000万元");
  CHECK(format_wan(50) == "0.0001万元");  // half a yuan rounds up
  CHECK(format_wan(0) == "0.0000万元");
}
