aidledger query --db ledger.db --donor "' OR 1=1 --"
aidledger query --db ledger.db --township "徐家湾乡' OR '1'='1"
