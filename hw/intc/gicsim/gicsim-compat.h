/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: the QEMU headers that moved between the releases gicsim
 * builds with (10.0.x and 10.2.x; docs/building.rst lists the differences).
 * QEMU 10.1 moved exec/memory.h and exec/address-spaces.h to system/, and
 * the icount API from system/cpu-timers.h to exec/icount.h.  Only gicsim's
 * QEMU-side files include it; the QEMU-independent core does not.
 */
#ifndef HW_INTC_GICSIM_COMPAT_H
#define HW_INTC_GICSIM_COMPAT_H

#if QEMU_VERSION_MAJOR == 10 && QEMU_VERSION_MINOR == 0
#include "exec/address-spaces.h"
#include "exec/memory.h"
#include "system/cpu-timers.h"
#else
#include "system/address-spaces.h"
#include "system/memory.h"
#include "exec/icount.h"
#endif

/*
 * For the files built per target with target/arm's cpu.h (include it
 * first): 10.1 fixed the number of insn_start words at INSN_START_WORDS
 * (tcg/insn-start-words.h) and keeps the ID registers in an array
 * (GET_IDREG()).
 */
#if QEMU_VERSION_MAJOR == 10 && QEMU_VERSION_MINOR == 0
#define GICSIM_INSN_START_WORDS TARGET_INSN_START_WORDS
#define GICSIM_ID_AA64MMFR0(cpu) ((cpu)->isar.id_aa64mmfr0)
#else
#define GICSIM_INSN_START_WORDS INSN_START_WORDS
#define GICSIM_ID_AA64MMFR0(cpu) GET_IDREG(&(cpu)->isar, ID_AA64MMFR0)
#endif

#endif
