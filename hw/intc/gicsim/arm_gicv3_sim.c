/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: QOM device.  A subclass of arm-gicv3 that keeps QEMU's
 * GICv3 CPU interface, ITS interface, LPI machinery and migration state,
 * and replaces the distributor and redistributor MMIO with gicsim's own
 * table-driven register model (gicsim-dispatch.c).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/error-report.h"
#include "qapi/util.h"
#include "qemu/module.h"
#include "hw/qdev-properties.h"
#include "migration/vmstate.h"
#include "qapi/visitor.h"
#include "hw/intc/intc.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"

/* GPIO inputs: [0, num_irq - 32) SPIs, then 32 PPIs per CPU */
static void gicsim_set_irq(void *opaque, int irq, int level)
{
    GICv3State *s = opaque;
    int nspi = s->num_irq - GIC_INTERNAL;

    if (irq < nspi) {
        gicsim_dist_set_irq(s, irq + GIC_INTERNAL, level);
        return;
    }
    irq -= nspi;
    if (irq / GIC_INTERNAL < s->num_cpu && irq % GIC_INTERNAL >= GIC_NR_SGIS) {
        gicsim_redist_set_irq(&s->cpu[irq / GIC_INTERNAL],
                              irq % GIC_INTERNAL, level);
    }
}

static bool handlers_complete(Error **errp)
{
    unsigned id;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        if (!gicsim_regs[id].read || !gicsim_regs[id].write) {
            error_setg(errp, "arm-gicv3-sim: no handler for register %s",
                       gicsim_regs[id].name);
            return false;
        }
    }
    return true;
}

/* A redistributor's writes in flight (gicsim-effects.c) */
static const VMStateDescription vmstate_gicsim_rfx = {
    .name = "arm-gicv3-sim/redist-writes",
    .version_id = 1,
    .minimum_version_id = 1,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(agenda.pending, GicsimRedistFx),
        VMSTATE_UINT32(gicr_ctlr, GicsimRedistFx),
        VMSTATE_UINT32(disable, GicsimRedistFx),
        VMSTATE_UINT32(lpi_op, GicsimRedistFx),
        VMSTATE_UINT32(lpi_intid, GicsimRedistFx),
        VMSTATE_INT64_ARRAY(agenda.deadline, GicsimRedistFx,
                            GICSIM_FX_SLOTS),
        VMSTATE_END_OF_LIST()
    },
};

static bool writes_in_flight(void *opaque)
{
    GICv3SimState *sim = opaque;
    unsigned i;

    if (sim->fx.pending) {
        return true;
    }
    for (i = 0; i < sim->num_pwrr; i++) {
        if (sim->rfx[i].agenda.pending) {
            return true;
        }
    }
    return false;
}

static bool writes_in_flight_ok(void *opaque, int version_id)
{
    GICv3SimState *sim = opaque;
    unsigned i;

    /* Every pending bit names a kind of write this version knows */
    if (sim->fx.pending & ~MAKE_64BIT_MASK(0, GICSIM_FX_GICR_CTLR)) {
        return false;
    }
    for (i = 0; i < sim->num_pwrr; i++) {
        if ((sim->rfx[i].agenda.pending &
             ~MAKE_64BIT_MASK(0, GICSIM_FX__COUNT)) ||
            sim->rfx[i].lpi_op > GICSIM_LPI_CLEAR) {
            return false;
        }
    }
    return true;
}

/* Writes in flight, sent only while there are some */
static const VMStateDescription vmstate_gicsim_writes = {
    .name = "arm-gicv3-sim/writes-in-flight",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = writes_in_flight,
    .fields = (const VMStateField[]) {
        VMSTATE_UINT32(fx.pending, GICv3SimState),
        VMSTATE_UINT32(fx_gicd_ctlr, GICv3SimState),
        VMSTATE_UINT32_ARRAY(fx_gicd_disable, GICv3SimState,
                             GICV3_MAXIRQ / 32),
        VMSTATE_INT64_ARRAY(fx.deadline, GICv3SimState, GICSIM_FX_SLOTS),
        VMSTATE_STRUCT_VARRAY_POINTER_UINT32(rfx, GICv3SimState, num_pwrr,
                                             vmstate_gicsim_rfx,
                                             GicsimRedistFx),
        VMSTATE_VALIDATE("writes in flight are known kinds",
                         writes_in_flight_ok),
        VMSTATE_END_OF_LIST()
    },
};

/*
 * Migration.  Everything but GICR_PWRR and the writes in flight is in
 * GICv3State, in the section stock QEMU's GIC sends too ("arm_gicv3"), so
 * the two models can migrate to each other (docs/device.rst,
 * "Migration").  Our own section follows it (priority MIG_PRI_DEFAULT <
 * MIG_PRI_GICV3) and is sent only when its state differs from what a
 * stock GIC would have: some redistributor of a GIC-600/700 profile is
 * not powered up, or some write is still in flight (docs/timing.rst).  So
 * an incoming stream without it, from stock QEMU or from a quiet model
 * whose redistributors are all up, means "powered, nothing in flight",
 * which gicsim_post_load() sets before our section, if any, overwrites it.
 */
