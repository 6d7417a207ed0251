/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: distributor (GICD) register handlers and SPI inputs.
 *
 * State lives in QEMU's GICv3State; after a change we let QEMU's GICv3
 * code recompute the highest priority pending interrupts through
 * gicv3_update() and friends (gicv3_internal.h).
 *
 * Affinity routing is always enabled (GICD_CTLR.ARE_S == ARE_NS == 1), so
 * the distributor copies of SGI/PPI state (element 0 of the bitmap
 * registers, IPRIORITYR0-7, ICFGR0-1, NSACR0-1) and the legacy registers
 * (ITARGETSR, SGIR, CPENDSGIR, SPENDSGIR) are RES0:  IHI 0069H,
 * "When affinity routing is enabled" in each register's description.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "gicsim-internal.h"

#define GICD_CTLR_E1NWF (1U << 7)

/* First INTID covered by element @n of a register with @per INTIDs each. */
static inline int first_irq(GicsimCtx *c, unsigned per)
{
    return c->index * per;
}

/*
 * Is this SPI range implemented?  Element 0 (SGIs and PPIs) is RES0 with
 * affinity routing; INTIDs beyond ITLinesNumber are RAZ/WI.
 */
static inline bool spi_range_ok(GicsimCtx *c, int irq)
{
    return irq >= GIC_INTERNAL && irq < c->s->num_irq;
}

/*
 * Mask of the 32 INTIDs from @irq that a Non-secure access may see: those
 * in Group 1 Non-secure, plus those whose GICD_NSACR field is at least
 * @nsacr_min (0 for none).  IHI 0069H Security model and GICD_NSACR.
 */
static uint32_t ns_mask32(GicsimCtx *c, int irq, unsigned nsacr_min)
{
    uint32_t mask;
    int i;

    if (!c->ns) {
        return 0xffffffff;
    }
    mask = *gic_bmp_ptr32(c->s->group, irq);
    if (nsacr_min) {
        for (i = 0; i < 32 && irq + i < GICV3_MAXIRQ; i++) {
            if (gicsim_nsacr_field(c->s->gicd_nsacr, irq + i) >= nsacr_min) {
                mask |= 1u << i;
            }
        }
    }
    return mask;
}

static bool ns_can_access_irq(GicsimCtx *c, int irq, unsigned nsacr_min)
{
    return !c->ns || gicv3_gicd_group_test(c->s, irq) ||
           (nsacr_min &&
            gicsim_nsacr_field(c->s->gicd_nsacr, irq) >= nsacr_min);
}

static void update_range(GICv3State *s, int irq)
{
    gicv3_update(s, irq, MIN(32, (int)s->num_irq - irq));
}

/* ---- GICD_CTLR (GICD_CTLR) ---- */

uint64_t gicsim_gicd_ctlr_read(GicsimCtx *c)
{
    uint32_t v = c->s->gicd_ctlr;

    if (c->ns) {
        /*
         * Non-secure view with ARE_NS == 1: bit 1 EnableGrp1A aliases
         * EnableGrp1NS, bit 4 ARE_NS aliases ARE_NS, bit 31 RWP.
         */
        return (v & GICD_CTLR_EN_GRP1NS) |
               ((v & GICD_CTLR_ARE_NS) ? GICD_CTLR_ARE_S : 0) |
               (v & GICD_CTLR_RWP);
    }
    return v;
}

