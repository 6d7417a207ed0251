#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/scripts/probe-interactive.sh [PROBE]
#
# Drives gicsim-probe -i the way a person does, in a terminal (tmux):
# types statements, presses Tab and the Up arrow, and checks what the
# screen shows: completion of a statement, a register and a field, help,
# an error with its column, a history recall; then, on a GIC-600, that
# virtual time moves only on step (RWP reads 1 after a disable, still 1
# after seconds of typing, 0 after step), a gated check fails and is
# marked, help shows access rules, a range, save FILE, and the history
# of the first session recalled in a new one.  Prints TAP.
# PROBE defaults to build/gicsim-probe; QEMU is $QTEST_QEMU_BINARY or
# build/qemu-system-aarch64.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
probe=$(realpath "${1:-$top/build/gicsim-probe}")
export QTEST_QEMU_BINARY=${QTEST_QEMU_BINARY:-$top/build/qemu-system-aarch64}
sock=gicsim-test-$$
sess=probe
n=0 failed=0
tmp=$(mktemp -d)
# The history of these sessions, not the user's
export GICSIM_PROBE_HISTORY=$tmp/history
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null; rm -rf "$tmp"' EXIT

screen() { T capture-pane -p -J -t "$sess" -S -1000; }

# wait_for REGEX: until the screen matches (at most 30 s)
wait_for() {
    local i
    for i in $(seq 300); do
        screen | grep -qE -- "$1" && return 0
        sleep 0.1
    done
    return 1
}

# check NAME REGEX [COUNT]: the screen shows REGEX (COUNT times)
check() {
    local name=$1 re=$2 count=${3:-} got
    n=$((n + 1))
    if [ -z "$count" ] && wait_for "$re"; then
        echo "ok $n - $name"
        return
    fi
    if [ -n "$count" ]; then
        for _ in $(seq 100); do
            got=$(screen | grep -cE -- "$re")
            [ "$got" = "$count" ] && { echo "ok $n - $name"; return; }
            sleep 0.1
        done
    fi
    failed=$((failed + 1))
    echo "not ok $n - $name: the screen does not show /$re/${count:+ $count times}"
    screen | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}' | sed 's/^/# | /'
}

echo "1..26"
T -f /dev/null new-session -d -s "$sess" -x 150 -y 60 \
    "TERM=xterm $probe -i --smp 2; echo EXITED \$?; sleep 30"
check "prompt and banner" '^gicsim> $'

# A statement, a register name and a field, each completed with Tab
T send-keys -t "$sess" "exp" Tab "S GICD_TY" Tab
check "Tab completes a statement and a register's common prefix" \
    '^gicsim> expect S GICD_TYPER$'
T send-keys -t "$sess" ".ITL" Tab "== 8" Enter
check "Tab completes a field; the check is answered at once" \
    'ok +read32 S +GICD_TYPER.ITLinesNumber = 0x8 .*\(expect == 0x8\)'

T send-keys -t "$sess" "help GICD_CTLR" Enter
check "help REGISTER shows offset, widths and fields" \
    'frame GICD, offset 0x0000'
check "help REGISTER lists the fields" '\[31\] +RWP'

T send-keys -t "$sess" "help" Enter
check "help lists the statements" '^  wait \[S\|NS\] TARGET == V within N'

T send-keys -t "$sess" "read GICD_CTRL" Enter
check "an error shows its column, then the prompt again" \
    '^error at column 6: expected a register name, found unknown register .GICD_CTRL.; did you mean GICD_CTLR'

check "a caret points at the column, under the prompt line" \
    '^ {13}\^$'

# Up arrow four times: the expect line typed first (help, help, error)
T send-keys -t "$sess" Up Up Up Up
check "Up recalls the first statement from the history" \
    '^gicsim> expect S GICD_TYPER.ITLinesNumber == 8$'
T send-keys -t "$sess" Enter "quit" Enter
check "the recalled statement ran again; quit prints the summary" \
    '== input \(gic-model=sim\): 2 passed, 0 failed'

# A GIC-600 (rwp-ns 500): virtual time is qtest's, moved only by step
old=$sess sess=gic600
T new-session -d -s "$sess" -x 200 -y 60 \
    "cd $tmp && TERM=xterm $probe -i --profile gic-600; echo EXITED \$?; sleep 30"
