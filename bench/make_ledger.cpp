// Writes a synthetic ledger of N allocation lines for benchmarks of `aidledger report`.
// usage: aidledger_make_ledger DB N [REPORTS]   (deterministic: the same N gives the same ledger)
// With REPORTS, event 1 is reported REPORTS times (each report with a merge reason as long as real
// ones), as a much-reported event is: its Timeline row then passes Excel's limit of 32,767
// characters in a cell at about 180 reports.
#include <cstdio>
#include <random>
#include <string>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "aidledger/extract/places.hpp"
#include "aidledger/ledger/ledger.hpp"
#include "ledger_access.hpp"

int main(int argc, char** argv) {
  if (argc != 3 && argc != 4) {
    std::fprintf(stderr, "usage: %s DB N [REPORTS]\n", argv[0]);
    return 2;
  }
  const std::string path = argv[1];
  const long n = std::stol(argv[2]);
  const long reports_of_first = argc == 4 ? std::stol(argv[3]) : 0;
  aidledger::ledger::Ledger ledger(path);
  auto& db = aidledger::ledger::TestAccess::database(ledger);  // writes the tables directly, as a test does
  db.exec("PRAGMA synchronous = OFF");
  SQLite::Transaction tx(db);
  std::mt19937_64 rng(42);
  auto pick = [&](int k) { return static_cast<int>(rng() % static_cast<unsigned>(k)); };

  db.exec("INSERT INTO pages (path, sha256, bytes, encoding, script, reference_basis, ingested_at) "
          "VALUES ('synthetic', '0', 0, 'UTF-8', 'Hans', 'synthetic', datetime('now'))");
  const int articles = static_cast<int>(std::max(1L, n / 20));
  SQLite::Statement art(db, "INSERT INTO articles (id, page_id, seq, title, sha256, byte_start, byte_end, line, published_first, "
                            "published_last, published_text, published_precision, published_basis, relevant) "
                            "VALUES (?, 1, ?, ?, '0', 0, 0, 1, ?, ?, ?, 'day', 'dateline', 1)");
  for (int a = 0; a < articles; ++a) {
    const std::string d = fmt::format("{}-{:02}-{:02}", 2018 + a % 8, 1 + a % 12, 1 + a % 28);
    art.bind(1, fmt::format("synthetic#{}", a + 1));
    art.bind(2, a + 1);
    art.bind(3, fmt::format("郑州高新区结对帮扶报道 第{}篇", a + 1));
    art.bind(4, d);
    art.bind(5, d);
    art.bind(6, d);
    art.exec();
    art.reset();
  }
  const char* categories[] = {"government", "enterprise", "social_organisation", "other"};
  SQLite::Statement org(db, "INSERT INTO organisations (name, category) VALUES (?, ?)");
  for (int o = 0; o < 200; ++o) {
    org.bind(1, fmt::format("郑州某某{}号有限公司", o + 1));
    org.bind(2, categories[o % 4]);
    org.exec();
    org.reset();
  }
  const auto townships = aidledger::extract::Gazetteer::builtin().townships();
  const char* kinds[] = {"cash", "in_kind", "consumption"};
  SQLite::Statement ev(db, "INSERT INTO events (id, donor_id, date_first, date_last, date_text, date_precision, date_basis, kind, "
                           "status, approximate, aggregate, tranche, item, unit, distribution, total_fen, total_quantity) "
                           "VALUES (?, ?, ?, ?, ?, ?, 'stated', ?, ?, ?, ?, 0, ?, ?, 'single', ?, ?)");
  SQLite::Statement al(db, "INSERT INTO allocations (event_id, recipient, township, covers, amount_fen, quantity) VALUES (?, ?, ?, ?, ?, ?)");
  SQLite::Statement me(db, "INSERT INTO mentions (event_id, article_id, byte_start, byte_end, measure_start, measure_end, line, sentence, "
                           "sentence_original, donor_id, donor_as_written, donor_basis, date_first, date_last, date_text, date_precision, "
                           "date_basis, kind, status, approximate, aggregate, tranche, item, unit, distribution, notes, merge_reason) "
                           "VALUES (?, ?, 0, 120, 40, 50, 1, ?, ?, ?, '', 'subject', ?, ?, ?, ?, 'stated', ?, ?, ?, ?, 0, ?, ?, 'single', '', 'first report')");
  SQLite::Statement ma(db, "INSERT INTO mention_allocations (mention_id, recipient, township, covers, amount_fen, quantity) VALUES (?, ?, ?, ?, ?, ?)");
  for (long i = 1; i <= n; ++i) {
    const int year = 2018 + pick(8), month = 1 + pick(12), day = 1 + pick(28);
    const std::string date = fmt::format("{}-{:02}-{:02}", year, month, day);
    const bool reported = pick(10) == 0;
    const bool aggregate = i % 10000 == 0;   // 1 in 10,000 lines is a cumulative claim
    const bool pledged = !aggregate && pick(10) == 0;
    const bool goods = !pledged && pick(10) == 0;
    const bool approximate = pick(20) == 0;
    const std::string kind = goods ? "in_kind" : kinds[pick(3)];
    const int t = pick(static_cast<int>(townships.size()) + 2);
    const std::string township = t < static_cast<int>(townships.size()) ? townships[static_cast<std::size_t>(t)] : t == static_cast<int>(townships.size()) ? "JOINT" : "";
    const std::string covers = township == "JOINT" ? townships[0] + "、" + townships[1] : "";
    const std::int64_t fen = (1 + pick(5000)) * 10000;
    const int qty = 1 + pick(500);
    const std::int64_t donor = 1 + pick(200);
    const std::string sentence = fmt::format("{}年{}月{}日,郑州某某{}号有限公司向{}捐赠{}。", year, month, day, donor,
                                             township.empty() ? "某村" : township, goods ? fmt::format("图书{}册", qty) : fmt::format("{}元", fen / 100));
    int k = 0;
    ev.bind(++k, static_cast<std::int64_t>(i));
    ev.bind(++k, donor);
    ev.bind(++k, date);
    ev.bind(++k, date);
    ev.bind(++k, date);
    ev.bind(++k, reported ? "reported" : "day");
    ev.bind(++k, kind);
    ev.bind(++k, pledged ? "pledged" : "disbursed");
    ev.bind(++k, approximate ? 1 : 0);
    ev.bind(++k, aggregate ? 1 : 0);
    ev.bind(++k, goods ? "图书" : "");
    ev.bind(++k, goods ? "册" : "");
    if (goods) { ev.bind(++k); ev.bind(++k, qty); } else { ev.bind(++k, fen); ev.bind(++k); }
    ev.exec();
    ev.reset();
    al.bind(1, static_cast<std::int64_t>(i));
    al.bind(2, township.empty() ? "某村" : township);
    al.bind(3, township);
    al.bind(4, covers);
    if (goods) { al.bind(5); al.bind(6, qty); } else { al.bind(5, fen); al.bind(6); }
    al.exec();
    al.reset();
    k = 0;
    me.bind(++k, static_cast<std::int64_t>(i));
    me.bind(++k, fmt::format("synthetic#{}", 1 + pick(articles)));
    me.bind(++k, sentence);
    me.bind(++k, sentence);
    me.bind(++k, donor);
    me.bind(++k, date);
    me.bind(++k, date);
    me.bind(++k, date);
    me.bind(++k, reported ? "reported" : "day");
    me.bind(++k, kind);
    me.bind(++k, pledged ? "pledged" : "disbursed");
    me.bind(++k, approximate ? 1 : 0);
    me.bind(++k, aggregate ? 1 : 0);
    me.bind(++k, goods ? "图书" : "");
    me.bind(++k, goods ? "册" : "");
    me.exec();
    me.reset();
    ma.bind(1, db.getLastInsertRowid());
    ma.bind(2, township);
    ma.bind(3, township);
    ma.bind(4, covers);
    if (goods) { ma.bind(5); ma.bind(6, qty); } else { ma.bind(5, fen); ma.bind(6); }
    ma.exec();
    ma.reset();
  }
  // Event 1 reported again and again (it must exist: N >= 1).
  SQLite::Statement again(db, "INSERT INTO mentions (event_id, article_id, byte_start, byte_end, measure_start, measure_end, line, sentence, "
                              "sentence_original, donor_id, donor_as_written, donor_basis, date_first, date_last, date_text, date_precision, "
                              "date_basis, kind, status, approximate, aggregate, tranche, item, unit, distribution, notes, merge_reason) "
                              "SELECT 1, article_id, byte_start + ?1, byte_end + ?1, measure_start + ?1, measure_end + ?1, line + ?1, sentence, "
                              "sentence_original, donor_id, donor_as_written, donor_basis, date_first, date_last, date_text, date_precision, "
                              "date_basis, kind, status, approximate, aggregate, tranche, item, unit, distribution, notes, ?2 "
                              "FROM mentions WHERE event_id = 1 ORDER BY id LIMIT 1");
  for (long r = 1; r <= reports_of_first && n >= 1; ++r) {
    again.bind(1, static_cast<std::int64_t>(r * 1000));
    again.bind(2, fmt::format("same donor (郑州某某{}号有限公司), cash disbursed, the same total ¥{}.00; townships agree (徐家湾乡); "
                              "the dates are compatible (reported {} days later); report {} of the event",
                              1 + r % 200, 10000 * r, r, r));
    again.exec();
    again.reset();
  }
  tx.commit();
  std::printf("%s: %ld lines%s\n", path.c_str(), n,
              reports_of_first ? fmt::format(", event 1 reported {} more times", reports_of_first).c_str() : "");
  return 0;
}
