/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-probe: runs register-poke scripts (docs/scripts.rst) against the
 * virt machine's GICv3/v4 through qtest and prints a transcript: every
 * access with its register, value, decoded fields and pass/fail, then a
 * one-line summary.  Exits non-zero if an expectation fails.
 *
 *   gicsim-probe [--tap] [--diff] [--coverage] [--stats] [SCRIPT...]
 *
 * With no SCRIPT it runs the bundled default probe, a short tour.
 * --diff runs each script with gic-model=sim and with gic-model=qemu and
 * reports every read whose value differs.  --stats ends each gicsim
 * transcript with the device's cost statistics (docs/cost.rst).
 */
#include "qemu/osdep.h"
#include "qemu/host-utils.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"

#include "gicsim-script.h"
#include "gicsim-cpuif.h"
#include "gicsim-probe-report.h"
#include "gicsim-probe.h"


typedef struct Opts {
    bool tap;
    bool diff;
    bool coverage;
    bool stats;             /* --stats */
    GsOverrides *machine;   /* --profile, --smp, ... */
    const char *json;       /* --json FILE ("-": stdout) */
    const char *junit;      /* --junit FILE */
    bool interactive;       /* -i */
    bool print_default;     /* --print-default */
} Opts;

static Opts opts;


/*
 * --coverage: which registers of the table the scripts accessed, and with
 * which widths (index: log2 of the access size in bytes).
 */
static bool touched[GICSIM_REG__COUNT][4];

static void touch(const GsAccess *a)
{
    if (a->reg) {
        touched[a->reg - gicsim_regs][ctz32(a->size)] = true;
    }
}

static void G_GNUC_PRINTF(2, 3) say(Run *r, const char *fmt, ...)
{
    va_list ap;

    g_string_append(r->out, r->prefix);
    va_start(ap, fmt);
    g_string_append_vprintf(r->out, fmt, ap);
    va_end(ap);
    g_string_append_c(r->out, '\n');
}


static char *machine_args(const GsScript *s, const char *model, bool cpuif)
{
    const GsMachine *m = &s->machine;
    GString *a = g_string_new(NULL);

    g_string_append_printf(a, "-M virt,gic-version=%u,gic-model=%s",
                           m->gic_version, model);
    if (m->secure) {
        g_string_append(a, ",secure=on");
    }
    if (m->virtualization) {
        g_string_append(a, ",virtualization=on");
    }
    if (m->its >= 0) {
        g_string_append_printf(a, ",its=%s", m->its ? "on" : "off");
    }
    if (m->realm_shim) {
        g_string_append_printf(a, ",realm-shim=on,realm-ipa-bits=%u",
                               m->realm_ipa_bits);
    }
    g_string_append_printf(a, " -cpu max -smp %u -nic none", m->smp);
    if (!strcmp(model, "sim")) {
        if (m->profile) {
            g_string_append_printf(a, " -global arm-gicv3-sim.profile=%s",
                                   m->profile);
        }
        if (m->timing->len) {
            g_string_append(a, m->timing->str);
        }
        if (m->strict >= 0) {
            g_string_append_printf(a, " -global arm-gicv3-sim.strict=%s",
                                   m->strict == 2 ? "pedantic" :
                                   m->strict ? "on" : "off");
        }
    }
    if (cpuif) {
        gicsim_cpuif_args(a, m->smp);
    }
    return g_string_free(a, false);
}

static void setup_cpuif(Run *r)
{
    const GsMachine *m = &r->s->machine;

    if (!gicsim_cpuif_start(r->qts, m->smp, m->secure, m->virtualization)) {
        say(r, "warning: the CPU interface set-up did not finish on every "
            "CPU");
    }
}

static void need_gic(Run *r)
{
    if (!r->gic_path) {
        r->gic_path = gicsim_find_gic(r->qts);
    }
}

/*
 * Gated accesses.  The device traces every access that a gate of its
 * register made RAZ/WI, with the reason (gicsim_gated, gicsim-dispatch.c:
 * a Secure-only register to a Non-secure access, a register RAZ/WI while
 * GICD_CTLR.DS == 1, a powered-down redistributor).  QEMU writes the
 * trace, a line per event and flushed, to r->gate_log_path before qtest
 * answers the access, so reading it after each access tells which one
 * was gated.  gic-model=qemu has no such trace: nothing is marked.
 */
static void gate_poll(Run *r)
{
    char buf[512];

    g_clear_pointer(&r->gate, g_free);
    if (!r->gate_log) {
        return;
    }
    clearerr(r->gate_log);
    while (fgets(buf, sizeof(buf), r->gate_log)) {
        const char *ev, *why;

        g_string_append(r->gate_partial, buf);
        if (!g_str_has_suffix(buf, "\n")) {
            continue;   /* a longer line, or one QEMU is still writing */
        }
        ev = strstr(r->gate_partial->str, "gicsim_gated ");
        if (ev) {
            /* "... (NS): RAZ/WI, WHY" */
            why = strstr(ev, "): RAZ/WI, ");
            why = why ? why + strlen("): RAZ/WI, ") : strstr(ev, "): ");
            why = why && g_str_has_prefix(why, "): ") ? why + 3 : why;
            g_free(r->gate);
            r->gate = g_strchomp(g_strdup(why ? why : ev));
            r->gated++;
        }
        g_string_truncate(r->gate_partial, 0);
    }
}

/* Whether the run knows gates (gic-model=sim) */
static bool knows_gates(const Run *r)
{
    return r->gate_log != NULL;
}

/*
 * Whether a read's or write's gate agrees with @st: gated if the
 * statement says "gated", else not.  Where gates are unknown
 * (gic-model=qemu), anything agrees.  @why: what to add to the
 * transcript line when they do not.
 */
static bool gate_agrees(const Run *r, const GsStmt *st, const char **why)
{
    if (knows_gates(r) && r->gate && st->expect_gate &&
        strcmp(gs_gate_name(r->gate), st->expect_gate)) {
        *why = "  -- gated, but not by the gate the statement names";
        return false;
    }
    if (!knows_gates(r) || !!r->gate == st->expect_gated) {
        *why = "";
        return true;
    }
    *why = r->gate ? "  -- the access was gated (RAZ/WI): a gated read "
                     "satisfies no check; end the statement in 'gated' if "
                     "that is what it checks"
                   : "  -- expected a gated access (RAZ/WI), but no gate "
                     "closed";
    return false;
}

static const char *sec_name(GsSec s)
{
    return s == GS_SEC_S ? "S " : "NS";
}

/*
 * Does @s run with modelled durations (docs/timing.rst)?  The "qemu"
 * profile, the default, has none; another profile or a duration
 * property may.
 */
static bool timing_on(const GsScript *s, const char *model)
{
    const GsMachine *m = &s->machine;

    return !strcmp(model, "sim") &&
           ((m->profile && strcmp(m->profile, "qemu")) || m->timing->len);
}

/* An access line's virtual time, where modelled time is on */
static void append_time(Run *r, GString *line)
{
    if (r->show_time) {
        g_string_append_printf(line, "  @ %" PRId64 " ns", r->now);
    }
}

/*
 * "show [cpu N]": what the GIC holds, as the monitor's "info pic" prints
 * it (gicsim-info.c), each line under the statement's; info-cpus selects
 * the CPU.  Stock QEMU's GIC prints nothing there.
 */
