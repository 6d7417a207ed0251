/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: cost accounting.  Counts every distributor and
 * redistributor access per register, reads and writes, 64-bit or not;
 * the modelled cycles and ns per register and per path step follow from
 * the counts and the cost model (gicsim-cost.h), computed when someone
 * asks (QMP qom-get of cost-stats, the stats file at exit), so the MMIO
 * path only increments one counter.  docs/cost.rst.
 */
#ifndef HW_INTC_GICSIM_COST_ACCOUNT_H
#define HW_INTC_GICSIM_COST_ACCOUNT_H

#include "qemu/notify.h"
#include "qobject/qdict.h"
#include "hw/intc/arm_gicv3_sim.h"
#include "gicsim-regs.h"
#include "gicsim-cost.h"

/* Counter columns */
enum {
    GICSIM_CNT_READ,
    GICSIM_CNT_WRITE,
    GICSIM_CNT_READ64,
    GICSIM_CNT_WRITE64,
    GICSIM_CNT__COUNT
};

/* The row of accesses no register takes (reserved offset, bad width...) */
#define GICSIM_COST_UNDEFINED GICSIM_REG__COUNT

/*
 * The accesses costed on one path: the device's own (cost-path), or those
 * a realm shim forwards (the realm path, gicsim-cost-realm.c).
 */
typedef struct GicsimCostTable {
    GicsimCostModel model;
    int64_t charge_ns[2];       /* [wide]: guest time per access */
    int64_t miss_ns;            /* and what a TLB miss adds */
    uint64_t count[GICSIM_REG__COUNT + 1][GICSIM_CNT__COUNT];
} GicsimCostTable;

struct GicsimCostAccount {
    /* Properties */
    bool on;                    /* cost-accounting */
    bool charge;                /* charge-time */
    char *profile_name;         /* cost-profile */
    char *path_name;            /* cost-path */
    uint32_t ipa_bits;          /* cost-ipa-bits (0: from the CPU) */
    char *granule_name;         /* cost-granule (NULL: from the CPU) */
    char *stats_file;           /* cost-stats-file */

    /* Derived at realize */
    GicsimCostProfile *profile;
    const char *ipa_from;       /* where the IPA size came from */
    const char *granule_from;   /* and the granule */
    Notifier exit_notifier;
    Notifier init_done;         /* attaches the realm shims */
    GICv3SimState *owner;

    GicsimCostTable direct;     /* accesses to the device's own regions */
    GicsimCostTable realm;      /* accesses through a realm shim */
    GicsimCostTable *cur;       /* where the MMIO hook counts */

    int64_t event_ns[GICSIM_EV__COUNT];     /* charge per event */

    /* Realm shims in front of the device (gicsim-cost-realm.c) */
    unsigned realm_shims;
    uint64_t realm_accesses;    /* every access to them */
    uint64_t realm_forwarded;   /* of which the host took to the device */
    uint64_t realm_unemulated;  /* exits the host could not emulate */
};

/* Count the MMIO accesses from now on in @t (the direct path too) */
static inline void gicsim_cost_select(GicsimCostAccount *a,
                                      GicsimCostTable *t)
{
    a->cur = t;
    a->owner->cost_table_offset = (char *)t - (char *)&a->direct;
}

/* Register the cost properties on the device class. */
void gicsim_cost_class_init(ObjectClass *klass);
/* Load the profile and build the model; false with @errp on bad values. */
bool gicsim_cost_realize(GICv3SimState *sim, Error **errp);
void gicsim_cost_unrealize(GICv3SimState *sim);
/*
 * Add the modelled time of the access just counted in @t for register
 * @id to the guest's virtual clock (charge-time=on).
 */
void gicsim_cost_charge(GicsimCostTable *t, unsigned id, bool wide);
/* The stats as a JSON object (what qom-get of cost-stats returns). */
QDict *gicsim_cost_stats(GICv3SimState *sim);
/* Precompute @t for @path with @geom; the charge per access in ns. */
void gicsim_cost_table_init(GicsimCostTable *t, const GicsimCostProfile *p,
                            GicsimCostPath path, const GicsimStage2Geom *geom);
/* The statistics of one table (the "realm" object of the stats). */
QDict *gicsim_cost_table_stats(const GicsimCostTable *t);

/*
 * Realm shims (gicsim-cost-realm.c): when the machine is built, cost the
 * accesses the realm shims in front of the device's regions forward on
 * the realm path; the stats' "realm" object.
 */
void gicsim_cost_realm_attach(GICv3SimState *sim);
void gicsim_cost_realm_detach(GICv3SimState *sim);
void gicsim_cost_realm_stats(GICv3SimState *sim, QDict *top);

/*
 * The GIC's events other than register accesses (gicsim-cost-events.c):
 * set and clear QEMU's cost hook, the stats' "events" object, zeroing.
 */
void gicsim_cost_events_attach(GICv3SimState *sim);
void gicsim_cost_events_detach(GICv3SimState *sim);
void gicsim_cost_events_stats(GICv3SimState *sim, QDict *top);
void gicsim_cost_events_reset(GICv3SimState *sim);

/*
 * The stage-2 defaults from the machine's first CPU (gicsim-cost-cpu.c,
 * built per target): false when there is no Arm CPU to ask.
 */
bool gicsim_cost_cpu_defaults(unsigned *ipa_bits, unsigned *granule,
                              const char **from);

/* Trace an access with its virtual time and cost (gicsim_access_cost) */
void gicsim_cost_trace(GICv3SimState *sim, const char *frame, int cpu,
                       unsigned id, unsigned index, unsigned size,
                       bool is_write, uint64_t value);

/*
 * The MMIO hook: one access to register @id (GICSIM_COST_UNDEFINED for
 * an access the spec does not define) of @size bytes.
 */
static inline void gicsim_cost_access(GICv3SimState *sim, unsigned id,
                                      unsigned size, bool is_write)
{
    GicsimCostAccount *a = sim->cost;

    if (a->on) {
        GicsimCostTable *t = a->cur;

        t->count[id][is_write + (size == 8 ? GICSIM_CNT_READ64 : 0)]++;
        if (a->charge) {
            gicsim_cost_charge(t, id, size == 8);
        }
    }
}

#endif
