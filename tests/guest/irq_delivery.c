// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Interrupt delivery on 4 CPUs: SPIs (GICD_ISPENDR, GICD_SETSPI_NSR),
 * the virtual timer PPI, SGIs to one, several and all-but-self CPUs,
 * SPI routing with GICD_IROUTER (IRM = 0 and 1-of-N with IRM = 1).
 *
 * E2E-RUN: v3 gic-version=3 | -smp 4
 * E2E-RUN: v4 gic-version=4,virtualization=on | -smp 4
 *
 * GICD_SETSPI_NSR exists only with GICD_TYPER.MBIS == 1; stock QEMU has
 * MBIS == 0, so that check is SKIPped there.
 * E2E-EXPECT: PASS spi_ispendr_delivered
 * E2E-EXPECT: PASS spi_ispendr_not_pending_after
 * E2E-EXPECT: (PASS|SKIP) spi_setspi_nsr
 * E2E-EXPECT: PASS ppi_vtimer_pending_while_masked
 * E2E-EXPECT: PASS ppi_vtimer_level_drops_pending
 * E2E-EXPECT: PASS ppi_vtimer_delivered
 * E2E-EXPECT: PASS sgi_self
 * E2E-EXPECT: PASS sgi_to_cpu1
 * E2E-EXPECT: PASS sgi_to_cpu2
 * E2E-EXPECT: PASS sgi_to_cpu3
 * E2E-EXPECT: PASS sgi_target_list_1_2_3
 * E2E-EXPECT: PASS sgi_target_list_0_2
 * E2E-EXPECT: PASS sgi_irm_all_but_self
 * E2E-EXPECT: PASS spi_irouter_cpu2
 * E2E-EXPECT: PASS spi_irouter_cpu3_readback
 * E2E-EXPECT: PASS spi_irm_readback
 * E2E-EXPECT: PASS spi_irm_1_of_n_each_once
 * E2E-EXPECT: SUMMARY irq_delivery: 1[67] passed, 0 failed, [01] skipped
 */
#include "gic.h"

#define NCPU 4
#define TIMEOUT 5000000     /* us; generous for a loaded host */

static volatile uint32_t vtimer_fired;

static void cpu0_irq(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    uint32_t id = iar & 0xffffff;
    if (id == SPURIOUS) {
        spurious_count[0]++;
        return;
    }
    if (id == 27) {
        /* Level-sensitive: silence the source before EOI. */
        write_sysreg(cntv_ctl_el0, 3);      /* ENABLE | IMASK */
        isb();
        vtimer_fired++;
    }
    if (id < 1024) {
        irq_count[0][id]++;
    }
    last_irq[0] = id;
    write_sysreg(ICC_EOIR1_EL1, iar);
    isb();
}

static uint32_t total(int id)
{
    uint32_t t = 0;
    for (int c = 0; c < NCPU; c++) {
        t += irq_count[c][id];
    }
    return t;
}

static int counts_are(int id, const uint32_t want[NCPU])
{
    for (int c = 0; c < NCPU; c++) {
        if (irq_count[c][id] != want[c]) {
            return 0;
        }
    }
    return 1;
}

static void report_counts(const char *name, int id, const uint32_t want[NCPU])
{
    /* Give late deliveries (to wrong CPUs) a moment to show up. */
    delay_us(20000);
    check(name, counts_are(id, want),
          "INTID %d counts per CPU %u %u %u %u, expected %u %u %u %u", id,
          irq_count[0][id], irq_count[1][id], irq_count[2][id],
          irq_count[3][id], want[0], want[1], want[2], want[3]);
}

static uint64_t aff_of(int cpu)
{
    return cpu;      /* virt: Aff0 = CPU index within cluster 0 */
}

