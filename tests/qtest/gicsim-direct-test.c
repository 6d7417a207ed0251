/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QTest of arm-gicv3-sim: the direct path reads what the checked path
 * reads.
 *
 * The device answers most accesses on a direct path built at realize
 * (gicsim-dispatch.c): a register's handler, a value the configuration
 * fixes, or the bytes of the state word the register mirrors
 * (gicsim-mirror.c).  Everything else takes the checked path, which
 * decides each access in full and calls the register's handler; so does
 * every access while the gicsim_read trace event is enabled.  After a
 * seeded stream of random writes has put random state in the distributor
 * and the redistributors, this test reads every element of every
 * register of the table, at every width and byte offset the register
 * takes, once on each path, and requires the same values.  The
 * configurations cover the mirrors (one Security state), GICD_ISENABLER
 * with disables in flight (a long GICD_CTLR.RWP), GICv4-sized
 * redistributors, two Security states (both views) and the GIC-600 and
 * GIC-700 profiles with a redistributor powered down.
 *
 * The seed is printed; GICSIM_DIRECT_SEED=<n> replays a run.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "libqtest.h"
#include "gicsim-regs.h"

#define GICD_BASE   0x08000000ULL
#define GICR_BASE   0x080a0000ULL
#define SMP         2
#define WRITES      3000

typedef struct Config {
    const char *name;
    const char *args;
    int version;
    bool secure;
    bool clears_in_flight;
    bool power_down;        /* GIC-600/700: CPU 1's redistributor */
} Config;

typedef struct Read {
    uint64_t addr;
    unsigned size;
    uint32_t attrs;
    const GicsimReg *reg;
    unsigned n;             /* element NAME<n> */
} Read;

typedef struct Run {
    QTestState *qts;
    const Config *cfg;
    GRand *rand;
    uint32_t stride;
    GArray *reads;          /* of Read */
} Run;

/* Where element @k (from 0) of @r is, on redistributor @cpu */
static uint64_t element_addr(Run *run, const GicsimReg *r, unsigned k,
                             int cpu)
{
    uint64_t off = r->offset + (uint64_t)k * r->size;

    if (r->frame == GICSIM_FRAME_GICD) {
        return GICD_BASE + off;
    }
    return GICR_BASE + (uint64_t)cpu * run->stride +
           (uint64_t)(r->frame - GICSIM_FRAME_RD) * 0x10000 + off;
}

static bool in_this_gic(Run *run, const GicsimReg *r)
{
    return r->frame == GICSIM_FRAME_GICD ||
           (r->frame - GICSIM_FRAME_RD) * 0x10000u < run->stride;
}

/* Registers whose random writes make the state the reads compare */
static bool random_target(const GicsimReg *r)
{
    return r->access != GICSIM_RO && r->access != GICSIM_WO &&
           (r->bits_per_irq ||
            !strcmp(r->name, "GICD_IROUTER") ||
            !strcmp(r->name, "GICR_WAKER"));
}

static void random_writes(Run *run)
{
    unsigned i, tries = 0;

    for (i = 0; i < WRITES; tries++) {
        const GicsimReg *r =
            &gicsim_regs[g_rand_int_range(run->rand, 0, GICSIM_REG__COUNT)];
        unsigned k = g_rand_int_range(run->rand, 0, r->count);
        int cpu = g_rand_int_range(run->rand, 0, SMP);
        uint64_t v = ((uint64_t)g_rand_int(run->rand) << 32) |
                     g_rand_int(run->rand);
        uint32_t attrs = run->cfg->secure && g_rand_boolean(run->rand) ?
                         QTEST_MEMATTR_SECURE : 0;

        g_assert_cmpuint(tries, <, 100 * WRITES);
        if (!random_target(r) || !in_this_gic(run, r)) {
            continue;
        }
        if (!strcmp(r->name, "GICR_WAKER")) {
            v &= 2;     /* ProcessorSleep only: keep the CPU awake mostly */
            v = g_rand_int_range(run->rand, 0, 8) ? 0 : v;
        }
        g_assert_true(qtest_mmio_write(run->qts,
                                       element_addr(run, r, k, cpu),
                                       r->size, attrs, v));
        i++;
    }
}

/* GICD_ICENABLER writes whose clears stay in flight (the clock is still) */
static void clears_in_flight(Run *run)
{
    unsigned w;

    for (w = 1; w < 8; w++) {
        g_assert_true(qtest_mmio_write(run->qts, GICD_BASE + 0x180 + w * 4,
                                       4, 0, g_rand_int(run->rand)));
    }
}

/* Every read of every element at every width and byte it takes */
static void list_reads(Run *run, uint32_t attrs)
{
    unsigned id, k, size, byte;
    int cpu;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        if (!in_this_gic(run, r) || r->access == GICSIM_WO) {
            continue;
        }
        for (cpu = 0; cpu < (r->frame == GICSIM_FRAME_GICD ? 1 : SMP);
             cpu++) {
            for (k = 0; k < r->count; k++) {
                for (size = 1; size <= r->size; size *= 2) {
                    for (byte = 0; byte + size <= r->size; byte += size) {
                        Read rd = {
                            .addr = element_addr(run, r, k, cpu) + byte,
                            .size = size, .attrs = attrs, .reg = r,
                            .n = r->first + k,
                        };

                        if (gicsim_access_allowed(r->widths, size, byte)) {
                            g_array_append_val(run->reads, rd);
                        }
                    }
                }
            }
        }
    }
}

