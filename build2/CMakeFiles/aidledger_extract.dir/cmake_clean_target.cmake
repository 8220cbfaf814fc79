file(REMOVE_RECURSE
  "libaidledger_extract.a"
)