void gicsim_gicd_ctlr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3State *s = c->s;
    uint32_t old = s->gicd_ctlr;
    uint32_t writable;

    if (s->gicd_ctlr & GICD_CTLR_DS) {
        /* One Security state: ARE and DS are RAO/WI, E1NWF RAZ/WI */
        writable = GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS;
    } else if (c->ns) {
        /* Only EnableGrp1A (an alias of EnableGrp1NS) */
        writable = GICD_CTLR_EN_GRP1NS;
    } else {
        /* ARE_S/ARE_NS RAO/WI; DS can be set once (and not cleared) */
        writable = GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS |
                   GICD_CTLR_EN_GRP1S | GICD_CTLR_DS;
    }
    writable &= mask;
    s->gicd_ctlr = (s->gicd_ctlr & ~writable) | (value & writable);
    if (s->gicd_ctlr & GICD_CTLR_DS) {
        /*
         * With DS == 1 there is no Secure Group 1 and one ARE bit
         * (GICD_CTLR: EnableGrp1S and ARE_NS are RES0 when DS == 1).
         */
        s->gicd_ctlr &= ~(GICD_CTLR_EN_GRP1S | GICD_CTLR_ARE_NS);
        s->gicd_ctlr |= GICD_CTLR_ARE;
    }
    if ((old ^ s->gicd_ctlr) & GICD_CTLR_DS) {
        /* Interrupt groups, and so 1-of-N participation, depend on DS */
        gicsim_update_all_routing(s);
    }
    if (old != s->gicd_ctlr) {
        gicv3_full_update(s);
    }
}

/* ---- Identification and type registers ---- */

uint64_t gicsim_gicd_typer_read(GicsimCtx *c)
{
    GICv3State *s = c->s;
    const GicsimProfile *p = c->sim->profile;
    bool sec = !(s->gicd_ctlr & GICD_CTLR_DS);

    /*
     * CPUNumber is 0 with affinity routing; IDbits from the profile;
     * A3V: Aff3 supported; DVIS: direct vLPI injection with GICv4;
     * SecurityExtn reads 0 when DS == 1 (GICD_TYPER).
     */
    return ((s->num_irq / 32) - 1) |
           ((uint32_t)s->nmi_support << 9) |
           ((uint32_t)sec << 10) |
           ((uint32_t)s->lpi_enable << 17) |
           ((uint32_t)(s->revision >= 4) << 18) |
           ((uint32_t)p->mbis << 16) |
           ((uint32_t)p->idbits << 19) |
           (1u << 24) |
           ((uint32_t)p->no1n << 25);
}

uint64_t gicsim_gicd_iidr_read(GicsimCtx *c)
{
    return c->sim->profile->gicd_iidr;
}

uint64_t gicsim_read_id(GicsimCtx *c)
{
    const GicsimProfile *p = c->sim->profile;
    unsigned i = (c->reg->offset - 0xffd0) / 4;
    uint32_t v = c->cs ? p->gicr_id[i] : p->gicd_id[i];

    if (i == 6) {
        /* PIDR2.ArchRev is the GIC architecture revision */
        v = (v & 0x0f) | (c->s->revision << 4);
    }
    return v;
}

uint64_t gicsim_read_zero(GicsimCtx *c)
{
    return 0;
}

void gicsim_write_ignore(GicsimCtx *c, uint64_t value, uint64_t mask)
{
}

/* ---- SPI set/clear pending by number: GICD_SETSPI_*, GICD_CLRSPI_* ---- */

static void spi_set_pending(GicsimCtx *c, uint64_t value, bool pending,
                            bool secure_only)
{
    GICv3State *s = c->s;
    int irq = extract32(value, 0, 13);

    if (secure_only && (c->ns || (s->gicd_ctlr & GICD_CTLR_DS))) {
        /* SETSPI_SR/CLRSPI_SR: WI for Non-secure accesses and when DS==1 */
        if (c->ns) {
            qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: Non-secure write "
                          "to %s ignored (Secure-only register)\n",
                          c->reg->name);
        }
        return;
    }
    if (!spi_range_ok(c, irq)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s: INTID %d is not "
                      "an implemented SPI; write ignored\n",
                      c->reg->name, irq);
        return;
    }
    if (!ns_can_access_irq(c, irq, pending ? 1 : 2)) {
        return;
    }
    gicv3_gicd_pending_replace(s, irq, pending);
    gicv3_update(s, irq, 1);
}

