aidledger query --db ledger.db --year 2022 --township 徐家湾乡 --format json
aidledger donors --db ledger.db --year 2024 --format json
aidledger donors --db ledger.db --by-year --donor 高新区工会 --format json
aidledger townships --db ledger.db --from 2023 --format json
aidledger townships --db ledger.db --by-year --from 2023 --format json
aidledger timeline --db ledger.db --donor 羲和 --format json
aidledger check --db ledger.db --check unresolved-place --format json
