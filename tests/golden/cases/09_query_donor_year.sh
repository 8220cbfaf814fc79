aidledger query --db ledger.db --donor 高新区 --year 2019
