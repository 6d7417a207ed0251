/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cost model (see gicsim-cost.h and docs/cost.rst): execution paths
 * as lists of steps, cost profiles and their parser.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "gicsim-cost.h"

static const char *const step_names[GICSIM_STEP__COUNT] = {
    [GICSIM_STEP_TLB_MISS] = "tlb-miss-walk",
    [GICSIM_STEP_GIC_ACCESS] = "gic-access",
    [GICSIM_STEP_EXCEPTION_ENTRY] = "exception-entry",
    [GICSIM_STEP_STAGE2_WALK] = "stage2-walk",
    [GICSIM_STEP_WORLD_SWITCH] = "world-switch",
    [GICSIM_STEP_SYSREG] = "sysreg-save-restore",
    [GICSIM_STEP_EXIT_DISPATCH] = "exit-dispatch",
    [GICSIM_STEP_STAGE2_FAULT] = "stage2-fault",
    [GICSIM_STEP_MMIO_DECODE] = "mmio-decode",
    [GICSIM_STEP_VGIC_DISPATCH] = "vgic-dispatch",
    [GICSIM_STEP_VGIC_HANDLER] = "vgic-handler",
    [GICSIM_STEP_VMM_EXIT] = "vmm-exit",
    [GICSIM_STEP_VMM_MMIO] = "vmm-mmio",
    [GICSIM_STEP_REC_EXIT] = "rec-exit",
    [GICSIM_STEP_RMM_EXIT] = "rmm-exit",
    [GICSIM_STEP_EL3_SWITCH] = "el3-switch",
    [GICSIM_STEP_RMM_ENTRY] = "rmm-entry",
    [GICSIM_STEP_REC_ENTRY] = "rec-entry",
    [GICSIM_STEP_EXCEPTION_RETURN] = "exception-return",
    [GICSIM_STEP_CPUIF_ACCESS] = "cpuif-access",
    [GICSIM_STEP_SYSREG_DECODE] = "sysreg-decode",
    [GICSIM_STEP_SGI_DISPATCH] = "sgi-dispatch",
    [GICSIM_STEP_ITS_COMMAND] = "its-command",
    [GICSIM_STEP_VCPU_KICK] = "vcpu-kick",
    [GICSIM_STEP_VCPU_WAKE] = "vcpu-wake",
    [GICSIM_STEP_LR_FLUSH] = "lr-flush",
    [GICSIM_STEP_HOST_IRQ] = "host-irq",
};

static const char *const event_names[GICSIM_EV__COUNT] = {
    [GICSIM_EV_SGI] = "sgi",
    [GICSIM_EV_ITS_ACCESS] = "its-access",
    [GICSIM_EV_ITS_COMMAND] = "its-command",
    [GICSIM_EV_DELIVER_RUNNING] = "deliver-running",
    [GICSIM_EV_DELIVER_WFI] = "deliver-wfi",
    [GICSIM_EV_CPUIF] = "cpuif",
};

#define GICSIM_COST_PATH_NAME(e, n, sel, what) [GICSIM_PATH_##e] = n,
static const char *const path_names[GICSIM_PATH__COUNT] = {
    GICSIM_COST_PATHS(GICSIM_COST_PATH_NAME)
};
#undef GICSIM_COST_PATH_NAME

#define GICSIM_COST_PATH_SEL(e, n, sel, what) [GICSIM_PATH_##e] = sel,
static const bool path_selectable[GICSIM_PATH__COUNT] = {
    GICSIM_COST_PATHS(GICSIM_COST_PATH_SEL)
};
#undef GICSIM_COST_PATH_SEL

static const char *const figure_names[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = "hyp_call",
    [GICSIM_FIG_MMIO_READ_VGIC] = "mmio_read_vgic",
    [GICSIM_FIG_MMIO_READ_USER] = "mmio_read_user",
    [GICSIM_FIG_EOI] = "eoi",
    [GICSIM_FIG_IPI] = "ipi",
    [GICSIM_FIG_LPI] = "lpi",
    [GICSIM_FIG_TIMER_10MS] = "timer_10ms",
};

/* Profile keys of the figures */
static const char *const figure_keys[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = "published.hyp-call",
    [GICSIM_FIG_MMIO_READ_VGIC] = "published.mmio-read-vgic",
    [GICSIM_FIG_MMIO_READ_USER] = "published.mmio-read-user",
    [GICSIM_FIG_EOI] = "published.eoi",
    [GICSIM_FIG_IPI] = "published.ipi",
    [GICSIM_FIG_LPI] = "published.lpi",
    [GICSIM_FIG_TIMER_10MS] = "published.timer-10ms",
};

