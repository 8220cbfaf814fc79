aidledger query --db ledger.db --kind in_kind --format csv
