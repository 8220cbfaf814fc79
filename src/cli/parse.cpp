// aidledger parse money TEXT | parse date TEXT --ref YYYY-MM-DD
#include <fmt/format.h>

#include "aidledger/cli/commands.hpp"
#include "aidledger/extract/dates.hpp"
#include "aidledger/extract/numbers.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "aidledger/text/decode.hpp"

namespace aidledger::cli {
namespace {

std::string joined(const std::vector<std::string>& words) {
  std::string s;
  for (const auto& w : words) {
    if (!s.empty()) s += ' ';
    s += w;
  }
  return s;
}

}  // namespace

void setup_parse(CLI::App& app, std::shared_ptr<ParseOptions> opt, int& exit_code) {
  auto* parse = app.add_subcommand("parse", "Show how aidledger reads amounts or dates in a piece of text");
  parse->require_subcommand(1);
  auto* money = parse->add_subcommand("money", "Amounts of money and quantities of goods in TEXT, one per line");
  money->add_option("text", opt->words, "Text to read (Chinese prose; quote it)")->required();
  money->footer("Prints 'money<TAB>500000.00<TAB>exact|approx' (a range as 20000.00..30000.00), with a\n"
                "fourth column 'at-least' when the amount is a floor (十余万, 超过50万元), or\n"
                "'quantity<TAB>5000<TAB>册'. An amount past the ceiling of one ledger line (10^12 yuan),\n"
                "not a whole number of fen, or not exact is refused: 'refused<TAB>TEXT<TAB>REASON'.\n"
                "Exit 1 when the text holds no amount that is read.");
  money->callback([opt, &exit_code] { exit_code = run_parse_money(*opt); });
  auto* date = parse->add_subcommand("date", "The last date expression in TEXT, resolved against --ref");
  date->add_option("text", opt->words, "Text to read (quote it)")->required();
  date->add_option("--ref", opt->ref, "Reference (publication) date, YYYY-MM-DD")->required();
  date->footer("Prints 2021-10-24, 2021-05, 2021 or a range 2021-10-24..2021-10-25. A five-year-plan\n"
               "period (十四五) dates nothing: it is printed as '2021..2025<TAB>five-year plan' only when\n"
               "the text has no other date. Exit 1 when there is none.");
  date->callback([opt, &exit_code] { exit_code = run_parse_date(*opt); });
}

int run_parse_money(const ParseOptions& opt) {
  const std::string text = text::normalise(joined(opt.words));
  std::vector<extract::RefusedMeasure> refused;
  const auto measures = extract::scan_measures(text, &refused);
  // In the order written: amounts read, and amounts refused with the reason.
  std::size_t r = 0;
  auto print_refused_before = [&](std::size_t pos) {
    for (; r < refused.size() && refused[r].span.begin < pos; ++r)
      fmt::print("refused\t{}\t{}\n", refused[r].span.of(text), refused[r].reason);
  };
  for (const auto& m : measures) {
    print_refused_before(m.span.begin);
    if (m.kind == extract::MeasureKind::money) {
      std::string value = extract::format_fen(m.value);
      if (m.high) value += ".." + extract::format_fen(*m.high);
      fmt::print("money\t{}\t{}{}\n", value, m.approximate ? "approx" : "exact", m.lower_bound ? "\tat-least" : "");
    } else {
      std::string value = std::to_string(m.value);
      if (m.high) value += ".." + std::to_string(*m.high);
      fmt::print("quantity\t{}\t{}\n", value, m.unit);
    }
  }
  print_refused_before(text.size() + 1);
  return measures.empty() ? kNothingFound : kOk;
}

int run_parse_date(const ParseOptions& opt) {
  auto ref = extract::parse_iso_range(opt.ref, extract::Precision::day);
  if (!ref || opt.ref.size() != 10) {
    fmt::print(stderr, "aidledger: --ref '{}' is not a date of the form YYYY-MM-DD\n", opt.ref);
    return kError;
  }
  if (!ledger::year_in_range(static_cast<int>(ref->first.year()))) {
    fmt::print(stderr, "aidledger: --ref {} is outside the years {} to {}\n", opt.ref, ledger::kFirstYear, ledger::kLastYear);
    return kError;
  }
  const std::string text = text::normalise(joined(opt.words));
  extract::DateResolver resolver(*ref);
  std::optional<extract::DateRange> last, plan_period;
  // A target (锚定2025年, 到2025年) is a plan, not a date something happened on; so is a
  // five-year-plan period (十四五), shown only when the text has no date of its own.
  for (const auto& m : extract::scan_dates(text)) {
    auto d = resolver.resolve(m);
    if (!d) continue;
    if (!m.plan) last = d;
    else if (m.five_year_plan) plan_period = d;
  }
  if (!last && plan_period) {
    fmt::print("{}\tfive-year plan\n", extract::format_date(*plan_period));
    return kOk;
  }
  if (!last) return kNothingFound;
  fmt::print("{}\n", extract::format_date(*last));
  return kOk;
}

}  // namespace aidledger::cli
