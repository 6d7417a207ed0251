/* SPDX-License-Identifier: GPL-2.0-or-later */
/* gicsim e2e guest runtime: console, test reporting, CPUs, exceptions. */
#ifndef GUEST_RUNTIME_H
#define GUEST_RUNTIME_H
#include <stdint.h>
#include <stdarg.h>
#include <stddef.h>
#include "sysreg.h"

#define MAX_CPUS 8
#define UART_BASE 0x09000000UL

struct frame {
    uint64_t x[31];
    uint64_t elr, spsr, pad;
};

static inline uint32_t mmio_read32(uintptr_t a)
{ return *(volatile uint32_t *)a; }
static inline void mmio_write32(uintptr_t a, uint32_t v)
{ *(volatile uint32_t *)a = v; }
static inline uint64_t mmio_read64(uintptr_t a)
{ return *(volatile uint64_t *)a; }
static inline void mmio_write64(uintptr_t a, uint64_t v)
{ *(volatile uint64_t *)a = v; }
static inline uint8_t mmio_read8(uintptr_t a)
{ return *(volatile uint8_t *)a; }
static inline void mmio_write8(uintptr_t a, uint8_t v)
{ *(volatile uint8_t *)a = v; }

/* Filled in by start.S / the runtime. */
extern volatile uint32_t boot_el;        /* EL the boot CPU started in */
extern int boot_stay_el3;                /* program sets 1 to run at EL3 */
extern int boot_stay_el2;                /* program sets 1 to run at EL2 */
extern volatile int cpu_online[MAX_CPUS];

int printf(const char *fmt, ...);
int vprintf(const char *fmt, va_list ap);
void puts_raw(const char *s);
void *memset(void *p, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);

/* Reporting: one "PASS name" or "FAIL name: detail" line per check. */
void pass(const char *name);
void fail(const char *name, const char *fmt, ...);
void skip(const char *name, const char *fmt, ...);
int check(const char *name, int ok, const char *fmt, ...);
int check_eq(const char *name, uint64_t got, uint64_t want);
/* Print "SUMMARY prog: N passed, M failed, K skipped" and power off. */
void finish(const char *prog) __attribute__((noreturn));
/*
 * finish() for a program whose run the harness inspects over QMP
 * afterwards (E2E-QOM): the SUMMARY line, then PSCI SYSTEM_OFF, which
 * QEMU run with -action shutdown=pause answers by stopping, not exiting.
 */
void finish_system_off(const char *prog) __attribute__((noreturn));
void system_exit(int code) __attribute__((noreturn));

int cpu_id(void);
uint64_t mpidr_aff(void);
uint64_t now_us(void);
void delay_us(uint64_t us);
/*
 * Spin until cond is true or the loop has run @spins times; evaluates to
 * cond.  Bounded by the waiting CPU's own instruction count, not by time:
 * however slowly the host runs the other vCPUs (under valgrind, which
 * runs one host thread at a time, a vCPU can wait seconds of virtual
 * time for another to be scheduled), the wait ends only when the
 * condition holds or the waiter has executed its bound.
 */
#define WAIT_SPINS(cond, spins) ({                                      \
    uint64_t __n = (spins);                                             \
    while (!(cond) && __n) {                                            \
        __n--;                                                          \
    }                                                                   \
    (cond); })
/*
 * CPU bring-up: PSCI CPU_ON to the secondary's first store takes a few
 * thousand guest instructions; the bound is a million times that, so that
 * only a CPU that never starts reaches it.
 */
#define CPU_ONLINE_SPINS 4000000000ull
/* Spin until cond is true or timeout_us has passed; evaluates to cond. */
#define WAIT_FOR(cond, timeout_us) ({                                   \
    uint64_t __end = now_us() + (timeout_us);                           \
    while (!(cond) && now_us() < __end) { }                             \
    (cond); })

/* PSCI (DEN 0022): conduit is SMC when EL2 is implemented, else HVC,
 * which is how QEMU's virt machine without firmware provides it. */
uint64_t psci_call(uint64_t fn, uint64_t a1, uint64_t a2, uint64_t a3);
#define PSCI_CPU_ON      0xC4000003u
#define PSCI_SYSTEM_OFF  0x84000008u
/* Start CPUs 1..n-1 (entering secondary_main) and wait for them. */
int start_secondaries(int n);
void secondary_main(int cpu);            /* weak default: idle with IRQs on */

/* Exception hooks (per CPU for EL1). */
typedef void (*irq_fn)(struct frame *f);
extern irq_fn irq_hook[MAX_CPUS];
extern irq_fn fiq_hook[MAX_CPUS];
extern irq_fn el3_fiq_hook, el3_irq_hook;
extern void (*el3_smc_hook)(struct frame *f);
/* A synchronous exception at EL1 (e.g. a data abort); NULL: fatal. */
extern void (*el1_sync_hook)(struct frame *f, uint64_t esr, uint64_t far);

int main(void);

/* start.S */
uint64_t psci_hvc(uint64_t, uint64_t, uint64_t, uint64_t);
uint64_t psci_smc(uint64_t, uint64_t, uint64_t, uint64_t);
void semihost_exit(int code);
uint64_t be_read64(uintptr_t a);
uint32_t be_read32(uintptr_t a);
void be_write64(uintptr_t a, uint64_t v);
void be_write32(uintptr_t a, uint32_t v);
void el3_eret_to_el1(void (*fn)(void), uint64_t sp, uint64_t spsr)
    __attribute__((noreturn));
void el2_eret_to_el1(void (*fn)(void), uint64_t sp, uint64_t spsr)
    __attribute__((noreturn));
extern char __stacks_start[], __stacks_end[];
#endif