T kill-session -t "$old"
check "the banner says virtual time moves only on step and wait" \
    'Virtual time moves only on step and wait'
T send-keys -t "$sess" "write S GICD_ISENABLER(1) = 1 << 8" Enter \
    "write S GICD_ICENABLER(1) = 1 << 8" Enter \
    "expect S GICD_CTLR.RWP == 1" Enter
check "RWP reads 1 after a disable" \
    '^ +3 ok +read32 S +GICD_CTLR.RWP = 0x1 '
sleep 2     # wall-clock time passes, virtual time does not
T send-keys -t "$sess" "expect S GICD_CTLR.RWP == 1" Enter
check "RWP still reads 1 after two seconds at the prompt" \
    '^ +4 ok +read32 S +GICD_CTLR.RWP = 0x1 '
T send-keys -t "$sess" "step 500ns" Enter
check "step moves the virtual clock by exactly that" \
    '^ +5 +step 500 ns +\(virtual time ([0-9]{3,4}) ns\)'
T send-keys -t "$sess" "expect S GICD_CTLR.RWP == 0" Enter
check "RWP reads 0 after step 500ns" \
    '^ +6 ok +read32 S +GICD_CTLR.RWP = 0x0 '

# A check on a powered-down redistributor: RAZ/WI, marked, failed
T send-keys -t "$sess" "expect S GICR_WAKER@cpu1 == 0" Enter
check "a check satisfied only by a gated read fails, naming the gate" \
    '^ +7 FAIL +read32 S +GICR_WAKER@cpu1 = .*\[gated \(power\): RAZ/WI, redistributor powered down'

T send-keys -t "$sess" "help GICR_PWRR" Enter
check "help REGISTER: Secure-only" \
    '^  Secure-only: RAZ/WI to Non-secure accesses while GICD_CTLR.DS == 0'
check "help REGISTER: per-field write-only and read-only" \
    '\[1\] +RDAG  write-only \(reads 0\)'
check "help REGISTER: the reset value in this configuration" \
    '^  reset: 0x0000000d  \{RDPD=1 .*RDGPO=1 .*\(this machine: CPU 0.s redistributor, read from a fresh one\)'

T send-keys -t "$sess" "read S GICD_ISENABLER(0..1); read GICD_TYPER" Enter
check "a range and ';': three reads from one line" \
    '^ +8 +read32 NS GICD_TYPER = '

T send-keys -t "$sess" "show cpu 1" Enter
check "show prints what the GIC holds (info pic): CPU 1's redistributor powered down and asleep" \
    '^ +Redistributor cpu 1: powered down \(GICR_PWRR\.RDGPO=1\), GICR_WAKER = 0x00000006 \{ProcessorSleep=1 ChildrenAsleep=1\}'
check "show: the effects in flight, at this virtual time" \
    '^ +Effects in flight \(virtual time 501 ns\):'

T send-keys -t "$sess" "save my.poke" Enter
check "save FILE writes the session" 'saved the machine and [0-9]+ lines to my.poke'
T send-keys -t "$sess" "quit" Enter
check "quit: the summary counts the gated access" \
    'gic-model=sim\): 3 passed, 1 failed, 1 access gated'
n=$((n + 1))
if out=$("$probe" "$tmp/my.poke" 2>&1); [ $? = 1 ] &&
   echo "$out" | grep -q 'my.poke (gic-model=sim): 3 passed, 1 failed'; then
    echo "ok $n - the saved session runs again as a script, with the same results"
else
    failed=$((failed + 1))
    echo "not ok $n - the saved session as a script:"
    echo "$out" | sed 's/^/# | /'
fi

# A new session: Up recalls the last line of the one before
old=$sess sess=again
T new-session -d -s "$sess" -x 200 -y 60 \
    "TERM=xterm $probe -i; echo EXITED \$?; sleep 30"
T kill-session -t "$old"
wait_for '^gicsim> $' >/dev/null
T send-keys -t "$sess" Up Up
check "the history is kept across sessions" '^gicsim> save my.poke$'
# Leave (clearing the recalled line): the history is written at exit
T send-keys -t "$sess" C-u "quit" Enter
wait_for '^EXITED ' >/dev/null
[ $failed = 0 ]
