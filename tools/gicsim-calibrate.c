/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-calibrate [--rst] [--check] [PROFILE...]
 *
 * The validation protocol of the cost profiles (gicsim-cost-fit.h):
 * for each machine, the published kvm-unit-tests micro-bench rows the
 * profile is fitted to (GICSIM_FIT_ROWS, at most four of the seven) and
 * the rows the model predicts, how far each prediction moves when each
 * assumed share or value sweeps an interval, and a leave-one-out pass.
 * Without PROFILE arguments: the shipped profiles.  --rst prints
 * docs/calibration.rst; --check exits with status 1 if a fitted row is
 * off its published value by more than rounding (a profile that is not
 * the fit of its own figures).  A predicted row that misses is a
 * result, reported, not a --check failure.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gicsim-cost-fit.h"

/* The goal the predictions are judged against */
#define GOAL_MEDIAN 0.20
#define GOAL_MAX 0.50
/* Each assumption is swept over [value / SWEEP, value * SWEEP] */
#define SWEEP 2.0

static const double sweep_factors[] = { 0.5, 0.75, 1.5, 2.0 };

static const GicsimCostPath shown_paths[] = {
    GICSIM_PATH_NATIVE, GICSIM_PATH_KVM_VGIC_VHE, GICSIM_PATH_KVM_VGIC_NVHE,
    GICSIM_PATH_KVM_USERSPACE, GICSIM_PATH_REALM,
};

/* Why a predicted row can miss: what no fitted row constrains */
static const char *const miss_reason[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = "only the hypercall steps' group scale is "
        "shared with the other rows",
    [GICSIM_FIG_MMIO_READ_VGIC] = "the vGIC group is otherwise seen only "
        "through ties to the SGI and ITS steps",
    [GICSIM_FIG_MMIO_READ_USER] = "vmm-exit and vmm-mmio are in no other "
        "row",
    [GICSIM_FIG_EOI] = "the row is the benchmark's floor plus one CPU "
        "interface write, both assumptions (bench-floor 30 cycles, "
        "cpuif-access 5 cycles on every machine) that no fitted row "
        "constrains.  The published rows (14, 26, 45 ns) do not scale "
        "with the machines' other rows; on the Kunpeng 920 and the S2500 "
        "(100 and 50 MHz counters, 10 and 20 ns a tick) they are a few "
        "ticks, so they may also carry the counter's quantisation, which "
        "the model does not represent",
    [GICSIM_FIG_IPI] = "the wake-up group is otherwise seen only in lpi",
    [GICSIM_FIG_LPI] = "lpi shares the fitted wake-up with ipi; its own "
        "part is the MMIO trap and its-command (assumed 3 x vgic-handler)",
    [GICSIM_FIG_TIMER_10MS] = "a physical-IRQ exit is modelled as host-irq "
        "(assumed one hypercall round trip) plus two 100 ns GIC accesses "
        "(assumed); no fitted row contains host-irq, and the host's IRQ "
        "handling is evidently costlier than that on this machine",
};

typedef struct Row {
    bool set, fitted;
    double pub, model, err;     /* ns; err relative */
    double lo, hi;              /* sweep range, ns (predicted rows) */
    double rounding;            /* ns (fitted rows) */
    bool loo_ok;
    double loo, loo_err;
} Row;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return x < y ? -1 : x > y;
}

static double median(double *v, unsigned n)
{
    qsort(v, n, sizeof(*v), cmp_double);
    return n ? (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2) : NAN;
}

/* The knobs the sweep moves: every value a row uses, and bench-floor */
static bool swept(unsigned k)
{
    unsigned f;

    if (k == GICSIM_FIT_FLOOR) {
        return true;
    }
    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        if (gicsim_cost_figure_step_count(f, k)) {
            return true;
        }
    }
    return false;
}

