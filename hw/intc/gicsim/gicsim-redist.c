/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: redistributor (GICR) register handlers and PPI inputs.
 * IHI 0069H redistributor register descriptions (RD_base, SGI_base and
 * VLPI_base frames).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "gicsim-internal.h"

#define GICR_CTLR_DPG0      (1U << 24)
#define GICR_CTLR_DPG1NS    (1U << 25)
#define GICR_CTLR_DPG1S     (1U << 26)
#define GICR_TYPER_DPGS     (1U << 5)

#define PWRR_RDPD   (1U << 0)
#define PWRR_RDAG   (1U << 1)
#define PWRR_RDGPD  (1U << 2)
#define PWRR_RDGPO  (1U << 3)

static unsigned cpu_index(GicsimCtx *c)
{
    return c->cs - c->s->cpu;
}

/*
 * GIC-600/GIC-700: a redistributor whose power group is off (RDGPO == 1)
 * answers only through GICR_PWRR; everything else is RAZ/WI.
 */
static bool powered_off(GicsimCtx *c)
{
    return c->sim->profile->has_pwrr &&
           (c->sim->gicr_pwrr[cpu_index(c)] & PWRR_RDGPO);
}

/*
 * Does @cs take part in 1-of-N distribution of interrupts of group @grp?
 * (IHI 0069H GICR_CTLR.DPG*, GICR_WAKER: a PE whose
 * ProcessorSleep is 1 does not participate.)
 */
bool gicsim_redist_participates(GICv3CPUState *cs, int grp)
{
    GICv3SimState *sim = gicsim_of(cs->gic);
    uint32_t dpg;

    if (cs->gicr_waker & GICR_WAKER_ProcessorSleep) {
        return false;
    }
    if (sim->profile->has_pwrr &&
        (sim->gicr_pwrr[cs - cs->gic->cpu] & PWRR_RDGPO)) {
        return false;
    }
    if (!sim->profile->dpgs) {
        return true;
    }
    dpg = grp == GICV3_G0 ? GICR_CTLR_DPG0 :
          grp == GICV3_G1 ? GICR_CTLR_DPG1S : GICR_CTLR_DPG1NS;
    return !(cs->gicr_ctlr & dpg);
}

/* ---- Mask helpers for the SGI_base registers ---- */

/*
 * The bits of the SGI/PPI registers a Non-secure access may see: those of
 * Group 1 Non-secure interrupts.  GICR_NSACR governs the Non-secure
 * generation of Secure SGIs through the CPU interface (ICC_SGI0R_EL1 and
 * friends, which QEMU's CPU interface checks), not these registers.
 */
static uint32_t ns_mask(GicsimCtx *c)
{
    return c->ns ? c->cs->gicr_igroupr0 : 0xffffffff;
}

static uint32_t *sgi_reg_of(GicsimCtx *c)
{
    GICv3CPUState *cs = c->cs;

    switch (c->reg - gicsim_regs) {
    case GICSIM_GICR_IGROUPR0:
        return &cs->gicr_igroupr0;
    case GICSIM_GICR_ISENABLER0:
    case GICSIM_GICR_ICENABLER0:
        return &cs->gicr_ienabler0;
    case GICSIM_GICR_ISPENDR0:
    case GICSIM_GICR_ICPENDR0:
        return &cs->gicr_ipendr0;
    case GICSIM_GICR_ISACTIVER0:
    case GICSIM_GICR_ICACTIVER0:
        return &cs->gicr_iactiver0;
    case GICSIM_GICR_IGRPMODR0:
        return &cs->gicr_igrpmodr0;
    case GICSIM_GICR_INMIR0:
        return &cs->gicr_inmir0;
    default:
        g_assert_not_reached();
    }
}

static bool sgi_reg_ok(GicsimCtx *c)
{
    GicsimRegId id = c->reg - gicsim_regs;

    if (powered_off(c)) {
        return false;
    }
    if (c->ns && (id == GICSIM_GICR_IGROUPR0 || id == GICSIM_GICR_IGRPMODR0)) {
        /* Secure-only while DS == 0 */
        return false;
    }
    if (id == GICSIM_GICR_IGRPMODR0 && (c->s->gicd_ctlr & GICD_CTLR_DS)) {
        return false;
    }
    return true;
}

