/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QTest of "info pic" for arm-gicv3-sim (hw/intc/gicsim/gicsim-info.c):
 * sets up interrupts, LPIs and writes in flight through the registers,
 * then parses what the monitor prints and checks each decoded item
 * against what was written; then lets the virtual clock run past the
 * writes' durations and checks that they completed; then narrows the
 * view with the info-cpus and info-intids properties.
 *
 * GICv3 and GICv4, with 2 CPUs and with the largest count virt accepts
 * (512 with GICv3; 317 with GICv4, whose redistributors are twice the
 * size), GIC-600 profile (redistributors powered down at reset), two
 * Security states.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"

#define GICD_BASE       0x08000000ULL
#define GICR_BASE       0x080a0000ULL
#define GICR_SIZE       0x00f60000ULL
/* virt's second redistributor region, above 128 MiB of RAM */
#define GICR2_BASE      0x4000000000ULL
#define RAM_BASE        0x40000000ULL
#define S               QTEST_MEMATTR_SECURE

#define PROP_TABLE      (RAM_BASE + 0x100000)
#define PEND_TABLE      (RAM_BASE + 0x200000)
#define LPI             8200
#define PWRR_NS         5000
#define RWP_NS          2000

typedef struct Config {
    int version;
    int smp;
} Config;

typedef struct Info {
    QTestState *qts;
    const Config *cfg;
    uint32_t stride;
} Info;

static uint64_t rd_base(Info *t, int cpu)
{
    int first = GICR_SIZE / t->stride;

    if (cpu < first) {
        return GICR_BASE + (uint64_t)cpu * t->stride;
    }
    return GICR2_BASE + (uint64_t)(cpu - first) * t->stride;
}

static void wr(Info *t, uint64_t addr, unsigned size, uint64_t v)
{
    g_assert_true(qtest_mmio_write(t->qts, addr, size, S, v));
}

static char *info_pic(Info *t)
{
    char *out = qtest_hmp(t->qts, "info pic");

    g_assert_nonnull(strstr(out, "arm-gicv3-sim"));
    return out;
}

/* The line of @out that starts with @prefix (after spaces), or NULL */
static char *line_of(const char *out, const char *prefix)
{
    g_auto(GStrv) lines = g_strsplit(out, "\n", -1);
    int i;

    for (i = 0; lines[i]; i++) {
        if (g_str_has_prefix(g_strchug(lines[i]), prefix)) {
            return g_strdup(lines[i]);
        }
    }
    return NULL;
}

static char *must_line(const char *out, const char *prefix)
{
    char *l = line_of(out, prefix);

    if (!l) {
        g_test_message("no line '%s' in the output:", prefix);
        g_test_message("%s", out);
    }
    g_assert_nonnull(l);
    return l;
}

/* The value of field @name in the "{A=1 B=0x2}" of @line */
static uint64_t field(const char *line, const char *name)
{
    g_autofree char *key = g_strdup_printf(" %s=", name);
    g_autofree char *first = g_strdup_printf("{%s=", name);
    const char *p = strstr(line, key);

    if (!p) {
        p = strstr(line, first);
    }
    g_assert_nonnull(p);
    return g_ascii_strtoull(p + strlen(key), NULL, 0);
}

/* The register and its decoded fields agree */
static uint64_t reg_value(const char *line, const char *name)
{
    g_autofree char *key = g_strdup_printf("%s = ", name);
    const char *p = strstr(line, key);

    g_assert_nonnull(p);
    return g_ascii_strtoull(p + strlen(key), NULL, 16);
}

static int count_lines(const char *out)
{
    int n = 0;

    for (; *out; out++) {
        n += *out == '\n';
    }
    return n;
}

