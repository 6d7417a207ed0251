// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Realm MMIO forwarding (docs/realm.rst): with realm-shim=on the GIC is
 * also reachable at its Unprotected alias, address + 2^(realm-ipa-bits -
 * 1) = address + 2^47, where every access runs the RMM 1.0 RecExit /
 * RecEntry protocol with the syndrome of the instruction making it.  The
 * program accesses GIC registers through the alias with W and X
 * registers, sign-extending loads and XZR stores, and checks each value
 * against the same register read directly; instructions with no valid
 * syndrome (load/store pair, writeback addressing) must end in a
 * synchronous external abort at the alias, and work directly.
 *
 * TCG extends a load's bytes for the instruction itself, so the values
 * above pass whatever the RMM model's completion computes.  Each load
 * through the alias is therefore followed by a second access through it
 * from the next instruction (LDR WZR), at which the shim compares the
 * register the RMM completed with the register the vCPU has; a store's
 * RecExit data is compared with the bytes the vCPU stores.  The harness
 * reads the counts over QMP once the program has ended (E2E-QOM): every
 * access checked, no mismatch.  A semihosting call then reads a string
 * through the alias right after a byte load from it: device code on the
 * vCPU thread, which must not be given that load's syndrome (the shim
 * counts it as an access with no instruction behind it); so must the
 * ITS's reads of a command queue put at the alias, made from inside the
 * GITS_CWRITER store (1 + 4 such accesses).
 *
 * E2E-RUN: v3 gic-version=3,its=on,realm-shim=on | -smp 2
 * E2E-RUN: v4 gic-version=4,virtualization=on,its=on,realm-shim=on | -smp 2
 *
 * E2E-EXPECT: PASS ldr_w_gicd_typer
 * E2E-EXPECT: PASS ldr_w_zero_extends
 * E2E-EXPECT: PASS ldr_x_irouter
 * E2E-EXPECT: PASS ldr_x_gicr_typer_cpu1
 * E2E-EXPECT: PASS ldrb_w_ipriorityr
 * E2E-EXPECT: PASS ldrsb_x_ipriorityr
 * E2E-EXPECT: PASS ldrsb_w_ipriorityr
 * E2E-EXPECT: PASS ldrsw_x_irouter
 * E2E-EXPECT: PASS ldr_w_irouter_high
 * E2E-EXPECT: PASS str_w_isenabler
 * E2E-EXPECT: PASS str_x_irouter
 * E2E-EXPECT: PASS strb_w_ipriorityr
 * E2E-EXPECT: PASS str_wzr_ipriorityr
 * E2E-EXPECT: PASS str_xzr_irouter
 * E2E-EXPECT: PASS ldp_direct_works
 * E2E-EXPECT: PASS ldp_alias_aborts
 * E2E-EXPECT: PASS stp_alias_aborts
 * E2E-EXPECT: PASS ldr_postindex_alias_aborts
 * E2E-EXPECT: PASS no_unexpected_abort
 * E2E-EXPECT: PASS semihosting_reads_alias
 * E2E-EXPECT: PASS its_reads_alias
 * E2E-EXPECT: SUMMARY realm: 21 passed, 0 failed, 0 skipped
 *
 * Checked: the GICD alias's 9 checked loads and 5 stores, the GICR
 * alias's load (the byte load before the semihosting call is not).
 * E2E-QOM: /machine/realm-shim-gicd completion-checks
 * E2E-QOM: /machine/realm-shim-gicd completion-mismatches
 * E2E-QOM: /machine/realm-shim-gicr completion-checks
 * E2E-QOM: /machine/realm-shim-gicr completion-mismatches
 * E2E-QOM: /machine/realm-shim-gicd assumed-syndromes
 * E2E-EXPECT: QOM /machine/realm-shim-gicd completion-checks 14
 * E2E-EXPECT: QOM /machine/realm-shim-gicd completion-mismatches 0
 * E2E-EXPECT: QOM /machine/realm-shim-gicr completion-checks 1
 * E2E-EXPECT: QOM /machine/realm-shim-gicr completion-mismatches 0
 * E2E-EXPECT: QOM /machine/realm-shim-gicd assumed-syndromes 5
 * The LDP, STP and post-indexed LDR exit to the host, which cannot
 * emulate them: on gic-model=sim the cost model's realm path costs them
 * as unemulated accesses (the stock GIC has no cost-stats).
 * E2E-QOM: /machine/gic cost-stats
 * E2E-EXPECT: QOM /machine/gic cost-stats (.*"unemulated": 3[,}].*|error: .*)
 */
#include "gic.h"

#define ALIAS           (1ull << 47)    /* realm-ipa-bits=48 (default) */
#define A(addr)         ((uintptr_t)(addr) + ALIAS)
#define IROUTER(n)      (GICD_BASE + GICD_IROUTER + 8 * (n))
#define IPRIO(n)        (GICD_BASE + GICD_IPRIORITYR + (n))

/* The last synchronous exception taken (the abort handler skips it) */
static volatile uint64_t aborts, last_esr, last_far, last_elr;

