/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * The cost model (see gicsim-cost.h and docs/cost.rst): execution paths
 * as lists of steps, cost profiles and their parser.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "gicsim-cost.h"

static const char *const step_names[GICSIM_STEP__COUNT] = {
    [GICSIM_STEP_TLB_MISS] = "tlb-miss-walk",
    [GICSIM_STEP_GIC_ACCESS] = "gic-access",
    [GICSIM_STEP_EXCEPTION_ENTRY] = "exception-entry",
    [GICSIM_STEP_STAGE2_WALK] = "stage2-walk",
    [GICSIM_STEP_WORLD_SWITCH] = "world-switch",
    [GICSIM_STEP_SYSREG] = "sysreg-save-restore",
    [GICSIM_STEP_EXIT_DISPATCH] = "exit-dispatch",
    [GICSIM_STEP_STAGE2_FAULT] = "stage2-fault",
    [GICSIM_STEP_MMIO_DECODE] = "mmio-decode",
    [GICSIM_STEP_VGIC_DISPATCH] = "vgic-dispatch",
    [GICSIM_STEP_VGIC_HANDLER] = "vgic-handler",
    [GICSIM_STEP_VMM_EXIT] = "vmm-exit",
    [GICSIM_STEP_VMM_MMIO] = "vmm-mmio",
    [GICSIM_STEP_REC_EXIT] = "rec-exit",
    [GICSIM_STEP_RMM_EXIT] = "rmm-exit",
    [GICSIM_STEP_EL3_SWITCH] = "el3-switch",
    [GICSIM_STEP_RMM_ENTRY] = "rmm-entry",
    [GICSIM_STEP_REC_ENTRY] = "rec-entry",
    [GICSIM_STEP_EXCEPTION_RETURN] = "exception-return",
};

static const char *const path_names[GICSIM_PATH__COUNT] = {
    [GICSIM_PATH_NATIVE] = "native",
    [GICSIM_PATH_KVM_VGIC_VHE] = "kvm-vgic-vhe",
    [GICSIM_PATH_KVM_VGIC_NVHE] = "kvm-vgic-nvhe",
    [GICSIM_PATH_KVM_USERSPACE] = "kvm-userspace",
    [GICSIM_PATH_REALM] = "realm",
    [GICSIM_PATH_HYPERCALL] = "hypercall",
};

static const char *const figure_names[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = "hyp_call",
    [GICSIM_FIG_MMIO_READ_VGIC] = "mmio_read_vgic",
    [GICSIM_FIG_MMIO_READ_USER] = "mmio_read_user",
};

/* Profile keys of the figures */
static const char *const figure_keys[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = "published.hyp-call",
    [GICSIM_FIG_MMIO_READ_VGIC] = "published.mmio-read-vgic",
    [GICSIM_FIG_MMIO_READ_USER] = "published.mmio-read-user",
};

static const GicsimCostPath figure_paths[GICSIM_FIG__COUNT] = {
    [GICSIM_FIG_HYP_CALL] = GICSIM_PATH_HYPERCALL,
    [GICSIM_FIG_MMIO_READ_VGIC] = GICSIM_PATH_KVM_VGIC_VHE,
    [GICSIM_FIG_MMIO_READ_USER] = GICSIM_PATH_KVM_USERSPACE,
};

static const char *const source_names[GICSIM_SRC__COUNT] = {
    [GICSIM_SRC_PUBLISHED] = "published",
    [GICSIM_SRC_MEASURED] = "measured",
    [GICSIM_SRC_FITTED] = "fitted",
    [GICSIM_SRC_ASSUMPTION] = "assumption",
};

/*
 * The paths.  Each entry: a step, how often it occurs per access, and
 * whether it occurs once per handler call (twice for a 64-bit access the
 * path splits into two 32-bit calls, as KVM's vGIC does) or only on an
 * access that misses the TLB (gicsim_cost_tlb_miss()).
 */
typedef struct PathStep {
    GicsimCostStep step;
    uint8_t count;
    bool per_call;
    bool per_miss;
} PathStep;

#define END { GICSIM_STEP__COUNT, 0, false, false }
/*
 * A TLB miss: the guest's load first translates its VA; on a miss the
 * stage-1 walk runs, each of its descriptor addresses an IPA that takes
 * a stage-2 walk.  The access happens before the abort is taken.
 */
#define TLB_MISS { GICSIM_STEP_TLB_MISS, 1, false, true }

static const PathStep path_native[] = {
    TLB_MISS,
    { GICSIM_STEP_GIC_ACCESS, 1, false, false },
    END
};

