// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * What EL3 firmware does to a GIC-600/700 at boot, in the order Trusted
 * Firmware-A's GICv3 driver does it (drivers/arm/gic/v3/, built with
 * GICV3_SUPPORT_GIC600=1), on the boot CPU at EL3 with secure=on:
 *
 *  1. walk the redistributor region before any redistributor is powered:
 *     GICR_TYPER of each frame until GICR_TYPER.Last, 128 KiB apart, or
 *     256 KiB where GICR_TYPER.VLPIS is 1 (gicv3_rdistif_base_addrs_probe);
 *  2. for each redistributor whose GICR_IIDR says GIC-600 or GIC-700,
 *     the power-on sequence of the GIC-600 TRM (100336, 3.6.1
 *     "Redistributor power management") and of gic600_pwr_on(): repeat
 *     { wait until GICR_PWRR.RDGPD == RDGPO; write RDPD = 0 } until RDPD
 *     reads 0 ("if RDPD == 0 then powered on");
 *  3. straight after, program its SGIs and PPIs as
 *     gicv3_ppi_sgi_config_defaults() and the Secure interrupt set-up do:
 *     IGROUPR0, IGRPMODR0, ICENABLER0 (then GICR_CTLR.RWP), IPRIORITYR0-7,
 *     ICFGR1, ISENABLER0;
 *  4. wake it (GICR_WAKER.ProcessorSleep = 0, until ChildrenAsleep reads
 *     0), as gicv3_rdistif_mark_core_awake() does;
 *  5. read every register back: each write must have been kept.
 *
 * Every poll is bounded.  The program has no E2E-RUN line:
 * scripts/test-fw-power.sh runs it on gic-600 and gic-700, GICv3 and
 * GICv4, 2 to 8 CPUs, with and without a CPU hog beside QEMU, and also
 * requires that QEMU logged no guest error (-d guest_errors).
 */
#include "gic.h"

int boot_stay_el3 = 1;

/*
 * QEMU starts every CPU at the image's entry when it loads a bare ELF
 * at EL3: the secondaries wait here, as they would in TF-A until a PSCI
 * CPU_ON, instead of touching their redistributors.
 */
void secondary_main(int cpu)
{
    for (;;) {
        wfi();
    }
}

#define GICR_IGROUPR0    0x0080
#define GICR_ISENABLER0  0x0100
#define GICR_ICENABLER0  0x0180
#define GICR_IPRIORITYR  0x0400
#define GICR_ICFGR1      0x0C04
#define GICR_IGRPMODR0   0x0D00
#define MAX_RD           64
#define POLLS            1000000

static uintptr_t rd_base[MAX_RD];

/* Step 1: the discovery walk; returns the number of redistributors */
static int walk(void)
{
    uintptr_t a = GICR_BASE;
    int n = 0;

    for (;;) {
        uint64_t typer = mmio_read64(a + GICR_TYPER);

        if (n == MAX_RD) {
            return -1;
        }
        rd_base[n++] = a;
        if (typer & GICR_TYPER_LAST) {
            return n;
        }
        a += (typer & GICR_TYPER_VLPIS) ? 0x40000 : 0x20000;
    }
}

/* Step 2: returns the number of GICR_PWRR writes, or -1 on a timeout */
static int power_on(uintptr_t rd)
{
    int writes = 0;

    for (int tries = 0; tries < POLLS; tries++) {
        int i;

        for (i = 0; i < POLLS; i++) {
            uint32_t p = mmio_read32(rd + GICR_PWRR);

            if (!!(p & GICR_PWRR_RDGPD) == !!(p & GICR_PWRR_RDGPO)) {
                break;
            }
        }
        if (i == POLLS) {
            return -1;
        }
        mmio_write32(rd + GICR_PWRR, 0);
        writes++;
        if (!(mmio_read32(rd + GICR_PWRR) & GICR_PWRR_RDPD)) {
            return writes;
        }
    }
    return -1;
}

static int rwp_done(uintptr_t rd)
{
    for (int i = 0; i < POLLS; i++) {
        if (!(mmio_read32(rd + GICR_CTLR) & GICR_CTLR_RWP)) {
            return 1;
        }
    }
    return 0;
}

