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
#
# Options (one of):
#   --sanitize   a second tree, build/qemu-build-san (QEMU, qtests,
#                probe), where the device's files are compiled with
#                AddressSanitizer, UndefinedBehaviorSanitizer and gcov
#                (scripts/sanitize-cc.sh; every other file as in the plain
#                tree, from ccache), and build/core-san (core and unit
#                tests with ASan and UBSan)
#   --sanitize-all  all of QEMU with --enable-asan --enable-ubsan (gcov
#                on hw/intc/gicsim/ only): build/qemu-build-asan and
#                build/core-san; about as long to build as the plain tree
#                twice
#   --fuzz       the libFuzzer target qemu-fuzz-aarch64 (clang,
#                --enable-fuzzing, ASan, UBSan): build/qemu-build-fuzz
#                (scripts/fuzz.sh builds and runs it)
# These extra trees are built under "nice -n 10" so that they do not
# starve other work on the machine.
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
src=build/qemu-src
bld=build/qemu-build
core=build/core
jobs=${JOBS:-$(nproc)}
flavour=plain
nice=
case "${1:-}" in
    "") ;;
    --sanitize)
        flavour=san bld=build/qemu-build-san core=build/core-san
        nice="nice -n 10" ;;
    --sanitize-all)
        flavour=asan bld=build/qemu-build-asan core=build/core-san
        nice="nice -n 10" ;;
    --fuzz)
        flavour=fuzz bld=build/qemu-build-fuzz core=
        nice="nice -n 10" ;;
    *) echo "build.sh: unknown option $1 (--sanitize, --sanitize-all, --fuzz)" >&2
       exit 2 ;;
esac
case $flavour in
    san) flavour_args=("--cc=$top/scripts/sanitize-cc.sh") ;;
    asan) flavour_args=(--enable-asan --enable-ubsan
                       "--extra-cflags=--coverage -fprofile-update=atomic -fprofile-filter-files=hw/intc/gicsim/"
                       --extra-ldflags=--coverage) ;;
    fuzz) flavour_args=(--cc=clang --cxx=clang++ --enable-fuzzing
                        --enable-asan --enable-ubsan) ;;
    *) flavour_args=() ;;
esac

# QEMU's configure hands meson an explicit compiler, so meson's own ccache
# detection does not apply: put Debian's ccache wrappers first in PATH.
export CCACHE_BASEDIR=$top CCACHE_NOHASHDIR=1
[ -d /usr/lib/ccache ] && export PATH=/usr/lib/ccache:$PATH

# One preparation of the source tree at a time (several shells may call
# us); then one build per build directory, so that the --sanitize,
# --coverage and --fuzz trees can build side by side.
mkdir -p build
exec 9>build/.prep.lock
flock 9

scripts/fetch-qemu.sh "$src"

# Link our files into the tree at the paths they have there.
git ls-files --cached --others --exclude-standard hw include tests/qtest \
    2>/dev/null >build/.ourfiles ||
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
            patch -d "$src" -p1 -R -s --no-backup-if-mismatch <"$p" ||
                { echo "build: cannot undo $p; rm -rf build/qemu-src" >&2; exit 1; }
        done
    fi
    rm -rf "$applied"
    mkdir -p "$applied"
    for p in patches/*.patch; do
        [ -e "$p" ] || continue
        echo "build: applying $p"
        patch -d "$src" -p1 -s --forward --no-backup-if-mismatch <"$p" ||
            { echo "build: $p does not apply to $(cat $src/VERSION)" >&2; exit 1; }
        cp "$p" "$applied/"
    done
    echo "$want" >"$applied/.sum"
fi

flock -u 9
exec 8>"$bld.lock"
flock 8

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
        ${flavour_args[@]+"${flavour_args[@]}"} \
        ${QEMU_CONFIGURE_EXTRA:-})
fi
# The patched QEMU, our qtests and the probe runner.
targets="qemu-system-aarch64"
for t in tests/qtest/*-test.c tests/qtest/gicsim-probe.c; do
    [ -f "$t" ] && targets="$targets tests/qtest/$(basename "$t" .c)"
done
[ $flavour != fuzz ] || targets=qemu-fuzz-aarch64
# Regenerate build.ninja first if meson files changed (new targets).
ninja -C "$bld" build.ninja >/dev/null
$nice ninja -C "$bld" -j "$jobs" $targets ${QEMU_EXTRA_TARGETS:-}
[ $flavour != plain ] ||
    ln -sfn qemu-build/qemu-system-aarch64 build/qemu-system-aarch64
# Debian's +ds source has no firmware blobs; virt's default NIC wants its
# option ROM, which Debian ships in ipxe-qemu.
# QEMU run from its build tree looks for data files in qemu-bundle/.
datadir=$bld/qemu-bundle/usr/local/share/qemu
mkdir -p "$datadir"
for rom in /usr/lib/ipxe/qemu/efi-*.rom; do
    [ -e "$rom" ] && ln -sfn "$rom" "$datadir/$(basename "$rom")"
done

# The QEMU-independent core and its unit tests (with the sanitizers too
# in the --sanitize tree).
[ -n "$core" ] || exit 0
if [ ! -f $core/build.ninja ]; then
    if [ $flavour = san ] || [ $flavour = asan ]; then
        meson setup $core . -Db_sanitize=address,undefined \
            -Db_lundef=false >/dev/null
    else
        meson setup $core . >/dev/null
    fi
fi
$nice ninja -C $core >/dev/null
