/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicsim e2e guest runtime: PL011 console, printf, reporting, PSCI. */
#include "runtime.h"
#include "gic.h"

volatile uint32_t boot_el;
int boot_stay_el3 __attribute__((weak));
int boot_stay_el2 __attribute__((weak));
volatile int cpu_online[MAX_CPUS];
irq_fn irq_hook[MAX_CPUS];
irq_fn fiq_hook[MAX_CPUS];
irq_fn el3_fiq_hook, el3_irq_hook;
void (*el3_smc_hook)(struct frame *f);

static volatile uint32_t print_lock;
static unsigned n_pass, n_fail, n_skip;

static void lock(volatile uint32_t *l)
{
    while (__atomic_exchange_n(l, 1, __ATOMIC_ACQUIRE)) {
    }
}

static void unlock(volatile uint32_t *l)
{
    __atomic_store_n(l, 0, __ATOMIC_RELEASE);
}

void *memset(void *p, int c, size_t n)
{
    volatile uint8_t *b = p;   /* volatile: keep GCC from calling memset */
    while (n--) {
        *b++ = (uint8_t)c;
    }
    return p;
}

void *memcpy(void *d, const void *s, size_t n)
{
    volatile uint8_t *db = d;
    const uint8_t *sb = s;
    while (n--) {
        *db++ = *sb++;
    }
    return d;
}

static void uart_putc(char c)
{
    static int enabled;
    if (!enabled) {
        /* UARTCR: UARTEN | TXE | RXE; QEMU may honour the enables. */
        mmio_write32(UART_BASE + 0x30, 0x301);
        enabled = 1;
    }
    /* PL011: wait while UARTFR.TXFF (bit 5) is set, then write UARTDR. */
    while (mmio_read32(UART_BASE + 0x18) & (1u << 5)) {
    }
    mmio_write32(UART_BASE, (uint8_t)c);
}

void puts_raw(const char *s)
{
    while (*s) {
        if (*s == '\n') {
            uart_putc('\r');
        }
        uart_putc(*s++);
    }
}

static void put_num(char **o, char *end, uint64_t v, unsigned base,
                    int width, char pad, int neg)
{
    char buf[24];
    int n = 0;
    do {
        unsigned d = v % base;
        buf[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        v /= base;
    } while (v);
    if (neg) {
        buf[n++] = '-';
    }
    while (n < width && n < (int)sizeof(buf)) {
        buf[n++] = pad;
    }
    while (n && *o < end) {
        *(*o)++ = buf[--n];
    }
}

static int vformat(char *out, size_t size, const char *f, va_list ap)
{
    char *o = out, *end = out + size - 1;
    for (; *f && o < end; f++) {
        if (*f != '%') {
            *o++ = *f;
            continue;
        }
        f++;
        char pad = ' ';
        int width = 0, lng = 0;
        if (*f == '0') {
            pad = '0';
            f++;
        }
        while (*f >= '0' && *f <= '9') {
            width = width * 10 + (*f++ - '0');
        }
        while (*f == 'l') {
            lng++;
            f++;
        }
        switch (*f) {
        case 'd': {
            int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
            put_num(&o, end, v < 0 ? -(uint64_t)v : (uint64_t)v, 10,
                    width, pad, v < 0);
            break;
        }
        case 'u':
            put_num(&o, end, lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned),
                    10, width, pad, 0);
            break;
        case 'x':
            put_num(&o, end, lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned),
                    16, width, pad, 0);
            break;
        case 'p':
            put_num(&o, end, (uintptr_t)va_arg(ap, void *), 16, 0, ' ', 0);
            break;
        case 'c':
            *o++ = (char)va_arg(ap, int);
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (s && *s && o < end) {
                *o++ = *s++;
            }
            break;
        }
        case '%':
            *o++ = '%';
            break;
        default:
            *o++ = '?';
            break;
        }
    }
    *o = 0;
    return o - out;
}

int vprintf(const char *fmt, va_list ap)
{
    char buf[256];
    int n = vformat(buf, sizeof(buf), fmt, ap);
    lock(&print_lock);
    puts_raw(buf);
    unlock(&print_lock);
    return n;
}

int printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vprintf(fmt, ap);
    va_end(ap);
    return n;
}

void pass(const char *name)
{
    n_pass++;
    printf("PASS %s\n", name);
}

static void vreport(const char *tag, const char *name, const char *fmt,
                    va_list ap)
{
    char buf[200];
    vformat(buf, sizeof(buf), fmt, ap);
    printf("%s %s: %s\n", tag, name, buf);
}

void fail(const char *name, const char *fmt, ...)
{
    va_list ap;
    n_fail++;
    va_start(ap, fmt);
    vreport("FAIL", name, fmt, ap);
    va_end(ap);
}

void skip(const char *name, const char *fmt, ...)
{
    va_list ap;
    n_skip++;
    va_start(ap, fmt);
    vreport("SKIP", name, fmt, ap);
    va_end(ap);
}

int check(const char *name, int ok, const char *fmt, ...)
{
    va_list ap;
    if (ok) {
        pass(name);
        return 1;
    }
    n_fail++;
    va_start(ap, fmt);
    vreport("FAIL", name, fmt, ap);
    va_end(ap);
    return 0;
}

int check_eq(const char *name, uint64_t got, uint64_t want)
{
    return check(name, got == want, "got 0x%lx, expected 0x%lx", got, want);
}

