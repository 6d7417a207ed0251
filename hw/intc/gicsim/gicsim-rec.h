/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arm CCA realm MMIO forwarding (RMM 1.0, DEN0137): the RecEntry/RecExit
 * layouts, the data-abort ISS codec, the RMM's exit and re-entry steps and
 * the host's emulation step.  QEMU-independent; docs/realm.rst describes
 * the model, its sources and, point by point, where it follows the
 * DEN0137 1.0 text and where TF-RMM.
 *
 * One forwarded access, step by step:
 *   gicsim_rec_realm_abort()   the data abort the realm's access raises
 *   gicsim_rmm_data_abort()    RMM: host exit (RecExit) or abort
 *   gicsim_host_handle_dabt()  host: decode, emulate, fill the RecEntry
 *   gicsim_rmm_rec_enter()     RMM: re-entry checks and completion
 */
#ifndef HW_INTC_GICSIM_REC_H
#define HW_INTC_GICSIM_REC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* RecRun (RMM 1.0): 4 KiB, RecEntry at +0x000, RecExit at +0x800 */
#define GICSIM_REC_GPRS         31
#define GICSIM_REC_GIC_LRS      16

typedef struct GicsimRecEntry {
    uint64_t flags;                         /* 0x000 */
    uint8_t res0[0x200 - 0x008];
    uint64_t gprs[GICSIM_REC_GPRS];         /* 0x200 */
    uint8_t res1[0x300 - 0x2f8];
    uint64_t gicv3_hcr;                     /* 0x300 */
    uint64_t gicv3_lrs[GICSIM_REC_GIC_LRS]; /* 0x308 */
    uint8_t res2[0x800 - 0x388];
} GicsimRecEntry;

/*
 * exit_reason is a u8 in Linux and wider in TF-RMM; imm and
 * pmu_ovf_status differ the same way.  The offsets agree; the model
 * keeps each as a u64 (little-endian hosts see the u8 at the same byte).
 */
typedef struct GicsimRecExit {
    uint64_t exit_reason;                   /* 0x000 */
    uint8_t res0[0x100 - 0x008];
    uint64_t esr;                           /* 0x100 */
    uint64_t far;                           /* 0x108 */
    uint64_t hpfar;                         /* 0x110 */
    uint8_t res1[0x200 - 0x118];
    uint64_t gprs[GICSIM_REC_GPRS];         /* 0x200 */
    uint8_t res2[0x300 - 0x2f8];
    uint64_t gicv3_hcr;                     /* 0x300 */
    uint64_t gicv3_lrs[GICSIM_REC_GIC_LRS]; /* 0x308 */
    uint64_t gicv3_misr;                    /* 0x388 */
    uint64_t gicv3_vmcr;                    /* 0x390 */
    uint8_t res3[0x400 - 0x398];
    uint64_t cntp_ctl;                      /* 0x400 */
    uint64_t cntp_cval;                     /* 0x408 */
    uint64_t cntv_ctl;                      /* 0x410 */
    uint64_t cntv_cval;                     /* 0x418 */
    uint8_t res4[0x500 - 0x420];
    uint64_t ripas_base;                    /* 0x500 */
    uint64_t ripas_top;                     /* 0x508 */
    uint64_t ripas_value;                   /* 0x510 */
    uint8_t res5[0x600 - 0x518];
    uint64_t imm;                           /* 0x600 */
    uint8_t res6[0x700 - 0x608];
    uint64_t pmu_ovf_status;                /* 0x700 */
    uint8_t res7[0x800 - 0x708];
} GicsimRecExit;

typedef struct GicsimRecRun {
    GicsimRecEntry entry;                   /* 0x000 */
    GicsimRecExit exit;                     /* 0x800 */
} GicsimRecRun;

/* RecEntry.flags (RMM 1.0) */
#define GICSIM_REC_ENTRY_EMULATED_MMIO  (1ull << 0)
#define GICSIM_REC_ENTRY_INJECT_SEA     (1ull << 1)
#define GICSIM_REC_ENTRY_TRAP_WFI       (1ull << 2)
#define GICSIM_REC_ENTRY_TRAP_WFE       (1ull << 3)
#define GICSIM_REC_ENTRY_RIPAS_RESPONSE (1ull << 4)

