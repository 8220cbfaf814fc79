file(REMOVE_RECURSE
  "CMakeFiles/aidledger_report.dir/src/report/audit.cpp.o"
  "CMakeFiles/aidledger_report.dir/src/report/audit.cpp.o.d"
  "CMakeFiles/aidledger_report.dir/src/report/csv.cpp.o"
  "CMakeFiles/aidledger_report.dir/src/report/csv.cpp.o.d"
  "CMakeFiles/aidledger_report.dir/src/report/report.cpp.o"
  "CMakeFiles/aidledger_report.dir/src/report/report.cpp.o.d"
  "CMakeFiles/aidledger_report.dir/src/report/xlsx.cpp.o"
  "CMakeFiles/aidledger_report.dir/src/report/xlsx.cpp.o.d"
  "libaidledger_report.a"
  "libaidledger_report.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_report.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
