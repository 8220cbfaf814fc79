aidledger report --db ledger.db --format csv --out report_csv
cat report_csv/yearly_totals.csv
aidledger report --db ledger.db --out report.xlsx --township 木桐乡
