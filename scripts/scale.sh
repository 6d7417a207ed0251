#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/scale.sh [--quick]
#
# The largest configurations the virt machine accepts: GICv3 with 512
# CPUs and GICv4 (virtualization=on) with 317, every profile.
#
# For each: the time to realize the machine (start QEMU under TCG,
# stopped, and quit through QMP) and QEMU's peak resident memory, for
# gic-model=sim and for stock QEMU's GIC (gic-model=qemu) at the same
# size and at 1 CPU; then the boot-time probes (the boot-*.poke scripts
# with -smp raised to the maximum) through gicsim-probe.  The register
# sweep of these configurations is the qtest gicsim-scale-test (in the
# suite).  Figures: docs/benchmarks.rst.  --quick: profile gic-600 only.
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
qemu=${QEMU:-build/qemu-system-aarch64}
probe=build/qemu-build/tests/qtest/gicsim-probe
profiles="qemu gic-500 gic-600 gic-700"
[ "${1:-}" != --quick ] || profiles=gic-600

# measure ARGS...: "seconds peak-RSS-MiB" of starting QEMU and quitting
measure() {
    python3 - "$qemu" "$@" <<'PY'
import resource, subprocess, sys, time
cmd = [sys.argv[1], '-S', '-display', 'none', '-nodefaults',
       '-qmp', 'stdio'] + sys.argv[2:]
t = time.monotonic()
p = subprocess.run(cmd, input=b'{"execute":"qmp_capabilities"}\n'
                   b'{"execute":"quit"}\n', capture_output=True)
t = time.monotonic() - t
if p.returncode != 0:
    sys.exit('QEMU failed: ' + p.stderr.decode())
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print('%.2f %.1f' % (t, rss))
PY
}

printf '%-8s %-9s %5s  %-22s %-22s %-22s\n' config profile smp \
    'sim: realize s, MiB' 'qemu: realize s, MiB' 'sim, 1 CPU: s, MiB'
for v in 3 4; do
    if [ $v = 3 ]; then smp=512 m=virt,gic-version=3,its=on
    else smp=317 m=virt,gic-version=4,virtualization=on,its=on; fi
    for p in $profiles; do
        sim=$(measure -M $m,gic-model=sim -smp $smp -cpu max \
              -global arm-gicv3-sim.profile=$p)
        stock=$(measure -M $m,gic-model=qemu -smp $smp -cpu max)
        one=$(measure -M $m,gic-model=sim -smp 1 -cpu max \
              -global arm-gicv3-sim.profile=$p)
        printf '%-8s %-9s %5s  %-22s %-22s %-22s\n' "GICv$v" "$p" "$smp" \
            "$sim" "$stock" "$one"
    done
done

# Boot-time probes at the maximum size
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in tests/qtest/gicsim-scripts/boot-*.poke; do
    if grep -q '^machine.*gic-version=4' "$f"; then smp=317; else smp=512; fi
    sed -E "s/^(machine.*)smp=[0-9]+/\1smp=$smp/" "$f" \
        >"$tmp/$(basename "$f" .poke)-smp$smp.poke"
done
QTEST_QEMU_BINARY=$top/$qemu "$probe" --tap "$tmp"/*.poke |
    grep -E '^(not )?ok|^# .*(passed|failed)'