static void on_sync(struct frame *f, uint64_t esr, uint64_t far)
{
    aborts++;
    last_esr = esr;
    last_far = far;
    last_elr = f->elr;
    f->elr += 4;
}

/* Loads into a register that holds a pattern first: W writes clear 63:32 */
#define PATTERN 0xdeadbeefdeadbeefull

/*
 * After the load, an access through the alias from the next instruction
 * (a read of GICD_TYPER to WZR): there the shim checks the register the
 * RMM completed against the vCPU's.
 */
#define CHECK_NEXT      "\n\tldr wzr, [%[chk]]"
#define CHK             [chk] "r"(A(GICD_BASE + GICD_TYPER))

static uint64_t ldr_w(uintptr_t a)
{
    uint64_t v = PATTERN;

    asm volatile("ldr %w0, [%1]" CHECK_NEXT : "+r"(v) : "r"(a), CHK
                 : "memory");
    return v;
}

static uint64_t ldr_x(uintptr_t a)
{
    uint64_t v = PATTERN;

    asm volatile("ldr %x0, [%1]" CHECK_NEXT : "+r"(v) : "r"(a), CHK
                 : "memory");
    return v;
}

static uint64_t ldrb_w(uintptr_t a)
{
    uint64_t v = PATTERN;

    asm volatile("ldrb %w0, [%1]" CHECK_NEXT : "+r"(v) : "r"(a), CHK
                 : "memory");
    return v;
}

static uint64_t ldrsb_x(uintptr_t a)
{
    uint64_t v = PATTERN;

    asm volatile("ldrsb %x0, [%1]" CHECK_NEXT : "+r"(v) : "r"(a), CHK
                 : "memory");
    return v;
}

static uint64_t ldrsb_w(uintptr_t a)
{
    uint64_t v = PATTERN;

    asm volatile("ldrsb %w0, [%1]" CHECK_NEXT : "+r"(v) : "r"(a), CHK
                 : "memory");
    return v;
}

static uint64_t ldrsw_x(uintptr_t a)
{
    uint64_t v = PATTERN;

    asm volatile("ldrsw %x0, [%1]" CHECK_NEXT : "+r"(v) : "r"(a), CHK
                 : "memory");
    return v;
}

/* A semihosting call (SYS_WRITE0 = 4: write a NUL-terminated string) */
#define SYS_WRITE0      4

static uint64_t semihost(uint64_t op, uint64_t arg)
{
    register uint64_t x0 asm("x0") = op;
    register uint64_t x1 asm("x1") = arg;

    asm volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return x0;
}

/* An abort the next access must (not) take; returns 1 if it took one */
static int took_abort(uint64_t before, uintptr_t addr, const char *name)
{
    if (aborts == before) {
        return 0;
    }
    /*
     * A synchronous external abort on a data access from the current EL:
     * EC 0x25, DFSC 0x10, FAR the address.
     */
    return check(name, (last_esr >> 26) == 0x25 &&
                 (last_esr & 0x3f) == 0x10 && last_far == addr,
                 "ESR_EL1 0x%lx FAR_EL1 0x%lx (want EC 0x25, DFSC 0x10, "
                 "FAR 0x%lx)", last_esr, last_far, addr) + 1;
}

