/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-probe --interactive: a prompt where each line is a register-poke
 * statement, run at once against a running machine and answered with its
 * decoded transcript line.  Line editing, history and tab completion come
 * from libedit (BSD licence) when QEMU's build found it; otherwise lines
 * are read plainly.  "help" lists the statements, "help REGISTER" shows a
 * register from the register table.
 */
#include "qemu/osdep.h"

#include "gicsim-probe.h"
#include "gicsim-script-help.h"

#ifdef GICSIM_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#define PROMPT "gicsim> "

/* The machine of a session unless the command line says otherwise */
static const char session_header[] =
    "machine " GS_DEFAULT_MACHINE "\n";

#ifdef GICSIM_HAVE_LIBEDIT
static GPtrArray *matches;

static char *next_match(const char *text, int state)
{
    static unsigned i;

    if (!state) {
        i = 0;
    }
    return i < matches->len ? strdup(g_ptr_array_index(matches, i++)) : NULL;
}

static char **complete(const char *text, int start, int end)
{
    g_autofree char *before = g_strndup(rl_line_buffer, start);

    g_ptr_array_set_size(matches, 0);
    rl_completion_append_character =
        gs_complete(before, text, matches) ? ' ' : '\0';
    rl_attempted_completion_over = 1;   /* no file names */
    return matches->len ? rl_completion_matches(text, next_match) : NULL;
}

static char *read_line(bool tty)
{
    char *l = readline(tty ? PROMPT : "");

    if (l && *l) {
        add_history(l);
    }
    return l;
}

/*
 * The history kept across sessions: $GICSIM_PROBE_HISTORY, or
 * ~/.gicsim-probe-history; "" (or no home) keeps none
 */
static char *history_path(void)
{
    const char *env = g_getenv("GICSIM_PROBE_HISTORY");

    if (env) {
        return *env ? g_strdup(env) : NULL;
    }
    return g_get_home_dir() ? g_build_filename(g_get_home_dir(),
                                               ".gicsim-probe-history", NULL)
                            : NULL;
}

#define HISTORY_LINES 1000

static void init_editing(bool tty)
{
    static char breaks[] = " \t";
    g_autofree char *hist = tty ? history_path() : NULL;

    matches = g_ptr_array_new_with_free_func(g_free);
    rl_readline_name = "gicsim-probe";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = breaks;
    rl_completer_word_break_characters = breaks;
    stifle_history(HISTORY_LINES);
    if (hist) {
        read_history(hist);     /* none yet is fine */
    }
}

static void end_editing(bool tty)
{
    g_autofree char *hist = tty ? history_path() : NULL;

    if (hist && write_history(hist)) {
        fprintf(stderr, "gicsim-probe: could not write the history to %s\n",
                hist);
    }
}
#else
static char *read_line(bool tty)
{
    char buf[4096];

    if (tty) {
        fputs(PROMPT, stdout);
        fflush(stdout);
    }
    if (!fgets(buf, sizeof(buf), stdin)) {
        return NULL;
    }
    buf[strcspn(buf, "\n")] = '\0';
    return strdup(buf);
}

static void init_editing(bool tty)
{
}

static void end_editing(bool tty)
{
}
#endif

/* The session's lines that parsed, to "save FILE" as a script */
static void add_saved(GString *saved, const char *line)
{
    if (*line) {
        g_string_append_printf(saved, "%s\n", line);
    }
}

/*
 * "save FILE": the machine as a header, then every line that parsed
 * (statements, "default", comments), so that gicsim-probe FILE runs the
 * session again.  True if @line was one.
 */
static bool save(const char *line, const GsScript *s, const char *cmdline,
                 const GString *saved)
{
    g_autoptr(GString) out = g_string_new(NULL);
    g_autoptr(GError) err = NULL;
    g_autofree char *file = NULL;

    if (g_ascii_strncasecmp(line, "save", 4) ||
        (line[4] && !g_ascii_isspace(line[4]))) {
        return false;
    }
    file = g_strstrip(g_strdup(line + 4));
    if (!*file) {
        printf("error: save FILE: expected a file name\n");
        return true;
    }
    /* (split, so that checkpatch does not take it for this file's) */
    g_string_append_printf(out, "# SPDX-License-" "Identifier: "
                           "GPL-2.0-or-later\n"
                           "# Saved from gicsim-probe -i%s%s\n",
                           cmdline ? " " : "", cmdline ? cmdline : "");
    gs_machine_header(&s->machine, out);
    g_string_append(out, saved->str);
    if (!g_file_set_contents(file, out->str, out->len, &err)) {
        printf("error: save %s: %s\n", file, err->message);
    } else {
        unsigned n = 0;
        const char *c;

        for (c = saved->str; *c; c++) {
            n += *c == '\n';
        }
        printf("saved the machine and %u line%s to %s (run it again: "
               "gicsim-probe %s)\n", n, n == 1 ? "" : "s", file, file);
    }
    return true;
}

