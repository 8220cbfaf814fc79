aidledger export --db nowhere.db