/* The writes the checks below expect to see */
static void set_up(Info *t)
{
    uint8_t cfg = 0xa0 | 1;
    uint8_t pend = 1u << (LPI % 8);
    int cpu = t->cfg->smp - 1;

    /* cpu 0 up, and let the power-up complete; the last CPU stays in flight */
    wr(t, rd_base(t, 0) + 0x24, 4, 0);              /* GICR_PWRR.RDPD = 0 */
    qtest_clock_step(t->qts, PWRR_NS + 1);
    wr(t, rd_base(t, cpu) + 0x24, 4, 0);
    /* GICD_CTLR: ARE_S, ARE_NS, EnableGrp1NS: RWP in flight */
    wr(t, GICD_BASE + 0x0, 4, (1 << 4) | (1 << 5) | (1 << 1));
    /* SPI 40: Group 1 NS, priority 0xa0, level, to cpu 0, enabled, pending */
    wr(t, GICD_BASE + 0x80 + 4, 4, 1 << 8);         /* GICD_IGROUPR1 */
    wr(t, GICD_BASE + 0x400 + 40, 1, 0xa0);         /* GICD_IPRIORITYR */
    wr(t, GICD_BASE + 0x6000 + 40 * 8, 8, 0);       /* GICD_IROUTER<40> */
    wr(t, GICD_BASE + 0x100 + 4, 4, 1 << 8);        /* GICD_ISENABLER1 */
    wr(t, GICD_BASE + 0x200 + 4, 4, 1 << 8);        /* GICD_ISPENDR1 */
    /* cpu 0: PPI 27 enabled, Group 0, priority 0x40; SGI 3 pending */
    wr(t, rd_base(t, 0) + 0x10400 + 27, 1, 0x40);   /* GICR_IPRIORITYR */
    wr(t, rd_base(t, 0) + 0x10100, 4, 1 << 27);     /* GICR_ISENABLER0 */
    wr(t, rd_base(t, 0) + 0x10200, 4, 1 << 3);      /* GICR_ISPENDR0 */
    /* cpu 0: LPI tables (IDbits 15: 16 bits), LPI 8200 enabled, pending */
    qtest_memset(t->qts, PROP_TABLE, 0, (1 << 16) - 8192);
    qtest_memset(t->qts, PEND_TABLE, 0, (1 << 16) / 8);
    qtest_memwrite(t->qts, PROP_TABLE + LPI - 8192, &cfg, 1);
    qtest_memwrite(t->qts, PEND_TABLE + LPI / 8, &pend, 1);
    wr(t, rd_base(t, 0) + 0x70, 8, PROP_TABLE | 15);   /* GICR_PROPBASER */
    wr(t, rd_base(t, 0) + 0x78, 8, PEND_TABLE);        /* GICR_PENDBASER */
    wr(t, rd_base(t, 0) + 0x0, 4, 1);                  /* EnableLPIs */
}

