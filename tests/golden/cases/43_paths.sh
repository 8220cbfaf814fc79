# Pages and the corrections file are recorded with absolute paths: findings name a file relative to
# where the command runs when it is under it, else in full (WORK stands for the scratch folder).
mkdir -p elsewhere
aidledger check --db ledger.db --check correction-unmatched --width 160
aidledger check --db ledger.db --check unresolved-place --width 160 --format csv
(cd elsewhere && aidledger check --db ../ledger.db --check correction-unmatched --width 160 | sed "s|$(cd .. && pwd -P)|WORK|g")
(cd elsewhere && aidledger check --db ../ledger.db --check unresolved-place --width 160 --format csv | sed "s|$(cd .. && pwd -P)|WORK|g")
