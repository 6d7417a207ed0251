# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by the install scripts: step "WHAT" CMD... prints one line,
# "NAME: WHAT", runs CMD with its output appended to $log, and on failure
# prints the log's last lines and its path and exits 1.  Set $name and
# $log first.
step() {
    local what=$1
    shift
    echo "$name: $what" >&2
    if ! "$@" >>"$log" 2>&1; then
        echo "$name: failed: $what; the last lines of $log:" >&2
        tail -n 20 "$log" | sed 's/^/  | /' >&2
        echo "$name: full log: $log" >&2
        exit 1
    fi
}
