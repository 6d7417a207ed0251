/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The input format of the gicsim fuzz target (tests/qtest/fuzz/
 * gicsim_fuzz.c), shared with the seed-corpus generator
 * (tests/qtest/gicsim-fuzz-seed.c).  QEMU-independent.
 *
 * An input is a list of commands separated by GICSIM_FUZZ_SEP.  The first
 * byte of a command selects the operation (modulo GICSIM_FUZZ_OP__COUNT);
 * its operands follow, little-endian; missing trailing operand bytes read
 * as zero, so every byte string is a valid input.  Separators keep a
 * mutation of one command from shifting the ones after it.
 */
#ifndef GICSIM_FUZZ_INPUT_H
#define GICSIM_FUZZ_INPUT_H

#include <stdint.h>

#define GICSIM_FUZZ_SEP     "GICz"
#define GICSIM_FUZZ_SEP_LEN 4

typedef enum GicsimFuzzOp {
    /*
     * An access to a register of the register table: reg (u16, modulo the
     * table size), element (u16, modulo its count), cpu (u8, modulo -smp:
     * the redistributor of a GICR register), byte (u8, modulo the
     * element size: an offset inside it, aligned down to the width),
     * flags (u8), value (u64).
     */
    GICSIM_FUZZ_OP_REG,
    /*
     * An access anywhere in the GIC's frames: region (u8, modulo 3: GICD,
     * the redistributors, the ITS; the ITS is the GICD when the machine
     * has none), offset (u32, modulo the region size, aligned down to the
     * width), flags (u8), value (u64).
     */
    GICSIM_FUZZ_OP_RAW,
    /* Drive an interrupt input: line (u16, modulo the lines), level (u8) */
    GICSIM_FUZZ_OP_IRQ,
    /* Advance the virtual clock: nanoseconds (u32; 0: to the next timer) */
    GICSIM_FUZZ_OP_CLOCK,
    /* System reset */
    GICSIM_FUZZ_OP_RESET,
    /*
     * A write to guest RAM (the LPI tables, the ITS command queue and
     * tables): offset (u32, modulo GICSIM_FUZZ_RAM_WINDOW, aligned down
     * to 8) from the start of RAM, value (u64)
     */
    GICSIM_FUZZ_OP_RAM,
    /*
     * Migration round trip: save the machine's device state, reset, load
     * it back; the state saved again must be the same
     */
    GICSIM_FUZZ_OP_MIGRATE,
    GICSIM_FUZZ_OP__COUNT,
} GicsimFuzzOp;

/* flags of GICSIM_FUZZ_OP_REG and GICSIM_FUZZ_OP_RAW */
#define GICSIM_FUZZ_LOG2_SIZE   0x03    /* width: 1 << (flags & 3) bytes */
#define GICSIM_FUZZ_SECURE      0x04    /* a Secure access */
#define GICSIM_FUZZ_WRITE       0x08    /* a write (else a read) */
/*
 * Through the realm shim (the frame's Unprotected alias, machine property
 * realm-shim=on); a direct access when the machine has no shim
 */
#define GICSIM_FUZZ_REALM       0x10

/* The start of the virt machine's RAM, and the part OP_RAM writes */
#define GICSIM_FUZZ_RAM_BASE    0x40000000ULL
#define GICSIM_FUZZ_RAM_WINDOW  0x00100000u

/*
 * Interrupt input lines of the GIC device (QEMU's GICv3 numbering):
 * SPIs first (line = INTID - 32), then 32 lines per CPU for its PPIs and
 * SGIs (line = number of SPIs + 32 * cpu + INTID).
 */

#endif
