# Empty compiler generated dependencies file for aidledger_extract_bench.
# This may be replaced when dependencies are built.
