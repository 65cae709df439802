# SPDX-License-Identifier: GPL-3.0-or-later
# gd_add_test(NAME SOURCES ... LIBS ... [LABELS ...]) — one Qt Test executable under CTest, offscreen.

function(gd_add_test name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} gd_test_support Qt6::Test gd_compile_options)
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;GD_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data;GD_SOURCE_DIR=${PROJECT_SOURCE_DIR};GD_BUILD_DIR=${PROJECT_BINARY_DIR};GD_CLI=$<TARGET_FILE:gitops-desk-cli>;LANG=C.UTF-8;GD_ARGOCD_SIM=$<TARGET_FILE:argocd-sim>"
        TIMEOUT 300)
    if(ARG_LABELS)
        set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
    endif()
endfunction()

# gd_add_benchmark(NAME SOURCES ... LIBS ...) — a benchmark executable that prints its figures; not a test.
function(gd_add_benchmark name)
    cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} gd_test_support gd_compile_options)
endfunction()