/* RecExit.exit_reason (RMM 1.0) */
enum {
    GICSIM_REC_EXIT_SYNC = 0,
    GICSIM_REC_EXIT_IRQ = 1,
    GICSIM_REC_EXIT_FIQ = 2,
    GICSIM_REC_EXIT_PSCI = 3,
    GICSIM_REC_EXIT_RIPAS_CHANGE = 4,
    GICSIM_REC_EXIT_HOST_CALL = 5,
    GICSIM_REC_EXIT_SERROR = 6,
};

/* RMI command return status (RMM 1.0) */
typedef enum GicsimRmiStatus {
    GICSIM_RMI_SUCCESS = 0,
    GICSIM_RMI_ERROR_INPUT = 1,
    GICSIM_RMI_ERROR_REALM = 2,
    GICSIM_RMI_ERROR_REC = 3,
    GICSIM_RMI_ERROR_RTT = 4,
} GicsimRmiStatus;

/*
 * ESR_ELx for a Data Abort (Arm ARM DDI 0487, ESR_EL2, "ISS encoding for
 * an exception from a Data Abort").
 */
#define GICSIM_ESR_EC_SHIFT     26
#define GICSIM_ESR_EC_MASK      (0x3full << GICSIM_ESR_EC_SHIFT)
#define GICSIM_ESR_EC_DABT_LOW  0x24    /* Data Abort from a lower EL */
#define GICSIM_ESR_EC_DABT_CUR  0x25    /* Data Abort from the same EL */
#define GICSIM_ESR_IL           (1ull << 25)
#define GICSIM_ESR_ISV          (1ull << 24)
#define GICSIM_ESR_SAS_SHIFT    22
#define GICSIM_ESR_SAS_MASK     (3ull << GICSIM_ESR_SAS_SHIFT)
#define GICSIM_ESR_SSE          (1ull << 21)
#define GICSIM_ESR_SRT_SHIFT    16
#define GICSIM_ESR_SRT_MASK     (0x1full << GICSIM_ESR_SRT_SHIFT)
#define GICSIM_ESR_SF           (1ull << 15)
#define GICSIM_ESR_AR           (1ull << 14)
#define GICSIM_ESR_VNCR         (1ull << 13)
#define GICSIM_ESR_SET_SHIFT    11
#define GICSIM_ESR_SET_MASK     (3ull << GICSIM_ESR_SET_SHIFT)
#define GICSIM_ESR_FNV          (1ull << 10)
#define GICSIM_ESR_EA           (1ull << 9)
#define GICSIM_ESR_CM           (1ull << 8)
#define GICSIM_ESR_S1PTW        (1ull << 7)
#define GICSIM_ESR_WNR          (1ull << 6)
#define GICSIM_ESR_DFSC_MASK    0x3full
#define GICSIM_ESR_ISS2_MASK    (0x1full << 32)

/* DFSC values used here */
#define GICSIM_DFSC_ASF_L0      0x00    /* address size fault, level 0..3 */
#define GICSIM_DFSC_TRANS_L0    0x04    /* translation fault, level 0..3 */
#define GICSIM_DFSC_TRANS_L3    0x07
#define GICSIM_DFSC_SEA         0x10    /* synchronous external abort */

/* SET (with an external abort) */
#define GICSIM_SET_UER          0       /* recoverable */
#define GICSIM_SET_UC           2       /* uncontainable */
#define GICSIM_SET_UEO          3       /* restartable */

/* What the RMM lets the host see of a realm data abort (TF-RMM esr.h) */
#define GICSIM_ESR_NONEMULATED_MASK \
    (GICSIM_ESR_EC_MASK | GICSIM_ESR_SET_MASK | GICSIM_ESR_FNV | \
     GICSIM_ESR_EA | GICSIM_ESR_DFSC_MASK)
