# Empty dependencies file for aidledger_ledger.
# This may be replaced when dependencies are built.
