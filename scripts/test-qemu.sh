#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test-qemu.sh [--qemu LINE] [--no-build]
#
# gicsim's suite against the QEMU of another release line (default 10.2),
# built by "scripts/build.sh --qemu LINE" in build/qemu-build-LINE
# (under "nice -n 10"; JOBS as for build.sh):
#   - every qtest of arm-gicv3-sim (tests/qtest/*-test.c), as built there;
#   - the register-poke suite (tests/qtest/gicsim-scripts/*.poke) through
#     that tree's gicsim-probe, with the table-coverage case, and the
#     differential run against that QEMU's own GICv3 (gic-model=qemu);
#   - guest code on that QEMU: the bare-metal programs whose patches
#     differ between the lines (realm: the realm shim, the data-abort
#     syndrome and the MMIO-in-flight hooks; late_irq: -icount) and the
#     firmware bring-up fw_init, on GICv3 and GICv4 (scripts/e2e.sh
#     --gic-model sim --no-linux); TF-A's GIC-600/700 bring-up without
#     the CPU hog (scripts/test-fw-power.sh --no-hog); charge-time under
#     -icount (scripts/test-charge-time.sh), which needs icount_add_ns();
#   - the line's own versions of patches (patches/qemu-LINE/) through
#     that tree's scripts/checkpatch.pl.
# The QEMU-independent core is the same for every line: scripts/test.sh
# tests it.  Prints one line per test and ends with "N passed, M failed";
# logs in build/test-logs-LINE/.
#   --no-build   use the tree as it is (fails if it was never built)
. "$(dirname "$0")/lib/help.bash"
. "$(dirname "$0")/lib/qemu-series.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
line=10.2 build=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --qemu)
            [ $# -ge 2 ] || { echo "test-qemu: --qemu: expected a release line" >&2; exit 2; }
            line=$2; shift 2 ;;
        --no-build) build=no; shift ;;
        *) echo "test-qemu: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
known=$(qemu_series "$line.") || {
    echo "test-qemu: --qemu $line: gicsim knows QEMU $(qemu_series_list)" >&2
    exit 2
}
line=$known
qemu_series_dirs "$line"

if [ $build = yes ]; then
    nice -n 10 scripts/build.sh --qemu "$line" || {
        echo "test-qemu: not ok - scripts/build.sh --qemu $line failed"
        echo "0 passed, 1 failed"
        exit 1
    }
fi
qemu=$top/$bld/qemu-system-aarch64
probe=$top/$bld/tests/qtest/gicsim-probe
if [ ! -x "$qemu" ] || [ ! -x "$probe" ]; then
    echo "test-qemu: not ok - no $bld/qemu-system-aarch64 or gicsim-probe (scripts/build.sh --qemu $line)"
    echo "0 passed, 1 failed"
    exit 1
fi

pre=qemu-$line-
log=build/test-logs-$line
mkdir -p "$log"
passed=0 failed=0

. "$top/scripts/lib/tap.bash"

# The QEMU under test says which it is
v=$("$qemu" --version | head -n 1)
if [[ $v == "QEMU emulator version $line."* ]]; then
    echo "${pre}version: ok - $v"
    passed=$((passed + 1))
else
    echo "${pre}version: not ok - $bld/qemu-system-aarch64 says: $v"
    failed=$((failed + 1))
fi

# The line's own versions of patches (patches/qemu-LINE/) pass that
# QEMU's checkpatch: no error, and no warning but the one checkpatch
# gives any patch that adds a file without touching MAINTAINERS (where
# MAINTAINERS already covers the file's directory; docs/building.rst)
for p in patches/qemu-"$line"/*.patch; do
    [ -e "$p" ] || continue
    out=$(cd "$src" && ./scripts/checkpatch.pl --patch "$top/$p" 2>&1)
    other=$(echo "$out" | grep -E '^(ERROR|WARNING): ' |
            grep -vF 'WARNING: added, moved or deleted file(s):')
    if echo "$out" | grep -qE '^total: 0 errors, ' && [ -z "$other" ]; then
        echo "${pre}checkpatch: ok - ${p##*/}"
        passed=$((passed + 1))
    else
        echo "${pre}checkpatch: not ok - ${p##*/}: $(echo "$out" | grep -E '^(ERROR|WARNING|total)' | head -n 3)"
        failed=$((failed + 1))
    fi
done

export QTEST_QEMU_BINARY=$qemu
export GICSIM_DIFFERENCES=$top/docs/differences.rst
for t in tests/qtest/*-test.c; do
    n=$(basename "$t" .c)
    run_tap "$pre$n" "$bld"/tests/qtest/"$n" --tap -k
done
run_tap "${pre}probe" "$probe" --tap --coverage tests/qtest/gicsim-scripts/*.poke
grep -E '^# coverage: [0-9]' "$log/${pre}probe.tap" | sed "s|^# |${pre}probe: |"
run_tap "${pre}probe-diff" "$probe" --tap --diff tests/qtest/gicsim-scripts/*.poke

# Guest code.  e2e.sh prints "PASS|FAIL case" and "N passed, M failed".
out=$log/e2e.out
QEMU=$qemu E2E_DIR=build/e2e-$line scripts/e2e.sh --gic-model sim --no-linux \
    --filter '^v[34]/(realm|late_irq|fw_init)$' >"$out" 2>&1
rc=$?
grep -E '^(PASS|FAIL|SKIP)' "$out" | sed "s|^|${pre}e2e: |"
sum=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
if [ -n "$sum" ]; then
    passed=$((passed + $(echo "$sum" | cut -d' ' -f1)))
    failed=$((failed + $(echo "$sum" | cut -d' ' -f3)))
fi
if [ $rc != 0 ] && [ -z "$sum" ]; then
    echo "${pre}e2e: not ok - scripts/e2e.sh exited with status $rc (see $out)"
    failed=$((failed + 1))
fi
QEMU=$qemu run_tap "${pre}fw-power" scripts/test-fw-power.sh --no-hog
QEMU=$qemu run_tap "${pre}charge-time" scripts/test-charge-time.sh

echo "$passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
