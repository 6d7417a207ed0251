#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test.sh [--skip-e2e] [--no-sanitize] [--no-install] [--coverage]
#                        [--no-qemu-10.2]
#
# The whole test suite: installs what is missing, builds, then runs
#   - the unit tests of the QEMU-independent core,
#   - the qtests of arm-gicv3-sim (tests/qtest/*-test.c),
#   - the register-poke scripts (tests/qtest/gicsim-scripts/*.poke),
#   - the end-to-end guest programs and Linux boots (scripts/e2e.sh),
#     TF-A's GIC-600/700 bring-up with and without a CPU hog
#     (scripts/test-fw-power.sh), -icount and record/replay runs that
#     must repeat exactly (scripts/test-determinism.sh), the timeline of
#     two guest runs, rendered by headless Chromium where it is installed
#     (tests/scripts/test-timeline-run.sh),
#   - every script's --help, device options, --json/--junit, the
#     interactive probe in a terminal, the fuzz line-coverage script
#     (tests/scripts/test-fuzz-coverage.sh; skipped without clang and
#     libFuzzer).
#   - the unit tests, qtests, poke scripts and cost-device test again
#     against the build whose device code has AddressSanitizer,
#     UndefinedBehaviorSanitizer and gcov, and QEMU's GICv3 code ASan and
#     UBSan (scripts/build.sh --sanitize; "san-scope" checks that those
#     objects were built so); any sanitizer report fails the run.
# Prints one line per test and ends with "N passed, M failed".
# Options: --skip-e2e (quicker local runs), --no-sanitize (no sanitizer
# build and run), --no-install, --coverage (report the line and branch
# coverage of hw/intc/gicsim/ reached by the sanitizer run in
# build/coverage/; needs gcovr).  docs/robustness.rst has the details.
# The suite also builds QEMU 10.2.x with gicsim (build/qemu-build-10.2)
# and runs its qtests, poke scripts and guest programs there
# (scripts/test-qemu.sh; docs/building.rst); --no-qemu-10.2 leaves that
# out.  Where Debian no longer serves the 10.2 source, that part is
# reported as skipped, naming why.
. "$(dirname "$0")/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
install=yes e2e=yes sanitize=yes coverage=no qemu_lines=(10.2) skipped_lines=()
for a in "$@"; do
    case "$a" in
        --skip-e2e) e2e=no ;;
        --no-sanitize) sanitize=no ;;
        --no-install) install=no ;;
        --coverage) coverage=yes sanitize=yes ;;
        --qemu-10.2) qemu_lines=(10.2) ;;
        --no-qemu-10.2) qemu_lines=() ;;
        *) echo "test.sh: unknown option $a (see scripts/test.sh --help)" >&2; exit 2 ;;
    esac
done

set -e
if [ $install = yes ]; then
    if [ $coverage = yes ]; then
        scripts/install-deps.sh --coverage
    else
        scripts/install-deps.sh
    fi
    [ $e2e = no ] || scripts/install-e2e-deps.sh
    lines=()
    for l in ${qemu_lines[@]+"${qemu_lines[@]}"}; do
        # The source too: it is what may go missing from Debian's archive
        if scripts/install-deps.sh --qemu "$l" &&
           scripts/fetch-qemu.sh --qemu "$l" >>build/install-deps.log 2>&1; then
            lines+=("$l")
        else
            skipped_lines+=("$l")
        fi
    done
    qemu_lines=(${lines[@]+"${lines[@]}"})
fi
if [ $coverage = yes ] && [ $sanitize = no ]; then
    echo "test.sh: --coverage measures the sanitizer run; drop --no-sanitize" >&2
    exit 2
fi
scripts/build.sh
[ $sanitize = no ] || scripts/build.sh --sanitize
# coverage counts this run only
[ $sanitize = no ] || find build/qemu-build-san build/core-san -name '*.gcda' -delete
qbld=build/qemu-build
set +e

passed=0 failed=0
log=build/test-logs
mkdir -p "$log"

. "$top/scripts/lib/tap.bash"

