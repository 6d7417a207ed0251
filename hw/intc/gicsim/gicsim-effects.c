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
 * Completion comes after the kind's modelled duration (sim->fx_ns, from
 * the profile or the rwp-ns, waker-ns, pwrr-ns, syncr-ns properties);
 * gicsim-clock.c decides when, on QEMU's virtual clock, and completes
 * whatever is due before any access is decided.  With a duration of 0
 * the effect lands at the request, as in stock QEMU.  Until then the
 * interrupt logic behaves as before the write: that is what software's
 * polling loops are for.  This file says what happens at the request and
 * at completion.
 *
 * A tracked write while a write of the same kind is still in flight
 * ("did not wait"): the architecture only says the effect of earlier
 * writes is not yet guaranteed to be visible.  We merge the new write
 * into the one in flight, restart its duration from now, log it
 * (LOG_GUEST_ERROR: register, the write in flight, how long it still had
 * to go) and count it (the did-not-wait property).  No bus error: the
 * access itself is not UNPREDICTABLE.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "gicsim-internal.h"
#include "trace.h"

static const char *const effect_names[GICSIM_FX__COUNT] = {
    [GICSIM_FX_GICD_CTLR] = "GICD_CTLR write (GICD_CTLR.RWP)",
    [GICSIM_FX_GICD_DISABLE] = "GICD_ICENABLER write (GICD_CTLR.RWP)",
    [GICSIM_FX_GICR_CTLR] = "GICR_CTLR write (GICR_CTLR.RWP)",
    [GICSIM_FX_GICR_DISABLE] = "GICR_ICENABLER0 write (GICR_CTLR.RWP)",
    [GICSIM_FX_WAKER] = "GICR_WAKER.ProcessorSleep change "
                        "(GICR_WAKER.ChildrenAsleep)",
    [GICSIM_FX_PWRR] = "GICR_PWRR power transition (GICR_PWRR.RDGPO)",
    [GICSIM_FX_LPI_SYNC] = "LPI invalidate/clear (GICR_SYNCR.Busy)",
};

const char *gicsim_effect_name(unsigned kind)
{
    return kind < GICSIM_FX__COUNT ? effect_names[kind] : "?";
}

static bool per_redist(GicsimEffect kind)
{
    return kind >= GICSIM_FX_GICR_CTLR;
}

/* The schedule's agenda of @kind: the distributor's, or @cpu's */
static unsigned agenda_of(GicsimEffect kind, unsigned cpu)
{
    return per_redist(kind) ? cpu + 1 : 0;
}

static void finish(GICv3SimState *sim, GicsimEffect kind, unsigned cpu);

/* The schedule's completion callback (gicsim-clock.c) */
static void complete(void *opaque, unsigned agenda, unsigned kind)
{
    GICv3SimState *sim = opaque;

    trace_gicsim_effect_complete(effect_names[kind], agenda ? agenda - 1 : 0);
    trace_gicsim_fx_complete(sim->timing.agenda[agenda]->deadline[kind], kind,
                             agenda ? agenda - 1 : 0, effect_names[kind]);
    finish(sim, kind, agenda ? agenda - 1 : 0);
}

void gicsim_effects_init(GICv3SimState *sim)
{
    gicsim_clock_init(sim, complete);
}

/* Reset: nothing is in flight */
void gicsim_effects_reset(GICv3SimState *sim)
{
    unsigned cpu;

    gicsim_clock_reset(sim);
    memset(sim->fx_gicd_disable, 0, sizeof(sim->fx_gicd_disable));
    for (cpu = 0; cpu < sim->parent_obj.num_cpu; cpu++) {
        sim->rfx[cpu].disable = 0;
    }
}

/*
 * An effect was requested: it completes after its kind's duration
 * (gicsim-clock.c decides when), or at once with a duration of 0.
 */
static void start(GICv3SimState *sim, GicsimEffect kind, unsigned cpu)
{
    uint32_t ns = sim->fx_ns[kind];
    int64_t now, was;

    if (!ns) {
        finish(sim, kind, cpu);
        return;
    }
    now = gicsim_clock_now(sim);
    if (gicsim_clock_schedule(sim, agenda_of(kind, cpu), kind, now + ns,
                              &was)) {
        sim->did_not_wait++;
        trace_gicsim_fx_did_not_wait(now, was, kind, cpu, effect_names[kind]);
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s%s%.0u: written "
                      "again while the previous one is in flight (%" PRId64
                      " ns to go); merged, and its time restarts\n",
                      effect_names[kind], per_redist(kind) ? " cpu " : "",
                      per_redist(kind) ? cpu : 0, was - now);
    }
    trace_gicsim_effect_start(effect_names[kind], cpu, ns);
    trace_gicsim_fx_start(now, now + ns, kind, cpu, effect_names[kind]);
}

