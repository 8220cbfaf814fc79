aidledger --help
