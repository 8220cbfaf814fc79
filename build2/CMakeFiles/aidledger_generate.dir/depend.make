# Empty dependencies file for aidledger_generate.
# This may be replaced when dependencies are built.
