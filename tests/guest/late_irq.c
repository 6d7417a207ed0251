// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The late interrupt: IHI 0069 (GICD_CTLR.RWP; GICD_ICENABLER<n>) lets an
 * interrupt disabled through GICD_ICENABLER still be signalled to a CPU
 * until GICD_CTLR.RWP reads 0 again; software that must not take it
 * after the disable polls RWP first.  On a model with a modelled RWP
 * delay (the gic-600/700 profiles, docs/timing.rst) this program sees it
 * happen, under -icount so that the virtual time it takes is exact:
 *
 *  1. SPI 40, level-pending through GICD_ISPENDR, enabled, routed here,
 *     with IRQs masked: ISR_EL1.I shows it signalled;
 *  2. GICD_ICENABLER disables it; right after the write it is still
 *     signalled (ISR_EL1.I), GICD_CTLR.RWP reads 1, and unmasking IRQs
 *     takes it: the late interrupt;
 *  3. pended again and disabled again, this time waiting for RWP to read
 *     0 first: nothing is signalled and nothing is taken.
 *
 * Where the disable completes at once (stock QEMU, the "qemu" profile)
 * RWP never reads 1 after the write, and the late-interrupt checks are
 * skipped, naming why; step 3 holds everywhere.
 *
 * E2E-RUN: v3 gic-version=3 | -icount shift=0
 * E2E-RUN: v4 gic-version=4,virtualization=on | -icount shift=0
 *
 * E2E-EXPECT: PASS signalled_before_disable
 * E2E-EXPECT: (PASS|SKIP) late_irq_signalled_after_icenabler
 * E2E-EXPECT: (PASS|SKIP) late_irq_taken_before_rwp_clears
 * E2E-EXPECT: PASS rwp_clears
 * E2E-EXPECT: PASS not_signalled_after_rwp
 * E2E-EXPECT: PASS not_taken_after_rwp
 * E2E-EXPECT: SUMMARY late_irq: 6 passed, 0 failed, 0 skipped|SUMMARY late_irq: 4 passed, 0 failed, 2 skipped
 */
#include "gic.h"

#define SPI 40
#define ISR_I (1u << 7)

static volatile uint32_t taken;

static void on_irq(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    uint32_t id = iar & 0xffffff;

    if (id == SPI) {
        taken++;
        /* Level-pending through ISPENDR: clear it before EOI */
        irq_clear_pending(SPI);
    }
    if (id < 1020) {
        write_sysreg(ICC_EOIR1_EL1, iar);
        isb();
    }
}

static int signalled(void)
{
    isb();
    return !!(read_sysreg(isr_el1) & ISR_I);
}

int main(void)
{
    int rwp_set, sig;

    gic_dist_init();
    gic_cpu_init();
    irq_hook[0] = on_irq;

    irq_set_edge(SPI, 0);
    irq_route(SPI, 0, 0);
    irq_enable(SPI);
    gicd_wait_rwp();
    irq_set_pending(SPI);
    check("signalled_before_disable", WAIT_FOR(signalled(), 100000),
          "ISR_EL1 0x%lx", (unsigned long)read_sysreg(isr_el1));

    /* 2: disable, and look at once */
    gicd_write(GICD_ICENABLER + SPI / 32 * 4, 1u << (SPI % 32));
    sig = signalled();
    rwp_set = !!(gicd_read(GICD_CTLR) & GICD_CTLR_RWP);
    /* Within the RWP time: no printing before this (it takes longer) */
    local_irq_enable();
    isb();
    local_irq_disable();
    if (rwp_set) {
        check("late_irq_signalled_after_icenabler", sig,
              "ISR_EL1.I 0 right after the disable, RWP 1");
        check("late_irq_taken_before_rwp_clears", taken == 1,
              "taken %u times", taken);
    } else {
        skip("late_irq_signalled_after_icenabler",
             "RWP read 0 right after the disable: no modelled delay");
        skip("late_irq_taken_before_rwp_clears",
             "RWP read 0 right after the disable: no modelled delay");
    }
    check("rwp_clears", gicd_wait_rwp(), "GICD_CTLR.RWP stuck at 1");

    /* 3: pend, disable, wait for RWP: then it is gone */
    irq_enable(SPI);
    gicd_wait_rwp();
    irq_set_pending(SPI);
    WAIT_FOR(signalled(), 100000);
    taken = 0;
    gicd_write(GICD_ICENABLER + SPI / 32 * 4, 1u << (SPI % 32));
    gicd_wait_rwp();
    check("not_signalled_after_rwp", !signalled(), "ISR_EL1.I still 1");
    local_irq_enable();
    delay_us(100);
    local_irq_disable();
    check("not_taken_after_rwp", taken == 0, "taken %u times", taken);
    finish("late_irq");
}
