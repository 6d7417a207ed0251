/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: the per-interrupt registers of both frames, one family.
 *
 * The distributor's IGROUPR, IS/ICENABLER, IS/ICPENDR, IS/ICACTIVER,
 * IGRPMODR, INMIR, IPRIORITYR, ICFGR and NSACR, and the redistributor's
 * registers of the same names in SGI_base, differ only in where their
 * interrupts' state is and which interrupts they cover (IHI 0069H: the
 * GICR_ registers are the SGI/PPI copies, INTIDs 0-31, of the GICD_
 * ones):
 *
 *   - the distributor's state is QEMU's GICv3State bitmaps and arrays,
 *     indexed by INTID, and its registers cover the implemented SPIs
 *     (element 0 is RES0 with affinity routing, INTIDs beyond
 *     ITLinesNumber RAZ/WI); the redistributor's is the CPU's
 *     GICv3CPUState words, and its registers cover INTIDs 0-31;
 *   - an enable cleared is tracked per distributor or per redistributor
 *     (gicsim-effects.c);
 *   - a change is recomputed by gicv3_update_targets() (with 1-of-N
 *     routing for the group registers) or gicv3_redist_update_one(): the
 *     CPUs the INTIDs target, not every CPU.
 *
 * Each handler body below is written once, as an always-inlined function
 * of the frame (@gicr, a constant), where the register's row gives the
 * rest (state, bits per interrupt, first INTID, access type, NSACR
 * levels); the table binds each frame's instance (gicsim-handlers.h), so
 * neither pays for the other's tests.  As Linux's vgic-mmio handlers are
 * parameterised by bits_per_irq and the first INTID.
 *
 * The dispatch has applied each register's gates (Secure-only, two
 * Security states, power) before a handler runs; c->ns is left for the
 * per-interrupt Security view (each interrupt's group, GICD_NSACR).
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "gicsim-internal.h"

/* ---- Where the state is ---- */

/* The 32-bit word of state @st holding @irq's bit */
static inline QEMU_ALWAYS_INLINE uint32_t *
irq_word(GicsimCtx *c, GicsimState st, int irq, bool gicr)
{
    GICv3CPUState *cs = c->cs;
    GICv3State *s = c->s;
    uint32_t *bmp;

    if (gicr) {
        switch (st) {
        case GICSIM_ST_GROUP:
            return &cs->gicr_igroupr0;
        case GICSIM_ST_ENABLED:
            return &cs->gicr_ienabler0;
        case GICSIM_ST_PENDING:
            return &cs->gicr_ipendr0;
        case GICSIM_ST_ACTIVE:
            return &cs->gicr_iactiver0;
        case GICSIM_ST_GRPMOD:
            return &cs->gicr_igrpmodr0;
        case GICSIM_ST_NMI:
            return &cs->gicr_inmir0;
        default:
            g_assert_not_reached();     /* the table binds no other state */
        }
    }
    switch (st) {
    case GICSIM_ST_GROUP:
        bmp = s->group;
        break;
    case GICSIM_ST_ENABLED:
        bmp = s->enabled;
        break;
    case GICSIM_ST_PENDING:
        bmp = s->pending;
        break;
    case GICSIM_ST_ACTIVE:
        bmp = s->active;
        break;
    case GICSIM_ST_GRPMOD:
        bmp = s->grpmod;
        break;
    case GICSIM_ST_NMI:
        bmp = s->nmi;
        break;
    default:
        g_assert_not_reached();     /* the table binds no other state */
    }
    return gic_bmp_ptr32(bmp, irq);
}

/* The input levels and edge-triggered bits of the 32 INTIDs from @irq */
static inline QEMU_ALWAYS_INLINE uint32_t *
irq_level(GicsimCtx *c, int irq, bool gicr)
{
    return gicr ? &c->cs->level : gic_bmp_ptr32(c->s->level, irq);
}

static inline QEMU_ALWAYS_INLINE uint32_t *
irq_edge(GicsimCtx *c, int irq, bool gicr)
{
    return gicr ? &c->cs->edge_trigger :
                  gic_bmp_ptr32(c->s->edge_trigger, irq);
}

/* The priority bytes, by INTID */
static inline QEMU_ALWAYS_INLINE uint8_t *irq_priority(GicsimCtx *c,
                                                       bool gicr)
{
    return gicr ? c->cs->gicr_ipriorityr : c->s->gicd_ipriority;
}

/*
 * Does the frame implement @irq?  A redistributor's registers cover its
 * SGIs and PPIs, all implemented; the distributor's the SPIs up to
 * ITLinesNumber.
 */
static inline QEMU_ALWAYS_INLINE bool irq_implemented(GicsimCtx *c, int irq,
                                                      bool gicr)
{
    return gicr || gicsim_spi_implemented(c, irq);
}

/* ---- The Non-secure view (IHI 0069H, Security model; GICD_NSACR) ---- */

/*
 * The 32 INTIDs from @irq that a Non-secure access may see: those in
 * Group 1 Non-secure, plus (distributor) those whose GICD_NSACR field is
 * at least @nsacr_min (0 for none).  GICR_NSACR governs only the
 * generation of SGIs through the CPU interface, which QEMU's CPU
 * interface checks.
 */
static __attribute__((noinline)) uint32_t
ns_mask32_slow(GicsimCtx *c, int irq, unsigned nsacr_min, bool gicr)
{
    uint32_t mask = *irq_word(c, GICSIM_ST_GROUP, irq, gicr);
    int i;

    if (!gicr && nsacr_min) {
        for (i = 0; i < 32 && irq + i < GICV3_MAXIRQ; i++) {
            if (gicsim_nsacr_field(c->s->gicd_nsacr, irq + i) >= nsacr_min) {
                mask |= 1u << i;
            }
        }
    }
    return mask;
}

/* Out of line: the Secure and one-state accesses pay one test */
static inline QEMU_ALWAYS_INLINE uint32_t
ns_mask32(GicsimCtx *c, int irq, unsigned nsacr_min, bool gicr)
{
    return c->ns ? ns_mask32_slow(c, irq, nsacr_min, gicr) : 0xffffffff;
}

/* May a Non-secure access see @irq (priority, configuration)? */
static inline QEMU_ALWAYS_INLINE bool ns_sees(GicsimCtx *c, int irq,
                                              bool gicr)
{
    return !c->ns ||
           extract32(*irq_word(c, GICSIM_ST_GROUP, irq, gicr), irq % 32, 1);
}

/* ---- What a change sets off ---- */

/* An enable clear requested, tracked by GICD_CTLR.RWP or GICR_CTLR.RWP */
static inline QEMU_ALWAYS_INLINE uint32_t
irq_disabling(GicsimCtx *c, int irq, bool gicr)
{
    return gicr ? gicsim_gicr_disabling(c->sim, c->cpu) :
                  gicsim_gicd_disabling(c->sim, irq);
}

static inline QEMU_ALWAYS_INLINE void
irq_disable_request(GicsimCtx *c, int irq, uint32_t bits, bool gicr)
{
    if (gicr) {
        gicsim_gicr_disable_request(c->sim, c->cpu, bits);
    } else {
        gicsim_gicd_disable_request(c->sim, irq, bits);
    }
}

/* An enable set: it wins over a clear still in flight */
static inline QEMU_ALWAYS_INLINE void
irq_enable(GicsimCtx *c, int irq, uint32_t bits, bool gicr)
{
    if (gicr) {
        gicsim_gicr_enable(c->sim, c->cpu, bits);
    } else {
        gicsim_gicd_enable(c->sim, irq, bits);
    }
}

/*
 * The group of the @n INTIDs from @irq changed, which decides 1-of-N
 * participation (GICR_CTLR.DPG*): route them again, then recompute at
 * the old targets and the new
 */
static void group_changed(GICv3State *s, int irq, int n)
{
    GICv3CPUState *old[32];
    int i;

    for (i = 0; i < n; i++) {
        if (i < ARRAY_SIZE(old)) {
            old[i] = s->gicd_irouter_target[irq + i];
        }
        gicsim_update_routing(s, irq + i);
    }
    if (n <= ARRAY_SIZE(old)) {
        gicv3_update_targets(s, irq, n, old, n);
    } else {
        gicv3_update(s, irq, n);
    }
}

/* The state of the @n INTIDs from @irq changed: recompute */
static inline QEMU_ALWAYS_INLINE void irq_changed(GicsimCtx *c, int irq,
                                                  int n, bool gicr)
{
    GICv3State *s = c->s;

    if (gicr) {
        gicv3_redist_update_one(c->cs);
        return;
    }
    n = MIN(n, (int)s->num_irq - irq);
    if (c->reg->affects_routing) {
        group_changed(s, irq, n);
    } else {
        gicv3_update_targets(s, irq, n, NULL, 0);
    }
}

/* ---- One bit per interrupt ---- */

static inline QEMU_ALWAYS_INLINE uint64_t bitmap_read(GicsimCtx *c,
                                                      bool gicr)
{
    int irq = gicsim_first_irq(c);
    uint32_t v;

    if (!irq_implemented(c, irq, gicr)) {
        return 0;
    }
    v = *irq_word(c, c->reg->state, irq, gicr);
    if (c->reg->state == GICSIM_ST_ENABLED) {
        /* Reads back as written, even while the clear is in flight */
        v &= ~irq_disabling(c, irq, gicr);
    }
    if (c->reg->level_pending) {
        /* A level-sensitive interrupt with its input asserted is pending */
        v |= *irq_level(c, irq, gicr) & ~*irq_edge(c, irq, gicr);
    }
    return v & ns_mask32(c, irq, c->reg->nsacr_read, gicr);
}

static inline QEMU_ALWAYS_INLINE void
bitmap_write(GicsimCtx *c, uint64_t value, bool gicr)
{
    GICv3State *s = c->s;
    int irq = gicsim_first_irq(c);
    uint32_t *word, visible, new;

    if (!irq_implemented(c, irq, gicr)) {
        return;
    }
    word = irq_word(c, c->reg->state, irq, gicr);
    visible = ns_mask32(c, irq, c->reg->nsacr_write, gicr);
    if (!gicr && s->num_irq - irq < 32) {
        visible &= MAKE_64BIT_MASK(0, s->num_irq - irq);
    }
    if (c->reg->state == GICSIM_ST_ENABLED) {
        if (c->reg->access == GICSIM_W1C) {
            /* Clearing an enable is tracked by GICD_CTLR/GICR_CTLR.RWP */
            uint32_t bits = value & visible & *word &
                            ~irq_disabling(c, irq, gicr);

            if (bits) {
                irq_disable_request(c, irq, bits, gicr);
            }
            return;
        }
        irq_enable(c, irq, value & visible, gicr);
    }
    new = gicsim_update_bits(*word, value, visible, c->reg->access);
    if (new == *word) {
        /* No interrupt's state changes: nothing to recompute */
        return;
    }
    *word = new;
    irq_changed(c, irq, 32, gicr);
}

/* ---- A byte of priority per interrupt ---- */

static inline QEMU_ALWAYS_INLINE uint64_t priority_read(GicsimCtx *c,
                                                        bool gicr)
{
    /* A byte per interrupt by definition: n * 4, on the hot path */
    int irq = c->index * 4;
    const uint8_t *prio = irq_priority(c, gicr);
    uint32_t v = 0;
    int i;

    if (!c->ns && (gicr || (irq >= GIC_INTERNAL &&
                            irq + 4 <= c->s->num_irq))) {
        /* Four implemented interrupts, all visible: the bytes as they are */
        return ldl_le_p(&prio[irq]);
    }
    for (i = 0; i < 4; i++) {
        uint8_t p;

        if (!irq_implemented(c, irq + i, gicr) || !ns_sees(c, irq + i, gicr)) {
            continue;
        }
        p = prio[irq + i];
        if (c->ns) {
            /* Non-secure view of priorities: shifted left */
            p <<= 1;
        }
        v |= (uint32_t)p << (i * 8);
    }
    return v;
}

static inline QEMU_ALWAYS_INLINE void
priority_write(GicsimCtx *c, uint64_t value, uint64_t mask, bool gicr)
{
    uint8_t pmask = 0xff << (8 - c->sim->profile->pribits);
    uint8_t *prio = irq_priority(c, gicr);
    int irq = c->index * 4;
    int i;

    for (i = 0; i < 4; i++) {
        uint8_t p = value >> (i * 8);

        if (!((mask >> (i * 8)) & 0xff) ||
            !irq_implemented(c, irq + i, gicr) || !ns_sees(c, irq + i, gicr)) {
            continue;
        }
        if (c->ns) {
            /* Non-secure writes land in the lower half of the range */
            p = 0x80 | (p >> 1);
        }
        prio[irq + i] = p & pmask;
    }
    if (irq_implemented(c, irq, gicr)) {
        irq_changed(c, irq, 4, gicr);
    }
}

/*
 * ---- ICFGR: two bits per interrupt, [2n+1] = edge-triggered.  SGIs are
 * always edge-triggered (GICR_ICFGR0 reads 0b10 per field, RO) ----
 */

static inline QEMU_ALWAYS_INLINE uint64_t icfgr_read(GicsimCtx *c, bool gicr)
{
    int irq0 = gicsim_first_irq(c);
    uint32_t v = 0;
    int i;

    for (i = 0; i < 16; i++) {
        int irq = irq0 + i;

        if (irq_implemented(c, irq, gicr) && ns_sees(c, irq, gicr) &&
            (irq < GIC_NR_SGIS ||
             extract32(*irq_edge(c, irq, gicr), irq % 32, 1))) {
            v |= 2u << (i * 2);
        }
    }
    return v;
}

static inline QEMU_ALWAYS_INLINE void
icfgr_write(GicsimCtx *c, uint64_t value, bool gicr)
{
    int irq0 = gicsim_first_irq(c);
    int i;

    if (!irq_implemented(c, irq0, gicr)) {
        return;
    }
    for (i = 0; i < 16; i++) {
        int irq = irq0 + i;

        if (irq >= GIC_NR_SGIS && irq_implemented(c, irq, gicr) &&
            ns_sees(c, irq, gicr)) {
            uint32_t *edge = irq_edge(c, irq, gicr);

            *edge = deposit32(*edge, irq % 32, 1,
                              extract32(value, i * 2 + 1, 1));
        }
    }
    irq_changed(c, irq0, 16, gicr);
}

/*
 * ---- NSACR: two bits per interrupt.  Secure-only and RAZ/WI with one
 * Security state: gates the dispatch applies ----
 */

static inline QEMU_ALWAYS_INLINE uint32_t *nsacr_word(GicsimCtx *c,
                                                     bool gicr)
{
    if (gicr) {
        return &c->cs->gicr_nsacr;
    }
    return irq_implemented(c, gicsim_first_irq(c), gicr) ?
           &c->s->gicd_nsacr[c->index] : NULL;
}

static inline QEMU_ALWAYS_INLINE uint64_t nsacr_read(GicsimCtx *c, bool gicr)
{
    uint32_t *w = nsacr_word(c, gicr);

    return w ? *w : 0;
}

static inline QEMU_ALWAYS_INLINE void
nsacr_write(GicsimCtx *c, uint64_t value, bool gicr)
{
    uint32_t *w = nsacr_word(c, gicr);

    if (w) {
        *w = value;
    }
}

/* ---- Each frame's instance, as the table binds them ---- */

#define IRQ_REGS_FAMILY(frame, gicr) \
    uint64_t gicsim_##frame##_bitmap_read(GicsimCtx *c) \
    { \
        return bitmap_read(c, gicr); \
    } \
    void gicsim_##frame##_bitmap_write(GicsimCtx *c, uint64_t value, \
                                       uint64_t mask) \
    { \
        bitmap_write(c, value, gicr); \
    } \
    uint64_t gicsim_##frame##_ipriorityr_read(GicsimCtx *c) \
    { \
        return priority_read(c, gicr); \
    } \
    void gicsim_##frame##_ipriorityr_write(GicsimCtx *c, uint64_t value, \
                                           uint64_t mask) \
    { \
        priority_write(c, value, mask, gicr); \
    } \
    uint64_t gicsim_##frame##_icfgr_read(GicsimCtx *c) \
    { \
        return icfgr_read(c, gicr); \
    } \
    void gicsim_##frame##_icfgr_write(GicsimCtx *c, uint64_t value, \
                                      uint64_t mask) \
    { \
        icfgr_write(c, value, gicr); \
    } \
    uint64_t gicsim_##frame##_nsacr_read(GicsimCtx *c) \
    { \
        return nsacr_read(c, gicr); \
    } \
    void gicsim_##frame##_nsacr_write(GicsimCtx *c, uint64_t value, \
                                      uint64_t mask) \
    { \
        nsacr_write(c, value, gicr); \
    }

IRQ_REGS_FAMILY(gicd, false)
IRQ_REGS_FAMILY(gicr, true)
