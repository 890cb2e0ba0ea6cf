# macOS: Countersign.app with an Info.plist from packaging/macos/Info.plist.in and an .icns
# icon made at build time (countersign-icontool renders the .iconset, iconutil packs it).
# Included by packaging/CMakeLists.txt.

find_program(COUNTERSIGN_ICONUTIL iconutil REQUIRED)
set(countersign_iconset "${CMAKE_CURRENT_BINARY_DIR}/macos/countersign.iconset")
set(countersign_icns "${CMAKE_CURRENT_BINARY_DIR}/macos/countersign.icns")
add_custom_command(
    OUTPUT "${countersign_icns}"
    COMMAND "${CMAKE_COMMAND}" -E rm -rf "${countersign_iconset}"
    COMMAND countersign-icontool "${countersign_icon_svg}" --iconset "${countersign_iconset}"
    COMMAND "${COUNTERSIGN_ICONUTIL}" -c icns "${countersign_iconset}" -o "${countersign_icns}"
    DEPENDS countersign-icontool "${countersign_icon_svg}"
    COMMENT "Making the macOS app icon"
    VERBATIM)
target_sources(countersign PRIVATE "${countersign_icns}")
set_source_files_properties("${countersign_icns}" PROPERTIES MACOSX_PACKAGE_LOCATION Resources)

set_target_properties(countersign PROPERTIES
    MACOSX_BUNDLE_INFO_PLIST "${CMAKE_CURRENT_LIST_DIR}/Info.plist.in"
    MACOSX_BUNDLE_BUNDLE_NAME "Countersign"
    MACOSX_BUNDLE_GUI_IDENTIFIER "${COUNTERSIGN_APP_ID}"
    MACOSX_BUNDLE_BUNDLE_VERSION "${PROJECT_VERSION}"
    MACOSX_BUNDLE_SHORT_VERSION_STRING "${PROJECT_VERSION}"
    MACOSX_BUNDLE_ICON_FILE "countersign.icns"
    MACOSX_BUNDLE_COPYRIGHT "The Countersign developers; GPL-3.0-or-later"
    MACOSX_BUNDLE_INFO_STRING "${PROJECT_DESCRIPTION}")
