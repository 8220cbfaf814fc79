// CSV renderer: one file per sheet in a folder, the same rows and values (formulas as the
// values they compute).
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/report/report.hpp"
#include "aidledger/text/csv.hpp"

namespace aidledger::report {
namespace {

class CsvSink final : public SheetSink {
 public:
  explicit CsvSink(std::string dir) : dir_(std::move(dir)) {
    std::error_code ec;
    std::filesystem::create_directories(dir_, ec);
    if (ec) throw std::runtime_error(fmt::format("{}: cannot create the folder: {}", dir_, ec.message()));
  }
  void begin_sheet(const std::string&, const std::string& stem, const std::vector<double>&) override {
    path_ = (std::filesystem::path(dir_) / (stem + ".csv")).string();
    out_.open(path_, std::ios::binary | std::ios::trunc);
    if (!out_) throw std::runtime_error(fmt::format("{}: cannot write", path_));
  }
  void row(const std::vector<Cell>& cells, RowStyle) override {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) out_ << ',';
      const Cell& c = cells[i];
      switch (c.kind) {
        case Cell::Kind::empty: break;
        case Cell::Kind::text: out_ << text::csv_field(c.text); break;
        case Cell::Kind::integer:
        case Cell::Kind::count_formula: out_ << c.value; break;
        case Cell::Kind::money:
        case Cell::Kind::formula: out_ << extract::format_fen(c.value); break;
      }
    }
    out_ << '\n';
  }
  void end_sheet() override {
    out_.close();
    if (!out_) throw std::runtime_error(fmt::format("{}: write failed", path_));
  }
  void finish() override {}

 private:
  std::string dir_, path_;
  std::ofstream out_;
};

}  // namespace

std::unique_ptr<SheetSink> make_csv_sink(const std::string& directory) { return std::make_unique<CsvSink>(directory); }

}  // namespace aidledger::report
