/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QTest of arm-gicv3-sim: the distributor and redistributor register
 * model checked against Arm IHI 0069H on the virt machine.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "qemu/bswap.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "gicsim-regs.h"
#include "gicsim-cpuif.h"

#define GICD_BASE   0x08000000ULL
#define GICR_BASE   0x080a0000ULL
#define SPI_BASE_IRQ 32         /* virt wires GPIO n to INTID 32 + n */

/* GICD offsets, IHI 0069H Table 12-25 */
#define GICD_CTLR       0x0000
#define GICD_TYPER      0x0004
#define GICD_IIDR       0x0008
#define GICD_SETSPI_NSR 0x0040
#define GICD_CLRSPI_NSR 0x0048
#define GICD_IGROUPR    0x0080
#define GICD_ISENABLER  0x0100
#define GICD_ICENABLER  0x0180
#define GICD_ISPENDR    0x0200
#define GICD_ICPENDR    0x0280
#define GICD_ISACTIVER  0x0300
#define GICD_ICACTIVER  0x0380
#define GICD_IPRIORITYR 0x0400
#define GICD_ICFGR      0x0c00
#define GICD_IGRPMODR   0x0d00
#define GICD_NSACR      0x0e00
#define GICD_IROUTER    0x6000
#define GICD_PIDR2      0xffe8

/* GICR offsets, IHI 0069H Tables 12-27, 12-29 */
#define GICR_CTLR       0x0000
#define GICR_IIDR       0x0004
#define GICR_TYPER      0x0008
#define GICR_WAKER      0x0014
#define GICR_PWRR       0x0024
#define GICR_PROPBASER  0x0070
#define GICR_SGI        0x10000
#define GICR_IGROUPR0   (GICR_SGI + 0x0080)
#define GICR_ISENABLER0 (GICR_SGI + 0x0100)
#define GICR_ICENABLER0 (GICR_SGI + 0x0180)
#define GICR_ISPENDR0   (GICR_SGI + 0x0200)
#define GICR_IPRIORITYR (GICR_SGI + 0x0400)
#define GICR_ICFGR0     (GICR_SGI + 0x0c00)
#define GICR_ICFGR1     (GICR_SGI + 0x0c04)

#define NS 0
#define S  QTEST_MEMATTR_SECURE

typedef struct Gic {
    QTestState *qts;
    int version;
    int smp;
} Gic;

static Gic gic_start(int version, int smp, const char *machine_extra,
                     const char *extra)
{
    Gic g = { .version = version, .smp = smp };

    g.qts = qtest_initf("-M virt,gic-version=%d,gic-model=sim%s "
                        "-smp %d -cpu max %s",
                        version, machine_extra ?: "", smp, extra ?: "");
    return g;
}

static uint64_t gicr_addr(Gic *g, int cpu, uint32_t off)
{
    /* 2 x 64K frames per redistributor for GICv3, 4 for GICv4 */
    return GICR_BASE + (uint64_t)cpu * (g->version == 4 ? 0x40000 : 0x20000)
           + off;
}

static uint64_t rd(Gic *g, uint64_t addr, unsigned size, unsigned attrs)
{
    uint64_t v;

    g_assert_true(qtest_mmio_read(g->qts, addr, size, attrs, &v));
    return v;
}

static void wr(Gic *g, uint64_t addr, unsigned size, unsigned attrs,
               uint64_t v)
{
    g_assert_true(qtest_mmio_write(g->qts, addr, size, attrs, v));
}

static uint32_t gicd_rd(Gic *g, uint32_t off, unsigned attrs)
{
    return rd(g, GICD_BASE + off, 4, attrs);
}

static void gicd_wr(Gic *g, uint32_t off, unsigned attrs, uint32_t v)
{
    wr(g, GICD_BASE + off, 4, attrs, v);
}

/* ---- Start-up ---- */

static void test_typer_iidr(void)
{
    Gic g = gic_start(3, 2, NULL, NULL);
    uint32_t typer = gicd_rd(&g, GICD_TYPER, NS);

    /* virt has 256 SPIs + 32: ITLinesNumber = 288 / 32 - 1 */
    g_assert_cmphex(typer & 0x1f, ==, 8);
    /* IDbits = 15 (16-bit INTIDs), A3V = 1, No1N = 1 for profile=qemu */
    g_assert_cmphex((typer >> 19) & 0x1f, ==, 15);
    g_assert_cmphex((typer >> 24) & 1, ==, 1);
    g_assert_cmphex((typer >> 25) & 1, ==, 1);
    /* virt without secure=on: one Security state, SecurityExtn = 0 */
    g_assert_cmphex((typer >> 10) & 1, ==, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_IIDR, NS), ==, 0x43b);
    /* PIDR2.ArchRev = 3 */
    g_assert_cmphex((gicd_rd(&g, GICD_PIDR2, NS) >> 4) & 0xf, ==, 3);
    /* DS = 1, ARE = 1 with one Security state (GICD_CTLR) */
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS), ==, (1 << 6) | (1 << 4));
    qtest_quit(g.qts);
}

static void test_gicr_typer(void)
{
    Gic g = gic_start(3, 4, NULL, NULL);
    int cpu;

    for (cpu = 0; cpu < 4; cpu++) {
        uint64_t t = rd(&g, gicr_addr(&g, cpu, GICR_TYPER), 8, NS);
        uint32_t lo = rd(&g, gicr_addr(&g, cpu, GICR_TYPER), 4, NS);
        uint32_t hi = rd(&g, gicr_addr(&g, cpu, GICR_TYPER + 4), 4, NS);

        /* 64-bit and two 32-bit halves agree */
        g_assert_cmphex(t, ==, ((uint64_t)hi << 32) | lo);
        /* Processor_Number */
        g_assert_cmpuint((t >> 8) & 0xffff, ==, cpu);
        /* Last is set only on the last redistributor of the region */
        g_assert_cmpuint((t >> 4) & 1, ==, cpu == 3);
        /* virt's -cpu max affinity: Aff0 = cpu index within a cluster */
        g_assert_cmpuint((t >> 32) & 0xff, ==, cpu);
    }
    qtest_quit(g.qts);
}

static void test_gicv4_frames(void)
{
    Gic g = gic_start(4, 2, ",virtualization=on,its=on", NULL);
    uint64_t t = rd(&g, gicr_addr(&g, 1, GICR_TYPER), 8, NS);

    /* VLPIS and PLPIS with GICv4 and the ITS */
    g_assert_cmphex(t & 3, ==, 3);
    g_assert_cmphex((gicd_rd(&g, GICD_PIDR2, NS) >> 4) & 0xf, ==, 4);
    /* GICR_VPROPBASER is read/write in the VLPI frame  */
    wr(&g, gicr_addr(&g, 1, 0x20070), 8, NS, 0x1234000ULL | 0xf);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, 0x20070), 8, NS), ==,
                    0x1234000ULL | 0xf);
    qtest_quit(g.qts);
}

/*
 * The start-up matrix: gic-version 3/4 x secure x virtualization x its.
 * What each configuration must report (GICD_TYPER, GICR_TYPER, PIDR2):
 * SecurityExtn iff two Security states; LPIS and PLPIS (virt gives a TCG
 * GIC LPIs whatever its= says); VLPIS iff GICv4; ArchRev the GIC
 * version; and the redistributor stride 128K (GICv3) or 256K (GICv4).
 */
static void test_startup_matrix(void)
{
    int v, sec, virt, its;

    for (v = 3; v <= 4; v++) {
        for (sec = 0; sec < 2; sec++) {
            for (virt = 0; virt < 2; virt++) {
                for (its = 0; its < 2; its++) {
                    g_autofree char *m = NULL;
                    Gic g;
                    uint32_t typer;
                    uint64_t rt;

                    if (v == 4 && !virt) {
                        continue;   /* virt: GICv4 needs EL2 */
                    }
                    m = g_strdup_printf(",secure=%s,virtualization=%s,its=%s",
                                        sec ? "on" : "off",
                                        virt ? "on" : "off",
                                        its ? "on" : "off");
                    g = gic_start(v, 2, m, NULL);
                    typer = gicd_rd(&g, GICD_TYPER, NS);
                    rt = rd(&g, gicr_addr(&g, 1, GICR_TYPER), 8, NS);
                    g_assert_cmpuint((typer >> 10) & 1, ==, sec);
                    g_assert_cmpuint((typer >> 17) & 1, ==, 1);
                    g_assert_cmpuint(rt & 1, ==, 1);
                    g_assert_cmpuint((rt >> 1) & 1, ==, v == 4);
                    g_assert_cmpuint((gicd_rd(&g, GICD_PIDR2, NS) >> 4) & 0xf,
                                     ==, v);
                    /* the second redistributor is where the stride says */
                    g_assert_cmpuint((rt >> 8) & 0xffff, ==, 1);
                    g_assert_cmpuint((rt >> 4) & 1, ==, 1);
                    qtest_quit(g.qts);
                }
            }
        }
    }
}

/* ---- Access widths ---- */

static void test_priority_byte_access(void)
{
    Gic g = gic_start(3, 1, NULL, NULL);
    uint64_t a = GICD_BASE + GICD_IPRIORITYR + 40;     /* INTIDs 40-43 */

    wr(&g, a, 4, NS, 0x40302010);
    g_assert_cmphex(rd(&g, a + 2, 1, NS), ==, 0x30);
    wr(&g, a + 1, 1, NS, 0xa0);
    g_assert_cmphex(rd(&g, a, 4, NS), ==, 0x4030a010);
    /* Halfword access: not defined; RAZ/WI with strict=off */
    wr(&g, a, 2, NS, 0xffff);
    g_assert_cmphex(rd(&g, a, 4, NS), ==, 0x4030a010);
    g_assert_cmphex(rd(&g, a, 2, NS), ==, 0);
    qtest_quit(g.qts);
}

static void test_strict_bus_error(void)
{
    Gic g = gic_start(3, 1, NULL, "-global arm-gicv3-sim.strict=on");
    uint64_t v;

    /* A byte read of GICD_CTLR, a word-only register */
    g_assert_false(qtest_mmio_read(g.qts, GICD_BASE + GICD_CTLR, 1, NS, &v));
    /* A reserved offset */
    g_assert_false(qtest_mmio_read(g.qts, GICD_BASE + 0x14, 4, NS, &v));
    /*
     * A write to a read-only register and a read of a write-only one are
     * defined (ignored; UNKNOWN): not refused by strict=on
     */
    g_assert_true(qtest_mmio_write(g.qts, GICD_BASE + GICD_TYPER, 4, NS, 0));
    g_assert_cmphex(gicd_rd(&g, GICD_TYPER, NS) & 0x1f, ==, 8);
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + 0x0f00, 4, NS, &v));
    g_assert_cmphex(v, ==, 0);
    /* Allowed accesses still work */
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + GICD_TYPER, 4, NS, &v));
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + GICD_IPRIORITYR + 33,
                                  1, NS, &v));
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + GICD_IROUTER + 8 * 40,
                                  8, NS, &v));
    qtest_quit(g.qts);
}


/*
 * An undefined access is logged once, naming the register and the rule,
 * with strict=off (RAZ/WI, in the dispatch) and with strict=on (a bus
 * error: QEMU's memory core refuses it through .valid.accepts and the
 * dispatch never runs).
 */
