/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the register-poke script language: parsing, register name
 * resolution, field decode, suggestions and every kind of error message.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gicsim-script.h"
#include "gicsim-script-help.h"
#include "gicsim-probe-report.h"

static GsScript *parse_ok(const char *text)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsScript *s = gs_parse("t.poke", text, err);

    if (!s) {
        g_test_message("unexpected errors: %s", err->str);
    }
    g_assert_nonnull(s);
    g_assert_cmpstr(err->str, ==, "");
    return s;
}

static const GsStmt *stmt(GsScript *s, unsigned i)
{
    g_assert_cmpuint(i, <, s->stmts->len);
    return g_ptr_array_index(s->stmts, i);
}

/* The script must fail to parse with exactly @msg (all lines' errors). */
static void check_error(const char *text, const char *msg)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsScript *s = gs_parse("t.poke", text, err);

    g_assert_null(s);
    g_assert_cmpstr(err->str, ==, msg);
}

static void test_default_probe_parses(void)
{
    GsScript *hdr = parse_ok("machine gic-version=3 secure=on smp=2\nreset\n");
    g_autofree char *text = gs_default_probe_for(&hdr->machine);
    GsScript *s = parse_ok(text);

    gs_script_free(hdr);

    g_assert_cmpuint(s->machine.gic_version, ==, 3);
    g_assert_true(s->machine.secure);
    g_assert_cmpuint(s->machine.smp, ==, 2);
    g_assert_cmpstr(s->machine.model, ==, "sim");
    g_assert_cmpuint(s->stmts->len, >, 20);
    gs_script_free(s);
}

static void test_header(void)
{
    GsScript *s = parse_ok(
        "machine gic-version=4 its=on smp=3 gic-model=qemu\n"
        "machine profile=gic-600 strict=on secure=on\n"
        "reset\n");

    g_assert_cmpuint(s->machine.gic_version, ==, 4);
    g_assert_true(s->machine.virtualization);   /* implied by GICv4 */
    g_assert_cmpint(s->machine.its, ==, 1);
    g_assert_cmpuint(s->machine.smp, ==, 3);
    g_assert_cmpstr(s->machine.model, ==, "qemu");
    g_assert_cmpstr(s->machine.profile, ==, "gic-600");
    g_assert_cmpint(s->machine.strict, ==, 1);
    g_assert_true(s->machine.secure);
    g_assert_cmpint(stmt(s, 0)->kind, ==, GS_RESET);
    gs_script_free(s);
    s = parse_ok("machine strict=pedantic\nreset\n");
    g_assert_cmpint(s->machine.strict, ==, 2);
    gs_script_free(s);
}

static void test_accesses(void)
{
    GsScript *s = parse_ok(
        "machine gic-version=3 smp=2 secure=on\n"
        "read GICD_CTLR\n"                          /* 0 */
        "write8 GICD_IPRIORITYR(10)[2] = 0xa0\n"    /* 1 */
        "read GICD_IPRIORITYR(10)[2]\n"             /* 2 */
        "expect S GICR_WAKER@cpu1 == 6\n"           /* 3 */
        "read32 GICD_IROUTER(40)[4]\n"              /* 4 */
        "read64 gicd_irouter(40)\n"                 /* 5 */
        "write16 0x08000400 = 0xffff error\n"       /* 6 */
        "expect GICD_TYPER.ITLinesNumber == 8\n"    /* 7 */
        "expect GICD_ISPENDR(1) & 1 << 10 != 0\n"   /* 8 */
        "wait GICD_CTLR.RWP == 0 within 10\n"       /* 9 */
        "default secure\n"
        "read GICD_CTLR\n"                          /* 10 */
        "expect GICR_TYPER@cpu1.Processor_Number == 1 @sim\n"   /* 11 */
        "expect32 GICR_TYPER[4]@cpu1.Aff0 == 1\n"   /* 12 */
        "read8 GICD_CTLR error  # bus error expected\n");   /* 13 */
    const GsStmt *st;

    st = stmt(s, 0);
    g_assert_cmpint(st->kind, ==, GS_READ);
    g_assert_cmpint(st->check, ==, GS_CHECK_NONE);
    g_assert_cmphex(st->acc.addr, ==, 0x08000000);
    g_assert_cmpuint(st->acc.size, ==, 4);
    g_assert_cmpint(st->acc.sec, ==, GS_SEC_NS);

    st = stmt(s, 1);
    g_assert_cmpint(st->kind, ==, GS_WRITE);
    g_assert_cmphex(st->acc.addr, ==, 0x08000000 + 0x400 + 40 + 2);
    g_assert_cmpuint(st->acc.size, ==, 1);
    g_assert_cmphex(st->value, ==, 0xa0);

    st = stmt(s, 2);
    g_assert_cmpuint(st->acc.size, ==, 1);      /* byte: 8 bits by default */

    st = stmt(s, 3);
    g_assert_cmpint(st->check, ==, GS_CHECK_EQ);
    g_assert_cmpint(st->acc.sec, ==, GS_SEC_S);
    g_assert_cmphex(st->acc.addr, ==, 0x080a0000 + 0x20000 + 0x14);

    st = stmt(s, 4);
    g_assert_cmphex(st->acc.addr, ==, 0x08000000 + 0x6140 + 4);
    g_assert_cmpuint(st->acc.size, ==, 4);

    st = stmt(s, 5);
    g_assert_cmpstr(st->acc.reg->name, ==, "GICD_IROUTER");
    g_assert_cmpuint(st->acc.size, ==, 8);

    st = stmt(s, 6);
    g_assert_null(st->acc.reg);
    g_assert_cmpint(st->check, ==, GS_CHECK_ERROR);
    g_assert_cmpuint(st->acc.size, ==, 2);

    st = stmt(s, 7);
    g_assert_cmpstr(st->acc.field->name, ==, "ITLinesNumber");
    g_assert_true(gs_check_value(st, 0x037a0008));
    g_assert_false(gs_check_value(st, 0x037a0007));

    st = stmt(s, 8);
    g_assert_cmpint(st->check, ==, GS_CHECK_NE);
    g_assert_true(st->acc.has_mask);
    g_assert_cmphex(st->acc.mask, ==, 0x400);
    g_assert_true(gs_check_value(st, 0x400));
    g_assert_false(gs_check_value(st, 0x3ff));

    st = stmt(s, 9);
    g_assert_cmpint(st->kind, ==, GS_WAIT);
    g_assert_cmpuint(st->within, ==, 10);

    st = stmt(s, 10);
    g_assert_cmpint(st->acc.sec, ==, GS_SEC_S);

    st = stmt(s, 11);
    g_assert_cmpint(st->tag, ==, GS_TAG_SIM);
    g_assert_true(gs_stmt_applies(st, "sim"));
    g_assert_false(gs_stmt_applies(st, "qemu"));

    st = stmt(s, 12);
    g_assert_cmphex(st->acc.addr, ==, 0x080a0000 + 0x20000 + 0xc);
    g_assert_true(gs_check_value(st, 0x00000001));

    st = stmt(s, 13);
    g_assert_cmpint(st->check, ==, GS_CHECK_ERROR);
    g_assert_cmpuint(st->acc.size, ==, 1);
    g_assert_cmpstr(st->text, ==, "read8 GICD_CTLR error");
    gs_script_free(s);
}

