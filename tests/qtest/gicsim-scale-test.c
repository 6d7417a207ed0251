/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QTest of arm-gicv3-sim at the largest configurations the virt machine
 * accepts: GICv3 with 512 CPUs and GICv4 (virtualization=on) with 317
 * CPUs (61 redistributors of 256 KiB in the first region, 256 in the
 * second), with every profile.  Each must realize; every redistributor
 * reports its number and the end of its region in GICR_TYPER; and a full
 * register sweep passes on the distributor and on the first and last
 * redistributor of each region: with strict=on every register of the
 * table that exists in the configuration answers exactly the widths the
 * table allows (and nothing answers where it does not exist), and the
 * registers with a fixed reset value have it.
 */
#include "qemu/osdep.h"
#include "qemu/bitops.h"
#include "libqtest.h"
#include "gicsim-regs.h"

#define GICD_BASE       0x08000000ULL
#define GICR_BASE       0x080a0000ULL
#define GICR_SIZE       0x00f60000ULL
/* virt's second redistributor region, above 128 MiB of RAM */
#define GICR2_BASE      0x4000000000ULL

#define NS 0

typedef struct Config {
    int version;
    int smp;
    const char *profile;
} Config;

typedef struct Big {
    QTestState *qts;
    const Config *cfg;
    uint32_t stride;
    int first;              /* redistributors in the first region */
    uint32_t gicd_typer;
} Big;

static uint64_t gicr(Big *b, int cpu)
{
    if (cpu < b->first) {
        return GICR_BASE + (uint64_t)cpu * b->stride;
    }
    return GICR2_BASE + (uint64_t)(cpu - b->first) * b->stride;
}

static uint64_t rd(Big *b, uint64_t addr, unsigned size)
{
    uint64_t v;

    g_assert_true(qtest_mmio_read(b->qts, addr, size, NS, &v));
    return v;
}

static bool has_pwrr(Big *b)
{
    return !strcmp(b->cfg->profile, "gic-600") ||
           !strcmp(b->cfg->profile, "gic-700");
}

static bool reg_exists(Big *b, const GicsimReg *r, uint64_t gicr_typer)
{
    switch (r->avail) {
    case GICSIM_AVAIL_NMI:
        return b->gicd_typer & BIT(9);
    case GICSIM_AVAIL_MBIS:
        return b->gicd_typer & BIT(16);
    case GICSIM_AVAIL_LPI:
        return gicr_typer & BIT(0);
    case GICSIM_AVAIL_VLPI:
        return gicr_typer & BIT(1);
    case GICSIM_AVAIL_DIRECT_LPI:
        return gicr_typer & BIT(3);
    case GICSIM_AVAIL_PWRR:
        return has_pwrr(b);
    default:
        return true;
    }
}

static uint64_t frame_base(Big *b, GicsimFrame f, int cpu)
{
    if (f == GICSIM_FRAME_GICD) {
        return GICD_BASE;
    }
    return gicr(b, cpu) + (f - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE;
}

/* Widths and reset values of every register of @frame for @cpu */
static unsigned sweep(Big *b, GicsimFrame frame, int cpu)
{
    uint64_t gicr_typer = rd(b, gicr(b, cpu) + 0x8, 8);
    unsigned id, n, size, checked = 0;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        bool exists = reg_exists(b, r, gicr_typer);

        if (r->frame != frame) {
            continue;
        }
        for (n = r->first; n < r->first + r->count; n++) {
            uint64_t a = frame_base(b, frame, cpu) + gicsim_reg_offset(r, n);
            uint64_t v;

            for (size = 1; size <= 8; size *= 2) {
                bool allowed = exists && gicsim_width_allowed(r->widths, size);
                bool ok;

                if (a % size || (r->access == GICSIM_WO && allowed)) {
                    /* split by the memory core; no side effects wanted */
                    continue;
                }
                ok = qtest_mmio_read(b->qts, a, size, NS, &v);
                if (r->access == GICSIM_WO) {
                    allowed = false;    /* write-only: reads fail */
                }
                if (ok != allowed) {
                    g_error("%s<%u> (CPU %d) %u-byte read: %s, expected %s",
                            r->name, n, cpu, size,
                            ok ? "accepted" : "bus error",
                            allowed ? "accepted" : "bus error");
                }
                checked++;
            }
            if (exists && !r->reset_computed && r->access != GICSIM_WO) {
                v = rd(b, a, r->size);
                if (v != r->reset) {
                    g_error("%s<%u> (CPU %d) resets to 0x%" PRIx64
                            ", expected 0x%" PRIx64, r->name, n, cpu, v,
                            r->reset);
                }
            }
        }
    }
    return checked;
}

