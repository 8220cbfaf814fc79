#include "schema.hpp"

#include <stdexcept>

#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>

#include "aidledger/extract/places.hpp"
#include "aidledger/ledger/ledger.hpp"

namespace aidledger::ledger {
namespace {

// Version 1: the normalised ledger.
constexpr const char* kVersion1 = R"sql(
CREATE TABLE pages (
  id                  INTEGER PRIMARY KEY,
  path                TEXT NOT NULL UNIQUE,
  sha256              TEXT NOT NULL,
  bytes               INTEGER NOT NULL,
  encoding            TEXT NOT NULL,
  script              TEXT NOT NULL,
  reference_date      TEXT,              -- publication date (or year) used to resolve dates
  reference_basis     TEXT NOT NULL,     -- manifest | inferred ... | unknown
  ingested_at         TEXT NOT NULL
);
CREATE TABLE articles (
  id                  TEXT PRIMARY KEY,  -- <file stem>#<seq>
  page_id             INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  seq                 INTEGER NOT NULL,
  title               TEXT NOT NULL,
  sha256              TEXT NOT NULL,
  byte_start          INTEGER NOT NULL,
  byte_end            INTEGER NOT NULL,
  line                INTEGER NOT NULL,
  published_first     TEXT,              -- ISO day
  published_last      TEXT,
  published_text      TEXT,              -- as precise as known: 2019-11-23, 2019-11, 2019
  published_precision TEXT,
  published_basis     TEXT NOT NULL,     -- dateline | page | unknown
  relevant            INTEGER NOT NULL,
  UNIQUE (page_id, seq)
);
CREATE TABLE organisations (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL UNIQUE,  -- canonical, Simplified script
  category            TEXT NOT NULL CHECK (category IN ('government','enterprise','social_organisation','other'))
);
CREATE TABLE organisation_aliases (
  alias               TEXT NOT NULL,
  organisation_id     INTEGER NOT NULL REFERENCES organisations(id) ON DELETE CASCADE,
  PRIMARY KEY (alias, organisation_id)
);
CREATE TABLE places (
  id                  INTEGER PRIMARY KEY,
  name                TEXT NOT NULL,
  level               TEXT NOT NULL CHECK (level IN ('county','township','village','school','clinic')),
  parent_id           INTEGER REFERENCES places(id),
  UNIQUE (name, level)
);
CREATE TABLE events (
  id                  INTEGER PRIMARY KEY,
  donor_id            INTEGER REFERENCES organisations(id),
  date_first          TEXT,              -- ISO day, for ordering and filters
  date_last           TEXT,
  date_text           TEXT NOT NULL,     -- 2021-05, 2021-10-24 ... at its precision; '' if unknown
  date_precision      TEXT NOT NULL CHECK (date_precision IN ('day','month','year','reported','unknown')),
  date_basis          TEXT NOT NULL,
  kind                TEXT NOT NULL CHECK (kind IN ('cash','in_kind','consumption')),
  status              TEXT NOT NULL CHECK (status IN ('pledged','disbursed')),
  approximate         INTEGER NOT NULL,
  aggregate           INTEGER NOT NULL,
  tranche             INTEGER NOT NULL,
  pledge_id           INTEGER REFERENCES events(id) ON DELETE SET NULL,
  item                TEXT NOT NULL,
  unit                TEXT NOT NULL,
  distribution        TEXT NOT NULL,
  total_fen           INTEGER,           -- derived from allocations, for matching
  total_quantity      INTEGER
);
CREATE INDEX events_match ON events (status, aggregate, kind, total_fen, total_quantity);
CREATE TABLE allocations (
  id                  INTEGER PRIMARY KEY,
  event_id            INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  place_id            INTEGER REFERENCES places(id),
  recipient           TEXT NOT NULL,
  township            TEXT NOT NULL,     -- canonical township, JOINT, or ''
  covers              TEXT NOT NULL,     -- townships of a JOINT line, joined by '、'
  amount_fen          INTEGER,
  amount_high_fen     INTEGER,
  quantity            INTEGER
);
CREATE INDEX allocations_event ON allocations (event_id);
CREATE TABLE mentions (
  id                  INTEGER PRIMARY KEY,
  event_id            INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  article_id          TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
  byte_start          INTEGER NOT NULL,  -- of the sentence, in the file
  byte_end            INTEGER NOT NULL,
  measure_start       INTEGER NOT NULL,  -- of the amount or quantity, in the file
  measure_end         INTEGER NOT NULL,
  line                INTEGER NOT NULL,
  sentence            TEXT NOT NULL,     -- normalised (Simplified) text
  sentence_original   TEXT NOT NULL,     -- as printed
  -- this report's own reading, kept so that events can be recomputed and disagreements shown
  donor_id            INTEGER REFERENCES organisations(id),
  donor_as_written    TEXT NOT NULL,
  donor_basis         TEXT NOT NULL,
  date_first          TEXT,
  date_last           TEXT,
  date_text           TEXT NOT NULL,
  date_precision      TEXT NOT NULL,
  date_basis          TEXT NOT NULL,
  kind                TEXT NOT NULL,
  status              TEXT NOT NULL,
  approximate         INTEGER NOT NULL,
  aggregate           INTEGER NOT NULL,
  tranche             INTEGER NOT NULL,
  item                TEXT NOT NULL,
  unit                TEXT NOT NULL,
  distribution        TEXT NOT NULL,
  notes               TEXT NOT NULL,
  merge_reason        TEXT NOT NULL      -- 'first report' or why it joined the event
);
CREATE INDEX mentions_event ON mentions (event_id);
CREATE INDEX mentions_article ON mentions (article_id);
CREATE TABLE mention_allocations (
  mention_id          INTEGER NOT NULL REFERENCES mentions(id) ON DELETE CASCADE,
  recipient           TEXT NOT NULL,
  township            TEXT NOT NULL,
  covers              TEXT NOT NULL,
  amount_fen          INTEGER,
  amount_high_fen     INTEGER,
  quantity            INTEGER
);
CREATE INDEX mention_allocations_mention ON mention_allocations (mention_id);
)sql";

// Version 2: indexes the reports need on large ledgers (tranches by pledge, date order, the events a
// cumulative claim may cover).
constexpr const char* kVersion2 = R"sql(
CREATE INDEX events_pledge ON events (pledge_id);
CREATE INDEX events_date ON events (date_first, id);
CREATE INDEX events_coverage ON events (kind, status, aggregate, date_last);
CREATE INDEX events_donor ON events (donor_id);
)sql";

