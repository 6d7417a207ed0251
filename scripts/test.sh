#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The whole test suite: installs what is missing, builds, then runs
#   - the unit tests of the QEMU-independent core,
#   - the qtests of arm-gicv3-sim (tests/qtest/*-test.c),
#   - the register-poke scripts (tests/qtest/gicsim-scripts/*.poke),
#   - the end-to-end guest programs and Linux boots (scripts/e2e.sh).
# Prints one line per test and ends with "N passed, M failed".
# Options: --skip-e2e (quicker local runs), --no-install.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
install=yes e2e=yes
for a in "$@"; do
    case "$a" in
        --skip-e2e) e2e=no ;;
        --no-install) install=no ;;
        *) echo "test.sh: unknown option $a" >&2; exit 2 ;;
    esac
done

set -e
if [ $install = yes ]; then
    scripts/install-deps.sh
    [ $e2e = no ] || scripts/install-e2e-deps.sh
fi
scripts/build.sh
set +e

passed=0 failed=0
log=build/test-logs
mkdir -p "$log"

# count_tap NAME FILE: add a TAP stream's results to the totals
count_tap() {
    local p f
    p=$(grep -cE '^ok ' "$2")
    f=$(grep -cE '^not ok ' "$2")
    grep -E '^(not )?ok ' "$2" | sed "s|^|$1: |"
    passed=$((passed + p)) failed=$((failed + f))
}

# run_tap NAME CMD...: a TAP-producing program; a crash counts as a failure
run_tap() {
    local name=$1 out=$log/$1.tap
    shift
    "$@" >"$out" 2>"$log/$name.err"
    local rc=$?
    count_tap "$name" "$out"
    if [ $rc != 0 ] && ! grep -qE '^not ok ' "$out"; then
        echo "$name: not ok - exited with status $rc (see $log/$name.err)"
        tail -n 20 "$log/$name.err"
        failed=$((failed + 1))
    fi
}

run_tap unit build/core/test-gicsim-regs --tap
run_tap unit-script build/core/test-gicsim-script --tap
run_tap unit-stage2 build/core/test-gicsim-stage2 --tap
run_tap unit-cost build/core/test-gicsim-cost --tap
run_tap unit-script-stats build/core/test-gicsim-script-stats --tap
run_tap unit-cost-report python3 tests/unit/test-cost-report.py
run_tap unit-rec build/core/test-gicsim-rec --tap

# docs/register-map.rst must be what the register table generates
if cmp -s build/core/register-map.rst docs/register-map.rst; then
    echo "docs: ok - docs/register-map.rst matches the register table"
    passed=$((passed + 1))
else
    echo "docs: not ok - docs/register-map.rst is stale; run scripts/update-docs.sh"
    failed=$((failed + 1))
fi

# docs/calibration.rst must be what the cost profiles give, and every
# published figure must be reproduced within the tolerance
if cmp -s build/core/calibration.rst docs/calibration.rst; then
    echo "docs: ok - docs/calibration.rst matches the cost profiles"
    passed=$((passed + 1))
else
    echo "docs: not ok - docs/calibration.rst is stale; run scripts/update-docs.sh"
    failed=$((failed + 1))
fi
if build/core/gicsim-calibrate --check >"$log/calibrate.out" 2>&1; then
    echo "calibration: ok - every shipped profile within 10 % of its published figures"
    passed=$((passed + 1))
else
    echo "calibration: not ok - out of tolerance (see $log/calibrate.out)"
    failed=$((failed + 1))
fi

export QTEST_QEMU_BINARY=$top/build/qemu-system-aarch64
# gicsim/differences/documented checks its machine-readable lines
export GICSIM_DIFFERENCES=$top/docs/differences.rst
for t in tests/qtest/*-test.c; do
    n=$(basename "$t" .c)
    run_tap "$n" build/qemu-build/tests/qtest/"$n" --tap -k
done

# The cost properties end to end: errors, QMP statistics of every path
# and shipped profile against the profile's arithmetic, reset, stats file
run_tap cost-device python3 tests/cost/test-cost-device.py \
    "$top/build/qemu-system-aarch64"

# Register-poke scripts: each script is its own test case, run against
# gic-model=sim, then compared with stock QEMU (gic-model=qemu).  The
# first run adds one case, "coverage": it fails if a register of the
# table is accessed by no script (build/test-logs/probe.tap lists the
# (register, width) pairs left out).
probe=build/qemu-build/tests/qtest/gicsim-probe
run_tap probe "$probe" --tap --coverage tests/qtest/gicsim-scripts/*.poke
grep -E '^# coverage: [0-9]' "$log/probe.tap" | sed 's|^# |probe: |'
run_tap probe-diff "$probe" --tap --diff tests/qtest/gicsim-scripts/*.poke

# The transcript marks undefined (and pedantic-class) accesses
# (tests/qtest/gicsim-scripts/undefined-accesses.poke)
if grep -qF '[undefined: width not supported by this register]' \
        "$log/probe.tap" &&
   grep -qF '[pedantic: write to a read-only register]' "$log/probe.tap"; then
    echo "probe-marks: ok - the transcript marks undefined accesses"
    passed=$((passed + 1))
else
    echo "probe-marks: not ok - no [undefined: ...] marks in $log/probe.tap"
    failed=$((failed + 1))
fi

# The width sweeps must be what scripts/gen-width-sweep.sh generates
if scripts/gen-width-sweep.sh --check; then
    echo "widths: ok - tests/qtest/gicsim-scripts/widths-*.poke are up to date"
    passed=$((passed + 1))
else
    echo "widths: not ok - run scripts/gen-width-sweep.sh"
    failed=$((failed + 1))
fi

# Differential run: a read that differs between the models fails
# probe-diff unless its statement is tagged @sim/@qemu; every script with
# tagged statements must be listed in docs/differences.rst
undoc=
for f in tests/qtest/gicsim-scripts/*.poke; do
    if grep -qE '^[^#]*@(sim|qemu)[[:space:]]*(#.*)?$' "$f" &&
       ! grep -qF "$f" docs/differences.rst; then
        undoc="$undoc $f"
    fi
done
if [ -z "$undoc" ]; then
    echo "diff-doc: ok - every script with @sim/@qemu statements is in docs/differences.rst"
    passed=$((passed + 1))
else
    echo "diff-doc: not ok - tagged differences not in docs/differences.rst:$undoc"
    failed=$((failed + 1))
fi

# End-to-end: the same guest programs and Linux boots on gicsim and on
# stock QEMU's GIC; each model's expectations are stated in the programs.
run_e2e() {      # run_e2e MODEL [PROFILE]
    local model=$1 name=e2e-$1${2:+-$2} line rc
    local out=$log/$name.out
    scripts/e2e.sh --gic-model "$model" ${2:+--profile "$2"} >"$out" 2>&1
    rc=$?
    grep -E '^(PASS|FAIL|SKIP)' "$out" | sed "s|^|$name: |"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
    if [ -n "$line" ]; then
        passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
        failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
    fi
    if [ $rc != 0 ] && [ -z "$line" ]; then
        echo "$name: not ok - scripts/e2e.sh exited with status $rc"
        tail -n 20 "$out"
        failed=$((failed + 1))
    fi
}

if [ $e2e = yes ]; then
    run_e2e sim
    run_e2e qemu
    # The GIC-600/700 profiles, with their modelled durations
    run_e2e sim gic-600
    run_e2e sim gic-700
    # charge-time under -icount: the guest measures the published figures
    run_tap charge-time scripts/test-charge-time.sh
fi

echo "$passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
