#include "aidledger/ledger/ledger.hpp"

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <limits>
#include <stdexcept>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include <SQLiteCpp/SQLiteCpp.h>
#include <date/date.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include "aidledger/extract/numbers.hpp"
#include "aidledger/text/decode.hpp"
#include "aidledger/text/utf8.hpp"
#include "schema.hpp"

namespace aidledger::ledger {

void throw_if_sum_overflow(const std::exception& e, std::string_view what) {
  if (std::string_view(e.what()) != "integer overflow") return;
  throw std::overflow_error(fmt::format("{}: the sum leaves the range of a 64-bit integer (SQLite: integer overflow); "
                                        "the ledger holds amounts past {}",
                                        what, extract::kMaxLineText));
}

namespace {

using extract::AidReport;
using extract::DateRange;
using extract::Precision;

std::string iso_day(const date::year_month_day& d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

template <class T>
void bind_optional(SQLite::Statement& st, int index, const std::optional<T>& v) {
  if (v) st.bind(index, static_cast<std::int64_t>(*v));
  else st.bind(index);
}
void bind_text_or_null(SQLite::Statement& st, int index, const std::string& v) {
  if (v.empty()) st.bind(index);
  else st.bind(index, v);
}
std::optional<std::int64_t> optional_int(const SQLite::Column& c) {
  if (c.isNull()) return std::nullopt;
  return c.getInt64();
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string s;
  for (const auto& x : v) {
    if (!s.empty()) s += sep;
    s += x;
  }
  return s;
}
std::vector<std::string> split(const std::string& s, std::string_view sep) {
  std::vector<std::string> out;
  if (s.empty()) return out;
  std::size_t start = 0;
  for (std::size_t at = s.find(sep); at != std::string::npos; at = s.find(sep, start)) {
    out.push_back(s.substr(start, at - start));
    start = at + sep.size();
  }
  out.push_back(s.substr(start));
  return out;
}

// A report's or an event's reading, in the form the comparator works on.
struct Reading {
  std::optional<std::int64_t> donor_id;
  std::string donor_name;
  std::string kind, status, item, unit;
  bool aggregate = false;
  std::string date_first, date_last, date_text, precision;  // precision 'reported' = date of the report
  std::vector<extract::Allocation> allocations;
  std::int64_t article_order = 0;
  int tranche_number = 0;  // 首期 1, 第二期 2 …; 0 when not numbered
  std::optional<std::int64_t> corrects_fen;  // a correction notice: the amount printed before

  std::optional<std::int64_t> total_fen() const {
    std::optional<std::int64_t> t;
    for (const auto& a : allocations)
      if (a.amount_fen) {
        t = t.value_or(0);
        extract::add_checked(*t, *a.amount_fen, "the total of an event's lines");
      }
    return t;
  }
  std::optional<std::int64_t> total_quantity() const {
    std::optional<std::int64_t> t;
    for (const auto& a : allocations)
      if (a.quantity) {
        t = t.value_or(0);
        extract::add_checked(*t, *a.quantity, "the quantity of an event's lines");
      }
    return t;
  }
  // Townships the lines are for (a JOINT line counts for each township it covers).
  std::set<std::string> townships() const {
    std::set<std::string> s;
    for (const auto& a : allocations) {
      if (a.township == extract::kJoint) s.insert(a.covers.begin(), a.covers.end());
      else if (!a.township.empty()) s.insert(a.township);
    }
    return s;
  }
};

// Character-bigram overlap (Dice) of two item descriptions: 远程教学资源服务平台 vs
// 远程教育资源云平台系统 share most of their bigrams.
double item_similarity(const std::string& a, const std::string& b) {
  auto bigrams = [](const std::string& s) {
    std::vector<std::string> chars;
    for (std::size_t i = 0; i < s.size();) {
      const std::size_t at = i;
      text::next_code_point(s, i);
      chars.push_back(s.substr(at, i - at));
    }
    std::multiset<std::string> out;
    for (std::size_t i = 0; i + 1 < chars.size(); ++i) out.insert(chars[i] + chars[i + 1]);
    return out;
  };
  const auto x = bigrams(a), y = bigrams(b);
  if (x.empty() || y.empty()) return 0.0;
  std::size_t shared = 0;
  auto yy = y;
  for (const auto& g : x) {
    auto it = yy.find(g);
    if (it != yy.end()) {
      ++shared;
      yy.erase(it);
    }
  }
  return 2.0 * static_cast<double>(shared) / static_cast<double>(x.size() + y.size());
}

std::string describe_lines(const Reading& r) {
  std::vector<std::string> parts;
  for (const auto& a : r.allocations) {
    std::string who = a.township == extract::kJoint ? join(a.covers, "+") : a.township.empty() ? a.recipient : a.township;
    if (who.empty()) who = "?";
    if (a.amount_fen) parts.push_back(fmt::format("{} {}", who, extract::format_fen(*a.amount_fen)));
    else if (a.quantity) parts.push_back(fmt::format("{} {}{}", who, *a.quantity, r.unit));
    else parts.push_back(who);
  }
  return join(parts, " + ");
}

// The reading as one line of `fen`, for the places of its first line with a known township: a
// corrected report as printed before its correction, or a corrected event as first reported.
Reading with_total(Reading x, std::int64_t fen) {
  extract::Allocation line;
  line.amount_fen = fen;
  for (const auto& a : x.allocations)
    if (!a.township.empty()) {
      line.township = a.township;
      line.covers = a.covers;
      break;
    }
  x.allocations = {line};
  return x;
}

// Two reports that state no date of the gift are one event only when reported within this many days
// (a restatement half a year later is common; the same gift each year is about 365 days apart).
constexpr int kMaxDaysBetweenUndatedReports = 300;

std::optional<date::sys_days> parse_iso_day(const std::string& s) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  if (std::from_chars(s.data(), s.data() + 4, y).ec != std::errc() || std::from_chars(s.data() + 5, s.data() + 7, m).ec != std::errc() ||
      std::from_chars(s.data() + 8, s.data() + 10, d).ec != std::errc())
    return std::nullopt;
  const date::year_month_day ymd{date::year{y}, date::month{m}, date::day{d}};
  if (!ymd.ok()) return std::nullopt;
  return date::sys_days(ymd);
}

// Dates are compatible when the explicit ones overlap, and an event happened no later than any
// report of it.
bool dates_compatible(const Reading& a, const Reading& b, std::string& why) {
  const bool counted = a.total_fen() || a.total_quantity() || b.total_fen() || b.total_quantity();
  const bool a_own = a.precision != "reported" && !a.date_first.empty();
  const bool b_own = b.precision != "reported" && !b.date_first.empty();
  if (a_own && b_own) {
    if (a.date_first <= b.date_last && b.date_first <= a.date_last) {
      why = fmt::format("dates agree ({} and {})", a.date_text, b.date_text);
      return true;
    }
    return false;
  }
  if (a_own != b_own) {
    const Reading& own = a_own ? a : b;
    const Reading& reported = a_own ? b : a;
    if (reported.date_last.empty() || own.date_first <= reported.date_last) {
      why = fmt::format("stated date {} is not after the report of {}", own.date_text,
                        reported.date_text.empty() ? "unknown date" : reported.date_text);
      return true;
    }
    return false;
  }
  // Neither states its date: the dates of the two reports bound when each happened. Reports of an
  // amount a season or more apart are two gifts (the same 慰问金 each Spring Festival), not one
  // restated. (A gift named without any amount — 捐赠智慧教育平台 — is retold in summaries for years.)
  if (const auto a_day = parse_iso_day(a.date_first), b_day = parse_iso_day(b.date_first); counted && a_day && b_day) {
    const auto apart = date::abs(*a_day - *b_day).count();
    if (apart > kMaxDaysBetweenUndatedReports) return false;
    why = fmt::format("neither report states the date; reported {} days apart", apart);
    return true;
  }
  why = "neither report states the date";
  return true;
}

// The explicit comparator: returns why a report is the same event as an existing one, or nothing.
std::optional<std::string> same_event(const Reading& report, const Reading& event) {
  if (report.status != event.status || report.aggregate != event.aggregate) return std::nullopt;
  if (report.kind != event.kind) return std::nullopt;
  if (report.donor_id != event.donor_id) return std::nullopt;
  // 首期 and 第二期 of one pledge are two payments, however alike.
  if (report.tranche_number != 0 && event.tranche_number != 0 && report.tranche_number != event.tranche_number) return std::nullopt;
  std::string date_why;
  if (!dates_compatible(report, event, date_why)) return std::nullopt;
  const std::string donor = report.donor_name.empty() ? "unknown donor" : report.donor_name;
  const auto rt = report.townships(), et = event.townships();
  const bool places_agree = rt == et || rt.empty() || et.empty();
  if (!places_agree) return std::nullopt;
  const std::string place_why = rt == et ? fmt::format("same townships ({})", join({rt.begin(), rt.end()}, "、"))
                                         : "townships not stated by one report";
  if (auto rf = report.total_fen()) {
    auto ef = event.total_fen();
    if (!ef || *ef != *rf) return std::nullopt;
    const bool reshaped = report.allocations.size() != event.allocations.size();
    return fmt::format("same donor ({}), {} {}, total {}{}; {}; {}", donor, report.status, report.kind,
                       extract::format_fen(*rf),
                       reshaped ? fmt::format(" equals the event's lines {}", describe_lines(event)) : "", place_why, date_why);
  }
  if (auto rq = report.total_quantity()) {
    auto eq = event.total_quantity();
    if (!eq || *eq != *rq || report.unit != event.unit || event.total_fen()) return std::nullopt;
    return fmt::format("same donor ({}), {} {} {}{}; {}; {}", donor, report.status, report.kind, *rq, report.unit,
                       place_why, date_why);
  }
  // Neither amount nor quantity: the same donor giving a similar thing.
  if (event.total_fen() || event.total_quantity()) return std::nullopt;
  const double sim = item_similarity(report.item, event.item);
  if (report.donor_name.empty() || sim < 0.3) return std::nullopt;
  return fmt::format("same donor ({}), {} {}, no amount; items alike ({} / {}, similarity {:.2f}); {}; {}", donor,
                     report.status, report.kind, report.item, event.item, sim, place_why, date_why);
}

// Opening a database: refuse what is not a ledger, before anything is written to it.

// file: URI of a path, for opening with URI parameters.
std::string file_uri(const std::string& path, const char* parameters) {
  std::string out = "file:";
  for (const unsigned char c : path) {
    if (std::isalnum(c) || std::strchr("/-._~", c)) out += static_cast<char>(c);
    else out += fmt::format("%{:02X}", c);
  }
  return out + "?" + parameters;
}

std::string folder_of(const std::string& path) {
  const auto parent = std::filesystem::path(path).parent_path();
  return parent.empty() ? std::string(".") : parent.string();
}

// Why SQLite could not write the database: the file, its folder, or the disk.
std::string readonly_reason(const std::string& path, int extended) {
  if (extended == SQLITE_READONLY_DBMOVED) return "the ledger file was moved or deleted while aidledger had it open";
  if (::access(path.c_str(), W_OK) != 0 && errno == EACCES) return "the file is read-only (its permissions do not allow writing)";
  if (::access(path.c_str(), W_OK) != 0 && errno == EROFS) return "it is on a read-only file system";
  if (::access(folder_of(path).c_str(), W_OK) != 0)
    return fmt::format("its folder {} is read-only, and SQLite must write the files {}-wal and {}-shm beside the ledger",
                       folder_of(path), path, path);
  if (extended == SQLITE_READONLY_CANTLOCK || extended == SQLITE_READONLY_RECOVERY)
    return fmt::format("its lock file {}-shm is read-only", path);
  return "the file or its folder is read-only";
}

// Why SQLite could not open (or create) the database file.
std::string cantopen_reason(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string folder = folder_of(path);
  if (!fs::exists(folder, ec)) return fmt::format("its folder {} does not exist", folder);
  if (!fs::is_directory(folder, ec)) return fmt::format("{} is not a folder", folder);
  if (fs::is_directory(path, ec)) return "it is a folder, not a file";
  if (fs::exists(path, ec)) {
    if (::access(path.c_str(), R_OK) != 0) return fmt::format("cannot read it: {}", std::strerror(errno));
    return "SQLite cannot open it (unable to open database file)";
  }
  if (::access(folder.c_str(), W_OK) != 0) return fmt::format("cannot create it in {}: {}", folder, std::strerror(errno));
  return "SQLite cannot create it (unable to open database file)";
}

int primary_code(const SQLite::Exception& e) { return e.getErrorCode() & 0xff; }

bool database_wide(int code) {
  switch (code) {
    case SQLITE_BUSY: case SQLITE_LOCKED: case SQLITE_READONLY: case SQLITE_CANTOPEN: case SQLITE_NOTADB:
    case SQLITE_CORRUPT: case SQLITE_FULL: case SQLITE_IOERR: case SQLITE_PERM: case SQLITE_NOMEM: case SQLITE_PROTOCOL:
      return true;
    default:
      return false;
  }
}

}  // namespace

std::string describe_database_error(const std::string& path, const std::exception& e, int busy_timeout_ms) {
  const auto* se = dynamic_cast<const SQLite::Exception*>(&e);
  if (!se) return e.what();
  switch (primary_code(*se)) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return fmt::format("{}: the ledger is locked by another program (another aidledger ingest?) and stayed locked for {} s; "
                         "try again when it has finished ({})", path, fmt::format("{:g}", busy_timeout_ms / 1000.0), se->what());
    case SQLITE_READONLY:
      return fmt::format("{}: cannot write the ledger: {} ({})", path, readonly_reason(path, se->getExtendedErrorCode()), se->what());
    case SQLITE_CANTOPEN:
      return fmt::format("{}: cannot open the database: {}", path, cantopen_reason(path));
    case SQLITE_NOTADB:
      return fmt::format("{}: not an aidledger ledger: not a SQLite database at all (some other kind of file); it was left as it was",
                         path);
    case SQLITE_CORRUPT:
      return fmt::format("{}: the database file is damaged ({}); restore a copy, or delete it and ingest the pages again", path,
                         se->what());
    case SQLITE_FULL:
      return fmt::format("{}: cannot write the ledger: the disk is full ({}); nothing of the unfinished change was kept", path,
                         se->what());
    case SQLITE_IOERR:
      return fmt::format("{}: input/output error on the database ({}); is the disk failing or gone?", path, se->what());
    case SQLITE_CONSTRAINT:
      return fmt::format("{}: the ledger refused a change that would break its consistency ({}); nothing of that change was "
                         "kept. This is a fault in aidledger: please report it with the command and the pages", path, se->what());
    default:
      return fmt::format("{}: {}", path, se->what());
  }
}

