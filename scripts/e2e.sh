#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/e2e.sh [--gic-model qemu|sim] [--profile NAME] [--filter REGEX]
#                       [--no-linux] [--list] [--keep-going]
#
# gicsim end-to-end tests: run real guest code on the GIC under TCG.
#
# Bare-metal programs (tests/guest/*.c) state how they are run and what they
# must print in their header comment:
#   E2E-RUN: <run-name> <virt machine options> | <extra QEMU options>
#   E2E-EXPECT: <extended regex that must match one whole output line,
#                optionally followed there by ": detail">
#   E2E-QOM: <QOM path> <property>   (optional) read over QMP once the
#                guest has shut down (the program ends with
#                finish_system_off(); QEMU runs with -action
#                shutdown=pause); each gives the output line
#                "QOM <path> <property> <value>" for E2E-EXPECT
# Each expectation of each run is one test case; so is "exit" (QEMU exited
# with status 0, in time, and the guest printed no FAIL line that is not
# also an expectation failure).  Linux boots (tests/linux/) are defined below.
#
# The QEMU binary is ${QEMU:-build/qemu-system-aarch64}.  --gic-model adds
# gic-model=<model> to -M virt (only then: stock QEMU has no such property);
# --profile NAME (with --gic-model sim) runs everything on that gicsim
# profile, with its modelled durations (docs/timing.rst).
# Output: one "PASS|FAIL <case>" line per case, then "N passed, M failed".
# Logs are kept in build/e2e/logs/.  Exit status is 1 on any failure.
. "$(dirname "$0")/lib/help.bash"
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
QEMU=${QEMU:-build/qemu-system-aarch64}
E2E=${E2E_DIR:-build/e2e}
TIMEOUT=${E2E_TIMEOUT:-60}
LINUX_TIMEOUT=${E2E_LINUX_TIMEOUT:-300}
model=
profile=
filter=
linux=yes
list=no

while [ $# -gt 0 ]; do
    case $1 in
        --gic-model) model=$2; shift 2 ;;
        --gic-model=*) model=${1#*=}; shift ;;
        --profile) profile=$2; shift 2 ;;
        --profile=*) profile=${1#*=}; shift ;;
        --filter) filter=$2; shift 2 ;;
        --filter=*) filter=${1#*=}; shift ;;
        --no-linux) linux=no; shift ;;
        --list) list=yes; shift ;;
        -h|--help) sed -n '3,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "e2e: unknown option $1" >&2; exit 2 ;;
    esac
done
case $model in
    ''|qemu|sim) ;;
    *) echo "e2e: --gic-model must be qemu or sim" >&2; exit 2 ;;
esac
gic_global=
if [ -n "$profile" ]; then
    [ "$model" = sim ] || { echo "e2e: --profile needs --gic-model sim" >&2; exit 2; }
    gic_global="-global arm-gicv3-sim.profile=$profile"
fi

npass=0
nfail=0
result() {      # result PASS|FAIL case [detail]
    if [ "$1" = PASS ]; then
        npass=$((npass + 1))
        echo "PASS $2"
    else
        nfail=$((nfail + 1))
        echo "FAIL $2${3:+: $3}"
    fi
}

selected() {    # selected case-prefix
    [ -z "$filter" ] || grep -Eq -- "$filter" <<<"$1"
}

machine() {     # machine "<virt options>"
    local m="virt${1:+,$1}"
    [ -z "$model" ] || m="$m,gic-model=$model"
    echo "$m"
}

mkdir -p "$E2E/logs"

if [ $list = no ]; then
    if [ ! -x "$QEMU" ]; then
        echo "e2e: QEMU binary $QEMU not found (set QEMU=...)" >&2
        result FAIL setup "no QEMU binary at $QEMU"
        echo "$npass passed, $nfail failed"
        exit 1
    fi
    if ! make -s -C tests/guest O="$top/$E2E/guest" -j2 >"$E2E/logs/build.log" 2>&1; then
        cat "$E2E/logs/build.log" >&2
        result FAIL build "guest programs did not build (see $E2E/logs/build.log)"
        echo "$npass passed, $nfail failed"
        exit 1
    fi
fi

