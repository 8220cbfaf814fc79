// Schema migrations, applied in order and recorded in PRAGMA user_version.
#pragma once
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

namespace aidledger::ledger {

/// What a database holds, read without writing anything.
struct LedgerShape {
  int version = 0;                   // PRAGMA user_version
  std::vector<std::string> objects;  // tables, indexes, views ... (not SQLite's own)
  bool ledger = false;               // an aidledger ledger (of any schema version)
  bool empty() const { return version == 0 && objects.empty(); }
};
LedgerShape inspect(SQLite::Database& db);

/// Brings an empty database or a ledger to kSchemaVersion in one write transaction; throws
/// DatabaseError when it was made by a newer aidledger.
void migrate(SQLite::Database& db);

}  // namespace aidledger::ledger
