# Windows: the app icon (.ico rendered from the SVG at build time) and version information in
# the executables' resources; KDE Frameworks DLLs beside the executables (windeployqt only
# deploys Qt's own). Included by packaging/CMakeLists.txt.

set(COUNTERSIGN_WINDOWS_ICO "${CMAKE_CURRENT_BINARY_DIR}/windows/countersign.ico")
add_custom_command(
    OUTPUT "${COUNTERSIGN_WINDOWS_ICO}"
    COMMAND countersign-icontool "${countersign_icon_svg}" --ico "${COUNTERSIGN_WINDOWS_ICO}"
    DEPENDS countersign-icontool "${countersign_icon_svg}"
    COMMENT "Rendering the Windows app icon"
    VERBATIM)
add_custom_target(countersign-windows-icon DEPENDS "${COUNTERSIGN_WINDOWS_ICO}")

foreach(target countersign countersign-server countersign-cli)
    set(COUNTERSIGN_RC_TARGET "${target}")
    if(target STREQUAL "countersign")
        set(COUNTERSIGN_RC_ICON "IDI_ICON1 ICON \"${COUNTERSIGN_WINDOWS_ICO}\"")
    else()
        set(COUNTERSIGN_RC_ICON "")
    endif()
    set(rc "${CMAKE_CURRENT_BINARY_DIR}/windows/${target}.rc")
    configure_file("${CMAKE_CURRENT_LIST_DIR}/countersign.rc.in" "${rc}" @ONLY)
    target_sources(${target} PRIVATE "${rc}")
    add_dependencies(${target} countersign-windows-icon)
    set_source_files_properties("${rc}" PROPERTIES OBJECT_DEPENDS "${COUNTERSIGN_WINDOWS_ICO}")
endforeach()

install(IMPORTED_RUNTIME_ARTIFACTS KF6::SyntaxHighlighting
    RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Runtime)
if(TARGET qt6keychain)
    install(IMPORTED_RUNTIME_ARTIFACTS qt6keychain
        RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}" COMPONENT Runtime)
endif()
