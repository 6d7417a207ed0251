/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the poke-script statement that checks cost statistics:
 * expect stats TARGET == N (docs/scripts.rst, docs/cost.rst).
 */
#include <glib.h>
#include <string.h>

#include "gicsim-script.h"

static const GsStmt *only_stmt(GsScript *s)
{
    g_assert_nonnull(s);
    g_assert_cmpuint(s->stmts->len, ==, 1);
    return g_ptr_array_index(s->stmts, 0);
}

static void check_parse(const char *line, const char *path, GsCheck check,
                        uint64_t value)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsScript *s = gs_parse("t.poke", line, err);
    const GsStmt *st;

    g_assert_cmpstr(err->str, ==, "");
    st = only_stmt(s);
    g_assert_cmpint(st->kind, ==, GS_STATS);
    g_assert_cmpstr(st->stats, ==, path);
    g_assert_cmpint(st->check, ==, check);
    g_assert_cmpuint(st->value, ==, value);
    /* only gicsim keeps statistics */
    g_assert_true(gs_stmt_applies(st, "sim"));
    g_assert_false(gs_stmt_applies(st, "qemu"));
    gs_script_free(s);
}

static void test_parse(void)
{
    check_parse("expect stats GICD_CTLR.reads == 3\n",
                "registers/GICD_CTLR/reads", GS_CHECK_EQ, 3);
    /* register names are case-insensitive, reported as the table has them */
    check_parse("expect stats gicr_waker.writes != 0\n",
                "registers/GICR_WAKER/writes", GS_CHECK_NE, 0);
    check_parse("expect stats GICD_IROUTER.reads64 == 0x2\n",
                "registers/GICD_IROUTER/reads64", GS_CHECK_EQ, 2);
    check_parse("expect stats GICD_CTLR.cycles == 4059  # 3 x 1353\n",
                "registers/GICD_CTLR/cycles", GS_CHECK_EQ, 4059);
    check_parse("expect stats undefined.reads == 1\n",
                "registers/(undefined)/reads", GS_CHECK_EQ, 1);
    check_parse("expect stats accesses == 10\n", "accesses", GS_CHECK_EQ, 10);
    check_parse("expect stats cycles == 13530\n", "cycles", GS_CHECK_EQ,
                13530);
    check_parse("expect stats step.vgic-handler.count == 12\n",
                "steps/vgic-handler/count", GS_CHECK_EQ, 12);
    check_parse("expect stats step.world-switch.cycles == 7340\n",
                "steps/world-switch/cycles", GS_CHECK_EQ, 7340);
    /* the accesses through the realm shims, on the realm path */
    check_parse("expect stats realm.GICD_TYPER.reads == 2\n",
                "realm/registers/GICD_TYPER/reads", GS_CHECK_EQ, 2);
    check_parse("expect stats realm.accesses == 3\n", "realm/accesses",
                GS_CHECK_EQ, 3);
    check_parse("expect stats realm.step.rmm-entry.cycles == 276\n",
                "realm/steps/rmm-entry/cycles", GS_CHECK_EQ, 276);
    check_parse("expect stats realm.undefined.writes != 0\n",
                "realm/registers/(undefined)/writes", GS_CHECK_NE, 0);
}

static void check_error(const char *text, const char *msg)
{
    g_autoptr(GString) err = g_string_new(NULL);

    g_assert_null(gs_parse("t.poke", text, err));
    g_assert_cmpstr(err->str, ==, msg);
}

static void test_errors(void)
{
    check_error("expect stats\n",
                "t.poke:1:13: expected a statistic (accesses, cycles, "
                "REGISTER.COUNTER or step.NAME.count|cycles), found end of "
                "line\n");
    check_error("expect stats GICD_CTRL.reads == 1\n",
                "t.poke:1:14: expected a register name, accesses, cycles, "
                "step or undefined, found 'GICD_CTRL'; did you mean "
                "GICD_CTLR or GICR_CTLR?\n");
    check_error("expect stats GICD_CTLR.read == 1\n",
                "t.poke:1:24: expected reads, writes, reads64, writes64 or "
                "cycles, found 'read'\n");
    check_error("expect stats GICD_CTLR == 1\n",
                "t.poke:1:24: expected '.', found '=='\n");
    check_error("expect stats step.world-switch.ns == 1\n",
                "t.poke:1:32: expected count or cycles, found 'ns'\n");
    check_error("expect stats accesses = 1\n",
                "t.poke:1:23: expected '==' or '!=', found '='\n");
    check_error("expect stats accesses == many\n",
                "t.poke:1:26: expected a number, found 'many'\n");
    check_error("expect stats realm GICD_CTLR.reads == 1\n",
                "t.poke:1:20: expected '.', found 'GICD_CTLR'\n");
    check_error("expect stats accesses == 1 2\n",
                "t.poke:1:28: expected end of line, found '2'\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/script-stats/parse", test_parse);
    g_test_add_func("/script-stats/errors", test_errors);
    return g_test_run();
}
