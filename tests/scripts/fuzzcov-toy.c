/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * A libFuzzer target whose coverage is known, for
 * tests/scripts/test-fuzz-coverage.sh.  Replayed on the one input "a",
 * the line of LLVMFuzzerTestOneInput() marked "run" runs, the one marked
 * "not run" does not, and called_256(), run 256 times, reads as never
 * entered: libFuzzer's 8-bit counters wrap (called_255() does not).
 */
#include <stddef.h>
#include <stdint.h>

/* volatile: every store is kept, so each marked line has code */
static volatile int sink;

static void __attribute__((noinline)) never_called(int v)
{
    sink = v * 3;
}

static void __attribute__((noinline)) called_255(int v)
{
    sink += v;
}

static void __attribute__((noinline)) called_256(int v)
{
    sink -= v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int i;

    if (size == 1 && data[0] == 'a') {
        for (i = 0; i < 255; i++) {
            called_255(i);
        }
        for (i = 0; i < 256; i++) {
            called_256(i);
        }
        sink = 1;                               /* run */
    } else if (size == 4 && data[3] == 'Z') {
        never_called(data[0]);                  /* not run */
    }
    return 0;
}
