file(REMOVE_RECURSE
  "CMakeFiles/aidledger_ledger.dir/src/ledger/corrections.cpp.o"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/corrections.cpp.o.d"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/export.cpp.o"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/export.cpp.o.d"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/filter.cpp.o"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/filter.cpp.o.d"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/ledger.cpp.o"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/ledger.cpp.o.d"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/schema.cpp.o"
  "CMakeFiles/aidledger_ledger.dir/src/ledger/schema.cpp.o.d"
  "libaidledger_ledger.a"
  "libaidledger_ledger.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_ledger.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
