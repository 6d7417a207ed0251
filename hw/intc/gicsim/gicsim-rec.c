/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Arm CCA realm MMIO forwarding (RMM 1.0): see gicsim-rec.h and
 * docs/realm.rst.  QEMU-independent.
 *
 * Sources (facts only, no code taken): the RMM specification DEN0137 1.0
 * (A4.2.3 REC entry following REC exit due to Data Abort, A4.3.4.3 REC
 * exit due to Data Abort, A5.2.3 and A5.2.6 to A5.2.9 on Realm IPA
 * space, B4.3.14 RMI_REC_ENTER); TF-RMM at rmm-spec-v1.0-rel0
 * (runtime/core/exit.c handle_data_abort, handle_sync_external_abort,
 * runtime/rmi/run.c smc_rec_enter, complete_mmio_emulation,
 * complete_sea_insertion, lib/gic/src/gic.c gic_validate_state) with two
 * later fixes (ISV=0 sanitisation, commit 4de93bb0; re-entry checks the
 * host-visible ISV, commit 303ee028); the Linux CCA host series
 * (arch/arm64/kvm/rme-exit.c, mmio.c) for the host.  Where the spec and
 * TF-RMM differ, docs/realm.rst ("DEN0137 1.0 and TF-RMM") says which
 * one the model follows and why; the comments below name the rule.
 */
#include <string.h>

#include "gicsim-rec.h"