static void check_bad_access_logged(bool strict)
{
    g_autofree char *log = g_strdup_printf("%s/gicsim-log-%d-%d",
                                           g_get_tmp_dir(), getpid(), strict);
    g_autofree char *extra = g_strdup_printf(
        "-d guest_errors -D %s -global arm-gicv3-sim.strict=%s", log,
        strict ? "on" : "off");
    const char *width[] = {
        "arm-gicv3-sim: NS 2-byte read GICD cpu -1 offset 0x0000 "
        "(GICD_CTLR): access width not supported by this register "
        "(IHI 0069H, memory-mapped register access); ",
        strict ? "bus error (strict=on)" : "RAZ/WI", NULL
    };
    const char *ro[] = {
        "arm-gicv3-sim: NS 4-byte write GICD cpu -1 offset 0x0004 "
        "(GICD_TYPER)", "write to a read-only register (pedantic: ",
        "; ignored", NULL
    };
    const char *reserved[] = {
        "arm-gicv3-sim: NS 4-byte write GICD cpu -1 offset 0x0014 "
        "((reserved))", "reserved offset",
        strict ? "bus error (strict=on)" : "RAZ/WI", NULL
    };
    Gic g;
    uint64_t v;

    unlink(log);
    g = gic_start(3, 1, NULL, extra);
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + GICD_CTLR, 2, NS, &v)
                  != strict);
    g_assert_true(qtest_mmio_write(g.qts, GICD_BASE + 0x14, 4, NS, 1)
                  != strict);
    /* the pedantic class: logged, and ignored unless strict=pedantic */
    g_assert_true(qtest_mmio_write(g.qts, GICD_BASE + GICD_TYPER, 4, NS, 1));
    qtest_quit(g.qts);
    g_assert_cmpuint(gicsim_lines_with(log, width), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, reserved), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, ro), ==, 1);
    unlink(log);
}

static void test_bad_access_logged(void)
{
    check_bad_access_logged(false);
    check_bad_access_logged(true);
}

/* strict=pedantic refuses those too; a bad value names the valid ones */
static void test_strict_pedantic(void)
{
    Gic g = gic_start(3, 1, NULL, "-global arm-gicv3-sim.strict=pedantic");
    uint64_t v;

    g_assert_false(qtest_mmio_write(g.qts, GICD_BASE + GICD_TYPER, 4, NS,
                                    0));
    g_assert_false(qtest_mmio_read(g.qts, GICD_BASE + 0x0f00, 4, NS, &v));
    g_assert_false(qtest_mmio_read(g.qts, GICD_BASE + GICD_CTLR, 1, NS, &v));
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + GICD_TYPER, 4, NS, &v));
    qtest_quit(g.qts);
}

static void test_lenient_raz_wi(void)
{
    Gic g = gic_start(3, 1, NULL, NULL);

    /* Reserved offset: RAZ/WI, no bus error */
    wr(&g, GICD_BASE + 0x14, 4, NS, 0xffffffff);
    g_assert_cmphex(rd(&g, GICD_BASE + 0x14, 4, NS), ==, 0);
    /* Write to read-only GICD_TYPER is ignored */
    gicd_wr(&g, GICD_TYPER, NS, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_TYPER, NS) & 0x1f, ==, 8);
    /* Aligned 64-bit access to a 32-bit register (GICD_CTLR) */
    g_assert_cmphex(rd(&g, GICD_BASE + GICD_CTLR, 8, NS), ==, 0);
    qtest_quit(g.qts);
}

static void test_irouter_halves(void)
{
    Gic g = gic_start(3, 2, NULL, NULL);
    uint64_t a = GICD_BASE + GICD_IROUTER + 8 * 50;

    wr(&g, a, 8, NS, 0x000000ab00010203ULL);
    /* Aff3 at [39:32], Aff2..Aff0 at [23:0]; bits [30:24] are RES0 */
    g_assert_cmphex(rd(&g, a, 8, NS), ==, 0x000000ab00010203ULL);
    wr(&g, a + 4, 4, NS, 0x12);
    g_assert_cmphex(rd(&g, a, 8, NS), ==, 0x0000001200010203ULL);
    wr(&g, a, 4, NS, 0xff000001);
    /* Bits [30:24] are RES0; IRM (bit 31) is kept */
    g_assert_cmphex(rd(&g, a, 8, NS), ==, 0x0000001280000001ULL);
    qtest_quit(g.qts);
}

/* ---- Set/clear registers ---- */

static void test_enable_pending_w1s_w1c(void)
{
    Gic g = gic_start(3, 1, NULL, NULL);

    gicd_wr(&g, GICD_ISENABLER + 4, NS, 0x00000005);
    gicd_wr(&g, GICD_ISENABLER + 4, NS, 0x00000100);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4, NS), ==, 0x105);
    g_assert_cmphex(gicd_rd(&g, GICD_ICENABLER + 4, NS), ==, 0x105);
    gicd_wr(&g, GICD_ICENABLER + 4, NS, 0x00000001);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4, NS), ==, 0x104);
    /* Element 0 (SGIs/PPIs) is RES0 with affinity routing */
    gicd_wr(&g, GICD_ISENABLER, NS, 0xffffffff);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER, NS), ==, 0);
    /* Beyond ITLinesNumber: RAZ/WI */
    gicd_wr(&g, GICD_ISENABLER + 4 * 9, NS, 0xffffffff);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4 * 9, NS), ==, 0);
    qtest_quit(g.qts);
}

static void test_level_vs_edge_pending(void)
{
    Gic g = gic_start(3, 1, NULL, NULL);
    int spi = 10, irq = SPI_BASE_IRQ + spi;
    uint32_t bit = 1u << (irq % 32), off = 4 * (irq / 32);

    qtest_irq_intercept_in(g.qts, GICSIM_GIC_QOM_PATH);
    /* Level-sensitive (ICFGR reset value): pending follows the line */
    qtest_set_irq_in(g.qts, GICSIM_GIC_QOM_PATH, NULL, spi, 1);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, bit);
    qtest_set_irq_in(g.qts, GICSIM_GIC_QOM_PATH, NULL, spi, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, 0);
    /* Edge-triggered: a rising edge latches pending until cleared */
    gicd_wr(&g, GICD_ICFGR + 4 * (irq / 16), NS, 2u << (2 * (irq % 16)));
    qtest_set_irq_in(g.qts, GICSIM_GIC_QOM_PATH, NULL, spi, 1);
    qtest_set_irq_in(g.qts, GICSIM_GIC_QOM_PATH, NULL, spi, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, bit);
    gicd_wr(&g, GICD_ICPENDR + off, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, 0);
    /* GICD_TYPER.MBIS == 0 (profile=qemu): SETSPI_NSR is reserved */
    gicd_wr(&g, GICD_SETSPI_NSR, NS, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, 0);
    qtest_quit(g.qts);
}

static void test_setspi_mbis(void)
{
    Gic g = gic_start(3, 1, NULL, "-global arm-gicv3-sim.profile=gic-600");
    int irq = 77;
    uint32_t bit = 1u << (irq % 32), off = 4 * (irq / 32);

    /* GIC-600 supports message-based SPIs (GICD_TYPER.MBIS) */
    g_assert_cmphex((gicd_rd(&g, GICD_TYPER, NS) >> 16) & 1, ==, 1);
    gicd_wr(&g, GICD_SETSPI_NSR, NS, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, bit);
    gicd_wr(&g, GICD_CLRSPI_NSR, NS, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, NS) & bit, ==, 0);
    /* An INTID that is not an implemented SPI is ignored */
    gicd_wr(&g, GICD_SETSPI_NSR, NS, 1000);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + 4 * (1000 / 32), NS), ==, 0);
    qtest_quit(g.qts);
}

static void test_profiles(void)
{
    static const struct {
        const char *name;
        uint32_t iidr;
        bool no1n;
    } p[] = {
        { "qemu", 0x0000043b, true },
        { "gic-500", 0x0001143b, false },
        { "gic-600", 0x0201643b, false },
        { "gic-700", 0x0401043b, false },
    };
    size_t i;

    for (i = 0; i < G_N_ELEMENTS(p); i++) {
        g_autofree char *opt =
            g_strdup_printf("-global arm-gicv3-sim.profile=%s", p[i].name);
        Gic g = gic_start(3, 1, NULL, opt);

        g_assert_cmphex(gicd_rd(&g, GICD_IIDR, NS), ==, p[i].iidr);
        g_assert_cmphex((gicd_rd(&g, GICD_TYPER, NS) >> 25) & 1, ==,
                        p[i].no1n);
        qtest_quit(g.qts);
    }
}

/*
 * GICR_PWRR power handshake (GIC-600 TRM, GICR_PWRR) over modelled time,
 * on a machine with EL3 (secure=on), where the redistributors come out
 * of reset powered down as on the real part.
 */
static void test_pwrr_handshake(void)
{
    Gic g = gic_start(3, 2, ",secure=on",
                      "-global arm-gicv3-sim.profile=gic-600");
    uint64_t pwrr = gicr_addr(&g, 1, GICR_PWRR);
    uint64_t waker = gicr_addr(&g, 1, GICR_WAKER);

    /* Out of reset powered down: RDPD = RDGPD = RDGPO = 1; RDG = 1 */
    g_assert_cmphex(rd(&g, pwrr, 4, S), ==, 0xd | 1 << 15);
    /*
     * While off, the discovery registers answer (TF-A walks GICR_TYPER to
     * Last and reads GICR_IIDR before power-up; docs/device.rst, "Power"):
     * GICR_TYPER.Processor_Number 1, Last; GICR_IIDR the GIC-600's
     */
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_TYPER), 8, S) &
                    0xffff10, ==, 1 << 8 | 1 << 4);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_TYPER), 8, S) & 0x10,
                    ==, 0);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, 0x0004), 4, S), ==,
                    0x0201643b);
    /* ... the power-gated ones are RAZ/WI: GICR_WAKER, GICR_CTLR */
    g_assert_cmphex(rd(&g, waker, 4, S), ==, 0);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, 0x0000), 4, S), ==, 0);
    /*
     * Power up as TF-A does: RDPD = 0; RDGPD follows at once; RDGPO, and
     * RDPD as read ("powered up and can be accessed"), once the group is
     * up (20 us with the GIC-600 profile's pwrr-ns)
     */
    wr(&g, pwrr, 4, S, 0);
    g_assert_cmphex(rd(&g, pwrr, 4, S), ==, 0x9 | 1 << 15);
    g_assert_cmphex(rd(&g, waker, 4, S), ==, 0);
    qtest_clock_step(g.qts, 19000);
    g_assert_cmphex(rd(&g, pwrr, 4, S), ==, 0x9 | 1 << 15);
    qtest_clock_step(g.qts, 1000);
    g_assert_cmphex(rd(&g, pwrr, 4, S), ==, 1 << 15);
    g_assert_cmphex(rd(&g, waker, 4, S), ==, 0x6);
    /* Power down is refused while the PE is awake (ProcessorSleep == 0) */
    wr(&g, waker, 4, S, 0);
    qtest_clock_step(g.qts, 2000);
    wr(&g, pwrr, 4, S, 1);
    g_assert_cmphex(rd(&g, pwrr, 4, S), ==, 1 << 15);
    wr(&g, waker, 4, S, 2);
    qtest_clock_step(g.qts, 2000);
    wr(&g, pwrr, 4, S, 1);
    qtest_clock_step(g.qts, 20000);
    g_assert_cmphex(rd(&g, pwrr, 4, S), ==, 0xd | 1 << 15);
    /* CPU 0's redistributor is still off */
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_PWRR), 4, S), ==, 0xd);
    qtest_quit(g.qts);

    /*
     * Without EL3 (secure=off) nothing could power them up: the model
     * does at reset what EL3 firmware would (docs/timing.rst)
     */
    g = gic_start(3, 2, NULL, "-global arm-gicv3-sim.profile=gic-700");
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_PWRR), 4, NS), ==, 1 << 15);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_TYPER), 8, NS) >> 32, ==,
                    1);
    qtest_quit(g.qts);
}

