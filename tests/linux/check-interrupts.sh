#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# check-interrupts.sh LOG NCPU: judge the console log of a Linux e2e boot
# (tests/linux/init) and print one "PASS name" / "FAIL name: detail" line
# per check.  Expected output (all PASS), with NCPU = 4:
#   PASS init_started          "E2E-INIT-START cpus=4": all CPUs came up
#   PASS modules_loaded        no "E2E-INSMOD-FAILED"
#   PASS hwrng_read            virtio-rng was read ("E2E-HWRNG-READ ok")
#   PASS interrupts_dumped     /proc/interrupts between the markers
#   PASS timer_ticks_all_cpus  the arch_timer line (PPI 27; PPI 26 when Linux
#                              runs at EL2 with VHE, as with virtualization=on) is
#                              nonzero in every CPU column
#   PASS ipis_counted          IPI lines add up to > 0 on every CPU
#   PASS its_msi_virtio        an ITS-MSI line naming virtio has count > 0
#   PASS powered_off           "E2E-INIT-DONE" reached (poweroff -f)
set -uo pipefail
log=$1
ncpu=${2:-4}

ok() { echo "PASS $1"; }
ko() { echo "FAIL $1: $2"; }

if grep -q "^E2E-INIT-START cpus=$ncpu\$" "$log"; then
    ok init_started
else
    ko init_started "$(grep -m1 -E 'E2E-INIT-START|Kernel panic|timed out' "$log" || echo 'no init marker')"
fi
if grep -q E2E-INSMOD-FAILED "$log"; then
    ko modules_loaded "$(grep -m1 E2E-INSMOD-FAILED "$log")"
elif grep -q E2E-INIT-START "$log"; then
    ok modules_loaded
else
    ko modules_loaded "init did not run"
fi
if grep -q '^E2E-HWRNG-READ ok' "$log"; then
    ok hwrng_read
else
    ko hwrng_read "$(grep -m1 E2E-HWRNG "$log" || echo 'no /dev/hwrng')"
fi

irq=$(sed -n '/^E2E-INTERRUPTS-BEGIN/,/^E2E-INTERRUPTS-END/p' "$log" | sed '1d;$d')
if [ -n "$irq" ]; then
    ok interrupts_dumped
else
    ko interrupts_dumped "no /proc/interrupts in the log"
fi

# Columns: "NAME: c0 c1 ... cN-1 rest".  Print the per-CPU counts.
counts() { awk -v n="$ncpu" '{ s = ""; for (i = 2; i <= n + 1; i++) s = s " " $i; print s }'; }

timer=$(grep -E 'arch_timer' <<<"$irq" | head -1)
if [ -n "$timer" ] && counts <<<"$timer" | awk '{ for (i = 1; i <= NF; i++) if ($i + 0 <= 0) exit 1 }'; then
    ok timer_ticks_all_cpus
else
    ko timer_ticks_all_cpus "arch_timer line: ${timer:-missing}"
fi

ipi=$(grep -E '^ *IPI[0-9]+:' <<<"$irq")
if [ -n "$ipi" ] && counts <<<"$ipi" |
    awk '{ for (i = 1; i <= NF; i++) s[i] += $i; n = NF }
         END { for (i = 1; i <= n; i++) if (s[i] <= 0) exit 1; exit n == 0 }'; then
    ok ipis_counted
else
    ko ipis_counted "IPI lines: $(head -3 <<<"$ipi" | tr -s ' ' | tr '\n' '|')"
fi

msi=$(grep -E 'ITS-MSI' <<<"$irq" | grep -i virtio)
if [ -n "$msi" ] && counts <<<"$msi" | awk '{ for (i = 1; i <= NF; i++) s += $i } END { exit !(s > 0) }'; then
    ok its_msi_virtio
else
    ko its_msi_virtio "ITS-MSI virtio lines: ${msi:-none}$(grep -m1 -E 'MSI' <<<"$irq" | sed 's/^/ (first MSI line: /;s/$/)/')"
fi

if grep -q '^E2E-INIT-DONE' "$log"; then
    ok powered_off
else
    ko powered_off "$(grep -m1 -E 'E2E-HARNESS|Kernel panic' "$log" || echo 'init did not finish')"
fi