static void test_gicv4_frames(void)
{
    GsScript *s = parse_ok(
        "machine gic-version=4 smp=2\n"
        "read GICR_VPROPBASER@cpu1\n"
        "read GICR_ISENABLER0@cpu1\n");

    /* GICv4: four 64 KiB frames per redistributor (IHI 0069H 12.10) */
    g_assert_cmphex(stmt(s, 0)->acc.addr, ==,
                    0x080a0000 + 0x40000 + 0x20000 + 0x70);
    g_assert_cmphex(stmt(s, 1)->acc.addr, ==,
                    0x080a0000 + 0x40000 + 0x10000 + 0x100);
    gs_script_free(s);
}

/* Beyond the first region's 123 (GICv3) or 61 (GICv4) redistributors */
static void test_second_region(void)
{
    GsScript *s = parse_ok(
        "machine gic-version=3 smp=512\n"
        "read GICR_TYPER@cpu122\n"
        "read GICR_TYPER@cpu123\n"
        "read GICR_ISENABLER0@cpu511\n");

    g_assert_cmphex(stmt(s, 0)->acc.addr, ==, 0x080a0000 + 122 * 0x20000 + 8);
    g_assert_cmphex(stmt(s, 1)->acc.addr, ==, 0x4000000000ULL + 8);
    g_assert_cmphex(stmt(s, 2)->acc.addr, ==,
                    0x4000000000ULL + 388 * 0x20000 + 0x10000 + 0x100);
    gs_script_free(s);
    s = parse_ok("machine gic-version=4 smp=317\n"
                 "read GICR_VPROPBASER@cpu316\n");
    g_assert_cmphex(stmt(s, 0)->acc.addr, ==,
                    0x4000000000ULL + 255 * 0x40000 + 0x20000 + 0x70);
    gs_script_free(s);
}

static void test_lines(void)
{
    GsScript *s = parse_ok(
        "machine smp=2\n"
        "raise spi 42\n"
        "lower ppi 27 cpu 1\n"
        "pulse spi 287\n"
        "expect irq cpu 1 == 1\n"
        "expect fiq cpu 0 == 0\n");

    g_assert_cmpint(stmt(s, 0)->kind, ==, GS_IRQ_IN);
    g_assert_cmpuint(stmt(s, 0)->intid, ==, 42);
    g_assert_cmpint(stmt(s, 0)->level, ==, 1);
    g_assert_cmpuint(stmt(s, 1)->cpu, ==, 1);
    g_assert_cmpint(stmt(s, 1)->level, ==, 0);
    g_assert_cmpint(stmt(s, 2)->level, ==, 2);
    g_assert_cmpint(stmt(s, 3)->kind, ==, GS_IRQ_OUT);
    g_assert_false(stmt(s, 3)->fiq);
    g_assert_true(stmt(s, 4)->fiq);
    g_assert_true(s->checks_lines);
    gs_script_free(s);
}

static void test_decode(void)
{
    GsScript *s = parse_ok("read GICD_TYPER\nread8 GICR_WAKER[0]\n"
                           "read GICD_IROUTER(33)[4]\n");
    g_autoptr(GString) out = g_string_new(NULL);

    gs_format_fields(&stmt(s, 0)->acc, 0x037a0408, out);
    g_assert_cmpstr(out->str, ==,
                    "ITLinesNumber=8 CPUNumber=0 ESPI=0 NMI=0 "
                    "SecurityExtn=1 num_LPIs=0 MBIS=0 LPIS=1 DVIS=0 "
                    "IDbits=0xf A3V=1 No1N=1 RSS=0 ESPI_range=0");
    g_string_truncate(out, 0);
    gs_format_fields(&stmt(s, 1)->acc, 0x6, out);
    g_assert_cmpstr(out->str, ==, "ProcessorSleep=1 ChildrenAsleep=1");
    g_string_truncate(out, 0);
    /* Only the fields in the upper word: Aff3 */
    gs_format_fields(&stmt(s, 2)->acc, 0x12, out);
    g_assert_cmpstr(out->str, ==, "Aff3=0x12");
    g_string_truncate(out, 0);
    gs_format_target(&stmt(s, 2)->acc, out);
    g_assert_cmpstr(out->str, ==, "GICD_IROUTER(33)[4]");
    gs_script_free(s);
}

static void test_suggestions(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    g_assert_cmpuint(gs_edit_distance("GICD_CTRL", "GICD_CTLR"), ==, 1);
    g_assert_cmpuint(gs_edit_distance("gicd_ctlr", "GICD_CTLR"), ==, 0);
    g_assert_cmpuint(gs_edit_distance("", "abc"), ==, 3);
    gs_suggest_registers("GICD_ISENABLE", 3, out);
    g_assert_true(g_str_has_prefix(out->str, "GICD_ISENABLER"));
}

/* ---- Each kind of malformed script ---- */

static void test_error_unknown_register(void)
{
    check_error("read GICD_CTRL\n",
                "t.poke:1:6: expected a register name, found unknown "
                "register 'GICD_CTRL'; did you mean GICD_CTLR or "
                "GICR_CTLR?\n");
}

static void test_error_unknown_field(void)
{
    check_error("expect GICD_TYPER.ITLines == 8\n",
                "t.poke:1:19: expected a field of GICD_TYPER, found "
                "'ITLines'; did you mean ITLinesNumber?\n");
    check_error("read GICD_IGROUPR(1).Foo\n",
                "t.poke:1:22: expected no field: GICD_IGROUPR has no "
                "fields in the register table; use & MASK\n");
}

static void test_error_field_outside_access(void)
{
    check_error("read32 GICD_IROUTER(40).Aff3\n",
                "t.poke:1:25: expected a field within bits [31:0] that "
                "this access covers, found Aff3 [39:32]\n");
}

static void test_error_index(void)
{
    check_error("write GICD_IPRIORITYR = 0\n",
                "t.poke:1:23: expected '(' and the index n of "
                "GICD_IPRIORITYR<n> (0..254), found '='\n");
    check_error("wait GICD_IPRIORITYR(0..3) == 0 within 3\n",
                "t.poke:1:23: expected ')': a range of elements is for "
                "read, expect and write\n");
    check_error("read GICD_ISENABLER(3..1)\n",
                "t.poke:1:24: expected a last index of GICD_ISENABLER in "
                "3..31, found 1\n");
    check_error("expect GICD_IPRIORITYR(250..300) == 0\n",
                "t.poke:1:29: expected a last index of GICD_IPRIORITYR in "
                "250..254, found 300\n");
    check_error("read GICD_IROUTER(31)\n",
                "t.poke:1:19: expected an index of GICD_IROUTER in "
                "32..1019, found 31\n");
    check_error("read GICD_CTLR(0)\n",
                "t.poke:1:15: expected no index: GICD_CTLR is not an "
                "array\n");
    check_error("read GICD_IGROUPR(1\n",
                "t.poke:1:20: expected ')', found end of line\n");
}

/*
 * Ranges of elements and whole arrays: one statement per element; ';'
 * between statements on a line
 */
