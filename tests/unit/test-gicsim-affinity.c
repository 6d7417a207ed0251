/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The affinity index (hw/intc/gicsim_affinity.h): every CPU found by its
 * affinity, nothing else found, duplicates refused, and lookups that do
 * not grow with the number of CPUs on the layouts boards use.
 */
#include <glib.h>
#include "hw/intc/gicsim_affinity.h"

/* Slots a lookup of @aff looks at */
static unsigned probes(const GicsimAffinityIndex *ix, uint32_t aff)
{
    uint32_t i = gicsim_affinity_slot(ix, aff);
    unsigned n = 1;

    while (ix->cpu[i] >= 0 && ix->aff[i] != aff) {
        i = (i + 1) & ix->mask;
        n++;
    }
    return n;
}

/*
 * QEMU's virt machine with GICv3: Aff0 0-15 within a cluster, Aff1 the
 * cluster (virt_cpu_mp_affinity(), clusters of 16 CPUs).
 */
static uint32_t virt_aff(unsigned cpu)
{
    return (cpu % 16) | (cpu / 16) << 8;
}

static void check_layout(uint32_t *aff, unsigned n, unsigned max_probes)
{
    GicsimAffinityIndex ix;
    unsigned k, worst = 0;

    g_assert_true(gicsim_affinity_build(&ix, aff, n));
    g_assert_cmpuint(ix.mask + 1, >=, 2 * n);
    for (k = 0; k < n; k++) {
        g_assert_cmpint(gicsim_affinity_find(&ix, aff[k]), ==, k);
        worst = MAX(worst, probes(&ix, aff[k]));
    }
    g_assert_cmpuint(worst, <=, max_probes);
    gicsim_affinity_free(&ix);
}

static void test_virt(void)
{
    static const unsigned sizes[] = { 1, 2, 4, 17, 64, 123, 317, 512 };
    uint32_t aff[512];
    unsigned s, k;

    for (s = 0; s < G_N_ELEMENTS(sizes); s++) {
        for (k = 0; k < sizes[s]; k++) {
            aff[k] = virt_aff(k);
        }
        /* a bound that does not depend on the number of CPUs */
        check_layout(aff, sizes[s], 4);
    }
}

/* Every affinity field used, as on a multi-socket server */
static void test_all_fields(void)
{
    uint32_t aff[256];
    unsigned k;

    for (k = 0; k < 256; k++) {
        aff[k] = (k & 3) | ((k >> 2) & 3) << 8 | ((k >> 4) & 3) << 16 |
                 (k >> 6) << 24;
    }
    check_layout(aff, 256, 8);
}

static void test_absent(void)
{
    GicsimAffinityIndex ix;
    uint32_t aff[64];
    unsigned k;

    for (k = 0; k < 64; k++) {
        aff[k] = virt_aff(k);
    }
    g_assert_true(gicsim_affinity_build(&ix, aff, 64));
    /* Aff0 16 and up is not a CPU on virt, nor is cluster 4 */
    g_assert_cmpint(gicsim_affinity_find(&ix, 16), ==, -1);
    g_assert_cmpint(gicsim_affinity_find(&ix, 4 << 8), ==, -1);
    g_assert_cmpint(gicsim_affinity_find(&ix, 0xff000000), ==, -1);
    g_assert_cmpint(gicsim_affinity_find(&ix, 0xffffffff), ==, -1);
    gicsim_affinity_free(&ix);
}

static void test_duplicate(void)
{
    GicsimAffinityIndex ix;
    uint32_t aff[3] = { 0x0, 0x100, 0x0 };

    g_assert_false(gicsim_affinity_build(&ix, aff, 3));
    g_assert_null(ix.cpu);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gicsim/affinity/virt", test_virt);
    g_test_add_func("/gicsim/affinity/all-fields", test_all_fields);
    g_test_add_func("/gicsim/affinity/absent", test_absent);
    g_test_add_func("/gicsim/affinity/duplicate", test_duplicate);
    return g_test_run();
}
