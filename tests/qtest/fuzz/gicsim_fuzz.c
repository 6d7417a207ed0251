/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * libFuzzer target for arm-gicv3-sim on the virt machine.
 *
 * Each input is a list of commands (tests/qtest/gicsim-fuzz-input.h):
 * accesses to any register of the register table, of any element and
 * any CPU's redistributor, at any width, Secure or Non-secure, direct or
 * through the realm shim, or to any offset of the distributor,
 * redistributor and ITS frames; interrupt input lines driven high or
 * low; the virtual clock advanced; guest RAM written (LPI tables, ITS
 * queue); system resets; migration round trips.  The machine is reset
 * after every input.
 *
 * The configuration is the command line in $GICSIM_FUZZ_ARGS (appended
 * to "-M virt,gic-model=sim"), for instance
 *   GICSIM_FUZZ_ARGS="-M gic-version=4,virtualization=on,secure=on
 *                     -smp 4 -global arm-gicv3-sim.profile=gic-700
 *                     -global arm-gicv3-sim.strict=on"
 * scripts/fuzz.sh builds this target and runs it over the configurations.
 * GICSIM_FUZZ_TRACE=1 prints every command executed (to turn a crash
 * into a qtest); at exit the number of accesses executed is printed.
 */
#include "qemu/osdep.h"
#include "qemu/bswap.h"
#include "qom/object.h"
#include "hw/core/cpu.h"
#include "hw/irq.h"
#include "hw/qdev-core.h"
#include "hw/intc/gicsim/gicsim-compat.h"
#include "hw/boards.h"
#include "io/channel-buffer.h"
#include "migration/global_state.h"
#include "migration/qemu-file.h"
#include "migration/savevm.h"
#include "qapi/error.h"
#include "qemu/cutils.h"
#include "qemu/timer.h"
#include "system/runstate.h"
#include "hw/intc/arm_gicv3_common.h"
#include "hw/intc/arm_gicv3_sim.h"
#include "hw/intc/gicsim/gicsim-regs.h"
#include "tests/qtest/gicsim-fuzz-input.h"
#include "fuzz.h"

/* The virt machine's GIC layout (hw/arm/virt.c memmap) */
#define VIRT_GICD_BASE      0x08000000ULL
#define VIRT_GICR_BASE      0x080a0000ULL
#define VIRT_GICR_SIZE      0x00f60000ULL
#define VIRT_ITS_BASE       0x08080000ULL
#define VIRT_ITS_SIZE       0x00020000ULL

static struct {
    DeviceState *gic;
    unsigned num_cpu;       /* redistributors in the first region */
    unsigned lines;
    uint32_t stride;        /* bytes per redistributor */
    bool its;               /* the machine has an ITS */
    uint64_t realm_alias;   /* offset of the realm shim's alias, or 0 */
    bool trace;
    uint64_t accesses;
    uint64_t inputs;
    uint64_t migrations;
} fz;

/* Operand bytes of a command, zero past its end */
typedef struct Operands {
    const uint8_t *p;
    size_t len;
} Operands;

static uint64_t take(Operands *o, unsigned bytes)
{
    uint8_t buf[8] = { 0 };
    size_t n = MIN(bytes, o->len);

    memcpy(buf, o->p, n);
    o->p += n;
    o->len -= n;
    return ldn_le_p(buf, bytes);
}

