/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim register-poke scripts: lexer, parser and helpers that do not
 * depend on QEMU (see docs/scripts.rst for the language).  The runner,
 * tests/qtest/gicsim-probe.c, executes a parsed script through qtest;
 * tests/unit/test-gicsim-script.c unit-tests this part on its own.
 */
#ifndef GICSIM_SCRIPT_H
#define GICSIM_SCRIPT_H

#include <glib.h>
#include <stdbool.h>
#include <stdint.h>

#include "gicsim-regs.h"
#include "gicsim-rec.h"

/* The virt machine's GIC layout (hw/arm/virt.c memmap). */
#define GS_GICD_BASE        0x08000000ULL
#define GS_GICR_BASE        0x080a0000ULL
#define GS_GICR_REGION_SIZE 0x00f60000ULL
/*
 * virt's second redistributor region (VIRT_HIGH_GIC_REDIST2, 64 MiB),
 * the first high I/O region: at 256 GiB while RAM ends below that.
 */
#define GS_GICR2_BASE       0x4000000000ULL
#define GS_GICR2_REGION_SIZE 0x04000000ULL
#define GS_VIRT_MAX_CPUS    512     /* virt with GICv3 */
#define GS_VIRT_NUM_IRQ     288     /* virt: 256 SPIs + 32 internal */
#define GS_RAM_BASE         0x40000000ULL

typedef enum GsSec {
    GS_SEC_DEFAULT,     /* the script's current default */
    GS_SEC_NS,
    GS_SEC_S,
} GsSec;

typedef enum GsModelTag {
    GS_TAG_ANY,
    GS_TAG_SIM,         /* @sim: only checked with gic-model=sim */
    GS_TAG_QEMU,        /* @qemu: only checked with gic-model=qemu */
} GsModelTag;

typedef struct GsMachine {
    unsigned gic_version;   /* 3 or 4 */
    bool secure;
    bool virtualization;
    int its;                /* -1: machine default, 0 off, 1 on */
    unsigned smp;
    char model[8];          /* "sim" or "qemu" */
    char *profile;          /* NULL: device default */
    int strict;             /* -1: default; 0 off, 1 on, 2 pedantic */
    int cpuif;              /* -1: auto (on if the script checks IRQ/FIQ) */
    GString *timing;        /* " -global arm-gicv3-sim.rwp-ns=N"... */
    bool realm_shim;        /* the virt machine's realm-shim */
    unsigned realm_ipa_bits;    /* and realm-ipa-bits (default 48) */
} GsMachine;

/* What an access reads or writes. */
typedef struct GsAccess {
    const GicsimReg *reg;   /* NULL: raw address */
    unsigned index;         /* element n of an array register */
    /*
     * While parsing: the last element of a range, REG(n..last), or of a
     * whole array given without an index (read and expect); the parser
     * makes one statement per element, each with last == index
     */
    unsigned last;
    unsigned byte;          /* byte offset inside the element */
    unsigned cpu;           /* redistributor of a GICR register */
    uint64_t addr;          /* physical address (resolved) */
    unsigned size;          /* bytes: 1, 2, 4 or 8 */
    GsSec sec;
    const GicsimField *field;   /* compare/print this field only */
    bool has_mask;
    uint64_t mask;
    bool realm_alias;       /* through the realm shim (addr is the alias) */
} GsAccess;

typedef enum GsCheck {
    GS_CHECK_NONE,
    GS_CHECK_EQ,
    GS_CHECK_NE,
    GS_CHECK_ERROR,         /* a bus error is expected */
} GsCheck;

typedef enum GsKind {
    GS_READ,                /* read, optionally with a check (expect) */
    GS_WRITE,
    GS_WAIT,                /* poll a read until its check holds */
    GS_IRQ_IN,              /* drive an SPI or PPI input */
    GS_IRQ_OUT,             /* check a CPU's IRQ or FIQ output */
    GS_RESET,
    GS_ECHO,
    GS_STEP,                /* advance the virtual clock by value ns */
    GS_STATS,               /* check a cost statistic (expect stats) */
    GS_REC,                 /* one realm access with an explicit syndrome */
    GS_SHOW,                /* print "info pic" (value: CPU + 1, 0 all) */
} GsKind;

