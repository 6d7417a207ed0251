#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# The main job: install what is missing, build, and run the bundled
# register-probe session against arm-gicv3-sim (a readable transcript).
# Arguments are passed to the probe runner: script files, --diff, ...
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
mkdir -p build
scripts/build.sh >build/build.log 2>&1 ||
    { tail -n 30 build/build.log; echo "run.sh: build failed" >&2; exit 1; }
export QTEST_QEMU_BINARY=$PWD/build/qemu-system-aarch64
exec build/qemu-build/tests/qtest/gicsim-probe "$@"
