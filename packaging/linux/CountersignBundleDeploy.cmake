# Install-time helpers of the relocatable .tar.gz (component BundledQt): included by the Qt
# deployment script that packaging/linux/CountersignBundle.cmake generates, so they run inside
# `cmake --install` / cpack, with QT_DEPLOY_PREFIX and friends set.
# Inputs set before the include: COUNTERSIGN_QT_PLUGINS_DIR, COUNTERSIGN_SYSTEM_LIBRARIES_FILE,
# COUNTERSIGN_PATCHELF, COUNTERSIGN_DPKG_QUERY (may be empty).

# The Qt plugins the three programs load. Display: xcb, Wayland, offscreen (the headless runs);
# not eglfs, linuxfb, vnc, minimal(egl), vkkhrdisplay, which need a console or a special device
# and drag in libinput, udev and friends. Only the SQL drivers of both stores, Qt's own image
# formats without extra libraries, and no network-information backend (nothing asks for one).
function(countersign_bundle_plugins out_var)
    set(dir "${COUNTERSIGN_QT_PLUGINS_DIR}")
    file(GLOB plugins LIST_DIRECTORIES false
        "${dir}/platforms/libqxcb.so"
        "${dir}/platforms/libqwayland*.so"
        "${dir}/platforms/libqoffscreen.so"
        "${dir}/xcbglintegrations/*.so"
        "${dir}/wayland-decoration-client/*.so"
        "${dir}/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so"
        "${dir}/wayland-shell-integration/*.so"
        "${dir}/platformthemes/libqxdgdesktopportal.so"
        "${dir}/platforminputcontexts/*.so"
        "${dir}/sqldrivers/libqsqlite.so"
        "${dir}/sqldrivers/libqsqlpsql.so"
        "${dir}/imageformats/libqgif.so"
        "${dir}/imageformats/libqico.so"
        "${dir}/imageformats/libqjpeg.so"
        "${dir}/imageformats/libqsvg.so"
        "${dir}/iconengines/libqsvgicon.so"
        "${dir}/tls/*.so")
    foreach(needed platforms/libqxcb.so platforms/libqoffscreen.so sqldrivers/libqsqlite.so)
        if(NOT EXISTS "${dir}/${needed}")
            message(FATAL_ERROR "Qt plugin ${dir}/${needed} is missing: install qt6-qpa-plugins and libqt6sql6-sqlite")
        endif()
    endforeach()
    if(NOT plugins MATCHES "/platforms/libqwayland")
        message(FATAL_ERROR "Qt's Wayland plugins are missing from ${dir}/platforms: install qt6-wayland")
    endif()
    set(${out_var} "${plugins}" PARENT_SCOPE)
endfunction()

# packaging/linux/system-libraries.txt as regular expressions: on NEEDED names (not resolved,
# not followed) and on resolved paths (the same list, for libraries found by path).
function(countersign_bundle_system_regexes names_var paths_var)
    file(STRINGS "${COUNTERSIGN_SYSTEM_LIBRARIES_FILE}" lines REGEX "^[^#]")
    set(names "")
    set(paths "")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" line)
        if(line STREQUAL "")
            continue()
        endif()
        string(REPLACE "." "\\." rex "${line}")
        string(REPLACE "+" "\\+" rex "${rex}")
        string(REPLACE "*" ".*" rex "${rex}")
        list(APPEND names "^${rex}$")
        list(APPEND paths "/${rex}$")
    endforeach()
    set(${names_var} "${names}" PARENT_SCOPE)
    set(${paths_var} "${paths}" PARENT_SCOPE)
endfunction()

# Every ELF file of the tarball finds its libraries through DT_RUNPATH, relative to itself:
# bin/ and the bundled libraries through lib/, the plugins two folders up. RUNPATH, not the
# older RPATH: LD_LIBRARY_PATH still wins over it, as users and debuggers expect.
function(_countersign_set_runpath file runpath)
    execute_process(COMMAND "${COUNTERSIGN_PATCHELF}" --set-rpath "${runpath}" "${file}"
        RESULT_VARIABLE result ERROR_VARIABLE error)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "patchelf --set-rpath failed on ${file}: ${error}")
    endif()
