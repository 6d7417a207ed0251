/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: the register handlers the register table (gicsim-regs-table.c.inc)
 * names.
 * Declared without QEMU types so that the table stays QEMU-independent;
 * defined in gicsim-dist.c, gicsim-redist.c and (the per-interrupt
 * registers of both frames) gicsim-irq-regs.c.
 */
#ifndef HW_INTC_GICSIM_HANDLERS_H
#define HW_INTC_GICSIM_HANDLERS_H

#include <stdint.h>

struct GicsimCtx;

/* Read the whole register (all of its size bytes). */
typedef uint64_t GicsimReadFn(struct GicsimCtx *c);
/*
 * Write the bytes of @value selected by @mask (a byte-granular mask in
 * the register's own bit positions); other bytes were not written.
 */
typedef void GicsimWriteFn(struct GicsimCtx *c, uint64_t value,
                           uint64_t mask);

GicsimReadFn gicsim_gicd_bitmap_read;
GicsimReadFn gicsim_gicd_ctlr_read;
GicsimReadFn gicsim_gicd_icfgr_read;
GicsimReadFn gicsim_gicd_iidr_read;
GicsimReadFn gicsim_gicd_ipriorityr_read;
GicsimReadFn gicsim_gicd_irouter_read;
GicsimReadFn gicsim_gicd_nsacr_read;
GicsimReadFn gicsim_gicd_typer_read;
GicsimReadFn gicsim_gicr_baser_read;
GicsimReadFn gicsim_gicr_ctlr_read;
GicsimReadFn gicsim_gicr_bitmap_read;
GicsimReadFn gicsim_gicr_icfgr_read;
GicsimReadFn gicsim_gicr_iidr_read;
GicsimReadFn gicsim_gicr_ipriorityr_read;
GicsimReadFn gicsim_gicr_nsacr_read;
GicsimReadFn gicsim_gicr_pwrr_read;
GicsimReadFn gicsim_gicr_syncr_read;
GicsimReadFn gicsim_gicr_typer_read;
GicsimReadFn gicsim_gicr_vpendbaser_read;
GicsimReadFn gicsim_gicr_vpropbaser_read;
GicsimReadFn gicsim_gicr_waker_read;
GicsimReadFn gicsim_read_id;
GicsimReadFn gicsim_read_zero;

GicsimWriteFn gicsim_gicd_bitmap_write;
GicsimWriteFn gicsim_gicd_ctlr_write;
GicsimWriteFn gicsim_gicd_icfgr_write;
GicsimWriteFn gicsim_gicd_ipriorityr_write;
GicsimWriteFn gicsim_gicd_irouter_write;
GicsimWriteFn gicsim_gicd_nsacr_write;
GicsimWriteFn gicsim_gicd_spi_by_number_write;
GicsimWriteFn gicsim_gicr_baser_write;
GicsimWriteFn gicsim_gicr_ctlr_write;
GicsimWriteFn gicsim_gicr_bitmap_write;
GicsimWriteFn gicsim_gicr_icfgr_write;
GicsimWriteFn gicsim_gicr_invallr_write;
GicsimWriteFn gicsim_gicr_invlpir_write;
GicsimWriteFn gicsim_gicr_ipriorityr_write;
GicsimWriteFn gicsim_gicr_nsacr_write;
GicsimWriteFn gicsim_gicr_pwrr_write;
GicsimWriteFn gicsim_gicr_lpir_write;
GicsimWriteFn gicsim_gicr_vpendbaser_write;
GicsimWriteFn gicsim_gicr_vpropbaser_write;
GicsimWriteFn gicsim_gicr_waker_write;
GicsimWriteFn gicsim_write_ignore;

#endif
