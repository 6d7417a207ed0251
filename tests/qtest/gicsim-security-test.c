/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QTest of arm-gicv3-sim: the Security model as a property.
 *
 * With two Security states (GICD_CTLR.DS == 0) Non-secure software must
 * not reach the state of Group 0 and Secure Group 1 interrupts, nor the
 * Secure controls of the distributor and redistributors (IHI 0069H,
 * "Security model"; GICD_NSACR; the register descriptions' "accessibility"
 * notes).  Secure software first puts random state everywhere, then a
 * seeded stream of random Non-secure writes hits every register of the
 * register table (every frame of every CPU's redistributor, every width,
 * allowed or not, random values) and random offsets.  After every batch
 * the whole Secure state is read back through the Secure view and must
 * be unchanged, except for what GICD_NSACR grants:
 *   NS_access >= 0b01  the pending state may be set (GICD_ISPENDR,
 *                      GICD_SETSPI_NSR),
 *   NS_access >= 0b10  and cleared (GICD_ICPENDR, GICD_CLRSPI_NSR),
 *   NS_access == 0b11  and the routing changed (GICD_IROUTER).
 * GICR_NSACR governs only SGI generation through the CPU interface, which
 * no MMIO write reaches, so it grants nothing here.
 *
 * The seed is printed; GICSIM_SECURITY_SEED=<n> replays a run and
 * GICSIM_SECURITY_WRITES=<n> changes the number of writes per
 * configuration.  A failure names the state that changed and lists the
 * writes of the batch that changed it.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "libqtest.h"
#include "gicsim-regs.h"

#define GICD_BASE   0x08000000ULL
#define GICR_BASE   0x080a0000ULL

#define NS 0
#define S  QTEST_MEMATTR_SECURE

#define MAX_IRQ     1024
#define MAX_CPUS    8
#define BATCH       32

/* GICD_CTLR (Secure view) bits that are Secure state */
#define CTLR_SECURE_BITS (BIT(0) | BIT(2) | BIT(4) | BIT(5) | BIT(6) | BIT(7))
/* GICR_CTLR.DPG0, DPG1S: Secure-only */
#define GICR_CTLR_SECURE_BITS (BIT(24) | BIT(26))

typedef struct Config {
    int version;
    int smp;
    const char *profile;
    bool strict;
} Config;

/* Everything Secure, read through the Secure view */
typedef struct SecState {
    uint32_t gicd_ctlr;
    uint8_t group[MAX_CPUS][MAX_IRQ];   /* [cpu] for INTIDs < 32 */
    uint8_t grpmod[MAX_CPUS][MAX_IRQ];
    uint8_t enable[MAX_CPUS][MAX_IRQ];
    uint8_t pending[MAX_CPUS][MAX_IRQ];
    uint8_t active[MAX_CPUS][MAX_IRQ];
    uint8_t prio[MAX_CPUS][MAX_IRQ];
    uint8_t edge[MAX_CPUS][MAX_IRQ];
    uint8_t nsacr[MAX_IRQ];
    uint64_t irouter[MAX_IRQ];
    uint32_t gicr_ctlr[MAX_CPUS];
    uint32_t gicr_waker[MAX_CPUS];
    uint32_t gicr_pwrr[MAX_CPUS];
    uint32_t gicr_nsacr[MAX_CPUS];
} SecState;

typedef struct Write {
    uint64_t addr;
    unsigned size;
    uint64_t value;
    const char *what;
} Write;

typedef struct Run {
    QTestState *qts;
    const Config *cfg;
    int num_irq;
    uint32_t stride;
    bool has_pwrr;
    GRand *rand;
    Write batch[BATCH];
    unsigned nbatch;
    unsigned done;
} Run;

static uint64_t gicr(Run *r, int cpu, uint32_t off)
{
    return GICR_BASE + (uint64_t)cpu * r->stride + off;
}

static uint64_t srd(Run *r, uint64_t addr, unsigned size)
{
    uint64_t v;

    g_assert_true(qtest_mmio_read(r->qts, addr, size, S, &v));
    return v;
}

