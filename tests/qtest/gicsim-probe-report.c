/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-probe --json and --junit (see gicsim-probe-report.h and
 * docs/scripts.rst, "Machine-readable transcripts").
 */
#include "gicsim-probe-report.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

typedef struct Case {
    char *suite;            /* "SCRIPT (gic-model=MODEL)" */
    char *name;             /* "LINE: statement" */
    char *failure;          /* NULL: passed */
    /*
     * Not a test case: a gated access that checked nothing, listed in
     * its suite's <system-err> (name: the transcript line)
     */
    bool note;
    double seconds;
} Case;

struct GsReport {
    FILE *json;
    char *junit_path;
    GPtrArray *cases;       /* Case * */
    gint64 last_us;         /* wall clock at the previous statement */
};

static void case_free(gpointer p)
{
    Case *c = p;

    g_free(c->suite);
    g_free(c->name);
    g_free(c->failure);
    g_free(c);
}

GsReport *gs_report_open(FILE *json, const char *junit_path, GString *err)
{
    GsReport *rep;

    if (junit_path) {
        FILE *f = fopen(junit_path, "w");

        /* Fail now rather than after the whole run */
        if (!f) {
            g_string_append_printf(err, "--junit %s: %s\n", junit_path,
                                   g_strerror(errno));
            return NULL;
        }
        fclose(f);
    }
    rep = g_new0(GsReport, 1);
    rep->json = json;
    rep->junit_path = g_strdup(junit_path);
    rep->cases = g_ptr_array_new_with_free_func(case_free);
    rep->last_us = g_get_monotonic_time();
    return rep;
}

void gs_json_string(GString *out, const char *s)
{
    g_string_append_c(out, '"');
    for (; *s; s++) {
        unsigned char c = *s;

        if (c == '"' || c == '\\') {
            g_string_append_printf(out, "\\%c", c);
        } else if (c == '\n') {
            g_string_append(out, "\\n");
        } else if (c == '\t') {
            g_string_append(out, "\\t");
        } else if (c < 0x20) {
            g_string_append_printf(out, "\\u%04x", c);
        } else {
            g_string_append_c(out, c);
        }
    }
    g_string_append_c(out, '"');
}

static const char *kind_name(const GsStmt *st)
{
    switch (st->kind) {
    case GS_READ:
        return st->check == GS_CHECK_NONE ? "read" : "expect";
    case GS_WRITE:
        return "write";
    case GS_WAIT:
        return "wait";
    case GS_IRQ_OUT:
        return st->fiq ? "fiq" : "irq";
    default:
        return "other";
    }
}

static void json_hex(GString *out, const char *key, uint64_t v)
{
    g_string_append_printf(out, ",\"%s\":\"0x%" PRIx64 "\"", key, v);
}

/* "fields": {"Name": value, ...} decoded from @raw */
static void json_fields(GString *out, const GsAccess *a, uint64_t raw)
{
    const GicsimField *f;
    unsigned lo = a->byte * 8, hi = lo + a->size * 8;
    bool first = true;

    g_string_append(out, ",\"fields\":{");
    for (f = a->reg ? a->reg->fields : NULL; f && f->name; f++) {
        uint64_t v;

        if (f->lsb < lo || f->lsb + f->width > hi) {
            continue;
        }
        v = (raw >> (f->lsb - lo)) &
            (f->width >= 64 ? UINT64_MAX : (1ULL << f->width) - 1);
        if (!first) {
            g_string_append_c(out, ',');
        }
        first = false;
        gs_json_string(out, f->name);
        g_string_append_printf(out, ":%" PRIu64, v);
    }
    g_string_append_c(out, '}');
}

const char *gs_gate_name(const char *why)
{
    if (strstr(why, "Secure-only")) {
        return "Secure-only";
    }
    if (strstr(why, "DS == 1")) {
        return "DS";
    }
    if (strstr(why, "powered down")) {
        return "power";
    }
    return "gate";
}

void gs_format_gate(const char *why, GString *out)
{
    g_string_append_printf(out, "  [gated (%s): %s%s]", gs_gate_name(why),
                           g_str_has_prefix(why, "RAZ/WI") ? "" : "RAZ/WI, ",
                           why);
}

static void json_gate(GString *o, const char *gate)
{
    g_string_append(o, ",\"gated\":");
    if (!gate) {
        g_string_append(o, "null");
        return;
    }
    g_string_append(o, "{\"gate\":");
    gs_json_string(o, gs_gate_name(gate));
    g_string_append(o, ",\"why\":");
    gs_json_string(o, gate);
    g_string_append_c(o, '}');
}

