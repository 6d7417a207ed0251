/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim qtest helpers: find the GIC, open the CPUs' interfaces, check
 * that a configuration is refused at start-up.
 */
#ifndef TESTS_QTEST_GICSIM_CPUIF_H
#define TESTS_QTEST_GICSIM_CPUIF_H

#include "libqtest.h"

/* Where the set-up stub runs (virt's RAM base) */
#define GICSIM_CPUIF_BASE 0x40000000ULL

/*
 * The virt machine's GIC, whatever its model: a child of the machine
 * named "gic" (patches/0012).
 */
#define GICSIM_GIC_QOM_PATH "/machine/gic"

/*
 * GICSIM_GIC_QOM_PATH, after checking that the object there is an
 * arm-gicv3-sim or an arm-gicv3 (a test fails otherwise).
 */
char *gicsim_find_gic(QTestState *qts);

/*
 * Command-line arguments for gicsim_cpuif_start(): TCG, stopped, every
 * CPU's PC at the stub.
 */
void gicsim_cpuif_args(GString *args, unsigned smp);

/*
 * Write the stub, start the machine and wait (bounded) until each of the
 * @smp CPUs has unmasked all priorities and enabled both groups at its
 * CPU interface; the primary starts the others with PSCI CPU_ON.  Returns
 * false if some CPU did not get there.
 */
bool gicsim_cpuif_start(QTestState *qts, unsigned smp, bool secure,
                        bool virtualization);

/* Before a system reset: the stub counts the CPUs again afterwards */
void gicsim_cpuif_reset(QTestState *qts);
/* Wait (bounded) until @smp CPUs have run the stub */
bool gicsim_cpuif_wait(QTestState *qts, unsigned smp);

/*
 * Run $QTEST_QEMU_BINARY -display none -nodefaults @args: it must exit
 * with an error whose text contains @message.
 */
void gicsim_expect_startup_error(const char *args, const char *message);

/* How many lines of @file contain every one of @needles (NULL-ended) */
unsigned gicsim_lines_with(const char *file, const char *const *needles);

#endif
