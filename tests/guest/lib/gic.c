/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GICv3/v4 guest helpers.  References are to Arm IHI 0069 (GICv3/v4 spec). */
#include "gic.h"

uintptr_t gicr_stride = 0x20000;
int gic_arch_rev = 3;
volatile uint32_t irq_count[MAX_CPUS][1024];
volatile uint32_t lpi_count[MAX_CPUS][64];
volatile uint32_t last_irq[MAX_CPUS];
volatile uint32_t spurious_count[MAX_CPUS];

#define POLL_LIMIT 1000000

void gic_probe(void)
{
    gic_arch_rev = (gicd_read(GICD_PIDR2) >> 4) & 0xf;
    /* A redistributor with GICR_TYPER.VLPIS == 1 has the two extra
     * VLPI_base/reserved frames, 256KB in all (IHI 0069, GICR_TYPER.VLPIS, "Redistributor memory map"). */
    uint64_t typer = mmio_read64(GICR_BASE + GICR_TYPER);
    gicr_stride = (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
}

uintptr_t gicr_rd(int cpu)
{
    return GICR_BASE + (uintptr_t)cpu * gicr_stride;
}

int gicd_wait_rwp(void)
{
    for (int i = 0; i < POLL_LIMIT; i++) {
        if (!(gicd_read(GICD_CTLR) & GICD_CTLR_RWP)) {
            return 1;
        }
    }
    return 0;
}

int gicr_wait_rwp(int cpu)
{
    for (int i = 0; i < POLL_LIMIT; i++) {
        if (!(mmio_read32(gicr_rd(cpu) + GICR_CTLR) & GICR_CTLR_RWP)) {
            return 1;
        }
    }
    return 0;
}

int gicr_wake(int cpu)
{
    /* IHI 0069 "Power management", GICR_WAKER: clear ProcessorSleep, then wait for ChildrenAsleep == 0. */
    uintptr_t w = gicr_rd(cpu) + GICR_WAKER;
    mmio_write32(w, mmio_read32(w) & ~GICR_WAKER_ProcessorSleep);
    for (int i = 0; i < POLL_LIMIT; i++) {
        if (!(mmio_read32(w) & GICR_WAKER_ChildrenAsleep)) {
            return 1;
        }
    }
    return 0;
}

void gic_dist_init(void)
{
    gic_probe();
    uint32_t typer = gicd_read(GICD_TYPER);
    int nirq = 32 * ((typer & 0x1f) + 1);
    if (nirq > 1020) {
        nirq = 1020;
    }
    gicd_write(GICD_CTLR, 0);
    gicd_wait_rwp();
    for (int i = 32; i < nirq; i += 32) {
        gicd_write(GICD_ICENABLER + i / 8, ~0u);
        gicd_write(GICD_ICPENDR + i / 8, ~0u);
        gicd_write(GICD_ICACTIVER + i / 8, ~0u);
        gicd_write(GICD_IGROUPR + i / 8, ~0u);
    }
    for (int i = 32; i < nirq; i += 4) {
        gicd_write(GICD_IPRIORITYR + i, 0xa0a0a0a0);
    }
    for (int i = 32; i < nirq; i++) {
        mmio_write64(GICD_BASE + GICD_IROUTER + 8 * i, 0);   /* CPU 0 */
    }
    gicd_wait_rwp();
    /* ARE is RAO/WI on implementations without legacy support; set it
     * anyway, as firmware does (GICD_CTLR.ARE_S/ARE_NS). */
    gicd_write(GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_EN_GRP0 |
               GICD_CTLR_EN_GRP1NS);
    gicd_wait_rwp();
}

int gic_iidr_gic600_700(uint32_t iidr)
{
    switch (iidr & 0xff000fffu) {
    case 0x0200043b:    /* GIC-600 */
    case 0x0300043b:    /* GIC-600AE */
    case 0x0400043b:    /* GIC-700 */
    case 0x0700043b:    /* GIC-720AE */
        return 1;
    }
    return 0;
}

int gicr_power_on(int cpu)
{
    /* GIC-600 TRM 3.6.1: repeat { wait RDGPD == RDGPO; RDPD = 0 }
     * until RDPD reads 0.  RAZ where this access may not see GICR_PWRR
     * (Non-secure with GICD_CTLR.DS == 0): nothing to do from here. */
    uintptr_t rd = gicr_rd(cpu);
    if (!gic_iidr_gic600_700(mmio_read32(rd + GICR_IIDR))) {
        return 1;
    }
    for (int i = 0; i < POLL_LIMIT; i++) {
        uint32_t p = mmio_read32(rd + GICR_PWRR);
        if (!(p & GICR_PWRR_RDPD)) {
            return 1;
        }
        if (!!(p & GICR_PWRR_RDGPD) == !!(p & GICR_PWRR_RDGPO)) {
            mmio_write32(rd + GICR_PWRR, 0);
        }
    }
    return 0;
}

void gic_cpu_init(void)
{
    int cpu = cpu_id();
    if (cpu != 0 || gic_arch_rev == 0) {
        gic_probe();
    }
    gicr_power_on(cpu);
    gicr_wake(cpu);
    uintptr_t sgi = gicr_sgi(cpu);
    mmio_write32(sgi + GICD_ICENABLER, ~0u);
    mmio_write32(sgi + GICD_ICPENDR, ~0u);
    mmio_write32(sgi + GICD_ICACTIVER, ~0u);
    mmio_write32(sgi + GICD_IGROUPR, ~0u);
    for (int i = 0; i < 32; i += 4) {
        mmio_write32(sgi + GICD_IPRIORITYR + i, 0xa0a0a0a0);
    }
    mmio_write32(sgi + GICD_ISENABLER, 0xffff);     /* SGIs on */
    gicr_wait_rwp(cpu);

    write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | 7);
    isb();
    write_sysreg(ICC_PMR_EL1, 0xff);
    write_sysreg(ICC_BPR1_EL1, 0);
    write_sysreg(ICC_CTLR_EL1, 0);          /* EOImode 0 */
    write_sysreg(ICC_IGRPEN1_EL1, 1);
    isb();
}

