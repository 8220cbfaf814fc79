# Empty dependencies file for aidledger_report.
# This may be replaced when dependencies are built.
