#include "aidledger/report/totals.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"

namespace aidledger::report {

using extract::add_checked;

std::string format_wan_plain(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  return fmt::format("{}{}.{:06}", negative ? "-" : "", v / 1'000'000, v % 1'000'000);
}

std::string format_wan(std::int64_t fen) {
  const bool negative = fen < 0;
  std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  v = (v + 50) / 100;  // whole yuan, half up: four decimals of 万
  // (fmt's locale-free {:L} is not used: the grouping is always the comma.)
  const std::string digits = std::to_string(v / 10'000);
  std::string whole;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) whole.push_back(',');
    whole.push_back(digits[i]);
  }
  return fmt::format("{}{}.{:04}万元", negative ? "-" : "", whole, v % 10'000);
}

bool one_township(const ledger::LineFilter& f) { return !f.township.empty() && f.township != "JOINT"; }

bool own_line(const ledger::TotalRow& r, const ledger::LineFilter& f) { return !(one_township(f) && r.township == "JOINT"); }

Totals compute_totals(const std::vector<ledger::TotalRow>& rows, const ledger::LineFilter& f) {
  Totals t;
  for (const auto& r : rows) add_to_totals(t, r, f);
  return t;
}

void add_to_totals(Totals& t, const ledger::TotalRow& r, const ledger::LineFilter& f) {
  {
    ++t.lines;
    t.townships.insert(r.township);
    const std::int64_t fen = r.amount_fen.value_or(0);
    // A JOINT line belongs to no single township, a cumulative claim as much as a payment.
    const bool own = own_line(r, f);
    if (!own) {
      ++t.shared_lines;
      for (const auto& other : r.covers)
        if (other != f.township) t.shared_with.insert(other);
    }
    if (r.aggregate) {
      add_checked(own ? t.cumulative_claims : t.shared_cumulative_claims, fen, own ? "the cumulative claims" : "the shared cumulative claims");
      return;
    }
    // The range shows each end at its own precision (2019 – 2024-10-24).
    if (!r.date_first.empty() && (t.first_key.empty() || r.date_first < t.first_key)) {
      t.first_key = r.date_first;
      t.first_date = r.date;
    }
    if (!r.date_last.empty() && r.date_last > t.last_key) {
      t.last_key = r.date_last;
      t.last_date = r.date;
    }
    const bool pledged = r.status == "pledged";
    if (!own) {
      add_checked(pledged ? t.shared_pledged : t.shared_disbursed, fen, "the shared JOINT total");
      if (!pledged && !r.amount_fen && r.quantity) add_checked(t.shared_goods_by_unit[r.unit], *r.quantity, "a shared quantity of goods");
      add_checked((pledged ? t.year_township_pledged : t.year_township)[r.year][r.township], fen, "a year's shared JOINT total");
      return;
    }
    auto& d = t.donors[r.donor];
    d.category = r.donor_category;
    if (pledged) {
      add_checked(t.pledged, fen, "the pledged total");
      add_checked(t.year_township_pledged[r.year][r.township], fen, "a township's pledged total");
      add_checked(d.pledged, fen, "a donor's pledged total");
    } else if (r.amount_fen) {
      add_checked(t.disbursed, fen, "the disbursed total");
      add_checked(t.disbursed_by_kind[r.kind], fen, "the disbursed total of a kind");
      add_checked(t.year_kind[r.year][r.kind], fen, "a year's disbursed total");
      add_checked(t.year_township[r.year][r.township], fen, "a township's disbursed total");
      add_checked(d.by_year[r.year], fen, "a donor's disbursed total");
      add_checked(d.disbursed, fen, "a donor's disbursed total");
    } else if (r.quantity) {
      add_checked(t.goods_by_unit[r.unit], *r.quantity, "a quantity of goods");
      add_checked(t.year_unit[r.year][r.unit], *r.quantity, "a quantity of goods");
      add_checked(d.goods[r.unit], *r.quantity, "a donor's quantity of goods");
    } else {
      ++d.unquantified;
    }
  }
}

std::vector<Summary> summarise(const std::vector<ledger::TotalRow>& rows, const ledger::LineFilter& f, bool by_donor, bool by_year) {
  std::map<std::string, Summary> whole;                // per name
  std::map<std::pair<std::string, int>, Summary> out;  // by_year: per name and year (0: undated)
  for (const auto& r : rows) {
    // A township view's donors count its own lines; its JOINT lines are the townships' JOINT row.
    if (by_donor && !own_line(r, f)) continue;
    const std::string& key = by_donor ? r.donor : r.township;
    auto add = [&](Summary& s) {
      s.name = key;
      s.category = r.donor_category;
      add_checked(s.lines, r.lines, fmt::format("the line count of {}", key));
      if (r.year != 0) {
        if (s.first_year == 0 || r.year < s.first_year) s.first_year = r.year;
        s.last_year = std::max(s.last_year, r.year);
      }
      if (r.aggregate) return;  // aggregates never enter totals
      if (r.status == "pledged") {
        add_checked(s.pledged_fen, r.amount_fen.value_or(0), fmt::format("the pledged total of {}", key));
      } else if (r.amount_fen) {
        add_checked(s.disbursed_fen, *r.amount_fen, fmt::format("the disbursed total of {}", key));
        if (r.kind == "in_kind") add_checked(s.in_kind_fen, *r.amount_fen, fmt::format("the in-kind total of {}", key));
      } else if (r.quantity) {
        add_checked(s.goods[r.unit], *r.quantity, fmt::format("a quantity of goods of {}", key));
      }
    };
    add(whole[key]);
    if (by_year) add(out[{key, r.year}]);
  }
  // Largest first (disbursed and pledged together); the sum for sorting saturates rather than wraps.
  auto both = [](const Summary& s) {
    return extract::checked_sum(s.disbursed_fen, s.pledged_fen).value_or(std::numeric_limits<std::int64_t>::max());
  };
  std::vector<Summary> names;
  for (auto& [k, s] : whole) names.push_back(s);
  std::stable_sort(names.begin(), names.end(), [&](const Summary& a, const Summary& b) { return both(a) > both(b); });
  if (!by_year) return names;
  std::vector<Summary> v;
  for (const auto& n : names) {
    std::optional<Summary> undated;
    for (auto it = out.lower_bound({n.name, std::numeric_limits<int>::min()}); it != out.end() && it->first.first == n.name; ++it) {
      it->second.year = it->first.second;
      if (it->second.year == 0) undated = std::move(it->second);
      else v.push_back(std::move(it->second));
    }
    if (undated) v.push_back(std::move(*undated));
  }
  return v;
}

namespace {
void add_into(Summary& t, const Summary& s) {
  add_checked(t.disbursed_fen, s.disbursed_fen, fmt::format("the disbursed total of {}", t.name));
  add_checked(t.pledged_fen, s.pledged_fen, fmt::format("the pledged total of {}", t.name));
  add_checked(t.in_kind_fen, s.in_kind_fen, fmt::format("the in-kind total of {}", t.name));
  for (const auto& [unit, q] : s.goods) add_checked(t.goods[unit], q, fmt::format("the quantity in {} of {}", unit, t.name));
  t.lines += s.lines;
  if (s.first_year != 0 && (t.first_year == 0 || s.first_year < t.first_year)) t.first_year = s.first_year;
  t.last_year = std::max(t.last_year, s.last_year);
}
}  // namespace

Summary total_of(const std::vector<Summary>& rows, const std::string& name) {
  Summary t;
  t.name = name;
  for (const auto& s : rows) add_into(t, s);
  return t;
}

std::vector<Summary> totals_by_year(const std::vector<Summary>& rows, const std::string& name) {
  std::map<int, Summary> by;
  for (const auto& s : rows) {
    Summary& t = by[s.year];
    t.name = name;
    t.year = s.year;
    add_into(t, s);
  }
  std::vector<Summary> out;
  for (auto& [y, t] : by)
    if (y != 0) out.push_back(std::move(t));
  if (auto it = by.find(0); it != by.end()) out.push_back(std::move(it->second));  // undated last
  return out;
}

}  // namespace aidledger::report