/*
 * VHE: the host kernel runs at EL2, so the trap lands in the host and the
 * guest's EL1 system registers stay loaded until vcpu_put (deferred).
 */
static const PathStep path_vhe[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_VGIC_DISPATCH, 1, true, false },
    { GICSIM_STEP_VGIC_HANDLER, 1, true, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/*
 * Non-VHE: the world switch runs at EL2 and the host kernel at EL1, so
 * every exit also saves and restores the EL1 system registers, and adds
 * one more exception return (EL2 to the host's EL1) and entry (the host's
 * HVC to run the guest again).
 */
static const PathStep path_nvhe[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 2, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_SYSREG, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_VGIC_DISPATCH, 1, true, false },
    { GICSIM_STEP_VGIC_HANDLER, 1, true, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 2, false, false },
    END
};

/*
 * Userspace irqchip: no in-kernel device claims the address, so KVM_RUN
 * returns to the VMM (KVM_EXIT_MMIO); leaving the ioctl puts the vCPU,
 * which saves the EL1 system registers even with VHE, and the next
 * KVM_RUN loads them again.
 */
static const PathStep path_user[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_SYSREG, 1, false, false },
    { GICSIM_STEP_VMM_EXIT, 1, false, false },
    { GICSIM_STEP_VMM_MMIO, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/*
 * Realm (Arm CCA, DEN0137): the data abort is taken to the RMM at R-EL2,
 * which saves the REC's context and reports the emulatable access in a
 * RecExit; the RMI_REC_ENTER call returns to the host through the EL3
 * monitor (one world switch), the host's KVM emulates the access with
 * its vGIC, and the next RMI_REC_ENTER goes back through EL3 (a second
 * world switch) to the RMM, which completes the read from RecEntry and
 * resumes the realm.
 */
static const PathStep path_realm[] = {
    TLB_MISS,
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_STAGE2_WALK, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_REC_EXIT, 1, false, false },
    { GICSIM_STEP_RMM_EXIT, 1, false, false },
    { GICSIM_STEP_EL3_SWITCH, 2, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_STAGE2_FAULT, 1, false, false },
    { GICSIM_STEP_MMIO_DECODE, 1, false, false },
    { GICSIM_STEP_VGIC_DISPATCH, 1, true, false },
    { GICSIM_STEP_VGIC_HANDLER, 1, true, false },
    { GICSIM_STEP_RMM_ENTRY, 1, false, false },
    { GICSIM_STEP_REC_ENTRY, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

/* An HVC from the guest, handled by KVM and returned (VHE host). */
static const PathStep path_hypercall[] = {
    { GICSIM_STEP_EXCEPTION_ENTRY, 1, false, false },
    { GICSIM_STEP_WORLD_SWITCH, 1, false, false },
    { GICSIM_STEP_EXIT_DISPATCH, 1, false, false },
    { GICSIM_STEP_EXCEPTION_RETURN, 1, false, false },
    END
};

static const PathStep *const paths[GICSIM_PATH__COUNT] = {
    [GICSIM_PATH_NATIVE] = path_native,
    [GICSIM_PATH_KVM_VGIC_VHE] = path_vhe,
    [GICSIM_PATH_KVM_VGIC_NVHE] = path_nvhe,
    [GICSIM_PATH_KVM_USERSPACE] = path_user,
    [GICSIM_PATH_REALM] = path_realm,
    [GICSIM_PATH_HYPERCALL] = path_hypercall,
};

const char *gicsim_cost_step_name(GicsimCostStep step)
{
    return step < GICSIM_STEP__COUNT ? step_names[step] : "?";
}

const char *gicsim_cost_path_name(GicsimCostPath path)
{
    return path < GICSIM_PATH__COUNT ? path_names[path] : "?";
}

const char *gicsim_cost_figure_name(GicsimCostFigure fig)
{
    return fig < GICSIM_FIG__COUNT ? figure_names[fig] : "?";
}

const char *gicsim_cost_source_name(GicsimCostSource src)
{
    return src < GICSIM_SRC__COUNT ? source_names[src] : "?";
}

GicsimCostPath gicsim_cost_figure_path(GicsimCostFigure fig)
{
    return figure_paths[fig];
}

int gicsim_cost_path_parse(const char *name)
{
    int i;

    for (i = 0; i < GICSIM_PATH_HYPERCALL; i++) {
        if (name && !strcmp(name, path_names[i])) {
            return i;
        }
    }
    return -1;
}

const char *gicsim_cost_path_names(void)
{
    return "native, kvm-vgic-vhe, kvm-vgic-nvhe, kvm-userspace, realm";
}

unsigned gicsim_cost_step_count(GicsimCostPath path, GicsimCostStep step,
                                bool wide_split)
{
    const PathStep *ps;

    if (path >= GICSIM_PATH__COUNT) {
        return 0;
    }
    for (ps = paths[path]; ps->step != GICSIM_STEP__COUNT; ps++) {
        if (ps->step == step && !ps->per_miss) {
            return ps->count * (ps->per_call && wide_split ? 2 : 1);
        }
    }
    return 0;
}

bool gicsim_cost_path_walks(GicsimCostPath path)
{
    const PathStep *ps;

    if (path >= GICSIM_PATH__COUNT) {
        return false;
    }
    for (ps = paths[path]; ps->step != GICSIM_STEP__COUNT; ps++) {
        if (ps->per_miss) {
            return true;
        }
    }
    return false;
}

/* Steps the model derives, which are not profile keys */
static bool step_derived(unsigned step)
{
    return step == GICSIM_STEP_STAGE2_WALK || step == GICSIM_STEP_TLB_MISS;
}

/* ---- profiles ---- */

static GQuark cost_quark(void)
{
    return g_quark_from_static_string("gicsim-cost");
}

void gicsim_cost_profile_free(GicsimCostProfile *p)
{
    unsigned i;

    if (!p) {
        return;
    }
    g_free(p->name);
    g_free(p->file);
    g_free(p->description);
    g_free(p->clock_mhz.note);
    g_free(p->walk_step.note);
    g_free(p->split64.note);
    g_free(p->tlb_interval.note);
    for (i = 0; i < GICSIM_STEP__COUNT; i++) {
        g_free(p->step[i].note);
    }
    for (i = 0; i < GICSIM_FIG__COUNT; i++) {
        g_free(p->figure[i].note);
    }
    g_free(p);
}

/* The value slot of @key, with its bounds; NULL if @key is unknown. */
static GicsimCostValue *profile_slot(GicsimCostProfile *p, const char *key,
                                     uint64_t *min, uint64_t *max)
{
    unsigned i;

    *min = 0;
    *max = 100000000;       /* 100 M cycles or ns: a typo, not a cost */
    if (!strcmp(key, "clock-mhz")) {
        *min = 1;
        *max = 100000;
        return &p->clock_mhz;
    }
    if (!strcmp(key, "walk-step")) {
        return &p->walk_step;
    }
    if (!strcmp(key, "vgic-split-64")) {
        *max = 1;
        return &p->split64;
    }
    if (!strcmp(key, "tlb-miss-interval")) {
        return &p->tlb_interval;
    }
    for (i = 0; i < GICSIM_STEP__COUNT; i++) {
        if (!step_derived(i) && !strcmp(key, step_names[i])) {
            return &p->step[i];
        }
    }
    for (i = 0; i < GICSIM_FIG__COUNT; i++) {
        if (!strcmp(key, figure_keys[i])) {
            *min = 1;
            return &p->figure[i];
        }
    }
    return NULL;
}

static bool parse_line(GicsimCostProfile *p, char *line, const char *file,
                       unsigned lineno, GError **err)
{
    char *eq, *key, *rest, *end, *tag, *close;
    GicsimCostValue *slot;
    uint64_t min, max, v;
    unsigned s;

    eq = strchr(line, '=');
    if (!eq) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: expected 'key = value [source] note'",
                    file, lineno);
        return false;
    }
    *eq = '\0';
    key = g_strstrip(line);
    rest = g_strstrip(eq + 1);
    if (!*key) {
        g_set_error(err, cost_quark(), 0, "%s:%u: missing key before '='",
                    file, lineno);
        return false;
    }
    if (!strcmp(key, "description")) {
        if (p->description) {
            g_set_error(err, cost_quark(), 0,
                        "%s:%u: key 'description': given twice",
                        file, lineno);
            return false;
        }
        p->description = g_strdup(rest);
        return true;
    }
    slot = profile_slot(p, key, &min, &max);
    if (!slot) {
        g_set_error(err, cost_quark(), 0, "%s:%u: key '%s': unknown key",
                    file, lineno, key);
        return false;
    }
    if (slot->set) {
        g_set_error(err, cost_quark(), 0, "%s:%u: key '%s': given twice",
                    file, lineno, key);
        return false;
    }
    if (!g_ascii_isdigit(*rest)) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': value must be a non-negative integer",
                    file, lineno, key);
        return false;
    }
    errno = 0;
    v = g_ascii_strtoull(rest, &end, 10);
    if (errno || (*end && !g_ascii_isspace(*end))) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': value must be a non-negative integer",
                    file, lineno, key);
        return false;
    }
    if (v < min || v > max) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': value %" G_GUINT64_FORMAT
                    " out of range %" G_GUINT64_FORMAT "..%" G_GUINT64_FORMAT,
                    file, lineno, key, v, min, max);
        return false;
    }
    tag = g_strchug(end);
    close = *tag == '[' ? strchr(tag, ']') : NULL;
    if (!close) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': missing source after the value "
                    "([published], [measured], [fitted] or [assumption])",
                    file, lineno, key);
        return false;
    }
    *close = '\0';
    for (s = 0; s < GICSIM_SRC__COUNT; s++) {
        if (!strcmp(tag + 1, source_names[s])) {
            break;
        }
    }
    if (s == GICSIM_SRC__COUNT) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': unknown source '[%s]' (published, "
                    "measured, fitted or assumption)",
                    file, lineno, key, tag + 1);
        return false;
    }
    rest = g_strstrip(close + 1);
    if (!*rest) {
        g_set_error(err, cost_quark(), 0,
                    "%s:%u: key '%s': missing note saying where the value "
                    "comes from", file, lineno, key);
        return false;
    }
    slot->value = v;
    slot->source = s;
    slot->note = g_strdup(rest);
    slot->set = true;
    return true;
}

