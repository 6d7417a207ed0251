/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * QTest of the realm shim (docs/realm.rst): the virt machine with
 * realm-shim=on maps the RMM 1.0 MMIO forwarding protocol at the
 * Unprotected alias of the GIC.  Accesses through the alias must behave
 * as direct ones, and the RecExit/RecEntry log read through QMP must be
 * what the RMM and the host build, for reads and writes of every width;
 * accesses the host cannot emulate end as aborts.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qapi/error.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qjson.h"
#include "qobject/qstring.h"
#include "gicsim-cpuif.h"

#define GICD_BASE       0x08000000ULL
#define GICR_BASE       0x080a0000ULL
#define GITS_BASE       0x08080000ULL
#define ALIAS48         (1ULL << 47)
#define GICD_TYPER      0x0004
#define GICD_IPRIORITYR 0x0400
#define GICD_IROUTER    0x6000
#define GICR_TYPER      0x0008

/* ESR_EL2 data abort fields (Arm ARM, ESR_EL2 ISS for a Data Abort) */
#define ESR_EC_DABT_LOW (0x24ULL << 26)
#define ESR_IL          (1ULL << 25)
#define ESR_ISV         (1ULL << 24)
#define ESR_SF          (1ULL << 15)
#define ESR_WNR         (1ULL << 6)
#define DFSC_TRANS_L3   0x07

static QTestState *start(const char *extra)
{
    return qtest_initf("-M virt,gic-version=3,gic-model=sim,realm-shim=on%s "
                       "-cpu max -smp 2 -nic none", extra);
}

static uint64_t rd(QTestState *qts, uint64_t addr, unsigned size)
{
    uint64_t v = 0;

    g_assert_true(qtest_mmio_read(qts, addr, size, 0, &v));
    return v;
}

static void wr(QTestState *qts, uint64_t addr, unsigned size, uint64_t v)
{
    g_assert_true(qtest_mmio_write(qts, addr, size, 0, v));
}

static uint64_t counter(QTestState *qts, const char *shim, const char *name)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': %s}}", shim, name);
    uint64_t v = qdict_get_int(rsp, "return");

    qobject_unref(rsp);
    return v;
}

/* The exit log of @shim, parsed */
static QList *exit_log(QTestState *qts, const char *shim)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': 'exit-log'}}", shim);
    QObject *log;

    g_assert_true(qdict_haskey(rsp, "return"));
    log = qobject_from_json(qdict_get_str(rsp, "return"), &error_abort);
    qobject_unref(rsp);
    g_assert_nonnull(qobject_to(QList, log));
    return qobject_to(QList, log);
}

static QDict *last_entry(QTestState *qts, const char *shim)
{
    QList *log = exit_log(qts, shim);
    QListEntry *e;
    QDict *last = NULL;

    QLIST_FOREACH_ENTRY(log, e) {
        last = qobject_to(QDict, qlist_entry_obj(e));
    }
    g_assert_nonnull(last);
    qobject_ref(last);
    qobject_unref(log);
    return last;
}

static uint64_t hex(QDict *d, const char *key)
{
    const char *s = qdict_get_str(d, key);
    uint64_t v;

    g_assert_cmpint(qemu_strtou64(s, NULL, 16, &v), ==, 0);
    return v;
}