int main(void)
{
    uint64_t n, v, w, lo, hi;

    gic_dist_init();
    gic_cpu_init();
    el1_sync_hook = on_sync;

    /* Loads: W and X, zero- and sign-extending, against direct reads */
    check_eq("ldr_w_gicd_typer", ldr_w(A(GICD_BASE + GICD_TYPER)),
             gicd_read(GICD_TYPER));
    check("ldr_w_zero_extends", ldr_w(A(GICD_BASE + GICD_TYPER)) >> 32 == 0,
          "a W load left 0x%lx in bits 63:32",
          ldr_w(A(GICD_BASE + GICD_TYPER)) >> 32);

    /* IRM=1, Aff0=1: bit 31 set, so LDRSW must sign-extend */
    mmio_write64(IROUTER(40), 0x0000001280000001ull);
    check_eq("ldr_x_irouter", ldr_x(A(IROUTER(40))), 0x0000001280000001ull);
    check_eq("ldr_x_gicr_typer_cpu1", ldr_x(A(gicr_rd(1) + GICR_TYPER)),
             mmio_read64(gicr_rd(1) + GICR_TYPER));

    mmio_write8(IPRIO(44), 0x80);
    mmio_write8(IPRIO(45), 0x50);
    check_eq("ldrb_w_ipriorityr", ldrb_w(A(IPRIO(44))), 0x80);
    check_eq("ldrsb_x_ipriorityr", ldrsb_x(A(IPRIO(44))),
             0xffffffffffffff80ull);
    /* LDRSB Wt: sign-extended to 32 bits, bits 63:32 cleared (SF=0) */
    check_eq("ldrsb_w_ipriorityr", ldrsb_w(A(IPRIO(44))), 0xffffff80ull);
    check_eq("ldrsw_x_irouter", ldrsw_x(A(IROUTER(40))),
             0xffffffff80000001ull);
    check_eq("ldr_w_irouter_high", ldr_w(A(IROUTER(40) + 4)), 0x12);

    /* Stores: W, X, byte, and the zero register */
    mmio_write32(GICD_BASE + GICD_ICENABLER + 4, ~0u);
    v = 1u << 13;       /* SPI 45 */
    asm volatile("str %w0, [%1]" :: "r"(v),
                 "r"(A(GICD_BASE + GICD_ISENABLER + 4)) : "memory");
    check_eq("str_w_isenabler", gicd_read(GICD_ISENABLER + 4), v);
    mmio_write32(GICD_BASE + GICD_ICENABLER + 4, ~0u);

    v = 0x0000000300020001ull;
    asm volatile("str %x0, [%1]" :: "r"(v), "r"(A(IROUTER(41))) : "memory");
    check_eq("str_x_irouter", mmio_read64(IROUTER(41)), v);

    /* STRB Wt of a register with more bits set: the byte is the low one */
    v = 0x12345678abcdefa0ull;
    asm volatile("strb %w0, [%1]" :: "r"(v), "r"(A(IPRIO(46))) : "memory");
    check_eq("strb_w_ipriorityr", mmio_read8(IPRIO(46)), 0xa0);

    mmio_write32(IPRIO(48), 0xa0a0a0a0);
    asm volatile("str wzr, [%0]" :: "r"(A(IPRIO(48))) : "memory");
    check_eq("str_wzr_ipriorityr", gicd_read(GICD_IPRIORITYR + 48), 0);

    mmio_write64(IROUTER(42), 0x0000000100000001ull);
    asm volatile("str xzr, [%0]" :: "r"(A(IROUTER(42))) : "memory");
    check_eq("str_xzr_irouter", mmio_read64(IROUTER(42)), 0);

    /*
     * No valid syndrome: LDP, STP, post-indexed LDR.  Directly they work;
     * at the alias the host cannot emulate them and the realm gets an
     * external abort.
     */
    n = aborts;
    asm volatile("ldp %w0, %w1, [%2]" : "=r"(lo), "=r"(hi)
                 : "r"(IROUTER(40)) : "memory");
    check("ldp_direct_works", aborts == n && lo == 0x80000001 && hi == 0x12,
          "aborts %ld, got 0x%lx 0x%lx", aborts - n, lo, hi);

    n = aborts;
    lo = hi = PATTERN;
    asm volatile("ldp %w0, %w1, [%2]" : "+r"(lo), "+r"(hi)
                 : "r"(A(IROUTER(40))) : "memory");
    if (!took_abort(n, A(IROUTER(40)), "ldp_alias_aborts")) {
        fail("ldp_alias_aborts", "no abort, got 0x%lx 0x%lx", lo, hi);
    }

    n = aborts;
    v = 5;
    w = 6;
    asm volatile("stp %w0, %w1, [%2]" :: "r"(v), "r"(w),
                 "r"(A(IROUTER(43))) : "memory");
    if (!took_abort(n, A(IROUTER(43)), "stp_alias_aborts")) {
        fail("stp_alias_aborts", "no abort, IROUTER(43) 0x%lx",
             mmio_read64(IROUTER(43)));
    }

    n = aborts;
    {
        uintptr_t p = A(GICD_BASE + GICD_TYPER);

        v = PATTERN;
        asm volatile("ldr %w0, [%1], #4" : "+r"(v), "+r"(p) :: "memory");
        if (!took_abort(n, A(GICD_BASE + GICD_TYPER),
                        "ldr_postindex_alias_aborts")) {
            fail("ldr_postindex_alias_aborts", "no abort, got 0x%lx", v);
        }
    }

    /* every other access completed: exactly the three aborts above */
    check("no_unexpected_abort", aborts == 3, "%ld aborts", aborts);

    /*
     * SYS_WRITE0 of an empty string at the alias of a zero priority byte,
     * right after a byte load from the alias: QEMU's semihosting reads
     * the string byte by byte on the vCPU thread, with no instruction of
     * the guest making those reads (E2E-QOM assumed-syndromes above).
     */
    mmio_write8(IPRIO(60), 0);
    /* a 1-byte load, like the semihosting reads (no LDR WZR after it) */
    asm volatile("ldrb %w0, [%1]" : "=r"(v) : "r"(A(IPRIO(44))) : "memory");
    semihost(SYS_WRITE0, A(IPRIO(60)));     /* returns nothing useful */
    check("semihosting_reads_alias", v == 0x80 && aborts == 3,
          "got 0x%lx, aborts %ld", v, aborts);
    /*
     * The ITS's command queue at the GICD alias: the GITS_CWRITER store
     * makes the ITS read one command (4 x 8 bytes) through the shim, from
     * inside that store's MMIO access
     */
    mmio_write64(GITS_BASE + GITS_CBASER, (1ull << 63) | A(GICD_BASE));
    mmio_write32(GITS_BASE + GITS_CTLR, 1);
    mmio_write64(GITS_BASE + GITS_CWRITER, 32);
    check("its_reads_alias", aborts == 3, "aborts %ld, CREADR 0x%lx", aborts,
          mmio_read64(GITS_BASE + GITS_CREADR));
    finish_system_off("realm");
}
