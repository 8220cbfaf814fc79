file(REMOVE_RECURSE
  "CMakeFiles/aidledger_phrasing.dir/phrasing/run_phrasing.cpp.o"
  "CMakeFiles/aidledger_phrasing.dir/phrasing/run_phrasing.cpp.o.d"
  "aidledger_phrasing"
  "aidledger_phrasing.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_phrasing.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