static void show(Run *r, const GsStmt *st)
{
    g_autofree char *cpus = st->value ? g_strdup_printf("%" PRIu64,
                                                        st->value - 1)
                                      : g_strdup("all");
    g_autofree char *out = NULL;
    g_auto(GStrv) lines = NULL;
    unsigned i;

    need_gic(r);
    say(r, "%4u       show%s%s", st->line, st->value ? " cpu " : "",
        st->value ? cpus : "");
    if (strcmp(r->model, "sim")) {
        say(r, "           (gic-model=%s: info pic shows nothing of the "
            "GIC)", r->model);
        return;
    }
    qtest_qmp_assert_success(r->qts, "{'execute': 'qom-set', 'arguments': "
                             "{'path': %s, 'property': 'info-cpus', "
                             "'value': %s}}", r->gic_path, cpus);
    out = qtest_hmp(r->qts, "info pic");
    lines = g_strsplit(out, "\n", -1);
    for (i = 0; lines[i]; i++) {
        g_strchomp(lines[i]);
        if (lines[i][0]) {
            say(r, "           %s", lines[i]);
        }
    }
}

static void record(Run *r, const GsStmt *st, bool pass, const char *fmt,
                   ...) G_GNUC_PRINTF(4, 5);

static void record(Run *r, const GsStmt *st, bool pass, const char *fmt,
                   ...)
{
    g_autofree char *msg = NULL;
    va_list ap;

    va_start(ap, fmt);
    msg = g_strdup_vprintf(fmt, ap);
    va_end(ap);
    say(r, "%4u %s  %s", st->line, pass ? "ok  " : "FAIL", msg);
    r->verdict = pass ? GS_VERDICT_PASS : GS_VERDICT_FAIL;
    g_free(r->msg);
    r->msg = g_steal_pointer(&msg);
    if (pass) {
        r->passed++;
    } else {
        r->failed++;
    }
}

static const char *check_desc(const GsStmt *st, GString *buf)
{
    g_string_truncate(buf, 0);
    switch (st->check) {
    case GS_CHECK_EQ:
    case GS_CHECK_NE:
        g_string_append_printf(buf, "  (expect %s%s0x%" PRIx64 ")",
                               st->acc.has_mask ? "masked " : "",
                               st->check == GS_CHECK_EQ ? "== " : "!= ",
                               st->value);
        break;
    case GS_CHECK_ERROR:
        g_string_append(buf, "  (expect bus error)");
        break;
    default:
        if (st->expect_gated) {
            g_string_append_printf(buf, "  (expect gated%s%s)",
                                   st->expect_gate ? " " : "",
                                   st->expect_gate ? st->expect_gate : "");
        }
        return buf->str;
    }
    if (st->expect_gated) {
        g_autofree char *g = g_strdup_printf(", gated%s%s",
                                             st->expect_gate ? " " : "",
                                             st->expect_gate ?
                                             st->expect_gate : "");

        g_string_insert(buf, buf->len - 1, g);
    }
    return buf->str;
}

/*
 * " [undefined: ...]" or " [pedantic: ...]" if the register table says
 * the access breaks a rule (docs/device.rst, strict's classes), else "".
 * gicsim's own rules: only for gic-model=sim, and only for table targets
 * (a raw address is not decoded here).
 */
static const char *access_class(const Run *r, const GsAccess *a,
                                bool is_write)
{
    const GicsimReg *reg = a->reg;

    if (!reg || strcmp(r->model, "sim")) {
        return "";
    }
    if (!gicsim_access_allowed(reg->widths, a->size, a->byte)) {
        return "  [undefined: width not supported by this register]";
    }
    if (is_write && reg->access == GICSIM_RO) {
        return "  [pedantic: write to a read-only register]";
    }
    if (!is_write && reg->access == GICSIM_WO) {
        return "  [pedantic: read of a write-only register]";
    }
    return "";
}

/* Read @a; returns false on a bus error. */
static bool do_read(Run *r, const GsAccess *a, uint64_t *v)
{
    unsigned attrs = a->sec == GS_SEC_S ? QTEST_MEMATTR_SECURE : 0;

    bool ok;

    touch(a);
    ok = qtest_mmio_read(r->qts, a->addr, a->size, attrs, v);
    gate_poll(r);
    return ok;
}

bool run_read(Run *r, const GsAccess *a, uint64_t *v)
{
    return do_read(r, a, v);
}

static void describe_read(const GsAccess *a, uint64_t v, GString *line)
{
    g_autoptr(GString) fields = g_string_new(NULL);

    gs_format_target(a, line);
    if (a->field) {
        g_string_append_printf(line, " = 0x%" PRIx64, gs_access_value(a, v));
        g_string_append_printf(line, "  (%u-bit read 0x%0*" PRIx64 ")",
                               a->size * 8, a->size * 2, v);
        return;
    }
    if (a->has_mask) {
        g_string_append_printf(line, " & 0x%" PRIx64 " = 0x%" PRIx64,
                               a->mask, v & a->mask);
        g_string_append_printf(line, "  (read 0x%0*" PRIx64 ")",
                               a->size * 2, v);
        return;
    }
    g_string_append_printf(line, " = 0x%0*" PRIx64, a->size * 2, v);
    gs_format_fields(a, v, fields);
    if (fields->len) {
        g_string_append_printf(line, "  {%s}", fields->str);
    }
}

/* A wait's result, and the start of its transcript line */
static void wait_result(Run *r, const GsStmt *st, Result *res, bool ok,
                        uint64_t v, GString *line)
{
    res->ok = ok;
    res->value = v;
    g_string_printf(line, "wait%-2u %s ", st->acc.size * 8,
                    sec_name(st->acc.sec));
    if (ok) {
        describe_read(&st->acc, v, line);
    } else {
        gs_format_target(&st->acc, line);
        g_string_append(line, " -> bus error");
    }
    if (r->gate) {
        gs_format_gate(r->gate, line);
    }
}

/*
 * One read of a wait: whether it satisfies the check.  A gated read
 * (RAZ/WI) never does: its value says nothing about the register.
 */
static bool wait_read(Run *r, const GsStmt *st, uint64_t *v, bool *ok)
{
    *ok = do_read(r, &st->acc, v);
    r->reads++;
    if (r->gate) {
        r->gated_reads++;
        return false;
    }
    return *ok && gs_check_value(st, *v);
}

/* " (N reads, K gated)" */
static void wait_reads(const Run *r, GString *line)
{
    g_string_append_printf(line, " (%u read%s", r->reads,
                           r->reads == 1 ? "" : "s");
    if (r->gated_reads) {
        g_string_append_printf(line, ", %u gated", r->gated_reads);
    }
    g_string_append_c(line, ')');
}

/* Why a wait that saw gated reads failed */
static void wait_gated_note(const Run *r, bool met, GString *line)
{
    if (!met && r->gated_reads) {
        g_string_append(line, "  -- gated reads (RAZ/WI) satisfy no check");
    }
}

/*
 * wait ... within TIME: read; until the check holds, advance the virtual
 * clock by a poll interval and read again, at most TIME of virtual time.
 */
#define GS_POLL_NS 100

