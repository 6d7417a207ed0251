/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: "info pic" (QEMU's InterruptStatsProvider interface) for
 * arm-gicv3-sim, decoded with the register table's names.
 *
 * What it shows, in this order (docs/device.rst, "info pic"):
 *   the distributor's controls (GICD_CTLR, GICD_TYPER) and every SPI
 *   that is not idle (enabled, pending or active) with its routing;
 *   per redistributor: GICR_PWRR (GIC-600/700), GICR_WAKER, GICR_CTLR,
 *   the LPI tables when LPIs are enabled and the LPIs pending in them,
 *   and every SGI/PPI that is not idle;
 *   the effects in flight with the virtual time they still have to go;
 *   the cost statistics (accesses and modelled cost per register).
 *
 * Register values are what a Secure access would read (the register
 * table's read handlers, called without going through the dispatch: no
 * access is counted, costed or traced).  Idle interrupts are counted,
 * not listed, and redistributors whose state is the same (all SGI/PPIs
 * idle, same power, wake and LPI state) share one line, so that the
 * output stays usable with 512 CPUs.
 *
 * "info pic" takes no argument; the properties info-cpus and info-intids
 * (qom-set, or -global) select the redistributors and the INTIDs shown.
 */
#include "qemu/osdep.h"
#include "qemu/cutils.h"
#include "qapi/error.h"
#include "qobject/qdict.h"
#include "hw/intc/intc.h"
#include "gicsim-compat.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"

/* LPIs listed per redistributor at most; the rest are counted */
#define INFO_MAX_LPIS 64

/* Read register @id (element @index) of @cpu's frames as Secure would */
static uint64_t peek(GICv3SimState *sim, GicsimRegId id, unsigned cpu,
                     unsigned index)
{
    GicsimCtx c = {
        .sim = sim,
        .s = &sim->parent_obj,
        .cs = gicsim_regs[id].frame == GICSIM_FRAME_GICD ? NULL :
              &sim->parent_obj.cpu[cpu],
        .cpu = cpu,
        .reg = &gicsim_regs[id],
        .index = index,
        .ns = false,
    };

    return c.reg->read(&c);
}

/* "NAME = 0x... {Field=v ...}" with the table's fields */
static void show_reg(GString *buf, const char *indent, GicsimRegId id,
                     uint64_t v)
{
    const GicsimReg *r = &gicsim_regs[id];
    const GicsimField *f;
    bool any = false;

    g_string_append_printf(buf, "%s%s = 0x%0*" PRIx64, indent, r->name,
                           r->size * 2, v);
    for (f = r->fields; f && f->name; f++) {
        uint64_t x = extract64(v, f->lsb, f->width);

        if (f->flags & GICSIM_FF_WO) {
            continue;       /* reads as 0 whatever was written */
        }
        g_string_append_printf(buf, f->width > 8 ? "%s%s=0x%" PRIx64 :
                               "%s%s=%" PRIu64, any ? " " : " {", f->name, x);
        any = true;
    }
    g_string_append(buf, any ? "}\n" : "\n");
}

/* The group of an interrupt as the spec names it */
static const char *group_name(GICv3State *s, GICv3CPUState *cs, int irq)
{
    switch (gicv3_irq_group(s, cs, irq)) {
    case GICV3_G0:
        return "G0";
    case GICV3_G1:
        return "G1S";
    default:
        return s->gicd_ctlr & GICD_CTLR_DS ? "G1" : "G1NS";
    }
}

typedef struct IrqState {
    bool enabled, pending, active, edge, level;
    uint8_t prio;
} IrqState;

static bool irq_idle(const IrqState *st)
{
    return !st->enabled && !st->pending && !st->active;
}

static void show_irq(GString *buf, GICv3State *s, GICv3CPUState *cs,
                     int irq, const IrqState *st)
{
    g_string_append_printf(buf, "    %-5d %-3s %-8s %-7s %-6s %-4s prio 0x%02x "
                           "%s%s",
                           irq, irq < GIC_NR_SGIS ? "SGI" :
                           irq < GIC_INTERNAL ? "PPI" : "SPI",
                           st->enabled ? "enabled" : "disabled",
                           st->pending ? "pending" : "",
                           st->active ? "active" : "",
                           group_name(s, cs, irq), st->prio,
                           st->edge ? "edge" : "level",
                           st->level ? ", input high" : "");
}

/* Is @irq (@cpu) selected by the info-intids (info-cpus) property? */
static bool irq_shown(GICv3SimState *sim, uint32_t irq)
{
    return irq >= sim->info_irq_lo && irq <= sim->info_irq_hi;
}

static bool cpu_shown(GICv3SimState *sim, uint32_t cpu)
{
    return cpu >= sim->info_cpu_lo && cpu <= sim->info_cpu_hi;
}

/* "N idle (a-b, c, ...)", the idle INTIDs of a set as ranges */
static void show_idle(GString *buf, const char *what, const bool *idle,
                      int first, int end)
{
    int irq = first, n = 0, lo;
    GString *r = g_string_new("");

    while (irq < end) {
        if (!idle[irq - first]) {
            irq++;
            continue;
        }
        lo = irq;
        while (irq < end && idle[irq - first]) {
            irq++;
        }
        n += irq - lo;
        g_string_append_printf(r, "%s%d", r->len ? ", " : "", lo);
        if (irq - 1 > lo) {
            g_string_append_printf(r, "-%d", irq - 1);
        }
    }
    if (n) {
        g_string_append_printf(buf, "    %d %s idle (disabled, not pending, "
                               "not active): INTID %s\n", n, what, r->str);
    }
    g_string_free(r, true);
}

/* ---- Distributor ---- */

static void show_spi_route(GString *buf, GICv3SimState *sim, int irq)
{
    GICv3State *s = &sim->parent_obj;
    uint64_t r = peek(sim, GICSIM_GICD_IROUTER, 0, irq);

    if (FIELD_EX64(r, GICSIM_GICD_IROUTER, Interrupt_Routing_Mode)) {
        g_string_append(buf, "  -> 1-of-N (Interrupt_Routing_Mode=1)");
    } else if (s->gicd_irouter_target[irq]) {
        g_string_append_printf(buf, "  -> cpu %d (GICD_IROUTER "
                               "Aff=%d.%d.%d.%d)",
                               s->gicd_irouter_target[irq]->cpu->cpu_index,
                               (int)FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff3),
                               (int)FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff2),
                               (int)FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff1),
                               (int)FIELD_EX64(r, GICSIM_GICD_IROUTER, Aff0));
    } else {
        g_string_append_printf(buf, "  -> no CPU (GICD_IROUTER = 0x%" PRIx64
                               ")", r);
    }
}

