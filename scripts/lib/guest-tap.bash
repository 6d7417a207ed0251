# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by the TAP scripts that run a bare-metal guest program
# (scripts/test-fw-power.sh, scripts/test-determinism.sh).

# guest_elf OUT PROG: build tests/guest/PROG.c into OUT/guest and print
# the ELF's path; on failure print a TAP plan with one failure and exit
guest_elf() {
    local elf=$top/$1/guest/$2.elf
    mkdir -p "$top/$1"
    if ! make -s -C "$top/tests/guest" O="$top/$1/guest" "$elf" >&2; then
        echo "1..1"
        echo "not ok 1 - cannot build tests/guest/$2.c"
        exit 1
    fi
    echo "$elf"
}

# A CPU hog beside QEMU: one busy loop per host CPU, each ending by itself
# after 600 s; hog_stop ends them (also on exit)
hogs=()
hog_start() {
    local i
    for i in $(seq "$(nproc)"); do
        timeout 600 sh -c 'while :; do :; done' &
        hogs+=($!)
    done
}
hog_stop() {
    [ ${#hogs[@]} = 0 ] && return
    kill "${hogs[@]}" 2>/dev/null
    wait "${hogs[@]}" 2>/dev/null
    hogs=()
}
trap hog_stop EXIT
