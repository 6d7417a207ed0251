/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: definitions shared by the device's own source files.
 *
 * Who may include and call whom (docs/design.rst, "Layout"):
 *   gicsim-dispatch.c   decode, gates, trace/log; calls the handlers
 *   gicsim-route.c      the routes at realize (which accesses take the
 *                       direct path); calls the mirrors
 *   gicsim-mirror.c     reads without a handler, from the rows'
 *                       declarations; calls a handler once at realize
 *   gicsim-dist.c, gicsim-redist.c, gicsim-irq-regs.c   register
 *                       handlers (the last: the per-interrupt registers
 *                       of both frames); call effects and routing,
 *                       never each other
 *   gicsim-effects.c    request/completion of time-dependent writes;
 *                       calls routing and the clock
 *   gicsim-clock.c      when they complete (virtual clock); calls the
 *                       schedule (gicsim-timing.c), completes through the
 *                       function effects registered
 *   gicsim-routing.c    SPI routing and 1-of-N participation; calls
 *                       only QEMU's GICv3 code
 */
#ifndef HW_INTC_GICSIM_INTERNAL_H
#define HW_INTC_GICSIM_INTERNAL_H

#include "exec/memattrs.h"
#include "hw/registerfields.h"
#include "hw/intc/arm_gicv3_sim.h"
#include "gicsim-regs.h"
#include "gicsim-profile.h"
#include "../gicv3_internal.h"

/*
 * FIELD(GICSIM_<REG>, <Name>, ...) for every field of gicsim-fields.h:
 * R_GICSIM_GICD_TYPER_ITLinesNumber_SHIFT and so on.
 */
#define GICSIM_FIELD_DEF(R, n, l, w, f) FIELD(R, n, l, w)
/* REG is pasted at once: QEMU #defines GICD_CTLR & co. as offsets */
#define GICSIM_FIELD_REG(REG, SHAPE) \
    GICSIM_FIELDS_##SHAPE(GICSIM_FIELD_DEF, GICSIM_##REG, /* no SEP */)
GICSIM_FIELD_REGS(GICSIM_FIELD_REG)
#undef GICSIM_FIELD_REG
#undef GICSIM_FIELD_DEF

/*
 * Where QEMU's GICv3 code names the same bits (it reads and writes the
 * same GICv3State), its constants are used, pinned here to the table.
 */
