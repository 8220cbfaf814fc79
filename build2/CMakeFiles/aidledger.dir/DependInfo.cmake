
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/src/cli/audit.cpp" "CMakeFiles/aidledger.dir/src/cli/audit.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/audit.cpp.o.d"
  "/work/wt-gen/src/cli/export.cpp" "CMakeFiles/aidledger.dir/src/cli/export.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/export.cpp.o.d"
  "/work/wt-gen/src/cli/extract.cpp" "CMakeFiles/aidledger.dir/src/cli/extract.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/extract.cpp.o.d"
  "/work/wt-gen/src/cli/generate.cpp" "CMakeFiles/aidledger.dir/src/cli/generate.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/generate.cpp.o.d"
  "/work/wt-gen/src/cli/ingest.cpp" "CMakeFiles/aidledger.dir/src/cli/ingest.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/ingest.cpp.o.d"
  "/work/wt-gen/src/cli/io.cpp" "CMakeFiles/aidledger.dir/src/cli/io.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/io.cpp.o.d"
  "/work/wt-gen/src/cli/main.cpp" "CMakeFiles/aidledger.dir/src/cli/main.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/main.cpp.o.d"
  "/work/wt-gen/src/cli/parse.cpp" "CMakeFiles/aidledger.dir/src/cli/parse.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/parse.cpp.o.d"
  "/work/wt-gen/src/cli/report.cpp" "CMakeFiles/aidledger.dir/src/cli/report.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/report.cpp.o.d"
  "/work/wt-gen/src/cli/table.cpp" "CMakeFiles/aidledger.dir/src/cli/table.cpp.o" "gcc" "CMakeFiles/aidledger.dir/src/cli/table.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt-gen/build2/CMakeFiles/aidledger_report.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_generate.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_ledger.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_extract.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
