#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/interactive/probe-interactive.sh [PROBE]
#
# Drives gicsim-probe -i the way a person does, in a terminal (tmux):
# types statements, presses Tab and the Up arrow, and checks what the
# screen shows: completion of a statement, a register and a field, help,
# an error with its column, a history recall.  Prints TAP.
# PROBE defaults to build/gicsim-probe; QEMU is $QTEST_QEMU_BINARY or
# build/qemu-system-aarch64.
set -uo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
probe=${1:-$top/build/gicsim-probe}
export QTEST_QEMU_BINARY=${QTEST_QEMU_BINARY:-$top/build/qemu-system-aarch64}
sock=gicsim-test-$$
sess=probe
n=0 failed=0
T() { tmux -L "$sock" "$@"; }
trap 'T kill-server 2>/dev/null' EXIT

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

echo "1..10"
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
[ $failed = 0 ]
