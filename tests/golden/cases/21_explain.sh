aidledger explain --db ledger.db 3
