/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: cost accounting of the GIC's events other than a
 * distributor or redistributor access (docs/cost.rst): an SGI written
 * to ICC_SGI*R_EL1, an ITS register access and each command the ITS
 * runs, an interrupt delivered to a running vCPU or to one halted in
 * WFI, and the acknowledges, EOIs and deactivates the CPU interface
 * completes itself.  QEMU's CPU interface and ITS count them inline in
 * GICv3State::cost_counts (patches 0016-0019), always, whether or not
 * cost-accounting is on (an increment per event: what accounting costs
 * does not depend on whether it is on); the device reads them only with
 * cost-accounting on, from when it was realized or its statistics were
 * last reset.  With charge-time=on GICv3State::cost_hook also charges
 * each event's modelled time, on cost-path
 * (gicsim_cost_event_step_count()).
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qobject/qdict.h"
#include "qobject/qnum.h"
#include "system/cpu-timers.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"

/* QEMU's events as the model's; -1: not costed */
static const int from_qemu[GICV3_COST__COUNT] = {
    [GICV3_COST_SGI] = GICSIM_EV_SGI,
    [GICV3_COST_ITS_ACCESS] = GICSIM_EV_ITS_ACCESS,
    /* a device's MSI reaches the host's ITS without the guest (irqfd) */
    [GICV3_COST_ITS_ACCESS_NO_CPU] = -1,
    [GICV3_COST_ITS_COMMAND] = GICSIM_EV_ITS_COMMAND,
    [GICV3_COST_DELIVER_RUNNING] = GICSIM_EV_DELIVER_RUNNING,
    [GICV3_COST_DELIVER_WFI] = GICSIM_EV_DELIVER_WFI,
    [GICV3_COST_CPUIF] = GICSIM_EV_CPUIF,
};

/* charge-time=on: the event takes its modelled time in guest time */
static void charge_hook(GICv3State *s, GICv3CostEvent qev, int cpu)
{
    GICv3SimState *sim = container_of(s, GICv3SimState, parent_obj);
    int ev = from_qemu[qev];

    if (ev >= 0) {
        icount_add_ns(sim->cost->event_ns[ev]);
    }
}

void gicsim_cost_events_attach(GICv3SimState *sim)
{
    GicsimCostAccount *a = sim->cost;
    const GicsimCostModel *m = &a->direct.model;
    unsigned ev;

    for (ev = 0; ev < GICSIM_EV__COUNT; ev++) {
        a->event_ns[ev] = llround(gicsim_cost_ns(m, m->event[ev]));
    }
    gicsim_cost_events_reset(sim);
    sim->parent_obj.cost_hook = a->charge ? charge_hook : NULL;
}

void gicsim_cost_events_detach(GICv3SimState *sim)
{
    sim->parent_obj.cost_hook = NULL;
}

void gicsim_cost_events_stats(GICv3SimState *sim, QDict *top)
{
    GicsimCostAccount *a = sim->cost;
    const uint64_t *qevents = sim->parent_obj.cost_counts;
    const GicsimCostModel *m = &a->direct.model;
    uint64_t count[GICSIM_EV__COUNT] = { 0 };
    QDict *evs = qdict_new();
    unsigned q, ev;

    for (q = 0; q < GICV3_COST__COUNT; q++) {
        if (from_qemu[q] >= 0) {
            count[from_qemu[q]] += qevents[q];
        }
    }
    for (ev = 0; ev < GICSIM_EV__COUNT; ev++) {
        QDict *d = qdict_new();
        uint64_t cycles = count[ev] * m->event[ev];

        qdict_put_int(d, "count", count[ev]);
        qdict_put_int(d, "cycles-per-event", m->event[ev]);
        qdict_put_int(d, "cycles", cycles);
        qdict_put(d, "ns", qnum_from_double(gicsim_cost_ns(m, cycles)));
        qdict_put(evs, gicsim_cost_event_name(ev), d);
    }
    qdict_put_int(evs, "its-access-no-cpu",
                  qevents[GICV3_COST_ITS_ACCESS_NO_CPU]);
    qdict_put(top, "events", evs);
}

void gicsim_cost_events_reset(GICv3SimState *sim)
{
    memset(sim->parent_obj.cost_counts, 0,
           sizeof(sim->parent_obj.cost_counts));
}