/* Where a "rec" access's IPA lies in the realm's IPA space */
typedef enum GsRecIpa {
    GS_REC_UNPROTECTED,     /* the device's Unprotected alias */
    GS_REC_PROTECTED,       /* the device's own address */
    GS_REC_OUTSIDE,         /* beyond the realm's IPA space */
} GsRecIpa;

/* A "rec" statement: the instruction behind the realm's access */
typedef struct GsRec {
    GicsimDabtIss iss;      /* ISV, SAS, SSE, SRT, SF, WnR */
    GsRecIpa ipa;
    bool ripas_empty;       /* GS_REC_PROTECTED: RIPAS EMPTY, not RAM */
    bool expect_abort;      /* the realm takes an abort */
    bool expect_restart;    /* re-entered, the instruction runs again */
} GsRec;

typedef struct GsStmt {
    GsKind kind;
    unsigned line;
    char *text;             /* the source line, trimmed */
    GsModelTag tag;
    GsAccess acc;
    GsCheck check;
    /*
     * "gated" at the end of a read, expect or write: the access must be
     * made RAZ/WI by one of the register's gates (Secure-only, one
     * Security state, power; gicsim-regs.h).  Without it a check that
     * only a gated read satisfies fails.
     */
    bool expect_gated;
    /*
     * "gated GATE": the gate that must close, "Secure-only", "DS" or
     * "power" (gs_gate_name()'s names); NULL: any
     */
    const char *expect_gate;
    uint64_t value;         /* written or expected value */
    unsigned within;        /* wait: at most this many reads */
    uint64_t within_ns;     /* wait: or at most this much virtual time */
    /* GS_IRQ_IN / GS_IRQ_OUT */
    unsigned intid;
    unsigned cpu;
    int level;              /* 0, 1, or 2 for a pulse */
    bool fiq;
    /*
     * GS_STATS: where the statistic is in the cost-stats JSON object,
     * '/'-separated ("registers/GICD_CTLR/reads", "steps/NAME/cycles",
     * "accesses"); compared with @value by @check.
     */
    char *stats;
    GsRec rec;              /* GS_REC */
} GsStmt;

/*
 * The machine of a script with no "machine" line (and of the tour and the
 * interactive prompt, unless the command line says otherwise)
 */
#define GS_DEFAULT_MACHINE "gic-version=3 secure=on smp=2"

typedef struct GsScript {
    char *filename;
    GsMachine machine;
    bool has_machine;       /* the script has a "machine" line */
    GPtrArray *stmts;       /* GsStmt * */
    bool checks_lines;      /* some statement checks IRQ/FIQ outputs */
    bool timed;             /* uses virtual time (step, within TIME) */
} GsScript;

/*
 * Parse @text (the contents of @filename).  On success returns the
 * script; on failure returns NULL and appends one message per malformed
 * line to @errors, each "FILE:LINE:COL: message\n".
 */
GsScript *gs_parse(const char *filename, const char *text, GString *errors);
void gs_script_free(GsScript *s);

/*
 * Machine settings given on the command line (gicsim-probe --smp 4 ...):
 * they override the "machine" header of every script.  Each is a header
 * setting, "KEY=VALUE", with the option it came from for messages.
 */
typedef struct GsOverrides GsOverrides;

GsOverrides *gs_overrides_new(void);
void gs_overrides_free(GsOverrides *o);
/*
 * Check @setting ("smp=4") and add it; on error append "ORIGIN: message\n"
 * to @errors and return false.
 */
bool gs_overrides_add(GsOverrides *o, const char *origin, const char *setting,
                      GString *errors);
unsigned gs_overrides_count(const GsOverrides *o);
/* The options as given: "--profile gic-600 --smp 4" */
void gs_overrides_describe(const GsOverrides *o, GString *out);

