/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: the affinity index (include/hw/intc/gicsim_affinity.h).
 * Plain C, no QEMU headers.
 */
#include <stdlib.h>
#include "hw/intc/gicsim_affinity.h"

bool gicsim_affinity_build(GicsimAffinityIndex *ix, const uint32_t *aff,
                           unsigned n)
{
    uint32_t slots = 4, bits = 2, i, k;

    while (slots < 2 * n) {
        slots *= 2;
        bits++;
    }
    ix->mask = slots - 1;
    ix->shift = 32 - bits;
    ix->aff = calloc(slots, sizeof(*ix->aff));
    ix->cpu = malloc(slots * sizeof(*ix->cpu));
    if (!ix->aff || !ix->cpu) {
        gicsim_affinity_free(ix);
        return false;
    }
    for (i = 0; i < slots; i++) {
        ix->cpu[i] = -1;
    }
    for (k = 0; k < n; k++) {
        if (gicsim_affinity_find(ix, aff[k]) >= 0) {
            gicsim_affinity_free(ix);
            return false;
        }
        i = gicsim_affinity_slot(ix, aff[k]);
        while (ix->cpu[i] >= 0) {
            i = (i + 1) & ix->mask;
        }
        ix->aff[i] = aff[k];
        ix->cpu[i] = k;
    }
    return true;
}

void gicsim_affinity_free(GicsimAffinityIndex *ix)
{
    free(ix->aff);
    free(ix->cpu);
    ix->aff = NULL;
    ix->cpu = NULL;
    ix->mask = 0;
}
