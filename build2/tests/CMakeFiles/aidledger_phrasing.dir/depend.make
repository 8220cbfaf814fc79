# Empty dependencies file for aidledger_phrasing.
# This may be replaced when dependencies are built.
