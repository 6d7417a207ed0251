/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cost model: what one GIC register access would cost on a real
 * machine when the guest runs a given way (an execution path), as a sum
 * of named steps in CPU cycles, from a cost profile.  QEMU-independent.
 * docs/cost.rst describes the model, the paths and the profile format.
 */
#ifndef HW_INTC_GICSIM_COST_H
#define HW_INTC_GICSIM_COST_H

#include <stdbool.h>
#include <stdint.h>
#include <glib.h>

#include "gicsim-stage2.h"

/* The steps an access can go through; profile keys are their names. */
typedef enum GicsimCostStep {
    GICSIM_STEP_TLB_MISS,           /* nested walk on a TLB miss (derived) */
    GICSIM_STEP_GIC_ACCESS,         /* the GIC's own register latency */
    GICSIM_STEP_EXCEPTION_ENTRY,    /* trap (data abort, HVC) into EL2 */
    GICSIM_STEP_STAGE2_WALK,        /* faulting stage-2 walk (derived) */
    GICSIM_STEP_WORLD_SWITCH,       /* guest <-> host context switch */
    GICSIM_STEP_SYSREG,             /* EL1 system registers save+restore */
    GICSIM_STEP_EXIT_DISPATCH,      /* exit handler dispatch by class */
    GICSIM_STEP_STAGE2_FAULT,       /* abort handling: IPA, memslots */
    GICSIM_STEP_MMIO_DECODE,        /* syndrome decode, I/O bus lookup */
    GICSIM_STEP_VGIC_DISPATCH,      /* vGIC region lookup (per call) */
    GICSIM_STEP_VGIC_HANDLER,       /* vGIC register handler (per call) */
    GICSIM_STEP_VMM_EXIT,           /* exit to the VMM and back */
    GICSIM_STEP_VMM_MMIO,           /* the VMM's MMIO dispatch + device */
    GICSIM_STEP_REC_EXIT,           /* RMM: realm exit into a RecExit */
    GICSIM_STEP_RMM_EXIT,           /* RMM -> EL3 -> host return */
    GICSIM_STEP_EL3_SWITCH,         /* EL3 monitor world switch */
    GICSIM_STEP_RMM_ENTRY,          /* host RMI_REC_ENTER -> EL3 -> RMM */
    GICSIM_STEP_REC_ENTRY,          /* RMM: RecEntry back into the REC */
    GICSIM_STEP_EXCEPTION_RETURN,   /* ERET back to the guest */
    /* The GIC's other events (gicsim_cost_event_cycles(), figures) */
    GICSIM_STEP_CPUIF_ACCESS,       /* ICC_* access done by the CPU's
                                     * (virtual) interface: no exit */
    GICSIM_STEP_SYSREG_DECODE,      /* trapped MSR: ESR decode, lookup */
    GICSIM_STEP_SGI_DISPATCH,       /* SGI: target vCPUs, queue (vGIC) */
    GICSIM_STEP_ITS_COMMAND,        /* one ITS command, read and run */
    GICSIM_STEP_VCPU_KICK,          /* make a queued IRQ seen: kick */
    GICSIM_STEP_VCPU_WAKE,          /* wake a vCPU halted in WFI */
    GICSIM_STEP_LR_FLUSH,           /* fill list registers before entry */
    GICSIM_STEP_HOST_IRQ,           /* host handles a physical IRQ */
    GICSIM_STEP__COUNT
} GicsimCostStep;

/*
 * The execution paths, once: X(ENUM, name, selectable, what it is).  A
 * path a user may select (cost-path=, --cost-path) is parsed, listed in
 * help and in errors; the others exist for calibration only.
 */
#define GICSIM_COST_PATHS(X) \
    X(NATIVE, "native", true, "bare metal: the GIC itself") \
    X(KVM_VGIC_VHE, "kvm-vgic-vhe", true, "KVM in-kernel vGIC, VHE host") \
    X(KVM_VGIC_NVHE, "kvm-vgic-nvhe", true, \
      "KVM in-kernel vGIC, non-VHE host") \
    X(KVM_USERSPACE, "kvm-userspace", true, \
      "KVM, GIC emulated by the VMM") \
    X(REALM, "realm", true, "Arm CCA realm, vGIC in the host") \
    X(HYPERCALL, "hypercall", false, "an HVC round trip (calibration)")

typedef enum GicsimCostPath {
#define GICSIM_COST_PATH_ENUM(e, n, sel, what) GICSIM_PATH_##e,
    GICSIM_COST_PATHS(GICSIM_COST_PATH_ENUM)
#undef GICSIM_COST_PATH_ENUM
    GICSIM_PATH__COUNT
} GicsimCostPath;