/* Alias accesses behave as direct ones */
static void test_alias_same_as_direct(void)
{
    QTestState *qts = start("");

    g_assert_cmphex(rd(qts, ALIAS48 + GICD_BASE + GICD_TYPER, 4), ==,
                    rd(qts, GICD_BASE + GICD_TYPER, 4));
    g_assert_cmphex(rd(qts, ALIAS48 + GICR_BASE + 0x20000 + GICR_TYPER, 8),
                    ==, rd(qts, GICR_BASE + 0x20000 + GICR_TYPER, 8));
    wr(qts, ALIAS48 + GICD_BASE + GICD_IPRIORITYR + 42, 1, 0xa0);
    g_assert_cmphex(rd(qts, GICD_BASE + GICD_IPRIORITYR + 42, 1), ==, 0xa0);
    wr(qts, ALIAS48 + GICD_BASE + GICD_IROUTER + 8 * 40, 8,
       0x0000000100000001ULL);
    g_assert_cmphex(rd(qts, GICD_BASE + GICD_IROUTER + 8 * 40, 8), ==,
                    0x0000000100000001ULL);
    /* the ITS control frame too */
    g_assert_cmphex(rd(qts, ALIAS48 + GITS_BASE + 0x4, 4), ==,
                    rd(qts, GITS_BASE + 0x4, 4));
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd", "accesses"),
                     ==, 3);
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd",
                             "emulated-writes"), ==, 2);
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicr",
                             "emulated-reads"), ==, 1);
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-its", "exits"),
                     ==, 1);
    /* qtest accesses have no instruction behind them */
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd",
                             "assumed-syndromes"), ==, 3);
    /* ... so no vCPU register to check the RMM's completion against */
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd",
                             "completion-checks"), ==, 0);
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd",
                             "completion-mismatches"), ==, 0);
    qtest_quit(qts);
}

/*
 * The RecExit/RecEntry of a read and a write of each width: ESR fields,
 * FAR (page offset), HPFAR, gprs[0], flags, as RMM 1.0 builds them.
 */
static void test_log_every_width(void)
{
    QTestState *qts = start("");
    /* IPRIORITYR takes bytes; TYPER words; IROUTER doublewords */
    static const struct {
        unsigned size;
        uint64_t off;
    } acc[] = {
        { 1, GICD_IPRIORITYR + 45 },
        { 2, GICD_IPRIORITYR + 46 },
        { 4, GICD_IPRIORITYR + 48 },
        { 8, GICD_IROUTER + 8 * 41 },
    };
    unsigned i, w;

    for (i = 0; i < G_N_ELEMENTS(acc); i++) {
        for (w = 0; w < 2; w++) {
            unsigned size = acc[i].size;
            uint64_t ipa = ALIAS48 + GICD_BASE + acc[i].off;
            uint64_t val = 0x8070605040302010ULL;
            uint64_t mask = size == 8 ? ~0ULL : (1ULL << (8 * size)) - 1;
            uint64_t sas = __builtin_ctz(size);
            uint64_t got = 0;
            QDict *e, *ex, *en;

            if (w) {
                wr(qts, ipa, size, val & mask);
            } else {
                got = rd(qts, ipa, size);
            }
            e = last_entry(qts, "/machine/realm-shim-gicd");
            g_assert_cmphex(hex(e, "ipa"), ==, ipa);
            g_assert_cmpstr(qdict_get_str(e, "syndrome"), ==, "assumed");
            g_assert_cmpstr(qdict_get_str(e, "rmm"), ==, "exit");
            ex = qdict_get_qdict(e, "exit");
            g_assert_cmpint(qdict_get_int(ex, "exit_reason"), ==, 0);
            /* EC, ISV, SAS, SF (X register for 8 bytes), WnR, DFSC */
            g_assert_cmphex(hex(ex, "esr"), ==,
                            ESR_EC_DABT_LOW | ESR_ISV | sas << 22 |
                            (size == 8 ? ESR_SF : 0) | (w ? ESR_WNR : 0) |
                            DFSC_TRANS_L3);
            g_assert_cmphex(hex(ex, "far"), ==, ipa & 0xfff);
            g_assert_cmphex(hex(ex, "hpfar"), ==, (ipa >> 12) << 4);
            g_assert_cmphex(hex(ex, "gprs0"), ==, w ? val & mask : 0);
            g_assert_cmpstr(qdict_get_str(e, "host"), ==, "emulated");
            en = qdict_get_qdict(e, "entry");
            g_assert_cmphex(hex(en, "flags"), ==, 1);   /* EMULATED_MMIO */
            if (!w) {
                g_assert_cmphex(hex(en, "gprs0"), ==, got);
                g_assert_cmphex(got, ==, rd(qts, GICD_BASE + acc[i].off,
                                            size));
            }
            g_assert_cmpstr(qdict_get_str(e, "rec_enter"), ==,
                            "RMI_SUCCESS");
            g_assert_cmpstr(qdict_get_str(e, "outcome"), ==, "completed");
            /* the device saw the Protected-half address */
            g_assert_cmphex(hex(qdict_get_qdict(e, "mmio"), "addr"), ==,
                            GICD_BASE + acc[i].off);
            qobject_unref(e);
        }
    }
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd", "exits"),
                     ==, 8);
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd", "aborts"),
                     ==, 0);
    qtest_quit(qts);
}

