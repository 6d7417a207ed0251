/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim qtest helpers: find the GIC, and open the CPU interface of every
 * CPU so that the GIC's IRQ/FIQ outputs can be observed (qtest alone runs
 * no guest code).  Shared by arm-gicv3-sim-test and gicsim-probe.
 */
#include "qemu/osdep.h"
#include "libqtest.h"
#include "qobject/qdict.h"
#include "gicsim-cpuif.h"

/*
 * QEMU's GICv3 CPU interface signals
 * nothing while ICC_PMR_EL1 is 0 and the group enables are clear, which
 * is their reset state, and only code running on the CPU can change them.
 * So the machine runs with TCG and every CPU executes this stub at
 * GICSIM_CPUIF_BASE (AArch64, assembled from):
 *
 *  _start:    mov x20, #1                 // primary: starts the others
 *             b common
 *  secondary: mov x20, #0
 *  common:    mrs x0, CurrentEL
 *             cmp x0, #(3 << 2)
 *             b.ne 1f
 *             mov x1, #3
 *             msr ICC_IGRPEN1_EL3, x1     // EnableGrp1NS | EnableGrp1S
 *  1:         mov x1, #0xff
 *             msr ICC_PMR_EL1, x1         // unmask every priority
 *             mov x1, #1
 *             msr ICC_IGRPEN0_EL1, x1
 *             msr ICC_IGRPEN1_EL1, x1
 *             isb
 *             adr x6, params
 *  2:         ldaxr x3, [x6]              // params[0]++: CPUs ready
 *             add x3, x3, #1
 *             stlxr w4, x3, [x6]
 *             cbnz w4, 2b
 *             cbz x20, idle
 *             ldr x7, [x6, #8]            // params[1]: 0 none, 1 HVC, 2 SMC
 *             cbz x7, idle
 *             ldr x8, [x6, #16]           // params[2]: MPIDRs that follow
 *             add x9, x6, #24
 *  3:         cbz x8, idle
 *             ldr x1, [x9], #8            // PSCI CPU_ON(mpidr,
 *             adr x2, secondary           //   secondary, 0)
 *             mov x3, #0
 *             movz x0, #0x0003
 *             movk x0, #0xc400, lsl #16
 *             cmp x7, #1
 *             b.ne 4f
 *             hvc #0
 *             b 5f
 *  4:         smc #0
 *  5:         sub x8, x8, #1
 *             b 3b
 *  idle:      wfi
 *             b idle
 *
 * The CPUs stay at the Exception level they start in, with interrupts
 * masked in PSTATE; the GIC's IRQ/FIQ outputs are intercepted by qtest,
 * so the CPUs never see them.
 */
static const uint32_t cpuif_stub[] = {
    0xd2800034, 0x14000002, 0xd2800014, 0xd5384240, 0xf100301f,
    0x54000061, 0xd2800061, 0xd51ecce1, 0xd2801fe1, 0xd5184601,
    0xd2800021, 0xd518ccc1, 0xd518cce1, 0xd5033fdf, 0x10000646,
    0xc85ffcc3, 0x91000463, 0xc804fcc3, 0x35ffffa4, 0xb4000254,
    0xf94004c7, 0xb4000207, 0xf94008c8, 0x910060c9, 0xb40001a8,
    0xf8408521, 0x10fffd02, 0xd2800003, 0xd2800060, 0xf2b88000,
    0xf10004ff, 0x54000061, 0xd4000002, 0x14000002, 0xd4000003,
    0xd1000508, 0x17fffff4, 0xd503207f, 0x17ffffff,
};
#define STUB_PARAMS (GICSIM_CPUIF_BASE + 0x100)

