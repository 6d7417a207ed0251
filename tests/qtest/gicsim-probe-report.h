/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-probe's machine-readable transcripts: --json (one JSON object
 * per access or IRQ/FIQ check, a line each) and --junit (JUnit XML, one
 * test case per check).  QEMU-independent: glib and the script types.
 */
#ifndef GICSIM_PROBE_REPORT_H
#define GICSIM_PROBE_REPORT_H

#include <stdio.h>

#include "gicsim-script.h"

typedef enum GsVerdict {
    GS_VERDICT_NONE,        /* nothing was checked */
    GS_VERDICT_PASS,
    GS_VERDICT_FAIL,
} GsVerdict;

typedef struct GsReport GsReport;

/*
 * Start a report: JSON lines to @json (closed by gs_report_close), JUnit
 * XML to @junit_path; either may be NULL.  NULL with a message in @err if
 * @junit_path cannot be created.
 */
GsReport *gs_report_open(FILE *json, const char *junit_path, GString *err);

/*
 * One statement ran in @script with @model.  @time_ns: virtual time in
 * ns, or -1 if unknown; @completed: no bus error; @value: value read (or
 * written, or the IRQ/FIQ level); @reads: reads made (wait), of which
 * @gated_reads were gated; @gate: why a gate of the register made the
 * (last) access RAZ/WI, or NULL; @message: the transcript line.
 */
void gs_report_stmt(GsReport *rep, const char *script, const char *model,
                    const GsStmt *st, int64_t time_ns, bool completed,
                    uint64_t value, unsigned reads, unsigned gated_reads,
                    const char *gate, GsVerdict verdict,
                    const char *message);

/*
 * @script ran with @model: @passed and @failed checks, @gated accesses
 * made RAZ/WI by a gate.  A JSON summary record; in JUnit, the suite's
 * totals.
 */
void gs_report_script(GsReport *rep, const char *script, const char *model,
                      unsigned passed, unsigned failed, unsigned gated);

/*
 * @script did not parse (or could not be read): @errors, its messages.
 * A JSON record and a failing JUnit test case, so that CI sees a failure
 * rather than a missing report.
 */
void gs_report_parse_error(GsReport *rep, const char *script,
                           const char *errors);

/*
 * The gate named by the reason the device gives for a gated access
 * (trace event gicsim_gated, gicsim-dispatch.c): "Secure-only" (a
 * Secure-only register, Non-secure access while GICD_CTLR.DS == 0),
 * "DS" (RAZ/WI while GICD_CTLR.DS == 1), "power" (the redistributor is
 * powered down), or "gate" for a reason it does not know.
 */
const char *gs_gate_name(const char *why);

/*
 * Append the transcript's mark of a gated access,
 * "  [gated (power): RAZ/WI, redistributor powered down ...]".
 */
void gs_format_gate(const char *why, GString *out);

/* Flush; write the JUnit file; free.  False if writing failed. */
bool gs_report_close(GsReport *rep, GString *err);

/* Append @s as a JSON string (quoted, escaped) to @out. */
void gs_json_string(GString *out, const char *s);

#endif
