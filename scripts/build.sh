#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Build the patched qemu-system-aarch64 and the gicsim tools.
#   build/qemu-src     QEMU 10.0.x tree with gicsim's files linked in and
#                      patches/ applied (scripts/fetch-qemu.sh makes it)
#   build/qemu-build   QEMU's build directory
#   build/core         the QEMU-independent core and its unit tests
#   build/qemu-system-aarch64, build/gicsim-probe   the results
# Re-running rebuilds only what changed: our files are symbolic links into
# the tree and patches are re-applied only when patches/ changes.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
src=build/qemu-src
bld=build/qemu-build
jobs=${JOBS:-$(nproc)}

export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1

scripts/fetch-qemu.sh "$src"

# Link our files into the tree at the paths they have there.
git ls-files hw include tests/qtest 2>/dev/null >build/.ourfiles ||
    find hw include tests/qtest -type f >build/.ourfiles
while read -r f; do
    [ -f "$f" ] || continue
    mkdir -p "$src/$(dirname "$f")"
    if [ "$(readlink "$src/$f" 2>/dev/null)" != "$top/$f" ]; then
        if [ -e "$src/$f" ] && [ ! -L "$src/$f" ]; then
            echo "build: $f would replace QEMU's own file; use a patch" >&2
            exit 1
        fi
        ln -sfn "$top/$f" "$src/$f"
    fi
done <build/.ourfiles

# Apply patches/ (undoing a previously applied set that has changed).
applied=build/applied-patches
want=$( (cat patches/*.patch 2>/dev/null || true) | sha256sum | cut -d' ' -f1)
have=$(cat "$applied/.sum" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    if [ -d "$applied" ]; then
        for p in $(ls "$applied"/*.patch 2>/dev/null | sort -r); do
            (cd "$src" && git apply -R "$top/$p") ||
                { echo "build: cannot undo $p; rm -rf build/qemu-src" >&2; exit 1; }
        done
    fi
    rm -rf "$applied"
    mkdir -p "$applied"
    for p in patches/*.patch; do
        [ -e "$p" ] || continue
        echo "build: applying $p"
        (cd "$src" && git apply "$top/$p") ||
            { echo "build: $p does not apply to $(cat $src/VERSION)" >&2; exit 1; }
        cp "$p" "$applied/"
    done
    echo "$want" >"$applied/.sum"
fi

if [ ! -f "$bld/build.ninja" ]; then
    mkdir -p "$bld"
    (cd "$bld" && "$top/$src/configure" \
        --python=/usr/bin/python3 \
        --target-list=aarch64-softmmu \
        --without-default-features \
        --enable-fdt=system \
        --enable-tcg \
        --disable-docs \
        --disable-install-blobs \
        --disable-werror \
        ${QEMU_CONFIGURE_EXTRA:-})
fi
ninja -C "$bld" -j "$jobs" qemu-system-aarch64 ${QEMU_EXTRA_TARGETS:-}
ln -sfn qemu-build/qemu-system-aarch64 build/qemu-system-aarch64
