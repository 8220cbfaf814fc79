file(REMOVE_RECURSE
  "CMakeFiles/aidledger.dir/src/cli/audit.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/audit.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/export.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/export.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/extract.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/extract.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/generate.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/generate.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/ingest.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/ingest.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/io.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/io.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/main.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/main.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/parse.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/parse.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/report.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/report.cpp.o.d"
  "CMakeFiles/aidledger.dir/src/cli/table.cpp.o"
  "CMakeFiles/aidledger.dir/src/cli/table.cpp.o.d"
  "aidledger"
  "aidledger.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
