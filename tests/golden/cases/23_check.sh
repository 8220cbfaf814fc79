aidledger check --db ledger.db
