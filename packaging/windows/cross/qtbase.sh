# Sourced by package.sh: Qt 6.8.2's qtbase for Windows x86-64 from Debian's source, with the
# SQLite amalgamation generated from Debian's sqlite3 source (Debian's Qt source leaves SQLite
# out of src/3rdparty). Only what Countersign uses is built: Core, Gui, Widgets, Network
# (Schannel TLS), Sql with SQLite, Concurrent, PrintSupport, Xml, Test, and the windows and
# offscreen platform plugins. No OpenGL, D-Bus, ICU or tablet (wintab) support, and not the
# direct2d platform plugin (Direct2D itself stays on: Qt 6.8.2 does not build DirectWrite without it).
# shellcheck shell=bash

# sqlite3.c and sqlite3.h, made once by SQLite's own build (`make sqlite3.c` needs tclsh).
sqlite_amalgamation() {
    local src=$1 out=$2
    [ -f "$out/sqlite3.c" ] && return 0
    local tree build
    tree=$(find "$src/sqlite3" -mindepth 1 -maxdepth 1 -type d -name 'sqlite3-*' | head -1)
    [ -n "$tree" ] || die "no unpacked sqlite3 source in $src/sqlite3"
    build="$out.build"
    rm -rf "$build" && mkdir -p "$build"
    note "Generating the SQLite amalgamation"
    (cd "$build" && "$tree/configure" --disable-tcl >configure.log 2>&1 && make -j"$JOBS" sqlite3.c >make.log 2>&1) ||
        die "generating sqlite3.c failed: see $build"
    mkdir -p "$out"
    cp "$build/sqlite3.c" "$build/sqlite3.h" "$out/"
    [ -f "$build/sqlite3ext.h" ] && cp "$build/sqlite3ext.h" "$out/" || cp "$tree/src/sqlite3ext.h" "$out/"
    rm -rf "$build"
}

qtbase_options() {
    cat <<OPTIONS
-DCMAKE_BUILD_TYPE=Release
-DBUILD_SHARED_LIBS=ON
-DQT_HOST_PATH=/usr
-DQT_HOST_PATH_CMAKE_DIR=/usr/lib/x86_64-linux-gnu/cmake
-DQT_BUILD_EXAMPLES=OFF
-DQT_BUILD_TESTS=OFF
-DQT_BUILD_BENCHMARKS=OFF
-DQT_GENERATE_SBOM=OFF
-DQT_USE_CCACHE=ON
-DFEATURE_dbus=OFF
-DINPUT_opengl=no
-DFEATURE_opengl=OFF
-DFEATURE_vulkan=OFF
-DFEATURE_direct2d=ON
-DFEATURE_direct2d1_1=OFF
-DFEATURE_tabletevent=OFF
-DFEATURE_icu=OFF
-DFEATURE_glib=OFF
-DFEATURE_openssl=OFF
-DFEATURE_schannel=ON
-DFEATURE_libproxy=OFF
-DFEATURE_sql=ON
-DFEATURE_sql_sqlite=ON
-DFEATURE_system_sqlite=OFF
-DFEATURE_sql_odbc=OFF
-DFEATURE_sql_psql=OFF
-DFEATURE_sql_mysql=OFF
-DFEATURE_sql_ibase=OFF
-DFEATURE_sql_oci=OFF
-DFEATURE_sql_db2=OFF
-DFEATURE_sql_mimer=OFF
-DFEATURE_system_zlib=OFF
-DFEATURE_system_pcre2=OFF
-DFEATURE_system_harfbuzz=OFF
-DFEATURE_system_freetype=OFF
-DFEATURE_system_png=OFF
-DFEATURE_system_jpeg=OFF
-DFEATURE_system_doubleconversion=OFF
-DFEATURE_system_libb2=OFF
-DFEATURE_system_md4c=OFF
-DFEATURE_printsupport=ON
-DFEATURE_testlib=ON
OPTIONS
}

build_qtbase() {
    local src=$1 cache=$2 prefix=$3
    local tree stamp key
    tree=$(find "$src/qt6-base" -mindepth 1 -maxdepth 1 -type d -name 'qt6-base-*' | head -1)
    [ -n "$tree" ] || die "no unpacked qt6-base source in $src/qt6-base"
    key=$({ qtbase_options; cat "$HERE/mingw-ucrt64.cmake"; } | sha256sum | cut -c1-16)
    stamp="$prefix/.qtbase-$key"
    if [ -f "$stamp" ]; then
        note "qtbase for Windows: up to date"
        return 0
    fi
    sqlite_amalgamation "$src" "$tree/src/3rdparty/sqlite"
    local build="$cache/build/qtbase" started=$SECONDS
    mkdir -p "$build"
    note "Configuring qtbase for Windows (log: $build/configure.log)"
    # shellcheck disable=SC2046
    cmake -G Ninja -S "$tree" -B "$build" -DCMAKE_TOOLCHAIN_FILE="$HERE/mingw-ucrt64.cmake" \
        -DCMAKE_INSTALL_PREFIX="$prefix" $(qtbase_options) >"$build/configure.log" 2>&1 ||
        die "configuring qtbase failed: see $build/configure.log"
    note "Building qtbase for Windows (the longest step of a first run)"
    run_ninja "$build" || die "building qtbase failed: see $build/build.log"
    cmake --install "$build" >"$build/install.log" 2>&1 || die "installing qtbase failed: see $build/install.log"
    touch "$stamp"
    note "qtbase for Windows built in $((SECONDS - started)) s"
}

# Ninja with its progress condensed to one line per 5 % (and the elapsed time), the full output
# in build.log, and the failing step's output shown on failure. (A shell loop: mawk would hold
# its input in a buffer and print the progress only at the end.)
run_ninja() {
    local build=$1 started=$SECONDS line last=-5 done total pct
    set +e
    ninja -C "$build" -j"$JOBS" 2>&1 | tee "$build/build.log" | while IFS= read -r line; do
        if [[ $line =~ ^\[([0-9]+)/([0-9]+)\] ]]; then
            done=${BASH_REMATCH[1]} total=${BASH_REMATCH[2]}
            pct=$((100 * done / total))
            if ((pct >= last + 5 || done == total)); then
                last=$pct
                printf '    %3d %%  (%d of %d steps, %d s)\n' "$pct" "$done" "$total" "$((SECONDS - started))"
            fi
        elif [[ $line == *FAILED* || $line == *error:* ]]; then
            printf '%s\n' "$line"
        fi
    done
    local rc=${PIPESTATUS[0]}
    set -e
    return "$rc"
}
