/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the realm MMIO forwarding protocol (gicsim-rec.c): the
 * ISS codec, the RMM's exit (what the host may see), the host's
 * emulation, the RMM's completion for every access shape, and every
 * error the RMM reports on re-entry.
 */
#include <glib.h>
#include <string.h>

#include "gicsim-rec.h"

#define IPA_BITS    48
#define UNPROT      (1ull << (IPA_BITS - 1))
#define DEV_IPA     0x080a0024ull       /* a GICR offset, say */

/* A fake device: remembers the last access, reads return a pattern */
typedef struct FakeDev {
    unsigned calls;
    uint64_t addr;
    unsigned len;
    bool write;
    uint64_t wval;
    uint64_t rval;      /* returned (all 8 bytes; the host masks) */
    bool fail;
} FakeDev;

static bool fake_mmio(void *opaque, uint64_t addr, unsigned len, bool write,
                      uint64_t *val)
{
    FakeDev *d = opaque;

    d->calls++;
    d->addr = addr;
    d->len = len;
    d->write = write;
    if (write) {
        d->wval = *val;
    } else {
        *val = d->rval;
    }
    return !d->fail;
}

static GicsimDabtIss iss_of(bool write, unsigned sas, bool sse, bool sf,
                            unsigned srt)
{
    GicsimDabtIss iss = {
        .isv = true, .sas = sas, .sse = sse, .sf = sf, .srt = srt,
        .wnr = write,
    };
    return iss;
}

static void fill_regs(GicsimRealmCpu *cpu)
{
    unsigned i;

    memset(cpu, 0, sizeof(*cpu));
    for (i = 0; i < GICSIM_REC_GPRS; i++) {
        cpu->x[i] = 0xa5a5a5a5a5a5a5a5ull ^ ((uint64_t)i * 0x0101010101ull);
    }
    cpu->pc = 0x40001000;
}

/* What the register holds after a load, computed independently */
static uint64_t expect_load(uint64_t mem, unsigned len, bool sse, bool sf)
{
    uint64_t v;

    switch (len) {
    case 1:
        v = sse ? (uint64_t)(int64_t)(int8_t)mem : (uint8_t)mem;
        break;
    case 2:
        v = sse ? (uint64_t)(int64_t)(int16_t)mem : (uint16_t)mem;
        break;
    case 4:
        v = sse ? (uint64_t)(int64_t)(int32_t)mem : (uint32_t)mem;
        break;
    default:
        v = mem;
        break;
    }
    return sf ? v : (uint32_t)v;
}

static void test_iss_codec(void)
{
    GicsimDabtIss iss = iss_of(false, 2, false, false, 1), back;
    unsigned i;

    /* LDR W1, [X0] faulting at stage 2, level 3 */
    iss.dfsc = GICSIM_DFSC_TRANS_L3;
    g_assert_cmphex(gicsim_dabt_esr(&iss), ==, 0x93810007ull);
    /* STRB WZR: ISV, SAS=0, SRT=31, WnR */
    iss = iss_of(true, 0, false, false, 31);
    g_assert_cmphex(gicsim_dabt_iss_encode(&iss), ==, 0x011f0040u);
    /* LDRSH X3: SAS=1, SSE, SRT=3, SF */
    iss = iss_of(false, 1, true, true, 3);
    g_assert_cmphex(gicsim_dabt_iss_encode(&iss), ==, 0x01638000u);

    /* every field round-trips */
    for (i = 0; i < 2000; i++) {
        uint32_t v = g_test_rand_int() & 0x01ffffff;

        gicsim_dabt_iss_decode(v, &back);
        g_assert_cmphex(gicsim_dabt_iss_encode(&back), ==, v);
    }
}

/*
 * One access of the matrix, through a realm vCPU and through a normal
 * vCPU with the same emulation: both must leave the same registers.
 */