GicsimCostProfile *gicsim_cost_profile_parse(const char *text,
                                             const char *file,
                                             const char *name, GError **err)
{
    GicsimCostProfile *p = g_new0(GicsimCostProfile, 1);
    char **lines = g_strsplit(text, "\n", -1);
    unsigned i, n;
    uint64_t min, max;
    bool ok = true;

    p->file = g_strdup(file);
    p->name = g_strdup(name);
    for (n = 0; ok && lines[n]; n++) {
        char *line = lines[n];
        char *hash = strchr(line, '#');

        /* '#' starts a comment only at the start of a line or after space */
        if (hash && (hash == line || g_ascii_isspace(hash[-1]))) {
            *hash = '\0';
        }
        if (!*g_strstrip(line)) {
            continue;
        }
        ok = parse_line(p, line, file, n + 1, err);
    }
    g_strfreev(lines);
    if (!ok) {
        gicsim_cost_profile_free(p);
        return NULL;
    }

    /*
     * Every step key, the clock and the walk cost must be given;
     * tlb-miss-interval is optional (0: only a register's first access
     * misses the TLB), so that profiles written before it still load.
     */
    {
        const char *keys[GICSIM_STEP__COUNT + 3];
        unsigned nk = 0;

        keys[nk++] = "clock-mhz";
        keys[nk++] = "walk-step";
        keys[nk++] = "vgic-split-64";
        for (i = 0; i < GICSIM_STEP__COUNT; i++) {
            if (!step_derived(i)) {
                keys[nk++] = step_names[i];
            }
        }
        for (i = 0; i < nk; i++) {
            if (!profile_slot(p, keys[i], &min, &max)->set) {
                g_set_error(err, cost_quark(), 0,
                            "%s: key '%s': missing", file, keys[i]);
                gicsim_cost_profile_free(p);
                return NULL;
            }
        }
    }
    return p;
}

