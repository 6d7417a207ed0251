/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The schedule of delayed effects (hw/intc/gicsim_timing.h) with a clock
 * injected by the test: an access decides against "now" alone, whether
 * or not a host timer ever ran.
 */
#include <glib.h>
#include "hw/intc/gicsim_timing.h"

#define NREDIST 512

/*
 * A device as gicsim-clock.c drives the schedule, with no host timer at
 * all: only its accesses can complete anything.
 */
typedef struct Dev {
    GicsimAgenda gicd, redist[NREDIST];
    GicsimAgenda *agendas[NREDIST + 1];
    GicsimTiming t;
    int64_t clock;              /* the injected virtual clock, ns */
    bool powered[NREDIST];      /* what completion of kind 5 changes */
    unsigned log[64][2];        /* completions in order: agenda, kind */
    unsigned nlog;
} Dev;

enum { KIND_RWP = 0, KIND_PWRR = 5 };

static void on_complete(void *opaque, unsigned agenda, unsigned kind)
{
    Dev *d = opaque;

    g_assert_false(gicsim_timing_pending(&d->t, agenda, kind));
    if (d->nlog < G_N_ELEMENTS(d->log)) {
        d->log[d->nlog][0] = agenda;
        d->log[d->nlog][1] = kind;
    }
    d->nlog++;
    if (kind == KIND_PWRR) {
        d->powered[agenda - 1] = true;
    }
}

static void dev_init(Dev *d)
{
    unsigned i;

    memset(d, 0, sizeof(*d));
    d->agendas[0] = &d->gicd;
    for (i = 0; i < NREDIST; i++) {
        d->agendas[i + 1] = &d->redist[i];
    }
    gicsim_timing_init(&d->t, d->agendas, NREDIST + 1);
}

/* What the device's access path does first (gicsim_clock_sync()) */
static void dev_sync(Dev *d)
{
    if (d->t.next != GICSIM_TIMING_NONE &&
        gicsim_timing_maybe_due(&d->t, d->clock)) {
        gicsim_timing_run(&d->t, d->clock, on_complete, d);
    }
}

/* An access to redistributor @cpu: is it powered, as the access sees it? */
static bool dev_access_powered(Dev *d, unsigned cpu)
{
    dev_sync(d);
    return d->powered[cpu];
}

static void test_idle(void)
{
    Dev d;

    dev_init(&d);
    g_assert_cmpint(d.t.next, ==, GICSIM_TIMING_NONE);
    d.clock = INT64_MAX - 1;
    g_assert_false(gicsim_timing_maybe_due(&d.t, d.clock));
    g_assert_cmpuint(gicsim_timing_run(&d.t, d.clock, on_complete, &d), ==,
                     0);
}

/*
 * A power-up whose deadline passed long ago, seen by the first access
 * after it: completed at that access, with no timer callback at all
 * (the case firmware hit when the host timer was held off for 464 us).
 */
static void test_completes_at_access(void)
{
    Dev d;
    int64_t was;

    dev_init(&d);
    d.clock = 1000;
    g_assert_false(gicsim_timing_start(&d.t, 1 + 3, KIND_PWRR, 1000 + 20000,
                                       &was));
    g_assert_cmpint(d.t.next, ==, 21000);
    d.clock = 20999;
    g_assert_false(dev_access_powered(&d, 3));
    g_assert_true(gicsim_timing_pending(&d.t, 4, KIND_PWRR));
    d.clock = 21000;
    g_assert_true(dev_access_powered(&d, 3));
    g_assert_cmpuint(d.nlog, ==, 1);
    g_assert_cmpint(d.t.next, ==, GICSIM_TIMING_NONE);

    /* and far past the deadline, the same */
    dev_init(&d);
    gicsim_timing_start(&d.t, 1 + 511, KIND_PWRR, 20000, &was);
    d.clock = 20000 + 464368;
    g_assert_true(dev_access_powered(&d, 511));
    g_assert_cmpuint(d.nlog, ==, 1);
}