static void test_ranges(void)
{
    GsScript *s = parse_ok("read GICD_ISENABLER(0..3)\n"
                           "expect GICD_IPRIORITYR == 0\n"
                           "write GICD_ICENABLER(1..2) = 0xffffffff; "
                           "read GICD_CTLR ; echo \"a;b\" # c; d\n");
    unsigned i;

    g_assert_cmpuint(s->stmts->len, ==, 4 + 255 + 2 + 2);
    for (i = 0; i < 4; i++) {
        g_assert_cmpint(stmt(s, i)->kind, ==, GS_READ);
        g_assert_cmpuint(stmt(s, i)->acc.index, ==, i);
        g_assert_cmpuint(stmt(s, i)->acc.addr, ==, 0x08000100 + 4 * i);
        g_assert_cmpuint(stmt(s, i)->line, ==, 1);
    }
    g_assert_cmpuint(stmt(s, 4 + 254)->acc.index, ==, 254);
    g_assert_cmpuint(stmt(s, 4 + 254)->acc.addr, ==, 0x08000400 + 4 * 254);
    g_assert_cmpint(stmt(s, 4 + 254)->check, ==, GS_CHECK_EQ);
    g_assert_cmpint(stmt(s, 259)->kind, ==, GS_WRITE);
    g_assert_cmpuint(stmt(s, 260)->acc.addr, ==, 0x08000188);
    g_assert_cmpstr(stmt(s, 260)->text, ==,
                    "write GICD_ICENABLER(1..2) = 0xffffffff");
    g_assert_cmpstr(stmt(s, 261)->text, ==, "read GICD_CTLR");
    g_assert_cmpuint(stmt(s, 261)->line, ==, 3);
    g_assert_cmpint(stmt(s, 262)->kind, ==, GS_ECHO);
    g_assert_cmpstr(stmt(s, 262)->text, ==, "a;b");
    gs_script_free(s);
    /* A column after a ';' counts from the start of the line */
    check_error("read GICD_CTLR; read GICD_CTRL\n",
                "t.poke:1:22: expected a register name, found unknown "
                "register 'GICD_CTRL'; did you mean GICD_CTLR or "
                "GICR_CTLR?\n");
}

/* A session's machine, written as a header, parses to the same machine */
static void test_machine_header(void)
{
    static const char *const hdrs[] = {
        "machine gic-version=4 smp=3 secure=off its=on profile=gic-600 "
        "strict=pedantic rwp-ns=500 pwrr-ns=7 cpuif=off\n",
        "machine gic-version=3 realm-shim=on realm-ipa-bits=40 "
        "gic-model=qemu virtualization=on\n",
        "reset\n",
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(hdrs); i++) {
        g_autofree char *text = g_strconcat(hdrs[i], "reset\n", NULL);
        GsScript *a = parse_ok(text), *b;
        g_autoptr(GString) h = g_string_new(NULL);
        g_autofree char *again = NULL;

        gs_machine_header(&a->machine, h);
        again = g_strconcat(h->str, "reset\n", NULL);
        b = parse_ok(again);
        g_assert_cmpuint(a->machine.gic_version, ==, b->machine.gic_version);
        g_assert_cmpint(a->machine.secure, ==, b->machine.secure);
        g_assert_cmpint(a->machine.virtualization, ==,
                        b->machine.virtualization);
        g_assert_cmpint(a->machine.its, ==, b->machine.its);
        g_assert_cmpuint(a->machine.smp, ==, b->machine.smp);
        g_assert_cmpstr(a->machine.model, ==, b->machine.model);
        g_assert_cmpstr(a->machine.profile, ==, b->machine.profile);
        g_assert_cmpint(a->machine.strict, ==, b->machine.strict);
        g_assert_cmpint(a->machine.cpuif, ==, b->machine.cpuif);
        g_assert_cmpstr(a->machine.timing->str, ==, b->machine.timing->str);
        g_assert_cmpint(a->machine.realm_shim, ==, b->machine.realm_shim);
        g_assert_cmpuint(a->machine.realm_ipa_bits, ==,
                         b->machine.realm_ipa_bits);
        gs_script_free(a);
        gs_script_free(b);
    }
}

static void test_error_byte_and_alignment(void)
{
    check_error("read GICD_CTLR[4]\n",
                "t.poke:1:16: expected a byte offset in 0..3 of the "
                "4-byte GICD_CTLR, found 4\n");
    check_error("read16 GICD_IPRIORITYR(3)[1]\n",
                "t.poke:1:27: expected a byte offset aligned to the "
                "2-byte access, found 1\n");
    check_error("read 0x08000002\n",
                "t.poke:1:6: expected an address aligned to the 4-byte "
                "access, found 0x8000002\n");
}

static void test_error_cpu(void)
{
    check_error("machine smp=2\nread GICR_WAKER@cpu2\n",
                "t.poke:2:17: expected a CPU below smp=2, found cpu2\n");
    check_error("read GICD_CTLR@cpu0\n",
                "t.poke:1:16: expected a redistributor (GICR_) register "
                "before @cpu0\n");
    check_error("read GICR_WAKER@core1\n",
                "t.poke:1:17: expected cpuN (a redistributor) after '@', "
                "found 'core1'\n");
    check_error("raise ppi 27\n",
                "t.poke:1:13: expected 'cpu' and the CPU whose PPI it is, "
                "found end of line\n");
}

static void test_error_values(void)
{
    check_error("write8 GICD_IPRIORITYR(0)[1] = 0x100\n",
                "t.poke:1:32: expected a value that fits in the 8-bit "
                "access, found 0x100\n");
    check_error("expect GICD_TYPER.ITLinesNumber == 32\n",
                "t.poke:1:36: expected a value that fits in the 5 bits "
                "compared, found 0x20\n");
    check_error("write GICD_CTLR = 0xfg\n",
                "t.poke:1:19: expected a number (decimal, 0x hex or 0b "
                "binary, below 2^64), found '0xfg'\n");
    check_error("write GICD_CTLR =\n",
                "t.poke:1:18: expected a value (a number, 1 << N, A | B), "
                "found end of line\n");
    check_error("write GICD_CTLR = 1 << 64\n",
                "t.poke:1:24: expected a shift that keeps the value "
                "within 64 bits, found << 64\n");
}

static void test_error_statement(void)
{
    check_error("raed GICD_CTLR\n",
                "t.poke:1:1: expected a statement (machine, default, read, "
                "write, expect, wait, step, raise, lower, pulse, reset, realm, "
                "rec, show, echo), "
                "found 'raed' (did you mean read?)\n");
    check_error("== 3\n",
                "t.poke:1:1: expected a statement (machine, default, read, "
                "write, expect, wait, step, raise, lower, pulse, reset, realm, "
                "rec, show, echo), "
                "found '=='\n");
    check_error("read GICD_CTLR 3\n",
                "t.poke:1:16: expected '==', '!=', 'error' or 'gated', found "
                "'3'\n");
    check_error("expect GICD_CTLR\n",
                "t.poke:1:17: expected '==', '!=', 'error' or 'gated', found "
                "end of line\n");
    check_error("reset now\n",
                "t.poke:1:7: expected end of line, found 'now'\n");
    check_error("read GICD_CTLR $\n",
                "t.poke:1:16: expected a name, number or one of "
                "( ) [ ] . .. = == != & | << @ ;, found '$'\n");
    check_error("echo \"unterminated\n",
                "t.poke:1:6: expected '\"' to end the string, found end "
                "of line\n");
    check_error("# only a comment\n",
                "t.poke:2:1: expected at least one statement, found end "
                "of file\n");
}

static void test_error_wait(void)
{
    check_error("wait GICD_CTLR.RWP == 0\n",
                "t.poke:1:24: expected 'within' and the most reads to "
                "make, or a time, found end of line\n");
    check_error("wait GICD_CTLR.RWP == 0 within 20s\n",
                "t.poke:1:32: expected a time from 1ns to 10s, found "
                "'20s'\n");
    check_error("step 100\n",
                "t.poke:1:6: expected a time from 1ns to 10s (500ns, 2us, "
                "1ms), found '100'\n");
    check_error("machine rwp-ns=2000000000\n",
                "t.poke:1:16: expected a duration in ns (0 to 1000000000) "
                "for rwp-ns, found '2000000000'\n");
    check_error("wait GICD_CTLR.RWP error within 3\n",
                "t.poke:1:20: expected '==' or '!=', found 'error'\n");
}