/* Whether one of the last @n statements of @s checks IRQ or FIQ */
static bool has_irq_check(const GsScript *s, unsigned n)
{
    unsigned i;

    for (i = s->stmts->len - n; i < s->stmts->len; i++) {
        if (((GsStmt *)g_ptr_array_index(s->stmts, i))->kind == GS_IRQ_OUT) {
            return true;
        }
    }
    return false;
}

/* Print and clear what the run has said. */
static void flush_out(Run *r)
{
    fputs(r->out->str, stdout);
    fflush(stdout);
    g_string_truncate(r->out, 0);
}

/*
 * The reset value of @name in @s's machine, for a register whose reset
 * depends on the configuration: read from a fresh machine (the session's
 * own has been written to since, and a read would count in its
 * statistics).  Kept for the session in @cache.  False if there is none
 * to show: not such a register, write-only, absent, or the read was
 * gated (then @why says so).
 */
static bool reset_value(const GsScript *s, const char *name,
                        GHashTable *cache, uint64_t *v, GString *why)
{
    const GicsimReg *r = NULL;
    uint64_t *hit;
    unsigned i;

    for (i = 0; i < GICSIM_REG__COUNT; i++) {
        if (!g_ascii_strcasecmp(gicsim_regs[i].name, name)) {
            r = &gicsim_regs[i];
        }
    }
    if (!r || !r->reset_computed || r->access == GICSIM_WO ||
        gs_reg_present(r, &s->machine) == 0) {
        return false;
    }
    hit = g_hash_table_lookup(cache, r->name);
    if (!hit) {
        GsScript fresh = *s;
        Run f = { 0 };
        GsAccess a = {
            .reg = r, .index = r->first, .size = r->size,
            .sec = s->machine.secure ? GS_SEC_S : GS_SEC_NS,
        };
        bool ok;

        fresh.machine.cpuif = 0;    /* no CPUs needed to read it */
        a.addr = gs_reg_addr(&fresh.machine, r, r->first, 0, 0);
        run_start(&f, &fresh, s->machine.model, "");
        ok = run_read(&f, &a, v);
        if (f.gate) {
            g_string_printf(why, "  (a fresh machine's %s read of it was "
                            "gated: %s)\n", a.sec == GS_SEC_S ? "Secure" :
                            "Non-secure", f.gate);
            ok = false;
        }
        run_stop(&f);
        run_free(&f);
        if (!ok) {
            return false;
        }
        hit = g_memdup2(v, sizeof(*v));
        g_hash_table_insert(cache, (gpointer)r->name, hit);
    }
    *v = *hit;
    return true;
}

/* "help", "help NAME": true if @line was one */
static bool help(const char *line, const GsScript *s, GHashTable *cache)
{
    g_auto(GStrv) w = g_strsplit_set(line, " \t", -1);
    g_autoptr(GString) out = g_string_new(NULL);
    unsigned i, n = 0;
    const char *words[3] = { NULL };

    for (i = 0; w[i]; i++) {
        if (w[i][0] && n < 3) {
            words[n++] = w[i];
        }
    }
    if (!n || g_ascii_strcasecmp(words[0], "help")) {
        return false;
    }
    if (n == 1) {
        gs_help_statements(out);
    } else {
        g_auto(GStrv) parts = g_strsplit(words[1], ".", 2);
        g_autoptr(GString) why = g_string_new(NULL);
        uint64_t v;
        bool known = reset_value(s, parts[0], cache, &v, why);

        gs_help_register_in(parts[0], &s->machine, known ? &v : NULL, out);
        g_string_append(out, why->str);
    }
    fputs(out->str, stdout);
    return true;
}