/*
 * The virtual clock.  With qtest's own accelerator it moves only when the
 * runner steps it; qtest has no command that reads it without moving it,
 * so the first use steps it by 1 ns and the runner keeps it since.  When
 * the script runs the CPU-interface stub the CPUs run under TCG and the
 * virtual clock follows the host's: then the runner lets host time pass.
 */
static int64_t vclock(Run *r)
{
    if (r->cpuif) {
        return g_get_monotonic_time() * 1000;
    }
    if (r->now < 0) {
        r->now = qtest_clock_step(r->qts, 1);
    }
    return r->now;
}

static int64_t vclock_step(Run *r, int64_t ns)
{
    if (r->cpuif) {
        g_usleep(MAX(ns / 1000, 1));
        return vclock(r);
    }
    vclock(r);
    r->now = qtest_clock_step(r->qts, ns);
    return r->now;
}

static void wait_for_time(Run *r, const GsStmt *st, Result *res,
                          GString *line, GString *chk)
{
    int64_t start = vclock(r), now = start;
    uint64_t v = 0;
    bool ok, met = false;

    for (;;) {
        met = wait_read(r, st, &v, &ok);
        if (!ok || met || now - start >= (int64_t)st->within_ns) {
            break;
        }
        now = vclock_step(r, MIN(GS_POLL_NS, st->within_ns - (now - start)));
    }
    wait_result(r, st, res, ok, v, line);
    g_string_append_printf(line, "%s after %" PRId64 " ns",
                           check_desc(st, chk), now - start);
    wait_reads(r, line);
    g_string_append_printf(line, " of at most %" PRIu64 " ns  (virtual time "
                           "%" PRId64 " ns)", st->within_ns, now);
    wait_gated_note(r, met, line);
    record(r, st, ok && met, "%s", line->str);
}

/* ---- cost statistics (expect stats, --stats) ---- */

/* The device's cost-stats object (QMP qom-get); NULL with @err set. */
static QDict *fetch_stats(Run *r, char **err)
{
    QDict *resp, *ret;

    need_gic(r);
    resp = qtest_qmp(r->qts, "{'execute': 'qom-get', 'arguments': "
                     "{'path': %s, 'property': 'cost-stats'}}", r->gic_path);
    if (!qdict_haskey(resp, "return")) {
        QDict *e = qdict_get_qdict(resp, "error");

        *err = g_strdup(e ? qdict_get_try_str(e, "desc") : "no reply");
        qobject_unref(resp);
        return NULL;
    }
    ret = qobject_ref(qdict_get_qdict(resp, "return"));
    qobject_unref(resp);
    return ret;
}

/*
 * The number at @path ("registers/GICD_CTLR/reads",
 * "realm/registers/GICD_CTLR/reads") in @stats.  A register no access
 * reached is absent: its counters are 0.
 */
static bool stats_lookup(QDict *stats, const char *path, uint64_t *v,
                         char **err)
{
    g_auto(GStrv) parts = g_strsplit(path, "/", -1);
    QDict *d = stats;
    QObject *o = NULL;
    unsigned i;

    for (i = 0; parts[i]; i++) {
        o = qdict_get(d, parts[i]);
        if (!o) {
            if (i >= 1 && !strcmp(parts[i - 1], "registers")) {
                *v = 0;
                return true;
            }
            *err = g_strdup_printf("no '%s' in the statistics%s", parts[i],
                                   i >= 1 && !strcmp(parts[i - 1], "steps")
                                   ? " (not a step of this path)"
                                   : !strcmp(parts[i], "realm")
                                   ? " (no realm shim: realm-shim=on)" : "");
            return false;
        }
        if (parts[i + 1]) {
            d = qobject_to(QDict, o);
            if (!d) {
                *err = g_strdup_printf("'%s' is not an object", parts[i]);
                return false;
            }
        }
    }
    if (!qobject_to(QNum, o) || !qnum_get_try_uint(qobject_to(QNum, o), v)) {
        *err = g_strdup_printf("'%s' is not a count", path);
        return false;
    }
    return true;
}

static void check_stats(Run *r, const GsStmt *st)
{
    g_autofree char *err = NULL;
    QDict *stats = fetch_stats(r, &err);
    uint64_t v = 0;
    bool ok = stats && stats_lookup(stats, st->stats, &v, &err);
    bool pass = ok && ((v == st->value) == (st->check == GS_CHECK_EQ));

    if (ok) {
        record(r, st, pass, "stats %s = %" PRIu64 "  (expect %s %" PRIu64
               ")", st->stats, v, st->check == GS_CHECK_EQ ? "==" : "!=",
               st->value);
    } else {
        record(r, st, false, "stats %s: %s", st->stats, err);
    }
    qobject_unref(stats);
}

/* --stats: the statistics as a table at the end of the transcript */
static void print_stats(Run *r)
{
    g_autofree char *err = NULL;
    QDict *stats = fetch_stats(r, &err);
    QListEntry *e;
    QDict *regs, *steps;
    unsigned i;

    if (!stats) {
        say(r, "stats: %s", err);
        return;
    }
    say(r, "stats: profile %s, path %s, %" PRId64 " MHz, stage 2 %" PRId64
        "-bit IPA / %" PRId64 " levels%s",
        qdict_get_str(stats, "profile"), qdict_get_str(stats, "path"),
        qdict_get_int(stats, "clock-mhz"), qdict_get_int(stats, "ipa-bits"),
        qdict_get_int(stats, "stage2-levels"),
        /*
         * Under qtest, -cpu max is a Cortex-A57 (PARange 44 bits):
         * target/arm/cpu64.c, aarch64_max_initfn(); TCG's has 48
         */
        !g_strcmp0(qdict_get_try_str(stats, "ipa-bits-from"), "cpu")
        ? " (from the CPU: under qtest -cpu max is a Cortex-A57, 44 bits; "
          "48 under TCG, docs/cost.rst)" : "");
    say(r, "stats: %" PRId64 " accesses, %" PRId64 " cycles, %.1f ns",
        qdict_get_int(stats, "accesses"), qdict_get_int(stats, "cycles"),
        qdict_get_double(stats, "ns"));
    say(r, "stats: %-24s %8s %8s %8s %8s %12s %12s", "register", "reads",
        "writes", "reads64", "writes64", "cycles", "ns");
    /* registers in table order, then the undefined accesses */
    regs = qdict_get_qdict(stats, "registers");
    for (i = 0; i <= GICSIM_REG__COUNT; i++) {
        const char *name = i < GICSIM_REG__COUNT ? gicsim_regs[i].name
                                                 : "(undefined)";
        QDict *d = qdict_get_qdict(regs, name);

        if (!d) {
            continue;
        }
        say(r, "stats: %-24s %8" PRId64 " %8" PRId64 " %8" PRId64 " %8"
            PRId64 " %12" PRId64 " %12.1f", name,
            qdict_get_int(d, "reads"), qdict_get_int(d, "writes"),
            qdict_get_int(d, "reads64"), qdict_get_int(d, "writes64"),
            qdict_get_int(d, "cycles"), qdict_get_double(d, "ns"));
    }
    /* steps in path order */
    say(r, "stats: %-24s %8s %30s %12s", "step", "count", "cycles", "ns");
    steps = qdict_get_qdict(stats, "steps");
    QLIST_FOREACH_ENTRY(qdict_get_qlist(stats, "step-order"), e) {
        const char *name = qstring_get_str(qobject_to(QString,
                                                      qlist_entry_obj(e)));
        QDict *d = qdict_get_qdict(steps, name);

        say(r, "stats: %-24s %8" PRId64 " %30" PRId64 " %12.1f", name,
            qdict_get_int(d, "count"), qdict_get_int(d, "cycles"),
            qdict_get_double(d, "ns"));
    }
    /* the accesses through realm shims, on the realm path: per step */
    regs = qdict_get_qdict(stats, "realm");
    if (regs) {
        say(r, "stats: realm: %" PRId64 " accesses, %" PRId64 " cycles, "
            "%.1f ns (%" PRId64 " shim accesses, %" PRId64 " not forwarded)",
            qdict_get_int(regs, "accesses"), qdict_get_int(regs, "cycles"),
            qdict_get_double(regs, "ns"),
            qdict_get_int(regs, "shim-accesses"),
            qdict_get_int(regs, "not-forwarded"));
        steps = qdict_get_qdict(regs, "steps");
        QLIST_FOREACH_ENTRY(qdict_get_qlist(regs, "step-order"), e) {
            const char *name = qstring_get_str(qobject_to(QString,
                                                          qlist_entry_obj(e)));
            QDict *d = qdict_get_qdict(steps, name);

            say(r, "stats: realm %-18s %8" PRId64 " %30" PRId64 " %12.1f",
                name, qdict_get_int(d, "count"), qdict_get_int(d, "cycles"),
                qdict_get_double(d, "ns"));
        }
    }
    qobject_unref(stats);
}