static void swr(Run *r, uint64_t addr, unsigned size, uint64_t v)
{
    g_assert_true(qtest_mmio_write(r->qts, addr, size, S, v));
}

static uint64_t rand64(GRand *g)
{
    return ((uint64_t)g_rand_int(g) << 32) | g_rand_int(g);
}

/* A bit-per-interrupt register at @off of @base, INTIDs @first.. */
static void read_bits(Run *r, uint64_t addr, int first, int n, uint8_t *out)
{
    int i;

    for (i = 0; i < n; i += 32) {
        uint32_t w = srd(r, addr + (first + i) / 8, 4);
        int j;

        for (j = 0; j < 32 && i + j < n; j++) {
            out[first + i + j] = extract32(w, j, 1);
        }
    }
}

static void snapshot(Run *r, SecState *st)
{
    int cpu, irq;

    memset(st, 0, sizeof(*st));
    st->gicd_ctlr = srd(r, GICD_BASE + 0x0, 4) & CTLR_SECURE_BITS;
    for (cpu = 0; cpu < r->cfg->smp; cpu++) {
        uint64_t sgi = gicr(r, cpu, 0x10000);

        read_bits(r, sgi + 0x080, 0, 32, st->group[cpu]);
        read_bits(r, sgi + 0x0d00, 0, 32, st->grpmod[cpu]);
        read_bits(r, sgi + 0x100, 0, 32, st->enable[cpu]);
        read_bits(r, sgi + 0x200, 0, 32, st->pending[cpu]);
        read_bits(r, sgi + 0x300, 0, 32, st->active[cpu]);
        for (irq = 0; irq < 32; irq += 4) {
            uint32_t w = srd(r, sgi + 0x400 + irq, 4);
            int j;

            for (j = 0; j < 4; j++) {
                st->prio[cpu][irq + j] = w >> (8 * j);
            }
        }
        for (irq = 0; irq < 32; irq += 16) {
            uint32_t w = srd(r, sgi + 0xc00 + irq / 4, 4);
            int j;

            for (j = 0; j < 16; j++) {
                st->edge[cpu][irq + j] = extract32(w, 2 * j + 1, 1);
            }
        }
        st->gicr_nsacr[cpu] = srd(r, sgi + 0xe00, 4);
        st->gicr_ctlr[cpu] = srd(r, gicr(r, cpu, 0x0), 4) &
                             GICR_CTLR_SECURE_BITS;
        st->gicr_waker[cpu] = srd(r, gicr(r, cpu, 0x14), 4);
        if (r->has_pwrr) {
            st->gicr_pwrr[cpu] = srd(r, gicr(r, cpu, 0x24), 4);
        }
    }
    /* SPIs: kept in row 0 */
    read_bits(r, GICD_BASE + 0x080, 32, r->num_irq - 32, st->group[0]);
    read_bits(r, GICD_BASE + 0xd00, 32, r->num_irq - 32, st->grpmod[0]);
    read_bits(r, GICD_BASE + 0x100, 32, r->num_irq - 32, st->enable[0]);
    read_bits(r, GICD_BASE + 0x200, 32, r->num_irq - 32, st->pending[0]);
    read_bits(r, GICD_BASE + 0x300, 32, r->num_irq - 32, st->active[0]);
    for (irq = 32; irq < r->num_irq; irq += 4) {
        uint32_t w = srd(r, GICD_BASE + 0x400 + irq, 4);
        int j;

        for (j = 0; j < 4; j++) {
            st->prio[0][irq + j] = w >> (8 * j);
        }
    }
    for (irq = 32; irq < r->num_irq; irq += 16) {
        uint32_t w = srd(r, GICD_BASE + 0xc00 + irq / 4, 4);
        uint32_t n = srd(r, GICD_BASE + 0xe00 + irq / 4, 4);
        int j;

        for (j = 0; j < 16; j++) {
            st->edge[0][irq + j] = extract32(w, 2 * j + 1, 1);
            st->nsacr[irq + j] = extract32(n, 2 * j, 2);
        }
    }
    for (irq = 32; irq < r->num_irq; irq++) {
        st->irouter[irq] = srd(r, GICD_BASE + 0x6000 + 8 * irq, 8);
    }
}

