/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: SPI routing.  Which redistributor each SPI goes to, from
 * GICD_IROUTER<n> and, for 1-of-N SPIs, from which redistributors take
 * part in 1-of-N distribution (GICR_WAKER, GIC-600/700 GICR_PWRR,
 * GICR_CTLR.DPG*).  Below both register files: the distributor's and the
 * redistributor's handlers, and the completion of time-dependent writes,
 * call it; it calls only QEMU's GICv3 code and the affinity index.
 *
 * Routing one SPI costs the same whatever the number of CPUs: the target
 * of a GICD_IROUTER affinity is looked up in an index
 * (include/hw/intc/gicsim_affinity.h), and that of a 1-of-N SPI is the
 * one kept per group, found again only when participation changes (a
 * GICR_WAKER, GICR_PWRR or GICR_CTLR.DPG* write completing, reset,
 * migration).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "gicsim-internal.h"

/*
 * Does @cs take part in 1-of-N distribution of interrupts of group @grp?
 * IHI 0069H, GICR_WAKER: a PE whose redistributor is asleep
 * (ChildrenAsleep == 1, after ProcessorSleep was set) does not take part;
 * GICR_CTLR.DPG0/DPG1NS/DPG1S exclude it per group where GICR_TYPER.DPGS
 * says they are implemented.  A powered-down GIC-600/700 redistributor
 * (GICR_PWRR.RDGPO == 1) does not either.
 */
bool gicsim_redist_participates(GICv3CPUState *cs, int grp)
{
    GICv3SimState *sim = gicsim_of(cs->gic);
    uint32_t dpg;

    if (cs->gicr_waker & GICR_WAKER_ChildrenAsleep) {
        return false;
    }
    if (!gicsim_redist_powered(sim, cs - cs->gic->cpu)) {
        return false;
    }
    if (!sim->profile->dpgs) {
        return true;
    }
    dpg = grp == GICV3_G0 ? GICR_CTLR_DPG0 :
          grp == GICV3_G1 ? GICR_CTLR_DPG1S : GICR_CTLR_DPG1NS;
    return !(cs->gicr_ctlr & dpg);
}

/*
 * Pick the redistributor an SPI goes to.  IRM == 0: the PE whose affinity
 * matches.  IRM == 1 (1-of-N, GICD_IROUTER and the participating-PE
 * rules): one PE whose redistributor participates in the interrupt's
 * group; we choose the lowest-numbered one, deterministically.  None
 * participating: the interrupt stays pending and goes nowhere.
 */
void gicsim_update_routing(GICv3State *s, int irq)
{
    GICv3SimState *sim = gicsim_of(s);
    uint64_t r = s->gicd_irouter[irq];
    GICv3CPUState *target = NULL;
    uint32_t aff;
    int cpu;

    if (FIELD_EX64(r, GICSIM_GICD_IROUTER, Interrupt_Routing_Mode) &&
        !sim->profile->no1n) {
        target = sim->one_of_n_target[gicv3_irq_group(s, NULL, irq)];
    } else {
        /* Aff3 (bits [39:32]) above Aff2.Aff1.Aff0 (bits [23:0]) */
        QEMU_BUILD_BUG_ON(R_GICSIM_GICD_IROUTER_Aff0_SHIFT != 0 ||
                          R_GICSIM_GICD_IROUTER_Aff2_SHIFT != 16 ||
                          R_GICSIM_GICD_IROUTER_Aff3_SHIFT != 32);
        aff = (r & 0xffffff) | (r >> 8 & 0xff000000);
        cpu = gicsim_affinity_find(&sim->affinity, aff);
        target = cpu >= 0 ? &s->cpu[cpu] : NULL;
    }
    s->gicd_irouter_target[irq] = target;
}

/* After a change of which PEs participate: the 1-of-N SPIs only */
/*
 * Does @cs's redistributor hold its interrupts instead of forwarding
 * them to the CPU interface?  IHI 0069H, GICR_WAKER.ProcessorSleep: while
 * the PE is in or entering a low-power state, interrupts that arrive are
 * "held in the pending state at the Redistributor, and are not
 * communicated to the CPU interface", and what is pending on the CPU
 * interface is released.  Here that holds from when the interface is
 * quiescent (ChildrenAsleep reads 1) until it is active again (0), on the
 * profiles of Arm's parts; and while a GIC-600/700 redistributor is not
 * powered up (GICR_PWRR.RDGPO 1: it "can be accessed" only at 0).  The
 * caller runs a full update.
 */
static bool redist_holds(GICv3SimState *sim, GICv3CPUState *cs)
{
    return (sim->profile->sleep_holds &&
            (cs->gicr_waker & GICR_WAKER_ChildrenAsleep)) ||
           !gicsim_redist_powered(sim, cs - cs->gic->cpu);
}

/* After a change of which PEs participate, or hold */
static void update_participation(GICv3State *s)
{
    GICv3SimState *sim = gicsim_of(s);
    int i, grp;

    for (i = 0; i < s->num_cpu; i++) {
        s->cpu[i].held = redist_holds(sim, &s->cpu[i]);
    }
    for (grp = 0; grp < ARRAY_SIZE(sim->one_of_n_target); grp++) {
        sim->one_of_n_target[grp] = NULL;
        for (i = 0; i < s->num_cpu; i++) {
            if (gicsim_redist_participates(&s->cpu[i], grp)) {
                sim->one_of_n_target[grp] = &s->cpu[i];
                break;
            }
        }
    }
}

void gicsim_update_1ofn_routing(GICv3State *s)
{
    int irq;

    update_participation(s);

    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        if (s->gicd_irouter[irq] &
            R_GICSIM_GICD_IROUTER_Interrupt_Routing_Mode_MASK) {
            gicsim_update_routing(s, irq);
        }
    }
}

void gicsim_update_all_routing(GICv3State *s)
{
    int irq;

    update_participation(s);

    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        gicsim_update_routing(s, irq);
    }
}

bool gicsim_routing_init(GICv3SimState *sim, Error **errp)
{
    GICv3State *s = &sim->parent_obj;
    g_autofree uint32_t *aff = g_new(uint32_t, s->num_cpu);
    int i;

    QEMU_BUILD_BUG_ON(GICV3_G0 != 0 || GICV3_G1 != 1 || GICV3_G1NS != 2);
    for (i = 0; i < s->num_cpu; i++) {
        aff[i] = gicv3_redist_affid(&s->cpu[i]);
    }
    if (!gicsim_affinity_build(&sim->affinity, aff, s->num_cpu)) {
        error_setg(errp, "arm-gicv3-sim: two of the %u CPUs have the same "
                   "affinity (GICR_TYPER.Affinity_Value): GICD_IROUTER "
                   "could not tell them apart", s->num_cpu);
        return false;
    }
    return true;
}

void gicsim_routing_finalize(GICv3SimState *sim)
{
    gicsim_affinity_free(&sim->affinity);
}