# unit_tests PREFIX COREDIR
unit_tests() {
    run_tap "$1unit" "$2"/test-gicsim-regs --tap
    run_tap "$1unit-script" "$2"/test-gicsim-script --tap
    run_tap "$1unit-stage2" "$2"/test-gicsim-stage2 --tap
    run_tap "$1unit-cost" "$2"/test-gicsim-cost --tap
    run_tap "$1unit-script-stats" "$2"/test-gicsim-script-stats --tap
    run_tap "$1unit-rec" "$2"/test-gicsim-rec --tap
    run_tap "$1unit-timing" "$2"/test-gicsim-timing --tap
    run_tap "$1unit-affinity" "$2"/test-gicsim-affinity --tap
}
unit_tests "" build/core
run_tap unit-cost-report python3 tests/scripts/test-cost-report.py
run_tap unit-timeline python3 tests/scripts/test-timeline.py

# docs/register-map.rst must be what the register table generates
if cmp -s build/core/register-map.rst docs/register-map.rst; then
    echo "docs: ok - docs/register-map.rst matches the register table"
    passed=$((passed + 1))
else
    echo "docs: not ok - docs/register-map.rst is stale; run scripts/update-docs.sh"
    failed=$((failed + 1))
fi

# docs/calibration.rst must be what the cost profiles give, and every
# fitted row must be reproduced up to rounding (predicted rows may miss:
# the table reports them)
if cmp -s build/core/calibration.rst docs/calibration.rst; then
    echo "docs: ok - docs/calibration.rst matches the cost profiles"
    passed=$((passed + 1))
else
    echo "docs: not ok - docs/calibration.rst is stale; run scripts/update-docs.sh"
    failed=$((failed + 1))
fi
if build/core/gicsim-calibrate --check >"$log/calibrate.out" 2>&1; then
    echo "calibration: ok - every shipped profile reproduces its fitted rows up to rounding"
    passed=$((passed + 1))
else
    echo "calibration: not ok - a fitted row off by more than rounding (see $log/calibrate.out)"
    failed=$((failed + 1))
fi

