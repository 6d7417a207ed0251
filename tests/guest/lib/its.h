/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ITS command queue and LPI table helpers (IHI 0069 chapter 5 and the
 * ITS command descriptions). */
#ifndef GUEST_ITS_H
#define GUEST_ITS_H
#include "gic.h"

#define LPI_ID_BITS 14                 /* INTIDs 0 .. 16383 */

/* LPI configuration table byte: Priority[7:2], RES1[1], Enable[0]. */
void lpi_config(uint8_t *table, uint32_t lpi, uint8_t prio, int enable);
/* Program GICR_PROPBASER/GICR_PENDBASER (PTZ) and set EnableLPIs. */
void redist_lpi_init(int cpu);
extern uint8_t lpi_prop_table[];

/* Command queue (GITS_CBASER), GITS_BASER<n> tables (device, vPE and
 * collection), then GITS_CTLR.Enabled.  Returns a bitmask of the table
 * types found (1 << type). */
unsigned its_init(void);
int its_wait(void);                    /* bounded: CREADR == CWRITER */
uint64_t its_rdbase(int cpu);          /* per GITS_TYPER.PTA */
void its_cmd(uint64_t d0, uint64_t d1, uint64_t d2, uint64_t d3);
extern unsigned its_cmd_wr;
extern uint64_t its_cmdq[512];         /* 4 KiB command queue */

void cmd_mapd(uint32_t dev, int bits, uintptr_t itt);
void cmd_mapc(uint16_t icid, int cpu);
void cmd_mapti(uint32_t dev, uint32_t ev, uint32_t lpi, uint16_t icid);
void cmd_int(uint32_t dev, uint32_t ev);
void cmd_movi(uint32_t dev, uint32_t ev, uint16_t icid);
void cmd_inv(uint32_t dev, uint32_t ev);
void cmd_sync(int cpu);
/* GICv4 (4.0 layout; 4.1-only fields left zero). */
void cmd_vmapp(uint16_t vpeid, int cpu, uintptr_t vpt, int vpt_bits, int v);
void cmd_vmapti(uint32_t dev, uint32_t ev, uint16_t vpeid, uint32_t vintid,
                uint32_t doorbell);
void cmd_vsync(uint16_t vpeid);
#endif