#define GICSIM_SAME_BIT(qemu, REG, name) \
    QEMU_BUILD_BUG_ON((uint64_t)(qemu) != \
                      (uint64_t)R_GICSIM_##REG##_##name##_MASK)
GICSIM_SAME_BIT(GICD_CTLR_EN_GRP0, GICD_CTLR, EnableGrp0);
GICSIM_SAME_BIT(GICD_CTLR_EN_GRP1NS, GICD_CTLR, EnableGrp1NS);
GICSIM_SAME_BIT(GICD_CTLR_EN_GRP1S, GICD_CTLR, EnableGrp1S);
GICSIM_SAME_BIT(GICD_CTLR_ARE_S, GICD_CTLR, ARE_S);
GICSIM_SAME_BIT(GICD_CTLR_ARE_NS, GICD_CTLR, ARE_NS);
GICSIM_SAME_BIT(GICD_CTLR_DS, GICD_CTLR, DS);
GICSIM_SAME_BIT(GICD_CTLR_RWP, GICD_CTLR, RWP);
GICSIM_SAME_BIT(GICR_CTLR_ENABLE_LPIS, GICR_CTLR, EnableLPIs);
GICSIM_SAME_BIT(GICR_CTLR_CES, GICR_CTLR, CES);
GICSIM_SAME_BIT(GICR_CTLR_RWP, GICR_CTLR, RWP);
GICSIM_SAME_BIT(GICR_CTLR_DPG0, GICR_CTLR, DPG0);
GICSIM_SAME_BIT(GICR_CTLR_DPG1NS, GICR_CTLR, DPG1NS);
GICSIM_SAME_BIT(GICR_CTLR_DPG1S, GICR_CTLR, DPG1S);
GICSIM_SAME_BIT(GICR_CTLR_UWP, GICR_CTLR, UWP);
GICSIM_SAME_BIT(GICR_TYPER_PLPIS, GICR_TYPER, PLPIS);
GICSIM_SAME_BIT(GICR_TYPER_DIRECTLPI, GICR_TYPER, DirectLPI);
GICSIM_SAME_BIT(GICR_TYPER_DPGS, GICR_TYPER, DPGS);
GICSIM_SAME_BIT(GICR_WAKER_ProcessorSleep, GICR_WAKER, ProcessorSleep);
GICSIM_SAME_BIT(GICR_WAKER_ChildrenAsleep, GICR_WAKER, ChildrenAsleep);
GICSIM_SAME_BIT(R_GICR_PROPBASER_IDBITS_MASK, GICR_PROPBASER, IDbits);
GICSIM_SAME_BIT(R_GICR_VPENDBASER_VALID_MASK, GICR_VPENDBASER, Valid);
GICSIM_SAME_BIT(R_GICR_VPENDBASER_PENDINGLAST_MASK, GICR_VPENDBASER,
                PendingLast);
GICSIM_SAME_BIT(R_GICR_VPENDBASER_PHYADDR_MASK, GICR_VPENDBASER,
                PhysicalAddress);
#undef GICSIM_SAME_BIT

/* Anchors the lookup relies on (gicsim-dispatch.c locate()) */
QEMU_BUILD_BUG_ON(GICSIM_FRAME_GICD != 0);
QEMU_BUILD_BUG_ON(GICR_SGI_OFFSET !=
                  (GICSIM_FRAME_SGI - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE);
QEMU_BUILD_BUG_ON(GICR_VLPI_OFFSET !=
                  (GICSIM_FRAME_VLPI - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE);
QEMU_BUILD_BUG_ON(GICSIM_OFF_GICD_IROUTER32 != GICD_IROUTER + 32 * 8);
QEMU_BUILD_BUG_ON(GICSIM_OFF_IDREGS != GICD_IDREGS ||
                  GICSIM_OFF_IDREGS != GICR_IDREGS);

/* Everything a register handler needs to know about one access. */
typedef struct GicsimCtx {
    GICv3SimState *sim;
    GICv3State *s;
    GICv3CPUState *cs;      /* the redistributor's CPU; NULL for GICD */
    unsigned cpu;           /* its index in s->cpu[] (0 for GICD) */
    const GicsimReg *reg;
    unsigned index;         /* n of NAME<n> */
    /*
     * A Non-secure access while the GIC has two Security states
     * (GICD_CTLR.DS == 0): it sees only what IHI 0069H's Security model lets
     * Non-secure software see.  The dispatch has applied the register's
     * gates and Secure-only fields already; handlers use this only for the
     * per-interrupt view (the group of each interrupt, GICD_NSACR).
     */
    bool ns;
} GicsimCtx;

/*
 * gicsim-dispatch.c.  A register as this device's dispatch sees it,
 * derived at realize from its row of the table and the configuration:
 * route 0 is "no register", route id + 1 register id (the decoder's slot
 * value), with @count NULL where the configuration lacks the register.
 */
typedef struct GicsimRoute {
    /*
     * [is_write]: bit ((size - 1) * 8 + (offset & 7)) is set where an
     * access of @size bytes at that byte offset is defined and no gate
     * can close it in this configuration: it goes straight to the
     * handler (gicsim_direct()).  Everything else takes the checked path.
     */
    uint64_t direct[2];
    /*
     * With @read NULL a read needs no handler (gicsim-mirror.c).  Where
     * the register mirrors a state word, an access at region offset o
     * with o - @mirror_lo < @mirror_len reads its bytes at @mirror + o
     * from the distributor's GICv3SimState or the redistributor's
     * GICv3CPUState, less the bits set @clear bytes further on (@clear 0:
     * none); every other read gives @value.
     */
    uint64_t value;
    GicsimReadFn *read;
    /*
     * Its row of cost counters in the device's own table (the counter is
     * at GICv3SimState.cost_table_offset from it); NULL where the
     * configuration lacks the register.
     */
    uint64_t *count;
    /* Element n of NAME<n> at region offset o: (o >> @shift) + @index */
    int32_t index;
    int32_t mirror;
    int32_t clear;
    uint32_t mirror_lo;
    uint16_t mirror_len;
    uint16_t id;            /* register id: its row of cost counters */
    uint8_t shift;          /* log2 of the element size */
    uint8_t bytemask;       /* element size - 1 */
    /* GIC-600/700: not while the redistributor is powered down */
    bool power_gate;
} GicsimRoute;
QEMU_BUILD_BUG_ON(sizeof(GicsimRoute) != 64);

/*
 * The gates (gicsim-regs.h, GICSIM_GATE_*), one predicate per kind, over
 * what an access can see.  The checked path asks them about the access
 * it has (gicsim-dispatch.c); the route builder asks them about every
 * view the configuration can give (gicsim-route.c), so that an access
 * takes the direct path only where no gate can close.
 */
typedef struct GicsimGateView {
    /* A Non-secure access while the GIC has two Security states */
    bool ns;
    /* GICD_CTLR.DS == 1: one Security state */
    bool ds;
    /* GIC-600/700: the redistributor's power group is off (RDGPO) */
    bool powered_down;
} GicsimGateView;

/* GICSIM_GATE_SECURE: RAZ/WI to a Non-secure access while DS == 0 */
static inline bool gicsim_gate_secure_closed(const GicsimGateView *v)
{
    return v->ns;
}

/* GICSIM_GATE_TWO_STATES: RAZ/WI while DS == 1 */
static inline bool gicsim_gate_two_states_closed(const GicsimGateView *v)
{
    return v->ds;
}

/* GICSIM_GATE_POWERED: RAZ/WI while the redistributor is powered down */
static inline bool gicsim_gate_powered_closed(const GicsimGateView *v)
{
    return v->powered_down;
}

/* GICSIM_GATE_SECURE_FIELDS: the Secure-only fields are RAZ/WI to it */
static inline bool gicsim_gate_secure_fields_hidden(const GicsimGateView *v)
{
    return v->ns;
}

/*
 * The first gate of @gates (gicsim_reg_gates()) closed to @v, with the
 * rule that closes it; NULL if none is (Secure-only fields are not a
 * gate: they hide bits, gicsim_gate_secure_fields_hidden())
 */
static inline const char *gicsim_gate_closed(uint8_t gates,
                                             const GicsimGateView *v)
{
    if ((gates & GICSIM_GATE_SECURE) && gicsim_gate_secure_closed(v)) {
        return "Secure-only register while GICD_CTLR.DS == 0";
    }
    if ((gates & GICSIM_GATE_TWO_STATES) &&
        gicsim_gate_two_states_closed(v)) {
        return "RAZ/WI while GICD_CTLR.DS == 1";
    }
    if ((gates & GICSIM_GATE_POWERED) && gicsim_gate_powered_closed(v)) {
        return "redistributor powered down (GICR_PWRR.RDGPO == 1)";
    }
    return NULL;
}

/* [0] distributor, [1] redistributors, for this configuration */
const MemoryRegionOps *gicsim_mmio_ops(GICv3SimState *sim);
/* gicsim-dispatch.c: the offset decoder, filled once; false if it cannot be */
bool gicsim_dispatch_decoder_init(void);
/* gicsim-route.c: the routes of this configuration (sim->routes) */
bool gicsim_build_dispatch(GICv3SimState *sim, Error **errp);
/* gicsim-mirror.c: reads of @r that need no handler, in @rt */
void gicsim_route_reads(GICv3SimState *sim, const GicsimReg *r,
                        GicsimRoute *rt);

/* gicsim-dist.c: GICD_TYPER's fields fixed by the configuration */
void gicsim_gicd_typer_init(GICv3SimState *sim);

/* gicsim-dist.c, gicsim-redist.c: the input lines */
void gicsim_dist_set_irq(GICv3State *s, int irq, int level);
void gicsim_redist_set_irq(GICv3CPUState *cs, int irq, int level);

/* gicsim-info.c: "info pic" and its properties */
void gicsim_info_class_init(ObjectClass *klass);
void gicsim_info_instance_init(GICv3SimState *sim);

/* gicsim-routing.c */
bool gicsim_redist_participates(GICv3CPUState *cs, int grp);
void gicsim_update_routing(GICv3State *s, int irq);
void gicsim_update_all_routing(GICv3State *s);
bool gicsim_routing_init(GICv3SimState *sim, Error **errp);
void gicsim_routing_finalize(GICv3SimState *sim);
void gicsim_update_1ofn_routing(GICv3State *s);

/*
 * gicsim-effects.c: register writes whose effect completes later.  A
 * handler makes a request (what the write records at once: the register
 * reads back as written); completion changes the interrupt logic.  Today
 * completion runs inline, at the request; the timing model decides when.
 */
typedef enum GicsimEffect {
    GICSIM_FX_GICD_CTLR,    /* GICD_CTLR group enables, ARE, DS: RWP */
    GICSIM_FX_GICD_DISABLE, /* GICD_ICENABLER<n> clearing enables: RWP */
    GICSIM_FX_GICR_CTLR,    /* GICR_CTLR DPG*, EnableLPIs 1 to 0: RWP */
    GICSIM_FX_GICR_DISABLE, /* GICR_ICENABLER0 clearing enables: RWP */
    GICSIM_FX_WAKER,        /* GICR_WAKER.ChildrenAsleep follows PS */
    GICSIM_FX_PWRR,         /* GICR_PWRR power group transition */
    GICSIM_FX_LPI_SYNC,     /* GICR_INVLPIR, INVALLR, CLRLPIR: SYNCR */
    GICSIM_FX__COUNT,
} GicsimEffect;
QEMU_BUILD_BUG_ON(GICSIM_FX__COUNT > GICSIM_FX_SLOTS);

typedef enum GicsimLpiOp {
    GICSIM_LPI_INV,         /* GICR_INVLPIR */
    GICSIM_LPI_INVALL,      /* GICR_INVALLR */
    GICSIM_LPI_CLEAR,       /* GICR_CLRLPIR */
} GicsimLpiOp;

void gicsim_gicd_ctlr_request(GICv3SimState *sim, uint32_t value);
uint32_t gicsim_gicd_ctlr_view(GICv3SimState *sim);
void gicsim_gicd_disable_request(GICv3SimState *sim, int irq, uint32_t bits);
void gicsim_gicr_ctlr_request(GICv3SimState *sim, unsigned cpu,
                              uint32_t value);
uint32_t gicsim_gicr_ctlr_view(GICv3SimState *sim, unsigned cpu);
void gicsim_gicr_disable_request(GICv3SimState *sim, unsigned cpu,
                                 uint32_t bits);
void gicsim_waker_request(GICv3SimState *sim, unsigned cpu, bool sleep);
void gicsim_pwrr_request(GICv3SimState *sim, unsigned cpu, bool down);
void gicsim_lpi_sync_request(GICv3SimState *sim, unsigned cpu,
                             GicsimLpiOp op, uint32_t intid);

/* Enables of the 32 INTIDs from @irq whose clearing is in flight */
static inline uint32_t gicsim_gicd_disabling(GICv3SimState *sim, int irq)
{
    return sim->fx_gicd_disable[irq / 32];
}

/* GICD_ISENABLER: a later set wins over a clear still in flight */
static inline void gicsim_gicd_enable(GICv3SimState *sim, int irq,
                                      uint32_t bits)
{
    sim->fx_gicd_disable[irq / 32] &= ~bits;
}

static inline uint32_t gicsim_gicr_disabling(GICv3SimState *sim,
                                             unsigned cpu)
{
    return sim->rfx[cpu].disable;
}

static inline void gicsim_gicr_enable(GICv3SimState *sim, unsigned cpu,
                                      uint32_t bits)
{
    sim->rfx[cpu].disable &= ~bits;
}

/* "GICD_CTLR write (GICD_CTLR.RWP)"...: what @kind is, for people */
const char *gicsim_effect_name(unsigned kind);
/* Is an effect of @kind in flight (at @cpu's redistributor)? */
static inline bool gicsim_effect_pending(GICv3SimState *sim,
                                         GicsimEffect kind, unsigned cpu)
{
    const GicsimAgenda *a = kind >= GICSIM_FX_GICR_CTLR ?
                            &sim->rfx[cpu].agenda : &sim->fx;

    return a->pending & (1u << kind);
}
/* Log and count an access that needed @kind at @cpu to have completed */
void gicsim_did_not_wait(GICv3SimState *sim, GicsimEffect kind,
                         unsigned cpu, const char *what);
void gicsim_effects_init(GICv3SimState *sim);
void gicsim_effects_reset(GICv3SimState *sim);
/* Durations from the profile and properties; false with @errp set */
bool gicsim_effects_configure(GICv3SimState *sim, Error **errp);

/*
 * gicsim-clock.c: when effects complete.  Every access and input line
 * calls gicsim_clock_sync() before it looks at any state, so that what
 * is due by the virtual clock has completed (docs/timing.rst).
 */
void gicsim_clock_init(GICv3SimState *sim, GicsimCompleteFn *complete);
void gicsim_clock_finalize(GICv3SimState *sim);
void gicsim_clock_reset(GICv3SimState *sim);
void gicsim_clock_post_load(GICv3SimState *sim);
int64_t gicsim_clock_now(GICv3SimState *sim);
/* In flight until @deadline; true (old deadline in @was) if it was */
bool gicsim_clock_schedule(GICv3SimState *sim, unsigned agenda,
                           unsigned kind, int64_t deadline, int64_t *was);
/* Out of flight without its completion (the caller completes it) */
void gicsim_clock_cancel(GICv3SimState *sim, unsigned agenda,
                         unsigned kind);
void gicsim_clock_catch_up(GICv3SimState *sim);

/*
 * Is anything in flight?  One byte, for the input lines and the checked
 * path (the direct path's routes say it, GICv3SimState.mmio_routes)
 */
static inline bool gicsim_clock_busy(GICv3SimState *sim)
{
    return sim->clock_busy;
}

static inline void gicsim_clock_sync(GICv3SimState *sim)
{
    if (unlikely(gicsim_clock_busy(sim))) {
        gicsim_clock_catch_up(sim);
    }
}

static inline GICv3SimState *gicsim_of(GICv3State *s)
{
    return container_of(s, GICv3SimState, parent_obj);
}

/* GIC-600/700: is @cpu's redistributor powered up (GICR_PWRR.RDGPO 0)? */
static inline bool gicsim_redist_powered(GICv3SimState *sim, unsigned cpu)
{
    return !sim->profile->has_pwrr ||
           !(sim->gicr_pwrr[cpu] & R_GICSIM_GICR_PWRR_RDGPO_MASK);
}

static inline unsigned gicsim_cpu_index(GicsimCtx *c)
{
    return c->cpu;
}

/* Merge the written bytes of @value into @old. */
static inline uint64_t gicsim_merge(uint64_t old, uint64_t value,
                                    uint64_t mask)
{
    return (old & ~mask) | (value & mask);
}

/*
 * A write to a one-bit-per-interrupt register: @visible are the bits this
 * access may see and change (its Security view), @access the register's
 * type (RW, W1S or W1C).  Returns the new register value.
 */
static inline uint32_t gicsim_update_bits(uint32_t old, uint32_t value,
                                         uint32_t visible,
                                         GicsimAccess access)
{
    switch (access) {
    case GICSIM_W1S:
        return old | (value & visible);
    case GICSIM_W1C:
        return old & ~(value & visible);
    default:
        return (old & ~visible) | (value & visible);
    }
}

/* The 2-bit NSACR field of @irq in an array of NSACR words (GICD_NSACR). */
static inline unsigned gicsim_nsacr_field(const uint32_t *nsacr, int irq)
{
    return extract32(nsacr[irq / 16], (irq % 16) * 2, 2);
}

/*
 * Is @irq an SPI this distributor implements?  Element 0 of its
 * per-interrupt registers (SGIs and PPIs) is RES0 with affinity routing;
 * INTIDs beyond ITLinesNumber are RAZ/WI.
 */
static inline bool gicsim_spi_implemented(GicsimCtx *c, int irq)
{
    return irq >= GIC_INTERNAL && irq < c->s->num_irq;
}

/*
 * First INTID covered by element n of a per-interrupt register (<= 32b).
 * The IPRIORITYR handlers, a byte per interrupt by definition, use
 * n * 4 directly: it is on the hot path of interrupt set-up.
 */
static inline int gicsim_first_irq(GicsimCtx *c)
{
    return c->reg->irq_base + c->index * (32 / c->reg->bits_per_irq);
}

#endif
