#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/build.sh [--verbose] [--qemu LINE | --qemu-src DIR [--build-dir BDIR]]
#                         [--install PREFIX]
#        scripts/build.sh [--verbose] --sanitize|--sanitize-all|--fuzz
#
# Build the patched qemu-system-aarch64 and the gicsim tools.
#   build/qemu-src     QEMU 10.0.x tree with gicsim's files linked in and
#                      patches/ applied (scripts/fetch-qemu.sh makes it)
#   build/qemu-build   QEMU's build directory
#   build/qemu-src-10.2, build/qemu-build-10.2   the same for QEMU 10.2.x
#                      (--qemu 10.2)
#   build/core         the QEMU-independent core and its unit tests
#   build/qemu-system-aarch64, build/gicsim-probe   the results
#   build/build.log    everything the steps printed
# Re-running rebuilds only what changed: our files are symbolic links into
# the tree and patches are re-applied only when patches/ changes.
#
# It prints one line per step on stderr and the QEMU build's progress (on
# one line on a terminal, a line every 10 % otherwise); nothing when there
# is nothing to do.  On failure: the end of the log and its path.
#
#   --verbose          show every step's full output instead
#   --qemu LINE        build the tree of QEMU release line LINE, 10.0 (the
#                      default) or 10.2, under build/: build/qemu-src-10.2
#                      and build/qemu-build-10.2 for 10.2 (its log is
#                      build/build-10.2.log; build/qemu-system-aarch64 and
#                      build/gicsim-probe stay the 10.0 ones)
#   --qemu-src DIR     apply gicsim to your own QEMU 10.0.x or 10.2.x source
#                      tree DIR (a git checkout of a v10.0.x/v10.2.x tag or
#                      Debian's source) and build there, in DIR/build-gicsim;
#                      refuses a tree of another version or that the series
#                      does not apply to
#   --build-dir BDIR   with --qemu-src: build in BDIR instead
#   --install PREFIX   install qemu-system-aarch64 and gicsim-probe into
#                      PREFIX/bin (and the option ROMs into PREFIX/share/qemu)
#
# Extra trees (one of), for the robustness work (docs/robustness.rst):
#   --sanitize         a second tree, build/qemu-build-san (QEMU, qtests,
#                      probe), where the device's files are compiled with
#                      AddressSanitizer, UndefinedBehaviorSanitizer and gcov
#                      and QEMU's GICv3 files (hw/intc/arm_gicv3*.c) with
#                      ASan and UBSan (scripts/sanitize-cc.sh; every other
#                      file as in the plain tree, from ccache), and
#                      build/core-san (core and unit tests with ASan, UBSan
#                      and gcov)
#   --sanitize-all     all of QEMU with --enable-asan --enable-ubsan (gcov
#                      on hw/intc/gicsim/ only): build/qemu-build-asan and
#                      build/core-san; about as long as the plain tree twice
#   --fuzz             the libFuzzer target qemu-fuzz-aarch64 (clang,
#                      --enable-fuzzing, ASan, UBSan): build/qemu-build-fuzz
#                      (scripts/fuzz.sh builds and runs it)
# These extra trees are built under "nice -n 10" so that they do not
# starve other work on the machine; each has its own log,
# build/build-<tree>.log.
#
# The series applied is patches/*.patch, where patches/qemu-10.2/ replaces
# the patches that differ for 10.2.x (scripts/lib/qemu-series.bash;
# docs/building.rst says which and why).
#
# Environment: JOBS (parallel jobs, default nproc), QEMU_SRC (a tree of
# the line built, copied into build/qemu-src or build/qemu-src-LINE),
# QEMU_CONFIGURE_EXTRA, QEMU_EXTRA_TARGETS.
. "$(dirname "$0")/lib/help.bash"
. "$(dirname "$0")/lib/qemu-series.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
src=build/qemu-src
bld=build/qemu-build
core=build/core
applied=build/applied-patches
own_tree=
build_dir=
prefix=
verbose=no
jobs=${JOBS:-$(nproc)}
flavour=plain
nice=
series=${qemu_series_known[0]}
series_opt=

