/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim register-poke scripts: lexer and parser (see gicsim-script.h
 * and docs/scripts.rst).  QEMU-independent: needs only glib and the
 * register table.
 */
#include "gicsim-script.h"
#include "gicsim-profile.h"

#include <ctype.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Lexer ---- */

typedef enum TokKind {
    T_END,          /* end of line */
    T_IDENT,
    T_NUMBER,
    T_TIME,         /* a number with a unit: 2us, 500ns (num is in ns) */
    T_STRING,
    T_PUNCT,        /* text holds the punctuation */
} TokKind;

typedef struct Tok {
    TokKind kind;
    char *text;
    uint64_t num;
    unsigned col;   /* 1-based */
} Tok;

typedef struct Parser {
    const char *filename;
    GString *errors;
    unsigned line;
    GPtrArray *toks;    /* Tok * of the current line */
    unsigned pos;
    bool failed;        /* the current line has an error */
    bool any_error;
    GsScript *script;
    GsSec default_sec;
    bool seen_stmt;
    const char *where;  /* set: messages say "WHERE: " (no line, column) */
    unsigned err_col;   /* column of the last error */
    unsigned col_base;  /* columns before the statement (after a ';') */
    /* parse_access: REG(n..m) allowed (1), and REG alone for all (2) */
    unsigned ranges;
    const GsOverrides *overrides;
} Parser;

static void tok_free(gpointer p)
{
    Tok *t = p;

    g_free(t->text);
    g_free(t);
}

static void G_GNUC_PRINTF(3, 4) perror_at(Parser *p, unsigned col,
                                          const char *fmt, ...)
{
    va_list ap;

    if (p->failed) {
        return;     /* one message per line */
    }
    p->failed = true;
    p->any_error = true;
    p->err_col = col;
    if (p->where) {
        g_string_append_printf(p->errors, "%s: ", p->where);
    } else {
        g_string_append_printf(p->errors, "%s:%u:%u: ", p->filename, p->line,
                               col);
    }
    va_start(ap, fmt);
    g_string_append_vprintf(p->errors, fmt, ap);
    va_end(ap);
    g_string_append_c(p->errors, '\n');
}

static bool parse_number(const char *s, uint64_t *out)
{
    unsigned base = 10;
    uint64_t v = 0;
    bool digits = false;

    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
        base = 2;
        s += 2;
    }
    for (; *s; s++) {
        unsigned d;

        if (*s == '_') {
            continue;
        }
        if (isdigit((unsigned char)*s)) {
            d = *s - '0';
        } else if (isxdigit((unsigned char)*s)) {
            d = 10 + (tolower((unsigned char)*s) - 'a');
        } else {
            return false;
        }
        if (d >= base || v > (UINT64_MAX - d) / base) {
            return false;
        }
        v = v * base + d;
        digits = true;
    }
    *out = v;
    return digits;
}

/* "2us", "500ns", "1ms", "1s": a decimal number of a time unit, in ns */
static bool parse_duration(const char *text, uint64_t *ns)
{
    static const struct {
        const char *unit;
        uint64_t ns;
    } units[] = {
        { "ns", 1 }, { "us", 1000 }, { "ms", 1000000 }, { "s", 1000000000 },
    };
    size_t len = strlen(text);
    unsigned k;

    for (k = 0; k < G_N_ELEMENTS(units); k++) {
        size_t ul = strlen(units[k].unit);
        g_autofree char *num = NULL;
        uint64_t v;
        size_t i;

        if (len <= ul || g_ascii_strcasecmp(text + len - ul, units[k].unit)) {
            continue;
        }
        num = g_strndup(text, len - ul);
        for (i = 0; num[i]; i++) {
            if (!g_ascii_isdigit(num[i]) && num[i] != '_') {
                return false;
            }
        }
        if (!parse_number(num, &v) || v > UINT64_MAX / units[k].ns) {
            return false;
        }
        *ns = v * units[k].ns;
        return true;
    }
    return false;
}

