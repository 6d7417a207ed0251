/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: distributor (GICD) register handlers and SPI inputs.  The
 * per-interrupt registers (bitmaps, IPRIORITYR, ICFGR, NSACR) are
 * gicsim-irq-regs.c's, one family with the redistributor's.
 *
 * State lives in QEMU's GICv3State; after a change we let QEMU's GICv3
 * code recompute the highest priority pending interrupts through
 * gicv3_update_targets() and friends (gicv3_internal.h).
 *
 * Affinity routing is always enabled (GICD_CTLR.ARE_S == ARE_NS == 1), so
 * the distributor copies of SGI/PPI state (element 0 of the bitmap
 * registers, IPRIORITYR0-7, ICFGR0-1, NSACR0-1) and the legacy registers
 * (ITARGETSR, SGIR, CPENDSGIR, SPENDSGIR) are RES0:  IHI 0069H,
 * "When affinity routing is enabled" in each register's description.
 *
 * The dispatch has applied each register's gates (Secure-only, two
 * Security states) before a handler runs; c->ns is left for the
 * per-interrupt Security view (each interrupt's group, GICD_NSACR).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qemu/bswap.h"
#include "gicsim-internal.h"
#include "trace.h"

/*
 * May a Non-secure access reach @irq: Group 1 Non-secure, or its
 * GICD_NSACR field at least @nsacr_min (0 for none)?  IHI 0069H Security
 * model and GICD_NSACR.
 */
static inline bool ns_can_access_irq(GicsimCtx *c, int irq,
                                     unsigned nsacr_min)
{
    return !c->ns || gicv3_gicd_group_test(c->s, irq) ||
           (nsacr_min &&
            gicsim_nsacr_field(c->s->gicd_nsacr, irq) >= nsacr_min);
}

/* ---- GICD_CTLR ---- */

uint64_t gicsim_gicd_ctlr_read(GicsimCtx *c)
{
    uint32_t v = gicsim_gicd_ctlr_view(c->sim);

    if (gicsim_effect_pending(c->sim, GICSIM_FX_GICD_CTLR, 0) ||
        gicsim_effect_pending(c->sim, GICSIM_FX_GICD_DISABLE, 0)) {
        /* RWP: a tracked write has not reached every redistributor yet */
        v |= GICD_CTLR_RWP;
    }
    if (c->ns) {
        /*
         * Non-secure view with ARE_NS == 1 (GICD_CTLR, Non-secure
         * access): bit 1 EnableGrp1A aliases EnableGrp1NS, bit 4 ARE_NS
         * aliases ARE_NS, bit 31 RWP.
         */
        return (v & GICD_CTLR_EN_GRP1NS) |
               ((v & GICD_CTLR_ARE_NS) ? GICD_CTLR_ARE_S : 0) |
               (v & GICD_CTLR_RWP);
    }
    return v;
}

void gicsim_gicd_ctlr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint32_t old = gicsim_gicd_ctlr_view(c->sim);
    uint32_t new;
    uint32_t writable;

    if (old & GICD_CTLR_DS) {
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
    new = gicsim_merge(old, value, writable & mask);
    if (new & GICD_CTLR_DS) {
        /*
         * With DS == 1 there is no Secure Group 1 and one ARE bit
         * (GICD_CTLR: EnableGrp1S and ARE_NS are RES0 when DS == 1).
         */
        new &= ~(GICD_CTLR_EN_GRP1S | GICD_CTLR_ARE_NS);
        new |= GICD_CTLR_ARE;
    }
    if (new != old) {
        gicsim_gicd_ctlr_request(c->sim, new);
    }
}

/* ---- Identification and type registers ---- */

void gicsim_gicd_typer_init(GICv3SimState *sim)
{
    GICv3State *s = &sim->parent_obj;
    const GicsimProfile *p = sim->profile;

    /*
     * CPUNumber is 0 with affinity routing; IDbits from the profile;
     * A3V: Aff3 supported; DVIS: direct vLPI injection with GICv4.
     */
#define TYPER(field, v) ((uint32_t)(v) << R_GICSIM_GICD_TYPER_##field##_SHIFT)
    sim->gicd_typer = TYPER(ITLinesNumber, s->num_irq / 32 - 1) |
                      TYPER(NMI, s->nmi_support) |
                      TYPER(MBIS, p->mbis) |
                      TYPER(LPIS, s->lpi_enable) |
                      TYPER(DVIS, s->revision >= 4) |
                      TYPER(IDbits, p->idbits) |
                      TYPER(A3V, 1) |
                      TYPER(No1N, p->no1n);
#undef TYPER
}

uint64_t gicsim_gicd_typer_read(GicsimCtx *c)
{
    /*
     * SecurityExtn: two Security states, RAZ when DS == 1 (GICD_TYPER).
     * Without them it is 0 whatever DS (which reads 1 then): fixed.
     */
    return c->sim->gicd_typer |
           (c->s->security_extn && !(c->s->gicd_ctlr & GICD_CTLR_DS) ?
            R_GICSIM_GICD_TYPER_SecurityExtn_MASK : 0);
}

uint64_t gicsim_gicd_iidr_read(GicsimCtx *c)
{
    return c->sim->profile->gicd_iidr;
}

uint64_t gicsim_read_id(GicsimCtx *c)
{
    const GicsimProfile *p = c->sim->profile;
    unsigned i = (c->reg->offset - GICSIM_OFF_IDREGS) / 4;
    uint32_t v = c->cs ? p->gicr_id[i] : p->gicd_id[i];

    if (i == (GICSIM_GICD_PIDR2 - GICSIM_GICD_PIDR4)) {
        /* PIDR2.ArchRev is the GIC architecture revision */
        v = FIELD_DP32(v, GICSIM_PIDR2, ArchRev, c->s->revision);
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

/*
 * ---- SPI set/clear pending by number: GICD_SETSPI_NSR, CLRSPI_NSR and
 * (Secure-only) SETSPI_SR, CLRSPI_SR ----
 */

void gicsim_gicd_spi_by_number_write(GicsimCtx *c, uint64_t value,
                                     uint64_t mask)
{
    GICv3State *s = c->s;
    int irq = FIELD_EX32(value, GICSIM_GICD_SETSPI_NSR, INTID);

    if (!gicsim_spi_implemented(c, irq)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s: INTID %d is not "
                      "an implemented SPI; write ignored\n",
                      c->reg->name, irq);
        return;
    }
    if (!ns_can_access_irq(c, irq, c->reg->nsacr_write)) {
        return;
    }
    gicv3_gicd_pending_replace(s, irq, !c->reg->clears);
    gicv3_update_targets(s, irq, 1, NULL, 0);
}

/* ---- GICD_IROUTER<n>: n is the INTID ---- */

static bool irouter_ok(GicsimCtx *c)
{
    int irq = c->index;

    /* Secure interrupts need NSACR == 0b11 for Non-secure access */
    return irq < c->s->num_irq && ns_can_access_irq(c, irq, c->reg->nsacr_read);
}

uint64_t gicsim_gicd_irouter_read(GicsimCtx *c)
{
    return irouter_ok(c) ? c->s->gicd_irouter[c->index] : 0;
}

void gicsim_gicd_irouter_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    int irq = c->index;
    uint64_t m = c->reg->wmask & mask;
    GICv3CPUState *old;

    if (!irouter_ok(c)) {
        return;
    }
    if ((value & m & R_GICSIM_GICD_IROUTER_Interrupt_Routing_Mode_MASK) &&
        c->sim->profile->no1n) {
        /*
         * GICD_TYPER.No1N == 1: 1-of-N routing is not supported.  The bit
         * is kept, as stock QEMU keeps it, and routing uses the affinity.
         */
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICD_IROUTER%d.IRM "
                      "set but GICD_TYPER.No1N == 1 (profile %s): routed by "
                      "affinity\n", irq, c->sim->profile->name);
    }
    c->s->gicd_irouter[irq] = gicsim_merge(c->s->gicd_irouter[irq], value, m);
    old = c->s->gicd_irouter_target[irq];
    gicsim_update_routing(c->s, irq);
    if (c->s->gicd_irouter_target[irq] != old) {
        /* Nothing else about the SPI's delivery depends on GICD_IROUTER */
        gicv3_update_targets(c->s, irq, 1, &old, 1);
    }
}

/* ---- SPI input lines ---- */

/*
 * An SPI input line changed level, or was driven to the level it has:
 * devices (the generic timer's PPIs above all) re-assert their lines
 * often, so a level that does not change costs nothing.
 */
void gicsim_dist_set_irq(GICv3State *s, int irq, int level)
{
    if (level == gicv3_gicd_level_test(s, irq)) {
        return;
    }
    trace_gicsim_dist_set_irq(irq, level);
    /* What is due completes before the new level is routed */
    gicsim_clock_sync(gicsim_of(s));
    gicv3_gicd_level_replace(s, irq, level);
    if (level && gicv3_gicd_edge_trigger_test(s, irq)) {
        /* Edge-triggered: a rising edge latches the pending state */
        gicv3_gicd_pending_set(s, irq);
    }
    gicv3_update_targets(s, irq, 1, NULL, 0);
}