uint64_t gicsim_sgi_bitmap_read(GicsimCtx *c)
{
    uint32_t v;

    if (!sgi_reg_ok(c)) {
        return 0;
    }
    v = *sgi_reg_of(c);
    if (c->reg == &gicsim_regs[GICSIM_GICR_ISPENDR0] ||
        c->reg == &gicsim_regs[GICSIM_GICR_ICPENDR0]) {
        v |= c->cs->level & ~c->cs->edge_trigger;
    }
    return v & ns_mask(c);
}

void gicsim_sgi_bitmap_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint32_t *reg;

    if (!sgi_reg_ok(c)) {
        return;
    }
    reg = sgi_reg_of(c);
    *reg = gicsim_update_bits(*reg, value, ns_mask(c), c->reg->access);
    gicv3_redist_update(c->cs);
}

uint64_t gicsim_gicr_ipriorityr_read(GicsimCtx *c)
{
    uint32_t v = 0;
    int irq = c->index * 4, i;

    if (powered_off(c)) {
        return 0;
    }
    for (i = 0; i < 4; i++) {
        uint8_t p = c->cs->gicr_ipriorityr[irq + i];

        if (c->ns) {
            if (!extract32(c->cs->gicr_igroupr0, irq + i, 1)) {
                continue;
            }
            p <<= 1;
        }
        v |= (uint32_t)p << (i * 8);
    }
    return v;
}

void gicsim_gicr_ipriorityr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint8_t pmask = 0xff << (8 - c->sim->profile->pribits);
    int irq = c->index * 4, i;

    if (powered_off(c)) {
        return;
    }
    for (i = 0; i < 4; i++) {
        uint8_t p = value >> (i * 8);

        if (!((mask >> (i * 8)) & 0xff)) {
            continue;
        }
        if (c->ns) {
            if (!extract32(c->cs->gicr_igroupr0, irq + i, 1)) {
                continue;
            }
            p = 0x80 | (p >> 1);
        }
        c->cs->gicr_ipriorityr[irq + i] = p & pmask;
    }
    gicv3_redist_update(c->cs);
}

/* GICR_ICFGR0: SGIs are always edge-triggered, 0b10 per field */
uint64_t gicsim_gicr_icfgr0_read(GicsimCtx *c)
{
    uint32_t v = 0;
    int i;

    if (powered_off(c)) {
        return 0;
    }
    for (i = 0; i < GIC_NR_SGIS; i++) {
        if (!c->ns || extract32(c->cs->gicr_igroupr0, i, 1)) {
            v |= 2u << (i * 2);
        }
    }
    return v;
}

uint64_t gicsim_gicr_icfgr1_read(GicsimCtx *c)
{
    uint32_t v = 0;
    int i;

    if (powered_off(c)) {
        return 0;
    }
    for (i = 0; i < 16; i++) {
        int irq = GIC_NR_SGIS + i;

        if ((!c->ns || extract32(c->cs->gicr_igroupr0, irq, 1)) &&
            extract32(c->cs->edge_trigger, irq, 1)) {
            v |= 2u << (i * 2);
        }
    }
    return v;
}

void gicsim_gicr_icfgr1_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    int i;

    if (powered_off(c)) {
        return;
    }
    for (i = 0; i < 16; i++) {
        int irq = GIC_NR_SGIS + i;

        if (!c->ns || extract32(c->cs->gicr_igroupr0, irq, 1)) {
            c->cs->edge_trigger = deposit32(c->cs->edge_trigger, irq, 1,
                                            extract32(value, i * 2 + 1, 1));
        }
    }
    gicv3_redist_update(c->cs);
}

static bool secure_only_ok(GicsimCtx *c)
{
    return !powered_off(c) && !c->ns && !(c->s->gicd_ctlr & GICD_CTLR_DS);
}

uint64_t gicsim_gicr_nsacr_read(GicsimCtx *c)
{
    return secure_only_ok(c) ? c->cs->gicr_nsacr : 0;
}

void gicsim_gicr_nsacr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    if (secure_only_ok(c)) {
        c->cs->gicr_nsacr = value;
    }
}

/* ---- RD_base ---- */

uint64_t gicsim_gicr_ctlr_read(GicsimCtx *c)
{
    uint32_t v;

    if (powered_off(c)) {
        return 0;
    }
    v = c->cs->gicr_ctlr;
    if (c->ns) {
        /* DPG0 and DPG1S are Secure-only */
        v &= ~(GICR_CTLR_DPG0 | GICR_CTLR_DPG1S);
    }
    return v;
}

