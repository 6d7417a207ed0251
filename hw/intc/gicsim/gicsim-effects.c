/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: register writes whose effect completes after the write, split
 * into a request and a completion.
 *
 * The request is what the write records at once: the register reads back
 * as written (IHI 0069H: software reads the value it wrote, and polls
 * GICD_CTLR.RWP, GICR_CTLR.RWP, GICR_WAKER.ChildrenAsleep, GICR_PWRR or
 * GICR_SYNCR.Busy to learn when the effect is visible).  The completion is
 * what changes in the interrupt logic: enables, groups' enables, 1-of-N
 * participation, power, the LPI caches.
 *
 * Which writes are tracked:
 *   GICD_CTLR.RWP   GICD_ICENABLER<n> clearing an enable; GICD_CTLR
 *                   changes of EnableGrp*, ARE_*, DS (IHI 0069H GICD_CTLR,
 *                   RWP field description)
 *   GICR_CTLR.RWP   GICR_ICENABLER0 clearing an enable, GICR_CTLR.DPG*
 *                   changes, EnableLPIs 1 to 0 (GICR_CTLR, RWP)
 *   GICR_WAKER      ChildrenAsleep follows ProcessorSleep
 *   GICR_PWRR       RDGPO follows RDGPD (GIC-600 TRM, GICR_PWRR)
 *   GICR_SYNCR      GICR_INVLPIR, GICR_INVALLR, GICR_CLRLPIR
 *
 * Completion runs inline, from the request, today.
 */
#include "qemu/osdep.h"
#include "gicsim-internal.h"

static void complete(GICv3SimState *sim, GicsimEffect kind, unsigned cpu);

/* An effect was requested; it completes now. */
static void start(GICv3SimState *sim, GicsimEffect kind, unsigned cpu)
{
    if (kind >= GICSIM_FX_GICR_CTLR) {
        sim->rfx[cpu].pending |= 1u << kind;
    } else {
        sim->fx_pending |= 1u << kind;
    }
    complete(sim, kind, cpu);
}

bool gicsim_effect_pending(GICv3SimState *sim, GicsimEffect kind,
                           unsigned cpu)
{
    if (kind >= GICSIM_FX_GICR_CTLR) {
        return sim->rfx[cpu].pending & (1u << kind);
    }
    return sim->fx_pending & (1u << kind);
}

/* ---- Distributor ---- */

void gicsim_gicd_ctlr_request(GICv3SimState *sim, uint32_t value)
{
    sim->fx_gicd_ctlr = value;
    start(sim, GICSIM_FX_GICD_CTLR, 0);
}

uint32_t gicsim_gicd_ctlr_view(GICv3SimState *sim)
{
    return gicsim_effect_pending(sim, GICSIM_FX_GICD_CTLR, 0) ?
           sim->fx_gicd_ctlr : sim->parent_obj.gicd_ctlr;
}

static void gicd_ctlr_complete(GICv3SimState *sim)
{
    GICv3State *s = &sim->parent_obj;
    uint32_t old = s->gicd_ctlr;

    s->gicd_ctlr = sim->fx_gicd_ctlr;
    if ((old ^ s->gicd_ctlr) & GICD_CTLR_DS) {
        /* Interrupt groups, and so 1-of-N participation, depend on DS */
        gicsim_update_all_routing(s);
    }
    if (old != s->gicd_ctlr) {
        gicv3_full_update(s);
    }
}

void gicsim_gicd_disable_request(GICv3SimState *sim, int irq, uint32_t bits)
{
    sim->fx_gicd_disable[irq / 32] |= bits;
    start(sim, GICSIM_FX_GICD_DISABLE, 0);
}

static void gicd_disable_complete(GICv3SimState *sim)
{
    GICv3State *s = &sim->parent_obj;
    int w;

    for (w = 0; w < ARRAY_SIZE(sim->fx_gicd_disable); w++) {
        if (sim->fx_gicd_disable[w]) {
            *gic_bmp_ptr32(s->enabled, w * 32) &= ~sim->fx_gicd_disable[w];
            sim->fx_gicd_disable[w] = 0;
            gicv3_update(s, w * 32, MIN(32, (int)s->num_irq - w * 32));
        }
    }
}

