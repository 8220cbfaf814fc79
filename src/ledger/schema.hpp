// Schema migrations, applied in order and recorded in PRAGMA user_version.
#pragma once
#include <SQLiteCpp/Database.h>

namespace aidledger::ledger {

/// Brings the database to kSchemaVersion; throws when it was made by a newer aidledger.
void migrate(SQLite::Database& db);

}  // namespace aidledger::ledger
