#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/sanitize-cc.sh CC-ARGS... (the compiler of the --sanitize tree; not run by hand)
#
# C compiler of the "scripts/build.sh --sanitize" tree: cc, with
#   - the device's own files (hw/intc/gicsim/*.c in QEMU) compiled with
#     AddressSanitizer, UndefinedBehaviorSanitizer and gcov,
#   - QEMU's GICv3 files that the device builds on (hw/intc/arm_gicv3*.c:
#     common state, distributor and redistributor helpers, ITS, CPU
#     interface) compiled with AddressSanitizer and UBSan, without gcov
#     (coverage is the device's only),
#   - qemu-system-* linked with their run-time libraries,
# and every other file compiled exactly as in the plain tree, so that
# ccache serves them from the plain build (docs/robustness.rst).
# The objects are recognised by the name after -o.
. "$(dirname "$0")/lib/help.bash"
sanitize="-fsanitize=address,undefined -fno-omit-frame-pointer"
coverage="--coverage -fprofile-update=atomic"
extra=
prev=
for a in "$@"; do
    if [ "$prev" = -o ]; then
        case "$a" in
            # the device's objects in QEMU (libcommon, and
            # libqemu-aarch64-softmmu for its target-specific files; not
            # the qtests' copies of its register table)
            lib*.a.p/hw_intc_gicsim_*.o) extra="$sanitize $coverage" ;;
            # QEMU's GICv3 (libcommon: common, dist, redist, ITS;
            # libqemu-aarch64-softmmu: the CPU interface; the KVM
            # variants too when KVM is configured)
            lib*.a.p/hw_intc_arm_gicv3*.o) extra=$sanitize ;;
            */*) ;;
            # the emulator that links them
            qemu-system-*) extra="$sanitize $coverage" ;;
        esac
    fi
    case "$a" in
        # meson links through a response file named after the binary
        @qemu-system-*.rsp) extra="$sanitize $coverage" ;;
    esac
    prev=$a
done
# shellcheck disable=SC2086
exec cc "$@" $extra
