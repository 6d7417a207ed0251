#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/scripts/test-timeline-run.sh [--update-docs]
#
# The timeline of two guest runs on a GIC-600 (profile gic-600, -icount
# shift=0, charge-time=on, so that every access takes its modelled cost
# in guest time):
#   fw_power  tests/guest/fw_power.c at EL3, secure=on, 2 CPUs: TF-A's
#             power-up and wake of each redistributor, polled
#   late_irq  tests/guest/late_irq.c: GICD_CTLR.RWP waits, and an
#             interrupt taken after the write that disabled it, before
#             GICD_CTLR.RWP reads 0
# traced with the log backend, turned into JSON and SVG by
# scripts/timeline.py, checked by tests/scripts/check-timeline-run.py;
# the SVG is rendered to PNG by headless Chromium and checked track by
# track (the PNG check is skipped, saying so, where chromium is not
# installed).
# --update-docs copies the SVG to docs/timeline-example.svg.  TAP.
. "$(dirname "$0")/../../scripts/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
out=build/timeline
update=no
case "${1:-}" in
    --update-docs) update=yes ;;
    "") ;;
    *) echo "test-timeline-run: unknown option $1 (see --help)" >&2; exit 2 ;;
esac

bail() { echo "1..1"; echo "not ok 1 - $*"; exit 1; }

mkdir -p "$out"
make -s -C tests/guest O="$top/$out/guest" "$top/$out/guest/fw_power.elf" \
    "$top/$out/guest/late_irq.elf" >"$out/make.log" 2>&1 ||
    bail "cannot build the guest programs (see $out/make.log)"
[ -x "$QEMU" ] || bail "no $QEMU: run scripts/build.sh first"

# run NAME MACHINE-OPTIONS SMP
run() {
    rm -f "$out/$1.log"
    timeout 120 "$QEMU" -M "virt,gic-version=3,gic-model=sim$2" \
        -accel tcg -cpu max -smp "$3" -m 256 -nodefaults -display none \
        -monitor none -serial stdio -icount shift=0 \
        -global arm-gicv3-sim.profile=gic-600 \
        -global arm-gicv3-sim.charge-time=on \
        -trace 'gicsim_*' -trace 'gicv3_icc_*' -trace gicv3_cpuif_update \
        -msg timestamp=on -D "$out/$1.log" \
        -semihosting-config enable=on,target=native \
        -kernel "$out/guest/$1.elf" </dev/null 2>"$out/$1.err" |
        tr -d '\r' >"$out/$1.out"
    grep -q "^SUMMARY $1: [0-9]* passed, 0 failed" "$out/$1.out" ||
        bail "$1 did not pass (see $out/$1.out, $out/$1.err)"
}
run fw_power ",secure=on" 2
run late_irq "" 1

python3 scripts/timeline.py --title "GIC-600: firmware power-up, RWP waits, a late interrupt" \
    "$out/fw_power.log=fw_power" "$out/late_irq.log=late_irq@-12:" \
    --json "$out/timeline.json" --svg "$out/timeline.svg" \
    2>"$out/timeline.err" || bail "timeline.py failed: $(cat "$out/timeline.err")"

png=
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -n "$browser" ]; then
    size=$(sed -n 's/^<svg [^>]* width="\([0-9]*\)" height="\([0-9]*\)".*/\1,\2/p' \
           "$out/timeline.svg")
    rm -f "$out/timeline.png"
    timeout 60 "$browser" --headless=new --no-sandbox --disable-gpu \
        --hide-scrollbars --force-device-scale-factor=1 \
        --window-size="$size" --screenshot="$top/$out/timeline.png" \
        "file://$top/$out/timeline.svg" >"$out/chromium.log" 2>&1
    [ -s "$out/timeline.png" ] ||
        bail "chromium wrote no PNG (see $out/chromium.log)"
    png=$out/timeline.png
fi

python3 tests/scripts/check-timeline-run.py "$out/timeline.json" \
    "$out/timeline.svg" $png
rc=$?
if [ -z "$browser" ]; then
    echo "# SKIP the PNG check: chromium is not installed (apt-get install chromium)"
fi
if [ $update = yes ] && [ $rc = 0 ]; then
    cp "$out/timeline.svg" docs/timeline-example.svg
    echo "# docs/timeline-example.svg updated"
fi
exit $rc
