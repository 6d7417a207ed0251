# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by the scripts in scripts/: "-h" or "--help" as the first
# argument prints the script's header comment (its documentation, which
# starts with a "usage:" line) and exits.
case "${1:-}" in
    -h|--help)
        sed -n '3,/^[^#]/{/^#/{s/^# \{0,1\}//;p}}' "$0" | sed '1{/^$/d}'
        exit 0 ;;
esac
