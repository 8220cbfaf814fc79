aidledger explain --db ledger.db 999
