file(REMOVE_RECURSE
  "CMakeFiles/aidledger_extract_bench.dir/bench/extract_bench.cpp.o"
  "CMakeFiles/aidledger_extract_bench.dir/bench/extract_bench.cpp.o.d"
  "aidledger_extract_bench"
  "aidledger_extract_bench.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_extract_bench.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
