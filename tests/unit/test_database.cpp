// The ledger's database file: what is refused untouched (another program's database, a file that
// is no database, a schema too new or too old), read-only access and its one snapshot, and the page
// state decided inside the write transaction (two connections at once store a page once).
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <type_traits>
#include <utility>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include "aidledger/ledger/ledger.hpp"
#include "helpers.hpp"

using namespace aidledger;
using testing::page;

namespace {

namespace fs = std::filesystem;

// A scratch database path, removed with its -wal and -shm files at both ends of the test.
struct TempDb {
  explicit TempDb(const std::string& name) : path((fs::temp_directory_path() / ("aidledger_test_" + name)).string()) { clean(); }
  ~TempDb() {
    ::chmod(path.c_str(), 0644);
    clean();
  }
  void clean() const {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix);
  }
  std::string path;
};

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// doctest::Contains of a std::string (it takes its own string type).
doctest::Contains has(const std::string& s) { return doctest::Contains(s.c_str()); }

// Opens (and closes) a ledger; in a CHECK_THROWS, where a declaration would be read otherwise.
void open_ledger(const std::string& path, ledger::Access access = ledger::Access::read_write) { ledger::Ledger l(path, access); }

std::int64_t count(SQLite::Database& db, const std::string& sql) { return db.execAndGet(sql).getInt64(); }

const std::string kPageA = "帮扶\n\n本报讯 2022年3月1日,高新区向徐家湾乡捐赠现金50万元。\n";
const std::string kPageB = "帮扶\n\n本报讯 2022年4月1日,高新区向双龙湾镇捐赠图书300册。\n";

void make_ledger(const std::string& path) {
  ledger::Ledger l(path);
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPageA), st);
}

}  // namespace

