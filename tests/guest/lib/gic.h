/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GICv3/v4 register map (Arm IHI 0069, programmers' model) and guest helpers. */
#ifndef GUEST_GIC_H
#define GUEST_GIC_H
#include "runtime.h"

#define GICD_BASE   0x08000000UL
#define GITS_BASE   0x08080000UL
#define GICR_BASE   0x080A0000UL

/* Distributor register map */
#define GICD_CTLR        0x0000
#define GICD_TYPER       0x0004
#define GICD_IIDR        0x0008
#define GICD_STATUSR     0x0010
#define GICD_SETSPI_NSR  0x0040
#define GICD_CLRSPI_NSR  0x0048
#define GICD_IGROUPR     0x0080
#define GICD_ISENABLER   0x0100
#define GICD_ICENABLER   0x0180
#define GICD_ISPENDR     0x0200
#define GICD_ICPENDR     0x0280
#define GICD_ISACTIVER   0x0300
#define GICD_ICACTIVER   0x0380
#define GICD_IPRIORITYR  0x0400
#define GICD_ICFGR       0x0C00
#define GICD_IGRPMODR    0x0D00
#define GICD_NSACR       0x0E00
#define GICD_IROUTER     0x6000     /* + 8 * INTID, INTID >= 32 */
#define GICD_PIDR2       0xFFE8

/* GICD_CTLR: layout with DS == 1 or the Secure view (GICD_CTLR description) */
#define GICD_CTLR_EN_GRP0     (1u << 0)
#define GICD_CTLR_EN_GRP1NS   (1u << 1)
#define GICD_CTLR_EN_GRP1S    (1u << 2)
#define GICD_CTLR_ARE_S       (1u << 4)
#define GICD_CTLR_ARE_NS      (1u << 5)
#define GICD_CTLR_DS          (1u << 6)
#define GICD_CTLR_RWP         (1u << 31)

/* Redistributor RD_base frame */
#define GICR_CTLR        0x0000
#define GICR_IIDR        0x0004
#define GICR_TYPER       0x0008
#define GICR_STATUSR     0x0010
#define GICR_WAKER       0x0014
#define GICR_PWRR        0x0024     /* GIC-600/700 (TRM 100336, 4.4) */
#define GICR_PWRR_RDPD   (1u << 0)
#define GICR_PWRR_RDGPD  (1u << 2)
#define GICR_PWRR_RDGPO  (1u << 3)
#define GICR_PROPBASER   0x0070
#define GICR_PENDBASER   0x0078
#define GICR_SGI_OFFSET  0x10000    /* SGI_base frame */
#define GICR_CTLR_RWP    (1u << 3)
#define GICR_WAKER_ProcessorSleep (1u << 1)
#define GICR_WAKER_ChildrenAsleep (1u << 2)
#define GICR_TYPER_PLPIS (1u << 0)
#define GICR_TYPER_VLPIS (1u << 1)
#define GICR_TYPER_LAST  (1u << 4)

/* ITS control frame; GITS_TRANSLATER in the second 64KB frame */
#define GITS_CTLR        0x0000
#define GITS_IIDR        0x0004
#define GITS_TYPER       0x0008
#define GITS_CBASER      0x0080
#define GITS_CWRITER     0x0088
#define GITS_CREADR      0x0090
#define GITS_BASER       0x0100     /* + 8 * n */
#define GITS_TRANSLATER  0x10040

#define LPI_BASE 8192
#define SPURIOUS 1023

extern uintptr_t gicr_stride;   /* 0x20000 (GICv3) or 0x40000 (GICv4) */
extern int gic_arch_rev;        /* GICD_PIDR2.ArchRev: 3 or 4 */

static inline uint32_t gicd_read(uint32_t off)
{ return mmio_read32(GICD_BASE + off); }
static inline void gicd_write(uint32_t off, uint32_t v)
{ mmio_write32(GICD_BASE + off, v); }
uintptr_t gicr_rd(int cpu);         /* RD_base of a CPU (by index) */
static inline uintptr_t gicr_sgi(int cpu)
{ return gicr_rd(cpu) + GICR_SGI_OFFSET; }

/* Bounded polls (return 1 on success, 0 on timeout). */
int gicd_wait_rwp(void);
int gicr_wait_rwp(int cpu);
int gicr_wake(int cpu);
/* GICR_IIDR of a GIC-600/700, the parts TF-A powers up (gic-x00.c) */
int gic_iidr_gic600_700(uint32_t iidr);
/* Power a GIC-600/700 redistributor up as TF-A does, where this access
 * can; 1 when powered (or nothing to do), 0 on a timeout.  gic_cpu_init()
 * calls it. */
int gicr_power_on(int cpu);

void gic_probe(void);
void gic_dist_init(void);           /* CPU 0, all SPIs Group 1 NS */
void gic_cpu_init(void);            /* this CPU's redistributor + ICC */

/* Per-INTID helpers: SGI/PPI go to this CPU's redistributor. */
void irq_enable(int intid);
void irq_disable(int intid);
void irq_set_pending(int intid);
void irq_clear_pending(int intid);
void irq_clear_active(int intid);
int irq_is_pending(int intid);
int irq_is_active(int intid);
int irq_is_enabled(int intid);
void irq_set_priority(int intid, uint8_t prio);
uint8_t irq_get_priority(int intid);
void irq_set_edge(int intid, int edge);
void irq_set_group1(int intid, int g1);
void irq_route(int intid, uint64_t aff, int irm);

/* SGIs (ICC_SGI1R_EL1) */
void sgi_send(int intid, int cpu);             /* to one CPU (Aff0 list) */
void sgi_send_mask(int intid, uint16_t mask);  /* target list in cluster 0 */
void sgi_send_others(int intid);               /* IRM = 1 */

/* Default handlers: acknowledge, count, EOI (EOImode 0). */
void gic_default_irq(struct frame *f);
void gic_default_fiq(struct frame *f);
extern volatile uint32_t irq_count[MAX_CPUS][1024];
extern volatile uint32_t lpi_count[MAX_CPUS][64];
extern volatile uint32_t last_irq[MAX_CPUS];
extern volatile uint32_t spurious_count[MAX_CPUS];
void irq_counts_reset(void);
#endif
