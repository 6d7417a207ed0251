/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Help and completion for the interactive probe (gicsim-script-help.h).
 */
#include "gicsim-script-help.h"

#include <inttypes.h>
#include <string.h>

#include "gicsim-fields.h"
#include "gicsim-profile.h"

/* Words of the interactive prompt that are not statements */
static const char *const prompt_words[] = { "help", "quit", "save" };

/* Words that may follow a statement keyword, besides targets */
static const char *const arg_words[] = {
    "S", "NS", "secure", "nonsecure", "spi", "ppi", "cpu", "irq", "fiq",
    "error", "within",
};

void gs_help_statements(GString *out)
{
    const GsStatementHelp *h;

    g_string_append(out, "Statements (docs/scripts.rst):\n");
    for (h = gs_statements; h->word; h++) {
        g_string_append_printf(out, "  %-44s %s\n", h->synopsis, h->meaning);
    }
    g_string_append(out,
        "Targets: GICD_CTLR, GICD_IPRIORITYR(10) (element n), "
        "GICD_IPRIORITYR(10)[2]\n"
        "  (byte), GICR_WAKER@cpu1 (redistributor of CPU 1), "
        "GICD_TYPER.ITLinesNumber\n"
        "  (field), GICD_ISPENDR(1) & 0x400 (mask), 0x08000000 (address);\n"
        "  read, expect and write take GICD_ISENABLER(0..3) (a range), "
        "read and\n  expect a whole array: read GICD_IPRIORITYR.\n"
        "Values: 0x1f, 0b101, 42, 1 << 10, A | B.  ';' separates "
        "statements.\nTab completes statements, registers and fields.\n"
        "  help REGISTER                                offset, widths, "
        "access rules,\n"
        "                                               reset and fields\n"
        "  save FILE                                    the session as a "
        "script\n"
        "  quit                                         leave (or Ctrl-D)\n");
}

static const char *bank_name(GicsimBank b)
{
    switch (b) {
    case GICSIM_BANK_SECURITY:
        return ", banked by Security state";
    case GICSIM_BANK_CPU:
        return ", one per redistributor";
    default:
        return "";
    }
}

/* Register names are case-insensitive in scripts */
static const GicsimReg *reg_by_name(const char *name)
{
    unsigned i;

    for (i = 0; i < GICSIM_REG__COUNT; i++) {
        if (!g_ascii_strcasecmp(gicsim_regs[i].name, name)) {
            return &gicsim_regs[i];
        }
    }
    return NULL;
}

/* Which configurations have @r (GicsimAvail), "" for every one */
static const char *avail_name(GicsimAvail a)
{
    switch (a) {
    case GICSIM_AVAIL_NMI:
        return "with FEAT_GICv3_NMI (GICD_TYPER.NMI == 1)";
    case GICSIM_AVAIL_MBIS:
        return "with message-based SPIs (GICD_TYPER.MBIS == 1: the "
               "GIC-600/700 profiles)";
    case GICSIM_AVAIL_LPI:
        return "with LPIs (GICR_TYPER.PLPIS == 1: its=on)";
    case GICSIM_AVAIL_VLPI:
        return "with GICv4 and LPIs (gic-version=4)";
    case GICSIM_AVAIL_DIRECT_LPI:
        return "with direct LPIs (GICR_TYPER.DirectLPI == 1: the "
               "GIC-600/700 profiles, its=on)";
    case GICSIM_AVAIL_PWRR:
        return "with the GIC-600/700 profiles";
    default:
        return "";
    }
}

/*
 * Whether @m has @r, as far as the machine settings tell (-1: they do
 * not: FEAT_GICv3_NMI depends on the CPU)
 */
int gs_reg_present(const GicsimReg *r, const GsMachine *m)
{
    const GicsimProfile *p = gicsim_profile_find(m->profile ? m->profile
                                                             : "qemu");
    bool lpi = m->its != 0;     /* virt: its=on by default */

    switch (r->avail) {
    case GICSIM_AVAIL_ALWAYS:
        return 1;
    case GICSIM_AVAIL_NMI:
        return -1;
    case GICSIM_AVAIL_MBIS:
        return p && p->mbis;
    case GICSIM_AVAIL_LPI:
        return lpi;
    case GICSIM_AVAIL_VLPI:
        return lpi && m->gic_version == 4;
    case GICSIM_AVAIL_DIRECT_LPI:
        return lpi && p && p->direct_lpi;
    case GICSIM_AVAIL_PWRR:
        return p && p->has_pwrr;
    }
    return -1;
}

