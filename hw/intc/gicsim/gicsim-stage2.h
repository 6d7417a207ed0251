/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Stage-2 translation geometry for the cost model: how many levels a
 * stage-2 walk of a given IPA size and granule has, where it starts, how
 * many first-level tables are concatenated, and what a walk costs by its
 * depth.  QEMU-independent.
 */
#ifndef HW_INTC_GICSIM_STAGE2_H
#define HW_INTC_GICSIM_STAGE2_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#define GICSIM_IPA_MIN 32       /* smallest PARange, KVM's minimum IPA */
#define GICSIM_IPA_MAX 52

typedef struct GicsimStage2Geom {
    unsigned ipa_bits;          /* input (IPA) size */
    unsigned granule;           /* translation granule in bytes */
    unsigned page_shift;        /* log2(granule) */
    unsigned stride;            /* IPA bits resolved per level */
    unsigned start_level;       /* initial lookup level (0..3) */
    unsigned levels;            /* levels walked: 4 - start_level */
    unsigned concat;            /* tables concatenated at start_level */
} GicsimStage2Geom;

/*
 * Parse "4k", "16k", "64k" (any case; or the size in bytes) into bytes.
 * Returns 0 if @s is not a granule.
 */
unsigned gicsim_granule_parse(const char *s);

/*
 * Check a (IPA size, granule, start level) combination against the Arm
 * ARM's stage-2 rules and fill @g.  False, with @err saying which rule
 * fails, if the combination is not a valid VTCR_EL2 setting.
 */
bool gicsim_stage2_geom_check(unsigned ipa_bits, unsigned granule,
                              unsigned start_level, GicsimStage2Geom *g,
                              GError **err);

/*
 * The geometry KVM chooses for a VM of @ipa_bits on a host of @granule:
 * as few levels as up to 16 concatenated initial tables allow, but at
 * least two.
 */
bool gicsim_stage2_geom_kvm(unsigned ipa_bits, unsigned granule,
                            GicsimStage2Geom *g, GError **err);

/*
 * The defaults a CPU gives (docs/cost.rst): from ID_AA64MMFR0_EL1 @mmfr0,
 * the physical address size (PARange) in *@pa_bits and the first of 4K,
 * 64K and 16K that the CPU supports at stage 2 (TGran4_2, TGran64_2,
 * TGran16_2, or the stage-1 field when those say so) in *@granule.
 * False if PARange is reserved or no granule is supported at stage 2.
 */
bool gicsim_stage2_cpu_defaults(uint64_t mmfr0, unsigned *pa_bits,
                                unsigned *granule);

/*
 * The default IPA size for a CPU of @pa_bits with @granule: @pa_bits,
 * but at most 48 unless the granule is 64K (52 bits with 4K or 16K pages
 * need FEAT_LPA2, which the geometry does not model).
 */
unsigned gicsim_stage2_default_ipa(unsigned pa_bits, unsigned granule);

/* Levels of a stage-1 walk of @va_bits with @granule (no concatenation). */
unsigned gicsim_stage1_levels(unsigned va_bits, unsigned granule);

/*
 * Descriptor fetches of a stage-2 walk: one per level.  A walk that
 * faults at an invalid entry stops early; the model charges the full
 * depth (an upper bound, see docs/cost.rst).
 */
unsigned gicsim_stage2_walk_fetches(const GicsimStage2Geom *g);

/*
 * Descriptor fetches of a nested walk on a TLB miss: each of the
 * @s1_levels stage-1 descriptors, and the final output address, is an
 * IPA that takes a full stage-2 walk: (s1 + 1) * (s2 + 1) - 1.
 */
unsigned gicsim_nested_walk_fetches(unsigned s1_levels, unsigned s2_levels);

#endif