#define PWRR_STATE_MASK (R_GICSIM_GICR_PWRR_RDPD_MASK | \
                         R_GICSIM_GICR_PWRR_RDGPD_MASK | \
                         R_GICSIM_GICR_PWRR_RDGPO_MASK)

static bool gicsim_vmstate_needed(void *opaque)
{
    GICv3SimState *sim = opaque;
    unsigned i;

    if (writes_in_flight(sim)) {
        return true;
    }
    if (!sim->profile->has_pwrr) {
        return false;
    }
    for (i = 0; i < sim->num_pwrr; i++) {
        if (sim->gicr_pwrr[i] & PWRR_STATE_MASK) {
            return true;
        }
    }
    return false;
}

/* A migration stream is input too: refuse what the device cannot hold */
static int gicsim_vmstate_post_load(void *opaque, int version_id)
{
    GICv3SimState *sim = opaque;
    unsigned i;

    for (i = 0; i < sim->num_pwrr; i++) {
        uint32_t v = sim->gicr_pwrr[i];
        bool rdpd = FIELD_EX32(v, GICSIM_GICR_PWRR, RDPD);
        bool rdgpd = FIELD_EX32(v, GICSIM_GICR_PWRR, RDGPD);
        bool rdgpo = FIELD_EX32(v, GICSIM_GICR_PWRR, RDGPO);
        bool moving = sim->rfx[i].agenda.pending & (1u << GICSIM_FX_PWRR);

        /*
         * Only RDPD, RDGPD and RDGPO are state; each redistributor is its
         * own power group (RDGPD == RDPD), and RDGPO differs from RDGPD
         * only while a power transition is in flight.
         */
        if ((v & ~PWRR_STATE_MASK) || rdgpd != rdpd ||
            (rdgpo != rdgpd && !moving)) {
            error_report("arm-gicv3-sim: migration stream field "
                         "gicr_pwrr[%u] (GICR_PWRR of CPU %u) is 0x%" PRIx32
                         ": not a power state (RDPD == RDGPD, RDGPO == "
                         "RDGPD unless a transition is in flight, no "
                         "other bit)", i, i, v);
            return -EINVAL;
        }
    }
    gicsim_clock_post_load(sim);
    gicsim_update_all_routing(&sim->parent_obj);
    gicv3_full_update_noirqset(&sim->parent_obj);
    return 0;
}

static const VMStateDescription vmstate_gicsim = {
    .name = "arm-gicv3-sim",
    .version_id = 1,
    .minimum_version_id = 1,
    .needed = gicsim_vmstate_needed,
    .post_load = gicsim_vmstate_post_load,
    .fields = (const VMStateField[]) {
        VMSTATE_VARRAY_UINT32(gicr_pwrr, GICv3SimState, num_pwrr, 0,
                              vmstate_info_uint32, uint32_t),
        VMSTATE_END_OF_LIST()
    },
    .subsections = (const VMStateDescription * const []) {
        &vmstate_gicsim_writes,
        NULL
    },
};

/*
 * strict: which accesses are bus errors (docs/device.rst).  "on" and
 * "off" (and QEMU's other boolean spellings) as the boolean it was.
 */
static bool parse_strict(GICv3SimState *sim, Error **errp)
{
    const char *v = sim->strict_name ?: "off";
    bool on;

    sim->pedantic = !strcmp(v, "pedantic");
    if (sim->pedantic) {
        sim->strict = true;
        return true;
    }
    if (!qapi_bool_parse("strict", v, &on, NULL)) {
        error_setg(errp, "arm-gicv3-sim: invalid strict value '%s'", v);
        error_append_hint(errp, "Valid values are: off, on, pedantic\n");
        return false;
    }
    sim->strict = on;
    return true;
}

