/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: reads that need no handler in a given configuration.
 *
 * Each row of the register table declares whether its handler's answer
 * can be had without it (GicsimReg.mirror, gicsim-regs.h), and when
 * (.mirror_when):
 *
 * - GICSIM_MIRROR_FIXED: a constant, the handler's answer at realize (the
 *   ID registers, the IIDRs, the RES0 registers; GICD_TYPER with one
 *   Security state, gicsim_gicd_typer_read());
 * - a word of QEMU's GICv3 state, GICSIM_MIRROR_WORDS(): the handler
 *   returns the state's bytes as they are, with one Security state
 *   (GICD_CTLR.DS reads 1 and every access sees every interrupt: IHI
 *   0069H, "Security model"), so that no Non-secure view masks or shifts
 *   the value.  A row declares a word only where its handler adds nothing
 *   that changes at run time (a level-sensitive input makes GICD_ISPENDR
 *   differ from the pending bits, for instance: no mirror).  Two words
 *   have a fixed adjustment, applied here and on the direct path: the
 *   distributor's enables less their clears in flight, and GICR_TYPER
 *   plus the profile's constant bits.
 *
 * Nothing here looks at which handler a row names: a handler that gains
 * an adjustment needs its row's declaration changed with it, and the
 * differential qtest (tests/qtest/gicsim-direct-test.c) reads every
 * element of every mirrored register on both paths after random writes.
 *
 * Which mirrors pay (docs/benchmarks.rst): each kind of word has a row of
 * scripts/bench.sh --what mmio: a distributor bitmap (gicd_isenabler1_r32),
 * the priority bytes (gicd_ipriorityr_r8), the routing words
 * (gicd_irouter40_r64), a redistributor word (gicr_waker_r32) and one with
 * constant bits (gicr_typer_r64).  The redistributor's bitmaps and
 * priorities are the same loads from the CPU's state as GICR_WAKER's.
 */
#include "qemu/osdep.h"
#include "gicsim-internal.h"

/* Where a mirrored word is, in the device's state or a CPU's */
typedef struct GicsimMirrorAt {
    bool cpu;           /* GICv3CPUState, else GICv3SimState */
    uint32_t at;        /* offset of element 0 */
    uint32_t elems;     /* elements of the state array */
    uint8_t elem;       /* bytes per element */
    uint8_t irqs;       /* INTIDs per element (0: not per interrupt) */
} GicsimMirrorAt;

/*
 * The state each word of GICSIM_MIRROR_WORDS() names, its element size
 * pinned to the one the word declares.  Element 0 of a distributor array
 * is INTID 0's.
 */
#define ELEMS(T, f) (sizeof_field(T, f) / sizeof_field(T, f[0]))
#define GICD_ARRAY(name, f, irqs_) \
    [GICSIM_MIRROR_##name] = { \
        .cpu = false, .at = offsetof(GICv3SimState, parent_obj.f), \
        .elems = ELEMS(GICv3State, f), \
        .elem = sizeof_field(GICv3State, f[0]), .irqs = (irqs_), \
    }
#define GICR_WORD(name, f) \
    [GICSIM_MIRROR_##name] = { \
        .cpu = true, .at = offsetof(GICv3CPUState, f), .elems = 1, \
        .elem = sizeof_field(GICv3CPUState, f), \
    }
#define GICR_ARRAY(name, f) \
    [GICSIM_MIRROR_##name] = { \
        .cpu = true, .at = offsetof(GICv3CPUState, f), \
        .elems = ELEMS(GICv3CPUState, f), \
        .elem = sizeof_field(GICv3CPUState, f[0]), \
    }