static void evaluate(const GicsimCostProfile *p, Row *rows)
{
    double mult[GICSIM_FIT_KNOBS], scale[GICSIM_GROUP__COUNT];
    unsigned f, k, i, all = 0;

    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        Row *r = &rows[f];

        memset(r, 0, sizeof(*r));
        r->set = p->figure[f].set;
        if (!r->set) {
            continue;
        }
        all |= 1u << f;
        r->fitted = GICSIM_FIT_ROWS & (1u << f);
        r->pub = p->figure[f].value;
        r->model = gicsim_cost_figure_model_ns(p, f);
        r->err = (r->model - r->pub) / r->pub;
        r->rounding = gicsim_fit_rounding_ns(p, f);
        r->lo = r->hi = r->model;
    }

    /* Sweep: one assumption at a time, the fitted rows refitted */
    for (k = 0; k < GICSIM_FIT_KNOBS; k++) {
        if (!swept(k)) {
            continue;
        }
        for (i = 0; i < G_N_ELEMENTS(sweep_factors); i++) {
            unsigned j;

            for (j = 0; j < GICSIM_FIT_KNOBS; j++) {
                mult[j] = 1;
            }
            mult[k] = sweep_factors[i];
            if (!gicsim_fit_scales(p, mult, GICSIM_FIT_ROWS & all, scale)) {
                continue;
            }
            for (f = 0; f < GICSIM_FIG__COUNT; f++) {
                double v;

                if (!rows[f].set || rows[f].fitted) {
                    continue;
                }
                v = gicsim_fit_predict_ns(p, mult, scale, f);
                rows[f].lo = fmin(rows[f].lo, v);
                rows[f].hi = fmax(rows[f].hi, v);
            }
        }
    }

    /* Leave one out: fit the four groups to the other six rows */
    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        Row *r = &rows[f];

        if (!r->set) {
            continue;
        }
        r->loo_ok = gicsim_fit_scales(p, NULL, all & ~(1u << f), scale);
        if (r->loo_ok) {
            r->loo = gicsim_fit_predict_ns(p, NULL, scale, f);
            r->loo_err = (r->loo - r->pub) / r->pub;
        }
    }
}

static void rst_intro(const GicsimStage2Geom *geom)
{
    unsigned f, n = 0;

    printf(".. SPDX-" "License-Identifier: GPL-2.0-or-later\n\n"
           ".. Generated by tools/gicsim-calibrate.c from "
           "hw/intc/gicsim/cost-profiles/;\n"
           "   do not edit (scripts/update-docs.sh).\n\n"
           "Calibration and validation of the cost profiles\n"
           "===============================================\n\n");
    printf("Each shipped profile (``docs/cost.rst``) carries the seven "
           "rows the\n"
           "kvm-unit-tests ``arm/micro-bench`` reports for its machine "
           "(sources in\n"
           "the profile).  Each profile is **fitted** to four of them, "
           "the same four\n"
           "on every machine:");
    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        if (GICSIM_FIT_ROWS & (1u << f)) {
            printf("%s ``%s``", n++ ? "," : "", gicsim_cost_figure_name(f));
        }
    }
    printf(".\nThe other three are **predicted**: the fit never uses "
           "them.  The fitted\n"
           "unknowns are four groups of steps (hypercall, vGIC, "
           "userspace exit,\n"
           "wake-up of a vCPU in WFI), each scaled as a whole; the shares "
           "inside a\n"
           "group, the ties of the new steps to fitted ones (for example "
           "``its-command``\n"
           "= 3 x ``vgic-handler``) and the absolute values (``walk-step``, "
           "``gic-access``,\n"
           "``cpuif-access``, ``bench-floor``) are assumptions "
           "(``hw/intc/gicsim/gicsim-cost-fit.h``,\n"
           "``scripts/fit-cost-profiles.py``).  The author chose them "
           "with the\n"
           "published tables in view, so the predictions are held out "
           "from the fit,\n"
           "not blind.\n\n");
    printf("A row's model value is the sum of its steps "
           "(``docs/cost.rst``: the rows\n"
           "as compositions of events on the ``kvm-vgic-vhe`` path) plus "
           "``bench-floor``,\n"
           "with KVM's default stage 2 (%u-bit IPA, 4K granule: %u "
           "levels).\n\n",
           geom->ipa_bits, geom->levels);
    printf("Columns:\n\n"
           "- *prediction error*: (model - published) / published, "
           "predicted rows only;\n"
           "- *fit residual*: the same for fitted rows.  It is rounding "
           "to whole cycles,\n"
           "  not accuracy: ``gicsim-calibrate --check`` fails if it "
           "exceeds the bound in\n"
           "  brackets (half a cycle per step plus half a nanosecond);\n"
           "- *sweep range*: the smallest and largest prediction when "
           "each assumption\n"
           "  in turn (every share, tie and absolute value a row uses) is "
           "multiplied by\n"
           "  0.5, 0.75, 1.5 and 2 (the interval [x/%.0f, x*%.0f]) and the "
           "four fitted rows\n"
           "  are refitted;\n"
           "- *leave-one-out*: the four group scales fitted by least "
           "squares (relative\n"
           "  errors) to the other six rows, and this row predicted from "
           "them.\n\n", SWEEP, SWEEP);
}

