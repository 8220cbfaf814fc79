
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/src/text/decode.cpp" "CMakeFiles/aidledger_text.dir/src/text/decode.cpp.o" "gcc" "CMakeFiles/aidledger_text.dir/src/text/decode.cpp.o.d"
  "/work/wt-gen/src/text/document.cpp" "CMakeFiles/aidledger_text.dir/src/text/document.cpp.o" "gcc" "CMakeFiles/aidledger_text.dir/src/text/document.cpp.o.d"
  "/work/wt-gen/src/text/encode.cpp" "CMakeFiles/aidledger_text.dir/src/text/encode.cpp.o" "gcc" "CMakeFiles/aidledger_text.dir/src/text/encode.cpp.o.d"
  "/work/wt-gen/src/text/utf8.cpp" "CMakeFiles/aidledger_text.dir/src/text/utf8.cpp.o" "gcc" "CMakeFiles/aidledger_text.dir/src/text/utf8.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
