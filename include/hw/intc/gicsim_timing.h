/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: when the GIC's delayed effects complete (docs/timing.rst).
 *
 * An agenda holds the effects in flight at one place (the distributor,
 * or one redistributor): a bit per kind and each kind's deadline, in ns
 * of the virtual clock.  The schedule spans every agenda of a device and
 * keeps the earliest deadline, so that one comparison tells an access
 * whether anything may be due.
 *
 * Nothing here reads a clock: the caller passes "now".  The device
 * (gicsim-clock.c) passes QEMU's virtual clock at every access, so an
 * effect whose deadline has passed has completed before the access is
 * decided, whenever the host ran the timer; the unit test passes a
 * clock of its own.  Plain C, no QEMU headers.
 */
#ifndef HW_INTC_GICSIM_TIMING_H
#define HW_INTC_GICSIM_TIMING_H

#include <stdbool.h>
#include <stdint.h>

/* No deadline: nothing in flight */
#define GICSIM_TIMING_NONE INT64_MAX
/* Kinds of effect one agenda can hold */
#define GICSIM_TIMING_KINDS 8

typedef struct GicsimAgenda {
    uint32_t pending;                           /* bit per kind */
    int64_t deadline[GICSIM_TIMING_KINDS];      /* ns, where pending */
} GicsimAgenda;

typedef struct GicsimTiming {
    /*
     * No later than the earliest deadline in flight (it may be earlier
     * for a while after a deadline moved); GICSIM_TIMING_NONE when
     * nothing is in flight.
     */
    int64_t next;
    GicsimAgenda **agenda;      /* [0] distributor, [1 + n] redistributor n */
    unsigned count;
} GicsimTiming;

/* Completion of @kind at agenda @agenda; the bit is already clear */
typedef void GicsimCompleteFn(void *opaque, unsigned agenda, unsigned kind);

/* @agenda: @count pointers, owned by the caller; nothing in flight */
void gicsim_timing_init(GicsimTiming *t, GicsimAgenda **agenda,
                        unsigned count);
/* Forget everything in flight (reset) */
void gicsim_timing_clear(GicsimTiming *t);
/* Recompute the earliest deadline from the agendas (after migration) */
void gicsim_timing_rescan(GicsimTiming *t);

/*
 * Put @kind at @agenda in flight until @deadline.  If it was in flight
 * already, returns true with its old deadline in @was (the new deadline
 * replaces it).
 */
bool gicsim_timing_start(GicsimTiming *t, unsigned agenda, unsigned kind,
                         int64_t deadline, int64_t *was);
/* Take @kind at @agenda out of flight without running its completion */
void gicsim_timing_drop(GicsimTiming *t, unsigned agenda, unsigned kind);

static inline bool gicsim_timing_pending(const GicsimTiming *t,
                                         unsigned agenda, unsigned kind)
{
    return t->agenda[agenda]->pending & (1u << kind);
}

/*
 * Complete, in order of deadline (then agenda, then kind), everything
 * due at @now: each leaves flight, then @fn runs.  Returns how many.
 */
unsigned gicsim_timing_run(GicsimTiming *t, int64_t now,
                           GicsimCompleteFn *fn, void *opaque);

/* May anything be due at @now?  (One comparison: the access path's.) */
static inline bool gicsim_timing_maybe_due(const GicsimTiming *t,
                                           int64_t now)
{
    return t->next <= now;
}

#endif