static void show_dist(GString *buf, GICv3SimState *sim)
{
    GICv3State *s = &sim->parent_obj;
    int irq, nspi = s->num_irq - GIC_INTERNAL;
    bool *idle = g_new0(bool, MAX(nspi, 1));
    unsigned shown = 0;

    g_string_append(buf, "Distributor\n");
    show_reg(buf, "  ", GICSIM_GICD_CTLR, peek(sim, GICSIM_GICD_CTLR, 0, 0));
    show_reg(buf, "  ", GICSIM_GICD_TYPER, peek(sim, GICSIM_GICD_TYPER, 0, 0));
    g_string_append_printf(buf, "  SPIs 32-%d", s->num_irq - 1);
    if (sim->info_irq_lo > 0 || sim->info_irq_hi < UINT32_MAX) {
        g_string_append_printf(buf, " (info-intids %u-%u)", sim->info_irq_lo,
                               sim->info_irq_hi);
    }
    if (sim->info_irq_hi < GIC_INTERNAL || sim->info_irq_lo >= s->num_irq) {
        g_string_append(buf, ": none selected\n");
        g_free(idle);
        return;
    }
    g_string_append(buf, ":\n");
    for (irq = GIC_INTERNAL; irq < s->num_irq; irq++) {
        IrqState st = {
            .enabled = gicv3_gicd_enabled_test(s, irq),
            .pending = gicv3_gicd_pending_test(s, irq),
            .active = gicv3_gicd_active_test(s, irq),
            .edge = gicv3_gicd_edge_trigger_test(s, irq),
            .level = gicv3_gicd_level_test(s, irq),
            .prio = s->gicd_ipriority[irq],
        };

        if (!irq_shown(sim, irq)) {
            continue;
        }
        if (irq_idle(&st)) {
            idle[irq - GIC_INTERNAL] = true;
            continue;
        }
        show_irq(buf, s, NULL, irq, &st);
        show_spi_route(buf, sim, irq);
        g_string_append_c(buf, '\n');
        shown++;
    }
    if (!shown) {
        g_string_append(buf, "    none enabled, pending or active\n");
    }
    show_idle(buf, "SPIs", idle, GIC_INTERNAL, s->num_irq);
    g_free(idle);
}