static void gicsim_realize(DeviceState *dev, Error **errp)
{
    GICv3SimState *sim = ARM_GICV3_SIM(dev);
    GICv3State *s = &sim->parent_obj;
    ARMGICv3Class *agc = ARM_GICV3_GET_CLASS(s);
    Error *local_err = NULL;

    sim->profile = gicsim_profile_find(sim->profile_name ?: "qemu");
    if (!sim->profile) {
        error_setg(errp, "arm-gicv3-sim: unknown profile '%s'",
                   sim->profile_name);
        error_append_hint(errp, "Valid profiles are: %s\n",
                          gicsim_profile_names());
        return;
    }
    if (!parse_strict(sim, errp) || !handlers_complete(errp) ||
        !gicsim_effects_configure(sim, errp)) {
        return;
    }
    if (!gicsim_cost_realize(sim, errp)) {
        return;
    }

    /*
     * arm-gicv3's own realize would install QEMU's distributor and
     * redistributor MMIO; call the common realize it wraps instead.
     */
    agc->parent_realize(dev, &local_err);
    if (local_err) {
        error_propagate(errp, local_err);
        return;
    }

    if (!gicsim_routing_init(sim, errp)) {
        return;
    }
    sim->num_pwrr = s->num_cpu;
    sim->gicr_pwrr = g_new0(uint32_t, s->num_cpu);
    sim->rfx = g_new0(GicsimRedistFx, s->num_cpu);
    gicsim_effects_init(sim);

    gicsim_gicd_typer_init(sim);
    if (!gicsim_build_dispatch(sim, errp)) {
        return;
    }
    gicv3_init_irqs_and_mmio(s, gicsim_set_irq, gicsim_mmio_ops(sim));
    gicv3_init_cpuif(s);
    vmstate_register_any(VMSTATE_IF(dev), &vmstate_gicsim, sim);
}

static void gicsim_unrealize(DeviceState *dev)
{
    GICv3SimState *sim = ARM_GICV3_SIM(dev);

    vmstate_unregister(VMSTATE_IF(dev), &vmstate_gicsim, sim);
    gicsim_cost_unrealize(sim);
    g_free(sim->routes);
    g_free(sim->checked_routes);
    gicsim_clock_finalize(sim);
    g_free(sim->gicr_pwrr);
    g_free(sim->rfx);
    gicsim_routing_finalize(sim);
}

static void gicsim_reset_hold(Object *obj, ResetType type)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);
    GICv3SimClass *gc = ARM_GICV3_SIM_GET_CLASS(obj);

    bool powered;
    unsigned i;

    if (gc->parent_phases.hold) {
        gc->parent_phases.hold(obj, type);
    }
    /* Nothing is in flight after reset */
    gicsim_effects_reset(sim);
    /*
     * GIC-600/700 redistributors come out of reset powered down (RDPD,
     * RDGPD and RDGPO set), and EL3 firmware powers them up
     * (docs/timing.rst, "Firmware").  Where nothing can do that, the
     * model does it at reset: when QEMU starts a kernel itself, and on a
     * machine without EL3 (the GIC has no Security extension, as virt's
     * secure=off), where no software could write the Secure-only
     * GICR_PWRR of a GIC with two Security states.
     */
    powered = sim->direct_boot || !sim->parent_obj.security_extn;
    for (i = 0; i < sim->num_pwrr; i++) {
        sim->gicr_pwrr[i] = powered ? 0 :
            R_GICSIM_GICR_PWRR_RDPD_MASK | R_GICSIM_GICR_PWRR_RDGPD_MASK |
            R_GICSIM_GICR_PWRR_RDGPO_MASK;
    }
    /*
     * Where the profile's asleep redistributors hold their interrupts,
     * EL3 firmware also wakes the boot CPU's before it hands over (TF-A's
     * gicv3_cpuif_enable() marks the core awake; each other core's when
     * it comes on): the stand-in does that for CPU 0, so that a boot
     * loader that never touches GICR_WAKER (Debian's EDK2) gets its timer
     * interrupt, as it would after TF-A.
     */
    if (powered && sim->profile->sleep_holds) {
        sim->parent_obj.cpu[0].gicr_waker = 0;
    }
    gicsim_update_all_routing(&sim->parent_obj);
}

static void gicsim_post_load(GICv3State *s)
{
    GICv3SimState *sim = ARM_GICV3_SIM(s);
    GICv3SimClass *gc = ARM_GICV3_SIM_GET_CLASS(s);

    /*
     * Powered up, as stock QEMU's redistributors always are; our own
     * section, loaded after this one when the source sent it, overwrites
     * it (gicsim_vmstate_needed()).
     */
    memset(sim->gicr_pwrr, 0, sizeof(*sim->gicr_pwrr) * sim->num_pwrr);
    gc->parent_post_load(s);
    /* The parent rebuilt the routing cache by affinity only; add 1-of-N */
    gicsim_update_all_routing(s);
    gicv3_full_update_noirqset(s);
}

static void gicsim_linux_init(ARMLinuxBootIf *obj, bool secure_boot)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);
    GICv3SimClass *gc = ARM_GICV3_SIM_GET_CLASS(obj);

    gc->parent_linux_init(obj, secure_boot);
    /*
     * A kernel started directly in Non-secure state expects firmware to
     * have powered the redistributors up (GIC-600/GIC-700 GICR_PWRR).
     */
    sim->direct_boot = !secure_boot;
}