int main(void)
{
    gic_dist_init();
    gic_cpu_init();
    irq_hook[0] = cpu0_irq;
    local_irq_enable();
    if (!start_secondaries(NCPU)) {
        fail("secondaries", "not all %d CPUs came online", NCPU);
    }

    /* SPI pended by software (IHI 0069, GICD_ISPENDR<n>), edge-triggered. */
    irq_set_edge(40, 1);
    irq_route(40, aff_of(0), 0);
    irq_enable(40);
    irq_set_pending(40);
    WAIT_FOR(irq_count[0][40] == 1, TIMEOUT);
    check("spi_ispendr_delivered", irq_count[0][40] == 1,
          "count %u", irq_count[0][40]);
    check("spi_ispendr_not_pending_after",
          !irq_is_pending(40) && !irq_is_active(40), "pending %d active %d",
          irq_is_pending(40), irq_is_active(40));

    /* Message-based SPI (IHI 0069, GICD_SETSPI_NSR), needs TYPER.MBIS. */
    if (gicd_read(GICD_TYPER) & (1u << 16)) {
        irq_set_edge(41, 1);
        irq_route(41, aff_of(0), 0);
        irq_enable(41);
        gicd_write(GICD_SETSPI_NSR, 41);
        WAIT_FOR(irq_count[0][41] == 1, TIMEOUT);
        check("spi_setspi_nsr", irq_count[0][41] == 1, "count %u",
              irq_count[0][41]);
    } else {
        skip("spi_setspi_nsr", "GICD_TYPER.MBIS == 0");
    }

    /* Virtual timer PPI 27 is level-sensitive: pending follows the line. */
    uint64_t frq = read_sysreg(cntfrq_el0);
    irq_enable(27);
    local_irq_disable();
    write_sysreg(cntv_tval_el0, frq / 1000);    /* 1 ms */
    write_sysreg(cntv_ctl_el0, 1);
    isb();
    WAIT_FOR(irq_is_pending(27), TIMEOUT);
    check("ppi_vtimer_pending_while_masked", irq_is_pending(27) &&
          (read_sysreg(cntv_ctl_el0) & 4), "GICR pending %d CNTV_CTL 0x%lx",
          irq_is_pending(27), read_sysreg(cntv_ctl_el0));
    write_sysreg(cntv_ctl_el0, 3);              /* IMASK: line deasserts */
    isb();
    WAIT_FOR(!irq_is_pending(27), TIMEOUT);
    check("ppi_vtimer_level_drops_pending", !irq_is_pending(27),
          "still pending after the timer output was masked");
    write_sysreg(cntv_ctl_el0, 1);              /* re-assert */
    isb();
    local_irq_enable();
    WAIT_FOR(vtimer_fired == 1, TIMEOUT);
    delay_us(2000);
    check("ppi_vtimer_delivered", vtimer_fired == 1 &&
          irq_count[0][27] == 1, "fired %u times", vtimer_fired);
    write_sysreg(cntv_ctl_el0, 0);
    irq_disable(27);

    /* SGIs through ICC_SGI1R_EL1 (IHI 0069, ICC_SGI1R_EL1 description). */
    sgi_send(1, 0);
    WAIT_FOR(irq_count[0][1] == 1, TIMEOUT);
    check("sgi_self", irq_count[0][1] == 1, "count %u", irq_count[0][1]);

    static const char *names[] = { 0, "sgi_to_cpu1", "sgi_to_cpu2",
                                   "sgi_to_cpu3" };
    for (int c = 1; c < NCPU; c++) {
        int id = 1 + c;                         /* SGIs 2, 3, 4 */
        uint32_t want[NCPU] = { 0 };
        want[c] = 1;
        sgi_send(id, c);
        WAIT_FOR(irq_count[c][id] == 1, TIMEOUT);
        report_counts(names[c], id, want);
    }
    {
        uint32_t want[NCPU] = { 0, 1, 1, 1 };
        sgi_send_mask(5, 0xe);
        WAIT_FOR(total(5) == 3, TIMEOUT);
        report_counts("sgi_target_list_1_2_3", 5, want);
    }
    {
        uint32_t want[NCPU] = { 1, 0, 1, 0 };
        sgi_send_mask(6, 0x5);
        WAIT_FOR(total(6) == 2, TIMEOUT);
        report_counts("sgi_target_list_0_2", 6, want);
    }
    {
        uint32_t want[NCPU] = { 0, 1, 1, 1 };
        sgi_send_others(7);
        WAIT_FOR(total(7) == 3, TIMEOUT);
        report_counts("sgi_irm_all_but_self", 7, want);
    }

    /* SPI routed to one CPU by affinity (IHI 0069, GICD_IROUTER<n>). */
    {
        uint32_t want[NCPU] = { 0, 0, 1, 0 };
        irq_set_edge(45, 1);
        irq_route(45, aff_of(2), 0);
        irq_enable(45);
        irq_set_pending(45);
        WAIT_FOR(total(45) == 1, TIMEOUT);
        report_counts("spi_irouter_cpu2", 45, want);
        irq_route(45, aff_of(3), 0);
        check_eq("spi_irouter_cpu3_readback",
                 mmio_read64(GICD_BASE + GICD_IROUTER + 8 * 45), aff_of(3));
    }

    /* IRM = 1: 1-of-N, delivered to exactly one participating CPU each
     * time it is pended (IHI 0069, GICD_IROUTER<n>.Interrupt_Routing_Mode). */
    {
        const int rounds = 8;
        int ok = 1;
        irq_set_edge(46, 1);
        irq_route(46, 0, 1);
        check_eq("spi_irm_readback",
                 mmio_read64(GICD_BASE + GICD_IROUTER + 8 * 46), 1ull << 31);
        irq_enable(46);
        for (int r = 1; r <= rounds && ok; r++) {
            irq_set_pending(46);
            WAIT_FOR(total(46) >= (uint32_t)r, TIMEOUT);
            delay_us(2000);
            ok = total(46) == (uint32_t)r;
        }
        check("spi_irm_1_of_n_each_once", ok,
              "after %d pends counts per CPU %u %u %u %u", rounds,
              irq_count[0][46], irq_count[1][46], irq_count[2][46],
              irq_count[3][46]);
    }
    finish("irq_delivery");
}
