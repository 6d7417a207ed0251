#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/bench.sh [--what LIST] [--runs K] [--iters N] [--irq-iters I]
#                        [--callgrind [--cg-iters M]] [--linux-rounds R]
#                        [--sim-global PROP=VALUE]... [--smp N]
#
# What the GIC costs on the guest's hot paths: gicsim (gic-model=sim)
# against stock QEMU's GIC (gic-model=qemu), in the same run.
#
# LIST is a comma-separated subset of mmio,irq,linux (default all three):
#   mmio   tests/guest/bench_mmio.c: one guest MMIO access per kind
#          (-M virt,gic-version=3 -smp 1)
#   irq    tests/guest/bench_irq.c: interrupt paths per event: PPI level
#          unchanged / changed / timer taken, SPI level unchanged /
#          changed / taken, SGI round trip between two vCPUs, MSI through
#          the ITS to the LPI taken (-M virt,gic-version=3,its=on -smp 2)
#   linux  Debian's arm64 kernel (scripts/fetch-linux.sh) with the e2e
#          initramfs, -smp 4, its=on, virtio-rng-pci, as scripts/e2e.sh
#          boots it: wall clock from QEMU's start to the first line of
#          /init (E2E-INIT-START); QEMU is then stopped.  Also QEMU's
#          CPU time (user+sys) to that point, less sensitive to other
#          load on the host than the wall clock
#
# mmio and irq: each guest program runs K times (default 5) on each model,
# alternating qemu/sim, each run timing N (mmio, default 20000) or I (irq,
# default 2000) events per kind (the guest reports the median of 5
# passes).  Prints per kind the median
# ns over the K runs for each model, their ratio and difference, and the
# min-max spread.  linux: R rounds (default 5) of one boot per model,
# alternating; median, ratio and spread.  Wall-clock numbers: noisy on a
# busy machine, read the spread and the load average printed with them.
#
# --callgrind (needs valgrind): also run each guest program once per model
# under callgrind with M iterations (default 2000) and report host
# instructions per event.  The guest makes a semihosting call before and
# after each kind's loops; callgrind dumps a profile part at each
# (--dump-before=do_common_semihosting), so each kind's loops are one part.
# Only the vCPU threads are counted (the main loop's count depends on
# real time).  Same binary, same numbers, except where a vCPU thread
# contends for a lock with another thread (the PL011 rows, sgi_roundtrip:
# up to 0.4 % between runs).  Not done for linux (a boot under callgrind
# takes too long).
#
# --sim-global PROP=VALUE: run gicsim with -global arm-gicv3-sim.PROP=VALUE
# (e.g. cost-accounting=off; repeatable; mmio and irq runs).
#
# --smp N: run mmio and irq with N CPUs (default 1 and 2; irq needs at
# least 2), the scale rows of docs/benchmarks.rst: only CPU 0 (and CPU 1
# for irq) runs, the others stay off; the guest is told N (smp=N on its
# command line) to find the last CPU's redistributor.  Valgrind is given
# room for N vCPU threads and, above 2, runs them with --fair-sched=yes.
#
# QEMU is ${QEMU:-build/qemu-system-aarch64}; output files go to
# ${BENCH_DIR:-build/bench}.
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
QEMU=${QEMU:-build/qemu-system-aarch64}
OUT=${BENCH_DIR:-build/bench}
case $OUT in /*) ;; *) OUT=$top/$OUT ;; esac
what=mmio,irq,linux
runs=5
iters=20000
irq_iters=2000
callgrind=no
cg_iters=2000
sim_globals=()
linux_rounds=5
smp=

while [ $# -gt 0 ]; do
    case $1 in
        --what) what=$2; shift 2 ;;
        --what=*) what=${1#*=}; shift ;;
        --runs) runs=$2; shift 2 ;;
        --runs=*) runs=${1#*=}; shift ;;
        --iters) iters=$2; shift 2 ;;
        --iters=*) iters=${1#*=}; shift ;;
        --irq-iters) irq_iters=$2; shift 2 ;;
        --irq-iters=*) irq_iters=${1#*=}; shift ;;
        --callgrind) callgrind=yes; shift ;;
        --cg-iters) cg_iters=$2; shift 2 ;;
        --cg-iters=*) cg_iters=${1#*=}; shift ;;
        --sim-global) sim_globals+=(-global "arm-gicv3-sim.$2"); shift 2 ;;
        --linux-rounds) linux_rounds=$2; shift 2 ;;
        --linux-rounds=*) linux_rounds=${1#*=}; shift ;;
        --smp) smp=$2; shift 2 ;;
        --smp=*) smp=${1#*=}; shift ;;
        -h|--help) sed -n '3,/^[^#]/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
for v in "$runs" "$iters" "$irq_iters" "$cg_iters" "$linux_rounds" ${smp:+"$smp"}; do
    case $v in
        ''|*[!0-9]*|0) echo "bench: --runs, --iters, --irq-iters, --cg-iters, --linux-rounds, --smp take a positive integer" >&2; exit 2 ;;
    esac
done
progs=()
do_linux=no
IFS=, read -r -a parts <<<"$what"
for p in "${parts[@]}"; do
    case $p in
        mmio|irq) progs+=("$p") ;;
        linux) do_linux=yes ;;
        *) echo "bench: --what: unknown part '$p' (want mmio, irq, linux)" >&2; exit 2 ;;
    esac
done
if [ -n "$smp" ] && [ "$smp" -lt 2 ] && [[ " ${progs[*]} " == *" irq "* ]]; then
    echo "bench: --smp $smp: irq needs at least 2 CPUs" >&2
    exit 2
fi
if [ ! -x "$QEMU" ]; then
    echo "bench: QEMU binary $QEMU not found (scripts/build.sh, or set QEMU=)" >&2
    exit 2
fi

mkdir -p "$OUT/runs"
for p in "${progs[@]}"; do
    make -s -C tests/guest O="$OUT/guest" "$OUT/guest/bench_$p.elf"
done

# qemu_args PROG MODEL ITERS: set cmd=( the command line of one run )
qemu_args() {
    local mopts=virt,gic-version=3,gic-model=$2 n=${smp:-1}
    if [ "$1" = irq ]; then
        mopts=$mopts,its=on n=${smp:-2}
    fi
    cmd=("$QEMU" -M "$mopts" -accel tcg -cpu max
         -smp $n -m 256 -nodefaults -display none -monitor none
         -serial stdio
         -semihosting-config "enable=on,target=native,arg=bench_$1,arg=smp=$n,arg=$3"
         -kernel "$OUT/guest/bench_$1.elf")
    if [ "$2" != qemu ]; then
        cmd+=("${sim_globals[@]}")
    fi
}
qemu_cmd() {    # printable
    local cmd
    qemu_args "$@"
    echo "${cmd[*]}"
}

run_one() {     # run_one PROG MODEL ITERS LOGFILE [wrapper...]
    local prog=$1 model=$2 n=$3 log=$4 cmd
    shift 4
    qemu_args "$prog" "$model" "$n"
    if ! timeout 900 "$@" "${cmd[@]}" </dev/null 2>"$log.err" |
            tr -d '\r' >"$log"; then
        echo "bench: bench_$prog on gic-model=$model failed (not retried: a run that fails by chance is a bug to fix); see $log, $log.err" >&2
        cat "$log" >&2
        exit 1
    fi
    if ! grep -q "^# bench_$prog: done" "$log"; then
        echo "bench: bench_$prog on gic-model=$model did not finish (not retried); see $log" >&2
        cat "$log" "$log.err" >&2
        exit 1
    fi
}

bin_id() { stat -L -c '%s %Y' "$QEMU"; }
bin_before=$(bin_id)
loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

echo "# scripts/bench.sh --what $what --runs $runs --iters $iters --irq-iters $irq_iters --linux-rounds $linux_rounds$([ $callgrind = yes ] && echo " --callgrind --cg-iters $cg_iters")"
echo "# $("$QEMU" --version | head -1); host: $(nproc) CPUs, $(uname -m)," \
     "$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"

# ---- wall clock, guest programs -------------------------------------------
for prog in "${progs[@]}"; do
    n=$iters
    [ "$prog" = irq ] && n=$irq_iters
    start=$(date +%s)
    load_before=$(loadavg)
    rm -f "$OUT/runs/$prog".*
    for ((i = 1; i <= runs; i++)); do
        for model in qemu sim; do
            run_one "$prog" "$model" "$n" "$OUT/runs/$prog.$model.$i.txt"
        done
    done
    echo
    echo "## bench_$prog, wall clock"
    echo "# load average before/after: $load_before / $(loadavg);" \
         "$runs runs per model, alternating; $(($(date +%s) - start)) s"
    echo "# each run: $(qemu_cmd "$prog" '{qemu|sim}' "$n")"
    head -1 "$OUT/runs/$prog.sim.1.txt"
    echo
    python3 - "$OUT/runs" "$prog" "$runs" <<'EOF'
import sys, statistics
d, prog, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
data, order = {}, []
for model in ("qemu", "sim"):
    for i in range(1, runs + 1):
        for line in open(f"{d}/{prog}.{model}.{i}.txt"):
            f = line.split()
            if len(f) == 3 and f[0] == "BENCH":
                if f[1] not in order:
                    order.append(f[1])
                data.setdefault((model, f[1]), []).append(float(f[2]))
hdr = ("kind", "stock ns", "sim ns", "sim/stock", "sim-stock",
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
unit = {"mmio": "access; ram_ldr32 is the loop itself, uart_fr_r32 a"
                " non-GIC MMIO read",
        "irq": "event (see tests/guest/bench_irq.c)"}[prog]
print(f"\nns per {unit}: median over {runs} runs (each the median of 5"
      " passes).")
EOF
done

# ---- wall clock, Linux boot to init ---------------------------------------
if [ $do_linux = yes ]; then
    if [ ! -f build/e2e/linux/Image ]; then
        scripts/fetch-linux.sh >&2
    fi
    scripts/make-initramfs.sh >/dev/null
    linux_cmd() {
        echo "$QEMU" -M "virt,gic-version=3,gic-model=$1,its=on" -accel tcg \
            -cpu max -smp 4 -m 512 -nodefaults -display none -monitor none \
            -serial stdio -device virtio-rng-pci \
            -kernel build/e2e/linux/Image -initrd build/e2e/initramfs.cpio.gz \
            -append "'console=ttyAMA0 panic=-1 quiet loglevel=4'" -no-reboot
    }
    start=$(date +%s)
    load_before=$(loadavg)
    rm -f "$OUT/runs/linux".*
    python3 - "$OUT/runs" "$linux_rounds" "$QEMU" <<'EOF'
import os, sys, time, subprocess
d, rounds, qemu = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def boot(model, log):
    cmd = ["timeout", "600", qemu, "-M", f"virt,gic-version=3,gic-model={model},its=on",
           "-accel", "tcg", "-cpu", "max", "-smp", "4", "-m", "512",
           "-nodefaults", "-display", "none", "-monitor", "none",
           "-serial", "stdio", "-device", "virtio-rng-pci",
           "-kernel", "build/e2e/linux/Image",
           "-initrd", "build/e2e/initramfs.cpio.gz",
           "-append", "console=ttyAMA0 panic=-1 quiet loglevel=4",
           "-no-reboot"]
    t0 = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, t = b"", None
    while True:
        chunk = p.stdout.read1(4096)
        if not chunk:
            break
        out += chunk
        if b"E2E-INIT-START" in out:
            t = time.monotonic() - t0
            break
    p.terminate()
    # Reap it ourselves for its rusage: CPU time (user + system, QEMU and
    # its 'timeout' wrapper) to the marker and the stop that follows.
    _, _, ru = os.wait4(p.pid, 0)
    open(log, "wb").write(out)
    if t is None:
        sys.exit(f"bench: Linux on gic-model={model} did not reach init;"
                 f" see {log}")
    return t, ru.ru_utime + ru.ru_stime
for i in range(1, rounds + 1):
    for model in ("qemu", "sim"):
        t, cpu = boot(model, f"{d}/linux.{model}.{i}.log")
        open(f"{d}/linux.{model}.{i}.txt", "w").write(
            f"BENCH boot {t:.3f}\nBENCH cpu {cpu:.3f}\n")
EOF
    echo
    echo "## Linux boot to init, wall clock"
    echo "# load average before/after: $load_before / $(loadavg);" \
         "$linux_rounds rounds, one boot per model each, alternating;" \
         "$(($(date +%s) - start)) s"
    echo "# each boot: $(linux_cmd '{qemu|sim}')"
    echo
    python3 - "$OUT/runs" "$linux_rounds" <<'EOF'
import sys, statistics
d, rounds = sys.argv[1], int(sys.argv[2])
def get(m, i, what):
    for line in open(f"{d}/linux.{m}.{i}.txt"):
        f = line.split()
        if f[:2] == ["BENCH", what]:
            return float(f[2])
for what, title in (("boot", "wall clock to init"),
                    ("cpu", "QEMU CPU time (user+sys) to init")):
    t = {m: [get(m, i, what) for i in range(1, rounds + 1)]
         for m in ("qemu", "sim")}
    mq, ms = statistics.median(t["qemu"]), statistics.median(t["sim"])
    print(f"{title}, s\nround  " +
          "  ".join(f"{i:>6}" for i in range(1, rounds + 1)))
    for m, name in (("qemu", "stock"), ("sim", "sim")):
        print(f"{name:5}  " + "  ".join(f"{x:6.2f}" for x in t[m]))
    print(f"{title}: stock median {mq:.2f} s ({min(t['qemu']):.2f}-"
          f"{max(t['qemu']):.2f}), sim median {ms:.2f} s"
          f" ({min(t['sim']):.2f}-{max(t['sim']):.2f}), sim/stock"
          f" {ms / mq:.3f}; sim lower in"
          f" {sum(s < q for q, s in zip(t['qemu'], t['sim']))} of {rounds}"
          " rounds\n")
EOF
fi

if [ "$(bin_id)" != "$bin_before" ]; then
    echo "bench: WARNING: $QEMU changed during the runs (rebuilt?);" \
         "the numbers mix two binaries" >&2
fi

# ---- callgrind ------------------------------------------------------------
[ $callgrind = yes ] && [ ${#progs[@]} -gt 0 ] || exit 0
if ! command -v valgrind >/dev/null; then
    echo
    echo "# --callgrind: valgrind not installed, skipped"
    exit 0
fi
mkdir -p "$OUT/callgrind"
# Valgrind runs one thread at a time, and by default lets a spinning
# thread take its lock back at once: with hundreds of vCPU threads the
# guest's CPU 0, spinning until CPU 1 comes online, then starved CPU 1's
# start (seen once at 512 CPUs).  Its fair scheduler takes turns.
fair_sched=
[ "${smp:-2}" -le 2 ] || fair_sched=--fair-sched=yes
for prog in "${progs[@]}"; do
    for model in qemu sim; do
        rm -f "$OUT/callgrind/$prog.$model.cg" "$OUT/callgrind/$prog.$model.cg".*
        run_one "$prog" "$model" "$cg_iters" "$OUT/callgrind/$prog.$model.txt" \
            nice valgrind --tool=callgrind --collect-atstart=yes \
            --max-threads=$((${smp:-2} + 100)) ${fair_sched} \
            --dump-before=do_common_semihosting \
            --callgrind-out-file="$OUT/callgrind/$prog.$model.cg"
    done
    echo
    echo "## bench_$prog, callgrind"
    echo "# valgrind --tool=callgrind --collect-atstart=yes ${fair_sched:+$fair_sched }" \
         "--dump-before=do_common_semihosting $(qemu_cmd "$prog" '{qemu|sim}' "$cg_iters")"
    echo
    python3 - "$OUT/callgrind" "$prog" <<'EOF'
import sys, re, subprocess
d, prog = sys.argv[1], sys.argv[2]
def parts(model):
    names, acc = [], None
    for line in open(f"{d}/{prog}.{model}.txt"):
        m = re.match(r"# bench_\w+: kinds (\d+) \w+-per-phase (\d+)", line)
        if m:
            acc = int(m.group(2))
        f = line.split()
        if len(f) == 3 and f[0] == "BENCH":
            names.append(f[1])
    ir = {}
    # Parts: 1 start-up, 2 set-up, then per kind: loops (3 + 2k), report.
    # Count the vCPU threads only (mttcg_cpu_thread_fn, inclusive): they
    # do all the work of these events; the main loop thread's count
    # depends on how long the phase takes in real time, not on the guest.
    for k, name in enumerate(names):
        f = f"{d}/{prog}.{model}.cg.{3 + 2 * k}"
        out = subprocess.run(["callgrind_annotate", "--inclusive=yes",
                              "--threshold=100", f], check=True,
                             capture_output=True, text=True).stdout
        for line in out.splitlines():
            if re.search(r":mttcg_cpu_thread_fn( \[[^]]*\])?$", line.rstrip()):
                ir[name] = int(line.split()[0].replace(",", ""))
                break
        else:
            sys.exit(f"bench: no mttcg_cpu_thread_fn in {f}")
    return names, acc, ir
names, acc, q = parts("qemu")
_, acc_s, s = parts("sim")
assert acc == acc_s
# mmio: minus the ram_ldr32 phase (the loop and markers), per access.
base = prog == "mmio"
base_q, base_s = (q[names[0]], s[names[0]]) if base else (0, 0)
hdr = ("kind", "stock Ir", "sim Ir", "sim/stock", "sim-stock")
rows = []
for n in names:
    nq, ns = (q[n] - base_q) / acc, (s[n] - base_s) / acc
    rows.append((n, f"{nq:.0f}", f"{ns:.0f}",
                 f"{ns / nq:.3f}" if nq > 0.5 else "-", f"{ns - nq:+.0f}"))
w = [max(len(r[i]) for r in rows + [hdr]) for i in range(len(hdr))]
for r in [hdr] + rows:
    print("  ".join(c.ljust(w[0]) if i == 0 else c.rjust(w[i])
                    for i, c in enumerate(r)))
if base:
    print(f"\nhost instructions per guest access (vCPU threads, {acc}"
          " accesses per kind), minus the ram_ldr32 phase (loop, markers).")
else:
    print(f"\nhost instructions per event (vCPU threads, {acc} events per"
          " kind, whole event: guest loop, device, GIC, CPU exception).")
EOF
done