TEST_CASE("another program's database is refused by readers and by ingest, and left byte for byte as it was") {
  TempDb db("foreign.db");
  {
    SQLite::Database other(db.path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('x')");
  }
  const std::string before = file_bytes(db.path);
  CHECK_THROWS_WITH_AS(open_ledger(db.path, ledger::Access::read_only),
                       has(db.path + ": not an aidledger ledger: a SQLite database of another program (it holds customers)"),
                       ledger::DatabaseError);
  CHECK_THROWS_WITH_AS(open_ledger(db.path), doctest::Contains("not an aidledger ledger"), ledger::DatabaseError);
  CHECK(file_bytes(db.path) == before);
  CHECK_FALSE(fs::exists(db.path + "-wal"));
  SQLite::Database check(db.path);
  CHECK(count(check, "SELECT COUNT(*) FROM sqlite_master") == 1);
}

TEST_CASE("a file that is no database is refused untouched; an empty one is a new ledger only for ingest") {
  TempDb db("text.db");
  { std::ofstream(db.path) << "hello\n"; }
  CHECK_THROWS_WITH_AS(open_ledger(db.path, ledger::Access::read_only), doctest::Contains("not a SQLite database at all"),
                       ledger::DatabaseError);
  CHECK_THROWS_WITH_AS(open_ledger(db.path), has(db.path + ": not an aidledger ledger"), ledger::DatabaseError);
  CHECK(file_bytes(db.path) == "hello\n");

  TempDb empty("empty.db");
  { std::ofstream(empty.path) << ""; }
  CHECK_THROWS_WITH_AS(open_ledger(empty.path, ledger::Access::read_only), doctest::Contains("an empty database, not an aidledger ledger"),
                       ledger::DatabaseError);
  ledger::Ledger made(empty.path);
  CHECK(count(testing::database(made), "PRAGMA user_version") == ledger::kSchemaVersion);
}

TEST_CASE("a database that cannot be opened is named with the reason") {
  const std::string path = (fs::temp_directory_path() / "aidledger_no_such_folder" / "l.db").string();
  CHECK_THROWS_WITH_AS(open_ledger(path), has(path + ": cannot open the database: its folder"), ledger::DatabaseError);
  CHECK_THROWS_WITH_AS(open_ledger(fs::temp_directory_path().string()), doctest::Contains("it is a folder, not a file"),
                       ledger::DatabaseError);
}

TEST_CASE("a read-only ledger file is read without a write") {
  TempDb db("readonly.db");
  make_ledger(db.path);
  ::chmod(db.path.c_str(), 0444);
  const std::string before = file_bytes(db.path);
  {
    ledger::Ledger l(db.path, ledger::Access::read_only);
    CHECK(l.export_lines().size() == 1);
  }
  CHECK(file_bytes(db.path) == before);
}

TEST_CASE("the schema version is checked: a newer one is refused, an older one upgraded by ingest") {
  TempDb db("versions.db");
  make_ledger(db.path);
  {
    SQLite::Database raw(db.path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 99");
  }
  for (auto access : {ledger::Access::read_only, ledger::Access::read_write})
    CHECK_THROWS_WITH_AS(open_ledger(db.path, access),
                         has(db.path + ": made by a newer aidledger (schema 99; this one knows schema " +
                                           std::to_string(ledger::kSchemaVersion) + " and older)"),
                         ledger::DatabaseError);
  {
    // A schema-3 ledger: readers read it as it is; ingest upgrades it.
    SQLite::Database raw(db.path, SQLite::OPEN_READWRITE);
    raw.exec("ALTER TABLE pages DROP COLUMN read_options; DROP INDEX events_candidates; DROP INDEX events_pledges; DROP INDEX events_unlinked_tranches; DROP INDEX mentions_event_tranche; "
                      "DROP INDEX mentions_event_corrects; DROP INDEX pages_sha256; ALTER TABLE mentions DROP COLUMN tranche_number; DROP INDEX mentions_corrects; ALTER TABLE mentions DROP COLUMN corrects_fen; DROP TABLE page_places; PRAGMA user_version = 3");
  }
  CHECK(ledger::Ledger(db.path, ledger::Access::read_only).export_lines().size() == 1);
  {
    SQLite::Database raw(db.path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 2");
  }
  CHECK_THROWS_WITH_AS(open_ledger(db.path, ledger::Access::read_only),
                       doctest::Contains("a ledger of schema 2, older than this aidledger reads"), ledger::DatabaseError);
  {
    SQLite::Database raw(db.path, SQLite::OPEN_READWRITE);
    raw.exec("PRAGMA user_version = 3");
  }
  ledger::Ledger upgraded(db.path);
  CHECK(count(testing::database(upgraded), "PRAGMA user_version") == ledger::kSchemaVersion);
  CHECK(count(testing::database(upgraded), "SELECT COUNT(*) FROM pragma_table_info('pages') WHERE name = 'read_options'") == 1);
}

TEST_CASE("a reader sees one snapshot while an ingest commits") {
  TempDb db("snapshot.db");
  make_ledger(db.path);
  ledger::Ledger reader(db.path, ledger::Access::read_only);
  CHECK(reader.export_lines().size() == 1);
  {
    ledger::Ledger writer(db.path);
    ledger::IngestStats st;
    writer.ingest(page("b.txt", kPageB), st);
    CHECK(st.pages_added == 1);
  }
  CHECK(reader.export_lines().size() == 1);  // still the snapshot it began with
  CHECK(count(testing::database(reader), "SELECT COUNT(*) FROM pages") == 1);
  CHECK(ledger::Ledger(db.path, ledger::Access::read_only).export_lines().size() == 2);
}

TEST_CASE("the page state is decided inside the write transaction: one page when two ingests store the same bytes") {
  TempDb db("race.db");
  ledger::Ledger one(db.path), two(db.path);
  const auto a = page("x/p.txt", kPageA), b = page("y/p.txt", kPageA);
  // Both looked before either stored: to each, the page is new.
  REQUIRE(one.page_state("x/p.txt", a.page.sha256) == ledger::PageState::absent);
  REQUIRE(two.page_state("y/p.txt", b.page.sha256) == ledger::PageState::absent);
  ledger::IngestStats s1, s2;
  CHECK(one.ingest(a, s1) == ledger::PageState::absent);
  CHECK(two.ingest(b, s2) == ledger::PageState::duplicate);
  CHECK(s2.pages_duplicate == 1);
  CHECK(s2.pages_added == 0);
  CHECK(count(testing::database(one), "SELECT COUNT(*) FROM pages") == 1);
  CHECK(two.ingest(a, s2) == ledger::PageState::unchanged);

  // Two files of one name with other bytes, both extracted with the prefix "p" before either was
  // stored: the second gets its own article ids (no UNIQUE constraint failure).
  const auto c = page("z/p.txt", kPageB);
  CHECK(two.ingest(c, s2) == ledger::PageState::absent);
  CHECK(count(testing::database(two), "SELECT COUNT(*) FROM articles WHERE id LIKE 'p~%'") == 1);
  CHECK(count(testing::database(two), "SELECT COUNT(*) FROM mentions WHERE article_id LIKE 'p~%'") == 1);
}

TEST_CASE("a page read with other options is read again, not unchanged") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  const auto a = page("a.txt", kPageA);
  l.ingest(a, st, "encoding=ISO-8859-1");
  CHECK(l.page_state("a.txt", a.page.sha256, "encoding=ISO-8859-1") == ledger::PageState::unchanged);
  CHECK(l.page_state("a.txt", a.page.sha256) == ledger::PageState::changed);
  CHECK(l.ingest(a, st) == ledger::PageState::changed);
  CHECK(st.pages_replaced == 1);
  CHECK(l.page_state("a.txt", a.page.sha256) == ledger::PageState::unchanged);
}

TEST_CASE("a file whose bytes became another page's is one page, and its old reports leave") {
  ledger::Ledger l(":memory:");
  ledger::IngestStats st;
  l.ingest(page("a.txt", kPageA), st);
  l.ingest(page("b.txt", kPageB), st);
  CHECK(l.export_lines().size() == 2);
  const auto now_b = page("a.txt", kPageB);
  CHECK(l.page_state("a.txt", now_b.page.sha256) == ledger::PageState::changed);  // so the command line reads it
  CHECK(l.ingest(now_b, st) == ledger::PageState::duplicate);
  CHECK(count(testing::database(l), "SELECT COUNT(*) FROM pages") == 1);
  const auto lines = l.export_lines();
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].quantity == 300);
}

