// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Big-endian guest data path: with SCTLR_EL1.EE = 1 the CPU byte-swaps
 * its data accesses, so a GIC register (little-endian, IHI 0069
 * "GIC memory-mapped register access": registers are little-endian) read
 * by a BE access must give the byte-reversed value, and writes likewise.
 * 64-bit registers (GICD_IROUTER<n>, GICR_TYPER) are checked with 64-bit
 * and with split 32-bit accesses.
 *
 * E2E-RUN: v3 gic-version=3 | -smp 2
 * E2E-RUN: v4 gic-version=4,virtualization=on | -smp 2
 *
 * E2E-EXPECT: PASS cpu_supports_mixed_endian_el1
 * E2E-EXPECT: PASS be_read32_gicd_typer
 * E2E-EXPECT: PASS be_read64_irouter
 * E2E-EXPECT: PASS be_split_read32_irouter
 * E2E-EXPECT: PASS be_write64_irouter
 * E2E-EXPECT: PASS be_split_write32_irouter
 * E2E-EXPECT: PASS be_read64_gicr_typer_cpu0
 * E2E-EXPECT: PASS be_read64_gicr_typer_cpu1
 * E2E-EXPECT: PASS be_split_read32_gicr_typer_cpu1
 * E2E-EXPECT: PASS be_write8_ipriorityr
 * E2E-EXPECT: PASS le_view_unchanged_after_be
 * E2E-EXPECT: SUMMARY bigendian: 11 passed, 0 failed, 0 skipped
 */
#include "gic.h"

static uint64_t rev64(uint64_t v) { return __builtin_bswap64(v); }
static uint32_t rev32(uint32_t v) { return __builtin_bswap32(v); }

#define IROUTER(n) (GICD_BASE + GICD_IROUTER + 8 * (n))

int main(void)
{
    gic_dist_init();
    gic_cpu_init();

    /* ID_AA64MMFR0_EL1.BigEnd [11:8] == 1: mixed-endian at EL1. */
    uint64_t mmfr0 = read_sysreg(id_aa64mmfr0_el1);
    if (!check("cpu_supports_mixed_endian_el1", ((mmfr0 >> 8) & 0xf) == 1,
               "ID_AA64MMFR0_EL1 0x%lx", mmfr0)) {
        finish("bigendian");
    }

    uint32_t t = gicd_read(GICD_TYPER);
    check_eq("be_read32_gicd_typer", rev32(be_read32(GICD_BASE + GICD_TYPER)),
             t);

    /* Aff3 0x12, Aff2 0x34, Aff1 0x78, Aff0 0x56: every byte differs. */
    const uint64_t v1 = 0x0000001200347856ull;
    const uint64_t v2 = 0x0000000080000001ull & ~0ull; /* IRM | Aff0 1 */
    const uint64_t v3 = 0x0000000300020001ull;
    mmio_write64(IROUTER(40), v1);
    check_eq("be_read64_irouter", rev64(be_read64(IROUTER(40))), v1);
    uint64_t lo = rev32(be_read32(IROUTER(40)));
    uint64_t hi = rev32(be_read32(IROUTER(40) + 4));
    check_eq("be_split_read32_irouter", lo | hi << 32, v1);

    be_write64(IROUTER(41), rev64(v2));
    check_eq("be_write64_irouter", mmio_read64(IROUTER(41)), v2);
    be_write32(IROUTER(42), rev32((uint32_t)v3));
    be_write32(IROUTER(42) + 4, rev32((uint32_t)(v3 >> 32)));
    check_eq("be_split_write32_irouter", mmio_read64(IROUTER(42)), v3);

    uint64_t rt0 = mmio_read64(gicr_rd(0) + GICR_TYPER);
    uint64_t rt1 = mmio_read64(gicr_rd(1) + GICR_TYPER);
    check_eq("be_read64_gicr_typer_cpu0",
             rev64(be_read64(gicr_rd(0) + GICR_TYPER)), rt0);
    check_eq("be_read64_gicr_typer_cpu1",
             rev64(be_read64(gicr_rd(1) + GICR_TYPER)), rt1);
    lo = rev32(be_read32(gicr_rd(1) + GICR_TYPER));
    hi = rev32(be_read32(gicr_rd(1) + GICR_TYPER + 4));
    check("be_split_read32_gicr_typer_cpu1", (lo | hi << 32) == rt1 &&
          (rt1 >> 32) == 1 && (rt1 & GICR_TYPER_LAST),
          "got 0x%lx, LE 0x%lx (want Aff0 1 and Last)", lo | hi << 32, rt1);

    /* Byte accesses have no byte order: IPRIORITYR byte 43. */
    irq_set_priority(43, 0x20);
    uint32_t word = gicd_read(GICD_IPRIORITYR + 40);
    uint32_t beword = rev32(be_read32(GICD_BASE + GICD_IPRIORITYR + 40));
    check("be_write8_ipriorityr", word == beword && (word >> 24) == 0x20,
          "LE 0x%x BE-swapped 0x%x", word, beword);

    check("le_view_unchanged_after_be", mmio_read64(IROUTER(40)) == v1 &&
          gicd_read(GICD_TYPER) == t, "IROUTER40 0x%lx",
          mmio_read64(IROUTER(40)));
    finish("bigendian");
}
