/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: cost accounting and its properties (see
 * gicsim-cost-account.h and docs/cost.rst).
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qapi/visitor.h"
#include "qobject/qjson.h"
#include "qobject/qnum.h"
#include "qobject/qstring.h"
#include "qobject/qbool.h"
#include "qobject/qlist.h"
#include "hw/qdev-core.h"
#include "system/system.h"
#include "gicsim-compat.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"
#include "trace.h"

#define DEFAULT_PROFILE "ampere-altra"
#define DEFAULT_PATH "kvm-vgic-vhe"

static GicsimCostAccount *account(Object *obj)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);

    if (!sim->cost) {
        sim->cost = g_new0(GicsimCostAccount, 1);
        sim->cost->on = true;
        sim->cost->cur = &sim->cost->direct;
    }
    return sim->cost;
}

/* Properties may change only until the device is realized. */
static bool settable(Object *obj, const char *name, Error **errp)
{
    if (DEVICE(obj)->realized) {
        error_setg(errp, "arm-gicv3-sim: property '%s' cannot be changed "
                   "after the device is realized", name);
        return false;
    }
    return true;
}

#define STR_PROP(field, prop, dflt)                                        \
    static char *get_##field(Object *obj, Error **errp)                    \
    {                                                                      \
        GicsimCostAccount *a = account(obj);                               \
        return g_strdup(a->field ?: (dflt));                               \
    }                                                                      \
    static void set_##field(Object *obj, const char *v, Error **errp)      \
    {                                                                      \
        if (settable(obj, prop, errp)) {                                   \
            GicsimCostAccount *a = account(obj);                           \
            g_free(a->field);                                              \
            a->field = g_strdup(v);                                        \
        }                                                                  \
    }

STR_PROP(profile_name, "cost-profile", DEFAULT_PROFILE)
STR_PROP(path_name, "cost-path", DEFAULT_PATH)
STR_PROP(granule_name, "cost-granule", "")
STR_PROP(stats_file, "cost-stats-file", "")

static bool get_on(Object *obj, Error **errp)
{
    return account(obj)->on;
}

static void set_on(Object *obj, bool v, Error **errp)
{
    if (settable(obj, "cost-accounting", errp)) {
        account(obj)->on = v;
    }
}

static bool get_charge(Object *obj, Error **errp)
{
    return account(obj)->charge;
}

static void set_charge(Object *obj, bool v, Error **errp)
{
    if (settable(obj, "charge-time", errp)) {
        account(obj)->charge = v;
    }
}

/* 0 until realize when not set: it then comes from the CPU */
static void get_ipa(Object *obj, Visitor *v, const char *name,
                    void *opaque, Error **errp)
{
    GicsimCostAccount *a = account(obj);
    uint32_t val = a->ipa_bits ?: a->direct.model.geom.ipa_bits;

    visit_type_uint32(v, name, &val, errp);
}

static void set_ipa(Object *obj, Visitor *v, const char *name,
                    void *opaque, Error **errp)
{
    uint32_t val;

    if (settable(obj, name, errp) && visit_type_uint32(v, name, &val, errp)) {
        account(obj)->ipa_bits = val;
    }
}

static void get_stats(Object *obj, Visitor *v, const char *name,
                      void *opaque, Error **errp)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);
    QObject *o;

    if (!DEVICE(obj)->realized || !sim->cost || !sim->cost->profile) {
        error_setg(errp, "arm-gicv3-sim: cost-stats: the device is not "
                   "realized or cost-accounting is off");
        return;
    }
    o = QOBJECT(gicsim_cost_stats(sim));
    visit_type_any(v, name, &o, errp);
    qobject_unref(o);
}

/* qom-set cost-reset true: zero the counters */
static bool get_reset(Object *obj, Error **errp)
{
    return false;
}

static void set_reset(Object *obj, bool v, Error **errp)
{
    GicsimCostAccount *a = account(obj);

    if (v) {
        memset(a->direct.count, 0, sizeof(a->direct.count));
        memset(a->realm.count, 0, sizeof(a->realm.count));
        a->realm_accesses = 0;
        a->realm_forwarded = 0;
        a->realm_unemulated = 0;
        gicsim_cost_events_reset(ARM_GICV3_SIM(obj));
    }
}

