aidledger export --db ledger.db --format json