void gicsim_gicd_setspi_nsr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    spi_set_pending(c, value, true, false);
}

void gicsim_gicd_clrspi_nsr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    spi_set_pending(c, value, false, false);
}

void gicsim_gicd_setspi_sr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    spi_set_pending(c, value, true, true);
}

void gicsim_gicd_clrspi_sr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    spi_set_pending(c, value, false, true);
}

/* ---- One-bit-per-interrupt registers ---- */

static uint32_t *bitmap_of(GicsimCtx *c)
{
    switch (c->reg - gicsim_regs) {
    case GICSIM_GICD_IGROUPR:
        return c->s->group;
    case GICSIM_GICD_ISENABLER:
    case GICSIM_GICD_ICENABLER:
        return c->s->enabled;
    case GICSIM_GICD_ISPENDR:
    case GICSIM_GICD_ICPENDR:
        return c->s->pending;
    case GICSIM_GICD_ISACTIVER:
    case GICSIM_GICD_ICACTIVER:
        return c->s->active;
    case GICSIM_GICD_IGRPMODR:
        return c->s->grpmod;
    case GICSIM_GICD_INMIR:
        return c->s->nmi;
    default:
        g_assert_not_reached();
    }
}

/*
 * NSACR level that opens a register to Non-secure accesses to Group 0 and
 * Secure Group 1 interrupts (GICD_NSACR): 0b01 lets Non-secure software
 * set the pending state (and read it back), 0b10 also clear it and read
 * the active state; writes to the active registers stay Secure-only.
 * 0 for none.
 */
static unsigned nsacr_min_of(GicsimCtx *c, bool is_write)
{
    switch (c->reg - gicsim_regs) {
    case GICSIM_GICD_ISPENDR:
        return 1;
    case GICSIM_GICD_ICPENDR:
        return 2;
    case GICSIM_GICD_ISACTIVER:
    case GICSIM_GICD_ICACTIVER:
        return is_write ? 0 : 2;
    default:
        return 0;
    }
}

/* Registers that are Secure-only while DS == 0 and RAZ/WI then to NS */
static bool secure_only_reg(GicsimCtx *c)
{
    return c->reg == &gicsim_regs[GICSIM_GICD_IGROUPR] ||
           c->reg == &gicsim_regs[GICSIM_GICD_IGRPMODR];
}

static bool bitmap_reg_ok(GicsimCtx *c, int irq)
{
    if (!spi_range_ok(c, irq)) {
        return false;
    }
    if (c->ns && secure_only_reg(c)) {
        return false;
    }
    if (c->reg == &gicsim_regs[GICSIM_GICD_IGRPMODR] &&
        (c->s->gicd_ctlr & GICD_CTLR_DS)) {
        /* GICD_IGRPMODR is RAZ/WI when DS == 1 (GICD_IGRPMODR) */
        return false;
    }
    return true;
}

uint64_t gicsim_gicd_bitmap_read(GicsimCtx *c)
{
    int irq = first_irq(c, 32);
    uint32_t v;

    if (!bitmap_reg_ok(c, irq)) {
        return 0;
    }
    v = *gic_bmp_ptr32(bitmap_of(c), irq);
    if (c->reg == &gicsim_regs[GICSIM_GICD_ISPENDR] ||
        c->reg == &gicsim_regs[GICSIM_GICD_ICPENDR]) {
        /* A level-sensitive interrupt with its input asserted is pending */
        v |= *gic_bmp_ptr32(c->s->level, irq) &
             ~*gic_bmp_ptr32(c->s->edge_trigger, irq);
    }
    return v & ns_mask32(c, irq, nsacr_min_of(c, false));
}