static void gic_access(uint64_t addr, uint8_t flags, uint64_t value)
{
    unsigned size = 1u << (flags & GICSIM_FUZZ_LOG2_SIZE);
    MemTxAttrs attrs = { .secure = !!(flags & GICSIM_FUZZ_SECURE) };
    CPUState *cpu = first_cpu;
    AddressSpace *as;
    uint8_t buf[8];
    bool realm = (flags & GICSIM_FUZZ_REALM) && fz.realm_alias;
    int idx;

    if (realm) {
        addr += fz.realm_alias;
    }
    if (cpu->num_ases < 2) {
        /* No Secure address space (secure=off): a Non-secure access */
        attrs.secure = 0;
    }
    idx = cpu_asidx_from_attrs(cpu, attrs);
    /* The address space the first CPU uses for these attributes */
    as = cpu_get_address_space(cpu, idx);
    addr &= ~(uint64_t)(size - 1);
    if (flags & GICSIM_FUZZ_WRITE) {
        if (fz.trace) {
            fprintf(stderr, "write%u %s%s 0x%" PRIx64 " = 0x%" PRIx64 "\n",
                    size * 8, attrs.secure ? "S" : "NS",
                    realm ? " (realm alias)" : "", addr,
                    size == 8 ? value : value & MAKE_64BIT_MASK(0, size * 8));
        }
        stn_le_p(buf, size, value);
        address_space_write(as, addr, attrs, buf, size);
    } else {
        if (fz.trace) {
            fprintf(stderr, "read%u %s%s 0x%" PRIx64 "\n", size * 8,
                    attrs.secure ? "S" : "NS",
                    realm ? " (realm alias)" : "", addr);
        }
        address_space_read(as, addr, attrs, buf, size);
    }
    fz.accesses++;
}