/* A device error: the host asks for an SEA, the realm gets an abort */
static void test_device_error_aborts(void)
{
    QTestState *qts = start(" -global arm-gicv3-sim.strict=on");
    uint64_t v;
    QDict *e;

    /* GICD_CTLR takes no 8-byte access: a bus error with strict=on */
    g_assert_false(qtest_mmio_read(qts, GICD_BASE, 8, 0, &v));
    g_assert_false(qtest_mmio_read(qts, ALIAS48 + GICD_BASE, 8, 0, &v));
    e = last_entry(qts, "/machine/realm-shim-gicd");
    g_assert_cmpstr(qdict_get_str(e, "host"), ==, "inject-sea");
    g_assert_cmphex(hex(qdict_get_qdict(e, "entry"), "flags"), ==, 2);
    g_assert_cmpstr(qdict_get_str(e, "rec_enter"), ==, "RMI_SUCCESS");
    g_assert_cmpstr(qdict_get_str(e, "outcome"), ==, "sea");
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd", "aborts"),
                     ==, 1);
    qobject_unref(e);
    qtest_quit(qts);
}


/*
 * -trace 'gicsim_realm_*' (docs/realm.rst): one access forwarded and
 * emulated, one the device refuses (an SEA for the realm)
 */
static void test_trace_events(void)
{
    g_autofree char *log = g_strdup_printf("%s/gicsim-realm-trace-%d",
                                           g_get_tmp_dir(), getpid());
    g_autofree char *extra = g_strdup_printf(
        " -global arm-gicv3-sim.strict=on -trace 'gicsim_realm_*' -D %s",
        log);
    g_autofree char *host = NULL, *entry = NULL;
    const char *assumed[] = {
        "gicsim_realm_assumed_syndrome ipa 0x800008000004: no instruction "
        "behind the access, assuming a plain 4-byte access (write 0)", NULL
    };
    const char *exit_l[] = {
        "gicsim_realm_exit ipa 0x800008000004 (assumed syndrome): RecExit "
        "esr 0x91800007 far 0x4 hpfar 0x8000080000 gprs[0] 0x0", NULL
    };
    const char *abort_l[] = {
        "gicsim_realm_abort ipa 0x800008000000: external abort for the "
        "realm (rmm exit, host inject-sea, entry sea)", NULL
    };
    const char *host_l[] = { NULL, NULL }, *entry_l[] = { NULL, NULL };
    QTestState *qts;
    uint64_t v, typer;

    unlink(log);
    qts = start(extra);
    typer = rd(qts, ALIAS48 + GICD_BASE + GICD_TYPER, 4);
    /* GICD_CTLR takes no 8-byte access: a bus error with strict=on */
    g_assert_false(qtest_mmio_read(qts, ALIAS48 + GICD_BASE, 8, 0, &v));
    qtest_quit(qts);

    host = g_strdup_printf("gicsim_realm_host host emulated: addr 0x8000004 "
                           "len 4 write 0 value 0x%" PRIx64, typer);
    entry = g_strdup_printf("gicsim_realm_entry RecEntry flags 0x1 gprs[0] "
                            "0x%" PRIx64 ": REC_ENTER RMI_SUCCESS, completed",
                            typer);
    host_l[0] = host;
    entry_l[0] = entry;
    g_assert_cmpuint(gicsim_lines_with(log, assumed), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, exit_l), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, host_l), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, entry_l), ==, 1);
    g_assert_cmpuint(gicsim_lines_with(log, abort_l), ==, 1);
    unlink(log);
}

