/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stage-2 geometry: the table of (IPA size, granule) to levels, start
 * level and concatenated tables KVM uses, the Arm ARM's validity rules,
 * and walk depths.
 */
#include <glib.h>
#include <string.h>
#include "gicsim-stage2.h"

typedef struct Row {
    unsigned ipa, granule, start, levels, concat;
} Row;

/*
 * Worked from the rules: a granule of 2^p resolves p - 3 bits per level,
 * up to 16 tables are concatenated at the initial level, at least two
 * levels.  E.g. 40 bits, 4K: levels 3 to 1 resolve 27 bits above the
 * 12-bit page offset, leaving 1 bit: two concatenated level-1 tables.
 */
static const Row kvm_table[] = {
    { 32, 4096, 2, 2, 4 },
    { 36, 4096, 1, 3, 1 },
    { 40, 4096, 1, 3, 2 },
    { 42, 4096, 1, 3, 8 },
    { 43, 4096, 1, 3, 16 },
    { 44, 4096, 0, 4, 1 },
    { 48, 4096, 0, 4, 1 },
    { 32, 16384, 2, 2, 1 },
    { 36, 16384, 2, 2, 1 },
    { 40, 16384, 2, 2, 16 },
    { 42, 16384, 1, 3, 1 },
    { 48, 16384, 1, 3, 2 },
    { 32, 65536, 2, 2, 1 },
    { 40, 65536, 2, 2, 1 },
    { 42, 65536, 2, 2, 1 },
    { 44, 65536, 2, 2, 4 },
    { 46, 65536, 2, 2, 16 },
    { 48, 65536, 1, 3, 1 },
    { 52, 65536, 1, 3, 1 },
};

static void test_kvm_table(void)
{
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(kvm_table); i++) {
        const Row *r = &kvm_table[i];
        GicsimStage2Geom g;
        GError *err = NULL;

        g_test_message("IPA %u, granule %u", r->ipa, r->granule);
        g_assert_true(gicsim_stage2_geom_kvm(r->ipa, r->granule, &g, &err));
        g_assert_no_error(err);
        g_assert_cmpuint(g.start_level, ==, r->start);
        g_assert_cmpuint(g.levels, ==, r->levels);
        g_assert_cmpuint(g.concat, ==, r->concat);
        g_assert_cmpuint(gicsim_stage2_walk_fetches(&g), ==, r->levels);
        /* the tables cover exactly the IPA space (or more, when partial) */
        g_assert_cmpuint(g.page_shift + g.levels * g.stride +
                         (g.concat > 1 ? g_bit_nth_msf(g.concat, -1) : 0),
                         >=, r->ipa);
    }
}

typedef struct Bad {
    unsigned ipa, granule, start;
    const char *why;            /* a word the error must contain */
} Bad;

static const Bad bad_table[] = {
    { 52, 4096, 0, "FEAT_LPA2" },
    { 50, 16384, 1, "FEAT_LPA2" },
    { 40, 8192, 1, "granule" },
    { 31, 4096, 1, "IPA size" },
    { 53, 65536, 1, "IPA size" },
    { 48, 4096, 1, "512 concatenated" },    /* 18 bits at level 1 */
    { 40, 4096, 2, "concatenated" },
    { 36, 4096, 0, "resolves no IPA bit" },
    { 40, 4096, 3, "FEAT_TTST" },
    { 48, 16384, 0, "FEAT_LPA2" },
    { 48, 65536, 0, "does not exist" },
    { 32, 65536, 1, "resolves no IPA bit" },
    { 40, 4096, 4, "levels are 0 to 3" },
};

static void test_invalid(void)
{
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(bad_table); i++) {
        const Bad *b = &bad_table[i];
        GicsimStage2Geom g;
        GError *err = NULL;

        g_assert_false(gicsim_stage2_geom_check(b->ipa, b->granule,
                                                b->start, &g, &err));
        g_assert_nonnull(err);
        g_test_message("%s", err->message);
        g_assert_nonnull(strstr(err->message, b->why));
        g_error_free(err);
    }
    /* the KVM chooser reports the same problems */
    {
        GicsimStage2Geom g;
        GError *err = NULL;

        g_assert_false(gicsim_stage2_geom_kvm(52, 4096, &g, &err));
        g_assert_nonnull(strstr(err->message, "FEAT_LPA2"));
        g_clear_error(&err);
        g_assert_false(gicsim_stage2_geom_kvm(40, 12345, &g, &err));
        g_assert_nonnull(strstr(err->message, "granule"));
        g_clear_error(&err);
    }
}