void gicsim_gicr_ctlr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3CPUState *cs = c->cs;
    uint32_t dpg = 0;

    if (powered_off(c)) {
        return;
    }
    if (c->sim->profile->dpgs) {
        dpg = c->ns ? GICR_CTLR_DPG1NS :
              GICR_CTLR_DPG0 | GICR_CTLR_DPG1NS | GICR_CTLR_DPG1S;
        if (c->s->gicd_ctlr & GICD_CTLR_DS) {
            dpg &= ~GICR_CTLR_DPG1S;
        }
        if ((cs->gicr_ctlr ^ value) & dpg) {
            cs->gicr_ctlr = (cs->gicr_ctlr & ~dpg) | (value & dpg);
            gicsim_update_1ofn_routing(c->s);
            gicv3_full_update(c->s);
        }
    }
    if (!(cs->gicr_typer & GICR_TYPER_PLPIS)) {
        return;
    }
    if ((value & GICR_CTLR_ENABLE_LPIS) &&
        !(cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS)) {
        cs->gicr_ctlr |= GICR_CTLR_ENABLE_LPIS;
        /* Scan the pending table for LPIs pending already */
        gicv3_redist_update_lpi(cs);
    } else if (!(value & GICR_CTLR_ENABLE_LPIS) &&
               (cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS)) {
        if (!(cs->gicr_ctlr & GICR_CTLR_CES)) {
            /* GICR_CTLR.CES says whether EnableLPIs can be cleared */
            qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICR_CTLR: "
                          "EnableLPIs cannot be cleared (CES == 0)\n");
            return;
        }
        cs->gicr_ctlr &= ~GICR_CTLR_ENABLE_LPIS;
        gicv3_redist_update(cs);
    }
}

uint64_t gicsim_gicr_iidr_read(GicsimCtx *c)
{
    return powered_off(c) ? 0 : c->sim->profile->gicr_iidr;
}

uint64_t gicsim_gicr_typer_read(GicsimCtx *c)
{
    uint64_t v = c->cs->gicr_typer;

    if (powered_off(c)) {
        return 0;
    }
    if (c->sim->profile->dpgs) {
        v |= GICR_TYPER_DPGS;
    }
    if (c->sim->profile->direct_lpi && (v & GICR_TYPER_PLPIS)) {
        v |= GICR_TYPER_DIRECTLPI;
    }
    return v;
}

static bool waker_accessible(GicsimCtx *c)
{
    /* Secure-only while DS == 0: RAZ/WI to Non-secure (GICR_WAKER) */
    return !powered_off(c) && !c->ns;
}

uint64_t gicsim_gicr_waker_read(GicsimCtx *c)
{
    return waker_accessible(c) ? c->cs->gicr_waker : 0;
}

void gicsim_gicr_waker_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3CPUState *cs = c->cs;
    uint32_t old = cs->gicr_waker;

    if (!waker_accessible(c)) {
        return;
    }
    /*
     * ProcessorSleep is the only writable bit; ChildrenAsleep follows it
     * once the interface is quiescent, which in this model is at once.
     */
    cs->gicr_waker = (value & GICR_WAKER_ProcessorSleep) ?
        GICR_WAKER_ProcessorSleep | GICR_WAKER_ChildrenAsleep : 0;
    if (old != cs->gicr_waker) {
        gicsim_update_1ofn_routing(c->s);
        gicv3_full_update(c->s);
    }
}

#define PWRR_RDGO_SHIFT 8
#define PWRR_RDG_SHIFT  15

uint64_t gicsim_gicr_pwrr_read(GicsimCtx *c)
{
    if (c->ns) {
        /* Secure-only while DS == 0 (GIC-600 TRM, GICR_PWRR) */
        return 0;
    }
    /*
     * RDG, the redistributor's power group, is its number here (one PE
     * per group, so RDGO is 0); RDAG is write-only.
     */
    return (c->sim->gicr_pwrr[cpu_index(c)] & ~PWRR_RDAG) |
           (cpu_index(c) << PWRR_RDG_SHIFT);
}

