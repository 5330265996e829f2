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

# Adds a Qt Test executable and registers it with ctest. GUI tests run under
# xvfb-run so that QOpenGLWidget gets a real X server and GL context.
function(cosmos_add_test name)
  cmake_parse_arguments(arg "GUI" "" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE ${arg_LIBS} Qt6::Test cosmos_warnings)
  target_compile_definitions(${name} PRIVATE
    COSMOS_BINARY_DIR="${CMAKE_BINARY_DIR}"
    COSMOS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
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
endfunction()