/* ---- Redistributors ---- */

/* LPIs pending in @cpu's pending table, with their configuration */
static void show_lpis(GString *buf, GICv3SimState *sim, unsigned cpu)
{
    GICv3State *s = &sim->parent_obj;
    GICv3CPUState *cs = &s->cpu[cpu];
    unsigned idbits = MIN(FIELD_EX64(cs->gicr_propbaser, GICSIM_GICR_PROPBASER,
                                     IDbits), 15) + 1;
    uint64_t prop = cs->gicr_propbaser &
                    R_GICSIM_GICR_PROPBASER_PhysicalAddress_MASK;
    uint64_t pend = cs->gicr_pendbaser &
                    R_GICSIM_GICR_PENDBASER_PhysicalAddress_MASK;
    uint32_t lpis = 1u << idbits, irq;
    unsigned listed = 0, more = 0;
    uint8_t *bits;

    if (idbits < 14) {
        g_string_append(buf, "    LPIs: PROPBASER.IDbits below 13, "
                        "no LPI INTIDs\n");
        return;
    }
    bits = g_malloc(lpis / 8);
    if (address_space_read(&s->dma_as, pend, MEMTXATTRS_UNSPECIFIED, bits,
                           lpis / 8) != MEMTX_OK) {
        g_string_append_printf(buf, "    LPIs: pending table at 0x%" PRIx64
                               " unreadable\n", pend);
        g_free(bits);
        return;
    }
    for (irq = GICV3_LPI_INTID_START; irq < lpis; irq++) {
        uint8_t cfg;

        if (!(bits[irq / 8] & (1u << (irq % 8))) || !irq_shown(sim, irq)) {
            continue;
        }
        if (listed == INFO_MAX_LPIS) {
            more++;
            continue;
        }
        if (address_space_read(&s->dma_as,
                               prop + irq - GICV3_LPI_INTID_START,
                               MEMTXATTRS_UNSPECIFIED, &cfg, 1) != MEMTX_OK) {
            cfg = 0;
        }
        g_string_append_printf(buf, "    %-5u LPI %-8s %-7s %-6s %-4s "
                               "prio 0x%02x edge\n", irq,
                               cfg & LPI_CTE_ENABLED ? "enabled" : "disabled",
                               "pending", "", "G1NS", cfg & LPI_PRIORITY_MASK);
        listed++;
    }
    if (!listed) {
        g_string_append_printf(buf, "    LPIs %u-%u: none pending\n",
                               GICV3_LPI_INTID_START, lpis - 1);
    } else if (more) {
        g_string_append_printf(buf, "    ... and %u more pending LPIs\n",
                               more);
    }
    g_free(bits);
}

/*
 * One redistributor's state, in @out; returns true if it is "quiet": all
 * SGI/PPIs idle, LPIs off, nothing in flight, so that it can be folded
 * with its neighbours into one line.  @key is what the folding compares.
 */