/* Secure software's random set-up of everything */
static void secure_setup(Run *r)
{
    GRand *g = r->rand;
    int cpu, irq;

    /* EnableGrp0, EnableGrp1NS, EnableGrp1S, ARE_S, ARE_NS; DS stays 0 */
    swr(r, GICD_BASE + 0x0, 4, 0x37);
    for (cpu = 0; cpu < r->cfg->smp; cpu++) {
        uint64_t sgi = gicr(r, cpu, 0x10000);

        if (r->has_pwrr) {
            swr(r, gicr(r, cpu, 0x24), 4, 0);   /* power up (GICR_PWRR) */
        }
        swr(r, gicr(r, cpu, 0x14), 4, 0);       /* awake (GICR_WAKER) */
        swr(r, gicr(r, cpu, 0x0), 4, g_rand_int(g) & GICR_CTLR_SECURE_BITS);
        swr(r, sgi + 0x080, 4, g_rand_int(g));
        swr(r, sgi + 0xd00, 4, g_rand_int(g));
        swr(r, sgi + 0x100, 4, g_rand_int(g));
        swr(r, sgi + 0x200, 4, g_rand_int(g));
        swr(r, sgi + 0x300, 4, g_rand_int(g));
        for (irq = 0; irq < 32; irq += 4) {
            swr(r, sgi + 0x400 + irq, 4, g_rand_int(g));
        }
        swr(r, sgi + 0xc04, 4, g_rand_int(g));
        swr(r, sgi + 0xe00, 4, g_rand_int(g));
    }
    for (irq = 32; irq < r->num_irq; irq += 32) {
        swr(r, GICD_BASE + 0x080 + irq / 8, 4, g_rand_int(g));
        swr(r, GICD_BASE + 0xd00 + irq / 8, 4, g_rand_int(g));
        swr(r, GICD_BASE + 0x100 + irq / 8, 4, g_rand_int(g));
        swr(r, GICD_BASE + 0x200 + irq / 8, 4, g_rand_int(g));
        swr(r, GICD_BASE + 0x300 + irq / 8, 4, g_rand_int(g));
    }
    for (irq = 32; irq < r->num_irq; irq += 4) {
        swr(r, GICD_BASE + 0x400 + irq, 4, g_rand_int(g));
    }
    for (irq = 32; irq < r->num_irq; irq += 16) {
        swr(r, GICD_BASE + 0xc00 + irq / 4, 4, g_rand_int(g));
        swr(r, GICD_BASE + 0xe00 + irq / 4, 4, g_rand_int(g));
    }
    for (irq = 32; irq < r->num_irq; irq++) {
        swr(r, GICD_BASE + 0x6000 + 8 * irq, 8,
            g_rand_int_range(g, 0, r->cfg->smp) |
            (g_rand_boolean(g) ? BIT(31) : 0));
    }
}

static uint64_t random_value(Run *r, unsigned size)
{
    GRand *g = r->rand;
    uint64_t v;

    switch (g_rand_int_range(g, 0, 4)) {
    case 0:
        v = ~0ULL;                          /* every W1S/W1C bit */
        break;
    case 1:
        v = g_rand_int_range(g, 0, 1024);   /* an INTID (SETSPI, CLRSPI) */
        break;
    default:
        v = rand64(g);
        break;
    }
    return size == 8 ? v : v & MAKE_64BIT_MASK(0, size * 8);
}

