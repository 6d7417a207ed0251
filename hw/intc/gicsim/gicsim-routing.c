/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: SPI routing.  Which redistributor each SPI goes to, from
 * GICD_IROUTER<n> and, for 1-of-N SPIs, from which redistributors take
 * part in 1-of-N distribution (GICR_WAKER, GIC-600/700 GICR_PWRR,
 * GICR_CTLR.DPG*).  Below both register files: the distributor's and the
 * redistributor's handlers, and the completion of time-dependent writes,
 * call it; it calls only QEMU's GICv3 code.
 */
#include "qemu/osdep.h"
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
    uint64_t r = s->gicd_irouter[irq];
    GICv3CPUState *target = NULL;
    uint32_t aff;
    int i;

    if (FIELD_EX64(r, GICSIM_GICD_IROUTER, Interrupt_Routing_Mode) &&
        !gicsim_of(s)->profile->no1n) {
        int grp = gicv3_irq_group(s, NULL, irq);

        for (i = 0; i < s->num_cpu; i++) {
            if (gicsim_redist_participates(&s->cpu[i], grp)) {
                target = &s->cpu[i];
                break;
            }
        }
    } else {
        aff = FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff0) |
              FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff1) << 8 |
              FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff2) << 16 |
              FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff3) << 24;
        for (i = 0; i < s->num_cpu; i++) {
            if (gicv3_redist_affid(&s->cpu[i]) == aff) {
                target = &s->cpu[i];
                break;
            }
        }
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

static void update_held(GICv3State *s)
{
    GICv3SimState *sim = gicsim_of(s);
    int i;

    for (i = 0; i < s->num_cpu; i++) {
        s->cpu[i].held = redist_holds(sim, &s->cpu[i]);
    }
}

void gicsim_update_1ofn_routing(GICv3State *s)
{
    int irq;

    update_held(s);

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

    update_held(s);

    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        gicsim_update_routing(s, irq);
    }
}
