# One compile policy for every target of the project: link `workos_compile_policy`.
option(WORKOS_WERROR "Treat compiler warnings as errors (./test and CI turn this on)" OFF)

add_library(workos_compile_policy INTERFACE)
target_compile_features(workos_compile_policy INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)

target_compile_options(workos_compile_policy INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual
    -Wcast-qual -Wformat=2 -Wimplicit-fallthrough -Wmissing-declarations)
if(WORKOS_WERROR)
    target_compile_options(workos_compile_policy INTERFACE -Werror)
endif()

# Strict Qt: no implicit char*/QByteArray <-> QString conversions (every user-visible string is
# either tr() or an explicit QStringLiteral/u""_s), no deprecated API, no context-less connects.
target_compile_definitions(workos_compile_policy INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    QT_NO_CONTEXTLESS_CONNECT
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    QT_DISABLE_DEPRECATED_UP_TO=0x060400)
