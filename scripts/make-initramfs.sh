#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/make-initramfs.sh
#
# Build build/e2e/initramfs.cpio.gz for the Linux end-to-end boots from the
# files scripts/fetch-linux.sh unpacked: static busybox, the virtio PCI and
# virtio-rng modules (Debian 12 builds CONFIG_VIRTIO_PCI=m), and
# tests/linux/init.  Needs no root (the console node is made by the init
# with devtmpfs).  Rebuilt only when an input changed.
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${E2E_DIR:-$top/build/e2e}
lx=$out/linux
img=$out/initramfs.cpio.gz
init=$top/tests/linux/init

[ -f "$lx/version" ] || { echo "make-initramfs: run scripts/fetch-linux.sh first" >&2; exit 1; }
ver=$(cat "$lx/version")
if [ -f "$img" ] && [ "$img" -nt "$init" ] && [ "$img" -nt "$lx/.stamp" ] &&
   [ "$img" -nt "$0" ]; then
    echo "make-initramfs: $img is up to date"
    exit 0
fi

root=$(mktemp -d "$out/initramfs.XXXXXX")
trap 'rm -rf "$root"' EXIT
mkdir -p "$root"/{bin,dev,proc,sys,lib/modules}
cp "$lx/busybox" "$root/bin/busybox"
ln -s busybox "$root/bin/sh"
install -m 0755 "$init" "$root/init"

# Modules in load order (no modules.dep in the package: depmod runs in
# its postinst).  Only what is =m and needed: virtio_pci and virtio-rng.
check_cfg() { grep -q "^$1=y" "$lx/config"; }
mods=()
if ! check_cfg CONFIG_VIRTIO_PCI; then
    mods+=(drivers/virtio/virtio_pci_legacy_dev.ko
           drivers/virtio/virtio_pci_modern_dev.ko
           drivers/virtio/virtio_pci.ko)
fi
check_cfg CONFIG_HW_RANDOM_VIRTIO || mods+=(drivers/char/hw_random/virtio-rng.ko)
: >"$root/lib/modules/load"
for m in "${mods[@]}"; do
    src=$lx/modules/$ver/kernel/$m
    for f in "$src" "$src.xz" "$src.zst"; do
        [ -f "$f" ] || continue
        case $f in
            *.xz) xz -dc "$f" >"$root/lib/modules/$(basename "$m")" ;;
            *.zst) zstd -qdc "$f" >"$root/lib/modules/$(basename "$m")" ;;
            *) cp "$f" "$root/lib/modules/" ;;
        esac
        basename "$m" >>"$root/lib/modules/load"
        continue 2
    done
    echo "make-initramfs: module $m not found in $lx/modules/$ver" >&2
    exit 1
done

(cd "$root" && find . -print0 | LC_ALL=C sort -z |
    cpio --null -o -H newc --owner=0:0 --quiet) | gzip -9n >"$img.tmp"
mv "$img.tmp" "$img"
echo "make-initramfs: $img (${#mods[@]} modules)"
