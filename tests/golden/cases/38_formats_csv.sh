# CSV of every listing command; text cells neutralised as the export does, no totals rows.
aidledger query --db ledger.db --year 2024 --format csv
aidledger donors --db ledger.db --format csv
aidledger donors --db ledger.db --by-year --format csv --from 2021
aidledger townships --db ledger.db --format csv
aidledger townships --db ledger.db --by-year --format csv
aidledger timeline --db ledger.db --donor 羲和 --format csv
aidledger check --db ledger.db --check unresolved-place --format csv
