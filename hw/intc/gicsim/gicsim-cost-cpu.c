/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: the cost model's stage-2 defaults from the machine's
 * CPU (docs/cost.rst): its physical address size and the granules it
 * supports at stage 2, read from the first CPU's ID_AA64MMFR0_EL1 and
 * decoded by gicsim-stage2.c.  Built per target: needs target/arm's
 * cpu.h.
 */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"
#include "cpu.h"
#include "gicsim-compat.h"
#include "gicsim-stage2.h"
#include "gicsim-cost-account.h"

bool gicsim_cost_cpu_defaults(unsigned *ipa_bits, unsigned *granule,
                              const char **from)
{
    CPUState *cs = qemu_get_cpu(0);
    ARMCPU *cpu;

    /* Built for Arm targets only: every vCPU is an ARMCPU */
    if (!cs) {
        return false;
    }
    cpu = ARM_CPU(cs);
    if (!arm_feature(&cpu->env, ARM_FEATURE_AARCH64)) {
        /* AArch32 only: LPAE has 40 bits and the 4K granule */
        *ipa_bits = arm_feature(&cpu->env, ARM_FEATURE_LPAE) ? 40 : 32;
        *granule = 4096;
        *from = "cpu";
        return true;
    }
    if (!gicsim_stage2_cpu_defaults(GICSIM_ID_AA64MMFR0(cpu), ipa_bits,
                                    granule)) {
        return false;
    }
    *from = "cpu";
    return true;
}
