file(REMOVE_RECURSE
  "CMakeFiles/aidledger_generate.dir/generated/generator_data.cpp.o"
  "CMakeFiles/aidledger_generate.dir/generated/generator_data.cpp.o.d"
  "CMakeFiles/aidledger_generate.dir/src/generate/corpus.cpp.o"
  "CMakeFiles/aidledger_generate.dir/src/generate/corpus.cpp.o.d"
  "CMakeFiles/aidledger_generate.dir/src/generate/gifts.cpp.o"
  "CMakeFiles/aidledger_generate.dir/src/generate/gifts.cpp.o.d"
  "CMakeFiles/aidledger_generate.dir/src/generate/news.cpp.o"
  "CMakeFiles/aidledger_generate.dir/src/generate/news.cpp.o.d"
  "CMakeFiles/aidledger_generate.dir/src/generate/world.cpp.o"
  "CMakeFiles/aidledger_generate.dir/src/generate/world.cpp.o.d"
  "CMakeFiles/aidledger_generate.dir/src/generate/written.cpp.o"
  "CMakeFiles/aidledger_generate.dir/src/generate/written.cpp.o.d"
  "libaidledger_generate.a"
  "libaidledger_generate.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_generate.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
