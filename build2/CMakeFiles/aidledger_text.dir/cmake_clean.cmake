file(REMOVE_RECURSE
  "CMakeFiles/aidledger_text.dir/src/text/decode.cpp.o"
  "CMakeFiles/aidledger_text.dir/src/text/decode.cpp.o.d"
  "CMakeFiles/aidledger_text.dir/src/text/document.cpp.o"
  "CMakeFiles/aidledger_text.dir/src/text/document.cpp.o.d"
  "CMakeFiles/aidledger_text.dir/src/text/encode.cpp.o"
  "CMakeFiles/aidledger_text.dir/src/text/encode.cpp.o.d"
  "CMakeFiles/aidledger_text.dir/src/text/utf8.cpp.o"
  "CMakeFiles/aidledger_text.dir/src/text/utf8.cpp.o.d"
  "libaidledger_text.a"
  "libaidledger_text.pdb"
)

# Per-language clean rules from dependency scanning.
foreach(lang CXX)
  include(CMakeFiles/aidledger_text.dir/cmake_clean_${lang}.cmake OPTIONAL)
endforeach()
