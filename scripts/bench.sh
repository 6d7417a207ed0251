#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/bench.sh [--runs K] [--iters N] [--callgrind [--cg-iters M]]
#
# What one guest MMIO access to the GIC costs: gicsim (gic-model=sim)
# against stock QEMU's GIC (gic-model=qemu), in the same run.
#
# Builds tests/guest/bench_mmio.c and runs it K times (default 5) on each
# model, alternating qemu/sim, each run timing N accesses per kind
# (default 20000; the guest reports the median of 5 passes).  Prints per
# access kind the median ns over the K runs for each model, their ratio and
# difference, and the min-max spread.  Wall-clock numbers: noisy on a busy
# machine, read the spread.
#
# --callgrind (needs valgrind): also run each model once under
# callgrind with M iterations (default 2000) and report host instructions
# per guest access.  The guest makes a semihosting call before and after
# each kind's loops; callgrind dumps a profile part at each
# (--dump-before=do_common_semihosting), so each kind's loops are one part.
# Instruction counts are deterministic: same binary, same numbers.
#
# QEMU is ${QEMU:-build/qemu-system-aarch64}; output files go to
# ${BENCH_DIR:-build/bench}.
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=${BENCH_DIR:-build/bench}
runs=5
iters=20000
callgrind=no
cg_iters=2000

while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=$2; shift 2 ;;
        --runs=*) runs=${1#*=}; shift ;;
        --iters) iters=$2; shift 2 ;;
        --iters=*) iters=${1#*=}; shift ;;
        --callgrind) callgrind=yes; shift ;;
        --cg-iters) cg_iters=$2; shift 2 ;;
        --cg-iters=*) cg_iters=${1#*=}; shift ;;
        -h|--help) sed -n '3,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
for v in "$runs" "$iters" "$cg_iters"; do
    case $v in
        ''|*[!0-9]*|0) echo "bench: --runs, --iters, --cg-iters take a positive integer" >&2; exit 2 ;;
    esac
done
if [ ! -x "$QEMU" ]; then
    echo "bench: QEMU binary $QEMU not found (scripts/build.sh, or set QEMU=)" >&2
    exit 2
fi

mkdir -p "$OUT/runs"
elf="$top/$OUT/guest/bench_mmio.elf"
make -s -C tests/guest O="$top/$OUT/guest" "$elf"

# qemu_args MODEL ITERS: set cmd=( the command line of one run )
qemu_args() {
    cmd=("$QEMU" -M "virt,gic-version=3,gic-model=$1" -accel tcg -cpu max
         -smp 1 -m 256 -nodefaults -display none -monitor none -serial stdio
         -semihosting-config "enable=on,target=native,arg=bench_mmio,arg=$2"
         -kernel "$elf")
}
qemu_cmd() {    # printable
    local cmd
    qemu_args "$@"
    echo "${cmd[*]}"
}

run_one() {     # run_one MODEL ITERS LOGFILE [wrapper...]
    local model=$1 n=$2 log=$3 cmd
    shift 3
    qemu_args "$model" "$n"
    if ! timeout 600 "$@" "${cmd[@]}" </dev/null 2>"$log.err" |
            tr -d '\r' >"$log"; then
        echo "bench: run on gic-model=$model failed; see $log, $log.err" >&2
        exit 1
    fi
    if ! grep -q '^# bench_mmio: done' "$log"; then
        echo "bench: run on gic-model=$model did not finish; see $log" >&2
        cat "$log" "$log.err" >&2
        exit 1
    fi
}

