# SPDX-License-Identifier: GPL-3.0-or-later
# One place for the flags every target of the project shares.

add_library(gd_compile_options INTERFACE)
target_compile_options(gd_compile_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local)
if(GD_WARNINGS_AS_ERRORS)
    target_compile_options(gd_compile_options INTERFACE -Werror)
endif()
target_compile_definitions(gd_compile_options INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

# gd_add_library(NAME SOURCES ... ) — a static library of the project with the shared flags.
function(gd_add_library name)
    add_library(${name} STATIC ${ARGN})
    target_link_libraries(${name} PRIVATE gd_compile_options)
    target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
endfunction()
