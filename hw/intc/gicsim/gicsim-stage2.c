/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stage-2 translation geometry (see gicsim-stage2.h).
 *
 * Rules, from the Arm ARM (DDI 0487), VMSAv8-64 stage 2 translation:
 *  - a granule of 2^p bytes resolves p - 3 address bits per level, and
 *    the walk ends at level 3 (page offset p bits);
 *  - VTCR_EL2.SL0 selects the initial lookup level: 0 to 2 with the 4KB
 *    granule (3 needs FEAT_TTST, -1 needs FEAT_LPA2), 1 to 3 with 16KB
 *    (0 needs FEAT_LPA2) and 64KB;
 *  - the initial level must resolve at least one bit of the IPA, and up
 *    to 16 translation tables may be concatenated there, so it resolves
 *    at most (p - 3) + 4 bits; anything else is a misconfiguration that
 *    faults on every access;
 *  - without FEAT_LPA/FEAT_LPA2 the IPA is at most 48 bits; with the
 *    64KB granule, FEAT_LPA extends it to 52 bits.
 */
#include <string.h>
#include "gicsim-stage2.h"

#define GICSIM_STAGE2_MAX_CONCAT_BITS 4     /* up to 16 tables */

static GQuark gicsim_stage2_quark(void)
{
    return g_quark_from_static_string("gicsim-stage2");
}

unsigned gicsim_granule_parse(const char *s)
{
    if (!s) {
        return 0;
    }
    if (!g_ascii_strcasecmp(s, "4k") || !strcmp(s, "4096")) {
        return 4096;
    }
    if (!g_ascii_strcasecmp(s, "16k") || !strcmp(s, "16384")) {
        return 16384;
    }
    if (!g_ascii_strcasecmp(s, "64k") || !strcmp(s, "65536")) {
        return 65536;
    }
    return 0;
}

static unsigned granule_shift(unsigned granule)
{
    switch (granule) {
    case 4096:
        return 12;
    case 16384:
        return 14;
    case 65536:
        return 16;
    }
    return 0;
}

/* IPA bits translated by the levels below @level (and the page offset) */
static unsigned bits_below(unsigned shift, unsigned level)
{
    return shift + (3 - level) * (shift - 3);
}

bool gicsim_stage2_geom_check(unsigned ipa_bits, unsigned granule,
                              unsigned start_level, GicsimStage2Geom *g,
                              GError **err)
{
    unsigned shift = granule_shift(granule);
    unsigned kb = granule / 1024;
    unsigned below, first;

    if (!shift) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "granule %u bytes: must be 4K, 16K or 64K", granule);
        return false;
    }
    if (ipa_bits < GICSIM_IPA_MIN || ipa_bits > GICSIM_IPA_MAX) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "IPA size %u bits: must be %u to %u", ipa_bits,
                    GICSIM_IPA_MIN, GICSIM_IPA_MAX);
        return false;
    }
    if (ipa_bits > 48 && granule != 65536) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "IPA size %u bits with the %uK granule needs FEAT_LPA2 "
                    "(not modelled); use 48 bits or the 64K granule",
                    ipa_bits, kb);
        return false;
    }
    if (start_level > 3) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "stage-2 start level %u: levels are 0 to 3", start_level);
        return false;
    }
    if (granule == 4096 && start_level == 3) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "stage-2 start level 3 with the 4K granule needs "
                    "FEAT_TTST (not modelled)");
        return false;
    }
    if (granule != 4096 && start_level == 0) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "stage-2 start level 0 with the %uK granule %s", kb,
                    granule == 16384 ? "needs FEAT_LPA2 (not modelled)"
                                     : "does not exist");
        return false;
    }
    below = bits_below(shift, start_level);
    if (ipa_bits <= below) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "IPA size %u bits with the %uK granule: start level %u "
                    "resolves no IPA bit (the levels below it cover %u bits)",
                    ipa_bits, kb, start_level, below);
        return false;
    }
    first = ipa_bits - below;
    if (first > shift - 3 + GICSIM_STAGE2_MAX_CONCAT_BITS) {
        g_set_error(err, gicsim_stage2_quark(), 0,
                    "IPA size %u bits with the %uK granule: start level %u "
                    "would need %u concatenated tables (at most 16)",
                    ipa_bits, kb, start_level,
                    1u << (first - (shift - 3)));
        return false;
    }
    g->ipa_bits = ipa_bits;
    g->granule = granule;
    g->page_shift = shift;
    g->stride = shift - 3;
    g->start_level = start_level;
    g->levels = 4 - start_level;
    g->concat = first > g->stride ? 1u << (first - g->stride) : 1;
    return true;
}