/* Run QEMU with @machine and @extra; it must fail naming @message */
static void check_startup_error(const char *machine, const char *extra,
                                const char *message)
{
    g_autofree char *args = g_strdup_printf("-M %s -accel qtest %s",
                                            machine, extra);

    gicsim_expect_startup_error(args, message);
}

static void test_startup_errors(void)
{
    check_startup_error("virt,gic-version=2,gic-model=sim", "",
                        "gic-model=sim requires gic-version=3 or 4");
    check_startup_error("virt,gic-version=3,gic-model=fancy", "",
                        "Invalid gic-model value 'fancy'");
    check_startup_error("virt,gic-version=3,gic-model=sim",
                        "-global arm-gicv3-sim.profile=gic-400",
                        "unknown profile 'gic-400'");
    check_startup_error("virt,gic-version=3,gic-model=sim",
                        "-global arm-gicv3-sim.strict=very",
                        "invalid strict value 'very'");
}

/*
 * A kernel QEMU starts itself (-kernel, arm_linux_init) runs in
 * Non-secure state with no EL3 firmware before it: the GIC-600's
 * redistributors come up powered (what TF-A's GIC-600 driver does,
 * docs/timing.rst "Firmware"), and QEMU's common GIC code makes every
 * interrupt Group 1 Non-secure.  Without -kernel they stay powered down
 * (test_pwrr_handshake).
 */
static void test_direct_kernel_boot(void)
{
    /* A raw AArch64 image: one instruction, "b ." (never run under qtest) */
    static const uint8_t insn[4] = { 0x00, 0x00, 0x00, 0x14 };
    g_autofree char *img = g_strdup_printf("%s/gicsim-kernel-%d",
                                           g_get_tmp_dir(), getpid());
    g_autofree char *extra = NULL;
    Gic g;
    int cpu;

    g_assert_true(g_file_set_contents(img, (const char *)insn, sizeof(insn),
                                      NULL));
    extra = g_strdup_printf("-global arm-gicv3-sim.profile=gic-600 "
                            "-kernel %s", img);
    g = gic_start(3, 2, ",secure=on", extra);
    for (cpu = 0; cpu < 2; cpu++) {
        /* RDPD = RDGPD = RDGPO = 0; RDG = the redistributor's number */
        g_assert_cmphex(rd(&g, gicr_addr(&g, cpu, GICR_PWRR), 4, S), ==,
                        cpu << 15);
        /*
         * Powered: GICR_WAKER answers; CPU 0's awake, as EL3 firmware
         * leaves the boot CPU's, the others asleep as after reset
         */
        g_assert_cmphex(rd(&g, gicr_addr(&g, cpu, GICR_WAKER), 4, S), ==,
                        cpu ? 0x6 : 0);
        g_assert_cmphex(rd(&g, gicr_addr(&g, cpu, GICR_IGROUPR0), 4, S), ==,
                        0xffffffff);
    }
    g_assert_cmphex(gicd_rd(&g, GICD_IGROUPR + 4, S), ==, 0xffffffff);
    /* A system reset powers them up again */
    wr(&g, gicr_addr(&g, 1, GICR_WAKER), 4, S, 2);
    qtest_clock_step(g.qts, 2000);
    wr(&g, gicr_addr(&g, 1, GICR_PWRR), 4, S, 1);
    qtest_clock_step(g.qts, 20000);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_PWRR), 4, S), ==,
                    0xd | 1 << 15);
    qtest_system_reset(g.qts);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_PWRR), 4, S), ==, 1 << 15);
    qtest_quit(g.qts);
    unlink(img);
}

/*
 * -trace 'gicsim_*' (docs/device.rst, "Tracing"): every event with its
 * arguments as trace-events formats them, through QEMU's log backend
 * into the -D file.
 */
static void test_trace_events(void)
{
    g_autofree char *log = g_strdup_printf("%s/gicsim-trace-%d",
                                           g_get_tmp_dir(), getpid());
    g_autofree char *extra = g_strdup_printf(
        "-global arm-gicv3-sim.profile=gic-600 -trace 'gicsim_*' -D %s",
        log);
    g_autofree char *typer = NULL;
    const char *write[] = {
        "gicsim_write GICD cpu -1 GICD_ISENABLER<1> offset 0x0104 size 4 "
        "write 0x400 (S)", NULL
    };
    const char *bad[] = {
        "gicsim_bad_access GICD cpu -1 offset 0x0004 size 2 write 0 (NS): "
        "undefined access", NULL
    };
    const char *gated[] = {
        "gicsim_gated GICD cpu -1 GICD_SETSPI_SR size 4 write 1 (NS): "
        "RAZ/WI, Secure-only register while GICD_CTLR.DS == 0", NULL
    };
    const char *pwrr[] = {
        "gicsim_write RD_base cpu 1 GICR_PWRR<0> offset 0x0024 size 4 "
        "write 0x0 (S)", NULL
    };
    const char *start[] = {
        "gicsim_effect_start GICR_PWRR power transition (GICR_PWRR.RDGPO) "
        "cpu 1: completes in 20000 ns", NULL
    };
    const char *done[] = {
        "gicsim_effect_complete GICR_PWRR power transition "
        "(GICR_PWRR.RDGPO) cpu 1: completed", NULL
    };
    const char *spi_up[] = { "gicsim_dist_set_irq SPI 42 input level 1",
                             NULL };
    const char *spi_down[] = { "gicsim_dist_set_irq SPI 42 input level 0",
                               NULL };
    const char *ppi[] = {
        "gicsim_redist_set_irq cpu 1 PPI 27 input level 1", NULL
    };
    const char *read[] = { NULL, NULL }, *rd_read[] = { NULL, NULL };
    g_autofree char *gic = NULL, *rtyper = NULL;
    Gic g;
    uint64_t v;
    uint32_t t;

    unlink(log);
    g = gic_start(3, 2, ",secure=on", extra);
    t = gicd_rd(&g, GICD_TYPER, NS);
    typer = g_strdup_printf("gicsim_read GICD cpu -1 GICD_TYPER<0> offset "
                            "0x0004 size 4 read 0x%" PRIx32 " (NS)", t);
    read[0] = typer;
    gicd_wr(&g, GICD_ISENABLER + 4, S, 1 << 10);
    g_assert_true(qtest_mmio_read(g.qts, GICD_BASE + GICD_TYPER, 2, NS, &v));
    gicd_wr(&g, 0x0050, NS, 42);                /* GICD_SETSPI_SR */
    wr(&g, gicr_addr(&g, 1, GICR_PWRR), 4, S, 0);
    qtest_clock_step(g.qts, 20000);
    v = rd(&g, gicr_addr(&g, 1, GICR_TYPER), 8, S);
    rtyper = g_strdup_printf("gicsim_read RD_base cpu 1 GICR_TYPER<0> offset "
                             "0x0008 size 8 read 0x%" PRIx64 " (S)", v);
    rd_read[0] = rtyper;
    /* SPI 42 is GPIO 10; the PPIs of CPU n follow the 256 SPIs */
    gic = gicsim_find_gic(g.qts);
    qtest_set_irq_in(g.qts, gic, NULL, 10, 1);
    qtest_set_irq_in(g.qts, gic, NULL, 10, 1);  /* no change: no event */
    qtest_set_irq_in(g.qts, gic, NULL, 10, 0);
    qtest_set_irq_in(g.qts, gic, NULL, 256 + 32 + 27, 1);
    qtest_quit(g.qts);

    g_assert_cmpuint(gicsim_lines_with(log, read), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, rd_read), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, write), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, bad), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, gated), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, pwrr), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, start), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, done), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, spi_up), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, spi_down), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, ppi), ==, 1);
    unlink(log);
}

/* ---- Security ---- */

static void test_secure_views(void)
{
    Gic g = gic_start(3, 1, ",secure=on", NULL);
    int irq = 45;
    uint32_t bit = 1u << (irq % 32);

    /* Two Security states: DS = 0, ARE_S = ARE_NS = 1 */
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S), ==, (1 << 4) | (1 << 5));
    g_assert_cmphex((gicd_rd(&g, GICD_TYPER, NS) >> 10) & 1, ==, 1);
    /* Secure enables Group 0 and Group 1 NS */
    gicd_wr(&g, GICD_CTLR, S, 0x3);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S) & 7, ==, 3);
    /* NS view: EnableGrp1A at bit 1, ARE_NS at bit 4, no Group 0 enable */
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS), ==, (1 << 1) | (1 << 4));
    gicd_wr(&g, GICD_CTLR, NS, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S) & 7, ==, 1);

    /* IGROUPR is Secure-only: NS RAZ/WI */
    gicd_wr(&g, GICD_IGROUPR + 4, NS, 0xffffffff);
    g_assert_cmphex(gicd_rd(&g, GICD_IGROUPR + 4, S), ==, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_IGROUPR + 4, NS), ==, 0);

    /* A Group 0 interrupt: NS cannot enable it or see its priority */
    gicd_wr(&g, GICD_ISENABLER + 4, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4, S), ==, 0);
    wr(&g, GICD_BASE + GICD_IPRIORITYR + irq, 1, S, 0x40);
    g_assert_cmphex(rd(&g, GICD_BASE + GICD_IPRIORITYR + irq, 1, NS), ==, 0);

    /* Make it Group 1 NS: NS sees priority << 1 and writes 0x80 | v >> 1 */
    gicd_wr(&g, GICD_IGROUPR + 4, S, bit);
    g_assert_cmphex(rd(&g, GICD_BASE + GICD_IPRIORITYR + irq, 1, NS), ==,
                    0x80);
    wr(&g, GICD_BASE + GICD_IPRIORITYR + irq, 1, NS, 0x20);
    g_assert_cmphex(rd(&g, GICD_BASE + GICD_IPRIORITYR + irq, 1, S), ==,
                    0x90);
    gicd_wr(&g, GICD_ISENABLER + 4, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4, S), ==, bit);
    qtest_quit(g.qts);
}

static void test_nsacr_pending_rights(void)
{
    Gic g = gic_start(3, 1, ",secure=on", NULL);
    int irq = 50;
    uint32_t bit = 1u << (irq % 32);

    /* Group 0 interrupt, NSACR = 0: NS write to ISPENDR is ignored */
    gicd_wr(&g, GICD_ISPENDR + 4, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + 4, S) & bit, ==, 0);
    /* NSACR is Secure-only */
    gicd_wr(&g, GICD_NSACR + 4 * (irq / 16), NS, 0xffffffff);
    g_assert_cmphex(gicd_rd(&g, GICD_NSACR + 4 * (irq / 16), S), ==, 0);
    /* NSACR = 0b01: NS may set pending (GICD_NSACR) but not clear it */
    gicd_wr(&g, GICD_NSACR + 4 * (irq / 16), S, 1u << (2 * (irq % 16)));
    gicd_wr(&g, GICD_ISPENDR + 4, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + 4, S) & bit, ==, bit);
    gicd_wr(&g, GICD_ICPENDR + 4, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + 4, S) & bit, ==, bit);
    /* NSACR = 0b10: and clear it */
    gicd_wr(&g, GICD_NSACR + 4 * (irq / 16), S, 2u << (2 * (irq % 16)));
    gicd_wr(&g, GICD_ICPENDR + 4, NS, bit);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + 4, S) & bit, ==, 0);
    qtest_quit(g.qts);
}

static void test_waker_secure_only(void)
{
    Gic g = gic_start(3, 1, ",secure=on", NULL);
    uint64_t w = gicr_addr(&g, 0, GICR_WAKER);

    /* Reset: ProcessorSleep = ChildrenAsleep = 1 */
    g_assert_cmphex(rd(&g, w, 4, S), ==, 0x6);
    /* NS: RAZ/WI while DS == 0 */
    g_assert_cmphex(rd(&g, w, 4, NS), ==, 0);
    wr(&g, w, 4, NS, 0);
    g_assert_cmphex(rd(&g, w, 4, S), ==, 0x6);
    wr(&g, w, 4, S, 0);
    g_assert_cmphex(rd(&g, w, 4, S), ==, 0);
    qtest_quit(g.qts);
}