/* Split one line into tokens; false (with an error) on a bad character. */
static bool lex_line(Parser *p, const char *line, size_t len)
{
    static const char *const puncts[] = {
        "==", "!=", "<<", "(", ")", "[", "]", "..", ".", "=", "&", "@", "|",
        ",",
    };
    size_t i = 0;

    g_ptr_array_set_size(p->toks, 0);
    p->pos = 0;
    while (i < len) {
        char c = line[i];
        Tok *t;
        size_t start = i;
        unsigned k;

        if (c == '#') {
            break;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        t = g_new0(Tok, 1);
        t->col = p->col_base + start + 1;
        if (isalpha((unsigned char)c) || c == '_') {
            while (i < len && (isalnum((unsigned char)line[i]) ||
                               line[i] == '_' || line[i] == '-')) {
                i++;
            }
            t->kind = T_IDENT;
            t->text = g_strndup(line + start, i - start);
        } else if (isdigit((unsigned char)c)) {
            while (i < len && (isalnum((unsigned char)line[i]) ||
                               line[i] == '_')) {
                i++;
            }
            t->kind = T_NUMBER;
            t->text = g_strndup(line + start, i - start);
            if (parse_duration(t->text, &t->num)) {
                t->kind = T_TIME;
            } else if (!parse_number(t->text, &t->num)) {
                perror_at(p, t->col, "expected a number (decimal, 0x hex "
                          "or 0b binary, below 2^64), found '%s'", t->text);
                tok_free(t);
                return false;
            }
        } else if (c == '"') {
            i++;
            while (i < len && line[i] != '"') {
                i++;
            }
            if (i >= len) {
                perror_at(p, t->col, "expected '\"' to end the string, "
                          "found end of line");
                tok_free(t);
                return false;
            }
            t->kind = T_STRING;
            t->text = g_strndup(line + start + 1, i - start - 1);
            i++;
        } else {
            for (k = 0; k < G_N_ELEMENTS(puncts); k++) {
                size_t n = strlen(puncts[k]);

                if (len - i >= n && !strncmp(line + i, puncts[k], n)) {
                    break;
                }
            }
            if (k == G_N_ELEMENTS(puncts)) {
                perror_at(p, t->col, "expected a name, number or one of "
                          "( ) [ ] . .. = == != & | << @ ;, found '%c'", c);
                tok_free(t);
                return false;
            }
            t->kind = T_PUNCT;
            t->text = g_strdup(puncts[k]);
            i += strlen(puncts[k]);
        }
        g_ptr_array_add(p->toks, t);
    }
    {
        Tok *e = g_new0(Tok, 1);

        e->kind = T_END;
        e->col = p->col_base + len + 1;
        e->text = g_strdup("end of line");
        g_ptr_array_add(p->toks, e);
    }
    return true;
}

static Tok *peek(Parser *p)
{
    return g_ptr_array_index(p->toks, p->pos);
}

static Tok *next(Parser *p)
{
    Tok *t = peek(p);

    if (t->kind != T_END) {
        p->pos++;
    }
    return t;
}

static const char *tok_desc(const Tok *t)
{
    return t->text;
}

static void expected(Parser *p, const char *what)
{
    Tok *t = peek(p);

    if (t->kind == T_END) {
        perror_at(p, t->col, "expected %s, found end of line", what);
    } else {
        perror_at(p, t->col, "expected %s, found '%s'", what, tok_desc(t));
    }
}

static bool is_punct(Parser *p, const char *s)
{
    Tok *t = peek(p);

    return t->kind == T_PUNCT && !strcmp(t->text, s);
}

static bool accept_punct(Parser *p, const char *s)
{
    if (is_punct(p, s)) {
        next(p);
        return true;
    }
    return false;
}

static bool is_word(Parser *p, const char *s)
{
    Tok *t = peek(p);

    return t->kind == T_IDENT && !g_ascii_strcasecmp(t->text, s);
}

static bool is_word_at(Parser *p, unsigned pos, const char *s)
{
    Tok *t = g_ptr_array_index(p->toks, pos);

    return t->kind == T_IDENT && !g_ascii_strcasecmp(t->text, s);
}

static bool accept_word(Parser *p, const char *s)
{
    if (is_word(p, s)) {
        next(p);
        return true;
    }
    return false;
}

static bool expect_punct(Parser *p, const char *s)
{
    if (accept_punct(p, s)) {
        return true;
    }
    {
        g_autofree char *what = g_strdup_printf("'%s'", s);

        expected(p, what);
    }
    return false;
}

static bool expect_number(Parser *p, const char *what, uint64_t *v,
                          unsigned *col)
{
    Tok *t = peek(p);

    if (t->kind != T_NUMBER) {
        expected(p, what);
        return false;
    }
    next(p);
    *v = t->num;
    if (col) {
        *col = t->col;
    }
    return true;
}

/* value := term { '|' term }; term := NUMBER [ '<<' NUMBER ] */
static bool parse_value(Parser *p, uint64_t *out)
{
    uint64_t v = 0;

    do {
        uint64_t t, sh;

        if (!expect_number(p, "a value (a number, 1 << N, A | B)", &t,
                           NULL)) {
            return false;
        }
        if (accept_punct(p, "<<")) {
            unsigned col;

            if (!expect_number(p, "a shift count", &sh, &col)) {
                return false;
            }
            if (sh > 63 || (sh && t >> (64 - sh))) {
                perror_at(p, col, "expected a shift that keeps the value "
                          "within 64 bits, found << %" PRIu64, sh);
                return false;
            }
            t <<= sh;
        }
        v |= t;
    } while (accept_punct(p, "|"));
    *out = v;
    return true;
}

static bool expect_end(Parser *p)
{
    if (peek(p)->kind == T_END) {
        return true;
    }
    expected(p, "end of line");
    return false;
}

/* ---- Names and suggestions ---- */

unsigned gs_edit_distance(const char *a, const char *b)
{
    /* Optimal string alignment: an adjacent transposition costs 1 */
    size_t la = strlen(a), lb = strlen(b), i, j;
    g_autofree unsigned *d = g_new(unsigned, (la + 1) * (lb + 1));

#define D(i_, j_) d[(i_) * (lb + 1) + (j_)]
    for (i = 0; i <= la; i++) {
        D(i, 0) = i;
    }
    for (j = 0; j <= lb; j++) {
        D(0, j) = j;
    }
    for (i = 1; i <= la; i++) {
        for (j = 1; j <= lb; j++) {
            char x = g_ascii_tolower(a[i - 1]), y = g_ascii_tolower(b[j - 1]);
            unsigned best = D(i - 1, j - 1) + (x != y);

            best = MIN(best, D(i - 1, j) + 1);
            best = MIN(best, D(i, j - 1) + 1);
            if (i > 1 && j > 1 && x == g_ascii_tolower(b[j - 2]) &&
                g_ascii_tolower(a[i - 2]) == y) {
                best = MIN(best, D(i - 2, j - 2) + 1);
            }
            D(i, j) = best;
        }
    }
    return D(la, lb);
#undef D
}

typedef struct Cand {
    const char *name;
    unsigned dist;
} Cand;

static int cand_cmp(const void *a, const void *b)
{
    const Cand *x = a, *y = b;

    if (x->dist != y->dist) {
        return x->dist < y->dist ? -1 : 1;
    }
    return strcmp(x->name, y->name);
}

static void suggest(const char *name, const char *const *names, unsigned n,
                    unsigned max, GString *out)
{
    g_autofree Cand *c = g_new(Cand, n);
    unsigned i, k;

    for (i = 0; i < n; i++) {
        c[i].name = names[i];
        c[i].dist = gs_edit_distance(name, names[i]);
        /* A truncated name ("ITLines") is as near as a typo */
        if (strlen(name) >= 3 &&
            !g_ascii_strncasecmp(names[i], name, strlen(name))) {
            c[i].dist = MIN(c[i].dist, 1);
        }
    }
    qsort(c, n, sizeof(*c), cand_cmp);
    /* The nearest name, and those at most one edit further */
    for (k = 1; k < max && k < n && c[k].dist <= c[0].dist + 1; k++) {
        continue;
    }
    for (i = 0; i < k; i++) {
        if (i > 0) {
            g_string_append(out, i + 1 == k ? " or " : ", ");
        }
        g_string_append(out, c[i].name);
    }
}

void gs_suggest_registers(const char *name, unsigned max, GString *out)
{
    const char *names[GICSIM_REG__COUNT];
    unsigned i;

    for (i = 0; i < GICSIM_REG__COUNT; i++) {
        names[i] = gicsim_regs[i].name;
    }
    suggest(name, names, GICSIM_REG__COUNT, max, out);
}

static const GicsimReg *reg_lookup(const char *name)
{
    unsigned i;

    for (i = 0; i < GICSIM_REG__COUNT; i++) {
        if (!g_ascii_strcasecmp(gicsim_regs[i].name, name)) {
            return &gicsim_regs[i];
        }
    }
    return NULL;
}

static const GicsimField *field_lookup(const GicsimReg *r, const char *name)
{
    const GicsimField *f;

    for (f = r->fields; f && f->name; f++) {
        if (!g_ascii_strcasecmp(f->name, name)) {
            return f;
        }
    }
    return NULL;
}

static bool reg_is_gicr(const GicsimReg *r)
{
    return r->frame != GICSIM_FRAME_GICD;
}

/* Bytes per redistributor: two 64 KiB frames, four with GICv4 */
static uint64_t redist_stride(const GsMachine *m)
{
    return (m->gic_version == 4 ? 4 : 2) * GICSIM_FRAME_SIZE;
}

uint64_t gs_reg_addr(const GsMachine *m, const GicsimReg *r, unsigned n,
                     unsigned byte, unsigned cpu)
{
    uint64_t off = gicsim_reg_offset(r, n) + byte;
    unsigned first = GS_GICR_REGION_SIZE / redist_stride(m);
    uint64_t rd;

    if (!reg_is_gicr(r)) {
        return GS_GICD_BASE + off;
    }
    /* virt fills its first redistributor region, then the second */
    rd = cpu < first ? GS_GICR_BASE + cpu * redist_stride(m) :
         GS_GICR2_BASE + (cpu - first) * redist_stride(m);
    return rd + (uint64_t)(r->frame - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE +
           off;
}

/* The most CPUs virt gives the GIC: both redistributor regions full */
static unsigned max_cpus(const GsMachine *m)
{
    unsigned n = (GS_GICR_REGION_SIZE + GS_GICR2_REGION_SIZE) /
                 redist_stride(m);

    return n < GS_VIRT_MAX_CPUS ? n : GS_VIRT_MAX_CPUS;
}

/* ---- Header ---- */

static bool parse_onoff(Parser *p, Tok *v, const char *key, bool *out)
{
    if (v->kind == T_IDENT && !strcmp(v->text, "on")) {
        *out = true;
    } else if (v->kind == T_IDENT && !strcmp(v->text, "off")) {
        *out = false;
    } else {
        perror_at(p, v->col, "expected on or off for %s, found '%s'", key,
                  v->text);
        return false;
    }
    return true;
}

static void parse_settings(Parser *p);

static void parse_machine(Parser *p, Tok *kw)
{
    p->script->has_machine = true;
    if (p->seen_stmt) {
        perror_at(p, kw->col, "expected 'machine' lines before the first "
                  "statement, found 'machine' after one");
        return;
    }
    parse_settings(p);
}

/* KEY=VALUE ... (the rest of a machine line) */
static void parse_settings(Parser *p)
{
    GsMachine *m = &p->script->machine;

    if (peek(p)->kind == T_END) {
        expected(p, "KEY=VALUE settings");
        return;
    }
    while (peek(p)->kind != T_END) {
        Tok *k = peek(p), *v;
        bool b;

        if (k->kind != T_IDENT) {
            expected(p, "a machine setting (gic-version, gic-model, secure, "
                     "virtualization, its, smp, profile, strict, cpuif)");
            return;
        }
        next(p);
        if (!expect_punct(p, "=")) {
            return;
        }
        v = next(p);
        if (v->kind == T_END) {
            perror_at(p, v->col, "expected a value for %s, found end of "
                      "line", k->text);
            return;
        }
        if (!strcmp(k->text, "gic-version")) {
            if (v->kind != T_NUMBER || (v->num != 3 && v->num != 4)) {
                perror_at(p, v->col, "expected 3 or 4 for gic-version, "
                          "found '%s'", v->text);
                return;
            }
            m->gic_version = v->num;
            if (v->num == 4) {
                m->virtualization = true;   /* GICv4 needs EL2 */
            }
        } else if (!strcmp(k->text, "gic-model")) {
            if (strcmp(v->text, "sim") && strcmp(v->text, "qemu")) {
                perror_at(p, v->col, "expected sim or qemu for gic-model, "
                          "found '%s'", v->text);
                return;
            }
            g_strlcpy(m->model, v->text, sizeof(m->model));
        } else if (!strcmp(k->text, "secure")) {
            if (!parse_onoff(p, v, k->text, &m->secure)) {
                return;
            }
        } else if (!strcmp(k->text, "virtualization")) {
            if (!parse_onoff(p, v, k->text, &m->virtualization)) {
                return;
            }
        } else if (!strcmp(k->text, "its")) {
            if (!parse_onoff(p, v, k->text, &b)) {
                return;
            }
            m->its = b;
        } else if (!strcmp(k->text, "strict")) {
            if (v->kind == T_IDENT && !strcmp(v->text, "pedantic")) {
                m->strict = 2;
            } else if (v->kind == T_IDENT && (!strcmp(v->text, "on") ||
                                              !strcmp(v->text, "off"))) {
                m->strict = !strcmp(v->text, "on");
            } else {
                perror_at(p, v->col, "expected on, off or pedantic for "
                          "strict, found '%s'", v->text);
                return;
            }
        } else if (!strcmp(k->text, "cpuif")) {
            if (!parse_onoff(p, v, k->text, &b)) {
                return;
            }
            m->cpuif = b;
        } else if (!strcmp(k->text, "smp")) {
            if (v->kind != T_NUMBER || v->num < 1 || v->num > 512) {
                perror_at(p, v->col, "expected a CPU count for smp, "
                          "found '%s'", v->text);
                return;
            }
            m->smp = v->num;
        } else if (!strcmp(k->text, "rwp-ns") ||
                   !strcmp(k->text, "waker-ns") ||
                   !strcmp(k->text, "pwrr-ns") ||
                   !strcmp(k->text, "syncr-ns")) {
            if (v->kind != T_NUMBER || v->num > 1000000000) {
                perror_at(p, v->col, "expected a duration in ns (0 to "
                          "1000000000) for %s, found '%s'", k->text, v->text);
                return;
            }
            g_string_append_printf(m->timing, " -global arm-gicv3-sim.%s=%"
                                   PRIu64, k->text, v->num);
        } else if (!strcmp(k->text, "profile")) {
            if (!gicsim_profile_find(v->text)) {
                perror_at(p, v->col, "expected a profile (%s), found '%s'",
                          gicsim_profile_names(), v->text);
                return;
            }
            g_free(m->profile);
            m->profile = g_strdup(v->text);
        } else if (!strcmp(k->text, "realm-shim")) {
            if (!parse_onoff(p, v, k->text, &m->realm_shim)) {
                return;
            }
        } else if (!strcmp(k->text, "realm-ipa-bits")) {
            if (v->kind != T_NUMBER || v->num < 32 || v->num > 52) {
                perror_at(p, v->col, "expected 32..52 for realm-ipa-bits, "
                          "found '%s'", v->text);
                return;
            }
            m->realm_ipa_bits = v->num;
        } else {
            static const char *const keys[] = {
                "gic-version", "gic-model", "secure", "virtualization",
                "its", "smp", "profile", "strict", "cpuif", "rwp-ns",
                "waker-ns", "pwrr-ns", "syncr-ns", "realm-shim",
                "realm-ipa-bits",
            };
            GString *s = g_string_new(NULL);

            suggest(k->text, keys, G_N_ELEMENTS(keys), 1, s);
            perror_at(p, k->col, "expected a machine setting, found '%s' "
                      "(did you mean %s?)", k->text, s->str);
            g_string_free(s, true);
            return;
        }
    }
}

/* ---- Command-line settings (override the header) ---- */

struct GsOverrides {
    GPtrArray *settings;    /* "KEY=VALUE", header syntax */
    GPtrArray *origins;     /* where each came from: "--smp 4" */
};

GsOverrides *gs_overrides_new(void)
{
    GsOverrides *o = g_new0(GsOverrides, 1);

    o->settings = g_ptr_array_new_with_free_func(g_free);
    o->origins = g_ptr_array_new_with_free_func(g_free);
    return o;
}

void gs_overrides_free(GsOverrides *o)
{
    if (o) {
        g_ptr_array_free(o->settings, true);
        g_ptr_array_free(o->origins, true);
        g_free(o);
    }
}

unsigned gs_overrides_count(const GsOverrides *o)
{
    return o ? o->settings->len : 0;
}

void gs_overrides_describe(const GsOverrides *o, GString *out)
{
    unsigned i;

    for (i = 0; i < gs_overrides_count(o); i++) {
        g_string_append_printf(out, "%s%s", i ? " " : "",
                               (char *)g_ptr_array_index(o->origins, i));
    }
}

/* Parse one "KEY=VALUE" setting from @origin into @p's machine. */
static bool apply_setting(Parser *p, const char *origin, const char *setting)
{
    GPtrArray *toks = p->toks;
    unsigned pos = p->pos;
    bool failed = p->failed, ok;

    p->toks = g_ptr_array_new_with_free_func(tok_free);
    p->where = origin;
    p->failed = false;
    ok = lex_line(p, setting, strlen(setting));
    if (ok) {
        parse_settings(p);
        ok = !p->failed;
    }
    g_ptr_array_free(p->toks, true);
    p->toks = toks;
    p->pos = pos;
    p->where = NULL;
    p->failed = failed || !ok;
    return ok;
}

static bool apply_overrides(Parser *p)
{
    unsigned i;

    for (i = 0; i < gs_overrides_count(p->overrides); i++) {
        if (!apply_setting(p, g_ptr_array_index(p->overrides->origins, i),
                           g_ptr_array_index(p->overrides->settings, i))) {
            return false;
        }
    }
    return true;
}

static GsScript *script_new(const char *filename);

bool gs_overrides_add(GsOverrides *o, const char *origin, const char *setting,
                      GString *errors)
{
    GsScript *s = script_new(origin);
    Parser p = { .filename = origin, .errors = errors, .script = s };
    bool ok;

    ok = apply_setting(&p, origin, setting);
    gs_script_free(s);
    if (ok) {
        g_ptr_array_add(o->settings, g_strdup(setting));
        g_ptr_array_add(o->origins, g_strdup(origin));
    }
    return ok;
}

void gs_machine_describe(const GsMachine *m, GString *out)
{
    g_string_append_printf(out, "gic-version=%u smp=%u secure=%s",
                           m->gic_version, m->smp, m->secure ? "on" : "off");
    if (m->virtualization) {
        g_string_append(out, " virtualization=on");
    }
    if (m->its >= 0) {
        g_string_append_printf(out, " its=%s", m->its ? "on" : "off");
    }
    g_string_append_printf(out, " profile=%s", m->profile ? m->profile :
                           "qemu");
    if (m->strict >= 0) {
        g_string_append_printf(out, " strict=%s", m->strict == 2 ? "pedantic" :
                               m->strict ? "on" : "off");
    }
}

void gs_machine_header(const GsMachine *m, GString *out)
{
    g_auto(GStrv) timing = g_strsplit(m->timing->str, " ", -1);
    unsigned i;

    g_string_append_printf(out, "machine gic-version=%u secure=%s smp=%u "
                           "gic-model=%s", m->gic_version,
                           m->secure ? "on" : "off", m->smp, m->model);
    if (m->virtualization && m->gic_version != 4) {
        g_string_append(out, " virtualization=on");
    }
    if (m->its >= 0) {
        g_string_append_printf(out, " its=%s", m->its ? "on" : "off");
    }
    if (m->profile) {
        g_string_append_printf(out, " profile=%s", m->profile);
    }
    if (m->strict >= 0) {
        g_string_append_printf(out, " strict=%s", m->strict == 2 ? "pedantic" :
                               m->strict ? "on" : "off");
    }
    if (m->cpuif >= 0) {
        g_string_append_printf(out, " cpuif=%s", m->cpuif ? "on" : "off");
    }
    /* " -global arm-gicv3-sim.rwp-ns=500" -> " rwp-ns=500" */
    for (i = 0; timing[i]; i++) {
        if (g_str_has_prefix(timing[i], "arm-gicv3-sim.")) {
            g_string_append_printf(out, " %s",
                                   timing[i] + strlen("arm-gicv3-sim."));
        }
    }
    if (m->realm_shim) {
        g_string_append_printf(out, " realm-shim=on realm-ipa-bits=%u",
                               m->realm_ipa_bits);
    }
    g_string_append_c(out, '\n');
}

/* ---- Statements ---- */

/*
 * The statements, for messages, suggestions, help and completion: a new
 * statement added here appears in all of them.
 */
const GsStatementHelp gs_statements[] = {
    { "machine", "machine KEY=VALUE ...",
      "machine settings (header only): gic-version, smp, secure, ..." },
    { "default", "default secure|nonsecure",
      "Security state of later accesses" },
    { "read", "read[8|16|32|64] [S|NS] TARGET [== V] [gated [GATE]]",
      "read and print decoded (and check)" },
    { "write", "write[8|16|32|64] [S|NS] TARGET = V [error | gated]",
      "write (error: expect a bus error; gated: expect RAZ/WI by a gate)" },
    { "expect", "expect [S|NS] TARGET (== V | != V) [gated [GATE]] | error",
      "read and check (gated: the read must be RAZ/WI by a gate); also "
      "expect irq|fiq cpu N == 0|1 and expect stats STAT == N" },
    { "wait", "wait [S|NS] TARGET == V within N | within TIME",
      "read until the check holds: at most N reads, or TIME (100us) "
      "of virtual time" },
    { "step", "step TIME", "advance the virtual clock (ns, us, ms, s)" },
    { "raise", "raise spi INTID | raise ppi INTID cpu N",
      "drive an interrupt input high" },
    { "lower", "lower spi INTID | lower ppi INTID cpu N",
      "drive an interrupt input low" },
    { "pulse", "pulse spi INTID | pulse ppi INTID cpu N",
      "drive an interrupt input high then low" },
    { "reset", "reset", "machine reset (system_reset)" },
    { "realm", "realm read|expect|write|wait ...",
      "the access through the realm shim (realm-shim=on)" },
    { "rec", "rec readN|writeN TARGET ... [reg=R] [sse] [isv=0|1] "
      "[ipa=WHERE [ripas=ram|empty]] [abort|restart]",
      "one RecExit/RecEntry round trip of the RMM protocol" },
    { "show", "show [cpu N]",
      "print what the GIC holds (info pic): controls, routing, pending "
      "and active interrupts, effects in flight, statistics" },
    { "echo", "echo \"text\"", "print a heading" },
    { NULL, NULL, NULL },
};

/* "machine, default, read, ..." */
static char *statement_list(void)
{
    GString *s = g_string_new(NULL);
    const GsStatementHelp *h;

    for (h = gs_statements; h->word; h++) {
        g_string_append_printf(s, "%s%s", h == gs_statements ? "" : ", ",
                               h->word);
    }
    return g_string_free(s, false);
}

static bool parse_sec(Parser *p, GsSec *sec)
{
    if (accept_word(p, "secure") || accept_word(p, "S")) {
        *sec = GS_SEC_S;
    } else if (accept_word(p, "nonsecure") || accept_word(p, "NS")) {
        *sec = GS_SEC_NS;
    } else {
        *sec = p->default_sec;
    }
    if (*sec == GS_SEC_S && !p->script->machine.secure) {
        perror_at(p, peek(p)->col, "expected a machine with secure=on for a "
                  "Secure access (the CPU has no Secure state)");
        return false;
    }
    return true;
}

/* "@sim" / "@qemu" after an access is a model tag, not a CPU */
static bool is_tag(const Tok *t)
{
    return t->kind == T_IDENT && (!g_ascii_strcasecmp(t->text, "sim") ||
                                  !g_ascii_strcasecmp(t->text, "qemu"));
}

/*
 * access := ( REG [ '(' n ')' ] [ '[' byte ']' ] | ADDRESS )
 *           { '@' cpuN | '.' FIELD } [ '&' MASK ]
 * @size: 0 for the natural size.
 */
static bool parse_access(Parser *p, unsigned size, bool allow_view,
                         GsAccess *a)
{
    GsMachine *m = &p->script->machine;
    Tok *t = peek(p);
    unsigned name_col = t->col, byte_col = 0;

    if (t->kind == T_NUMBER) {
        next(p);
        a->reg = NULL;
        a->addr = t->num;
        a->size = size ? size : 4;
        if (a->addr % a->size) {
            perror_at(p, t->col, "expected an address aligned to the "
                      "%u-byte access, found 0x%" PRIx64, a->size, a->addr);
            return false;
        }
    } else if (t->kind == T_IDENT) {
        const GicsimReg *r = reg_lookup(t->text);

        next(p);
        if (!r) {
            GString *s = g_string_new(NULL);

            gs_suggest_registers(t->text, 3, s);
            perror_at(p, t->col, "expected a register name, found unknown "
                      "register '%s'; did you mean %s?", t->text, s->str);
            g_string_free(s, true);
            return false;
        }
        a->reg = r;
        a->index = r->first;
        a->last = r->first;
        if ((r->count > 1 || r->first) && !is_punct(p, "(") &&
            p->ranges >= 2) {
            a->last = r->first + r->count - 1;  /* every element */
        } else if (r->count > 1 || r->first) {
            uint64_t n;
            unsigned col;

            if (!is_punct(p, "(")) {
                g_autofree char *w = g_strdup_printf(
                    "'(' and the index n of %s<n> (%u..%u)", r->name,
                    r->first, r->first + r->count - 1);
                expected(p, w);
                return false;
            }
            next(p);
            if (!expect_number(p, "an index", &n, &col)) {
                return false;
            }
            if (n < r->first || n >= (uint64_t)r->first + r->count) {
                perror_at(p, col, "expected an index of %s in %u..%u, "
                          "found %" PRIu64, r->name, r->first,
                          r->first + r->count - 1, n);
                return false;
            }
            a->index = n;
            a->last = n;
            if (is_punct(p, "..") && p->ranges) {
                uint64_t l;

                next(p);
                if (!expect_number(p, "the last index of the range", &l,
                                   &col)) {
                    return false;
                }
                if (l < n || l >= (uint64_t)r->first + r->count) {
                    perror_at(p, col, "expected a last index of %s in "
                              "%" PRIu64 "..%u, found %" PRIu64, r->name, n,
                              r->first + r->count - 1, l);
                    return false;
                }
                a->last = l;
            } else if (is_punct(p, "..")) {
                perror_at(p, peek(p)->col, "expected ')': a range of "
                          "elements is for read, expect and write");
                return false;
            }
            if (!expect_punct(p, ")")) {
                return false;
            }
        } else if (is_punct(p, "(")) {
            perror_at(p, peek(p)->col, "expected no index: %s is not an "
                      "array", r->name);
            return false;
        }
        if (accept_punct(p, "[")) {
            uint64_t b;

            if (!expect_number(p, "a byte offset", &b, &byte_col)) {
                return false;
            }
            if (b >= r->size) {
                perror_at(p, byte_col, "expected a byte offset in 0..%u of "
                          "the %u-byte %s, found %" PRIu64, r->size - 1,
                          r->size, r->name, b);
                return false;
            }
            a->byte = b;
            if (!expect_punct(p, "]")) {
                return false;
            }
        }
        a->size = size ? size : (a->byte ? 1 : r->size);
        if (a->byte % a->size) {
            perror_at(p, byte_col, "expected a byte offset aligned to the "
                      "%u-byte access, found %u", a->size, a->byte);
            return false;
        }
    } else {
        expected(p, "a register name or an address");
        return false;
    }

    for (;;) {
        if (is_punct(p, "@") && p->pos + 1 < p->toks->len &&
            !is_tag(g_ptr_array_index(p->toks, p->pos + 1))) {
            Tok *c;
            uint64_t n;

            next(p);
            c = peek(p);
            if (c->kind != T_IDENT || g_ascii_strncasecmp(c->text, "cpu", 3)
                || !parse_number(c->text + 3, &n)) {
                expected(p, "cpuN (a redistributor) after '@'");
                return false;
            }
            next(p);
            if (!a->reg || !reg_is_gicr(a->reg)) {
                perror_at(p, c->col, "expected a redistributor (GICR_) "
                          "register before @%s", c->text);
                return false;
            }
            if (n >= m->smp) {
                perror_at(p, c->col, "expected a CPU below smp=%u, found "
                          "%s", m->smp, c->text);
                return false;
            }
            a->cpu = n;
        } else if (is_punct(p, ".") && allow_view) {
            Tok *f;
            unsigned lo, hi;

            next(p);
            f = peek(p);
            if (f->kind != T_IDENT) {
                expected(p, "a field name after '.'");
                return false;
            }
            next(p);
            if (!a->reg) {
                perror_at(p, f->col, "expected a register name before "
                          ".%s: a raw address has no fields", f->text);
                return false;
            }
            a->field = field_lookup(a->reg, f->text);
            if (!a->field) {
                const GicsimField *x;
                GPtrArray *names = g_ptr_array_new();
                GString *s = g_string_new(NULL);

                for (x = a->reg->fields; x && x->name; x++) {
                    g_ptr_array_add(names, (gpointer)x->name);
                }
                if (names->len) {
                    suggest(f->text, (const char *const *)names->pdata,
                            names->len, 3, s);
                    perror_at(p, f->col, "expected a field of %s, found "
                              "'%s'; did you mean %s?", a->reg->name,
                              f->text, s->str);
                } else {
                    perror_at(p, f->col, "expected no field: %s has no "
                              "fields in the register table; use & MASK",
                              a->reg->name);
                }
                g_ptr_array_free(names, true);
                g_string_free(s, true);
                return false;
            }
            lo = a->byte * 8;
            hi = lo + a->size * 8;
            if (a->field->lsb < lo ||
                a->field->lsb + a->field->width > hi) {
                perror_at(p, f->col, "expected a field within bits "
                          "[%u:%u] that this access covers, found %s "
                          "[%u:%u]", hi - 1, lo, a->field->name,
                          a->field->lsb + a->field->width - 1,
                          a->field->lsb);
                return false;
            }
        } else {
            break;
        }
    }
    if (allow_view && accept_punct(p, "&")) {
        if (a->field) {
            perror_at(p, peek(p)->col, "expected a field or a mask, not "
                      "both");
            return false;
        }
        if (!parse_value(p, &a->mask)) {
            return false;
        }
        a->has_mask = true;
    }
    if (a->reg) {
        if (a->reg->frame == GICSIM_FRAME_VLPI && m->gic_version != 4) {
            perror_at(p, name_col, "expected gic-version=4 for %s (the "
                      "VLPI_base frame exists only in GICv4)", a->reg->name);
            return false;
        }
        a->addr = gs_reg_addr(m, a->reg, a->index, a->byte, a->cpu);
    }
    return true;
}

static unsigned view_width(const GsAccess *a)
{
    return a->field ? a->field->width : a->size * 8;
}

static bool fits(uint64_t v, unsigned bits)
{
    return bits >= 64 || v >> bits == 0;
}

/* check := ( '==' | '!=' ) value | 'error' */
static bool parse_check(Parser *p, GsStmt *st, bool allow_error)
{
    Tok *t = peek(p);
    bool ne = false;

    if (allow_error && accept_word(p, "error")) {
        st->check = GS_CHECK_ERROR;
        return true;
    }
    if (accept_punct(p, "==")) {
        ne = false;
    } else if (accept_punct(p, "!=")) {
        ne = true;
    } else {
        expected(p, allow_error ? "'==', '!=', 'error' or 'gated'"
                                : "'==' or '!='");
        return false;
    }
    t = peek(p);
    if (!parse_value(p, &st->value)) {
        return false;
    }
    if (!fits(st->value, view_width(&st->acc))) {
        perror_at(p, t->col, "expected a value that fits in the %u bits "
                  "compared, found 0x%" PRIx64, view_width(&st->acc),
                  st->value);
        return false;
    }
    st->check = ne ? GS_CHECK_NE : GS_CHECK_EQ;
    return true;
}

/*
 * [ 'gated' [ GATE ] ]: the access must be RAZ/WI by a gate of the
 * register (GATE: that one).  A gated access completes, so it cannot
 * also end in a bus error.
 */
static bool parse_gated(Parser *p, GsStmt *st)
{
    Tok *t = peek(p);

    if (!accept_word(p, "gated")) {
        return true;
    }
    if (st->check == GS_CHECK_ERROR) {
        perror_at(p, t->col, "expected 'error' or 'gated', not both (a "
                  "gated access is RAZ/WI, never a bus error)");
        return false;
    }
    if (!st->acc.reg) {
        perror_at(p, t->col, "expected a register name for 'gated': a raw "
                  "address has no gates in the register table");
        return false;
    }
    st->expect_gated = true;
    t = peek(p);
    if (t->kind == T_IDENT) {
        static const char *const gates[] = { "Secure-only", "DS", "power" };
        unsigned i;

        for (i = 0; i < G_N_ELEMENTS(gates); i++) {
            if (!g_ascii_strcasecmp(t->text, gates[i])) {
                st->expect_gate = gates[i];
                next(p);
                return true;
            }
        }
        perror_at(p, t->col, "expected the gate after 'gated' "
                  "(Secure-only, DS or power) or the end, found '%s'",
                  t->text);
        return false;
    }
    return true;
}

/* Verb with an optional size suffix: read, read8 ... read64 */
static bool verb_size(const char *word, const char *verb, unsigned *size)
{
    size_t n = strlen(verb);

    if (g_ascii_strncasecmp(word, verb, n)) {
        return false;
    }
    word += n;
    if (!*word) {
        *size = 0;
    } else if (!strcmp(word, "8")) {
        *size = 1;
    } else if (!strcmp(word, "16")) {
        *size = 2;
    } else if (!strcmp(word, "32")) {
        *size = 4;
    } else if (!strcmp(word, "64")) {
        *size = 8;
    } else {
        return false;
    }
    return true;
}

static bool parse_irq_line(Parser *p, GsStmt *st)
{
    GsMachine *m = &p->script->machine;
    uint64_t n;
    unsigned col;
    bool ppi;

    if (accept_word(p, "spi")) {
        ppi = false;
    } else if (accept_word(p, "ppi")) {
        ppi = true;
    } else {
        expected(p, "spi or ppi");
        return false;
    }
    if (!expect_number(p, ppi ? "a PPI INTID (16..31)" :
                       "an SPI INTID (32..287)", &n, &col)) {
        return false;
    }
    if (ppi ? (n < 16 || n > 31) : (n < 32 || n >= GS_VIRT_NUM_IRQ)) {
        perror_at(p, col, "expected %s, found %" PRIu64,
                  ppi ? "a PPI INTID in 16..31" :
                  "an SPI INTID in 32..287 (the virt machine's SPIs)", n);
        return false;
    }
    st->intid = n;
    st->cpu = 0;
    if (ppi) {
        uint64_t c;

        if (!accept_word(p, "cpu")) {
            expected(p, "'cpu' and the CPU whose PPI it is");
            return false;
        }
        if (!expect_number(p, "a CPU number", &c, &col)) {
            return false;
        }
        if (c >= m->smp) {
            perror_at(p, col, "expected a CPU below smp=%u, found %" PRIu64,
                      m->smp, c);
            return false;
        }
        st->cpu = c;
    }
    return true;
}

/*
 * expect stats TARGET == N  (or !=): a cost statistic of the device
 * (docs/cost.rst), where TARGET is
 *   accesses | cycles                      all registers
 *   REG.COUNTER | undefined.COUNTER        one register, or the accesses
 *                                          no register takes
 *   step.NAME.count | step.NAME.cycles     one step of the cost path
 * and COUNTER is reads, writes, reads64, writes64 or cycles; with a
 * "realm." prefix, of the accesses through the realm shims, costed on
 * the realm path.
 */
static bool parse_stats(Parser *p, GsStmt *st)
{
    static const char *const counters[] = {
        "reads", "writes", "reads64", "writes64", "cycles",
    };
    Tok *t = peek(p), *c;
    const char *pre = "";
    unsigned i;

    st->kind = GS_STATS;
    st->tag = GS_TAG_SIM;       /* stock QEMU's GIC keeps no statistics */
    if (t->kind == T_IDENT && !strcmp(t->text, "realm")) {
        next(p);
        if (!expect_punct(p, ".")) {
            return false;
        }
        pre = "realm/";
        t = peek(p);
    }
    if (t->kind != T_IDENT) {
        expected(p, "a statistic (accesses, cycles, REGISTER.COUNTER or "
                 "step.NAME.count|cycles)");
        return false;
    }
    next(p);
    if (!strcmp(t->text, "accesses") || !strcmp(t->text, "cycles")) {
        st->stats = g_strdup_printf("%s%s", pre, t->text);
    } else if (!strcmp(t->text, "step")) {
        Tok *name;

        if (!expect_punct(p, ".")) {
            return false;
        }
        name = peek(p);
        if (name->kind != T_IDENT) {
            expected(p, "a step name (docs/cost.rst)");
            return false;
        }
        next(p);
        if (!expect_punct(p, ".")) {
            return false;
        }
        c = peek(p);
        if (c->kind != T_IDENT ||
            (strcmp(c->text, "count") && strcmp(c->text, "cycles"))) {
            expected(p, "count or cycles");
            return false;
        }
        next(p);
        st->stats = g_strdup_printf("%ssteps/%s/%s", pre, name->text,
                                    c->text);
    } else {
        const char *reg = "(undefined)";

        if (strcmp(t->text, "undefined")) {
            const GicsimReg *r = reg_lookup(t->text);

            if (!r) {
                GString *sug = g_string_new(NULL);

                gs_suggest_registers(t->text, 3, sug);
                perror_at(p, t->col, "expected a register name, accesses, "
                          "cycles, step or undefined, found '%s'; did you "
                          "mean %s?", t->text, sug->str);
                g_string_free(sug, true);
                return false;
            }
            reg = r->name;
        }
        if (!expect_punct(p, ".")) {
            return false;
        }
        c = peek(p);
        for (i = 0; c->kind == T_IDENT && i < G_N_ELEMENTS(counters); i++) {
            if (!strcmp(c->text, counters[i])) {
                break;
            }
        }
        if (c->kind != T_IDENT || i == G_N_ELEMENTS(counters)) {
            expected(p, "reads, writes, reads64, writes64 or cycles");
            return false;
        }
        next(p);
        st->stats = g_strdup_printf("%sregisters/%s/%s", pre, reg,
                                    c->text);
    }
    if (accept_punct(p, "==")) {
        st->check = GS_CHECK_EQ;
    } else if (accept_punct(p, "!=")) {
        st->check = GS_CHECK_NE;
    } else {
        expected(p, "'==' or '!='");
        return false;
    }
    return expect_number(p, "a number", &st->value, NULL);
}

/* ---- Realm statements (docs/realm.rst) ---- */

/*
 * "realm VERB ...": a read, expect, write or wait through the realm shim
 * at the Unprotected alias.  Returns the verb's token, NULL on error.
 */
static Tok *parse_realm_prefix(Parser *p, Tok *kw)
{
    Tok *v = peek(p);
    unsigned size;

    if (!p->script->machine.realm_shim) {
        perror_at(p, kw->col, "expected a machine with realm-shim=on for "
                  "an access through the realm alias");
        return NULL;
    }
    if (v->kind != T_IDENT ||
        !(verb_size(v->text, "read", &size) ||
          verb_size(v->text, "write", &size) ||
          verb_size(v->text, "wait", &size) ||
          verb_size(v->text, "expect", &size)) ||
        (p->pos + 1 < p->toks->len &&
         (is_word_at(p, p->pos + 1, "irq") ||
          is_word_at(p, p->pos + 1, "fiq")))) {
        expected(p, "read, expect, write or wait (a register access) "
                 "after 'realm'");
        return NULL;
    }
    return next(p);
}

/* reg=R: X0..X30, W0..W30, XZR, WZR */
static bool parse_rec_reg(Parser *p, GicsimDabtIss *iss)
{
    Tok *t = peek(p);
    uint64_t n;

    if (t->kind == T_IDENT && (!g_ascii_strcasecmp(t->text, "xzr") ||
                               !g_ascii_strcasecmp(t->text, "wzr"))) {
        iss->srt = 31;
        iss->sf = g_ascii_tolower(t->text[0]) == 'x';
    } else if (t->kind == T_IDENT &&
               (g_ascii_tolower(t->text[0]) == 'x' ||
                g_ascii_tolower(t->text[0]) == 'w') &&
               t->text[1] && g_ascii_isdigit(t->text[1]) &&
               parse_number(t->text + 1, &n) && n <= 30) {
        iss->srt = n;
        iss->sf = g_ascii_tolower(t->text[0]) == 'x';
    } else {
        expected(p, "a register X0..X30, W0..W30, XZR or WZR");
        return false;
    }
    next(p);
    return true;
}

/*
 * rec readN  T [reg=R] [sse] [isv=0|1] [ipa=WHERE [ripas=R]]
 *            [== V | abort | restart]
 * rec writeN T = V [reg=R] [isv=0|1] [ipa=WHERE [ripas=R]]
 *            [abort | restart]
 */
static bool parse_rec(Parser *p, GsStmt *st)
{
    GsRec *rec = &st->rec;
    Tok *v = peek(p), *opt;
    unsigned size, len;
    bool write, reg_given = false;

    if (v->kind != T_IDENT) {
        expected(p, "read or write (with an optional width) after 'rec'");
        return false;
    }
    if (verb_size(v->text, "read", &size)) {
        write = false;
    } else if (verb_size(v->text, "write", &size)) {
        write = true;
    } else {
        expected(p, "read or write (with an optional width) after 'rec'");
        return false;
    }
    next(p);
    st->kind = GS_REC;
    if (!parse_sec(p, &st->acc.sec) ||
        !parse_access(p, size, false, &st->acc)) {
        return false;
    }
    len = st->acc.size;
    if (write) {
        /* the register's value: the RMM takes the access's bytes of it */
        if (!expect_punct(p, "=") || !parse_value(p, &st->value)) {
            return false;
        }
    }
    rec->iss.isv = true;
    rec->iss.wnr = write;
    rec->iss.sas = __builtin_ctz(len);
    rec->ipa = GS_REC_UNPROTECTED;
    while ((opt = peek(p))->kind == T_IDENT) {
        if (accept_word(p, "reg")) {
            if (!expect_punct(p, "=") || !parse_rec_reg(p, &rec->iss)) {
                return false;
            }
            reg_given = true;
        } else if (accept_word(p, "sse")) {
            if (write || len == 8) {
                perror_at(p, opt->col, "expected sse only on a 1-, 2- or "
                          "4-byte read (LDRSB, LDRSH, LDRSW)");
                return false;
            }
            rec->iss.sse = true;
        } else if (accept_word(p, "isv")) {
            uint64_t b;
            unsigned col;

            if (!expect_punct(p, "=") ||
                !expect_number(p, "0 or 1", &b, &col)) {
                return false;
            }
            if (b > 1) {
                perror_at(p, col, "expected 0 or 1 for isv, found %" PRIu64,
                          b);
                return false;
            }
            rec->iss.isv = b;
        } else if (accept_word(p, "ipa")) {
            if (!expect_punct(p, "=")) {
                return false;
            }
            if (accept_word(p, "unprotected")) {
                rec->ipa = GS_REC_UNPROTECTED;
            } else if (accept_word(p, "protected")) {
                rec->ipa = GS_REC_PROTECTED;
            } else if (accept_word(p, "outside")) {
                rec->ipa = GS_REC_OUTSIDE;
            } else {
                expected(p, "unprotected, protected or outside");
                return false;
            }
        } else if (accept_word(p, "ripas")) {
            if (!expect_punct(p, "=")) {
                return false;
            }
            if (rec->ipa != GS_REC_PROTECTED) {
                perror_at(p, opt->col, "expected ripas= only after "
                          "ipa=protected (RIPAS is a Protected IPA's)");
                return false;
            }
            if (accept_word(p, "ram")) {
                rec->ripas_empty = false;
            } else if (accept_word(p, "empty")) {
                rec->ripas_empty = true;
            } else {
                expected(p, "ram or empty");
                return false;
            }
        } else if (accept_word(p, "abort")) {
            rec->expect_abort = true;
            break;
        } else if (accept_word(p, "restart")) {
            rec->expect_restart = true;
            break;
        } else {
            expected(p, "reg=, sse, isv=, ipa=, ripas=, abort, restart or "
                     "'=='");
            return false;
        }
    }
    if (!reg_given) {
        rec->iss.srt = 0;
        rec->iss.sf = len == 8 || rec->iss.sse;
    }
    if (len == 8 && !rec->iss.sf) {
        perror_at(p, v->col, "expected an X register for an 8-byte access");
        return false;
    }
    if (len < 8 && rec->iss.sf && !rec->iss.sse) {
        perror_at(p, v->col, "expected a W register for a %u-byte access "
                  "without sign extension", len);
        return false;
    }
    if (!write && !rec->expect_abort && !rec->expect_restart &&
        is_punct(p, "==")) {
        next(p);
        if (!parse_value(p, &st->value)) {
            return false;
        }
        st->check = GS_CHECK_EQ;
    }
    return true;
}

/* The header is over: apply the command line, check the machine. */
static bool begin_statements(Parser *p, unsigned col)
{
    GsMachine *m = &p->script->machine;

    p->seen_stmt = true;
    if (!apply_overrides(p)) {
        return false;
    }
    if (m->smp > max_cpus(m)) {
        perror_at(p, col, "expected smp <= %u for gic-version=%u "
                  "(the virt machine's redistributor regions), "
                  "found smp=%u", max_cpus(m), m->gic_version, m->smp);
        return false;
    }
    return true;
}

/*
 * Add @st to @s: one statement per element of its range (REG(n..m), or a
 * whole array), each with its own address.
 */
static void add_elements(GsScript *s, GsStmt *st)
{
    GsAccess *a = &st->acc;
    unsigned i;

    if (!a->reg || a->last <= a->index) {
        a->last = a->index;
        if (a->realm_alias) {
            a->addr = gs_realm_alias(&s->machine, a->addr);
        }
        g_ptr_array_add(s->stmts, st);
        return;
    }
    for (i = a->index; i <= a->last; i++) {
        GsStmt *e = g_memdup2(st, sizeof(*st));

        e->text = g_strdup(st->text);
        e->stats = NULL;
        e->acc.index = e->acc.last = i;
        e->acc.addr = gs_reg_addr(&s->machine, a->reg, i, a->byte, a->cpu);
        if (a->realm_alias) {
            e->acc.addr = gs_realm_alias(&s->machine, e->acc.addr);
        }
        g_ptr_array_add(s->stmts, e);
    }
    g_free(st->text);
    g_free(st);
}

static void parse_stmt(Parser *p, const char *text)
{
    GsScript *s = p->script;
    Tok *kw = peek(p);
    GsStmt *st;
    unsigned size;
    bool via_alias = false;

    if (kw->kind == T_END) {
        return;     /* blank line or comment */
    }
    if (kw->kind != T_IDENT) {
        g_autofree char *list = statement_list();
        g_autofree char *what = g_strdup_printf("a statement (%s)", list);

        expected(p, what);
        return;
    }
    next(p);
    if (!g_ascii_strcasecmp(kw->text, "machine")) {
        parse_machine(p, kw);
        return;
    }
    if (!p->seen_stmt && !begin_statements(p, kw->col)) {
        return;
    }
    if (!g_ascii_strcasecmp(kw->text, "realm")) {
        kw = parse_realm_prefix(p, kw);
        if (!kw) {
            return;
        }
        via_alias = true;
    }
    if (!g_ascii_strcasecmp(kw->text, "default")) {
        if (accept_word(p, "secure") || accept_word(p, "S")) {
            if (!s->machine.secure) {
                perror_at(p, kw->col, "expected a machine with secure=on "
                          "for Secure accesses");
                return;
            }
            p->default_sec = GS_SEC_S;
        } else if (accept_word(p, "nonsecure") || accept_word(p, "NS")) {
            p->default_sec = GS_SEC_NS;
        } else {
            expected(p, "secure or nonsecure");
            return;
        }
        expect_end(p);
        return;
    }

    st = g_new0(GsStmt, 1);
    st->line = p->line;
    st->text = g_strstrip(g_strdup(text));
    {
        char *hash = strchr(st->text, '#');

        if (hash) {
            *hash = '\0';
            g_strchomp(st->text);
        }
    }

    if (!g_ascii_strcasecmp(kw->text, "expect") && is_word(p, "stats")) {
        next(p);
        if (!parse_stats(p, st)) {
            goto fail;
        }
    } else if (verb_size(kw->text, "read", &size) ||
               verb_size(kw->text, "expect", &size)) {
        bool is_expect = !g_ascii_strncasecmp(kw->text, "expect", 6);

        if (is_expect && size == 0 &&
            (is_word(p, "irq") || is_word(p, "fiq"))) {
            uint64_t c, v;
            unsigned col;

            st->kind = GS_IRQ_OUT;
            st->fiq = is_word(p, "fiq");
            next(p);
            if (!accept_word(p, "cpu")) {
                expected(p, "'cpu' and a CPU number");
                goto fail;
            }
            if (!expect_number(p, "a CPU number", &c, &col)) {
                goto fail;
            }
            if (c >= s->machine.smp) {
                perror_at(p, col, "expected a CPU below smp=%u, found %"
                          PRIu64, s->machine.smp, c);
                goto fail;
            }
            st->cpu = c;
            if (!expect_punct(p, "==")) {
                goto fail;
            }
            if (!expect_number(p, "0 or 1", &v, &col)) {
                goto fail;
            }
            if (v > 1) {
                perror_at(p, col, "expected 0 or 1, found %" PRIu64, v);
                goto fail;
            }
            st->level = v;
            s->checks_lines = true;
        } else {
            st->kind = GS_READ;
            p->ranges = 2;
            if (!parse_sec(p, &st->acc.sec) ||
                !parse_access(p, size, true, &st->acc)) {
                goto fail;
            }
            if (!is_word(p, "gated") && (is_expect ||
                (peek(p)->kind != T_END && !is_punct(p, "@")))) {
                if (!parse_check(p, st, true)) {
                    goto fail;
                }
            }
            if (!parse_gated(p, st)) {
                goto fail;
            }
        }
    } else if (verb_size(kw->text, "write", &size)) {
        unsigned col;

        st->kind = GS_WRITE;
        p->ranges = 1;
        if (!parse_sec(p, &st->acc.sec) ||
            !parse_access(p, size, false, &st->acc) ||
            !expect_punct(p, "=")) {
            goto fail;
        }
        col = peek(p)->col;
        if (!parse_value(p, &st->value)) {
            goto fail;
        }
        if (!fits(st->value, st->acc.size * 8)) {
            perror_at(p, col, "expected a value that fits in the %u-bit "
                      "access, found 0x%" PRIx64, st->acc.size * 8,
                      st->value);
            goto fail;
        }
        if (accept_word(p, "error")) {
            st->check = GS_CHECK_ERROR;
        }
        if (!parse_gated(p, st)) {
            goto fail;
        }
    } else if (verb_size(kw->text, "wait", &size)) {
        uint64_t n;
        unsigned col;

        st->kind = GS_WAIT;
        if (!parse_sec(p, &st->acc.sec) ||
            !parse_access(p, size, true, &st->acc) ||
            !parse_check(p, st, false)) {
            goto fail;
        }
        if (!accept_word(p, "within")) {
            expected(p, "'within' and the most reads to make, or a time");
            goto fail;
        }
        if (peek(p)->kind == T_TIME) {
            Tok *t = next(p);

            if (t->num < 1 || t->num > 10 * 1000000000ULL) {
                perror_at(p, t->col, "expected a time from 1ns to 10s, "
                          "found '%s'", t->text);
                goto fail;
            }
            st->within_ns = t->num;
            p->script->timed = true;
        } else if (!expect_number(p, "a number of reads, or a time (2us)",
                                  &n, &col)) {
            goto fail;
        } else if (n < 1 || n > 1000000) {
            perror_at(p, col, "expected 1..1000000 reads, found %" PRIu64,
                      n);
            goto fail;
        }
        st->within = n;
    } else if (!g_ascii_strcasecmp(kw->text, "raise") ||
               !g_ascii_strcasecmp(kw->text, "lower") ||
               !g_ascii_strcasecmp(kw->text, "pulse")) {
        st->kind = GS_IRQ_IN;
        st->level = kw->text[0] == 'r' || kw->text[0] == 'R' ? 1 :
                    kw->text[0] == 'l' || kw->text[0] == 'L' ? 0 : 2;
        if (!parse_irq_line(p, st)) {
            goto fail;
        }
    } else if (!g_ascii_strcasecmp(kw->text, "step")) {
        Tok *t = peek(p);

        st->kind = GS_STEP;
        if (t->kind != T_TIME || t->num < 1 || t->num > 10 * 1000000000ULL) {
            expected(p, "a time from 1ns to 10s (500ns, 2us, 1ms)");
            goto fail;
        }
        next(p);
        st->value = t->num;
        p->script->timed = true;
    } else if (!g_ascii_strcasecmp(kw->text, "rec") && !via_alias) {
        if (!parse_rec(p, st)) {
            goto fail;
        }
    } else if (!g_ascii_strcasecmp(kw->text, "show")) {
        Tok *t = peek(p);

        st->kind = GS_SHOW;
        if (t->kind == T_IDENT && !g_ascii_strcasecmp(t->text, "cpu")) {
            next(p);
            t = peek(p);
            if (t->kind != T_NUMBER || t->num >= GS_VIRT_MAX_CPUS) {
                expected(p, "a CPU number");
                goto fail;
            }
            next(p);
            st->value = t->num + 1;
        }
    } else if (!g_ascii_strcasecmp(kw->text, "reset")) {
        st->kind = GS_RESET;
    } else if (!g_ascii_strcasecmp(kw->text, "echo")) {
        Tok *t = peek(p);

        st->kind = GS_ECHO;
        if (t->kind != T_STRING) {
            expected(p, "a \"quoted text\"");
            goto fail;
        }
        next(p);
        g_free(st->text);
        st->text = g_strdup(t->text);
    } else {
        g_autofree const char **verbs = NULL;
        g_autofree char *list = statement_list();
        GString *sug = g_string_new(NULL);
        unsigned n;

        for (n = 0; gs_statements[n].word; n++) {
            continue;
        }
        verbs = g_new(const char *, n);
        for (n = 0; gs_statements[n].word; n++) {
            verbs[n] = gs_statements[n].word;
        }
        suggest(kw->text, verbs, n, 1, sug);
        perror_at(p, kw->col, "expected a statement (%s), found '%s' (did "
                  "you mean %s?)", list, kw->text, sug->str);
        g_string_free(sug, true);
        goto fail;
    }

    /* Optional model tag, then the end of the line */
    if (is_punct(p, "@")) {
        next(p);
        if (accept_word(p, "sim")) {
            st->tag = GS_TAG_SIM;
        } else if (accept_word(p, "qemu")) {
            st->tag = GS_TAG_QEMU;
        } else {
            expected(p, "sim or qemu after '@' (a model tag)");
            goto fail;
        }
    }
    if (!expect_end(p)) {
        goto fail;
    }
    if (via_alias) {
        st->acc.realm_alias = true;
    }
    add_elements(s, st);
    p->ranges = 0;
    return;

fail:
    p->ranges = 0;
    g_free(st->stats);
    g_free(st->text);
    g_free(st);
}

static void stmt_free(gpointer p)
{
    GsStmt *st = p;

    g_free(st->stats);
    g_free(st->text);
    g_free(st);
}

static GsScript *script_new(const char *filename)
{
    GsScript *s = g_new0(GsScript, 1);

    s->filename = g_strdup(filename);
    s->stmts = g_ptr_array_new_with_free_func(stmt_free);
    /*
     * The default machine, the same for scripts, the tour and the
     * interactive prompt: GS_DEFAULT_MACHINE
     */
    s->machine = (GsMachine) {
        .gic_version = 3, .secure = true, .its = -1, .smp = 2, .strict = -1,
        .cpuif = -1,
        .timing = g_string_new(NULL),
        .realm_ipa_bits = 48,
    };
    g_strlcpy(s->machine.model, "sim", sizeof(s->machine.model));
    return s;
}

/*
 * Parse one line: its statements, separated by ';' (outside strings,
 * before a comment).  Columns count from the start of the line.  Returns
 * false if a statement has an error.
 */
static bool parse_line(Parser *p, const char *line, size_t len)
{
    size_t i, start = 0;
    bool quoted = false, ok = true;

    for (i = 0; i < len; i++) {
        if (line[i] == '"') {
            quoted = !quoted;
        } else if (line[i] == '#' && !quoted) {
            len = i;
        }
    }
    quoted = false;
    for (i = 0; i <= len; i++) {
        if (i < len && line[i] == '"') {
            quoted = !quoted;
        }
        if (i == len || (line[i] == ';' && !quoted)) {
            g_autofree char *copy = g_strndup(line + start, i - start);

            p->failed = false;
            p->col_base = start;
            if (lex_line(p, line + start, i - start)) {
                parse_stmt(p, copy);
            }
            ok &= !p->failed;
            start = i + 1;
        }
    }
    p->col_base = 0;
    p->failed = !ok;
    return ok;
}

/* Parse the lines of @text into @p's script. */
static void parse_text(Parser *p, const char *text)
{
    const char *line = text;

    while (*line) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        p->line++;
        parse_line(p, line, len);
        line += len;
        if (*line == '\n') {
            line++;
        }
    }
}

GsScript *gs_parse_with(const char *filename, const char *text,
                        const GsOverrides *o, GString *errors)
{
    Parser p = {
        .filename = filename, .errors = errors, .default_sec = GS_SEC_NS,
        .overrides = o,
    };
    GsScript *s = script_new(filename);

    p.script = s;
    p.toks = g_ptr_array_new_with_free_func(tok_free);
    parse_text(&p, text);
    if (!p.any_error && s->stmts->len == 0) {
        g_string_append_printf(errors, "%s:%u:1: expected at least one "
                               "statement, found end of file\n", filename,
                               p.line + 1);
        p.any_error = true;
    }
    g_ptr_array_free(p.toks, true);
    if (p.any_error) {
        gs_script_free(s);
        return NULL;
    }
    return s;
}

GsScript *gs_parse(const char *filename, const char *text, GString *errors)
{
    return gs_parse_with(filename, text, NULL, errors);
}

/* ---- Sessions: one line at a time (the interactive probe) ---- */

struct GsSession {
    Parser p;
};

GsSession *gs_session_new(const char *name, const char *header,
                          const GsOverrides *o, GString *errors)
{
    GsSession *ss = g_new0(GsSession, 1);
    Parser *p = &ss->p;

    p->filename = name;
    p->errors = errors;
    p->default_sec = GS_SEC_NS;
    p->overrides = o;
    p->script = script_new(name);
    p->toks = g_ptr_array_new_with_free_func(tok_free);
    parse_text(p, header);
    p->failed = false;
    p->line = 0;        /* number the user's lines from 1 */
    if (p->any_error || !begin_statements(p, 1)) {
        gs_session_free(ss);
        return NULL;
    }
    return ss;
}

GsScript *gs_session_script(GsSession *ss)
{
    return ss->p.script;
}

int gs_session_line(GsSession *ss, const char *line, unsigned *col,
                    GString *errors)
{
    Parser *p = &ss->p;
    GsScript *s = p->script;
    unsigned before = s->stmts->len;

    p->errors = errors;
    p->line++;
    p->err_col = 0;
    if (!parse_line(p, line, strlen(line))) {
        /* Nothing of a line in error runs */
        g_ptr_array_set_size(s->stmts, before);
        if (col) {
            *col = p->err_col;
        }
        return -1;
    }
    return s->stmts->len - before;
}

unsigned gs_session_line_number(const GsSession *ss)
{
    return ss->p.line;
}

void gs_session_free(GsSession *ss)
{
    if (ss) {
        gs_script_free(ss->p.script);
        g_ptr_array_free(ss->p.toks, true);
        g_free(ss);
    }
}

void gs_script_free(GsScript *s)
{
    if (!s) {
        return;
    }
    g_free(s->filename);
    g_free(s->machine.profile);
    g_string_free(s->machine.timing, true);
    g_ptr_array_free(s->stmts, true);
    g_free(s);
}

bool gs_stmt_applies(const GsStmt *st, const char *model)
{
    switch (st->tag) {
    case GS_TAG_SIM:
        return !strcmp(model, "sim");
    case GS_TAG_QEMU:
        return !strcmp(model, "qemu");
    default:
        return true;
    }
}

/* ---- Values ---- */

uint64_t gs_access_value(const GsAccess *a, uint64_t raw)
{
    if (a->field) {
        unsigned sh = a->field->lsb - a->byte * 8;

        return (raw >> sh) & (a->field->width >= 64 ? UINT64_MAX :
                              (1ULL << a->field->width) - 1);
    }
    if (a->has_mask) {
        return raw & a->mask;
    }
    return raw;
}

bool gs_check_value(const GsStmt *st, uint64_t raw)
{
    uint64_t v = gs_access_value(&st->acc, raw);

    switch (st->check) {
    case GS_CHECK_EQ:
        return v == st->value;
    case GS_CHECK_NE:
        return v != st->value;
    default:
        return true;
    }
}

void gs_format_fields(const GsAccess *a, uint64_t raw, GString *out)
{
    const GicsimField *f;
    unsigned lo, hi;
    bool first = true;

    if (!a->reg) {
        return;
    }
    lo = a->byte * 8;
    hi = lo + a->size * 8;
    for (f = a->reg->fields; f && f->name; f++) {
        uint64_t v;

        if (f->lsb < lo || f->lsb + f->width > hi) {
            continue;
        }
        v = (raw >> (f->lsb - lo)) &
            (f->width >= 64 ? UINT64_MAX : (1ULL << f->width) - 1);
        g_string_append_printf(out, first ? "%s=%s%" PRIx64 : " %s=%s%"
                               PRIx64, f->name, v > 9 ? "0x" : "", v);
        first = false;
    }
}

void gs_format_target(const GsAccess *a, GString *out)
{
    if (!a->reg) {
        g_string_append_printf(out, "0x%08" PRIx64, a->addr);
        return;
    }
    g_string_append(out, a->reg->name);
    if (a->reg->count > 1 || a->reg->first) {
        g_string_append_printf(out, "(%u)", a->index);
    }
    if (a->byte) {
        g_string_append_printf(out, "[%u]", a->byte);
    }
    if (a->reg->frame != GICSIM_FRAME_GICD) {
        g_string_append_printf(out, "@cpu%u", a->cpu);
    }
    if (a->field) {
        g_string_append_printf(out, ".%s", a->field->name);
    }
    if (a->realm_alias) {
        g_string_append(out, " via the realm alias");
    }
}

uint64_t gs_realm_alias(const GsMachine *m, uint64_t addr)
{
    return addr + (1ULL << (m->realm_ipa_bits - 1));
}

uint64_t gs_rec_ipa(const GsMachine *m, const GsStmt *st)
{
    uint64_t addr = st->acc.addr;

    switch (st->rec.ipa) {
    case GS_REC_PROTECTED:
        return addr;
    case GS_REC_OUTSIDE:
        return addr + (1ULL << m->realm_ipa_bits);
    default:
        return gs_realm_alias(m, addr);
    }
}

void gs_format_rec_reg(const GicsimDabtIss *iss, GString *out)
{
    if (iss->srt == 31) {
        g_string_append(out, iss->sf ? "XZR" : "WZR");
    } else {
        g_string_append_printf(out, "%c%u", iss->sf ? 'X' : 'W', iss->srt);
    }
}

static void format_iss(uint64_t esr, GString *out)
{
    GicsimDabtIss d;

    gicsim_dabt_iss_decode(esr, &d);
    g_string_append_printf(out, "EC=0x%02x IL=%u ISV=%u",
                           (unsigned)((esr & GICSIM_ESR_EC_MASK) >>
                                      GICSIM_ESR_EC_SHIFT),
                           !!(esr & GICSIM_ESR_IL), d.isv);
    if (d.isv) {
        g_string_append_printf(out, " SAS=%u SSE=%u SRT=%u SF=%u AR=%u",
                               d.sas, d.sse, d.srt, d.sf, d.ar);
    }
    g_string_append_printf(out, " WnR=%u DFSC=0x%02x", d.wnr, d.dfsc);
}

void gs_format_rec_step(const GicsimRecStep *st, const GicsimDabtIss *iss,
                        const GicsimRealmCpu *cpu, const char *indent,
                        GString *out)
{
    g_string_append_printf(out, "%srealm abort: ESR_EL2 0x%08" PRIx64
                           " FAR_EL2 0x%" PRIx64 " HPFAR_EL2 0x%" PRIx64
                           " (", indent, st->dabt.esr, st->dabt.far,
                           st->dabt.hpfar);
    format_iss(st->dabt.esr, out);
    g_string_append(out, ")\n");
    switch (st->rmm) {
    case GICSIM_RMM_INJECT_SEA:
        g_string_append_printf(out, "%sRMM: Protected IPA, RIPAS EMPTY: "
                               "the realm takes a synchronous external "
                               "abort, no exit (DEN0137 A5.2.3)\n", indent);
        return;
    case GICSIM_RMM_ADDR_SIZE_FAULT:
        g_string_append_printf(out, "%sRMM: IPA outside the realm's IPA "
                               "space: the realm takes a stage 1 Address "
                               "Size Fault, no exit (DEN0137 A5.2.8)\n",
                               indent);
        return;
    case GICSIM_RMM_FATAL:
        g_string_append_printf(out, "%sRMM: uncontainable external abort: "
                               "fatal\n", indent);
        return;
    default:
        break;
    }
    g_string_append_printf(out, "%sRecExit: exit_reason %" PRIu64 " esr 0x%08"
                           PRIx64 " far 0x%" PRIx64 " hpfar 0x%" PRIx64
                           " gprs[0] 0x%" PRIx64 " (", indent,
                           st->exit_reason, st->exit_esr, st->exit_far,
                           st->exit_hpfar, st->exit_gpr0);
    format_iss(st->exit_esr, out);
    g_string_append(out, ")\n");
    switch (st->host) {
    case GICSIM_HOST_NOT_MMIO:
        if ((st->exit_esr & GICSIM_ESR_DFSC_MASK) == GICSIM_DFSC_SEA) {
            g_string_append_printf(out, "%shost: an external abort is not "
                                   "MMIO: re-enter with no flag\n", indent);
        } else {
            g_string_append_printf(out, "%shost: a fault at a Protected IPA "
                                   "(RIPAS RAM) is not MMIO: map memory "
                                   "there, re-enter with no flag\n",
                                   indent);
        }
        break;
    case GICSIM_HOST_INJECT_SEA:
        if (st->mmio.len) {
            g_string_append_printf(out, "%shost: the device failed the "
                                   "%u-byte %s at 0x%08" PRIx64 ": "
                                   "INJECT_SEA\n", indent, st->mmio.len,
                                   st->mmio.write ? "write" : "read",
                                   st->mmio.addr);
        } else {
            g_string_append_printf(out, "%shost: no valid syndrome, cannot "
                                   "emulate: INJECT_SEA\n", indent);
        }
        break;
    default:
        g_string_append_printf(out, "%shost: emulated %u-byte %s at 0x%08"
                               PRIx64 " %s 0x%" PRIx64 "\n", indent,
                               st->mmio.len,
                               st->mmio.write ? "write" : "read",
                               st->mmio.addr, st->mmio.write ? "<-" : "->",
                               st->mmio.val);
        break;
    }
    g_string_append_printf(out, "%sRecEntry: flags 0x%" PRIx64 "%s%s "
                           "gprs[0] 0x%" PRIx64 "\n", indent,
                           st->entry_flags,
                           st->entry_flags & GICSIM_REC_ENTRY_EMULATED_MMIO ?
                           " EMULATED_MMIO" : "",
                           st->entry_flags & GICSIM_REC_ENTRY_INJECT_SEA ?
                           " INJECT_SEA" : "", st->entry_gpr0);
    g_string_append_printf(out, "%sREC_ENTER: %s", indent,
                           gicsim_rmi_status_name(st->status));
    if (st->status != GICSIM_RMI_SUCCESS) {
        g_string_append(out, "\n");
        return;
    }
    switch (st->outcome) {
    case GICSIM_REC_COMPLETED:
        g_string_append(out, ", completed:");
        if (!st->mmio.write && iss->srt != 31) {
            /* all of Xt: a W load must have cleared bits 63:32 */
            g_string_append_printf(out, " X%u = 0x%" PRIx64 ",", iss->srt,
                                   cpu->x[iss->srt]);
        }
        g_string_append(out, " PC += 4\n");
        break;
    case GICSIM_REC_SEA:
        g_string_append(out, ", synchronous external abort injected\n");
        break;
    default:
        g_string_append(out, ", the instruction restarts\n");
        break;
    }
}

/* ---- The bundled default probe ---- */

/*
 * The tour adapted to @m, the machine after the command line: Security
 * views only with two Security states, the GIC revision it has, the
 * GIC-600/700 redistributor power-up (GICR_PWRR) where the profile has
 * it, and the redistributor of CPU 1 (CPU 0 with one CPU).
 */
char *gs_default_probe_for(const GsMachine *m)
{
    /* Stock QEMU's GIC (gic-model=qemu) has no profiles */
    bool sim = !strcmp(m->model, "sim");
    const GicsimProfile *prof = gicsim_profile_find(sim && m->profile ?
                                                    m->profile : "qemu");
    GString *t = g_string_new(NULL);
    const char *S = m->secure ? "S " : "";
    unsigned c = m->smp > 1 ? 1 : 0;

    g_string_append(t,
        "# gicsim-probe's default tour (IHI 0069H chapter 12), adapted to\n"
        "# the machine the command line asks for.\n"
        "machine " GS_DEFAULT_MACHINE "\n"
        "echo \"Distributor identification\"\n"
        "read GICD_TYPER\n"
        "expect GICD_TYPER.ITLinesNumber == 8   # 288 INTIDs: 32*(N+1)\n");
    g_string_append_printf(t, "expect GICD_TYPER.SecurityExtn == %d\n",
                           m->secure);
    g_string_append(t, "read GICD_IIDR\n");
    if (prof && prof->pidr2_archrev) {
        g_string_append_printf(t, "expect GICD_PIDR2.ArchRev == %u"
                               "         # GICv%u\n", m->gic_version,
                               m->gic_version);
    } else {
        g_string_append(t, "read GICD_PIDR2\n");
    }
    if (m->secure) {
        g_string_append(t,
            "echo \"GICD_CTLR: Secure and Non-secure views (12.9.4)\"\n"
            "expect S GICD_CTLR.DS == 0\n"
            "write S GICD_CTLR = 0x37      # ARE_S ARE_NS Grp1S Grp1NS Grp0\n"
            "read S GICD_CTLR\n"
            "expect NS GICD_CTLR & 0x13 == 0x12     # ARE_NS, EnableGrp1A\n");
    } else {
        g_string_append(t,
            "echo \"GICD_CTLR: one Security state, DS == 1 (12.9.4)\"\n"
            "expect GICD_CTLR.DS == 1\n"
            "write GICD_CTLR = 0x13        # ARE, EnableGrp1, EnableGrp0\n"
            "expect GICD_CTLR & 0x13 == 0x13\n");
    }
    g_string_append_printf(t, "echo \"Redistributor of CPU %u\"\n", c);
    if (prof && prof->has_pwrr && m->secure) {
        /* Powered down out of reset where EL3 firmware could run */
        g_string_append_printf(t,
            "echo \"%s: power the redistributor up (GICR_PWRR)\"\n"
            "expect S GICR_PWRR@cpu%u.RDPD == 1\n"
            "write S GICR_PWRR@cpu%u = 0\n"
            "wait S GICR_PWRR@cpu%u.RDGPO == 0 within 100us\n",
            prof->name, c, c, c);
    } else if (prof && prof->has_pwrr) {
        g_string_append_printf(t,
            "echo \"%s: no EL3, so powered up at reset (timing.rst)\"\n"
            "expect GICR_PWRR@cpu%u.RDPD == 0\n", prof->name, c);
    }
    g_string_append_printf(t,
        "read GICR_TYPER@cpu%u\n"
        "expect GICR_TYPER@cpu%u.Processor_Number == %u\n"
        "expect GICR_TYPER@cpu%u.Last == %d\n"
        "expect %sGICR_WAKER@cpu%u == 0x6        # asleep out of reset\n"
        "write %sGICR_WAKER@cpu%u = 0\n"
        "wait %sGICR_WAKER@cpu%u.ChildrenAsleep == 0 within 100us\n",
        c, c, c, c, c == m->smp - 1, S, c, S, c, S, c);
    g_string_append_printf(t,
        "echo \"Enable SPI 42 (Group 1 NS, edge) and see it pend\"\n"
        "write %sGICD_IGROUPR(1) = 1 << 10\n"
        "write NS GICD_ICFGR(2) = 2 << 20      # INTID 42: edge-triggered\n"
        "write NS GICD_ISENABLER(1) = 1 << 10\n"
        "expect NS GICD_ISENABLER(1) == 1 << 10\n"
        "pulse spi 42\n"
        "expect NS GICD_ISPENDR(1) & 1 << 10 == 1 << 10\n"
        "write NS GICD_ICPENDR(1) = 1 << 10\n"
        "expect NS GICD_ISPENDR(1) == 0\n", S);
    return g_string_free(t, false);
}
