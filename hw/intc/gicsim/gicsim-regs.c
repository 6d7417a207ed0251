/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim register table lookups (see gicsim-regs.h); the table itself is
 * gicsim-regs-table.c.inc.  QEMU-independent.
 */
#include "gicsim-regs.h"

#include <stdio.h>
#include <string.h>

bool gicsim_decoder_init(GicsimDecoder *d)
{
    unsigned id, n, w;

    memset(d, 0, sizeof(*d));
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        if (!r->name || r->frame >= GICSIM_FRAME__COUNT) {
            return false;
        }
        for (n = 0; n < r->count; n++) {
            for (w = 0; w < r->size / 4; w++) {
                uint32_t off = r->offset + n * r->size + w * 4;
                uint8_t *slot = &d->slot[r->frame][off >> 2];

                if (off >= GICSIM_FRAME_SIZE || *slot) {
                    return false;
                }
                *slot = id + 1;
            }
        }
    }
    return true;
}

const GicsimReg *gicsim_reg_by_name(const char *name)
{
    unsigned id;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        if (!strcmp(gicsim_regs[id].name, name)) {
            return &gicsim_regs[id];
        }
    }
    return NULL;
}

const GicsimField *gicsim_field_by_name(const GicsimReg *r, const char *name)
{
    const GicsimField *f;

    for (f = r->fields; f && f->name; f++) {
        if (!strcmp(f->name, name)) {
            return f;
        }
    }
    return NULL;
}

const char *gicsim_frame_name(GicsimFrame f)
{
    static const char *const names[GICSIM_FRAME__COUNT] = {
        [GICSIM_FRAME_GICD] = "GICD",
        [GICSIM_FRAME_RD] = "RD_base",
        [GICSIM_FRAME_SGI] = "SGI_base",
        [GICSIM_FRAME_VLPI] = "VLPI_base",
        [GICSIM_FRAME_RESERVED] = "reserved",
    };
    return f < GICSIM_FRAME__COUNT ? names[f] : "?";
}

const char *gicsim_bank_name(GicsimBank b)
{
    switch (b) {
    case GICSIM_BANK_NONE: return "-";
    case GICSIM_BANK_SECURITY: return "Security";
    case GICSIM_BANK_CPU: return "per CPU";
    }
    return "?";
}

const char *gicsim_avail_name(GicsimAvail a)
{
    switch (a) {
    case GICSIM_AVAIL_ALWAYS: return "always";
    case GICSIM_AVAIL_NMI: return "NMI";
    case GICSIM_AVAIL_MBIS: return "MBIS";
    case GICSIM_AVAIL_LPI: return "LPIs";
    case GICSIM_AVAIL_VLPI: return "GICv4";
    case GICSIM_AVAIL_DIRECT_LPI: return "DirectLPI";
    case GICSIM_AVAIL_PWRR: return "GIC-600/700";
    }
    return "?";
}

const char *gicsim_access_name(GicsimAccess a)
{
    switch (a) {
    case GICSIM_RW: return "RW";
    case GICSIM_RO: return "RO";
    case GICSIM_WO: return "WO";
    case GICSIM_W1S: return "W1S";
    case GICSIM_W1C: return "W1C";
    }
    return "?";
}

const char *gicsim_widths_name(uint8_t widths)
{
    switch (widths) {
    case GICSIM_W32: return "32";
    case GICSIM_W8 | GICSIM_W32: return "8/32";
    case GICSIM_W32 | GICSIM_W64: return "32/64";
    case GICSIM_W16 | GICSIM_W32: return "16/32";
    }
    return "?";
}

const char *gicsim_gates_name(uint8_t gates, char *buf, size_t len)
{
    snprintf(buf, len, "%s%s%s%s%s",
             gates & GICSIM_GATE_SECURE ? "Secure-only, " : "",
             gates & GICSIM_GATE_TWO_STATES ? "RAZ/WI if DS, " : "",
             gates & GICSIM_GATE_POWERED ? "needs power, " : "",
             gates & GICSIM_GATE_SECURE_FIELDS ? "Secure fields, " : "",
             gates ? "" : "-");
    if (gates && strlen(buf) >= 2) {
        buf[strlen(buf) - 2] = '\0';     /* drop the last ", " */
    }
    return buf;
}
