#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/install-deps.sh [--fuzz] [--coverage] [--qemu LINE]
#
# Install what building and testing gicsim needs on Debian 12 or 13.
# Idempotent: packages already present are not touched, and then it
# prints nothing.  Otherwise one line per step; apt's output goes to
# build/install-deps.log (on failure: its last lines and its path).
#   --fuzz       also clang, libFuzzer and llvm-symbolizer (scripts/fuzz.sh)
#   --coverage   also gcovr (scripts/test.sh --coverage)
#   --qemu LINE  the Debian source of QEMU release line LINE: 10.0 (the
#                default; Debian 13's deb-src) or 10.2 (sid's and
#                experimental's deb-src, which serve 1:10.2.2+ds-1 at the
#                time of writing); scripts/fetch-qemu.sh --qemu LINE then
#                gets it
. "$(dirname "$0")/lib/help.bash"
. "$(dirname "$0")/lib/qemu-series.bash"
set -euo pipefail

extra=()
line=${qemu_series_known[0]}
args=("$@")
while [ $# -gt 0 ]; do
    case "$1" in
        --fuzz) extra+=(clang libclang-rt-dev llvm) ;;
        --coverage) extra+=(gcovr) ;;
        --qemu)
            line=$(qemu_series "${2:-}.") || {
                echo "install-deps: --qemu ${2:-}: gicsim knows QEMU $(qemu_series_list)" >&2
                exit 2
            }
            shift ;;
        *) echo "install-deps: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
set -- ${args[@]+"${args[@]}"}

need_root() {
    if [ "$(id -u)" != 0 ]; then
        if command -v sudo >/dev/null; then
            exec sudo -E "$0" "$@"
        fi
        echo "install-deps: run as root (or install sudo)" >&2
        exit 1
    fi
}

top=$(cd "$(dirname "$0")/.." && pwd)
log=$top/build/install-deps.log

name=install-deps
. "$top/scripts/lib/step.bash"

codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")

add_source() {      # add_source FILE TYPES SUITE...
    local file=/etc/apt/sources.list.d/$1 types=$2
    [ -f "$file" ] && return 0
    shift 2
    echo "install-deps: adding apt source $* ($types)" >&2
    cat > "$file" <<SRC
Types: $types
URIs: http://deb.debian.org/debian
Suites: $*
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
    updated=no
}

pkgs=(build-essential libedit-dev tmux pkg-config git ccache ninja-build python3-venv
      python3-pycotap libglib2.0-dev libfdt-dev libpixman-1-dev dpkg-dev
      flex bison gcc-aarch64-linux-gnu xz-utils cpio patch
      ipxe-qemu python3-sphinx ${extra[@]+"${extra[@]}"})

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing+=("$p")
done

meson_ok=no
if command -v meson >/dev/null &&
   dpkg --compare-versions "$(meson --version)" ge 1.5; then
    meson_ok=yes
fi

# QEMU 10.0 source comes from Debian 13's deb-src, 10.2 from sid's and
# experimental's (see fetch-qemu.sh).
qemu_series_dirs "$line"
src_needed=no
if [ -z "${QEMU_SRC:-}" ] && [ ! -d "${GICSIM_QEMU_DIR:-$top/$src}" ]; then
    src_needed=yes
fi

if [ ${#missing[@]} = 0 ] && [ $meson_ok = yes ] && [ $src_needed = no ]; then
    exit 0
fi
need_root "$@"
mkdir -p "$top/build"
: >"$log"

updated=yes
if [ "$codename" = bookworm ]; then
    # meson >= 1.5 for QEMU 10.0 is only in bookworm-backports.
    [ $meson_ok = yes ] || add_source gicsim-backports.sources deb bookworm-backports
fi
if [ $src_needed = yes ]; then
    case $line in
        10.0) add_source gicsim-trixie-src.sources deb-src trixie ;;
        10.2) add_source gicsim-sid-src.sources deb-src sid experimental ;;
    esac
fi
if [ "$updated" = no ] || [ ${#missing[@]} != 0 ] || [ $meson_ok = no ]; then
    step "updating apt's package lists" apt-get update -q
fi

export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} != 0 ]; then
    step "installing ${#missing[@]} package(s): ${missing[*]}" \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
if [ $meson_ok = no ]; then
    if [ "$codename" = bookworm ]; then
        step "installing meson from bookworm-backports" \
            apt-get install -y -q --no-install-recommends -t bookworm-backports meson
    else
        step "installing meson" \
            apt-get install -y -q --no-install-recommends meson
    fi
fi
echo "install-deps: done (log: $log)" >&2