/* Due at once: completed in deadline order, then agenda, then kind */
static void test_order(void)
{
    Dev d;
    int64_t was;

    dev_init(&d);
    gicsim_timing_start(&d.t, 2, KIND_PWRR, 300, &was);
    gicsim_timing_start(&d.t, 0, KIND_RWP, 100, &was);
    gicsim_timing_start(&d.t, 1, KIND_PWRR, 300, &was);
    gicsim_timing_start(&d.t, 1, KIND_RWP, 300, &was);
    gicsim_timing_start(&d.t, 3, KIND_RWP, 900, &was);
    g_assert_cmpint(d.t.next, ==, 100);
    d.clock = 500;
    dev_sync(&d);
    g_assert_cmpuint(d.nlog, ==, 4);
    g_assert_cmpuint(d.log[0][0], ==, 0);
    g_assert_cmpuint(d.log[1][0], ==, 1);
    g_assert_cmpuint(d.log[1][1], ==, KIND_RWP);
    g_assert_cmpuint(d.log[2][0], ==, 1);
    g_assert_cmpuint(d.log[2][1], ==, KIND_PWRR);
    g_assert_cmpuint(d.log[3][0], ==, 2);
    g_assert_cmpint(d.t.next, ==, 900);
    g_assert_true(gicsim_timing_pending(&d.t, 3, KIND_RWP));
}

/* Written again while in flight: the old deadline is reported, replaced */
static void test_restart(void)
{
    Dev d;
    int64_t was = 0;

    dev_init(&d);
    g_assert_false(gicsim_timing_start(&d.t, 0, KIND_RWP, 500, &was));
    g_assert_true(gicsim_timing_start(&d.t, 0, KIND_RWP, 800, &was));
    g_assert_cmpint(was, ==, 500);
    /* next may stay early; an access at 600 completes nothing */
    d.clock = 600;
    dev_sync(&d);
    g_assert_cmpuint(d.nlog, ==, 0);
    g_assert_cmpint(d.t.next, ==, 800);
    d.clock = 800;
    dev_sync(&d);
    g_assert_cmpuint(d.nlog, ==, 1);
}

/* Dropped (completed by its owner) and cleared (reset) effects never run */
static void test_drop_clear(void)
{
    Dev d;
    int64_t was;

    dev_init(&d);
    gicsim_timing_start(&d.t, 5, KIND_RWP, 100, &was);
    gicsim_timing_start(&d.t, 6, KIND_RWP, 200, &was);
    gicsim_timing_drop(&d.t, 5, KIND_RWP);
    g_assert_cmpint(d.t.next, ==, 200);
    gicsim_timing_drop(&d.t, 6, KIND_RWP);
    g_assert_cmpint(d.t.next, ==, GICSIM_TIMING_NONE);

    gicsim_timing_start(&d.t, 7, KIND_PWRR, 100, &was);
    gicsim_timing_clear(&d.t);
    d.clock = 1000;
    dev_sync(&d);
    g_assert_cmpuint(d.nlog, ==, 0);
    g_assert_false(d.powered[6]);
}

/* After migration the agendas arrive as data: rescan finds the earliest */
static void test_rescan(void)
{
    Dev d;

    dev_init(&d);
    d.redist[100].pending = 1u << KIND_PWRR;
    d.redist[100].deadline[KIND_PWRR] = 7000;
    d.gicd.pending = 1u << KIND_RWP;
    d.gicd.deadline[KIND_RWP] = 9000;
    gicsim_timing_rescan(&d.t);
    g_assert_cmpint(d.t.next, ==, 7000);
    d.clock = 8000;
    g_assert_true(dev_access_powered(&d, 100));
    g_assert_cmpint(d.t.next, ==, 9000);
}

/* A completion that starts another effect: it is scheduled, not lost */
static void chain_complete(void *opaque, unsigned agenda, unsigned kind)
{
    Dev *d = opaque;
    int64_t was;

    on_complete(opaque, agenda, kind);
    if (kind == KIND_RWP && agenda == 0) {
        gicsim_timing_start(&d->t, 1, KIND_PWRR, d->clock + 50, &was);
    }
}

static void test_chain(void)
{
    Dev d;
    int64_t was;

    dev_init(&d);
    gicsim_timing_start(&d.t, 0, KIND_RWP, 100, &was);
    d.clock = 120;
    gicsim_timing_run(&d.t, d.clock, chain_complete, &d);
    g_assert_cmpuint(d.nlog, ==, 1);
    g_assert_cmpint(d.t.next, ==, 170);
    d.clock = 170;
    gicsim_timing_run(&d.t, d.clock, chain_complete, &d);
    g_assert_true(d.powered[0]);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/timing/idle", test_idle);
    g_test_add_func("/timing/completes-at-access", test_completes_at_access);
    g_test_add_func("/timing/order", test_order);
    g_test_add_func("/timing/restart", test_restart);
    g_test_add_func("/timing/drop-clear", test_drop_clear);
    g_test_add_func("/timing/rescan", test_rescan);
    g_test_add_func("/timing/chain", test_chain);
    return g_test_run();
}
