#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/install-e2e-deps.sh
#
# Install what the end-to-end tests (scripts/e2e.sh) need on Debian 12/13:
# an AArch64 cross toolchain for the bare-metal guest programs, cpio/gzip
# for the Linux initramfs, Debian's EDK2 build (qemu-efi-aarch64) for the
# firmware boot, Chromium to render the timeline's SVG (headless), and
# arm64 multiarch so that fetch-linux.sh can `apt-get download` the
# Debian arm64 kernel and busybox-static:arm64.
# Idempotent: does nothing when everything is already there.  Otherwise
# one line per step, apt's output in build/install-e2e-deps.log.
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail

# chromium: the timeline test renders its SVG to PNG headless
pkgs=(gcc-aarch64-linux-gnu binutils-aarch64-linux-gnu cpio xz-utils gzip
      zstd qemu-efi-aarch64 chromium)

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing+=("$p")
done

need_arch=no
dpkg --print-foreign-architectures | grep -qx arm64 || need_arch=yes

# apt knows arm64 packages only after an update with the architecture added.
need_update=no
if [ $need_arch = yes ] ||
   ! apt-cache show linux-image-arm64:arm64 >/dev/null 2>&1; then
    need_update=yes
fi

if [ ${#missing[@]} = 0 ] && [ $need_arch = no ] && [ $need_update = no ]; then
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null; then
        exec sudo -E "$0" "$@"
    fi
    echo "install-e2e-deps: run as root (or install sudo)" >&2
    exit 1
fi

top=$(cd "$(dirname "$0")/.." && pwd)
name=install-e2e-deps log=$top/build/install-e2e-deps.log
. "$top/scripts/lib/step.bash"
mkdir -p "$top/build"
: >"$log"

export DEBIAN_FRONTEND=noninteractive
[ $need_arch = no ] || step "adding the arm64 architecture" dpkg --add-architecture arm64
if [ $need_update = yes ] || [ ${#missing[@]} != 0 ]; then
    step "updating apt's package lists" apt-get update -q
fi
if [ ${#missing[@]} != 0 ]; then
    step "installing ${#missing[@]} package(s): ${missing[*]}" \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