static void test_setspi_sr_secure_only(void)
{
    Gic g = gic_start(3, 1, ",secure=on",
                      "-global arm-gicv3-sim.profile=gic-600");
    int irq = 70;
    uint32_t bit = 1u << (irq % 32), off = 4 * (irq / 32);

    /* GICD_SETSPI_SR/CLRSPI_SR: Secure-only, ignored for Non-secure */
    gicd_wr(&g, 0x0050, NS, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, S) & bit, ==, 0);
    gicd_wr(&g, 0x0050, S, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, S) & bit, ==, bit);
    gicd_wr(&g, 0x0058, NS, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, S) & bit, ==, bit);
    gicd_wr(&g, 0x0058, S, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, S) & bit, ==, 0);
    /* GICD_SETSPI_NSR from Non-secure cannot pend a Group 0 SPI */
    gicd_wr(&g, GICD_SETSPI_NSR, NS, irq);
    g_assert_cmphex(gicd_rd(&g, GICD_ISPENDR + off, S) & bit, ==, 0);
    qtest_quit(g.qts);
}

static void test_ds_set_by_secure(void)
{
    Gic g = gic_start(3, 1, ",secure=on", NULL);

    /* Secure software sets DS: one Security state from then on */
    gicd_wr(&g, GICD_CTLR, S, 1 << 6);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS) & (1 << 6), ==, 1 << 6);
    g_assert_cmphex((gicd_rd(&g, GICD_TYPER, NS) >> 10) & 1, ==, 0);
    /* Non-secure accesses now reach Group 0 state and GICD_IGROUPR */
    gicd_wr(&g, GICD_CTLR, NS, 0x3);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S) & 3, ==, 3);
    gicd_wr(&g, GICD_IGROUPR + 4, NS, 0x0000ff00);
    g_assert_cmphex(gicd_rd(&g, GICD_IGROUPR + 4, S), ==, 0x0000ff00);
    /* DS cannot be cleared again */
    gicd_wr(&g, GICD_CTLR, S, 0x3);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S) & (1 << 6), ==, 1 << 6);
    /* GICD_NSACR is RAZ/WI with DS == 1 */
    gicd_wr(&g, GICD_NSACR + 8, NS, 0xffffffff);
    g_assert_cmphex(gicd_rd(&g, GICD_NSACR + 8, S), ==, 0);
    qtest_quit(g.qts);
}

/* ---- Redistributor SGI_base ---- */

static void test_gicr_sgi_frame(void)
{
    Gic g = gic_start(3, 2, NULL, NULL);

    /* SGIs are edge-triggered: ICFGR0 reads 0b10 per field */
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_ICFGR0), 4, NS), ==,
                    0xaaaaaaaa);
    wr(&g, gicr_addr(&g, 1, GICR_ISENABLER0), 4, NS, 0x80000001);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_ISENABLER0), 4, NS), ==,
                    0x80000001);
    /* Banked per CPU */
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_ISENABLER0), 4, NS), ==, 0);
    wr(&g, gicr_addr(&g, 1, GICR_ICENABLER0), 4, NS, 1);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_ISENABLER0), 4, NS), ==,
                    0x80000000);
    wr(&g, gicr_addr(&g, 1, GICR_IPRIORITYR + 27), 1, NS, 0xc0);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 1, GICR_IPRIORITYR + 24), 4, NS), ==,
                    0xc0000000);
    qtest_quit(g.qts);
}

/* ---- Delivery to the CPU interface ---- */

/*
 * The CPU interface masks everything until software writes ICC_PMR_EL1
 * and the group enables, so these tests run a small stub on every CPU
 * under TCG first (gicsim-cpuif.c).
 */
typedef struct Delivery {
    Gic g;
    char *gic;
} Delivery;

static Delivery delivery_start(int smp)
{
    Delivery d = { .g = { .version = 3, .smp = smp } };
    GString *args = g_string_new(NULL);

    g_string_printf(args, "-M virt,gic-version=3,gic-model=sim -smp %d "
                    "-cpu max", smp);
    gicsim_cpuif_args(args, smp);
    d.g.qts = qtest_init(args->str);
    g_string_free(args, true);
    g_assert_true(gicsim_cpuif_start(d.g.qts, smp, false, false));
    d.gic = gicsim_find_gic(d.g.qts);
    qtest_irq_intercept_out_named(d.g.qts, d.gic, "sysbus-irq");
    return d;
}

static void delivery_end(Delivery *d)
{
    qtest_quit(d->g.qts);
    g_free(d->gic);
}

/* Wait (bounded) for sysbus IRQ output @n to reach @level */
static bool wait_irq(Delivery *d, int n, bool level)
{
    int i;

    for (i = 0; i < 400; i++) {
        /* any command lets libqtest collect the IRQ notifications */
        gicd_rd(&d->g, GICD_TYPER, NS);
        if (qtest_get_irq(d->g.qts, n) == level) {
            return true;
        }
        g_usleep(5000);
    }
    return false;
}

/* sysbus IRQ outputs: IRQ of CPUs 0..n-1, then FIQ of CPUs 0..n-1, ... */
#define OUT_IRQ(cpu)        (cpu)
#define OUT_FIQ(smp, cpu)   ((smp) + (cpu))

static void route_spi(Gic *g, int irq, int grp1, uint64_t router)
{
    uint32_t bit = 1u << (irq % 32);

    gicd_wr(g, GICD_IGROUPR + 4 * (irq / 32), NS,
            grp1 ? bit : 0);
    wr(g, GICD_BASE + GICD_IPRIORITYR + irq, 1, NS, 0x10);
    wr(g, GICD_BASE + GICD_IROUTER + 8 * irq, 8, NS, router);
    gicd_wr(g, GICD_ISENABLER + 4 * (irq / 32), NS, bit);
}

static void test_spi_reaches_cpu_irq(void)
{
    Delivery d = delivery_start(2);
    int spi = 5, irq = SPI_BASE_IRQ + spi;

    gicd_wr(&d.g, GICD_CTLR, NS, 0x3);         /* EnableGrp0, EnableGrp1 */
    route_spi(&d.g, irq, 1, 1);                 /* Group 1, Aff0 = 1 */
    wr(&d.g, gicr_addr(&d.g, 0, GICR_WAKER), 4, NS, 0);
    wr(&d.g, gicr_addr(&d.g, 1, GICR_WAKER), 4, NS, 0);

    qtest_set_irq_in(d.g.qts, d.gic, NULL, spi, 1);
    g_assert_true(wait_irq(&d, OUT_IRQ(1), true));
    g_assert_false(qtest_get_irq(d.g.qts, OUT_IRQ(0)));
    g_assert_false(qtest_get_irq(d.g.qts, OUT_FIQ(2, 1)));
    /* Level-sensitive: lowering the line withdraws the interrupt */
    qtest_set_irq_in(d.g.qts, d.gic, NULL, spi, 0);
    g_assert_true(wait_irq(&d, OUT_IRQ(1), false));

    /* Disabled in GICD_CTLR: not forwarded */
    gicd_wr(&d.g, GICD_CTLR, NS, 0x1);
    qtest_set_irq_in(d.g.qts, d.gic, NULL, spi, 1);
    g_assert_false(wait_irq(&d, OUT_IRQ(1), true));
    delivery_end(&d);
}

static void test_group0_is_fiq(void)
{
    Delivery d = delivery_start(2);
    int spi = 7, irq = SPI_BASE_IRQ + spi;

    /* One Security state: Group 0 is signalled as FIQ */
    gicd_wr(&d.g, GICD_CTLR, NS, 0x3);
    route_spi(&d.g, irq, 0, 0);                 /* Group 0, CPU 0 */
    wr(&d.g, gicr_addr(&d.g, 0, GICR_WAKER), 4, NS, 0);
    qtest_set_irq_in(d.g.qts, d.gic, NULL, spi, 1);
    g_assert_true(wait_irq(&d, OUT_FIQ(2, 0), true));
    g_assert_false(qtest_get_irq(d.g.qts, OUT_IRQ(0)));
    delivery_end(&d);
}

static void test_ppi_reaches_its_cpu(void)
{
    Delivery d = delivery_start(2);
    int ppi = 23;
    /* GPIO inputs: the SPIs, then 32 per CPU with PPIs at 16..31 */
    int line = 256 + 32 * 1 + ppi;

    gicd_wr(&d.g, GICD_CTLR, NS, 0x3);
    wr(&d.g, gicr_addr(&d.g, 1, GICR_IGROUPR0), 4, NS, 1u << ppi);
    wr(&d.g, gicr_addr(&d.g, 1, GICR_IPRIORITYR + ppi), 1, NS, 0x20);
    wr(&d.g, gicr_addr(&d.g, 1, GICR_ISENABLER0), 4, NS, 1u << ppi);
    wr(&d.g, gicr_addr(&d.g, 1, GICR_WAKER), 4, NS, 0);
    qtest_set_irq_in(d.g.qts, d.gic, NULL, line, 1);
    g_assert_true(wait_irq(&d, OUT_IRQ(1), true));
    g_assert_false(qtest_get_irq(d.g.qts, OUT_IRQ(0)));
    delivery_end(&d);
}

/* ---- Every register of the table ---- */

/*
 * The configuration in which every register of the table exists (but
 * GICD_INMIR/GICR_INMIR0, which need FEAT_GICv3_NMI: checked below).
 */
#define ALL_REGS_MACHINE ",virtualization=on,its=on"
#define ALL_REGS_EXTRA "-global arm-gicv3-sim.profile=gic-600"

static bool reg_exists(Gic *g, const GicsimReg *r)
{
    if (r->avail == GICSIM_AVAIL_NMI) {
        return (gicd_rd(g, GICD_TYPER, NS) >> 9) & 1;
    }
    return true;
}

static uint64_t frame_base(Gic *g, GicsimFrame f, int cpu)
{
    switch (f) {
    case GICSIM_FRAME_GICD:
        return GICD_BASE;
    case GICSIM_FRAME_RD:
        return gicr_addr(g, cpu, 0);
    case GICSIM_FRAME_SGI:
        return gicr_addr(g, cpu, 0x10000);
    case GICSIM_FRAME_VLPI:
        return gicr_addr(g, cpu, 0x20000);
    default:
        return gicr_addr(g, cpu, 0x30000);
    }
}

static void power_up_redistributors(Gic *g)
{
    int cpu;

    for (cpu = 0; cpu < g->smp; cpu++) {
        wr(g, gicr_addr(g, cpu, GICR_PWRR), 4, NS, 0);
    }
    /* The power-up completes over modelled time (GICR_PWRR.RDGPO) */
    qtest_clock_step(g->qts, 100000);
}

/*
 * strict=pedantic: at every element of every register, each access width
 * is accepted exactly when the table allows it (IHI 0069H, memory-mapped
 * register access); writes to read-only registers and reads of
 * write-only ones are bus errors (strict=on leaves those to the
 * specification: test_strict_bus_error).
 */