# qemu_tests PREFIX BUILDDIR: the qtests and the register-poke scripts
# against the QEMU of BUILDDIR
qemu_tests() {
    local pre=$1 bld=$top/$2 t n probe
    export QTEST_QEMU_BINARY=$bld/qemu-system-aarch64
    for t in tests/qtest/*-test.c; do
        n=$(basename "$t" .c)
        run_tap "$pre$n" "$bld"/tests/qtest/"$n" --tap -k
    done

    # Register-poke scripts: each script is its own test case, run
    # against gic-model=sim, then compared with stock QEMU
    # (gic-model=qemu).  The first run adds one case, "coverage": it
    # fails if a register of the table is accessed by no script
    # (build/test-logs/probe.tap lists the (register, width) pairs left
    # out).
    probe=$bld/tests/qtest/gicsim-probe
    run_tap "${pre}probe" "$probe" --tap --coverage \
        tests/qtest/gicsim-scripts/*.poke
    grep -E '^# coverage: [0-9]' "$log/${pre}probe.tap" |
        sed "s|^# |${pre}probe: |"
    run_tap "${pre}probe-diff" "$probe" --tap --diff \
        tests/qtest/gicsim-scripts/*.poke
}
# gicsim/differences/documented checks its machine-readable lines
export GICSIM_DIFFERENCES=$top/docs/differences.rst
qemu_tests "" $qbld

# The cost properties end to end: errors, QMP statistics of every path
# and shipped profile against the profile's arithmetic, reset, stats file
run_tap cost-device python3 tests/cost/test-cost-device.py \
    "$top/build/qemu-system-aarch64"

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

# ok NAME TEXT / notok NAME TEXT: one test line
ok() { echo "$1: ok - $2"; passed=$((passed + 1)); }
notok() { echo "$1: not ok - $2"; failed=$((failed + 1)); }

probe=$top/$qbld/tests/qtest/gicsim-probe

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
# scripts/run.sh from another folder: the script and the reports are
# where the user stands, not in the checkout
tmpd=$(mktemp -d)
printf 'expect GICD_TYPER.ITLinesNumber == 8\n' >"$tmpd/my.poke"
out=$(cd "$tmpd" && "$top/scripts/run.sh" --json probe.json \
      --junit probe.xml my.poke 2>&1)
rc=$?
if [ $rc = 0 ] && [ -s "$tmpd/probe.json" ] && [ -s "$tmpd/probe.xml" ] &&
   [ ! -e "$top/probe.json" ] && [ ! -e "$top/my.poke" ] &&
   echo "$out" | grep -q '^== my.poke (gic-model=sim): 1 passed, 0 failed'; then
    ok run-relative "scripts/run.sh my.poke --json probe.json from another folder: paths relative to it"
else
    notok run-relative "scripts/run.sh from $tmpd: status $rc, said: $(echo "$out" | tail -n 3)"
fi
rm -rf "$tmpd"
err=$("$probe" --smp 0 2>&1 >/dev/null)
rc=$?
if [ $rc = 2 ] && [ "$err" = "gicsim-probe: --smp 0: expected a CPU count for smp, found '0'" ]; then
    ok options "a bad device option is refused naming the option"
else
    notok options "gicsim-probe --smp 0: status $rc, said: $err"
fi

# Piped into -i, a line in error is a failure of the pipeline (status 2,
# as a script that does not parse), the other lines still run; a script
# with no machine line says which machine it got (the prompt's default)
printf 'read GICD_CTRL\nexpect GICD_TYPER.SecurityExtn == 1\n' |
    "$probe" -i >"$log/piped.out" 2>&1
rc=$?
printf 'expect GICD_TYPER.SecurityExtn == 1\n' >"$log/nomachine.poke"
out=$("$probe" "$log/nomachine.poke" 2>&1)
if [ $rc = 2 ] && grep -q '^error at column 6: ' "$log/piped.out" &&
   grep -q '^   2 ok ' "$log/piped.out" &&
   echo "$out" | head -n 1 | grep -q 'no machine line: gic-version=3 secure=on smp=2): .*secure=on .*-smp 2' &&
   echo "$out" | grep -q -- '-- PASS$'; then
    ok piped "piped -i with an error exits 2; the default machine is the prompt's, and said"
else
    notok piped "piped -i: status $rc (see $log/piped.out); no machine line: $out"
fi

# build.sh --qemu-src refuses a tree of a QEMU it has no series for, and one
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
   echo "$out1" | grep -q "QEMU 9.2.0; gicsim's patches are for QEMU 10.0.x and 10.2.x" &&
   echo "$out2" | grep -q "0001-.* is already applied to $tmpq/patched, but not by this gicsim" &&
   cmp -s "$tmpq/before" "$tmpq/after" &&
   [ ! -e "$tmpq/patched/build-gicsim" ] && [ ! -e "$tmpq/patched/.gicsim-patches" ]; then
    ok qemu-src "build.sh --qemu-src refuses a tree that is not 10.0.x or 10.2.x and a tree patched by something else, untouched"
else
    notok qemu-src "build.sh --qemu-src: status $rc1/$rc2; said: $out1 / $out2"
fi
rm -rf "$tmpq"

# Every patch that differs for another QEMU line (patches/qemu-LINE/) has
# its row, saying what differs and why, in docs/building.rst's table
undoc=
for p in patches/qemu-*/*.patch; do
    [ -e "$p" ] || continue
    n=${p##*/}
    grep -qE "^${n%%-*}  " docs/building.rst || undoc="$undoc $p"
done
if [ -z "$undoc" ]; then
    ok patch-lines "every patch of patches/qemu-*/ has its row in docs/building.rst"
else
    notok patch-lines "no row in docs/building.rst's table of the patches that differ:$undoc"
fi

# scripts/run.sh --help lists every option the README documents for it
# (sections "Probing registers" to "Tests")
missing=
for o in $(sed -n '/^## Probing registers/,/^## Tests/p' README.md |
           grep -oE '(^|[ `(])--[a-z0-9-]+' | tr -d ' `(' | sort -u); do
    scripts/run.sh --help | grep -q -- "$o" || missing="$missing $o"
done
if [ -z "$missing" ]; then
    ok run-help "scripts/run.sh --help lists every option the README documents"
else
    notok run-help "README options missing from scripts/run.sh --help:$missing"
fi

# The documentation builds with Sphinx (Debian's python3-sphinx), every
# warning an error, and stands alone: no docs/ or README line points at
# files outside the project or at the project's issue numbers
rm -rf build/docs
if sphinx-build -W --keep-going -q -b html docs build/docs \
        >"$log/docs.out" 2>&1; then
    ok docs-build "sphinx-build -W docs: no warning"
else
    notok docs-build "sphinx-build -W docs (see $log/docs.out): $(head -n 3 "$log/docs.out")"
fi
outside=$(grep -nE '\.\./shared|/work/|[Ii]ssue #?[0-9]|#[0-9]+[),]' \
          README.md docs/*.rst docs/conf.py)
if [ -z "$outside" ]; then
    ok docs-alone "no docs/ or README line refers to files outside the project or to issue numbers"
else
    notok docs-alone "lines that refer outside the project: $outside"
fi

# --json and --junit, parsed and checked against the transcript
run_tap report python3 tests/scripts/check-probe-report.py "$probe"

# scripts/fuzz.sh --coverage's line coverage, on a target of known
# coverage (skipped without clang and libFuzzer)
run_tap fuzz-coverage tests/scripts/test-fuzz-coverage.sh
sed -n 's/^1\.\.0 # SKIP /fuzz-coverage: skipped - /p' "$log/fuzz-coverage.tap"

# The interactive probe, driven through a terminal (tmux)
run_tap interactive tests/scripts/probe-interactive.sh "$probe"

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
    export QTEST_QEMU_BINARY=$top/$qbld/qemu-system-aarch64
    run_e2e sim
    run_e2e qemu
    # The GIC-600/700 profiles, with their modelled durations
    run_e2e sim gic-600
    run_e2e sim gic-700
    # charge-time under -icount: the guest measures the published figures
    run_tap charge-time scripts/test-charge-time.sh
    # TF-A's GIC-600/700 bring-up at EL3 keeps every write, with and
    # without a CPU hog; -icount and record/replay repeat exactly
    run_tap fw-power scripts/test-fw-power.sh
    # The timeline of two guest runs: JSON checked, SVG rendered to PNG by
    # headless Chromium and checked (that part skipped without chromium)
    run_tap timeline tests/scripts/test-timeline-run.sh
    sed -n 's/^# SKIP /timeline: skipped - /p' "$log/timeline.tap"
    run_tap determinism scripts/test-determinism.sh
fi

# The same unit tests, qtests and scripts under AddressSanitizer and
# UndefinedBehaviorSanitizer.  UBSan stops at its first report
# (halt_on_error), ASan always does; either makes the process fail.
# LeakSanitizer stays on: QEMU's own exit leaks nothing it reports with
# this configuration, so a leak report is a finding too (docs/robustness.rst).
# A report in a QEMU child whose qtest still passed is caught by the scan
# of the logs below.
if [ $sanitize = yes ]; then
    export ASAN_OPTIONS=halt_on_error=1:abort_on_error=0:detect_leaks=1:print_summary=1
    export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:print_summary=1
    # What scripts/sanitize-cc.sh instrumented, from the options GCC
    # records in each object's debug information (DW_AT_producer): the
    # device's objects and QEMU's GICv3 ones (common, dist, redist, ITS,
    # CPU interface) have ASan and UBSan; only the device's have gcov
    bad="" n=0
    for o in build/qemu-build-san/lib*.a.p/hw_intc_gicsim_*.o \
             build/qemu-build-san/lib*.a.p/hw_intc_arm_gicv3*.o; do
        [ -e "$o" ] || continue
        p=$(readelf --debug-dump=info "$o" | grep -m 1 DW_AT_producer)
        got=
        for f in -fsanitize=address,undefined -ftest-coverage; do
            [[ $p == *" $f "* ]] && got="$got $f"
        done
        case "$o" in
            *gicsim_*) want=" -fsanitize=address,undefined -ftest-coverage" ;;
            *) want=" -fsanitize=address,undefined" ;;
        esac
        [ "$got" = "$want" ] || bad="$bad ${o##*/}"
        n=$((n + 1))
    done
    for o in hw_intc_arm_gicv3_dist.c.o hw_intc_arm_gicv3_its.c.o \
             hw_intc_arm_gicv3_cpuif.c.o hw_intc_gicsim_gicsim-dist.c.o; do
        ls build/qemu-build-san/lib*.a.p/"$o" >/dev/null 2>&1 ||
            bad="$bad $o(missing)"
    done
    if [ -z "$bad" ]; then
        ok san-scope "$n objects of the device and of QEMU's GICv3 built with ASan and UBSan, gcov on the device's only"
    else
        notok san-scope "not built as scripts/sanitize-cc.sh says:$bad"
    fi
    unit_tests san- build/core-san
    if build/core-san/gicsim-calibrate --check >"$log/san-calibrate.err" 2>&1; then
        echo "san-calibration: ok - every shipped profile reproduces its fitted rows up to rounding"
        passed=$((passed + 1))
    else
        echo "san-calibration: not ok - see $log/san-calibrate.err"
        failed=$((failed + 1))
    fi
    qemu_tests san- build/qemu-build-san
    run_tap san-cost-device python3 tests/cost/test-cost-device.py \
        "$top/build/qemu-build-san/qemu-system-aarch64"
    reports=$(grep -lE 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|UndefinedBehavior|Leak)Sanitizer' \
              "$log"/san-*.err "$log"/san-*.tap 2>/dev/null)
    if [ -z "$reports" ]; then
        echo "sanitizers: ok - no AddressSanitizer/UBSan report in the sanitizer run"
        passed=$((passed + 1))
    else
        echo "sanitizers: not ok - sanitizer reports in:" $reports
        grep -hE -A 12 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' \
            $reports | head -n 60
        failed=$((failed + 1))
    fi
    unset ASAN_OPTIONS UBSAN_OPTIONS
fi

# Line and branch coverage of hw/intc/gicsim/ from the sanitizer run:
# the device in QEMU (qtests, poke scripts, cost-device) and the core's
# files in the unit tests and tools (build/core-san), merged by file
if [ $coverage = yes ]; then
    mkdir -p build/coverage
    (cd build/qemu-build-san &&
     gcovr --root "$top/build/qemu-src" --filter '.*hw/intc/gicsim/' \
         --exclude-unreachable-branches --json "$top/build/coverage/qemu.json" \
         --object-directory . . &&
     cd "$top/build/core-san" &&
     gcovr --root "$top" --filter '.*hw/intc/gicsim/' \
         --exclude-unreachable-branches --json "$top/build/coverage/core.json" \
         --object-directory . . &&
     cd "$top" &&
     gcovr --root "$top" --add-tracefile build/coverage/qemu.json \
         --add-tracefile build/coverage/core.json --print-summary \
         --txt build/coverage/coverage.txt \
         --html-details build/coverage/index.html) \
        >build/coverage/summary.txt 2>&1
    sed 's/^/coverage: /' build/coverage/summary.txt | grep -E 'lines|branch'
    echo "coverage: per file in build/coverage/coverage.txt," \
         "annotated sources in build/coverage/index.html"
fi

# Another QEMU release line: its own build, qtests, poke scripts and
# guest programs (scripts/test-qemu.sh); the core is the same
for l in ${skipped_lines[@]+"${skipped_lines[@]}"}; do
    echo "qemu-$l: skipped - Debian's archive did not give the QEMU $l source (scripts/install-deps.sh and scripts/fetch-qemu.sh --qemu $l; see build/install-deps.log)"
done
for l in ${qemu_lines[@]+"${qemu_lines[@]}"}; do
    scripts/test-qemu.sh --qemu "$l" >"$log/qemu-$l.out" 2>&1
    rc=$?
    grep -vE '^[0-9]+ passed, [0-9]+ failed$' "$log/qemu-$l.out"
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log/qemu-$l.out" | tail -n 1)
    if [ -n "$line" ]; then
        passed=$((passed + $(echo "$line" | cut -d' ' -f1)))
        failed=$((failed + $(echo "$line" | cut -d' ' -f3)))
    fi
    if [ $rc != 0 ] && [ -z "$line" ]; then
        notok "qemu-$l" "scripts/test-qemu.sh --qemu $l exited with status $rc (see $log/qemu-$l.out)"
    fi
done

echo "$passed passed, $failed failed"
[ $failed = 0 ] && [ $passed -gt 0 ]
