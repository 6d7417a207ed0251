/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: redistributor (GICR) register handlers and PPI inputs.
 * IHI 0069H redistributor register descriptions (RD_base, SGI_base and
 * VLPI_base frames).
 *
 * The dispatch has applied each register's gates (Secure-only, two
 * Security states, power) and hidden its Secure-only fields before a
 * handler runs; c->ns is left for the per-interrupt Security view.
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "gicsim-internal.h"
#include "trace.h"

/*
 * SGI_base: the per-interrupt registers are gicsim-irq-regs.c's, one
 * family with the distributor's.
 */

/* ---- RD_base ---- */

uint64_t gicsim_gicr_ctlr_read(GicsimCtx *c)
{
    unsigned cpu = gicsim_cpu_index(c);
    uint32_t v = gicsim_gicr_ctlr_view(c->sim, cpu);

    if (gicsim_effect_pending(c->sim, GICSIM_FX_GICR_CTLR, cpu) ||
        gicsim_effect_pending(c->sim, GICSIM_FX_GICR_DISABLE, cpu)) {
        v |= GICR_CTLR_RWP;
    }
    /*
     * UWP stays 0: QEMU's CPU interface hands an SGI to its target
     * redistributors synchronously (docs/timing.rst).
     */
    return v;
}

/*
 * GICR_CTLR: EnableLPIs (once set, cleared only where CES says it can be),
 * DPG0/DPG1NS/DPG1S where GICR_TYPER.DPGS is 1 (DPG1S is RES0 with
 * DS == 1).  Clearing EnableLPIs and changing DPG* are tracked by RWP.
 */
void gicsim_gicr_ctlr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3CPUState *cs = c->cs;
    unsigned cpu = gicsim_cpu_index(c);
    uint32_t old = gicsim_gicr_ctlr_view(c->sim, cpu);
    uint32_t new = old;
    uint32_t dpg = 0;

    if (c->sim->profile->dpgs) {
        /* The dispatch removed DPG0/DPG1S from a Non-secure write */
        dpg = (GICR_CTLR_DPG0 | GICR_CTLR_DPG1NS | GICR_CTLR_DPG1S) & mask;
        if (c->s->gicd_ctlr & GICD_CTLR_DS) {
            dpg &= ~GICR_CTLR_DPG1S;
        }
        new = gicsim_merge(new, value, dpg);
    }
    if (cs->gicr_typer & GICR_TYPER_PLPIS) {
        if ((value & GICR_CTLR_ENABLE_LPIS) &&
            !(old & GICR_CTLR_ENABLE_LPIS)) {
            /* Enabling LPIs is not tracked by RWP: at once */
            cs->gicr_ctlr |= GICR_CTLR_ENABLE_LPIS;
            if (gicsim_effect_pending(c->sim, GICSIM_FX_GICR_CTLR, cpu)) {
                c->sim->rfx[cpu].gicr_ctlr |= GICR_CTLR_ENABLE_LPIS;
            }
            old |= GICR_CTLR_ENABLE_LPIS;
            new |= GICR_CTLR_ENABLE_LPIS;
            /* Scan the pending table for LPIs pending already */
            gicv3_redist_update_lpi(cs);
        } else if (!(value & GICR_CTLR_ENABLE_LPIS) &&
                   (old & GICR_CTLR_ENABLE_LPIS)) {
            if (cs->gicr_ctlr & GICR_CTLR_CES) {
                new &= ~GICR_CTLR_ENABLE_LPIS;
            } else {
                /* GICR_CTLR.CES says whether EnableLPIs can be cleared */
                qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICR_CTLR: "
                              "EnableLPIs cannot be cleared (CES == 0)\n");
            }
        }
    }
    if (new != old) {
        gicsim_gicr_ctlr_request(c->sim, cpu, new);
    }
}

uint64_t gicsim_gicr_iidr_read(GicsimCtx *c)
{
    return c->sim->profile->gicr_iidr;
}

uint64_t gicsim_gicr_typer_read(GicsimCtx *c)
{
    uint64_t v = c->cs->gicr_typer;

    if (c->sim->profile->dpgs) {
        v |= GICR_TYPER_DPGS;
    }
    if (c->sim->profile->direct_lpi && (v & GICR_TYPER_PLPIS)) {
        v |= GICR_TYPER_DIRECTLPI;
    }
    return v;
}

uint64_t gicsim_gicr_waker_read(GicsimCtx *c)
{
    return c->cs->gicr_waker;
}

/*
 * GICR_WAKER: ProcessorSleep is the only writable bit; ChildrenAsleep
 * follows it once the redistributor's interface is quiescent
 * (gicsim-effects.c).
 */
void gicsim_gicr_waker_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    bool sleep = FIELD_EX32(value, GICSIM_GICR_WAKER, ProcessorSleep);

    if (sleep != FIELD_EX32(c->cs->gicr_waker, GICSIM_GICR_WAKER,
                            ProcessorSleep) ||
        sleep != FIELD_EX32(c->cs->gicr_waker, GICSIM_GICR_WAKER,
                            ChildrenAsleep)) {
        gicsim_waker_request(c->sim, gicsim_cpu_index(c), sleep);
    }
}

