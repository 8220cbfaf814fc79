file(REMOVE_RECURSE
  "libaidledger_generate.a"
)
