aidledger check --db ledger.db --check cumulative-claim
