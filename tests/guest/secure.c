// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Two security states (secure=on): the boot CPU starts at EL3, sets up
 * Group 0 (FIQ, taken at EL3 via SCR_EL3.FIQ), Secure Group 1 and
 * Non-secure Group 1 (IRQ at EL1), drops to Non-secure EL1 and checks what
 * Non-secure code can and cannot see or change (IHI 0069 "Interrupt
 * grouping and security", "Software accesses of interrupt
 * priority", and the GICD_CTLR/GICD_IGROUPR/GICD_ISENABLER/GICD_IPRIORITYR
 * register descriptions: fields of Secure interrupts are RAZ/WI to
 * Non-secure accesses when GICD_CTLR.DS == 0).
 *
 * E2E-RUN: v3 gic-version=3,secure=on |
 *
 * E2E-EXPECT: PASS el3_boot
 * E2E-EXPECT: PASS typer_security_extn
 * E2E-EXPECT: PASS secure_ctlr_readback
 * E2E-EXPECT: PASS ns_el1_reached
 * E2E-EXPECT: PASS ns_typer_security_extn
 * E2E-EXPECT: PASS ns_gicd_ctlr_view
 * E2E-EXPECT: PASS ns_ctlr_write_keeps_secure_enables
 * E2E-EXPECT: PASS ns_ctlr_reenable_grp1ns
 * E2E-EXPECT: PASS ns_igroupr_raz
 * E2E-EXPECT: PASS ns_igroupr_write_ignored
 * E2E-EXPECT: PASS ns_gicr_igroupr0_raz
 * E2E-EXPECT: PASS ns_isenabler_hides_secure
 * E2E-EXPECT: PASS ns_icenabler_g0_ignored
 * E2E-EXPECT: PASS ns_ipriorityr_g0_raz
 * E2E-EXPECT: PASS ns_ipriorityr_g1s_raz
 * E2E-EXPECT: PASS ns_ipriorityr_g0_write_ignored
 * E2E-EXPECT: PASS ns_ipriorityr_g1ns_view_shifted
 * E2E-EXPECT: PASS ns_ipriorityr_g1ns_write_shifted
 * E2E-EXPECT: PASS ns_ispendr_g0_ignored
 * E2E-EXPECT: PASS g1ns_irq_at_ns_el1
 * E2E-EXPECT: PASS g0_fiq_at_el3
 * E2E-EXPECT: PASS g0_not_seen_by_ns_el1
 * E2E-EXPECT: SUMMARY secure: 22 passed, 0 failed, 0 skipped
 */
#include "gic.h"

int boot_stay_el3 = 1;

#define SPI_G0   40
#define SPI_G1NS 41
#define SPI_G1S  42
#define SGI_G0   8
#define TIMEOUT  5000000
#define SECURE_CTLR (GICD_CTLR_EN_GRP0 | GICD_CTLR_EN_GRP1NS | \
                     GICD_CTLR_EN_GRP1S | GICD_CTLR_ARE_S | GICD_CTLR_ARE_NS)

enum { SMC_PEND_G0 = 1, SMC_IGROUPR1, SMC_ISENABLER1, SMC_CTLR,
       SMC_PRIO, SMC_ISPENDR1 };

static volatile uint32_t el3_fiq_count, el3_fiq_last;

static void el3_fiq(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR0_EL1);
    uint32_t id = iar & 0xffffff;
    if (id < 1020) {
        el3_fiq_count++;
        el3_fiq_last = id;
        write_sysreg(ICC_EOIR0_EL1, iar);
        isb();
    }
}

/* Secure services for the Non-secure side (our own SMC interface). */
static void el3_smc(struct frame *f)
{
    uint64_t r = 0;
    switch (f->x[0]) {
    case SMC_PEND_G0:    irq_set_pending(SPI_G0); break;
    case SMC_IGROUPR1:   r = gicd_read(GICD_IGROUPR + 4); break;
    case SMC_ISENABLER1: r = gicd_read(GICD_ISENABLER + 4); break;
    case SMC_CTLR:       r = gicd_read(GICD_CTLR); break;
    case SMC_PRIO:       r = irq_get_priority(f->x[1]); break;
    case SMC_ISPENDR1:   r = gicd_read(GICD_ISPENDR + 4); break;
    default:             r = (uint64_t)-1; break;
    }
    f->x[0] = r;
}

