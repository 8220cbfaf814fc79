file(REMOVE_RECURSE
  "CMakeFiles/aidledger_make_ledger.dir/bench/make_ledger.cpp.o"
  "CMakeFiles/aidledger_make_ledger.dir/bench/make_ledger.cpp.o.d"
  "aidledger_make_ledger"
  "aidledger_make_ledger.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_make_ledger.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
