# Empty dependencies file for aidledger.
# This may be replaced when dependencies are built.
