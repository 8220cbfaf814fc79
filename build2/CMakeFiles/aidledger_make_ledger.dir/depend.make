# Empty dependencies file for aidledger_make_ledger.
# This may be replaced when dependencies are built.