#define GICSIM_ESR_EMULATED_MASK \
    (GICSIM_ESR_NONEMULATED_MASK | GICSIM_ESR_ISV | GICSIM_ESR_SAS_MASK | \
     GICSIM_ESR_SF | GICSIM_ESR_WNR)

/* HPFAR_EL2.FIPA, bits [43:4]: IPA[51:12] */
#define GICSIM_HPFAR_FIPA_MASK  0x00000ffffffffff0ull

/* The decoded fields of a Data Abort syndrome */
typedef struct GicsimDabtIss {
    bool isv;           /* the fields below ISV are valid */
    unsigned sas;       /* access size: 1 << sas bytes */
    bool sse;           /* sign-extending load */
    unsigned srt;       /* register Xt/Wt (31: XZR/WZR) */
    bool sf;            /* 64-bit register (X) */
    bool ar;            /* acquire/release */
    bool vncr;
    unsigned set;
    bool fnv;
    bool ea;
    bool cm;
    bool s1ptw;
    bool wnr;           /* write */
    unsigned dfsc;
} GicsimDabtIss;

uint32_t gicsim_dabt_iss_encode(const GicsimDabtIss *iss);
void gicsim_dabt_iss_decode(uint64_t esr, GicsimDabtIss *iss);
/* An ESR_EL2 for a data abort from a lower EL with a 32-bit instruction */
uint64_t gicsim_dabt_esr(const GicsimDabtIss *iss);

/* Bytes of the access an ESR describes, and their mask */
static inline unsigned gicsim_esr_access_len(uint64_t esr)
{
    return 1u << ((esr & GICSIM_ESR_SAS_MASK) >> GICSIM_ESR_SAS_SHIFT);
}

static inline uint64_t gicsim_access_mask(unsigned len)
{
    return len >= 8 ? ~0ull : (1ull << (len * 8)) - 1;
}

/* The realm vCPU's general-purpose state, as the RMM keeps it */
typedef struct GicsimRealmCpu {
    uint64_t x[GICSIM_REC_GPRS];
    uint64_t pc;
    bool aarch32;
} GicsimRealmCpu;

/* A data abort as taken to EL2: the values of ESR_EL2, FAR_EL2, HPFAR_EL2 */
typedef struct GicsimDabt {
    uint64_t esr;
    uint64_t far;
    uint64_t hpfar;
} GicsimDabt;

/*
 * The data abort a realm access to @ipa (virtual address @va) with
 * syndrome @iss raises at stage 2.  @iss->dfsc 0 means a translation
 * fault at level 3 (an assumption: the level depends on the host's RTTs).
 */
void gicsim_rec_realm_abort(const GicsimDabtIss *iss, uint64_t va,
                            uint64_t ipa, GicsimDabt *out);

/* The fault IPA of @hpfar/@far: HPFAR.FIPA and the offset in the page */
static inline uint64_t gicsim_dabt_ipa(uint64_t hpfar, uint64_t far)
{
    return ((hpfar & GICSIM_HPFAR_FIPA_MASK) << 8) | (far & 0xfff);
}

/* The RMM's state for one REC (the parts this model uses) */
typedef struct GicsimRmm {
    unsigned ipa_bits;          /* realm IPA width; top bit: Unprotected */
    /* state checked on REC_ENTER */
    bool realm_active;          /* else RMI_ERROR_REALM */
    bool rec_runnable;          /* else RMI_ERROR_REC */
    bool psci_pending;          /* a PSCI request awaits the host */
    /* the virtual GIC the RecEntry's GIC state is checked against */
    unsigned nr_lrs;            /* ICH_VTR_EL2.ListRegs + 1 */
    unsigned pri_bits;          /* ICH_VTR_EL2.PRIbits + 1 */
    unsigned id_bits;           /* 16 or 24 (ICH_VTR_EL2.IDbits) */
    /*
     * RIPAS of the Protected IPA space: EMPTY in [ripas_empty_base,
     * ripas_empty_top), RAM elsewhere.  The RMM reads it from the realm's
     * RTTs; one range is what the model needs (RIPAS changes and
     * DESTROYED are not modelled).
     */
    uint64_t ripas_empty_base;
    uint64_t ripas_empty_top;
    /* last_run_info: the raw syndrome of the last exit to the host */
    uint64_t last_esr;
    uint64_t last_far;
    uint64_t last_hpfar;
    /* the RMM injected an SEA at the last exit (SET = UER) */
    bool sea_on_entry;
} GicsimRmm;

