#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/text/csv.hpp"

namespace aidledger::ledger {
namespace {


std::string join_sources(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += ';';
    s += x;
  }
  return s;
}

std::string amount(const ExportLine& l) { return l.amount_fen ? extract::format_fen(*l.amount_fen) : ""; }
std::string quantity(const ExportLine& l) { return l.quantity ? std::to_string(*l.quantity) : ""; }
std::string year(const ExportLine& l) { return l.year ? std::to_string(*l.year) : ""; }

}  // namespace

std::string to_csv(const std::vector<ExportLine>& lines, bool neutralise) {
  // Text columns are neutralised; event_id, year, amount_yuan, approximate, quantity and aggregate
  // are numbers and are written as they are.
  auto csv_field = [neutralise](const std::string& s) { return text::csv_text(s, neutralise); };
  std::string out =
      "event_id,date,date_precision,year,kind,status,donor,recipient,township,amount_yuan,approximate,quantity,unit,"
      "item,aggregate,sources\n";
  for (const auto& l : lines) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}\n", l.event_id, csv_field(l.date),
                       csv_field(l.date_precision), year(l), csv_field(l.kind), csv_field(l.status), csv_field(l.donor), csv_field(l.recipient),
                       csv_field(l.township), amount(l), l.approximate ? 1 : 0, quantity(l), csv_field(l.unit),
                       csv_field(l.item), l.aggregate ? 1 : 0, csv_field(join_sources(l.sources)));
  }
  return out;
}

std::string to_json(const std::vector<ExportLine>& lines) {
  // Same keys and values as the CSV columns, so either format feeds the same tools.
  nlohmann::ordered_json arr = nlohmann::ordered_json::array();
  for (const auto& l : lines) {
    nlohmann::ordered_json o;
    o["event_id"] = l.event_id;
    o["date"] = l.date;
    o["date_precision"] = l.date_precision;
    o["year"] = l.year ? nlohmann::ordered_json(*l.year) : nlohmann::ordered_json(nullptr);
    o["kind"] = l.kind;
    o["status"] = l.status;
    o["donor"] = l.donor;
    o["recipient"] = l.recipient;
    o["township"] = l.township;
    o["amount_yuan"] = amount(l);
    o["approximate"] = l.approximate ? 1 : 0;
    o["quantity"] = quantity(l);
    o["unit"] = l.unit;
    o["item"] = l.item;
    o["aggregate"] = l.aggregate ? 1 : 0;
    o["sources"] = join_sources(l.sources);
    arr.push_back(std::move(o));
  }
  return arr.dump(2) + "\n";
}

}  // namespace aidledger::ledger
