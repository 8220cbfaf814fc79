aidledger donors --db ledger.db