static const GicsimCostPath figure_paths[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = GICSIM_PATH_HYPERCALL,
    [GICSIM_FIG_MMIO_READ_VGIC] = GICSIM_PATH_KVM_VGIC_VHE,
    [GICSIM_FIG_MMIO_READ_USER] = GICSIM_PATH_KVM_USERSPACE,
    [GICSIM_FIG_EOI] = GICSIM_PATH_KVM_VGIC_VHE,
    [GICSIM_FIG_IPI] = GICSIM_PATH_KVM_VGIC_VHE,
    [GICSIM_FIG_LPI] = GICSIM_PATH_KVM_VGIC_VHE,
    [GICSIM_FIG_TIMER_10MS] = GICSIM_PATH_KVM_VGIC_VHE,
};

static const char *const source_names[GICSIM_SRC__COUNT] = {
    [GICSIM_SRC_PUBLISHED] = "published",
    [GICSIM_SRC_MEASURED] = "measured",
    [GICSIM_SRC_FITTED] = "fitted",
    [GICSIM_SRC_ASSUMPTION] = "assumption",
};

/*
 * The paths.  Each entry: a step, how often it occurs per access, and
 * whether it occurs once per handler call (twice for a 64-bit access the
 * path splits into two 32-bit calls, as KVM's vGIC does) or only on an
 * access that misses the TLB (gicsim_cost_tlb_miss()).
 */
typedef struct PathStep {
    GicsimCostStep step;
    uint8_t count;
    bool per_call;
    bool per_miss;
} PathStep;

#define END { GICSIM_STEP__COUNT, 0, false, false }
/*
 * A TLB miss: the guest's load first translates its VA; on a miss the
 * stage-1 walk runs, each of its descriptor addresses an IPA that takes
 * a stage-2 walk.  The access happens before the abort is taken.
 */
#define TLB_MISS { GICSIM_STEP_TLB_MISS, 1, false, true }

static const PathStep path_native[] = {
    TLB_MISS,
    { GICSIM_STEP_GIC_ACCESS, 1, false, false },
    END
};

/*
 * VHE: the host kernel runs at EL2, so the trap lands in the host and the
 * guest's EL1 system registers stay loaded until vcpu_put (deferred).
 */
static const PathStep path_vhe[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_VGIC_DISPATCH, 1, true, false },
    { GICSIM_STEP_VGIC_HANDLER, 1, true, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/*
 * Non-VHE: the world switch runs at EL2 and the host kernel at EL1, so
 * every exit also saves and restores the EL1 system registers, and adds
 * one more exception return (EL2 to the host's EL1) and entry (the host's
 * HVC to run the guest again).
 */
static const PathStep path_nvhe[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 2, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_SYSREG, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_VGIC_DISPATCH, 1, true, false },
    { GICSIM_STEP_VGIC_HANDLER, 1, true, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 2, false, false },
    END
};

/*
 * Userspace irqchip: no in-kernel device claims the address, so KVM_RUN
 * returns to the VMM (KVM_EXIT_MMIO); leaving the ioctl puts the vCPU,
 * which saves the EL1 system registers even with VHE, and the next
 * KVM_RUN loads them again.
 */
