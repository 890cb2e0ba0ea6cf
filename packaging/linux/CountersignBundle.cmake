# The relocatable .tar.gz's Qt deployment (component BundledQt), included by
# packaging/CMakeLists.txt on Linux. It bundles every library the programs and their plugins
# need except the system libraries of system-libraries.txt (the C library, GL, X11/Wayland
# client libraries, fontconfig/freetype, D-Bus, GLib, OpenSSL), then gives every ELF file a
# RUNPATH into lib/ (CountersignBundleDeploy.cmake does the work at install time).
# packaging/test-tarball.sh proves the result in a fresh root with only desktop-packages.txt.

set(countersign_deploy_component BundledQt)
find_program(COUNTERSIGN_PATCHELF patchelf)
find_program(COUNTERSIGN_DPKG_QUERY dpkg-query)
if(NOT COUNTERSIGN_PATCHELF)
    message(STATUS "patchelf not found: `cpack -G TGZ` will fail (the .deb does not need it)")
endif()

# Qt's plugin list for the generic (Linux) deployment comes out empty for targets that get Qt
# through static libraries, so the helper names the plugins the programs load.
set(countersign_bundle_dir "${CMAKE_CURRENT_LIST_DIR}")
set(countersign_deploy_prelude "
set(COUNTERSIGN_QT_PLUGINS_DIR \"${QT6_INSTALL_PREFIX}/${QT6_INSTALL_PLUGINS}\")
set(COUNTERSIGN_SYSTEM_LIBRARIES_FILE \"${countersign_bundle_dir}/system-libraries.txt\")
set(COUNTERSIGN_PATCHELF \"${COUNTERSIGN_PATCHELF}\")
set(COUNTERSIGN_DPKG_QUERY \"${COUNTERSIGN_DPKG_QUERY}\")
include(\"${countersign_bundle_dir}/CountersignBundleDeploy.cmake\")
countersign_bundle_plugins(__QT_DEPLOY_PLUGINS)
countersign_bundle_system_regexes(countersign_system_names countersign_system_paths)
# The helper sets every RUNPATH itself, the plugins' too.
set(__QT_DEPLOY_MUST_ADJUST_PLUGINS_RPATH OFF)")
# PRE_EXCLUDE: a system library is neither resolved nor followed (its own dependencies are the
# system's business). POST_EXCLUDE: the same list on resolved paths; non-empty, it also stops Qt
# from skipping every library in the system's library folders, which is its default.
string(APPEND countersign_deploy_extra
    " PRE_EXCLUDE_REGEXES \\\${countersign_system_names}"
    " POST_EXCLUDE_REGEXES \\\${countersign_system_paths}")
set(countersign_deploy_epilogue "countersign_bundle_finish()")
