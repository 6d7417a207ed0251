/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The register table as the device uses it: gicsim-regs.c with every
 * register bound to its handlers (gicsim-dist.c, gicsim-redist.c).
 */
#include "qemu/osdep.h"

#define GICSIM_WITH_HANDLERS
#include "gicsim-regs.c"
