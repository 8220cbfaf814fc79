# Evidence and long lines wrap to the width, nothing cut.
aidledger timeline --db ledger.db --donor 朗悦 --width 80
aidledger timeline --db ledger.db --donor 羲和 --width 160
