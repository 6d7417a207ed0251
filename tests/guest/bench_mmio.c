// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * MMIO cost benchmark (not a test: no E2E-RUN lines, so scripts/e2e.sh
 * builds it but does not run it; scripts/bench.sh does).
 *
 * At EL1, for each access kind, time a tight loop of N identical guest
 * accesses with CNTVCT_EL0 (ISB on both sides of each counter read) and
 * print one line
 *
 *     BENCH <name> <ns_per_op>
 *
 * with ns_per_op the median of REPS timed passes (after one untimed
 * warm-up pass of N/10 that translates the loop and fills the TLB).  Every loop
 * has the same shape, one access + subs + b.ne, written in assembler so
 * the compiler cannot change it:
 *
 *   ram_ldr32          32-bit load from normal RAM: the loop baseline
 *   uart_fr_r32        PL011 UARTFR read: a non-GIC MMIO reference
 *   gicd_typer_r32     GICD_TYPER
 *   gicd_isenabler1_r32  GICD_ISENABLER1
 *   gicd_isenabler1_w32  GICD_ISENABLER1 write-1-to-set of the already
 *                      enabled INTID 40 (no state change)
 *   gicd_ipriorityr_r8   byte of GICD_IPRIORITYR (INTID 40)
 *   gicd_irouter40_r64   GICD_IROUTER<40>, one 64-bit load
 *   gicr_typer_r64     GICR_TYPER of CPU 0, one 64-bit load
 *   gicr_waker_r32     GICR_WAKER of CPU 0
 *   gicr_last_typer_r64  GICR_TYPER of the last CPU (the same as
 *                      gicr_typer_r64 with one CPU): does finding a
 *                      redistributor cost more with more CPUs?
 *   gicd_irouter40_move_w64  GICD_IROUTER<40> written with the last
 *                      CPU's affinity, then with CPU 0's, and so on: every
 *                      write changes the routing of the enabled INTID 40
 *                      (not pending); two stores per loop iteration, the
 *                      same number of accesses as the other kinds
 *   gicd_ctlr_w32      GICD_CTLR rewritten with its current value (both
 *                      models recompute every interrupt's state on it)
 *
 * N comes from the semihosting command line (SYS_GET_CMDLINE), e.g.
 *   -semihosting-config enable=on,target=native,arg=bench_mmio,arg=20000
 * (the last decimal word; default 20000; it must be even, and so must
 * N/10), and the number of CPUs from a word smp=N before it (default 1).
 */
#include "gic.h"
#include "bench.h"

#define DEFAULT_ITERS 20000
#define REPS BENCH_REPS
#define INTID 40

/* One timed loop per access instruction; returns counter ticks. */
#define TIMED_LOOP(fn, insn)                                            \
static uint64_t fn(uintptr_t addr, uint64_t val, uint64_t n)            \
{                                                                       \
    uint64_t t0, t1;                                                    \
    __asm__ volatile(                                                   \
        "isb\n\tmrs %[t0], cntvct_el0\n\tisb\n"                         \
        "1:\t" insn "\n\t"                                              \
        "subs %[n], %[n], #1\n\t"                                       \
        "b.ne 1b\n\t"                                                   \
        "isb\n\tmrs %[t1], cntvct_el0\n\tisb"                           \
        : [t0] "=&r"(t0), [t1] "=&r"(t1), [n] "+r"(n)                   \
        : [a] "r"(addr), [v] "r"(val)                                   \
        : "x9", "memory", "cc");                                        \
    return t1 - t0;                                                     \
}

TIMED_LOOP(loop_ldr8,  "ldrb w9, [%[a]]")
TIMED_LOOP(loop_ldr32, "ldr w9, [%[a]]")
TIMED_LOOP(loop_ldr64, "ldr x9, [%[a]]")
TIMED_LOOP(loop_str32, "str %w[v], [%[a]]")

/* Two 64-bit stores per iteration, val then 0: n accesses, n even */
static uint64_t loop_str64_pair(uintptr_t addr, uint64_t val, uint64_t n)
{
    uint64_t t0, t1, half = n / 2;

    __asm__ volatile(
        "isb\n\tmrs %[t0], cntvct_el0\n\tisb\n"
        "1:\tstr %[v], [%[a]]\n\t"
        "str xzr, [%[a]]\n\t"
        "subs %[n], %[n], #1\n\t"
        "b.ne 1b\n\t"
        "isb\n\tmrs %[t1], cntvct_el0\n\tisb"
        : [t0] "=&r"(t0), [t1] "=&r"(t1), [n] "+r"(half)
        : [a] "r"(addr), [v] "r"(val)
        : "memory", "cc");
    return t1 - t0;
}

/*
 * The redistributor frame of CPU @cpu on virt with GICv3: the first
 * region (GICR_BASE) holds 123 frames of 128 KiB, the second
 * (VIRT_HIGH_GIC_REDIST2, at 256 GiB while RAM ends below it) the rest.
 */
#define GICR_FRAME 0x20000UL
#define GICR_REGION1_CPUS 123
#define GICR_REGION2_BASE 0x4000000000UL

static uintptr_t gicr_frame(unsigned cpu)
{
    return cpu < GICR_REGION1_CPUS ? GICR_BASE + cpu * GICR_FRAME :
           GICR_REGION2_BASE + (cpu - GICR_REGION1_CPUS) * GICR_FRAME;
}

typedef uint64_t (*loop_fn)(uintptr_t, uint64_t, uint64_t);

struct bench {
    const char *name;
    loop_fn fn;
    uintptr_t addr;
    uint64_t val;       /* for writes; filled in at run time */
};

static volatile uint32_t ram_word;

int main(void)
{
    uint64_t iters = bench_parse_iters(DEFAULT_ITERS);
    unsigned smp = bench_parse_smp(1);
    uint64_t freq = read_sysreg(cntfrq_el0);
    uintptr_t last = gicr_frame(smp - 1);
    uint64_t last_typer = *(volatile uint64_t *)(last + GICR_TYPER);
    /* GICR_TYPER.Affinity_Value is Aff3.Aff2.Aff1.Aff0 in bits [63:32] */
    uint64_t last_aff = last_typer >> 32;
    uint64_t last_irouter = (last_aff & 0xffffff) |
                            (last_aff >> 24 & 0xff) << 32;

    gic_dist_init();
    gic_cpu_init();
    irq_enable(INTID);      /* stays disabled at the CPU (DAIF.I set) */

    struct bench b[] = {
        { "ram_ldr32", loop_ldr32, (uintptr_t)&ram_word, 0 },
        { "uart_fr_r32", loop_ldr32, UART_BASE + 0x18, 0 },
        { "gicd_typer_r32", loop_ldr32, GICD_BASE + GICD_TYPER, 0 },
        { "gicd_isenabler1_r32", loop_ldr32,
          GICD_BASE + GICD_ISENABLER + 4 * (INTID / 32), 0 },
        { "gicd_isenabler1_w32", loop_str32,
          GICD_BASE + GICD_ISENABLER + 4 * (INTID / 32),
          1u << (INTID % 32) },
        { "gicd_ipriorityr_r8", loop_ldr8,
          GICD_BASE + GICD_IPRIORITYR + INTID, 0 },
        { "gicd_irouter40_r64", loop_ldr64,
          GICD_BASE + GICD_IROUTER + 8 * INTID, 0 },
        { "gicr_typer_r64", loop_ldr64, GICR_BASE + GICR_TYPER, 0 },
        { "gicr_waker_r32", loop_ldr32, GICR_BASE + GICR_WAKER, 0 },
        { "gicr_last_typer_r64", loop_ldr64, last + GICR_TYPER, 0 },
        { "gicd_irouter40_move_w64", loop_str64_pair,
          GICD_BASE + GICD_IROUTER + 8 * INTID, last_irouter },
        { "gicd_ctlr_w32", loop_str32, GICD_BASE + GICD_CTLR,
          gicd_read(GICD_CTLR) & ~GICD_CTLR_RWP },
    };
    int nb = sizeof(b) / sizeof(b[0]);

    uint64_t warm = iters / 10 ? iters / 10 : 1;

    printf("# bench_mmio: EL%u iters %lu reps %d cntfrq %lu "
           "GICD_IIDR 0x%x GICD_CTLR 0x%x\n", current_el(), iters, REPS,
           freq, gicd_read(GICD_IIDR), (uint32_t)b[nb - 1].val);
    /* Accesses between the two markers of one kind: warm-up + REPS passes */
    printf("# bench_mmio: kinds %d accesses-per-phase %lu\n", nb,
           warm + REPS * iters);
    if (!freq || !iters || (iters | warm) & 1) {
        printf("FAIL bench_mmio: CNTFRQ_EL0 %lu iters %lu (even, and so "
               "must iters / 10 be)\n", freq, iters);
        system_exit(1);
    }
    /* GICR_TYPER.Processor_Number (bits [23:8]) says it is the last CPU */
    if ((last_typer >> 8 & 0xffff) != smp - 1 || !(last_typer & (1u << 4))) {
        printf("FAIL bench_mmio: GICR_TYPER at 0x%lx is 0x%lx, not the "
               "last of %u CPUs\n", (unsigned long)last, last_typer, smp);
        system_exit(1);
    }

    for (int i = 0; i < nb; i++) {
        uint64_t t[REPS];
        phase_marker();
        b[i].fn(b[i].addr, b[i].val, warm);
        for (int r = 0; r < REPS; r++) {
            t[r] = b[i].fn(b[i].addr, b[i].val, iters);
        }
        phase_marker();
        bench_report(b[i].name, t, freq, iters);
    }
    /* The write loops must have left the state alone. */
    if (!irq_is_enabled(INTID) ||
        (gicd_read(GICD_CTLR) & ~GICD_CTLR_RWP) != b[nb - 1].val ||
        *(volatile uint64_t *)(GICD_BASE + GICD_IROUTER + 8 * INTID) != 0) {
        printf("FAIL bench_mmio: GIC state changed by the loops\n");
        system_exit(1);
    }
    printf("# bench_mmio: done\n");
    system_exit(0);
}
