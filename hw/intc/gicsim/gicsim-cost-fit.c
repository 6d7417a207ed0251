/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The validation protocol of the cost profiles: group scales fitted to
 * published rows by least squares (see gicsim-cost-fit.h).
 */
#include <math.h>
#include <string.h>
#include "gicsim-cost-fit.h"

static const char *const group_names[GICSIM_GROUP__COUNT] = {
    [GICSIM_GROUP_HYP] = "hyp",
    [GICSIM_GROUP_VGIC] = "vgic",
    [GICSIM_GROUP_USER] = "user",
    [GICSIM_GROUP_WAKE] = "wake",
};

unsigned gicsim_fit_group(GicsimCostStep s)
{
    switch (s) {
    case GICSIM_STEP_EXCEPTION_ENTRY:
    case GICSIM_STEP_WORLD_SWITCH:
    case GICSIM_STEP_EXIT_DISPATCH:
    case GICSIM_STEP_EXCEPTION_RETURN:
    case GICSIM_STEP_HOST_IRQ:
        return GICSIM_GROUP_HYP;
    case GICSIM_STEP_STAGE2_FAULT:
    case GICSIM_STEP_MMIO_DECODE:
    case GICSIM_STEP_VGIC_DISPATCH:
    case GICSIM_STEP_VGIC_HANDLER:
    case GICSIM_STEP_SYSREG_DECODE:
    case GICSIM_STEP_SGI_DISPATCH:
    case GICSIM_STEP_ITS_COMMAND:
    case GICSIM_STEP_LR_FLUSH:
        return GICSIM_GROUP_VGIC;
    case GICSIM_STEP_SYSREG:
    case GICSIM_STEP_VMM_EXIT:
    case GICSIM_STEP_VMM_MMIO:
        return GICSIM_GROUP_USER;
    case GICSIM_STEP_VCPU_KICK:
    case GICSIM_STEP_VCPU_WAKE:
        return GICSIM_GROUP_WAKE;
    default:
        return GICSIM_GROUP_NONE;
    }
}

const char *gicsim_fit_group_name(unsigned g)
{
    return g < GICSIM_GROUP__COUNT ? group_names[g] : "none";
}

static double step_value(const GicsimCostProfile *p,
                         const GicsimStage2Geom *geom, unsigned s)
{
    if (s == GICSIM_STEP_STAGE2_WALK) {
        return (double)gicsim_stage2_walk_fetches(geom) * p->walk_step.value;
    }
    return s == GICSIM_STEP_TLB_MISS ? 0 : p->step[s].value;
}

void gicsim_fit_row(const GicsimCostProfile *p, const double *mult,
                    GicsimCostFigure fig, double *cnst,
                    double a[GICSIM_GROUP__COUNT])
{
    GicsimStage2Geom geom;
    unsigned s, g;

    gicsim_stage2_geom_kvm(GICSIM_COST_DEFAULT_IPA,
                           GICSIM_COST_DEFAULT_GRANULE, &geom, NULL);
    memset(a, 0, sizeof(double) * GICSIM_GROUP__COUNT);
    *cnst = p->bench_floor.value * (mult ? mult[GICSIM_FIT_FLOOR] : 1);
    for (s = 0; s < GICSIM_STEP__COUNT; s++) {
        unsigned n = gicsim_cost_figure_step_count(fig, s);
        double v;

        if (!n) {
            continue;
        }
        v = n * step_value(p, &geom, s) * (mult ? mult[s] : 1);
        g = gicsim_fit_group(s);
        if (g == GICSIM_GROUP_NONE) {
            *cnst += v;
        } else {
            a[g] += v;
        }
    }
}

/* Solve the n x n system @m x = @b in place; false if singular. */
static bool solve(double m[GICSIM_GROUP__COUNT][GICSIM_GROUP__COUNT],
                  double b[GICSIM_GROUP__COUNT], unsigned n,
                  double x[GICSIM_GROUP__COUNT])
{
    unsigned i, j, k, piv;
    double scale = 0;

    for (i = 0; i < n; i++) {
        for (j = 0; j < n; j++) {
            scale = fmax(scale, fabs(m[i][j]));
        }
    }
    for (k = 0; k < n; k++) {
        piv = k;
        for (i = k + 1; i < n; i++) {
            if (fabs(m[i][k]) > fabs(m[piv][k])) {
                piv = i;
            }
        }
        if (fabs(m[piv][k]) <= 1e-12 * scale) {
            return false;
        }
        if (piv != k) {
            for (j = 0; j < n; j++) {
                double t = m[k][j];

                m[k][j] = m[piv][j];
                m[piv][j] = t;
            }
            {
                double t = b[k];

                b[k] = b[piv];
                b[piv] = t;
            }
        }
        for (i = k + 1; i < n; i++) {
            double f = m[i][k] / m[k][k];

            for (j = k; j < n; j++) {
                m[i][j] -= f * m[k][j];
            }
            b[i] -= f * b[k];
        }
    }
    for (k = n; k-- > 0;) {
        double v = b[k];

        for (j = k + 1; j < n; j++) {
            v -= m[k][j] * x[j];
        }
        x[k] = v / m[k][k];
    }
    return true;
}

bool gicsim_fit_scales(const GicsimCostProfile *p, const double *mult,
                       unsigned rows, double scale[GICSIM_GROUP__COUNT])
{
    /* Normal equations of the relative residuals: (B'B) x = B'y */
    double ata[GICSIM_GROUP__COUNT][GICSIM_GROUP__COUNT] = { { 0 } };
    double aty[GICSIM_GROUP__COUNT] = { 0 };
    unsigned f, i, j;

    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        double cnst, a[GICSIM_GROUP__COUNT], pub, y;

        if (!(rows & (1u << f)) || !p->figure[f].set) {
            continue;
        }
        gicsim_fit_row(p, mult, f, &cnst, a);
        pub = p->figure[f].value * (double)p->clock_mhz.value / 1000.0;
        y = (pub - cnst) / pub;
        for (i = 0; i < GICSIM_GROUP__COUNT; i++) {
            for (j = 0; j < GICSIM_GROUP__COUNT; j++) {
                ata[i][j] += a[i] / pub * a[j] / pub;
            }
            aty[i] += a[i] / pub * y;
        }
    }
    return solve(ata, aty, GICSIM_GROUP__COUNT, scale);
}

double gicsim_fit_predict_ns(const GicsimCostProfile *p, const double *mult,
                             const double scale[GICSIM_GROUP__COUNT],
                             GicsimCostFigure fig)
{
    double cnst, a[GICSIM_GROUP__COUNT], c;
    unsigned g;

    gicsim_fit_row(p, mult, fig, &cnst, a);
    c = cnst;
    for (g = 0; g < GICSIM_GROUP__COUNT; g++) {
        c += a[g] * scale[g];
    }
    return c * 1000.0 / p->clock_mhz.value;
}

double gicsim_fit_rounding_ns(const GicsimCostProfile *p,
                              GicsimCostFigure fig)
{
    unsigned s, n = 0;

    for (s = 0; s < GICSIM_STEP__COUNT; s++) {
        if (s != GICSIM_STEP_STAGE2_WALK) {
            n += gicsim_cost_figure_step_count(fig, s);
        }
    }
    return 0.5 + 0.5 * n * 1000.0 / p->clock_mhz.value;
}
