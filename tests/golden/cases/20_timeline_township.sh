aidledger timeline --db ledger.db --township 双龙湾 --year 2023
