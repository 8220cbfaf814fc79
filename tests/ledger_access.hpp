// Tests (and bench/make_ledger.cpp) reach a ledger's SQLite connection here: Ledger::database()
// is private so that the program's SQL stays in the ledger layer; only test code defines this.
#pragma once
#include <SQLiteCpp/SQLiteCpp.h>

#include "aidledger/ledger/ledger.hpp"

namespace aidledger::ledger {

struct TestAccess {
  static SQLite::Database& database(Ledger& l) { return l.database(); }
};

}  // namespace aidledger::ledger
