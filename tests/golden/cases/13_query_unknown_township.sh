aidledger query --db ledger.db --township 徐家弯