char *gicsim_find_gic(QTestState *qts)
{
    QDict *rsp = qtest_qmp(qts, "{'execute': 'qom-get', 'arguments': "
                           "{'path': %s, 'property': 'type'}}",
                           GICSIM_GIC_QOM_PATH);
    const char *type = qdict_get_try_str(rsp, "return");

    g_assert_nonnull(type);
    g_assert_true(!strcmp(type, "arm-gicv3-sim") ||
                  !strcmp(type, "arm-gicv3"));
    qobject_unref(rsp);
    return g_strdup(GICSIM_GIC_QOM_PATH);
}

void gicsim_cpuif_args(GString *args, unsigned smp)
{
    unsigned i;

    /* Stopped until the stub is in RAM; every CPU starts at the stub */
    g_string_append(args, " -accel tcg -S");
    for (i = 0; i < smp; i++) {
        g_string_append_printf(args, " -device loader,addr=0x%" PRIx64
                               ",cpu-num=%u", (uint64_t)GICSIM_CPUIF_BASE, i);
    }
}

void gicsim_cpuif_reset(QTestState *qts)
{
    qtest_writeq(qts, STUB_PARAMS, 0);
}

bool gicsim_cpuif_wait(QTestState *qts, unsigned smp)
{
    unsigned i;

    for (i = 0; i < 10000; i++) {
        if (qtest_readq(qts, STUB_PARAMS) >= smp) {
            return true;
        }
        g_usleep(1000);
    }
    return false;
}

bool gicsim_cpuif_start(QTestState *qts, unsigned smp, bool secure,
                        bool virtualization)
{
    /* PSCI conduit of virt: none at EL3, SMC with EL2, else HVC */
    uint64_t conduit = secure ? 0 : virtualization ? 2 : 1;
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(cpuif_stub); i++) {
        qtest_writel(qts, GICSIM_CPUIF_BASE + 4 * i, cpuif_stub[i]);
    }
    gicsim_cpuif_reset(qts);
    qtest_writeq(qts, STUB_PARAMS + 8, conduit);
    qtest_writeq(qts, STUB_PARAMS + 16, smp - 1);
    for (i = 1; i < smp; i++) {
        /*
         * MPIDR of CPU i as virt builds it for GICv3/v4 (hw/arm/virt.c
         * virt_cpu_mp_affinity: clusters of 16, Aff1.Aff0).  Not read from
         * GICR_TYPER: with the GIC-600/700 profiles the redistributors are
         * powered down here and GICR_TYPER reads as zero.
         */
        uint64_t mpidr = ((uint64_t)(i / 16) << 8) | (i % 16);

        qtest_writeq(qts, STUB_PARAMS + 24 + 8 * (i - 1), mpidr);
    }
    qtest_qmp_assert_success(qts, "{'execute': 'cont'}");
    return gicsim_cpuif_wait(qts, smp);
}

void gicsim_expect_startup_error(const char *args, const char *message)
{
    const char *qemu = g_getenv("QTEST_QEMU_BINARY");
    g_autofree char *cmd = NULL;
    g_autofree char *out = NULL, *err = NULL;
    g_auto(GStrv) argv = NULL;
    int status;

    g_assert_nonnull(qemu);
    cmd = g_strdup_printf("%s -display none -nodefaults %s", qemu, args);
    g_assert_true(g_shell_parse_argv(cmd, NULL, &argv, NULL));
    g_assert_true(g_spawn_sync(NULL, argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, NULL));
    g_assert_true(WIFEXITED(status) && WEXITSTATUS(status) != 0);
    if (!strstr(err, message)) {
        g_error("'%s' printed '%s', not '%s'", cmd, err, message);
    }
}

unsigned gicsim_lines_with(const char *file, const char *const *needles)
{
    g_autofree char *text = NULL;
    g_auto(GStrv) lines = NULL;
    unsigned n = 0, i, k;

    g_assert_true(g_file_get_contents(file, &text, NULL, NULL));
    lines = g_strsplit(text, "\n", -1);
    for (i = 0; lines[i]; i++) {
        for (k = 0; needles[k] && strstr(lines[i], needles[k]); k++) {
            /* all so far */
        }
        n += !needles[k];
    }
    return n;
}
