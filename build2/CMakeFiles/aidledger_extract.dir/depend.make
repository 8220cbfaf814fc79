# Empty dependencies file for aidledger_extract.
# This may be replaced when dependencies are built.
