aidledger query --db ledger.db --year 2020 --from 2019
aidledger query --db ledger.db --kind gift
