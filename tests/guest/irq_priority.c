// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Priority: highest-priority-first selection, preemption of a running
 * handler, running priority (ICC_RPR_EL1), priority mask (ICC_PMR_EL1),
 * binary point grouping (ICC_BPR1_EL1) and the highest pending interrupt
 * register (ICC_HPPIR1_EL1).  IHI 0069 chapter 4, "Interrupt prioritization".
 *
 * E2E-RUN: v3 gic-version=3 |
 * E2E-RUN: v4 gic-version=4,virtualization=on |
 *
 * E2E-EXPECT: PASS priority_readback_top_bits
 * E2E-EXPECT: PASS rpr_idle
 * E2E-EXPECT: PASS highest_priority_first
 * E2E-EXPECT: PASS rpr_in_handler
 * E2E-EXPECT: PASS preemption_order
 * E2E-EXPECT: PASS rpr_nested
 * E2E-EXPECT: PASS rpr_restored_after_nested_eoi
 * E2E-EXPECT: PASS no_preemption_by_lower_priority
 * E2E-EXPECT: PASS no_preemption_by_equal_priority
 * E2E-EXPECT: PASS lower_priority_taken_after_eoi
 * E2E-EXPECT: PASS pmr_masks_equal_priority
 * E2E-EXPECT: PASS hppir_reports_masked_pending
 * E2E-EXPECT: PASS pmr_passes_higher_priority
 * E2E-EXPECT: PASS bpr_same_group_no_preemption
 * E2E-EXPECT: PASS rpr_idle_at_end
 * E2E-EXPECT: SUMMARY irq_priority: 15 passed, 0 failed, 0 skipped
 */
#include "gic.h"

#define TIMEOUT 5000000     /* us; generous for a loaded host */

/* Event log: +id on entry, -id on exit; RPR sampled on entry. */
static volatile int events[32];
static volatile uint32_t rpr_at[32];
static volatile int nev;
/* Action run inside the handler for an INTID (after acknowledge). */
static void (*volatile action)(int id);

static void log_ev(int e, uint32_t rpr)
{
    if (nev < 32) {
        rpr_at[nev] = rpr;
        events[nev++] = e;
    }
}

static void prio_irq(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    int id = iar & 0xffffff;
    if (id == SPURIOUS) {
        spurious_count[0]++;
        return;
    }
    log_ev(id, read_sysreg(ICC_RPR_EL1) & 0xff);
    if (action) {
        /* Preemption needs PSTATE.I clear while the handler runs; the
         * vector saved ELR/SPSR so nesting is safe. */
        local_irq_enable();
        action(id);
        local_irq_disable();
    }
    log_ev(-id, read_sysreg(ICC_RPR_EL1) & 0xff);
    write_sysreg(ICC_EOIR1_EL1, iar);
    isb();
}

static void setup_spi(int id, uint8_t prio)
{
    irq_set_edge(id, 1);
    irq_route(id, 0, 0);
    irq_set_priority(id, prio);
    irq_enable(id);
}

static int events_are(const int *want, int n)
{
    if (nev != n) {
        return 0;
    }
    for (int i = 0; i < n; i++) {
        if (events[i] != want[i]) {
            return 0;
        }
    }
    return 1;
}

static void show_events(const char *name, const int *want, int n)
{
    char buf[160];
    int o = 0;
    for (int i = 0; i < nev && o < 140; i++) {
        int v = events[i], a = v < 0 ? -v : v;
        buf[o++] = v < 0 ? '-' : '+';
        if (a >= 10) {
            buf[o++] = '0' + a / 10;
        }
        buf[o++] = '0' + a % 10;
        buf[o++] = ' ';
    }
    buf[o] = 0;
    check(name, events_are(want, n), "events [%s] (%d)", buf, nev);
}

static void reset_log(void)
{
    nev = 0;
    action = 0;
}

static volatile int nested_rpr_after;

static void act_preempt(int id)
{
    if (id == 50) {
        irq_set_pending(51);        /* higher priority: preempts now */
        WAIT_FOR(nev >= 3, TIMEOUT);
        nested_rpr_after = read_sysreg(ICC_RPR_EL1) & 0xff;
    }
}

static volatile int low_pending_inside, low_active_inside;

static void act_no_preempt(int id)
{
    if (id == 51) {
        irq_set_pending(52);        /* lower priority (0x80) */
        irq_set_pending(53);        /* equal priority (0x40) */
        delay_us(20000);
        low_pending_inside = irq_is_pending(52) + 2 * irq_is_pending(53);
        low_active_inside = irq_is_active(52) + 2 * irq_is_active(53);
    }
}

static volatile int bpr_inner_seen;

static void act_bpr(int id)
{
    if (id == 55) {
        irq_set_pending(56);        /* 0x40 vs running 0x48 */
        delay_us(20000);
        bpr_inner_seen = nev;
    }
}