bool gicsim_stage2_geom_kvm(unsigned ipa_bits, unsigned granule,
                            GicsimStage2Geom *g, GError **err)
{
    unsigned shift = granule_shift(granule);
    unsigned levels;

    if (!shift || ipa_bits < GICSIM_IPA_MIN) {
        /* let the checker name the problem */
        return gicsim_stage2_geom_check(ipa_bits, granule, 1, g, err);
    }
    /*
     * The fewest levels whose initial one, with 16 tables concatenated,
     * covers the IPA: levels of a stage-1 walk of (ipa_bits - 4) bits.
     */
    levels = gicsim_stage1_levels(ipa_bits - GICSIM_STAGE2_MAX_CONCAT_BITS,
                                  granule);
    if (levels < 2) {
        levels = 2;     /* KVM never uses a single-level stage 2 */
    }
    return gicsim_stage2_geom_check(ipa_bits, granule, 4 - levels, g, err);
}

/*
 * ID_AA64MMFR0_EL1 (Arm ARM DDI 0487, D23.2 "ID_AA64MMFR0_EL1"): PARange
 * [3:0]; stage-1 granule support TGran16 [23:20] (0: no, 1 or 2: yes),
 * TGran64 [27:24] and TGran4 [31:28] (0xf: no, else yes); stage-2
 * support TGran16_2 [35:32], TGran64_2 [39:36], TGran4_2 [43:40] (0: as
 * the stage-1 field, 1: no, 2 or 3: yes).
 */
static unsigned mmfr0_field(uint64_t mmfr0, unsigned shift)
{
    return (mmfr0 >> shift) & 0xf;
}

static bool stage2_granule_ok(uint64_t mmfr0, unsigned s1_shift,
                              unsigned s2_shift, bool s1_ok_if_zero)
{
    unsigned s2 = mmfr0_field(mmfr0, s2_shift);
    unsigned s1 = mmfr0_field(mmfr0, s1_shift);

    if (s2) {
        return s2 >= 2;
    }
    return s1_ok_if_zero ? s1 != 0xf : s1 != 0;
}

bool gicsim_stage2_cpu_defaults(uint64_t mmfr0, unsigned *pa_bits,
                                unsigned *granule)
{
    static const unsigned parange[] = { 32, 36, 40, 42, 44, 48, 52 };
    unsigned pa = mmfr0_field(mmfr0, 0);

    if (pa >= G_N_ELEMENTS(parange)) {
        return false;
    }
    *pa_bits = parange[pa];
    if (stage2_granule_ok(mmfr0, 28, 40, true)) {
        *granule = 4096;
    } else if (stage2_granule_ok(mmfr0, 24, 36, true)) {
        *granule = 65536;
    } else if (stage2_granule_ok(mmfr0, 20, 32, false)) {
        *granule = 16384;
    } else {
        return false;
    }
    return true;
}

unsigned gicsim_stage2_default_ipa(unsigned pa_bits, unsigned granule)
{
    if (pa_bits > 48 && granule != 65536) {
        return 48;
    }
    return pa_bits < GICSIM_IPA_MIN ? GICSIM_IPA_MIN : pa_bits;
}

unsigned gicsim_stage1_levels(unsigned va_bits, unsigned granule)
{
    unsigned shift = granule_shift(granule);

    if (!shift || va_bits <= shift) {
        return 0;
    }
    return (va_bits - shift + (shift - 3) - 1) / (shift - 3);
}

unsigned gicsim_stage2_walk_fetches(const GicsimStage2Geom *g)
{
    return g->levels;
}

unsigned gicsim_nested_walk_fetches(unsigned s1_levels, unsigned s2_levels)
{
    return (s1_levels + 1) * (s2_levels + 1) - 1;
}