void gicsim_gicd_bitmap_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3State *s = c->s;
    int irq = first_irq(c, 32);
    uint32_t *word, visible;

    if (!bitmap_reg_ok(c, irq)) {
        return;
    }
    word = gic_bmp_ptr32(bitmap_of(c), irq);
    visible = ns_mask32(c, irq, nsacr_min_of(c, true));
    if (s->num_irq - irq < 32) {
        visible &= MAKE_64BIT_MASK(0, s->num_irq - irq);
    }
    *word = gicsim_update_bits(*word, value, visible, c->reg->access);
    if (c->reg == &gicsim_regs[GICSIM_GICD_IGROUPR] ||
        c->reg == &gicsim_regs[GICSIM_GICD_IGRPMODR]) {
        /* The group decides 1-of-N participation (GICR_CTLR.DPG*) */
        int i;

        for (i = irq; i < MIN(irq + 32, (int)s->num_irq); i++) {
            gicsim_update_routing(s, i);
        }
    }
    update_range(s, irq);
}

/* ---- GICD_IPRIORITYR byte per interrupt ---- */

static uint8_t prio_mask(GicsimCtx *c)
{
    return 0xff << (8 - c->sim->profile->pribits);
}

uint64_t gicsim_gicd_ipriorityr_read(GicsimCtx *c)
{
    int irq = first_irq(c, 4);
    uint32_t v = 0;
    int i;

    for (i = 0; i < 4; i++) {
        uint8_t p;

        if (!spi_range_ok(c, irq + i) || !ns_can_access_irq(c, irq + i, 0)) {
            continue;
        }
        p = c->s->gicd_ipriority[irq + i];
        if (c->ns) {
            /* Non-secure view of priorities: shifted left */
            p = p << 1;
        }
        v |= (uint32_t)p << (i * 8);
    }
    return v;
}

void gicsim_gicd_ipriorityr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    int irq = first_irq(c, 4);
    int i;

    for (i = 0; i < 4; i++) {
        uint8_t p = value >> (i * 8);

        if (!((mask >> (i * 8)) & 0xff) || !spi_range_ok(c, irq + i) ||
            !ns_can_access_irq(c, irq + i, 0)) {
            continue;
        }
        if (c->ns) {
            /* Non-secure writes land in the lower half of the range */
            p = 0x80 | (p >> 1);
        }
        c->s->gicd_ipriority[irq + i] = p & prio_mask(c);
    }
    if (irq >= GIC_INTERNAL && irq < c->s->num_irq) {
        gicv3_update(c->s, irq, MIN(4, (int)c->s->num_irq - irq));
    }
}

/* ---- GICD_ICFGR: two bits per interrupt, [2n+1] = edge ---- */

uint64_t gicsim_gicd_icfgr_read(GicsimCtx *c)
{
    int irq = first_irq(c, 16);
    uint32_t v = 0;
    int i;

    for (i = 0; i < 16; i++) {
        if (spi_range_ok(c, irq + i) && ns_can_access_irq(c, irq + i, 0) &&
            gicv3_gicd_edge_trigger_test(c->s, irq + i)) {
            v |= 2u << (i * 2);
        }
    }
    return v;
}

void gicsim_gicd_icfgr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    int irq = first_irq(c, 16);
    int i;

    if (!spi_range_ok(c, irq)) {
        return;
    }
    for (i = 0; i < 16; i++) {
        if (spi_range_ok(c, irq + i) && ns_can_access_irq(c, irq + i, 0)) {
            gicv3_gicd_edge_trigger_replace(c->s, irq + i,
                                            extract32(value, i * 2 + 1, 1));
        }
    }
    gicv3_update(c->s, irq, MIN(16, (int)c->s->num_irq - irq));
}

/* ---- GICD_NSACR (GICD_NSACR): Secure-only, two bits per interrupt ---- */

static bool nsacr_ok(GicsimCtx *c)
{
    return c->index >= 2 && c->index * 16 < c->s->num_irq && !c->ns &&
           !(c->s->gicd_ctlr & GICD_CTLR_DS);
}

