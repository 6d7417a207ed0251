#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test-determinism.sh
#
# Modelled time depends on the virtual clock alone (docs/timing.rst):
#   - under -icount shift=0, the firmware bring-up guest program
#     (tests/guest/fw_power.c: GICR_PWRR power-up, RWP and WAKER polls,
#     its own counter reading of how long it took) gives the same serial
#     output and the same cost statistics on every run, once alone and
#     once with a CPU hog on every host core;
#   - a run recorded with -icount shift=auto,rr=record replays with
#     rr=replay to the same serial output and statistics (one CPU, as
#     QEMU's record/replay requires).
# Both on the gic-600 and gic-700 profiles, GICv3, secure=on, with cost
# accounting and charge-time on (every access also advances the virtual
# clock by its modelled cost).  Prints one TAP line per comparison.
. "$(dirname "$0")/lib/help.bash"
. "$(dirname "$0")/lib/guest-tap.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=build/determinism

elf=$(guest_elf "$OUT" fw_power) || { echo "$elf"; exit 1; }

# run NAME PROFILE SMP ICOUNT: the guest once; NAME.out and NAME.stats
run() {
    local name=$1 profile=$2 smp=$3 icount=$4
    rm -f "$OUT/$name.stats"
    timeout 300 "$QEMU" -M virt,gic-version=3,gic-model=sim,secure=on \
        -accel tcg -icount "$icount" -cpu max -smp "$smp" -m 256 \
        -nodefaults -display none -monitor none -serial stdio \
        -global arm-gicv3-sim.profile="$profile" \
        -global arm-gicv3-sim.cost-accounting=on \
        -global arm-gicv3-sim.charge-time=on \
        -global arm-gicv3-sim.cost-stats-file="$OUT/$name.stats" \
        -semihosting-config enable=on,target=native \
        -kernel "$elf" </dev/null 2>"$OUT/$name.err" |
        tr -d '\r' >"$OUT/$name.out"
    return "${PIPESTATUS[0]}"
}

n=0
# same NAME A B WHAT: A's and B's output and statistics are identical
same() {
    local what=$1 a=$2 b=$3
    n=$((n + 1))
    if ! grep -q '^SUMMARY fw_power: .* 0 failed' "$OUT/$a.out"; then
        echo "not ok $n - $what: $a did not pass (see $OUT/$a.out, $OUT/$a.err)"
    elif [ ! -s "$OUT/$a.stats" ]; then
        echo "not ok $n - $what: $a wrote no statistics"
    elif ! cmp -s "$OUT/$a.out" "$OUT/$b.out"; then
        echo "not ok $n - $what: serial output differs ($OUT/$a.out, $OUT/$b.out)"
    elif ! cmp -s "$OUT/$a.stats" "$OUT/$b.stats"; then
        echo "not ok $n - $what: statistics differ ($OUT/$a.stats, $OUT/$b.stats)"
    else
        echo "ok $n - $what: $(grep -m1 'bring-up' "$OUT/$a.out")"
    fi
}

echo "1..4"
for profile in gic-600 gic-700; do
    run "$profile-icount-1" "$profile" 2 shift=0
    hog_start
    run "$profile-icount-2" "$profile" 2 shift=0
    hog_stop
    same "$profile: -icount shift=0 twice, the second with a CPU hog" \
        "$profile-icount-1" "$profile-icount-2"

    rr=$OUT/$profile.replay
    run "$profile-record" "$profile" 1 "shift=auto,rr=record,rrfile=$rr"
    run "$profile-replay" "$profile" 1 "shift=auto,rr=replay,rrfile=$rr"
    same "$profile: rr=record then rr=replay" \
        "$profile-record" "$profile-replay"
done