static uint64_t smc(uint64_t fn, uint64_t a)
{
    register uint64_t x0 __asm__("x0") = fn;
    register uint64_t x1 __asm__("x1") = a;
    __asm__ volatile("smc #0" : "+r"(x0), "+r"(x1) :: "memory", "x2", "x3",
                     "x4", "x5", "x6", "x7", "x8", "x9", "x10", "x11",
                     "x12", "x13", "x14", "x15", "x16", "x17");
    return x0;
}

static void spi(int id, int g1, int mod, uint8_t prio)
{
    irq_set_edge(id, 1);
    irq_route(id, 0, 0);
    irq_set_group1(id, g1);
    uintptr_t m = GICD_BASE + GICD_IGRPMODR + (id / 32) * 4;
    uint32_t v = mmio_read32(m);
    mmio_write32(m, mod ? v | 1u << (id % 32) : v & ~(1u << (id % 32)));
    irq_set_priority(id, prio);
    irq_enable(id);
}

static uint32_t secure_igroupr1;

static void ns_main(void)
{
    check("ns_el1_reached", current_el() == 1 &&
          (read_sysreg(id_aa64pfr0_el1) >> 12 & 0xf) != 0,
          "CurrentEL %u", current_el());
    write_sysreg(ICC_SRE_EL1, 7);
    isb();
    write_sysreg(ICC_PMR_EL1, 0xff);
    write_sysreg(ICC_IGRPEN1_EL1, 1);
    isb();
    __asm__ volatile("msr daifclr, #3" ::: "memory");   /* IRQ and FIQ */

    check("ns_typer_security_extn", gicd_read(GICD_TYPER) & (1u << 10),
          "GICD_TYPER 0x%x", gicd_read(GICD_TYPER));
    /* NS view with ARE_NS == 1: RWP[31], ARE_NS[4], EnableGrp1A[1]. */
    check_eq("ns_gicd_ctlr_view", gicd_read(GICD_CTLR), 0x12);
    gicd_write(GICD_CTLR, 0);
    gicd_wait_rwp();
    check_eq("ns_ctlr_write_keeps_secure_enables", smc(SMC_CTLR, 0),
             SECURE_CTLR & ~GICD_CTLR_EN_GRP1NS);
    gicd_write(GICD_CTLR, 0x12);
    gicd_wait_rwp();
    check_eq("ns_ctlr_reenable_grp1ns", smc(SMC_CTLR, 0), SECURE_CTLR);

    check_eq("ns_igroupr_raz", gicd_read(GICD_IGROUPR + 4), 0);
    gicd_write(GICD_IGROUPR + 4, ~0u);
    check_eq("ns_igroupr_write_ignored", smc(SMC_IGROUPR1, 0),
             secure_igroupr1);
    check_eq("ns_gicr_igroupr0_raz",
             mmio_read32(gicr_sgi(0) + GICD_IGROUPR), 0);

    uint32_t en = gicd_read(GICD_ISENABLER + 4);
    check("ns_isenabler_hides_secure", (en & 0x700) == 0x200,
          "ISENABLER1 0x%x: want only SPI 41 (bit 9) of 40-42 visible", en);
    gicd_write(GICD_ICENABLER + 4, 1u << (SPI_G0 - 32));
    check("ns_icenabler_g0_ignored",
          smc(SMC_ISENABLER1, 0) & (1u << (SPI_G0 - 32)),
          "Secure ISENABLER1 0x%lx", smc(SMC_ISENABLER1, 0));

    check_eq("ns_ipriorityr_g0_raz", irq_get_priority(SPI_G0), 0);
    check_eq("ns_ipriorityr_g1s_raz", irq_get_priority(SPI_G1S), 0);
    irq_set_priority(SPI_G0, 0xff);
    check_eq("ns_ipriorityr_g0_write_ignored", smc(SMC_PRIO, SPI_G0), 0x10);
    /* Secure 0xa0 is seen by NS as (0xa0 << 1) & 0xff = 0x40. */
    check_eq("ns_ipriorityr_g1ns_view_shifted", irq_get_priority(SPI_G1NS),
             0x40);
    irq_set_priority(SPI_G1NS, 0x60);
    uint64_t sp = smc(SMC_PRIO, SPI_G1NS);
    uint8_t np = irq_get_priority(SPI_G1NS);
    check("ns_ipriorityr_g1ns_write_shifted", sp == 0xb0 && np == 0x60,
          "Secure view 0x%lx (want 0xb0), NS view 0x%x (want 0x60)", sp, np);

    gicd_write(GICD_ISPENDR + 4, 1u << (SPI_G0 - 32));
    delay_us(10000);
    check("ns_ispendr_g0_ignored", el3_fiq_count == 0 &&
          !(smc(SMC_ISPENDR1, 0) & (1u << (SPI_G0 - 32))),
          "FIQs at EL3 %u, Secure ISPENDR1 0x%lx", el3_fiq_count,
          smc(SMC_ISPENDR1, 0));

    irq_set_pending(SPI_G1NS);
    WAIT_FOR(irq_count[0][SPI_G1NS] == 1, TIMEOUT);
    check("g1ns_irq_at_ns_el1", irq_count[0][SPI_G1NS] == 1,
          "count %u", irq_count[0][SPI_G1NS]);

    smc(SMC_PEND_G0, 0);
    WAIT_FOR(el3_fiq_count == 1, TIMEOUT);
    check("g0_fiq_at_el3", el3_fiq_count == 1 && el3_fiq_last == SPI_G0,
          "FIQs at EL3 %u, last INTID %u", el3_fiq_count, el3_fiq_last);
    check("g0_not_seen_by_ns_el1", irq_count[0][SPI_G0] == 0 &&
          spurious_count[0] == 0, "EL1 saw SPI 40 %u times, spurious %u",
          irq_count[0][SPI_G0], spurious_count[0]);
    finish("secure");
}

