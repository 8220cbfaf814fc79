aidledger ingest --db ledger.db sample_data
aidledger query --db ledger.db --year 2024 --kind cash
aidledger check --db ledger.db --check correction-unmatched