/* "gated": the access must be RAZ/WI by one of the register's gates */
static void test_gated(void)
{
    GsScript *s = parse_ok("machine secure=on smp=2\n"
                           "expect NS GICR_PWRR@cpu1 == 0 gated\n"
                           "read GICD_SETSPI_SR gated\n"
                           "write GICR_PWRR@cpu1 = 0 gated\n"
                           "expect S GICR_PWRR@cpu1.RDPD == 1\n"
                           "write16 GICD_CTLR = 0 error\n");

    g_assert_true(stmt(s, 0)->expect_gated);
    g_assert_cmpint(stmt(s, 0)->check, ==, GS_CHECK_EQ);
    g_assert_true(stmt(s, 1)->expect_gated);
    g_assert_cmpint(stmt(s, 1)->check, ==, GS_CHECK_NONE);
    g_assert_true(stmt(s, 2)->expect_gated);
    g_assert_cmpint(stmt(s, 2)->kind, ==, GS_WRITE);
    g_assert_false(stmt(s, 3)->expect_gated);
    g_assert_false(stmt(s, 4)->expect_gated);
    g_assert_null(stmt(s, 0)->expect_gate);
    gs_script_free(s);
    s = parse_ok("expect NS GICR_PWRR@cpu1 == 0 gated secure-only\n"
                 "write GICR_WAKER = 0 gated power @sim\n"
                 "read GICD_NSACR(2) gated DS\n");
    g_assert_cmpstr(stmt(s, 0)->expect_gate, ==, "Secure-only");
    g_assert_cmpstr(stmt(s, 1)->expect_gate, ==, "power");
    g_assert_cmpint(stmt(s, 1)->tag, ==, GS_TAG_SIM);
    g_assert_cmpstr(stmt(s, 2)->expect_gate, ==, "DS");
    gs_script_free(s);
    check_error("read GICD_NSACR(2) gated sleepy\n",
                "t.poke:1:26: expected the gate after 'gated' (Secure-only, "
                "DS or power) or the end, found 'sleepy'\n");

    check_error("expect GICD_CTLR error gated\n",
                "t.poke:1:24: expected 'error' or 'gated', not both (a gated "
                "access is RAZ/WI, never a bus error)\n");
    check_error("read 0x08000000 gated\n",
                "t.poke:1:17: expected a register name for 'gated': a raw "
                "address has no gates in the register table\n");
    check_error("wait GICD_CTLR.RWP == 0 within 3 gated\n",
                "t.poke:1:34: expected end of line, found 'gated'\n");
}

/*
 * The gate of a gated access, from the device's reason (the strings of
 * closed_gate() in gicsim-dispatch.c), and its transcript mark
 */
static void test_gate_names(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    g_assert_cmpstr(gs_gate_name("Secure-only register while "
                                 "GICD_CTLR.DS == 0"), ==, "Secure-only");
    g_assert_cmpstr(gs_gate_name("RAZ/WI while GICD_CTLR.DS == 1"), ==,
                    "DS");
    g_assert_cmpstr(gs_gate_name("redistributor powered down "
                                 "(GICR_PWRR.RDGPO == 1)"), ==, "power");
    g_assert_cmpstr(gs_gate_name("something new"), ==, "gate");
    gs_format_gate("redistributor powered down (GICR_PWRR.RDGPO == 1)", out);
    g_assert_cmpstr(out->str, ==, "  [gated (power): RAZ/WI, redistributor "
                    "powered down (GICR_PWRR.RDGPO == 1)]");
    g_string_truncate(out, 0);
    gs_format_gate("RAZ/WI while GICD_CTLR.DS == 1", out);
    g_assert_cmpstr(out->str, ==, "  [gated (DS): RAZ/WI while "
                    "GICD_CTLR.DS == 1]");
}

/*
 * --json and --junit: a gated access is reported in both (JSON "gated",
 * JUnit <system-err> for one that checked nothing, the failure's message
 * for one that failed); a script that does not parse is a failure in
 * both; every script ends with a JSON summary record.
 */
static void test_report_gated(void)
{
    g_autofree char *dir = g_dir_make_tmp("gicsim-report-XXXXXX", NULL);
    g_autofree char *jpath = g_build_filename(dir, "r.json", NULL);
    g_autofree char *xpath = g_build_filename(dir, "r.xml", NULL);
    g_autofree char *json = NULL, *xml = NULL;
    g_autoptr(GString) err = g_string_new(NULL);
    const char *why = "Secure-only register while GICD_CTLR.DS == 0";
    GsScript *s = parse_ok("machine secure=on smp=2\n"
                           "write GICR_PWRR@cpu1 = 0\n"
                           "expect GICR_PWRR@cpu1.RDGPO == 0\n");
    GsReport *rep = gs_report_open(fopen(jpath, "w"), xpath, err);

    g_assert_nonnull(rep);
    gs_report_stmt(rep, "t.poke", "sim", stmt(s, 0), 0, true, 0, 0, 0, why,
                   GS_VERDICT_NONE, "write32 NS GICR_PWRR@cpu1 = 0  [gated]");
    gs_report_stmt(rep, "t.poke", "sim", stmt(s, 1), 0, true, 0, 1, 0, why,
                   GS_VERDICT_FAIL, "read32 NS GICR_PWRR@cpu1.RDGPO  [gated]");
    gs_report_script(rep, "t.poke", "sim", 0, 1, 2);
    gs_report_parse_error(rep, "bad.poke", "bad.poke:1:1: expected ...\n");
    g_assert_true(gs_report_close(rep, err));
    gs_script_free(s);

    g_assert_true(g_file_get_contents(jpath, &json, NULL, NULL));
    g_assert_nonnull(strstr(json, "\"op\":\"write\""));
    g_assert_nonnull(strstr(json, "\"gated\":{\"gate\":\"Secure-only\","
                            "\"why\":\"Secure-only register while "
                            "GICD_CTLR.DS == 0\"}"));
    g_assert_nonnull(strstr(json, "\"op\":\"summary\",\"passed\":0,"
                            "\"failed\":1,\"gated\":2,\"verdict\":\"fail\""));
    g_assert_nonnull(strstr(json, "{\"script\":\"bad.poke\",\"model\":null,"
                            "\"op\":\"parse\",\"verdict\":\"fail\""));
    g_assert_true(g_file_get_contents(xpath, &xml, NULL, NULL));
    g_assert_nonnull(strstr(xml, "<testsuites name=\"gicsim-probe\" "
                            "tests=\"2\" failures=\"2\">"));
    g_assert_nonnull(strstr(xml, "<system-err>gated accesses (RAZ/WI by a "
                            "gate of the register):\n2: write32 NS "
                            "GICR_PWRR@cpu1 = 0  [gated]\n</system-err>"));
    g_assert_nonnull(strstr(xml, "<testsuite name=\"bad.poke\" tests=\"1\" "
                            "failures=\"1\">"));
    g_unlink(jpath);
    g_unlink(xpath);
    g_rmdir(dir);
}

