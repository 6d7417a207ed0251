// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Firmware start-up sequences as TF-A, Linux and Zephyr do them, every
 * poll bounded: distributor disable/enable with GICD_CTLR.RWP, the
 * redistributor discovery walk (GICR_TYPER.Last), the GICR_WAKER
 * ProcessorSleep/ChildrenAsleep handshake (IHI 0069 "Power management",
 * GICR_WAKER), GICR_CTLR.RWP after disabling SGIs/PPIs, ICC_SRE_EL1.
 *
 * E2E-RUN: v3 gic-version=3 | -smp 4
 * E2E-RUN: v4 gic-version=4,virtualization=on | -smp 4
 *
 * E2E-EXPECT: PASS gicd_disable_rwp_clears
 * E2E-EXPECT: PASS gicd_ctlr_disabled
 * E2E-EXPECT: PASS gicd_ctlr_single_security_ds_ro
 * E2E-EXPECT: PASS gicd_enable_rwp_clears
 * E2E-EXPECT: PASS gicd_ctlr_enabled_are
 * E2E-EXPECT: PASS gicd_typer_itlines
 * E2E-EXPECT: PASS gicr_walk_frames
 * E2E-EXPECT: PASS gicr_walk_affinity
 * E2E-EXPECT: PASS gicr_walk_last_only_on_final
 * E2E-EXPECT: PASS gicr_stride_matches_archrev
 * E2E-EXPECT: PASS waker_reset_asleep
 * E2E-EXPECT: PASS waker_wake_children_awake
 * E2E-EXPECT: PASS waker_sleep_children_asleep
 * E2E-EXPECT: PASS waker_rewake
 * E2E-EXPECT: PASS gicr_disable_rwp_clears
 * E2E-EXPECT: PASS icc_sre_enabled
 * E2E-EXPECT: PASS secondary_cpus_woke_own_redistributors
 * E2E-EXPECT: SUMMARY fw_init: 17 passed, 0 failed, 0 skipped
 */
#include "gic.h"

#define NCPU 4
#define POLLS 100000

/* Bounded poll: returns the number of reads until (reg & mask) == want,
 * or -1 if it never got there within POLLS reads. */
static int poll32(uintptr_t reg, uint32_t mask, uint32_t want)
{
    for (int i = 1; i <= POLLS; i++) {
        if ((mmio_read32(reg) & mask) == want) {
            return i;
        }
    }
    return -1;
}

static volatile int woke_ok[NCPU];

void secondary_main(int cpu)
{
    /* Each CPU wakes its own redistributor, as Linux's
     * gic_enable_redist() and Zephyr's gicv3_rdist_enable() do. */
    uintptr_t w = gicr_rd(cpu) + GICR_WAKER;
    mmio_write32(w, mmio_read32(w) & ~GICR_WAKER_ProcessorSleep);
    woke_ok[cpu] = poll32(w, GICR_WAKER_ChildrenAsleep, 0) > 0;
    gic_cpu_init();
    cpu_online[cpu] = 1;
    for (;;) {
        wfi();
    }
}