static void test_all_regs_widths(void)
{
    Gic g = gic_start(4, 2, ALL_REGS_MACHINE, ALL_REGS_EXTRA
                      " -global arm-gicv3-sim.strict=pedantic");
    unsigned id, n, size, checked = 0;

    power_up_redistributors(&g);
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        int cpu = r->frame == GICSIM_FRAME_GICD ? 0 : 1;

        if (!reg_exists(&g, r)) {
            continue;
        }
        for (n = r->first; n < r->first + r->count; n++) {
            uint64_t a = frame_base(&g, r->frame, cpu) +
                         gicsim_reg_offset(r, n);

            for (size = 1; size <= 8; size *= 2) {
                bool allowed = gicsim_width_allowed(r->widths, size);
                uint64_t v;
                bool ok;

                if (a % size) {
                    /*
                     * QEMU's memory core splits an unaligned access into
                     * aligned ones before the device sees it (a CPU takes
                     * an alignment fault on Device memory first).
                     */
                    continue;
                }
                if (r->access == GICSIM_WO) {
                    /* 0 is never a valid INTID/LPI: no side effect */
                    ok = qtest_mmio_write(g.qts, a, size, NS, 0);
                    g_assert_false(qtest_mmio_read(g.qts, a, size, NS, &v));
                } else {
                    ok = qtest_mmio_read(g.qts, a, size, NS, &v);
                }
                if (ok != allowed) {
                    g_error("%s<%u> %u-byte access: %s, expected %s",
                            r->name, n, size, ok ? "accepted" : "bus error",
                            allowed ? "accepted" : "bus error");
                }
                if (r->access == GICSIM_RO) {
                    g_assert_false(qtest_mmio_write(g.qts, a, size, NS, 0));
                }
                checked++;
            }
            if (r->widths & GICSIM_W16) {
                /* 16-bit accesses to bits [15:0] only (GICD_SETSPI_NSR) */
                g_assert_false(qtest_mmio_write(g.qts, a + 2, 2, NS, 0));
            }
            if (r->size == 8) {
                /* the upper 32-bit half of a 64-bit register */
                uint64_t v;
                bool ok = r->access == GICSIM_WO ?
                    qtest_mmio_write(g.qts, a + 4, 4, NS, 0) :
                    qtest_mmio_read(g.qts, a + 4, 4, NS, &v);

                g_assert_true(ok);
            }
        }
    }
    g_assert_cmpuint(checked, >, 3 * 1500);
    qtest_quit(g.qts);
}

/* Every register with a fixed reset value has it, at every element */
static void test_all_regs_reset(void)
{
    Gic g = gic_start(4, 2, ALL_REGS_MACHINE, ALL_REGS_EXTRA);
    unsigned id, n;
    int cpu;

    power_up_redistributors(&g);
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        if (!reg_exists(&g, r) || r->reset_computed ||
            r->access == GICSIM_WO) {
            continue;
        }
        for (cpu = 0; cpu < (r->bank == GICSIM_BANK_CPU ? 2 : 1); cpu++) {
            for (n = r->first; n < r->first + r->count; n++) {
                uint64_t a = frame_base(&g, r->frame, cpu) +
                             gicsim_reg_offset(r, n);
                uint64_t v = rd(&g, a, r->size, NS);

                if (v != r->reset) {
                    g_error("%s<%u> cpu %d resets to 0x%" PRIx64
                            ", expected 0x%" PRIx64, r->name, n, cpu, v,
                            r->reset);
                }
            }
        }
    }
    qtest_quit(g.qts);
}

/*
 * Write-one-to-set and write-one-to-clear pairs act on the same state:
 * for every W1S register, setting bits shows in it and its W1C partner,
 * and clearing through the partner clears them (GICD_ISENABLER and
 * friends).  Uses the SPIs 32-63 and the SGI/PPI registers of CPU 1.
 */
static void test_all_w1s_w1c_pairs(void)
{
    Gic g = gic_start(3, 2, NULL, NULL);
    unsigned id;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *set = &gicsim_regs[id];
        const GicsimReg *clr = &gicsim_regs[id + 1];
        int n = set->frame == GICSIM_FRAME_GICD ? 1 : 0;
        uint64_t sa, ca;

        if (set->access != GICSIM_W1S || id + 1 >= GICSIM_REG__COUNT ||
            clr->access != GICSIM_W1C) {
            continue;
        }
        sa = frame_base(&g, set->frame, 1) + gicsim_reg_offset(set, n);
        ca = frame_base(&g, clr->frame, 1) + gicsim_reg_offset(clr, n);
        if (set->frame == GICSIM_FRAME_GICD && n == 0) {
            continue;
        }
        wr(&g, sa, 4, NS, 0x00010010);
        wr(&g, sa, 4, NS, 0x00000100);
        g_assert_cmphex(rd(&g, sa, 4, NS) & 0x00010110, ==, 0x00010110);
        g_assert_cmphex(rd(&g, ca, 4, NS) & 0x00010110, ==, 0x00010110);
        wr(&g, ca, 4, NS, 0x00000010);
        g_assert_cmphex(rd(&g, sa, 4, NS) & 0x00010110, ==, 0x00010100);
        wr(&g, ca, 4, NS, 0xffffffff);
        g_assert_cmphex(rd(&g, sa, 4, NS), ==, 0);
    }
    qtest_quit(g.qts);
}

/* ---- Many CPUs: both of virt's redistributor regions ---- */

/* ---- Gates: every register's, as the table declares them ---- */

/* An element of @r that holds implemented state (SPIs for GICD arrays) */
static unsigned gate_element(const GicsimReg *r)
{
    return r->frame == GICSIM_FRAME_GICD && r->count > 2 ? 2 : r->first;
}

/* SETSPI_SR/CLRSPI_SR by INTID 40: did the write reach the distributor? */
static bool spi40_pending(Gic *g, unsigned attrs)
{
    return (rd(g, GICD_BASE + GICD_ISPENDR + 4, 4, attrs) >> 8) & 1;
}

/*
 * GICSIM_GATE_SECURE: with two Security states (secure=on, DS == 0) each
 * such register is RAZ/WI to Non-secure accesses and open to Secure ones
 * (IHI 0069H, the registers' Security notes).
 */
static void test_gates_secure(void)
{
    Gic g = gic_start(4, 2, ",secure=on,virtualization=on",
                      "-global arm-gicv3-sim.profile=gic-600");
    unsigned id, checked = 0;
    int cpu;

    /* GICR_PWRR first: it is the one that answers while powered down */
    for (cpu = 0; cpu < 2; cpu++) {
        uint64_t a = gicr_addr(&g, cpu, GICR_PWRR);
        uint64_t v = rd(&g, a, 4, S);

        g_assert_cmphex(v & 0xd, ==, 0xd);
        g_assert_cmphex(rd(&g, a, 4, NS), ==, 0);
        wr(&g, a, 4, NS, 0);
        g_assert_cmphex(rd(&g, a, 4, S), ==, v);
        wr(&g, a, 4, S, 0);
        qtest_clock_step(g.qts, 100000);
        g_assert_cmphex(rd(&g, a, 4, S) & 0xd, ==, 0);
        checked++;
    }
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        uint64_t a, v;

        if (!(r->gates & GICSIM_GATE_SECURE) || id == GICSIM_GICR_PWRR) {
            continue;
        }
        a = frame_base(&g, r->frame, 1) + gicsim_reg_offset(r,
                                                            gate_element(r));
        if (r->access == GICSIM_WO) {
            /* GICD_SETSPI_SR, GICD_CLRSPI_SR */
            wr(&g, GICD_BASE + GICD_ISPENDR + 4, 4, S, 1u << 8);
            wr(&g, GICD_BASE + GICD_ICPENDR + 4, 4, S,
               r->clears ? 0 : 1u << 8);
            wr(&g, a, 4, NS, 40);
            g_assert_cmpint(spi40_pending(&g, S), ==, r->clears);
            wr(&g, a, 4, S, 40);
            g_assert_cmpint(spi40_pending(&g, S), ==, !r->clears);
        } else {
            /* GICR_WAKER: the Secure value to hide is ProcessorSleep */
            wr(&g, a, 4, S, id == GICSIM_GICR_WAKER ? 0x2 : 0xffffffff);
            v = rd(&g, a, 4, S);
            g_assert_cmphex(v, !=, 0);
            if (rd(&g, a, 4, NS) != 0) {
                g_error("%s reads 0x%" PRIx64 " to Non-secure while "
                        "DS == 0", r->name, rd(&g, a, 4, NS));
            }
            wr(&g, a, 4, NS, 0);
            if (rd(&g, a, 4, S) != v) {
                g_error("%s: a Non-secure write changed it", r->name);
            }
        }
        checked++;
    }
    g_assert_cmpuint(checked, ==, 11);
    qtest_quit(g.qts);
}

/*
 * GICSIM_GATE_TWO_STATES: with one Security state (DS == 1) these
 * registers are RAZ/WI to every access.
 */
static void test_gates_one_state(void)
{
    Gic g = gic_start(4, 2, ",virtualization=on",
                      "-global arm-gicv3-sim.profile=gic-600");
    unsigned id, checked = 0;

    power_up_redistributors(&g);
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        uint64_t a;

        if (!(r->gates & GICSIM_GATE_TWO_STATES)) {
            continue;
        }
        a = frame_base(&g, r->frame, 1) + gicsim_reg_offset(r,
                                                            gate_element(r));
        if (r->access == GICSIM_WO) {
            wr(&g, GICD_BASE + GICD_ISPENDR + 4, 4, NS,
               r->clears ? 1u << 8 : 0);
            wr(&g, a, 4, NS, 40);
            g_assert_cmpint(spi40_pending(&g, NS), ==, r->clears);
        } else {
            wr(&g, a, 4, NS, 0xffffffff);
            if (rd(&g, a, 4, NS)) {
                g_error("%s is not RAZ/WI with DS == 1", r->name);
            }
        }
        checked++;
    }
    g_assert_cmpuint(checked, ==, 6);
    qtest_quit(g.qts);
}

/*
 * GICSIM_GATE_POWERED: while a GIC-600/700 redistributor is powered down
 * its gated registers are RAZ/WI (GIC-600 TRM, GICR_PWRR); the others
 * (GICR_PWRR, GICR_TYPER, GICR_IIDR, the ID registers) answer.  A write
 * while it is down is lost: after power-up the register has its reset
 * value.
 */
static void test_gates_powered(void)
{
    Gic g = gic_start(4, 2, ALL_REGS_MACHINE ",secure=on", ALL_REGS_EXTRA);
    uint64_t answered[GICSIM_REG__COUNT] = { 0 };
    unsigned id, checked = 0;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        uint64_t a;

        if (r->frame == GICSIM_FRAME_GICD || !reg_exists(&g, r)) {
            continue;
        }
        a = frame_base(&g, r->frame, 1) + gicsim_reg_offset(r, r->first);
        if (!(r->gates & GICSIM_GATE_POWERED)) {
            /* GICR_PWRR and the ID registers answer while down */
            answered[id] = rd(&g, a, 4, S);
            continue;
        }
        if (r->access == GICSIM_WO) {
            g_assert_true(qtest_mmio_write(g.qts, a, 4, S, 0));
        } else {
            if (r->access != GICSIM_RO) {
                wr(&g, a, 4, S, r->access == GICSIM_W1C ? 0 : 0xffffffff);
            }
            if (rd(&g, a, 4, S) != 0) {
                g_error("%s answers while its redistributor is powered "
                        "down", r->name);
            }
        }
        checked++;
    }
    g_assert_cmpuint(checked, >=, 24);
    g_assert_cmphex(answered[GICSIM_GICR_PWRR] & 0xd, ==, 0xd);
    /* Discovery answers while down (docs/device.rst, "Power") */
    g_assert_cmphex(answered[GICSIM_GICR_TYPER] & 0xffff00, ==, 1 << 8);
    g_assert_cmphex(answered[GICSIM_GICR_IIDR], ==, 0x0201643b);
    wr(&g, gicr_addr(&g, 1, GICR_PWRR), 4, S, 0);
    qtest_clock_step(g.qts, 100000);
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        uint64_t a, v;

        if (r->frame == GICSIM_FRAME_GICD || r->access == GICSIM_WO ||
            !reg_exists(&g, r) || id == GICSIM_GICR_PWRR ||
            (r->gates & GICSIM_GATE_TWO_STATES)) {
            continue;
        }
        a = frame_base(&g, r->frame, 1) + gicsim_reg_offset(r, r->first);
        v = rd(&g, a, 4, S);
        if (!(r->gates & GICSIM_GATE_POWERED)) {
            /* What answered while down is what answers once up */
            g_assert_cmphex(v, ==, answered[id]);
        } else if (!r->reset_computed && v != (uint32_t)r->reset) {
            g_error("%s: a write while powered down was not lost", r->name);
        }
    }
    qtest_quit(g.qts);
}

