#!/bin/sh
# Browser tests of the web UI: headless Chromium (Debian's chromium + chromium-driver) driven by
# Python's selenium (PyPI). Run by `make test` after `swift test`; installs what is missing and
# skips, saying why, only when no browser can be installed.
# Usage: Tests/browser/run.sh [path to feedesk]   (default .build/debug/feedesk)
set -u
cd "$(dirname "$0")/../.."
skip() {
    echo "FeeDesk browser tests SKIPPED: $1"
    exit 0
}
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else sudo="none"; fi
apt_install() {
    [ "$sudo" = "none" ] && return 1
    echo "FeeDesk: installing $* for the browser tests"
    $sudo apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
# Vietnamese text needs a font with its letters (DejaVu and Noto both have them).
fc-list 2>/dev/null | grep -qiE "Noto Sans|DejaVu Sans" || missing="$missing fonts-noto-core"
if [ -n "$missing" ]; then
    # shellcheck disable=SC2086
    apt_install $missing || skip "could not install$missing with apt-get (no root, no sudo, or no package source)"
fi
command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || skip "chromium or chromedriver is still missing"

python=${PYTHON:-python3}
if ! "$python" -c 'import selenium' 2>/dev/null; then
    echo "FeeDesk: installing selenium (PyPI) for the browser tests"
    "$python" -m pip install -q --disable-pip-version-check selenium 2>/dev/null \
        || "$python" -m pip install -q --disable-pip-version-check --break-system-packages selenium 2>/dev/null \
        || { apt_install python3-selenium && python=/usr/bin/python3; } \
        || true
    "$python" -c 'import selenium' 2>/dev/null || skip "selenium could not be installed (pip or apt python3-selenium)"
fi

binary=${1:-.build/debug/feedesk}
if [ ! -x "$binary" ]; then
    swift build --product feedesk || exit 1
fi
exec "$python" Tests/browser/desk_flow.py "$binary"