static const Property gicsim_properties[] = {
    DEFINE_PROP_STRING("profile", GICv3SimState, profile_name),
    DEFINE_PROP_STRING("strict", GICv3SimState, strict_name),
    /* Durations in ns; unset: the profile's (docs/timing.rst) */
    DEFINE_PROP_UINT32("rwp-ns", GICv3SimState, rwp_ns, UINT32_MAX),
    DEFINE_PROP_UINT32("waker-ns", GICv3SimState, waker_ns, UINT32_MAX),
    DEFINE_PROP_UINT32("pwrr-ns", GICv3SimState, pwrr_ns, UINT32_MAX),
    DEFINE_PROP_UINT32("syncr-ns", GICv3SimState, syncr_ns, UINT32_MAX),
};

/*
 * The help of the properties above (-device arm-gicv3-sim,help), one
 * line each; the profile names come from the profiles themselves.
 */
static const struct {
    const char *name;
    const char *help;
} gicsim_property_help[] = {
    { "strict", "which undefined accesses are bus errors: off (default: "
                "RAZ/WI, logged), on, or pedantic (also writes to RO and "
                "reads of WO registers)" },
    { "rwp-ns", "ns until a write tracked by GICD_CTLR.RWP/GICR_CTLR.RWP "
                "completes (0-1000000000; 4294967295, unset: the profile's)" },
    { "waker-ns", "ns until GICR_WAKER.ChildrenAsleep follows "
                  "ProcessorSleep (4294967295, unset: the profile's)" },
    { "pwrr-ns", "ns of a GICR_PWRR power-up or power-down (GIC-600/700; "
                 "4294967295, unset: the profile's)" },
    { "syncr-ns", "ns a GICR_INVLPIR/INVALLR/CLRLPIR write keeps "
                  "GICR_SYNCR.Busy set (4294967295, unset: the profile's)" },
};

static void gicsim_describe_properties(ObjectClass *klass)
{
    g_autofree char *profile =
        g_strdup_printf("implementation profile: %s (default qemu)",
                        gicsim_profile_names());
    unsigned i;

    object_class_property_set_description(klass, "profile", profile);
    for (i = 0; i < ARRAY_SIZE(gicsim_property_help); i++) {
        object_class_property_set_description(klass,
                                              gicsim_property_help[i].name,
                                              gicsim_property_help[i].help);
    }
}

static void gicsim_get_did_not_wait(Object *obj, Visitor *v,
                                    const char *name, void *opaque,
                                    Error **errp)
{
    uint64_t n = ARM_GICV3_SIM(obj)->did_not_wait;

    visit_type_uint64(v, name, &n, errp);
}

static void gicsim_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);
    ResettableClass *rc = RESETTABLE_CLASS(klass);
    ARMGICv3CommonClass *agcc = ARM_GICV3_COMMON_CLASS(klass);
    ARMLinuxBootIfClass *albifc = ARM_LINUX_BOOT_IF_CLASS(klass);
    GICv3SimClass *gc = ARM_GICV3_SIM_CLASS(klass);

    /* Replaces arm_gicv3's realize; ARMGICv3Class.parent_realize stays */
    dc->realize = gicsim_realize;
    dc->unrealize = gicsim_unrealize;
    dc->desc = "ARM GICv3/v4 with gicsim's distributor and redistributor";
    device_class_set_props(dc, gicsim_properties);
    gicsim_describe_properties(klass);
    object_class_property_add(klass, "did-not-wait", "uint64",
                              gicsim_get_did_not_wait, NULL, NULL, NULL);
    object_class_property_set_description(klass, "did-not-wait",
        "Accesses that did not wait for a write in flight to complete");
    gicsim_cost_class_init(klass);
    gicsim_info_class_init(klass);
    resettable_class_set_parent_phases(rc, NULL, gicsim_reset_hold, NULL,
                                       &gc->parent_phases);
    gc->parent_post_load = agcc->post_load;
    agcc->post_load = gicsim_post_load;
    gc->parent_linux_init = albifc->arm_linux_init;
    albifc->arm_linux_init = gicsim_linux_init;
}

static void gicsim_instance_init(Object *obj)
{
    gicsim_info_instance_init(ARM_GICV3_SIM(obj));
}

static const TypeInfo gicsim_info = {
    .name = TYPE_ARM_GICV3_SIM,
    .parent = TYPE_ARM_GICV3,
    .instance_size = sizeof(GICv3SimState),
    .instance_init = gicsim_instance_init,
    .class_init = gicsim_class_init,
    .class_size = sizeof(GICv3SimClass),
    .interfaces = (InterfaceInfo[]) {
        /* "info pic" (gicsim-info.c) */
        { TYPE_INTERRUPT_STATS_PROVIDER },
        { }
    },
};

static void gicsim_register_types(void)
{
    type_register_static(&gicsim_info);
}

type_init(gicsim_register_types)