/*
 * A REC ready to run: realm ACTIVE, REC runnable, a virtual GIC like
 * QEMU's (4 LRs, 5 priority bits, 16 ID bits).
 */
void gicsim_rmm_init(GicsimRmm *rmm, unsigned ipa_bits);

static inline bool gicsim_rmm_ipa_unprotected(unsigned ipa_bits, uint64_t ipa)
{
    return (ipa >> (ipa_bits - 1)) & 1;
}

static inline bool gicsim_rmm_ripas_empty(const GicsimRmm *rmm, uint64_t ipa)
{
    return ipa >= rmm->ripas_empty_base && ipa < rmm->ripas_empty_top;
}

typedef enum GicsimRmmAction {
    GICSIM_RMM_EXIT_TO_HOST,    /* RecExit filled, REC_ENTER returns */
    GICSIM_RMM_INJECT_SEA,      /* RIPAS EMPTY: the realm takes an SEA */
    GICSIM_RMM_FATAL,           /* uncontainable external abort */
    GICSIM_RMM_ADDR_SIZE_FAULT, /* outside the IPA space: stage 1 ASF */
} GicsimRmmAction;

/*
 * RMM: a realm data abort @dabt.  Fills @exit when the access goes to
 * the host (the fields it does not use must be 0: start from a zeroed
 * RecExit); records last_run_info.
 */
GicsimRmmAction gicsim_rmm_data_abort(GicsimRmm *rmm,
                                      const GicsimRealmCpu *cpu,
                                      const GicsimDabt *dabt,
                                      GicsimRecExit *exit);

/* The outcome of a successful REC_ENTER for the realm */
typedef enum GicsimRecOutcome {
    GICSIM_REC_RESTART,         /* no flag: the instruction runs again */
    GICSIM_REC_COMPLETED,       /* MMIO emulated: Xt written, PC += 4 */
    GICSIM_REC_SEA,             /* synchronous external abort injected */
} GicsimRecOutcome;

/*
 * RMM: REC_ENTER with @entry after an exit.  Returns the RMI status; on
 * success sets *@outcome and updates @cpu.
 */
GicsimRmiStatus gicsim_rmm_rec_enter(GicsimRmm *rmm, GicsimRealmCpu *cpu,
                                     const GicsimRecEntry *entry,
                                     GicsimRecOutcome *outcome);

/*
 * The host's view of a vCPU that took a data abort.  For a realm vCPU the
 * host sees only the RecRun; for a normal vCPU it sees the vCPU's
 * registers and the raw syndrome.  The accessors below hide which, so the
 * emulation has one path.
 */
typedef struct GicsimHostVcpu {
    bool realm;
    GicsimRecRun *run;          /* realm */
    GicsimRealmCpu *cpu;        /* normal vCPU: its registers */
    GicsimDabt dabt;            /* normal vCPU: ESR/FAR/HPFAR_EL2 */
    bool sea_pending;           /* normal vCPU: an SEA is to be injected */
} GicsimHostVcpu;

void gicsim_host_vcpu_realm(GicsimHostVcpu *v, GicsimRecRun *run);
void gicsim_host_vcpu_normal(GicsimHostVcpu *v, GicsimRealmCpu *cpu,
                             const GicsimDabt *dabt);

uint64_t gicsim_host_esr(const GicsimHostVcpu *v);
uint64_t gicsim_host_fault_ipa(const GicsimHostVcpu *v);
/* The value a write stores (the access size's bytes of it) */
uint64_t gicsim_host_mmio_write_data(const GicsimHostVcpu *v);
/* The MMIO return step: hand a read's value back, complete the access */
void gicsim_host_mmio_return(GicsimHostVcpu *v, uint64_t val);
/* Ask for a synchronous external abort instead */
void gicsim_host_inject_sea(GicsimHostVcpu *v);