/* "rec": the host's device access, through qtest at the device address */
typedef struct RecMmio {
    Run *r;
    const GsStmt *st;
} RecMmio;

static bool rec_mmio(void *opaque, uint64_t addr, unsigned len, bool write,
                     uint64_t *val)
{
    RecMmio *m = opaque;
    unsigned attrs = m->st->acc.sec == GS_SEC_S ? QTEST_MEMATTR_SECURE : 0;

    bool ok;

    touch(&m->st->acc);
    if (write) {
        ok = qtest_mmio_write(m->r->qts, addr, len, attrs, *val);
    } else {
        ok = qtest_mmio_read(m->r->qts, addr, len, attrs, val);
    }
    gate_poll(m->r);
    return ok;
}

/*
 * One realm access with the statement's syndrome, run through the
 * protocol (gicsim-rec.c) here, the host's device access through qtest.
 * The realm's registers start as Xn = 0x5a5a5a5a5a5a5a00 + n.
 */
static void exec_rec(Run *r, const GsStmt *st, Result *res)
{
    const GsMachine *m = &r->s->machine;
    const GicsimDabtIss *iss = &st->rec.iss;
    RecMmio ctx = { .r = r, .st = st };
    g_autofree GicsimRecRun *run = g_new0(GicsimRecRun, 1);
    g_autoptr(GString) line = g_string_new(NULL);
    g_autoptr(GString) steps = g_string_new(NULL);
    uint64_t ipa = gs_rec_ipa(m, st);
    GicsimRmm rmm;
    GicsimRealmCpu cpu = { .pc = 0x40001000 };
    GicsimDabt dabt;
    GicsimRecStep step;
    uint64_t xt = 0;
    GicsimRecEnd end;
    gchar **lines;
    bool ok, pass;
    unsigned i;

    gicsim_rmm_init(&rmm, m->realm_ipa_bits);
    if (st->rec.ripas_empty) {
        /* the granule of the access: RIPAS EMPTY */
        rmm.ripas_empty_base = ipa & ~0xfffULL;
        rmm.ripas_empty_top = rmm.ripas_empty_base + 0x1000;
    }
    for (i = 0; i < GICSIM_REC_GPRS; i++) {
        cpu.x[i] = 0x5a5a5a5a5a5a5a00ULL + i;
    }
    if (iss->wnr && iss->srt != 31) {
        cpu.x[iss->srt] = st->value;
    }
    /* FAR_EL2: the realm's VA, taken equal to the IPA */
    gicsim_rec_realm_abort(iss, ipa, ipa, &dabt);
    ok = gicsim_rec_forward(&rmm, &cpu, run, &dabt, rec_mmio, &ctx, &step);
    end = gicsim_rec_step_end(&step);
    if (iss->srt != 31) {
        /* all 64 bits as the RMM left them: a W load clears 63:32 */
        xt = cpu.x[iss->srt];
    }
    res->ok = ok;
    res->value = xt;

    g_string_printf(line, "rec %s%-2u %s ", iss->wnr ? "write" : "read",
                    st->acc.size * 8, sec_name(st->acc.sec));
    gs_format_target(&st->acc, line);
    g_string_append(line, iss->wnr ? " from " : " to ");
    gs_format_rec_reg(iss, line);
    g_string_append_printf(line, " at IPA 0x%" PRIx64 "%s%s", ipa,
                           iss->isv ? "" : " (no syndrome)",
                           iss->sse ? " (sign-extending)" : "");
    if (!ok) {
        g_string_append_printf(line, " -> %s", gicsim_rec_end_name(end));
    } else if (!iss->wnr && iss->srt != 31) {
        g_string_append(line, " -> ");
        gs_format_rec_reg(iss, line);
        g_string_append_printf(line, " = 0x%" PRIx64, xt);
    } else {
        g_string_append(line, " -> completed");
    }
    if (r->gate) {
        gs_format_gate(r->gate, line);
    }
    if (st->rec.expect_abort) {
        g_string_append(line, "  (expect abort)");
        pass = end == GICSIM_REC_END_ABORT;
    } else if (st->rec.expect_restart) {
        g_string_append(line, "  (expect restart)");
        pass = end == GICSIM_REC_END_RESTART;
    } else if (st->check == GS_CHECK_EQ) {
        g_string_append_printf(line, "  (expect == 0x%" PRIx64 ")",
                               st->value);
        pass = ok && xt == st->value;
    } else {
        pass = ok;
    }
    record(r, st, pass, "%s", line->str);
    gs_format_rec_step(&step, iss, &cpu, "            ", steps);
    lines = g_strsplit(steps->str, "\n", -1);
    for (i = 0; lines[i]; i++) {
        if (*lines[i]) {
            say(r, "%s", lines[i]);
        }
    }
    g_strfreev(lines);
}

