
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/build2/generated/generator_data.cpp" "CMakeFiles/aidledger_generate.dir/generated/generator_data.cpp.o" "gcc" "CMakeFiles/aidledger_generate.dir/generated/generator_data.cpp.o.d"
  "/work/wt-gen/src/generate/corpus.cpp" "CMakeFiles/aidledger_generate.dir/src/generate/corpus.cpp.o" "gcc" "CMakeFiles/aidledger_generate.dir/src/generate/corpus.cpp.o.d"
  "/work/wt-gen/src/generate/gifts.cpp" "CMakeFiles/aidledger_generate.dir/src/generate/gifts.cpp.o" "gcc" "CMakeFiles/aidledger_generate.dir/src/generate/gifts.cpp.o.d"
  "/work/wt-gen/src/generate/news.cpp" "CMakeFiles/aidledger_generate.dir/src/generate/news.cpp.o" "gcc" "CMakeFiles/aidledger_generate.dir/src/generate/news.cpp.o.d"
  "/work/wt-gen/src/generate/world.cpp" "CMakeFiles/aidledger_generate.dir/src/generate/world.cpp.o" "gcc" "CMakeFiles/aidledger_generate.dir/src/generate/world.cpp.o.d"
  "/work/wt-gen/src/generate/written.cpp" "CMakeFiles/aidledger_generate.dir/src/generate/written.cpp.o" "gcc" "CMakeFiles/aidledger_generate.dir/src/generate/written.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt-gen/build2/CMakeFiles/aidledger_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