/*
 * RDG, the redistributor's power group, is its number here (one PE per
 * group, so RDGO is 0); RDAG is write-only.
 *
 * RDPD reads 0 only once the redistributor "is powered up and can be
 * accessed" (GIC-600 TRM 100336, GICR_PWRR, RDPD == 0; GIC-600AE TRM
 * 101206, Table 5-27): while a power-up is in flight it still reads 1.
 * The TRM's power-on sequence ("3.6.1 Redistributor power management",
 * TF-A's gic600_pwr_on()) writes RDPD = 0 and repeats until RDPD reads
 * 0, with the comment "Check access, if RDPD == 0 then powered on", and
 * programs the redistributor straight after: RDPD read as written at once
 * would let it do so while the redistributor is still off.  The TRMs do
 * not say what RDPD reads during the transition; this is the reading
 * that firmware written for the silicon relies on (docs/timing.rst).
 */
uint64_t gicsim_gicr_pwrr_read(GicsimCtx *c)
{
    unsigned cpu = gicsim_cpu_index(c);
    uint32_t v = c->sim->gicr_pwrr[cpu] & ~R_GICSIM_GICR_PWRR_RDAG_MASK;

    if (v & R_GICSIM_GICR_PWRR_RDGPO_MASK) {
        v |= R_GICSIM_GICR_PWRR_RDPD_MASK;
    }
    return FIELD_DP32(v, GICSIM_GICR_PWRR, RDG, cpu);
}

/*
 * GICR_PWRR (GIC-600 TRM 100336, GIC-600AE TRM 101206): RDPD requests
 * power down (1) or up (0); RDGPD is the power state the group is heading
 * for and RDGPO the state it is in; while they differ the group is in
 * transition and a write is ignored; a write of the state the group is in
 * starts no transition.  Each redistributor is its own power
 * group here, so RDAG changes nothing.  A write of RDPD = 1 is ignored
 * while GICR_WAKER.ProcessorSleep != 1.  Redistributors are powered down
 * at reset.
 */
void gicsim_gicr_pwrr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    unsigned cpu = gicsim_cpu_index(c);
    uint32_t pwrr = c->sim->gicr_pwrr[cpu];
    bool down = FIELD_EX32(value, GICSIM_GICR_PWRR, RDPD);

    if (FIELD_EX32(pwrr, GICSIM_GICR_PWRR, RDGPD) !=
        FIELD_EX32(pwrr, GICSIM_GICR_PWRR, RDGPO)) {
        /* GIC-600 TRM: ignored while the group is in transition */
        gicsim_did_not_wait(c->sim, GICSIM_FX_PWRR, cpu, "GICR_PWRR write to");
        return;
    }
    if (down == FIELD_EX32(pwrr, GICSIM_GICR_PWRR, RDGPO)) {
        /*
         * The group is in the requested state already: nothing to do
         * (Trusted Firmware-A writes RDPD = 0 again once RDGPD == RDGPO)
         */
        return;
    }
    if (down && !(c->cs->gicr_waker & GICR_WAKER_ProcessorSleep)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: GICR_PWRR: power "
                      "down of cpu %u refused while ProcessorSleep == 0\n",
                      cpu);
        return;
    }
    gicsim_pwrr_request(c->sim, cpu, down);
}

/* ---- Direct LPIs: GICR_SETLPIR, CLRLPIR, INVLPIR, INVALLR ---- */

static bool lpis_enabled(GicsimCtx *c)
{
    if (!(c->cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s with "
                      "GICR_CTLR.EnableLPIs == 0 ignored\n", c->reg->name);
        return false;
    }
    return true;
}

static bool lpi_intid_ok(GicsimCtx *c, uint64_t intid)
{
    unsigned idbits = MIN(FIELD_EX64(c->cs->gicr_propbaser,
                                     GICSIM_GICR_PROPBASER, IDbits),
                          c->sim->profile->idbits);

    return intid >= GICV3_LPI_INTID_START && intid < (1ULL << (idbits + 1));
}

/* Is this a write of pINTID to an LPI this redistributor can take? */
static bool lpi_write_ok(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint32_t intid = FIELD_EX64(value, GICSIM_GICR_SETLPIR, pINTID);

    if (!(mask & R_GICSIM_GICR_SETLPIR_pINTID_MASK) || !lpis_enabled(c)) {
        return false;
    }
    if (!lpi_intid_ok(c, intid)) {
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: %s: INTID %u is not "
                      "an LPI within GICR_PROPBASER.IDbits; ignored\n",
                      c->reg->name, intid);
        return false;
    }
    return true;
}