static const PathStep path_user[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_SYSREG, 1, false, false },
    { GICSIM_STEP_VMM_EXIT, 1, false, false },
    { GICSIM_STEP_VMM_MMIO, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/*
 * Realm (Arm CCA, DEN0137): the data abort is taken to the RMM at R-EL2,
 * which saves the REC's context and reports the emulatable access in a
 * RecExit; the RMI_REC_ENTER call returns to the host through the EL3
 * monitor (one world switch), the host's KVM emulates the access with
 * its vGIC, and the next RMI_REC_ENTER goes back through EL3 (a second
 * world switch) to the RMM, which completes the read from RecEntry and
 * resumes the realm.
 */
static const PathStep path_realm[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_REC_EXIT, 1, false, false },
    { GICSIM_STEP_RMM_EXIT, 1, false, false },
    { GICSIM_STEP_EL3_SWITCH, 2, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_VGIC_DISPATCH, 1, true, false },
    { GICSIM_STEP_VGIC_HANDLER, 1, true, false },
    { GICSIM_STEP_RMM_ENTRY, 1, false, false },
    { GICSIM_STEP_REC_ENTRY, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/* An HVC from the guest, handled by KVM and returned (VHE host). */
static const PathStep path_hypercall[] = {
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

static const PathStep *const paths[GICSIM_PATH__COUNT] = {
    [GICSIM_PATH_NATIVE] = path_native,
    [GICSIM_PATH_KVM_VGIC_VHE] = path_vhe,
    [GICSIM_PATH_KVM_VGIC_NVHE] = path_nvhe,
    [GICSIM_PATH_KVM_USERSPACE] = path_user,
    [GICSIM_PATH_REALM] = path_realm,
    [GICSIM_PATH_HYPERCALL] = path_hypercall,
};

const char *gicsim_cost_step_name(GicsimCostStep step)
{
    return step < GICSIM_STEP__COUNT ? step_names[step] : "?";
}

const char *gicsim_cost_path_name(GicsimCostPath path)
{
    return path < GICSIM_PATH__COUNT ? path_names[path] : "?";
}

const char *gicsim_cost_figure_name(GicsimCostFigure fig)
{
    return fig < GICSIM_FIG__COUNT ? figure_names[fig] : "?";
}

const char *gicsim_cost_source_name(GicsimCostSource src)
{
    return src < GICSIM_SRC__COUNT ? source_names[src] : "?";
}

GicsimCostPath gicsim_cost_figure_path(GicsimCostFigure fig)
{
    return figure_paths[fig];
}

int gicsim_cost_path_parse(const char *name)
{
    int i;

    for (i = 0; i < GICSIM_PATH__COUNT; i++) {
        if (path_selectable[i] && name && !strcmp(name, path_names[i])) {
            return i;
        }
    }
    return -1;
}

const char *gicsim_cost_path_names(void)
{
    /* The selectable paths, from GICSIM_COST_PATHS */
#define GICSIM_COST_PATH_LIST(e, n, sel, what) sel ? n ", " : "",
    static const char *const parts[] = {
        GICSIM_COST_PATHS(GICSIM_COST_PATH_LIST)
    };
#undef GICSIM_COST_PATH_LIST
    static char list[128];
    size_t i, len;

    if (!list[0]) {
        for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
            strncat(list, parts[i], sizeof(list) - strlen(list) - 1);
        }
        len = strlen(list);
        if (len >= 2) {
            list[len - 2] = 0;      /* the last ", " */
        }
    }
    return list;
}

unsigned gicsim_cost_step_count(GicsimCostPath path, GicsimCostStep step,
                                bool wide_split)
{
    const PathStep *ps;

    if (path >= GICSIM_PATH__COUNT) {
        return 0;
    }
    for (ps = paths[path]; ps->step != GICSIM_STEP__COUNT; ps++) {
        if (ps->step == step && !ps->per_miss) {
            return ps->count * (ps->per_call && wide_split ? 2 : 1);
        }
    }
    return 0;
}

const char *gicsim_cost_event_name(GicsimCostEvent ev)
{
    return ev < GICSIM_EV__COUNT ? event_names[ev] : "?";
}

/*
 * The events on a KVM VHE host (docs/cost.rst).  What KVM traps on GICv3
 * hardware by default: writes of ICC_SGI1R_EL1, ICC_ASGI1R_EL1 (with
 * HCR_EL2.IMO) and ICC_SGI0R_EL1 (HCR_EL2.FMO), which IHI 0069 (the
 * ICC_SGI*R_EL1 register descriptions, "Traps and enables") sends to EL2
 * whenever the virtual interrupts are routed there.  Linux's
 * arch/arm64/kvm/vgic/vgic-v3.c sets the ICH_HCR_EL2 group and common
 * traps (TALL0, TALL1, TC, TDIR) only for errata or when a module
 * parameter asks (vgic_v3.group0_trap and friends, off by default), so
 * acknowledge, EOI and the other ICC_* registers are handled by the
 * virtual CPU interface in hardware: no exit (cpuif-access).
 */
static const PathStep ev_sgi[] = {          /* the sender's trap */
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_SYSREG_DECODE, 1, false, false },
    { GICSIM_STEP_SGI_DISPATCH, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/* Processing one command in the trap of the GITS_CWRITER write */
static const PathStep ev_its_command[] = {
    { GICSIM_STEP_ITS_COMMAND, 1, false, false },
    END
};

/*
 * A physical interrupt while the vCPU runs (the virtual timer's PPI, or
 * the host's IPI that kicks it): the IRQ exits the guest, the host takes
 * it (acknowledge and deactivate at the physical GIC: two gic-access),
 * queues the virtual interrupt, fills a list register and re-enters.
 */
static const PathStep ev_deliver_running[] = {
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_HOST_IRQ, 1, false, false },
    { GICSIM_STEP_GIC_ACCESS, 2, false, false },
    { GICSIM_STEP_LR_FLUSH, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/*
 * An interrupt for a vCPU halted in WFI (KVM traps WFI unless the vCPU
 * has direct-injected vLPIs or vSGIs and runs alone): the sender kicks
 * it, the scheduler wakes its thread (vcpu-wake), vcpu_load restores
 * the EL1 state vcpu_put saved when it blocked (sysreg-save-restore),
 * the list registers are filled and the guest entered.  The world
 * switch in is the second half of the sender's exit (both count once).
 */
static const PathStep ev_deliver_wfi[] = {
    { GICSIM_STEP_VCPU_KICK, 1, false, false },
    { GICSIM_STEP_VCPU_WAKE, 1, false, false },
    { GICSIM_STEP_SYSREG, 1, false, false },
    { GICSIM_STEP_LR_FLUSH, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

static const PathStep ev_cpuif[] = {
    { GICSIM_STEP_CPUIF_ACCESS, 1, false, false },
    END
};

/* Bare metal: no hypervisor; the hardware's own steps */
static const PathStep ev_native_sgi[] = {
    { GICSIM_STEP_CPUIF_ACCESS, 1, false, false },
    END
};
static const PathStep ev_native_its_command[] = {
    { GICSIM_STEP_GIC_ACCESS, 1, false, false },
    END
};
static const PathStep ev_none[] = { END };

static const PathStep *const events_vhe[GICSIM_EV__COUNT] = {
    [GICSIM_EV_SGI] = ev_sgi,
    [GICSIM_EV_ITS_ACCESS] = path_vhe,
    [GICSIM_EV_ITS_COMMAND] = ev_its_command,
    [GICSIM_EV_DELIVER_RUNNING] = ev_deliver_running,
    [GICSIM_EV_DELIVER_WFI] = ev_deliver_wfi,
    [GICSIM_EV_CPUIF] = ev_cpuif,
};

static const PathStep *const events_native[GICSIM_EV__COUNT] = {
    [GICSIM_EV_SGI] = ev_native_sgi,
    [GICSIM_EV_ITS_ACCESS] = path_native,
    [GICSIM_EV_ITS_COMMAND] = ev_native_its_command,
    [GICSIM_EV_DELIVER_RUNNING] = ev_none,
    [GICSIM_EV_DELIVER_WFI] = ev_none,
    [GICSIM_EV_CPUIF] = ev_cpuif,
};

static unsigned list_count(const PathStep *ps, GicsimCostStep step)
{
    unsigned n = 0;

    for (; ps->step != GICSIM_STEP__COUNT; ps++) {
        if (ps->step == step && !ps->per_miss) {
            n += ps->count;
        }
    }
    return n;
}

/*
 * What a path adds per exit to the KVM VHE events (an ITS access takes
 * the path's own register-access steps instead):
 * - kvm-vgic-nvhe: the host's EL1 state is switched too, with one more
 *   exception entry and return (as for a register access);
 * - realm (RMM 1.0, DEN0137): the SGI write is reported in a RecExit
 *   (RMI_EXIT_SYSREG), the physical IRQ as RMI_EXIT_IRQ; each exit goes
 *   REC -> RMM -> EL3 -> host and back through RMI_REC_ENTER (as for an
 *   MMIO exit); a vCPU woken from WFI only re-enters (RMI_REC_ENTER,
 *   EL3, RecEntry with the list registers).  All assumptions: no
 *   published realm figure exists;
 * - kvm-userspace: KVM has no userspace GICv3 CPU interface, so the
 *   events other than ITS accesses cost as on kvm-vgic-vhe.
 */
unsigned gicsim_cost_event_step_count(GicsimCostPath path,
                                      GicsimCostEvent ev,
                                      GicsimCostStep step)
{
    unsigned n, exits, entries;

    if (path >= GICSIM_PATH__COUNT || ev >= GICSIM_EV__COUNT ||
        path == GICSIM_PATH_HYPERCALL) {
        return 0;
    }
    if (path == GICSIM_PATH_NATIVE) {
        return list_count(events_native[ev], step);
    }
    if (ev == GICSIM_EV_ITS_ACCESS) {
        return list_count(paths[path], step);
    }
    n = list_count(events_vhe[ev], step);
    exits = ev == GICSIM_EV_SGI || ev == GICSIM_EV_DELIVER_RUNNING;
    entries = exits || ev == GICSIM_EV_DELIVER_WFI;
    if (path == GICSIM_PATH_KVM_VGIC_NVHE && entries) {
        if (step == GICSIM_STEP_EXCEPTION_ENTRY ||
            step == GICSIM_STEP_EXCEPTION_RETURN) {
            n++;
        }
        if (step == GICSIM_STEP_SYSREG && exits) {
            n++;
        }
    }
    if (path == GICSIM_PATH_REALM) {
        switch (step) {
        case GICSIM_STEP_REC_EXIT:
        case GICSIM_STEP_RMM_EXIT:
            n += exits;
            break;
        case GICSIM_STEP_EL3_SWITCH:
            n += 2 * exits + (entries && !exits);
            break;
        case GICSIM_STEP_RMM_ENTRY:
        case GICSIM_STEP_REC_ENTRY:
            n += entries;
            break;
        default:
            break;
        }
    }
    return n;
}

/*
 * The published rows as compositions of events on the KVM VHE path
 * (docs/calibration.rst); each row also pays bench-floor.  The rows with
 * an interrupt add the guest's handler: exception entry, acknowledge
 * (ICC_IAR1_EL1) and EOI at the virtual CPU interface, exception return.
 * The sender's return to its guest overlaps the receiver's wake-up; the
 * model keeps it on the critical path (a simplification).
 */
unsigned gicsim_cost_figure_step_count(GicsimCostFigure fig,
                                       GicsimCostStep step)
{
    return gicsim_cost_figure_path_step_count(fig, GICSIM_PATH_KVM_VGIC_VHE,
                                              step);
}

unsigned gicsim_cost_figure_path_step_count(GicsimCostFigure fig,
                                            GicsimCostPath vhe,
                                            GicsimCostStep step)
{
    unsigned handler = (step == GICSIM_STEP_EXCEPTION_ENTRY ||
                        step == GICSIM_STEP_EXCEPTION_RETURN) +
                       2 * (step == GICSIM_STEP_CPUIF_ACCESS);

    switch (fig) {
    case GICSIM_FIG_HYP_CALL:
    case GICSIM_FIG_MMIO_READ_USER:
        return vhe == GICSIM_PATH_KVM_VGIC_VHE ?
               list_count(paths[figure_paths[fig]], step) : 0;
    case GICSIM_FIG_MMIO_READ_VGIC:
        return list_count(paths[vhe], step);
    case GICSIM_FIG_EOI:
        return gicsim_cost_event_step_count(vhe, GICSIM_EV_CPUIF, step);
    case GICSIM_FIG_IPI:
        return gicsim_cost_event_step_count(vhe, GICSIM_EV_SGI, step) +
               gicsim_cost_event_step_count(vhe, GICSIM_EV_DELIVER_WFI,
                                            step) + handler;
    case GICSIM_FIG_LPI:
        return gicsim_cost_event_step_count(vhe, GICSIM_EV_ITS_ACCESS,
                                            step) +
               gicsim_cost_event_step_count(vhe, GICSIM_EV_ITS_COMMAND,
                                            step) +
               gicsim_cost_event_step_count(vhe, GICSIM_EV_DELIVER_WFI,
                                            step) + handler;
    case GICSIM_FIG_TIMER_10MS:
        return gicsim_cost_event_step_count(vhe, GICSIM_EV_DELIVER_RUNNING,
                                            step) + handler;
    default:
        return 0;
    }
}

bool gicsim_cost_path_walks(GicsimCostPath path)
{
    const PathStep *ps;

    if (path >= GICSIM_PATH__COUNT) {
        return false;
    }
    for (ps = paths[path]; ps->step != GICSIM_STEP__COUNT; ps++) {
        if (ps->per_miss) {
            return true;
        }
    }
    return false;
}

/* Steps the model derives, which are not profile keys */
static bool step_derived(unsigned step)
{
    return step == GICSIM_STEP_STAGE2_WALK || step == GICSIM_STEP_TLB_MISS;
}

/* ---- profiles ---- */

static GQuark cost_quark(void)
{
    return g_quark_from_static_string("gicsim-cost");
}

void gicsim_cost_profile_free(GicsimCostProfile *p)
{
    unsigned i;

    if (!p) {
        return;
    }
    g_free(p->name);
    g_free(p->file);
    g_free(p->description);
    g_free(p->clock_mhz.note);
    g_free(p->walk_step.note);
    g_free(p->split64.note);
    g_free(p->tlb_interval.note);
    g_free(p->bench_floor.note);
    for (i = 0; i < GICSIM_STEP__COUNT; i++) {
        g_free(p->step[i].note);
    }
    for (i = 0; i < GICSIM_FIG__COUNT; i++) {
        g_free(p->figure[i].note);
    }
    g_free(p);
}

/* The value slot of @key, with its bounds; NULL if @key is unknown. */
static GicsimCostValue *profile_slot(GicsimCostProfile *p, const char *key,
                                     uint64_t *min, uint64_t *max)
{
    unsigned i;

    *min = 0;
    *max = 100000000;       /* 100 M cycles or ns: a typo, not a cost */
    if (!strcmp(key, "clock-mhz")) {
        *min = 1;
        *max = 100000;
        return &p->clock_mhz;
    }
    if (!strcmp(key, "walk-step")) {
        return &p->walk_step;
    }
    if (!strcmp(key, "vgic-split-64")) {
        *max = 1;
        return &p->split64;
    }
    if (!strcmp(key, "tlb-miss-interval")) {
        return &p->tlb_interval;
    }
    if (!strcmp(key, "bench-floor")) {
        return &p->bench_floor;
    }
    for (i = 0; i < GICSIM_STEP__COUNT; i++) {
        if (!step_derived(i) && !strcmp(key, step_names[i])) {
            return &p->step[i];
        }
    }
    for (i = 0; i < GICSIM_FIG__COUNT; i++) {
        if (!strcmp(key, figure_keys[i])) {
            *min = 1;
            return &p->figure[i];
        }
    }
    return NULL;
}

static bool parse_line(GicsimCostProfile *p, char *line, const char *file,
                       unsigned lineno, GError **err)
{
    char *eq, *key, *rest, *end, *tag, *close;
    GicsimCostValue *slot;
    uint64_t min, max, v;
    unsigned s;

    eq = strchr(line, '=');
    if (!eq) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: expected 'key = value [source] note'",
                    file, lineno);
        return false;
    }
    *eq = '\0';
    key = g_strstrip(line);
    rest = g_strstrip(eq + 1);
    if (!*key) {
        g_set_error(err, cost_quark(), 0, "%s:%u: missing key before '='",
                    file, lineno);
        return false;
    }
    if (!strcmp(key, "description")) {
        if (p->description) {
            g_set_error(err, cost_quark(), 0,
                        "%s:%u: key 'description': given twice",
                        file, lineno);
            return false;
        }
        p->description = g_strdup(rest);
        return true;
    }
    slot = profile_slot(p, key, &min, &max);
    if (!slot) {
        g_set_error(err, cost_quark(), 0, "%s:%u: key '%s': unknown key",
                    file, lineno, key);
        return false;
    }
    if (slot->set) {
        g_set_error(err, cost_quark(), 0, "%s:%u: key '%s': given twice",
                    file, lineno, key);
        return false;
    }
    if (!g_ascii_isdigit(*rest)) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': value must be a non-negative integer",
                    file, lineno, key);
        return false;
    }
    errno = 0;
    v = g_ascii_strtoull(rest, &end, 10);
    if (errno || (*end && !g_ascii_isspace(*end))) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': value must be a non-negative integer",
                    file, lineno, key);
        return false;
    }
    if (v < min || v > max) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': value %" G_GUINT64_FORMAT
                    " out of range %" G_GUINT64_FORMAT "..%" G_GUINT64_FORMAT,
                    file, lineno, key, v, min, max);
        return false;
    }
    tag = g_strchug(end);
    close = *tag == '[' ? strchr(tag, ']') : NULL;
    if (!close) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': missing source after the value "
                    "([published], [measured], [fitted] or [assumption])",
                    file, lineno, key);
        return false;
    }
    *close = '\0';
    for (s = 0; s < GICSIM_SRC__COUNT; s++) {
        if (!strcmp(tag + 1, source_names[s])) {
            break;
        }
    }
    if (s == GICSIM_SRC__COUNT) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': unknown source '[%s]' (published, "
                    "measured, fitted or assumption)",
                    file, lineno, key, tag + 1);
        return false;
    }
    rest = g_strstrip(close + 1);
    if (!*rest) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': missing note saying where the value "
                    "comes from", file, lineno, key);
        return false;
    }
    slot->value = v;
    slot->source = s;
    slot->note = g_strdup(rest);
    slot->set = true;
    return true;
}