static void exec_one(Run *r, unsigned idx, GString *line)
{
    const GsStmt *st = g_ptr_array_index(r->s->stmts, idx);
    Result *res = &r->results[idx];
    g_autoptr(GString) chk = g_string_new(NULL);
    uint64_t v = 0;
    bool ok;
    unsigned i;

    if (!gs_stmt_applies(st, r->model)) {
        say(r, "%4u skip  %s  (only for gic-model=%s)", st->line, st->text,
            st->tag == GS_TAG_SIM ? "sim" : "qemu");
        return;
    }
    res->done = true;
    switch (st->kind) {
    case GS_READ:
        ok = do_read(r, &st->acc, &v);
        res->ok = ok;
        res->value = v;
        g_string_printf(line, "read%-2u %s ", st->acc.size * 8,
                        sec_name(st->acc.sec));
        if (!ok) {
            gs_format_target(&st->acc, line);
            g_string_append(line, " -> bus error");
        } else {
            describe_read(&st->acc, v, line);
        }
        g_string_append(line, access_class(r, &st->acc, false));
        append_time(r, line);
        if (r->gate) {
            gs_format_gate(r->gate, line);
        }
        g_string_append(line, check_desc(st, chk));
        if (st->check == GS_CHECK_ERROR) {
            record(r, st, !ok, "%s", line->str);
        } else if (st->check == GS_CHECK_NONE && !st->expect_gated) {
            /*
             * A bare read checks nothing: a bus error or a gate is
             * reported only
             */
            say(r, "%4u       %s", st->line, line->str);
        } else if (!ok) {
            record(r, st, false, "%s", line->str);
        } else {
            const char *why;
            bool agrees = gate_agrees(r, st, &why);

            record(r, st, agrees && (st->check == GS_CHECK_NONE ||
                                     gs_check_value(st, v)),
                   "%s%s", line->str, why);
        }
        break;
    case GS_WRITE: {
        unsigned attrs = st->acc.sec == GS_SEC_S ? QTEST_MEMATTR_SECURE : 0;

        touch(&st->acc);
        ok = qtest_mmio_write(r->qts, st->acc.addr, st->acc.size, attrs,
                              st->value);
        gate_poll(r);
        res->ok = ok;
        g_string_printf(line, "write%-2u %s ", st->acc.size * 8,
                        sec_name(st->acc.sec));
        gs_format_target(&st->acc, line);
        g_string_append_printf(line, " = 0x%0*" PRIx64, st->acc.size * 2,
                               st->value);
        if (!ok) {
            g_string_append(line, " -> bus error");
        }
        g_string_append(line, access_class(r, &st->acc, true));
        append_time(r, line);
        if (r->gate) {
            gs_format_gate(r->gate, line);
        }
        if (st->check == GS_CHECK_ERROR) {
            record(r, st, !ok, "%s%s", line->str, check_desc(st, chk));
        } else if (st->expect_gated) {
            const char *why;
            bool agrees = gate_agrees(r, st, &why);

            record(r, st, ok && agrees, "%s%s%s", line->str,
                   check_desc(st, chk), why);
        } else {
            /*
             * A bare write checks nothing: a bus error or a gate is
             * reported only
             */
            say(r, "%4u       %s", st->line, line->str);
        }
        break;
    }
    case GS_WAIT:
        if (st->within_ns) {
            wait_for_time(r, st, res, line, chk);
            break;
        }
    {
        bool met = false;

        ok = false;
        for (i = 0; i < st->within && !met; i++) {
            met = wait_read(r, st, &v, &ok);
            if (!ok) {
                break;
            }
        }
        wait_result(r, st, res, ok, v, line);
        g_string_append_printf(line, "%s after %u of at most %u reads",
                               check_desc(st, chk), r->reads, st->within);
        if (r->gated_reads) {
            g_string_append_printf(line, " (%u gated)", r->gated_reads);
        }
        wait_gated_note(r, met, line);
        record(r, st, ok && met, "%s", line->str);
        break;
    }
    case GS_STEP:
        say(r, "%4u       step %" PRIu64 " ns  (virtual time %" PRId64
            " ns)", st->line, st->value,
            vclock_step(r, st->value));
        break;
    case GS_IRQ_IN: {
        unsigned nspi = GS_VIRT_NUM_IRQ - 32;
        unsigned n = st->intid >= 32 ? st->intid - 32 :
                     nspi + st->cpu * 32 + st->intid;

        need_gic(r);
        if (st->level == 2) {
            qtest_set_irq_in(r->qts, r->gic_path, NULL, n, 1);
            qtest_set_irq_in(r->qts, r->gic_path, NULL, n, 0);
        } else {
            qtest_set_irq_in(r->qts, r->gic_path, NULL, n, st->level);
        }
        if (st->intid >= 32) {
            say(r, "%4u       %s SPI INTID %u (input %u)", st->line,
                st->level == 2 ? "pulse" : st->level ? "raise" : "lower",
                st->intid, n);
        } else {
            say(r, "%4u       %s PPI INTID %u of CPU %u", st->line,
                st->level == 2 ? "pulse" : st->level ? "raise" : "lower",
                st->intid, st->cpu);
        }
        break;
    }
    case GS_IRQ_OUT: {
        bool level;

        need_gic(r);
        if (!r->intercepted) {
            qtest_irq_intercept_out_named(r->qts, r->gic_path, "sysbus-irq");
            r->intercepted = true;
        }
        level = qtest_get_irq(r->qts, (st->fiq ? r->s->machine.smp : 0) +
                              st->cpu);
        res->ok = true;
        res->value = level;
        record(r, st, level == st->level, "%s of CPU %u = %d  (expect %d)",
               st->fiq ? "FIQ" : "IRQ", st->cpu, level, st->level);
        break;
    }
    case GS_RESET:
        if (r->cpuif) {
            gicsim_cpuif_reset(r->qts);
        }
        qtest_qmp_assert_success(r->qts, "{'execute': 'system_reset'}");
        qtest_qmp_eventwait(r->qts, "RESET");
        if (r->cpuif && !gicsim_cpuif_wait(r->qts, r->s->machine.smp)) {
            say(r, "warning: the CPU interface set-up did not finish on "
                "every CPU after the reset");
        }
        say(r, "%4u       machine reset", st->line);
        break;
    case GS_ECHO:
        say(r, "%4u ---- %s", st->line, st->text);
        break;
    case GS_SHOW:
        show(r, st);
        break;
    case GS_STATS:
        check_stats(r, st);
        break;
    case GS_REC:
        exec_rec(r, st, res);
        break;
    }
}

/* Run statement @idx and add it to the machine-readable transcripts. */
void exec_stmt(Run *r, unsigned idx)
{
    const GsStmt *st = g_ptr_array_index(r->s->stmts, idx);
    const Result *res = &r->results[idx];
    g_autoptr(GString) line = g_string_new(NULL);
    int64_t t;

    r->verdict = GS_VERDICT_NONE;
    r->reads = 0;
    r->gated_reads = 0;
    gate_poll(r);       /* what happened before this statement */
    g_clear_pointer(&r->gate, g_free);
    g_clear_pointer(&r->msg, g_free);
    exec_one(r, idx, line);
    if (!r->rep || !res->done ||
        (st->kind != GS_READ && st->kind != GS_WRITE &&
         st->kind != GS_WAIT && st->kind != GS_IRQ_OUT)) {
        return;
    }
    /*
     * Virtual time: with -accel qtest the clock moves only by qtest's
     * clock_step/clock_set, whose answers set r->now (-1 before the
     * first: the clock starts at 0); under TCG
     * (cpuif) it runs with the CPUs and qtest cannot read it.
     */
    t = r->cpuif ? -1 : MAX(r->now, 0);
    gs_report_stmt(r->rep, r->s->filename, r->model, st, t, res->ok,
                   st->kind == GS_WRITE ? st->value : res->value, r->reads,
                   r->gated_reads, r->gate, r->verdict,
                   r->msg ? r->msg : line->str);
}

