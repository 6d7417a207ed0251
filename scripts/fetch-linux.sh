#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/fetch-linux.sh
#
# Fetch the Debian arm64 kernel and busybox-static:arm64 for the Linux
# end-to-end boots and unpack them into build/e2e/:
#   build/e2e/debs/*.deb          downloaded packages (cache)
#   build/e2e/linux/Image         kernel for QEMU -kernel
#   build/e2e/linux/modules/      /lib/modules/<ver> tree from the package
#   build/e2e/linux/config        the kernel's /boot/config-<ver>
#   build/e2e/linux/busybox       static arm64 busybox
# Reruns are offline: nothing is downloaded when the files are already here.
# Needs arm64 multiarch in apt (scripts/install-e2e-deps.sh sets it up).
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
out=${E2E_DIR:-$top/build/e2e}
debs=$out/debs
lx=$out/linux
mkdir -p "$debs" "$lx"

have_deb() { compgen -G "$debs/$1_*_arm64.deb" >/dev/null; }

# linux-image-arm64 is a metapackage: resolve its Depends to the real
# linux-image-<abi>-arm64 package, then download that.
if ! compgen -G "$debs/linux-image-[0-9]*-arm64_*_arm64.deb" >/dev/null; then
    real=$(apt-cache depends linux-image-arm64:arm64 |
           sed -n 's/^ *Depends: \(linux-image-[0-9][^:]*\).*/\1/p' | head -1)
    if [ -z "$real" ]; then
        echo "fetch-linux: cannot resolve linux-image-arm64 (run scripts/install-e2e-deps.sh)" >&2
        exit 1
    fi
    (cd "$debs" && apt-get download -q -o APT::Sandbox::User=root "$real:arm64")
fi
have_deb busybox-static || (cd "$debs" && apt-get download -q -o APT::Sandbox::User=root busybox-static:arm64)

first() { printf '%s\n' "$1"; }
kdeb=$(first "$debs"/linux-image-[0-9]*-arm64_*_arm64.deb)
bdeb=$(first "$debs"/busybox-static_*_arm64.deb)

stamp=$lx/.stamp
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$(basename "$kdeb") $(basename "$bdeb")" ]; then
    tmp=$(mktemp -d "$out/unpack.XXXXXX")
    trap 'rm -rf "$tmp"' EXIT
    dpkg-deb -x "$kdeb" "$tmp/k"
    dpkg-deb -x "$bdeb" "$tmp/b"
    vmlinuz=$(first "$tmp"/k/boot/vmlinuz-*)
    ver=${vmlinuz##*/vmlinuz-}
    # Debian 12's arm64 vmlinuz is a gzip-compressed arm64 Image (Debian 13
    # may use an EFI zboot image).  QEMU's -kernel can take a gzip Image, but
    # decompress it anyway so the arm64 Image header is checked here and the
    # boot does not depend on QEMU's decompression limits.
    case $(head -c 2 "$vmlinuz" | od -An -tx1 | tr -d ' ') in
        1f8b) gzip -dc "$vmlinuz" > "$tmp/Image" ;;
        *)    cp "$vmlinuz" "$tmp/Image" ;;
    esac
    # arm64 Image header: magic "ARM\x64" at offset 56 (Linux booting.rst).
    if [ "$(dd if="$tmp/Image" bs=1 skip=56 count=4 2>/dev/null)" != "$(printf 'ARM\x64')" ]; then
        if [ "$(head -c 2 "$tmp/Image")" = MZ ] &&
           [ "$(dd if="$tmp/Image" bs=1 skip=4 count=4 2>/dev/null)" = zimg ]; then
            echo "fetch-linux: $vmlinuz is an EFI zboot image; QEMU >= 9.1 -kernel unpacks it" >&2
        else
            echo "fetch-linux: $vmlinuz is not an arm64 Image" >&2
            exit 1
        fi
    fi
    rm -rf "$lx/modules"
    mkdir -p "$lx/modules"
    mv "$tmp/Image" "$lx/Image"
    cp "$tmp/k/boot/config-$ver" "$lx/config"
    cp -a "$tmp/k/lib/modules/$ver" "$lx/modules/$ver"
    cp "$tmp/b/bin/busybox" "$lx/busybox"
    echo "$ver" > "$lx/version"
    echo "$(basename "$kdeb") $(basename "$bdeb")" > "$stamp"
fi
echo "fetch-linux: kernel $(cat "$lx/version") in $lx"
