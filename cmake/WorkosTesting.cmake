# workos_add_qt_test(<name> LABEL <unit|gui|e2e> SOURCES <files...> [LIBRARIES <targets...>]
#                    [TIMEOUT <seconds>] [ENVIRONMENT <VAR=value...>])
#
# One Qt Test executable per unit, registered with CTest: offscreen platform, a timeout, a label,
# and WORKOS_TEST_OUTPUT pointing at the folder where tests save screenshots and reports.
set(WORKOS_TEST_OUTPUT_DIR "${CMAKE_BINARY_DIR}/test-output")
file(MAKE_DIRECTORY "${WORKOS_TEST_OUTPUT_DIR}")

function(workos_add_qt_test name)
    cmake_parse_arguments(arg "" "LABEL;TIMEOUT" "SOURCES;LIBRARIES;ENVIRONMENT" ${ARGN})
    if(NOT arg_LABEL)
        message(FATAL_ERROR "workos_add_qt_test(${name}): LABEL is required")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 60)
    endif()
    qt_add_executable(${name} ${arg_SOURCES})
    target_link_libraries(${name} PRIVATE workos_compile_policy Qt6::Test ${arg_LIBRARIES})
    add_test(NAME ${name} COMMAND ${name})
    set_tests_properties(${name} PROPERTIES
        LABELS "${arg_LABEL}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;WORKOS_TEST_OUTPUT=${WORKOS_TEST_OUTPUT_DIR};${arg_ENVIRONMENT}")
endfunction()

# workos_add_script_test(<name> LABEL <label> COMMAND <cmd...> [WORKING_DIRECTORY <dir>] [TIMEOUT <s>])
# For suites that are not Qt Test executables (PHPUnit, browser tests, packaging checks).
function(workos_add_script_test name)
    cmake_parse_arguments(arg "" "LABEL;TIMEOUT;WORKING_DIRECTORY" "COMMAND" ${ARGN})
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 120)
    endif()
    if(NOT arg_WORKING_DIRECTORY)
        set(arg_WORKING_DIRECTORY "${CMAKE_SOURCE_DIR}")
    endif()
    add_test(NAME ${name} COMMAND ${arg_COMMAND} WORKING_DIRECTORY "${arg_WORKING_DIRECTORY}")
    set_tests_properties(${name} PROPERTIES
        LABELS "${arg_LABEL}"
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "WORKOS_TEST_OUTPUT=${WORKOS_TEST_OUTPUT_DIR};WORKOS_BUILD_DIR=${CMAKE_BINARY_DIR}")
endfunction()
