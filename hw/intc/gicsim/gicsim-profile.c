/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Implementation profiles (see gicsim-profile.h).
 *
 * IIDR: [11:0] Implementer (0x43b = Arm), [15:12] Revision,
 * [19:16] Variant, [31:24] ProductID (IHI 0069H, GICD_IIDR).
 * Arm's parts: GIC-500 ProductID 0x00, GIC-600 0x02, GIC-700 0x04 (the
 * values their TRMs give and Linux's GIC quirk tables match on).
 * CoreSight PIDR: PIDR0/1 carry the part number (0x92/0x93 for the GICv3
 * distributor/redistributor of stock QEMU, 0x92/0xB4 in PIDR0/PIDR1);
 * PIDR2[7:4] is ArchRev, the GIC architecture version.
 *
 * Durations (rwp_ns, waker_ns, pwrr_ns, syncr_ns): ASSUMPTIONS.  No
 * published figure for GIC-500/600/700 register-write propagation,
 * redistributor wake or power-up latency could be found
 * (docs/timing.rst).  They are chosen as
 * orders of magnitude: a distributor write that reaches every
 * redistributor over the GIC's internal AXI-Stream interconnect takes
 * some hundreds of GIC clock cycles (~0.5 us at a few hundred MHz); a
 * redistributor quiesces its CPU interface stream in microseconds; a
 * power domain switched through its Q-channel handshake takes tens of
 * microseconds; an LPI invalidation walks a cache, ~1 us.  GIC-500 has
 * no power control and a single-chip interconnect: shorter RWP.
 */
#include "gicsim-profile.h"

#include <stdio.h>
#include <string.h>

/* PIDR4 PIDR5 PIDR6 PIDR7 PIDR0 PIDR1 PIDR2 PIDR3 CIDR0-3 */
#define IDS(p0, p1, p2) \
    { 0x44, 0x00, 0x00, 0x00, (p0), (p1), (p2), 0x00, 0x0d, 0xf0, 0x05, 0xb1 }

static const GicsimProfile profiles[] = {
    {
        /* What stock QEMU 10.0's arm-gicv3 reports: an r0p0 GIC-500 IIDR */
        .name = "qemu",
        .gicd_iidr = 0x0000043b, .gicr_iidr = 0x0000043b,
        .gicd_id = IDS(0x92, 0xb4, 0x0b), .gicr_id = IDS(0x93, 0xb4, 0x0b),
        .pidr2_archrev = true, .no1n = true, .has_pwrr = false,
        .sleep_holds = false,
        .dpgs = false, .idbits = 15, .pribits = 8,
        /* stock QEMU completes everything at once */
        .rwp_ns = 0, .waker_ns = 0, .pwrr_ns = 0, .syncr_ns = 0,
    },
    {
        /* CoreLink GIC-500 r1p1 */
        .name = "gic-500",
        .gicd_iidr = 0x0001143b, .gicr_iidr = 0x0001143b,
        .gicd_id = IDS(0x92, 0xb4, 0x1b), .gicr_id = IDS(0x93, 0xb4, 0x1b),
        .pidr2_archrev = true, .no1n = false, .has_pwrr = false,
        .sleep_holds = true,
        .dpgs = false, .idbits = 15, .pribits = 5,
        .rwp_ns = 200, .waker_ns = 1000, .pwrr_ns = 0, .syncr_ns = 0,
    },
    {
        /* CoreLink GIC-600 r1p6 */
        .name = "gic-600", .direct_lpi = true, .mbis = true,
        .gicd_iidr = 0x0201643b, .gicr_iidr = 0x0201643b,
        .gicd_id = IDS(0x92, 0xb4, 0x3b), .gicr_id = IDS(0x93, 0xb4, 0x3b),
        .pidr2_archrev = true, .no1n = false, .has_pwrr = true,
        .sleep_holds = true,
        .dpgs = true, .idbits = 15, .pribits = 5,
        .rwp_ns = 500, .waker_ns = 2000, .pwrr_ns = 20000,
        .syncr_ns = 1000,
    },
    {
        /* CoreLink GIC-700 r1p0 */
        .name = "gic-700", .direct_lpi = true, .mbis = true,
        .gicd_iidr = 0x0401043b, .gicr_iidr = 0x0401043b,
        .gicd_id = IDS(0x92, 0xb4, 0x3b), .gicr_id = IDS(0x93, 0xb4, 0x3b),
        .pidr2_archrev = true, .no1n = false, .has_pwrr = true,
        .sleep_holds = true,
        .dpgs = true, .idbits = 15, .pribits = 5,
        .rwp_ns = 500, .waker_ns = 2000, .pwrr_ns = 20000,
        .syncr_ns = 1000,
    },
};

const GicsimProfile *gicsim_profile_find(const char *name)
{
    unsigned i;

    for (i = 0; i < sizeof(profiles) / sizeof(profiles[0]); i++) {
        if (!strcmp(profiles[i].name, name)) {
            return &profiles[i];
        }
    }
    return NULL;
}

#define N_PROFILES (sizeof(profiles) / sizeof(profiles[0]))

unsigned gicsim_profile_count(void)
{
    return N_PROFILES;
}

const GicsimProfile *gicsim_profile_at(unsigned i)
{
    return i < N_PROFILES ? &profiles[i] : NULL;
}

/* Every profile's name and ", " between them: the longest list */
#define NAMES_MAX (N_PROFILES * 16)

const char *gicsim_profile_names(void)
{
    /* Built once from profiles[], the only list of them */
    static char names[NAMES_MAX];
    size_t len = 0;
    unsigned i;

    if (names[0]) {
        return names;
    }
    for (i = 0; i < N_PROFILES; i++) {
        int n = snprintf(names + len, sizeof(names) - len, "%s%s",
                         i ? ", " : "", profiles[i].name);

        if (n < 0 || (size_t)n >= sizeof(names) - len) {
            break;      /* cannot happen: no name is longer than 13 */
        }
        len += n;
    }
    return names;
}