void system_exit(int code)
{
    semihost_exit(code);        /* returns only without -semihosting */
    psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;) {
        wfi();
    }
}

void finish(const char *prog)
{
    printf("SUMMARY %s: %u passed, %u failed, %u skipped\n",
           prog, n_pass, n_fail, n_skip);
    system_exit(n_fail ? 1 : 0);
}

void finish_system_off(const char *prog)
{
    printf("SUMMARY %s: %u passed, %u failed, %u skipped\n",
           prog, n_pass, n_fail, n_skip);
    psci_call(PSCI_SYSTEM_OFF, 0, 0, 0);
    for (;;) {
        wfi();
    }
}

int cpu_id(void)
{
    return read_sysreg(mpidr_el1) & 0xff;
}

uint64_t mpidr_aff(void)
{
    uint64_t m = read_sysreg(mpidr_el1);
    return (m & 0xffffff) | ((m >> 32) & 0xff) << 32;
}

uint64_t now_us(void)
{
    uint64_t f = read_sysreg(cntfrq_el0);
    isb();
    uint64_t c = read_sysreg(cntvct_el0);
    return f ? c / (f / 1000000 ? f / 1000000 : 1) : c;
}

void delay_us(uint64_t us)
{
    uint64_t end = now_us() + us;
    while (now_us() < end) {
    }
}

static int psci_use_smc(void)
{
    /* ID_AA64PFR0_EL1.EL2 != 0: QEMU virt's PSCI conduit is SMC. */
    return ((read_sysreg(id_aa64pfr0_el1) >> 8) & 0xf) != 0;
}

uint64_t psci_call(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3)
{
    if (current_el() == 3) {
        return (uint64_t)-1;        /* no PSCI provider below us */
    }
    return psci_use_smc() ? psci_smc(fn, a1, a2, a3)
                          : psci_hvc(fn, a1, a2, a3);
}

extern char secondary_entry[];

int start_secondaries(int n)
{
    int ok = 1;
    for (int i = 1; i < n && i < MAX_CPUS; i++) {
        int64_t r = psci_call(PSCI_CPU_ON, i, (uintptr_t)secondary_entry, i);
        if (r != 0) {
            printf("# CPU_ON %d returned %ld\n", i, r);
            ok = 0;
            continue;
        }
        /*
         * Bounded by guest instructions, not time (WAIT_SPINS): a slow
         * host (valgrind, a loaded machine) only makes this take longer
         */
        if (!WAIT_SPINS(cpu_online[i], CPU_ONLINE_SPINS)) {
            printf("# CPU %d did not come online within %llu spins\n", i,
                   CPU_ONLINE_SPINS);
            ok = 0;
        }
    }
    return ok;
}

void __attribute__((weak)) secondary_main(int cpu)
{
    gic_cpu_init();
    local_irq_enable();
    cpu_online[cpu] = 1;
    for (;;) {
        wfi();
    }
}

void secondary_c_entry(int cpu)
{
    secondary_main(cpu);
    for (;;) {
        wfi();
    }
}

void primary_c_entry(void)
{
    main();
    finish("main-returned");
}

static void __attribute__((noreturn)) fatal(struct frame *f, int kind,
                                            uint64_t esr, uint64_t far,
                                            int el)
{
    printf("FAIL exception: EL%d kind %d ESR 0x%lx ELR 0x%lx FAR 0x%lx\n",
           el, kind, esr, f->elr, far);
    n_fail++;
    finish("exception");
}

void (*el1_sync_hook)(struct frame *f, uint64_t esr, uint64_t far);

void el1_exception(struct frame *f, int kind)
{
    int cpu = cpu_id();
    switch (kind & 3) {
    case 1:
        if (irq_hook[cpu]) {
            irq_hook[cpu](f);
        } else {
            gic_default_irq(f);
        }
        return;
    case 2:
        if (fiq_hook[cpu]) {
            fiq_hook[cpu](f);
        } else {
            gic_default_fiq(f);
        }
        return;
    default:
        if ((kind & 3) == 0 && el1_sync_hook) {
            el1_sync_hook(f, read_sysreg(esr_el1), read_sysreg(far_el1));
            return;
        }
        fatal(f, kind, read_sysreg(esr_el1), read_sysreg(far_el1), 1);
    }
}

void el3_exception(struct frame *f, int kind)
{
    uint64_t esr = read_sysreg(esr_el3);
    switch (kind & 3) {
    case 0:
        if ((esr >> 26) == 0x17 && el3_smc_hook) {   /* SMC from AArch64 */
            el3_smc_hook(f);
            return;
        }
        break;
    case 1:
        if (el3_irq_hook) {
            el3_irq_hook(f);
            return;
        }
        break;
    case 2:
        if (el3_fiq_hook) {
            el3_fiq_hook(f);
            return;
        }
        break;
    }
    fatal(f, kind, esr, read_sysreg(far_el3), 3);
}

void el2_exception(struct frame *f, int kind)
{
    /* Physical IRQs/FIQs taken to EL2 use the EL1 hooks of this CPU. */
    if ((kind & 3) == 1 || (kind & 3) == 2) {
        el1_exception(f, kind);
        return;
    }
    fatal(f, kind, read_sysreg(esr_el2), read_sysreg(far_el2), 2);
}