/* An access that needed a write in flight to have completed */
void gicsim_did_not_wait(GICv3SimState *sim, GicsimEffect kind,
                         unsigned cpu, const char *what)
{
    unsigned agenda = agenda_of(kind, cpu);

    sim->did_not_wait++;
    if (trace_event_get_state_backends(TRACE_GICSIM_FX_DID_NOT_WAIT)) {
        trace_gicsim_fx_did_not_wait(gicsim_clock_now(sim),
                                     sim->timing.agenda[agenda]->deadline[kind],
                                     kind, cpu, what);
    }
    qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s cpu %u while its %s "
                  "is in flight (%" PRId64 " ns to go)\n", what, cpu,
                  effect_names[kind],
                  sim->timing.agenda[agenda]->deadline[kind] -
                  gicsim_clock_now(sim));
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
            gicv3_update_targets(s, w * 32, MIN(32, (int)s->num_irq - w * 32),
                                 NULL, 0);
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
            gicv3_redist_update_one(cs);
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
    gicv3_redist_update_one(cs);
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
    if (gicsim_effect_pending(sim, GICSIM_FX_LPI_SYNC, cpu)) {
        /* One operation in flight per redistributor: finish that one */
        gicsim_did_not_wait(sim, GICSIM_FX_LPI_SYNC, cpu,
                            "GICR_INVLPIR/INVALLR/CLRLPIR write to");
        gicsim_clock_cancel(sim, agenda_of(GICSIM_FX_LPI_SYNC, cpu),
                            GICSIM_FX_LPI_SYNC);
        if (trace_event_get_state_backends(TRACE_GICSIM_FX_COMPLETE)) {
            /* Completed early, now: its "deadline" for the timeline */
            trace_gicsim_fx_complete(gicsim_clock_now(sim),
                                     GICSIM_FX_LPI_SYNC, cpu,
                                     effect_names[GICSIM_FX_LPI_SYNC]);
        }
        finish(sim, GICSIM_FX_LPI_SYNC, cpu);
    }
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

/* What completion changes in the interrupt logic, per kind */
static void finish(GICv3SimState *sim, GicsimEffect kind, unsigned cpu)
{
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

/* Longest duration a property may set: one second of virtual time */
#define GICSIM_MAX_DURATION_NS 1000000000u

static bool duration(uint32_t prop, uint32_t profile_ns, const char *name,
                     uint32_t *out, Error **errp)
{
    if (prop == UINT32_MAX) {
        *out = profile_ns;
        return true;
    }
    if (prop > GICSIM_MAX_DURATION_NS) {
        error_setg(errp, "arm-gicv3-sim: %s=%u is out of range: at most "
                   "%u ns (1 s)", name, prop, GICSIM_MAX_DURATION_NS);
        return false;
    }
    *out = prop;
    return true;
}

bool gicsim_effects_configure(GICv3SimState *sim, Error **errp)
{
    const GicsimProfile *p = sim->profile;
    uint32_t rwp, waker, pwrr, syncr;

    if (!duration(sim->rwp_ns, p->rwp_ns, "rwp-ns", &rwp, errp) ||
        !duration(sim->waker_ns, p->waker_ns, "waker-ns", &waker, errp) ||
        !duration(sim->pwrr_ns, p->pwrr_ns, "pwrr-ns", &pwrr, errp) ||
        !duration(sim->syncr_ns, p->syncr_ns, "syncr-ns", &syncr, errp)) {
        return false;
    }
    sim->fx_ns[GICSIM_FX_GICD_CTLR] = rwp;
    sim->fx_ns[GICSIM_FX_GICD_DISABLE] = rwp;
    sim->fx_ns[GICSIM_FX_GICR_CTLR] = rwp;
    sim->fx_ns[GICSIM_FX_GICR_DISABLE] = rwp;
    sim->fx_ns[GICSIM_FX_WAKER] = waker;
    sim->fx_ns[GICSIM_FX_PWRR] = pwrr;
    sim->fx_ns[GICSIM_FX_LPI_SYNC] = syncr;
    return true;
}
