# Totals rows; --by-year: one row per donor and year, then the totals of each year and of all.
aidledger donors --db ledger.db --width 80
aidledger donors --db ledger.db --width 160
aidledger donors --db ledger.db --by-year --width 80
aidledger donors --db ledger.db --by-year --width 160
aidledger donors --db ledger.db --year 2030 --width 80