die() { echo "build: $*" >&2; exit 1; }

set_flavour() {
    [ $flavour = plain ] || die "$1: only one of --sanitize, --sanitize-all, --fuzz"
    case "$1" in
        --sanitize) flavour=san bld=build/qemu-build-san core=build/core-san ;;
        --sanitize-all) flavour=asan bld=build/qemu-build-asan core=build/core-san ;;
        --fuzz) flavour=fuzz bld=build/qemu-build-fuzz core= ;;
    esac
    nice="nice -n 10"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --verbose) verbose=yes; shift ;;
        --sanitize|--sanitize-all|--fuzz) set_flavour "$1"; shift ;;
        --qemu)
            [ $# -ge 2 ] || die "--qemu: expected a QEMU release line ($(qemu_series_list | sed 's/\.x//g'))"
            series=$(qemu_series "$2.") ||
                die "--qemu $2: gicsim knows QEMU $(qemu_series_list)"
            series_opt=$2
            shift 2 ;;
        --qemu-src)
            [ $# -ge 2 ] || die "--qemu-src: expected a directory"
            own_tree=$(cd "$2" 2>/dev/null && pwd) ||
                die "--qemu-src $2: no such directory"
            shift 2 ;;
        --build-dir)
            [ $# -ge 2 ] || die "--build-dir: expected a directory"
            mkdir -p "$2" || die "--build-dir $2: cannot create it"
            build_dir=$(cd "$2" && pwd)
            shift 2 ;;
        --install)
            [ $# -ge 2 ] || die "--install: expected a directory (PREFIX)"
            mkdir -p "$2" || die "--install $2: cannot create it"
            prefix=$(cd "$2" && pwd)
            shift 2 ;;
        *) die "unknown option $1 (see scripts/build.sh --help)" ;;
    esac
done
[ $flavour = plain ] || [ -z "$own_tree$prefix$series_opt" ] ||
    die "--qemu, --qemu-src and --install build the plain tree only"
[ -z "$series_opt" ] || [ -z "$own_tree" ] ||
    die "--qemu and --qemu-src: the line is that of the tree given"
if [ -n "$series_opt" ]; then
    qemu_series_dirs "$series"
    # the core does not depend on QEMU: the default build makes it
    [ "$series" = "${qemu_series_known[0]}" ] || core=
fi

case $flavour in
    san) flavour_args=("--cc=$top/scripts/sanitize-cc.sh") ;;
    asan) flavour_args=(--enable-asan --enable-ubsan
                       "--extra-cflags=--coverage -fprofile-update=atomic -fprofile-filter-files=hw/intc/gicsim/"
                       --extra-ldflags=--coverage) ;;
    fuzz) flavour_args=(--cc=clang --cxx=clang++ --enable-fuzzing
                        --enable-asan --enable-ubsan) ;;
    *) flavour_args=() ;;
esac

[ -z "$build_dir" ] || [ -n "$own_tree" ] ||
    die "--build-dir: only with --qemu-src (the default is build/qemu-build)"
if [ -n "$own_tree" ]; then
    v=$(cat "$own_tree/VERSION" 2>/dev/null) ||
        die "--qemu-src $own_tree: not a QEMU source tree (no VERSION file)"
    series=$(qemu_series "$v") ||
        die "--qemu-src $own_tree: QEMU $v; gicsim's patches are for QEMU $(qemu_series_list)"
    [ -f "$own_tree/hw/intc/arm_gicv3.c" ] ||
        die "--qemu-src $own_tree: no hw/intc/arm_gicv3.c; not a QEMU source tree"
    src=$own_tree
    bld=${build_dir:-$own_tree/build-gicsim}
    applied=$own_tree/.gicsim-patches
fi

# QEMU's configure hands meson an explicit compiler, so meson's own ccache
# detection does not apply: put Debian's ccache wrappers first in PATH.
# Paths under CCACHE_BASEDIR are hashed relative to the build directory,
# so trees laid out alike (SRC and BUILD side by side) share the cache.
if [ -n "$own_tree" ]; then
    base=$own_tree
    while [ "${bld#"$base"/}" = "$bld" ]; do
        base=$(dirname "$base")
    done
    export CCACHE_BASEDIR=$base
