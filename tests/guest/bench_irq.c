// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Interrupt-path cost benchmark (not a test: no E2E-RUN lines, so
 * scripts/e2e.sh builds it but does not run it; scripts/bench.sh does,
 * with -M virt,gic-version=3,its=on -smp 2).
 *
 * The MMIO benchmark (bench_mmio.c) times register accesses; this one
 * times the paths an interrupt takes into and through the GIC: device
 * input lines (the generic timer's PPI, the PL011's SPI), SGIs between
 * two CPUs and MSIs through the ITS.  For each kind, at EL1 on CPU 0,
 * time a loop of N events with CNTVCT_EL0 and print
 *
 *     BENCH <name> <ns_per_event>
 *
 * (median of BENCH_REPS passes after an untimed warm-up of N/10).
 *
 *   ppi27_same_level0  CNTV_CVAL_EL0 rewritten with a far-future value:
 *                      QEMU recalculates the timer and sets the PPI 27
 *                      line to the level it already has (low)
 *   ppi27_same_level1  the same with the timer condition met and PPI 27
 *                      pending (IRQs masked at the CPU): line stays high
 *   ppi27_toggle       CNTV_CTL_EL0.IMASK cleared then set, IRQs masked:
 *                      two real level changes (pending set and cleared,
 *                      CPU IRQ line raised and lowered) per event
 *   ppi27_timer_taken  the timer fires (IMASK cleared, condition met), the
 *                      IRQ is taken, the handler acknowledges it, masks
 *                      the timer and EOIs: one event
 *   spi33_same_level   PL011 UARTIMSC written 0 again: the UART sets its
 *                      SPI (INTID 33) line to the level it already has
 *   spi33_toggle       UARTIMSC.TXIM set then cleared with the TX
 *                      interrupt raw status set, IRQs masked: two level
 *                      changes of SPI 33 per event
 *   spi33_1ofn_toggle  spi33_toggle with GICD_IROUTER<33>.IRM set: 1-of-N
 *                      routing where GICD_TYPER.No1N is 0 (profiles
 *                      gic-500/600/700), else by affinity (CPU 0)
 *   spi33_taken        UARTIMSC.TXIM set, SPI 33 taken, handler clears
 *                      TXIM and EOIs
 *   spi33_edge_taken   the same with SPI 33 configured edge-triggered
 *                      (GICD_ICFGR): the rising edge latches the pending
 *                      state, which the falling edge leaves alone
 *   sgi_roundtrip      CPU 0 sends SGI 1 to CPU 1 (in WFI), whose handler
 *                      sends SGI 2 back; CPU 0 waits in WFI with IRQs
 *                      masked, then takes it: two SGIs sent and taken
 *   lpi_msi_taken      a 32-bit write of EventID 0 to GITS_TRANSLATER
 *                      (DeviceID 0: a CPU's requester ID on virt), the
 *                      ITS translates it to LPI 8192 on CPU 0, taken,
 *                      acknowledged and EOIed
 *
 * Every event's guest-side work is the same on both GIC models, so the
 * difference between them is the GIC's (and its cost model's) part.
 * N comes from the semihosting command line as in bench_mmio.
 */
#include "its.h"
#include "bench.h"

#define DEFAULT_ITERS 20000
#define REPS BENCH_REPS
#define TIMER_PPI 27
#define UART_SPI 33
#define SGI_PING 1
#define SGI_PONG 2
#define UARTRIS 0x3c
#define UARTIMSC 0x38
#define UART_TXIM (1u << 5)
#define CNTV_ENABLE 1u
#define CNTV_IMASK 2u
#define SPIN_LIMIT 100000000ull

static volatile uint64_t taken[MAX_CPUS];  /* volatile: set by handlers */
static volatile uint32_t bad_irq;          /* volatile: set by handlers */
static uint8_t itt[4096] __attribute__((aligned(256)));

static void bench_irq_handler(struct frame *f)
{
    int cpu = cpu_id();
    uint32_t iar = read_sysreg(ICC_IAR1_EL1);
    uint32_t id = iar & 0xffffff;

    switch (id) {
    case TIMER_PPI:
        write_sysreg(cntv_ctl_el0, CNTV_ENABLE | CNTV_IMASK);
        isb();
        break;
    case UART_SPI:
        mmio_write32(UART_BASE + UARTIMSC, 0);
        break;
    case SGI_PING:
        if (cpu == 1) {
            sgi_send(SGI_PONG, 0);
        }
        break;
    case SGI_PONG:
    case LPI_BASE:
        break;
    default:
        if (id >= 1020 && id <= 1023) {
            return;             /* spurious: nothing to EOI */
        }
        bad_irq = id;
        break;
    }
    write_sysreg(ICC_EOIR1_EL1, iar);
    isb();
    taken[cpu]++;
}