int main(void)
{
    gic_probe();

    /* TF-A gicv3_distif_init / Linux gic_dist_init: disable, wait RWP. */
    gicd_write(GICD_CTLR, 0);
    int n = poll32(GICD_BASE + GICD_CTLR, GICD_CTLR_RWP, 0);
    check("gicd_disable_rwp_clears", n > 0, "RWP still set after %d reads",
          POLLS);
    uint32_t ctlr = gicd_read(GICD_CTLR);
    check("gicd_ctlr_disabled", (ctlr & 7) == 0, "GICD_CTLR 0x%x", ctlr);
    /* Without security extensions DS is RAO/WI (GICD_CTLR description). */
    gicd_write(GICD_CTLR, 0);
    check("gicd_ctlr_single_security_ds_ro",
          (gicd_read(GICD_CTLR) & GICD_CTLR_DS) != 0,
          "GICD_CTLR 0x%x", gicd_read(GICD_CTLR));

    gicd_write(GICD_CTLR, GICD_CTLR_ARE_S | GICD_CTLR_EN_GRP0 |
               GICD_CTLR_EN_GRP1NS);
    n = poll32(GICD_BASE + GICD_CTLR, GICD_CTLR_RWP, 0);
    check("gicd_enable_rwp_clears", n > 0, "RWP stuck");
    ctlr = gicd_read(GICD_CTLR);
    check("gicd_ctlr_enabled_are", (ctlr & 0x13) == 0x13,
          "GICD_CTLR 0x%x, want ARE|EnableGrp1|EnableGrp0 (0x13) set", ctlr);

    /* GICD_TYPER.ITLinesNumber N: SPIs up to INTID 32 * (N + 1) - 1.
     * virt wires SPIs up to INTID 207 (platform bus), so N >= 6, and the
     * last SPI that N advertises must be implemented (enable sticks). */
    uint32_t typer = gicd_read(GICD_TYPER);
    int top = 32 * ((typer & 0x1f) + 1) - 1;
    if (top > 1019) {
        top = 1019;
    }
    irq_enable(top);
    int top_ok = irq_is_enabled(top);
    irq_disable(top);
    check("gicd_typer_itlines", (typer & 0x1f) >= 6 && top_ok,
          "ITLinesNumber %u, INTID %d enable bit %d", typer & 0x1f, top,
          top_ok);

    /* Redistributor discovery: walk frames until GICR_TYPER.Last. */
    int frames = 0, aff_ok = 1, last_ok = 1;
    uintptr_t rd = GICR_BASE;
    for (; frames < 64; frames++) {
        uint64_t t = mmio_read64(rd + GICR_TYPER);
        uint32_t procnum = (t >> 8) & 0xffff;
        uint32_t aff = t >> 32;
        if (aff != (uint32_t)frames || procnum != (uint32_t)frames) {
            aff_ok = 0;
            printf("# frame %d: GICR_TYPER 0x%lx\n", frames, t);
        }
        rd += (t & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
        if (t & GICR_TYPER_LAST) {
            frames++;
            break;
        }
        if (frames == NCPU - 1) {
            last_ok = 0;
        }
    }
    check_eq("gicr_walk_frames", frames, NCPU);
    check("gicr_walk_affinity", aff_ok, "affinity/processor numbers");
    check("gicr_walk_last_only_on_final", last_ok && frames == NCPU,
          "Last not on frame %d", NCPU - 1);
    check("gicr_stride_matches_archrev",
          (gic_arch_rev == 4) == (gicr_stride == 0x40000) &&
          (gic_arch_rev == 3 || gic_arch_rev == 4),
          "ArchRev %d stride 0x%lx", gic_arch_rev, gicr_stride);

    /* GICR_WAKER handshake on CPU 3's redistributor (CPU 3 is still off):
     * both bits read 1 out of reset. */
    uintptr_t w = gicr_rd(3) + GICR_WAKER;
    uint32_t wv = mmio_read32(w);
    check("waker_reset_asleep", (wv & 6) == 6, "GICR_WAKER 0x%x", wv);
    mmio_write32(w, wv & ~GICR_WAKER_ProcessorSleep);
    n = poll32(w, GICR_WAKER_ChildrenAsleep, 0);
    check("waker_wake_children_awake", n > 0, "ChildrenAsleep stuck at 1");
    mmio_write32(w, mmio_read32(w) | GICR_WAKER_ProcessorSleep);
    n = poll32(w, GICR_WAKER_ChildrenAsleep, GICR_WAKER_ChildrenAsleep);
    check("waker_sleep_children_asleep", n > 0,
          "ChildrenAsleep did not become 1, WAKER 0x%x", mmio_read32(w));
    mmio_write32(w, mmio_read32(w) & ~GICR_WAKER_ProcessorSleep);
    n = poll32(w, GICR_WAKER_ChildrenAsleep, 0);
    check("waker_rewake", n > 0, "ChildrenAsleep stuck at 1");
    mmio_write32(w, mmio_read32(w) | GICR_WAKER_ProcessorSleep);
    poll32(w, GICR_WAKER_ChildrenAsleep, GICR_WAKER_ChildrenAsleep);

    /* Own redistributor: wake, disable all SGIs/PPIs, wait GICR RWP. */
    w = gicr_rd(0) + GICR_WAKER;
    mmio_write32(w, mmio_read32(w) & ~GICR_WAKER_ProcessorSleep);
    poll32(w, GICR_WAKER_ChildrenAsleep, 0);
    mmio_write32(gicr_sgi(0) + GICD_ICENABLER, ~0u);
    n = poll32(gicr_rd(0) + GICR_CTLR, GICR_CTLR_RWP, 0);
    check("gicr_disable_rwp_clears", n > 0, "GICR_CTLR.RWP stuck");

    write_sysreg(ICC_SRE_EL1, read_sysreg(ICC_SRE_EL1) | 1);
    isb();
    check("icc_sre_enabled", read_sysreg(ICC_SRE_EL1) & 1,
          "ICC_SRE_EL1 0x%lx", read_sysreg(ICC_SRE_EL1));

    gic_dist_init();
    gic_cpu_init();
    int all = start_secondaries(NCPU);
    for (int c = 1; c < NCPU; c++) {
        all &= woke_ok[c];
    }
    check("secondary_cpus_woke_own_redistributors", all, "%d %d %d",
          woke_ok[1], woke_ok[2], woke_ok[3]);
    finish("fw_init");
}