static void json_access(GString *o, const GsStmt *st, bool completed,
                        uint64_t value, unsigned reads, unsigned gated_reads,
                        const char *gate)
{
    const GsAccess *a = &st->acc;
    g_autoptr(GString) t = g_string_new(NULL);

    gs_format_target(a, t);
    g_string_append(o, ",\"target\":");
    gs_json_string(o, t->str);
    g_string_append(o, ",\"register\":");
    if (a->reg) {
        gs_json_string(o, a->reg->name);
        g_string_append_printf(o, ",\"element\":%u,\"byte\":%u", a->index,
                               a->byte);
        if (a->reg->frame != GICSIM_FRAME_GICD) {
            g_string_append_printf(o, ",\"cpu\":%u", a->cpu);
        }
    } else {
        g_string_append(o, "null");
    }
    if (a->field) {
        g_string_append(o, ",\"field\":");
        gs_json_string(o, a->field->name);
    }
    if (a->has_mask) {
        json_hex(o, "mask", a->mask);
    }
    json_hex(o, "address", a->addr);
    g_string_append_printf(o, ",\"width\":%u,\"security\":\"%s\"",
                           a->size * 8, a->sec == GS_SEC_S ? "S" : "NS");
    g_string_append_printf(o, ",\"bus_error\":%s",
                           completed ? "false" : "true");
    /* A write's value is the one written, bus error or not */
    if (completed || st->kind == GS_WRITE) {
        json_hex(o, "value", value);
        json_fields(o, a, value);
    } else {
        g_string_append(o, ",\"value\":null,\"fields\":null");
    }
    if (st->kind == GS_WAIT) {
        g_string_append_printf(o, ",\"reads\":%u,\"within\":%u,"
                               "\"within_ns\":%" PRIu64 ",\"gated_reads\":%u",
                               reads, st->within, st->within_ns,
                               gated_reads);
    }
    json_gate(o, gate);
    g_string_append_printf(o, ",\"expect_gated\":%s",
                           st->expect_gated ? "true" : "false");
    if (st->expect_gate) {
        g_string_append(o, ",\"expect_gate\":");
        gs_json_string(o, st->expect_gate);
    }
}

static void json_expect(GString *o, const GsStmt *st)
{
    g_string_append(o, ",\"expect\":");
    switch (st->check) {
    case GS_CHECK_EQ:
    case GS_CHECK_NE:
        g_string_append_printf(o, "{\"op\":\"%s\",\"value\":\"0x%" PRIx64
                               "\"}", st->check == GS_CHECK_EQ ? "==" : "!=",
                               st->value);
        break;
    case GS_CHECK_ERROR:
        g_string_append(o, "{\"op\":\"error\"}");
        break;
    default:
        g_string_append(o, "null");
        break;
    }
}

void gs_report_stmt(GsReport *rep, const char *script, const char *model,
                    const GsStmt *st, int64_t time_ns, bool completed,
                    uint64_t value, unsigned reads, unsigned gated_reads,
                    const char *gate, GsVerdict verdict,
                    const char *message)
{
    static const char *const verdicts[] = { "null", "\"pass\"", "\"fail\"" };
    gint64 now = g_get_monotonic_time();

    if (rep->json) {
        g_autoptr(GString) o = g_string_new("{\"script\":");

        gs_json_string(o, script);
        g_string_append_printf(o, ",\"model\":\"%s\",\"line\":%u,"
                               "\"statement\":", model, st->line);
        gs_json_string(o, st->text);
        g_string_append_printf(o, ",\"op\":\"%s\"", kind_name(st));
        if (time_ns >= 0) {
            g_string_append_printf(o, ",\"time_ns\":%" PRId64, time_ns);
        } else {
            g_string_append(o, ",\"time_ns\":null");
        }
        if (st->kind == GS_IRQ_OUT) {
            g_string_append_printf(o, ",\"cpu\":%u,\"value\":%u,"
                                   "\"expect\":{\"op\":\"==\",\"value\":%d}",
                                   st->cpu, (unsigned)value, st->level);
        } else {
            json_access(o, st, completed, value, reads, gated_reads, gate);
            json_expect(o, st);
        }
        g_string_append_printf(o, ",\"verdict\":%s,\"message\":",
                               verdicts[verdict]);
        gs_json_string(o, message);
        g_string_append(o, "}\n");
        fputs(o->str, rep->json);
        fflush(rep->json);
    }
    if (rep->junit_path && verdict != GS_VERDICT_NONE) {
        Case *c = g_new0(Case, 1);

        c->suite = g_strdup_printf("%s (gic-model=%s)", script, model);
        c->name = g_strdup_printf("%u: %s", st->line, st->text);
        c->failure = verdict == GS_VERDICT_FAIL ? g_strdup(message) : NULL;
        c->seconds = (now - rep->last_us) / 1e6;
        g_ptr_array_add(rep->cases, c);
    } else if (rep->junit_path && (gate || gated_reads)) {
        Case *c = g_new0(Case, 1);

        c->suite = g_strdup_printf("%s (gic-model=%s)", script, model);
        c->name = g_strdup_printf("%u: %s", st->line, message);
        c->note = true;
        g_ptr_array_add(rep->cases, c);
    }
    rep->last_us = now;
}

