# capstan_module(NAME SOURCES... [DEPS ...]) builds library capstan_NAME from the module's
# non-test sources. capstan_module_test(NAME [DEPS ...]) builds NAME_test from the module's
# *_test.cpp files plus the shared Catch2 main, linking only that module and what it may use,
# so an upward dependency fails to link.

function(capstan_module name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "_test\\.cpp$")
  add_library(capstan_${name} STATIC ${sources})
  target_include_directories(capstan_${name} PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(capstan_${name} PUBLIC ${ARG_DEPS})
endfunction()

function(capstan_module_test name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  if(NOT CAPSTAN_TESTS)
    return()
  endif()
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
  if(NOT tests)
    return()
  endif()
  add_executable(${name}_test ${tests})
  target_link_libraries(${name}_test PRIVATE capstan_${name} capstan_testing ${ARG_DEPS})
  add_test(NAME ${name} COMMAND ${name}_test)
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "CAPSTAN_SOURCE_DIR=${CMAKE_SOURCE_DIR};LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/lsan.supp")
endfunction()

# Shared test support: the Catch2 main, file-driven case registration, temp dirs, goldens.
if(CAPSTAN_TESTS)
  file(GLOB testing_sources CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/support/*.cpp)
  add_library(capstan_testing STATIC ${testing_sources})
  target_include_directories(capstan_testing PUBLIC ${CMAKE_SOURCE_DIR})
  target_link_libraries(capstan_testing PUBLIC Catch2::Catch2)
  target_compile_definitions(capstan_testing PRIVATE CAPSTAN_DEFAULT_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
endif()