/* Virtual time: step, wait ... within TIME, the duration keys */
static void test_time(void)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsScript *s = gs_parse("t.poke",
                           "machine profile=gic-600 rwp-ns=0 waker-ns=1500\n"
                           "step 2us\n"
                           "step 1_500ns\n"
                           "wait GICD_CTLR.RWP == 0 within 3ms\n"
                           "wait GICD_CTLR.RWP == 0 within 7\n", err);
    const GsStmt *st;

    g_assert_cmpstr(err->str, ==, "");
    g_assert_nonnull(s);
    g_assert_true(s->timed);
    g_assert_cmpstr(s->machine.timing->str, ==,
                    " -global arm-gicv3-sim.rwp-ns=0"
                    " -global arm-gicv3-sim.waker-ns=1500");
    st = g_ptr_array_index(s->stmts, 0);
    g_assert_cmpint(st->kind, ==, GS_STEP);
    g_assert_cmpuint(st->value, ==, 2000);
    st = g_ptr_array_index(s->stmts, 1);
    g_assert_cmpuint(st->value, ==, 1500);
    st = g_ptr_array_index(s->stmts, 2);
    g_assert_cmpint(st->kind, ==, GS_WAIT);
    g_assert_cmpuint(st->within_ns, ==, 3000000);
    st = g_ptr_array_index(s->stmts, 3);
    g_assert_cmpuint(st->within_ns, ==, 0);
    g_assert_cmpuint(st->within, ==, 7);
    gs_script_free(s);
}

static void test_error_header(void)
{
    check_error("machine gic-version=2\nreset\n",
                "t.poke:1:21: expected 3 or 4 for gic-version, found "
                "'2'\n");
    check_error("machine secure=yes\nreset\n",
                "t.poke:1:16: expected on or off for secure, found "
                "'yes'\n");
    check_error("machine strict=yes\nreset\n",
                "t.poke:1:16: expected on, off or pedantic for strict, "
                "found 'yes'\n");
    check_error("machine profile=gic-800\nreset\n",
                "t.poke:1:17: expected a profile (qemu, gic-500, gic-600, "
                "gic-700), found 'gic-800'\n");
    check_error("machine gic-verison=3\nreset\n",
                "t.poke:1:9: expected a machine setting, found "
                "'gic-verison' (did you mean gic-version?)\n");
    check_error("reset\nmachine smp=2\n",
                "t.poke:2:1: expected 'machine' lines before the first "
                "statement, found 'machine' after one\n");
    check_error("machine gic-version=4 smp=318\nreset\n",
                "t.poke:2:1: expected smp <= 317 for gic-version=4 (the "
                "virt machine's redistributor regions), found "
                "smp=318\n");
    check_error("machine secure=off\nread S GICD_CTLR\n",
                "t.poke:2:8: expected a machine with secure=on for a "
                "Secure access (the CPU has no Secure state)\n");
    check_error("read GICR_VPROPBASER\n",
                "t.poke:1:6: expected gic-version=4 for GICR_VPROPBASER "
                "(the VLPI_base frame exists only in GICv4)\n");
}

static void test_error_all_lines_reported(void)
{
    /* Every malformed line is reported, and nothing is returned */
    check_error("read GICD_CTLR\nread GICD_TYPR\nwrite GICD_CTLR 1\n",
                "t.poke:2:6: expected a register name, found unknown "
                "register 'GICD_TYPR'; did you mean GICD_TYPER, "
                "GICD_TYPER2 or GICR_TYPER?\n"
                "t.poke:3:17: expected '=', found '1'\n");
}

/* ---- Realm statements (docs/realm.rst) ---- */

static void test_realm_alias(void)
{
    GsScript *s = parse_ok(
        "machine realm-shim=on\n"
        "realm read GICD_CTLR\n"
        "realm write8 GICD_IPRIORITYR(10)[2] = 0xa0\n"
        "realm expect GICR_TYPER@cpu0.Last == 1\n"
        "read GICD_CTLR\n");
    g_autoptr(GString) t = g_string_new(NULL);

    g_assert_true(s->machine.realm_shim);
    g_assert_cmpuint(s->machine.realm_ipa_bits, ==, 48);
    g_assert_cmphex(stmt(s, 0)->acc.addr, ==, (1ULL << 47) + GS_GICD_BASE);
    g_assert_true(stmt(s, 0)->acc.realm_alias);
    g_assert_cmphex(stmt(s, 1)->acc.addr, ==,
                    (1ULL << 47) + GS_GICD_BASE + 0x42a);
    g_assert_cmpint(stmt(s, 1)->kind, ==, GS_WRITE);
    g_assert_cmphex(stmt(s, 2)->acc.addr, ==,
                    (1ULL << 47) + GS_GICR_BASE + 8);
    g_assert_cmpint(stmt(s, 2)->check, ==, GS_CHECK_EQ);
    g_assert_false(stmt(s, 3)->acc.realm_alias);
    g_assert_cmphex(stmt(s, 3)->acc.addr, ==, GS_GICD_BASE);
    gs_format_target(&stmt(s, 0)->acc, t);
    g_assert_cmpstr(t->str, ==, "GICD_CTLR via the realm alias");
    gs_script_free(s);

    s = parse_ok("machine realm-shim=on realm-ipa-bits=40\n"
                 "realm read 0x08000004\n");
    g_assert_cmphex(stmt(s, 0)->acc.addr, ==, (1ULL << 39) + 0x08000004);
    gs_script_free(s);
}

static void test_rec(void)
{
    GsScript *s = parse_ok(
        "rec read32 GICD_TYPER reg=x3 sse == 0xffffffff80000000\n"
        "rec write8 GICD_IPRIORITYR(10)[2] = 0x1234 reg=wzr\n"
        "rec read GICD_IROUTER(32) isv=0 abort\n"
        "rec read16 GICD_CTLR ipa=protected restart\n"
        "rec write GICD_CTLR = 1 ipa=outside abort\n"
        "rec read8 GICD_IPRIORITYR(10)[1]\n"
        "rec read GICD_CTLR ipa=protected ripas=empty abort\n");
    const GsStmt *st;

    st = stmt(s, 0);
    g_assert_cmpint(st->kind, ==, GS_REC);
    g_assert_true(st->rec.iss.isv && st->rec.iss.sse && st->rec.iss.sf);
    g_assert_false(st->rec.iss.wnr);
    g_assert_cmpuint(st->rec.iss.sas, ==, 2);
    g_assert_cmpuint(st->rec.iss.srt, ==, 3);
    g_assert_cmpint(st->check, ==, GS_CHECK_EQ);
    g_assert_cmphex(st->value, ==, 0xffffffff80000000ULL);
    g_assert_cmpint(st->rec.ipa, ==, GS_REC_UNPROTECTED);
    g_assert_cmphex(gs_rec_ipa(&s->machine, st), ==,
                    (1ULL << 47) + GS_GICD_BASE + 4);
    st = stmt(s, 1);
    g_assert_true(st->rec.iss.wnr);
    g_assert_cmpuint(st->rec.iss.srt, ==, 31);
    g_assert_false(st->rec.iss.sf);
    g_assert_cmpuint(st->acc.size, ==, 1);
    g_assert_cmphex(st->value, ==, 0x1234);
    st = stmt(s, 2);
    g_assert_false(st->rec.iss.isv);
    g_assert_true(st->rec.expect_abort);
    g_assert_true(st->rec.iss.sf);      /* default X0 for 8 bytes */
    st = stmt(s, 3);
    g_assert_cmphex(gs_rec_ipa(&s->machine, st), ==, GS_GICD_BASE);
    g_assert_true(st->rec.expect_restart);
    g_assert_false(st->rec.expect_abort);
    g_assert_false(st->rec.ripas_empty);
    st = stmt(s, 4);
    g_assert_cmphex(gs_rec_ipa(&s->machine, st), ==,
                    (1ULL << 48) + GS_GICD_BASE);
    st = stmt(s, 5);
    g_assert_false(st->rec.iss.sf);     /* default W0 */
    g_assert_cmpuint(st->rec.iss.srt, ==, 0);
    g_assert_cmpint(st->check, ==, GS_CHECK_NONE);
    g_assert_false(st->rec.expect_abort);
    st = stmt(s, 6);
    g_assert_cmpint(st->rec.ipa, ==, GS_REC_PROTECTED);
    g_assert_true(st->rec.ripas_empty);
    g_assert_true(st->rec.expect_abort);
    gs_script_free(s);
}