void gs_report_script(GsReport *rep, const char *script, const char *model,
                      unsigned passed, unsigned failed, unsigned gated)
{
    if (rep && rep->json) {
        g_autoptr(GString) o = g_string_new("{\"script\":");

        gs_json_string(o, script);
        g_string_append_printf(o, ",\"model\":\"%s\",\"op\":\"summary\","
                               "\"passed\":%u,\"failed\":%u,\"gated\":%u,"
                               "\"verdict\":\"%s\"}\n", model, passed, failed,
                               gated, failed ? "fail" : "pass");
        fputs(o->str, rep->json);
        fflush(rep->json);
    }
}

void gs_report_parse_error(GsReport *rep, const char *script,
                           const char *errors)
{
    if (!rep) {
        return;
    }
    if (rep->json) {
        g_autoptr(GString) o = g_string_new("{\"script\":");

        gs_json_string(o, script);
        g_string_append(o, ",\"model\":null,\"op\":\"parse\","
                        "\"verdict\":\"fail\",\"message\":");
        gs_json_string(o, errors);
        g_string_append(o, "}\n");
        fputs(o->str, rep->json);
        fflush(rep->json);
    }
    if (rep->junit_path) {
        Case *c = g_new0(Case, 1);

        c->suite = g_strdup(script);
        c->name = g_strdup("the script parses");
        c->failure = g_strdup(errors);
        g_ptr_array_add(rep->cases, c);
    }
}

static void xml_attr(GString *out, const char *name, const char *value)
{
    g_autofree char *esc = g_markup_escape_text(value, -1);

    g_string_append_printf(out, " %s=\"%s\"", name, esc);
}

/* JUnit XML: a testsuite per script and model, a testcase per check */
static GString *junit_xml(GsReport *rep)
{
    GString *x = g_string_new("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    g_autoptr(GString) notes = g_string_new(NULL);
    unsigned i, j, k, total = 0, failures = 0;

    for (i = 0; i < rep->cases->len; i++) {
        Case *c = g_ptr_array_index(rep->cases, i);

        total += !c->note;
        failures += c->failure != NULL;
    }
    g_string_append_printf(x, "<testsuites name=\"gicsim-probe\" "
                           "tests=\"%u\" failures=\"%u\">\n", total,
                           failures);
    for (i = 0; i < rep->cases->len; i = j) {
        Case *first = g_ptr_array_index(rep->cases, i);
        unsigned n = 0, nf = 0;

        for (j = i; j < rep->cases->len; j++) {
            Case *c = g_ptr_array_index(rep->cases, j);

            if (strcmp(c->suite, first->suite)) {
                break;
            }
            n += !c->note;
            nf += c->failure != NULL;
        }
        g_string_append(x, "  <testsuite");
        xml_attr(x, "name", first->suite);
        g_string_append_printf(x, " tests=\"%u\" failures=\"%u\">\n", n, nf);
        for (k = i; k < j; k++) {
            Case *c = g_ptr_array_index(rep->cases, k);

            if (c->note) {
                g_string_append_printf(notes, "%s\n", c->name);
            }
        }
        for (; i < j; i++) {
            Case *c = g_ptr_array_index(rep->cases, i);

            if (c->note) {
                continue;
            }
            g_string_append(x, "    <testcase");
            xml_attr(x, "classname", c->suite);
            xml_attr(x, "name", c->name);
            g_string_append_printf(x, " time=\"%.6f\"", c->seconds);
            if (c->failure) {
                g_string_append(x, ">\n      <failure");
                xml_attr(x, "message", c->failure);
                g_string_append(x, "/>\n    </testcase>\n");
            } else {
                g_string_append(x, "/>\n");
            }
        }
        if (notes->len) {
            g_autofree char *esc = g_markup_escape_text(notes->str, -1);

            /* Gated accesses that checked nothing: seen, not failed */
            g_string_append_printf(x, "    <system-err>gated accesses "
                                   "(RAZ/WI by a gate of the register):\n"
                                   "%s</system-err>\n", esc);
            g_string_truncate(notes, 0);
        }
        g_string_append(x, "  </testsuite>\n");
    }
    g_string_append(x, "</testsuites>\n");
    return x;
}

bool gs_report_close(GsReport *rep, GString *err)
{
    bool ok = true;

    if (!rep) {
        return true;
    }
    if (rep->json && fclose(rep->json)) {
        g_string_append_printf(err, "--json: %s\n", g_strerror(errno));
        ok = false;
    }
    if (rep->junit_path) {
        g_autoptr(GString) x = junit_xml(rep);
        g_autoptr(GError) e = NULL;

        if (!g_file_set_contents(rep->junit_path, x->str, x->len, &e)) {
            g_string_append_printf(err, "--junit: %s\n", e->message);
            ok = false;
        }
    }
    g_ptr_array_free(rep->cases, true);
    g_free(rep->junit_path);
    g_free(rep);
    return ok;
}