static const GicsimMirrorAt mirror_at[GICSIM_MIRROR__COUNT] = {
    GICD_ARRAY(GICD_GROUP, group, 32),
    GICD_ARRAY(GICD_ENABLED, enabled, 32),
    GICD_ARRAY(GICD_ACTIVE, active, 32),
    GICD_ARRAY(GICD_GRPMOD, grpmod, 32),
    GICD_ARRAY(GICD_NMI, nmi, 32),
    GICD_ARRAY(GICD_IPRIORITY, gicd_ipriority, 1),
    GICD_ARRAY(GICD_IROUTER, gicd_irouter, 1),
    GICR_WORD(GICR_GROUP, gicr_igroupr0),
    GICR_WORD(GICR_ACTIVE, gicr_iactiver0),
    GICR_WORD(GICR_GRPMOD, gicr_igrpmodr0),
    GICR_WORD(GICR_NMI, gicr_inmir0),
    GICR_ARRAY(GICR_IPRIORITY, gicr_ipriorityr),
    GICR_WORD(GICR_WAKER, gicr_waker),
    GICR_WORD(GICR_TYPER, gicr_typer),
};

/* The element sizes the words declare are those of the state */
#define SAME_ELEM(name, T, f) \
    QEMU_BUILD_BUG_ON(sizeof_field(T, f) != GICSIM_MIRROR_##name##_ELEM)
SAME_ELEM(GICD_GROUP, GICv3State, group[0]);
SAME_ELEM(GICD_ENABLED, GICv3State, enabled[0]);
SAME_ELEM(GICD_ACTIVE, GICv3State, active[0]);
SAME_ELEM(GICD_GRPMOD, GICv3State, grpmod[0]);
SAME_ELEM(GICD_NMI, GICv3State, nmi[0]);
SAME_ELEM(GICD_IPRIORITY, GICv3State, gicd_ipriority[0]);
SAME_ELEM(GICD_IROUTER, GICv3State, gicd_irouter[0]);
SAME_ELEM(GICR_GROUP, GICv3CPUState, gicr_igroupr0);
SAME_ELEM(GICR_ACTIVE, GICv3CPUState, gicr_iactiver0);
SAME_ELEM(GICR_GRPMOD, GICv3CPUState, gicr_igrpmodr0);
SAME_ELEM(GICR_NMI, GICv3CPUState, gicr_inmir0);
SAME_ELEM(GICR_IPRIORITY, GICv3CPUState, gicr_ipriorityr[0]);
SAME_ELEM(GICR_WAKER, GICv3CPUState, gicr_waker);
SAME_ELEM(GICR_TYPER, GICv3CPUState, gicr_typer);
#undef SAME_ELEM

/* The distributor's arrays hold every INTID the GIC can have */
QEMU_BUILD_BUG_ON(ELEMS(GICv3State, enabled) * 32 < GICV3_MAXIRQ ||
                  ELEMS(GICv3State, gicd_ipriority) < GICV3_MAXIRQ ||
                  ELEMS(GICv3State, gicd_irouter) < GICV3_MAXIRQ);
/*
 * The enables' clears in flight: a word for each enable word the mirror
 * reads (below num_irq / 32), at a fixed distance from it (the direct
 * path takes them off, GicsimRoute.clear)
 */
QEMU_BUILD_BUG_ON(ELEMS(GICv3SimState, fx_gicd_disable) < GICV3_MAXIRQ / 32);
/*
 * The direct path loads eight bytes from the first byte accessed and
 * keeps the @size it reads (one load, whatever the width): every mirrored
 * array, and the clears in flight, is followed by at least seven more
 * bytes of the same object, so the load never leaves it.
 */
#define FITS(T, f) \
    QEMU_BUILD_BUG_ON(offsetof(T, f) + sizeof_field(T, f) + 7 > sizeof(T))
FITS(GICv3SimState, parent_obj.group);
FITS(GICv3SimState, parent_obj.enabled);
FITS(GICv3SimState, parent_obj.active);
FITS(GICv3SimState, parent_obj.grpmod);
FITS(GICv3SimState, parent_obj.nmi);
FITS(GICv3SimState, parent_obj.gicd_ipriority);
FITS(GICv3SimState, parent_obj.gicd_irouter);
FITS(GICv3SimState, fx_gicd_disable);
FITS(GICv3CPUState, gicr_igroupr0);
FITS(GICv3CPUState, gicr_iactiver0);
FITS(GICv3CPUState, gicr_igrpmodr0);
FITS(GICv3CPUState, gicr_inmir0);
FITS(GICv3CPUState, gicr_ipriorityr);
FITS(GICv3CPUState, gicr_waker);
FITS(GICv3CPUState, gicr_typer);
#undef FITS

/* The bits GICR_TYPER's handler adds to the CPU's gicr_typer */
static uint64_t typer_adds(GICv3SimState *sim)
{
    GICv3State *s = &sim->parent_obj;
    GicsimCtx c = {
        .sim = sim, .s = s, .cs = &s->cpu[0],
        .reg = &gicsim_regs[GICSIM_GICR_TYPER],
    };

    /* The profile's bits (DPGS, DirectLPI): the same on every CPU */
    return gicsim_gicr_typer_read(&c) & ~s->cpu[0].gicr_typer;
}

/* Does the condition @r declares for its mirror hold here? */
static bool mirror_holds(GICv3SimState *sim, const GicsimReg *r)
{
    switch (r->mirror_when) {
    case GICSIM_MIRROR_ALWAYS:
        return true;
    case GICSIM_MIRROR_ONE_SECURITY_STATE:
        return !sim->parent_obj.security_extn &&
               (r->mirror == GICSIM_MIRROR_FIXED || !HOST_BIG_ENDIAN);
    }
    return false;
}

/*
 * Set @rt up to read the word @r mirrors: the elements of @r whose
 * INTIDs the configuration implements (the SPIs' for the distributor, all
 * of a redistributor's).
 */
static void mirror_word(GICv3SimState *sim, const GicsimReg *r,
                        GicsimRoute *rt)
{
    GICv3State *s = &sim->parent_obj;
    const GicsimMirrorAt *m = &mirror_at[r->mirror];
    /* Elements of the state per element of the register */
    unsigned per = r->size / m->elem;
    unsigned lo, hi;

    if (m->irqs) {
        /* INTIDs per element of the register */
        unsigned irqs = per * m->irqs;

        lo = GIC_INTERNAL / irqs;
        hi = s->num_irq / irqs;
    } else {
        lo = r->first;
        hi = r->first + r->count;
    }
    if (m->cpu != (r->frame != GICSIM_FRAME_GICD) || hi <= lo ||
        hi * per > m->elems || r->size % m->elem) {
        /* A row declaring another frame's word; a word too short */
        return;
    }
    rt->read = NULL;
    rt->value = 0;
    rt->mirror = m->at + ((int64_t)rt->index << rt->shift);
    rt->mirror_lo = (lo - rt->index) << rt->shift;
    rt->mirror_len = (hi - lo) << rt->shift;
    if (r->mirror == GICSIM_MIRROR_GICD_ENABLED) {
        rt->clear = offsetof(GICv3SimState, fx_gicd_disable) - m->at;
    } else if (r->mirror == GICSIM_MIRROR_GICR_TYPER) {
        rt->value = typer_adds(sim);
    }
}

void gicsim_route_reads(GICv3SimState *sim, const GicsimReg *r,
                        GicsimRoute *rt)
{
    GICv3State *s = &sim->parent_obj;

    if (r->mirror == GICSIM_MIRROR_NONE || !mirror_holds(sim, r)) {
        return;
    }
    if (r->mirror == GICSIM_MIRROR_FIXED) {
        GicsimCtx c = {
            .sim = sim,
            .s = s,
            /* The same on every redistributor: ask the first */
            .cs = r->frame == GICSIM_FRAME_GICD ? NULL : &s->cpu[0],
            .reg = r,
            .index = r->first,
        };

        rt->value = r->read(&c);
        rt->read = NULL;
        return;
    }
    /*
     * Only the GIC-600/700 profiles' direct path adds a mirror's constant
     * bits (gicsim-dispatch.c, GICR_TYPER); the others' has none to add
     */
    if (r->mirror == GICSIM_MIRROR_GICR_TYPER && typer_adds(sim) &&
        !sim->profile->has_pwrr) {
        return;
    }
    mirror_word(sim, r, rt);
}