# ---- bare-metal guest programs -------------------------------------------
run_guest() {   # run_guest prog runname "machine opts" "extra opts"
    local prog=$1 run=$2 mopts=$3 extra=$4
    local id="$run/$prog" log="$E2E/logs/$run-$prog.log" rc
    local elf="$E2E/guest/$prog.elf"
    local qom sock=
    qom=$(sed -n 's/^ *\* E2E-QOM: //p' "tests/guest/$prog.c")
    if [ -n "$qom" ]; then
        sock="$E2E/logs/$run-$prog.qmp"
        rm -f "$sock"
        extra="$extra -qmp unix:$sock,server=on,wait=off -action shutdown=pause"
    fi
    # shellcheck disable=SC2086
    timeout "$TIMEOUT" "$QEMU" -M "$(machine "$mopts")" -accel tcg -cpu max \
        -m 256 -nodefaults -display none -monitor none -serial stdio \
        -semihosting-config enable=on,target=native $extra $gic_global \
        -kernel "$elf" </dev/null >"$log.raw" 2>&1 &
    local pid=$!
    if [ -n "$qom" ]; then
        # shellcheck disable=SC2086
        python3 scripts/lib/qmp-qom.py "$sock" "$TIMEOUT" $qom \
            >"$log.qom" 2>&1
    fi
    wait $pid
    rc=$?
    if [ -n "$qom" ]; then
        cat "$log.qom" >>"$log.raw"
        rm -f "$log.qom" "$sock"
    fi
    tr -d '\r' <"$log.raw" >"$log" && rm -f "$log.raw"
    local line
    while IFS= read -r line; do
        local name
        # The check name: the word after PASS/SKIP (or a leading group).
        name=$(sed -E 's/^\([^)]*\) //; s/^[A-Z]+ //; s/[ :].*//' <<<"$line")
        [ "${line%% *}" = SUMMARY ] && name=summary
        # "QOM <path> <property> <value>": qom:<last path part>:<property>
        [ "${line%% *}" = QOM ] &&
            name=$(awk '{ n = split($2, p, "/"); print "qom:" p[n] ":" $3 }' <<<"$line")
        # A line matches when it is the expectation, optionally followed
        # by ": detail" (SKIP lines carry a reason).
        if grep -Eq -- "^(${line})(: .*)?\$" "$log"; then
            result PASS "$id: $name"
        else
            local got
            got=$(grep -E -- "[ (]${name}[:)]?( |$)" "$log" | head -1)
            result FAIL "$id: $name" "expected /$line/, got: ${got:-nothing}"
        fi
    done < <(sed -n 's/^ *\* E2E-EXPECT: //p' "tests/guest/$prog.c")
    local fails
    fails=$(grep -c '^FAIL' "$log")
    if [ $rc = 124 ]; then
        result FAIL "$id: exit" "timed out after ${TIMEOUT}s (log $log)"
    elif [ $rc != 0 ]; then
        result FAIL "$id: exit" "QEMU exit status $rc (log $log): $(grep -m1 -E '^FAIL|qemu' "$log")"
    elif [ "$fails" != 0 ]; then
        result FAIL "$id: exit" "$fails FAIL lines (log $log)"
    else
        result PASS "$id: exit"
    fi
}

for src in tests/guest/*.c; do
    prog=$(basename "$src" .c)
    while IFS= read -r spec; do
        run=${spec%% *}
        rest=${spec#* }
        mopts=${rest%%|*}
        mopts=${mopts%"${mopts##*[! ]}"}      # strip trailing blanks
        extra=$(sed -n 's/^[^|]*| *//p' <<<"$rest")
        selected "$run/$prog" || continue
        if [ $list = yes ]; then
            echo "$run/$prog: -M $(machine "$mopts") $extra"
            continue
        fi
        run_guest "$prog" "$run" "$mopts" "$extra"
    done < <(sed -n 's/^ *\* E2E-RUN: //p' "$src")
done

