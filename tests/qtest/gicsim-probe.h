/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-probe's runner state, shared by the script runner
 * (gicsim-probe.c) and the interactive prompt
 * (gicsim-probe-interactive.c).
 */
#ifndef GICSIM_PROBE_H
#define GICSIM_PROBE_H

#include "libqtest.h"
#include "gicsim-script.h"
#include "gicsim-probe-report.h"

typedef struct Result {
    bool done;          /* the statement ran (tags may skip it) */
    bool ok;            /* access completed without a bus error */
    uint64_t value;     /* value read */
} Result;

typedef struct Run {
    const GsScript *s;
    const char *model;
    QTestState *qts;
    char *gic_path;
    bool cpuif;
    bool intercepted;
    unsigned passed;
    unsigned failed;
    Result *results;    /* one per statement */
    GString *out;       /* the transcript */
    const char *prefix; /* "" or "# " (TAP) */
    const char *cmdline;    /* machine options given, or NULL */
    GsReport *rep;          /* --json / --junit, or NULL */
    GsVerdict verdict;      /* of the statement running */
    char *msg;              /* its transcript line, if record()ed */
    unsigned reads;         /* reads a wait made */
    unsigned gated_reads;   /* of which gated (RAZ/WI) */
    /*
     * QEMU_CLOCK_VIRTUAL in ns under -accel qtest, once known (-1 before):
     * what qtest_clock_step()/qtest_clock_set() return (set it when
     * calling them).  qtest has no command that reads the clock without
     * moving it.
     */
    int64_t now;
    /*
     * Modelled time is on (gic-model=sim with a profile other than
     * "qemu", or durations set) and the clock is qtest's: every access
     * line shows the virtual time it ran at.
     */
    bool show_time;
    /*
     * Gated accesses (gic-model=sim): the device traces every access a
     * gate of the register made RAZ/WI (trace event gicsim_gated); QEMU
     * writes those lines to @gate_log_path, which the runner reads after
     * each access.
     */
    char *gate_log_path;
    FILE *gate_log;
    GString *gate_partial;  /* a line not yet ended */
    char *gate;             /* why the last access was gated, or NULL */
    unsigned gated;         /* gated accesses so far */
} Run;

/* Start QEMU for @s with gic-model @model; the header goes to r->out. */
void run_start(Run *r, const GsScript *s, const char *model,
               const char *prefix);
/*
 * Run statement @idx of r->s (r->results must have room for it); its
 * transcript lines are appended to r->out.
 */
void exec_stmt(Run *r, unsigned idx);
/*
 * Read @a; false on a bus error.  r->gate says whether a gate of the
 * register made the read RAZ/WI.
 */
bool run_read(Run *r, const GsAccess *a, uint64_t *v);
/* Quit QEMU; the summary line goes to r->out. */
void run_stop(Run *r);
void run_free(Run *r);

/*
 * The interactive prompt (--interactive): machine from the defaults and
 * @o; returns the exit status.
 */
int gs_interactive(const GsOverrides *o);

#endif
