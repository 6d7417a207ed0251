/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * arm-gicv3-sim: one table of cost counters, on one cost path: its
 * precomputed model and charges, and its statistics.  The lowest cost
 * unit: gicsim-cost-account.c (the device's tables and properties) and
 * gicsim-cost-realm.c (the realm path's table) both use it, and it calls
 * neither (docs/design.rst, "Layout").
 */
#include "qemu/osdep.h"
#include <math.h>
#include "qobject/qdict.h"
#include "qobject/qlist.h"
#include "qobject/qnum.h"
#include "gicsim-internal.h"
#include "gicsim-cost-account.h"

void gicsim_cost_table_init(GicsimCostTable *t, const GicsimCostProfile *p,
                            GicsimCostPath path, const GicsimStage2Geom *geom)
{
    gicsim_cost_model_init(&t->model, p, path, geom);
    t->charge_ns[0] = llround(gicsim_cost_ns(&t->model, t->model.total32));
    t->charge_ns[1] = llround(gicsim_cost_ns(&t->model, t->model.total64));
    t->miss_ns = llround(gicsim_cost_ns(&t->model, t->model.miss_cycles));
}

/* One entry of the statistics: a count and its cycles and ns */
static QDict *cost_entry(const GicsimCostModel *m, uint64_t count,
                         uint64_t cycles)
{
    QDict *d = qdict_new();

    qdict_put_int(d, "count", count);
    qdict_put_int(d, "cycles", cycles);
    qdict_put(d, "ns", qnum_from_double(gicsim_cost_ns(m, cycles)));
    return d;
}

/* Whether step @s appears in the stats of @m's path */
static bool step_shown(const GicsimCostModel *m, unsigned s)
{
    return m->step32[s] ||
           (s == GICSIM_STEP_TLB_MISS && gicsim_cost_path_walks(m->path));
}

QDict *gicsim_cost_table_stats(const GicsimCostTable *t)
{
    const GicsimCostModel *m = &t->model;
    QDict *top = qdict_new(), *regs = qdict_new(), *steps = qdict_new();
    QList *order = qlist_new();
    uint64_t step_count[GICSIM_STEP__COUNT] = { 0 };
    uint64_t step_cycles[GICSIM_STEP__COUNT] = { 0 };
    uint64_t total = 0, cycles = 0;
    unsigned id, s;

    qdict_put_str(top, "path", gicsim_cost_path_name(m->path));
    qdict_put_int(top, "cycles-per-access", m->total32);
    qdict_put_int(top, "cycles-per-64bit-access", m->total64);
    qdict_put_int(top, "cycles-per-tlb-miss", m->miss_cycles);

    for (id = 0; id <= GICSIM_COST_UNDEFINED; id++) {
        const uint64_t *c = t->count[id];
        uint64_t narrow = c[GICSIM_CNT_READ] + c[GICSIM_CNT_WRITE];
        uint64_t wide = c[GICSIM_CNT_READ64] + c[GICSIM_CNT_WRITE64];
        uint64_t misses = gicsim_cost_tlb_misses(m, narrow + wide);
        uint64_t rc = 0;
        QDict *r, *rs;

        if (!narrow && !wide) {
            continue;
        }
        r = qdict_new();
        rs = qdict_new();
        qdict_put_int(r, "reads", c[GICSIM_CNT_READ] + c[GICSIM_CNT_READ64]);
        qdict_put_int(r, "writes",
                      c[GICSIM_CNT_WRITE] + c[GICSIM_CNT_WRITE64]);
        qdict_put_int(r, "reads64", c[GICSIM_CNT_READ64]);
        qdict_put_int(r, "writes64", c[GICSIM_CNT_WRITE64]);
        qdict_put_int(r, "tlb-misses", misses);
        for (s = 0; s < GICSIM_STEP__COUNT; s++) {
            uint64_t sc, n;

            if (!step_shown(m, s)) {
                continue;
            }
            if (s == GICSIM_STEP_TLB_MISS) {
                n = misses;
                sc = misses * m->miss_cycles;
            } else {
                n = narrow * gicsim_cost_step_count(m->path, s, false) +
                    wide * gicsim_cost_step_count(m->path, s, m->split64);
                sc = narrow * m->step32[s] + wide * m->step64[s];
            }
            qdict_put_int(rs, gicsim_cost_step_name(s), sc);
            step_count[s] += n;
            step_cycles[s] += sc;
            rc += sc;
        }
        qdict_put_int(r, "cycles", rc);
        qdict_put(r, "ns", qnum_from_double(gicsim_cost_ns(m, rc)));
        qdict_put(r, "steps", rs);
        qdict_put(regs, id == GICSIM_COST_UNDEFINED ? "(undefined)"
                                                     : gicsim_regs[id].name,
                  r);
        total += narrow + wide;
        cycles += rc;
    }
    for (s = 0; s < GICSIM_STEP__COUNT; s++) {
        if (step_shown(m, s)) {
            qdict_put(steps, gicsim_cost_step_name(s),
                      cost_entry(m, step_count[s], step_cycles[s]));
            qlist_append_str(order, gicsim_cost_step_name(s));
        }
    }
    qdict_put_int(top, "accesses", total);
    qdict_put_int(top, "cycles", cycles);
    qdict_put(top, "ns", qnum_from_double(gicsim_cost_ns(m, cycles)));
    qdict_put(top, "steps", steps);
    qdict_put(top, "step-order", order);
    qdict_put(top, "registers", regs);
    return top;
}