/*
 * GICR_PWRR (GIC-600 TRM 100336, GIC-600AE TRM 101206): RDPD requests
 * power down (1) or up (0); RDGPD is the power state the group is heading
 * for and RDGPO the state it is in; while they differ the group is in
 * transition and a write is ignored.  Each redistributor is its own power
 * group here, so RDAG changes nothing.  A write of RDPD = 1 is ignored
 * while GICR_WAKER.ProcessorSleep != 1.  Redistributors are powered down
 * at reset.
 */
void gicsim_gicr_pwrr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint32_t *pwrr = &c->sim->gicr_pwrr[cpu_index(c)];
    bool down = value & PWRR_RDPD;

    if (c->ns) {
        return;
    }
    if (!!(*pwrr & PWRR_RDGPD) != !!(*pwrr & PWRR_RDGPO)) {
        return;
    }
    if (down && !(c->cs->gicr_waker & GICR_WAKER_ProcessorSleep)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICR_PWRR: power "
                      "down of cpu %u refused while ProcessorSleep == 0\n",
                      cpu_index(c));
        return;
    }
    *pwrr = down ? PWRR_RDPD | PWRR_RDGPD | PWRR_RDGPO : 0;
    gicsim_update_1ofn_routing(c->s);
    gicv3_full_update(c->s);
}

static bool lpis_enabled(GicsimCtx *c, const char *what)
{
    if (!(c->cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s with "
                      "GICR_CTLR.EnableLPIs == 0 ignored\n", what);
        return false;
    }
    return true;
}

static bool lpi_intid_ok(GicsimCtx *c, uint64_t intid)
{
    unsigned idbits = MIN(FIELD_EX64(c->cs->gicr_propbaser, GICR_PROPBASER,
                                     IDBITS), c->sim->profile->idbits);

    return intid >= GICV3_LPI_INTID_START && intid < (1ULL << (idbits + 1));
}

static void lpir_write(GicsimCtx *c, uint64_t value, uint64_t mask, int lvl)
{
    uint32_t intid = value;

    if (powered_off(c) || !(mask & 0xffffffff) ||
        !lpis_enabled(c, c->reg->name)) {
        return;
    }
    if (!lpi_intid_ok(c, intid)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s: INTID %u is not "
                      "an LPI within GICR_PROPBASER.IDbits; ignored\n",
                      c->reg->name, intid);
        return;
    }
    gicv3_redist_lpi_pending(c->cs, intid, lvl);
}

void gicsim_gicr_setlpir_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    lpir_write(c, value, mask, 1);
}

void gicsim_gicr_clrlpir_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    lpir_write(c, value, mask, 0);
}

void gicsim_gicr_invlpir_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint32_t intid = value;

    if (powered_off(c) || !(mask & 0xffffffff) ||
        !lpis_enabled(c, "GICR_INVLPIR") || !lpi_intid_ok(c, intid)) {
        return;
    }
    gicv3_redist_inv_lpi(c->cs, intid);
}

void gicsim_gicr_invallr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    if (!powered_off(c) && lpis_enabled(c, "GICR_INVALLR")) {
        gicv3_redist_update_lpi(c->cs);
    }
}

#define PROPBASER_MASK (R_GICR_PROPBASER_IDBITS_MASK | \
                        R_GICR_PROPBASER_INNERCACHE_MASK | \
                        R_GICR_PROPBASER_SHAREABILITY_MASK | \
                        R_GICR_PROPBASER_PHYADDR_MASK | \
                        R_GICR_PROPBASER_OUTERCACHE_MASK)
#define PENDBASER_MASK (R_GICR_PENDBASER_INNERCACHE_MASK | \
                        R_GICR_PENDBASER_SHAREABILITY_MASK | \
                        R_GICR_PENDBASER_PHYADDR_MASK | \
                        R_GICR_PENDBASER_OUTERCACHE_MASK)

static uint64_t *lpi_baser_of(GicsimCtx *c, uint64_t *writable)
{
    if (c->reg == &gicsim_regs[GICSIM_GICR_PROPBASER]) {
        *writable = PROPBASER_MASK;
        return &c->cs->gicr_propbaser;
    }
    *writable = PENDBASER_MASK;
    return &c->cs->gicr_pendbaser;
}

uint64_t gicsim_gicr_baser_read(GicsimCtx *c)
{
    uint64_t w;

    return powered_off(c) ? 0 : *lpi_baser_of(c, &w);
}

