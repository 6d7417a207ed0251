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
    /*
     * The RMM's completion checked against the vCPU: a read's Xt against
     * the register at the vCPU's next access through a shim from the
     * next instruction, a write's RecExit gprs[0] against the bytes the
     * vCPU stores.  Any mismatch is a model error.
     */
    uint64_t completion_checks;
    uint64_t completion_mismatches;
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

/* The instruction behind the current vCPU's access to the shim */
typedef struct GicsimRealmInsn {
    uint32_t syndrome;          /* the data-abort ISS TCG recorded */
    bool aarch32;               /* the vCPU is in AArch32 state */
    int cpu_index;
    uint64_t pc_off;            /* the instruction's PC, offset in its page */
    uint64_t x[31];             /* X0..X30 before it (0 for AArch32) */
} GicsimRealmInsn;

/*
 * gicsim-realm-syndrome.c: false when no instruction of the current vCPU
 * is behind the access to @mr being handled (no current vCPU, not from
 * translated code, or an access device code makes on the vCPU thread).
 */
bool gicsim_realm_insn(const MemoryRegion *mr, GicsimRealmInsn *insn);

#endif