static void test_big(const void *opaque)
{
    const Config *cfg = opaque;
    Big b = { .cfg = cfg };
    gint64 t0 = g_get_monotonic_time();
    int cpu, ends[4], i;
    unsigned checked;

    b.qts = qtest_initf("-M virt,gic-version=%d,gic-model=sim%s "
                        "-smp %d -cpu max -nodefaults "
                        "-global arm-gicv3-sim.profile=%s "
                        "-global arm-gicv3-sim.strict=on",
                        cfg->version,
                        cfg->version == 4 ? ",virtualization=on,its=on" :
                                            ",its=on",
                        cfg->smp, cfg->profile);
    b.stride = cfg->version == 4 ? 0x40000 : 0x20000;
    b.first = GICR_SIZE / b.stride;
    b.gicd_typer = rd(&b, GICD_BASE + 0x4, 4);
    g_test_message("%d CPUs, GICv%d, %s: started in %.2f s", cfg->smp,
                   cfg->version, cfg->profile,
                   (g_get_monotonic_time() - t0) / 1e6);

    /* Power the redistributors up (GIC-600/700: GICR_PWRR.RDPD = 0) */
    for (cpu = 0; cpu < cfg->smp && has_pwrr(&b); cpu++) {
        g_assert_true(qtest_mmio_write(b.qts, gicr(&b, cpu) + 0x24, 4, NS,
                                       0));
    }
    /* Every redistributor: its number, and Last at the end of a region */
    for (cpu = 0; cpu < cfg->smp; cpu++) {
        uint64_t t = rd(&b, gicr(&b, cpu) + 0x8, 8);

        g_assert_cmpuint((t >> 8) & 0xffff, ==, cpu);
        g_assert_cmpuint((t >> 4) & 1, ==,
                         cpu == b.first - 1 || cpu == cfg->smp - 1);
    }
    /* The full sweep: distributor, first and last of each region */
    checked = sweep(&b, GICSIM_FRAME_GICD, 0);
    ends[0] = 0;
    ends[1] = b.first - 1;
    ends[2] = b.first;
    ends[3] = cfg->smp - 1;
    for (i = 0; i < 4; i++) {
        checked += sweep(&b, GICSIM_FRAME_RD, ends[i]);
        checked += sweep(&b, GICSIM_FRAME_SGI, ends[i]);
        if (cfg->version == 4) {
            checked += sweep(&b, GICSIM_FRAME_VLPI, ends[i]);
        }
    }
    g_assert_cmpuint(checked, >, 3000);
    g_test_message("%u accesses checked, %.2f s in all", checked,
                   (g_get_monotonic_time() - t0) / 1e6);
    qtest_quit(b.qts);
}

static const Config configs[] = {
    { 3, 512, "qemu" },
    { 3, 512, "gic-500" },
    { 3, 512, "gic-600" },
    { 3, 512, "gic-700" },
    { 4, 317, "qemu" },
    { 4, 317, "gic-500" },
    { 4, 317, "gic-600" },
    { 4, 317, "gic-700" },
};

int main(int argc, char **argv)
{
    size_t i;

    g_test_init(&argc, &argv, NULL);
    for (i = 0; i < G_N_ELEMENTS(configs); i++) {
        g_autofree char *name =
            g_strdup_printf("gicsim/scale/v%d-smp%d-%s", configs[i].version,
                            configs[i].smp, configs[i].profile);

        qtest_add_data_func(name, &configs[i], test_big);
    }
    return g_test_run();
}
