#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/fetch-qemu.sh [--qemu LINE] [DEST]
#
# Put a pristine QEMU source tree of release line LINE, 10.0 (the
# default) or 10.2, at DEST (default build/qemu-src for 10.0,
# build/qemu-src-10.2 for 10.2).
# Sources, tried in order:
#   1. QEMU_SRC=<tree>: used as is (hard-linked copy, the original is
#      never modified);
#   2. Debian's "qemu" source package, the newest version of the line
#      apt knows (10.0.x: Debian 13's deb-src serves it; 10.2.x: sid's and
#      experimental's; scripts/install-deps.sh [--qemu 10.2] adds those
#      sources on Debian 12);
#   3. the upstream release tarball QEMU_TARBALL (a path or URL), checked
#      against the pinned sha256 below (qemu-10.0.0.tar.xz, the sha256
#      Homebrew's qemu formula pins) or QEMU_TARBALL_SHA256 for another
#      release of the line, for other distributions.
. "$(dirname "$0")/lib/help.bash"
. "$(dirname "$0")/lib/qemu-series.bash"
set -euo pipefail

die() { echo "fetch-qemu: $*" >&2; exit 1; }

want_series=${qemu_series_known[0]}
if [ "${1:-}" = --qemu ]; then
    [ $# -ge 2 ] || die "--qemu: expected a QEMU release line"
    want_series=$(qemu_series "$2.") ||
        die "--qemu $2: gicsim knows QEMU $(qemu_series_list)"
    shift 2
fi
qemu_series_dirs "$want_series"
dest=${1:-$src}
# https://download.qemu.org/qemu-10.0.0.tar.xz
upstream_version=10.0.0
upstream_sha256=22c075601fdcf8c7b2671a839ebdcef1d4f2973eb6735254fd2e1bd0f30b3896

check_version() {
    local v
    v=$(cat "$1/VERSION" 2>/dev/null) || die "$1 has no VERSION file"
    case "$v" in
        $want_series.*) echo "fetch-qemu: QEMU $v at $1" ;;
        *) die "$1 is QEMU $v, gicsim needs $want_series.x" ;;
    esac
}

[ -e "$dest/VERSION" ] && { check_version "$dest"; exit 0; }
rm -rf "$dest" "$dest.tmp"
mkdir -p "$(dirname "$dest")"

if [ -n "${QEMU_SRC:-}" ]; then
    check_version "$QEMU_SRC"
    cp -al "$QEMU_SRC" "$dest.tmp" 2>/dev/null || cp -a "$QEMU_SRC" "$dest.tmp"
    mv "$dest.tmp" "$dest"
    exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ -z "${QEMU_TARBALL:-}" ]; then
    ver=$(apt-cache showsrc qemu 2>/dev/null |
          sed -n "s/^Version: \(1:\)\?\(${want_series//./\\.}\.[0-9]*[^ ]*\)\$/\2/p" |
          sort -V | tail -n 1)
    if [ -n "$ver" ]; then
        (cd "$work" && apt-get source -q --download-only "qemu=1:$ver" >&2 ||
                       apt-get source -q --download-only "qemu=$ver" >&2) ||
            die "apt-get source qemu=$ver failed"
        dsc=$(ls "$work"/qemu_*.dsc)
        (cd "$work" && dpkg-source -q -x "$dsc" tree >&2) ||
            die "dpkg-source -x $dsc failed"
        mv "$work/tree" "$dest"
        check_version "$dest"
        exit 0
    fi
    [ "$want_series" = "${qemu_series_known[0]}" ] && opt= || opt=" --qemu $want_series"
    die "no Debian qemu $want_series.x source package found (run scripts/install-deps.sh$opt, or set QEMU_SRC=<tree> or QEMU_TARBALL=<qemu-$want_series.N.tar.xz> with QEMU_TARBALL_SHA256)"
fi

tarball=$QEMU_TARBALL
case "$tarball" in
    http://*|https://*)
        curl -fL -o "$work/qemu.tar.xz" "$tarball" || die "download of $tarball failed"
        tarball=$work/qemu.tar.xz ;;
esac
want_sha256=${QEMU_TARBALL_SHA256:-}
if [ -z "$want_sha256" ]; then
    case "$(basename "$QEMU_TARBALL")" in
        "qemu-$upstream_version.tar.xz") want_sha256=$upstream_sha256 ;;
        *) die "set QEMU_TARBALL_SHA256 to the sha256 published with $QEMU_TARBALL (pinned: qemu-$upstream_version.tar.xz)" ;;
    esac
fi
echo "$want_sha256  $tarball" | sha256sum -c --quiet - ||
    die "$tarball does not match sha256 $want_sha256"
mkdir "$work/tree"
tar -xf "$tarball" -C "$work/tree" --strip-components=1
mv "$work/tree" "$dest"
check_version "$dest"
