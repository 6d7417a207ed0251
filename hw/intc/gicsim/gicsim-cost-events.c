/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: cost accounting of the GIC's events other than a
 * distributor or redistributor access (docs/cost.rst): an SGI written
 * to ICC_SGI*R_EL1, an ITS register access and each command the ITS
 * runs, an interrupt delivered to a running vCPU or to one halted in
 * WFI, and the acknowledges, EOIs and deactivates the CPU interface
 * completes itself.  QEMU's CPU interface and ITS report them through
 * GICv3State::cost_hook (patches 0016-0019), which is set only while
 * cost-accounting is on: off, each event costs QEMU a load and a branch.
 * Each event is costed on cost-path (gicsim_cost_event_step_count()).
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qobject/qdict.h"
#include "qobject/qnum.h"
#include "system/cpu-timers.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"

static const GicsimCostEvent from_qemu[] = {
    [GICV3_COST_SGI] = GICSIM_EV_SGI,
    [GICV3_COST_ITS_ACCESS] = GICSIM_EV_ITS_ACCESS,
    [GICV3_COST_ITS_COMMAND] = GICSIM_EV_ITS_COMMAND,
    [GICV3_COST_DELIVER_RUNNING] = GICSIM_EV_DELIVER_RUNNING,
    [GICV3_COST_DELIVER_WFI] = GICSIM_EV_DELIVER_WFI,
    [GICV3_COST_CPUIF] = GICSIM_EV_CPUIF,
};

static void cost_hook(GICv3State *s, GICv3CostEvent qev, int cpu)
{
    GicsimCostAccount *a = ARM_GICV3_SIM(s)->cost;
    GicsimCostEvent ev = from_qemu[qev];

    /*
     * Only a CPU's access to the ITS traps; a device's MSI reaches the
     * host's ITS without the guest (KVM's irqfd).
     */
    if (ev == GICSIM_EV_ITS_ACCESS && cpu < 0) {
        a->events_uncosted++;
        return;
    }
    a->events[ev]++;
    if (a->charge) {
        icount_add_ns(a->event_ns[ev]);
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
    sim->parent_obj.cost_hook = cost_hook;
}

void gicsim_cost_events_detach(GICv3SimState *sim)
{
    sim->parent_obj.cost_hook = NULL;
}

void gicsim_cost_events_stats(GICv3SimState *sim, QDict *top)
{
    GicsimCostAccount *a = sim->cost;
    const GicsimCostModel *m = &a->direct.model;
    QDict *evs = qdict_new();
    unsigned ev;

    for (ev = 0; ev < GICSIM_EV__COUNT; ev++) {
        QDict *d = qdict_new();
        uint64_t cycles = a->events[ev] * m->event[ev];

        qdict_put_int(d, "count", a->events[ev]);
        qdict_put_int(d, "cycles-per-event", m->event[ev]);
        qdict_put_int(d, "cycles", cycles);
        qdict_put(d, "ns", qnum_from_double(gicsim_cost_ns(m, cycles)));
        qdict_put(evs, gicsim_cost_event_name(ev), d);
    }
    qdict_put_int(evs, "its-access-no-cpu", a->events_uncosted);
    qdict_put(top, "events", evs);
}

void gicsim_cost_events_reset(GicsimCostAccount *a)
{
    memset(a->events, 0, sizeof(a->events));
    a->events_uncosted = 0;
}
