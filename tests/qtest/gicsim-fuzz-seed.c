/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-fuzz-seed: turn register-poke scripts into inputs of the
 * gicsim-fuzz target (tests/qtest/gicsim-fuzz-input.h), the seed corpus
 * of scripts/fuzz.sh.
 *
 *   gicsim-fuzz-seed OUTDIR SCRIPT.poke...
 *
 * writes OUTDIR/<script name>.seed for each script: its accesses
 * (direct or through the realm alias), interrupt inputs, clock steps and
 * resets in order.  Checks become plain reads; a wait becomes a read,
 * and, when it has a time bound, a clock step of that time and a second
 * read.  "rec" statements (the realm protocol driven by the probe with
 * an explicit syndrome, not an access a guest makes) are left out.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "gicsim-script.h"
#include "gicsim-fuzz-input.h"

static void put(GByteArray *out, uint64_t v, unsigned bytes)
{
    unsigned i;

    for (i = 0; i < bytes; i++) {
        guint8 b = v >> (8 * i);

        g_byte_array_append(out, &b, 1);
    }
}

static void start(GByteArray *out, GicsimFuzzOp op)
{
    if (out->len) {
        g_byte_array_append(out, (const guint8 *)GICSIM_FUZZ_SEP,
                            GICSIM_FUZZ_SEP_LEN);
    }
    put(out, op, 1);
}

static void emit_access(GByteArray *out, const GsMachine *m,
                        const GsAccess *a, bool write, uint64_t value)
{
    uint8_t flags = (a->size == 8 ? 3 : a->size == 4 ? 2 : a->size == 2)
                    | (a->sec == GS_SEC_S ? GICSIM_FUZZ_SECURE : 0)
                    | (write ? GICSIM_FUZZ_WRITE : 0)
                    | (a->realm_alias ? GICSIM_FUZZ_REALM : 0);

    if (a->reg) {
        start(out, GICSIM_FUZZ_OP_REG);
        put(out, a->reg - gicsim_regs, 2);
        put(out, a->index - a->reg->first, 2);
        put(out, a->cpu, 1);
        put(out, a->byte, 1);
    } else {
        uint64_t addr = a->addr;
        bool gicr;

        if (a->realm_alias) {
            addr -= gs_realm_alias(m, 0);
        }
        gicr = addr >= GS_GICR_BASE;
        start(out, GICSIM_FUZZ_OP_RAW);
        put(out, gicr, 1);
        put(out, addr - (gicr ? GS_GICR_BASE : GS_GICD_BASE), 4);
    }
    put(out, flags, 1);
    put(out, value, 8);
}

static void emit_irq(GByteArray *out, unsigned intid, unsigned cpu,
                     int level)
{
    unsigned spis = GS_VIRT_NUM_IRQ - 32;
    unsigned line = intid < 32 ? spis + 32 * cpu + intid : intid - 32;

    start(out, GICSIM_FUZZ_OP_IRQ);
    put(out, line, 2);
    put(out, level, 1);
}

static void emit_clock(GByteArray *out, uint64_t ns)
{
    /* 0 would mean "to the next timer": step at least 1 ns */
    start(out, GICSIM_FUZZ_OP_CLOCK);
    put(out, MAX(MIN(ns, UINT32_MAX), 1), 4);
}

static bool convert(const char *path, const char *outdir)
{
    g_autofree char *text = NULL;
    g_autofree char *base = g_path_get_basename(path);
    g_autofree char *name = NULL;
    g_autoptr(GString) errors = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    GByteArray *out;
    GsScript *s;
    unsigned i;
    bool ok;

    if (!g_file_get_contents(path, &text, NULL, &err)) {
        fprintf(stderr, "gicsim-fuzz-seed: %s\n", err->message);
        return false;
    }
    s = gs_parse(path, text, errors);
    if (!s) {
        fputs(errors->str, stderr);
        return false;
    }
    out = g_byte_array_new();
    for (i = 0; i < s->stmts->len; i++) {
        const GsStmt *st = g_ptr_array_index(s->stmts, i);

        if (!gs_stmt_applies(st, "sim")) {
            continue;
        }
        switch (st->kind) {
        case GS_READ:
            emit_access(out, &s->machine, &st->acc, false, 0);
            break;
        case GS_WAIT:
            emit_access(out, &s->machine, &st->acc, false, 0);
            if (st->within_ns) {
                emit_clock(out, st->within_ns);
                emit_access(out, &s->machine, &st->acc, false, 0);
            }
            break;
        case GS_WRITE:
            emit_access(out, &s->machine, &st->acc, true, st->value);
            break;
        case GS_STEP:
            emit_clock(out, st->value);
            break;
        case GS_IRQ_IN:
            emit_irq(out, st->intid, st->cpu, st->level != 0);
            if (st->level == 2) {
                emit_irq(out, st->intid, st->cpu, 0);   /* a pulse */
            }
            break;
        case GS_RESET:
            start(out, GICSIM_FUZZ_OP_RESET);
            break;
        default:
            break;
        }
    }
    if (g_str_has_suffix(base, ".poke")) {
        base[strlen(base) - 5] = '\0';
    }
    name = g_strdup_printf("%s/%s.seed", outdir, base);
    ok = g_file_set_contents(name, (const char *)out->data, out->len, &err);
    if (!ok) {
        fprintf(stderr, "gicsim-fuzz-seed: %s\n", err->message);
    }
    g_byte_array_unref(out);
    gs_script_free(s);
    return ok;
}

int main(int argc, char **argv)
{
    int i, bad = 0;

    if (argc < 3) {
        fprintf(stderr, "usage: gicsim-fuzz-seed OUTDIR SCRIPT.poke...\n");
        return 2;
    }
    if (g_mkdir_with_parents(argv[1], 0755) < 0) {
        fprintf(stderr, "gicsim-fuzz-seed: %s: %s\n", argv[1],
                strerror(errno));
        return 1;
    }
    for (i = 2; i < argc; i++) {
        bad += !convert(argv[i], argv[1]);
    }
    return bad ? 1 : 0;
}
