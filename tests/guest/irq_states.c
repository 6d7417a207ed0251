// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Interrupt states and their life cycle (IHI 0069 chapter 4, "Interrupt lifecycle"): level- vs
 * edge-triggered (GICD_ICFGR), active and active-and-pending read back in
 * GICD_ISACTIVER/ISPENDR from inside the handler, enable gating, EOI with
 * ICC_CTLR_EL1.EOImode 0 (drop + deactivate) and 1 (drop only, then
 * ICC_DIR_EL1 deactivates; IHI 0069 "Priority drop and interrupt deactivation", ICC_CTLR_EL1.EOImode).
 *
 * E2E-RUN: v3 gic-version=3 |
 * E2E-RUN: v4 gic-version=4,virtualization=on |
 *
 * E2E-EXPECT: PASS sgi_icfgr_edge_ro
 * E2E-EXPECT: PASS spi_icfgr_readback
 * E2E-EXPECT: PASS iar_spurious_when_idle
 * E2E-EXPECT: PASS disabled_stays_pending
 * E2E-EXPECT: PASS enable_delivers
 * E2E-EXPECT: PASS icpendr_clears_pending
 * E2E-EXPECT: PASS edge_active_in_handler
 * E2E-EXPECT: PASS edge_pending_and_active_in_handler
 * E2E-EXPECT: PASS edge_repended_taken_after_eoi
 * E2E-EXPECT: PASS level_spi_ispendr_cleared_on_ack
 * E2E-EXPECT: PASS level_ppi_pending_and_active_in_handler
 * E2E-EXPECT: PASS level_ppi_active_after_deassert
 * E2E-EXPECT: PASS level_ppi_inactive_after_eoi
 * E2E-EXPECT: PASS eoimode0_deactivates
 * E2E-EXPECT: PASS eoimode1_readback
 * E2E-EXPECT: PASS eoimode1_eoi_drops_priority
 * E2E-EXPECT: PASS eoimode1_still_active_after_eoi
 * E2E-EXPECT: PASS eoimode1_not_retaken_while_active
 * E2E-EXPECT: PASS eoimode1_dir_deactivates
 * E2E-EXPECT: PASS eoimode1_retaken_after_dir
 * E2E-EXPECT: SUMMARY irq_states: 20 passed, 0 failed, 0 skipped
 */
#include "gic.h"

#define TIMEOUT 5000000     /* us; generous for a loaded host */

struct snap {
    int id, pending, active;
    uint32_t rpr;
};
static volatile struct snap in_handler[8];
static volatile int taken;
static volatile int eoimode1;           /* handler does EOI only */
static volatile uint32_t last_iar;
static void (*volatile action)(int id);

static void state_irq(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    int id = iar & 0xffffff;
    if (id == SPURIOUS) {
        spurious_count[0]++;
        return;
    }
    int n = taken;
    if (n < 8) {
        in_handler[n].id = id;
        in_handler[n].pending = irq_is_pending(id);
        in_handler[n].active = irq_is_active(id);
    }
    if (action) {
        action(id);
    }
    if (n < 8) {
        in_handler[n].rpr = read_sysreg(ICC_RPR_EL1) & 0xff;
    }
    last_iar = iar;
    taken = n + 1;
    write_sysreg(ICC_EOIR1_EL1, iar);   /* EOImode 1: priority drop only */
    isb();
}

static void setup_spi(int id, int edge)
{
    irq_set_edge(id, edge);
    irq_route(id, 0, 0);
    irq_set_priority(id, 0x80);
}

static volatile int edge_mid_pending, edge_mid_active;

static void act_repend(int id)
{
    if (id == 40 && taken == 0) {
        irq_set_pending(40);            /* becomes active and pending */
        edge_mid_pending = irq_is_pending(40);
        edge_mid_active = irq_is_active(40);
    }
}

static volatile int ppi_after_mask_pending, ppi_after_mask_active;

static void act_timer(int id)
{
    if (id == 27) {
        write_sysreg(cntv_ctl_el0, 3);  /* IMASK: deassert the line */
        isb();
        WAIT_FOR(!irq_is_pending(27), TIMEOUT);
        ppi_after_mask_pending = irq_is_pending(27);
        ppi_after_mask_active = irq_is_active(27);
    }
}