/*
 * The access rules: the register's gates (gicsim-regs.h; the dispatch
 * applies them, gicsim-dispatch.c) and where it exists, for machine @m
 * if given
 */
static void help_rules(const GicsimReg *r, const GsMachine *m, GString *out)
{
    const char *where = avail_name(r->avail);

    if (*where) {
        int in = m ? gs_reg_present(r, m) : -1;

        g_string_append_printf(out, "  present only %s%s\n", where,
                               in == 1 ? "; this machine has it" :
                               in == 0 ? "; this machine has NOT: its offset "
                                         "is reserved (RES0)" : "");
    }
    if (r->gates & GICSIM_GATE_SECURE) {
        g_string_append_printf(out, "  Secure-only: RAZ/WI to Non-secure "
                               "accesses while GICD_CTLR.DS == 0%s\n",
                               !m ? "" : m->secure ?
                               " (this machine: secure=on, DS == 0 at reset)"
                               : " (this machine: secure=off, so DS == 1 "
                               "and Non-secure accesses reach it)");
    }
    if (r->gates & GICSIM_GATE_TWO_STATES) {
        g_string_append_printf(out, "  RAZ/WI while GICD_CTLR.DS == 1 (one "
                               "Security state)%s\n",
                               m && !m->secure ? ": always on this machine "
                               "(secure=off)" : "");
    }
    if (r->gates & GICSIM_GATE_POWERED) {
        const GicsimProfile *p = m ? gicsim_profile_find(m->profile ?
                                                         m->profile : "qemu")
                                   : NULL;

        g_string_append_printf(out, "  RAZ/WI while the redistributor is "
                               "powered down (GIC-600/700 GICR_PWRR.RDGPO "
                               "== 1)%s\n", p && !p->has_pwrr ?
                               ": never on this machine (no GICR_PWRR)" : "");
    }
    if (r->gates & GICSIM_GATE_SECURE_FIELDS) {
        g_string_append(out, "  fields marked Secure read as 0 and ignore "
                        "writes from Non-secure accesses while "
                        "GICD_CTLR.DS == 0\n");
    }
    if (r->gates & (GICSIM_GATE_SECURE | GICSIM_GATE_TWO_STATES |
                    GICSIM_GATE_POWERED)) {
        g_string_append(out, "  a gated access is marked in the transcript "
                        "[gated (...)]; a check it satisfies fails unless "
                        "it ends in 'gated'\n");
    }
}

static const char *field_rules(uint8_t flags)
{
    switch (flags & (GICSIM_FF_RO | GICSIM_FF_WO | GICSIM_FF_SECURE)) {
    case GICSIM_FF_RO:
        return "  read-only";
    case GICSIM_FF_WO:
        return "  write-only (reads 0)";
    case GICSIM_FF_SECURE:
        return "  Secure";
    case GICSIM_FF_RO | GICSIM_FF_SECURE:
        return "  read-only, Secure";
    case GICSIM_FF_WO | GICSIM_FF_SECURE:
        return "  write-only (reads 0), Secure";
    default:
        return "";
    }
}

bool gs_help_register(const char *name, GString *out)
{
    return gs_help_register_in(name, NULL, NULL, out);
}