void secondary_main(int cpu)
{
    gic_cpu_init();
    irq_hook[cpu] = bench_irq_handler;
    local_irq_enable();
    cpu_online[cpu] = 1;
    for (;;) {
        wfi();
    }
}

static void die(const char *what)
{
    printf("FAIL bench_irq: %s (taken %lu, unexpected INTID %u)\n", what,
           taken[0], bad_irq);
    system_exit(1);
}

/* Spin (bounded) until CPU 0 has taken an interrupt since 'before'. */
static inline void wait_taken(uint64_t before, const char *what)
{
    uint64_t n = 0;
    while (taken[0] == before) {
        if (++n == SPIN_LIMIT) {
            die(what);
        }
    }
}

static inline uint64_t ticks(void)
{
    uint64_t t;
    isb();
    t = read_sysreg(cntvct_el0);
    isb();
    return t;
}

static uint64_t far_cval;

/* One event of each kind; 'n' events per call, returns counter ticks. */
static uint64_t ev_ppi_same0(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        write_sysreg(cntv_cval_el0, far_cval);
    }
    return ticks() - t0;
}

static uint64_t ev_ppi_same1(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        write_sysreg(cntv_cval_el0, 0);
    }
    return ticks() - t0;
}

static uint64_t ev_ppi_toggle(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        write_sysreg(cntv_ctl_el0, CNTV_ENABLE);
        write_sysreg(cntv_ctl_el0, CNTV_ENABLE | CNTV_IMASK);
    }
    return ticks() - t0;
}

static uint64_t ev_ppi_taken(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        uint64_t before = taken[0];
        write_sysreg(cntv_ctl_el0, CNTV_ENABLE);
        isb();
        wait_taken(before, "ppi27_timer_taken: timer IRQ not taken");
    }
    return ticks() - t0;
}

static uint64_t ev_spi_same(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        mmio_write32(UART_BASE + UARTIMSC, 0);
    }
    return ticks() - t0;
}

static uint64_t ev_spi_toggle(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        mmio_write32(UART_BASE + UARTIMSC, UART_TXIM);
        mmio_write32(UART_BASE + UARTIMSC, 0);
    }
    return ticks() - t0;
}

/* GICD_IROUTER<33>.IRM set for this row: the same loop as spi33_toggle */
static uint64_t ev_spi_1ofn_toggle(uint64_t n)
{
    return ev_spi_toggle(n);
}

static uint64_t ev_spi_taken(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        uint64_t before = taken[0];
        mmio_write32(UART_BASE + UARTIMSC, UART_TXIM);
        wait_taken(before, "spi33_taken: UART IRQ not taken");
    }
    return ticks() - t0;
}

/* SPI 33 edge-triggered for this row: the same loop as spi33_taken */
static uint64_t ev_spi_edge_taken(uint64_t n)
{
    return ev_spi_taken(n);
}

static uint64_t ev_sgi_roundtrip(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        uint64_t before = taken[0];
        sgi_send(SGI_PING, 1);
        /* IRQs masked: WFI wakes on the pending SGI, no lost wake-up. */
        while (!(read_sysreg(isr_el1) & (1u << 7))) {
            wfi();
        }
        local_irq_enable();
        isb();
        local_irq_disable();
        if (taken[0] == before) {
            die("sgi_roundtrip: ISR_EL1.I set but no IRQ taken");
        }
    }
    return ticks() - t0;
}

static uint64_t ev_lpi_taken(uint64_t n)
{
    uint64_t t0 = ticks();
    for (; n; n--) {
        uint64_t before = taken[0];
        mmio_write32(GITS_BASE + GITS_TRANSLATER, 0);
        wait_taken(before, "lpi_msi_taken: LPI not taken");
    }
    return ticks() - t0;
}

struct bench {
    const char *name;
    uint64_t (*fn)(uint64_t n);
    int irqs_on;        /* take interrupts (DAIF.I clear) during the loops */
};

static void setup_its(void)
{
    lpi_config(lpi_prop_table, LPI_BASE, 0xa0, 1);
    redist_lpi_init(0);
    its_init();
    cmd_mapd(0, 2, (uintptr_t)itt);
    cmd_mapc(0, 0);
    cmd_mapti(0, 0, LPI_BASE, 0);
    cmd_sync(0);
    if (!its_wait()) {
        die("ITS commands not consumed");
    }
}

