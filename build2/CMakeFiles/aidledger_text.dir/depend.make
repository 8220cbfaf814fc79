# Empty dependencies file for aidledger_text.
# This may be replaced when dependencies are built.
