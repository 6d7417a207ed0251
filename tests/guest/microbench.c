// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The loops of kvm-unit-tests' arm/micro-bench.c, the benchmark whose
 * published rows the cost profiles are validated against
 * (docs/calibration.rst), for the charge-time=on guest: under -icount
 * with cost-accounting on, what this guest measures is its own
 * instructions (1 ns each with shift=0) plus what the device charged.
 * Not a test: no E2E-RUN lines; scripts/guest-microbench.sh runs it
 * (-M virt,gic-version=3,its=on -smp 2).
 *
 * As micro-bench does, each iteration is timed on its own with the
 * virtual counter (ISB, CNTVCT_EL0 before and after), and each row
 * prints the average over N iterations:
 *
 *     MICROBENCH <row> <avg_ns>
 *
 *   mmio_read_vgic  readl(GICD_IIDR)
 *   eoi             ICC_EOIR1_EL1 = 1023 (spurious: nothing to end)
 *   ipi             SGI 1 from CPU 0 to CPU 1 (in WFI), then spin until
 *                   CPU 1's handler has run
 *   lpi             an ITS INT command (device 2, event 20, LPI 8199,
 *                   collection 1 = CPU 1) queued and GITS_CWRITER
 *                   written, then spin until CPU 1's LPI handler has run
 *   timer_10ms      the virtual timer programmed 10 ms ahead (TVAL),
 *                   spin until its PPI handler has run; the row is the
 *                   time beyond the 10 ms
 *
 * N comes from the semihosting command line (the last decimal word,
 * default 1024).  timer_10ms runs N / 16 iterations (at least one): each
 * spins 10 ms of guest time, 10 million instructions under shift=0, and
 * under -icount every iteration measures the same.
 */
#include "its.h"
#include "bench.h"

#define DEFAULT_ITERS 1024
#define TIMER_PPI 27
#define IPI_SGI 1
#define LPI_DEV 2
#define LPI_EVENT 20
#define LPI_ID 8199
#define LPI_ICID 1
#define CNTV_ENABLE 1u
#define SPIN_LIMIT 100000000ull

static volatile int ipi_received, lpi_received, timer_received;
static volatile uint32_t bad_irq;
static uint8_t itt[4096] __attribute__((aligned(256)));

static void handler(struct frame *f)
{
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    uint32_t id = iar & 0xffffff;

    switch (id) {
    case IPI_SGI:
        ipi_received = 1;
        break;
    case LPI_ID:
        lpi_received = 1;
        break;
    case TIMER_PPI:
        write_sysreg(cntv_ctl_el0, 0);
        isb();
        timer_received = 1;
        break;
    default:
        if (id >= 1020) {
            return;             /* spurious: nothing to EOI */
        }
        bad_irq = id;
        break;
    }
    write_sysreg(ICC_EOIR1_EL1, iar);
    isb();
}

void secondary_main(int cpu)
{
    gic_cpu_init();
    irq_hook[cpu] = handler;
    local_irq_enable();
    cpu_online[cpu] = 1;
    for (;;) {
        wfi();
    }
}

static void die(const char *what)
{
    printf("FAIL microbench: %s (unexpected INTID %u)\n", what, bad_irq);
    system_exit(1);
}

static inline uint64_t read_cntvct(void)
{
    isb();
    return read_sysreg(cntvct_el0);
}

/*
 * micro-bench spins with cpu_relax(), YIELD on arm64.  Under TCG's
 * round-robin scheduling (which -icount forces) YIELD also lets the
 * other vCPU run; without it CPU 0 would spin until its time slice
 * ends before CPU 1 could take the interrupt.
 */
static void spin(volatile int *flag, const char *what)
{
    uint64_t n = 0;

    while (!*flag) {
        __asm__ volatile("yield" ::: "memory");
        if (++n == SPIN_LIMIT) {
            die(what);
        }
    }
}

static void exec_mmio_read_vgic(void)
{
    (void)mmio_read32(GICD_BASE + GICD_IIDR);
}

static void exec_eoi(void)
{
    write_sysreg(ICC_EOIR1_EL1, SPURIOUS);
}

static void exec_ipi(void)
{
    ipi_received = 0;
    sgi_send(IPI_SGI, 1);
    spin(&ipi_received, "ipi: handler did not run");
}

static void exec_lpi(void)
{
    lpi_received = 0;
    cmd_int(LPI_DEV, LPI_EVENT);        /* queues INT, writes CWRITER */
    spin(&lpi_received, "lpi: handler did not run");
}

static uint64_t tval_10ms;

static void exec_timer(void)
{
    timer_received = 0;
    write_sysreg(cntv_tval_el0, tval_10ms);
    write_sysreg(cntv_ctl_el0, CNTV_ENABLE);
    isb();
    spin(&timer_received, "timer_10ms: handler did not run");
}

struct row {
    const char *name;
    void (*exec)(void);
    int timer;          /* subtract the 10 ms */
};

int main(void)
{
    uint64_t all_iters = bench_parse_iters(DEFAULT_ITERS);
    uint64_t freq = read_sysreg(cntfrq_el0);
    struct row rows[] = {
        { "mmio_read_vgic", exec_mmio_read_vgic, 0 },
        { "eoi", exec_eoi, 0 },
        { "ipi", exec_ipi, 0 },
        { "lpi", exec_lpi, 0 },
        { "timer_10ms", exec_timer, 1 },
    };

    gic_dist_init();
    gic_cpu_init();
    irq_hook[0] = handler;
    irq_enable(TIMER_PPI);
    if (!(gicd_read(GICD_TYPER) & (1u << 17))) {
        die("no LPIs: run with its=on");
    }
    if (!start_secondaries(2)) {
        die("CPU 1 did not start (-smp 2)");
    }
    /* micro-bench's LPI: device 2, event 20 -> LPI 8199 on CPU 1 */
    lpi_config(lpi_prop_table, LPI_ID, 0xa0, 1);
    redist_lpi_init(1);
    its_init();
    cmd_mapd(LPI_DEV, 5, (uintptr_t)itt);
    cmd_mapc(LPI_ICID, 1);
    cmd_mapti(LPI_DEV, LPI_EVENT, LPI_ID, LPI_ICID);
    cmd_sync(1);
    if (!its_wait()) {
        die("ITS commands not consumed");
    }
    tval_10ms = freq / 100;
    local_irq_enable();

    printf("# microbench: EL%u iters %lu cntfrq %lu GICD_IIDR 0x%x\n",
           current_el(), all_iters, freq, gicd_read(GICD_IIDR));
    if (!freq || !all_iters) {
        die("CNTFRQ_EL0 or iters is 0");
    }
    for (unsigned i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
        uint64_t total = 0;
        uint64_t iters = rows[i].timer ? (all_iters / 16 ?: 1) : all_iters;

        phase_marker();
        for (uint64_t n = 0; n < iters; n++) {
            uint64_t t0 = read_cntvct();

            rows[i].exec();
            total += read_cntvct() - t0;
        }
        phase_marker();
        if (rows[i].timer) {
            total -= iters * tval_10ms;
        }
        /* ticks -> ns, in tenths */
        uint64_t tenths = total * 10000000000ull / freq / iters;
        printf("MICROBENCH %s %lu.%lu\n", rows[i].name, tenths / 10,
               tenths % 10);
    }
    if (bad_irq) {
        die("unexpected interrupt");
    }
    printf("# microbench: done\n");
    system_exit(0);
}
