#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/boot-linux.sh [--gic-version 3|4] [--gic-model sim|qemu] [QEMU ARGS...]
#
# Boot Debian's arm64 kernel with a busybox initramfs on arm-gicv3-sim and
# leave you at a busybox shell (the end-to-end suite's kernel and initramfs,
# fetched by scripts/fetch-linux.sh into build/e2e).
#   scripts/boot-linux.sh [--gic-version 3|4] [--gic-model sim|qemu] [QEMU ARGS...]
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail
cd "$(dirname "$0")/.."
version=3 model=sim
while [ $# -gt 0 ]; do
    case "$1" in
        --gic-version) version=$2; shift 2 ;;
        --gic-model) model=$2; shift 2 ;;
        *) break ;;
    esac
done
case "$version" in
    3) machine="virt,gic-version=3,gic-model=$model,its=on" ;;
    4) machine="virt,gic-version=4,gic-model=$model,its=on,virtualization=on" ;;
    *) echo "boot-linux: --gic-version must be 3 or 4" >&2; exit 2 ;;
esac
[ -x build/qemu-system-aarch64 ] || scripts/build.sh
[ -f build/e2e/linux/Image ] || scripts/fetch-linux.sh
scripts/make-initramfs.sh >/dev/null
exec build/qemu-system-aarch64 -M "$machine" -accel tcg -cpu max -smp 4 \
    -m 512 -nographic -device virtio-rng-pci \
    -kernel build/e2e/linux/Image -initrd build/e2e/initramfs.cpio.gz \
    -append "console=ttyAMA0 quiet gicsim.shell" "$@"