GicsimCostProfile *gicsim_cost_profile_parse(const char *text,
                                             const char *file,
                                             const char *name, GError **err)
{
    GicsimCostProfile *p = g_new0(GicsimCostProfile, 1);
    char **lines = g_strsplit(text, "\n", -1);
    unsigned i, n;
    uint64_t min, max;
    bool ok = true;

    p->file = g_strdup(file);
    p->name = g_strdup(name);
    for (n = 0; ok && lines[n]; n++) {
        char *line = lines[n];
        char *hash = strchr(line, '#');

        /* '#' starts a comment only at the start of a line or after space */
        if (hash && (hash == line || g_ascii_isspace(hash[-1]))) {
            *hash = '\0';
        }
        if (!*g_strstrip(line)) {
            continue;
        }
        ok = parse_line(p, line, file, n + 1, err);
    }
    g_strfreev(lines);
    if (!ok) {
        gicsim_cost_profile_free(p);
        return NULL;
    }

    /*
     * Every step key, the clock, the walk cost, vgic-split-64 and
     * bench-floor must be given;
     * tlb-miss-interval is optional (0: only a register's first access
     * misses the TLB), so that profiles written before it still load.
     */
    {
        const char *keys[GICSIM_STEP__COUNT + 4];
        unsigned nk = 0;

        keys[nk++] = "clock-mhz";
        keys[nk++] = "walk-step";
        keys[nk++] = "vgic-split-64";
        keys[nk++] = "bench-floor";
        for (i = 0; i < GICSIM_STEP__COUNT; i++) {
            if (!step_derived(i)) {
                keys[nk++] = step_names[i];
            }
        }
        for (i = 0; i < nk; i++) {
            if (!profile_slot(p, keys[i], &min, &max)->set) {
                g_set_error(err, cost_quark(), 0,
                            "%s: key '%s': missing", file, keys[i]);
                gicsim_cost_profile_free(p);
                return NULL;
            }
        }
    }
    return p;
}

