#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/test-charge-time.sh [--iters N]
#
# charge-time=on under -icount: a guest that times its own GIC accesses
# with the generic timer (tests/guest/bench_mmio.c, like kvm-unit-tests'
# micro-bench) must measure the published figures every shipped cost
# profile is calibrated to, within 10 %:
#   cost-path=kvm-vgic-vhe   GICD_TYPER read  ~ mmio_read_vgic
#   cost-path=kvm-userspace  GICD_TYPER read  ~ mmio_read_user
# Prints one TAP line per (profile, figure).  -icount shift=0: one
# instruction is 1 ns, so the loop's own instructions add a few ns.
. "$(dirname "$0")/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=build/charge-time
iters=2000
[ "${1:-}" = --iters ] && iters=$2
tolerance=10

mkdir -p "$OUT"
elf=$top/$OUT/guest/bench_mmio.elf
if ! make -s -C tests/guest O="$top/$OUT/guest" "$elf"; then
    echo "1..1"
    echo "not ok 1 - cannot build tests/guest/bench_mmio.c"
    exit 1
fi

cases=()
for p in hw/intc/gicsim/cost-profiles/*.profile; do
    name=$(basename "$p" .profile)
    cases+=("$name kvm-vgic-vhe mmio-read-vgic" "$name kvm-userspace mmio-read-user")
done
echo "1..${#cases[@]}"
n=0 fail=0
for c in "${cases[@]}"; do
    set -- $c
    name=$1 path=$2 fig=$3
    n=$((n + 1))
    pub=$(sed -n "s/^published\.$fig *= *\([0-9]*\).*/\1/p" \
          "hw/intc/gicsim/cost-profiles/$name.profile")
    log=$OUT/$name.$path.txt
    timeout 300 "$QEMU" -M virt,gic-version=3,gic-model=sim -accel tcg \
        -icount shift=0 -cpu max -smp 1 -m 256 -nodefaults -display none \
        -monitor none -serial stdio \
        -global arm-gicv3-sim.cost-profile="$name" \
        -global arm-gicv3-sim.cost-path="$path" \
        -global arm-gicv3-sim.charge-time=on \
        -semihosting-config "enable=on,target=native,arg=bench_mmio,arg=$iters" \
        -kernel "$elf" </dev/null 2>"$log.err" | tr -d '\r' >"$log"
    got=$(sed -n 's/^BENCH gicd_typer_r32 \([0-9.]*\)$/\1/p' "$log")
    if [ -z "$got" ] || [ -z "$pub" ]; then
        echo "not ok $n - $name $path: no measurement (see $log, $log.err)"
        fail=$((fail + 1))
        continue
    fi
    verdict=$(python3 -c "
got, pub = float('$got'), float('$pub')
err = (got - pub) / pub * 100
print('%s %+.1f' % ('ok' if abs(err) <= $tolerance else 'not ok', err))")
    set -- $verdict
    if [ "$1" = ok ]; then
        echo "ok $n - $name $path: guest measures $got ns, published ${fig//-/_} $pub ns (${2} %)"
    else
        v=${verdict% *}
        echo "$v $n - $name $path: guest measures $got ns, published ${fig//-/_} $pub ns (${verdict##* } %, over $tolerance %)"
        fail=$((fail + 1))
    fi
done
[ $fail = 0 ]
