# CPack settings shared by every generator; per-generator choices (which components, which
# prefix) live in CPackProjectConfig.cmake.in, which CPack reads once per generator.

set(CPACK_PACKAGE_NAME "countersign")
set(CPACK_PACKAGE_VENDOR "The Countersign developers")
set(CPACK_PACKAGE_CONTACT "The Countersign developers <maintainers@countersign.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Review and countersign what AI agents propose")
set(CPACK_PACKAGE_DESCRIPTION
    "AI agents propose actions; Countersign decides what happens to each one. A policy puts every
action type in a tier (auto-approve, review-required, prohibited); reviewers approve, modify or
reject in the countersign desktop app; every decision lands in a hash-chained audit log.
The package holds the reviewer app (countersign), the queue server (countersign-server, with a
systemd unit) and the command line client (countersign-cli).")
set(CPACK_PACKAGE_HOMEPAGE_URL "${PROJECT_HOMEPAGE_URL}")
# The version comes from project() like everything else.
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Countersign")
set(CPACK_PACKAGE_EXECUTABLES "countersign" "Countersign")
set(CPACK_STRIP_FILES ON)
set(CPACK_SOURCE_IGNORE_FILES "/build/" "/\\.git/")
set(CPACK_VERBATIM_VARIABLES ON)
set(CPACK_THREADS 0)

if(UNIX AND NOT APPLE)
    set(CPACK_GENERATOR "DEB;TGZ")
elseif(WIN32)
    set(CPACK_GENERATOR "NSIS")
elseif(APPLE)
    set(CPACK_GENERATOR "DragNDrop")
endif()

# Debian: Depends computed by dpkg-shlibdeps from the ELF files, plus what Qt loads at run time,
# which no ELF file names: the platform plugins (xcb, wayland, offscreen), the SQL drivers of both
# stores, SVG support, and Qt's own translations (OK/Cancel, file and message dialogs in German).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6sql6-psql, libqt6svg6, qt6-translations-l10n")
# Wayland without XWayland.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-wayland")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, gnome-keyring | kwalletmanager")
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    "${CMAKE_CURRENT_LIST_DIR}/linux/debian/postinst"
    "${CMAKE_CURRENT_LIST_DIR}/linux/debian/prerm"
    "${CMAKE_CURRENT_LIST_DIR}/linux/debian/postrm")

# Windows: NSIS, with a start menu entry, the bin folder on PATH (for the two command line
# programs) and an uninstaller that runs before an upgrade.
set(CPACK_NSIS_PACKAGE_NAME "Countersign")
set(CPACK_NSIS_DISPLAY_NAME "Countersign ${PROJECT_VERSION}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\countersign.exe")
set(CPACK_NSIS_MODIFY_PATH ON)
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MANIFEST_DPI_AWARE ON)
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
if(COUNTERSIGN_WINDOWS_ICO)
    set(CPACK_NSIS_MUI_ICON "${COUNTERSIGN_WINDOWS_ICO}")
    set(CPACK_NSIS_MUI_UNIICON "${COUNTERSIGN_WINDOWS_ICO}")
    set(CPACK_WIX_PRODUCT_ICON "${COUNTERSIGN_WINDOWS_ICO}")
endif()
# WiX (optional, -G WIX): a fixed upgrade code lets a new .msi replace an older one.
set(CPACK_WIX_UPGRADE_GUID "6B0C8F5E-2D4A-4E8B-9C31-7A2F4D9E1B05")
set(CPACK_WIX_PROGRAM_MENU_FOLDER "Countersign")

# macOS: a disk image with Countersign.app and a link to /Applications.
set(CPACK_DMG_VOLUME_NAME "Countersign ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")

configure_file("${CMAKE_CURRENT_LIST_DIR}/CPackProjectConfig.cmake.in"
    "${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake" @ONLY)
set(CPACK_PROJECT_CONFIG_FILE "${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake")

include(CPack)
