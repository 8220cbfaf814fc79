# CSV for people (report --format csv) begins with the UTF-8 byte-order mark; the machine export and
# the listings' CSV do not.
aidledger report --db ledger.db --format csv --out bom_csv
for f in bom_csv/*.csv; do printf '%s: ' "$f"; head -c 3 "$f" | od -An -tx1; done
aidledger export --db ledger.db --format csv --out export.csv
head -c 3 export.csv | od -An -c
aidledger query --db ledger.db --format csv | head -c 3 | od -An -c