const char *gicsim_cost_builtin_names(void)
{
    static char *names;

    if (!names) {
        GString *s = g_string_new("");
        unsigned i;

        for (i = 0; i < gicsim_cost_builtin_count; i++) {
            g_string_append_printf(s, "%s%s", i ? ", " : "",
                                   gicsim_cost_builtins[i].name);
        }
        names = g_string_free(s, false);
    }
    return names;
}

GicsimCostProfile *gicsim_cost_profile_load(const char *name_or_path,
                                            GError **err)
{
    GicsimCostProfile *p;
    char *text, *base, *dot, *file;
    unsigned i;

    if (!name_or_path || !*name_or_path) {
        g_set_error(err, cost_quark(), 0,
                    "no cost profile given (a shipped profile: %s; or a "
                    "file path)", gicsim_cost_builtin_names());
        return NULL;
    }
    for (i = 0; i < gicsim_cost_builtin_count; i++) {
        if (!strcmp(name_or_path, gicsim_cost_builtins[i].name)) {
            file = g_strdup_printf("cost-profiles/%s.profile", name_or_path);
            p = gicsim_cost_profile_parse(gicsim_cost_builtins[i].text, file,
                                          name_or_path, err);
            g_free(file);
            return p;
        }
    }
    if (!strchr(name_or_path, '/') && !g_str_has_suffix(name_or_path,
                                                         ".profile")) {
        g_set_error(err, cost_quark(), 0,
                    "'%s' is not a shipped cost profile (%s) nor a file "
                    "path (a path contains '/' or ends in .profile)",
                    name_or_path, gicsim_cost_builtin_names());
        return NULL;
    }
    if (!g_file_get_contents(name_or_path, &text, NULL, err)) {
        return NULL;
    }
    base = g_path_get_basename(name_or_path);
    dot = strrchr(base, '.');
    if (dot && dot != base) {
        *dot = '\0';
    }
    p = gicsim_cost_profile_parse(text, name_or_path, base, err);
    g_free(base);
    g_free(text);
    return p;
}