const char *gicsim_cost_builtin_names(void)
{
    static char *names;

    if (!names) {
        GString *s = g_string_new("");
        unsigned i;

        for (i = 0; i < gicsim_cost_builtin_count; i++) {
            g_string_append_printf(s, "%s%s", i ? ", " : "",
                                   gicsim_cost_builtins[i].name);
        }
        names = g_string_free(s, false);
    }
    return names;
}

GicsimCostProfile *gicsim_cost_profile_load(const char *name_or_path,
                                            GError **err)
{
    GicsimCostProfile *p;
    char *text, *base, *dot, *file;
    unsigned i;

    if (!name_or_path || !*name_or_path) {
        g_set_error(err, cost_quark(), 0,
                    "no cost profile given (a shipped profile: %s; or a "
                    "file path)", gicsim_cost_builtin_names());
        return NULL;
    }
    for (i = 0; i < gicsim_cost_builtin_count; i++) {
        if (!strcmp(name_or_path, gicsim_cost_builtins[i].name)) {
            file = g_strdup_printf("cost-profiles/%s.profile", name_or_path);
            p = gicsim_cost_profile_parse(gicsim_cost_builtins[i].text, file,
                                          name_or_path, err);
            g_free(file);
            return p;
        }
    }
    if (!strchr(name_or_path, '/') && !g_str_has_suffix(name_or_path,
                                                         ".profile")) {
        g_set_error(err, cost_quark(), 0,
                    "'%s' is not a shipped cost profile (%s) nor a file "
                    "path (a path contains '/' or ends in .profile)",
                    name_or_path, gicsim_cost_builtin_names());
        return NULL;
    }
    if (!g_file_get_contents(name_or_path, &text, NULL, err)) {
        return NULL;
    }
    base = g_path_get_basename(name_or_path);
    dot = strrchr(base, '.');
    if (dot && dot != base) {
        *dot = '\0';
    }
    p = gicsim_cost_profile_parse(text, name_or_path, base, err);
    g_free(base);
    g_free(text);
    return p;
}

