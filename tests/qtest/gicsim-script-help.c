/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Help and completion for the interactive probe (gicsim-script-help.h).
 */
#include "gicsim-script-help.h"

#include <inttypes.h>
#include <string.h>

/* Words of the interactive prompt that are not statements */
static const char *const prompt_words[] = { "help", "quit" };

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
        "  (field), GICD_ISPENDR(1) & 0x400 (mask), 0x08000000 (address).\n"
        "Values: 0x1f, 0b101, 42, 1 << 10, A | B.  Tab completes "
        "statements,\nregisters and fields.\n"
        "  help REGISTER                                offset, widths, "
        "reset and fields\n"
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

bool gs_help_register(const char *name, GString *out)
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
    if (r->reset_computed) {
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

        g_string_append_printf(out, "    %-9s %s\n", bits, f->name);
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
