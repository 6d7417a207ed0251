// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * LPIs through the ITS (its=on): LPI configuration and pending tables
 * (GICR_PROPBASER/GICR_PENDBASER), the ITS command queue (GITS_CBASER,
 * GITS_CWRITER/GITS_CREADR), device and collection tables (GITS_BASER<n>),
 * and the commands MAPD, MAPC, MAPTI, INT, SYNC, MOVI, INV (IHI 0069
 * chapter 5 "Locality-specific Peripheral Interrupts and the ITS", and the
 * ITS command descriptions).  Two CPUs, one collection each.
 *
 * E2E-RUN: v3 gic-version=3,its=on | -smp 2
 * E2E-RUN: v4 gic-version=4,its=on,virtualization=on | -smp 2
 *
 * E2E-EXPECT: PASS gicd_typer_lpis
 * E2E-EXPECT: PASS gicr_typer_plpis
 * E2E-EXPECT: PASS gits_typer_physical
 * E2E-EXPECT: PASS gits_typer_virtual_matches_archrev
 * E2E-EXPECT: PASS gits_baser_types
 * E2E-EXPECT: PASS gicr_propbaser_readback
 * E2E-EXPECT: PASS gicr_enable_lpis
 * E2E-EXPECT: PASS gits_cbaser_readback
 * E2E-EXPECT: PASS gits_enabled
 * E2E-EXPECT: PASS cmd_mapd_mapc_mapti_sync_consumed
 * E2E-EXPECT: PASS lpi_int_event0_to_cpu0
 * E2E-EXPECT: PASS lpi_int_event1_to_cpu1
 * E2E-EXPECT: PASS lpi_movi_event0_to_cpu1
 * E2E-EXPECT: PASS lpi_disabled_not_delivered
 * E2E-EXPECT: PASS lpi_delivered_after_enable_and_inv
 * E2E-EXPECT: PASS gits_creadr_not_stalled
 * E2E-EXPECT: SUMMARY its: 16 passed, 0 failed, 0 skipped
 */
#include "its.h"

#define NCPU 2
#define TIMEOUT 5000000     /* us; generous for a loaded host */
#define DEVID 1

static uint8_t itt[4096] __attribute__((aligned(256)));

static uintptr_t its(uint32_t off) { return GITS_BASE + off; }