/* Where a profile value comes from. */
typedef enum GicsimCostSource {
    GICSIM_SRC_PUBLISHED,           /* a published measurement */
    GICSIM_SRC_MEASURED,            /* the profile author's measurement */
    GICSIM_SRC_FITTED,              /* fitted to published figures */
    GICSIM_SRC_ASSUMPTION,          /* no source: a stated assumption */
    GICSIM_SRC__COUNT
} GicsimCostSource;

/* Published figures a profile may carry (kvm-unit-tests micro-bench). */
typedef enum GicsimCostFigure {
    GICSIM_FIG_HYP_CALL,            /* hvc #0 round trip */
    GICSIM_FIG_MMIO_READ_VGIC,      /* readl(GICD_IIDR), in-kernel vGIC */
    GICSIM_FIG_MMIO_READ_USER,      /* readl of a VMM-emulated register */
    GICSIM_FIG_EOI,                 /* ICC_EOIR1_EL1 = 1023: no exit */
    GICSIM_FIG_IPI,                 /* SGI 1 vCPU 0 -> 1 until handled */
    GICSIM_FIG_LPI,                 /* ITS INT -> LPI on vCPU 1, handled */
    GICSIM_FIG_TIMER_10MS,          /* vtimer PPI latency past 10 ms */
    GICSIM_FIG__COUNT
} GicsimCostFigure;

/*
 * The GIC's events other than a register access (docs/cost.rst): what
 * the vCPU that causes or receives them pays on a path.
 */
typedef enum GicsimCostEvent {
    GICSIM_EV_SGI,                  /* ICC_SGI1R/ASGI1R/SGI0R_EL1 write */
    GICSIM_EV_ITS_ACCESS,           /* a GITS_* register access */
    GICSIM_EV_ITS_COMMAND,          /* one ITS command (after CWRITER) */
    GICSIM_EV_DELIVER_RUNNING,      /* IRQ to a running vCPU */
    GICSIM_EV_DELIVER_WFI,          /* IRQ to a vCPU halted in WFI */
    GICSIM_EV_CPUIF,                /* ack/EOI/... on the CPU interface */
    GICSIM_EV__COUNT
} GicsimCostEvent;

typedef struct GicsimCostValue {
    uint64_t value;
    GicsimCostSource source;
    char *note;
    bool set;
} GicsimCostValue;

typedef struct GicsimCostProfile {
    char *name;
    char *file;                     /* where it was read from */
    char *description;
    GicsimCostValue clock_mhz;
    GicsimCostValue walk_step;      /* cycles per descriptor fetch */
    GicsimCostValue split64;        /* vGIC splits 64-bit accesses */
    GicsimCostValue tlb_interval;   /* one TLB miss per N accesses (opt.) */
    GicsimCostValue bench_floor;    /* cycles the benchmark loop adds */
    /* cycles; not the derived stage2-walk and tlb-miss-walk */
    GicsimCostValue step[GICSIM_STEP__COUNT];
    GicsimCostValue figure[GICSIM_FIG__COUNT];  /* ns, optional */
} GicsimCostProfile;

/*
 * The guest's stage 1, for the nested walk on a TLB miss: an assumption
 * (docs/cost.rst), Linux's default 48-bit VA with the stage-2 granule.
 */
#define GICSIM_COST_GUEST_VA_BITS 48

/*
 * The cost of one access on one path, per step, precomputed.  The steps
 * of step32/step64 occur on every access; tlb-miss-walk only on the
 * accesses that miss the TLB (gicsim_cost_tlb_misses()), at miss_cycles.
 */
typedef struct GicsimCostModel {
    GicsimCostPath path;
    unsigned clock_mhz;
    bool split64;
    GicsimStage2Geom geom;
    uint32_t step32[GICSIM_STEP__COUNT];    /* an access of <= 32 bits */
    uint32_t step64[GICSIM_STEP__COUNT];    /* a 64-bit access */
    uint64_t total32, total64;              /* without a TLB miss */
    unsigned s1_levels;                     /* the guest's stage-1 walk */
    unsigned miss_fetches;                  /* extra fetches of a miss */
    uint64_t miss_cycles;                   /* what a TLB miss adds */
    uint64_t tlb_interval;                  /* one miss per N; 0: first */
    uint64_t event[GICSIM_EV__COUNT];       /* cycles per event */
} GicsimCostModel;

const char *gicsim_cost_step_name(GicsimCostStep step);
const char *gicsim_cost_path_name(GicsimCostPath path);
const char *gicsim_cost_figure_name(GicsimCostFigure fig);
const char *gicsim_cost_source_name(GicsimCostSource src);
const char *gicsim_cost_event_name(GicsimCostEvent ev);

