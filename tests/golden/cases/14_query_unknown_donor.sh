aidledger query --db ledger.db --donor 可乐公司