/* Start QEMU for @s with @model and print the transcript's header. */
void run_start(Run *r, const GsScript *s, const char *model,
               const char *prefix)
{
    g_autofree char *args = NULL;

    r->s = s;
    r->model = model;
    r->prefix = prefix;
    r->out = g_string_new(NULL);
    r->results = g_new0(Result, s->stmts->len);
    r->cpuif = s->machine.cpuif >= 0 ? s->machine.cpuif : s->checks_lines;
    args = machine_args(s, model, r->cpuif);
    say(r, "== %s (gic-model=%s%s%s%s): %s", s->filename, model,
        s->has_machine ? "" : ", no machine line: " GS_DEFAULT_MACHINE,
        r->cmdline ? ", command line: " : "", r->cmdline ? r->cmdline : "",
        args);
    r->gate_partial = g_string_new(NULL);
    if (!strcmp(model, "sim")) {
        g_autoptr(GError) err = NULL;
        int fd = g_file_open_tmp("gicsim-probe-gates-XXXXXX.log",
                                 &r->gate_log_path, &err);

        if (fd < 0) {
            say(r, "warning: no file for the device's trace of gated "
                "accesses (%s): they are not marked", err->message);
        } else {
            close(fd);
        }
    }
    if (r->gate_log_path) {
        /* Not in the header: a temporary file's name says nothing */
        r->qts = qtest_initf("%s -trace gicsim_gated -D %s", args,
                             r->gate_log_path);
        r->gate_log = fopen(r->gate_log_path, "r");
    } else {
        r->qts = qtest_init(args);
    }
    r->now = -1;
    r->show_time = timing_on(s, model) && !r->cpuif;
    if (r->show_time) {
        vclock(r);      /* learn the clock (it moves 1 ns) */
    }
    if (r->cpuif) {
        setup_cpuif(r);
        /* Intercept before anything is raised: levels start at 0 */
        need_gic(r);
        qtest_irq_intercept_out_named(r->qts, r->gic_path, "sysbus-irq");
        r->intercepted = true;
    }
}

/* Quit QEMU and print the transcript's summary line. */
void run_stop(Run *r)
{
    qtest_quit(r->qts);
    r->qts = NULL;
    gate_poll(r);
    g_clear_pointer(&r->gate, g_free);
    if (r->gated) {
        say(r, "== %s (gic-model=%s): %u passed, %u failed, %u access%s "
            "gated (RAZ/WI)", r->s->filename, r->model, r->passed, r->failed,
            r->gated, r->gated == 1 ? "" : "es");
    } else {
        say(r, "== %s (gic-model=%s): %u passed, %u failed", r->s->filename,
            r->model, r->passed, r->failed);
    }
    if (r->rep) {
        gs_report_script(r->rep, r->s->filename, r->model, r->passed,
                         r->failed, r->gated);
    }
}

static void run_script(Run *r, const GsScript *s, const char *model,
                       const char *prefix)
{
    unsigned i;

    run_start(r, s, model, prefix);
    for (i = 0; i < s->stmts->len; i++) {
        exec_stmt(r, i);
    }
    if (opts.stats && !strcmp(model, "sim")) {
        print_stats(r);
    }
    run_stop(r);
}

void run_free(Run *r)
{
    if (r->gate_log) {
        fclose(r->gate_log);
    }
    if (r->gate_log_path) {
        unlink(r->gate_log_path);
        g_free(r->gate_log_path);
    }
    if (r->gate_partial) {
        g_string_free(r->gate_partial, true);
    }
    g_free(r->gate);
    g_free(r->msg);
    g_string_free(r->out, true);
    g_free(r->results);
    g_free(r->gic_path);
}

/* Compare the reads of two runs; returns the number of differences. */
static unsigned diff_runs(const GsScript *s, Run *a, Run *b, GString *out,
                          const char *prefix)
{
    unsigned i, n = 0;

    for (i = 0; i < s->stmts->len; i++) {
        const GsStmt *st = g_ptr_array_index(s->stmts, i);
        Result *x = &a->results[i], *y = &b->results[i];
        g_autoptr(GString) t = g_string_new(NULL);

        if (!x->done || !y->done ||
            (st->kind != GS_READ && st->kind != GS_WAIT &&
             st->kind != GS_IRQ_OUT)) {
            continue;
        }
        if (x->ok == y->ok && x->value == y->value) {
            continue;
        }
        n++;
        if (st->kind == GS_IRQ_OUT) {
            g_string_append_printf(t, "%s of CPU %u", st->fiq ? "FIQ" : "IRQ",
                                   st->cpu);
        } else {
            gs_format_target(&st->acc, t);
        }
        /* Untagged: a tagged statement runs with one model only */
        g_string_append_printf(out, "%sDIFF %s:%u: %s: sim ", prefix,
                               s->filename, st->line, t->str);
        if (x->ok) {
            g_string_append_printf(out, "0x%" PRIx64, x->value);
        } else {
            g_string_append(out, "bus error");
        }
        g_string_append(out, ", qemu ");
        if (y->ok) {
            g_string_append_printf(out, "0x%" PRIx64 "\n", y->value);
        } else {
            g_string_append(out, "bus error\n");
        }
    }
    if (n) {
        g_string_append_printf(out, "%s%s: every read that differs must be "
                               "tagged @sim or @qemu and listed in "
                               "docs/differences.rst\n", prefix,
                               s->filename);
    }
    return n;
}

/*
 * The --coverage report, from the register table: registers accessed at
 * all, and (register, width) pairs, which are every width the table allows
 * for the register plus one it does not (any disallowed width counts).
 * Returns the number of registers no script accessed.
 */
static unsigned report_coverage(const char *prefix)
{
    g_autoptr(GString) noreg = g_string_new(NULL);
    g_autoptr(GString) nowidth = g_string_new(NULL);
    unsigned i, w, nregs = 0, pairs = 0, npairs = 0;

    for (i = 0; i < GICSIM_REG__COUNT; i++) {
        const GicsimReg *r = &gicsim_regs[i];
        bool any = false, bad = false;

        for (w = 0; w < 4; w++) {
            any |= touched[i][w];
            if (!gicsim_width_allowed(r->widths, 1u << w)) {
                bad |= touched[i][w];
                continue;
            }
            npairs++;
            if (touched[i][w]) {
                pairs++;
            } else {
                g_string_append_printf(nowidth, " %s/%u", r->name, 8u << w);
            }
        }
        npairs++;
        if (bad) {
            pairs++;
        } else {
            g_string_append_printf(nowidth, " %s/disallowed", r->name);
        }
        if (any) {
            nregs++;
        } else {
            g_string_append_printf(noreg, " %s", r->name);
        }
    }
    printf("%scoverage: %u of %u registers of the table accessed, "
           "%u of %u (register, width) pairs (allowed widths and one "
           "disallowed width per register)\n", prefix, nregs,
           GICSIM_REG__COUNT, pairs, npairs);
    printf("%scoverage: registers not accessed:%s\n", prefix,
           noreg->len ? noreg->str : " none");
    printf("%scoverage: (register, width) pairs not accessed:%s\n", prefix,
           nowidth->len ? nowidth->str : " none");
    return GICSIM_REG__COUNT - nregs;
}