static void rst_machine(const GicsimCostProfile *p, const Row *rows)
{
    unsigned f;

    char *title = g_strdup_printf("%s (%" G_GUINT64_FORMAT
                                  " MHz assumed)", p->name,
                                  p->clock_mhz.value);

    printf("%s\n", title);
    for (f = strlen(title); f > 0; f--) {
        putchar('-');
    }
    g_free(title);
    printf("\n\n.. list-table::\n   :header-rows: 1\n\n"
           "   * - row\n     - published (ns)\n     - model (ns)\n"
           "     - basis\n     - prediction error\n"
           "     - fit residual [bound]\n     - sweep range (ns)\n"
           "     - leave-one-out (ns, error)\n");
    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        const Row *r = &rows[f];

        if (!r->set) {
            continue;
        }
        printf("   * - %s\n     - %.0f\n     - %.1f\n     - %s\n",
               gicsim_cost_figure_name(f), r->pub, r->model,
               r->fitted ? "fitted" : "predicted");
        if (r->fitted) {
            printf("     -\n     - %+.2f ns [%.1f]\n     -\n",
                   r->model - r->pub, r->rounding);
        } else {
            printf("     - %+.1f %%\n     -\n     - %.0f - %.0f\n",
                   r->err * 100, r->lo, r->hi);
        }
        if (r->loo_ok) {
            printf("     - %.0f, %+.1f %%\n", r->loo, r->loo_err * 100);
        } else {
            printf("     - not determined: no other row scales its group "
                   "independently\n");
        }
    }
    /* The same loops in a realm: no published figure, all assumed */
    for (f = 0; f < GICSIM_FIG__COUNT; f++) {
        uint64_t c = gicsim_cost_figure_path_cycles(p, f, GICSIM_PATH_REALM);

        if (c == p->bench_floor.value) {
            continue;
        }
        printf("   * - %s (realm)\n     - none\n     - %.1f\n"
               "     - assumed\n     -\n     -\n     -\n     -\n",
               gicsim_cost_figure_name(f),
               c * 1000.0 / p->clock_mhz.value);
    }
    printf("\n");
}

