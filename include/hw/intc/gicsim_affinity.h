/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: which CPU has a given affinity (Aff3.Aff2.Aff1.Aff0, as
 * GICD_IROUTER<n> names a target and GICR_TYPER.Affinity_Value gives a
 * redistributor's), in time that does not grow with the number of CPUs:
 * an open-addressed hash table with at least twice as many slots as
 * CPUs, built once when the device is realized.
 *
 * Plain C, no QEMU headers: tests/unit/test-gicsim-affinity.c tests it.
 */
#ifndef HW_INTC_GICSIM_AFFINITY_H
#define HW_INTC_GICSIM_AFFINITY_H

#include <stdbool.h>
#include <stdint.h>

typedef struct GicsimAffinityIndex {
    uint32_t mask;          /* slots - 1; slots is a power of two */
    uint32_t shift;         /* 32 - log2(slots) */
    uint32_t *aff;          /* the affinity in each slot */
    int32_t *cpu;           /* its CPU, or -1: slot empty */
} GicsimAffinityIndex;

/*
 * Index the @n affinities @aff[0..n-1] (CPU i has @aff[i]).  False if two
 * CPUs have the same affinity (the index is then freed).
 */
bool gicsim_affinity_build(GicsimAffinityIndex *ix, const uint32_t *aff,
                           unsigned n);
void gicsim_affinity_free(GicsimAffinityIndex *ix);

/* First slot to look in for @aff: Fibonacci hashing (the top bits) */
static inline uint32_t gicsim_affinity_slot(const GicsimAffinityIndex *ix,
                                            uint32_t aff)
{
    return (aff * 0x9e3779b1u) >> ix->shift;
}

/* The CPU whose affinity is @aff, or -1: none */
static inline int gicsim_affinity_find(const GicsimAffinityIndex *ix,
                                       uint32_t aff)
{
    uint32_t i = gicsim_affinity_slot(ix, aff);

    while (ix->cpu[i] >= 0) {
        if (ix->aff[i] == aff) {
            return ix->cpu[i];
        }
        i = (i + 1) & ix->mask;
    }
    return -1;
}

#endif