void gicsim_cost_class_init(ObjectClass *klass)
{
    g_autofree char *path_help = NULL;

    object_class_property_add_bool(klass, "cost-accounting", get_on, set_on);
    object_class_property_set_description(klass, "cost-accounting",
        "count accesses and model their cost (default on)");
    object_class_property_add_str(klass, "cost-profile", get_profile_name,
                                  set_profile_name);
    object_class_property_set_description(klass, "cost-profile",
        "cost profile: a shipped name (ampere-altra, kunpeng-920, "
        "phytium-s2500) or a file path");
    object_class_property_add_str(klass, "cost-path", get_path_name,
                                  set_path_name);
    path_help = g_strdup_printf("execution path: %s",
                                gicsim_cost_path_names());
    object_class_property_set_description(klass, "cost-path", path_help);
    object_class_property_add_bool(klass, "charge-time", get_charge,
                                   set_charge);
    object_class_property_set_description(klass, "charge-time",
        "add each access's modelled cost to guest time (needs -icount)");
    object_class_property_add(klass, "cost-ipa-bits", "uint32", get_ipa,
                              set_ipa, NULL, NULL);
    object_class_property_set_description(klass, "cost-ipa-bits",
        "IPA size of the modelled VM's stage 2 (32-52; default: the "
        "CPU's physical address size, at most 48 with 4k/16k)");
    object_class_property_add_str(klass, "cost-granule", get_granule_name,
                                  set_granule_name);
    object_class_property_set_description(klass, "cost-granule",
        "stage-2 translation granule: 4k, 16k, 64k (default: the first "
        "of 4k, 64k, 16k the CPU supports at stage 2)");
    object_class_property_add_str(klass, "cost-stats-file", get_stats_file,
                                  set_stats_file);
    object_class_property_set_description(klass, "cost-stats-file",
        "write the cost statistics as JSON to this file at exit");
    object_class_property_add(klass, "cost-stats", "any", get_stats,
                              NULL, NULL, NULL);
    object_class_property_set_description(klass, "cost-stats",
        "access counts and modelled cost, per register and step (JSON)");
    object_class_property_add_bool(klass, "cost-reset", get_reset,
                                   set_reset);
    object_class_property_set_description(klass, "cost-reset",
        "set to true to zero the cost statistics");
}

/* ---- statistics ---- */

/*
 * "step-sources": where each step's cost comes from, the profile's tag
 * and note of its key (the derived walks: walk-step's), so that no
 * reader takes an assumed split for a measured one (docs/cost.rst)
 */
static QDict *step_sources(const GicsimCostProfile *p)
{
    QDict *d = qdict_new();
    unsigned s;

    for (s = 0; s < GICSIM_STEP__COUNT; s++) {
        const GicsimCostValue *v = s == GICSIM_STEP_STAGE2_WALK ||
                                   s == GICSIM_STEP_TLB_MISS ? &p->walk_step
                                                             : &p->step[s];
        QDict *e;

        if (!v->set) {
            continue;
        }
        e = qdict_new();
        qdict_put_str(e, "source", gicsim_cost_source_name(v->source));
        qdict_put_str(e, "note", v->note ? v->note : "");
        if (v == &p->walk_step) {
            qdict_put_str(e, "from", "walk-step");
        }
        qdict_put(d, gicsim_cost_step_name(s), e);
    }
    return d;
}

QDict *gicsim_cost_stats(GICv3SimState *sim)
{
    GicsimCostAccount *a = sim->cost;
    const GicsimCostModel *m = &a->direct.model;
    QDict *top = gicsim_cost_table_stats(&a->direct);

    qdict_put_str(top, "profile", a->profile->name);
    qdict_put_str(top, "profile-file", a->profile->file);
    qdict_put_int(top, "clock-mhz", m->clock_mhz);
    qdict_put_int(top, "ipa-bits", m->geom.ipa_bits);
    qdict_put_str(top, "ipa-bits-from", a->ipa_from);
    qdict_put_int(top, "granule", m->geom.granule);
    qdict_put_str(top, "granule-from", a->granule_from);
    qdict_put_int(top, "stage2-levels", m->geom.levels);
    qdict_put_int(top, "stage1-levels", m->s1_levels);
    qdict_put_int(top, "tlb-miss-interval", m->tlb_interval);
    qdict_put_bool(top, "charge-time", a->charge);
    qdict_put(top, "step-sources", step_sources(a->profile));
    gicsim_cost_events_stats(sim, top);
    gicsim_cost_realm_stats(sim, top);
    return top;
}

static void write_stats_file(Notifier *n, void *data)
{
    GicsimCostAccount *a = container_of(n, GicsimCostAccount, exit_notifier);
    GICv3SimState *sim = a->owner;
    QDict *d = gicsim_cost_stats(sim);
    GString *json = qobject_to_json_pretty(QOBJECT(d), true);
    GError *err = NULL;

    g_string_append_c(json, '\n');
    if (!g_file_set_contents(a->stats_file, json->str, json->len, &err)) {
        error_report("arm-gicv3-sim: cost-stats-file: %s", err->message);
        g_error_free(err);
    }
    g_string_free(json, true);
    qobject_unref(d);
}

/* ---- realize ---- */