static void test_error_realm(void)
{
    check_error("realm read GICD_CTLR\n",
                "t.poke:1:1: expected a machine with realm-shim=on for an "
                "access through the realm alias\n");
    check_error("machine realm-shim=on\nrealm expect irq cpu 0 == 1\n",
                "t.poke:2:7: expected read, expect, write or wait (a "
                "register access) after 'realm', found 'expect'\n");
    check_error("machine realm-shim=on\nrealm reset\n",
                "t.poke:2:7: expected read, expect, write or wait (a "
                "register access) after 'realm', found 'reset'\n");
    check_error("machine realm-ipa-bits=60\n",
                "t.poke:1:24: expected 32..52 for realm-ipa-bits, found "
                "'60'\n");
    check_error("rec poke GICD_CTLR\n",
                "t.poke:1:5: expected read or write (with an optional "
                "width) after 'rec', found 'poke'\n");
    check_error("rec write GICD_CTLR = 1 sse\n",
                "t.poke:1:25: expected sse only on a 1-, 2- or 4-byte read "
                "(LDRSB, LDRSH, LDRSW)\n");
    check_error("rec read64 GICD_IROUTER(32) reg=w1\n",
                "t.poke:1:5: expected an X register for an 8-byte access\n");
    check_error("rec read8 GICD_IPRIORITYR(10)[2] reg=x1\n",
                "t.poke:1:5: expected a W register for a 1-byte access "
                "without sign extension\n");
    check_error("rec read GICD_CTLR reg=x31\n",
                "t.poke:1:24: expected a register X0..X30, W0..W30, XZR or "
                "WZR, found 'x31'\n");
    check_error("rec read GICD_CTLR isv=2\n",
                "t.poke:1:24: expected 0 or 1 for isv, found 2\n");
    check_error("rec read GICD_CTLR ipa=elsewhere\n",
                "t.poke:1:24: expected unprotected, protected or outside, "
                "found 'elsewhere'\n");
    check_error("rec read GICD_CTLR fast\n",
                "t.poke:1:20: expected reg=, sse, isv=, ipa=, ripas=, abort, "
                "restart or '==', found 'fast'\n");
    check_error("rec read GICD_CTLR ripas=empty\n",
                "t.poke:1:20: expected ripas= only after ipa=protected "
                "(RIPAS is a Protected IPA's)\n");
    check_error("rec read GICD_CTLR ipa=protected ripas=gone\n",
                "t.poke:1:40: expected ram or empty, found 'gone'\n");
}

typedef struct RecDev {
    uint64_t rval;
} RecDev;

static bool rec_dev(void *opaque, uint64_t addr, unsigned len, bool write,
                    uint64_t *val)
{
    RecDev *d = opaque;

    if (!write) {
        *val = d->rval;
    }
    return addr == GS_GICD_BASE + 4 && len == 4;
}

static void test_rec_transcript(void)
{
    GsScript *s = parse_ok("rec read32 GICD_TYPER reg=x3 sse\n"
                           "rec read32 GICD_TYPER isv=0 abort\n"
                           "rec read32 GICD_TYPER ipa=protected restart\n");
    g_autoptr(GString) out = g_string_new(NULL);
    GicsimRecRun *run = g_new0(GicsimRecRun, 1);
    GicsimRmm rmm;
    GicsimRealmCpu cpu = { .pc = 0x1000 };
    GicsimDabt dabt;
    GicsimRecStep step;
    RecDev dev = { .rval = 0x80000019 };
    uint64_t ipa = gs_rec_ipa(&s->machine, stmt(s, 0));

    gicsim_rmm_init(&rmm, 48);
    gicsim_rec_realm_abort(&stmt(s, 0)->rec.iss, ipa, ipa, &dabt);
    g_assert_true(gicsim_rec_forward(&rmm, &cpu, run, &dabt, rec_dev, &dev,
                                     &step));
    gs_format_rec_step(&step, &stmt(s, 0)->rec.iss, &cpu, "  ", out);
    g_assert_cmpstr(out->str, ==,
        "  realm abort: ESR_EL2 0x93a38007 FAR_EL2 0x800008000004 "
        "HPFAR_EL2 0x8000080000 (EC=0x24 IL=1 ISV=1 SAS=2 SSE=1 SRT=3 SF=1 "
        "AR=0 WnR=0 DFSC=0x07)\n"
        "  RecExit: exit_reason 0 esr 0x91808007 far 0x4 hpfar 0x8000080000 "
        "gprs[0] 0x0 (EC=0x24 IL=0 ISV=1 SAS=2 SSE=0 SRT=0 SF=1 AR=0 WnR=0 "
        "DFSC=0x07)\n"
        "  host: emulated 4-byte read at 0x08000004 -> 0x80000019\n"
        "  RecEntry: flags 0x1 EMULATED_MMIO gprs[0] 0x80000019\n"
        "  REC_ENTER: RMI_SUCCESS, completed: X3 = 0xffffffff80000019, "
        "PC += 4\n");

    g_string_truncate(out, 0);
    gicsim_rec_realm_abort(&stmt(s, 1)->rec.iss, ipa, ipa, &dabt);
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, rec_dev, &dev,
                                      &step));
    gs_format_rec_step(&step, &stmt(s, 1)->rec.iss, &cpu, "", out);
    g_assert_cmpstr(out->str, ==,
        "realm abort: ESR_EL2 0x92000007 FAR_EL2 0x800008000004 "
        "HPFAR_EL2 0x8000080000 (EC=0x24 IL=1 ISV=0 WnR=0 DFSC=0x07)\n"
        "RecExit: exit_reason 0 esr 0x92000007 far 0x0 hpfar 0x8000080000 "
        "gprs[0] 0x0 (EC=0x24 IL=1 ISV=0 WnR=0 DFSC=0x07)\n"
        "host: no valid syndrome, cannot emulate: INJECT_SEA\n"
        "RecEntry: flags 0x2 INJECT_SEA gprs[0] 0x80000019\n"
        "REC_ENTER: RMI_SUCCESS, synchronous external abort injected\n");

    /* Protected, RIPAS RAM: no abort for the realm (DEN0137 RQSQLF) */
    g_string_truncate(out, 0);
    ipa = gs_rec_ipa(&s->machine, stmt(s, 2));
    gicsim_rec_realm_abort(&stmt(s, 2)->rec.iss, ipa, ipa, &dabt);
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, rec_dev, &dev,
                                      &step));
    g_assert_cmpint(gicsim_rec_step_end(&step), ==, GICSIM_REC_END_RESTART);
    gs_format_rec_step(&step, &stmt(s, 2)->rec.iss, &cpu, "", out);
    g_assert_cmpstr(out->str, ==,
        "realm abort: ESR_EL2 0x93800007 FAR_EL2 0x8000004 "
        "HPFAR_EL2 0x80000 (EC=0x24 IL=1 ISV=1 SAS=2 SSE=0 SRT=0 SF=0 AR=0 "
        "WnR=0 DFSC=0x07)\n"
        "RecExit: exit_reason 0 esr 0x90000007 far 0x0 hpfar 0x80000 "
        "gprs[0] 0x0 (EC=0x24 IL=0 ISV=0 WnR=0 DFSC=0x07)\n"
        "host: a fault at a Protected IPA (RIPAS RAM) is not MMIO: map "
        "memory there, re-enter with no flag\n"
        "RecEntry: flags 0x0 gprs[0] 0x80000019\n"
        "REC_ENTER: RMI_SUCCESS, the instruction restarts\n");
    g_free(run);
    gs_script_free(s);
}