static bool redist_quiet(GICv3SimState *sim, unsigned cpu, GString *key)
{
    GICv3State *s = &sim->parent_obj;
    GICv3CPUState *cs = &s->cpu[cpu];
    uint32_t busy = cs->gicr_ienabler0 | cs->gicr_ipendr0 |
                    cs->gicr_iactiver0 | cs->level;

    g_string_truncate(key, 0);
    if (sim->profile->has_pwrr) {
        g_string_append_printf(key, "%s, ", gicsim_redist_powered(sim, cpu) ?
                               "powered up (GICR_PWRR.RDGPO=0)" :
                               "powered down (GICR_PWRR.RDGPO=1)");
    }
    g_string_append_printf(key, "GICR_WAKER = 0x%08x {ProcessorSleep=%d "
                           "ChildrenAsleep=%d}, GICR_CTLR = 0x%08x",
                           cs->gicr_waker,
                           !!(cs->gicr_waker & GICR_WAKER_ProcessorSleep),
                           !!(cs->gicr_waker & GICR_WAKER_ChildrenAsleep),
                           (uint32_t)peek(sim, GICSIM_GICR_CTLR, cpu, 0));
    return !busy && !(cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS) &&
           !sim->rfx[cpu].agenda.pending;
}

static void show_redist(GString *buf, GICv3SimState *sim, unsigned cpu)
{
    GICv3State *s = &sim->parent_obj;
    GICv3CPUState *cs = &s->cpu[cpu];
    bool idle[GIC_INTERNAL] = { false };
    unsigned shown = 0;
    int irq;

    g_string_append_printf(buf, "Redistributor cpu %u (affinity %d.%d.%d.%d)\n",
                           cpu, (int)(cs->gicr_typer >> 56) & 0xff,
                           (int)(cs->gicr_typer >> 48) & 0xff,
                           (int)(cs->gicr_typer >> 40) & 0xff,
                           (int)(cs->gicr_typer >> 32) & 0xff);
    if (sim->profile->has_pwrr) {
        show_reg(buf, "  ", GICSIM_GICR_PWRR,
                 peek(sim, GICSIM_GICR_PWRR, cpu, 0));
    }
    show_reg(buf, "  ", GICSIM_GICR_WAKER,
             peek(sim, GICSIM_GICR_WAKER, cpu, 0));
    show_reg(buf, "  ", GICSIM_GICR_CTLR, peek(sim, GICSIM_GICR_CTLR, cpu, 0));
    if (cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS) {
        show_reg(buf, "  ", GICSIM_GICR_PROPBASER, cs->gicr_propbaser);
        show_reg(buf, "  ", GICSIM_GICR_PENDBASER, cs->gicr_pendbaser);
        show_reg(buf, "  ", GICSIM_GICR_SYNCR,
                 peek(sim, GICSIM_GICR_SYNCR, cpu, 0));
    }
    if (s->revision > 3) {
        show_reg(buf, "  ", GICSIM_GICR_VPENDBASER, cs->gicr_vpendbaser);
    }
    g_string_append(buf, "  SGIs 0-15, PPIs 16-31:");
    if (sim->info_irq_lo >= GIC_INTERNAL) {
        g_string_append(buf, " none selected\n");
        irq = GIC_INTERNAL;
        shown = 1;
    } else {
        g_string_append_c(buf, '\n');
        irq = 0;
    }
    for (; irq < GIC_INTERNAL; irq++) {
        IrqState st = {
            .enabled = extract32(cs->gicr_ienabler0, irq, 1),
            .pending = extract32(cs->gicr_ipendr0, irq, 1),
            .active = extract32(cs->gicr_iactiver0, irq, 1),
            .edge = extract32(cs->edge_trigger, irq, 1),
            .level = extract32(cs->level, irq, 1),
            .prio = cs->gicr_ipriorityr[irq],
        };

        if (!irq_shown(sim, irq)) {
            continue;
        }
        if (irq_idle(&st)) {
            idle[irq] = true;
            continue;
        }
        show_irq(buf, s, cs, irq, &st);
        g_string_append_c(buf, '\n');
        shown++;
    }
    if (!shown) {
        g_string_append(buf, "    none enabled, pending or active\n");
    }
    show_idle(buf, "SGI/PPIs", idle, 0, GIC_INTERNAL);
    if ((cs->gicr_ctlr & GICR_CTLR_ENABLE_LPIS) && s->lpi_enable) {
        show_lpis(buf, sim, cpu);
    }
}

