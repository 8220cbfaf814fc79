# CMake generated Testfile for 
# Source directory: /work/wt-gen/tests
# Build directory: /work/wt-gen/build2/tests
# 
# This file includes the relevant testing commands required for 
# testing this directory and lists subdirectories to be tested as well.
add_test([=[unit_tests]=] "/work/wt-gen/build2/tests/aidledger_tests")
set_tests_properties([=[unit_tests]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;26;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[cli_end_to_end]=] "bash" "/work/wt-gen/tests/cli/test_cli.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[cli_end_to_end]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;29;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[cli_two_writers]=] "bash" "/work/wt-gen/tests/cli/test_concurrency.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[cli_two_writers]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;32;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[cli_kill_during_ingest]=] "bash" "/work/wt-gen/tests/cli/test_kill.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[cli_kill_during_ingest]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;35;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[sample_ledger_score]=] "bash" "/work/wt-gen/tests/e2e/score_samples.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[sample_ledger_score]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;38;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[generated_corpus_score]=] "bash" "/work/wt-gen/tests/e2e/score_generated.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[generated_corpus_score]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;42;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[report_workbook_totals]=] "bash" "/work/wt-gen/tests/report/test_report.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[report_workbook_totals]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;45;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[report_libreoffice_recalculation]=] "bash" "/work/wt-gen/tests/report/test_report.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen" "recalc")
set_tests_properties([=[report_libreoffice_recalculation]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;47;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[golden_cli]=] "bash" "/work/wt-gen/tests/golden/run.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[golden_cli]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;50;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[phrasing_table]=] "/work/wt-gen/build2/tests/aidledger_phrasing" "--known" "/work/wt-gen/tests/phrasing/known_failures.txt" "/work/wt-gen/tests/phrasing/01_distribution.tsv" "/work/wt-gen/tests/phrasing/02_status.tsv" "/work/wt-gen/tests/phrasing/03_scope.tsv" "/work/wt-gen/tests/phrasing/04_givers.tsv" "/work/wt-gen/tests/phrasing/05_recipients.tsv" "/work/wt-gen/tests/phrasing/06_kinds_verbs.tsv" "/work/wt-gen/tests/phrasing/07_page_dates.tsv" "/work/wt-gen/tests/phrasing/08_amounts.tsv" "/work/wt-gen/tests/phrasing/09_dates.tsv" "/work/wt-gen/tests/phrasing/10_session_additions.tsv")
set_tests_properties([=[phrasing_table]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;58;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
add_test([=[blind_sets_score]=] "bash" "/work/wt-gen/tests/e2e/score_blind.sh" "/work/wt-gen/build2/aidledger" "/work/wt-gen")
set_tests_properties([=[blind_sets_score]=] PROPERTIES  _BACKTRACE_TRIPLES "/work/wt-gen/tests/CMakeLists.txt;60;add_test;/work/wt-gen/tests/CMakeLists.txt;0;")