static void check_access(bool write, unsigned sas, bool sse, bool sf,
                         unsigned srt)
{
    unsigned len = 1u << sas;
    uint64_t mask = len == 8 ? ~0ull : (1ull << (len * 8)) - 1;
    GicsimDabtIss iss = iss_of(write, sas, sse, sf, srt);
    GicsimRmm rmm;
    GicsimRealmCpu cpu, before, ncpu;
    GicsimRecRun *run = g_new0(GicsimRecRun, 1);
    GicsimDabt dabt;
    GicsimRecStep st;
    GicsimHostVcpu nv;
    GicsimMmio mmio;
    FakeDev dev = { .rval = 0xfedcba9876543289ull }, ndev = dev;
    uint64_t va = 0xffff800012345000ull | (DEV_IPA & 0xfff);
    uint64_t want_x;

    gicsim_rmm_init(&rmm, IPA_BITS);
    fill_regs(&cpu);
    before = cpu;
    gicsim_rec_realm_abort(&iss, va, UNPROT | DEV_IPA, &dabt);

    g_assert_true(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                     &dev, &st));

    /* RMM exit: what the host sees */
    g_assert_cmpint(st.rmm, ==, GICSIM_RMM_EXIT_TO_HOST);
    g_assert_cmpuint(st.exit_reason, ==, GICSIM_REC_EXIT_SYNC);
    g_assert_cmphex(st.exit_esr, ==,
                    (0x24ull << 26) | GICSIM_ESR_ISV |
                    ((uint64_t)sas << 22) | (sf ? GICSIM_ESR_SF : 0) |
                    (write ? GICSIM_ESR_WNR : 0) | GICSIM_DFSC_TRANS_L3);
    /* never IL, SSE, SRT, AR: for the host the register is X0 */
    g_assert_cmphex(st.exit_esr & (GICSIM_ESR_IL | GICSIM_ESR_SSE |
                                   GICSIM_ESR_SRT_MASK | GICSIM_ESR_AR),
                    ==, 0);
    g_assert_cmphex(st.exit_far, ==, DEV_IPA & 0xfff);
    g_assert_cmphex(st.exit_hpfar, ==, ((UNPROT | DEV_IPA) >> 12) << 4);
    g_assert_cmphex(st.exit_gpr0, ==,
                    write && srt != 31 ? before.x[srt] & mask : 0);

    /* host: the device saw the access at the Protected-half address */
    g_assert_cmpint(st.host, ==, GICSIM_HOST_EMULATED);
    g_assert_cmpuint(dev.calls, ==, 1);
    g_assert_cmphex(dev.addr, ==, DEV_IPA);
    g_assert_cmpuint(dev.len, ==, len);
    g_assert_cmpint(dev.write, ==, write);
    if (write) {
        g_assert_cmphex(dev.wval, ==, srt == 31 ? 0 : before.x[srt] & mask);
    } else {
        g_assert_cmphex(st.entry_gpr0, ==, dev.rval & mask);
    }
    g_assert_cmphex(st.entry_flags, ==, GICSIM_REC_ENTRY_EMULATED_MMIO);

    /* RMM completion */
    g_assert_cmpint(st.status, ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(st.outcome, ==, GICSIM_REC_COMPLETED);
    g_assert_cmphex(cpu.pc, ==, before.pc + 4);
    want_x = !write && srt != 31 ? expect_load(dev.rval, len, sse, sf)
                                  : (srt != 31 ? before.x[srt] : 0);
    if (srt != 31) {
        g_assert_cmphex(cpu.x[srt], ==, want_x);
    }
    cpu.pc = before.pc;
    if (srt != 31) {
        cpu.x[srt] = before.x[srt];
    }
    g_assert_true(memcmp(&cpu, &before, sizeof(cpu)) == 0);

    /* the same emulation for a normal vCPU gives the same registers */
    fill_regs(&ncpu);
    gicsim_host_vcpu_normal(&nv, &ncpu, &dabt);
    g_assert_cmpint(gicsim_host_handle_dabt(&nv, IPA_BITS, fake_mmio, &ndev,
                                            &mmio), ==, GICSIM_HOST_EMULATED);
    /* a normal vCPU's access is at the IPA itself */
    g_assert_cmphex(ndev.addr, ==, UNPROT | DEV_IPA);
    g_assert_cmpuint(ndev.len, ==, len);
    g_assert_cmphex(ndev.wval, ==, dev.wval);
    g_assert_cmphex(ncpu.pc, ==, before.pc + 4);
    if (srt != 31) {
        g_assert_cmphex(ncpu.x[srt], ==, want_x);
    }
    g_free(run);
}

