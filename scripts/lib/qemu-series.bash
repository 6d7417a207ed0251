# SPDX-License-Identifier: GPL-2.0-or-later
#
# Sourced by build.sh, fetch-qemu.sh, install-deps.sh and test-qemu.sh:
# the QEMU release lines gicsim builds with, and the patch series of each.
#
# patches/NNNN-*.patch is the series for every line; a line whose QEMU
# needs a different version of patch NNNN has it in
# patches/qemu-LINE/NNNN-*.patch, which replaces the common one of the
# same number (docs/building.rst says which and why).

# The release lines, oldest first; the first is the default.
qemu_series_known=(10.0 10.2)

# qemu_series VERSION: the release line of QEMU VERSION (e.g. 10.2 for
# 10.2.2), or nothing if gicsim does not know it
qemu_series() {
    local s
    for s in "${qemu_series_known[@]}"; do
        case "$1" in
            "$s".*) echo "$s"; return 0 ;;
        esac
    done
    return 1
}

# qemu_series_list: "10.0.x and 10.2.x", for messages
qemu_series_list() {
    local s out=
    for s in "${qemu_series_known[@]}"; do
        out="${out:+$out and }$s.x"
    done
    echo "${out//x and /x, }" | sed 's/, \([^,]*\)$/ and \1/'
}

# qemu_series_dirs LINE: set src, bld and applied for LINE's tree under
# build/ (the first line keeps the names it always had)
qemu_series_dirs() {
    if [ "$1" = "${qemu_series_known[0]}" ]; then
        src=build/qemu-src bld=build/qemu-build applied=build/applied-patches
    else
        src=build/qemu-src-$1 bld=build/qemu-build-$1
        applied=build/applied-patches-$1
    fi
}

# qemu_series_patches LINE: the patches for LINE, in order of their number
qemu_series_patches() {
    local p n
    for p in patches/*.patch patches/qemu-"$1"/*.patch; do
        [ -e "$p" ] || continue
        n=${p##*/}
        echo "${n%%-*} $p"
    done | sort -k1,1 -k2,2r | awk '$1 != last { print $2; last = $1 }'
}
