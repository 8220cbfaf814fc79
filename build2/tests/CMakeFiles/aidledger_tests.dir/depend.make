# Empty dependencies file for aidledger_tests.
# This may be replaced when dependencies are built.