bin_id() { stat -L -c '%s %Y' "$QEMU"; }
bin_before=$(bin_id)
start=$(date +%s)
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
rm -f "$OUT"/runs/*.txt "$OUT"/runs/*.err
for ((i = 1; i <= runs; i++)); do
    for model in qemu sim; do
        run_one "$model" "$iters" "$OUT/runs/$model.$i.txt"
    done
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
if [ "$(bin_id)" != "$bin_before" ]; then
    echo "bench: WARNING: $QEMU changed during the runs (rebuilt?);" \
         "the numbers mix two binaries" >&2
fi

echo "# scripts/bench.sh --runs $runs --iters $iters$([ $callgrind = yes ] && echo " --callgrind --cg-iters $cg_iters")"
echo "# $("$QEMU" --version | head -1); host: $(nproc) CPUs, $(uname -m)," \
     "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "# load average before/after: $load_before / $load_after;" \
     "$runs runs per model, alternating; $(($(date +%s) - start)) s"
echo "# each run: $(qemu_cmd '{qemu|sim}' "$iters")"
head -1 "$OUT/runs/sim.1.txt"
echo
python3 - "$OUT/runs" "$runs" <<'EOF'
import sys, statistics
d, runs = sys.argv[1], int(sys.argv[2])
data, order = {}, []
for model in ("qemu", "sim"):
    for i in range(1, runs + 1):
        for line in open(f"{d}/{model}.{i}.txt"):
            f = line.split()
            if len(f) == 3 and f[0] == "BENCH":
                if f[1] not in order:
                    order.append(f[1])
                data.setdefault((model, f[1]), []).append(float(f[2]))
hdr = ("access", "stock ns", "sim ns", "sim/stock", "sim-stock",
       "stock min-max", "sim min-max")
rows = []
for name in order:
    q, s = data[("qemu", name)], data[("sim", name)]
    mq, ms = statistics.median(q), statistics.median(s)
    rows.append((name, f"{mq:.1f}", f"{ms:.1f}",
                 f"{ms / mq:.2f}" if mq else "-", f"{ms - mq:+.1f}",
                 f"{min(q):.1f}-{max(q):.1f}", f"{min(s):.1f}-{max(s):.1f}"))
w = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
for r in [hdr] + rows:
    print("  ".join(str(c).ljust(w[0]) if i == 0 else str(c).rjust(w[i])
                    for i, c in enumerate(r)))
print(f"\nns per access: median over {runs} runs (each the median of 5 passes);"
      " ram_ldr32 is the loop itself, uart_fr_r32 a non-GIC MMIO read.")
EOF

[ $callgrind = yes ] || exit 0
echo
if ! command -v valgrind >/dev/null; then
    echo "# --callgrind: valgrind not installed, skipped"
    exit 0
fi
mkdir -p "$OUT/callgrind"
for model in qemu sim; do
    rm -f "$OUT/callgrind/$model.cg" "$OUT/callgrind/$model.cg".*
    run_one "$model" "$cg_iters" "$OUT/callgrind/$model.txt" \
        valgrind --tool=callgrind --collect-atstart=yes \
        --dump-before=do_common_semihosting \
        --callgrind-out-file="$OUT/callgrind/$model.cg"
done
echo "# callgrind: valgrind --tool=callgrind --collect-atstart=yes" \
     "--dump-before=do_common_semihosting $(qemu_cmd '{qemu|sim}' "$cg_iters")"
python3 - "$OUT/callgrind" <<'EOF'
import sys, re
d = sys.argv[1]
def parts(model):
    names, acc = [], None
    for line in open(f"{d}/{model}.txt"):
        m = re.match(r"# bench_mmio: kinds (\d+) accesses-per-phase (\d+)", line)
        if m:
            acc = int(m.group(2))
        f = line.split()
        if len(f) == 3 and f[0] == "BENCH":
            names.append(f[1])
    ir = {}
    # Parts: 1 start-up, 2 set-up, then per kind: loops (3 + 2k), report.
    for k, name in enumerate(names):
        for line in open(f"{d}/{model}.cg.{3 + 2 * k}"):
            if line.startswith("summary:"):
                ir[name] = int(line.split()[1])
    return names, acc, ir
names, acc, q = parts("qemu")
_, acc_s, s = parts("sim")
assert acc == acc_s
base_q, base_s = q[names[0]], s[names[0]]
hdr = ("access", "stock Ir", "sim Ir", "sim/stock", "sim-stock")
rows = []
for n in names:
    iq, is_ = q[n] / acc, s[n] / acc
    nq, ns = (q[n] - base_q) / acc, (s[n] - base_s) / acc
    rows.append((n, f"{nq:.0f}", f"{ns:.0f}",
                 f"{ns / nq:.2f}" if nq > 0.5 else "-", f"{ns - nq:+.0f}"))
w = [max(len(r[i]) for r in rows + [hdr]) for i in range(len(hdr))]
for r in [hdr] + rows:
    print("  ".join(c.ljust(w[0]) if i == 0 else c.rjust(w[i])
                    for i, c in enumerate(r)))
print(f"\nhost instructions per guest access (all threads, {acc} accesses per"
      f" kind), minus the ram_ldr32 phase (loop, markers).")
EOF
