// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * GICv4 direct injection of virtual LPIs (gic-version=4, its=on,
 * virtualization=on).  main() runs at EL2 as a hypervisor: it maps a
 * device event to a vLPI of vPE 1 with a doorbell LPI (MAPD, VMAPP,
 * VMAPTI, VSYNC; GICv4.0 command layouts), checks that while the vPE is
 * not resident an INT raises the doorbell, then makes the vPE resident
 * (GICR_VPROPBASER, GICR_VPENDBASER.Valid, ICH_HCR_EL2.En) and drops to
 * EL1, where the guest takes the vLPI through ICV_IAR1_EL1 and a second
 * INT is injected directly without a doorbell.  IHI 0069 chapter 5
 * ("Virtual LPIs", "Doorbell interrupts") and chapter 6.
 *
 * E2E-RUN: v4 gic-version=4,its=on,virtualization=on |
 *
 * E2E-EXPECT: PASS hyp_at_el2
 * E2E-EXPECT: PASS gicr_typer_vlpis
 * E2E-EXPECT: PASS gits_typer_virtual
 * E2E-EXPECT: PASS gits_vpe_table
 * E2E-EXPECT: PASS commands_consumed
 * E2E-EXPECT: PASS doorbell_when_not_resident
 * E2E-EXPECT: PASS vpendbaser_valid_not_dirty
 * E2E-EXPECT: PASS guest_at_el1
 * E2E-EXPECT: PASS vlpi_taken_after_residency
 * E2E-EXPECT: PASS vlpi_direct_injection
 * E2E-EXPECT: PASS no_doorbell_when_resident
 * E2E-EXPECT: PASS virtual_rpr_idle_after_eoi
 * E2E-EXPECT: SUMMARY vlpi: 12 passed, 0 failed, 0 skipped
 */
#include "its.h"

int boot_stay_el2 = 1;

#define TIMEOUT 5000000     /* us; generous for a loaded host */
#define DEVID 2
#define VPEID 1
#define VINTID (LPI_BASE + 0)
#define DOORBELL (LPI_BASE + 8)
#define GICR_VLPI_OFFSET 0x20000
#define GICR_VPROPBASER (GICR_VLPI_OFFSET + 0x70)
#define GICR_VPENDBASER (GICR_VLPI_OFFSET + 0x78)

static uint8_t vprop[(1 << LPI_ID_BITS) - LPI_BASE]
    __attribute__((aligned(4096)));
static uint8_t vpt[65536] __attribute__((aligned(65536)));
static uint8_t itt[4096] __attribute__((aligned(256)));

static volatile uint32_t vcount, vlast;

static void guest_irq(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);   /* ICV_IAR1_EL1 here */
    uint32_t id = iar & 0xffffff;
    if (id >= 1020 && id <= 1023) {
        return;
    }
    vlast = id;
    vcount++;
    write_sysreg(ICC_EOIR1_EL1, iar);
    isb();
}

static void guest(void)
{
    check("guest_at_el1", current_el() == 1, "CurrentEL %u", current_el());
    irq_hook[0] = guest_irq;
    local_irq_enable();
    WAIT_FOR(vcount == 1, TIMEOUT);
    check("vlpi_taken_after_residency", vcount == 1 && vlast == VINTID,
          "%u vIRQs, last INTID %u", vcount, vlast);
    cmd_int(DEVID, 0);
    its_wait();
    WAIT_FOR(vcount == 2, TIMEOUT);
    check("vlpi_direct_injection", vcount == 2 && vlast == VINTID,
          "%u vIRQs, last INTID %u", vcount, vlast);
    delay_us(5000);
    check_eq("no_doorbell_when_resident",
             lpi_count[0][DOORBELL - LPI_BASE], 1);
    check_eq("virtual_rpr_idle_after_eoi", read_sysreg(ICC_RPR_EL1) & 0xff,
             0xff);
    finish("vlpi");
}

int main(void)
{
    if (!check("hyp_at_el2", current_el() == 2, "CurrentEL %u",
               current_el())) {
        finish("vlpi");
    }
    /* HCR_EL2.IMO/FMO route physical IRQs/FIQs to EL2 (without them an
     * interrupt targeting EL1 is never taken while running at EL2) and
     * later send virtual interrupts to EL1. */
    write_sysreg(hcr_el2, (1ull << 31) | (1 << 4) | (1 << 3));
    isb();
    gic_dist_init();
    gic_cpu_init();
    local_irq_enable();

    check("gicr_typer_vlpis",
          mmio_read64(gicr_rd(0) + GICR_TYPER) & GICR_TYPER_VLPIS,
          "GICR_TYPER 0x%lx", mmio_read64(gicr_rd(0) + GICR_TYPER));
    uint64_t typer = mmio_read64(GITS_BASE + GITS_TYPER);
    check("gits_typer_virtual", typer & 2, "GITS_TYPER 0x%lx", typer);

    lpi_config(lpi_prop_table, DOORBELL, 0x80, 1);
    redist_lpi_init(0);
    unsigned types = its_init();
    check("gits_vpe_table", types & (1 << 2), "GITS_BASER types 0x%x", types);

    lpi_config(vprop, VINTID, 0xa0, 1);
    mmio_write64(gicr_rd(0) + GICR_VPROPBASER,
                 (uintptr_t)vprop | (LPI_ID_BITS - 1));

    cmd_mapd(DEVID, 2, (uintptr_t)itt);
    cmd_vmapp(VPEID, 0, (uintptr_t)vpt, LPI_ID_BITS, 1);
    cmd_vmapti(DEVID, 0, VPEID, VINTID, DOORBELL);
    cmd_vsync(VPEID);
    check("commands_consumed", its_wait(), "CREADR 0x%lx CWRITER 0x%x",
          mmio_read64(GITS_BASE + GITS_CREADR), its_cmd_wr);

    /* vPE not resident: the vLPI goes to its VPT and the doorbell fires. */
    cmd_int(DEVID, 0);
    its_wait();
    WAIT_FOR(lpi_count[0][DOORBELL - LPI_BASE] == 1, TIMEOUT);
    check("doorbell_when_not_resident",
          lpi_count[0][DOORBELL - LPI_BASE] == 1,
          "doorbell LPI %u taken %u times", DOORBELL,
          lpi_count[0][DOORBELL - LPI_BASE]);

    /* Schedule the vPE: virtual CPU interface on, VPENDBASER valid, then
     * wait (bounded) for the redistributor to finish parsing the VPT. */
    local_irq_disable();
    write_sysreg(ICH_VMCR_EL2, (0xffull << 24) | 2);     /* VPMR, VENG1 */
    write_sysreg(ICH_HCR_EL2, 1);                        /* En */
    isb();
    uintptr_t vpend = gicr_rd(0) + GICR_VPENDBASER;
    mmio_write64(vpend, (uintptr_t)vpt | (1ull << 63));
    int polls = 0;
    while ((mmio_read64(vpend) & (1ull << 60)) && polls < 1000000) {
        polls++;
    }
    uint64_t vpb = mmio_read64(vpend);
    check("vpendbaser_valid_not_dirty", (vpb >> 63) && !(vpb & (1ull << 60)),
          "GICR_VPENDBASER 0x%lx", vpb);

    el2_eret_to_el1(guest, (uintptr_t)__stacks_start + 0x4000, 0x3c5);
}