static void show_redists(GString *buf, GICv3SimState *sim)
{
    GICv3State *s = &sim->parent_obj;
    g_autoptr(GString) key = g_string_new("");
    g_autoptr(GString) run = g_string_new("");
    unsigned cpu, lo = 0, n = 0;

    for (cpu = 0; cpu <= s->num_cpu; cpu++) {
        bool quiet = cpu < s->num_cpu && cpu_shown(sim, cpu) &&
                     redist_quiet(sim, cpu, key);

        /* A run of quiet redistributors in the same state: one line */
        if (n && (!quiet || strcmp(key->str, run->str))) {
            if (n == 1) {
                g_string_append_printf(buf, "Redistributor cpu %u: ", lo);
            } else {
                g_string_append_printf(buf, "Redistributors cpu %u-%u: ", lo,
                                       lo + n - 1);
            }
            g_string_append_printf(buf, "%s; LPIs off, all 32 SGI/PPIs "
                                   "idle, nothing in flight\n", run->str);
            n = 0;
        }
        if (cpu == s->num_cpu || !cpu_shown(sim, cpu)) {
            continue;
        }
        if (quiet) {
            if (!n) {
                lo = cpu;
                g_string_assign(run, key->str);
            }
            n++;
            continue;
        }
        show_redist(buf, sim, cpu);
    }
}

/* ---- Effects in flight ---- */

static void show_effects(GString *buf, GICv3SimState *sim)
{
    int64_t now = gicsim_clock_now(sim);
    unsigned a, kind, n = 0;

    g_string_append_printf(buf, "Effects in flight (virtual time %" PRId64
                           " ns):\n", now);
    for (a = 0; a < sim->timing.count; a++) {
        const GicsimAgenda *ag = sim->timing.agenda[a];

        if (a && !cpu_shown(sim, a - 1)) {
            continue;
        }
        for (kind = 0; kind < GICSIM_FX__COUNT; kind++) {
            int64_t to_go;

            if (!(ag->pending & (1u << kind))) {
                continue;
            }
            to_go = ag->deadline[kind] - now;
            if (a) {
                g_string_append_printf(buf, "  cpu %u: ", a - 1);
            } else {
                g_string_append(buf, "  distributor: ");
            }
            g_string_append_printf(buf, "%s: ", gicsim_effect_name(kind));
            if (to_go > 0) {
                g_string_append_printf(buf, "%" PRId64 " ns to go "
                                       "(completes at %" PRId64 " ns)\n",
                                       to_go, ag->deadline[kind]);
            } else {
                g_string_append_printf(buf, "due (at %" PRId64 " ns); "
                                       "completes at the next access\n",
                                       ag->deadline[kind]);
            }
            n++;
        }
    }
    if (!n) {
        g_string_append(buf, "  nothing in flight\n");
    }
    g_string_append_printf(buf, "  accesses that did not wait: %" PRIu64 "\n",
                           sim->did_not_wait);
}

/* ---- Cost statistics ---- */

static void show_stats(GString *buf, GICv3SimState *sim)
{
    GicsimCostAccount *a = sim->cost;
    g_autoptr(QDict) st = NULL;
    QDict *regs;
    unsigned id;

    if (!a->on) {
        g_string_append(buf, "Statistics: cost-accounting=off\n");
        return;
    }
    st = gicsim_cost_table_stats(&a->direct);
    regs = qdict_get_qdict(st, "registers");
    g_string_append_printf(buf, "Statistics (cost profile %s, path %s): "
                           "%" PRId64 " accesses, %" PRId64 " cycles, "
                           "%.1f ns modelled\n", a->profile->name,
                           qdict_get_str(st, "path"),
                           qdict_get_int(st, "accesses"),
                           qdict_get_int(st, "cycles"),
                           qdict_get_double(st, "ns"));
    for (id = 0; id <= GICSIM_COST_UNDEFINED; id++) {
        const char *name = id == GICSIM_COST_UNDEFINED ? "(undefined)" :
                           gicsim_regs[id].name;
        QDict *r = qdict_get_qdict(regs, name);

        if (r) {
            g_string_append_printf(buf, "  %-16s %8" PRId64 " reads %8"
                                   PRId64 " writes %10" PRId64 " cycles "
                                   "%12.1f ns\n", name,
                                   qdict_get_int(r, "reads"),
                                   qdict_get_int(r, "writes"),
                                   qdict_get_int(r, "cycles"),
                                   qdict_get_double(r, "ns"));
        }
    }
}