else
    export CCACHE_BASEDIR=$top
fi
export CCACHE_NOHASHDIR=1
[ -d /usr/lib/ccache ] && export PATH=/usr/lib/ccache:$PATH

# One preparation of the source tree at a time (several shells may call
# us); then one build per build directory, so that the --sanitize and
# --fuzz trees can build beside the plain one.  The log of a build in
# your own tree is DIR/build-gicsim.log.
mkdir -p build
if [ -n "$own_tree" ]; then
    log=$own_tree/build-gicsim.log
    exec 9>"$own_tree/.gicsim-build.lock"
else
    case $flavour in
        plain) log=$top/build/build.log ;;
        *) log=$top/build/build-$flavour.log ;;
    esac
    [ "$series" = "${qemu_series_known[0]}" ] || log=$top/build/build-$series.log
    exec 9>build/.prep.lock
fi
flock 9
ourfiles=${own_tree:-$top/build}/.gicsim-ourfiles
: >"$log"

# fail MESSAGE: the end of the log, where the rest is, and exit
fail() {
    if [ $verbose = no ]; then
        echo "build: $1; the last lines of $log:" >&2
        tail -n 25 "$log" | sed 's/^/  | /' >&2
        echo "build: full log: $log" >&2
    else
        echo "build: $1" >&2
    fi
    exit 1
}

# quiet CMD...: run CMD with its output in the log (or shown, --verbose)
quiet() {
    if [ $verbose = yes ]; then
        "$@"
    else
        "$@" >>"$log" 2>&1
    fi
}

# progress: read ninja's output ("[12/345] ..." status lines), keep it in
# the log and show the step count as a percentage with the elapsed time.
progress() {
    local line f t pct last=-1 start=$SECONDS shown=no el
    local tty=no
    [ -t 2 ] && tty=yes
    while IFS= read -r line; do
        printf '%s\n' "$line" >>"$log"
        [[ $line =~ ^\[([0-9]+)/([0-9]+)\] ]] || continue
        f=${BASH_REMATCH[1]} t=${BASH_REMATCH[2]}
        # A warm build regenerates qemu-version.h and relinks a little:
        # no progress for small builds
        [ "$t" -ge 20 ] || continue
        pct=$((f * 100 / t))
        el=$((SECONDS - start))
        el=$(printf '%dm%02ds' $((el / 60)) $((el % 60)))
        if [ $tty = yes ]; then
            printf '\rbuild: QEMU %3d%% (%d/%d steps) %s ' \
                "$pct" "$f" "$t" "$el" >&2
            shown=yes
        elif [ $((pct / 10)) != $last ]; then
            last=$((pct / 10))
            echo "build: QEMU $pct% ($f/$t steps) $el" >&2
        fi
    done
    [ $shown = no ] || echo >&2
}

if [ -z "$own_tree" ]; then
    if [ ! -e "$src/VERSION" ]; then
        echo "build: getting the QEMU $series source (scripts/fetch-qemu.sh)" >&2
    fi
    quiet scripts/fetch-qemu.sh --qemu "$series" "$src" ||
        fail "fetching the QEMU source failed"
fi

# The series for this tree's QEMU: patches/, with patches/qemu-LINE/
# replacing the patches that differ for it
mapfile -t series_patches < <(qemu_series_patches "$series")

