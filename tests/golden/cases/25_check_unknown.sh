aidledger check --db ledger.db --check nope