int main(void)
{
    gic_dist_init();
    gic_cpu_init();
    irq_hook[0] = state_irq;

    /* SGIs are always edge-triggered: GICR_ICFGR0 reads 0xaaaaaaaa and
     * is read-only (IHI 0069, GICR_ICFGR0). */
    uintptr_t sgi = gicr_sgi(0);
    mmio_write32(sgi + GICD_ICFGR, 0);
    check_eq("sgi_icfgr_edge_ro", mmio_read32(sgi + GICD_ICFGR), 0xaaaaaaaa);

    setup_spi(40, 1);
    setup_spi(41, 0);
    uint32_t cfg = gicd_read(GICD_ICFGR + 40 / 16 * 4);
    check("spi_icfgr_readback", ((cfg >> 17) & 1) == 1 && ((cfg >> 19) & 1) == 0,
          "GICD_ICFGR2 0x%x: SPI 40 edge bit %d, SPI 41 edge bit %d", cfg,
          (cfg >> 17) & 1, (cfg >> 19) & 1);

    check_eq("iar_spurious_when_idle", read_sysreg(ICC_IAR1_EL1) & 0xffffff,
             SPURIOUS);

    /* A disabled interrupt can be pending but is not forwarded. */
    local_irq_enable();
    irq_set_pending(40);
    delay_us(10000);
    check("disabled_stays_pending", taken == 0 && irq_is_pending(40),
          "taken %d pending %d", taken, irq_is_pending(40));
    irq_enable(40);
    WAIT_FOR(taken == 1, TIMEOUT);
    check("enable_delivers", taken == 1 && in_handler[0].id == 40,
          "taken %d", taken);
    irq_disable(40);
    irq_set_pending(40);
    irq_clear_pending(40);
    check("icpendr_clears_pending", !irq_is_pending(40), "still pending");

    /* Edge: active (not pending) in the handler; re-pended there it is
     * active and pending, and taken again after the EOI. */
    taken = 0;
    action = act_repend;
    irq_enable(40);
    irq_set_pending(40);
    WAIT_FOR(taken == 2, TIMEOUT);
    check("edge_active_in_handler", in_handler[0].active &&
          !in_handler[0].pending, "pending %d active %d",
          in_handler[0].pending, in_handler[0].active);
    check("edge_pending_and_active_in_handler", edge_mid_pending &&
          edge_mid_active, "pending %d active %d", edge_mid_pending,
          edge_mid_active);
    check("edge_repended_taken_after_eoi", taken == 2 &&
          in_handler[1].id == 40, "taken %d", taken);
    action = 0;

    /* Level SPI made pending by software: the pending latch is cleared
     * when the interrupt is acknowledged (IHI 0069, GICD_ISPENDR<n>: level-sensitive). */
    taken = 0;
    irq_enable(41);
    irq_set_pending(41);
    WAIT_FOR(taken == 1, TIMEOUT);
    delay_us(5000);
    check("level_spi_ispendr_cleared_on_ack", taken == 1 &&
          in_handler[0].active && !in_handler[0].pending &&
          !irq_is_pending(41) && !irq_is_active(41),
          "taken %d; in handler pending %d active %d", taken,
          in_handler[0].pending, in_handler[0].active);

    /* Level PPI with a real source (virtual timer): while the line is
     * high the interrupt is active and pending in the handler. */
    taken = 0;
    action = act_timer;
    irq_enable(27);
    write_sysreg(cntv_tval_el0, read_sysreg(cntfrq_el0) / 1000);
    write_sysreg(cntv_ctl_el0, 1);
    isb();
    WAIT_FOR(taken == 1, TIMEOUT);
    check("level_ppi_pending_and_active_in_handler", taken >= 1 &&
          in_handler[0].id == 27 && in_handler[0].pending &&
          in_handler[0].active, "taken %d id %d pending %d active %d", taken,
          in_handler[0].id, in_handler[0].pending, in_handler[0].active);
    check("level_ppi_active_after_deassert", !ppi_after_mask_pending &&
          ppi_after_mask_active, "pending %d active %d",
          ppi_after_mask_pending, ppi_after_mask_active);
    delay_us(5000);
    check("level_ppi_inactive_after_eoi", taken == 1 && !irq_is_active(27)
          && !irq_is_pending(27), "taken %d active %d pending %d", taken,
          irq_is_active(27), irq_is_pending(27));
    write_sysreg(cntv_ctl_el0, 0);
    irq_disable(27);
    action = 0;

    /* EOImode 0: EOIR both drops priority and deactivates. */
    taken = 0;
    irq_set_pending(40);
    WAIT_FOR(taken == 1, TIMEOUT);
    check("eoimode0_deactivates", taken == 1 && !irq_is_active(40) &&
          (read_sysreg(ICC_RPR_EL1) & 0xff) == 0xff,
          "taken %d active %d RPR 0x%lx", taken, irq_is_active(40),
          read_sysreg(ICC_RPR_EL1) & 0xff);

    /* EOImode 1: EOIR only drops priority; the interrupt stays active
     * (and so is not taken again) until ICC_DIR_EL1. */
    local_irq_disable();
    write_sysreg(ICC_CTLR_EL1, read_sysreg(ICC_CTLR_EL1) | 2);
    isb();
    check("eoimode1_readback", (read_sysreg(ICC_CTLR_EL1) & 2) != 0,
          "ICC_CTLR_EL1 0x%lx", read_sysreg(ICC_CTLR_EL1));
    taken = 0;
    local_irq_enable();
    irq_set_pending(40);
    WAIT_FOR(taken == 1, TIMEOUT);
    check_eq("eoimode1_eoi_drops_priority", read_sysreg(ICC_RPR_EL1) & 0xff,
             0xff);
    check("eoimode1_still_active_after_eoi", taken == 1 &&
          irq_is_active(40), "taken %d active %d", taken, irq_is_active(40));
    irq_set_pending(40);
    delay_us(10000);
    check("eoimode1_not_retaken_while_active", taken == 1 &&
          irq_is_pending(40) && irq_is_active(40),
          "taken %d pending %d active %d", taken, irq_is_pending(40),
          irq_is_active(40));
    write_sysreg(ICC_DIR_EL1, 40);
    isb();
    WAIT_FOR(taken == 2, TIMEOUT);
    /* Taken again: it is active again (not yet DIRed) and not pending. */
    check("eoimode1_dir_deactivates", taken == 2 && in_handler[1].active &&
          !in_handler[1].pending, "taken %d pending %d active %d", taken,
          in_handler[1].pending, in_handler[1].active);
    write_sysreg(ICC_DIR_EL1, 40);
    isb();
    delay_us(5000);
    check("eoimode1_retaken_after_dir", taken == 2 && !irq_is_active(40) &&
          !irq_is_pending(40), "taken %d active %d pending %d", taken,
          irq_is_active(40), irq_is_pending(40));
    write_sysreg(ICC_CTLR_EL1, read_sysreg(ICC_CTLR_EL1) & ~2ull);
    isb();
    finish("irq_states");
}