/*
 * Times step @step occurs in event @ev on @path (docs/cost.rst: the
 * event's KVM VHE steps, plus per exit what the path adds).
 */
unsigned gicsim_cost_event_step_count(GicsimCostPath path,
                                      GicsimCostEvent ev,
                                      GicsimCostStep step);
/*
 * Times step @step occurs on the critical path of published figure
 * @fig (the micro-benchmark's loop body, docs/calibration.rst); the
 * benchmark's own loop (bench-floor) comes on top.  For stage2-walk:
 * the number of walks.
 */
unsigned gicsim_cost_figure_step_count(GicsimCostFigure fig,
                                       GicsimCostStep step);
/*
 * The same benchmark loop run on another device path (@path's events in
 * place of kvm-vgic-vhe's); 0 for hyp_call and mmio_read_user off
 * kvm-vgic-vhe, which are not GIC rows.
 */
unsigned gicsim_cost_figure_path_step_count(GicsimCostFigure fig,
                                            GicsimCostPath path,
                                            GicsimCostStep step);
/* The path a figure is measured on. */
GicsimCostPath gicsim_cost_figure_path(GicsimCostFigure fig);
/* -1 if @name is not a device path (the hypercall path is not one). */
int gicsim_cost_path_parse(const char *name);
/* "native, kvm-vgic-vhe, ..." (device paths) */
const char *gicsim_cost_path_names(void);

/*
 * Times step @step occurs on @path for one access (64-bit when @wide and
 * the path splits it into two handler calls: per-call steps count twice).
 * 0 for tlb-miss-walk, which occurs per TLB miss, not per access.
 */
unsigned gicsim_cost_step_count(GicsimCostPath path, GicsimCostStep step,
                                bool wide_split);

/*
 * Parse a profile from @text; @file names it in errors
 * ("FILE:LINE: key 'KEY': ...").  NULL on error.
 */
GicsimCostProfile *gicsim_cost_profile_parse(const char *text,
                                             const char *file,
                                             const char *name, GError **err);
/*
 * A shipped profile by name, else a profile file by path.  NULL with
 * @err on error.
 */
GicsimCostProfile *gicsim_cost_profile_load(const char *name_or_path,
                                            GError **err);
void gicsim_cost_profile_free(GicsimCostProfile *p);

/* Shipped profiles (generated from hw/intc/gicsim/cost-profiles/). */
typedef struct GicsimCostBuiltin {
    const char *name;
    const char *text;
} GicsimCostBuiltin;
extern const GicsimCostBuiltin gicsim_cost_builtins[];
extern const unsigned gicsim_cost_builtin_count;
/* "ampere-altra, kunpeng-920, ..." */
const char *gicsim_cost_builtin_names(void);

/* Precompute the cost of an access on @path with the stage-2 @geom. */
void gicsim_cost_model_init(GicsimCostModel *m, const GicsimCostProfile *p,
                            GicsimCostPath path, const GicsimStage2Geom *geom);

/* Whether @path charges tlb-miss-walk (every path but the hypercall). */
bool gicsim_cost_path_walks(GicsimCostPath path);

/*
 * The TLB rule (an assumption, docs/cost.rst): the model has no TLB, so
 * of the accesses to one register the first misses, and after it one in
 * every tlb-miss-interval (profile key; 0: only the first).
 * gicsim_cost_tlb_misses(): how many of @accesses accesses to one
 * register miss; gicsim_cost_tlb_miss(): whether the @nth (from 1) does.
 */
uint64_t gicsim_cost_tlb_misses(const GicsimCostModel *m, uint64_t accesses);
bool gicsim_cost_tlb_miss(const GicsimCostModel *m, uint64_t nth);

/* Cycles to nanoseconds at the profile's clock. */
double gicsim_cost_ns(const GicsimCostModel *m, uint64_t cycles);

/* The geometry the calibration assumes: KVM's default 40-bit IPA, 4K. */
#define GICSIM_COST_DEFAULT_IPA 40
#define GICSIM_COST_DEFAULT_GRANULE 4096

/*
 * The model's value of a published figure in cycles and ns: the
 * figure's steps (gicsim_cost_figure_step_count()) plus bench-floor,
 * default geometry.
 */
uint64_t gicsim_cost_figure_model_cycles(const GicsimCostProfile *p,
                                         GicsimCostFigure fig);
/* The same on @path (gicsim_cost_figure_path_step_count()) */
uint64_t gicsim_cost_figure_path_cycles(const GicsimCostProfile *p,
                                        GicsimCostFigure fig,
                                        GicsimCostPath path);
double gicsim_cost_figure_model_ns(const GicsimCostProfile *p,
                                   GicsimCostFigure fig);

#endif