/* ---- the model ---- */

static void model_events(GicsimCostModel *m, const GicsimCostProfile *p,
                         const GicsimStage2Geom *geom);

void gicsim_cost_model_init(GicsimCostModel *m, const GicsimCostProfile *p,
                            GicsimCostPath path, const GicsimStage2Geom *geom)
{
    const PathStep *ps;

    memset(m, 0, sizeof(*m));
    m->path = path;
    m->clock_mhz = p->clock_mhz.value;
    m->split64 = p->split64.value;
    m->geom = *geom;
    m->tlb_interval = p->tlb_interval.value;
    m->s1_levels = gicsim_stage1_levels(GICSIM_COST_GUEST_VA_BITS,
                                        geom->granule);
    for (ps = paths[path]; ps->step != GICSIM_STEP__COUNT; ps++) {
        uint64_t unit;

        if (ps->per_miss) {
            /*
             * Bare metal: the stage-1 walk alone.  In a VM: the nested
             * walk, (s1 + 1)(s2 + 1) - 1 fetches, less the final
             * stage-2 walk of the access's own IPA, which every access
             * pays as stage2-walk (MMIO faults, so no TLB holds it).
             */
            if (path == GICSIM_PATH_NATIVE) {
                m->miss_fetches = m->s1_levels;
            } else {
                m->miss_fetches =
                    gicsim_nested_walk_fetches(m->s1_levels, geom->levels) -
                    gicsim_stage2_walk_fetches(geom);
            }
            m->miss_cycles = (uint64_t)m->miss_fetches * p->walk_step.value;
            continue;
        }
        if (ps->step == GICSIM_STEP_STAGE2_WALK) {
            unit = gicsim_stage2_walk_fetches(geom) * p->walk_step.value;
        } else {
            unit = p->step[ps->step].value;
        }
        m->step32[ps->step] = unit * ps->count;
        m->step64[ps->step] = unit * ps->count *
                              (ps->per_call && m->split64 ? 2 : 1);
        m->total32 += m->step32[ps->step];
        m->total64 += m->step64[ps->step];
    }
    model_events(m, p, geom);
}

