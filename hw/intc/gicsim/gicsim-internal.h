/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: definitions shared by the device's own source files.
 */
#ifndef HW_INTC_GICSIM_INTERNAL_H
#define HW_INTC_GICSIM_INTERNAL_H

#include "exec/memattrs.h"
#include "hw/intc/arm_gicv3_sim.h"
#include "gicsim-regs.h"
#include "gicsim-profile.h"
#include "../gicv3_internal.h"

/* Everything a register handler needs to know about one access. */
typedef struct GicsimCtx {
    GICv3SimState *sim;
    GICv3State *s;
    GICv3CPUState *cs;      /* the redistributor's CPU; NULL for GICD */
    const GicsimReg *reg;
    unsigned index;         /* n of NAME<n> */
    MemTxAttrs attrs;
    /*
     * A Non-secure access while the GIC has two Security states
     * (GICD_CTLR.DS == 0): it sees only what IHI 0069H's Security model lets
     * Non-secure software see.
     */
    bool ns;
} GicsimCtx;

/* gicsim-dispatch.c */
extern const MemoryRegionOps gicsim_mmio_ops[2];
extern const MemoryRegionOps gicsim_mmio_ops_strict[2];
bool gicsim_build_decoder(GICv3SimState *sim, Error **errp);

/* gicsim-dist.c */
void gicsim_dist_set_irq(GICv3State *s, int irq, int level);
void gicsim_update_routing(GICv3State *s, int irq);
void gicsim_update_all_routing(GICv3State *s);
void gicsim_update_1ofn_routing(GICv3State *s);

/* gicsim-redist.c */
void gicsim_redist_set_irq(GICv3CPUState *cs, int irq, int level);
bool gicsim_redist_participates(GICv3CPUState *cs, int grp);
void gicsim_redist_reset(GICv3SimState *sim, bool powered);

static inline GICv3SimState *gicsim_of(GICv3State *s)
{
    return container_of(s, GICv3SimState, parent_obj);
}

/* Merge the written bytes of @value into @old. */
static inline uint64_t gicsim_merge(uint64_t old, uint64_t value,
                                    uint64_t mask)
{
    return (old & ~mask) | (value & mask);
}

/*
 * A write to a one-bit-per-interrupt register: @visible are the bits this
 * access may see and change (its Security view), @access the register's
 * type (RW, W1S or W1C).  Returns the new register value.
 */
static inline uint32_t gicsim_update_bits(uint32_t old, uint32_t value,
                                         uint32_t visible,
                                         GicsimAccess access)
{
    switch (access) {
    case GICSIM_W1S:
        return old | (value & visible);
    case GICSIM_W1C:
        return old & ~(value & visible);
    default:
        return (old & ~visible) | (value & visible);
    }
}

/* The 2-bit NSACR field of @irq in an array of NSACR words (GICD_NSACR). */
static inline unsigned gicsim_nsacr_field(const uint32_t *nsacr, int irq)
{
    return extract32(nsacr[irq / 16], (irq % 16) * 2, 2);
}

#endif
