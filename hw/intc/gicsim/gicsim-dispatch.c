/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: MMIO dispatch.  Every distributor and redistributor access is
 * decoded through the register table (gicsim-regs-table.c.inc), checked
 * against the widths and access type the table gives, passed through the
 * register's gates (Secure-only, one Security state, power: RAZ/WI when
 * closed) with its Secure-only fields hidden from Non-secure accesses,
 * traced, and handed to the register's handler with the written bytes as
 * a mask.
 *
 * Access widths.  IHI 0069H (memory-mapped register access) allows
 * 32-bit accesses to every register; 8-bit accesses to the
 * byte-per-interrupt registers (IPRIORITYR, ITARGETSR, CPENDSGIR,
 * SPENDSGIR); 16-bit accesses to bits [15:0] of GICD_SETSPI_NSR,
 * CLRSPI_NSR, SETSPI_SR and CLRSPI_SR (their descriptions); 64-bit
 * accesses, and 32-bit accesses to either half, of 64-bit registers.
 * Anything else is UNPREDICTABLE or CONSTRAINED UNPREDICTABLE; we make it
 * RAZ/WI and log it, or a bus error with strict=on.  Writes to read-only
 * and reads of write-only registers are defined (ignored, UNKNOWN): we
 * log them as the "pedantic" class, a bus error only with
 * strict=pedantic (docs/device.rst).
 *
 * Two paths.  At realize, each register's row of the table and the
 * configuration give it a route (GicsimRoute, gicsim_build_dispatch()):
 * its handlers, its cost counters, and the (width, byte offset) pairs for
 * which an access to it is defined and no gate can close it in this
 * configuration.  Such an access, nearly every one, takes the direct path:
 * one decoder slot, one route, one bit test, one counter, the handler.
 * Everything else takes the checked path, gicsim_access_checked(), which
 * decides, logs and traces it in full: reserved offsets, registers this
 * configuration lacks, widths the spec does not define, writes to RO and
 * reads of WO registers, registers with a gate or Secure-only fields that
 * can apply here, and every access with charge-time=on.  Both paths count
 * the access once and give the same result.  While a write's effect is
 * in flight (gicsim-clock.c), every access takes the checked path, which
 * completes what is due first: the direct path then looks its routes up
 * in a copy where none is direct (GICv3SimState.mmio_routes), which costs
 * it no test of its own.
 *
 * Each 64 KiB frame is one MemoryRegion whose .valid.accepts hook applies
 * the table's exact width set for the register at the accessed offset, so
 * QEMU's memory core itself rejects (strict=on) what the spec disallows.
 * We do not create one MemoryRegion per register group: groups interleave
 * inside a frame (GICR_TYPER is a 64-bit register between 32-bit ones),
 * which would need about twenty subregions per redistributor, and QEMU
 * dispatches a page holding several regions through an extra subpage
 * lookup on every access (docs/design.rst; docs/benchmarks.rst measures
 * the dispatch against stock QEMU's).
 */
#include "qemu/osdep.h"
#include "qemu/log.h"
#include "qapi/error.h"
#include "hw/sysbus.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"
#include "trace.h"

/*
 * Offset -> register id + 1: one table for every device (its routes say
 * which registers its configuration lacks).
 */
static GicsimDecoder gicsim_decoder;

/* Where an access lands: frame, offset in the frame, redistributor. */
typedef struct GicsimLoc {
    GicsimFrame frame;
    uint32_t offset;        /* in the frame */
    GICv3CPUState *cs;
    unsigned cpu;           /* index of cs in s->cpu[] */
} GicsimLoc;

static const char *sec_name(MemTxAttrs attrs)
{
    return attrs.secure ? "S" : "NS";
}

static bool locate(GICv3SimState *sim, GICv3RedistRegion *region,
                   hwaddr addr, GicsimLoc *loc)
{
    GICv3State *s = &sim->parent_obj;
    unsigned cpu;

    if (!region) {
        loc->frame = GICSIM_FRAME_GICD;
        loc->offset = addr;
        loc->cs = NULL;
        loc->cpu = 0;
        return true;
    }
    cpu = region->cpuidx + (addr >> sim->redist_shift);
    if (cpu >= s->num_cpu) {
        return false;
    }
    loc->cs = &s->cpu[cpu];
    loc->cpu = cpu;
    loc->frame = GICSIM_FRAME_RD + ((addr >> 16) &
                                    ((1u << (sim->redist_shift - 16)) - 1));
    loc->offset = addr & (GICSIM_FRAME_SIZE - 1);
    return true;
}

/*
 * Classify an access: returns NULL if it breaks a rule, with *rule saying
 * which.  *defined says whether the specification still defines the
 * outcome (a write to a read-only register is ignored, a read of a
 * write-only one is UNKNOWN): the "pedantic" class, refused only with
 * strict=pedantic.  The others (reserved offset, width) are the
 * "undefined" class, refused with strict=on and strict=pedantic.
 */
static const GicsimReg *check_access(GICv3SimState *sim,
                                     const GicsimLoc *loc,
                                     unsigned size, bool is_write,
                                     GicsimDecoded *d, const char **rule,
                                     bool *defined)
{
    const GicsimReg *r;

    *defined = false;
    if (!gicsim_decode(&gicsim_decoder, loc->frame, loc->offset, d) ||
        !sim->routes[d->id + 1].count) {
        /* No register there, or none in this configuration */
        d->reg = NULL;
        *rule = "reserved offset (RES0, IHI 0069H reserved register addresses)";
        return NULL;
    }
    r = d->reg;
    if (!gicsim_access_allowed(r->widths, size, d->byte)) {
        *rule = "access width not supported by this register "
                "(IHI 0069H, memory-mapped register access)";
        return NULL;
    }
    if (is_write && r->access == GICSIM_RO) {
        *rule = "write to a read-only register (pedantic: the write is "
                "ignored, IHI 0069H register access types)";
        *defined = true;
        return NULL;
    }
    if (!is_write && r->access == GICSIM_WO) {
        *rule = "read of a write-only register (pedantic: the value is "
                "UNKNOWN, IHI 0069H register access types)";
        *defined = true;
        return NULL;
    }
    return r;
}

/* Whether an access that breaks a rule of class @defined is a bus error */
static inline bool refused(GICv3SimState *sim, bool defined)
{
    return defined ? sim->pedantic : sim->strict;
}

static const char *outcome(GICv3SimState *sim, bool defined, bool is_write)
{
    if (!refused(sim, defined)) {
        return !defined ? "RAZ/WI" : is_write ? "ignored" : "reads 0";
    }
    return sim->pedantic ? "bus error (strict=pedantic)" :
                           "bus error (strict=on)";
}

static void reg_where(const GicsimDecoded *d, char *where, size_t len)
{
    if (d->reg && d->reg->count > 1) {
        snprintf(where, len, "%s%u", d->reg->name, d->index);
    } else {
        snprintf(where, len, "%s", d->reg ? d->reg->name : "(reserved)");
    }
}

/*
 * Log an access the specification does not define, once, wherever it is
 * refused: in gicsim_access_checked() (strict=off: RAZ/WI) or in the
 * .valid.accepts hook (strict=on: QEMU's memory core makes it a bus error
 * and never calls the dispatch).  @value is NULL where the access is
 * refused before its data is seen (the accepts hook, and every read).
 */
static void log_bad_access(const GicsimLoc *loc, const GicsimDecoded *d,
                           unsigned size, bool is_write,
                           const uint64_t *value, MemTxAttrs attrs,
                           const char *rule, const char *result)
{
    char where[64];
    char val[32] = "";

    reg_where(d, where, sizeof(where));
    if (value) {
        snprintf(val, sizeof(val), " value 0x%" PRIx64, *value);
    }
    qemu_log_mask(LOG_GUEST_ERROR,
                  "arm-gicv3-sim: %s %u-byte %s %s cpu %d offset 0x%04x "
                  "(%s)%s: %s; %s\n",
                  sec_name(attrs), size, is_write ? "write" : "read",
                  gicsim_frame_name(loc->frame),
                  loc->cs ? loc->cs->cpu->cpu_index : -1, loc->offset, where,
                  val, rule, result);
}

static void log_beyond_redists(hwaddr addr, bool strict)
{
    /* Outside the redistributors; cannot happen with virt's layout */
    qemu_log_mask(LOG_GUEST_ERROR,
                  "arm-gicv3-sim: access beyond the last redistributor "
                  "at region offset 0x%" HWADDR_PRIx "; %s\n", addr,
                  strict ? "bus error (strict=on)" : "RAZ/WI");
}

/*
 * Out of line, with its signature kept ("used": as if called from
 * elsewhere, so that no compiler gives a clone of it other arguments):
 * its callers jump to it (tail calls, which keep the direct path's
 * MemoryRegionOps functions free of a stack frame).
 */
#define GICSIM_OUT_OF_LINE __attribute__((noinline, used))

/* A gate made the access RAZ/WI: trace it, and log what is an error */
static void gated_access(GICv3SimState *sim, const GicsimLoc *loc,
                         const GicsimDecoded *d, unsigned size,
                         bool is_write, MemTxAttrs attrs, const char *why)
{
    char where[64];

    reg_where(d, where, sizeof(where));
    trace_gicsim_gated(gicsim_frame_name(loc->frame),
                       loc->cs ? loc->cs->cpu->cpu_index : -1, where, size,
                       is_write, sec_name(attrs), why);
    if (d->reg->gates & GICSIM_GATE_POWERED && loc->cs) {
        unsigned cpu = loc->cpu;

        if (gicsim_effect_pending(sim, GICSIM_FX_PWRR, cpu)) {
            /* Software should have polled GICR_PWRR first */
            gicsim_did_not_wait(sim, GICSIM_FX_PWRR, cpu, where);
        }
        /*
         * GIC-600 TRM, GICR_PWRR: software powers a redistributor up
         * before it programs it; the access is lost.
         */
        qemu_log_mask(LOG_GUEST_ERROR,
                      "arm-gicv3-sim: %s %u-byte %s of %s, cpu %d: %s; "
                      "RAZ/WI\n", sec_name(attrs), size,
                      is_write ? "write" : "read", where,
                      loc->cs->cpu->cpu_index, why);
    }
}

/* A Non-secure access while the GIC has two Security states */
static inline bool ns_access(GICv3State *s, MemTxAttrs attrs)
{
    return s->security_extn && !attrs.secure &&
           !(s->gicd_ctlr & GICD_CTLR_DS);
}

/*
 * The checked path: any access, decided in full (see the top of the
 * file).  Kept out of line, so that the direct path stays small.
 */
static GICSIM_OUT_OF_LINE MemTxResult
gicsim_access_checked(GICv3SimState *sim, GICv3RedistRegion *region,
                      hwaddr addr, uint64_t *data, unsigned size,
                      bool is_write, MemTxAttrs attrs)
{
    GICv3State *s = &sim->parent_obj;
    GicsimLoc loc;
    GicsimDecoded d = { 0 };
    GicsimCtx c;
    const char *rule = NULL;
    bool defined;
    unsigned shift;
    uint8_t gates;
    uint64_t mask, hidden;

    /* What is due by the virtual clock completes first (gicsim-clock.c) */
    gicsim_clock_sync(sim);
    if (!locate(sim, region, addr, &loc)) {
        gicsim_cost_access(sim, GICSIM_COST_UNDEFINED, size, is_write);
        log_beyond_redists(addr, sim->strict);
        if (!is_write) {
            *data = 0;
        }
        return sim->strict ? MEMTX_DECODE_ERROR : MEMTX_OK;
    }

    c.reg = check_access(sim, &loc, size, is_write, &d, &rule, &defined);
    /* Cost accounting (gicsim-cost-account.h): one counter */
    gicsim_cost_access(sim, c.reg ? d.id : GICSIM_COST_UNDEFINED, size,
                       is_write);
    if (!c.reg) {
        /* RAZ/WI; a refused one never gets here (.valid.accepts) */
        log_bad_access(&loc, &d, size, is_write, is_write ? data : NULL,
                       attrs, rule, outcome(sim, defined, is_write));
        if (!is_write) {
            *data = 0;
        }
        trace_gicsim_bad_access(gicsim_frame_name(loc.frame),
                                loc.cs ? loc.cs->cpu->cpu_index : -1,
                                loc.offset, size, is_write, sec_name(attrs));
        return refused(sim, defined) ? MEMTX_DECODE_ERROR : MEMTX_OK;
    }

    c.sim = sim;
    c.s = s;
    c.cs = loc.cs;
    c.cpu = loc.cpu;
    c.index = d.index;
    c.ns = ns_access(s, attrs);
    hidden = 0;
    gates = gicsim_reg_gates(c.reg);
    if (unlikely(gates)) {
        /* What this access sees, for the gates' predicates */
        GicsimGateView view = {
            .ns = c.ns,
            .ds = s->gicd_ctlr & GICD_CTLR_DS,
            .powered_down = loc.cs && !gicsim_redist_powered(sim, loc.cpu),
        };
        const char *why = gicsim_gate_closed(gates, &view);

        if (why) {
            gated_access(sim, &loc, &d, size, is_write, attrs, why);
            if (!is_write) {
                *data = 0;
            }
            return MEMTX_OK;
        }
        if ((gates & GICSIM_GATE_SECURE_FIELDS) &&
            gicsim_gate_secure_fields_hidden(&view)) {
            hidden = c.reg->smask;
        }
    }
    shift = d.byte * 8;
    mask = MAKE_64BIT_MASK(0, size * 8);

    if (is_write) {
        if (trace_event_get_state_backends(TRACE_GICSIM_WRITE)) {
            trace_gicsim_write(gicsim_frame_name(loc.frame),
                               loc.cs ? loc.cs->cpu->cpu_index : -1,
                               c.reg->name, d.index, loc.offset, size, *data,
                               sec_name(attrs));
        }
        c.reg->write(&c, (*data & mask) << shift, (mask << shift) & ~hidden);
    } else {
        *data = ((c.reg->read(&c) & ~hidden) >> shift) & mask;
        if (trace_event_get_state_backends(TRACE_GICSIM_READ)) {
            trace_gicsim_read(gicsim_frame_name(loc.frame),
                              loc.cs ? loc.cs->cpu->cpu_index : -1,
                              c.reg->name, d.index, loc.offset, size, *data,
                              sec_name(attrs));
        }
    }
    if (trace_event_get_state_backends(TRACE_GICSIM_ACCESS_COST)) {
        gicsim_cost_trace(sim, gicsim_frame_name(loc.frame),
                          loc.cs ? loc.cs->cpu->cpu_index : -1, d.id,
                          d.index, size, is_write,
                          is_write ? *data & mask : *data);
    }
    return MEMTX_OK;
}

/*
 * .valid.accepts (strict=on and strict=pedantic only): the spec's width
 * set for the register at @addr, so that QEMU's memory core rejects
 * everything else; with strict=pedantic also writes to read-only and reads
 * of write-only registers.  The
 * dispatch never sees a rejected access, so the log line is written here
 * (the memory core calls the hook once per access: .impl takes every
 * width whole).  With strict=off there is no hook: every access reaches
 * gicsim_access_checked(), which makes the undefined ones RAZ/WI and logs
 * them.
 */
static bool gicsim_accepts(GICv3SimState *sim, GICv3RedistRegion *region,
                           hwaddr addr, unsigned size, bool is_write,
                           MemTxAttrs attrs)
{
    GicsimLoc loc;
    GicsimDecoded d = { 0 };
    const char *rule = NULL;
    bool defined;

    if (!locate(sim, region, addr, &loc)) {
        log_beyond_redists(addr, true);
        return false;
    }
    if (!check_access(sim, &loc, size, is_write, &d, &rule, &defined)) {
        if (!refused(sim, defined)) {
            return true;    /* the checked path logs it and ignores it */
        }
        log_bad_access(&loc, &d, size, is_write, NULL, attrs, rule,
                       outcome(sim, defined, is_write));
        trace_gicsim_bad_access(gicsim_frame_name(loc.frame),
                                loc.cs ? loc.cs->cpu->cpu_index : -1,
                                loc.offset, size, is_write, sec_name(attrs));
        return false;
    }
    return true;
}

/*
 * The direct path (see the top of the file).  Does an access of @size
 * bytes at @offset to route @r go straight to the handler?
 */
static inline bool gicsim_direct(const GicsimRoute *r, bool is_write,
                                 unsigned size, uint32_t offset)
{
    return (r->direct[is_write] >> (((size - 1) << 3) | (offset & 7))) & 1;
}

/* The bytes of an access of 1, 2, 4 or 8 bytes */
static const uint64_t size_mask[9] = {
    [1] = 0xff, [2] = 0xffff, [4] = 0xffffffff, [8] = ~0ULL,
};

/*
 * Cost accounting (gicsim-cost-account.h) on the direct path: one counter
 * of the table the realm shims' hook selects (the device's own, or the
 * realm path's); with cost-accounting=off a table nobody reads.
 *
 * The counter's byte offset in the route's row of counters, as one sum:
 * GICSIM_CNT_WRITE is 8 bytes after GICSIM_CNT_READ, and the 64-bit
 * counters 16 bytes after the others; @size is 1, 2, 4 or 8 here, so
 * size & 8 is 8 for a 64-bit access and 0 for any other.  Spelled as an
 * index (is_write + 2 * (size / 8)) the compiler scales it at run time:
 * 6 more host instructions per redistributor read (bench: gicr_typer_r64).
 */
static inline QEMU_ALWAYS_INLINE void
count_direct(GICv3SimState *sim, const GicsimRoute *r, unsigned size,
             bool is_write)
{
    QEMU_BUILD_BUG_ON(GICSIM_CNT_READ != 0 || GICSIM_CNT_WRITE != 1 ||
                      GICSIM_CNT_READ64 != 2 || GICSIM_CNT_WRITE64 != 3);
    (*(uint64_t *)((char *)r->count + sim->cost_table_offset +
                   is_write * sizeof(uint64_t) + (size & 8) * 2))++;
}

/*
 * The handler of route @r, for a direct access at @offset in the
 * device's region, of @cs's redistributor (number @cpu) or of the
 * distributor (@cs NULL).
 */
static inline QEMU_ALWAYS_INLINE void
call_handler(GICv3SimState *sim, const GicsimRoute *r, GICv3CPUState *cs,
             unsigned cpu, uint32_t offset, uint64_t *data, unsigned size,
             bool is_write, MemTxAttrs attrs)
{
    unsigned shift = (offset & r->bytemask) * 8;
    uint64_t mask = size_mask[size];
    GicsimCtx c = {
        .sim = sim,
        .s = &sim->parent_obj,
        .cs = cs,
        .cpu = cpu,
        .reg = &gicsim_regs[r->id],
        .index = (offset >> r->shift) + r->index,
        .ns = ns_access(&sim->parent_obj, attrs),
    };

    if (is_write) {
        c.reg->write(&c, (*data & mask) << shift, mask << shift);
    } else {
        *data = (r->read(&c) >> shift) & mask;
    }
}

/*
 * A direct read that needs its handler (counted here), and the checked
 * path of each
 * MemoryRegionOps function: out of line, taking that function's own
 * arguments in the same order (then the route), so that it jumps to them
 * without a stack frame and the reads answered without a handler
 * (gicsim-mirror.c) need none at all.
 */
static GICSIM_OUT_OF_LINE MemTxResult
gicd_read_handler(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                  MemTxAttrs attrs, const GicsimRoute *r)
{
    GICv3SimState *sim = gicsim_of(opaque);

    count_direct(sim, r, size, false);
    call_handler(sim, r, NULL, 0, addr & (GICSIM_FRAME_SIZE - 1), data, size,
                 false, attrs);
    return MEMTX_OK;
}

static GICSIM_OUT_OF_LINE MemTxResult
gicr_read_handler(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                  MemTxAttrs attrs, const GicsimRoute *r)
{
    GICv3RedistRegion *region = opaque;
    GICv3SimState *sim = gicsim_of(region->gic);
    unsigned cpu = region->cpuidx + (addr >> sim->redist_shift);

    count_direct(sim, r, size, false);
    call_handler(sim, r, &sim->parent_obj.cpu[cpu], cpu,
                 addr & sim->redist_mask, data, size, false, attrs);
    return MEMTX_OK;
}

static GICSIM_OUT_OF_LINE MemTxResult
gicd_read_checked(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                  MemTxAttrs attrs)
{
    return gicsim_access_checked(gicsim_of(opaque), NULL, addr, data, size,
                                 false, attrs);
}

static GICSIM_OUT_OF_LINE MemTxResult
gicr_read_checked(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
                  MemTxAttrs attrs)
{
    GICv3RedistRegion *region = opaque;

    return gicsim_access_checked(gicsim_of(region->gic), region, addr, data,
                                 size, false, attrs);
}

/* Is gicsim_read (@is_write: gicsim_write) enabled? */
static inline bool traced(bool is_write)
{
    return is_write ? trace_event_get_state_backends(TRACE_GICSIM_WRITE) :
                      trace_event_get_state_backends(TRACE_GICSIM_READ);
}

/* The route of the distributor's register at @offset */
static inline const GicsimRoute *gicd_route(GICv3SimState *sim,
                                            uint32_t offset)
{
    return &sim->mmio_routes[gicsim_slot(&gicsim_decoder, GICSIM_FRAME_GICD,
                                    offset)];
}

/*
 * A redistributor's frames follow each other from RD_base, in QEMU's
 * layout and in the decoder (pinned in gicsim-internal.h); @offset is
 * below 4 frames (gicsim_build_dispatch()), within the decoder.
 */
static inline const GicsimRoute *gicr_route(GICv3SimState *sim,
                                            uint32_t offset)
{
    return &sim->mmio_routes[gicsim_slot(&gicsim_decoder, GICSIM_FRAME_RD,
                                    offset)];
}

/*
 * What a direct read of @size bytes at @offset of route @r gives without
 * its handler: the bytes of the state it mirrors, found from @state
 * (gicsim-mirror.c: only on little-endian hosts), or its fixed value.
 * Only the distributor's enables (@may_clear) have clears in flight to
 * take off; only the GIC-600/700 redistributors' mirrors (@mirror_or:
 * GICR_TYPER) have constant bits to add.
 */
static inline QEMU_ALWAYS_INLINE uint64_t
read_unhandled(const GicsimRoute *r, const void *state, uint32_t offset,
               unsigned size, bool may_clear, bool mirror_or)
{
    const uint8_t *p = (const uint8_t *)state + r->mirror + offset;

    /*
     * mirror_lo <= offset < mirror_lo + mirror_len, as one unsigned
     * comparison: below mirror_lo the difference wraps to a large value
     */
    if (offset - r->mirror_lo < r->mirror_len) {
        /*
         * Eight bytes are always there to read (gicsim-mirror.c); the
         * access takes the first @size.
         */
        uint64_t v = ldq_le_p(p);

        if (mirror_or) {
            v |= r->value >> ((offset & r->bytemask) * 8);
        }
        v &= size_mask[size];

        if (may_clear && unlikely(r->clear)) {
            /* GICD_ICENABLER, ISENABLER: less the clears in flight */
            v &= ~ldq_le_p(p + r->clear);
        }
        return v;
    }
    return (r->value >> ((offset & r->bytemask) * 8)) & size_mask[size];
}

static MemTxResult gicd_read(void *opaque, hwaddr addr, uint64_t *data,
                             unsigned size, MemTxAttrs attrs)
{
    GICv3SimState *sim = gicsim_of(opaque);
    uint32_t offset = addr & (GICSIM_FRAME_SIZE - 1);
    const GicsimRoute *r = gicd_route(sim, offset);

    if (unlikely(!gicsim_direct(r, false, size, offset) || traced(false))) {
        return gicd_read_checked(opaque, addr, data, size, attrs);
    }
    if (r->read) {
        return gicd_read_handler(opaque, addr, data, size, attrs, r);
    }
    count_direct(sim, r, size, false);
    *data = read_unhandled(r, sim, offset, size, true, false);
    return MEMTX_OK;
}

static MemTxResult gicd_write(void *opaque, hwaddr addr, uint64_t data,
                              unsigned size, MemTxAttrs attrs)
{
    GICv3SimState *sim = gicsim_of(opaque);
    uint32_t offset = addr & (GICSIM_FRAME_SIZE - 1);
    const GicsimRoute *r = gicd_route(sim, offset);

    if (unlikely(!gicsim_direct(r, true, size, offset) || traced(true))) {
        return gicsim_access_checked(sim, NULL, addr, &data, size, true,
                                     attrs);
    }
    count_direct(sim, r, size, true);
    call_handler(sim, r, NULL, 0, offset, &data, size, true, attrs);
    return MEMTX_OK;
}

/*
 * The redistributors' MemoryRegionOps functions, one per redistributor
 * size (@shift: log2 of its bytes, GICV3_REDIST_SIZE or
 * GICV4_REDIST_SIZE), so that finding the redistributor costs no loads,
 * and per kind of profile: with @pwrr (GIC-600, GIC-700) an access to a
 * register behind the power gate of a powered-down redistributor takes
 * the checked path, which makes it RAZ/WI.
 *
 * The route builder leaves the power gate (gicsim_gate_powered_closed())
 * to the direct path where it is the only gate that can close
 * (GicsimRoute.power_gate): here is the input of that predicate, from
 * the redistributor's GICR_PWRR without a view to build.
 */
static inline bool route_powered_down(GICv3SimState *sim,
                                      const GicsimRoute *r,
                                      GICv3RedistRegion *region, hwaddr addr,
                                      unsigned shift, bool pwrr)
{
    return pwrr && r->power_gate &&
           (sim->gicr_pwrr[region->cpuidx + (addr >> shift)] &
            R_GICSIM_GICR_PWRR_RDGPO_MASK);
}

static inline QEMU_ALWAYS_INLINE MemTxResult
gicr_read(void *opaque, hwaddr addr, uint64_t *data, unsigned size,
          MemTxAttrs attrs, unsigned shift, bool pwrr)
{
    GICv3RedistRegion *region = opaque;
    GICv3SimState *sim = gicsim_of(region->gic);
    uint32_t offset = addr & ((1u << shift) - 1);
    const GicsimRoute *r = gicr_route(sim, offset);
    uintptr_t cpu;

    if (unlikely(!gicsim_direct(r, false, size, offset) || traced(false) ||
                 route_powered_down(sim, r, region, addr, shift, pwrr))) {
        return gicr_read_checked(opaque, addr, data, size, attrs);
    }
    if (r->read) {
        return gicr_read_handler(opaque, addr, data, size, attrs, r);
    }
    count_direct(sim, r, size, false);
    /* Below num_cpu: gicsim_build_dispatch() checked the regions */
    cpu = region->cpuidx + (addr >> shift);
    *data = read_unhandled(r, &sim->parent_obj.cpu[cpu], offset, size,
                           false, pwrr);
    return MEMTX_OK;
}

static inline QEMU_ALWAYS_INLINE MemTxResult
gicr_write(void *opaque, hwaddr addr, uint64_t data, unsigned size,
           MemTxAttrs attrs, unsigned shift, bool pwrr)
{
    GICv3RedistRegion *region = opaque;
    GICv3SimState *sim = gicsim_of(region->gic);
    /* Below num_cpu: gicsim_build_dispatch() checked the regions */
    unsigned cpu = region->cpuidx + (addr >> shift);
    uint32_t offset = addr & ((1u << shift) - 1);
    const GicsimRoute *r = gicr_route(sim, offset);

    if (unlikely(!gicsim_direct(r, true, size, offset) || traced(true) ||
                 route_powered_down(sim, r, region, addr, shift, pwrr))) {
        return gicsim_access_checked(sim, region, addr, &data, size, true,
                                     attrs);
    }
    count_direct(sim, r, size, true);
    call_handler(sim, r, &sim->parent_obj.cpu[cpu], cpu, offset, &data,
                 size, true, attrs);
    return MEMTX_OK;
}

#define GICR_OPS_FUNCTIONS(v, shift, pwrr) \
    static MemTxResult gicr_read_##v(void *opaque, hwaddr addr, \
                                     uint64_t *data, unsigned size, \
                                     MemTxAttrs attrs) \
    { \
        return gicr_read(opaque, addr, data, size, attrs, shift, pwrr); \
    } \
    static MemTxResult gicr_write_##v(void *opaque, hwaddr addr, \
                                      uint64_t data, unsigned size, \
                                      MemTxAttrs attrs) \
    { \
        return gicr_write(opaque, addr, data, size, attrs, shift, pwrr); \
    }