uint64_t gicsim_cost_tlb_misses(const GicsimCostModel *m, uint64_t accesses)
{
    if (!accesses || !m->miss_fetches) {
        return 0;
    }
    if (!m->tlb_interval) {
        return 1;
    }
    return (accesses - 1) / m->tlb_interval + 1;
}

bool gicsim_cost_tlb_miss(const GicsimCostModel *m, uint64_t nth)
{
    if (!nth || !m->miss_fetches) {
        return false;
    }
    return m->tlb_interval ? (nth - 1) % m->tlb_interval == 0 : nth == 1;
}

double gicsim_cost_ns(const GicsimCostModel *m, uint64_t cycles)
{
    return (double)cycles * 1000.0 / m->clock_mhz;
}

/* One step's cycles on a path with stage-2 @geom (walks derived) */
static uint64_t step_unit(const GicsimCostProfile *p,
                          const GicsimStage2Geom *geom, unsigned s)
{
    if (s == GICSIM_STEP_STAGE2_WALK) {
        return (uint64_t)gicsim_stage2_walk_fetches(geom) *
               p->walk_step.value;
    }
    return s == GICSIM_STEP_TLB_MISS ? 0 : p->step[s].value;
}

static void model_events(GicsimCostModel *m, const GicsimCostProfile *p,
                         const GicsimStage2Geom *geom)
{
    unsigned ev, s;

    for (ev = 0; ev < GICSIM_EV__COUNT; ev++) {
        m->event[ev] = 0;
        for (s = 0; s < GICSIM_STEP__COUNT; s++) {
            m->event[ev] += gicsim_cost_event_step_count(m->path, ev, s) *
                            step_unit(p, geom, s);
        }
    }
}

