# Compiler warnings and Qt strictness for every Countersign target.
# countersign_target_defaults(<target>) applies them; libraries and executables call it.

add_library(countersign-build-settings INTERFACE)
target_compile_definitions(countersign-build-settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_DISABLE_DEPRECATED_UP_TO=0x060800)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(countersign-build-settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
        -Woverloaded-virtual -Wimplicit-fallthrough)
    if(COUNTERSIGN_WERROR)
        target_compile_options(countersign-build-settings INTERFACE -Werror)
    endif()
    if(COUNTERSIGN_SANITIZE)
        target_compile_options(countersign-build-settings INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(countersign-build-settings INTERFACE -fsanitize=address,undefined)
    endif()
elseif(MSVC)
    target_compile_options(countersign-build-settings INTERFACE /W4 /permissive- /utf-8)
    if(COUNTERSIGN_WERROR)
        target_compile_options(countersign-build-settings INTERFACE /WX)
    endif()
endif()

function(countersign_target_defaults target)
    target_link_libraries(${target} PRIVATE countersign-build-settings)
endfunction()
