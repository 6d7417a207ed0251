# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by scripts/test.sh and scripts/test-qemu.sh: totals of TAP
# streams.  The caller sets passed=0 failed=0 and log (the folder for
# each program's .tap and .err).

# count_tap NAME FILE: add a TAP stream's results to the totals
count_tap() {
    local p f
    p=$(grep -cE '^ok ' "$2")
    f=$(grep -cE '^not ok ' "$2")
    grep -E '^(not )?ok ' "$2" | sed "s|^|$1: |"
    passed=$((passed + p)) failed=$((failed + f))
}

# run_tap NAME CMD...: a TAP-producing program; a crash counts as a failure
run_tap() {
    local name=$1 out=$log/$1.tap
    shift
    "$@" >"$out" 2>"$log/$name.err"
    local rc=$?
    count_tap "$name" "$out"
    if [ $rc != 0 ] && ! grep -qE '^not ok ' "$out"; then
        echo "$name: not ok - exited with status $rc (see $log/$name.err)"
        tail -n 20 "$log/$name.err"
        failed=$((failed + 1))
    fi
}
