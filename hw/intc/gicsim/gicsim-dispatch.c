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
 * the access once and give the same result.
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

static bool reg_present(GICv3SimState *sim, const GicsimReg *r)
{
    GICv3State *s = &sim->parent_obj;

    switch (r->avail) {
    case GICSIM_AVAIL_ALWAYS:
        return true;
    case GICSIM_AVAIL_NMI:
        return s->nmi_support;
    case GICSIM_AVAIL_MBIS:
        return sim->profile->mbis;
    case GICSIM_AVAIL_LPI:
        return s->lpi_enable;
    case GICSIM_AVAIL_VLPI:
        return s->lpi_enable && s->revision >= 4;
    case GICSIM_AVAIL_DIRECT_LPI:
        return s->lpi_enable && sim->profile->direct_lpi;
    case GICSIM_AVAIL_PWRR:
        return sim->profile->has_pwrr;
    }
    return false;
}

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

/*
 * The register's gates (gicsim-regs.h): NULL if the access may reach the
 * handler, else why the register is RAZ/WI to it.
 */
static inline const char *closed_gate(GICv3SimState *sim, uint8_t gates,
                                      const GicsimLoc *loc, bool ns)
{
    GICv3State *s = &sim->parent_obj;

    if ((gates & GICSIM_GATE_SECURE) && ns) {
        return "Secure-only register while GICD_CTLR.DS == 0";
    }
    if ((gates & GICSIM_GATE_TWO_STATES) && (s->gicd_ctlr & GICD_CTLR_DS)) {
        return "RAZ/WI while GICD_CTLR.DS == 1";
    }
    if ((gates & GICSIM_GATE_POWERED) && sim->profile->has_pwrr &&
        !gicsim_redist_powered(sim, loc->cpu)) {
        return "redistributor powered down (GICR_PWRR.RDGPO == 1)";
    }
    return NULL;
}

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
    if (unlikely(c.reg->gates)) {
        const char *why = closed_gate(sim, c.reg->gates, &loc, c.ns);

        if (why) {
            gated_access(sim, &loc, &d, size, is_write, attrs, why);
            if (!is_write) {
                *data = 0;
            }
            return MEMTX_OK;
        }
        /* Secure-only fields are RAZ/WI to a Non-secure access */
        hidden = c.ns ? c.reg->smask : 0;
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
 * (size & 8) * 2 is the bytes from GICSIM_CNT_READ to GICSIM_CNT_READ64
 * for 8 bytes, else 0.
 */
static inline QEMU_ALWAYS_INLINE void
count_direct(GICv3SimState *sim, const GicsimRoute *r, unsigned size,
             bool is_write)
{
    QEMU_BUILD_BUG_ON(GICSIM_CNT_READ64 != 2 || GICSIM_CNT_WRITE != 1 ||
                      GICSIM_CNT_WRITE64 != 3);
    (*(uint64_t *)((char *)r->count + sim->cost_table_offset +
                   is_write * 8 + (size & 8) * 2))++;
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
    return &sim->routes[gicsim_slot(&gicsim_decoder, GICSIM_FRAME_GICD,
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
    return &sim->routes[gicsim_slot(&gicsim_decoder, GICSIM_FRAME_RD,
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
 */
static inline bool gate_closed(GICv3SimState *sim, const GicsimRoute *r,
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
                 gate_closed(sim, r, region, addr, shift, pwrr))) {
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
                 gate_closed(sim, r, region, addr, shift, pwrr))) {
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

/*
 * Can a gate or Secure-only fields of @r ever apply in this
 * configuration?  Then its accesses take the checked path.
 */
static bool gates_can_close(GICv3SimState *sim, const GicsimReg *r)
{
    GICv3State *s = &sim->parent_obj;
    uint8_t g = r->gates;

    /* SEC and Secure fields need a Non-secure access to a GIC with two */
    if (!s->security_extn) {
        g &= ~(GICSIM_GATE_SECURE | GICSIM_GATE_SECURE_FIELDS);
    } else if (r->smask) {
        /* The checked path hides them (test-gicsim-regs: flag <=> smask) */
        return true;
    }
    /*
     * Only a GIC-600/700 redistributor powers down, and the direct path
     * of those profiles tests the power gate (GicsimRoute.power_gate)
     */
    g &= ~GICSIM_GATE_POWERED;
    /* TWO closes with DS == 1: always without Security extension */
    return g != 0;
}

/* Bit (size - 1) * 8 + byte of GicsimRoute.direct (gicsim_direct()) */
static uint64_t direct_set(const GicsimReg *r, bool is_write)
{
    uint64_t set = 0;
    unsigned size, byte;

    if (r->access == (is_write ? GICSIM_RO : GICSIM_WO)) {
        return 0;
    }
    for (size = 1; size <= 8; size *= 2) {
        for (byte = 0; byte < 8; byte++) {
            /* A 4-byte register's second word is its next element */
            if (gicsim_access_allowed(r->widths, size,
                                      byte & (r->size - 1))) {
                set |= 1ULL << ((size - 1) * 8 + byte);
            }
        }
    }
    return set;
}

/*
 * The routes of this configuration, from the register table: which
 * registers it has, their handlers and counters, and which of their
 * accesses take the direct path.
 */
bool gicsim_build_dispatch(GICv3SimState *sim, Error **errp)
{
    static bool decoder_ready;
    GICv3State *s = &sim->parent_obj;
    GicsimCostAccount *a = sim->cost;
    uint64_t total;
    unsigned id;

    if (!decoder_ready) {
        if (!gicsim_decoder_init(&gicsim_decoder)) {
            error_setg(errp, "arm-gicv3-sim: register table is inconsistent");
            return false;
        }
        decoder_ready = true;
    }

    /* Route 0 (no register) and the absent registers: checked path */
    sim->routes = g_new0(GicsimRoute, GICSIM_REG__COUNT + 1);
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        GicsimRoute *rt = &sim->routes[id + 1];

        if (!reg_present(sim, r)) {
            continue;
        }
        rt->read = r->read;
        rt->id = id;
        rt->count = a->direct.count[id];
        rt->shift = ctz32(r->size);
        rt->bytemask = r->size - 1;
        /* Element first at the register's offset in the region */
        rt->index = (int32_t)r->first -
                    (int32_t)((r->offset + (r->frame == GICSIM_FRAME_GICD ?
                                            0 : (r->frame - GICSIM_FRAME_RD) *
                                            GICSIM_FRAME_SIZE)) >> rt->shift);
        gicsim_route_reads(sim, r, rt);
        /*
         * The direct path takes the byte in the element from the offset,
         * so the elements must be aligned to their size (they are, IHI
         * 0069H); charge-time=on charges on the checked path.
         */
        if (gates_can_close(sim, r) || a->charge ||
            r->offset % r->size || (r->size != 4 && r->size != 8)) {
            continue;
        }
        rt->power_gate = sim->profile->has_pwrr &&
                         (r->gates & GICSIM_GATE_POWERED);
        rt->direct[0] = direct_set(r, false);
        rt->direct[1] = direct_set(r, true);
    }
    /*
     * The same routes with no direct access: the ones in use while an
     * effect is in flight (gicsim-clock.c), so that every access takes
     * the checked path, which first completes what is due.
     */
    sim->direct_routes = sim->routes;
    sim->checked_routes = g_memdup2(sim->routes,
                                    sizeof(GicsimRoute) *
                                    (GICSIM_REG__COUNT + 1));
    for (id = 0; id <= GICSIM_REG__COUNT; id++) {
        sim->checked_routes[id].direct[0] = 0;
        sim->checked_routes[id].direct[1] = 0;
    }
    gicsim_clock_divert(sim);
    /*
     * The direct path takes a redistributor's number from its region and
     * offset with no bound check: every redistributor the regions hold
     * must be a CPU's (virt sizes them so).
     */
    for (id = 0, total = 0; id < s->nb_redist_regions; id++) {
        total += s->redist_region_count[id];
    }
    if (total > s->num_cpu) {
        error_setg(errp, "arm-gicv3-sim: the redistributor regions "
                   "(redist-region-count) hold %" PRIu64 " redistributors "
                   "for %u CPUs; arm-gicv3-sim needs one per CPU", total,
                   s->num_cpu);
        return false;
    }
    sim->redist_shift = ctz32(gicv3_redist_size(&sim->parent_obj));
    sim->redist_mask = gicv3_redist_size(&sim->parent_obj) - 1;
    /* The direct path looks a redistributor's frames up from RD_base */
    if ((1u << sim->redist_shift) >
        (GICSIM_FRAME__COUNT - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE) {
        error_setg(errp, "arm-gicv3-sim: a redistributor of %u KiB has "
                   "more frames than the register table",
                   (1u << sim->redist_shift) / 1024);
        return false;
    }
    return true;
}
