# A finding's FILE:LINE: line stays whole; its evidence wraps to the width.
aidledger check --db ledger.db --check cumulative-claim --width 80
aidledger check --db ledger.db --check unresolved-donor --width 160
