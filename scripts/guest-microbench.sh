#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/guest-microbench.sh [--iters N]
#
# Run tests/guest/microbench.c (the loops of kvm-unit-tests'
# arm/micro-bench) on the patched QEMU under -icount shift=0 with
# charge-time=on and cost-path=kvm-vgic-vhe, once per shipped cost
# profile, and print what the guest measures next to the published row
# and the model's value (build/core/gicsim-calibrate).  The guest's
# figure is its own instructions (1 ns each) plus what the device
# charged: the register access, the SGI trap, the ITS access and
# command, the delivery to CPU 1 (halted in WFI) or to the running CPU 0
# (the timer), and the acknowledge and EOI.  A report, not a test.
. "$(dirname "$0")/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=build/microbench
iters=256
[ "${1:-}" = --iters ] && iters=$2

mkdir -p "$OUT"
elf=$top/$OUT/guest/microbench.elf
make -s -C tests/guest O="$top/$OUT/guest" "$elf" ||
    { echo "guest-microbench: cannot build tests/guest/microbench.c" >&2; exit 1; }
[ -x build/core/gicsim-calibrate ] ||
    { echo "guest-microbench: build/core/gicsim-calibrate missing (scripts/build.sh)" >&2; exit 1; }
build/core/gicsim-calibrate >"$OUT/model.txt"

bad=0
printf '%-14s %-15s %10s %10s %10s %8s\n' profile row published model guest "guest/pub"
for p in hw/intc/gicsim/cost-profiles/*.profile; do
    name=$(basename "$p" .profile)
    log=$OUT/$name.txt
    timeout 600 "$QEMU" -M virt,gic-version=3,gic-model=sim,its=on \
        -accel tcg -icount shift=0 -cpu max -smp 2 -m 256 -nodefaults \
        -display none -monitor none -serial stdio \
        -global arm-gicv3-sim.cost-profile="$name" \
        -global arm-gicv3-sim.cost-path=kvm-vgic-vhe \
        -global arm-gicv3-sim.charge-time=on \
        -global arm-gicv3-sim.cost-stats-file="$top/$OUT/$name.stats.json" \
        -semihosting-config "enable=on,target=native,arg=microbench,arg=$iters" \
        -kernel "$elf" </dev/null 2>"$log.err" | tr -d '\r' >"$log"
    if ! grep -q '^# microbench: done' "$log"; then
        echo "$name: the guest did not finish (see $log, $log.err)"
        continue
    fi
    # The device must have seen every event the loops make (and the 4
    # ITS set-up commands MAPD, MAPC, MAPTI, SYNC): else a hook is broken
    python3 - "$OUT/$name.stats.json" "$iters" <<'PY' || bad=1
import json, sys
ev = json.load(open(sys.argv[1]))["events"]
n = int(sys.argv[2])
t = max(n // 16, 1)
want = {"sgi": n, "its-command": n + 4, "deliver-wfi": 2 * n,
        "deliver-running": t, "cpuif": n + 2 * (2 * n + t)}
got = {k: ev[k]["count"] for k in want}
if got != want:
    print("events counted %s, expected %s" % (got, want))
    sys.exit(1)
PY
    while read -r _ row got; do
        key=${row//_/-}
        pub=$(sed -n "s/^published\.$key *= *\([0-9]*\).*/\1/p" "$p")
        model=$(awk -v n="$name" -v r="$row" \
                '$1 == n && $2 == r { for (i = 1; i < NF; i++) if ($i == "model") print $(i + 1) }' \
                "$OUT/model.txt")
        ratio=$(python3 -c "print('%+.1f %%' % ((float('$got') - $pub) / $pub * 100))" 2>/dev/null)
        printf '%-14s %-15s %10s %10s %10s %8s\n' "$name" "$row" "$pub" "$model" "$got" "$ratio"
    done < <(grep '^MICROBENCH ' "$log")
done
[ $bad = 0 ]