bool gicsim_cost_realize(GICv3SimState *sim, Error **errp)
{
    GicsimCostAccount *a = account(OBJECT(sim));
    GError *err = NULL;
    GicsimStage2Geom geom;
    unsigned granule, ipa_bits;
    const char *cpu_from = NULL;
    bool have_cpu;
    int path;

    a->owner = sim;
    if (!a->on) {
        if (a->charge) {
            error_setg(errp, "arm-gicv3-sim: charge-time=on needs "
                       "cost-accounting=on");
            return false;
        }
        return true;
    }
    path = gicsim_cost_path_parse(a->path_name ?: DEFAULT_PATH);
    if (path < 0) {
        error_setg(errp, "arm-gicv3-sim: cost-path '%s' is not a path",
                   a->path_name);
        error_append_hint(errp, "Valid paths are: %s\n",
                          gicsim_cost_path_names());
        return false;
    }
    /*
     * Unset, the IPA size and granule come from the machine's CPU (its
     * ID_AA64MMFR0_EL1), else KVM's defaults; a property wins.
     */
    have_cpu = gicsim_cost_cpu_defaults(&ipa_bits, &granule, &cpu_from);
    if (!have_cpu) {
        ipa_bits = GICSIM_COST_DEFAULT_IPA;
        granule = GICSIM_COST_DEFAULT_GRANULE;
        cpu_from = "default";
    }
    a->ipa_from = a->ipa_bits ? "property" : cpu_from;
    a->granule_from = a->granule_name && *a->granule_name ? "property"
                                                          : cpu_from;
    if (a->granule_name && *a->granule_name) {
        granule = gicsim_granule_parse(a->granule_name);
        if (!granule) {
            error_setg(errp, "arm-gicv3-sim: cost-granule '%s' is not a "
                       "granule (4k, 16k or 64k)", a->granule_name);
            return false;
        }
    }
    if (a->ipa_bits) {
        ipa_bits = a->ipa_bits;
    } else if (have_cpu) {
        /*
         * 52 bits need FEAT_LPA2 with 4K and 16K pages, which the
         * geometry does not model: the default stops at 48 there.
         */
        ipa_bits = gicsim_stage2_default_ipa(ipa_bits, granule);
    }
    if (!gicsim_stage2_geom_kvm(ipa_bits, granule, &geom, &err)) {
        error_setg(errp, "arm-gicv3-sim: cost-ipa-bits=%u (%s), "
                   "cost-granule=%uk (%s): %s", ipa_bits, a->ipa_from,
                   granule / 1024, a->granule_from, err->message);
        g_error_free(err);
        return false;
    }
    a->profile = gicsim_cost_profile_load(a->profile_name ?: DEFAULT_PROFILE,
                                          &err);
    if (!a->profile) {
        error_setg(errp, "arm-gicv3-sim: cost-profile: %s", err->message);
        g_error_free(err);
        return false;
    }
    if (a->charge && !icount_enabled()) {
        error_setg(errp, "arm-gicv3-sim: charge-time=on needs -icount "
                   "(guest time is only virtual with instruction counting)");
        return false;
    }
    gicsim_cost_table_init(&a->direct, a->profile, path, &geom);
    gicsim_cost_table_init(&a->realm, a->profile, GICSIM_PATH_REALM, &geom);
    gicsim_cost_select(a, &a->direct);
    if (a->stats_file && *a->stats_file) {
        a->exit_notifier.notify = write_stats_file;
        qemu_add_exit_notifier(&a->exit_notifier);
    }
    gicsim_cost_realm_attach(sim);
    gicsim_cost_events_attach(sim);
    return true;
}

void gicsim_cost_unrealize(GICv3SimState *sim)
{
    GicsimCostAccount *a = sim->cost;

    if (a->exit_notifier.notify) {
        qemu_remove_exit_notifier(&a->exit_notifier);
        a->exit_notifier.notify = NULL;
    }
    gicsim_cost_realm_detach(sim);
    gicsim_cost_events_detach(sim);
    gicsim_cost_profile_free(a->profile);
    a->profile = NULL;
}

/*
 * charge-time=on: the access takes its modelled time in the guest's
 * virtual clock (patches/0006: icount_add_ns).  realize made sure icount
 * is on.
 */
void gicsim_cost_charge(GicsimCostTable *t, unsigned id, bool wide)
{
    const uint64_t *c = t->count[id];
    uint64_t nth = c[GICSIM_CNT_READ] + c[GICSIM_CNT_WRITE] +
                   c[GICSIM_CNT_READ64] + c[GICSIM_CNT_WRITE64];

    icount_add_ns(t->charge_ns[wide] +
                  (gicsim_cost_tlb_miss(&t->model, nth) ? t->miss_ns : 0));
}

/*
 * The gicsim_access_cost trace event (scripts/timeline.py): the access's
 * virtual time and the modelled cost of one access of its width on the
 * current path, a TLB miss's share left out.
 */
void gicsim_cost_trace(GICv3SimState *sim, const char *frame, int cpu,
                       unsigned id, unsigned index, unsigned size,
                       bool is_write, uint64_t value)
{
    GicsimCostAccount *a = sim->cost;
    const GicsimCostModel *m = &a->cur->model;
    uint64_t cycles = a->on ? (size == 8 ? m->total64 : m->total32) : 0;

    trace_gicsim_access_cost(gicsim_clock_now(sim), frame, cpu,
                             gicsim_regs[id].name, index, is_write, value,
                             cycles, llround(gicsim_cost_ns(m, cycles) * 1000),
                             gicsim_cost_path_name(m->path));
}