bool is_database_wide(const std::exception& e) {
  if (dynamic_cast<const DatabaseError*>(&e)) return true;
  const auto* se = dynamic_cast<const SQLite::Exception*>(&e);
  return se && database_wide(primary_code(*se));
}

namespace {

// A SQLite exception as the user reads it: DatabaseError when the database as a whole is the
// problem, else a runtime_error naming the database.
[[noreturn]] void rethrow(const std::string& path, const SQLite::Exception& e, int busy_timeout_ms) {
  if (database_wide(primary_code(e))) throw DatabaseError(describe_database_error(path, e, busy_timeout_ms));
  throw std::runtime_error(describe_database_error(path, e, busy_timeout_ms));
}

SQLite::Database open_database(const std::string& path, Access access, int busy_timeout_ms) {
  // The busy timeout is set as the connection opens, before anything else (the WAL switch, the
  // migration), so two aidledgers opening one new ledger wait for each other instead of failing.
  if (access == Access::read_write) return SQLite::Database(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, busy_timeout_ms);
  return SQLite::Database(path, SQLite::OPEN_READONLY, busy_timeout_ms);
}

// Refuses a database aidledger must not use, before anything is written to it.
void refuse_unusable(const std::string& path, const LedgerShape& shape, Access access) {
  if (shape.empty()) {
    if (access == Access::read_only)
      throw DatabaseError(fmt::format("{}: an empty database, not an aidledger ledger; make one with 'aidledger ingest --db {} "
                                      "PAGES...'", path, path));
    return;
  }
  if (!shape.ledger) {
    std::string some;
    for (std::size_t i = 0; i < shape.objects.size() && i < 4; ++i) some += (i ? ", " : "") + shape.objects[i];
    if (shape.objects.size() > 4) some += ", …";
    throw DatabaseError(fmt::format("{}: not an aidledger ledger: a SQLite database of another program (it holds {}); it was "
                                    "left as it was. Give the path of a ledger, or of a new file, with --db", path,
                                    some.empty() ? fmt::format("user_version {}", shape.version) : some));
  }
  if (shape.version > kSchemaVersion)
    throw DatabaseError(fmt::format("{}: made by a newer aidledger (schema {}; this one knows schema {} and older); use a newer "
                                    "aidledger", path, shape.version, kSchemaVersion));
  if (access == Access::read_only && shape.version < kOldestReadableSchema)
    throw DatabaseError(fmt::format("{}: a ledger of schema {}, older than this aidledger reads (schema {} to {}); upgrade it "
                                    "once with 'aidledger ingest --db {}'", path, shape.version, kOldestReadableSchema,
                                    kSchemaVersion, path));
}

}  // namespace