/* What step 3 writes to redistributor @n, so that step 5 can compare */
static uint32_t want_group(int n)   { return ~(0x0101u << (n % 8)); }
static uint32_t want_grpmod(int n)  { return 0x0100u << (n % 8); }
static uint32_t want_enable(int n)  { return 0x0101u << (n % 8); }
static uint32_t want_prio(int n, int w)
{
    return 0x80808080u - 0x01010101u * (uint32_t)((n + w) % 8) * 8;
}
static uint32_t want_icfgr1(int n)  { return n & 1 ? 0xaaaa0000u : 0x0000aaaau; }

/* Step 3 */
static int program(uintptr_t rd)
{
    uintptr_t sgi = rd + GICR_SGI_OFFSET;
    int n = (int)((rd - GICR_BASE) / 0x20000);

    mmio_write32(sgi + GICR_IGROUPR0, want_group(n));
    mmio_write32(sgi + GICR_IGRPMODR0, want_grpmod(n));
    mmio_write32(sgi + GICR_ICENABLER0, ~0u);
    if (!rwp_done(rd)) {
        return 0;
    }
    for (int w = 0; w < 8; w++) {
        mmio_write32(sgi + GICR_IPRIORITYR + 4 * w, want_prio(n, w));
    }
    mmio_write32(sgi + GICR_ICFGR1, want_icfgr1(n));
    mmio_write32(sgi + GICR_ISENABLER0, want_enable(n));
    return 1;
}

/* Step 5: the number of registers that did not read back as written */
static int read_back(uintptr_t rd)
{
    uintptr_t sgi = rd + GICR_SGI_OFFSET;
    int n = (int)((rd - GICR_BASE) / 0x20000);
    int bad = 0;

    bad += mmio_read32(sgi + GICR_IGROUPR0) != want_group(n);
    bad += mmio_read32(sgi + GICR_IGRPMODR0) != want_grpmod(n);
    bad += mmio_read32(sgi + GICR_ISENABLER0) != want_enable(n);
    for (int w = 0; w < 8; w++) {
        bad += mmio_read32(sgi + GICR_IPRIORITYR + 4 * w) != want_prio(n, w);
    }
    bad += mmio_read32(sgi + GICR_ICFGR1) != want_icfgr1(n);
    return bad;
}

static int wake(uintptr_t rd)
{
    mmio_write32(rd + GICR_WAKER,
                 mmio_read32(rd + GICR_WAKER) & ~GICR_WAKER_ProcessorSleep);
    for (int i = 0; i < POLLS; i++) {
        if (!(mmio_read32(rd + GICR_WAKER) & GICR_WAKER_ChildrenAsleep)) {
            return 1;
        }
    }
    return 0;
}

int main(void)
{
    int n = walk(), powered = 0, programmed = 0, woken = 0, bad = 0;
    int gic600 = 0, writes = 0;
    uint64_t t0 = read_sysreg(cntvct_el0), t1;

    check("el3_boot", boot_el == 3, "booted at EL%u", boot_el);
    if (!check("walk_found_last", n > 0, "no GICR_TYPER.Last in %d frames",
               MAX_RD)) {
        finish("fw_power");
    }
    printf("redistributors %d\n", n);
    for (int i = 0; i < n; i++) {
        uint32_t iidr = mmio_read32(rd_base[i] + GICR_IIDR);
        int w = 0;

        if (gic_iidr_gic600_700(iidr)) {
            gic600++;
            w = power_on(rd_base[i]);
            if (w < 0) {
                fail("power_on", "redistributor %d: RDPD never read 0", i);
                continue;
            }
            writes += w;
        }
        powered++;
        programmed += program(rd_base[i]);
        woken += wake(rd_base[i]);
    }
    t1 = read_sysreg(cntvct_el0);
    for (int i = 0; i < n; i++) {
        bad += read_back(rd_base[i]);
    }
    /* Guest-visible time: the same on every run under -icount */
    printf("gic-600/700 redistributors %d, GICR_PWRR writes %d, "
           "bring-up %lu counter ticks\n", gic600, writes,
           (unsigned long)(t1 - t0));
    if (gic600) {
        check("power_on_all", powered == n, "%d of %d", powered, n);
    } else {
        skip("power_on_all", "GICR_IIDR is not a GIC-600/700");
    }
    check("rwp_all", programmed == n, "%d of %d", programmed, n);
    check("wake_all", woken == n, "%d of %d", woken, n);
    check("sgi_ppi_read_back", bad == 0, "%d registers lost their write",
          bad);
    finish("fw_power");
}
