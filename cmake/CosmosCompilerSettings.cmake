# Compiler warnings and build-speed settings shared by every target.

find_program(COSMOS_CCACHE ccache)
if(COSMOS_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${COSMOS_CCACHE}")
  # Precompiled headers and ccache agree only with these settings.
  set(ENV{CCACHE_SLOPPINESS} "pch_defines,time_macros,include_file_mtime,include_file_ctime")
endif()

add_library(cosmos_warnings INTERFACE)
target_compile_options(cosmos_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
  -Wcast-align -Woverloaded-virtual -Wnull-dereference -Wformat=2)
if(COSMOS_WARNINGS_AS_ERRORS)
  target_compile_options(cosmos_warnings INTERFACE -Werror)
endif()

# A holder of the precompiled LibTorch + Qt Test header for the tests of one
# folder: parsing LibTorch's headers costs ~25 s per file, so every torch
# test of the folder reuses this one PCH. Flags must match exactly, hence the
# same libraries, definitions and QT_TESTCASE_BUILDDIR as the tests.
function(cosmos_torch_test_pch out_var)
  string(MAKE_C_IDENTIFIER "cosmos_torch_pch_${CMAKE_CURRENT_SOURCE_DIR}" holder)
  string(REPLACE "_work_" "_" holder "${holder}")
  if(NOT TARGET ${holder})
    add_library(${holder} OBJECT "${PROJECT_SOURCE_DIR}/cmake/pch_holder.cpp")
    target_link_libraries(${holder} PRIVATE cosmos_engine_torch Qt6::Test cosmos_warnings)
    target_compile_definitions(${holder} PRIVATE
      COSMOS_BINARY_DIR="${CMAKE_BINARY_DIR}"
      COSMOS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
    set_target_properties(${holder} PROPERTIES QT_TESTCASE_BUILDDIR "${CMAKE_BINARY_DIR}" AUTOMOC OFF)
    target_precompile_headers(${holder} PRIVATE "${PROJECT_SOURCE_DIR}/cmake/torch_test_pch.h")
  endif()
  set(${out_var} ${holder} PARENT_SCOPE)
endfunction()

# Adds a Qt Test executable and registers it with ctest. GUI tests run under
# xvfb-run so that QOpenGLWidget gets a real X server and GL context. TORCH
# tests link the engine with LibTorch visible and reuse the folder's PCH.
function(cosmos_add_test name)
  cmake_parse_arguments(arg "GUI;TORCH" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE ${arg_LIBS} Qt6::Test cosmos_warnings)
  target_compile_definitions(${name} PRIVATE
    COSMOS_BINARY_DIR="${CMAKE_BINARY_DIR}"
    COSMOS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
  set_target_properties(${name} PROPERTIES QT_TESTCASE_BUILDDIR "${CMAKE_BINARY_DIR}")
  if(arg_TORCH)
    target_link_libraries(${name} PRIVATE cosmos_engine_torch)
    cosmos_torch_test_pch(holder)
    target_precompile_headers(${name} REUSE_FROM ${holder})
  endif()
  if(arg_GUI)
    find_program(COSMOS_XVFB_RUN xvfb-run REQUIRED)
    add_test(NAME ${name}
      COMMAND ${COSMOS_XVFB_RUN} -a -s "-screen 0 1600x1000x24" $<TARGET_FILE:${name}>)
    set_tests_properties(${name} PROPERTIES LABELS gui)
  else()
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
  endif()
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "COSMOS_TEST_MODE=1")
  # One OpenBLAS kernel on every CI machine, so that a test's numbers do not
  # depend on the CPU it runs on (OpenBLAS picks its kernels by CPU). The
  # comparisons across shapes (causality, padding, the Continue seam, the
  # official fixtures) allow fp32 rounding (tests/support/tensor_compare.h)
  # and pass with the FMA kernels too; the pin keeps the rest reproducible.
  set_property(TEST ${name} APPEND PROPERTY ENVIRONMENT "OPENBLAS_CORETYPE=Sandybridge")
endfunction()