static void check_in_flight(Info *t, const char *out)
{
    int last = t->cfg->smp - 1;
    g_autofree char *head = NULL, *ctlr = NULL, *spi = NULL, *ppi = NULL;
    g_autofree char *sgi = NULL, *lpi = NULL, *fx_d = NULL, *fx_r = NULL;
    g_autofree char *fold = NULL, *stat = NULL, *want = NULL, *pwrr = NULL;
    g_autofree char *idle = NULL;
    const char *stats;
    int n;

    if (g_test_verbose()) {
        g_test_message("%s", out);
    }
    head = must_line(out, "/machine/gic: arm-gicv3-sim");
    want = g_strdup_printf("GICv%d, profile gic-600, %d CPUs", t->cfg->version,
                           t->cfg->smp);
    g_assert_nonnull(strstr(head, want));
    g_assert_nonnull(strstr(head, "two Security states"));

    /* The register as requested, RWP set while the write is in flight */
    ctlr = must_line(out, "GICD_CTLR = ");
    g_assert_cmphex(field(ctlr, "ARE_S"), ==, 1);
    g_assert_cmphex(field(ctlr, "ARE_NS"), ==, 1);
    g_assert_cmphex(field(ctlr, "EnableGrp1NS"), ==, 1);
    g_assert_cmphex(field(ctlr, "EnableGrp0"), ==, 0);
    g_assert_cmphex(field(ctlr, "RWP"), ==, 1);
    g_assert_cmphex(reg_value(ctlr, "GICD_CTLR"), ==, 0x80000032);

    spi = must_line(out, "40    SPI");
    g_assert_nonnull(strstr(spi, "enabled"));
    g_assert_nonnull(strstr(spi, "pending"));
    g_assert_nonnull(strstr(spi, "G1NS"));
    g_assert_nonnull(strstr(spi, "prio 0xa0"));
    g_assert_nonnull(strstr(spi, "level"));
    g_assert_nonnull(strstr(spi, "-> cpu 0 (GICD_IROUTER Aff=0.0.0.0)"));
    /* The other SPIs are summarised, not listed */
    idle = must_line(out, "255 SPIs idle");
    g_assert_nonnull(strstr(idle, "INTID 32-39, 41-287"));

    ppi = must_line(out, "27    PPI");
    g_assert_nonnull(strstr(ppi, "enabled"));
    g_assert_null(strstr(ppi, "pending"));
    g_assert_nonnull(strstr(ppi, "G0"));
    g_assert_nonnull(strstr(ppi, "prio 0x40"));
    sgi = must_line(out, "3     SGI");
    g_assert_nonnull(strstr(sgi, "disabled pending"));
    g_assert_null(strstr(sgi, "active"));
    g_assert_nonnull(strstr(sgi, "edge"));

    lpi = must_line(out, "8200  LPI");
    g_assert_nonnull(strstr(lpi, "enabled  pending"));
    g_assert_nonnull(strstr(lpi, "prio 0xa0"));
    g_assert_cmphex(field(must_line(out, "GICR_PROPBASER = "), "IDbits"),
                    ==, 15);

    /* cpu 0 is up; the last CPU's power-up is in flight */
    pwrr = must_line(out, "GICR_PWRR = ");
    g_assert_cmphex(field(pwrr, "RDGPO"), ==, 0);
    fx_d = must_line(out, "distributor: GICD_CTLR write (GICD_CTLR.RWP): ");
    g_assert_nonnull(strstr(fx_d, "2000 ns to go"));
    want = (g_free(want), g_strdup_printf("cpu %d: GICR_PWRR power "
                                          "transition", last));
    fx_r = must_line(out, want);
    g_assert_nonnull(strstr(fx_r, "5000 ns to go"));
    g_free(must_line(out, "accesses that did not wait: 0"));

    /* Quiet redistributors share one line */
    if (t->cfg->smp > 2) {
        want = (g_free(want), g_strdup_printf("Redistributors cpu 1-%d: "
                                              "powered down", last - 1));
        fold = must_line(out, want);
        g_assert_nonnull(strstr(fold, "all 32 SGI/PPIs idle"));
        /* Readable at any size: the output does not grow with the CPUs */
        g_assert_cmpint(count_lines(out), <, 80);
    } else {
        fold = must_line(out, "Redistributor cpu 1 ");
    }

    /* The statistics count what set_up() wrote, and nothing it did not */
    stats = strstr(out, "Statistics (cost profile ");
    g_assert_nonnull(stats);
    stat = must_line(stats, "GICD_ISENABLER ");
    g_assert_cmpint(sscanf(stat, "GICD_ISENABLER %*d reads %d writes", &n),
                    ==, 1);
    g_assert_cmpint(n, ==, 1);
    stat = (g_free(stat), must_line(stats, "GICR_PWRR "));
    g_assert_cmpint(sscanf(stat, "GICR_PWRR %*d reads %d writes", &n),
                    ==, 1);
    g_assert_cmpint(n, ==, 2);
    g_assert_null(line_of(stats, "GICD_TYPER "));
}

static void check_completed(Info *t, const char *out)
{
    g_autofree char *ctlr = must_line(out, "GICD_CTLR = ");
    g_autofree char *want = NULL, *last = NULL;

    if (g_test_verbose()) {
        g_test_message("%s", out);
    }
    g_assert_cmphex(field(ctlr, "RWP"), ==, 0);
    g_assert_cmphex(field(ctlr, "EnableGrp1NS"), ==, 1);
    g_assert_null(strstr(out, "ns to go"));
    g_free(must_line(out, "Effects in flight (virtual time "));
    g_free(must_line(out, "nothing in flight"));
    g_free(must_line(out, "accesses that did not wait: 1"));
    /* The last CPU is powered up now; it is quiet, on a line of its own */
    want = g_strdup_printf("Redistributor cpu %d: powered up "
                           "(GICR_PWRR.RDGPO=0)", t->cfg->smp - 1);
    last = must_line(out, want);
}

