
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/src/ledger/corrections.cpp" "CMakeFiles/aidledger_ledger.dir/src/ledger/corrections.cpp.o" "gcc" "CMakeFiles/aidledger_ledger.dir/src/ledger/corrections.cpp.o.d"
  "/work/wt-gen/src/ledger/export.cpp" "CMakeFiles/aidledger_ledger.dir/src/ledger/export.cpp.o" "gcc" "CMakeFiles/aidledger_ledger.dir/src/ledger/export.cpp.o.d"
  "/work/wt-gen/src/ledger/filter.cpp" "CMakeFiles/aidledger_ledger.dir/src/ledger/filter.cpp.o" "gcc" "CMakeFiles/aidledger_ledger.dir/src/ledger/filter.cpp.o.d"
  "/work/wt-gen/src/ledger/ledger.cpp" "CMakeFiles/aidledger_ledger.dir/src/ledger/ledger.cpp.o" "gcc" "CMakeFiles/aidledger_ledger.dir/src/ledger/ledger.cpp.o.d"
  "/work/wt-gen/src/ledger/schema.cpp" "CMakeFiles/aidledger_ledger.dir/src/ledger/schema.cpp.o" "gcc" "CMakeFiles/aidledger_ledger.dir/src/ledger/schema.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt-gen/build2/CMakeFiles/aidledger_extract.dir/DependInfo.cmake"
  "/work/wt-gen/build2/CMakeFiles/aidledger_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