# ---- Linux boots -----------------------------------------------------------
run_linux() {   # run_linux runname "machine opts"
    local run=$1 mopts=$2 id="linux-$1" log="$E2E/logs/linux-$1.log" rc
    local lx="$E2E/linux"
    # virtio-rng-pci behind the generic PCIe host bridge: with its=on its
    # MSI-X vectors are translated by the ITS (Linux: "ITS-MSI").
    timeout "$LINUX_TIMEOUT" "$QEMU" -M "$(machine "$mopts")" -accel tcg \
        -cpu max -smp 4 -m 512 -nodefaults -display none -monitor none \
        -serial stdio -device virtio-rng-pci $gic_global \
        -kernel "$lx/Image" -initrd "$E2E/initramfs.cpio.gz" \
        -append "console=ttyAMA0 panic=-1 quiet loglevel=4" -no-reboot \
        </dev/null >"$log.raw" 2>&1
    rc=$?
    tr -d '\r' <"$log.raw" >"$log" && rm -f "$log.raw"
    [ $rc = 124 ] && echo "E2E-HARNESS: timed out after ${LINUX_TIMEOUT}s" >>"$log"
    while IFS= read -r line; do
        case $line in
            PASS\ *) result PASS "$id: ${line#PASS }" ;;
            FAIL\ *) r=${line#FAIL }; result FAIL "$id: ${r%%: *}" "${r#*: }" ;;
        esac
    done < <(tests/linux/check-interrupts.sh "$log" 4)
}

linux_runs=("v3 gic-version=3,its=on" "v4 gic-version=4,its=on,virtualization=on")
if [ $linux = yes ]; then
    want=no
    for r in "${linux_runs[@]}"; do
        selected "linux-${r%% *}" && want=yes
    done
    if [ $want = yes ] && [ $list = no ]; then
        if ! scripts/fetch-linux.sh >"$E2E/logs/fetch-linux.log" 2>&1 ||
           ! scripts/make-initramfs.sh >"$E2E/logs/initramfs.log" 2>&1; then
            result FAIL linux-setup "kernel/initramfs not available (see $E2E/logs/fetch-linux.log, initramfs.log)"
            want=no
        fi
    fi
    if [ $want = yes ]; then
        for r in "${linux_runs[@]}"; do
            selected "linux-${r%% *}" || continue
            if [ $list = yes ]; then
                echo "linux-${r%% *}: -M $(machine "${r#* }")"
                continue
            fi
            run_linux "${r%% *}" "${r#* }"
        done
    fi
fi

# ---- Firmware without EL3: Debian's EDK2 to its UEFI shell ---------------
EDK2=${EDK2_FD:-/usr/share/qemu-efi-aarch64/QEMU_EFI.fd}
run_edk2() {    # run_edk2 runname "machine opts"
    local run=$1 mopts=$2 id="edk2-$1" log="$E2E/logs/edk2-$1.log" i
    rm -f "$log"
    # shellcheck disable=SC2086
    timeout "$TIMEOUT" "$QEMU" -M "$(machine "$mopts")" -accel tcg \
        -cpu max -m 512 -nodefaults -display none -monitor none \
        -serial "file:$log" -bios "$EDK2" $gic_global </dev/null \
        >"$log.qemu" 2>&1 &
    local pid=$!
    for i in $(seq 1 "$TIMEOUT"); do
        grep -q "Shell>" "$log" 2>/dev/null && break
        kill -0 $pid 2>/dev/null || break
        sleep 1
    done
    kill $pid 2>/dev/null
    wait $pid 2>/dev/null
    if grep -q "Shell>" "$log" 2>/dev/null; then
        result PASS "$id: UEFI shell"
    else
        result FAIL "$id: UEFI shell" "no Shell> prompt within ${TIMEOUT}s (log $log)"
    fi
}

edk2_runs=("v3 gic-version=3" "v4 gic-version=4,virtualization=on")
for r in "${edk2_runs[@]}"; do
    selected "edk2-${r%% *}" || continue
    if [ $list = yes ]; then
        echo "edk2-${r%% *}: -M $(machine "${r#* }") -bios $EDK2"
        continue
    fi
    if [ ! -f "$EDK2" ]; then
        result FAIL "edk2-${r%% *}: UEFI shell" "no $EDK2 (scripts/install-e2e-deps.sh installs qemu-efi-aarch64)"
        continue
    fi
    run_edk2 "${r%% *}" "${r#* }"
done

[ $list = yes ] && exit 0
echo "$npass passed, $nfail failed"
[ $nfail = 0 ]