/* Other valid start levels than KVM's choice */
static void test_valid_alternatives(void)
{
    GicsimStage2Geom g;

    /* 40 bits can start at level 0 (one partial table) as well */
    g_assert_true(gicsim_stage2_geom_check(40, 4096, 0, &g, NULL));
    g_assert_cmpuint(g.levels, ==, 4);
    g_assert_cmpuint(g.concat, ==, 1);
    /* 34 bits at level 2: 13 bits, 16 tables */
    g_assert_true(gicsim_stage2_geom_check(34, 4096, 2, &g, NULL));
    g_assert_cmpuint(g.concat, ==, 16);
    /* 16K, 48 bits, level 1: two tables (bit 47 above level 1) */
    g_assert_true(gicsim_stage2_geom_check(48, 16384, 1, &g, NULL));
    g_assert_cmpuint(g.concat, ==, 2);
    /* 64K, 42 bits at level 3 would need 2^13 tables */
    g_assert_false(gicsim_stage2_geom_check(42, 65536, 3, &g, NULL));
}

static void test_walks(void)
{
    g_assert_cmpuint(gicsim_granule_parse("4k"), ==, 4096);
    g_assert_cmpuint(gicsim_granule_parse("16K"), ==, 16384);
    g_assert_cmpuint(gicsim_granule_parse("65536"), ==, 65536);
    g_assert_cmpuint(gicsim_granule_parse("8k"), ==, 0);
    g_assert_cmpuint(gicsim_granule_parse(NULL), ==, 0);

    g_assert_cmpuint(gicsim_stage1_levels(48, 4096), ==, 4);
    g_assert_cmpuint(gicsim_stage1_levels(39, 4096), ==, 3);
    g_assert_cmpuint(gicsim_stage1_levels(48, 16384), ==, 4);
    g_assert_cmpuint(gicsim_stage1_levels(47, 16384), ==, 3);
    g_assert_cmpuint(gicsim_stage1_levels(48, 65536), ==, 3);
    g_assert_cmpuint(gicsim_stage1_levels(42, 65536), ==, 2);

    /* each stage-1 level and the output need a stage-2 walk */
    g_assert_cmpuint(gicsim_nested_walk_fetches(4, 4), ==, 24);
    g_assert_cmpuint(gicsim_nested_walk_fetches(4, 3), ==, 19);
    g_assert_cmpuint(gicsim_nested_walk_fetches(3, 2), ==, 11);
    g_assert_cmpuint(gicsim_nested_walk_fetches(0, 3), ==, 3);
}

/*
 * Defaults from ID_AA64MMFR0_EL1: PARange and the first of 4K, 64K, 16K
 * supported at stage 2 (values of QEMU's CPU models, and edge cases).
 */
static void test_cpu_defaults(void)
{
    unsigned pa = 0, gr = 0;

    /* cortex-a53: PARange 2 (40 bits), all stage-1 granules */
    g_assert_true(gicsim_stage2_cpu_defaults(0x00001122, &pa, &gr));
    g_assert_cmpuint(pa, ==, 40);
    g_assert_cmpuint(gr, ==, 4096);
    /* cortex-a57: PARange 4 (44 bits) */
    g_assert_true(gicsim_stage2_cpu_defaults(0x00001124, &pa, &gr));
    g_assert_cmpuint(pa, ==, 44);
    /* max: PARange 6 (52), TGran4_2 = TGran16_2 = TGran64_2 = 2 */
    g_assert_true(gicsim_stage2_cpu_defaults(0x0000222200101126ull, &pa,
                                             &gr));
    g_assert_cmpuint(pa, ==, 52);
    g_assert_cmpuint(gr, ==, 4096);
    /* neoverse-n1 style: PARange 5 (48) */
    g_assert_true(gicsim_stage2_cpu_defaults(0x00101125, &pa, &gr));
    g_assert_cmpuint(pa, ==, 48);
    /* 4K not at stage 2 (TGran4_2 = 1) though at stage 1: 64K */
    g_assert_true(gicsim_stage2_cpu_defaults(0x0000010000000125ull, &pa,
                                             &gr));
    g_assert_cmpuint(gr, ==, 65536);
    /* no 4K (TGran4 = 0xf), no 64K (TGran64 = 0xf), 16K (TGran16 = 1) */
    g_assert_true(gicsim_stage2_cpu_defaults(0xff100125ull, &pa, &gr));
    g_assert_cmpuint(gr, ==, 16384);
    /* ... but not 16K at stage 2 either: no granule */
    g_assert_false(gicsim_stage2_cpu_defaults(0x1ff100125ull, &pa, &gr));
    /* reserved PARange */
    g_assert_false(gicsim_stage2_cpu_defaults(0x00001127, &pa, &gr));

    /* 52 bits need FEAT_LPA2 but with 64K pages: default at most 48 */
    g_assert_cmpuint(gicsim_stage2_default_ipa(52, 4096), ==, 48);
    g_assert_cmpuint(gicsim_stage2_default_ipa(52, 16384), ==, 48);
    g_assert_cmpuint(gicsim_stage2_default_ipa(52, 65536), ==, 52);
    g_assert_cmpuint(gicsim_stage2_default_ipa(44, 4096), ==, 44);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/stage2/kvm-table", test_kvm_table);
    g_test_add_func("/stage2/invalid", test_invalid);
    g_test_add_func("/stage2/valid-alternatives", test_valid_alternatives);
    g_test_add_func("/stage2/walks", test_walks);
    g_test_add_func("/stage2/cpu-defaults", test_cpu_defaults);
    return g_test_run();
}
