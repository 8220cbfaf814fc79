file(REMOVE_RECURSE
  "libaidledger_text.a"
)
