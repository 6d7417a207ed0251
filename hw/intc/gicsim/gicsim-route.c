/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: the route builder.  At realize, each register's row of the
 * table and the configuration give it a route (GicsimRoute,
 * gicsim-internal.h): whether the configuration has it, its handlers and
 * cost counters, the reads that need no handler (gicsim-mirror.c), and
 * the (width, byte offset) pairs for which an access takes the direct
 * path of gicsim-dispatch.c: defined by the spec, and no gate can close
 * it in this configuration.
 *
 * A gate can close where one of the views the configuration allows
 * closes it, by the same predicates the checked path applies to each
 * access (gicsim-internal.h, GicsimGateView).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"

/* Does this configuration have @r?  (GicsimReg.avail) */
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

/*
 * Could gates @gates close, or hide fields from, an access that sees @v?
 */
static bool view_gated(uint8_t gates, const GicsimGateView *v)
{
    return gicsim_gate_closed(gates, v) ||
           ((gates & GICSIM_GATE_SECURE_FIELDS) &&
            gicsim_gate_secure_fields_hidden(v));
}

/*
 * Can a gate or Secure-only fields of @r ever apply in this
 * configuration?  Then its accesses take the checked path.  Each view the
 * configuration allows is tried: a Non-secure one needs two Security
 * states and DS == 0; DS is 1 without them, and can become 1 with them
 * (a Secure write sets it); only a GIC-600/700 redistributor powers down.
 */
static bool gates_can_close(GICv3SimState *sim, const GicsimReg *r)
{
    GICv3State *s = &sim->parent_obj;
    /*
     * The direct path of the GIC-600/700 profiles tests the power gate
     * itself (GicsimRoute.power_gate)
     */
    uint8_t gates = gicsim_reg_gates(r) & ~GICSIM_GATE_POWERED;
    unsigned i;

    for (i = 0; i < 8; i++) {
        GicsimGateView v = {
            .ns = i & 1, .ds = i & 2, .powered_down = i & 4,
        };

        if ((v.ns && (!s->security_extn || v.ds)) ||
            (!v.ds && !s->security_extn) ||
            (v.powered_down && !sim->profile->has_pwrr)) {
            continue;   /* not a view this configuration gives */
        }
        if (view_gated(gates, &v)) {
            return true;
        }
    }
    return false;
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
    GICv3State *s = &sim->parent_obj;
    GicsimCostAccount *a = sim->cost;
    uint64_t total;
    unsigned id;

    if (!gicsim_dispatch_decoder_init()) {
        error_setg(errp, "arm-gicv3-sim: register table is inconsistent");
        return false;
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
    /* The same routes with no access direct (gicsim-clock.c) */
    sim->checked_routes = g_memdup2(sim->routes, (GICSIM_REG__COUNT + 1) *
                                                 sizeof(GicsimRoute));
    for (id = 0; id <= GICSIM_REG__COUNT; id++) {
        sim->checked_routes[id].direct[0] = 0;
        sim->checked_routes[id].direct[1] = 0;
    }
    sim->mmio_routes = gicsim_clock_busy(sim) ? sim->checked_routes :
                                                sim->routes;
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
