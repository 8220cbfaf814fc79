
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/tests/e2e/test_samples.cpp" "tests/CMakeFiles/aidledger_tests.dir/e2e/test_samples.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/e2e/test_samples.cpp.o.d"
  "/work/wt-gen/tests/main.cpp" "tests/CMakeFiles/aidledger_tests.dir/main.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/main.cpp.o.d"
  "/work/wt-gen/tests/unit/test_audit.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_audit.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_audit.cpp.o.d"
  "/work/wt-gen/tests/unit/test_corrections.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_corrections.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_corrections.cpp.o.d"
  "/work/wt-gen/tests/unit/test_database.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_database.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_database.cpp.o.d"
  "/work/wt-gen/tests/unit/test_dates.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_dates.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_dates.cpp.o.d"
  "/work/wt-gen/tests/unit/test_events.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_events.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_events.cpp.o.d"
  "/work/wt-gen/tests/unit/test_generate.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_generate.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_generate.cpp.o.d"
  "/work/wt-gen/tests/unit/test_ledger.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_ledger.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_ledger.cpp.o.d"
  "/work/wt-gen/tests/unit/test_lexicon.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_lexicon.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_lexicon.cpp.o.d"
  "/work/wt-gen/tests/unit/test_numbers.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_numbers.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_numbers.cpp.o.d"
  "/work/wt-gen/tests/unit/test_organisations.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_organisations.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_organisations.cpp.o.d"
  "/work/wt-gen/tests/unit/test_pages.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_pages.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_pages.cpp.o.d"
  "/work/wt-gen/tests/unit/test_places.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_places.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_places.cpp.o.d"
  "/work/wt-gen/tests/unit/test_text.cpp" "tests/CMakeFiles/aidledger_tests.dir/unit/test_text.cpp.o" "gcc" "tests/CMakeFiles/aidledger_tests.dir/unit/test_text.cpp.o.d"
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