static void op_reg(Operands *o)
{
    const GicsimReg *r = &gicsim_regs[take(o, 2) % GICSIM_REG__COUNT];
    unsigned n = r->first + take(o, 2) % r->count;
    unsigned cpu = take(o, 1) % fz.num_cpu;
    unsigned byte = take(o, 1) % r->size;
    uint8_t flags = take(o, 1);
    uint64_t value = take(o, 8);
    uint64_t base;

    if (r->frame == GICSIM_FRAME_GICD) {
        base = VIRT_GICD_BASE;
    } else {
        base = VIRT_GICR_BASE + (uint64_t)cpu * fz.stride +
               (r->frame - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE;
    }
    gic_access(base + gicsim_reg_offset(r, n) + byte, flags, value);
}

static void op_raw(Operands *o)
{
    unsigned region = take(o, 1) % 3;
    uint32_t off = take(o, 4);
    uint8_t flags = take(o, 1);
    uint64_t value = take(o, 8);

    if (region == 1) {
        gic_access(VIRT_GICR_BASE + off % (fz.num_cpu * fz.stride), flags,
                   value);
    } else if (region == 2 && fz.its) {
        gic_access(VIRT_ITS_BASE + off % VIRT_ITS_SIZE, flags, value);
    } else {
        gic_access(VIRT_GICD_BASE + off % GICSIM_FRAME_SIZE, flags, value);
    }
}

static void op_ram(Operands *o)
{
    uint64_t addr = GICSIM_FUZZ_RAM_BASE +
                    (take(o, 4) % GICSIM_FUZZ_RAM_WINDOW & ~7u);
    uint64_t value = take(o, 8);
    uint8_t buf[8];

    if (fz.trace) {
        fprintf(stderr, "ram 0x%" PRIx64 " = 0x%" PRIx64 "\n", addr, value);
    }
    stq_le_p(buf, value);
    address_space_write(&address_space_memory, addr, MEMTXATTRS_UNSPECIFIED,
                        buf, sizeof(buf));
}

static void op_irq(Operands *o)
{
    unsigned line = take(o, 2) % fz.lines;
    int level = take(o, 1) & 1;

    if (fz.trace) {
        fprintf(stderr, "irq line %u = %d\n", line, level);
    }
    qemu_set_irq(qdev_get_gpio_in(fz.gic, line), level);
}

static void op_clock(QTestState *s, Operands *o)
{
    uint32_t ns = take(o, 4);

    if (fz.trace) {
        fprintf(stderr, "clock step %" PRIu32 "\n", ns);
    }
    if (ns) {
        qtest_clock_step(s, ns);
    } else if (qemu_clock_deadline_ns_all(QEMU_CLOCK_VIRTUAL,
                                          QEMU_TIMER_ATTR_ALL) >= 0) {
        /* qtest refuses a step to the next timer when none is armed */
        qtest_clock_step_next(s);
    }
}

/* The machine's device state, everything but RAM, as COLO saves it */
static GByteArray *save_devices(void)
{
    QIOChannelBuffer *bioc = qio_channel_buffer_new(64 * KiB);
    QEMUFile *f = qemu_file_new_output(QIO_CHANNEL(bioc));
    GByteArray *stream;

    /* The run state, which the "globalstate" section carries */
    global_state_store();
    if (qemu_save_device_state(f) < 0 || qemu_fflush(f) < 0) {
        fprintf(stderr, "gicsim-fuzz: saving the device state failed\n");
        abort();
    }
    stream = g_byte_array_sized_new(bioc->usage);
    g_byte_array_append(stream, bioc->data, bioc->usage);
    qemu_fclose(f);
    object_unref(OBJECT(bioc));
    return stream;
}

static void load_devices(GByteArray *stream)
{
    QIOChannelBuffer *bioc = qio_channel_buffer_new(stream->len);
    QEMUFile *f;
    int ret;

    memcpy(bioc->data, stream->data, stream->len);
    bioc->usage = stream->len;
    f = qemu_file_new_input(QIO_CHANNEL(bioc));
    /* qemu_save_device_state() writes a header its loader does not read */
    qemu_get_be32(f);
    qemu_get_be32(f);
    ret = qemu_load_device_state(f);
    qemu_fclose(f);
    object_unref(OBJECT(bioc));
    if (ret < 0) {
        fprintf(stderr, "gicsim-fuzz: loading the device state back "
                "failed\n");
        abort();
    }
}

/*
 * A migration round trip: save the device state (A), reset the machine,
 * load A, save (B), reset, load B, save again (C): C must be B.  A
 * itself may differ from B where the input forged an interrupt input
 * level that another device drives (the CPU timers' PPIs): loading the
 * CPUs re-drives those lines from the timers' state, as it should.  A
 * load that fails or a state that does not survive is a finding.
 */
static GByteArray *round_trip(GByteArray *stream)
{
    qemu_system_reset(SHUTDOWN_CAUSE_GUEST_RESET);
    load_devices(stream);
    return save_devices();
}

static void op_migrate(void)
{
    g_autoptr(GByteArray) a = save_devices();
    g_autoptr(GByteArray) first = round_trip(a);
    g_autoptr(GByteArray) again = round_trip(first);
    size_t i, at;

    if (fz.trace) {
        fprintf(stderr, "migrate (%u bytes)\n", a->len);
    }
    for (i = 0; i < MIN(first->len, again->len); i++) {
        if (first->data[i] != again->data[i]) {
            break;
        }
    }
    if (i < first->len || i < again->len) {
        at = i & ~(size_t)15;
        fprintf(stderr, "gicsim-fuzz: the device state differs after a "
                "migration round trip, at byte %zu of %u/%u\n",
                i, first->len, again->len);
        if (at < first->len) {
            qemu_hexdump(stderr, "saved", first->data + at,
                         MIN(64, first->len - at));
        }
        if (at < again->len) {
            qemu_hexdump(stderr, "again", again->data + at,
                         MIN(64, again->len - at));
        }
        if (getenv("GICSIM_FUZZ_DUMP")) {
            /* Both streams, for analyze-migration.py-style inspection */
            g_autofree char *fa = g_strdup_printf("%s.saved",
                                                 getenv("GICSIM_FUZZ_DUMP"));
            g_autofree char *fb = g_strdup_printf("%s.again",
                                                 getenv("GICSIM_FUZZ_DUMP"));

            g_file_set_contents(fa, (char *)first->data, first->len, NULL);
            g_file_set_contents(fb, (char *)again->data, again->len, NULL);
        }
        abort();
    }
    fz.migrations++;
}

static void gicsim_fuzz(QTestState *s, const unsigned char *data, size_t size)
{
    const uint8_t *cmd = data;

    while (size) {
        const uint8_t *next = memmem(cmd, size, GICSIM_FUZZ_SEP,
                                     GICSIM_FUZZ_SEP_LEN);
        size_t len = next ? next - cmd : size;

        if (len) {
            Operands o = { cmd + 1, len - 1 };

            switch (cmd[0] % GICSIM_FUZZ_OP__COUNT) {
            case GICSIM_FUZZ_OP_REG:
                op_reg(&o);
                break;
            case GICSIM_FUZZ_OP_RAW:
                op_raw(&o);
                break;
            case GICSIM_FUZZ_OP_IRQ:
                op_irq(&o);
                break;
            case GICSIM_FUZZ_OP_CLOCK:
                op_clock(s, &o);
                break;
            case GICSIM_FUZZ_OP_RAM:
                op_ram(&o);
                break;
            case GICSIM_FUZZ_OP_MIGRATE:
                op_migrate();
                break;
            case GICSIM_FUZZ_OP_RESET:
            default:
                if (fz.trace) {
                    fprintf(stderr, "reset\n");
                }
                fuzz_reset(s);
                break;
            }
            flush_events(s);
        }
        if (!next) {
            break;
        }
        size -= len + GICSIM_FUZZ_SEP_LEN;
        cmd = next + GICSIM_FUZZ_SEP_LEN;
    }
    fz.inputs++;
    fuzz_reset(s);
}

static void report_accesses(void)
{
    fprintf(stderr, "gicsim-fuzz: %" PRIu64 " accesses in %" PRIu64
            " inputs, %" PRIu64 " migration round trips\n", fz.accesses,
            fz.inputs, fz.migrations);
}

static void gicsim_pre_fuzz(QTestState *s)
{
    Object *o = object_resolve_path_type("", TYPE_ARM_GICV3_SIM, NULL);
    GICv3State *gs;

    if (!o) {
        fprintf(stderr, "gicsim-fuzz: no arm-gicv3-sim in the machine\n");
        exit(1);
    }
    gs = ARM_GICV3_COMMON(o);
    fz.gic = DEVICE(o);
    fz.stride = gs->revision == 4 ? 4 * GICSIM_FRAME_SIZE :
                                    2 * GICSIM_FRAME_SIZE;
    fz.num_cpu = MIN(gs->num_cpu, VIRT_GICR_SIZE / fz.stride);
    fz.lines = gs->num_irq - GIC_INTERNAL + GIC_INTERNAL * gs->num_cpu;
    fz.its = object_resolve_path_type("", "arm-gicv3-its", NULL) != NULL;
    if (object_resolve_path("/machine/realm-shim-gicd", NULL)) {
        uint64_t bits = object_property_get_uint(qdev_get_machine(),
                                                 "realm-ipa-bits",
                                                 &error_abort);

        fz.realm_alias = 1ULL << (bits - 1);
    }
    fz.trace = getenv("GICSIM_FUZZ_TRACE");
    atexit(report_accesses);
}

static GString *gicsim_fuzz_cmdline(FuzzTarget *t)
{
    const char *args = getenv("GICSIM_FUZZ_ARGS");
    GString *cmd = g_string_new(TARGET_NAME);

    /*
     * -rtc clock=vm: the PL031's saved state follows the host clock
     * otherwise, and two saves of one state would differ
     */
    g_string_append_printf(cmd, " -display none -nodefaults -m 512M "
                           "-machine virt,gic-model=sim,accel=qtest "
                           "-cpu max -rtc clock=vm %s",
                           args ? args : "-M gic-version=3,secure=on -smp 2");
    return cmd;
}

static void register_gicsim_fuzz_targets(void)
{
    fuzz_add_target(&(FuzzTarget){
        .name = "gicsim-fuzz",
        .description = "arm-gicv3-sim on virt: register accesses in both "
                       "Security states, interrupt lines, clock, reset "
                       "(configuration in GICSIM_FUZZ_ARGS)",
        .get_init_cmdline = gicsim_fuzz_cmdline,
        .pre_fuzz = gicsim_pre_fuzz,
        .fuzz = gicsim_fuzz,
    });
}

fuzz_target_init(register_gicsim_fuzz_targets);
