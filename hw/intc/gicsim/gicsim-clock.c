/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: when delayed effects complete, on QEMU's virtual clock.
 *
 * gicsim-effects.c says what a write requests and what its completion
 * changes; this file says when.  The schedule (gicsim-timing.c) holds
 * every effect in flight with its deadline.  Two things complete them:
 *
 *   - every access to the device, and every change of an input line,
 *     first completes whatever is due by the virtual clock's "now"
 *     (gicsim_clock_sync()), so what the guest sees is decided by virtual
 *     time alone, not by when the host happened to run a timer callback
 *     (under TCG a vCPU that polls the GIC can keep QEMU's timer list from
 *     running for hundreds of microseconds).  While anything is in
 *     flight the device uses routes with no direct access
 *     (clock_divert()), so that every access takes the checked
 *     path, which does that; the direct path pays nothing for it;
 *   - one QEMUTimer at the earliest deadline, for what no access reads:
 *     an interrupt output that must change at completion while the guest
 *     does not touch the GIC.
 *
 * With -icount the virtual clock counts instructions, so the same guest
 * gives the same completions on every run; under qtest it moves only
 * with clock_step.
 */
#include "qemu/osdep.h"
#include "qemu/timer.h"
#include "gicsim-internal.h"

/*
 * While anything is in flight every access takes the checked path, which
 * completes what is due before it looks at any state: the direct path
 * then looks its routes up in a table where no access is direct
 * (GICv3SimState.mmio_routes); the input lines test clock_busy.  Called
 * wherever timing.next changes.
 */
static void clock_divert(GICv3SimState *sim)
{
    sim->clock_busy = sim->timing.next != GICSIM_TIMING_NONE;
    sim->mmio_routes = sim->clock_busy ? sim->checked_routes : sim->routes;
}

/* The timer follows the earliest deadline */
static void clock_rearm(GICv3SimState *sim)
{
    clock_divert(sim);
    if (sim->timing.next == GICSIM_TIMING_NONE) {
        timer_del(sim->fx_timer);
    } else {
        timer_mod(sim->fx_timer, sim->timing.next);
    }
}

static void clock_run(GICv3SimState *sim, int64_t now)
{
    gicsim_timing_run(&sim->timing, now, sim->fx_complete, sim);
    clock_rearm(sim);
}

static void clock_timer_cb(void *opaque)
{
    GICv3SimState *sim = opaque;

    clock_run(sim, qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL));
}

int64_t gicsim_clock_now(GICv3SimState *sim)
{
    return qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);
}

void gicsim_clock_catch_up(GICv3SimState *sim)
{
    int64_t now = qemu_clock_get_ns(QEMU_CLOCK_VIRTUAL);

    if (gicsim_timing_maybe_due(&sim->timing, now)) {
        clock_run(sim, now);
    }
}

bool gicsim_clock_schedule(GICv3SimState *sim, unsigned agenda,
                           unsigned kind, int64_t deadline, int64_t *was)
{
    bool again = gicsim_timing_start(&sim->timing, agenda, kind, deadline,
                                     was);

    clock_divert(sim);
    timer_mod_anticipate(sim->fx_timer, sim->timing.next);
    return again;
}

void gicsim_clock_cancel(GICv3SimState *sim, unsigned agenda, unsigned kind)
{
    gicsim_timing_drop(&sim->timing, agenda, kind);
    clock_rearm(sim);
}

void gicsim_clock_init(GICv3SimState *sim, GicsimCompleteFn *complete)
{
    GICv3State *s = &sim->parent_obj;
    unsigned cpu;

    sim->fx_complete = complete;
    sim->fx_agendas = g_new(GicsimAgenda *, s->num_cpu + 1);
    sim->fx_agendas[0] = &sim->fx;
    for (cpu = 0; cpu < s->num_cpu; cpu++) {
        sim->fx_agendas[cpu + 1] = &sim->rfx[cpu].agenda;
    }
    gicsim_timing_init(&sim->timing, sim->fx_agendas, s->num_cpu + 1);
    clock_divert(sim);
    sim->fx_timer = timer_new_ns(QEMU_CLOCK_VIRTUAL, clock_timer_cb, sim);
}

void gicsim_clock_finalize(GICv3SimState *sim)
{
    if (sim->fx_timer) {
        timer_free(sim->fx_timer);
        sim->fx_timer = NULL;
    }
    g_free(sim->fx_agendas);
    sim->fx_agendas = NULL;
}

void gicsim_clock_reset(GICv3SimState *sim)
{
    gicsim_timing_clear(&sim->timing);
    clock_divert(sim);
    timer_del(sim->fx_timer);
}

/* After migration: the deadlines came with the stream */
void gicsim_clock_post_load(GICv3SimState *sim)
{
    gicsim_timing_rescan(&sim->timing);
    clock_rearm(sim);
}
