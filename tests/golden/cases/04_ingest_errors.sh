printf "abc\0def" > binary.txt
aidledger ingest --db other.db binary.txt missing.txt
aidledger ingest --db other.db --manifest nope.csv sample_data