int main(void)
{
    if (!check("el3_boot", current_el() == 3, "CurrentEL %u", current_el())) {
        finish("secure");
    }
    gic_probe();
    check("typer_security_extn", gicd_read(GICD_TYPER) & (1u << 10),
          "GICD_TYPER 0x%x", gicd_read(GICD_TYPER));
    gicd_write(GICD_CTLR, 0);
    gicd_wait_rwp();
    gicd_write(GICD_CTLR, SECURE_CTLR);
    gicd_wait_rwp();
    check_eq("secure_ctlr_readback", gicd_read(GICD_CTLR), SECURE_CTLR);

    /* As EL3 firmware: power up (GIC-600/700) and wake the redistributor */
    gicr_power_on(0);
    gicr_wake(0);
    uintptr_t sgi = gicr_sgi(0);
    mmio_write32(sgi + GICD_ICENABLER, ~0u);
    mmio_write32(sgi + GICD_IGROUPR, ~(1u << SGI_G0));
    mmio_write32(sgi + GICD_ISENABLER, 0xffff);
    spi(SPI_G0, 0, 0, 0x10);
    spi(SPI_G1NS, 1, 0, 0xa0);
    spi(SPI_G1S, 0, 1, 0x20);
    gicd_wait_rwp();
    secure_igroupr1 = gicd_read(GICD_IGROUPR + 4);

    /* CPU interface at EL3: SRE set by start.S; enable Group 0 and both
     * Group 1 (ICC_IGRPEN1_EL3 = EnableGrp1NS | EnableGrp1S). */
    write_sysreg(ICC_PMR_EL1, 0xff);
    write_sysreg(ICC_IGRPEN0_EL1, 1);
    write_sysreg(ICC_IGRPEN1_EL3, 3);
    isb();
    el3_fiq_hook = el3_fiq;
    el3_smc_hook = el3_smc;
    /* SCR_EL3: NS, FIQ to EL3, RW (EL1 AArch64); IRQ stays at EL1. */
    write_sysreg(scr_el3, (1 << 0) | (1 << 2) | (1 << 10));
    isb();
    el3_eret_to_el1(ns_main, (uintptr_t)__stacks_start + 0x4000, 0x3c5);
}