static void test_two_redist_regions(void)
{
    /* virt's first region holds 123 GICv3 redistributors (0x00f60000) */
    const int smp = 130, first = 123;
    const uint64_t region2 = 0x4000000000ULL;
    Gic g = gic_start(3, smp, NULL, NULL);
    int cpu;

    for (cpu = 0; cpu < smp; cpu++) {
        uint64_t a = cpu < first ? gicr_addr(&g, cpu, GICR_TYPER) :
                     region2 + (uint64_t)(cpu - first) * 0x20000 + GICR_TYPER;
        uint64_t t = rd(&g, a, 8, NS);

        g_assert_cmpuint((t >> 8) & 0xffff, ==, cpu);
        /* GICR_TYPER.Last ends each region's series (GICR_TYPER) */
        g_assert_cmpuint((t >> 4) & 1, ==, cpu == first - 1 || cpu == smp - 1);
    }
    qtest_quit(g.qts);
}

/* ---- Migration ---- */

static void wait_migration(QTestState *qts)
{
    int i;

    for (i = 0; i < 1000; i++) {
        QDict *rsp = qtest_qmp(qts, "{ 'execute': 'query-migrate' }");
        QDict *ret = qdict_get_qdict(rsp, "return");
        const char *st = qdict_haskey(ret, "status") ?
                         qdict_get_str(ret, "status") : "none";
        bool done = !strcmp(st, "completed");

        g_assert_cmpstr(st, !=, "failed");
        qobject_unref(rsp);
        if (done) {
            return;
        }
        g_usleep(10000);
    }
    g_assert_not_reached();
}

static void test_migration(void)
{
    const char *machine = ",secure=on";
    const char *extra = "-global arm-gicv3-sim.profile=gic-600";
    g_autofree char *file = g_strdup_printf("%s/gicsim-mig-%d",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *incoming = g_strdup_printf("%s -incoming 'exec:cat %s'",
                                                extra, file);
    g_autofree char *uri = g_strdup_printf("exec:cat > %s", file);
    Gic src = gic_start(3, 2, machine, extra), dst;
    uint64_t irouter = GICD_BASE + GICD_IROUTER + 8 * 60;

    /* Guest-visible state in GICv3State and in gicsim's own section */
    gicd_wr(&src, GICD_CTLR, S, 0x7);
    gicd_wr(&src, GICD_IGROUPR + 4, S, 0x00f0000f);
    wr(&src, GICD_BASE + GICD_IPRIORITYR + 61, 1, S, 0xa0);
    wr(&src, irouter, 8, S, 0x0000000200000001ULL);
    wr(&src, gicr_addr(&src, 1, GICR_PWRR), 4, S, 0);
    /*
     * Writes in flight (GIC-600 profile durations): the GICD_CTLR write
     * (RWP, 500 ns) and CPU 1's power-up (RDGPD 0; RDGPO, and RDPD as
     * read, still 1; 20 us)
     */
    g_assert_cmphex(gicd_rd(&src, GICD_CTLR, S), ==, 0x80000037);
    g_assert_cmphex(rd(&src, gicr_addr(&src, 1, GICR_PWRR), 4, S) & 0xf, ==,
                    0x9);
    qtest_qmp_assert_success(src.qts, "{ 'execute': 'migrate', 'arguments': "
                             "{ 'uri': %s } }", uri);
    wait_migration(src.qts);
    qtest_quit(src.qts);

    dst = gic_start(3, 2, machine, incoming);
    wait_migration(dst.qts);
    /* Still in flight after the migration, then they complete */
    g_assert_cmphex(gicd_rd(&dst, GICD_CTLR, S), ==, 0x80000037);
    g_assert_cmphex(rd(&dst, gicr_addr(&dst, 1, GICR_PWRR), 4, S) & 0xf, ==,
                    0x9);
    qtest_clock_step(dst.qts, 20000);
    g_assert_cmphex(gicd_rd(&dst, GICD_CTLR, S), ==, 0x37);
    g_assert_cmphex(gicd_rd(&dst, GICD_IGROUPR + 4, S), ==, 0x00f0000f);
    g_assert_cmphex(rd(&dst, GICD_BASE + GICD_IPRIORITYR + 61, 1, S), ==,
                    0xa0);
    g_assert_cmphex(rd(&dst, irouter, 8, S), ==, 0x0000000200000001ULL);
    /* CPU 1's redistributor powered up, CPU 0's still off (GICR_PWRR) */
    g_assert_cmphex(rd(&dst, gicr_addr(&dst, 1, GICR_PWRR), 4, S) & 0xf, ==,
                    0);
    g_assert_cmphex(rd(&dst, gicr_addr(&dst, 0, GICR_PWRR), 4, S) & 0xf, ==,
                    0xd);
    /* Secure-only: RAZ/WI to Non-secure while DS == 0 */
    g_assert_cmphex(rd(&dst, gicr_addr(&dst, 0, GICR_PWRR), 4, NS), ==, 0);
    wr(&dst, gicr_addr(&dst, 1, GICR_WAKER), 4, S, 0);
    qtest_clock_step(dst.qts, 2000);
    g_assert_cmphex(rd(&dst, gicr_addr(&dst, 1, GICR_WAKER), 4, S), ==, 0);
    qtest_quit(dst.qts);
    unlink(file);
}

/* ---- Modelled time (docs/timing.rst) ---- */

static uint64_t did_not_wait(Gic *g)
{
    g_autofree char *gic = gicsim_find_gic(g->qts);
    QDict *rsp = qtest_qmp(g->qts, "{ 'execute': 'qom-get', 'arguments': "
                           "{ 'path': %s, 'property': 'did-not-wait' } }",
                           gic);
    uint64_t n = qdict_get_int(rsp, "return");

    qobject_unref(rsp);
    return n;
}

/*
 * Software that does not wait: a second tracked write while the first is
 * in flight is merged, restarts the time and is counted; so is an access
 * to a redistributor whose power-up is still going on.
 */
static void test_timing_did_not_wait(void)
{
    Gic g = gic_start(3, 1, ",secure=on",
                      "-global arm-gicv3-sim.profile=gic-600");
    uint64_t pwrr = gicr_addr(&g, 0, GICR_PWRR);

    g_assert_cmpuint(did_not_wait(&g), ==, 0);
    wr(&g, pwrr, 4, S, 0);
    /* GICR_WAKER while RDGPO is still 1: RAZ/WI, and counted */
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_WAKER), 4, S), ==, 0);
    g_assert_cmpuint(did_not_wait(&g), ==, 1);
    qtest_clock_step(g.qts, 20000);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_WAKER), 4, S), ==, 0x6);
    g_assert_cmpuint(did_not_wait(&g), ==, 1);
    /* Two ICENABLER clears 300 ns apart: RWP lasts 500 ns from the second */
    gicd_wr(&g, GICD_ISENABLER + 4, S, 0x3);
    gicd_wr(&g, GICD_ICENABLER + 4, S, 0x1);
    qtest_clock_step(g.qts, 300);
    gicd_wr(&g, GICD_ICENABLER + 4, S, 0x2);
    g_assert_cmpuint(did_not_wait(&g), ==, 2);
    qtest_clock_step(g.qts, 300);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S) >> 31, ==, 1);
    qtest_clock_step(g.qts, 200);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, S) >> 31, ==, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4, S) & 3, ==, 0);
    qtest_quit(g.qts);
}

/*
 * A reset cancels every write in flight; nothing completes after it.
 * Without EL3 the model stands in for firmware and CPU 0's redistributor
 * comes out of reset awake on the GIC-700 profile (docs/timing.rst,
 * "Firmware"): the write in flight puts it to sleep.
 */
static void test_timing_reset(void)
{
    Gic g = gic_start(3, 1, NULL, "-global arm-gicv3-sim.profile=gic-700");

    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_WAKER), 4, NS), ==, 0);
    gicd_wr(&g, GICD_ISENABLER + 4, NS, 0x1);
    gicd_wr(&g, GICD_ICENABLER + 4, NS, 0x1);
    wr(&g, gicr_addr(&g, 0, GICR_WAKER), 4, NS, 0x2);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS) >> 31, ==, 1);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_WAKER), 4, NS), ==, 0x2);
    qtest_qmp_assert_success(g.qts, "{'execute': 'system_reset'}");
    qtest_qmp_eventwait(g.qts, "RESET");
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS) >> 31, ==, 0);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_WAKER), 4, NS), ==, 0);
    qtest_clock_step(g.qts, 100000);
    g_assert_cmphex(rd(&g, gicr_addr(&g, 0, GICR_WAKER), 4, NS), ==, 0);
    g_assert_cmphex(gicd_rd(&g, GICD_ISENABLER + 4, NS), ==, 0);
    qtest_quit(g.qts);
}

/* The duration properties: set, zero, and out of range */
static void test_timing_properties(void)
{
    Gic g = gic_start(3, 1, NULL, "-global arm-gicv3-sim.profile=gic-600 "
                      "-global arm-gicv3-sim.rwp-ns=5000");

    gicd_wr(&g, GICD_ISENABLER + 4, NS, 0x1);
    gicd_wr(&g, GICD_ICENABLER + 4, NS, 0x1);
    qtest_clock_step(g.qts, 4999);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS) >> 31, ==, 1);
    qtest_clock_step(g.qts, 1);
    g_assert_cmphex(gicd_rd(&g, GICD_CTLR, NS) >> 31, ==, 0);
    qtest_quit(g.qts);
    check_startup_error("virt,gic-version=3,gic-model=sim",
                        "-global arm-gicv3-sim.rwp-ns=2000000000",
                        "rwp-ns=2000000000 is out of range");
}

/*
 * Migration between the models (docs/device.rst, "Migration"), with
 * interrupts in flight, checked by delivery on the destination: SPI 40
 * pending, SPI 41 active and pending, LPI 8192 pending in the pending
 * table.  One CPU, running the CPU-interface stub (TCG).
 */
#define MIG_PROPBASE 0x40100000ULL
#define MIG_PENDBASE 0x40200000ULL
#define MIG_LPI      8192

static char *mig_args(bool sim, const char *more)
{
    return g_strdup_printf("-M virt,gic-version=3,gic-model=%s,its=on "
                           "-smp 1 -cpu max %s %s", sim ? "sim" : "qemu",
                           sim ? "-global arm-gicv3-sim.profile=gic-600" : "",
                           more);
}