/* Command-line settings override the header and are checked early. */
static void test_overrides(void)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsOverrides *o = gs_overrides_new();
    g_autoptr(GString) d = g_string_new(NULL);
    GsScript *s;

    g_assert_true(gs_overrides_add(o, "--profile gic-600",
                                   "profile=gic-600", err));
    g_assert_true(gs_overrides_add(o, "--smp 4", "smp=4", err));
    g_assert_true(gs_overrides_add(o, "--gic-version 4", "gic-version=4",
                                   err));
    g_assert_cmpstr(err->str, ==, "");
    /* @cpu3 is valid only with the override's smp=4 */
    s = gs_parse_with("t.poke", "machine smp=2 gic-version=3\n"
                      "read GICR_TYPER@cpu3\nread GICR_VPROPBASER\n", o,
                      err);
    g_assert_cmpstr(err->str, ==, "");
    g_assert_nonnull(s);
    g_assert_cmpuint(s->machine.smp, ==, 4);
    g_assert_cmpuint(s->machine.gic_version, ==, 4);
    g_assert_true(s->machine.virtualization);
    g_assert_cmpstr(s->machine.profile, ==, "gic-600");
    gs_machine_describe(&s->machine, d);
    g_assert_cmpstr(d->str, ==, "gic-version=4 smp=4 secure=on "
                    "virtualization=on profile=gic-600");
    g_string_truncate(d, 0);
    gs_overrides_describe(o, d);
    g_assert_cmpstr(d->str, ==, "--profile gic-600 --smp 4 --gic-version 4");
    gs_script_free(s);

    /* Bad values name the option */
    g_assert_false(gs_overrides_add(o, "--smp 0", "smp=0", err));
    g_assert_false(gs_overrides_add(o, "--profile gic-900",
                                    "profile=gic-900", err));
    g_assert_false(gs_overrides_add(o, "--security maybe", "secure=maybe",
                                    err));
    g_assert_cmpstr(err->str, ==,
        "--smp 0: expected a CPU count for smp, found '0'\n"
        "--profile gic-900: expected a profile (qemu, gic-500, gic-600, "
        "gic-700), found 'gic-900'\n"
        "--security maybe: expected on or off for secure, found 'maybe'\n");
    g_assert_cmpuint(gs_overrides_count(o), ==, 3);
    gs_overrides_free(o);
}

/* A Secure access needs secure=on, whichever way it was set. */
static void test_overrides_checked_against_script(void)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsOverrides *o = gs_overrides_new();

    g_assert_true(gs_overrides_add(o, "--security off", "secure=off", err));
    g_assert_null(gs_parse_with("t.poke", "machine secure=on\n"
                                "read S GICD_CTLR\n", o, err));
    g_assert_cmpstr(err->str, ==, "t.poke:2:8: expected a machine with "
                    "secure=on for a Secure access (the CPU has no Secure "
                    "state)\n");
    gs_overrides_free(o);
}

/* Sessions parse one line at a time and report the column of an error. */
static void test_session(void)
{
    g_autoptr(GString) err = g_string_new(NULL);
    GsSession *ss = gs_session_new("<stdin>", "machine secure=on smp=2\n",
                                   NULL, err);
    GsScript *s;
    unsigned col = 0;
    const GsStatementHelp *h;
    bool seen_wait = false;

    g_assert_nonnull(ss);
    s = gs_session_script(ss);
    g_assert_cmpint(gs_session_line(ss, "read S GICD_CTLR", &col, err), ==,
                    1);
    g_assert_cmpint(gs_session_line(ss, "  # a comment", &col, err), ==, 0);
    g_assert_cmpint(gs_session_line(ss, "read GICD_CTRL", &col, err), ==,
                    -1);
    g_assert_cmpuint(col, ==, 6);
    g_assert_true(g_str_has_prefix(err->str, "<stdin>:3:6: expected a "
                                   "register name"));
    g_string_truncate(err, 0);
    g_assert_cmpint(gs_session_line(ss, "expect GICR_WAKER@cpu1 == 6", &col,
                                    err), ==, 1);
    g_assert_cmpuint(s->stmts->len, ==, 2);
    g_assert_cmpuint(stmt(s, 1)->line, ==, 4);
    g_assert_cmpuint(stmt(s, 1)->acc.cpu, ==, 1);
    g_assert_cmpint(gs_session_line(ss, "machine smp=4", &col, err), ==, -1);
    gs_session_free(ss);

    for (h = gs_statements; h->word; h++) {
        seen_wait |= !strcmp(h->word, "wait");
    }
    g_assert_true(seen_wait);
}

static char *complete_join(const char *before, const char *word, bool *space)
{
    g_autoptr(GPtrArray) c = g_ptr_array_new_with_free_func(g_free);
    bool sp = gs_complete(before, word, c);

    if (space) {
        *space = sp;
    }
    g_ptr_array_add(c, NULL);
    return g_strjoinv(" ", (char **)c->pdata);
}

/* Completion: statements first, then registers and fields */
static void test_complete(void)
{
    g_autofree char *a = complete_join("", "wr", NULL);
    g_autofree char *b = complete_join("", "", NULL);
    g_autofree char *c = NULL, *d = NULL, *e = NULL, *f = NULL;
    bool space = true;

    g_assert_cmpstr(a, ==, "write");
    /* every statement of the parser's list, and help, quit */
    g_assert_nonnull(strstr(b, "wait"));
    g_assert_nonnull(strstr(b, "echo"));
    g_assert_nonnull(strstr(b, "help"));
    c = complete_join("read ", "gicd_ct", &space);
    g_assert_cmpstr(c, ==, "GICD_CTLR");
    g_assert_false(space);      /* "." or "(" may follow */
    d = complete_join("expect S ", "GICD_CTLR.Enable", NULL);
    g_assert_cmpstr(d, ==, "GICD_CTLR.EnableGrp0 GICD_CTLR.EnableGrp1NS "
                    "GICD_CTLR.EnableGrp1S");
    e = complete_join("read ", "GICR_WAKER@cpu1.Ch", NULL);
    g_assert_cmpstr(e, ==, "GICR_WAKER@cpu1.ChildrenAsleep");
    f = complete_join("help ", "GICD_TYP", NULL);
    g_assert_cmpstr(f, ==, "GICD_TYPER GICD_TYPER2");
}

static void test_help(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    g_assert_true(gs_help_register("gicd_ctlr", out));
    g_assert_true(g_str_has_prefix(out->str, "GICD_CTLR: "));
    g_assert_nonnull(strstr(out->str, "frame GICD, offset 0x0000\n"));
    g_assert_nonnull(strstr(out->str, "access widths 32"));
    g_assert_nonnull(strstr(out->str, "[31]      RWP  read-only\n"));
    g_string_truncate(out, 0);
    g_assert_true(gs_help_register("GICD_IPRIORITYR", out));
    g_assert_nonnull(strstr(out->str, "offset 0x0400 + 4 * (n - 0)"));
    g_assert_nonnull(strstr(out->str, "access widths 8/32"));
    g_string_truncate(out, 0);
    g_assert_false(gs_help_register("GICD_CTRL", out));
    g_assert_cmpstr(out->str, ==, "no register 'GICD_CTRL' in the register "
                    "table; did you mean GICD_CTLR or GICR_CTLR?\n");
    g_string_truncate(out, 0);
    gs_help_statements(out);
    g_assert_nonnull(strstr(out->str, "wait [S|NS] TARGET == V within N"));
}

