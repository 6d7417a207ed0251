/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The validation protocol of the cost profiles (docs/calibration.rst):
 * which published rows a profile is fitted to, and what the model then
 * predicts for the others, how far the predictions move when each
 * assumed share or value sweeps an interval, and a leave-one-out pass.
 * QEMU-independent.
 *
 * The fitted unknowns are four groups of steps, each scaled as a whole
 * (the shares inside a group are assumptions):
 *   hyp   exception-entry, world-switch, exit-dispatch, exception-return,
 *         host-irq
 *   vgic  stage2-fault, mmio-decode, vgic-dispatch, vgic-handler,
 *         sysreg-decode, sgi-dispatch, its-command, lr-flush
 *   user  sysreg-save-restore, vmm-exit, vmm-mmio
 *   wake  vcpu-kick, vcpu-wake
 * Every other value (walk-step, gic-access, cpuif-access, bench-floor,
 * the realm steps) is an absolute assumption.  A row's model value is
 * linear in the four group scales.
 */
#ifndef HW_INTC_GICSIM_COST_FIT_H
#define HW_INTC_GICSIM_COST_FIT_H

#include "gicsim-cost.h"

enum {
    GICSIM_GROUP_HYP,
    GICSIM_GROUP_VGIC,
    GICSIM_GROUP_USER,
    GICSIM_GROUP_WAKE,
    GICSIM_GROUP__COUNT,
    GICSIM_GROUP_NONE = GICSIM_GROUP__COUNT
};

/* The rows every shipped profile is fitted to (the others predicted) */
#define GICSIM_FIT_ROWS ((1u << GICSIM_FIG_HYP_CALL) |                 \
                         (1u << GICSIM_FIG_MMIO_READ_VGIC) |           \
                         (1u << GICSIM_FIG_MMIO_READ_USER) |           \
                         (1u << GICSIM_FIG_IPI))

/* A multiplier per step, and one for bench-floor (index STEP__COUNT) */
#define GICSIM_FIT_FLOOR GICSIM_STEP__COUNT
#define GICSIM_FIT_KNOBS (GICSIM_STEP__COUNT + 1)

/* The group step @s is scaled with, or GICSIM_GROUP_NONE */
unsigned gicsim_fit_group(GicsimCostStep s);
const char *gicsim_fit_group_name(unsigned g);

/*
 * Row @fig of profile @p (default geometry) as const + sum a[g] * scale[g]
 * in cycles, each step's value multiplied by @mult[step] (NULL: all 1;
 * mult[GICSIM_FIT_FLOOR] multiplies bench-floor).
 */
void gicsim_fit_row(const GicsimCostProfile *p, const double *mult,
                    GicsimCostFigure fig, double *cnst,
                    double a[GICSIM_GROUP__COUNT]);

/*
 * Fit the group scales to the published rows in @rows (a mask of
 * figures), minimising the sum of squared relative errors (exact when
 * there are as many independent rows as groups).  False when the rows
 * do not determine every group.
 */
bool gicsim_fit_scales(const GicsimCostProfile *p, const double *mult,
                       unsigned rows, double scale[GICSIM_GROUP__COUNT]);

/* The model's row in ns with the given scales and multipliers */
double gicsim_fit_predict_ns(const GicsimCostProfile *p, const double *mult,
                             const double scale[GICSIM_GROUP__COUNT],
                             GicsimCostFigure fig);

/*
 * How far a fitted row may be from its published value by rounding
 * alone: half a cycle per rounded step value, plus half a nanosecond
 * for the published figure's own rounding.
 */
double gicsim_fit_rounding_ns(const GicsimCostProfile *p,
                              GicsimCostFigure fig);

#endif