/* One random Non-secure write, recorded in the batch */
static void ns_write(Run *r)
{
    GRand *g = r->rand;
    Write *w = &r->batch[r->nbatch++];
    unsigned size = 1u << g_rand_int_range(g, 0, 4);

    if (g_rand_int_range(g, 0, 8) == 0) {
        /* anywhere in the distributor or the redistributors */
        uint32_t span = r->cfg->smp * r->stride;

        w->what = "random offset";
        w->addr = g_rand_boolean(g) ?
                  GICD_BASE + g_rand_int_range(g, 0, 0x10000) :
                  GICR_BASE + g_rand_int_range(g, 0, span);
    } else {
        /* a register of the table, any element, any CPU, any byte */
        const GicsimReg *reg =
            &gicsim_regs[g_rand_int_range(g, 0, GICSIM_REG__COUNT)];
        unsigned n = reg->first + g_rand_int_range(g, 0, reg->count);
        uint64_t base = reg->frame == GICSIM_FRAME_GICD ? GICD_BASE :
            gicr(r, g_rand_int_range(g, 0, r->cfg->smp),
                 (reg->frame - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE);

        w->what = reg->name;
        w->addr = base + gicsim_reg_offset(reg, n) +
                  g_rand_int_range(g, 0, reg->size);
    }
    w->addr &= ~(uint64_t)(size - 1);
    w->size = size;
    w->value = random_value(r, size);
    qtest_mmio_write(r->qts, w->addr, w->size, NS, w->value);
}

static G_NORETURN void violation(Run *r, const char *what, int cpu, int irq,
                                 uint64_t before, uint64_t after)
{
    unsigned i;

    g_test_message("%s: CPU %d INTID %d changed from 0x%" PRIx64
                   " to 0x%" PRIx64 " after Non-secure write %u..%u of:",
                   what, cpu, irq, before, after, r->done - r->nbatch,
                   r->done - 1);
    for (i = 0; i < r->nbatch; i++) {
        g_test_message("  NS write%u 0x%" PRIx64 " = 0x%" PRIx64 " (%s)",
                       r->batch[i].size * 8, r->batch[i].addr,
                       r->batch[i].value, r->batch[i].what);
    }
    g_error("Non-secure software changed Secure state: %s (CPU %d, INTID %d)",
            what, cpu, irq);
}

#define SAME(what, cpu, irq, a, b) do {                 \
        if ((a) != (b)) {                               \
            violation(r, what, cpu, irq, (a), (b));     \
        }                                               \
    } while (0)

/* @b must equal @a but for what GICD_NSACR lets Non-secure software do */
static void compare(Run *r, const SecState *a, const SecState *b)
{
    int cpu, irq;

    SAME("GICD_CTLR", -1, -1, a->gicd_ctlr, b->gicd_ctlr);
    for (cpu = 0; cpu < r->cfg->smp; cpu++) {
        SAME("GICR_CTLR.DPG0/DPG1S", cpu, -1, a->gicr_ctlr[cpu],
             b->gicr_ctlr[cpu]);
        SAME("GICR_WAKER", cpu, -1, a->gicr_waker[cpu], b->gicr_waker[cpu]);
        SAME("GICR_PWRR", cpu, -1, a->gicr_pwrr[cpu], b->gicr_pwrr[cpu]);
        SAME("GICR_NSACR", cpu, -1, a->gicr_nsacr[cpu], b->gicr_nsacr[cpu]);
    }
    for (irq = 32; irq < r->num_irq; irq++) {
        SAME("GICD_NSACR", -1, irq, a->nsacr[irq], b->nsacr[irq]);
    }
    for (cpu = 0; cpu < r->cfg->smp; cpu++) {
        int n = cpu == 0 ? r->num_irq : 32;

        for (irq = 0; irq < n; irq++) {
            unsigned nsacr = irq < 32 ? 0 : a->nsacr[irq];

            /* IGROUPR and IGRPMODR are Secure-only for every INTID */
            SAME("group (IGROUPR)", cpu, irq, a->group[cpu][irq],
                 b->group[cpu][irq]);
            SAME("group modifier (IGRPMODR)", cpu, irq, a->grpmod[cpu][irq],
                 b->grpmod[cpu][irq]);
            if (a->group[cpu][irq]) {
                continue;       /* Group 1 Non-secure: Non-secure's own */
            }
            SAME("enable", cpu, irq, a->enable[cpu][irq], b->enable[cpu][irq]);
            SAME("active", cpu, irq, a->active[cpu][irq], b->active[cpu][irq]);
            SAME("priority", cpu, irq, a->prio[cpu][irq], b->prio[cpu][irq]);
            SAME("configuration (ICFGR)", cpu, irq, a->edge[cpu][irq],
                 b->edge[cpu][irq]);
            if (nsacr == 0 ||
                (nsacr == 1 && a->pending[cpu][irq])) {
                SAME("pending", cpu, irq, a->pending[cpu][irq],
                     b->pending[cpu][irq]);
            }
            if (irq >= 32 && nsacr < 3) {
                SAME("routing (IROUTER)", cpu, irq, a->irouter[irq],
                     b->irouter[irq]);
            }
        }
    }
}