endfunction()

function(_countersign_is_elf file out_var)
    set(${out_var} FALSE PARENT_SCOPE)
    if(IS_SYMLINK "${file}" OR IS_DIRECTORY "${file}")
        return()
    endif()
    file(READ "${file}" magic LIMIT 4 HEX)
    if(magic STREQUAL "7f454c46")
        set(${out_var} TRUE PARENT_SCOPE)
    endif()
endfunction()

# The Debian copyright files of the bundled libraries, plugins and Qt translations, by package.
function(_countersign_third_party_copyrights)
    set(doc "${QT_DEPLOY_PREFIX}/share/doc/countersign/third-party")
    if(NOT COUNTERSIGN_DPKG_QUERY)
        message(WARNING "dpkg-query not found: the tarball gets no copyright files of the libraries it bundles")
        return()
    endif()
    file(GLOB_RECURSE bundled LIST_DIRECTORIES false
        "${QT_DEPLOY_PREFIX}/${QT_DEPLOY_LIB_DIR}/*" "${QT_DEPLOY_PREFIX}/${QT_DEPLOY_PLUGINS_DIR}/*")
    set(patterns "")
    foreach(file IN LISTS bundled)
        if(NOT IS_SYMLINK "${file}")
            get_filename_component(name "${file}" NAME)
            list(APPEND patterns "*/${name}")
        endif()
    endforeach()
    execute_process(COMMAND "${COUNTERSIGN_DPKG_QUERY}" -S ${patterns}
        OUTPUT_VARIABLE owners ERROR_VARIABLE error RESULT_VARIABLE result)
    string(REGEX MATCHALL "(^|\n)[^:\n]+" packages "${owners}")
    list(TRANSFORM packages STRIP)
    list(APPEND packages qt6-translations-l10n)
    list(REMOVE_DUPLICATES packages)
    set(count 0)
    foreach(package IN LISTS packages)
        string(REGEX REPLACE ",.*" "" package "${package}") # "a, b: path" lists several
        set(source "/usr/share/doc/${package}/copyright")
        if(EXISTS "${source}")
            file(READ "${source}" text)
            file(WRITE "${doc}/${package}/copyright" "${text}")
            math(EXPR count "${count} + 1")
        endif()
    endforeach()
    message(STATUS "Copyright files of ${count} bundled Debian packages in ${doc}")
endfunction()

function(countersign_bundle_finish)
    if(NOT COUNTERSIGN_PATCHELF)
        message(FATAL_ERROR "patchelf is needed to make the tarball relocatable (apt-get install patchelf)")
    endif()
    set(prefix "${QT_DEPLOY_PREFIX}")
    file(GLOB binaries LIST_DIRECTORIES false "${prefix}/${QT_DEPLOY_BIN_DIR}/*")
    file(GLOB libraries LIST_DIRECTORIES false "${prefix}/${QT_DEPLOY_LIB_DIR}/*")
    file(GLOB_RECURSE plugins LIST_DIRECTORIES false "${prefix}/${QT_DEPLOY_PLUGINS_DIR}/*")
    set(count 0)
    foreach(group binaries libraries plugins)
        foreach(file IN LISTS ${group})
            _countersign_is_elf("${file}" elf)
            if(NOT elf)
                continue()
            endif()
            get_filename_component(dir "${file}" DIRECTORY)
            file(RELATIVE_PATH to_lib "${dir}" "${prefix}/${QT_DEPLOY_LIB_DIR}")
            if(to_lib STREQUAL "")
                set(runpath "$ORIGIN")
            else()
                set(runpath "$ORIGIN/${to_lib}")
            endif()
            _countersign_set_runpath("${file}" "${runpath}")
            math(EXPR count "${count} + 1")
        endforeach()
    endforeach()
    message(STATUS "RUNPATH set on ${count} ELF files (relative to ${QT_DEPLOY_LIB_DIR}/)")
    _countersign_third_party_copyrights()
endfunction()
