/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: the cost model's "realm" path for the accesses a realm
 * shim forwards to the device (docs/cost.rst, docs/realm.rst).
 *
 * A gicsim-realm-shim in front of one of the device's MemoryRegions runs
 * the RMM's RecExit/RecEntry protocol and has the host access the device
 * through the same MemoryRegionOps as a direct access.  When the machine
 * is built, the device hooks every shim whose target it owns: while the
 * host's access is in flight the MMIO hook counts in the realm table,
 * costed on the realm path's steps (RMM exit and entry, RecExit and
 * RecEntry handling, the EL3 world switches); direct accesses stay on
 * cost-path.  Shim accesses that exit to the host but never reach the
 * device (no valid syndrome: the host asks for INJECT_SEA) still pay the
 * exit and the entry and the SEA injected into the realm: they are
 * costed as "unemulated" accesses (realm_unemulated_cycles()).
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qom/object.h"
#include "gicsim-compat.h"
#include "system/system.h"
#include "qobject/qdict.h"
#include "hw/intc/gicsim_realm_shim.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"
#include "gicsim-rec.h"

/*
 * An access the host cannot emulate (ISV=0): the realm path without the
 * vGIC's dispatch and handler, plus the synchronous external abort the
 * RMM injects on the entry, taken to cost one exception entry (an
 * assumption: no published figure for an injected exception).
 */
static uint64_t realm_unemulated_cycles(const GicsimCostModel *m)
{
    return m->total32 - m->step32[GICSIM_STEP_VGIC_DISPATCH] -
           m->step32[GICSIM_STEP_VGIC_HANDLER] +
           m->step32[GICSIM_STEP_EXCEPTION_ENTRY];
}

static void realm_hook(void *opaque, GicsimRealmShimEvent ev,
                       const GicsimRecStep *step, bool ok)
{
    GicsimCostAccount *a = opaque;

    switch (ev) {
    case GICSIM_REALM_SHIM_DEVICE_ENTER:
        gicsim_cost_select(a, &a->realm);
        a->realm_forwarded++;
        break;
    case GICSIM_REALM_SHIM_DEVICE_LEAVE:
        gicsim_cost_select(a, &a->direct);
        break;
    case GICSIM_REALM_SHIM_DONE:
        a->realm_accesses++;
        /* exited to the host, which took nothing to the device */
        if (step->rmm == GICSIM_RMM_EXIT_TO_HOST && !step->mmio.len) {
            a->realm_unemulated++;
            if (a->charge) {
                icount_add_ns(llround(gicsim_cost_ns(&a->realm.model,
                              realm_unemulated_cycles(&a->realm.model))));
            }
        }
        break;
    }
}

/* The shim @obj, if it is in front of one of @sim's regions */
static GicsimRealmShim *our_shim(Object *obj, GICv3SimState *sim)
{
    GicsimRealmShim *shim = (GicsimRealmShim *)
        object_dynamic_cast(obj, TYPE_GICSIM_REALM_SHIM);

    if (shim && shim->target &&
        memory_region_owner(shim->target) == OBJECT(sim)) {
        return shim;
    }
    return NULL;
}

/*
 * The realm's stage 2 spans the realm's IPA space (the shim's ipa-bits,
 * virt's realm-ipa-bits), so unless cost-ipa-bits is set the realm path
 * walks a stage 2 of that size, with the same granule.
 */
static void realm_geometry(GicsimCostAccount *a, GicsimRealmShim *shim)
{
    const GicsimCostModel *m = &a->realm.model;
    GicsimStage2Geom geom;

    if (a->ipa_bits || shim->ipa_bits == m->geom.ipa_bits ||
        !gicsim_stage2_geom_kvm(shim->ipa_bits, m->geom.granule, &geom,
                                NULL)) {
        return;
    }
    gicsim_cost_table_init(&a->realm, a->profile, GICSIM_PATH_REALM, &geom);
}

static int attach_one(Object *obj, void *opaque)
{
    GICv3SimState *sim = opaque;
    GicsimRealmShim *shim = our_shim(obj, sim);

    if (shim && !shim->hook) {
        if (!sim->cost->realm_shims) {
            realm_geometry(sim->cost, shim);
        }
        gicsim_realm_shim_set_hook(shim, realm_hook, sim->cost);
        sim->cost->realm_shims++;
    }
    return 0;
}

static int detach_one(Object *obj, void *opaque)
{
    GICv3SimState *sim = opaque;
    GicsimRealmShim *shim = our_shim(obj, sim);

    if (shim && shim->hook == realm_hook) {
        gicsim_realm_shim_set_hook(shim, NULL, NULL);
    }
    return 0;
}

static void machine_done(Notifier *n, void *data)
{
    GicsimCostAccount *a = container_of(n, GicsimCostAccount, init_done);

    object_child_foreach_recursive(object_get_root(), attach_one, a->owner);
}

void gicsim_cost_realm_attach(GICv3SimState *sim)
{
    GicsimCostAccount *a = sim->cost;

    a->init_done.notify = machine_done;
    qemu_add_machine_init_done_notifier(&a->init_done);
}

void gicsim_cost_realm_detach(GICv3SimState *sim)
{
    GicsimCostAccount *a = sim->cost;

    if (a->init_done.notify) {
        qemu_remove_machine_init_done_notifier(&a->init_done);
        a->init_done.notify = NULL;
        object_child_foreach_recursive(object_get_root(), detach_one, sim);
        a->realm_shims = 0;
        gicsim_cost_select(a, &a->direct);
    }
}

void gicsim_cost_realm_stats(GICv3SimState *sim, QDict *top)
{
    GicsimCostAccount *a = sim->cost;
    QDict *r;

    if (!a->realm_shims) {
        return;
    }
    r = gicsim_cost_table_stats(&a->realm);
    qdict_put_int(r, "ipa-bits", a->realm.model.geom.ipa_bits);
    qdict_put_int(r, "stage2-levels", a->realm.model.geom.levels);
    qdict_put_int(r, "shims", a->realm_shims);
    qdict_put_int(r, "shim-accesses", a->realm_accesses);
    qdict_put_int(r, "not-forwarded", a->realm_accesses - a->realm_forwarded);
    qdict_put_int(r, "unemulated", a->realm_unemulated);
    qdict_put_int(r, "cycles-per-unemulated-access",
                  realm_unemulated_cycles(&a->realm.model));
    qdict_put_int(r, "unemulated-cycles",
                  a->realm_unemulated *
                  realm_unemulated_cycles(&a->realm.model));
    qdict_put(top, "realm", r);
}