uint64_t gicsim_gicd_nsacr_read(GicsimCtx *c)
{
    return nsacr_ok(c) ? c->s->gicd_nsacr[c->index] : 0;
}

void gicsim_gicd_nsacr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    if (nsacr_ok(c)) {
        c->s->gicd_nsacr[c->index] = value;
    }
}

/* ---- GICD_IROUTER<n> ---- */

#define IROUTER_IRM (1ULL << 31)
#define IROUTER_AFF3_SHIFT 32

/* Aff0-Aff2 [23:0], IRM [31], Aff3 [39:32]; the rest is RES0 */
#define IROUTER_WRITABLE (MAKE_64BIT_MASK(0, 24) | IROUTER_IRM | \
                          MAKE_64BIT_MASK(32, 8))

static bool irouter_ok(GicsimCtx *c)
{
    int irq = c->index;

    /* Secure interrupts need NSACR == 0b11 for Non-secure access */
    return irq < c->s->num_irq && ns_can_access_irq(c, irq, 3);
}

uint64_t gicsim_gicd_irouter_read(GicsimCtx *c)
{
    return irouter_ok(c) ? c->s->gicd_irouter[c->index] : 0;
}

void gicsim_gicd_irouter_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    int irq = c->index;
    uint64_t m = IROUTER_WRITABLE & mask;

    if (!irouter_ok(c)) {
        return;
    }
    if ((value & m & IROUTER_IRM) && c->sim->profile->no1n) {
        /*
         * GICD_TYPER.No1N == 1: 1-of-N routing is not supported.  The bit
         * is kept, as stock QEMU keeps it, and routing uses the affinity.
         */
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICD_IROUTER%d.IRM "
                      "set but GICD_TYPER.No1N == 1 (profile %s): routed by "
                      "affinity\n", irq, c->sim->profile->name);
    }
    c->s->gicd_irouter[irq] = (c->s->gicd_irouter[irq] & ~m) | (value & m);
    gicsim_update_routing(c->s, irq);
    gicv3_update(c->s, irq, 1);
}

/*
 * Pick the redistributor an SPI goes to.  IRM == 0: the PE whose affinity
 * matches.  IRM == 1 (1-of-N, GICD_IROUTER and the participating-PE rules): one
 * PE whose redistributor participates in the interrupt's group; we choose
 * the lowest-numbered one, deterministically.  None participating: the
 * interrupt stays pending and goes nowhere.
 */
void gicsim_update_routing(GICv3State *s, int irq)
{
    uint64_t r = s->gicd_irouter[irq];
    GICv3CPUState *target = NULL;
    uint32_t aff;
    int i;

    if ((r & IROUTER_IRM) && !gicsim_of(s)->profile->no1n) {
        int grp = gicv3_irq_group(s, NULL, irq);

        for (i = 0; i < s->num_cpu; i++) {
            if (gicsim_redist_participates(&s->cpu[i], grp)) {
                target = &s->cpu[i];
                break;
            }
        }
    } else {
        aff = extract64(r, 0, 24) |
              extract64(r, IROUTER_AFF3_SHIFT, 8) << 24;
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
void gicsim_update_1ofn_routing(GICv3State *s)
{
    int irq;

    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        if (s->gicd_irouter[irq] & IROUTER_IRM) {
            gicsim_update_routing(s, irq);
        }
    }
}

void gicsim_update_all_routing(GICv3State *s)
{
    int irq;

    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        gicsim_update_routing(s, irq);
    }
}

/* ---- SPI input lines ---- */

void gicsim_dist_set_irq(GICv3State *s, int irq, int level)
{
    bool was = gicv3_gicd_level_test(s, irq);

    gicv3_gicd_level_replace(s, irq, level);
    if (level && !was && gicv3_gicd_edge_trigger_test(s, irq)) {
        /* Edge-triggered: a rising edge latches the pending state */
        gicv3_gicd_pending_set(s, irq);
    }
    gicv3_update(s, irq, 1);
}

