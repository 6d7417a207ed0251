#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test-fw-power.sh [--no-hog] [--hog-only]
#
# EL3 firmware's GIC-600/700 bring-up, as Trusted Firmware-A does it
# (tests/guest/fw_power.c: discovery walk, GICR_PWRR power-on until RDPD
# reads 0, SGI/PPI set-up straight after, wake, read back), on
#   profiles gic-600 and gic-700, GICv3 and GICv4, 2, 4 and 8 CPUs,
# under TCG with secure=on, once plainly and once with a CPU hog beside
# QEMU (a bounded busy loop per host CPU, started and stopped here), so
# that the host's scheduling differs between the two.  Each run must
# print a SUMMARY with no failure, and QEMU must log no guest error
# (-d guest_errors): no write of the firmware may be thrown away.
# Prints one TAP line per run.
. "$(dirname "$0")/lib/help.bash"
. "$(dirname "$0")/lib/guest-tap.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=build/fw-power
loads="plain hog"
case "${1:-}" in
    --no-hog) loads=plain ;;
    --hog-only) loads=hog ;;
    "") ;;
    *) echo "test-fw-power: unknown option $1 (see --help)" >&2; exit 2 ;;
esac

elf=$(guest_elf "$OUT" fw_power) || { echo "$elf"; exit 1; }

runs=()
for load in $loads; do
    for profile in gic-600 gic-700; do
        for v in 3 4; do
            for smp in 2 4 8; do
                runs+=("$load $profile $v $smp")
            done
        done
    done
done
echo "1..${#runs[@]}"
n=0
cur=
for r in "${runs[@]}"; do
    set -- $r
    load=$1 profile=$2 v=$3 smp=$4
    n=$((n + 1))
    if [ "$load" != "$cur" ]; then
        hog_stop
        [ "$load" = hog ] && hog_start
        cur=$load
    fi
    mopts="virt,gic-version=$v,gic-model=sim,secure=on"
    [ "$v" = 4 ] && mopts="$mopts,virtualization=on"
    name="$load $profile gic-version=$v smp=$smp"
    log=$OUT/$load-$profile-v$v-smp$smp
    rm -f "$log.guest-errors"
    timeout 120 "$QEMU" -M "$mopts" -accel tcg -cpu max -smp "$smp" -m 256 \
        -nodefaults -display none -monitor none -serial stdio \
        -global arm-gicv3-sim.profile="$profile" \
        -d guest_errors -D "$log.guest-errors" \
        -semihosting-config enable=on,target=native \
        -kernel "$elf" </dev/null 2>"$log.err" | tr -d '\r' >"$log.out"
    rc=${PIPESTATUS[0]}
    errs=0
    [ -f "$log.guest-errors" ] && errs=$(wc -l <"$log.guest-errors")
    summary=$(grep -E '^SUMMARY fw_power: ' "$log.out")
    rds=$(sed -n 's/^redistributors \([0-9]*\)$/\1/p' "$log.out")
    if [ "$rc" != 0 ]; then
        echo "not ok $n - $name: QEMU exit status $rc (see $log.out, $log.err)"
    elif ! grep -qE '^SUMMARY fw_power: [1-9][0-9]* passed, 0 failed, 0 skipped' \
            <<<"$summary"; then
        echo "not ok $n - $name: ${summary:-no SUMMARY} $(grep -m1 '^FAIL' "$log.out")"
    elif [ "$rds" != "$smp" ]; then
        echo "not ok $n - $name: the walk found ${rds:-no} redistributors"
    elif [ "$errs" != 0 ]; then
        echo "not ok $n - $name: $errs guest-error lines, e.g. $(head -n 1 "$log.guest-errors")"
    else
        echo "ok $n - $name: $rds redistributors powered, programmed, read back; 0 guest errors"
    fi
done
hog_stop
