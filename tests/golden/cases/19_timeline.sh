aidledger timeline --db ledger.db --donor 朗悦