/* gs_parse() with @o (may be NULL) applied after the header. */
GsScript *gs_parse_with(const char *filename, const char *text,
                        const GsOverrides *o, GString *errors);

/* "gic-version=3 smp=2 secure=on profile=qemu" */
void gs_machine_describe(const GsMachine *m, GString *out);

/*
 * A "machine" line (ending in a newline) that gives @m again: the header
 * of an interactive session saved as a script.
 */
void gs_machine_header(const GsMachine *m, GString *out);

/*
 * A session parses one line at a time (the interactive probe).  @header
 * holds "machine" lines, then @o applies.  gs_session_line() appends the
 * line's statements (several with ';' or a range of elements) to
 * gs_session_script()'s statements and returns how many, 0 for a line
 * that adds none (blank, comment, "default"), or -1 with a message
 * appended to @errors and the error's column in @col (then none of the
 * line's statements is added).
 */
typedef struct GsSession GsSession;

GsSession *gs_session_new(const char *name, const char *header,
                          const GsOverrides *o, GString *errors);
GsScript *gs_session_script(GsSession *ss);
int gs_session_line(GsSession *ss, const char *line, unsigned *col,
                    GString *errors);
/* The number of the last line given to gs_session_line() (from 1) */
unsigned gs_session_line_number(const GsSession *ss);
void gs_session_free(GsSession *ss);

/* The statements of the language, NULL-terminated (help, completion). */
typedef struct GsStatementHelp {
    const char *word;
    const char *synopsis;
    const char *meaning;
} GsStatementHelp;

extern const GsStatementHelp gs_statements[];

/* Whether @st applies to @model ("sim" or "qemu"). */
bool gs_stmt_applies(const GsStmt *st, const char *model);

/* Physical address of element @n, byte @byte of @r for CPU @cpu. */
uint64_t gs_reg_addr(const GsMachine *m, const GicsimReg *r, unsigned n,
                     unsigned byte, unsigned cpu);

/*
 * The value an access's check compares: the field (shifted down) or the
 * masked value.
 */
uint64_t gs_access_value(const GsAccess *a, uint64_t raw);

/* Whether a value read satisfies @st's check (GS_CHECK_EQ/NE/NONE). */
bool gs_check_value(const GsStmt *st, uint64_t raw);

/*
 * Append "Field=value ..." for the fields of @a's register that lie in
 * the bytes the access covers.  Nothing for raw addresses.
 */
void gs_format_fields(const GsAccess *a, uint64_t raw, GString *out);

/* "GICD_IPRIORITYR(10)[2]", "GICR_WAKER@cpu1", "0x08000000" */
void gs_format_target(const GsAccess *a, GString *out);

/* The Unprotected alias of @addr for the machine's realm-ipa-bits */
uint64_t gs_realm_alias(const GsMachine *m, uint64_t addr);

/* The IPA a "rec" statement's access is at */
uint64_t gs_rec_ipa(const GsMachine *m, const GsStmt *st);

/* "X5", "W5", "XZR", "WZR" for the register of @iss */
void gs_format_rec_reg(const GicsimDabtIss *iss, GString *out);

/*
 * The transcript lines of one forwarded realm access, one per step
 * (abort, RecExit, host, RecEntry, REC_ENTER and the register after),
 * each prefixed with @indent.
 */
void gs_format_rec_step(const GicsimRecStep *step, const GicsimDabtIss *iss,
                        const GicsimRealmCpu *cpu, const char *indent,
                        GString *out);

/* Levenshtein distance, ASCII case-insensitive. */
unsigned gs_edit_distance(const char *a, const char *b);

/*
 * Append up to @max names of registers nearest to @name, as
 * "A, B or C".
 */
void gs_suggest_registers(const char *name, unsigned max, GString *out);

/*
 * The bundled default probe (the tour) for machine @m (the tour's
 * machine, gic-version=3 secure=on smp=2, with the command line
 * applied): its checks hold on every profile, GIC version, number
 * of CPUs and Security setting.  A script text to g_free().
 */
char *gs_default_probe_for(const GsMachine *m);

#endif
