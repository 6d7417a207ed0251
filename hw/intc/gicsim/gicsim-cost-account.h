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

struct GicsimCostAccount {
    /* Properties */
    bool on;                    /* cost-accounting */
    bool charge;                /* charge-time */
    char *profile_name;         /* cost-profile */
    char *path_name;            /* cost-path */
    uint32_t ipa_bits;          /* cost-ipa-bits */
    char *granule_name;         /* cost-granule */
    char *stats_file;           /* cost-stats-file */

    /* Derived at realize */
    GicsimCostProfile *profile;
    GicsimCostModel model;
    int64_t charge_ns[2];       /* [wide]: guest time per access */
    Notifier exit_notifier;
    GICv3SimState *owner;

    uint64_t count[GICSIM_REG__COUNT + 1][GICSIM_CNT__COUNT];
};

/* Register the cost properties on the device class. */
void gicsim_cost_class_init(ObjectClass *klass);
/* Load the profile and build the model; false with @errp on bad values. */
bool gicsim_cost_realize(GICv3SimState *sim, Error **errp);
void gicsim_cost_unrealize(GICv3SimState *sim);
/* Add modelled time to the guest's virtual clock (charge-time=on). */
void gicsim_cost_charge(GicsimCostAccount *a, bool wide);
/* The stats as a JSON object (what qom-get of cost-stats returns). */
QDict *gicsim_cost_stats(GICv3SimState *sim);

/*
 * The MMIO hook: one access to register @id (GICSIM_COST_UNDEFINED for
 * an access the spec does not define) of @size bytes.
 */
static inline void gicsim_cost_access(GICv3SimState *sim, unsigned id,
                                      unsigned size, bool is_write)
{
    GicsimCostAccount *a = sim->cost;

    if (a->on) {
        a->count[id][is_write + (size == 8 ? GICSIM_CNT_READ64 : 0)]++;
        if (a->charge) {
            gicsim_cost_charge(a, size == 8);
        }
    }
}

#endif