int main(void)
{
    uint64_t iters = bench_parse_iters(DEFAULT_ITERS);
    uint64_t freq = read_sysreg(cntfrq_el0);

    gic_dist_init();
    gic_cpu_init();
    irq_hook[0] = bench_irq_handler;
    irq_enable(TIMER_PPI);
    irq_enable(UART_SPI);
    if (!(gicd_read(GICD_TYPER) & (1u << 17))) {
        die("no LPIs: run with its=on");
    }
    setup_its();
    if (!start_secondaries(2)) {
        die("CPU 1 did not start (-smp 2)");
    }

    far_cval = read_sysreg(cntvct_el0) + freq * 3600 * 24;
    write_sysreg(cntv_cval_el0, far_cval);
    write_sysreg(cntv_ctl_el0, CNTV_ENABLE);
    isb();

    struct bench b[] = {
        { "ppi27_same_level0", ev_ppi_same0, 0 },
        { "ppi27_same_level1", ev_ppi_same1, 0 },
        { "ppi27_toggle", ev_ppi_toggle, 0 },
        { "ppi27_timer_taken", ev_ppi_taken, 1 },
        { "spi33_same_level", ev_spi_same, 0 },
        { "spi33_toggle", ev_spi_toggle, 0 },
        { "spi33_1ofn_toggle", ev_spi_1ofn_toggle, 0 },
        { "spi33_taken", ev_spi_taken, 1 },
        { "spi33_edge_taken", ev_spi_edge_taken, 1 },
        { "sgi_roundtrip", ev_sgi_roundtrip, 0 },
        { "lpi_msi_taken", ev_lpi_taken, 1 },
    };
    int nb = sizeof(b) / sizeof(b[0]);
    uint64_t warm = iters / 10 ? iters / 10 : 1;

    printf("# bench_irq: EL%u iters %lu reps %d cntfrq %lu GICD_IIDR 0x%x\n",
           current_el(), iters, REPS, freq, gicd_read(GICD_IIDR));
    /* Events between the two markers of one kind: warm-up + REPS passes */
    printf("# bench_irq: kinds %d events-per-phase %lu\n", nb,
           warm + REPS * iters);
    if (!freq || !iters) {
        die("CNTFRQ_EL0 or iters is 0");
    }
    /*
     * The SPI rows need the PL011 TX interrupt raw status (set by the
     * characters printed above; only UARTICR clears it).
     */
    if (!(mmio_read32(UART_BASE + UARTRIS) & UART_TXIM)) {
        die("PL011 UARTRIS.TXRIS not set");
    }

    for (int i = 0; i < nb; i++) {
        uint64_t t[REPS];
        uint64_t before = taken[0];

        if (b[i].fn == ev_ppi_same1 || b[i].fn == ev_ppi_toggle ||
            b[i].fn == ev_ppi_taken) {
            write_sysreg(cntv_ctl_el0, CNTV_ENABLE | CNTV_IMASK);
            write_sysreg(cntv_cval_el0, 0);
            if (b[i].fn == ev_ppi_same1) {
                write_sysreg(cntv_ctl_el0, CNTV_ENABLE);
            }
            isb();
        }
        if (b[i].fn == ev_spi_edge_taken) {
            /*
             * ICFGR changes only with the interrupt disabled (IHI 0069
             * GICD_ICFGR<n>: otherwise the effect is UNPREDICTABLE)
             */
            irq_disable(UART_SPI);
            irq_set_edge(UART_SPI, 1);
            irq_enable(UART_SPI);
            if (!((gicd_read(GICD_ICFGR + (UART_SPI / 16) * 4) >>
                   ((UART_SPI % 16) * 2 + 1)) & 1)) {
                die("spi33_edge_taken: GICD_ICFGR did not take edge");
            }
        }
        if (b[i].fn == ev_spi_1ofn_toggle) {
            mmio_write64(GICD_BASE + GICD_IROUTER + 8 * UART_SPI, 1ull << 31);
        }
        phase_marker();
        if (b[i].irqs_on) {
            local_irq_enable();
        }
        b[i].fn(warm);
        for (int r = 0; r < REPS; r++) {
            t[r] = b[i].fn(iters);
        }
        local_irq_disable();
        phase_marker();
        write_sysreg(cntv_ctl_el0, CNTV_ENABLE | CNTV_IMASK);
        isb();
        mmio_write32(UART_BASE + UARTIMSC, 0);
        if (b[i].fn == ev_spi_1ofn_toggle) {
            mmio_write64(GICD_BASE + GICD_IROUTER + 8 * UART_SPI, 0);
        }
        if (b[i].fn == ev_spi_edge_taken) {
            irq_disable(UART_SPI);
            irq_set_edge(UART_SPI, 0);
            irq_enable(UART_SPI);
        }
        /* A taken row must have taken exactly one IRQ per event. */
        uint64_t want = (b[i].irqs_on || b[i].fn == ev_sgi_roundtrip) ?
                        warm + REPS * iters : 0;
        if (taken[0] - before != want || bad_irq) {
            printf("FAIL bench_irq: %s took %lu IRQs on CPU 0, expected "
                   "%lu (unexpected INTID %u)\n", b[i].name,
                   taken[0] - before, want, bad_irq);
            system_exit(1);
        }
        bench_report(b[i].name, t, freq, iters);
    }
    printf("# bench_irq: done (CPU 1 took %lu)\n", taken[1]);
    system_exit(0);
}