int main(void)
{
    gic_dist_init();
    gic_cpu_init();
    local_irq_enable();

    check("gicd_typer_lpis", gicd_read(GICD_TYPER) & (1u << 17),
          "GICD_TYPER 0x%x", gicd_read(GICD_TYPER));
    check("gicr_typer_plpis",
          mmio_read64(gicr_rd(0) + GICR_TYPER) & GICR_TYPER_PLPIS,
          "GICR_TYPER 0x%lx", mmio_read64(gicr_rd(0) + GICR_TYPER));
    uint64_t typer = mmio_read64(its(GITS_TYPER));
    check("gits_typer_physical", typer & 1, "GITS_TYPER 0x%lx", typer);
    check("gits_typer_virtual_matches_archrev",
          !!(typer & 2) == (gic_arch_rev == 4),
          "GITS_TYPER.Virtual %d, ArchRev %d", !!(typer & 2), gic_arch_rev);

    for (int i = 0; i < 16; i++) {
        lpi_config(lpi_prop_table, LPI_BASE + i, 0xa0, 1);
    }
    for (int c = 0; c < NCPU; c++) {
        redist_lpi_init(c);
    }
    check_eq("gicr_propbaser_readback",
             mmio_read64(gicr_rd(0) + GICR_PROPBASER) & 0xffffffffff01full,
             (uintptr_t)lpi_prop_table | (LPI_ID_BITS - 1));
    check("gicr_enable_lpis", mmio_read32(gicr_rd(0) + GICR_CTLR) & 1,
          "GICR_CTLR 0x%x", mmio_read32(gicr_rd(0) + GICR_CTLR));

    unsigned types = its_init();
    check_eq("gits_cbaser_readback",
             mmio_read64(its(GITS_CBASER)) & ((1ull << 63) | 0xffffffffff000ull),
             (uintptr_t)its_cmdq | (1ull << 63));
    int have_dev = types & (1 << 1), have_coll = types & (1 << 4);
    check("gits_baser_types", have_dev && (have_coll || (typer >> 24 & 0xff)),
          "device table %d, collection table %d", have_dev, have_coll);
    check("gits_enabled", mmio_read32(its(GITS_CTLR)) & 1, "GITS_CTLR 0x%x",
          mmio_read32(its(GITS_CTLR)));

    if (!start_secondaries(NCPU)) {
        fail("secondaries", "CPU 1 did not start");
    }

    cmd_mapd(DEVID, 2, (uintptr_t)itt);
    cmd_mapc(0, 0);
    cmd_mapc(1, 1);
    cmd_mapti(DEVID, 0, LPI_BASE + 0, 0);
    cmd_mapti(DEVID, 1, LPI_BASE + 1, 1);
    cmd_mapti(DEVID, 2, LPI_BASE + 2, 0);
    cmd_sync(0);
    cmd_sync(1);
    check("cmd_mapd_mapc_mapti_sync_consumed", its_wait(),
          "CREADR 0x%lx CWRITER 0x%x", mmio_read64(its(GITS_CREADR)),
          its_cmd_wr);

    cmd_int(DEVID, 0);
    its_wait();
    WAIT_FOR(lpi_count[0][0] == 1, TIMEOUT);
    delay_us(5000);
    check("lpi_int_event0_to_cpu0", lpi_count[0][0] == 1 &&
          lpi_count[1][0] == 0, "LPI 8192 count cpu0 %u cpu1 %u",
          lpi_count[0][0], lpi_count[1][0]);

    cmd_int(DEVID, 1);
    its_wait();
    WAIT_FOR(lpi_count[1][1] == 1, TIMEOUT);
    delay_us(5000);
    check("lpi_int_event1_to_cpu1", lpi_count[1][1] == 1 &&
          lpi_count[0][1] == 0, "LPI 8193 count cpu0 %u cpu1 %u",
          lpi_count[0][1], lpi_count[1][1]);

    cmd_movi(DEVID, 0, 1);
    cmd_sync(0);
    cmd_int(DEVID, 0);
    its_wait();
    WAIT_FOR(lpi_count[1][0] == 1, TIMEOUT);
    delay_us(5000);
    check("lpi_movi_event0_to_cpu1", lpi_count[1][0] == 1 &&
          lpi_count[0][0] == 1, "LPI 8192 count cpu0 %u cpu1 %u",
          lpi_count[0][0], lpi_count[1][0]);

    /* Disabled in the configuration table (made visible with INV): the
     * LPI stays pending; enabling it (and INV again) delivers it. */
    lpi_config(lpi_prop_table, LPI_BASE + 2, 0xa0, 0);
    cmd_inv(DEVID, 2);
    cmd_sync(0);
    cmd_int(DEVID, 2);
    its_wait();
    delay_us(10000);
    check("lpi_disabled_not_delivered", lpi_count[0][2] == 0,
          "delivered %u times", lpi_count[0][2]);
    lpi_config(lpi_prop_table, LPI_BASE + 2, 0xa0, 1);
    cmd_inv(DEVID, 2);
    cmd_sync(0);
    its_wait();
    WAIT_FOR(lpi_count[0][2] == 1, TIMEOUT);
    check("lpi_delivered_after_enable_and_inv", lpi_count[0][2] == 1,
          "delivered %u times", lpi_count[0][2]);

    check("gits_creadr_not_stalled", !(mmio_read64(its(GITS_CREADR)) & 1),
          "GITS_CREADR 0x%lx", mmio_read64(its(GITS_CREADR)));
    finish("its");
}
