#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/sanitize-cc.sh CC-ARGS... (the compiler of the --sanitize tree; not run by hand)
#
# C compiler of the "scripts/build.sh --sanitize" tree: cc, with
#   - the device's own files (hw/intc/gicsim/*.c in QEMU) compiled with
#     AddressSanitizer, UndefinedBehaviorSanitizer and gcov,
#   - qemu-system-* linked with their run-time libraries,
# and every other file compiled exactly as in the plain tree, so that
# ccache serves them from the plain build (docs/robustness.rst).
. "$(dirname "$0")/lib/help.bash"
instrument="-fsanitize=address,undefined -fno-omit-frame-pointer"
instrument="$instrument --coverage -fprofile-update=atomic"
extra=
prev=
for a in "$@"; do
    if [ "$prev" = -o ]; then
        case "$a" in
            # the device's objects in QEMU (not the qtests' copies of
            # its register table), and the emulator that links them
            libcommon.a.p/hw_intc_gicsim_*.o) extra=$instrument ;;
            */*) ;;
            qemu-system-*) extra=$instrument ;;
        esac
    fi
    case "$a" in
        # meson links through a response file named after the binary
        @qemu-system-*.rsp) extra=$instrument ;;
    esac
    prev=$a
done
# shellcheck disable=SC2086
exec cc "$@" $extra