/*
 * Can an A64 load or store give this syndrome?  Stores: STRB/STRH/STR Wt
 * (SAS 0-2, SF=0) and STR Xt (SAS=3, SF=1), never SSE.  Loads:
 * LDRB/LDRH/LDR Wt (SAS 0-2, SF=0), LDR Xt (SAS=3, SF=1), LDRSB/LDRSH Wt
 * (SSE, SAS 0-1, SF=0) and LDRSB/LDRSH/LDRSW Xt (SSE, SAS 0-2, SF=1)
 * (Arm ARM DDI 0487, ISS encoding for a Data Abort: SSE, SF).
 */
static bool architectural(bool write, unsigned sas, bool sse, bool sf)
{
    if (write || !sse) {
        return !sse && sf == (sas == 3);
    }
    return sas < 3 && (sf || sas < 2);
}

/*
 * The matrix: read/write x 1/2/4/8 bytes x SSE x SF x X0/X5/X30/XZR.
 * The 52 accesses an instruction can make are checked against the
 * architecture (expect_load: the Arm ARM's LDR* semantics, which
 * DEN0137 A4.3.4.3 XXHXJC requires the RMM to give the realm).  The
 * other 76 (SAS=3 with SF=0, SSE on a write, a 64-bit SSE load, ...)
 * come from no instruction: what the model does with them (SSE ignored
 * on a write, the value truncated to 32 bits when SF=0, as for the
 * architectural ones) is its own choice, checked only so that it stays
 * what docs/realm.rst says.
 */
static void test_matrix(void)
{
    unsigned write, sas, sse, sf, srt;
    static const unsigned regs[] = { 0, 5, 30, 31 };
    unsigned arch = 0, other = 0;

    for (write = 0; write < 2; write++) {
        for (sas = 0; sas < 4; sas++) {
            for (sse = 0; sse < 2; sse++) {
                for (sf = 0; sf < 2; sf++) {
                    for (srt = 0; srt < G_N_ELEMENTS(regs); srt++) {
                        check_access(write, sas, sse, sf, regs[srt]);
                        if (architectural(write, sas, sse, sf)) {
                            arch++;
                        } else {
                            other++;
                        }
                    }
                }
            }
        }
    }
    g_assert_cmpuint(arch, ==, 13 * 4);
    g_assert_cmpuint(other, ==, 128 - 13 * 4);
}

/*
 * The RMM masks enter.gprs[0] to the access size itself: a host may
 * leave anything above it (the host model masks first, so only a direct
 * REC_ENTER shows it).  LDRB W1, LDRSB X1, LDRH W1, LDRSW X1, LDR W1
 * after a host put 0x123456789abcde80 | byte pattern in gprs[0].
 */
