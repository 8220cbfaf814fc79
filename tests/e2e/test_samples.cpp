// End to end on sample_data/: the ledger a careful reader writes down from the five pages
// (the same expectations as the project's expected-ledger file, kept here so that the suite
// needs nothing outside the repository).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "aidledger/ledger/ledger.hpp"

using namespace aidledger;

namespace {

void ingest_samples(ledger::Ledger& l) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(std::string(AIDLEDGER_SOURCE_DIR) + "/sample_data"))
    files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  REQUIRE(files.size() == 5);
  ledger::IngestStats st;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    auto decoded = text::decode_page(f, ss.str());
    REQUIRE(decoded.page.has_value());
    extract::PageOptions o;
    o.id_prefix = l.article_prefix(f, decoded.page->sha256);
    l.ingest(extract::extract_page(std::move(*decoded.page), extract::Gazetteer::builtin(), extract::Directory::builtin(), o), st);
  }
}

struct Want {
  std::string year, township, kind, status, donor_part;
  std::optional<std::int64_t> fen, quantity;
  std::string unit;
  bool aggregate = false;
};

// How many exported lines match; each expectation must match exactly one line.
int matching(const std::vector<ledger::ExportLine>& lines, const Want& w) {
  int n = 0;
  for (const auto& x : lines) {
    const std::string year = x.year ? std::to_string(*x.year) : "";
    if (!w.year.empty() && year != w.year) continue;
    if (w.township != "?" && x.township != w.township) continue;
    if (!w.kind.empty() && x.kind != w.kind) continue;
    if (x.status != w.status || x.aggregate != w.aggregate) continue;
    if (!w.donor_part.empty() && x.donor.find(w.donor_part) == std::string::npos) continue;
    if (x.amount_fen != w.fen || x.quantity != w.quantity) continue;
    if (!w.unit.empty() && x.unit.find(w.unit) == std::string::npos) continue;
    ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("sample_data: every expected line, and nothing else") {
  ledger::Ledger l(":memory:");
  ingest_samples(l);
  const auto lines = l.export_lines();
  const std::vector<Want> wants = {
      {"2024", "徐家湾乡", "cash", "disbursed", "高新区", 50000000, {}, "", false},
      {"2024", "双龙湾镇", "cash", "disbursed", "高新区", 50000000, {}, "", false},
      {"2024", "JOINT", "in_kind", "disbursed", "羲和", 15000000, {}, "", false},
      {"2019", "徐家湾乡", "cash", "disbursed", "高新区", 150000000, {}, "", false},
      {"2019", "双龙湾镇", "cash", "disbursed", "高新区", 150000000, {}, "", false},
      {"2023", "双龙湾镇", "cash", "pledged", "高新区", 150000000, {}, "", false},
      {"2023", "徐家湾乡", "cash", "pledged", "高新区", 150000000, {}, "", false},
      {"2019", "JOINT", "in_kind", "disbursed", "威科姆", {}, {}, "", false},
      {"2021", "?", "cash", "disbursed", "石佛村", 2000000, {}, "", false},
      {"2021", "?", "in_kind", "disbursed", "石佛村", 1100000, {}, "", false},
      {"2021", "?", "consumption", "disbursed", "可口可乐", 983800, {}, "", false},
      {"2021", "徐家湾乡", "in_kind", "disbursed", "", {}, 13, "台", false},
      {"2021", "双龙湾镇", "in_kind", "disbursed", "", {}, 15, "台", false},
      {"2021", "JOINT", "in_kind", "disbursed", "农业农村局", {}, 2000, "册", false},
      {"2022", "JOINT", "in_kind", "disbursed", "慈善总会", 5670000, {}, "", false},
      {"2024", "JOINT", "in_kind", "disbursed", "工会", {}, 131, "箱", false},
      {"", "JOINT", "consumption", "disbursed", "", 55160000, {}, "", true},
      {"", "JOINT", "consumption", "disbursed", "亿达", 13350000, {}, "", true},
      {"2019", "JOINT", "in_kind", "disbursed", "小樱桃", {}, 5000, "册", false},
      {"2019", "JOINT", "in_kind", "disbursed", "亿达", {}, 286, "件", false},
      {"2019", "JOINT", "", "disbursed", "朗悦", 48000000, {}, "", false},
      {"2019", "JOINT", "in_kind", "disbursed", "星达", {}, 10, "台", false},
  };
  for (const auto& w : wants)
    CHECK_MESSAGE(matching(lines, w) == 1, w.year, " ", w.township, " ", w.donor_part, " ", w.fen.value_or(-1), " ", w.quantity.value_or(-1));
  CHECK(lines.size() == wants.size());
}

TEST_CASE("sample_data: restatements are one event with several sources") {
  ledger::Ledger l(":memory:");
  ingest_samples(l);
  for (const auto& x : l.export_lines()) {
    if (x.amount_fen == 150000000 && x.status == "disbursed") CHECK(x.sources.size() == 3);  // 000, 001, 003
    if (x.quantity == 5000) CHECK(x.sources.size() == 2);                                     // 001, 003
  }
  // The cumulative 551,600.00 stays an aggregate line, never a plain one.
  for (const auto& x : l.export_lines())
    if (x.amount_fen == 55160000) CHECK(x.aggregate);
}

TEST_CASE("sample_data: a second ingest of the same files leaves the export identical") {
  ledger::Ledger l(":memory:");
  ingest_samples(l);
  const std::string first = ledger::to_csv(l.export_lines());
  // The CLI skips unchanged files; storing them again must not change the ledger either.
  ingest_samples(l);
  CHECK(ledger::to_csv(l.export_lines()) == first);
}