int main(void)
{
    gic_dist_init();
    gic_cpu_init();
    irq_hook[0] = prio_irq;

    irq_set_priority(60, 0xff);
    uint8_t p = irq_get_priority(60);
    check("priority_readback_top_bits", (p & 0xf0) == 0xf0 &&
          (p | (uint8_t)(p - 1)) == 0xff,
          "0xff read back as 0x%x (implemented bits must be the top ones)", p);

    check_eq("rpr_idle", read_sysreg(ICC_RPR_EL1) & 0xff, 0xff);

    setup_spi(50, 0xa0);
    setup_spi(51, 0x40);
    setup_spi(52, 0x80);
    setup_spi(53, 0x40);
    setup_spi(54, 0x80);
    setup_spi(57, 0x70);

    /* Both pending while masked: the higher priority (lower value) wins. */
    reset_log();
    irq_set_pending(50);
    irq_set_pending(51);
    delay_us(1000);
    local_irq_enable();
    WAIT_FOR(nev == 4, TIMEOUT);
    local_irq_disable();
    {
        static const int want[] = { 51, -51, 50, -50 };
        show_events("highest_priority_first", want, 4);
        check("rpr_in_handler", rpr_at[0] == 0x40 && rpr_at[2] == 0xa0,
              "RPR 0x%x in 51 (want 0x40), 0x%x in 50 (want 0xa0)",
              rpr_at[0], rpr_at[2]);
    }

    /* Preemption: 51 (0x40) pended inside the handler of 50 (0xa0). */
    reset_log();
    action = act_preempt;
    irq_set_pending(50);
    local_irq_enable();
    WAIT_FOR(nev == 4, TIMEOUT);
    local_irq_disable();
    {
        static const int want[] = { 50, 51, -51, -50 };
        show_events("preemption_order", want, 4);
        check("rpr_nested", rpr_at[0] == 0xa0 && rpr_at[1] == 0x40,
              "RPR 0x%x outer, 0x%x nested", rpr_at[0], rpr_at[1]);
        check_eq("rpr_restored_after_nested_eoi", nested_rpr_after, 0xa0);
    }

    /* Lower and equal priority do not preempt (IHI 0069 "Preemption"); taken after EOI. */
    reset_log();
    action = act_no_preempt;
    irq_set_pending(51);
    local_irq_enable();
    WAIT_FOR(nev == 6, TIMEOUT);
    local_irq_disable();
    check("no_preemption_by_lower_priority",
          (low_pending_inside & 1) && !(low_active_inside & 1),
          "SPI 52 pending %d active %d inside handler of 51",
          low_pending_inside & 1, low_active_inside & 1);
    check("no_preemption_by_equal_priority",
          (low_pending_inside & 2) && !(low_active_inside & 2),
          "SPI 53 pending %d active %d inside handler of 51",
          !!(low_pending_inside & 2), !!(low_active_inside & 2));
    {
        static const int want[] = { 51, -51, 53, -53, 52, -52 };
        show_events("lower_priority_taken_after_eoi", want, 6);
    }

    /* Priority mask: only priorities strictly higher than PMR pass. */
    reset_log();
    write_sysreg(ICC_PMR_EL1, 0x80);
    isb();
    irq_set_pending(54);
    local_irq_enable();
    delay_us(20000);
    local_irq_disable();
    check("pmr_masks_equal_priority", nev == 0 && irq_is_pending(54),
          "%d events, pending %d", nev, irq_is_pending(54));
    check_eq("hppir_reports_masked_pending",
             read_sysreg(ICC_HPPIR1_EL1) & 0xffffff, 54);
    irq_set_pending(57);
    local_irq_enable();
    WAIT_FOR(nev == 2, TIMEOUT);
    local_irq_disable();
    check("pmr_passes_higher_priority", nev == 2 && events[0] == 57,
          "%d events, first %d", nev, nev ? events[0] : 0);
    irq_clear_pending(54);
    write_sysreg(ICC_PMR_EL1, 0xff);
    isb();

    /* Binary point: for Group 1 with ICC_BPR1_EL1 = N the group priority
     * field is bits [7:N] (IHI 0069 "Priority grouping", ICC_BPR1_EL1), so
     * with N = 4 priority 0x40 cannot preempt a running 0x48. */
    setup_spi(55, 0x48);
    setup_spi(56, 0x40);
    write_sysreg(ICC_BPR1_EL1, 4);
    isb();
    reset_log();
    action = act_bpr;
    irq_set_pending(55);
    local_irq_enable();
    WAIT_FOR(nev == 4, TIMEOUT);
    local_irq_disable();
    {
        static const int want[] = { 55, -55, 56, -56 };
        int ok = events_are(want, 4) && bpr_inner_seen == 1;
        check("bpr_same_group_no_preemption", ok,
              "BPR1 read 0x%lx; events %d (%d %d %d %d), inner %d",
              read_sysreg(ICC_BPR1_EL1), nev, events[0], events[1],
              events[2], events[3], bpr_inner_seen);
    }
    write_sysreg(ICC_BPR1_EL1, 0);
    isb();

    check_eq("rpr_idle_at_end", read_sysreg(ICC_RPR_EL1) & 0xff, 0xff);
    finish("irq_priority");
}
