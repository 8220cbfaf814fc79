# One default name: the database's path with .corrections in place of its extension. A file named as
# ledger.db.corrections is refused by name, not silently left out; a missing --corrections file is an error.
cp ledger.corrections.txt ledger.db.corrections
aidledger ingest --db ledger.db
rm ledger.db.corrections
aidledger ingest --db ledger.db --corrections nope.corrections
aidledger ingest --db ledger.db --corrections ledger.corrections.txt
aidledger ingest --help | grep -A1 -- --corrections