static void mig_in_flight(Delivery *d, bool sim)
{
    uint64_t rd0 = gicr_addr(&d->g, 0, 0);

    if (sim) {
        /* GIC-600: power the redistributor up first (GICR_PWRR) */
        wr(&d->g, rd0 + GICR_PWRR, 4, NS, 0);
    }
    wr(&d->g, rd0 + GICR_WAKER, 4, NS, 0);
    gicd_wr(&d->g, GICD_CTLR, NS, 0x3);
    route_spi(&d->g, 40, 1, 0);
    route_spi(&d->g, 41, 1, 0);
    gicd_wr(&d->g, GICD_IGROUPR + 4, NS, 3 << 8);  /* route_spi sets one */
    gicd_wr(&d->g, GICD_ISACTIVER + 4, NS, 1 << 9);
    gicd_wr(&d->g, GICD_ISPENDR + 4, NS, 3 << 8);
    /* LPI 8192: priority 0xa0, enabled; pending in the pending table */
    qtest_writeb(d->g.qts, MIG_PROPBASE, 0xa1);
    qtest_writeb(d->g.qts, MIG_PENDBASE + MIG_LPI / 8, 1);
    wr(&d->g, rd0 + GICR_PROPBASER, 8, NS, MIG_PROPBASE | 15);
    wr(&d->g, rd0 + 0x0078, 8, NS, MIG_PENDBASE);
    wr(&d->g, rd0 + GICR_CTLR, 4, NS, 1);
    g_assert_true(wait_irq(d, OUT_IRQ(0), true));
}

static void mig_check_delivery(Delivery *d)
{
    uint64_t rd0 = gicr_addr(&d->g, 0, 0);

    /* The state came across */
    g_assert_cmphex(gicd_rd(&d->g, GICD_ISPENDR + 4, NS) & 3 << 8, ==,
                    3 << 8);
    g_assert_cmphex(gicd_rd(&d->g, GICD_ISACTIVER + 4, NS) & 3 << 8, ==,
                    1 << 9);
    g_assert_cmphex(rd(&d->g, rd0 + GICR_CTLR, 4, NS) & 1, ==, 1);
    /*
     * The migration does not replay the output lines to qtest's
     * interception: a change of SPI 40's state (cleared, pending again)
     * re-drives them (a write that changes nothing recomputes nothing)
     */
    gicd_wr(&d->g, GICD_ICPENDR + 4, NS, 1 << 8);
    gicd_wr(&d->g, GICD_ISPENDR + 4, NS, 1 << 8);
    g_assert_true(wait_irq(d, OUT_IRQ(0), true));
    /* Without SPI 40 the LPI still asserts IRQ */
    gicd_wr(&d->g, GICD_ICPENDR + 4, NS, 1 << 8);
    g_assert_true(wait_irq(d, OUT_IRQ(0), true));
    /* Without LPIs nothing: SPI 41 is active, so not signalled */
    wr(&d->g, rd0 + GICR_CTLR, 4, NS, 0);
    g_assert_true(wait_irq(d, OUT_IRQ(0), false));
    /* Deactivated, its pending state is signalled */
    gicd_wr(&d->g, GICD_ICACTIVER + 4, NS, 1 << 9);
    g_assert_true(wait_irq(d, OUT_IRQ(0), true));
}

static void check_cross_migration(bool from_sim)
{
    g_autofree char *file = g_strdup_printf("%s/gicsim-xmig-%d",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *uri = g_strdup_printf("exec:cat > %s", file);
    g_autofree char *in = g_strdup_printf("-accel tcg -incoming 'exec:cat %s'",
                                          file);
    g_autofree char *dst_args = mig_args(!from_sim, in);
    GString *src_args = g_string_new(NULL);
    Delivery src = { .g = { .version = 3, .smp = 1 } };
    Delivery dst = { .g = { .version = 3, .smp = 1 } };
    char *a = mig_args(from_sim, "");

    g_string_assign(src_args, a);
    g_free(a);
    gicsim_cpuif_args(src_args, 1);
    src.g.qts = qtest_init(src_args->str);
    g_string_free(src_args, true);
    g_assert_true(gicsim_cpuif_start(src.g.qts, 1, false, false));
    src.gic = gicsim_find_gic(src.g.qts);
    qtest_irq_intercept_out_named(src.g.qts, src.gic, "sysbus-irq");
    mig_in_flight(&src, from_sim);
    qtest_qmp_assert_success(src.g.qts, "{ 'execute': 'migrate', "
                             "'arguments': { 'uri': %s } }", uri);
    wait_migration(src.g.qts);
    delivery_end(&src);

    dst.g.qts = qtest_init(dst_args);
    wait_migration(dst.g.qts);
    dst.gic = gicsim_find_gic(dst.g.qts);
    qtest_irq_intercept_out_named(dst.g.qts, dst.gic, "sysbus-irq");
    if (!from_sim) {
        /* GIC-600 from stock QEMU: powered up, as stock's was */
        g_assert_cmphex(rd(&dst.g, gicr_addr(&dst.g, 0, GICR_PWRR), 4, NS)
                        & 0xf, ==, 0);
        g_assert_cmphex(rd(&dst.g, gicr_addr(&dst.g, 0, GICR_TYPER), 8, NS)
                        >> 32, ==, 0);
    }
    mig_check_delivery(&dst);
    delivery_end(&dst);
    unlink(file);
}

static void test_migration_stock_to_sim(void)
{
    check_cross_migration(false);
}

static void test_migration_sim_to_stock(void)
{
    check_cross_migration(true);
}

/*
 * A migration stream is input too: each field of gicsim's own section
 * (GICR_PWRR of each redistributor), set to values no device can hold,
 * must make the destination refuse the stream, naming the field.
 */
/*
 * A write in flight is migrated in a subsection; its pending mask naming
 * a kind of write the model does not know is refused by name
 */
static void test_migration_corrupt_in_flight(void)
{
    const char *extra = "-nodefaults -smp 2 -cpu max "
                        "-global arm-gicv3-sim.profile=gic-600";
    static const char idstr[] = "\x1e" "arm-gicv3-sim/writes-in-flight";
    const char *qemu = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *file = g_strdup_printf("%s/gicsim-fmig-%d",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *bad_file = g_strdup_printf("%s.bad", file);
    g_autofree char *uri = g_strdup_printf("exec:cat > %s", file);
    g_autofree char *stream = NULL, *cmd = NULL, *out = NULL, *err = NULL;
    g_auto(GStrv) argv = NULL;
    Gic src = { .version = 3, .smp = 2 };
    const char *sec;
    gsize len, off;
    int status;

    src.qts = qtest_initf("-M virt,gic-version=3,gic-model=sim,secure=on %s",
                          extra);
    /* CPU 1 powering up (20 us), migrated before it completes */
    wr(&src, gicr_addr(&src, 1, GICR_PWRR), 4, S, 0);
    qtest_qmp_assert_success(src.qts, "{ 'execute': 'migrate', "
                             "'arguments': { 'uri': %s } }", uri);
    wait_migration(src.qts);
    qtest_quit(src.qts);
    g_assert_true(g_file_get_contents(file, &stream, &len, NULL));
    sec = memmem(stream, len, idstr, sizeof(idstr) - 1);
    g_assert_nonnull(sec);
    /* after the name: version id (be32), then fx_pending (be32) */
    off = sec - stream + sizeof(idstr) - 1 + 4;
    g_assert_cmphex(ldl_be_p(stream + off - 4), ==, 1);
    g_assert_cmphex(ldl_be_p(stream + off), ==, 0);
    stl_be_p(stream + off, 1u << 31);
    g_assert_true(g_file_set_contents(bad_file, stream, len, NULL));
    cmd = g_strdup_printf("timeout 60 %s -M virt,gic-version=3,"
                          "gic-model=sim,secure=on -accel qtest "
                          "-display none %s -incoming 'exec:cat %s'",
                          qemu, extra, bad_file);
    g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, &out, &err, &status, NULL));
    g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 1);
    if (!strstr(err, "arm-gicv3-sim/writes-in-flight/writes in flight "
                "are known kinds")) {
        g_error("fx_pending 0x80000000: '%s'", err);
    }
    unlink(bad_file);
    unlink(file);
}

static void test_migration_corrupt_stream(void)
{
    const char *extra = "-nodefaults -smp 2 -cpu max "
                        "-global arm-gicv3-sim.profile=gic-600";
    static const uint32_t bad[] = { 0x10, 0x1, 0x8, 0xffffffff };
    static const char idstr[] = "\x0d" "arm-gicv3-sim";
    const char *qemu = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *file = g_strdup_printf("%s/gicsim-cmig-%d",
                                            g_get_tmp_dir(), getpid());
    g_autofree char *bad_file = g_strdup_printf("%s.bad", file);
    g_autofree char *uri = g_strdup_printf("exec:cat > %s", file);
    g_autofree char *stream = NULL;
    Gic src = { .version = 3, .smp = 2 };
    gsize len, off;
    const char *sec;
    unsigned cpu, k;

    /* With EL3 (secure=on) the redistributors reset powered down */
    src.qts = qtest_initf("-M virt,gic-version=3,gic-model=sim,secure=on %s",
                          extra);
    /* CPU 1 powered up, CPU 0 not: the section is sent */
    wr(&src, gicr_addr(&src, 1, GICR_PWRR), 4, S, 0);
    qtest_clock_step(src.qts, 100000);
    qtest_qmp_assert_success(src.qts, "{ 'execute': 'migrate', "
                             "'arguments': { 'uri': %s } }", uri);
    wait_migration(src.qts);
    qtest_quit(src.qts);
    g_assert_true(g_file_get_contents(file, &stream, &len, NULL));
    sec = memmem(stream, len, idstr, sizeof(idstr) - 1);
    g_assert_nonnull(sec);
    /* after the name: instance id and version id (be32 each) */
    off = sec - stream + sizeof(idstr) - 1 + 8;
    g_assert_cmphex(ldl_be_p(stream + off), ==, 0xd);
    g_assert_cmphex(ldl_be_p(stream + off + 4), ==, 0);

    for (cpu = 0; cpu < 2; cpu++) {
        for (k = 0; k < G_N_ELEMENTS(bad); k++) {
            g_autofree char *copy = g_memdup2(stream, len);
            g_autofree char *cmd = NULL, *out = NULL, *err = NULL;
            g_autofree char *want = g_strdup_printf(
                "migration stream field gicr_pwrr[%u]", cpu);
            g_auto(GStrv) argv = NULL;
            int status;

            stl_be_p(copy + off + 4 * cpu, bad[k]);
            g_assert_true(g_file_set_contents(bad_file, copy, len, NULL));
            /* a refused stream ends QEMU; timeout guards a hang */
            cmd = g_strdup_printf("timeout 60 %s -M virt,gic-version=3,"
                                  "gic-model=sim,secure=on -accel qtest "
                                  "-display none "
                                  "%s -incoming 'exec:cat %s'",
                                  qemu, extra, bad_file);
            g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
            g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_SEARCH_PATH,
                                       NULL, NULL, &out, &err, &status,
                                       NULL));
            g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 1);
            if (!strstr(err, want)) {
                g_error("0x%x in gicr_pwrr[%u]: '%s', not '%s'", bad[k],
                        cpu, err, want);
            }
        }
    }
    unlink(bad_file);
    unlink(file);
}

/*
 * docs/differences.rst is complete: after the same writes, every 32-bit
 * word of every frame (GICv4: GICD, RD, SGI, VLPI and the reserved
 * frame), read in both Security states, is the same on
 * gic-model=sim (profile=qemu) and on stock QEMU, except where the
 * document's machine-readable lines allow it:
 *
 *   .. gicsim-diff: REGISTER VIEW MASK
 *
 * (an rST comment): the bits of MASK (of the whole register) of REGISTER
 * may differ when read from VIEW (S, NS or any).  The document's path is
 * $GICSIM_DIFFERENCES (scripts/test.sh sets it).
 */
typedef struct DiffAllow {
    char name[48];
    char view[8];
    uint64_t mask;
} DiffAllow;

