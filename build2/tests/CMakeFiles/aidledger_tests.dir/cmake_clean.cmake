file(REMOVE_RECURSE
  "CMakeFiles/aidledger_tests.dir/e2e/test_samples.cpp.o"
  "CMakeFiles/aidledger_tests.dir/e2e/test_samples.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/main.cpp.o"
  "CMakeFiles/aidledger_tests.dir/main.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_audit.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_audit.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_corrections.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_corrections.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_database.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_database.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_dates.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_dates.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_events.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_events.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_generate.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_generate.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_ledger.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_ledger.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_lexicon.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_lexicon.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_numbers.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_numbers.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_organisations.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_organisations.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_pages.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_pages.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_places.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_places.cpp.o.d"
  "CMakeFiles/aidledger_tests.dir/unit/test_text.cpp.o"
  "CMakeFiles/aidledger_tests.dir/unit/test_text.cpp.o.d"
  "aidledger_tests"
  "aidledger_tests.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_tests.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
