/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Implementation profiles: the identification values and implementation
 * choices of stock QEMU and of Arm's CoreLink GIC-500, GIC-600 and
 * GIC-700, as their Technical Reference Manuals give them.
 * QEMU-independent.
 */
#ifndef HW_INTC_GICSIM_PROFILE_H
#define HW_INTC_GICSIM_PROFILE_H

#include <stdbool.h>
#include <stdint.h>

struct GicsimProfile {
    const char *name;
    uint32_t gicd_iidr;
    uint32_t gicr_iidr;
    /* CoreSight ID bytes PIDR4-7, PIDR0-3, CIDR0-3 (offsets 0xFFD0-0xFFFC) */
    uint8_t gicd_id[12];
    uint8_t gicr_id[12];
    bool pidr2_archrev;     /* PIDR2[7:4] reports the GIC revision */
    bool mbis;              /* GICD_TYPER.MBIS: SETSPI/CLRSPI registers */
    bool no1n;              /* GICD_TYPER.No1N: 1-of-N SPIs not supported */
    bool has_pwrr;          /* GICR_PWRR power-down handshake */
    /*
     * A redistributor whose GICR_WAKER.ChildrenAsleep is 1 holds its
     * interrupts instead of forwarding them (IHI 0069, GICR_WAKER); stock
     * QEMU ignores GICR_WAKER, and so does the "qemu" profile.
     */
    bool sleep_holds;
    bool direct_lpi;        /* GICR_TYPER.DirectLPI: SETLPIR, INVLPIR... */
    bool dpgs;              /* GICR_TYPER.DPGS, GICR_CTLR.DPG* implemented */
    uint8_t idbits;         /* GICD_TYPER.IDbits (INTID bits - 1) */
    uint8_t pribits;        /* implemented priority bits */
    /*
     * How long writes take to complete, in ns (docs/timing.rst): RWP,
     * GICR_WAKER, GICR_PWRR, GICR_SYNCR.  Stated assumptions, not
     * published figures; 0: at once (stock QEMU).
     */
    uint32_t rwp_ns;
    uint32_t waker_ns;
    uint32_t pwrr_ns;
    uint32_t syncr_ns;
};
typedef struct GicsimProfile GicsimProfile;

/* NULL if @name is not a known profile. */
const GicsimProfile *gicsim_profile_find(const char *name);
/* The profiles in order ("qemu" first), and NULL past the last */
unsigned gicsim_profile_count(void);
const GicsimProfile *gicsim_profile_at(unsigned i);
/* "qemu, gic-500, gic-600, gic-700": generated from the profiles */
const char *gicsim_profile_names(void);

#endif