static uintptr_t bank(int intid)
{
    return intid < 32 ? gicr_sgi(cpu_id()) : GICD_BASE;
}

static void set_bit_reg(uint32_t off, int intid)
{
    mmio_write32(bank(intid) + off + (intid / 32) * 4, 1u << (intid % 32));
}

static int get_bit_reg(uint32_t off, int intid)
{
    return (mmio_read32(bank(intid) + off + (intid / 32) * 4)
            >> (intid % 32)) & 1;
}

void irq_enable(int intid) { set_bit_reg(GICD_ISENABLER, intid); }
void irq_set_pending(int intid) { set_bit_reg(GICD_ISPENDR, intid); }
void irq_clear_pending(int intid) { set_bit_reg(GICD_ICPENDR, intid); }
void irq_clear_active(int intid) { set_bit_reg(GICD_ICACTIVER, intid); }
int irq_is_pending(int intid) { return get_bit_reg(GICD_ISPENDR, intid); }
int irq_is_active(int intid) { return get_bit_reg(GICD_ISACTIVER, intid); }
int irq_is_enabled(int intid) { return get_bit_reg(GICD_ISENABLER, intid); }

void irq_disable(int intid)
{
    set_bit_reg(GICD_ICENABLER, intid);
    if (intid < 32) {
        gicr_wait_rwp(cpu_id());
    } else {
        gicd_wait_rwp();
    }
}

void irq_set_priority(int intid, uint8_t prio)
{
    mmio_write8(bank(intid) + GICD_IPRIORITYR + intid, prio);
}

uint8_t irq_get_priority(int intid)
{
    return mmio_read8(bank(intid) + GICD_IPRIORITYR + intid);
}

void irq_set_edge(int intid, int edge)
{
    uintptr_t a = bank(intid) + GICD_ICFGR + (intid / 16) * 4;
    int sh = (intid % 16) * 2 + 1;          /* Int_config[1]: 1 = edge */
    uint32_t v = mmio_read32(a);
    v = edge ? (v | (1u << sh)) : (v & ~(1u << sh));
    mmio_write32(a, v);
}

void irq_set_group1(int intid, int g1)
{
    uintptr_t a = bank(intid) + GICD_IGROUPR + (intid / 32) * 4;
    uint32_t v = mmio_read32(a);
    v = g1 ? (v | (1u << (intid % 32))) : (v & ~(1u << (intid % 32)));
    mmio_write32(a, v);
}

void irq_route(int intid, uint64_t aff, int irm)
{
    mmio_write64(GICD_BASE + GICD_IROUTER + 8 * intid,
                 (aff & 0xff00ffffffull) | ((uint64_t)!!irm << 31));
}

void sgi_send_mask(int intid, uint16_t mask)
{
    /* ICC_SGI1R_EL1: TargetList[15:0], Aff1[23:16], INTID[27:24],
     * Aff2[39:32], IRM[40], Aff3[55:48].  Cluster 0 only here. */
    dsb(ishst);
    write_sysreg(ICC_SGI1R_EL1, ((uint64_t)intid << 24) | mask);
    isb();
}

void sgi_send(int intid, int cpu)
{
    sgi_send_mask(intid, 1u << cpu);
}

void sgi_send_others(int intid)
{
    dsb(ishst);
    write_sysreg(ICC_SGI1R_EL1, ((uint64_t)intid << 24) | (1ull << 40));
    isb();
}

static void count_irq(int cpu, uint32_t id)
{
    if (id < 1024) {
        irq_count[cpu][id]++;
    } else if (id >= LPI_BASE && id < LPI_BASE + 64) {
        lpi_count[cpu][id - LPI_BASE]++;
    }
    last_irq[cpu] = id;
}

void gic_default_irq(struct frame *f)
{
    int cpu = cpu_id();
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    uint32_t id = iar & 0xffffff;
    if (id >= 1020 && id <= 1023) {
        spurious_count[cpu]++;
        return;
    }
    count_irq(cpu, id);
    write_sysreg(ICC_EOIR1_EL1, iar);
    isb();
}

void gic_default_fiq(struct frame *f)
{
    int cpu = cpu_id();
    uint32_t iar = read_sysreg(ICC_IAR0_EL1);
    uint32_t id = iar & 0xffffff;
    if (id >= 1020 && id <= 1023) {
        spurious_count[cpu]++;
        return;
    }
    count_irq(cpu, id);
    write_sysreg(ICC_EOIR0_EL1, iar);
    isb();
}

void irq_counts_reset(void)
{
    memset((void *)irq_count, 0, sizeof(irq_count));
    memset((void *)lpi_count, 0, sizeof(lpi_count));
    memset((void *)spurious_count, 0, sizeof(spurious_count));
}