/* ---- Redistributors ---- */

/* The GICR_CTLR bits whose change GICR_CTLR.RWP tracks */
#define GICR_CTLR_TRACKED (GICR_CTLR_ENABLE_LPIS | GICR_CTLR_DPG0 | \
                           GICR_CTLR_DPG1NS | GICR_CTLR_DPG1S)

void gicsim_gicr_ctlr_request(GICv3SimState *sim, unsigned cpu,
                              uint32_t value)
{
    sim->rfx[cpu].gicr_ctlr = value;
    start(sim, GICSIM_FX_GICR_CTLR, cpu);
}

uint32_t gicsim_gicr_ctlr_view(GICv3SimState *sim, unsigned cpu)
{
    return gicsim_effect_pending(sim, GICSIM_FX_GICR_CTLR, cpu) ?
           sim->rfx[cpu].gicr_ctlr : sim->parent_obj.cpu[cpu].gicr_ctlr;
}

static void gicr_ctlr_complete(GICv3SimState *sim, unsigned cpu)
{
    GICv3CPUState *cs = &sim->parent_obj.cpu[cpu];
    uint32_t old = cs->gicr_ctlr;
    uint32_t changed;

    cs->gicr_ctlr = (old & ~GICR_CTLR_TRACKED) |
                    (sim->rfx[cpu].gicr_ctlr & GICR_CTLR_TRACKED);
    changed = old ^ cs->gicr_ctlr;
    if (changed & (GICR_CTLR_DPG0 | GICR_CTLR_DPG1NS | GICR_CTLR_DPG1S)) {
        gicsim_update_1ofn_routing(&sim->parent_obj);
        gicv3_full_update(&sim->parent_obj);
    }
    if (changed & GICR_CTLR_ENABLE_LPIS) {
        if (cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS) {
            /* Scan the pending table for LPIs pending already */
            gicv3_redist_update_lpi(cs);
        } else {
            gicv3_redist_update(cs);
        }
    }
}

void gicsim_gicr_disable_request(GICv3SimState *sim, unsigned cpu,
                                 uint32_t bits)
{
    sim->rfx[cpu].disable |= bits;
    start(sim, GICSIM_FX_GICR_DISABLE, cpu);
}

static void gicr_disable_complete(GICv3SimState *sim, unsigned cpu)
{
    GICv3CPUState *cs = &sim->parent_obj.cpu[cpu];

    cs->gicr_ienabler0 &= ~sim->rfx[cpu].disable;
    sim->rfx[cpu].disable = 0;
    gicv3_redist_update(cs);
}

/* GICR_WAKER: ProcessorSleep reads back at once; ChildrenAsleep follows */
void gicsim_waker_request(GICv3SimState *sim, unsigned cpu, bool sleep)
{
    GICv3CPUState *cs = &sim->parent_obj.cpu[cpu];

    cs->gicr_waker = deposit32(cs->gicr_waker,
                               R_GICSIM_GICR_WAKER_ProcessorSleep_SHIFT, 1,
                               sleep);
    start(sim, GICSIM_FX_WAKER, cpu);
}

static void waker_complete(GICv3SimState *sim, unsigned cpu)
{
    GICv3CPUState *cs = &sim->parent_obj.cpu[cpu];
    uint32_t old = cs->gicr_waker;
    bool sleep = cs->gicr_waker & GICR_WAKER_ProcessorSleep;

    cs->gicr_waker = deposit32(cs->gicr_waker,
                               R_GICSIM_GICR_WAKER_ChildrenAsleep_SHIFT, 1,
                               sleep);
    if (old != cs->gicr_waker) {
        gicsim_update_1ofn_routing(&sim->parent_obj);
        gicv3_full_update(&sim->parent_obj);
    }
}