/* The device access the host emulates; false: the device failed it */
typedef bool (*GicsimMmioFn)(void *opaque, uint64_t addr, unsigned len,
                             bool write, uint64_t *val);

typedef struct GicsimMmio {
    uint64_t addr;              /* device address (Unprotected bit clear) */
    unsigned len;
    bool write;
    uint64_t val;               /* written, or read from the device */
} GicsimMmio;

typedef enum GicsimHostAction {
    GICSIM_HOST_EMULATED,       /* device accessed, MMIO return done */
    GICSIM_HOST_INJECT_SEA,     /* no valid syndrome, or device error */
    /*
     * Not MMIO: a fault at a Protected IPA (RIPAS RAM: the host maps
     * memory there) or an external abort; the host re-enters with no flag
     */
    GICSIM_HOST_NOT_MMIO,
} GicsimHostAction;

/*
 * Host: handle a data-abort exit of @v.  @ipa_bits is the realm's IPA
 * width (ignored for a normal vCPU).  @mmio receives the decoded access.
 */
GicsimHostAction gicsim_host_handle_dabt(GicsimHostVcpu *v,
                                         unsigned ipa_bits,
                                         GicsimMmioFn fn, void *opaque,
                                         GicsimMmio *mmio);

/*
 * One realm access forwarded end to end, and what each step did: the
 * realm's abort, the RMM's exit, the host's emulation through @fn, the
 * RMM's re-entry.  The fields of RecExit/RecEntry the protocol uses are
 * copied out so that a log of steps stays small.
 */
typedef struct GicsimRecStep {
    GicsimDabt dabt;            /* what the realm's access raised */
    GicsimRmmAction rmm;
    uint64_t exit_reason;       /* RecExit */
    uint64_t exit_esr;
    uint64_t exit_far;
    uint64_t exit_hpfar;
    uint64_t exit_gpr0;
    GicsimHostAction host;      /* valid when rmm == EXIT_TO_HOST */
    GicsimMmio mmio;
    uint64_t entry_flags;       /* RecEntry */
    uint64_t entry_gpr0;
    GicsimRmiStatus status;     /* REC_ENTER */
    GicsimRecOutcome outcome;   /* valid when status == RMI_SUCCESS */
} GicsimRecStep;

/* How a realm's access ended, from a step */
typedef enum GicsimRecEnd {
    GICSIM_REC_END_COMPLETED,   /* emulated: Xt written, PC += 4 */
    GICSIM_REC_END_RESTART,     /* re-entered, the instruction runs again */
    GICSIM_REC_END_ABORT,       /* the realm takes an abort (SEA, ASF) */
    GICSIM_REC_END_ERROR,       /* REC_ENTER failed, or fatal to the system */
} GicsimRecEnd;

GicsimRecEnd gicsim_rec_step_end(const GicsimRecStep *step);
const char *gicsim_rec_end_name(GicsimRecEnd e);

/*
 * The realm's access: ends with @cpu's register and PC as the RMM leaves
 * them.  Returns true when the access completed (emulated), false when
 * the realm gets an abort, the instruction restarts (a fault at a
 * Protected IPA the host maps) or the REC cannot be entered: see
 * gicsim_rec_step_end().
 */
bool gicsim_rec_forward(GicsimRmm *rmm, GicsimRealmCpu *cpu,
                        GicsimRecRun *run, const GicsimDabt *dabt,
                        GicsimMmioFn fn, void *opaque, GicsimRecStep *step);

const char *gicsim_rmi_status_name(GicsimRmiStatus s);
const char *gicsim_rec_outcome_name(GicsimRecOutcome o);
const char *gicsim_host_action_name(GicsimHostAction a);
const char *gicsim_rmm_action_name(GicsimRmmAction a);

#endif