struct Ledger::Impl {
  Impl(const std::string& p, Access a, int busy_ms) : db_path(p), access(a), busy_timeout_ms(busy_ms), db(open_database(p, a, busy_ms)) {
    try {
      db.exec("PRAGMA foreign_keys = ON");
      if (access == Access::read_only) {
        begin_snapshot();
        return;
      }
      refuse_unusable(db_path, inspect(db), access);
      if (db_path != ":memory:") use_wal();
      // A page cache of 32 MiB (SQLite's default is 2): ingest's lookups of recent events and
      // their lines stay in memory as the ledger grows.
      db.exec("PRAGMA cache_size = -32768");
      migrate(db);
    } catch (const SQLite::Exception& e) {
      rethrow(db_path, e, busy_timeout_ms);
    }
  }
  // WAL: readers never wait for a writer. Switching a new ledger to it takes an exclusive lock, and
  // SQLite answers "database is locked" at once, without waiting, while another aidledger opening
  // the same new ledger holds it: so wait here, up to the busy timeout. Then it is WAL already.
  void use_wal() {
    const auto give_up = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (;;) {
      try {
        if (db.execAndGet("PRAGMA journal_mode").getString() != "wal") db.exec("PRAGMA journal_mode = WAL");
        return;
      } catch (const SQLite::Exception& e) {
        if (primary_code(e) != SQLITE_BUSY || std::chrono::steady_clock::now() >= give_up) throw;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
    }
  }

  ~Impl() {
    if (access == Access::read_only) db.tryExec("COMMIT");  // ends the read snapshot; never throws
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  // One read transaction for the connection's life: every query of a command sees one snapshot,
  // whatever an ingest commits meanwhile.
  void begin_snapshot() {
    LedgerShape shape;
    try {
      db.exec("BEGIN");
      shape = inspect(db);
    } catch (const SQLite::Exception& e) {
      // A WAL ledger in a folder this user cannot write: SQLite cannot make its -shm file. With no
      // -wal file there is nothing uncommitted, and the file can be read as it is (immutable).
      const int code = primary_code(e);
      std::error_code ec;
      if ((code != SQLITE_READONLY && code != SQLITE_CANTOPEN) || std::filesystem::exists(db_path + "-wal", ec)) throw;
      db = SQLite::Database(file_uri(db_path, "mode=ro&immutable=1"), SQLite::OPEN_READONLY | SQLite::OPEN_URI, busy_timeout_ms);
      db.exec("PRAGMA foreign_keys = ON");
      db.exec("BEGIN");
      shape = inspect(db);
    }
    refuse_unusable(db_path, shape, access);
  }

  std::string db_path;
  Access access;
  int busy_timeout_ms;
  SQLite::Database db;

  // Statements prepared once for the connection's life: preparing one costs more than running it
  // on an indexed lookup, and ingest runs a few dozen per report. (Declared after db: they are
  // finalized before it closes.)
  struct Cached {
    std::unique_ptr<SQLite::Statement> statement;
    bool in_use = false;
  };
  std::unordered_map<std::string, Cached> statements;
  // A cached statement for one use: reset, bindings cleared, when it goes out of scope.
  class Prepared {
   public:
    explicit Prepared(Cached& c) : c_(c) {
      if (c_.in_use) throw std::logic_error("a cached statement used twice at once: " + c_.statement->getQuery());
      c_.in_use = true;
    }
    ~Prepared() {
      c_.statement->tryReset();
      try {
        c_.statement->clearBindings();
      } catch (...) {  // cannot fail on a reset statement; a destructor throws nothing
      }
      c_.in_use = false;
    }
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    SQLite::Statement& operator*() { return *c_.statement; }
    SQLite::Statement* operator->() { return c_.statement.get(); }

   private:
    Cached& c_;
  };
  Prepared prepared(const std::string& sql) {
    Cached& c = statements[sql];
    if (!c.statement) c.statement = std::make_unique<SQLite::Statement>(db, sql);
    return Prepared(c);
  }

  std::optional<std::int64_t> organisation_id(const std::string& name) {
    if (name.empty()) return std::nullopt;
    {
      auto find = prepared("SELECT id FROM organisations WHERE name = ?");
      find->bind(1, name);
      if (find->executeStep()) return find->getColumn(0).getInt64();
    }
    const auto& dir = extract::Directory::builtin();
    SQLite::Statement ins(db, "INSERT INTO organisations (name, category) VALUES (?, ?)");
    ins.bind(1, name);
    ins.bind(2, dir.category(name));
    ins.exec();
    const std::int64_t id = db.getLastInsertRowid();
    SQLite::Statement alias(db, "INSERT OR IGNORE INTO organisation_aliases (alias, organisation_id) VALUES (?, ?)");
    auto aliases = dir.aliases_of(name);
    aliases.push_back(name);
    for (const auto& a : aliases) {
      alias.bind(1, a);
      alias.bind(2, id);
      alias.exec();
      alias.reset();
    }
    return id;
  }

  void add_alias(std::int64_t org, const std::string& written) {
    if (written.empty()) return;
    auto alias = prepared("INSERT OR IGNORE INTO organisation_aliases (alias, organisation_id) VALUES (?, ?)");
    alias->bind(1, text::to_simplified(written));
    alias->bind(2, org);
    alias->exec();
  }

  std::optional<std::int64_t> township_place(const std::string& township) {
    if (township.empty() || township == extract::kJoint) return std::nullopt;
    auto q = prepared("SELECT id FROM places WHERE name = ? AND level = 'township'");
    q->bind(1, township);
    if (q->executeStep()) return q->getColumn(0).getInt64();
    return std::nullopt;
  }

  Reading reading_of_report(const AidReport& r, const extract::ArticleRecord& art) {
    Reading x;
    x.donor_id = organisation_id(r.donor);
    x.donor_name = r.donor;
    x.kind = std::string(extract::to_string(r.kind));
    x.status = std::string(extract::to_string(r.status));
    x.item = r.item;
    x.unit = r.unit;
    x.aggregate = r.aggregate;
    x.allocations = r.allocations;
    x.tranche_number = r.tranche_number;
    x.corrects_fen = r.corrects_fen;
    if (r.date) {
      x.date_first = iso_day(r.date->first);
      x.date_last = iso_day(r.date->last);
      x.date_text = extract::format_date_start(*r.date);  // the export prints the start; date_last keeps the end
      x.precision = std::string(extract::to_string(r.date->precision));
    } else {
      x.precision = "reported";
      if (art.date) {
        x.date_first = iso_day(art.date->first);
        x.date_last = iso_day(art.date->last);
        x.date_text = extract::format_date_start(*art.date);
      }
    }
    return x;
  }

  std::vector<extract::Allocation> load_allocations(const char* table, const char* key, std::int64_t id) {
    auto q = prepared(fmt::format("SELECT recipient, township, covers, amount_fen, amount_high_fen, quantity "
                                  "FROM {} WHERE {} = ? ORDER BY rowid", table, key));
    q->bind(1, id);
    std::vector<extract::Allocation> out;
    while (q->executeStep()) {
      extract::Allocation a;
      a.recipient = q->getColumn(0).getString();
      a.township = q->getColumn(1).getString();
      a.covers = split(q->getColumn(2).getString(), "、");
      a.amount_fen = optional_int(q->getColumn(3));
      a.amount_high_fen = optional_int(q->getColumn(4));
      a.quantity = optional_int(q->getColumn(5));
      out.push_back(std::move(a));
    }
    return out;
  }

  Reading reading_of_event(std::int64_t id) {
    Reading x;
    {
      // (The highest tranche number comes from the index mentions_event_tranche, not from a scan
      // of all the event's reports.)
      auto q = prepared("SELECT e.donor_id, COALESCE(o.name, ''), e.kind, e.status, e.item, e.unit, e.aggregate, "
                        "COALESCE(e.date_first, ''), COALESCE(e.date_last, ''), e.date_text, e.date_precision, "
                        "(SELECT COALESCE(MAX(m.tranche_number), 0) FROM mentions m WHERE m.event_id = e.id) "
                        "FROM events e LEFT JOIN organisations o ON o.id = e.donor_id WHERE e.id = ?");
      q->bind(1, id);
      if (!q->executeStep()) return x;
      x.donor_id = optional_int(q->getColumn(0));
      x.donor_name = q->getColumn(1).getString();
      x.kind = q->getColumn(2).getString();
      x.status = q->getColumn(3).getString();
      x.item = q->getColumn(4).getString();
      x.unit = q->getColumn(5).getString();
      x.aggregate = q->getColumn(6).getInt() != 0;
      x.date_first = q->getColumn(7).getString();
      x.date_last = q->getColumn(8).getString();
      x.date_text = q->getColumn(9).getString();
      x.precision = q->getColumn(10).getString();
      x.tranche_number = q->getColumn(11).getInt();
    }
    x.allocations = load_allocations("allocations", "event_id", id);
    return x;
  }

  // Finds an existing event the report restates, with the reason.
  std::optional<std::pair<std::int64_t, std::string>> find_match(const Reading& r) {
    // A correction notice is the event it corrects: the report as first printed.
    if (r.corrects_fen && r.total_fen()) {
      Reading printed = with_total(r, *r.corrects_fen);
      printed.corrects_fen.reset();
      if (auto m = find_match(printed))
        return std::make_pair(m->first, fmt::format("correction notice: {} printed before is {}; {}", extract::format_fen(*r.corrects_fen),
                                                    extract::format_fen(*r.total_fen()), m->second));
    }
    // …and a report of the amount a notice corrected is that event, printed before the notice.
    if (const auto fen = r.total_fen(); fen && !r.corrects_fen) {
      std::vector<std::int64_t> corrected;
      {
        auto c = prepared("SELECT DISTINCT event_id FROM mentions WHERE corrects_fen = ? ORDER BY event_id");
        c->bind(1, *fen);
        while (c->executeStep()) corrected.push_back(c->getColumn(0).getInt64());
      }
      for (std::int64_t id : corrected) {
        const Reading event = reading_of_event(id);
        const auto now = event.total_fen();
        if (auto why = same_event(r, with_total(event, *fen)))
          return std::make_pair(id, fmt::format("the amount a correction notice corrected to {}; {}",
                                                now ? extract::format_fen(*now) : std::string("?"), *why));
      }
    }
    // (INDEXED BY: without statistics SQLite would rather walk all the donor's events in id order.)
    std::string sql = "SELECT id FROM events INDEXED BY events_candidates "
                      "WHERE status = ? AND aggregate = ? AND kind = ? AND donor_id IS ? AND ";
    const auto fen = r.total_fen();
    const auto qty = r.total_quantity();
    if (fen) sql += "total_fen = ?";
    else if (qty) sql += "total_quantity = ? AND total_fen IS NULL";
    else sql += "total_fen IS NULL AND total_quantity IS NULL";
    sql += " ORDER BY id";
    std::vector<std::int64_t> ids;
    {
      auto q = prepared(sql);
      q->bind(1, r.status);
      q->bind(2, r.aggregate ? 1 : 0);
      q->bind(3, r.kind);
      bind_optional(*q, 4, r.donor_id);
      if (fen) q->bind(5, *fen);
      else if (qty) q->bind(5, *qty);
      while (q->executeStep()) ids.push_back(q->getColumn(0).getInt64());
    }
    for (std::int64_t id : ids)
      if (auto why = same_event(r, reading_of_event(id))) return std::make_pair(id, *why);
    // A body and the district it belongs to (郑州高新区农业农村局 / 郑州高新区): a sum one report
    // credits to the body that held a fair and another to the district is the same event when all
    // else agrees. (One name is the other's start; only with an amount.)
    if (fen && r.donor_id && !r.donor_name.empty()) {
      std::vector<std::pair<std::int64_t, std::int64_t>> related;  // event, its donor
      {
        auto q = prepared("SELECT e.id, e.donor_id FROM events e JOIN organisations o ON o.id = e.donor_id "
                          "WHERE e.status = ? AND e.aggregate = ? AND e.kind = ? AND e.total_fen = ? AND e.donor_id != ? "
                          "AND (instr(?, o.name) = 1 OR instr(o.name, ?) = 1) ORDER BY e.id");
        q->bind(1, r.status);
        q->bind(2, r.aggregate ? 1 : 0);
        q->bind(3, r.kind);
        q->bind(4, *fen);
        q->bind(5, *r.donor_id);
        q->bind(6, r.donor_name);
        q->bind(7, r.donor_name);
        while (q->executeStep()) related.emplace_back(q->getColumn(0).getInt64(), q->getColumn(1).getInt64());
      }
      for (const auto& [id, donor] : related) {
        const Reading event = reading_of_event(id);
        // Weaker evidence than one donor, so more must agree: the townships, stated by both, and the
        // year; or, for a later review restating the event, the townships and their lines.
        const auto rt = r.townships(), et = event.townships();
        if (rt.empty() || rt != et) continue;
        const bool same_year = r.date_first.size() >= 4 && event.date_first.size() >= 4 &&
                               r.date_first.compare(0, 4, event.date_first, 0, 4) == 0;
        const bool restates = !event.date_last.empty() && r.date_first > event.date_last &&
                              r.allocations.size() == event.allocations.size();
        if (!same_year && !restates) continue;
        Reading as_theirs = r;
        as_theirs.donor_id = donor;
        as_theirs.donor_name = event.donor_name;
        if (auto why = same_event(as_theirs, event))
          return std::make_pair(id, fmt::format("{} and {} are one body and the district it belongs to; {}", r.donor_name, event.donor_name, *why));
      }
    }
    // A report of one township's part of an event of several lines (a township's account of its
    // year restating its 100万 of the 各100万 paid to two): that event, when its line for the
    // township is this amount, and the report states the gift's date (one township's 2万 reported
    // months later is as likely a new gift). The event keeps its lines.
    if (fen && r.precision != "reported" && !r.date_first.empty() && r.allocations.size() == 1 && !r.allocations.front().township.empty() &&
        r.allocations.front().township != extract::kJoint) {
      const std::string& township = r.allocations.front().township;
      std::vector<std::int64_t> parts;
      {
        auto q = prepared("SELECT DISTINCT a.event_id FROM allocations a INDEXED BY allocations_line JOIN events e ON e.id = a.event_id "
                          "WHERE a.township = ? AND a.amount_fen = ? AND e.status = ? AND e.aggregate = ? AND e.kind = ? "
                          "AND e.donor_id IS ? ORDER BY a.event_id");
        q->bind(1, township);
        q->bind(2, *fen);
        q->bind(3, r.status);
        q->bind(4, r.aggregate ? 1 : 0);
        q->bind(5, r.kind);
        bind_optional(*q, 6, r.donor_id);
        while (q->executeStep()) parts.push_back(q->getColumn(0).getInt64());
      }
      for (std::int64_t id : parts) {
        const Reading event = reading_of_event(id);
        if (event.allocations.size() < 2) continue;
        Reading line = event;
        line.allocations.erase(std::remove_if(line.allocations.begin(), line.allocations.end(),
                                              [&](const extract::Allocation& a) { return a.township != township || a.amount_fen != fen; }),
                               line.allocations.end());
        if (line.allocations.size() != 1) continue;
        if (auto why = same_event(r, line))
          return std::make_pair(id, fmt::format("restates one line of the event ({}); {}", describe_lines(event), *why));
      }
    }
    return std::nullopt;
  }

  // The report split into one report per line, when it names each line's township, matches no
  // event as a whole, and at least one of its lines is an event already kept.
  std::optional<std::vector<AidReport>> restated_lines(const AidReport& r, const Reading& x) {
    if (x.allocations.size() < 2) return std::nullopt;
    std::set<std::string> townships;
    for (const auto& a : x.allocations) {
      if (a.township.empty() || a.township == extract::kJoint || !(a.amount_fen || a.quantity)) return std::nullopt;
      townships.insert(a.township);
    }
    if (townships.size() != x.allocations.size() || find_match(x)) return std::nullopt;
    bool restates = false;
    for (const auto& a : x.allocations) {
      Reading line = x;
      line.allocations = {a};
      // (Only a line of the same donor: a body and its district are too weak a link to split on.)
      if (const auto m = find_match(line)) restates = restates || reading_of_event(m->first).donor_id == x.donor_id;
    }
    if (!restates) return std::nullopt;
    std::vector<AidReport> out;
    for (const auto& a : r.allocations) {
      AidReport line = r;
      line.allocations = {a};
      out.push_back(std::move(line));
    }
    return out;
  }

  std::int64_t create_event(const Reading& r) {
    auto ins = prepared("INSERT INTO events (donor_id, date_text, date_precision, date_basis, kind, status, "
                        "approximate, aggregate, tranche, item, unit, distribution) "
                        "VALUES (?, '', 'unknown', '', ?, ?, 0, ?, 0, '', '', '')");
    bind_optional(*ins, 1, r.donor_id);
    ins->bind(2, r.kind);
    ins->bind(3, r.status);
    ins->bind(4, r.aggregate ? 1 : 0);
    ins->exec();
    return db.getLastInsertRowid();
  }

  std::int64_t insert_mention(std::int64_t event, const AidReport& r, const Reading& x, const std::string& article_id,
                              const text::Page& page, const std::string& merge_reason) {
    auto ins = prepared(
        "INSERT INTO mentions (event_id, article_id, byte_start, byte_end, measure_start, measure_end, line, sentence, "
        "sentence_original, donor_id, donor_as_written, donor_basis, date_first, date_last, date_text, date_precision, "
        "date_basis, kind, status, approximate, aggregate, tranche, item, unit, distribution, notes, merge_reason, tranche_number, "
        "corrects_fen) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 0;
    ins->bind(++i, event);
    ins->bind(++i, article_id);
    ins->bind(++i, static_cast<std::int64_t>(page.file_offset(r.sentence.begin)));
    ins->bind(++i, static_cast<std::int64_t>(page.file_offset(r.sentence.end)));
    ins->bind(++i, static_cast<std::int64_t>(page.file_offset(r.measure.begin)));
    ins->bind(++i, static_cast<std::int64_t>(page.file_offset(r.measure.end)));
    ins->bind(++i, page.line_of(r.sentence.begin));
    ins->bind(++i, r.sentence_text);
    ins->bind(++i, page.original_slice(r.sentence.begin, r.sentence.end));
    bind_optional(*ins, ++i, x.donor_id);
    ins->bind(++i, r.donor_as_written);
    ins->bind(++i, r.donor_basis);
    bind_text_or_null(*ins, ++i, x.date_first);
    bind_text_or_null(*ins, ++i, x.date_last);
    ins->bind(++i, x.date_text);
    ins->bind(++i, x.precision);
    ins->bind(++i, r.date ? r.date_basis : std::string("reported: date of ") + article_id);
    ins->bind(++i, x.kind);
    ins->bind(++i, x.status);
    ins->bind(++i, r.approximate ? 1 : 0);
    ins->bind(++i, r.aggregate ? 1 : 0);
    ins->bind(++i, r.tranche ? 1 : 0);
    ins->bind(++i, r.item);
    ins->bind(++i, r.unit);
    ins->bind(++i, r.distribution);
    ins->bind(++i, join(r.notes, "; "));
    ins->bind(++i, merge_reason);
    ins->bind(++i, r.tranche_number);
    bind_optional(*ins, ++i, r.corrects_fen);
    ins->exec();
    const std::int64_t id = db.getLastInsertRowid();
    auto al = prepared("INSERT INTO mention_allocations (mention_id, recipient, township, covers, amount_fen, "
                             "amount_high_fen, quantity) VALUES (?,?,?,?,?,?,?)");
    for (const auto& a : r.allocations) {
      al->bind(1, id);
      al->bind(2, a.recipient);
      al->bind(3, a.township);
      al->bind(4, join(a.covers, "、"));
      bind_optional(*al, 5, a.amount_fen);
      bind_optional(*al, 6, a.amount_high_fen);
      bind_optional(*al, 7, a.quantity);
      al->exec();
      al->reset();
    }
    if (x.donor_id) add_alias(*x.donor_id, r.donor_as_written);
    return id;
  }

  // One report as the event rules read it.
  struct MentionSummary {
    std::int64_t id = 0;
    std::optional<std::int64_t> donor;
    std::string date_first, date_last, date_text, precision, basis, article, item, unit, distribution;
    bool approximate = false, tranche = false;
    std::size_t lines = 0;
    bool correction = false;  // a correction notice
  };
  static constexpr const char* kMentionSummary =
      "SELECT m.id, m.donor_id, COALESCE(m.date_first,''), COALESCE(m.date_last,''), m.date_text, "
      "m.date_precision, m.date_basis, m.article_id, m.item, m.unit, m.distribution, "
      "m.approximate, m.tranche, (SELECT COUNT(*) FROM mention_allocations a WHERE a.mention_id = m.id), "
      "m.corrects_fen IS NOT NULL FROM mentions m ";
  static MentionSummary mention_summary(SQLite::Statement& q) {
    return {q.getColumn(0).getInt64(), optional_int(q.getColumn(1)), q.getColumn(2).getString(),
            q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString(),
            q.getColumn(6).getString(), q.getColumn(7).getString(), q.getColumn(8).getString(),
            q.getColumn(9).getString(), q.getColumn(10).getString(), q.getColumn(11).getInt() != 0,
            q.getColumn(12).getInt() != 0, static_cast<std::size_t>(q.getColumn(13).getInt64()),
            q.getColumn(14).getInt() != 0};
  }

  // An event's fields as its reports give them (see recompute_event for the rules).
  struct EventSummary {
    std::optional<std::int64_t> donor;
    std::string date_first, date_last, date_text, precision, basis;
    bool approximate = false, tranche = false;
    std::string item, unit, distribution;
  };
  static int precision_rank(const std::string& p) { return p == "day" ? 0 : p == "month" ? 1 : p == "year" ? 2 : 3; }
  static bool states_date(const MentionSummary& m) {
    return m.precision != "reported" && m.precision != "unknown" && !m.date_first.empty();
  }
  static void take_date(EventSummary& e, const MentionSummary& m) {
    e.date_first = m.date_first;
    e.date_last = m.date_last;
    e.date_text = m.date_text;
    e.precision = m.precision;
    e.basis = fmt::format("{} ({})", m.basis, m.article);
  }
  static void take_report_date(EventSummary& e, const MentionSummary& m) {
    e.date_first = m.date_first;
    e.date_last = m.date_last;
    e.date_text = m.date_text;
    e.precision = "reported";
    e.basis = fmt::format("date not stated; earliest report {}", m.article);
  }
  static void take_detail(EventSummary& e, const MentionSummary& m) {
    e.approximate = m.approximate;
    e.unit = m.unit;
    e.distribution = m.distribution;
  }

  // Writes an event's fields, and its lines when `lines` is given (the lines of the report whose
  // split of the amount the event takes).
  void store_event(std::int64_t id, const EventSummary& e, const std::vector<extract::Allocation>* lines,
                   std::optional<std::int64_t> total_fen, std::optional<std::int64_t> total_qty) {
    auto up = prepared("UPDATE events SET donor_id = ?, date_first = ?, date_last = ?, date_text = ?, "
                       "date_precision = ?, date_basis = ?, approximate = ?, tranche = ?, item = ?, unit = ?, "
                       "distribution = ?, total_fen = ?, total_quantity = ? WHERE id = ?");
    int i = 0;
    bind_optional(*up, ++i, e.donor);
    bind_text_or_null(*up, ++i, e.date_first);
    bind_text_or_null(*up, ++i, e.date_last);
    up->bind(++i, e.date_text);
    up->bind(++i, e.precision);
    up->bind(++i, e.basis);
    up->bind(++i, e.approximate ? 1 : 0);
    up->bind(++i, e.tranche ? 1 : 0);
    up->bind(++i, e.item);
    up->bind(++i, e.unit);
    up->bind(++i, e.distribution);
    bind_optional(*up, ++i, total_fen);
    bind_optional(*up, ++i, total_qty);
    up->bind(++i, id);
    up->exec();
    if (!lines) return;
    {
      auto del = prepared("DELETE FROM allocations WHERE event_id = ?");
      del->bind(1, id);
      del->exec();
    }
    auto ins = prepared("INSERT INTO allocations (event_id, place_id, recipient, township, covers, amount_fen, "
                        "amount_high_fen, quantity) VALUES (?,?,?,?,?,?,?,?)");
    for (const auto& a : *lines) {
      ins->bind(1, id);
      bind_optional(*ins, 2, township_place(a.township));
      ins->bind(3, a.recipient);
      ins->bind(4, a.township);
      ins->bind(5, join(a.covers, "、"));
      bind_optional(*ins, 6, a.amount_fen);
      bind_optional(*ins, 7, a.amount_high_fen);
      bind_optional(*ins, 8, a.quantity);
      ins->exec();
      ins->reset();
    }
  }

  // The event's total amount and quantity: the sums of its lines.
  static std::pair<std::optional<std::int64_t>, std::optional<std::int64_t>> totals_of(const std::vector<extract::Allocation>& lines,
                                                                                       std::int64_t id) {
    std::optional<std::int64_t> total_fen, total_qty;
    for (const auto& a : lines) {
      if (a.amount_fen) {
        total_fen = total_fen.value_or(0);
        extract::add_checked(*total_fen, *a.amount_fen, fmt::format("the total of event {}", id));
      }
      if (a.quantity) {
        total_qty = total_qty.value_or(0);
        extract::add_checked(*total_qty, *a.quantity, fmt::format("the quantity of event {}", id));
      }
    }
    return {total_fen, total_qty};
  }

  // Recomputes an event's fields and lines from all its mentions: the stated date beats the
  // date of a report (the most precise stated date; else the earliest report), the most
  // detailed split of the amount wins, an exact figure beats an approximate one.
  // Every rule is a fold over the reports in the order they were stored; merge_into_event applies
  // the same fold to one more report.
  void recompute_event(std::int64_t id) {
    using M = MentionSummary;
    std::vector<M> ms;
    {
      auto q = prepared(std::string(kMentionSummary) + "WHERE m.event_id = ? ORDER BY m.id");
      q->bind(1, id);
      while (q->executeStep()) ms.push_back(mention_summary(*q));
    }
    if (ms.empty()) {
      // An event added by a correction has no reports; it is the corrections' to keep or remove.
      SQLite::Statement origin(db, "SELECT origin FROM events WHERE id = ?");
      origin.bind(1, id);
      if (origin.executeStep() && origin.getColumn(0).getString() == "correction") return;
      SQLite::Statement del(db, "DELETE FROM events WHERE id = ?");
      del.bind(1, id);
      del.exec();
      return;
    }
    EventSummary e;
    const M* dated = nullptr;
    for (const auto& m : ms) {
      if (!states_date(m)) continue;
      if (!dated || precision_rank(m.precision) < precision_rank(dated->precision) ||
          (precision_rank(m.precision) == precision_rank(dated->precision) && m.date_first < dated->date_first))
        dated = &m;
    }
    if (dated) {
      take_date(e, *dated);
    } else {
      const M* earliest = nullptr;
      for (const auto& m : ms)
        if (!m.date_first.empty() && (!earliest || m.date_first < earliest->date_first)) earliest = &m;
      if (earliest) {
        take_report_date(e, *earliest);
      } else {
        e.precision = "unknown";
        e.basis = "date not stated and no report date known";
      }
    }
    const M* detailed = &ms.front();
    for (const auto& m : ms) {
      if (m.lines > detailed->lines || (m.lines == detailed->lines && detailed->approximate && !m.approximate)) detailed = &m;
    }
    // A correction notice's amounts are the right ones, however the other reports put them.
    for (const auto& m : ms)
      if (m.correction) detailed = &m;
    take_detail(e, *detailed);
    const M* named = &ms.front();
    for (const auto& m : ms)
      if (!named->donor && m.donor) named = &m;
    e.donor = named->donor;
    for (const auto& m : ms)
      if (e.item.empty()) e.item = m.item;
    e.tranche = std::any_of(ms.begin(), ms.end(), [](const M& m) { return m.tranche; });

    const auto lines = load_allocations("mention_allocations", "mention_id", detailed->id);
    const auto [total_fen, total_qty] = totals_of(lines, id);
    store_event(id, e, &lines, total_fen, total_qty);
  }

  // Folds the report `mention_id`, just stored as the latest report of event `id`, into the event's
  // stored fields by the rules of recompute_event, without reading the event's other reports: so
  // an event restated on thousands of pages costs the same to restate once more. The fold needs
  // the event's fields to be recompute_event's: an event a user's correction changed, or with a
  // correction notice among its reports (whose amounts win whatever comes after), is recomputed
  // in full, as is one the caller names as not up to date (`stale`).
  void merge_into_event(std::int64_t id, std::int64_t mention_id, bool stale) {
    MentionSummary m;
    {
      auto q = prepared(std::string(kMentionSummary) + "WHERE m.id = ?");
      q->bind(1, mention_id);
      if (!q->executeStep()) throw std::logic_error(fmt::format("report {} of event {} is not stored", mention_id, id));
      m = mention_summary(*q);
    }
    if (stale || m.correction || needs_full_recompute(id)) return recompute_event(id);
    EventSummary e;
    std::size_t lines = 0;
    {
      auto q = prepared("SELECT donor_id, COALESCE(date_first,''), COALESCE(date_last,''), date_text, date_precision, "
                        "date_basis, approximate, tranche, item, unit, distribution, "
                        "(SELECT COUNT(*) FROM allocations a WHERE a.event_id = e.id) FROM events e WHERE id = ?");
      q->bind(1, id);
      if (!q->executeStep()) throw std::logic_error(fmt::format("event {} is not stored", id));
      e = {optional_int(q->getColumn(0)), q->getColumn(1).getString(), q->getColumn(2).getString(), q->getColumn(3).getString(),
           q->getColumn(4).getString(), q->getColumn(5).getString(), q->getColumn(6).getInt() != 0, q->getColumn(7).getInt() != 0,
           q->getColumn(8).getString(), q->getColumn(9).getString(), q->getColumn(10).getString()};
      lines = static_cast<std::size_t>(q->getColumn(11).getInt64());
    }
    // The date: a stated date beats a report's date; the more precise, then the earlier, wins;
    // among reports' dates the earliest.
    const bool event_stated = e.precision != "reported" && e.precision != "unknown";
    if (states_date(m)) {
      if (!event_stated || precision_rank(m.precision) < precision_rank(e.precision) ||
          (precision_rank(m.precision) == precision_rank(e.precision) && m.date_first < e.date_first))
        take_date(e, m);
    } else if (!event_stated && !m.date_first.empty() && (e.precision == "unknown" || m.date_first < e.date_first)) {
      take_report_date(e, m);
    }
    // The split: more lines, or as many and exact where the event's are approximate.
    const bool detail = m.lines > lines || (m.lines == lines && e.approximate && !m.approximate);
    if (detail) take_detail(e, m);
    if (!e.donor && m.donor) e.donor = m.donor;
    if (e.item.empty()) e.item = m.item;
    e.tranche = e.tranche || m.tranche;
    if (detail) {
      const auto new_lines = load_allocations("mention_allocations", "mention_id", m.id);
      const auto [total_fen, total_qty] = totals_of(new_lines, id);
      store_event(id, e, &new_lines, total_fen, total_qty);
    } else {
      std::optional<std::int64_t> total_fen, total_qty;
      {
        auto q = prepared("SELECT total_fen, total_quantity FROM events WHERE id = ?");
        q->bind(1, id);
        q->executeStep();
        total_fen = optional_int(q->getColumn(0));
        total_qty = optional_int(q->getColumn(1));
      }
      store_event(id, e, nullptr, total_fen, total_qty);
    }
  }

  // Whether an event's fields are not a fold of its reports: a user's correction names it, or a
  // correction notice is among its reports.
  bool needs_full_recompute(std::int64_t id) {
    {
      auto q = prepared("SELECT 1 FROM mentions WHERE event_id = ? AND corrects_fen IS NOT NULL LIMIT 1");
      q->bind(1, id);
      if (q->executeStep()) return true;
    }
    auto q = prepared("SELECT 1 FROM corrections WHERE event_id = ? LIMIT 1");
    q->bind(1, id);
    return q->executeStep();
  }

  // A pledge a tranche may be paid against.
  struct PledgeRow {
    std::int64_t id;
    std::string date_first;  // '' when not known
  };
  // The townships of an event's lines.
  std::set<std::string> townships_of_event(std::int64_t id) {
    Reading r;
    r.allocations = load_allocations("allocations", "event_id", id);
    return r.townships();
  }
  // The pledge tranche `t` is paid against: the latest pledge (then the highest id) of the same
  // donor and kind dated no later than the tranche, for one of its townships (or for none when the
  // tranche names none). `only`: look among these pledges (in that order) instead of the ledger's.
  std::optional<std::int64_t> pledge_for(const Reading& t, const std::vector<PledgeRow>* only) {
    const std::string bound = t.date_first.empty() ? std::string("9999") : t.date_first;
    std::vector<std::int64_t> pledges;
    if (only) {
      for (const auto& p : *only)
        if (p.date_first <= bound) pledges.push_back(p.id);
    } else {
      auto p = prepared("SELECT id FROM events WHERE status = 'pledged' AND donor_id IS ? AND kind = ? "
                        "AND COALESCE(date_first, '') <= ? ORDER BY date_first DESC, id DESC");
      bind_optional(*p, 1, t.donor_id);
      p->bind(2, t.kind);
      p->bind(3, bound);
      while (p->executeStep()) pledges.push_back(p->getColumn(0).getInt64());
    }
    const auto tt = t.townships();
    for (std::int64_t pid : pledges) {
      const auto pt = townships_of_event(pid);
      const bool overlap = std::any_of(tt.begin(), tt.end(), [&](const std::string& s) { return pt.count(s) > 0; });
      if (overlap || (tt.empty() && pt.empty())) return pid;
    }
    return std::nullopt;
  }
  void set_pledge(std::int64_t tranche, std::int64_t pledge) {
    auto up = prepared("UPDATE events SET pledge_id = ? WHERE id = ?");
    up->bind(1, pledge);
    up->bind(2, tranche);
    up->exec();
  }

  // A tranche (首批 …) is paid against the latest earlier pledge of the same donor to the same
  // townships.
  void link_tranches() {
    std::vector<std::int64_t> ids;
    {
      auto q = prepared("SELECT id FROM events WHERE tranche = 1 AND status = 'disbursed' AND pledge_id IS NULL ORDER BY id");
      while (q->executeStep()) ids.push_back(q->getColumn(0).getInt64());
    }
    for (std::int64_t id : ids)
      if (auto p = pledge_for(reading_of_event(id), nullptr)) set_pledge(id, *p);
  }

  // link_tranches after a transaction that changed only the events `touched` (created them, or
  // added reports to them), with the same result. Every transaction ends with each unlinked
  // tranche having no pledge to be paid against; so a new link needs a touched tranche, or a
  // touched pledge (then only that pledge can be the one). Whatever removed events or reports
  // calls link_tranches instead.
  void link_tranches(const std::set<std::int64_t>& touched) {
    std::vector<std::int64_t> tranches;
    std::map<std::pair<std::optional<std::int64_t>, std::string>, std::vector<PledgeRow>> pledges;  // by donor and kind
    for (std::int64_t id : touched) {
      auto q = prepared("SELECT status, tranche, pledge_id IS NULL, donor_id, kind, COALESCE(date_first, '') FROM events WHERE id = ?");
      q->bind(1, id);
      if (!q->executeStep()) continue;
      const std::string status = q->getColumn(0).getString();
      if (status == "disbursed" && q->getColumn(1).getInt() == 1 && q->getColumn(2).getInt() == 1) tranches.push_back(id);
      else if (status == "pledged")
        pledges[{optional_int(q->getColumn(3)), q->getColumn(4).getString()}].push_back({id, q->getColumn(5).getString()});
    }
    std::map<std::int64_t, std::int64_t> links;  // tranche -> pledge
    for (std::int64_t id : tranches)
      if (auto p = pledge_for(reading_of_event(id), nullptr)) links[id] = *p;
    for (auto& [key, rows] : pledges) {
      // The order of the ledger's query: latest date first (unknown dates last), then highest id.
      std::sort(rows.begin(), rows.end(), [](const PledgeRow& a, const PledgeRow& b) {
        return a.date_first != b.date_first ? a.date_first > b.date_first : a.id > b.id;
      });
      std::vector<std::int64_t> waiting;
      {
        auto q = prepared("SELECT id FROM events WHERE tranche = 1 AND status = 'disbursed' AND pledge_id IS NULL "
                          "AND donor_id IS ? AND kind = ? ORDER BY id");
        bind_optional(*q, 1, key.first);
        q->bind(2, key.second);
        while (q->executeStep()) waiting.push_back(q->getColumn(0).getInt64());
      }
      for (std::int64_t id : waiting)
        if (!touched.count(id))
          if (auto p = pledge_for(reading_of_event(id), &rows)) links[id] = *p;
    }
    for (const auto& [tranche, pledge] : links) set_pledge(tranche, pledge);
  }

  // These bytes under this path read with these options: unchanged; other bytes or options under a
  // known path: changed; a new path with bytes stored under another path: duplicate (one page).
  PageState page_state(const std::string& path, const std::string& sha256, const std::string& read_options) {
    {
      auto q = prepared("SELECT sha256, read_options FROM pages WHERE path = ?");
      q->bind(1, path);
      if (q->executeStep()) {
        const bool same = q->getColumn(0).getString() == sha256 && q->getColumn(1).getString() == read_options;
        return same ? PageState::unchanged : PageState::changed;
      }
    }
    return stored_elsewhere(path, sha256) ? PageState::duplicate : PageState::absent;
  }

  bool stored_elsewhere(const std::string& path, const std::string& sha256) {
    auto same = prepared("SELECT 1 FROM pages WHERE sha256 = ? AND path != ? LIMIT 1");
    same->bind(1, sha256);
    same->bind(2, path);
    return same->executeStep();
  }

  std::string article_prefix(const std::string& path, const std::string& sha256) {
    const std::string stem = extract::file_stem(path);
    auto q = prepared("SELECT 1 FROM articles a JOIN pages p ON p.id = a.page_id "
                      "WHERE a.id >= ? AND a.id < ? AND p.path != ? LIMIT 1");
    q->bind(1, stem + "#");
    q->bind(2, stem + "$");  // '$' sorts right after '#'
    q->bind(3, path);
    if (!q->executeStep()) return stem;
    return fmt::format("{}~{}", stem, sha256.substr(0, 8));
  }

  // Removes the page stored at `path` (its articles and reports go with it); returns the events
  // its reports were part of, to be recomputed, or nothing when no page is stored there.
  std::optional<std::set<std::int64_t>> remove_page(const std::string& path) {
    SQLite::Statement old(db, "SELECT id FROM pages WHERE path = ?");
    old.bind(1, path);
    if (!old.executeStep()) return std::nullopt;
    const std::int64_t page_id = old.getColumn(0).getInt64();
    std::set<std::int64_t> touched;
    SQLite::Statement ev(db, "SELECT DISTINCT m.event_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE a.page_id = ?");
    ev.bind(1, page_id);
    while (ev.executeStep()) touched.insert(ev.getColumn(0).getInt64());
    SQLite::Statement del(db, "DELETE FROM pages WHERE id = ?");
    del.bind(1, page_id);
    del.exec();
    return touched;
  }
};

Ledger::Ledger(const std::string& path, Access access, int busy_timeout_ms) try
    : impl_(std::make_unique<Impl>(path, access, busy_timeout_ms)) {
} catch (const SQLite::Exception& e) {
  rethrow(path, e, busy_timeout_ms);  // the file could not even be opened
}
Ledger::~Ledger() = default;
const std::string& Ledger::path() const { return impl_->db_path; }
SQLite::Database& Ledger::database() { return impl_->db; }

PageState Ledger::page_state(const std::string& path, const std::string& sha256, const std::string& read_options) const {
  try {
    return impl_->page_state(path, sha256, read_options);
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
  }
}

std::vector<Ledger::PlacedName> Ledger::places_learned() const {
  std::vector<PlacedName> out;
  SQLite::Statement q(impl_->db, "SELECT pp.name, pp.township, p.path FROM page_places pp JOIN pages p ON p.id = pp.page_id "
                                 "ORDER BY pp.page_id, pp.name");
  while (q.executeStep()) {
    const std::string path = q.getColumn(2).getString();
    out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), path.substr(path.find_last_of('/') + 1)});
  }
  return out;
}