static GArray *diff_allowances(const char *doc)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    GArray *a = g_array_new(false, true, sizeof(DiffAllow));
    unsigned i;

    g_assert_true(g_file_get_contents(doc, &text, NULL, NULL));
    lines = g_strsplit(text, "\n", -1);
    for (i = 0; lines[i]; i++) {
        DiffAllow d = { 0 };

        if (!g_str_has_prefix(lines[i], ".. gicsim-diff: ")) {
            continue;
        }
        if (sscanf(lines[i] + 16, "%47s %7s %" SCNx64, d.name, d.view,
                   &d.mask) != 3 ||
            (strcmp(d.view, "S") && strcmp(d.view, "NS") &&
             strcmp(d.view, "any")) || !gicsim_reg_by_name(d.name)) {
            g_error("%s: malformed line '%s' (want: .. gicsim-diff: "
                    "REGISTER S|NS|any MASK)", doc, lines[i]);
        }
        g_array_append_val(a, d);
    }
    g_assert_cmpuint(a->len, >, 0);
    return a;
}

static bool diff_allowed(GArray *allow, const GicsimReg *r, unsigned byte,
                         bool secure, uint32_t diff)
{
    uint64_t mask = 0;
    unsigned i;

    /* the union of the entries for this register and view */
    for (i = 0; r && i < allow->len; i++) {
        DiffAllow *d = &g_array_index(allow, DiffAllow, i);

        if (!strcmp(d->name, r->name) &&
            (!strcmp(d->view, "any") ||
             !strcmp(d->view, secure ? "S" : "NS"))) {
            mask |= d->mask;
        }
    }
    return !(((uint64_t)diff << (8 * byte)) & ~mask);
}

/* The same writes on both models: all-ones to every RW register, Secure */
static void diff_writes(Gic *g)
{
    unsigned id, n;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        uint64_t v = ~0ULL;

        if (r->access != GICSIM_RW || id == GICSIM_GICD_CTLR ||
            id == GICSIM_GICR_CTLR || id == GICSIM_GICR_WAKER ||
            !reg_exists(g, r)) {
            continue;
        }
        if (id == GICSIM_GICR_VPENDBASER) {
            v &= ~(1ULL << 63);     /* Valid: would scan guest memory */
        }
        for (n = r->first; n < r->first + r->count; n++) {
            qtest_mmio_write(g->qts, frame_base(g, r->frame, 0) +
                             gicsim_reg_offset(r, n), r->size, S, v);
        }
    }
}

static void check_differences(int version, GArray *allow, GString *bad)
{
    static GicsimDecoder dec;
    const char *m = version == 4 ? ",secure=on,virtualization=on,its=on" :
                                   ",secure=on,its=on";
    g_autofree char *qemu_m = g_strdup_printf("%s", m);
    Gic sim = gic_start(version, 1, m, "-global arm-gicv3-sim.profile=qemu");
    Gic stock = { .version = version, .smp = 1 };
    unsigned f, nframes = version == 4 ? GICSIM_FRAME__COUNT : 3;
    uint32_t off;
    int sec;

    g_assert_true(gicsim_decoder_init(&dec));
    stock.qts = qtest_initf("-M virt,gic-version=%d,gic-model=qemu%s "
                            "-smp 1 -cpu max", version, qemu_m);
    diff_writes(&sim);
    diff_writes(&stock);
    for (f = 0; f < nframes; f++) {
        uint64_t base = frame_base(&sim, f, 0);

        for (off = 0; off < GICSIM_FRAME_SIZE; off += 4) {
            for (sec = 0; sec < 2; sec++) {
                uint64_t a = 0, b = 0;
                GicsimDecoded d = { 0 };
                bool oka, okb;

                oka = qtest_mmio_read(sim.qts, base + off, 4, sec ? S : NS,
                                      &a);
                okb = qtest_mmio_read(stock.qts, base + off, 4,
                                      sec ? S : NS, &b);
                g_assert_true(oka && okb);
                if (a == b) {
                    continue;
                }
                gicsim_decode(&dec, f, off, &d);
                if (!diff_allowed(allow, d.reg, d.byte, sec, a ^ b) &&
                    bad->len < 4000) {
                    g_string_append_printf(bad, "  GICv%d %s %s offset "
                                           "0x%04x (%s): sim 0x%08" PRIx64
                                           ", stock 0x%08" PRIx64 "\n",
                                           version, gicsim_frame_name(f),
                                           sec ? "S" : "NS", off,
                                           d.reg ? d.reg->name : "reserved",
                                           a, b);
                }
            }
        }
    }
    qtest_quit(sim.qts);
    qtest_quit(stock.qts);
}

static void test_differences_documented(void)
{
    const char *doc = g_getenv("GICSIM_DIFFERENCES");
    g_autoptr(GString) bad = g_string_new(NULL);
    GArray *allow;

    if (!doc) {
        g_test_skip("GICSIM_DIFFERENCES is not set (scripts/test.sh sets "
                    "it to docs/differences.rst)");
        return;
    }
    allow = diff_allowances(doc);
    /*
     * GICv4 has every frame GICv3 has (same layout) and the VLPI frames;
     * one sweep of about 330000 reads keeps the test under a minute
     */
    check_differences(4, allow, bad);
    g_array_free(allow, true);
    if (bad->len) {
        g_error("reads that differ between gic-model=sim and stock QEMU "
                "and are not listed in %s:\n%s", doc, bad->str);
    }
}

/* ---- Robustness ---- */

/*
 * A guest must not be able to crash or hang QEMU through the device: a
 * fixed-seed stream of random accesses (any frame, offset, width, value
 * and Security state, biased towards the registers) with every feature
 * on, strict=off then strict=on; QEMU must answer every one and be alive
 * and sane afterwards.
 */
static void random_accesses(const char *extra, unsigned n)
{
    static const uint32_t hot[] = {
        0x0000, 0x0004, 0x0010, 0x0014, 0x0024, 0x0040, 0x0048, 0x0070,
        0x0078, 0x00a0, 0x00b0, 0x00c0, 0x0080, 0x0100, 0x0200, 0x0300,
        0x0400, 0x0c00, 0x0d00, 0x0e00, 0x0f80, 0x6100, 0xffe8,
        0x10080, 0x10100, 0x10200, 0x10400, 0x10c00, 0x10e00,
        0x20070, 0x20078,
    };
    Gic g = gic_start(4, 2, ",virtualization=on,its=on,secure=on", extra);
    GRand *r = g_rand_new_with_seed(0x61c5);
    unsigned i;

    for (i = 0; i < n; i++) {
        int frame = g_rand_int_range(r, 0, 3);
        uint64_t base = frame == 0 ? GICD_BASE : gicr_addr(&g, frame - 1, 0);
        uint32_t span = frame == 0 ? 0x10000 : 0x40000;
        uint32_t off = g_rand_boolean(r) ?
            hot[g_rand_int_range(r, 0, G_N_ELEMENTS(hot))] % span +
            g_rand_int_range(r, 0, 64) * 4 :
            g_rand_int_range(r, 0, span);
        unsigned size = 1 << g_rand_int_range(r, 0, 4);
        unsigned attrs = g_rand_boolean(r) ? S : NS;
        uint64_t v = ((uint64_t)g_rand_int(r) << 32) | g_rand_int(r);

        off &= ~(size - 1);
        if (off >= span) {
            continue;
        }
        if (g_rand_boolean(r)) {
            qtest_mmio_write(g.qts, base + off, size, attrs,
                             size == 8 ? v : v & MAKE_64BIT_MASK(0, size * 8));
        } else {
            qtest_mmio_read(g.qts, base + off, size, attrs, &v);
        }
    }
    /* Still answering, and still a GIC: ITLinesNumber unchanged */
    g_assert_cmphex(gicd_rd(&g, GICD_TYPER, NS) & 0x1f, ==, 8);
    g_rand_free(r);
    qtest_quit(g.qts);
}

static void test_random_accesses(void)
{
    random_accesses("-global arm-gicv3-sim.profile=gic-600", 20000);
    random_accesses("-global arm-gicv3-sim.profile=gic-700 "
                    "-global arm-gicv3-sim.strict=on", 20000);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);

    qtest_add_func("gicsim/startup/typer-iidr", test_typer_iidr);
    qtest_add_func("gicsim/startup/gicr-typer", test_gicr_typer);
    qtest_add_func("gicsim/startup/gicv4-frames", test_gicv4_frames);
    qtest_add_func("gicsim/startup/errors", test_startup_errors);
    qtest_add_func("gicsim/startup/matrix", test_startup_matrix);
    qtest_add_func("gicsim/startup/two-redist-regions",
                   test_two_redist_regions);
    qtest_add_func("gicsim/startup/migration", test_migration);
    qtest_add_func("gicsim/timing/did-not-wait", test_timing_did_not_wait);
    qtest_add_func("gicsim/timing/reset", test_timing_reset);
    qtest_add_func("gicsim/timing/properties", test_timing_properties);
    qtest_add_func("gicsim/table/widths", test_all_regs_widths);
    qtest_add_func("gicsim/table/reset", test_all_regs_reset);
    qtest_add_func("gicsim/table/w1s-w1c", test_all_w1s_w1c_pairs);
    qtest_add_func("gicsim/table/gates-secure", test_gates_secure);
    qtest_add_func("gicsim/table/gates-one-state", test_gates_one_state);
    qtest_add_func("gicsim/table/gates-powered", test_gates_powered);
    qtest_add_func("gicsim/width/priority-bytes", test_priority_byte_access);
    qtest_add_func("gicsim/width/strict-bus-error", test_strict_bus_error);
    qtest_add_func("gicsim/width/lenient-raz-wi", test_lenient_raz_wi);
    qtest_add_func("gicsim/width/irouter-halves", test_irouter_halves);
    qtest_add_func("gicsim/regs/w1s-w1c", test_enable_pending_w1s_w1c);
    qtest_add_func("gicsim/regs/level-edge", test_level_vs_edge_pending);
    qtest_add_func("gicsim/regs/setspi-mbis", test_setspi_mbis);
    qtest_add_func("gicsim/profile/ids", test_profiles);
    qtest_add_func("gicsim/profile/pwrr", test_pwrr_handshake);
    qtest_add_func("gicsim/profile/direct-kernel-boot",
                   test_direct_kernel_boot);
    qtest_add_func("gicsim/trace/events", test_trace_events);
    qtest_add_func("gicsim/access/logged", test_bad_access_logged);
    qtest_add_func("gicsim/access/pedantic", test_strict_pedantic);
    qtest_add_func("gicsim/security/views", test_secure_views);
    qtest_add_func("gicsim/security/nsacr", test_nsacr_pending_rights);
    qtest_add_func("gicsim/security/waker", test_waker_secure_only);
    qtest_add_func("gicsim/security/setspi-sr", test_setspi_sr_secure_only);
    qtest_add_func("gicsim/security/ds", test_ds_set_by_secure);
    qtest_add_func("gicsim/redist/sgi-frame", test_gicr_sgi_frame);
    qtest_add_func("gicsim/irq/spi-to-cpu", test_spi_reaches_cpu_irq);
    qtest_add_func("gicsim/migration/stock-to-sim",
                   test_migration_stock_to_sim);
    qtest_add_func("gicsim/migration/sim-to-stock",
                   test_migration_sim_to_stock);
    qtest_add_func("gicsim/migration/corrupt-stream",
                   test_migration_corrupt_stream);
    qtest_add_func("gicsim/migration/corrupt-in-flight",
                   test_migration_corrupt_in_flight);
    qtest_add_func("gicsim/differences/documented",
                   test_differences_documented);
    qtest_add_func("gicsim/robustness/random-accesses", test_random_accesses);
    qtest_add_func("gicsim/irq/group0-fiq", test_group0_is_fiq);
    qtest_add_func("gicsim/irq/ppi-to-cpu", test_ppi_reaches_its_cpu);

    return g_test_run();
}