static void test_rmm_masks_gprs0(void)
{
    static const struct {
        unsigned sas;
        bool sse, sf;
        uint64_t x;
    } cases[] = {
        { 0, false, false, 0x80ull },
        { 0, true, true, 0xffffffffffffff80ull },
        { 0, true, false, 0xffffff80ull },
        { 1, false, false, 0xde80ull },
        { 1, true, true, 0xffffffffffffde80ull },
        { 2, true, true, 0xffffffff9abcde80ull },
        { 2, false, false, 0x9abcde80ull },
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        GicsimDabtIss iss = iss_of(false, cases[i].sas, cases[i].sse,
                                   cases[i].sf, 1);
        GicsimRecExit *exit = g_new0(GicsimRecExit, 1);
        GicsimRecEntry *e = g_new0(GicsimRecEntry, 1);
        GicsimRmm rmm;
        GicsimRealmCpu cpu;
        GicsimDabt dabt;
        GicsimRecOutcome o;

        g_assert_true(architectural(false, cases[i].sas, cases[i].sse,
                                    cases[i].sf));
        gicsim_rmm_init(&rmm, IPA_BITS);
        fill_regs(&cpu);
        gicsim_rec_realm_abort(&iss, 0, UNPROT | DEV_IPA, &dabt);
        g_assert_cmpint(gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit), ==,
                        GICSIM_RMM_EXIT_TO_HOST);
        e->flags = GICSIM_REC_ENTRY_EMULATED_MMIO;
        e->gprs[0] = 0x123456789abcde80ull;
        g_assert_cmpint(gicsim_rmm_rec_enter(&rmm, &cpu, e, &o), ==,
                        GICSIM_RMI_SUCCESS);
        g_assert_cmpint(o, ==, GICSIM_REC_COMPLETED);
        g_assert_cmphex(cpu.x[1], ==, cases[i].x);
        g_free(exit);
        g_free(e);
    }
}

/* Known values: LDRSB W2 / LDRSB X2 / LDRH W2 of 0x80 / 0x8001 */
static void test_sign_extension_values(void)
{
    struct {
        unsigned sas;
        bool sse, sf;
        uint64_t mem, x;
    } cases[] = {
        { 0, true, false, 0x80, 0xffffff80ull },
        { 0, true, true, 0x80, 0xffffffffffffff80ull },
        { 0, false, true, 0x180, 0x80 },
        { 1, false, false, 0x8001, 0x8001 },
        { 1, true, true, 0x8001, 0xffffffffffff8001ull },
        { 2, true, true, 0x80000000, 0xffffffff80000000ull },
        { 2, false, false, 0x1ffffffffull, 0xffffffffull },
        { 3, false, true, 0x8000000000000001ull, 0x8000000000000001ull },
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(cases); i++) {
        GicsimDabtIss iss = iss_of(false, cases[i].sas, cases[i].sse,
                                   cases[i].sf, 2);
        GicsimRmm rmm;
        GicsimRealmCpu cpu;
        GicsimRecRun *run = g_new0(GicsimRecRun, 1);
        GicsimDabt dabt;
        GicsimRecStep st;
        FakeDev dev = { .rval = cases[i].mem };

        gicsim_rmm_init(&rmm, IPA_BITS);
        fill_regs(&cpu);
        gicsim_rec_realm_abort(&iss, 0, UNPROT | DEV_IPA, &dabt);
        g_assert_true(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                         &dev, &st));
        g_assert_cmphex(cpu.x[2], ==, cases[i].x);
        g_free(run);
    }
}

