#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/fuzz.sh [--time SECONDS] [--config NAME]... [--no-install]
#                       [--build-only] [--coverage]
#
# Coverage-guided fuzzing of arm-gicv3-sim with QEMU's fuzz framework
# (libFuzzer, tests/qtest/fuzz/gicsim_fuzz.c; docs/robustness.rst).
#
# Builds qemu-fuzz-aarch64 with clang, --enable-fuzzing, ASan and UBSan
# in build/qemu-build-fuzz (scripts/build.sh --fuzz, under nice), seeds
# the corpus from the register-poke scripts, then fuzzes each
# configuration for its share of --time (default 600 s in all; 0: no
# fuzzing, only the --coverage replay), niced.
#   build/fuzz/corpus/           the corpus, shared by the configurations
#   build/fuzz/<config>/         log and crash-*/leak-*/timeout-* inputs
# Prints per configuration: runs, executions per second, accesses,
# libFuzzer's coverage (edges of hw/), and the findings; exits 1 if a
# configuration found a crash or a sanitizer report.  --coverage then
# replays the corpus once per configuration with -print_coverage=1
# (output in build/fuzz/<config>/coverage) and prints the line coverage
# of hw/intc/gicsim/ by file and in total, per configuration and for
# their union (scripts/lib/fuzz-coverage.py); the lines no configuration
# reached are listed in build/fuzz/coverage-uncovered.txt.
# Replay a finding
# with GICSIM_FUZZ_TRACE=1 to see its accesses:
#   GICSIM_FUZZ_ARGS="<the config's args>" GICSIM_FUZZ_TRACE=1 \
#       build/qemu-build-fuzz/qemu-fuzz-aarch64 --fuzz-target=gicsim-fuzz FILE
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

# name: GICSIM_FUZZ_ARGS (each profile, GICv3 and GICv4, strict on and
# off, two Security states; one with a single Security state; one with
# the realm shim and the realm cost path)
configs=(
    "v3-qemu:-M gic-version=3,secure=on -smp 4 -global arm-gicv3-sim.profile=qemu"
    "v3-gic500-strict:-M gic-version=3,secure=on -smp 3 -global arm-gicv3-sim.profile=gic-500 -global arm-gicv3-sim.strict=on"
    "v3-gic600:-M gic-version=3,secure=on,its=on -smp 2 -global arm-gicv3-sim.profile=gic-600"
    "v3-gic700-strict:-M gic-version=3,secure=on -smp 2 -global arm-gicv3-sim.profile=gic-700 -global arm-gicv3-sim.strict=on"
    "v4-gic700:-M gic-version=4,virtualization=on,secure=on,its=on -smp 4 -global arm-gicv3-sim.profile=gic-700"
    "v4-gic600-strict:-M gic-version=4,virtualization=on,secure=on -smp 2 -global arm-gicv3-sim.profile=gic-600 -global arm-gicv3-sim.strict=on"
    "v4-qemu-strict:-M gic-version=4,virtualization=on,secure=on -smp 2 -global arm-gicv3-sim.profile=qemu -global arm-gicv3-sim.strict=on"
    "v3-gic600-nonsecure:-M gic-version=3,secure=off -smp 2 -global arm-gicv3-sim.profile=gic-600"
    "v3-gic600-realm:-M gic-version=3,secure=on,its=on,realm-shim=on -smp 2 -global arm-gicv3-sim.profile=gic-600 -global arm-gicv3-sim.cost-path=realm -global arm-gicv3-sim.cost-profile=kunpeng-920"
)

total=600 install=yes build_only=no coverage=no only=()
while [ $# -gt 0 ]; do
    case "$1" in
        --time) total=$2; shift ;;
        --config) only+=("$2"); shift ;;
        --no-install) install=no ;;
        --build-only) build_only=yes ;;
        --coverage) coverage=yes ;;
        *) echo "fuzz.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

