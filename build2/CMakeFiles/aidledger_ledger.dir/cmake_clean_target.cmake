file(REMOVE_RECURSE
  "libaidledger_ledger.a"
)