/* Exits the RMM does not let the host emulate */
static void test_exit_not_emulatable(void)
{
    GicsimDabtIss iss = iss_of(true, 2, false, true, 7);
    GicsimRmm rmm;
    GicsimRealmCpu cpu, before;
    GicsimRecExit *exit = g_new0(GicsimRecExit, 1);
    GicsimRecRun *run = g_new0(GicsimRecRun, 1);
    GicsimDabt dabt;
    GicsimRecStep st;
    FakeDev dev = { 0 };
    uint64_t ec_dfsc = (0x24ull << 26) | GICSIM_DFSC_TRANS_L3;

    gicsim_rmm_init(&rmm, IPA_BITS);
    fill_regs(&cpu);

    /*
     * Protected IPA, RIPAS RAM: no abort for the realm (DEN0137 A5.2.3
     * RQSQLF) but a non-emulatable exit: ISV and the rest masked, no IL,
     * far = 0, no data (A4.3.4.3)
     */
    gicsim_rec_realm_abort(&iss, 0x1234, DEV_IPA, &dabt);
    g_assert_cmpint(gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit), ==,
                    GICSIM_RMM_EXIT_TO_HOST);
    g_assert_cmphex(exit->esr, ==, ec_dfsc);
    g_assert_cmphex(exit->far, ==, 0);
    g_assert_cmphex(exit->hpfar, ==, (DEV_IPA >> 12) << 4);
    g_assert_cmphex(exit->gprs[0], ==, 0);
    /*
     * ... the host does not treat it as MMIO: it maps memory there and
     * re-enters with no flag, and the instruction runs again
     */
    before = cpu;
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmpint(st.host, ==, GICSIM_HOST_NOT_MMIO);
    g_assert_cmpuint(dev.calls, ==, 0);
    g_assert_cmphex(st.entry_flags, ==, 0);
    g_assert_cmpint(st.status, ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(st.outcome, ==, GICSIM_REC_RESTART);
    g_assert_cmpint(gicsim_rec_step_end(&st), ==, GICSIM_REC_END_RESTART);
    g_assert_true(memcmp(&cpu, &before, sizeof(cpu)) == 0);
    g_assert_cmphex(rmm.last_esr, ==, 0);   /* the REC was entered */

    /* Protected IPA, RIPAS EMPTY: the realm takes an SEA, no exit (RJVQQR) */
    rmm.ripas_empty_base = DEV_IPA & ~0xfffull;
    rmm.ripas_empty_top = rmm.ripas_empty_base + 0x1000;
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmpint(st.rmm, ==, GICSIM_RMM_INJECT_SEA);
    g_assert_cmpint(gicsim_rec_step_end(&st), ==, GICSIM_REC_END_ABORT);
    g_assert_cmpuint(dev.calls, ==, 0);
    /* the next granule is RAM again; the same granule's Unprotected alias
     * is not Protected memory at all */
    gicsim_rec_realm_abort(&iss, 0x1234, DEV_IPA + 0x1000, &dabt);
    g_assert_cmpint(gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit), ==,
                    GICSIM_RMM_EXIT_TO_HOST);
    gicsim_rec_realm_abort(&iss, 0x1234, UNPROT | DEV_IPA, &dabt);
    g_assert_cmpint(gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit), ==,
                    GICSIM_RMM_EXIT_TO_HOST);
    rmm.ripas_empty_base = rmm.ripas_empty_top = 0;

    /*
     * AArch32 realm at an Unprotected IPA: not emulated (TF-RMM); the
     * host sees IL as for any non-emulatable abort there (A4.3.4.3)
     */
    cpu.aarch32 = true;
    gicsim_rec_realm_abort(&iss, 0x1234, UNPROT | DEV_IPA, &dabt);
    gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit);
    g_assert_cmphex(exit->esr, ==, ec_dfsc | GICSIM_ESR_IL);
    g_assert_cmphex(exit->far, ==, 0);
    g_assert_cmphex(exit->gprs[0], ==, 0);
    cpu.aarch32 = false;

    /* Unprotected, ISV=0: EC, DFSC and IL only; the host injects an SEA */
    iss.isv = false;
    gicsim_rec_realm_abort(&iss, 0x1234, UNPROT | DEV_IPA, &dabt);
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmphex(st.exit_esr, ==, ec_dfsc | GICSIM_ESR_IL);
    g_assert_cmphex(st.exit_far, ==, 0);
    g_assert_cmphex(st.exit_gpr0, ==, 0);
    g_assert_cmpint(st.host, ==, GICSIM_HOST_INJECT_SEA);
    g_assert_cmphex(st.entry_flags, ==, GICSIM_REC_ENTRY_INJECT_SEA);
    g_assert_cmpint(st.status, ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(st.outcome, ==, GICSIM_REC_SEA);
    g_assert_cmpuint(dev.calls, ==, 0);

    /*
     * Outside the IPA space: a stage 1 Address Size Fault for the realm,
     * no exit (A5.2.8 RGYVZQ; TF-RMM would inject an SEA)
     */
    iss.isv = true;
    gicsim_rec_realm_abort(&iss, 0, 1ull << IPA_BITS, &dabt);
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmpint(st.rmm, ==, GICSIM_RMM_ADDR_SIZE_FAULT);
    g_assert_cmpint(gicsim_rec_step_end(&st), ==, GICSIM_REC_END_ABORT);

    /*
     * External aborts: non-emulated mask, no HPFAR, no FAR.  Restartable
     * (UEO): reported, the host re-enters, the instruction runs again.
     */
    iss.dfsc = GICSIM_DFSC_SEA;
    iss.set = GICSIM_SET_UEO;
    gicsim_rec_realm_abort(&iss, 0x1234, UNPROT | DEV_IPA, &dabt);
    g_assert_cmpint(gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit), ==,
                    GICSIM_RMM_EXIT_TO_HOST);
    g_assert_cmphex(exit->esr, ==, (0x24ull << 26) |
                    ((uint64_t)GICSIM_SET_UEO << 11) | GICSIM_DFSC_SEA);
    g_assert_cmphex(exit->hpfar, ==, 0);
    g_assert_cmphex(exit->far, ==, 0);
    before = cpu;
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmpint(st.host, ==, GICSIM_HOST_NOT_MMIO);
    g_assert_cmpint(st.outcome, ==, GICSIM_REC_RESTART);
    g_assert_true(memcmp(&cpu, &before, sizeof(cpu)) == 0);
    /*
     * Recoverable (UER): reported to the host and also injected into the
     * realm (TF-RMM handle_sync_external_abort): the entry delivers it
     */
    iss.set = GICSIM_SET_UER;
    gicsim_rec_realm_abort(&iss, 0x1234, UNPROT | DEV_IPA, &dabt);
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmpint(st.rmm, ==, GICSIM_RMM_EXIT_TO_HOST);
    g_assert_cmphex(st.exit_esr, ==, (0x24ull << 26) | GICSIM_DFSC_SEA);
    g_assert_cmpint(st.host, ==, GICSIM_HOST_NOT_MMIO);
    g_assert_cmphex(st.entry_flags, ==, 0);
    g_assert_cmpint(st.status, ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(st.outcome, ==, GICSIM_REC_SEA);
    g_assert_cmpint(gicsim_rec_step_end(&st), ==, GICSIM_REC_END_ABORT);
    g_assert_cmpuint(dev.calls, ==, 0);
    /* delivered once: the next exit and entry are plain again */
    iss = iss_of(false, 2, false, false, 1);
    gicsim_rec_realm_abort(&iss, 0, UNPROT | DEV_IPA, &dabt);
    g_assert_true(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                     &dev, &st));
    dev.calls = 0;
    iss = iss_of(true, 2, false, true, 7);
    iss.dfsc = GICSIM_DFSC_SEA;
    iss.set = GICSIM_SET_UC;
    gicsim_rec_realm_abort(&iss, 0x1234, UNPROT | DEV_IPA, &dabt);
    g_assert_cmpint(gicsim_rmm_data_abort(&rmm, &cpu, &dabt, exit), ==,
                    GICSIM_RMM_FATAL);

    /* A device error: the host asks for an SEA, the realm gets it */
    iss = iss_of(false, 2, false, false, 1);
    dev.fail = true;
    gicsim_rec_realm_abort(&iss, 0, UNPROT | DEV_IPA, &dabt);
    g_assert_false(gicsim_rec_forward(&rmm, &cpu, run, &dabt, fake_mmio,
                                      &dev, &st));
    g_assert_cmpint(st.host, ==, GICSIM_HOST_INJECT_SEA);
    g_assert_cmphex(st.entry_flags, ==, GICSIM_REC_ENTRY_INJECT_SEA);
    g_assert_cmpint(st.outcome, ==, GICSIM_REC_SEA);
    g_free(exit);
    g_free(run);
}