std::string Ledger::article_prefix(const std::string& path, const std::string& sha256) const {
  try {
    return impl_->article_prefix(path, sha256);
  } catch (const SQLite::Exception& e) {
    rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
  }
}

// (A function-try-block: a SQLite error leaves as one that names the database.)
PageState Ledger::ingest(const extract::PageExtraction& px, IngestStats& stats, const std::string& read_options) try {
  auto& db = impl_->db;
  // Everything is decided inside one write transaction: two aidledgers ingesting the same file
  // (under one path or two) at once store it once, and article ids are unique.
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  const text::Page& page = px.page;
  const PageState state = impl_->page_state(page.path, page.sha256, read_options);
  if (state == PageState::unchanged) {
    ++stats.pages_unchanged;
    return state;
  }

  // A changed file replaces its old mentions; events they alone supported go with them.
  const auto removed = impl_->remove_page(page.path);
  std::set<std::int64_t> touched = removed.value_or(std::set<std::int64_t>{});
  if (state == PageState::duplicate || (removed && impl_->stored_elsewhere(page.path, page.sha256))) {
    // The same bytes are in the ledger under another path: one page. What this path held before
    // (other bytes) is gone from the disk, so it leaves the ledger.
    for (std::int64_t e : touched) impl_->recompute_event(e);
    if (removed) impl_->link_tranches();
    tx.commit();
    ++stats.pages_duplicate;
    return PageState::duplicate;
  }
  const std::string prefix = impl_->article_prefix(page.path, page.sha256);
  std::map<int, std::string> article_ids;
  for (const auto& a : px.articles) article_ids[a.seq] = fmt::format("{}#{}", prefix, a.seq);

  SQLite::Statement ins_page(db, "INSERT INTO pages (path, sha256, bytes, encoding, script, reference_date, "
                                 "reference_basis, read_options, ingested_at) VALUES (?,?,?,?,?,?,?,?,datetime('now'))");
  ins_page.bind(1, page.path);
  ins_page.bind(2, page.sha256);
  ins_page.bind(3, static_cast<std::int64_t>(page.file_size));
  ins_page.bind(4, page.encoding);
  ins_page.bind(5, page.script);
  if (px.reference) ins_page.bind(6, extract::format_date(*px.reference));
  else ins_page.bind(6);
  ins_page.bind(7, px.reference_basis);
  ins_page.bind(8, read_options);
  ins_page.exec();
  const std::int64_t page_id = db.getLastInsertRowid();
  {
    SQLite::Statement ins_place(db, "INSERT OR IGNORE INTO page_places (page_id, name, township) VALUES (?,?,?)");
    for (const auto& [name, township] : px.places_learned) {
      ins_place.bind(1, page_id);
      ins_place.bind(2, name);
      ins_place.bind(3, township);
      ins_place.exec();
      ins_place.reset();
    }
  }

  SQLite::Statement ins_article(db, "INSERT INTO articles (id, page_id, seq, title, sha256, byte_start, byte_end, line, "
                                    "published_first, published_last, published_text, published_precision, "
                                    "published_basis, relevant) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  std::map<int, const extract::ArticleRecord*> by_seq;
  for (const auto& a : px.articles) {
    by_seq[a.seq] = &a;
    int i = 0;
    ins_article.bind(++i, article_ids.at(a.seq));
    ins_article.bind(++i, page_id);
    ins_article.bind(++i, a.seq);
    ins_article.bind(++i, a.title);
    ins_article.bind(++i, a.sha256);
    ins_article.bind(++i, static_cast<std::int64_t>(a.file_begin));
    ins_article.bind(++i, static_cast<std::int64_t>(a.file_end));
    ins_article.bind(++i, a.line);
    if (a.date) {
      ins_article.bind(++i, iso_day(a.date->first));
      ins_article.bind(++i, iso_day(a.date->last));
      ins_article.bind(++i, extract::format_date_start(*a.date));
      ins_article.bind(++i, std::string(extract::to_string(a.date->precision)));
    } else {
      for (int k = 0; k < 4; ++k) ins_article.bind(++i);
    }
    ins_article.bind(++i, a.date_basis);
    ins_article.bind(++i, a.relevant ? 1 : 0);
    ins_article.exec();
    ins_article.reset();
    ++stats.articles;
    if (a.relevant) ++stats.relevant_articles;
  }

  std::set<std::int64_t> page_events;  // the events this page's reports created or joined
  // Two amounts of one sentence are two events, unless one is the other's whole told again (拿出
  // 20万元，向甲、乙分别拨付12万元、8万元): 各拨付100万元；还拟再投入100万元，为乙镇… is no
  // restatement of the first's line for 乙镇. The events each sentence gave so far:
  std::map<std::size_t, std::vector<std::pair<std::int64_t, std::size_t>>> sentence_events;  // event, end of its amount
  // A report listing several townships' parts (向甲乡、乙镇分别拨付50万元、30万元) that restates
  // gifts already kept one township at a time is read line by line: each line joins the event it
  // restates, the others become events of their own, so no part is counted twice.
  std::vector<std::pair<AidReport, std::string>> reports;  // a report, and the lines of the report it was split from
  reports.reserve(px.reports.size());
  for (const AidReport& r : px.reports) {
    const extract::ArticleRecord& art = *by_seq.at(r.article_seq);
    const Reading whole = impl_->reading_of_report(r, art);
    if (auto lines = impl_->restated_lines(r, whole)) {
      for (auto& line : *lines) reports.emplace_back(std::move(line), describe_lines(whole));
    } else {
      reports.emplace_back(r, std::string());
    }
  }
  for (const auto& [r, split_from] : reports) {
    const extract::ArticleRecord& art = *by_seq.at(r.article_seq);
    const Reading x = impl_->reading_of_report(r, art);
    std::int64_t event;
    std::string reason = "first report";
    auto& of_sentence = sentence_events[r.sentence.begin];
    auto match = impl_->find_match(x);
    for (const auto& [earlier, amount_end] : of_sentence) {
      if (!match || earlier != match->first) continue;
      // (A whole told again stands in the same clause group: not after ；, 还, 再 or 另.)
      const std::string_view between = amount_end < r.measure.begin
                                           ? std::string_view(page.text).substr(amount_end, r.measure.begin - amount_end)
                                           : std::string_view();
      bool another = false;
      for (std::string_view w : {"；", ";", "还", "再", "另"}) another = another || between.find(w) != std::string_view::npos;
      if (another || impl_->reading_of_event(match->first).total_fen() != x.total_fen()) match.reset();
    }
    if (match) {
      event = match->first;
      reason = match->second;
      ++stats.reports_merged;
    } else {
      event = impl_->create_event(x);
      ++stats.events_created;
    }
    const bool created = !match;
    if (!split_from.empty()) reason += fmt::format("; one line of a report of several townships ({})", split_from);
    const std::int64_t mention = impl_->insert_mention(event, r, x, article_ids.at(r.article_seq), page, reason);
    // A new event is computed from its one report; a report joining an event is folded into it
    // (an event that lost the reports of this page's old version is recomputed in full).
    if (created) impl_->recompute_event(event);
    else impl_->merge_into_event(event, mention, touched.count(event) > 0);
    touched.erase(event);
    page_events.insert(event);
    of_sentence.emplace_back(event, r.measure.end);
    ++stats.reports;
  }
  for (std::int64_t e : touched) impl_->recompute_event(e);
  // Only a page that removed reports (a changed file) can unlink a tranche; otherwise only the
  // events this page touched can make a new link.
  if (removed) impl_->link_tranches();
  else impl_->link_tranches(page_events);
  tx.commit();
  if (removed) ++stats.pages_replaced;
  else ++stats.pages_added;
  return state;
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

std::vector<std::pair<std::string, std::string>> Ledger::query_plans() try {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [sql, cached] : impl_->statements) {
    SQLite::Statement q(impl_->db, "EXPLAIN QUERY PLAN " + sql);
    std::string plan;
    while (q.executeStep()) plan += q.getColumn(3).getString() + "\n";
    out.emplace_back(sql, plan);
  }
  std::sort(out.begin(), out.end());
  return out;
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

std::vector<std::int64_t> Ledger::events_unlike_recompute() try {
  auto& db = impl_->db;
  // Every event's row and lines (without the lines' ids), as text.
  auto snapshot = [&] {
    std::map<std::int64_t, std::string> out;
    auto cells = [](SQLite::Statement& q, int from) {
      std::string row;
      for (int c = from; c < q.getColumnCount(); ++c) {
        const auto col = q.getColumn(c);
        row += col.isNull() ? std::string("NULL") : col.isInteger() ? fmt::format("{}", col.getInt64()) : "'" + col.getString() + "'";
        row += '|';
      }
      return row;
    };
    SQLite::Statement e(db, "SELECT id, * FROM events ORDER BY id");
    while (e.executeStep()) out[e.getColumn(0).getInt64()] = cells(e, 1);
    SQLite::Statement a(db, "SELECT event_id, place_id, recipient, township, covers, amount_fen, amount_high_fen, quantity, excluded "
                            "FROM allocations ORDER BY event_id, id");
    while (a.executeStep()) out[a.getColumn(0).getInt64()] += "\n  " + cells(a, 1);
    return out;
  };
  db.exec("SAVEPOINT check_events");
  std::vector<std::int64_t> unlike;
  try {
    const auto stored = snapshot();
    for (const auto& [id, row] : stored) impl_->recompute_event(id);
    const auto computed = snapshot();
    for (const auto& [id, row] : stored)
      if (auto it = computed.find(id); it == computed.end() || it->second != row) unlike.push_back(id);
  } catch (...) {
    db.exec("ROLLBACK TO check_events");
    db.exec("RELEASE check_events");
    throw;
  }
  db.exec("ROLLBACK TO check_events");
  db.exec("RELEASE check_events");
  return unlike;
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

namespace {

// 2021-05-04 / 2021-05 / 2021 -> the range and precision a correction sets.
std::optional<std::tuple<std::string, std::string, std::string>> parse_date_field(const std::string& v) {
  const Precision p = v.size() == 10 ? Precision::day : v.size() == 7 ? Precision::month : v.size() == 4 ? Precision::year : Precision::unknown;
  if (p == Precision::unknown) return std::nullopt;
  auto r = extract::parse_iso_range(v, p);
  if (!r) return std::nullopt;
  if (!year_in_range(static_cast<int>(r->first.year())))
    throw std::invalid_argument(fmt::format("date '{}' is outside the years {} to {}", v, kFirstYear, kLastYear));
  return std::make_tuple(iso_day(r->first), iso_day(r->last), std::string(extract::to_string(p)));
}

// An amount in a correction that is refused (past the ceiling of one ledger line, not exact).
struct RefusedCorrectionAmount : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// "1500000.00" or "150万" -> fen, read as the extractor reads amounts (and refused as it
// refuses them: past the ceiling of one ledger line, or not exact). Throws std::invalid_argument
// with the reason.
std::int64_t parse_amount_field(const std::string& v) {
  std::string text = v;
  if (!text.empty() && text.find_first_not_of("0123456789.,") == std::string::npos) text += "元";
  std::vector<extract::RefusedMeasure> refused;
  const auto ms = extract::scan_measures(text, &refused);
  if (!refused.empty()) throw RefusedCorrectionAmount(fmt::format("amount '{}' refused: {}", v, refused.front().reason));
  if (ms.size() != 1 || ms[0].kind != extract::MeasureKind::money || ms[0].span.size() != text.size())
    throw std::invalid_argument(fmt::format("amount '{}' is not an amount of money", v));
  return ms[0].value;
}

// "120" -> a count of goods (digits only, within int64).
std::int64_t parse_quantity_field(const std::string& v) {
  std::int64_t n = 0;
  const auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || v[0] == '-' || v[0] == '+' || ec != std::errc() || end != v.data() + v.size())
    throw std::invalid_argument(fmt::format("quantity '{}' is not a whole number from 0 to {}", v, std::numeric_limits<std::int64_t>::max()));
  return n;
}

}  // namespace

// (A function-try-block: a SQLite error leaves as one that names the database.)
CorrectionStats Ledger::apply_corrections(const std::vector<Correction>& corrections) try {
  auto& db = impl_->db;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  CorrectionStats stats;

  // 1. Undo the previous application: events the corrections touched are recomputed from their
  //    reports, exclusions are lifted, added events are removed.
  std::set<std::int64_t> touched;
  {
    SQLite::Statement q(db, "SELECT DISTINCT event_id FROM corrections WHERE event_id IS NOT NULL");
    while (q.executeStep()) touched.insert(q.getColumn(0).getInt64());
  }
  db.exec("DELETE FROM corrections");
  db.exec("DELETE FROM events WHERE origin = 'correction'");
  db.exec("UPDATE events SET excluded = 0 WHERE excluded != 0");
  db.exec("UPDATE allocations SET excluded = 0 WHERE excluded != 0");
  for (std::int64_t e : touched) impl_->recompute_event(e);

  // 2. Apply each line in order.
  SQLite::Statement record(db, "INSERT INTO corrections (file, line, action, target, fields, reason, status, event_id, message) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  auto event_of = [&](const std::string& ref) -> std::optional<std::int64_t> {
    const std::size_t at = ref.rfind('@');
    if (at == std::string::npos) return std::nullopt;
    std::int64_t byte = 0;
    try {
      byte = std::stoll(ref.substr(at + 1));
    } catch (const std::exception&) {
      return std::nullopt;
    }
    SQLite::Statement q(db, "SELECT event_id FROM mentions WHERE article_id = ? AND measure_start = ? ORDER BY id LIMIT 1");
    q.bind(1, ref.substr(0, at));
    q.bind(2, byte);
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
  };
  auto mention_of = [&](const std::string& ref) -> std::optional<std::int64_t> {
    const std::size_t at = ref.rfind('@');
    SQLite::Statement q(db, "SELECT id FROM mentions WHERE article_id = ? AND measure_start = ? ORDER BY id LIMIT 1");
    q.bind(1, ref.substr(0, at));
    q.bind(2, static_cast<std::int64_t>(std::stoll(ref.substr(at + 1))));
    if (!q.executeStep()) return std::nullopt;
    return q.getColumn(0).getInt64();
  };
  auto update = [&](const std::string& sql, auto... values) {
    SQLite::Statement st(db, sql);
    int i = 0;
    (st.bind(++i, values), ...);
    st.exec();
  };
  auto set_totals = [&](std::int64_t e) {
    try {
      update("UPDATE events SET total_fen = (SELECT SUM(amount_fen) FROM allocations WHERE event_id = ?1 AND excluded = 0), "
             "total_quantity = (SELECT SUM(quantity) FROM allocations WHERE event_id = ?1 AND excluded = 0) WHERE id = ?1", e);
    } catch (const std::exception& x) {
      throw_if_sum_overflow(x, fmt::format("the total of event {}", e));
      throw;
    }
  };

  for (const Correction& c : corrections) {
    std::string status = "applied", message;
    std::optional<std::int64_t> event;
    const std::string where = fmt::format("{}:{}", c.file, c.line);
    bool refused = false;
    // A line either applies whole or changes nothing (a later field may fail after an earlier one).
    db.exec("SAVEPOINT correction_line");
    try {
      if (!c.error.empty()) throw std::invalid_argument(c.error);
      std::vector<std::int64_t> events;
      for (const auto& ref : c.targets) {
        auto e = event_of(ref);
        if (!e) {
          status = "unmatched";
          throw std::invalid_argument(fmt::format("no report {} in the ledger (has the page changed? 'aidledger explain' prints "
                                                  "each report's reference)", ref));
        }
        events.push_back(*e);
      }
      if (!events.empty()) event = events.front();
      // Which line of the event a field or exclusion is about (line=TOWNSHIP), when it has several.
      auto line_id = [&](std::int64_t e) -> std::optional<std::int64_t> {
        SQLite::Statement q(db, "SELECT id, township, recipient FROM allocations WHERE event_id = ? ORDER BY id");
        q.bind(1, e);
        std::vector<std::pair<std::int64_t, std::string>> lines;
        while (q.executeStep()) lines.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString() + "|" + q.getColumn(2).getString());
        auto it = c.fields.find("line");
        if (it == c.fields.end()) {
          if (lines.size() == 1) return lines[0].first;
          return std::nullopt;
        }
        const std::string want = text::to_simplified(it->second);
        for (const auto& [id, key] : lines)
          if (key.substr(0, key.find('|')) == want || key.substr(key.find('|') + 1) == want) return id;
        status = "unmatched";
        throw std::invalid_argument(fmt::format("event {} has no line for '{}'", e, it->second));
      };
      auto need_line = [&](std::int64_t e) {
        auto l = line_id(e);
        if (!l) throw std::invalid_argument(fmt::format("event {} has several lines: say which with line=TOWNSHIP", e));
        return *l;
      };

      if (c.action == "set") {
        const std::int64_t e = events[0];
        for (const auto& [key, value] : c.fields) {
          if (key == "line") continue;
          if (key == "date") {
            auto d = parse_date_field(value);
            if (!d) throw std::invalid_argument(fmt::format("date '{}' is not YYYY-MM-DD, YYYY-MM or YYYY", value));
            update("UPDATE events SET date_first = ?, date_last = ?, date_text = ?, date_precision = ?, date_basis = ? WHERE id = ?",
                   std::get<0>(*d), std::get<1>(*d), value, std::get<2>(*d), fmt::format("set by correction {} ({})", where, c.reason), e);
          } else if (key == "donor") {
            // donor= with no name says the donor is not known (the article's actor was wrong).
            const std::string canonical = extract::Directory::builtin().canonical(value);
            SQLite::Statement st(db, "UPDATE events SET donor_id = ? WHERE id = ?");
            bind_optional(st, 1, impl_->organisation_id(canonical));
            st.bind(2, e);
            st.exec();
          } else if (key == "kind" || key == "status") {
            const bool ok = key == "kind" ? extract::kind_from_string(value).has_value() : extract::status_from_string(value).has_value();
            if (!ok) throw std::invalid_argument(fmt::format("{} '{}' is not one of {}", key, value, key == "kind" ? "cash, in_kind, consumption" : "pledged, disbursed"));
            update(fmt::format("UPDATE events SET {} = ? WHERE id = ?", key), value, e);
          } else if (key == "item" || key == "unit") {
            update(fmt::format("UPDATE events SET {} = ? WHERE id = ?", key), value, e);
          } else if (key == "approximate" || key == "aggregate") {
            if (value != "0" && value != "1") throw std::invalid_argument(fmt::format("{} must be 0 or 1", key));
            update(fmt::format("UPDATE events SET {} = ? WHERE id = ?", key), std::stoi(value), e);
          } else if (key == "amount") {
            update("UPDATE allocations SET amount_fen = ? WHERE id = ?", parse_amount_field(value), need_line(e));
          } else if (key == "quantity") {
            update("UPDATE allocations SET quantity = ? WHERE id = ?", parse_quantity_field(value), need_line(e));
          } else if (key == "township") {
            const std::string t = text::to_simplified(value);
            if (t != "JOINT" && !t.empty() && !extract::Gazetteer::builtin().township_of(t))
              throw std::invalid_argument(fmt::format("'{}' is not a township of the gazetteer", value));
            const std::string canonical = t == "JOINT" || t.empty() ? t : *extract::Gazetteer::builtin().township_of(t);
            SQLite::Statement st(db, "UPDATE allocations SET township = ?, place_id = ? WHERE id = ?");
            st.bind(1, canonical);
            bind_optional(st, 2, impl_->township_place(canonical));
            st.bind(3, need_line(e));
            st.exec();
          } else if (key == "recipient") {
            update("UPDATE allocations SET recipient = ? WHERE id = ?", value, need_line(e));
          }
        }
        set_totals(e);
        message = fmt::format("set {}", c.fields_text);
      } else if (c.action == "exclude") {
        if (c.fields.count("line")) {
          update("UPDATE allocations SET excluded = 1 WHERE id = ?", *line_id(events[0]));
          set_totals(events[0]);
          message = fmt::format("line {} excluded", c.fields.at("line"));
        } else {
          update("UPDATE events SET excluded = 1 WHERE id = ?", events[0]);
          message = "event excluded";
        }
      } else if (c.action == "merge") {
        if (events[0] == events[1]) {
          message = "already one event";
        } else {
          update("UPDATE mentions SET event_id = ?, merge_reason = ? WHERE event_id = ?", events[0],
                 fmt::format("merged by correction {}: {}", where, c.reason), events[1]);
          impl_->recompute_event(events[1]);  // no reports left: removed
          impl_->recompute_event(events[0]);
          message = fmt::format("event {} merged into event {}", events[1], events[0]);
        }
      } else if (c.action == "split") {
        const std::int64_t m = *mention_of(c.targets[0]);
        SQLite::Statement n(db, "SELECT COUNT(*) FROM mentions WHERE event_id = ?");
        n.bind(1, events[0]);
        n.executeStep();
        if (n.getColumn(0).getInt64() < 2) {
          message = "the report is already an event of its own";
        } else {
          db.exec(fmt::format("INSERT INTO events (donor_id, date_text, date_precision, date_basis, kind, status, approximate, aggregate, "
                              "tranche, item, unit, distribution) SELECT donor_id, '', 'unknown', '', kind, status, 0, aggregate, 0, '', '', '' "
                              "FROM mentions WHERE id = {}", m));
          const std::int64_t fresh = db.getLastInsertRowid();
          update("UPDATE mentions SET event_id = ?, merge_reason = ? WHERE id = ?", fresh,
                 fmt::format("split off by correction {}: {}", where, c.reason), m);
          impl_->recompute_event(events[0]);
          impl_->recompute_event(fresh);
          event = fresh;
          message = fmt::format("report split off from event {} into event {}", events[0], fresh);
        }
      } else if (c.action == "add") {
        auto get = [&](const char* k) { auto it = c.fields.find(k); return it == c.fields.end() ? std::string() : it->second; };
        auto d = parse_date_field(get("date"));
        if (!d) throw std::invalid_argument("add needs date=YYYY-MM-DD, YYYY-MM or YYYY");
        const std::string kind = get("kind").empty() ? "cash" : get("kind");
        const std::string st = get("status").empty() ? "disbursed" : get("status");
        if (!extract::kind_from_string(kind) || !extract::status_from_string(st)) throw std::invalid_argument("kind or status not known");
        std::optional<std::int64_t> fen, qty;
        if (!get("amount").empty()) fen = parse_amount_field(get("amount"));
        if (!get("quantity").empty()) qty = parse_quantity_field(get("quantity"));
        if (!fen && !qty) throw std::invalid_argument("add needs amount= or quantity=");
        const std::string t = text::to_simplified(get("township"));
        std::string township = t;
        if (!t.empty() && t != "JOINT") {
          auto canonical = extract::Gazetteer::builtin().township_of(t);
          if (!canonical) throw std::invalid_argument(fmt::format("'{}' is not a township of the gazetteer", get("township")));
          township = *canonical;
        }
        const auto donor = get("donor").empty() ? std::nullopt : impl_->organisation_id(extract::Directory::builtin().canonical(get("donor")));
        SQLite::Statement ins(db, "INSERT INTO events (donor_id, date_first, date_last, date_text, date_precision, date_basis, kind, status, "
                                  "approximate, aggregate, tranche, item, unit, distribution, total_fen, total_quantity, origin) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, 'single', ?, ?, 'correction')");
        int i = 0;
        bind_optional(ins, ++i, donor);
        ins.bind(++i, std::get<0>(*d));
        ins.bind(++i, std::get<1>(*d));
        ins.bind(++i, get("date"));
        ins.bind(++i, std::get<2>(*d));
        ins.bind(++i, fmt::format("added by correction {} ({})", where, c.reason));
        ins.bind(++i, kind);
        ins.bind(++i, st);
        ins.bind(++i, get("item"));
        ins.bind(++i, get("unit"));
        bind_optional(ins, ++i, fen);
        bind_optional(ins, ++i, qty);
        ins.exec();
        event = db.getLastInsertRowid();
        SQLite::Statement al(db, "INSERT INTO allocations (event_id, place_id, recipient, township, covers, amount_fen, quantity) VALUES (?,?,?,?,'',?,?)");
        al.bind(1, *event);
        bind_optional(al, 2, impl_->township_place(township));
        al.bind(3, get("recipient").empty() ? township : get("recipient"));
        al.bind(4, township);
        bind_optional(al, 5, fen);
        bind_optional(al, 6, qty);
        al.exec();
        message = fmt::format("event {} added", *event);
      }
    } catch (const RefusedCorrectionAmount& e) {
      status = "invalid";
      refused = true;
      message = e.what();
    } catch (const std::logic_error& e) {  // invalid_argument, and out_of_range from a number too long
      if (status == "applied") status = "invalid";
      message = e.what();
    } catch (const std::overflow_error& e) {  // a total of the event's lines past int64
      status = "invalid";
      refused = true;
      message = e.what();
    } catch (const SQLite::Exception& e) {
      // A line the ledger cannot take (a constraint) is this line's problem, not every ingest's:
      // the line is undone (its savepoint) and the other lines still apply.
      if (primary_code(e) != SQLITE_CONSTRAINT) throw;
      status = "invalid";
      message = fmt::format("the ledger cannot take this change ({})", e.what());
    }
    if (status != "applied") db.exec("ROLLBACK TO correction_line");
    db.exec("RELEASE correction_line");
    if (status == "applied") ++stats.applied;
    else if (status == "unmatched") ++stats.unmatched;
    else ++stats.invalid;
    if (status != "applied")
      stats.problems.push_back(fmt::format("{}: {}: {}", where, status == "unmatched" ? "unmatched" : refused ? "error" : "not understood", message));
    record.bind(1, c.file);
    record.bind(2, c.line);
    record.bind(3, c.action);
    record.bind(4, c.targets.empty() ? std::string() : c.targets[0] + (c.targets.size() > 1 ? " " + c.targets[1] : ""));
    record.bind(5, c.fields_text);
    record.bind(6, c.reason);
    record.bind(7, status);
    bind_optional(record, 8, event);
    record.bind(9, message);
    record.exec();
    record.reset();
  }
  impl_->link_tranches();
  tx.commit();
  return stats;
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

int Ledger::anchor_relative_paths(const std::string& base) try {
  auto& db = impl_->db;
  // Most ledgers have none: no write lock is taken for them.
  if (!SQLite::Statement(db, "SELECT 1 FROM pages WHERE substr(path, 1, 1) != '/' LIMIT 1").executeStep()) return 0;
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  std::vector<std::pair<std::int64_t, std::string>> relative;
  {
    SQLite::Statement q(db, "SELECT id, path FROM pages WHERE substr(path, 1, 1) != '/' ORDER BY id");
    while (q.executeStep()) relative.emplace_back(q.getColumn(0).getInt64(), q.getColumn(1).getString());
  }
  int anchored = 0;
  for (const auto& [id, path] : relative) {
    std::error_code ec;
    const std::string absolute = (std::filesystem::path(base) / path).lexically_normal().string();
    if (!std::filesystem::is_regular_file(absolute, ec)) continue;
    SQLite::Statement taken(db, "SELECT 1 FROM pages WHERE path = ?");
    taken.bind(1, absolute);
    if (taken.executeStep()) continue;  // recorded under both forms: leave the old one as it was
    SQLite::Statement up(db, "UPDATE pages SET path = ? WHERE id = ?");
    up.bind(1, absolute);
    up.bind(2, id);
    anchored += up.exec();
  }
  tx.commit();
  return anchored;
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

std::int64_t Ledger::corrections_recorded() const try {
  return impl_->db.execAndGet("SELECT COUNT(*) FROM corrections").getInt64();
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

std::int64_t Ledger::last_event_id() const try {
  return impl_->db.execAndGet("SELECT COALESCE(MAX(id), 0) FROM events").getInt64();
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

std::vector<ExportLine> Ledger::export_lines() const { return lines(LineFilter{}); }

std::vector<ExportLine> Ledger::lines(const LineFilter& filter) const try {
  auto& db = impl_->db;
  SQLite::Statement q(db, fmt::format(
      "SELECT e.id, e.date_text, e.date_precision, e.kind, e.status, COALESCE(o.name, ''), a.recipient, a.township, "
      "a.amount_fen, e.approximate, a.quantity, e.unit, e.item, e.aggregate, "
      "(SELECT group_concat(article_id, ';') FROM (SELECT DISTINCT article_id FROM mentions m WHERE m.event_id = e.id ORDER BY article_id)) "
      "FROM events e JOIN allocations a ON a.event_id = e.id LEFT JOIN organisations o ON o.id = e.donor_id "
      "WHERE {} ORDER BY e.date_first IS NULL, e.date_first, e.id, a.id", line_filter_sql()));
  bind_line_filter(q, filter);
  std::vector<ExportLine> out;
  while (q.executeStep()) {
    ExportLine l;
    l.event_id = q.getColumn(0).getInt64();
    l.date = q.getColumn(1).getString();
    l.date_precision = q.getColumn(2).getString();
    if (l.date.size() >= 4) l.year = std::stoi(l.date.substr(0, 4));
    l.kind = q.getColumn(3).getString();
    l.status = q.getColumn(4).getString();
    l.donor = q.getColumn(5).getString();
    l.recipient = q.getColumn(6).getString();
    l.township = q.getColumn(7).getString();
    l.amount_fen = optional_int(q.getColumn(8));
    l.approximate = q.getColumn(9).getInt() != 0;
    l.quantity = optional_int(q.getColumn(10));
    l.unit = q.getColumn(11).getString();
    l.item = q.getColumn(12).getString();
    l.aggregate = q.getColumn(13).getInt() != 0;
    l.sources = split(q.getColumn(14).getString(), ";");
    out.push_back(std::move(l));
  }
  return out;
} catch (const SQLite::Exception& e) {
  rethrow(impl_->db_path, e, impl_->busy_timeout_ms);
}

}  // namespace aidledger::ledger
