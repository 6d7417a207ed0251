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
    /*
     * QEMU_CLOCK_VIRTUAL in ns under -accel qtest, once known (-1 before):
     * what qtest_clock_step()/qtest_clock_set() return (set it when
     * calling them).  qtest has no command that reads the clock without
     * moving it.
     */
    int64_t now;
} Run;

/* Start QEMU for @s with gic-model @model; the header goes to r->out. */
void run_start(Run *r, const GsScript *s, const char *model,
               const char *prefix);
/*
 * Run statement @idx of r->s (r->results must have room for it); its
 * transcript lines are appended to r->out.
 */
void exec_stmt(Run *r, unsigned idx);
/* Quit QEMU; the summary line goes to r->out. */
void run_stop(Run *r);
void run_free(Run *r);

/*
 * The interactive prompt (--interactive): machine from the defaults and
 * @o; returns the exit status.
 */
int gs_interactive(const GsOverrides *o);

#endif