static char *find_qemu(const char *argv0)
{
    g_autofree char *exe = g_file_read_link("/proc/self/exe", NULL);
    g_autofree char *dir = g_path_get_dirname(exe ? exe : argv0);

    /*
     * Walk up from the runner: QEMU next to it (installed, or in a build
     * directory) or in the repository's build/
     */
    while (dir && strcmp(dir, "/") && strcmp(dir, ".")) {
        g_autofree char *here = g_build_filename(dir, "qemu-system-aarch64",
                                                 NULL);
        g_autofree char *cand = g_build_filename(dir, "build",
                                                 "qemu-system-aarch64", NULL);
        char *up;

        if (g_file_test(here, G_FILE_TEST_IS_EXECUTABLE)) {
            return g_steal_pointer(&here);
        }
        if (g_file_test(cand, G_FILE_TEST_IS_EXECUTABLE)) {
            return g_steal_pointer(&cand);
        }
        up = g_path_get_dirname(dir);
        g_free(dir);
        dir = up;
    }
    return g_strdup("build/qemu-system-aarch64");
}

/*
 * The default probe for the machine the command line asks for: parse the
 * tour's header with @o to learn it, then write the tour for it.
 */
static char *default_probe(const GsOverrides *o, GString *errors)
{
    GsScript *s = gs_parse_with("<command line>",
                                "machine " GS_DEFAULT_MACHINE "\n"
                                "reset\n", o, errors);
    char *text;

    if (!s) {
        return NULL;
    }
    text = gs_default_probe_for(&s->machine);
    gs_script_free(s);
    return text;
}

static void usage(void)
{
    printf("usage: gicsim-probe [OPTION...] [SCRIPT...]\n"
           "Runs register-poke scripts (docs/scripts.rst) against the virt "
           "machine's GIC\nand prints a transcript; with no SCRIPT, the "
           "bundled default probe.\n"
           "\n"
           "Device configuration (overrides every script's 'machine' "
           "line):\n"
           "  --profile NAME        qemu, gic-500, gic-600 or gic-700\n"
           "  --gic-version 3|4     GICv3, or GICv4 (implies "
           "--virtualization on)\n"
           "  --smp N               number of CPUs\n"
           "  --security on|off     two Security states (virt secure=on)\n"
           "  --strict              undefined accesses are bus errors\n"
           "  --virtualization on|off, --its on|off, --gic-model sim|qemu\n"
           "  --rwp-ns N, --waker-ns N, --pwrr-ns N, --syncr-ns N\n"
           "                        modelled durations in ns of GICD/GICR_CTLR.RWP,\n"
           "                        GICR_WAKER, GICR_PWRR, GICR_SYNCR "
           "(docs/timing.rst)\n"
           "  --cpuif on|off        run the CPUs (TCG) with the CPU interface "
           "stub, for\n"
           "                        IRQ/FIQ checks; the virtual clock then "
           "follows the\n"
           "                        host's (default: on for scripts that "
           "check IRQ/FIQ,\n"
           "                        off for -i)\n"
           "\n"
           "Output and modes:\n"
           "  -i, --interactive     a prompt: each line is a statement, "
           "run at once\n"
           "  --json FILE|-         one JSON object per access (-: stdout; "
           "the transcript\n"
           "                        then goes to stderr)\n"
           "  --junit FILE          JUnit XML, one test case per check\n"
           "  --tap                 TAP: one test case per script\n"
           "  --diff                run each script on gic-model=sim and "
           "=qemu, compare reads\n"
           "  --coverage            report registers and widths the "
           "scripts access\n"
           "  --stats               end each gicsim transcript with the "
           "device's cost\n"
           "                        statistics (docs/cost.rst)\n"
           "  --print-default       print the default probe's source (for "
           "the device options\n"
           "                        given)\n"
           "  -h, --help            this help\n"
           "\n"
           "QEMU: $QTEST_QEMU_BINARY, or build/qemu-system-aarch64 of the "
           "repository.\nExit status: 0 all checks passed, 1 a check "
           "failed, 2 bad usage or script.\n");
}

/* Command-line machine options: --NAME maps to the header's KEY. */
static const struct {
    const char *option;
    const char *key;
    bool flag;          /* takes no value: KEY=on */
} machine_opts[] = {
    { "--profile", "profile", false },
    { "--gic-version", "gic-version", false },
    { "--smp", "smp", false },
    { "--security", "secure", false },
    { "--strict", "strict", true },
    { "--virtualization", "virtualization", false },
    { "--its", "its", false },
    { "--gic-model", "gic-model", false },
    { "--cpuif", "cpuif", false },
    { "--rwp-ns", "rwp-ns", false },
    { "--waker-ns", "waker-ns", false },
    { "--pwrr-ns", "pwrr-ns", false },
    { "--syncr-ns", "syncr-ns", false },
};

/*
 * If argv[*i] is a machine option ("--smp 4" or "--smp=4"), add it to
 * @o and return 1 (0: not one, -1: error, reported).
 */
static int machine_opt(GsOverrides *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    g_autoptr(GString) err = g_string_new(NULL);
    g_autofree char *origin = NULL, *setting = NULL;
    const char *value;
    unsigned k;

    for (k = 0; k < G_N_ELEMENTS(machine_opts); k++) {
        size_t n = strlen(machine_opts[k].option);

        if (!strncmp(a, machine_opts[k].option, n) &&
            (a[n] == '\0' || a[n] == '=')) {
            break;
        }
    }
    if (k == G_N_ELEMENTS(machine_opts)) {
        return 0;
    }
    value = strchr(a, '=');
    if (value) {
        value++;
    } else if (machine_opts[k].flag) {
        value = "on";
    } else if (*i + 1 < argc) {
        value = argv[++*i];
    } else {
        fprintf(stderr, "gicsim-probe: %s: expected a value\n", a);
        return -1;
    }
    origin = strchr(a, '=') || machine_opts[k].flag ? g_strdup(a) :
             g_strdup_printf("%s %s", a, value);
    setting = g_strdup_printf("%s=%s", machine_opts[k].key, value);
    if (!gs_overrides_add(o, origin, setting, err)) {
        fprintf(stderr, "gicsim-probe: %s", err->str);
        return -1;
    }
    return 1;
}

/*
 * libqtest announces every QEMU it starts ("# starting QEMU: exec ...")
 * through glib; the transcript's header line already shows the machine,
 * so keep the transcript to itself.
 */
static void print_handler(const gchar *msg)
{
    if (!g_str_has_prefix(msg, "# starting QEMU: ")) {
        fputs(msg, stdout);
    }
}

