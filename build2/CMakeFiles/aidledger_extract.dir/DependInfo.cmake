
# Consider dependencies only in project.
set(CMAKE_DEPENDS_IN_PROJECT_ONLY OFF)

# The set of languages for which implicit dependencies are needed:
set(CMAKE_DEPENDS_LANGUAGES
  )

# The set of dependency files which are needed:
set(CMAKE_DEPENDS_DEPENDENCY_FILES
  "/work/wt-gen/build2/generated/embedded_data.cpp" "CMakeFiles/aidledger_extract.dir/generated/embedded_data.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/generated/embedded_data.cpp.o.d"
  "/work/wt-gen/src/extract/dates.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/dates.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/dates.cpp.o.d"
  "/work/wt-gen/src/extract/events.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/events.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/events.cpp.o.d"
  "/work/wt-gen/src/extract/frames.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/frames.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/frames.cpp.o.d"
  "/work/wt-gen/src/extract/givers.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/givers.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/givers.cpp.o.d"
  "/work/wt-gen/src/extract/lexicon.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/lexicon.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/lexicon.cpp.o.d"
  "/work/wt-gen/src/extract/numbers.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/numbers.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/numbers.cpp.o.d"
  "/work/wt-gen/src/extract/organisations.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/organisations.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/organisations.cpp.o.d"
  "/work/wt-gen/src/extract/page.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/page.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/page.cpp.o.d"
  "/work/wt-gen/src/extract/places.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/places.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/places.cpp.o.d"
  "/work/wt-gen/src/extract/recipients.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/recipients.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/recipients.cpp.o.d"
  "/work/wt-gen/src/extract/tokens.cpp" "CMakeFiles/aidledger_extract.dir/src/extract/tokens.cpp.o" "gcc" "CMakeFiles/aidledger_extract.dir/src/extract/tokens.cpp.o.d"
  )

# Targets to which this target links.
set(CMAKE_TARGET_LINKED_INFO_FILES
  "/work/wt-gen/build2/CMakeFiles/aidledger_text.dir/DependInfo.cmake"
  )

# Fortran module output directory.
set(CMAKE_Fortran_TARGET_MODULE_DIR "")
