aidledger query --db ledger.db --year 2030
