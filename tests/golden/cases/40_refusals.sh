# Every command that takes names refuses an unknown one the same way: exit 2, up to three close names.
for cmd in query donors townships timeline; do
  aidledger $cmd --db ledger.db --township 徐家弯
  aidledger $cmd --db ledger.db --donor 可乐公司 --format json
  aidledger $cmd --db ledger.db --donor 高新 --township 双龙 --format csv
done
aidledger query --db ledger.db --donor 科技公司
aidledger query --db ledger.db --donor zzz
# The report too, before any file is written (it used to write an empty workbook).
aidledger report --db ledger.db --donor 不存在 --out refused.xlsx
aidledger report --db ledger.db --township 徐家弯 --format csv --out refused_csv
for f in refused.xlsx refused_csv; do [ -e "$f" ] && echo "$f written" || echo "no $f"; done