// Version 3: user corrections, recorded with what they did, and exclusion flags.
constexpr const char* kVersion3 = R"sql(
ALTER TABLE events ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
ALTER TABLE events ADD COLUMN origin TEXT NOT NULL DEFAULT 'articles';   -- articles | correction
ALTER TABLE allocations ADD COLUMN excluded INTEGER NOT NULL DEFAULT 0;
CREATE TABLE corrections (
  id                  INTEGER PRIMARY KEY,
  file                TEXT NOT NULL,
  line                INTEGER NOT NULL,
  action              TEXT NOT NULL,     -- set | exclude | merge | split | add
  target              TEXT NOT NULL,     -- a report reference ARTICLE@BYTE, or '' for add
  fields              TEXT NOT NULL,     -- key=value pairs as written
  reason              TEXT NOT NULL,
  status              TEXT NOT NULL CHECK (status IN ('applied', 'unmatched', 'invalid')),
  event_id            INTEGER REFERENCES events(id) ON DELETE SET NULL,
  message             TEXT NOT NULL
);
CREATE INDEX corrections_event ON corrections (event_id);
)sql";

// Version 4: the options a page was read with (a forced --encoding; empty = detected), so that a
// page read under a wrong encoding is read again when the options change.
constexpr const char* kVersion4 = R"sql(
ALTER TABLE pages ADD COLUMN read_options TEXT NOT NULL DEFAULT '';
)sql";

// Version 5: the number of a tranche (首期 1, 第二期 2), so that two tranches of one pledge are
// never one event; and the amount a correction notice corrects.
constexpr const char* kVersion5 = R"sql(
ALTER TABLE mentions ADD COLUMN tranche_number INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN corrects_fen INTEGER;   -- a correction notice: the amount it corrects
-- (Every report with an amount asks whether a notice corrected it: found by index, not by a scan.)
CREATE INDEX mentions_corrects ON mentions (corrects_fen) WHERE corrects_fen IS NOT NULL;
)sql";

