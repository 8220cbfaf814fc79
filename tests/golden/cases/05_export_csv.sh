aidledger export --db ledger.db --format csv