/* Show the error under the line: a caret at its column, then the text */
static void show_error(const char *msg, unsigned line, unsigned col,
                       bool tty)
{
    g_autofree char *prefix = g_strdup_printf("input:%u:%u: ", line, col);
    const char *text = g_str_has_prefix(msg, prefix) ? msg + strlen(prefix)
                                                     : msg;

    if (tty && col) {
        printf("%*s^\n", (int)(strlen(PROMPT) + col - 1), "");
    }
    printf("error at column %u: %s", col, text);
}

int gs_interactive(const GsOverrides *o)
{
    g_autoptr(GString) err = g_string_new(NULL);
    g_autoptr(GString) desc = g_string_new(NULL);
    g_autoptr(GString) cmdline = g_string_new(NULL);
    GsSession *ss = gs_session_new("input", session_header, o, err);
    bool tty = isatty(STDIN_FILENO);
    GsScript *s;
    Run r = { 0 };
    char *line;
    unsigned bad_lines = 0;
    int rc;
    g_autoptr(GString) saved = g_string_new(NULL);
    g_autoptr(GHashTable) resets = g_hash_table_new_full(g_str_hash,
                                                         g_str_equal, NULL,
                                                         g_free);

    if (!ss) {
        fprintf(stderr, "gicsim-probe: %s", err->str);
        return 2;
    }
    s = gs_session_script(ss);
    gs_overrides_describe(o, cmdline);
    r.cmdline = cmdline->len ? cmdline->str : NULL;
    /*
     * The CPUs stay stopped unless told (--cpuif on): qtest's own
     * accelerator, whose virtual clock moves only on step and wait, as in
     * a script.  With the CPU interface stub they run under TCG and the
     * clock follows the host's.
     */
    if (s->machine.cpuif < 0) {
        s->machine.cpuif = 0;
    }
    run_start(&r, s, s->machine.model, "");
    flush_out(&r);
    gs_machine_describe(&s->machine, desc);
    if (tty) {
        printf("gicsim-probe: %s.  Virtual time %s.  Type a statement, "
               "'help' or 'help REGISTER'; Tab completes; 'quit' or Ctrl-D "
               "leaves.\n", desc->str,
               r.cpuif ? "follows the host's clock (--cpuif on)"
                       : "moves only on step and wait");
    }
    init_editing(tty);
    while ((line = read_line(tty))) {
        g_autofree char *l = g_strstrip(g_strdup(line));
        unsigned col = 0;
        int n;

        free(line);
        if (!g_ascii_strcasecmp(l, "quit") || !g_ascii_strcasecmp(l, "exit")) {
            break;
        }
        if (help(l, s, resets) || save(l, s, r.cmdline, saved)) {
            fflush(stdout);
            continue;
        }
        g_string_truncate(err, 0);
        n = gs_session_line(ss, l, &col, err);
        if (n == 0) {
            add_saved(saved, l);    /* "default", a comment */
        } else if (n < 0) {
            show_error(err->str, gs_session_line_number(ss), col, tty);
            bad_lines++;
        } else if (n > 0 && !r.cpuif && has_irq_check(s, n)) {
            g_ptr_array_set_size(s->stmts, s->stmts->len - n);
            printf("error: IRQ and FIQ checks need the CPUs running the CPU "
                   "interface stub: start the prompt with --cpuif on (the "
                   "virtual clock then follows the host's)\n");
            bad_lines++;
        } else if (n > 0) {
            unsigned i, first = s->stmts->len - n;

            r.s = s;
            r.results = g_renew(Result, r.results, s->stmts->len);
            memset(&r.results[first], 0, n * sizeof(Result));
            for (i = first; i < s->stmts->len; i++) {
                exec_stmt(&r, i);
                flush_out(&r);
            }
            add_saved(saved, l);
        }
        fflush(stdout);
    }
    if (tty && !line) {
        putchar('\n');
    }
    end_editing(tty);
    run_stop(&r);
    flush_out(&r);
    /*
     * As for scripts: 1 if a check failed; piped input that had a line
     * in error (a script that does not parse) is 2, so that a pipeline
     * sees it
     */
    rc = !tty && bad_lines ? 2 : r.failed ? 1 : 0;
    run_free(&r);
    gs_session_free(ss);
    return rc;
}