void gicsim_gicr_baser_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint64_t w, *reg = lpi_baser_of(c, &w);

    if (powered_off(c)) {
        return;
    }
    if (c->cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS) {
        /* UNPREDICTABLE while LPIs are enabled (GICR_PROPBASER) */
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: write to %s while "
                      "GICR_CTLR.EnableLPIs == 1 ignored\n", c->reg->name);
        return;
    }
    *reg = gicsim_merge(*reg, value, mask & w);
}

/* ---- VLPI_base (GICv4) ---- */

#define VPROPBASER_MASK (R_GICR_VPROPBASER_IDBITS_MASK | \
                         R_GICR_VPROPBASER_INNERCACHE_MASK | \
                         R_GICR_VPROPBASER_SHAREABILITY_MASK | \
                         R_GICR_VPROPBASER_PHYADDR_MASK | \
                         R_GICR_VPROPBASER_OUTERCACHE_MASK)
#define VPENDBASER_MASK (R_GICR_VPENDBASER_INNERCACHE_MASK | \
                         R_GICR_VPENDBASER_SHAREABILITY_MASK | \
                         R_GICR_VPENDBASER_PHYADDR_MASK | \
                         R_GICR_VPENDBASER_OUTERCACHE_MASK | \
                         R_GICR_VPENDBASER_PENDINGLAST_MASK | \
                         R_GICR_VPENDBASER_IDAI_MASK | \
                         R_GICR_VPENDBASER_VALID_MASK)

uint64_t gicsim_gicr_vpropbaser_read(GicsimCtx *c)
{
    return powered_off(c) ? 0 : c->cs->gicr_vpropbaser;
}

void gicsim_gicr_vpropbaser_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    if (!powered_off(c)) {
        c->cs->gicr_vpropbaser = gicsim_merge(c->cs->gicr_vpropbaser, value,
                                              mask & VPROPBASER_MASK);
    }
}

uint64_t gicsim_gicr_vpendbaser_read(GicsimCtx *c)
{
    return powered_off(c) ? 0 : c->cs->gicr_vpendbaser;
}

void gicsim_gicr_vpendbaser_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3CPUState *cs = c->cs;
    uint64_t old = cs->gicr_vpendbaser;
    uint64_t new = gicsim_merge(old, value, mask & VPENDBASER_MASK);
    bool was_valid = FIELD_EX64(old, GICR_VPENDBASER, VALID);
    bool valid = FIELD_EX64(new, GICR_VPENDBASER, VALID);

    if (powered_off(c)) {
        return;
    }
    if (was_valid && valid) {
        if (old != new) {
            /* UNPREDICTABLE (GICR_VPENDBASER): log and keep the resident vPE */
            qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICR_VPENDBASER "
                          "changed while Valid == 1; ignored\n");
        }
        return;
    }
    if (!was_valid && valid) {
        /* Scheduling a vPE: PendingLast is RES1 on this transition */
        cs->gicr_vpendbaser = FIELD_DP64(new, GICR_VPENDBASER, PENDINGLAST, 1);
        gicv3_redist_vinvall(cs, new & R_GICR_VPENDBASER_PHYADDR_MASK);
    } else if (was_valid && !valid) {
        /* Descheduling: PendingLast says whether a vLPI was pending */
        cs->gicr_vpendbaser = FIELD_DP64(new, GICR_VPENDBASER, PENDINGLAST,
                                         cs->hppvlpi.prio != 0xff);
        cs->hppvlpi.prio = 0xff;
        cs->hppvlpi.nmi = false;
        gicv3_cpuif_virt_irq_fiq_update(cs);
    } else {
        cs->gicr_vpendbaser = new;
    }
}

/* ---- PPI input lines ---- */

void gicsim_redist_set_irq(GICv3CPUState *cs, int irq, int level)
{
    bool was = extract32(cs->level, irq, 1);

    cs->level = deposit32(cs->level, irq, 1, level);
    if (level && !was && extract32(cs->edge_trigger, irq, 1)) {
        cs->gicr_ipendr0 = deposit32(cs->gicr_ipendr0, irq, 1, 1);
    }
    gicv3_redist_update(cs);
}

void gicsim_redist_reset(GICv3SimState *sim, bool powered)
{
    unsigned i;

    for (i = 0; i < sim->num_pwrr; i++) {
        /* GIC-600/700 redistributors come out of reset powered down */
        sim->gicr_pwrr[i] = powered ? 0 : PWRR_RDPD | PWRR_RDGPD | PWRR_RDGPO;
    }
}

