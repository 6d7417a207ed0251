/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: the schedule of delayed effects (hw/intc/gicsim_timing.h).
 * QEMU-independent; tests/unit/test-gicsim-timing.c drives it with a
 * clock of its own.
 */
#include <stddef.h>
#include "hw/intc/gicsim_timing.h"

void gicsim_timing_init(GicsimTiming *t, GicsimAgenda **agenda,
                        unsigned count)
{
    t->agenda = agenda;
    t->count = count;
    gicsim_timing_clear(t);
}

void gicsim_timing_clear(GicsimTiming *t)
{
    unsigned i;

    for (i = 0; i < t->count; i++) {
        t->agenda[i]->pending = 0;
    }
    t->next = GICSIM_TIMING_NONE;
}

/* The earliest deadline in flight, and where (*@at_agenda, *@at_kind) */
static int64_t earliest(const GicsimTiming *t, unsigned *at_agenda,
                        unsigned *at_kind)
{
    int64_t best = GICSIM_TIMING_NONE;
    unsigned i, k;

    for (i = 0; i < t->count; i++) {
        const GicsimAgenda *a = t->agenda[i];

        if (!a->pending) {
            continue;
        }
        for (k = 0; k < GICSIM_TIMING_KINDS; k++) {
            if ((a->pending & (1u << k)) && a->deadline[k] < best) {
                best = a->deadline[k];
                *at_agenda = i;
                *at_kind = k;
            }
        }
    }
    return best;
}

void gicsim_timing_rescan(GicsimTiming *t)
{
    unsigned i, k;

    t->next = earliest(t, &i, &k);
}

bool gicsim_timing_start(GicsimTiming *t, unsigned agenda, unsigned kind,
                         int64_t deadline, int64_t *was)
{
    GicsimAgenda *a = t->agenda[agenda];
    bool again = a->pending & (1u << kind);

    if (again) {
        *was = a->deadline[kind];
    }
    a->pending |= 1u << kind;
    a->deadline[kind] = deadline;
    if (deadline < t->next) {
        t->next = deadline;
    }
    /* A later deadline leaves @next early: the next run rescans */
    return again;
}

void gicsim_timing_drop(GicsimTiming *t, unsigned agenda, unsigned kind)
{
    t->agenda[agenda]->pending &= ~(1u << kind);
    if (t->next != GICSIM_TIMING_NONE) {
        gicsim_timing_rescan(t);
    }
}

unsigned gicsim_timing_run(GicsimTiming *t, int64_t now,
                           GicsimCompleteFn *fn, void *opaque)
{
    unsigned done = 0, agenda = 0, kind = 0;

    /*
     * One at a time, earliest first: a completion may start or drop
     * other effects, and two due at once complete in the order their
     * deadlines say (the same order the host timer would have given).
     */
    while ((t->next = earliest(t, &agenda, &kind)) <= now) {
        t->agenda[agenda]->pending &= ~(1u << kind);
        fn(opaque, agenda, kind);
        done++;
    }
    return done;
}
