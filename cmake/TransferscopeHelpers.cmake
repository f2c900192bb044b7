# Shared build helpers: warnings, Qt/torch hygiene, test registration.

# Our own code builds warning-free at this level; dependency headers come in as SYSTEM includes
# through their imported targets, so their warnings stay out of our output.
function(transferscope_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()

# Core targets never see Qt's `slots`/`signals`/`emit` keywords: libtorch headers use `slots()`
# as an identifier, so a TU that includes both would fail to compile (stack.md quirk 1).
function(transferscope_core_library target)
  target_compile_definitions(${target} PUBLIC QT_NO_KEYWORDS)
  transferscope_warnings(${target})
endfunction()

# One QtTest executable per test file, registered with CTest, run offscreen and in English (the CLI
# and the workbench follow the system locale; LANGUAGE=en keeps a German desktop out of the tests).
#   transferscope_add_test(test_name SOURCES a.cpp [b.cpp] LIBS lib... [LABELS l...] [TIMEOUT s])
function(transferscope_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE ${T_LIBS} Qt6::Test)
  target_compile_definitions(${name} PRIVATE
    TRANSFERSCOPE_TEST_DATA="${PROJECT_SOURCE_DIR}/tests/data"
    TRANSFERSCOPE_RESOURCES="${PROJECT_SOURCE_DIR}/resources")
  transferscope_warnings(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 300)
  endif()
  set_tests_properties(${name} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;OMP_NUM_THREADS=2;LANGUAGE=en"
    TIMEOUT ${T_TIMEOUT}
    LABELS "${T_LABELS}")
endfunction()