# Apply the series (undoing a previously applied set that has changed).
want=$( (cat "${series_patches[@]}" 2>/dev/null || true) | sha256sum | cut -d' ' -f1)
have=$(cat "$applied/.sum" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
    if [ -d "$applied" ]; then
        echo "build: patches/ changed; undoing the previous set" >&2
        for p in $(ls "$applied"/*.patch 2>/dev/null | sort -r); do
            quiet patch -d "$src" -p1 -R -s --no-backup-if-mismatch <"$p" ||
                fail "cannot undo $p in $src (rm -rf build/qemu-src, or restore your tree)"
        done
    fi
    rm -rf "$applied"
    mkdir -p "$applied"
    # All or nothing: a patch that does not apply undoes the ones before
    # it, so a tree patched differently (or of another release) is left
    # as it was.
    done_list=()
    for p in "${series_patches[@]}"; do
        [ -e "$p" ] || continue
        if ! patch -d "$src" -p1 -s -f --forward --dry-run <"$p" \
                >>"$log" 2>&1; then
            patch -d "$src" -p1 -s -f -R --dry-run <"$p" >/dev/null 2>&1 &&
                already=yes || already=no
            for q in $(printf '%s\n' "${done_list[@]}" | sort -r); do
                patch -d "$src" -p1 -R -s --no-backup-if-mismatch <"$q" >>"$log" 2>&1
            done
            rm -rf "$applied"
            if [ $already = yes ]; then
                fail "$p is already applied to $src, but not by this gicsim (no record in $applied); use a clean QEMU $series.x tree"
            fi
            fail "$p does not apply to $src (QEMU $(cat "$src/VERSION")): the tree is patched differently or is not a QEMU $series.x release; nothing was changed"
        fi
        quiet patch -d "$src" -p1 -s --forward --no-backup-if-mismatch <"$p" ||
            fail "applying $p to $src failed"
        done_list+=("$p")
        cp "$p" "$applied/"
    done
    n=${#done_list[@]}
    echo "$want" >"$applied/.sum"
    nv=$(printf '%s\n' "${done_list[@]}" | grep -c '^patches/qemu-' || true)
    [ "$nv" = 0 ] && from= || from=" ($nv of them from patches/qemu-$series/)"
    echo "build: applied $n patches from patches/$from to QEMU $(cat "$src/VERSION") in $src" >&2
fi

# Link our files into the tree at the paths they have there.
git ls-files --cached --others --exclude-standard hw include tests/qtest \
    2>/dev/null >"$ourfiles" ||
    find hw include tests/qtest -type f >"$ourfiles"
while read -r f; do
    [ -f "$f" ] || continue
    mkdir -p "$src/$(dirname "$f")"
    if [ "$(readlink "$src/$f" 2>/dev/null)" != "$top/$f" ]; then
        if [ -e "$src/$f" ] && [ ! -L "$src/$f" ]; then
            die "$f would replace QEMU's own file $src/$f; use a patch"
        fi
        ln -sfn "$top/$f" "$src/$f"
    fi
done <"$ourfiles"

flock -u 9
exec 8>"$bld.lock"
flock 8

srcabs=$(cd "$src" && pwd)
if [ ! -f "$bld/build.ninja" ]; then
    echo "build: configuring QEMU in $bld (a cold build takes several minutes)" >&2
    mkdir -p "$bld"
    (cd "$bld" && quiet "$srcabs/configure" \
        --python=/usr/bin/python3 \
        --target-list=aarch64-softmmu \
        --without-default-features \
        --enable-fdt=system \
        --enable-tcg \
        --disable-docs \
        --disable-install-blobs \
        --disable-werror \
        ${flavour_args[@]+"${flavour_args[@]}"} \
        ${QEMU_CONFIGURE_EXTRA:-}) || { rm -f "$bld/build.ninja"; fail "configure failed"; }
fi
# The patched QEMU, our qtests and the probe runner.
targets="qemu-system-aarch64"
for t in tests/qtest/*-test.c tests/qtest/gicsim-probe.c; do
    [ -f "$t" ] && targets="$targets tests/qtest/$(basename "$t" .c)"
done
[ $flavour != fuzz ] || targets=qemu-fuzz-aarch64
# Regenerate build.ninja first if meson files changed (new targets).
quiet ninja -C "$bld" build.ninja || fail "regenerating $bld/build.ninja failed"
# ninja does not see a change in what scripts/sanitize-cc.sh instruments
# (the command line stays the same): when the script changes, delete the
# hw/intc objects it may select, so they are compiled again with it.
if [ $flavour = san ]; then
    sum=$(sha256sum scripts/sanitize-cc.sh | cut -d' ' -f1)
    if [ "$(cat "$bld/.sanitize-cc.sum" 2>/dev/null)" != "$sum" ]; then
        find "$bld" -path "$bld/lib*.a.p/hw_intc_*.o" -delete
        echo "$sum" >"$bld/.sanitize-cc.sum"
    fi
fi
start=$SECONDS
if [ $verbose = yes ]; then
    $nice ninja -C "$bld" -j "$jobs" $targets ${QEMU_EXTRA_TARGETS:-} ||
        fail "the QEMU build failed"
else
    set +e
    $nice ninja -C "$bld" -j "$jobs" $targets ${QEMU_EXTRA_TARGETS:-} 2>&1 | progress
    rc=${PIPESTATUS[0]}
    set -e
    [ "$rc" = 0 ] || fail "the QEMU build failed"
    if grep -qE '^\[[0-9]+/[0-9]+] (Compiling|Linking)' "$log"; then
        el=$((SECONDS - start))
        printf 'build: QEMU built in %dm%02ds\n' $((el / 60)) $((el % 60)) >&2
    fi
fi
# Debian's +ds source has no firmware blobs; virt's default NIC wants its
# option ROM, which Debian ships in ipxe-qemu.
# QEMU run from its build tree looks for data files in qemu-bundle/.
datadir=$bld/qemu-bundle/usr/local/share/qemu
mkdir -p "$datadir"
for rom in /usr/lib/ipxe/qemu/efi-*.rom; do
    [ -e "$rom" ] && ln -sfn "$rom" "$datadir/$(basename "$rom")"
done
if [ -n "$own_tree" ]; then
    echo "build: built $bld/qemu-system-aarch64 and $bld/tests/qtest/gicsim-probe" >&2
elif [ $flavour = plain ] && [ "$series" != "${qemu_series_known[0]}" ]; then
    echo "build: built $bld/qemu-system-aarch64 and $bld/tests/qtest/gicsim-probe" >&2
elif [ $flavour = plain ]; then
    ln -sfn qemu-build/qemu-system-aarch64 build/qemu-system-aarch64
    ln -sfn qemu-build/tests/qtest/gicsim-probe build/gicsim-probe
fi

# The QEMU-independent core and its unit tests (with the sanitizers and
# gcov too in the --sanitize trees: scripts/test.sh --coverage counts what
# the unit tests reach of the core's files in hw/intc/gicsim/).
[ -n "$core" ] || exit 0
if [ ! -f $core/build.ninja ]; then
    if [ $flavour = san ] || [ $flavour = asan ]; then
        quiet meson setup $core . -Db_sanitize=address,undefined \
            -Db_lundef=false -Db_coverage=true ||
            fail "meson setup $core failed"
    else
        quiet meson setup $core . || fail "meson setup $core failed"
    fi
elif [ $flavour = san ] || [ $flavour = asan ]; then
    # a tree set up before gcov was added to it
    meson introspect $core --buildoptions |
        python3 -c 'import json, sys; sys.exit(not any(
            o["name"] == "b_coverage" and o["value"]
            for o in json.load(sys.stdin)))' ||
        quiet meson configure $core -Db_coverage=true ||
        fail "meson configure $core failed"
fi
quiet $nice ninja -C $core || fail "building $core failed"

if [ -n "$prefix" ]; then
    install -D -m 755 "$bld/qemu-system-aarch64" "$prefix/bin/qemu-system-aarch64"
    install -D -m 755 "$bld/tests/qtest/gicsim-probe" "$prefix/bin/gicsim-probe"
    mkdir -p "$prefix/share/qemu"
    for rom in /usr/lib/ipxe/qemu/efi-*.rom; do
        [ -e "$rom" ] && cp -f "$rom" "$prefix/share/qemu/"
    done
    echo "build: installed $prefix/bin/qemu-system-aarch64 and $prefix/bin/gicsim-probe" >&2
fi
