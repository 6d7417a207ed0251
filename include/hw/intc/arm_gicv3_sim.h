/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: a GICv3/v4 distributor and redistributor register model
 * of its own, on top of QEMU's GICv3 CPU interface, ITS and state.
 */
#ifndef HW_INTC_ARM_GICV3_SIM_H
#define HW_INTC_ARM_GICV3_SIM_H

#include "hw/intc/arm_gicv3.h"
#include "qemu/timer.h"
#include "hw/intc/gicsim_timing.h"
#include "hw/intc/gicsim_affinity.h"
#include "hw/resettable.h"
#include "hw/arm/linux-boot-if.h"
#include "qom/object.h"

#define TYPE_ARM_GICV3_SIM "arm-gicv3-sim"
OBJECT_DECLARE_TYPE(GICv3SimState, GICv3SimClass, ARM_GICV3_SIM)

typedef struct GicsimProfile GicsimProfile;
typedef struct GicsimRoute GicsimRoute;
typedef struct GicsimCostAccount GicsimCostAccount;

/* Room for every kind of write in flight (GicsimEffect, gicsim-effects.c) */
#define GICSIM_FX_SLOTS GICSIM_TIMING_KINDS

/* A redistributor's writes in flight (gicsim-effects.c) */
typedef struct GicsimRedistFx {
    GicsimAgenda agenda;        /* what is in flight, until when */
    uint32_t gicr_ctlr;         /* requested GICR_CTLR */
    uint32_t disable;           /* GICR_ICENABLER0: enables to clear */
    uint32_t lpi_op;            /* GicsimLpiOp in flight */
    uint32_t lpi_intid;
} GicsimRedistFx;

struct GICv3SimState {
    /*< private >*/
    GICv3State parent_obj;
    /*< public >*/

    /* Properties */
    char *profile_name;
    char *strict_name;          /* off, on or pedantic (docs/device.rst) */
    /* Modelled durations in ns; UINT32_MAX: the profile's (gicsim-effects.c) */
    uint32_t rwp_ns;
    uint32_t waker_ns;
    uint32_t pwrr_ns;
    uint32_t syncr_ns;

    /* Derived from strict_name at realize */
    bool strict;                /* undefined accesses are bus errors */
    bool pedantic;              /* so are RO writes and WO reads */

    /* Derived at realize */
    const GicsimProfile *profile;
    GicsimRoute *routes;        /* per register: this configuration's */
    /* The same with no access direct: while anything is in flight */
    GicsimRoute *checked_routes;
    /*
     * The routes the direct path looks up: @routes while nothing is in
     * flight, @checked_routes while something is, so that every access
     * then takes the checked path, which completes what is due first.
     * gicsim-clock.c switches them whenever timing.next changes.
     */
    const GicsimRoute *mmio_routes;
    unsigned redist_shift;      /* log2 of one redistributor's size */
    uint32_t redist_mask;       /* one redistributor's size - 1 */
    uint32_t gicd_typer;        /* GICD_TYPER but SecurityExtn */

    /*
     * SPI routing (gicsim-routing.c): which CPU has each affinity, and
     * the CPU 1-of-N SPIs of each group go to (NULL: none takes part),
     * kept when participation changes.
     */
    GicsimAffinityIndex affinity;
    GICv3CPUState *one_of_n_target[3];

    /*
     * Guest-visible state QEMU's GICv3State does not hold, one entry per
     * redistributor (migrated in our own vmstate section).
     */
    uint32_t num_pwrr;
    uint32_t *gicr_pwrr;        /* GIC-600/GIC-700 GICR_PWRR */

    /*
     * Writes whose effect has not completed yet (gicsim-effects.c): what
     * the write requested, per distributor and per redistributor.
     */
    GicsimAgenda fx;            /* the distributor's, by GicsimEffect */
    uint32_t fx_gicd_ctlr;      /* requested GICD_CTLR */
    uint32_t fx_gicd_disable[GICV3_MAXIRQ / 32];    /* enables to clear */
    GicsimRedistFx *rfx;        /* one per redistributor */
    /* When they complete (gicsim-clock.c) */
    GicsimTiming timing;
    /*
     * timing.next != GICSIM_TIMING_NONE: something is in flight.  Kept by
     * gicsim-clock.c with mmio_routes, so that the input lines and the
     * checked path test one byte (gicsim_clock_busy())
     */
    bool clock_busy;
    GicsimAgenda **fx_agendas;  /* &fx, then each &rfx[n].agenda */
    QEMUTimer *fx_timer;        /* at timing.next */
    GicsimCompleteFn *fx_complete;  /* gicsim-effects.c's completion */
    uint32_t fx_ns[GICSIM_FX_SLOTS];    /* duration of each kind, ns */
    uint64_t did_not_wait;      /* accesses that did not wait (QMP) */

    /* What "info pic" shows (gicsim-info.c): CPUs and INTIDs, inclusive */
    uint32_t info_cpu_lo, info_cpu_hi;
    uint32_t info_irq_lo, info_irq_hi;

    /* QEMU starts a kernel directly: do what firmware would have done */
    bool direct_boot;

    /* Cost accounting and its properties (gicsim-cost-account.c) */
    GicsimCostAccount *cost;
    /*
     * Where the direct path counts (GicsimRoute.count): 0 for the
     * device's own table, else the distance from it to the table the
     * realm shims' hook selects (gicsim_cost_select()).
     */
    ptrdiff_t cost_table_offset;
};

struct GICv3SimClass {
    /*< private >*/
    ARMGICv3Class parent_class;
    /*< public >*/

    ResettablePhases parent_phases;
    void (*parent_post_load)(GICv3State *s);
    void (*parent_linux_init)(ARMLinuxBootIf *obj, bool secure_boot);
};

#endif
