aidledger ingest --db ledger.db sample_data