/* GICR_SETLPIR, and GICR_CLRLPIR (.clears; completion tracked by SYNCR) */
void gicsim_gicr_lpir_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint32_t intid = FIELD_EX64(value, GICSIM_GICR_SETLPIR, pINTID);

    if (!lpi_write_ok(c, value, mask)) {
        return;
    }
    if (c->reg->clears) {
        gicsim_lpi_sync_request(c->sim, gicsim_cpu_index(c),
                                GICSIM_LPI_CLEAR, intid);
    } else {
        gicv3_redist_lpi_pending(c->cs, intid, 1);
    }
}

void gicsim_gicr_invlpir_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    if (lpi_write_ok(c, value, mask)) {
        gicsim_lpi_sync_request(c->sim, gicsim_cpu_index(c), GICSIM_LPI_INV,
                                FIELD_EX64(value, GICSIM_GICR_SETLPIR,
                                           pINTID));
    }
}

void gicsim_gicr_invallr_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    if (lpis_enabled(c)) {
        gicsim_lpi_sync_request(c->sim, gicsim_cpu_index(c),
                                GICSIM_LPI_INVALL, 0);
    }
}

/* GICR_SYNCR.Busy: an INVLPIR, INVALLR or CLRLPIR write is in flight */
uint64_t gicsim_gicr_syncr_read(GicsimCtx *c)
{
    return FIELD_DP32(0, GICSIM_GICR_SYNCR, Busy,
                      gicsim_effect_pending(c->sim, GICSIM_FX_LPI_SYNC,
                                            gicsim_cpu_index(c)));
}

/* ---- GICR_PROPBASER, GICR_PENDBASER ---- */

static uint64_t *lpi_baser(GicsimCtx *c)
{
    return c->reg->state == GICSIM_ST_PROPBASER ? &c->cs->gicr_propbaser :
                                                   &c->cs->gicr_pendbaser;
}

uint64_t gicsim_gicr_baser_read(GicsimCtx *c)
{
    return *lpi_baser(c);
}

void gicsim_gicr_baser_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    uint64_t *reg = lpi_baser(c);

    if (c->cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS) {
        /* UNPREDICTABLE while LPIs are enabled (GICR_PROPBASER) */
        qemu_log_mask(LOG_GUEST_ERROR, "arm-gicv3-sim: write to %s while "
                      "GICR_CTLR.EnableLPIs == 1 ignored\n", c->reg->name);
        return;
    }
    *reg = gicsim_merge(*reg, value, mask & c->reg->wmask);
}

/* ---- VLPI_base (GICv4) ---- */

uint64_t gicsim_gicr_vpropbaser_read(GicsimCtx *c)
{
    return c->cs->gicr_vpropbaser;
}

void gicsim_gicr_vpropbaser_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    c->cs->gicr_vpropbaser = gicsim_merge(c->cs->gicr_vpropbaser, value,
                                          mask & c->reg->wmask);
}

uint64_t gicsim_gicr_vpendbaser_read(GicsimCtx *c)
{
    return c->cs->gicr_vpendbaser;
}

void gicsim_gicr_vpendbaser_write(GicsimCtx *c, uint64_t value, uint64_t mask)
{
    GICv3CPUState *cs = c->cs;
    uint64_t old = cs->gicr_vpendbaser;
    uint64_t new = gicsim_merge(old, value, mask & c->reg->wmask);
    bool was_valid = FIELD_EX64(old, GICSIM_GICR_VPENDBASER, Valid);
    bool valid = FIELD_EX64(new, GICSIM_GICR_VPENDBASER, Valid);

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
        cs->gicr_vpendbaser = FIELD_DP64(new, GICSIM_GICR_VPENDBASER,
                                         PendingLast, 1);
        gicv3_redist_vinvall(cs, new &
                             R_GICSIM_GICR_VPENDBASER_PhysicalAddress_MASK);
    } else if (was_valid && !valid) {
        /* Descheduling: PendingLast says whether a vLPI was pending */
        cs->gicr_vpendbaser = FIELD_DP64(new, GICSIM_GICR_VPENDBASER,
                                         PendingLast,
                                         cs->hppvlpi.prio != 0xff);
        cs->hppvlpi.prio = 0xff;
        cs->hppvlpi.nmi = false;
        gicv3_cpuif_virt_irq_fiq_update(cs);
    } else {
        cs->gicr_vpendbaser = new;
    }
}

/* ---- PPI input lines ---- */

/* A PPI input line: nothing to do when its level does not change */
void gicsim_redist_set_irq(GICv3CPUState *cs, int irq, int level)
{
    if (level == extract32(cs->level, irq, 1)) {
        return;
    }
    trace_gicsim_redist_set_irq(cs->cpu->cpu_index, irq, level);
    gicsim_clock_sync(gicsim_of(cs->gic));
    cs->level = deposit32(cs->level, irq, 1, level);
    if (level && extract32(cs->edge_trigger, irq, 1)) {
        cs->gicr_ipendr0 = deposit32(cs->gicr_ipendr0, irq, 1, 1);
    }
    gicv3_redist_update_one(cs);
}
