file(REMOVE_RECURSE
  "CMakeFiles/aidledger_extract.dir/generated/embedded_data.cpp.o"
  "CMakeFiles/aidledger_extract.dir/generated/embedded_data.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/dates.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/dates.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/events.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/events.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/frames.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/frames.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/givers.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/givers.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/lexicon.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/lexicon.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/numbers.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/numbers.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/organisations.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/organisations.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/page.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/page.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/places.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/places.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/recipients.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/recipients.cpp.o.d"
  "CMakeFiles/aidledger_extract.dir/src/extract/tokens.cpp.o"
  "CMakeFiles/aidledger_extract.dir/src/extract/tokens.cpp.o.d"
  "libaidledger_extract.a"
  "libaidledger_extract.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_extract.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
