cp ledger.corrections.txt ledger.corrections
aidledger ingest --db ledger.db sample_data
aidledger explain --db ledger.db 9
aidledger query --db ledger.db --year 2022