/*
 * GICR_PWRR: RDPD and RDGPD (where the group is heading) change at the
 * request; RDGPO (the state it is in) at completion.  Each redistributor
 * is its own power group here.
 */
void gicsim_pwrr_request(GICv3SimState *sim, unsigned cpu, bool down)
{
    uint32_t *pwrr = &sim->gicr_pwrr[cpu];

    *pwrr = deposit32(*pwrr, R_GICSIM_GICR_PWRR_RDPD_SHIFT, 1, down);
    *pwrr = deposit32(*pwrr, R_GICSIM_GICR_PWRR_RDGPD_SHIFT, 1, down);
    start(sim, GICSIM_FX_PWRR, cpu);
}

static void pwrr_complete(GICv3SimState *sim, unsigned cpu)
{
    uint32_t *pwrr = &sim->gicr_pwrr[cpu];

    *pwrr = FIELD_DP32(*pwrr, GICSIM_GICR_PWRR, RDGPO,
                       FIELD_EX32(*pwrr, GICSIM_GICR_PWRR, RDGPD));
    gicsim_update_1ofn_routing(&sim->parent_obj);
    gicv3_full_update(&sim->parent_obj);
}

void gicsim_lpi_sync_request(GICv3SimState *sim, unsigned cpu,
                             GicsimLpiOp op, uint32_t intid)
{
    sim->rfx[cpu].lpi_op = op;
    sim->rfx[cpu].lpi_intid = intid;
    start(sim, GICSIM_FX_LPI_SYNC, cpu);
}

static void lpi_sync_complete(GICv3SimState *sim, unsigned cpu)
{
    GICv3CPUState *cs = &sim->parent_obj.cpu[cpu];

    switch (sim->rfx[cpu].lpi_op) {
    case GICSIM_LPI_INV:
        gicv3_redist_inv_lpi(cs, sim->rfx[cpu].lpi_intid);
        break;
    case GICSIM_LPI_INVALL:
        gicv3_redist_update_lpi(cs);
        break;
    case GICSIM_LPI_CLEAR:
        gicv3_redist_lpi_pending(cs, sim->rfx[cpu].lpi_intid, 0);
        break;
    }
}

static void complete(GICv3SimState *sim, GicsimEffect kind, unsigned cpu)
{
    if (kind >= GICSIM_FX_GICR_CTLR) {
        sim->rfx[cpu].pending &= ~(1u << kind);
    } else {
        sim->fx_pending &= ~(1u << kind);
    }
    switch (kind) {
    case GICSIM_FX_GICD_CTLR:
        gicd_ctlr_complete(sim);
        break;
    case GICSIM_FX_GICD_DISABLE:
        gicd_disable_complete(sim);
        break;
    case GICSIM_FX_GICR_CTLR:
        gicr_ctlr_complete(sim, cpu);
        break;
    case GICSIM_FX_GICR_DISABLE:
        gicr_disable_complete(sim, cpu);
        break;
    case GICSIM_FX_WAKER:
        waker_complete(sim, cpu);
        break;
    case GICSIM_FX_PWRR:
        pwrr_complete(sim, cpu);
        break;
    case GICSIM_FX_LPI_SYNC:
        lpi_sync_complete(sim, cpu);
        break;
    case GICSIM_FX__COUNT:
        break;
    }
}

void gicsim_effects_flush(GICv3SimState *sim)
{
    unsigned cpu, kind;

    for (kind = 0; kind < GICSIM_FX__COUNT; kind++) {
        if (kind < GICSIM_FX_GICR_CTLR) {
            if (gicsim_effect_pending(sim, kind, 0)) {
                complete(sim, kind, 0);
            }
            continue;
        }
        for (cpu = 0; cpu < sim->parent_obj.num_cpu; cpu++) {
            if (gicsim_effect_pending(sim, kind, cpu)) {
                complete(sim, kind, cpu);
            }
        }
    }
}
