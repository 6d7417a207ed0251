/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The register table as the device uses it: gicsim-regs-table.c.inc with
 * every row bound to its handlers (gicsim-dist.c, gicsim-redist.c).
 */
#include "qemu/osdep.h"
#include "gicsim-regs.h"

#define GICSIM_WITH_HANDLERS
#include "gicsim-regs-table.c.inc"
