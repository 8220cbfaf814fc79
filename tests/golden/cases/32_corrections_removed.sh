rm ledger.corrections
aidledger ingest --db ledger.db
aidledger query --db ledger.db --year 2024 --kind cash