[ $install = no ] || scripts/install-deps.sh --fuzz
scripts/build.sh --fuzz
fuzzer=build/qemu-build-fuzz/qemu-fuzz-aarch64
# The seed generator lives in the QEMU-independent core
[ -f build/core/build.ninja ] || meson setup build/core . >/dev/null
ninja -C build/core gicsim-fuzz-seed >/dev/null
[ $build_only = no ] || exit 0

out=build/fuzz
corpus=$out/corpus
mkdir -p "$corpus" "$out/seeds"
build/core/gicsim-fuzz-seed "$out/seeds" tests/qtest/gicsim-scripts/*.poke
# The separator; the start of RAM (LPI tables and ITS queue addresses in
# GICR_PROPBASER/PENDBASER and GITS_CBASER/BASER<n>), with and without
# the Valid bit of the ITS's registers
printf '%s\n' 'sep="GICz"' 'ram="\x00\x00\x00\x40"' \
    'ram_valid="\x00\x00\x00\x40\x00\x00\x00\x80"' >"$out/gicsim.dict"

run=()
for c in "${configs[@]}"; do
    name=${c%%:*}
    if [ ${#only[@]} = 0 ] || [[ " ${only[*]} " == *" $name "* ]]; then
        run+=("$c")
    fi
done
[ ${#run[@]} -gt 0 ] || { echo "fuzz.sh: no such configuration" >&2; exit 2; }
each=$((total / ${#run[@]}))
[ $each -gt 0 ] || [ $total = 0 ] || each=1

# UBSan reports are findings: stop at the first, like ASan does
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
export ASAN_OPTIONS=detect_leaks=1
found=0
for c in "${run[@]}"; do
    [ $total != 0 ] || break
    name=${c%%:*}
    dir=$out/$name
    mkdir -p "$dir"
    export GICSIM_FUZZ_ARGS=${c#*:}
    echo "fuzz: $name: $each s ($GICSIM_FUZZ_ARGS)"
    rc=0
    nice -n 10 "$fuzzer" --fuzz-target=gicsim-fuzz \
        -max_total_time="$each" -timeout=10 -rss_limit_mb=4096 \
        -print_final_stats=1 -dict="$out/gicsim.dict" \
        -artifact_prefix="$dir/" "$corpus" "$out/seeds" \
        >"$dir/log" 2>&1 || rc=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir/log")
    eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir/log")
    acc=$(sed -n 's/^gicsim-fuzz: \([0-9]*\) accesses.*/\1/p' "$dir/log" |
          tail -n 1)
    cov=$(grep -oE 'cov: [0-9]+' "$dir/log" | tail -n 1 | cut -d' ' -f2 ||
          true)
    echo "fuzz: $name: runs ${runs:-?}, exec/s ${eps:-?}," \
         "accesses ${acc:-?}, edges ${cov:-?}"
    if [ $rc != 0 ] || ls "$dir"/crash-* "$dir"/leak-* "$dir"/timeout-* \
                          "$dir"/oom-* >/dev/null 2>&1; then
        echo "fuzz: $name: FINDING (exit $rc), see $dir/log:"
        grep -E 'ERROR:|runtime error|SUMMARY|Test unit written' \
            "$dir/log" | head -n 10
        found=$((found + 1))
    fi
done
echo "fuzz: corpus $(ls "$corpus" | wc -l) inputs in $corpus;" \
     "$found configuration(s) with findings"

if [ $coverage = yes ]; then
    for c in "${run[@]}"; do
        name=${c%%:*}
        mkdir -p "$out/$name"
        echo "fuzz: $name: replaying the corpus for coverage"
        GICSIM_FUZZ_ARGS=${c#*:} nice -n 10 "$fuzzer" \
            --fuzz-target=gicsim-fuzz -runs=0 -print_coverage=1 \
            "$corpus" "$out/seeds" >"$out/$name/coverage" 2>&1 || true
    done
    nice -n 10 python3 scripts/lib/fuzz-coverage.py --binary "$fuzzer" \
        --uncovered "$out/coverage-uncovered.txt" "$out" "${run[@]%%:*}"
fi
[ $found = 0 ]
