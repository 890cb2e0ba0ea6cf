# Linux desktop integration: desktop file, AppStream metainfo, hicolor icons, man pages and the
# systemd unit of countersign-server. Included by packaging/CMakeLists.txt.

set(countersign_linux_dir "${CMAKE_CURRENT_LIST_DIR}")
set(countersign_gen_dir "${CMAKE_CURRENT_BINARY_DIR}/linux")

# The release date follows SOURCE_DATE_EPOCH when set, so package builds are reproducible.
string(TIMESTAMP COUNTERSIGN_RELEASE_DATE "%Y-%m-%d" UTC)
configure_file("${countersign_linux_dir}/${COUNTERSIGN_APP_ID}.metainfo.xml.in"
    "${countersign_gen_dir}/${COUNTERSIGN_APP_ID}.metainfo.xml" @ONLY)
set(COUNTERSIGN_METAINFO_FILE "${countersign_gen_dir}/${COUNTERSIGN_APP_ID}.metainfo.xml")
set(COUNTERSIGN_DESKTOP_FILE "${countersign_linux_dir}/${COUNTERSIGN_APP_ID}.desktop")
# For tests/packaging, which validates them.
set_property(GLOBAL PROPERTY COUNTERSIGN_METAINFO_FILE "${COUNTERSIGN_METAINFO_FILE}")
set_property(GLOBAL PROPERTY COUNTERSIGN_DESKTOP_FILE "${COUNTERSIGN_DESKTOP_FILE}")

install(FILES "${COUNTERSIGN_DESKTOP_FILE}"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/applications" COMPONENT Runtime)
install(FILES "${COUNTERSIGN_METAINFO_FILE}"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/metainfo" COMPONENT Runtime)

# Debian policy 12.5: the machine-readable (DEP-5) copyright file; also in the tarball, beside
# the bundled libraries' own (share/doc/countersign/third-party/, see CountersignBundle.cmake).
set(COUNTERSIGN_COPYRIGHT_FILE "${countersign_linux_dir}/debian/copyright")
set_property(GLOBAL PROPERTY COUNTERSIGN_COPYRIGHT_FILE "${COUNTERSIGN_COPYRIGHT_FILE}")
install(FILES "${COUNTERSIGN_COPYRIGHT_FILE}"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/doc/countersign" COMPONENT Runtime)

# hicolor PNGs 16..512 from the SVG; the SVG itself is installed as the scalable icon.
set(countersign_hicolor_dir "${countersign_gen_dir}/hicolor")
set(countersign_hicolor_pngs "")
foreach(size 16 22 24 32 48 64 128 256 512)
    list(APPEND countersign_hicolor_pngs "${countersign_hicolor_dir}/${size}x${size}/apps/${COUNTERSIGN_APP_ID}.png")
endforeach()
add_custom_command(
    OUTPUT ${countersign_hicolor_pngs}
    COMMAND countersign-icontool "${countersign_icon_svg}" --name "${COUNTERSIGN_APP_ID}"
            --hicolor "${countersign_hicolor_dir}"
    DEPENDS countersign-icontool "${countersign_icon_svg}"
    COMMENT "Rendering the hicolor app icons"
    VERBATIM)
add_custom_target(countersign-linux-icons ALL DEPENDS ${countersign_hicolor_pngs})
install(DIRECTORY "${countersign_hicolor_dir}/"
    DESTINATION "${CMAKE_INSTALL_DATADIR}/icons/hicolor" COMPONENT Runtime)

# Man pages, compressed as Debian policy asks when gzip is at hand (-n: no time stamp).
find_program(COUNTERSIGN_GZIP gzip)
set(countersign_man_pages countersign.1 countersign-server.1 countersign-cli.1)
set(countersign_man_outputs "")
foreach(page IN LISTS countersign_man_pages)
    set(source "${PROJECT_SOURCE_DIR}/packaging/man/${page}")
    if(COUNTERSIGN_GZIP)
        set(output "${countersign_gen_dir}/man/${page}.gz")
        add_custom_command(OUTPUT "${output}"
            COMMAND "${CMAKE_COMMAND}" -E make_directory "${countersign_gen_dir}/man"
            COMMAND "${COUNTERSIGN_GZIP}" -9 -n -c "${source}" > "${output}"
            DEPENDS "${source}"
            COMMENT "Compressing man page ${page}")
    else()
        set(output "${source}")
    endif()
    list(APPEND countersign_man_outputs "${output}")
endforeach()
add_custom_target(countersign-man-pages ALL DEPENDS ${countersign_man_outputs})
install(FILES ${countersign_man_outputs} DESTINATION "${CMAKE_INSTALL_MANDIR}/man1" COMPONENT Runtime)

# The systemd unit names the server by its installed path, known only at install time
# (CPack installs with prefix /usr, a developer's `cmake --install` perhaps elsewhere).
install(CODE "
set(COUNTERSIGN_SERVER_PATH \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/countersign-server\")
configure_file(\"${countersign_linux_dir}/countersign-server.service.in\"
    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system/countersign-server.service\" @ONLY)
message(STATUS \"Installing: \$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system/countersign-server.service\")
" COMPONENT Service)
