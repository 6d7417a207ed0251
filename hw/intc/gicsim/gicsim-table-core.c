/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The register table for the QEMU-independent tools and tests: the same
 * rows as the device's (gicsim-table.c), with no handlers bound.
 */
#include "gicsim-regs.h"

#include "gicsim-regs-table.c.inc"
