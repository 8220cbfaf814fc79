# The same lines at 80 and 160 columns: cut with …, optional columns hidden and named; sources as a
# count unless --sources lists them under each line.
aidledger query --db ledger.db --width 80
aidledger query --db ledger.db --width 160
aidledger query --db ledger.db --year 2019 --sources --width 80
aidledger query --db ledger.db --year 2019 --sources --width 160
aidledger query --db ledger.db --township 双龙湾 --width 80
