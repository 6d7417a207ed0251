#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test-charge-time.sh [--iters N]
#
# A plumbing test of charge-time=on, not a calibration: it checks that
# the time the device charges reaches the guest's virtual clock exactly,
# not that the charged time is right (docs/calibration.rst judges the
# model against the published figures).
#
# Under -icount shift=0 every guest instruction takes 1 ns, so a guest
# loop of "ldr GICD_TYPER; subs; b.ne" (tests/guest/bench_mmio.c) must
# measure exactly 3 ns + the charge of one 32-bit read per iteration,
# where the charge is round(cycles * 1000 / clock-mhz) and the cycles
# are written out here per path from the profile's values (-cpu max:
# 48-bit IPA, 4K, 4 stage-2 levels; the register's one TLB miss falls in
# the untimed warm-up pass).  The only slack is the counter's granule
# (62.5 MHz: 16 ns per pass) and the loop's entry, spread over N
# iterations, and the report's truncation to 0.1 ns.
# Prints one TAP line per (profile, path).
. "$(dirname "$0")/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=build/charge-time
iters=2000
[ "${1:-}" = --iters ] && iters=$2

mkdir -p "$OUT"
elf=$top/$OUT/guest/bench_mmio.elf
if ! make -s -C tests/guest O="$top/$OUT/guest" "$elf"; then
    echo "1..1"
    echo "not ok 1 - cannot build tests/guest/bench_mmio.c"
    exit 1
fi

paths="native kvm-vgic-vhe kvm-vgic-nvhe kvm-userspace realm"
profiles=(hw/intc/gicsim/cost-profiles/*.profile)
echo "1..$(( ${#profiles[@]} * $(echo $paths | wc -w) ))"
n=0 fail=0
for p in "${profiles[@]}"; do
    name=$(basename "$p" .profile)
    for path in $paths; do
        n=$((n + 1))
        want=$(python3 - "$p" "$path" <<'PY'
import re, sys
v = {}
for line in open(sys.argv[1]):
    m = re.match(r"^([a-z0-9.-]+)\s*=\s*(\d+)\s*\[", line)
    if m:
        v[m.group(1)] = int(m.group(2))
walk = 4 * v["walk-step"]
trap = (v["exception-entry"] + walk + v["world-switch"] +
        v["exit-dispatch"] + v["stage2-fault"] + v["mmio-decode"] +
        v["exception-return"])
vgic = v["vgic-dispatch"] + v["vgic-handler"]
cycles = {
    "native": v["gic-access"],
    "kvm-vgic-vhe": trap + vgic,
    "kvm-vgic-nvhe": trap + vgic + v["sysreg-save-restore"] +
    v["exception-entry"] + v["exception-return"],
    "kvm-userspace": trap + v["sysreg-save-restore"] + v["vmm-exit"] +
    v["vmm-mmio"],
    "realm": trap + vgic + v["rec-exit"] + v["rmm-exit"] +
    2 * v["el3-switch"] + v["rmm-entry"] + v["rec-entry"],
}[sys.argv[2]]
# round half away from zero, as the device's llround()
ns = int(cycles * 1000 / v["clock-mhz"] + 0.5)
print(cycles, ns, 3 + ns)
PY
)
        set -- $want
        cycles=$1 charge=$2 exp=$3
        log=$OUT/$name.$path.txt
        timeout 300 "$QEMU" -M virt,gic-version=3,gic-model=sim -accel tcg \
            -icount shift=0 -cpu max -smp 1 -m 256 -nodefaults \
            -display none -monitor none -serial stdio \
            -global arm-gicv3-sim.cost-profile="$name" \
            -global arm-gicv3-sim.cost-path="$path" \
            -global arm-gicv3-sim.charge-time=on \
            -semihosting-config "enable=on,target=native,arg=bench_mmio,arg=$iters" \
            -kernel "$elf" </dev/null 2>"$log.err" | tr -d '\r' >"$log"
        got=$(sed -n 's/^BENCH gicd_typer_r32 \([0-9.]*\)$/\1/p' "$log")
        if [ -z "$got" ]; then
            echo "not ok $n - $name $path: no measurement (see $log, $log.err)"
            fail=$((fail + 1))
            continue
        fi
        # slack: 16 ns granule + 16 ns of loop entry over N, 0.1 truncation
        verdict=$(python3 -c "
got, exp, n = float('$got'), $exp, $iters
print('ok' if exp - 0.1 - 32.0 / n <= got <= exp + 32.0 / n else 'not ok')")
        line="$name $path: guest measures $got ns per read, expected $exp ns (3 instructions + $charge ns charged for $cycles cycles)"
        if [ "$verdict" = ok ]; then
            echo "ok $n - $line"
        else
            echo "not ok $n - $line"
            fail=$((fail + 1))
        fi
    done
done
[ $fail = 0 ]
