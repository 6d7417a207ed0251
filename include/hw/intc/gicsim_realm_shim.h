/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-realm-shim: the Arm CCA realm MMIO forwarding protocol (RMM 1.0
 * RecExit/RecEntry) in front of a device's MemoryRegion.  Every access
 * to the shim runs realm -> RMM -> RecExit -> host -> the device ->
 * RecEntry -> RMM completion (docs/realm.rst).
 */
#ifndef HW_INTC_GICSIM_REALM_SHIM_H
#define HW_INTC_GICSIM_REALM_SHIM_H

#include "hw/sysbus.h"
#include "qom/object.h"

#define TYPE_GICSIM_REALM_SHIM "gicsim-realm-shim"
OBJECT_DECLARE_SIMPLE_TYPE(GicsimRealmShim, GICSIM_REALM_SHIM)

typedef struct GicsimRecStep GicsimRecStep;
typedef struct GicsimRealmShimState GicsimRealmShimState;

/*
 * What a hook is told, for each access to the shim: the host is about to
 * access the target (DEVICE_ENTER, only if the host emulates the access)
 * and has accessed it (DEVICE_LEAVE), then the protocol has run (DONE,
 * with @step and @ok: the access completed).  The cost model's "realm"
 * path hooks in here (gicsim-cost-realm.c).
 */
typedef enum GicsimRealmShimEvent {
    GICSIM_REALM_SHIM_DEVICE_ENTER,
    GICSIM_REALM_SHIM_DEVICE_LEAVE,
    GICSIM_REALM_SHIM_DONE,
} GicsimRealmShimEvent;

/* @step is NULL but for DONE */
typedef void (*GicsimRealmShimHook)(void *opaque, GicsimRealmShimEvent ev,
                                    const GicsimRecStep *step, bool ok);

/* Counters, readable as QOM properties of the same names ('-' for '_') */
typedef struct GicsimRealmShimStats {
    uint64_t accesses;          /* every access to the shim */
    uint64_t exits;             /* RecExits to the host */
    uint64_t emulated_reads;    /* completed by EMULATED_MMIO */
    uint64_t emulated_writes;
    uint64_t aborts;            /* ended as an external abort */
    uint64_t reentry_errors;    /* REC_ENTER returned an error */
    uint64_t assumed_syndromes; /* no instruction behind the access */
} GicsimRealmShimStats;

struct GicsimRealmShim {
    SysBusDevice parent_obj;

    /* Properties */
    MemoryRegion *target;       /* the device the host emulates */
    uint64_t base;              /* the device's address (Protected half) */
    uint8_t ipa_bits;           /* realm IPA width */
    uint32_t log_len;           /* RecExit/RecEntry pairs kept */

    MemoryRegion iomem;
    GicsimRealmShimState *st;   /* protocol state and the log */
    GicsimRealmShimStats stats;
    GicsimRealmShimHook hook;
    void *hook_opaque;
};

void gicsim_realm_shim_set_hook(GicsimRealmShim *s, GicsimRealmShimHook hook,
                                void *opaque);

/*
 * The data-abort syndrome of the instruction behind the current vCPU's
 * MMIO access (gicsim-realm-syndrome.c).  False when no instruction is
 * behind it (no current vCPU, or not from translated code).  @aarch32:
 * the vCPU is in AArch32 state.
 */
bool gicsim_realm_insn_syndrome(uint32_t *syndrome, bool *aarch32);

#endif
