aidledger townships --db ledger.db --width 80
aidledger townships --db ledger.db --width 160
aidledger townships --db ledger.db --by-year --width 80
aidledger townships --db ledger.db --by-year --width 160 --township 徐家湾乡
