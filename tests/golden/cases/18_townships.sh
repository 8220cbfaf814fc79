aidledger townships --db ledger.db --from 2021 --to 2024