static void gicsim_print_info(InterruptStatsProvider *obj, GString *buf)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);
    GICv3State *s = &sim->parent_obj;
    g_autofree char *path = object_get_canonical_path(OBJECT(obj));

    g_string_append_printf(buf, "%s: arm-gicv3-sim, GICv%u, profile %s, "
                           "%u CPUs, INTIDs 0-%u, %s\n", path, s->revision,
                           sim->profile->name, s->num_cpu, s->num_irq - 1,
                           !s->security_extn ? "one Security state" :
                           s->gicd_ctlr & GICD_CTLR_DS ?
                           "GICD_CTLR.DS=1 (one Security state)" :
                           "two Security states");
    show_dist(buf, sim);
    show_redists(buf, sim);
    show_effects(buf, sim);
    show_stats(buf, sim);
}

/* ---- Properties: which CPUs and INTIDs ---- */

/* "all", "N" or "N-M" into [*lo, *hi] */
static bool parse_range(const char *name, const char *v, uint32_t *lo,
                        uint32_t *hi, Error **errp)
{
    const char *end;
    uint64_t a, b;

    if (!strcmp(v, "all")) {
        *lo = 0;
        *hi = UINT32_MAX;
        return true;
    }
    if (qemu_strtou64(v, &end, 10, &a) || a > UINT32_MAX) {
        goto bad;
    }
    b = a;
    if (*end == '-' && (qemu_strtou64(end + 1, &end, 10, &b) ||
                        b > UINT32_MAX || b < a)) {
        goto bad;
    }
    if (*end) {
        goto bad;
    }
    *lo = a;
    *hi = b;
    return true;
bad:
    error_setg(errp, "arm-gicv3-sim: %s '%s': expected all, N or N-M "
               "(decimal, N <= M)", name, v);
    return false;
}

static char *get_range(uint32_t lo, uint32_t hi)
{
    if (lo == 0 && hi == UINT32_MAX) {
        return g_strdup("all");
    }
    return lo == hi ? g_strdup_printf("%u", lo) :
                      g_strdup_printf("%u-%u", lo, hi);
}

static char *get_cpus(Object *obj, Error **errp)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);

    return get_range(sim->info_cpu_lo, sim->info_cpu_hi);
}

static void set_cpus(Object *obj, const char *v, Error **errp)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);

    parse_range("info-cpus", v, &sim->info_cpu_lo, &sim->info_cpu_hi, errp);
}

static char *get_intids(Object *obj, Error **errp)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);

    return get_range(sim->info_irq_lo, sim->info_irq_hi);
}

static void set_intids(Object *obj, const char *v, Error **errp)
{
    GICv3SimState *sim = ARM_GICV3_SIM(obj);

    parse_range("info-intids", v, &sim->info_irq_lo, &sim->info_irq_hi, errp);
}

void gicsim_info_instance_init(GICv3SimState *sim)
{
    sim->info_cpu_lo = sim->info_irq_lo = 0;
    sim->info_cpu_hi = sim->info_irq_hi = UINT32_MAX;
}

void gicsim_info_class_init(ObjectClass *klass)
{
    InterruptStatsProviderClass *ic = INTERRUPT_STATS_PROVIDER_CLASS(klass);

    ic->print_info = gicsim_print_info;
    object_class_property_add_str(klass, "info-cpus", get_cpus, set_cpus);
    object_class_property_set_description(klass, "info-cpus",
        "Redistributors 'info pic' shows: all, N or N-M");
    object_class_property_add_str(klass, "info-intids", get_intids,
                                  set_intids);
    object_class_property_set_description(klass, "info-intids",
        "INTIDs 'info pic' lists: all, N or N-M");
}
