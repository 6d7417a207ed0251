/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ITS command queue and LPI table helpers. */
#include "its.h"

#define NCPU_MAX 4

uint8_t lpi_prop_table[(1 << LPI_ID_BITS) - LPI_BASE]
    __attribute__((aligned(4096)));
static uint8_t pend_table[NCPU_MAX][65536] __attribute__((aligned(65536)));
/* 64 KiB aligned pages so any GITS_BASER page size fits. */
static uint8_t its_tables[8][65536] __attribute__((aligned(65536)));
uint64_t its_cmdq[512] __attribute__((aligned(65536)));   /* 4 KiB */
unsigned its_cmd_wr;

static uintptr_t its(uint32_t off) { return GITS_BASE + off; }

void lpi_config(uint8_t *table, uint32_t lpi, uint8_t prio, int enable)
{
    table[lpi - LPI_BASE] = (prio & 0xfc) | 2 | !!enable;
    dsb(sy);
}

void redist_lpi_init(int cpu)
{
    uintptr_t rd = gicr_rd(cpu);
    mmio_write64(rd + GICR_PROPBASER,
                 (uintptr_t)lpi_prop_table | (LPI_ID_BITS - 1));
    mmio_write64(rd + GICR_PENDBASER,
                 (uintptr_t)pend_table[cpu] | (1ull << 62));    /* PTZ */
    mmio_write32(rd + GICR_CTLR, mmio_read32(rd + GICR_CTLR) | 1);
}

unsigned its_init(void)
{
    unsigned types = 0;
    /* Command queue: one 4 KiB page (Size = 0), Valid. */
    mmio_write64(its(GITS_CBASER), (uintptr_t)its_cmdq | (1ull << 63));
    mmio_write64(its(GITS_CWRITER), 0);
    its_cmd_wr = 0;
    for (int n = 0; n < 8; n++) {
        uintptr_t b = its(GITS_BASER + 8 * n);
        uint64_t v = mmio_read64(b);
        int type = (v >> 56) & 7;
        if (type == 1 || type == 2 || type == 4) {
            /* Flat, one page, keeping the (possibly read-only)
             * Page_Size and Entry_Size fields. */
            mmio_write64(b, (v & (3ull << 8)) | (v & (0x1full << 48)) |
                         (uint64_t)type << 56 | (uintptr_t)its_tables[n] |
                         (1ull << 63));
            types |= 1u << type;
        }
    }
    mmio_write32(its(GITS_CTLR), mmio_read32(its(GITS_CTLR)) | 1);
    return types;
}

void its_cmd(uint64_t d0, uint64_t d1, uint64_t d2, uint64_t d3)
{
    uint64_t *c = &its_cmdq[its_cmd_wr / 8];
    c[0] = d0;
    c[1] = d1;
    c[2] = d2;
    c[3] = d3;
    dsb(sy);
    its_cmd_wr = (its_cmd_wr + 32) % (512 * 8);
    mmio_write64(its(GITS_CWRITER), its_cmd_wr);
}

int its_wait(void)
{
    for (int i = 0; i < 1000000; i++) {
        if ((mmio_read64(its(GITS_CREADR)) & ~0x1full) == its_cmd_wr) {
            return 1;
        }
    }
    return 0;
}

uint64_t its_rdbase(int cpu)
{
    /* GITS_TYPER.PTA: 1 = RDbase is the RD_base physical address >> 16,
     * 0 = it is GICR_TYPER.Processor_Number (MAPC description). */
    if (mmio_read64(its(GITS_TYPER)) & (1u << 19)) {
        return gicr_rd(cpu) >> 16;
    }
    return (mmio_read64(gicr_rd(cpu) + GICR_TYPER) >> 8) & 0xffff;
}

void cmd_mapd(uint32_t dev, int bits, uintptr_t itt)
{
    its_cmd(0x08 | (uint64_t)dev << 32, bits - 1,
            (1ull << 63) | (itt & 0xffffffffff00ull), 0);
}

void cmd_mapc(uint16_t icid, int cpu)
{
    its_cmd(0x09, 0, (1ull << 63) | its_rdbase(cpu) << 16 | icid, 0);
}

void cmd_mapti(uint32_t dev, uint32_t ev, uint32_t lpi, uint16_t icid)
{
    its_cmd(0x0a | (uint64_t)dev << 32, ev | (uint64_t)lpi << 32, icid, 0);
}

void cmd_int(uint32_t dev, uint32_t ev)
{
    its_cmd(0x03 | (uint64_t)dev << 32, ev, 0, 0);
}

void cmd_movi(uint32_t dev, uint32_t ev, uint16_t icid)
{
    its_cmd(0x01 | (uint64_t)dev << 32, ev, icid, 0);
}

void cmd_inv(uint32_t dev, uint32_t ev)
{
    its_cmd(0x0c | (uint64_t)dev << 32, ev, 0, 0);
}

void cmd_sync(int cpu)
{
    its_cmd(0x05, 0, its_rdbase(cpu) << 16, 0);
}

void cmd_vmapp(uint16_t vpeid, int cpu, uintptr_t vpt, int vpt_bits, int v)
{
    /* DW1 vPEID[47:32]; DW2 V[63], RDbase[50:16]; DW3 VPT_addr[51:16],
     * VPT_size[4:0] = ID bits - 1. */
    its_cmd(0x29, (uint64_t)vpeid << 32,
            (uint64_t)!!v << 63 | its_rdbase(cpu) << 16,
            (vpt & 0xfffffffff0000ull) | (vpt_bits - 1));
}

void cmd_vmapti(uint32_t dev, uint32_t ev, uint16_t vpeid, uint32_t vintid,
                uint32_t doorbell)
{
    its_cmd(0x2a | (uint64_t)dev << 32, ev | (uint64_t)vpeid << 32,
            vintid | (uint64_t)doorbell << 32, 0);
}

void cmd_vsync(uint16_t vpeid)
{
    its_cmd(0x25, (uint64_t)vpeid << 32, 0, 0);
}