// Version 6: indexes that keep ingest linear in the size of the ledger. Each report looks up its
// candidate events by donor as well (a gift without an amount otherwise compares with every such
// event of every donor); an event's highest tranche number and whether it holds a correction
// notice are read from an index, not from all its reports; a new pledge finds the tranches still
// waiting for one; a page's bytes are looked up under other paths. (IF NOT EXISTS: an older ledger made to look older in tests keeps its indexes.)
constexpr const char* kVersion6 = R"sql(
CREATE INDEX IF NOT EXISTS events_candidates ON events (status, aggregate, kind, donor_id, total_fen, total_quantity);
CREATE INDEX IF NOT EXISTS events_pledges ON events (status, donor_id, kind, date_first);
CREATE INDEX IF NOT EXISTS events_unlinked_tranches ON events (donor_id, kind)
  WHERE tranche = 1 AND status = 'disbursed' AND pledge_id IS NULL;
CREATE INDEX IF NOT EXISTS mentions_event_tranche ON mentions (event_id, tranche_number);
CREATE INDEX IF NOT EXISTS mentions_event_corrects ON mentions (event_id) WHERE corrects_fen IS NOT NULL;
CREATE INDEX IF NOT EXISTS pages_sha256 ON pages (sha256);
)sql";

// Version 7: the villages and schools each page places in a township (木桐乡东坡村), so that pages
// ingested later place them too; gone with their page.
constexpr const char* kVersion7 = R"sql(
CREATE TABLE IF NOT EXISTS page_places (
  page_id             INTEGER NOT NULL REFERENCES pages(id) ON DELETE CASCADE,
  name                TEXT NOT NULL,
  township            TEXT NOT NULL,
  PRIMARY KEY (page_id, name)
) WITHOUT ROWID;
)sql";

// 8: one line of an event looked up by township and amount (a township's account restating its
// part of a gift to several).
constexpr const char* kVersion8 = R"sql(
CREATE INDEX IF NOT EXISTS allocations_line ON allocations (township, amount_fen);
)sql";

void seed_places(SQLite::Database& db) {
  const auto& g = extract::Gazetteer::builtin();
  SQLite::Statement ins(db, "INSERT OR IGNORE INTO places (name, level, parent_id) VALUES (?, ?, "
                            "(SELECT id FROM places WHERE name = ? AND level IN ('county','township')))");
  for (const auto& e : g.entries()) {
    ins.bind(1, e.name);
    ins.bind(2, e.level);
    ins.bind(3, e.parent);
    ins.exec();
    ins.reset();
  }
}

}  // namespace

LedgerShape inspect(SQLite::Database& db) {
  LedgerShape shape;
  shape.version = db.execAndGet("PRAGMA user_version").getInt();
  SQLite::Statement q(db, "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type DESC, name");
  int ours = 0;
  while (q.executeStep()) {
    const std::string name = q.getColumn(0).getString();
    shape.objects.push_back(name);
    for (const char* t : {"pages", "articles", "events", "allocations", "mentions"})
      if (name == t) ++ours;
  }
  shape.ledger = shape.version >= 1 && ours == 5;
  return shape;
}

void migrate(SQLite::Database& db) {
  if (db.execAndGet("PRAGMA user_version").getInt() == kSchemaVersion) return;
  // One write transaction, the version read again inside it: two aidledgers creating the same new
  // ledger take turns, and the second finds the tables made (never "table pages already exists").
  SQLite::Transaction tx(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int version = db.execAndGet("PRAGMA user_version").getInt();
  if (version > kSchemaVersion)
    throw DatabaseError(fmt::format("{}: made by a newer aidledger (schema {}; this one knows schema {} and older); use a newer "
                                    "aidledger", db.getFilename(), version, kSchemaVersion));
  if (version < 1) {
    db.exec(kVersion1);
    seed_places(db);
  }
  if (version < 2) db.exec(kVersion2);
  if (version < 3) db.exec(kVersion3);
  if (version < 4) db.exec(kVersion4);
  if (version < 5) db.exec(kVersion5);
  if (version < 6) db.exec(kVersion6);
  if (version < 7) db.exec(kVersion7);
  if (version < 8) db.exec(kVersion8);
  db.exec(fmt::format("PRAGMA user_version = {}", kSchemaVersion));
  tx.commit();
}

}  // namespace aidledger::ledger
