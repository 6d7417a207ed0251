/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The instruction behind the MMIO access in flight, for
 * gicsim-realm-shim: its data-abort syndrome (target/arm's translator
 * records one per load/store that can report it: ISV, SAS, SSE, SRT, SF,
 * AR), its PC and the vCPU's X registers before it.  The syndrome and PC
 * are the instruction's insn_start data, read back with
 * cpu_unwind_state_data() for the host return address of the access
 * (no CPU state is restored), as arm_restore_state_to_opc() decodes
 * them.  Only for the vCPU's own access to the shim:
 * tcg_cpu_mmio_in_flight() (patches/0020) tells it from an access device
 * code makes on the vCPU thread.  Built per target: needs target/arm's
 * cpu.h.
 */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"
#include "hw/intc/gicsim_realm_shim.h"
#include "cpu.h"
#include "exec/target_page.h"
#ifdef CONFIG_TCG
#include "accel/tcg/mmio-in-flight.h"
#include "tcg/insn-start-words.h"
#endif
#include "gicsim-compat.h"

bool gicsim_realm_insn(const MemoryRegion *mr, GicsimRealmInsn *insn)
{
#ifdef CONFIG_TCG
    uint64_t data[GICSIM_INSN_START_WORDS];
    CPUState *cs = current_cpu;
    CPUARMState *env;

    /* Built for Arm targets only: every vCPU is an ARMCPU */
    if (!cs || !tcg_cpu_mmio_in_flight(cs, mr) ||
        !cpu_unwind_state_data(cs, cs->mem_io_pc, data)) {
        return false;
    }
    env = cpu_env(cs);
    insn->syndrome = data[2] << ARM_INSN_START_WORD2_SHIFT;
    insn->aarch32 = !is_a64(env);
    insn->cpu_index = cs->cpu_index;
    /* data[0]: the PC, or its offset in the page (CF_PCREL) */
    insn->pc_off = data[0] & ~TARGET_PAGE_MASK;
    /*
     * TCG writes its globals back before a load or store that may fault,
     * so env holds the registers as the instruction found them.
     */
    if (!insn->aarch32) {
        memcpy(insn->x, env->xregs, sizeof(insn->x));
    } else {
        memset(insn->x, 0, sizeof(insn->x));
    }
    return true;
#else
    return false;
#endif
}