static void run_config(const Config *cfg, guint32 seed, unsigned writes)
{
    Run r = { .cfg = cfg };
    SecState *before = g_new(SecState, 1), *after = g_new(SecState, 1);
    unsigned secure_irqs = 0;
    int cpu, irq;

    g_assert_cmpint(cfg->smp, <=, MAX_CPUS);
    r.qts = qtest_initf("-M virt,gic-version=%d,gic-model=sim,secure=on%s "
                        "-smp %d -cpu max "
                        "-global arm-gicv3-sim.profile=%s "
                        "-global arm-gicv3-sim.strict=%s",
                        cfg->version,
                        cfg->version == 4 ? ",virtualization=on,its=on" : "",
                        cfg->smp, cfg->profile, cfg->strict ? "on" : "off");
    r.rand = g_rand_new_with_seed(seed);
    r.stride = cfg->version == 4 ? 0x40000 : 0x20000;
    r.has_pwrr = !strcmp(cfg->profile, "gic-600") ||
                 !strcmp(cfg->profile, "gic-700");
    r.num_irq = MIN(32 * ((srd(&r, GICD_BASE + 0x4, 4) & 0x1f) + 1), 1020);
    g_assert_cmpint(r.num_irq, <=, MAX_IRQ);

    secure_setup(&r);
    snapshot(&r, before);
    /* The set-up took: two Security states, redistributors powered up */
    g_assert_cmphex(before->gicd_ctlr & BIT(6), ==, 0);
    for (cpu = 0; cpu < cfg->smp; cpu++) {
        g_assert_cmphex(before->gicr_waker[cpu] & 2, ==, 0);
        for (irq = 0; irq < (cpu ? 32 : r.num_irq); irq++) {
            secure_irqs += !before->group[cpu][irq];
        }
    }
    g_assert_cmpuint(secure_irqs, >, r.num_irq / 4);

    while (r.done < writes) {
        r.nbatch = 0;
        while (r.nbatch < BATCH && r.done < writes) {
            ns_write(&r);
            r.done++;
        }
        snapshot(&r, after);
        compare(&r, before, after);
        memcpy(before, after, sizeof(*before));
    }
    g_test_message("%u Non-secure writes, %u Secure interrupts: unchanged",
                   r.done, secure_irqs);
    g_rand_free(r.rand);
    g_free(before);
    g_free(after);
    qtest_quit(r.qts);
}

static const Config configs[] = {
    { 3, 4, "qemu", false },
    { 3, 3, "gic-500", true },
    { 3, 4, "gic-600", false },
    { 4, 2, "gic-700", true },
    { 4, 3, "gic-600", false },
};

static void test_ns_writes(const void *opaque)
{
    const Config *cfg = opaque;
    const char *s = g_getenv("GICSIM_SECURITY_SEED");
    const char *n = g_getenv("GICSIM_SECURITY_WRITES");
    guint32 seed = s ? g_ascii_strtoull(s, NULL, 0) : 0x5ec0 + (cfg - configs);
    unsigned writes = n ? g_ascii_strtoull(n, NULL, 0) : 6000;

    g_test_message("seed 0x%x (GICSIM_SECURITY_SEED)", seed);
    run_config(cfg, seed, writes);
}

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(configs); i++) {
        g_autofree char *name =
            g_strdup_printf("gicsim/security/ns-writes/v%d-%s-smp%d%s",
                            configs[i].version, configs[i].profile,
                            configs[i].smp,
                            configs[i].strict ? "-strict" : "");

        qtest_add_data_func(name, &configs[i], test_ns_writes);
    }
    return g_test_run();
}
