aidledger query --db ledger.db --status pledged --format json
