# Sourced by package.sh: what of Countersign the Windows Qt built so far can carry, built for
# Windows and tested under Wine. Floors 1 and 2 (core: domain, lifecycle, policy, audit, diff,
# reports; store: SQLite) need only QtCore, QtSql and QtConcurrent (COUNTERSIGN_FOUNDATION_ONLY),
# so their own test programs run as Windows programs here, against real SQLite files.
# shellcheck shell=bash

# A fresh Wine prefix, made once per cache (wineboot takes a while the first time). Qt's
# settings go into its HKCU\Environment, because Wine passes no QT_* variable from the Unix
# environment: the offscreen platform, the Windows Qt's plugins, and test results and log
# messages on stderr rather than the (absent) debugger.
ensure_wine_prefix() {
    local cache=$1 prefix=$2
    export WINEPREFIX="$cache/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
    if [ ! -f "$cache/wine/.countersign-ready" ]; then
        note "Creating the Wine prefix"
        rm -rf "$cache/wine"
        wineboot --init >/dev/null 2>&1 || die "creating the Wine prefix failed"
        touch "$cache/wine/.countersign-ready"
    fi
    local plugins name value
    plugins="Z:$(printf '%s' "$prefix/plugins" | tr / '\\')"
    while read -r name value; do
        wine reg add 'HKCU\Environment' /v "$name" /d "$value" /f >/dev/null 2>&1 ||
            die "setting $name in the Wine prefix failed"
    done <<VARIABLES
QT_QPA_PLATFORM offscreen
QT_PLUGIN_PATH $plugins
QT_FORCE_STDERR_LOGGING 1
VARIABLES
    wineserver --wait || true
}

build_foundation() {
    local cache=$1 prefix=$2 build="$TOP/build/windows-foundation"
    if [ ! -f "$build/build.ninja" ]; then
        note "Configuring Countersign's core and store for Windows in $build"
        mkdir -p "$build"
        cmake -G Ninja -S "$TOP" -B "$build" \
            -DCMAKE_TOOLCHAIN_FILE="$prefix/lib/cmake/Qt6/qt.toolchain.cmake" \
            -DCMAKE_BUILD_TYPE=Release -DCOUNTERSIGN_FOUNDATION_ONLY=ON -DCOUNTERSIGN_BUILD_BENCH=OFF \
            -DCOUNTERSIGN_WERROR=ON -DCMAKE_CROSSCOMPILING_EMULATOR="$HERE/wine-run.sh" \
            >"$build/configure.log" 2>&1 || die "configuring failed: see $build/configure.log"
    fi
    note "Building Countersign's core and store and their tests for Windows"
    run_ninja "$build" || die "building failed: see $build/build.log"
}

test_foundation() {
    local cache=$1 build="$TOP/build/windows-foundation" started=$SECONDS
    ensure_wine_prefix "$cache" "$cache/prefix"
    note "Running the core and store tests as Windows programs under Wine"
    COUNTERSIGN_WINDOWS_CACHE="$cache" ctest --test-dir "$build" --output-on-failure \
        --parallel "$JOBS" --timeout 600 || die "tests failed under Wine"
    note "Core and store tests passed under Wine in $((SECONDS - started)) s"
}