static void qom_set(Info *t, const char *prop, const char *value)
{
    qtest_qmp_assert_success(t->qts, "{'execute': 'qom-set', 'arguments': {"
                             "'path': '/machine/gic', 'property': %s, "
                             "'value': %s}}", prop, value);
}

static void check_selected(Info *t)
{
    g_autofree char *out = NULL;
    QDict *r;

    qom_set(t, "info-cpus", "0");
    qom_set(t, "info-intids", "27-40");
    out = info_pic(t);
    /* In range: SPI 40, PPI 27; out of range: SGI 3, LPI 8200 */
    g_assert_nonnull(line_of(out, "40    SPI"));
    g_assert_nonnull(line_of(out, "27    PPI"));
    g_assert_null(line_of(out, "3     SGI"));
    g_assert_null(line_of(out, "8200  LPI"));
    g_assert_nonnull(line_of(out, "Redistributor cpu 0 "));
    g_assert_null(line_of(out, "Redistributor cpu 1"));
    g_assert_null(line_of(out, "Redistributors"));
    g_assert_nonnull(strstr(out, "(info-intids 27-40)"));

    /* LPIs only: the SPIs and SGI/PPIs say that none is selected */
    qom_set(t, "info-intids", "8200");
    g_free(out);
    out = info_pic(t);
    g_assert_nonnull(strstr(out, "SPIs 32-287 (info-intids 8200-8200): "
                            "none selected"));
    g_assert_nonnull(strstr(out, "SGIs 0-15, PPIs 16-31: none selected"));
    g_assert_null(line_of(out, "none enabled, pending or active"));
    g_assert_nonnull(line_of(out, "8200  LPI"));

    r = qtest_qmp(t->qts, "{'execute': 'qom-set', 'arguments': {"
                  "'path': '/machine/gic', 'property': 'info-cpus', "
                  "'value': '3-1'}}");
    g_assert_nonnull(strstr(qdict_get_str(qdict_get_qdict(r, "error"),
                                          "desc"),
                            "info-cpus '3-1': expected all, N or N-M"));
    qobject_unref(r);
    qom_set(t, "info-cpus", "all");
    qom_set(t, "info-intids", "all");
}

static void test_info(const void *opaque)
{
    const Config *cfg = opaque;
    Info t = { .cfg = cfg, .stride = cfg->version == 4 ? 0x40000 : 0x20000 };
    g_autofree char *out = NULL, *after = NULL;

    t.qts = qtest_initf("-M virt,gic-version=%d,gic-model=sim,secure=on%s "
                        "-smp %d -cpu max -nodefaults "
                        "-global arm-gicv3-sim.profile=gic-600 "
                        "-global arm-gicv3-sim.pwrr-ns=%d "
                        "-global arm-gicv3-sim.rwp-ns=%d",
                        cfg->version,
                        cfg->version == 4 ? ",virtualization=on" : "",
                        cfg->smp, PWRR_NS, RWP_NS);
    set_up(&t);
    out = info_pic(&t);
    check_in_flight(&t, out);

    /* A GICR_PWRR write during the transition: ignored, did not wait */
    wr(&t, rd_base(&t, cfg->smp - 1) + 0x24, 4, 0);
    qtest_clock_step(t.qts, PWRR_NS + 1);
    /* A power-up of a powered redistributor starts nothing */
    wr(&t, rd_base(&t, 0) + 0x24, 4, 0);
    after = info_pic(&t);
    check_completed(&t, after);

    check_selected(&t);
    qtest_quit(t.qts);
}

int main(int argc, char **argv)
{
    static const Config configs[] = {
        { 3, 2 }, { 3, 512 }, { 4, 2 }, { 4, 317 },
    };
    unsigned i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < ARRAY_SIZE(configs); i++) {
        g_autofree char *name = g_strdup_printf("/arm-gicv3-sim/info-pic/"
                                                "gicv%d/%d-cpus",
                                                configs[i].version,
                                                configs[i].smp);

        qtest_add_data_func(name, &configs[i], test_info);
    }
    return g_test_run();
}