TEST_CASE("a ledger locked by another program: the error names the database and says it is locked") {
  TempDb db("locked.db");
  make_ledger(db.path);
  SQLite::Database holder(db.path, SQLite::OPEN_READWRITE);
  holder.exec("BEGIN IMMEDIATE");
  ledger::Ledger l(db.path, ledger::Access::read_write, 100);
  ledger::IngestStats st;
  CHECK_THROWS_WITH_AS(l.ingest(page("b.txt", kPageB), st),
                       has(db.path + ": the ledger is locked by another program (another aidledger ingest?) and stayed "
                                                   "locked for 0.1 s"),
                       ledger::DatabaseError);
  // Readers are not held up by a writer.
  CHECK(ledger::Ledger(db.path, ledger::Access::read_only, 100).export_lines().size() == 1);
  holder.exec("ROLLBACK");
  CHECK(l.ingest(page("b.txt", kPageB), st) == ledger::PageState::absent);
}

namespace {
// Whether code outside the ledger layer may call testing::database(l) (access is checked in substitution).
template <typename T, typename = void>
struct hands_out_connection : std::false_type {};
template <typename T>
struct hands_out_connection<T, std::void_t<decltype(std::declval<T&>().database())>> : std::true_type {};
}  // namespace

TEST_CASE("the ledger hands its connection to no one: all SQL stays in the ledger layer") {
  CHECK_FALSE(hands_out_connection<ledger::Ledger>::value);
  CHECK_FALSE(hands_out_connection<const ledger::Ledger>::value);
}