static uint64_t *read_all(Run *run)
{
    uint64_t *v = g_new(uint64_t, run->reads->len);
    unsigned i;

    for (i = 0; i < run->reads->len; i++) {
        const Read *rd = &g_array_index(run->reads, Read, i);

        g_assert_true(qtest_mmio_read(run->qts, rd->addr, rd->size,
                                      rd->attrs, &v[i]));
    }
    return v;
}

/*
 * GIC-600 TRM, GICR_PWRR: power CPU 1's redistributor down (its
 * interface asleep first), so that its gated registers are RAZ/WI
 */
static void power_down_cpu1(Run *run)
{
    uint64_t rd1 = GICR_BASE + run->stride;

    qtest_writel(run->qts, rd1 + 0x14, 2);      /* WAKER.ProcessorSleep */
    qtest_clock_step(run->qts, 10 * 1000 * 1000);   /* the profile's time */
    g_assert_cmphex(qtest_readl(run->qts, rd1 + 0x14), ==, 6);
    qtest_writel(run->qts, rd1 + 0x24, 1);      /* PWRR.RDPD */
    qtest_clock_step(run->qts, 10 * 1000 * 1000);
    /* RDPD, RDGPD, RDGPO */
    g_assert_cmphex(qtest_readl(run->qts, rd1 + 0x24) & 0xd, ==, 0xd);
}

static void run_config(const Config *cfg, guint32 seed)
{
    Run run = { .cfg = cfg };
    g_autofree uint64_t *direct = NULL, *checked = NULL;
    unsigned i, differ = 0;

    run.qts = qtest_initf("-M virt,gic-version=%d,gic-model=sim%s%s "
                          "-smp %d -cpu max -D /dev/null %s", cfg->version,
                          cfg->secure ? ",secure=on" : "",
                          cfg->version == 4 ? ",virtualization=on" : "", SMP,
                          cfg->args);
    run.rand = g_rand_new_with_seed(seed);
    run.stride = cfg->version == 4 ? 0x40000 : 0x20000;
    run.reads = g_array_new(false, false, sizeof(Read));

    random_writes(&run);
    if (cfg->clears_in_flight) {
        clears_in_flight(&run);
        /* GICD_CTLR.RWP: the clears are still in flight */
        g_assert_cmphex(qtest_readl(run.qts, GICD_BASE) & BIT(31), !=, 0);
    }
    if (cfg->power_down) {
        power_down_cpu1(&run);
    }
    list_reads(&run, 0);
    if (cfg->secure) {
        list_reads(&run, QTEST_MEMATTR_SECURE);
    }
    direct = read_all(&run);
    qtest_qmp_assert_success(run.qts, "{ 'execute': 'trace-event-set-state', "
                             "'arguments': { 'name': 'gicsim_read', "
                             "'enable': true } }");
    checked = read_all(&run);

    for (i = 0; i < run.reads->len; i++) {
        const Read *rd = &g_array_index(run.reads, Read, i);

        if (direct[i] != checked[i] && differ++ < 20) {
            g_test_message("%s%u: %s %u-byte read at 0x%" PRIx64
                           ": direct 0x%" PRIx64 ", checked 0x%" PRIx64,
                           rd->reg->name, rd->n, rd->attrs ? "S" : "NS",
                           rd->size, rd->addr, direct[i], checked[i]);
        }
    }
    g_test_message("%u reads on each path, %u differ", run.reads->len,
                   differ);
    g_assert_cmpuint(differ, ==, 0);
    g_array_free(run.reads, true);
    g_rand_free(run.rand);
    qtest_quit(run.qts);
}

static const Config configs[] = {
    { "v3-one-state", "", 3, false, false },
    { "v3-clears-in-flight",
      "-global arm-gicv3-sim.rwp-ns=1000000000", 3, false, true },
    { "v4", "", 4, false, false },
    { "v3-two-states", "", 3, true, false },
    { "v3-gic600", "-global arm-gicv3-sim.profile=gic-600", 3, false,
      false, true },
    { "v4-gic700", "-global arm-gicv3-sim.profile=gic-700", 4, false,
      false, true },
};

static void test_direct_vs_checked(const void *opaque)
{
    const Config *cfg = opaque;
    const char *s = g_getenv("GICSIM_DIRECT_SEED");
    guint32 seed = s ? g_ascii_strtoull(s, NULL, 0) : 0xd1ec + (cfg - configs);

    g_test_message("seed 0x%x (GICSIM_DIRECT_SEED)", seed);
    run_config(cfg, seed);
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(configs); i++) {
        g_autofree char *name =
            g_strdup_printf("gicsim/direct/reads/%s", configs[i].name);

        qtest_add_data_func(name, &configs[i], test_direct_vs_checked);
    }
    return g_test_run();
}