QEMU_BUILD_BUG_ON(GICV3_REDIST_SIZE != 1 << 17 ||
                  GICV4_REDIST_SIZE != 1 << 18);
GICR_OPS_FUNCTIONS(v3, 17, false)
GICR_OPS_FUNCTIONS(v4, 18, false)
GICR_OPS_FUNCTIONS(v3_pwrr, 17, true)
GICR_OPS_FUNCTIONS(v4_pwrr, 18, true)

static bool gicd_accepts(void *opaque, hwaddr addr, unsigned size,
                         bool is_write, MemTxAttrs attrs)
{
    return gicsim_accepts(gicsim_of(opaque), NULL, addr, size, is_write,
                          attrs);
}

static bool gicr_accepts(void *opaque, hwaddr addr, unsigned size,
                         bool is_write, MemTxAttrs attrs)
{
    GICv3RedistRegion *region = opaque;

    return gicsim_accepts(gicsim_of(region->gic), region, addr, size,
                          is_write, attrs);
}

/*
 * [0] distributor, [1] redistributor regions, as gicv3_init_irqs_and_mmio()
 * wants them.  .valid min/max bound the widths any register takes (8 to 64
 * bits); with strict=on .accepts narrows that to the register's own set;
 * .impl lets the handlers see every access whole, so that a width the spec
 * does not define is never silently split into ones it does.
 */