/* The architected offsets (RMM 1.0, RmiRecEntry / RmiRecExit) */
#define REC_CHECK(type, field, off) \
    _Static_assert(offsetof(type, field) == (off), #type "." #field)

REC_CHECK(GicsimRecEntry, flags, 0x000);
REC_CHECK(GicsimRecEntry, gprs, 0x200);
REC_CHECK(GicsimRecEntry, gicv3_hcr, 0x300);
REC_CHECK(GicsimRecEntry, gicv3_lrs, 0x308);
REC_CHECK(GicsimRecExit, exit_reason, 0x000);
REC_CHECK(GicsimRecExit, esr, 0x100);
REC_CHECK(GicsimRecExit, far, 0x108);
REC_CHECK(GicsimRecExit, hpfar, 0x110);
REC_CHECK(GicsimRecExit, gprs, 0x200);
REC_CHECK(GicsimRecExit, gicv3_hcr, 0x300);
REC_CHECK(GicsimRecExit, gicv3_lrs, 0x308);
REC_CHECK(GicsimRecExit, gicv3_misr, 0x388);
REC_CHECK(GicsimRecExit, gicv3_vmcr, 0x390);
REC_CHECK(GicsimRecExit, cntp_ctl, 0x400);
REC_CHECK(GicsimRecExit, cntp_cval, 0x408);
REC_CHECK(GicsimRecExit, cntv_ctl, 0x410);
REC_CHECK(GicsimRecExit, cntv_cval, 0x418);
REC_CHECK(GicsimRecExit, ripas_base, 0x500);
REC_CHECK(GicsimRecExit, ripas_top, 0x508);
REC_CHECK(GicsimRecExit, ripas_value, 0x510);
REC_CHECK(GicsimRecExit, imm, 0x600);
REC_CHECK(GicsimRecExit, pmu_ovf_status, 0x700);
REC_CHECK(GicsimRecRun, entry, 0x000);
REC_CHECK(GicsimRecRun, exit, 0x800);
_Static_assert(sizeof(GicsimRecEntry) == 0x800, "RecEntry is 2 KiB");
_Static_assert(sizeof(GicsimRecExit) == 0x800, "RecExit is 2 KiB");
_Static_assert(sizeof(GicsimRecRun) == 0x1000, "RecRun is 4 KiB");

/* ICH_HCR_EL2 bits the host may set (TF-RMM ICH_HCR_EL2_NS_MASK) */
#define ICH_HCR_NS_MASK \
    ((1u << 1) | (1u << 2) | (1u << 3) | (1u << 4) | (1u << 5) | \
     (1u << 6) | (1u << 7) | (1u << 14)) /* UIE..VGrp1DIE, TDIR */
/* ICH_LR<n>_EL2 (IHI 0069H 12.4.6) */
#define ICH_LR_STATE_SHIFT      62
#define ICH_LR_HW               (1ull << 61)
#define ICH_LR_PRIO_SHIFT       48
#define ICH_LR_PINTID_MASK      (0x1fffull << 32)
#define ICH_LR_EOI              (1ull << 41)

uint32_t gicsim_dabt_iss_encode(const GicsimDabtIss *iss)
{
    uint64_t v = 0;

    v |= iss->isv ? GICSIM_ESR_ISV : 0;
    v |= (uint64_t)(iss->sas & 3) << GICSIM_ESR_SAS_SHIFT;
    v |= iss->sse ? GICSIM_ESR_SSE : 0;
    v |= (uint64_t)(iss->srt & 0x1f) << GICSIM_ESR_SRT_SHIFT;
    v |= iss->sf ? GICSIM_ESR_SF : 0;
    v |= iss->ar ? GICSIM_ESR_AR : 0;
    v |= iss->vncr ? GICSIM_ESR_VNCR : 0;
    v |= (uint64_t)(iss->set & 3) << GICSIM_ESR_SET_SHIFT;
    v |= iss->fnv ? GICSIM_ESR_FNV : 0;
    v |= iss->ea ? GICSIM_ESR_EA : 0;
    v |= iss->cm ? GICSIM_ESR_CM : 0;
    v |= iss->s1ptw ? GICSIM_ESR_S1PTW : 0;
    v |= iss->wnr ? GICSIM_ESR_WNR : 0;
    v |= iss->dfsc & GICSIM_ESR_DFSC_MASK;
    return (uint32_t)v;
}

void gicsim_dabt_iss_decode(uint64_t esr, GicsimDabtIss *iss)
{
    iss->isv = esr & GICSIM_ESR_ISV;
    iss->sas = (esr & GICSIM_ESR_SAS_MASK) >> GICSIM_ESR_SAS_SHIFT;
    iss->sse = esr & GICSIM_ESR_SSE;
    iss->srt = (esr & GICSIM_ESR_SRT_MASK) >> GICSIM_ESR_SRT_SHIFT;
    iss->sf = esr & GICSIM_ESR_SF;
    iss->ar = esr & GICSIM_ESR_AR;
    iss->vncr = esr & GICSIM_ESR_VNCR;
    iss->set = (esr & GICSIM_ESR_SET_MASK) >> GICSIM_ESR_SET_SHIFT;
    iss->fnv = esr & GICSIM_ESR_FNV;
    iss->ea = esr & GICSIM_ESR_EA;
    iss->cm = esr & GICSIM_ESR_CM;
    iss->s1ptw = esr & GICSIM_ESR_S1PTW;
    iss->wnr = esr & GICSIM_ESR_WNR;
    iss->dfsc = esr & GICSIM_ESR_DFSC_MASK;
}

uint64_t gicsim_dabt_esr(const GicsimDabtIss *iss)
{
    return ((uint64_t)GICSIM_ESR_EC_DABT_LOW << GICSIM_ESR_EC_SHIFT) |
           GICSIM_ESR_IL | gicsim_dabt_iss_encode(iss);
}

void gicsim_rec_realm_abort(const GicsimDabtIss *iss, uint64_t va,
                            uint64_t ipa, GicsimDabt *out)
{
    GicsimDabtIss s = *iss;

    if (!s.dfsc) {
        s.dfsc = GICSIM_DFSC_TRANS_L3;
    }
    if (!s.isv) {
        /* ISS[23:14] are RES0 without a valid instruction syndrome */
        s.sas = 0;
        s.sse = false;
        s.srt = 0;
        s.sf = false;
        s.ar = false;
    }
    out->esr = gicsim_dabt_esr(&s);
    out->far = va;
    /* HPFAR_EL2.FIPA holds IPA[51:12] in bits [43:4] */
    out->hpfar = (ipa >> 8) & GICSIM_HPFAR_FIPA_MASK;
}

void gicsim_rmm_init(GicsimRmm *rmm, unsigned ipa_bits)
{
    memset(rmm, 0, sizeof(*rmm));
    rmm->ipa_bits = ipa_bits;
    rmm->realm_active = true;
    rmm->rec_runnable = true;
    /*
     * QEMU's virtual CPU interface: ICH_VTR_EL2 reports 4 list registers,
     * 5 priority bits and 16 ID bits (target/arm/tcg gicv3 cpuif).
     */
    rmm->nr_lrs = 4;
    rmm->pri_bits = 5;
    rmm->id_bits = 16;
}

static bool dfsc_is_external_abort(unsigned dfsc)
{
    /* SEA, or SEA on a translation table walk at level -1..3 */
    return dfsc == GICSIM_DFSC_SEA || dfsc == 0x13 ||
           (dfsc >= 0x14 && dfsc <= 0x17);
}

GicsimRmmAction gicsim_rmm_data_abort(GicsimRmm *rmm,
                                      const GicsimRealmCpu *cpu,
                                      const GicsimDabt *dabt,
                                      GicsimRecExit *exit)
{
    uint64_t esr = dabt->esr;
    uint64_t fipa = gicsim_dabt_ipa(dabt->hpfar, 0);
    unsigned srt = (esr & GICSIM_ESR_SRT_MASK) >> GICSIM_ESR_SRT_SHIFT;
    bool unprotected;

    /*
     * The RMM zeroes the whole RecExit before it runs the REC.  The model
     * writes no RecExit field but these five, so clearing them is the
     * same as long as the rest started at 0 (a zeroed RecRun), and it
     * keeps 2 KiB of stores off the MMIO path.
     */
    exit->exit_reason = GICSIM_REC_EXIT_SYNC;
    exit->esr = 0;
    exit->far = 0;
    exit->hpfar = 0;
    exit->gprs[0] = 0;
    rmm->sea_on_entry = false;

    if (dfsc_is_external_abort(esr & GICSIM_ESR_DFSC_MASK)) {
        unsigned set = (esr & GICSIM_ESR_SET_MASK) >> GICSIM_ESR_SET_SHIFT;

        /* DEN0137 is silent on SET; TF-RMM handle_sync_external_abort */
        if (set == GICSIM_SET_UC) {
            return GICSIM_RMM_FATAL;
        }
        if (set == GICSIM_SET_UER) {
            /* recoverable: injected into the realm and reported */
            rmm->sea_on_entry = true;
        }
        /*
         * Reported with the non-emulated mask only.  No HPFAR: it is
         * UNKNOWN for an external abort (TF-RMM; DEN0137 A4.3.4.3 would
         * pass it, docs/realm.rst says why the model does not); FAR is
         * 0 as for every non-emulatable exit.
         */
        exit->esr = esr & GICSIM_ESR_NONEMULATED_MASK;
        goto out;
    }
    if (fipa >> rmm->ipa_bits) {
        /*
         * Outside the realm's IPA space: a stage 1 Address Size Fault
         * for the realm, no exit (DEN0137 A5.2.8 RGYVZQ, RLSJJR; TF-RMM
         * injects an SEA instead).
         */
        return GICSIM_RMM_ADDR_SIZE_FAULT;
    }
    unprotected = gicsim_rmm_ipa_unprotected(rmm->ipa_bits, fipa);
    if (!unprotected && gicsim_rmm_ripas_empty(rmm, fipa)) {
        /* Protected, RIPAS EMPTY: an SEA for the realm (A5.2.3 RJVQQR) */
        return GICSIM_RMM_INJECT_SEA;
    }
    if (!unprotected) {
        /*
         * Protected, RIPAS RAM: no abort for the realm (A5.2.3 RQSQLF) but
         * a non-emulatable exit (A4.3.4.3): the host maps memory there and
         * re-enters.  far = 0, gprs[0] = 0, no IL.
         */
        exit->esr = esr & GICSIM_ESR_NONEMULATED_MASK;
        exit->hpfar = dabt->hpfar;
    } else if (cpu->aarch32 || !(esr & GICSIM_ESR_ISV)) {
        /*
         * Unprotected, non-emulatable: ISV=0 (TF-RMM 4de93bb0), or an
         * AArch32 realm, which TF-RMM never emulates.  A4.3.4.3 gives the
         * host IL too; TF-RMM leaves IL out for AArch32.
         */
        exit->esr = esr & (GICSIM_ESR_NONEMULATED_MASK | GICSIM_ESR_IL);
        exit->hpfar = dabt->hpfar;
    } else {
        unsigned len = gicsim_esr_access_len(esr);

        /*
         * Emulatable.  A write's data: A4.3.4.3 RFFNHW says "the value of
         * the register"; TF-RMM (followed) gives only the access's bytes.
         */
        if ((esr & GICSIM_ESR_WNR) && srt != 31) {
            exit->gprs[0] = cpu->x[srt] & gicsim_access_mask(len);
        }
        exit->esr = esr & GICSIM_ESR_EMULATED_MASK;
        exit->far = dabt->far & 0xfff;  /* offset in the 4 KiB granule */
        exit->hpfar = dabt->hpfar;
    }

out:
    /*
     * last_run_info: the RMM's own syndrome, ISV as the host saw it, so
     * that rec.emulatable_abort (B4.3.14) is "ISV set here"
     */
    rmm->last_esr = esr;
    if (!(exit->esr & GICSIM_ESR_ISV)) {
        rmm->last_esr &= ~GICSIM_ESR_ISV;
    }
    rmm->last_far = dabt->far;
    rmm->last_hpfar = dabt->hpfar;
    return GICSIM_RMM_EXIT_TO_HOST;
}

static bool vintid_valid(const GicsimRmm *rmm, uint64_t intid)
{
    /* SGI/PPI/SPI 0-1019, LPIs from 8192 up to the ID bits */
    return intid <= 1019 ||
           (intid >= 8192 && intid < (1ull << rmm->id_bits));
}

/* TF-RMM gic_validate_state: what the host may put in the RecEntry */
static bool gic_state_valid(const GicsimRmm *rmm, const GicsimRecEntry *e)
{
    uint64_t prio_res0 = (1u << (8 - rmm->pri_bits)) - 1;
    unsigned i, j;

    if (e->gicv3_hcr & ~(uint64_t)ICH_HCR_NS_MASK) {
        return false;
    }
    for (i = 0; i < rmm->nr_lrs && i < GICSIM_REC_GIC_LRS; i++) {
        uint64_t lr = e->gicv3_lrs[i];
        uint64_t intid = lr & 0xffffffffu;

        if (!(lr >> ICH_LR_STATE_SHIFT)) {
            continue;
        }
        if ((lr & ICH_LR_HW) ||
            (((lr >> ICH_LR_PRIO_SHIFT) & 0xff) & prio_res0) ||
            (lr & ICH_LR_PINTID_MASK & ~ICH_LR_EOI) ||
            !vintid_valid(rmm, intid)) {
            return false;
        }
        for (j = i + 1; j < rmm->nr_lrs && j < GICSIM_REC_GIC_LRS; j++) {
            uint64_t other = e->gicv3_lrs[j];

            if ((other >> ICH_LR_STATE_SHIFT) &&
                (other & 0xffffffffu) == intid) {
                return false;
            }
        }
    }
    return true;
}

/*
 * The value a load with syndrome @esr puts in its register from the
 * @val the memory system returned: the access's bytes, sign-extended
 * when SSE, 32 bits when SF=0.
 */
static uint64_t load_value(uint64_t esr, uint64_t val)
{
    unsigned bits = gicsim_esr_access_len(esr) * 8;

    val &= gicsim_access_mask(bits / 8);
    if ((esr & GICSIM_ESR_SSE) && bits < 64) {
        uint64_t sign = 1ull << (bits - 1);

        val = (val ^ sign) - sign;
    }
    if (!(esr & GICSIM_ESR_SF)) {
        val &= 0xffffffffu;
    }
    return val;
}

GicsimRmiStatus gicsim_rmm_rec_enter(GicsimRmm *rmm, GicsimRealmCpu *cpu,
                                     const GicsimRecEntry *entry,
                                     GicsimRecOutcome *outcome)
{
    uint64_t esr = rmm->last_esr;
    uint64_t ec = (esr & GICSIM_ESR_EC_MASK) >> GICSIM_ESR_EC_SHIFT;
    unsigned srt = (esr & GICSIM_ESR_SRT_MASK) >> GICSIM_ESR_SRT_SHIFT;
    /* rec.emulatable_abort (DEN0137 A4.3.4.3, B4.3.14) */
    bool emulatable = ec == GICSIM_ESR_EC_DABT_LOW && (esr & GICSIM_ESR_ISV);

    if (!rmm->realm_active) {
        return GICSIM_RMI_ERROR_REALM;
    }
    if (!rmm->rec_runnable || rmm->psci_pending) {
        return GICSIM_RMI_ERROR_REC;
    }
    if (!gic_state_valid(rmm, entry)) {
        return GICSIM_RMI_ERROR_REC;
    }
    /*
     * B4.3.14.2 rec_mmio: EMULATED_MMIO without an emulatable abort fails,
     * whatever INJECT_SEA says (TF-RMM checks INJECT_SEA first and then
     * ignores EMULATED_MMIO).
     */
    if ((entry->flags & GICSIM_REC_ENTRY_EMULATED_MMIO) && !emulatable) {
        return GICSIM_RMI_ERROR_REC;
    }
    if (entry->flags & GICSIM_REC_ENTRY_INJECT_SEA) {
        uint64_t fipa = gicsim_dabt_ipa(rmm->last_hpfar, 0);

        /*
         * A4.2.3 RLJWRK: an SEA after a data abort at an Unprotected IPA;
         * RTWMDB: EMULATED_MMIO is then ignored.  After any other exit
         * the flag has no effect: B4.3.14.2 has no failure condition for
         * it (TF-RMM complete_sea_insertion fails with RMI_ERROR_REC).
         */
        if (ec == GICSIM_ESR_EC_DABT_LOW &&
            gicsim_rmm_ipa_unprotected(rmm->ipa_bits, fipa)) {
            *outcome = GICSIM_REC_SEA;
        } else {
            *outcome = GICSIM_REC_RESTART;
        }
    } else if (entry->flags & GICSIM_REC_ENTRY_EMULATED_MMIO) {
        /* A4.2.3 RSCJWG, RBWZKH; A4.3.4.3 XXHXJC: the RMM sign-extends */
        if (!(esr & GICSIM_ESR_WNR) && srt != 31) {
            cpu->x[srt] = load_value(esr, entry->gprs[0]);
        }
        cpu->pc += 4;
        *outcome = GICSIM_REC_COMPLETED;
    } else {
        *outcome = GICSIM_REC_RESTART;
    }
    if (rmm->sea_on_entry) {
        /* the SEA the RMM injected at the exit (TF-RMM, SET = UER) */
        *outcome = GICSIM_REC_SEA;
        rmm->sea_on_entry = false;
    }
    /*
     * A successful entry consumes the exit: the REC runs until its next
     * exit, which sets rec.emulatable_abort anew.
     */
    rmm->last_esr = 0;
    return GICSIM_RMI_SUCCESS;
}

void gicsim_host_vcpu_realm(GicsimHostVcpu *v, GicsimRecRun *run)
{
    memset(v, 0, sizeof(*v));
    v->realm = true;
    v->run = run;
}

void gicsim_host_vcpu_normal(GicsimHostVcpu *v, GicsimRealmCpu *cpu,
                             const GicsimDabt *dabt)
{
    memset(v, 0, sizeof(*v));
    v->cpu = cpu;
    v->dabt = *dabt;
}

uint64_t gicsim_host_esr(const GicsimHostVcpu *v)
{
    return v->realm ? v->run->exit.esr : v->dabt.esr;
}

uint64_t gicsim_host_fault_ipa(const GicsimHostVcpu *v)
{
    if (v->realm) {
        return gicsim_dabt_ipa(v->run->exit.hpfar, v->run->exit.far);
    }
    return gicsim_dabt_ipa(v->dabt.hpfar, v->dabt.far);
}

uint64_t gicsim_host_mmio_write_data(const GicsimHostVcpu *v)
{
    uint64_t esr = gicsim_host_esr(v);
    unsigned srt = (esr & GICSIM_ESR_SRT_MASK) >> GICSIM_ESR_SRT_SHIFT;
    uint64_t mask = gicsim_access_mask(gicsim_esr_access_len(esr));

    if (v->realm) {
        /* whatever register the realm used, the RMM put it in gprs[0] */
        return v->run->exit.gprs[0] & mask;
    }
    return srt == 31 ? 0 : v->cpu->x[srt] & mask;
}

void gicsim_host_mmio_return(GicsimHostVcpu *v, uint64_t val)
{
    uint64_t esr = gicsim_host_esr(v);
    bool read = !(esr & GICSIM_ESR_WNR);

    if (v->realm) {
        /*
         * The host cannot write the realm's register nor move its PC:
         * it hands the value over and the RMM completes the instruction.
         */
        if (read) {
            v->run->entry.gprs[0] = val;
        }
        v->run->entry.flags |= GICSIM_REC_ENTRY_EMULATED_MMIO;
        return;
    }
    if (read) {
        unsigned srt = (esr & GICSIM_ESR_SRT_MASK) >> GICSIM_ESR_SRT_SHIFT;

        if (srt != 31) {
            v->cpu->x[srt] = load_value(esr, val);
        }
    }
    v->cpu->pc += 4;
}

void gicsim_host_inject_sea(GicsimHostVcpu *v)
{
    if (v->realm) {
        v->run->entry.flags &= ~GICSIM_REC_ENTRY_EMULATED_MMIO;
        v->run->entry.flags |= GICSIM_REC_ENTRY_INJECT_SEA;
    } else {
        v->sea_pending = true;
    }
}

GicsimHostAction gicsim_host_handle_dabt(GicsimHostVcpu *v,
                                         unsigned ipa_bits,
                                         GicsimMmioFn fn, void *opaque,
                                         GicsimMmio *mmio)
{
    uint64_t esr = gicsim_host_esr(v);
    uint64_t ipa = gicsim_host_fault_ipa(v);
    uint64_t ec = (esr & GICSIM_ESR_EC_MASK) >> GICSIM_ESR_EC_SHIFT;

    memset(mmio, 0, sizeof(*mmio));
    if (v->realm) {
        v->run->entry.flags = 0;
    }
    if (ec != GICSIM_ESR_EC_DABT_LOW) {
        return GICSIM_HOST_NOT_MMIO;
    }
    if (v->realm) {
        if (dfsc_is_external_abort(esr & GICSIM_ESR_DFSC_MASK) ||
            !gicsim_rmm_ipa_unprotected(ipa_bits, ipa)) {
            /*
             * An external abort (the host's RAS handling), or a fault at
             * a Protected IPA: the host maps memory there (RIPAS RAM) and
             * re-enters with no flag, so the instruction runs again.
             */
            return GICSIM_HOST_NOT_MMIO;
        }
        ipa &= ~(1ull << (ipa_bits - 1));
    }
    mmio->addr = ipa;
    if (!(esr & GICSIM_ESR_ISV)) {
        /* no syndrome to emulate from: an external abort for the guest */
        gicsim_host_inject_sea(v);
        return GICSIM_HOST_INJECT_SEA;
    }
    mmio->len = gicsim_esr_access_len(esr);
    mmio->write = esr & GICSIM_ESR_WNR;
    if (mmio->write) {
        mmio->val = gicsim_host_mmio_write_data(v);
    }
    if (!fn(opaque, mmio->addr, mmio->len, mmio->write, &mmio->val)) {
        /* the device failed the access: userspace asks for an SEA */
        gicsim_host_inject_sea(v);
        return GICSIM_HOST_INJECT_SEA;
    }
    if (!mmio->write) {
        mmio->val &= gicsim_access_mask(mmio->len);
    }
    gicsim_host_mmio_return(v, mmio->val);
    return GICSIM_HOST_EMULATED;
}

bool gicsim_rec_forward(GicsimRmm *rmm, GicsimRealmCpu *cpu,
                        GicsimRecRun *run, const GicsimDabt *dabt,
                        GicsimMmioFn fn, void *opaque, GicsimRecStep *step)
{
    GicsimHostVcpu v;

    memset(step, 0, sizeof(*step));
    step->dabt = *dabt;
    step->rmm = gicsim_rmm_data_abort(rmm, cpu, dabt, &run->exit);
    if (step->rmm != GICSIM_RMM_EXIT_TO_HOST) {
        return false;
    }
    step->exit_reason = run->exit.exit_reason;
    step->exit_esr = run->exit.esr;
    step->exit_far = run->exit.far;
    step->exit_hpfar = run->exit.hpfar;
    step->exit_gpr0 = run->exit.gprs[0];

    gicsim_host_vcpu_realm(&v, run);
    step->host = gicsim_host_handle_dabt(&v, rmm->ipa_bits, fn, opaque,
                                         &step->mmio);
    step->entry_flags = run->entry.flags;
    step->entry_gpr0 = run->entry.gprs[0];
    step->status = gicsim_rmm_rec_enter(rmm, cpu, &run->entry,
                                        &step->outcome);
    return step->status == GICSIM_RMI_SUCCESS &&
           step->outcome == GICSIM_REC_COMPLETED;
}

GicsimRecEnd gicsim_rec_step_end(const GicsimRecStep *step)
{
    switch (step->rmm) {
    case GICSIM_RMM_INJECT_SEA:
    case GICSIM_RMM_ADDR_SIZE_FAULT:
        return GICSIM_REC_END_ABORT;
    case GICSIM_RMM_FATAL:
        return GICSIM_REC_END_ERROR;
    default:
        break;
    }
    if (step->status != GICSIM_RMI_SUCCESS) {
        return GICSIM_REC_END_ERROR;
    }
    switch (step->outcome) {
    case GICSIM_REC_COMPLETED:
        return GICSIM_REC_END_COMPLETED;
    case GICSIM_REC_SEA:
        return GICSIM_REC_END_ABORT;
    default:
        return GICSIM_REC_END_RESTART;
    }
}

const char *gicsim_rec_end_name(GicsimRecEnd e)
{
    switch (e) {
    case GICSIM_REC_END_COMPLETED:
        return "completed";
    case GICSIM_REC_END_RESTART:
        return "restart";
    case GICSIM_REC_END_ABORT:
        return "abort";
    case GICSIM_REC_END_ERROR:
        return "error";
    }
    return "?";
}

const char *gicsim_rmi_status_name(GicsimRmiStatus s)
{
    static const char *const names[] = {
        "RMI_SUCCESS", "RMI_ERROR_INPUT", "RMI_ERROR_REALM",
        "RMI_ERROR_REC", "RMI_ERROR_RTT",
    };

    return (unsigned)s < 5 ? names[s] : "RMI_ERROR_?";
}

const char *gicsim_rec_outcome_name(GicsimRecOutcome o)
{
    switch (o) {
    case GICSIM_REC_RESTART:
        return "restart";
    case GICSIM_REC_COMPLETED:
        return "completed";
    case GICSIM_REC_SEA:
        return "sea";
    }
    return "?";
}

const char *gicsim_host_action_name(GicsimHostAction a)
{
    switch (a) {
    case GICSIM_HOST_EMULATED:
        return "emulated";
    case GICSIM_HOST_INJECT_SEA:
        return "inject-sea";
    case GICSIM_HOST_NOT_MMIO:
        return "not-mmio";
    }
    return "?";
}

const char *gicsim_rmm_action_name(GicsimRmmAction a)
{
    switch (a) {
    case GICSIM_RMM_EXIT_TO_HOST:
        return "exit";
    case GICSIM_RMM_INJECT_SEA:
        return "rmm-sea";
    case GICSIM_RMM_FATAL:
        return "fatal";
    case GICSIM_RMM_ADDR_SIZE_FAULT:
        return "rmm-asf";
    }
    return "?";
}
