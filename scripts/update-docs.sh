#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/update-docs.sh
#
# Regenerate docs/register-map.rst from the register table and
# docs/calibration.rst from the cost profiles.
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f build/core/build.ninja ] || meson setup build/core . >/dev/null
ninja -C build/core register-map.rst calibration.rst >/dev/null
cp build/core/register-map.rst docs/register-map.rst
cp build/core/calibration.rst docs/calibration.rst
echo "docs/register-map.rst and docs/calibration.rst updated"