uint64_t gicsim_cost_figure_path_cycles(const GicsimCostProfile *p,
                                        GicsimCostFigure fig,
                                        GicsimCostPath path)
{
    GicsimStage2Geom geom;
    uint64_t c = p->bench_floor.value;
    unsigned s;

    gicsim_stage2_geom_kvm(GICSIM_COST_DEFAULT_IPA,
                           GICSIM_COST_DEFAULT_GRANULE, &geom, NULL);
    for (s = 0; s < GICSIM_STEP__COUNT; s++) {
        c += gicsim_cost_figure_path_step_count(fig, path, s) *
             step_unit(p, &geom, s);
    }
    return c;
}

uint64_t gicsim_cost_figure_model_cycles(const GicsimCostProfile *p,
                                         GicsimCostFigure fig)
{
    return gicsim_cost_figure_path_cycles(p, fig, GICSIM_PATH_KVM_VGIC_VHE);
}

double gicsim_cost_figure_model_ns(const GicsimCostProfile *p,
                                   GicsimCostFigure fig)
{
    GicsimStage2Geom geom;
    GicsimCostModel m;

    if (!gicsim_stage2_geom_kvm(GICSIM_COST_DEFAULT_IPA,
                                GICSIM_COST_DEFAULT_GRANULE, &geom, NULL)) {
        return -1;
    }
    gicsim_cost_model_init(&m, p, figure_paths[fig], &geom);
    /*
     * The micro-benchmarks repeat one operation in a loop: with
     * tlb-miss-interval N, one MMIO access in N pays the miss.
     */
    return gicsim_cost_ns(&m, gicsim_cost_figure_model_cycles(p, fig)) +
           (m.tlb_interval &&
            gicsim_cost_figure_step_count(fig, GICSIM_STEP_STAGE2_WALK) ?
            gicsim_cost_ns(&m, m.miss_cycles) / m.tlb_interval : 0);
}
