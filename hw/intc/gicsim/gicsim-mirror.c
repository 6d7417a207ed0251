/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: reads that need no handler in a given configuration.
 *
 * The direct path (gicsim-dispatch.c) answers a read without calling the
 * register's handler when the configuration makes the handler's answer
 * one of two simple things:
 *
 * - a constant: the ID registers, the IIDRs, the RES0 registers, and
 *   GICD_TYPER with one Security state (gicsim_gicd_typer_read());
 * - a word of state, plus constant bits: the handler returns an element of
 *   QEMU's GICv3 state as it is.  That is so only with one Security state
 *   (GICD_CTLR.DS reads 1 and every access sees every interrupt: IHI 0069H,
 *   "Security model"), so that no Non-secure view masks or shifts the
 *   value, and only where the handler adds nothing that changes at run time
 *   (a level-sensitive input makes GICD_ISPENDR differ from the pending
 *   bits, for instance: not mirrored).
 *
 * Each mirror is checked against its handler by the differential qtest
 * (tests/qtest/arm-gicv3-sim-mirror-test.c), which reads every element of
 * every mirrored register on both paths after random writes.
 */
#include "qemu/osdep.h"
#include "gicsim-internal.h"

/*
 * Mirror the elements n in [lo, hi) of @rt onto the state array at
 * @state (bytes from the device's or the CPU's state), whose element n
 * is n << shift bytes in (GicsimRoute: o >> shift is n - index).
 */
static void mirror_at(GicsimRoute *rt, size_t state, unsigned lo,
                      unsigned hi, size_t object_size)
{
    /*
     * The direct path reads eight bytes from an element's first byte
     * accessed and keeps those the access takes: they must all lie in the
     * state object (the device's or the CPU's).
     */
    if (hi <= lo || state + ((size_t)hi << rt->shift) + 8 > object_size) {
        return;
    }
    rt->read = NULL;
    rt->value = 0;
    rt->mirror = state + ((int64_t)rt->index << rt->shift);
    rt->mirror_lo = (lo - rt->index) << rt->shift;
    rt->mirror_len = (hi - lo) << rt->shift;
}

#define mirror_at_gicd(rt, state, lo, hi) \
    mirror_at(rt, state, lo, hi, sizeof(GICv3SimState))
#define mirror_at_cpu(rt, state, lo, hi) \
    mirror_at(rt, state, lo, hi, sizeof(GICv3CPUState))

/* Offsets of QEMU's GICv3 state, from the device and from a CPU's */
#define GICD_STATE(field) offsetof(GICv3SimState, parent_obj.field)
#define GICR_STATE(field) offsetof(GICv3CPUState, field)

/*
 * Where each bitmap register's words are, by its state (0: not mirrored).
 * Pending is not a plain word (level inputs add to it); a redistributor's
 * enable clear in flight lives in the device's per-CPU effects, not at a
 * fixed distance from the CPU's state.
 */
static const size_t gicd_bitmap_at[GICSIM_ST__COUNT] = {
    [GICSIM_ST_GROUP] = GICD_STATE(group),
    [GICSIM_ST_ENABLED] = GICD_STATE(enabled),
    [GICSIM_ST_ACTIVE] = GICD_STATE(active),
    [GICSIM_ST_GRPMOD] = GICD_STATE(grpmod),
    [GICSIM_ST_NMI] = GICD_STATE(nmi),
};

static const size_t gicr_bitmap_at[GICSIM_ST__COUNT] = {
    [GICSIM_ST_GROUP] = GICR_STATE(gicr_igroupr0),
    [GICSIM_ST_ACTIVE] = GICR_STATE(gicr_iactiver0),
    [GICSIM_ST_GRPMOD] = GICR_STATE(gicr_igrpmodr0),
    [GICSIM_ST_NMI] = GICR_STATE(gicr_inmir0),
};

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

/*
 * Set @rt up to mirror the state word @r reads, if it reads one in this
 * configuration (see the top of the file).
 */
static void mirror_state(GICv3SimState *sim, const GicsimReg *r,
                         GicsimRoute *rt)
{
    GICv3State *s = &sim->parent_obj;
    GicsimReadFn *fn = r->read;

    /*
     * The direct path reads a mirror's bytes as they lie in memory, the
     * register's byte order (IHI 0069H: little-endian) only on a
     * little-endian host; elsewhere the handlers answer.
     */
    if (HOST_BIG_ENDIAN || s->security_extn || r->level_pending) {
        return;
    }
    if (fn == gicsim_gicd_bitmap_read) {
        size_t at = gicd_bitmap_at[r->state];
        size_t clear = offsetof(GICv3SimState, fx_gicd_disable);

        /*
         * The SPIs' words: 1 up to the last implemented.  An enable reads
         * back as written even while its clear is in flight: the direct
         * path takes those bits off (in 4-byte reads, the only width).
         */
        if (!at || r->widths != GICSIM_W32 ||
            (r->state == GICSIM_ST_ENABLED &&
             clear + s->num_irq / 8 + 8 > sizeof(GICv3SimState))) {
            return;
        }
        mirror_at_gicd(rt, at, 1, s->num_irq / 32);
        if (r->state == GICSIM_ST_ENABLED) {
            rt->clear = clear - at;
        }
    } else if (fn == gicsim_gicd_irouter_read) {
        mirror_at_gicd(rt, GICD_STATE(gicd_irouter), GIC_INTERNAL,
                       s->num_irq);
    } else if (fn == gicsim_gicr_waker_read) {
        mirror_at_cpu(rt, GICR_STATE(gicr_waker), 0, 1);
    } else if (fn == gicsim_sgi_bitmap_read) {
        if (gicr_bitmap_at[r->state]) {
            mirror_at_cpu(rt, gicr_bitmap_at[r->state], 0, 1);
        }
    } else if (fn == gicsim_gicr_typer_read &&
               (!typer_adds(sim) || sim->profile->has_pwrr)) {
        /*
         * The GIC-600/700 profiles' direct path adds a mirror's constant
         * bits (gicsim-dispatch.c), the others' has none to add
         */
        mirror_at_cpu(rt, GICR_STATE(gicr_typer), 0, 1);
        rt->value = typer_adds(sim);
    } else if (fn == gicsim_gicd_ipriorityr_read) {
        /* A byte per interrupt: four make the element */
        mirror_at_gicd(rt, GICD_STATE(gicd_ipriority), GIC_INTERNAL / 4,
                       s->num_irq / 4);
    } else if (fn == gicsim_gicr_ipriorityr_read) {
        mirror_at_cpu(rt, GICR_STATE(gicr_ipriorityr), 0,
                      GIC_INTERNAL / 4);
    }
}

/*
 * Does this configuration fix what @r reads?  The ID registers, IIDRs and
 * the RES0 registers read constants; GICD_TYPER does when the GIC has one
 * Security state (gicsim_gicd_typer_read()).
 */
static bool read_is_fixed(GICv3SimState *sim, const GicsimReg *r)
{
    GicsimReadFn *fn = r->read;

    return fn == gicsim_read_id || fn == gicsim_read_zero ||
           fn == gicsim_gicd_iidr_read || fn == gicsim_gicr_iidr_read ||
           (fn == gicsim_gicd_typer_read &&
            !sim->parent_obj.security_extn);
}

void gicsim_route_reads(GICv3SimState *sim, const GicsimReg *r,
                        GicsimRoute *rt)
{
    GICv3State *s = &sim->parent_obj;

    if (read_is_fixed(sim, r)) {
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
    mirror_state(sim, r, rt);
}
