# --unit wan: amounts in 万元 (10,000 yuan) in the tables of the listings and in the CSV report;
# the listings' CSV and JSON stay in yuan.
aidledger townships --db ledger.db --unit wan --width 100
aidledger donors --db ledger.db --unit wan --width 100 | tail -3
aidledger query --db ledger.db --township 徐家湾乡 --unit wan --width 100 | tail -4
aidledger townships --db ledger.db --unit wan --format json | grep -m1 disbursed_yuan
aidledger report --db ledger.db --format csv --unit wan --out wan_csv
head -12 wan_csv/summary.csv
aidledger report --db ledger.db --format csv --out yuan_csv
head -12 yuan_csv/summary.csv
aidledger townships --db ledger.db --unit 千元
