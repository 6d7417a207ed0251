/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The data-abort syndrome of the instruction behind the MMIO access in
 * flight, for gicsim-realm-shim: target/arm's translator records one per
 * load/store that can report it (ISV, SAS, SSE, SRT, SF, AR), and
 * arm_cpu_io_syndrome() (patches/0008) reads it back for the host return
 * address of the current access.  Built per target: needs target/arm's
 * cpu.h.
 */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"
#include "hw/intc/gicsim_realm_shim.h"
#include "cpu.h"

bool gicsim_realm_insn_syndrome(uint32_t *syndrome, bool *aarch32)
{
    CPUState *cs = current_cpu;

    /* Built for Arm targets only: every vCPU is an ARMCPU */
    if (!cs) {
        return false;
    }
    if (!arm_cpu_io_syndrome(cs, syndrome)) {
        return false;
    }
    *aarch32 = !is_a64(cpu_env(cs));
    return true;
}
