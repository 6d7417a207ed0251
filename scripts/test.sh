#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test.sh [--skip-e2e] [--no-install]
#
# The whole test suite: installs what is missing, builds, then runs
#   - the unit tests of the QEMU-independent core,
#   - the qtests of arm-gicv3-sim (tests/qtest/*-test.c),
#   - the register-poke scripts (tests/qtest/gicsim-scripts/*.poke),
#   - the end-to-end guest programs and Linux boots (scripts/e2e.sh),
#   - every script's --help, device options, --json/--junit, the
#     interactive probe in a terminal.
# Prints one line per test and ends with "N passed, M failed".
# Options: --skip-e2e (quicker local runs), --no-install.
. "$(dirname "$0")/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
install=yes e2e=yes
for a in "$@"; do
    case "$a" in
        --skip-e2e) e2e=no ;;
        --no-install) install=no ;;
        *) echo "test.sh: unknown option $a (see scripts/test.sh --help)" >&2; exit 2 ;;
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

# docs/register-map.rst must be what the register table generates
if cmp -s build/core/register-map.rst docs/register-map.rst; then
    echo "docs: ok - docs/register-map.rst matches the register table"
    passed=$((passed + 1))
else
    echo "docs: not ok - docs/register-map.rst is stale; run scripts/update-docs.sh"
    failed=$((failed + 1))
fi

export QTEST_QEMU_BINARY=$top/build/qemu-system-aarch64
for t in tests/qtest/*-test.c; do
    n=$(basename "$t" .c)
    run_tap "$n" build/qemu-build/tests/qtest/"$n" --tap -k
done

# Register-poke scripts: each script is its own test case, run against
# gic-model=sim, then compared with stock QEMU (gic-model=qemu).  The
# first run adds one case, "coverage": it fails if a register of the
# table is accessed by no script (build/test-logs/probe.tap lists the
# (register, width) pairs left out).
probe=build/qemu-build/tests/qtest/gicsim-probe
run_tap probe "$probe" --tap --coverage tests/qtest/gicsim-scripts/*.poke
grep -E '^# coverage: [0-9]' "$log/probe.tap" | sed 's|^# |probe: |'
run_tap probe-diff "$probe" --tap --diff tests/qtest/gicsim-scripts/*.poke

# ok NAME TEXT / notok NAME TEXT: one test line
ok() { echo "$1: ok - $2"; passed=$((passed + 1)); }
notok() { echo "$1: not ok - $2"; failed=$((failed + 1)); }

# Every script in scripts/ answers --help with its usage
nohelp=
for s in scripts/*.sh; do
    "$s" --help 2>&1 | head -n 1 | grep -q '^usage: ' || nohelp="$nohelp $s"
done
if [ -z "$nohelp" ]; then
    ok help "every script in scripts/ answers --help with its usage"
else
    notok help "no usage from --help:$nohelp"
fi

# Device options on the command line: the bundled probe on a GIC-600
# with 4 CPUs through scripts/run.sh, which (warm) prints only the
# transcript, whose header line names the options
out=$(scripts/run.sh --profile gic-600 --smp 4 2>&1)
rc=$?
echo "$out" >"$log/run-gic600.out"
if [ $rc = 0 ] &&
   echo "$out" | head -n 1 | grep -qE '^== <default probe> \(gic-model=sim, command line: --profile gic-600 --smp 4\): .* -smp 4 .*arm-gicv3-sim.profile=gic-600' &&
   echo "$out" | tail -n 1 | grep -q -- '-- PASS$'; then
    ok run "scripts/run.sh --profile gic-600 --smp 4: only the transcript, options in its header, all checks pass"
else
    notok run "scripts/run.sh --profile gic-600 --smp 4 (see $log/run-gic600.out)"
fi
err=$("$probe" --smp 0 2>&1 >/dev/null)
rc=$?
if [ $rc = 2 ] && [ "$err" = "gicsim-probe: --smp 0: expected a CPU count for smp, found '0'" ]; then
    ok options "a bad device option is refused naming the option"
else
    notok options "gicsim-probe --smp 0: status $rc, said: $err"
fi

# build.sh --qemu-src refuses a tree that is not QEMU 10.0.x, and one
# that patches/ was applied to by something else (a hard-linked copy of
# build/qemu-src), changing none of its files and building nothing
tmpq=$(mktemp -d "$top/build/qemu-src-test.XXXXXX")   # cp -al: same file system
mkdir "$tmpq/old" && echo 9.2.0 >"$tmpq/old/VERSION"
out1=$(scripts/build.sh --qemu-src "$tmpq/old" 2>&1)
rc1=$?
cp -al build/qemu-src "$tmpq/patched"
find "$tmpq/patched" -type f -newer "$tmpq/old/VERSION" >"$tmpq/before"
out2=$(scripts/build.sh --qemu-src "$tmpq/patched" 2>&1)
rc2=$?
find "$tmpq/patched" -type f -newer "$tmpq/old/VERSION" \
    ! -name build-gicsim.log ! -name .gicsim-build.lock >"$tmpq/after"
if [ $rc1 = 1 ] && [ $rc2 = 1 ] &&
   echo "$out1" | grep -q "QEMU 9.2.0; gicsim's patches are for QEMU 10.0.x" &&
   echo "$out2" | grep -q "0001-.* is already applied to $tmpq/patched, but not by this gicsim" &&
   cmp -s "$tmpq/before" "$tmpq/after" &&
   [ ! -e "$tmpq/patched/build-gicsim" ] && [ ! -e "$tmpq/patched/.gicsim-patches" ]; then
    ok qemu-src "build.sh --qemu-src refuses a non-10.0.x tree and a tree patched by something else, untouched"
else
    notok qemu-src "build.sh --qemu-src: status $rc1/$rc2; said: $out1 / $out2"
fi
rm -rf "$tmpq"

# --json and --junit, parsed and checked against the transcript
run_tap report python3 tests/report/check-report.py "$probe"

# The interactive probe, driven through a terminal (tmux)
run_tap interactive tests/interactive/probe-interactive.sh "$probe"

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
run_e2e() {
    local model=$1 out=$log/e2e-$1.out line rc
    scripts/e2e.sh --gic-model "$model" >"$out" 2>&1
    rc=$?
    grep -E '^(PASS|FAIL|SKIP)' "$out" | sed "s|^|e2e-$model: |"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$out" | tail -n 1)
    if [ -n "$line" ]; then
        passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
        failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
    fi
    if [ $rc != 0 ] && [ -z "$line" ]; then
        echo "e2e-$model: not ok - scripts/e2e.sh exited with status $rc"
        tail -n 20 "$out"
        failed=$((failed + 1))
    fi
}

if [ $e2e = yes ]; then
    run_e2e sim
    run_e2e qemu
fi

echo "$passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