/* Bring @rmm to "last exit was an emulatable read to X1" */
static void exit_read(GicsimRmm *rmm, GicsimRealmCpu *cpu, bool unprot,
                      bool isv)
{
    GicsimDabtIss iss = iss_of(false, 2, false, false, 1);
    GicsimRecExit *exit = g_new0(GicsimRecExit, 1);
    GicsimDabt dabt;

    iss.isv = isv;
    gicsim_rec_realm_abort(&iss, 0, (unprot ? UNPROT : 0) | DEV_IPA, &dabt);
    g_assert_cmpint(gicsim_rmm_data_abort(rmm, cpu, &dabt, exit), ==,
                    GICSIM_RMM_EXIT_TO_HOST);
    g_free(exit);
}

static GicsimRmiStatus enter(GicsimRmm *rmm, GicsimRealmCpu *cpu,
                             const GicsimRecEntry *e, GicsimRecOutcome *o)
{
    return gicsim_rmm_rec_enter(rmm, cpu, e, o);
}

static void test_reentry_errors(void)
{
    GicsimRmm rmm;
    GicsimRealmCpu cpu, before;
    GicsimRecEntry *e = g_new0(GicsimRecEntry, 1);
    GicsimRecOutcome o;

    gicsim_rmm_init(&rmm, IPA_BITS);
    fill_regs(&cpu);
    e->flags = GICSIM_REC_ENTRY_EMULATED_MMIO;
    e->gprs[0] = 0x1234;

    /* realm not ACTIVE, REC not runnable, PSCI request pending */
    exit_read(&rmm, &cpu, true, true);
    rmm.realm_active = false;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REALM);
    rmm.realm_active = true;
    rmm.rec_runnable = false;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    rmm.rec_runnable = true;
    rmm.psci_pending = true;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    rmm.psci_pending = false;

    /* GIC state: hcr bits the host may not set (En), bad list registers */
    e->gicv3_hcr = 1;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->gicv3_hcr = 1u << 14;       /* TDIR: allowed */
    e->gicv3_lrs[0] = (1ull << 62) | (1ull << 61) | 27;     /* HW=1 */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->gicv3_lrs[0] = (1ull << 62) | (0x81ull << 48) | 27;  /* prio RES0 */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->gicv3_lrs[0] = (1ull << 62) | (5ull << 32) | 27;     /* pINTID */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->gicv3_lrs[0] = (1ull << 62) | 1020;                  /* vINTID */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->gicv3_lrs[0] = (1ull << 62) | 70000;                 /* > 16 bits */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->gicv3_lrs[0] = (1ull << 62) | 27;
    e->gicv3_lrs[3] = (2ull << 62) | 27;                    /* duplicate */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    /* invalid LRs and LRs past ICH_VTR.ListRegs are not checked */
    e->gicv3_lrs[3] = (1ull << 61) | 27;
    e->gicv3_lrs[4] = (1ull << 62) | (1ull << 61) | 27;
    e->gicv3_lrs[1] = (1ull << 62) | (0x80ull << 48) | (1ull << 41) | 8192;

    /* now valid: the read completes, and only once */
    before = cpu;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(o, ==, GICSIM_REC_COMPLETED);
    g_assert_cmphex(cpu.x[1], ==, 0x1234);
    g_assert_cmphex(cpu.pc, ==, before.pc + 4);
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    g_assert_cmphex(cpu.pc, ==, before.pc + 4);

    /* EMULATED_MMIO after a non-emulatable exit: Protected, ISV=0 */
    exit_read(&rmm, &cpu, false, true);
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    exit_read(&rmm, &cpu, true, false);
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);

    /*
     * INJECT_SEA has an effect only after a data abort at an Unprotected
     * IPA (DEN0137 A4.2.3 RLJWRK).  After any other exit it is no error
     * (B4.3.14.2 lists none; TF-RMM's complete_sea_insertion returns
     * RMI_ERROR_REC): the entry succeeds and the instruction restarts.
     */
    e->flags = GICSIM_REC_ENTRY_INJECT_SEA;
    exit_read(&rmm, &cpu, false, true);
    before = cpu;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(o, ==, GICSIM_REC_RESTART);
    g_assert_true(memcmp(&cpu, &before, sizeof(cpu)) == 0);
    gicsim_rmm_init(&rmm, IPA_BITS);    /* no exit at all yet */
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(o, ==, GICSIM_REC_RESTART);
    exit_read(&rmm, &cpu, true, false);
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(o, ==, GICSIM_REC_SEA);
    /*
     * INJECT_SEA does not excuse EMULATED_MMIO after a non-emulatable
     * exit: B4.3.14.2 rec_mmio fails the command (TF-RMM skips the
     * EMULATED_MMIO check when INJECT_SEA is set)
     */
    e->flags = GICSIM_REC_ENTRY_INJECT_SEA | GICSIM_REC_ENTRY_EMULATED_MMIO;
    exit_read(&rmm, &cpu, true, false);
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_ERROR_REC);
    e->flags = GICSIM_REC_ENTRY_INJECT_SEA;

    /* INJECT_SEA wins over EMULATED_MMIO: no register written */
    e->flags |= GICSIM_REC_ENTRY_EMULATED_MMIO;
    exit_read(&rmm, &cpu, true, true);
    before = cpu;
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(o, ==, GICSIM_REC_SEA);
    g_assert_true(memcmp(&cpu, &before, sizeof(cpu)) == 0);

    /* no flag: the instruction restarts, PC unchanged */
    e->flags = 0;
    exit_read(&rmm, &cpu, true, true);
    g_assert_cmpint(enter(&rmm, &cpu, e, &o), ==, GICSIM_RMI_SUCCESS);
    g_assert_cmpint(o, ==, GICSIM_REC_RESTART);
    g_assert_true(memcmp(&cpu, &before, sizeof(cpu)) == 0);
    g_free(e);
}