int main(int argc, char **argv)
{
    GPtrArray *profiles = g_ptr_array_new();
    bool rst = false, check = false;
    GicsimStage2Geom geom;
    unsigned i, f, k, bad = 0, npred = 0, nloo = 0, nmiss = 0;
    double pred[3 * GICSIM_FIG__COUNT * 8], loo[3 * GICSIM_FIG__COUNT * 8];
    double maxerr = 0;
    Row (*rows)[GICSIM_FIG__COUNT];
    int a;

    for (a = 1; a < argc; a++) {
        if (!strcmp(argv[a], "--rst")) {
            rst = true;
        } else if (!strcmp(argv[a], "--check")) {
            check = true;
        } else if (argv[a][0] == '-') {
            fprintf(stderr, "usage: gicsim-calibrate [--rst] [--check] "
                    "[PROFILE...]\n");
            return 2;
        } else {
            GError *err = NULL;
            GicsimCostProfile *p = gicsim_cost_profile_load(argv[a], &err);

            if (!p) {
                fprintf(stderr, "gicsim-calibrate: %s\n", err->message);
                return 2;
            }
            g_ptr_array_add(profiles, p);
        }
    }
    if (!profiles->len) {
        for (i = 0; i < gicsim_cost_builtin_count; i++) {
            g_ptr_array_add(profiles, gicsim_cost_profile_load(
                                gicsim_cost_builtins[i].name, NULL));
        }
    }
    if (profiles->len > 8) {
        fprintf(stderr, "gicsim-calibrate: at most 8 profiles\n");
        return 2;
    }
    gicsim_stage2_geom_kvm(GICSIM_COST_DEFAULT_IPA,
                           GICSIM_COST_DEFAULT_GRANULE, &geom, NULL);
    rows = g_malloc0(sizeof(*rows) * profiles->len);

    for (i = 0; i < profiles->len; i++) {
        GicsimCostProfile *p = profiles->pdata[i];

        evaluate(p, rows[i]);
        for (f = 0; f < GICSIM_FIG__COUNT; f++) {
            Row *r = &rows[i][f];

            if (!r->set) {
                continue;
            }
            if (r->fitted && fabs(r->model - r->pub) > r->rounding) {
                bad++;
            }
            if (!r->fitted) {
                pred[npred++] = fabs(r->err);
                maxerr = fmax(maxerr, fabs(r->err));
                nmiss += fabs(r->err) > GOAL_MEDIAN;
            }
            if (r->loo_ok) {
                loo[nloo++] = fabs(r->loo_err);
            }
            if (!rst) {
                printf("%-14s %-15s %-9s published %6.0f ns  model %8.1f "
                       "ns  %s %+6.1f %%", p->name,
                       gicsim_cost_figure_name(f),
                       r->fitted ? "fitted" : "predicted", r->pub, r->model,
                       r->fitted ? "residual" : "error   ", r->err * 100);
                if (r->fitted) {
                    printf("%s\n", fabs(r->model - r->pub) > r->rounding ?
                           "  MORE THAN ROUNDING" : "");
                } else {
                    printf("  sweep %.0f-%.0f ns\n", r->lo, r->hi);
                }
            }
        }
    }

    if (rst) {
        double med, lmed;

        rst_intro(&geom);
        for (i = 0; i < profiles->len; i++) {
            rst_machine(profiles->pdata[i], rows[i]);
        }
        med = median(pred, npred);
        lmed = median(loo, nloo);
        printf("Result\n------\n\n"
               "Goal: across the machines, the median absolute error of "
               "the predicted\n"
               "rows at most %.0f %%, and no predicted row off by more "
               "than %.0f %%.\n\n"
               "- %u predicted rows: median absolute error %.1f %%, "
               "largest %.1f %%:\n"
               "  the median goal is **%s**, the largest-error goal is "
               "**%s**.\n"
               "- Leave-one-out over all %u rows: median absolute error "
               "%.1f %%.\n\n",
               GOAL_MEDIAN * 100, GOAL_MAX * 100, npred, med * 100,
               maxerr * 100, med <= GOAL_MEDIAN ? "met" : "not met",
               maxerr <= GOAL_MAX ? "met" : "not met", nloo, lmed * 100);
        if (nmiss) {
            printf("Predicted rows off by more than %.0f %%, and why:\n\n",
                   GOAL_MEDIAN * 100);
            for (i = 0; i < profiles->len; i++) {
                GicsimCostProfile *p = profiles->pdata[i];

                for (f = 0; f < GICSIM_FIG__COUNT; f++) {
                    Row *r = &rows[i][f];

                    if (r->set && !r->fitted &&
                        fabs(r->err) > GOAL_MEDIAN) {
                        printf("- %s ``%s``: %+.1f %%%s.  %c%s.\n",
                               p->name, gicsim_cost_figure_name(f),
                               r->err * 100,
                               fabs(r->err) > GOAL_MAX ?
                               " (beyond the 50 % bound)" : "",
                               g_ascii_toupper(miss_reason[f][0]),
                               miss_reason[f] + 1);
                    }
                }
            }
            printf("\n");
        }

        printf("Events on every path\n--------------------\n\n"
               "What the model charges per event (cycles, ns), from the "
               "same profile\n"
               "values.  Only ``kvm-vgic-vhe`` is checked against published "
               "rows; the other\n"
               "paths add assumed structure, and every ``realm`` value is "
               "an assumption\n"
               "(no published realm figure exists).\n\n"
               ".. list-table::\n   :header-rows: 1\n\n"
               "   * - machine\n     - path\n     - 32-bit read\n");
        for (k = 0; k < GICSIM_EV__COUNT; k++) {
            printf("     - %s\n", gicsim_cost_event_name(k));
        }
        for (i = 0; i < profiles->len; i++) {
            GicsimCostProfile *p = profiles->pdata[i];

            for (k = 0; k < G_N_ELEMENTS(shown_paths); k++) {
                GicsimCostModel m;
                unsigned e;

                gicsim_cost_model_init(&m, p, shown_paths[k], &geom);
                printf("   * - %s\n     - %s\n     - %" G_GUINT64_FORMAT
                       " (%.0f ns)\n", p->name,
                       gicsim_cost_path_name(shown_paths[k]), m.total32,
                       gicsim_cost_ns(&m, m.total32));
                for (e = 0; e < GICSIM_EV__COUNT; e++) {
                    printf("     - %" G_GUINT64_FORMAT " (%.0f ns)\n",
                           m.event[e], gicsim_cost_ns(&m, m.event[e]));
                }
            }
        }
        printf("\nFor comparison, gem5's GICv3 model charges a flat 10 ns "
               "per distributor\n"
               "or redistributor access (``dist_pio_delay``, "
               "``redist_pio_delay``).\n");
    } else {
        printf("predicted rows: median |error| %.1f %%, largest %.1f %% "
               "(goal %.0f %% / %.0f %%)\n",
               median(pred, npred) * 100, maxerr * 100, GOAL_MEDIAN * 100,
               GOAL_MAX * 100);
        if (bad) {
            fprintf(stderr, "gicsim-calibrate: %u fitted row(s) off by "
                    "more than rounding\n", bad);
        }
    }
    for (i = 0; i < profiles->len; i++) {
        gicsim_cost_profile_free(profiles->pdata[i]);
    }
    g_ptr_array_free(profiles, true);
    g_free(rows);
    return check && bad ? 1 : 0;
}
