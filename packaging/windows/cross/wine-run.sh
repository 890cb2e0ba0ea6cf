#!/usr/bin/env bash
# Runs a Windows program of the cross build under Wine, headless: the cross cache's Wine prefix,
# the Windows Qt's DLLs and the MinGW runtime on the DLL search path. Also CMake's CMAKE_CROSSCOMPILING_EMULATOR, so ctest runs the Windows tests with it.
#     wine-run.sh PROGRAM.exe [ARGS...]
# Needs COUNTERSIGN_WINDOWS_CACHE (set by package.sh, or the cache folder it prints).
set -euo pipefail
: "${COUNTERSIGN_WINDOWS_CACHE:?set COUNTERSIGN_WINDOWS_CACHE to the Windows cross cache}"

winpath() { printf 'Z:%s' "${1//\//\\}"; }

prefix="$COUNTERSIGN_WINDOWS_CACHE/prefix"
export WINEPREFIX="$COUNTERSIGN_WINDOWS_CACHE/wine"
export WINEDEBUG=${WINEDEBUG:--all}
export WINEDLLOVERRIDES=${WINEDLLOVERRIDES:-mscoree,mshtml=}
export WINEPATH="$(winpath "$prefix/bin");$(winpath /usr/lib/gcc/x86_64-w64-mingw32ucrt/14);$(winpath /usr/x86_64-w64-mingw32ucrt/lib)"
# Wine passes no QT_* variable from the Unix environment: Qt's settings (offscreen platform, the
# plugin folder, logging to stderr) are in the prefix's HKCU\Environment (foundation.sh).
exec wine "$@"
