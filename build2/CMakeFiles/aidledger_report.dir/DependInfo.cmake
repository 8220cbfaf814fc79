
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/src/report/audit.cpp" "CMakeFiles/aidledger_report.dir/src/report/audit.cpp.o" "gcc" "CMakeFiles/aidledger_report.dir/src/report/audit.cpp.o.d"
  "/work/wt-gen/src/report/csv.cpp" "CMakeFiles/aidledger_report.dir/src/report/csv.cpp.o" "gcc" "CMakeFiles/aidledger_report.dir/src/report/csv.cpp.o.d"
  "/work/wt-gen/src/report/report.cpp" "CMakeFiles/aidledger_report.dir/src/report/report.cpp.o" "gcc" "CMakeFiles/aidledger_report.dir/src/report/report.cpp.o.d"
  "/work/wt-gen/src/report/xlsx.cpp" "CMakeFiles/aidledger_report.dir/src/report/xlsx.cpp.o" "gcc" "CMakeFiles/aidledger_report.dir/src/report/xlsx.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt-gen/build2/CMakeFiles/aidledger_ledger.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_extract.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