/* help REGISTER shows the access rules: gates, per-field RO/WO, reset */
static void test_help_rules(void)
{
    g_autoptr(GString) out = g_string_new(NULL);
    GsScript *on = parse_ok("machine secure=on profile=gic-600\nreset\n");
    GsScript *off = parse_ok("machine secure=off\nreset\n");
    uint64_t reset = 0x9;

    g_assert_true(gs_help_register("GICR_PWRR", out));
    g_assert_nonnull(strstr(out->str, "  present only with the GIC-600/700 "
                            "profiles\n"));
    g_assert_nonnull(strstr(out->str, "  Secure-only: RAZ/WI to Non-secure "
                            "accesses while GICD_CTLR.DS == 0\n"));
    g_assert_nonnull(strstr(out->str, "[1]       RDAG  write-only (reads "
                            "0)\n"));
    g_assert_nonnull(strstr(out->str, "[3]       RDGPO  read-only\n"));
    g_assert_nonnull(strstr(out->str, "  reset: depends on the "
                            "configuration"));
    g_string_truncate(out, 0);
    g_assert_true(gs_help_register_in("GICR_PWRR", &on->machine, &reset,
                                      out));
    g_assert_nonnull(strstr(out->str, "profiles; this machine has it\n"));
    g_assert_nonnull(strstr(out->str, "(this machine: secure=on, DS == 0 at "
                            "reset)\n"));
    g_assert_nonnull(strstr(out->str, "  reset: 0x00000009  {RDPD=1 RDAG=0 "
                            "RDGPD=0 RDGPO=1 RDGO=0 RDG=0} (this machine: "
                            "CPU 0's redistributor, read from a fresh "
                            "one)\n"));
    g_string_truncate(out, 0);
    g_assert_true(gs_help_register_in("GICR_PWRR", &off->machine, NULL,
                                      out));
    g_assert_nonnull(strstr(out->str, "profiles; this machine has NOT: its "
                            "offset is reserved (RES0)\n"));
    g_string_truncate(out, 0);
    g_assert_true(gs_help_register_in("GICR_WAKER", &on->machine, NULL,
                                      out));
    g_assert_nonnull(strstr(out->str, "[2]       ChildrenAsleep  "
                            "read-only\n"));
    g_assert_nonnull(strstr(out->str, "RAZ/WI while the redistributor is "
                            "powered down"));
    g_string_truncate(out, 0);
    g_assert_true(gs_help_register_in("GICD_SETSPI_SR", &off->machine, NULL,
                                      out));
    g_assert_nonnull(strstr(out->str, "RAZ/WI while GICD_CTLR.DS == 1 (one "
                            "Security state): always on this machine "
                            "(secure=off)\n"));
    gs_script_free(on);
    gs_script_free(off);
}

static void test_json_string(void)
{
    g_autoptr(GString) out = g_string_new(NULL);

    gs_json_string(out, "a\"b\\c\n\x01");
    g_assert_cmpstr(out->str, ==, "\"a\\\"b\\\\c\\n\\u0001\"");
}

/* The tour for any machine parses with that machine's rules */
static void test_default_probe_for(void)
{
    static const char *const cfgs[][2] = {
        { "secure=off", "profile=gic-600" },
        { "smp=1", "gic-version=4" },
        { "profile=gic-700", "smp=8" },
        { "secure=off", "profile=qemu" },
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(cfgs); i++) {
        g_autoptr(GString) err = g_string_new(NULL);
        GsOverrides *o = gs_overrides_new();
        GsScript *hdr, *s;
        g_autofree char *text = NULL;

        g_assert_true(gs_overrides_add(o, cfgs[i][0], cfgs[i][0], err));
        g_assert_true(gs_overrides_add(o, cfgs[i][1], cfgs[i][1], err));
        hdr = gs_parse_with("h", "machine smp=2 secure=on\nreset\n", o,
                            err);
        g_assert_nonnull(hdr);
        text = gs_default_probe_for(&hdr->machine);
        s = gs_parse_with("tour", text, o, err);
        g_assert_cmpstr(err->str, ==, "");
        g_assert_nonnull(s);
        /* GICR_PWRR only where the profile has it */
        g_assert_cmpint(strstr(text, "GICR_PWRR") != NULL, ==,
                        strstr(cfgs[i][0], "profile=gic-") ||
                        strstr(cfgs[i][1], "profile=gic-"));
        /* Secure accesses only with two Security states */
        g_assert_cmpint(strstr(text, " S GICD_CTLR") != NULL, ==,
                        hdr->machine.secure);
        gs_script_free(s);
        gs_script_free(hdr);
        gs_overrides_free(o);
    }
}

/* show: what the GIC holds, all of it or one CPU's (info pic) */
static void test_show(void)
{
    GsScript *s = parse_ok("show\nshow cpu 3\n");
    const GsStmt *a = g_ptr_array_index(s->stmts, 0);
    const GsStmt *b = g_ptr_array_index(s->stmts, 1);

    g_assert_cmpint(a->kind, ==, GS_SHOW);
    g_assert_cmpuint(a->value, ==, 0);
    g_assert_cmpint(b->kind, ==, GS_SHOW);
    g_assert_cmpuint(b->value, ==, 4);
    gs_script_free(s);
    check_error("show cpu x\n",
                "t.poke:1:10: expected a CPU number, found 'x'\n");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/script/default-probe", test_default_probe_parses);
    g_test_add_func("/script/header", test_header);
    g_test_add_func("/script/show", test_show);
    g_test_add_func("/script/accesses", test_accesses);
    g_test_add_func("/script/gicv4-frames", test_gicv4_frames);
    g_test_add_func("/script/second-region", test_second_region);
    g_test_add_func("/script/lines", test_lines);
    g_test_add_func("/script/decode", test_decode);
    g_test_add_func("/script/suggestions", test_suggestions);
    g_test_add_func("/script/error/unknown-register",
                    test_error_unknown_register);
    g_test_add_func("/script/error/unknown-field", test_error_unknown_field);
    g_test_add_func("/script/error/field-outside-access",
                    test_error_field_outside_access);
    g_test_add_func("/script/error/index", test_error_index);
    g_test_add_func("/script/ranges", test_ranges);
    g_test_add_func("/script/machine-header", test_machine_header);
    g_test_add_func("/script/error/byte-alignment",
                    test_error_byte_and_alignment);
    g_test_add_func("/script/error/cpu", test_error_cpu);
    g_test_add_func("/script/error/values", test_error_values);
    g_test_add_func("/script/error/statement", test_error_statement);
    g_test_add_func("/script/error/wait", test_error_wait);
    g_test_add_func("/gicsim/script/time", test_time);
    g_test_add_func("/script/error/header", test_error_header);
    g_test_add_func("/script/error/all-lines", test_error_all_lines_reported);
    g_test_add_func("/script/realm/alias", test_realm_alias);
    g_test_add_func("/script/realm/rec", test_rec);
    g_test_add_func("/script/realm/errors", test_error_realm);
    g_test_add_func("/script/realm/transcript", test_rec_transcript);
    g_test_add_func("/script/overrides", test_overrides);
    g_test_add_func("/script/overrides-checked",
                    test_overrides_checked_against_script);
    g_test_add_func("/script/session", test_session);
    g_test_add_func("/script/default-probe-for", test_default_probe_for);
    g_test_add_func("/script/complete", test_complete);
    g_test_add_func("/script/help", test_help);
    g_test_add_func("/script/help-rules", test_help_rules);
    g_test_add_func("/script/json-string", test_json_string);
    g_test_add_func("/script/gated", test_gated);
    g_test_add_func("/script/gate-names", test_gate_names);
    g_test_add_func("/script/report-gated", test_report_gated);
    return g_test_run();
}
