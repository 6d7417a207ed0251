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
    "machine gic-version=3 secure=on smp=2\n";

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

static void init_editing(void)
{
    static char breaks[] = " \t";

    matches = g_ptr_array_new_with_free_func(g_free);
    rl_readline_name = "gicsim-probe";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = breaks;
    rl_completer_word_break_characters = breaks;
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

static void init_editing(void)
{
}
#endif

/* Print and clear what the run has said. */
static void flush_out(Run *r)
{
    fputs(r->out->str, stdout);
    fflush(stdout);
    g_string_truncate(r->out, 0);
}

/* "help", "help NAME": true if @line was one */
static bool help(const char *line)
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

        gs_help_register(parts[0], out);
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

    if (!ss) {
        fprintf(stderr, "gicsim-probe: %s", err->str);
        return 2;
    }
    s = gs_session_script(ss);
    gs_overrides_describe(o, cmdline);
    r.cmdline = cmdline->len ? cmdline->str : NULL;
    /* IRQ/FIQ outputs need the CPU interface set up: on unless told */
    if (s->machine.cpuif < 0) {
        s->machine.cpuif = 1;
    }
    run_start(&r, s, s->machine.model, "");
    flush_out(&r);
    gs_machine_describe(&s->machine, desc);
    if (tty) {
        printf("gicsim-probe: %s.  Type a statement, 'help' or "
               "'help REGISTER'; Tab completes; 'quit' or Ctrl-D leaves.\n",
               desc->str);
    }
    init_editing();
    while ((line = read_line(tty))) {
        g_autofree char *l = g_strstrip(g_strdup(line));
        unsigned col = 0;
        int n;

        free(line);
        if (!g_ascii_strcasecmp(l, "quit") || !g_ascii_strcasecmp(l, "exit")) {
            break;
        }
        if (help(l)) {
            fflush(stdout);
            continue;
        }
        g_string_truncate(err, 0);
        n = gs_session_line(ss, l, &col, err);
        if (n < 0) {
            show_error(err->str, gs_session_line_number(ss), col, tty);
        } else if (n > 0) {
            r.s = s;
            r.results = g_renew(Result, r.results, s->stmts->len);
            memset(&r.results[s->stmts->len - 1], 0, sizeof(Result));
            exec_stmt(&r, s->stmts->len - 1);
            flush_out(&r);
        }
        fflush(stdout);
    }
    if (tty && !line) {
        putchar('\n');
    }
    run_stop(&r);
    flush_out(&r);
    run_free(&r);
    gs_session_free(ss);
    return r.failed ? 1 : 0;
}
