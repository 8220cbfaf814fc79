// CSV renderer: one file per sheet in a folder, the same rows and values (formulas as the
// values they compute). Each file is written to a temporary file beside it, and all of them are
// renamed into place only when every sheet is complete: an error leaves the folder as it was.
// Text cells that a spreadsheet would run as a formula are neutralised (see text/csv.hpp).
// These files are for people: each begins with the UTF-8 byte-order mark, without which Excel on
// Windows reads them in the system's code page and shows the Chinese garbled. (The machine export,
// ledger::to_csv, has none.)
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/report/output.hpp"
#include "aidledger/report/report.hpp"
#include "aidledger/text/csv.hpp"

namespace aidledger::report {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

class CsvSink final : public SheetSink {
 public:
  CsvSink(std::string dir, bool neutralise, Unit unit) : dir_(std::move(dir)), neutralise_(neutralise), unit_(unit) {
    std::error_code ec;
    if (!fs::is_directory(dir_, ec)) {
      fs::create_directories(dir_, ec);
      if (ec) throw std::runtime_error(fmt::format("{}: cannot create the folder: {}", dir_, ec.message()));
      created_ = true;
    }
  }
  ~CsvSink() override {
    // An error on the way: the temporary files are removed (by ~OutputFile), and so is a folder
    // this sink created and left empty.
    files_.clear();
    current_.reset();
    std::error_code ec;
    if (!finished_ && created_ && fs::is_empty(dir_, ec)) fs::remove(dir_, ec);
  }

  void begin_sheet(const std::string&, const std::string& stem, const std::vector<double>&) override {
    current_ = std::make_unique<OutputFile>((fs::path(dir_) / (stem + ".csv")).string());
    current_->write(kUtf8Bom);
  }
  void row(const std::vector<Cell>& cells, RowStyle) override {
    line_.clear();
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) line_ += ',';
      const Cell& c = cells[i];
      switch (c.kind) {
        case Cell::Kind::empty: break;
        case Cell::Kind::text: line_ += text::csv_text(c.text, neutralise_); break;
        case Cell::Kind::date: line_ += c.text; break;
        case Cell::Kind::wan_formula: line_ += format_wan_plain(c.value); break;
        case Cell::Kind::integer:
        case Cell::Kind::count_formula: line_ += std::to_string(c.value); break;
        case Cell::Kind::money:
        case Cell::Kind::formula: line_ += unit_ == Unit::wan ? format_wan_plain(c.value) : extract::format_fen(c.value); break;
      }
    }
    line_ += '\n';
    current_->write(line_);
  }
  void end_sheet() noexcept override {
    if (current_) files_.push_back(std::move(current_));
  }
  void finish() override {
    // Every file complete and on disk first; only then is any of them put in place.
    for (auto& f : files_) f->close();
    for (auto& f : files_) f->commit();
    finished_ = true;
  }

 private:
  std::string dir_;
  bool neutralise_ = true, created_ = false, finished_ = false;
  Unit unit_ = Unit::yuan;
  std::unique_ptr<OutputFile> current_;
  std::vector<std::unique_ptr<OutputFile>> files_;
  std::string line_;
};

}  // namespace

std::unique_ptr<SheetSink> make_csv_sink(const std::string& directory, bool neutralise, Unit unit) {
  return std::make_unique<CsvSink>(directory, neutralise, unit);
}

}  // namespace aidledger::report