int main(int argc, char **argv)
{
    Opts o = { 0 };
    GPtrArray *files = g_ptr_array_new();
    GPtrArray *scripts = g_ptr_array_new();
    g_autoptr(GString) errors = g_string_new(NULL);
    g_autoptr(GString) cmdline = g_string_new(NULL);
    GsReport *rep = NULL;
    unsigned i, total_pass = 0, total_fail = 0, failed_scripts = 0, diffs = 0;
    unsigned uncovered = 0;

    g_set_print_handler(print_handler);
    o.machine = gs_overrides_new();
    for (i = 1; i < (unsigned)argc; i++) {
        int m = machine_opt(o.machine, argc, argv, (int *)&i);

        if (m < 0) {
            return 2;
        } else if (m > 0) {
            continue;
        } else if (!strcmp(argv[i], "--json") ||
                   !strcmp(argv[i], "--junit")) {
            if (i + 1 >= (unsigned)argc) {
                fprintf(stderr, "gicsim-probe: %s: expected a file name%s\n",
                        argv[i], argv[i][3] == 's' ? " or -" : "");
                return 2;
            }
            if (argv[i][3] == 's') {
                o.json = argv[++i];
            } else {
                o.junit = argv[++i];
            }
        } else if (!strcmp(argv[i], "-i") ||
                   !strcmp(argv[i], "--interactive")) {
            o.interactive = true;
        } else if (!strcmp(argv[i], "--tap")) {
            o.tap = true;
        } else if (!strcmp(argv[i], "--diff")) {
            o.diff = true;
        } else if (!strcmp(argv[i], "--coverage")) {
            o.coverage = true;
        } else if (!strcmp(argv[i], "--stats")) {
            o.stats = true;
        } else if (!strcmp(argv[i], "-k")) {
            continue;   /* meson passes the qtest options --tap -k */
        } else if (!strcmp(argv[i], "--print-default")) {
            o.print_default = true;
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage();
            return 0;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "gicsim-probe: unknown option %s\n", argv[i]);
            usage();
            return 2;
        } else {
            g_ptr_array_add(files, argv[i]);
        }
    }

    opts = o;
    if (!getenv("QTEST_QEMU_BINARY")) {
        g_autofree char *q = find_qemu(argv[0]);

        g_setenv("QTEST_QEMU_BINARY", q, true);
    }
    if (o.interactive) {
        int rc;

        if (files->len || o.diff || o.tap || o.coverage || o.json ||
            o.junit) {
            fprintf(stderr, "gicsim-probe: -i takes machine options only "
                    "(no scripts, --diff, --tap, --coverage, --json, "
                    "--junit)\n");
            return 2;
        }
        rc = gs_interactive(o.machine);
        gs_overrides_free(o.machine);
        return rc;
    }

    if (o.print_default) {
        g_autofree char *text = default_probe(o.machine, errors);

        if (!text) {
            fputs(errors->str, stderr);
            return 2;
        }
        fputs(text, stdout);
        return 0;
    }

    /*
     * The reports first, so that a script that does not parse is a
     * failure in them too (CI sees a failing report, not a missing one)
     */
    if (o.json || o.junit) {
        FILE *json = NULL;

        if (o.json && !strcmp(o.json, "-")) {
            /* JSON on stdout, the transcript on stderr */
            json = fdopen(dup(STDOUT_FILENO), "w");
            dup2(STDERR_FILENO, STDOUT_FILENO);
        } else if (o.json) {
            json = fopen(o.json, "w");
            if (!json) {
                fprintf(stderr, "gicsim-probe: --json %s: %s\n", o.json,
                        g_strerror(errno));
                return 2;
            }
        }
        rep = gs_report_open(json, o.junit, errors);
        if (!rep) {
            fprintf(stderr, "gicsim-probe: %s", errors->str);
            return 2;
        }
    }

    /* Parse everything first: nothing runs unless every script parses */
    for (i = 0; i < MAX(files->len, 1); i++) {
        const char *f = files->len ? g_ptr_array_index(files, i)
                                   : "<default probe>";
        g_autoptr(GString) err = g_string_new(NULL);
        g_autofree char *text = NULL;
        g_autoptr(GError) gerr = NULL;
        GsScript *s = NULL;

        if (!files->len) {
            text = default_probe(o.machine, err);
        } else if (!g_file_get_contents(f, &text, NULL, &gerr)) {
            g_string_append_printf(err, "%s: %s\n", f, gerr->message);
        }
        if (text) {
            s = gs_parse_with(f, text, o.machine, err);
        }
        g_ptr_array_add(scripts, s);
        if (err->len) {
            gs_report_parse_error(rep, f, err->str);
            g_string_append(errors, err->str);
        }
    }
    if (errors->len) {
        fputs(errors->str, stderr);
        if (o.tap) {
            printf("1..1\nnot ok 1 - scripts do not parse\n");
        }
        g_string_truncate(errors, 0);
        if (!gs_report_close(rep, errors)) {
            fprintf(stderr, "gicsim-probe: %s", errors->str);
        }
        return 2;
    }

    gs_overrides_describe(o.machine, cmdline);
    if (o.tap) {
        /* --coverage adds one test case after the scripts */
        printf("1..%u\n", scripts->len + o.coverage);
    }
    for (i = 0; i < scripts->len; i++) {
        GsScript *s = g_ptr_array_index(scripts, i);
        const char *prefix = o.tap ? "# " : "";
        Run a = { 0 }, b = { 0 };
        bool fail, skip_diff = false;
        unsigned nd = 0;
        g_autoptr(GString) dout = g_string_new(NULL);

        if (o.diff && (s->machine.profile || s->machine.strict >= 1)) {
            skip_diff = true;   /* no stock-QEMU counterpart */
        }
        a.cmdline = b.cmdline = cmdline->len ? cmdline->str : NULL;
        a.rep = b.rep = rep;
        run_script(&a, s, o.diff ? "sim" : s->machine.model, prefix);
        fputs(a.out->str, stdout);
        fail = a.failed > 0;
        total_pass += a.passed;
        total_fail += a.failed;
        if (o.diff && !skip_diff) {
            run_script(&b, s, "qemu", prefix);
            fputs(b.out->str, stdout);
            fail |= b.failed > 0;
            total_pass += b.passed;
            total_fail += b.failed;
            nd = diff_runs(s, &a, &b, dout, prefix);
            fputs(dout->str, stdout);
            printf("%s== %s: %u read%s differ between gic-model=sim and "
                   "gic-model=qemu\n", prefix, s->filename, nd,
                   nd == 1 ? "" : "s");
            diffs += nd;
            fail |= nd > 0;
            run_free(&b);
        } else if (o.diff) {
            printf("%s== %s: not compared with gic-model=qemu (profile or "
                   "strict set)\n", prefix, s->filename);
        }
        failed_scripts += fail;
        if (o.tap) {
            printf("%s %u - %s\n", fail ? "not ok" : "ok", i + 1,
                   s->filename);
        }
        fflush(stdout);
        run_free(&a);
    }

    if (o.coverage) {
        uncovered = report_coverage(o.tap ? "# " : "");
        if (o.tap) {
            printf("%s %u - coverage: every register of the table is "
                   "accessed by a script\n", uncovered ? "not ok" : "ok",
                   scripts->len + 1);
        }
    }
    printf("%sgicsim-probe: %u script%s, %u checks passed, %u failed%s%s\n",
           o.tap ? "# " : "", scripts->len, scripts->len == 1 ? "" : "s",
           total_pass, total_fail,
           o.diff ? g_strdup_printf(", %u reads differ", diffs) : "",
           failed_scripts || uncovered ? " -- FAIL" : " -- PASS");
    fflush(stdout);
    if (!gs_report_close(rep, errors)) {
        fprintf(stderr, "gicsim-probe: %s", errors->str);
        failed_scripts++;
    }
    for (i = 0; i < scripts->len; i++) {
        gs_script_free(g_ptr_array_index(scripts, i));
    }
    g_ptr_array_free(scripts, true);
    g_ptr_array_free(files, true);
    gs_overrides_free(o.machine);
    return failed_scripts || uncovered ? 1 : 0;
}