/* ---- the model ---- */

void gicsim_cost_model_init(GicsimCostModel *m, const GicsimCostProfile *p,
                            GicsimCostPath path, const GicsimStage2Geom *geom)
{
    const PathStep *ps;

    memset(m, 0, sizeof(*m));
    m->path = path;
    m->clock_mhz = p->clock_mhz.value;
    m->split64 = p->split64.value;
    m->geom = *geom;
    m->tlb_interval = p->tlb_interval.value;
    m->s1_levels = gicsim_stage1_levels(GICSIM_COST_GUEST_VA_BITS,
                                        geom->granule);
    for (ps = paths[path]; ps->step != GICSIM_STEP__COUNT; ps++) {
        uint64_t unit;

        if (ps->per_miss) {
            /*
             * Bare metal: the stage-1 walk alone.  In a VM: the nested
             * walk, (s1 + 1)(s2 + 1) - 1 fetches, less the final
             * stage-2 walk of the access's own IPA, which every access
             * pays as stage2-walk (MMIO faults, so no TLB holds it).
             */
            if (path == GICSIM_PATH_NATIVE) {
                m->miss_fetches = m->s1_levels;
            } else {
                m->miss_fetches =
                    gicsim_nested_walk_fetches(m->s1_levels, geom->levels) -
                    gicsim_stage2_walk_fetches(geom);
            }
            m->miss_cycles = (uint64_t)m->miss_fetches * p->walk_step.value;
            continue;
        }
        if (ps->step == GICSIM_STEP_STAGE2_WALK) {
            unit = gicsim_stage2_walk_fetches(geom) * p->walk_step.value;
        } else {
            unit = p->step[ps->step].value;
        }
        m->step32[ps->step] = unit * ps->count;
        m->step64[ps->step] = unit * ps->count *
                              (ps->per_call && m->split64 ? 2 : 1);
        m->total32 += m->step32[ps->step];
        m->total64 += m->step64[ps->step];
    }
}

uint64_t gicsim_cost_tlb_misses(const GicsimCostModel *m, uint64_t accesses)
{
    if (!accesses || !m->miss_fetches) {
        return 0;
    }
    if (!m->tlb_interval) {
        return 1;
    }
    return (accesses - 1) / m->tlb_interval + 1;
}

bool gicsim_cost_tlb_miss(const GicsimCostModel *m, uint64_t nth)
{
    if (!nth || !m->miss_fetches) {
        return false;
    }
    return m->tlb_interval ? (nth - 1) % m->tlb_interval == 0 : nth == 1;
}

double gicsim_cost_ns(const GicsimCostModel *m, uint64_t cycles)
{
    return (double)cycles * 1000.0 / m->clock_mhz;
}

double gicsim_cost_figure_model_ns(const GicsimCostProfile *p,
                                   GicsimCostFigure fig)
{
    GicsimStage2Geom geom;
    GicsimCostModel m;

    if (!gicsim_stage2_geom_kvm(GICSIM_COST_DEFAULT_IPA,
                                GICSIM_COST_DEFAULT_GRANULE, &geom, NULL)) {
        return -1;
    }
    gicsim_cost_model_init(&m, p, figure_paths[fig], &geom);
    /*
     * The micro-benchmarks read one address in a loop: with
     * tlb-miss-interval N, one read in N pays the miss.
     */
    return gicsim_cost_ns(&m, m.total32) +
           (m.tlb_interval ? gicsim_cost_ns(&m, m.miss_cycles) /
                             m.tlb_interval : 0);
}
