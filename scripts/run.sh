#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: scripts/run.sh [OPTION...] [SCRIPT...]
#
# The main job: install what is missing, build, and run the bundled
# register-probe session against arm-gicv3-sim (a readable transcript),
# or your register-poke scripts (docs/scripts.rst).  The first run shows
# one line per step and the build's progress; later runs print only the
# transcript.  Options go to the probe runner, gicsim-probe:
#
# Device configuration (overrides every script's "machine" line):
#   --profile NAME          qemu (default), gic-500, gic-600 or gic-700
#   --gic-version 3|4       GICv3 (default) or GICv4 (implies
#                           --virtualization on)
#   --smp N                 number of CPUs
#   --security on|off       two Security states or one (virt secure=)
#   --strict                undefined accesses are bus errors
#   --virtualization on|off, --its on|off, --gic-model sim|qemu
#   --rwp-ns N, --waker-ns N, --pwrr-ns N, --syncr-ns N
#                           modelled durations (docs/timing.rst)
#   --cpuif on|off          run the CPUs with the CPU interface stub (IRQ/FIQ
#                           checks; the virtual clock then follows the host's)
# Without a script or option the machine is gic-version=3 secure=on smp=2.
#
# Modes and output:
#   -i, --interactive       a prompt: type statements, see decoded answers;
#                           virtual time moves only on step and wait
#   --json FILE|-           one JSON object per access (- for stdout)
#   --junit FILE            JUnit XML, one test case per check
#   --tap                   TAP, one test case per script
#   --diff                  run on gic-model=sim and =qemu, compare reads
#   --coverage              registers and widths the scripts access
#   --stats                 end each transcript with the device's cost
#                           statistics (docs/cost.rst)
#   --print-default         print the bundled probe's source
#
# Paths (scripts, --json, --junit) are relative to the current directory.
#
# Examples:
#   scripts/run.sh --profile gic-600 --smp 4
#   scripts/run.sh --gic-version 4 --security off my-probe.poke
#   scripts/run.sh -i --profile gic-700
. "$(dirname "$0")/lib/help.bash"
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
# Install and build in the repository; run where the user stands, so that
# script and report paths are relative to it
(cd "$top" && scripts/install-deps.sh && scripts/build.sh)
export QTEST_QEMU_BINARY=$top/build/qemu-system-aarch64
exec "$top/build/gicsim-probe" "$@"