bool gs_help_register_in(const char *name, const GsMachine *m,
                         const uint64_t *reset, GString *out)
{
    const GicsimReg *r = reg_by_name(name);
    const GicsimField *f;

    if (!r) {
        g_string_append_printf(out, "no register '%s' in the register "
                               "table; did you mean ", name);
        gs_suggest_registers(name, 3, out);
        g_string_append(out, "?\n");
        return false;
    }
    g_string_append_printf(out, "%s: %s\n", r->name, r->summary);
    if (r->count > 1 || r->first) {
        g_string_append_printf(out, "  %s<n>, n = %u..%u: frame %s, offset "
                               "0x%04x + %u * (n - %u)\n", r->name, r->first,
                               r->first + r->count - 1,
                               gicsim_frame_name(r->frame), r->offset,
                               r->size, r->first);
    } else {
        g_string_append_printf(out, "  frame %s, offset 0x%04x\n",
                               gicsim_frame_name(r->frame), r->offset);
    }
    g_string_append_printf(out, "  %u-bit, access widths %s, %s%s\n",
                           r->size * 8, gicsim_widths_name(r->widths),
                           gicsim_access_name(r->access), bank_name(r->bank));
    help_rules(r, m, out);
    if (reset) {
        g_autoptr(GString) d = g_string_new(NULL);
        GsAccess a = { .reg = r, .size = r->size };

        gs_format_fields(&a, *reset, d);
        g_string_append_printf(out, "  reset: 0x%0*" PRIx64 "%s%s%s (this "
                               "machine%s, read from a fresh one)\n",
                               r->size * 2, *reset, d->len ? "  {" : "",
                               d->str, d->len ? "}" : "",
                               r->frame == GICSIM_FRAME_GICD ? ""
                               : ": CPU 0's redistributor");
    } else if (r->reset_computed) {
        g_string_append(out, "  reset: depends on the configuration "
                        "(profile, GIC version, CPUs)\n");
    } else {
        g_string_append_printf(out, "  reset: 0x%0*" PRIx64 "\n",
                               r->size * 2, r->reset);
    }
    if (!r->fields || !r->fields->name) {
        g_string_append(out, "  no fields in the register table\n");
        return true;
    }
    g_string_append(out, "  fields:\n");
    for (f = r->fields; f->name; f++) {
        g_autofree char *bits = f->width == 1 ?
            g_strdup_printf("[%u]", f->lsb) :
            g_strdup_printf("[%u:%u]", f->lsb + f->width - 1, f->lsb);

        g_string_append_printf(out, "    %-9s %s%s\n", bits, f->name,
                               field_rules(f->flags));
    }
    return true;
}

static int cmp_str(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void add_if(GPtrArray *out, const char *cand, const char *word)
{
    if (!g_ascii_strncasecmp(cand, word, strlen(word))) {
        g_ptr_array_add(out, g_strdup(cand));
    }
}

/* The register a target starts with: "GICR_WAKER@cpu1" -> GICR_WAKER */
static const GicsimReg *target_reg(const char *word)
{
    size_t n = strcspn(word, "(@[.&");
    g_autofree char *name = g_strndup(word, n);

    return reg_by_name(name);
}

bool gs_complete(const char *before, const char *word, GPtrArray *out)
{
    g_auto(GStrv) prev = g_strsplit_set(before, " \t", -1);
    const char *first = NULL;
    const char *dot = strrchr(word, '.');
    unsigned i, nwords = 0;
    bool space = true;

    for (i = 0; prev[i]; i++) {
        if (prev[i][0]) {
            first = first ? first : prev[i];
            nwords++;
        }
    }
    if (nwords == 0) {
        const GsStatementHelp *h;

        for (h = gs_statements; h->word; h++) {
            add_if(out, h->word, word);
        }
        for (i = 0; i < G_N_ELEMENTS(prompt_words); i++) {
            add_if(out, prompt_words[i], word);
        }
    } else if (dot) {
        /* REGISTER[...].Field */
        const GicsimReg *r = target_reg(word);
        const GicsimField *f;
        size_t stem = dot - word + 1;

        for (f = r ? r->fields : NULL; f && f->name; f++) {
            if (!g_ascii_strncasecmp(f->name, dot + 1, strlen(dot + 1))) {
                g_autofree char *c = g_strndup(word, stem);

                g_ptr_array_add(out, g_strconcat(c, f->name, NULL));
            }
        }
    } else {
        bool help = !g_ascii_strcasecmp(first, "help");

        for (i = 0; i < GICSIM_REG__COUNT; i++) {
            add_if(out, gicsim_regs[i].name, word);
        }
        /* A register name is usually followed by ( @ . or [ */
        space = out->len != 1 || help;
        if (!help) {
            for (i = 0; i < G_N_ELEMENTS(arg_words); i++) {
                add_if(out, arg_words[i], word);
            }
        }
    }
    g_ptr_array_sort(out, cmp_str);
    return space;
}