/*
 * After @reads accesses under @args the exit log holds the last @kept,
 * oldest first
 */
static void check_log_keeps(const char *args, unsigned reads, unsigned kept)
{
    QTestState *qts = start(args);
    QList *log;
    QListEntry *e;
    int64_t seq = reads - kept;
    unsigned i;

    for (i = 0; i < reads; i++) {
        rd(qts, ALIAS48 + GICD_BASE + GICD_TYPER, 4);
    }
    log = exit_log(qts, "/machine/realm-shim-gicd");
    g_assert_cmpuint(qlist_size(log), ==, kept);
    QLIST_FOREACH_ENTRY(log, e) {
        QDict *d = qobject_to(QDict, qlist_entry_obj(e));

        g_assert_cmpint(qdict_get_int(d, "seq"), ==, seq++);
    }
    qobject_unref(log);
    qtest_quit(qts);
}

/* The log keeps the last log-len (16) accesses, oldest first */
static void test_log_ring(void)
{
    check_log_keeps("", 20, 16);
}

/* -global gicsim-realm-shim.log-len=N keeps the last N instead */
static void test_log_len(void)
{
    check_log_keeps(" -global gicsim-realm-shim.log-len=3", 5, 3);
}

static void check_startup_error(const char *accel, const char *machine,
                                const char *message)
{
    g_autofree char *args = g_strdup_printf("-M %s -accel %s", machine,
                                            accel);

    gicsim_expect_startup_error(args, message);
}

static void test_startup_errors(void)
{
    check_startup_error("qtest", "virt,gic-version=2,realm-shim=on -cpu max",
                        "realm-shim=on requires gic-version=3 or 4");
    check_startup_error("qtest", "virt,gic-version=3,realm-shim=on,"
                        "realm-ipa-bits=60 -cpu max",
                        "realm-ipa-bits=60: must be between 32 and 52");
    /*
     * Cortex-A15, virt's default CPU: 40-bit physical addresses (checked
     * when a CPU runs: TCG)
     */
    check_startup_error("tcg", "virt,gic-version=3,realm-shim=on",
                        "realm-ipa-bits=48: the CPU's physical address "
                        "range is 40 bits");
    /* the shim's own properties, set with -global */
    check_startup_error("qtest", "virt,gic-version=3,realm-shim=on -cpu max "
                        "-global gicsim-realm-shim.log-len=5000",
                        "gicsim-realm-shim: log-len=5000 is above 4096");
    /* 2^39 is below the high PCIe MMIO window */
    check_startup_error("qtest", "virt,gic-version=3,realm-shim=on,"
                        "realm-ipa-bits=40 -cpu max",
                        "realm-ipa-bits=40: the Unprotected half starts at "
                        "0x8000000000, inside the machine's memory map");
}

/* realm-ipa-bits moves the alias */
static void test_ipa_bits(void)
{
    QTestState *qts = start(",realm-ipa-bits=44");

    g_assert_cmphex(rd(qts, (1ULL << 43) + GICD_BASE + GICD_TYPER, 4), ==,
                    rd(qts, GICD_BASE + GICD_TYPER, 4));
    g_assert_cmpuint(counter(qts, "/machine/realm-shim-gicd", "exits"),
                     ==, 1);
    qtest_quit(qts);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    qtest_add_func("gicsim/realm/alias", test_alias_same_as_direct);
    qtest_add_func("gicsim/realm/log-every-width", test_log_every_width);
    qtest_add_func("gicsim/realm/device-error", test_device_error_aborts);
    qtest_add_func("gicsim/realm/log-ring", test_log_ring);
    qtest_add_func("gicsim/realm/log-len", test_log_len);
    qtest_add_func("gicsim/realm/trace", test_trace_events);
    qtest_add_func("gicsim/realm/startup-errors", test_startup_errors);
    qtest_add_func("gicsim/realm/ipa-bits", test_ipa_bits);
    return g_test_run();
}
