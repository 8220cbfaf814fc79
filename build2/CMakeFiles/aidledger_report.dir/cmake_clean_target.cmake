file(REMOVE_RECURSE
  "libaidledger_report.a"
)