#define GICSIM_OPS(rd, wr, acc) { \
        .read_with_attrs = (rd), \
        .write_with_attrs = (wr), \
        .endianness = DEVICE_LITTLE_ENDIAN, \
        .valid.min_access_size = 1, \
        .valid.max_access_size = 8, \
        .valid.accepts = (acc), \
        .impl.min_access_size = 1, \
        .impl.max_access_size = 8, \
    }

#define GICSIM_OPS_PAIR(v, acc_d, acc_r) { \
        GICSIM_OPS(gicd_read, gicd_write, acc_d), \
        GICSIM_OPS(gicr_read_##v, gicr_write_##v, acc_r), \
    }

/* [strict][GICv4-sized redistributors][GICR_PWRR] */
static const MemoryRegionOps gicsim_ops[2][2][2][2] = {
    {
        {
            GICSIM_OPS_PAIR(v3, NULL, NULL),
            GICSIM_OPS_PAIR(v3_pwrr, NULL, NULL),
        }, {
            GICSIM_OPS_PAIR(v4, NULL, NULL),
            GICSIM_OPS_PAIR(v4_pwrr, NULL, NULL),
        },
    }, {
        {
            GICSIM_OPS_PAIR(v3, gicd_accepts, gicr_accepts),
            GICSIM_OPS_PAIR(v3_pwrr, gicd_accepts, gicr_accepts),
        }, {
            GICSIM_OPS_PAIR(v4, gicd_accepts, gicr_accepts),
            GICSIM_OPS_PAIR(v4_pwrr, gicd_accepts, gicr_accepts),
        },
    },
};

const MemoryRegionOps *gicsim_mmio_ops(GICv3SimState *sim)
{
    return gicsim_ops[sim->strict]
                     [gicv3_redist_size(&sim->parent_obj) == GICV4_REDIST_SIZE]
                     [sim->profile->has_pwrr];
}

bool gicsim_dispatch_decoder_init(void)
{
    static bool decoder_ready;

    if (!decoder_ready) {
        decoder_ready = gicsim_decoder_init(&gicsim_decoder);
    }
    return decoder_ready;
}
