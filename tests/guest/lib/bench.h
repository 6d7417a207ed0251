/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Helpers shared by the benchmark guests (bench_mmio, bench_irq): the
 * iteration count from the semihosting command line, the phase markers
 * scripts/bench.sh --callgrind cuts its profile at, and the median.
 */
#ifndef GUEST_BENCH_H
#define GUEST_BENCH_H
#include "runtime.h"

#define BENCH_REPS 5

/* Semihosting SYS_GET_CMDLINE (0x15): fills buf, returns 0 on success. */
static inline long semihost_cmdline(char *buf, uint64_t len)
{
    volatile uint64_t blk[2] = { (uintptr_t)buf, len };
    register uint64_t x0 __asm__("x0") = 0x15;
    register uint64_t x1 __asm__("x1") = (uintptr_t)blk;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
    return (long)x0;
}

/*
 * Phase marker: a no-op semihosting call (SYS_ERRNO, 0x13) before and after
 * each kind's loops, so that scripts/bench.sh --callgrind can cut a
 * callgrind profile at every marker (--dump-before=do_common_semihosting)
 * and get each kind's loops alone in one part.
 */
static inline void phase_marker(void)
{
    register uint64_t x0 __asm__("x0") = 0x13;
    register uint64_t x1 __asm__("x1") = 0;
    __asm__ volatile("hlt #0xf000" : "+r"(x0) : "r"(x1) : "memory");
}

/*
 * The semihosting command line, fetched once: every semihosting call is
 * a cut in scripts/bench.sh --callgrind's profile, so the parsers below
 * must not make one each.  NULL if there is none.
 */
static inline const char *bench_cmdline(void)
{
    static char buf[256];
    static int state;   /* 0: not fetched, 1: fetched, 2: none */

    if (!state) {
        state = semihost_cmdline(buf, sizeof(buf) - 1) == 0 ? 1 : 2;
        buf[sizeof(buf) - 1] = 0;
    }
    return state == 1 ? buf : 0;
}

/* The last decimal word of the semihosting command line, else dflt. */
static inline uint64_t bench_parse_iters(uint64_t dflt)
{
    const char *buf = bench_cmdline();
    uint64_t v = 0, last = 0;
    int in_num = 0;

    if (!buf) {
        return dflt;
    }
    for (const char *p = buf;; p++) {
        if (*p >= '0' && *p <= '9') {
            v = (in_num ? v * 10 : 0) + (uint64_t)(*p - '0');
            in_num = 1;
        } else {
            if (in_num && (*p == ' ' || *p == 0)) {
                last = v;
            }
            in_num = 0;
        }
        if (!*p) {
            break;
        }
    }
    return last ? last : dflt;
}

/*
 * The number of CPUs the machine has, from a word "smp=N" on the
 * semihosting command line (scripts/bench.sh passes -smp's value), else
 * dflt.
 */
static inline unsigned bench_parse_smp(unsigned dflt)
{
    const char *buf = bench_cmdline();
    unsigned v = 0;
    const char *p;

    if (!buf) {
        return dflt;
    }
    for (p = buf; *p; p++) {
        if ((p == buf || p[-1] == ' ') && p[0] == 's' && p[1] == 'm' &&
            p[2] == 'p' && p[3] == '=') {
            for (p += 4; *p >= '0' && *p <= '9'; p++) {
                v = v * 10 + (unsigned)(*p - '0');
            }
            return v ? v : dflt;
        }
    }
    return dflt;
}

static inline void sort_u64(uint64_t *a, int n)
{
    for (int i = 1; i < n; i++) {
        for (int j = i; j > 0 && a[j - 1] > a[j]; j--) {
            uint64_t t = a[j];
            a[j] = a[j - 1];
            a[j - 1] = t;
        }
    }
}

/* Print "BENCH name ns" from the median of BENCH_REPS tick counts. */
static inline void bench_report(const char *name, uint64_t *ticks,
                                uint64_t freq, uint64_t iters)
{
    sort_u64(ticks, BENCH_REPS);
    /* ticks -> ns per op, in tenths */
    unsigned __int128 x = (unsigned __int128)ticks[BENCH_REPS / 2] *
                          10000000000ull;
    uint64_t tenths = (uint64_t)(x / ((unsigned __int128)freq * iters));
    printf("BENCH %s %lu.%lu\n", name, tenths / 10, tenths % 10);
}
#endif