/* The names of the exit-log's "rmm", "host" and "outcome" (docs/realm.rst) */
static void test_names(void)
{
    g_assert_cmpstr(gicsim_rmm_action_name(GICSIM_RMM_EXIT_TO_HOST), ==,
                    "exit");
    g_assert_cmpstr(gicsim_rmm_action_name(GICSIM_RMM_INJECT_SEA), ==,
                    "rmm-sea");
    g_assert_cmpstr(gicsim_rmm_action_name(GICSIM_RMM_FATAL), ==, "fatal");
    g_assert_cmpstr(gicsim_rmm_action_name(GICSIM_RMM_ADDR_SIZE_FAULT), ==,
                    "rmm-asf");
    g_assert_cmpstr(gicsim_host_action_name(GICSIM_HOST_EMULATED), ==,
                    "emulated");
    g_assert_cmpstr(gicsim_host_action_name(GICSIM_HOST_INJECT_SEA), ==,
                    "inject-sea");
    g_assert_cmpstr(gicsim_host_action_name(GICSIM_HOST_NOT_MMIO), ==,
                    "not-mmio");
    g_assert_cmpstr(gicsim_rec_outcome_name(GICSIM_REC_COMPLETED), ==,
                    "completed");
    g_assert_cmpstr(gicsim_rec_outcome_name(GICSIM_REC_SEA), ==, "sea");
    g_assert_cmpstr(gicsim_rec_outcome_name(GICSIM_REC_RESTART), ==,
                    "restart");
    g_assert_cmpstr(gicsim_rmi_status_name(GICSIM_RMI_SUCCESS), ==,
                    "RMI_SUCCESS");
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gicsim/rec/iss", test_iss_codec);
    g_test_add_func("/gicsim/rec/names", test_names);
    g_test_add_func("/gicsim/rec/matrix", test_matrix);
    g_test_add_func("/gicsim/rec/sign-extension", test_sign_extension_values);
    g_test_add_func("/gicsim/rec/rmm-masks-gprs0", test_rmm_masks_gprs0);
    g_test_add_func("/gicsim/rec/not-emulatable", test_exit_not_emulatable);
    g_test_add_func("/gicsim/rec/reentry-errors", test_reentry_errors);
    return g_test_run();
}
