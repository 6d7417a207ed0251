/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim-realm-shim: puts the realm MMIO forwarding protocol of
 * gicsim-rec.c in front of a target MemoryRegion (docs/realm.rst).
 *
 * An access at offset A of the shim is a realm access to the IPA
 * base + 2^(ipa-bits - 1) + A, in the Unprotected half: never realm
 * memory.  It raises the data abort the instruction would (its real
 * syndrome and registers under TCG, gicsim-realm-syndrome.c), the RMM
 * builds the RecExit, the host decodes it and accesses the target with
 * memory_region_dispatch_read/write at A, fills the RecEntry, and the
 * RMM's re-entry completes the instruction.  The value a read returns is
 * the low bytes of the register value the RMM's completion computed; TCG
 * extends them for the instruction itself, so the shim checks the RMM's
 * value against the register the vCPU ends up with (at its next access
 * through a shim, from the next instruction) and a write's RecExit data
 * against the bytes the vCPU stores: the completion-checks and
 * completion-mismatches counters.  An access the host cannot emulate (no
 * valid syndrome, a device error) is MEMTX_ERROR: the synchronous
 * external abort the host asks the RMM to inject (INJECT_SEA).
 */
#include "qemu/osdep.h"
#include "qapi/error.h"
#include "qemu/log.h"
#include "qemu/error-report.h"
#include "qemu/module.h"
#include "hw/qdev-properties.h"
#include "hw/intc/gicsim_realm_shim.h"
#include "gicsim-rec.h"
#include "trace.h"

typedef struct ShimRecord {
    uint64_t seq;
    uint64_t ipa;
    const char *syndrome;       /* "insn", "assumed" */
    GicsimRecStep step;
} ShimRecord;

struct GicsimRealmShimState {
    GicsimRmm rmm;
    GicsimRecRun run;
    ShimRecord *log;
    uint64_t seq;
    bool warned_no_insn;
};

/*
 * A read the RMM completed, to check against the register the vCPU ends
 * up with: at the vCPU's next access through any shim, if that access is
 * from the next instruction (PC + 4), the register then holds what the
 * read left in it.  One per vCPU (by cpu_index, modulo the table; the
 * entry names its vCPU); accesses are made under the BQL.
 */
typedef struct ShimPendingCheck {
    GicsimRealmShim *s;         /* NULL: none */
    int cpu_index;
    uint64_t pc_off;
    unsigned reg;
    uint64_t value;             /* the RMM's Xt */
    uint64_t ipa;
} ShimPendingCheck;

static ShimPendingCheck shim_pending[64];
static bool shim_warned_mismatch;

/* The host's device access: the target at the device offset */
typedef struct ShimMmioCtx {
    GicsimRealmShim *s;
    MemTxAttrs attrs;
    MemTxResult res;
} ShimMmioCtx;

static bool shim_target_access(void *opaque, uint64_t addr, unsigned len,
                               bool write, uint64_t *val)
{
    ShimMmioCtx *c = opaque;
    GicsimRealmShim *s = c->s;
    hwaddr off = addr - s->base;
    MemOp op = size_memop(len) | MO_LE;

    if (addr < s->base || off + len > memory_region_size(s->target)) {
        c->res = MEMTX_DECODE_ERROR;
        return false;
    }
    if (s->hook) {
        s->hook(s->hook_opaque, GICSIM_REALM_SHIM_DEVICE_ENTER, NULL, false);
    }
    if (write) {
        c->res = memory_region_dispatch_write(s->target, off, *val, op,
                                              c->attrs);
    } else {
        c->res = memory_region_dispatch_read(s->target, off, val, op,
                                             c->attrs);
    }
    if (s->hook) {
        s->hook(s->hook_opaque, GICSIM_REALM_SHIM_DEVICE_LEAVE, NULL, false);
    }
    return c->res == MEMTX_OK;
}

static void shim_mismatch(GicsimRealmShim *s, uint64_t ipa, const char *what,
                          uint64_t rmm, uint64_t cpu)
{
    s->stats.completion_mismatches++;
    trace_gicsim_realm_completion_mismatch(ipa, what, rmm, cpu);
    if (!shim_warned_mismatch) {
        shim_warned_mismatch = true;
        warn_report("gicsim-realm-shim: the RMM's completion of the access "
                    "at 0x%" PRIx64 " disagrees with the vCPU (%s: RMM "
                    "0x%" PRIx64 ", vCPU 0x%" PRIx64 "): a model error "
                    "(reported once; counter completion-mismatches)",
                    ipa, what, rmm, cpu);
    }
}

/* The vCPU's register after the read it made just before this access */
static void shim_check_pending(const GicsimRealmInsn *insn)
{
    ShimPendingCheck *p = &shim_pending[insn->cpu_index %
                                        ARRAY_SIZE(shim_pending)];

    if (!p->s || p->cpu_index != insn->cpu_index) {
        return;
    }
    if (((p->pc_off + 4) & 0xfff) == (insn->pc_off & 0xfff)) {
        p->s->stats.completion_checks++;
        if (insn->x[p->reg] != p->value) {
            shim_mismatch(p->s, p->ipa, "read's Xt", p->value,
                          insn->x[p->reg]);
        }
    }
    p->s = NULL;
}

/*
 * The syndrome of the access: the instruction's, or, when no instruction
 * of the vCPU is behind it (qtest, DMA, an access device code makes on
 * the vCPU thread) or its syndrome does not describe this access, a
 * plain LDR/STR of the access size to X0.  @insn: the instruction and
 * registers, when there is one.
 */
static const char *shim_syndrome(GicsimRealmShim *s, unsigned size,
                                 bool write, hwaddr ipa, GicsimDabtIss *iss,
                                 GicsimRealmInsn *insn, bool *have_insn)
{
    *have_insn = gicsim_realm_insn(&s->iomem, insn);
    if (*have_insn) {
        shim_check_pending(insn);
        gicsim_dabt_iss_decode(insn->syndrome, iss);
        iss->wnr = write;
        iss->dfsc = 0;
        if (!iss->isv || 1u << iss->sas == size) {
            return "insn";
        }
        /* e.g. an access split by the memory system */
        trace_gicsim_realm_syndrome_mismatch(ipa, 1u << iss->sas, size);
        *have_insn = false;
    }
    s->stats.assumed_syndromes++;
    trace_gicsim_realm_assumed_syndrome(ipa, size, write);
    if (!s->st->warned_no_insn) {
        s->st->warned_no_insn = true;
        qemu_log_mask(LOG_UNIMP, "gicsim-realm-shim: access at 0x%" HWADDR_PRIx
                      " with no instruction behind it (qtest, DMA): assuming"
                      " a plain load/store of %u bytes to X0 (logged once)\n",
                      ipa, size);
    }
    memset(iss, 0, sizeof(*iss));
    iss->isv = true;
    iss->sas = ctz32(size);
    iss->sf = size == 8;
    iss->wnr = write;
    return "assumed";
}

static void shim_record(GicsimRealmShim *s, hwaddr ipa, const char *syn,
                        const GicsimRecStep *step)
{
    GicsimRealmShimState *st = s->st;
    ShimRecord *r;

    if (!s->log_len) {
        return;
    }
    r = &st->log[st->seq % s->log_len];
    r->seq = st->seq;
    r->ipa = ipa;
    r->syndrome = syn;
    r->step = *step;
}

static MemTxResult shim_access(GicsimRealmShim *s, hwaddr addr,
                               uint64_t *data, unsigned size, bool write,
                               MemTxAttrs attrs)
{
    GicsimRealmShimState *st = s->st;
    hwaddr ipa = s->base + (1ull << (s->ipa_bits - 1)) + addr;
    ShimMmioCtx ctx = { .s = s, .attrs = attrs, .res = MEMTX_OK };
    GicsimRealmCpu cpu = { 0 };
    GicsimRealmInsn insn;
    GicsimDabtIss iss;
    GicsimDabt dabt;
    GicsimRecStep step;
    const char *syn;
    bool ok, have_insn;

    s->stats.accesses++;
    syn = shim_syndrome(s, size, write, ipa, &iss, &insn, &have_insn);
    if (have_insn) {
        /* the realm's registers as the instruction found them */
        memcpy(cpu.x, insn.x, sizeof(cpu.x));
        cpu.aarch32 = insn.aarch32;
    } else if (write && iss.srt != 31) {
        /* the store's data is Xt's low bytes: all the RMM takes of it */
        cpu.x[iss.srt] = *data;
    }
    /* FAR: the VA is not known here; its page offset is the IPA's */
    gicsim_rec_realm_abort(&iss, ipa, ipa, &dabt);
    ok = gicsim_rec_forward(&st->rmm, &cpu, &st->run, &dabt,
                            shim_target_access, &ctx, &step);

    if (step.rmm == GICSIM_RMM_EXIT_TO_HOST) {
        s->stats.exits++;
        trace_gicsim_realm_exit(ipa, syn, step.exit_esr, step.exit_far,
                                step.exit_hpfar, step.exit_gpr0);
        trace_gicsim_realm_host(gicsim_host_action_name(step.host),
                                step.mmio.addr, step.mmio.len,
                                step.mmio.write, step.mmio.val);
        trace_gicsim_realm_entry(step.entry_flags, step.entry_gpr0,
                                 gicsim_rmi_status_name(step.status),
                                 gicsim_rec_outcome_name(step.outcome));
        if (step.status != GICSIM_RMI_SUCCESS) {
            s->stats.reentry_errors++;
        }
    }
    shim_record(s, ipa, syn, &step);
    st->seq++;
    if (s->hook) {
        s->hook(s->hook_opaque, GICSIM_REALM_SHIM_DONE, &step, ok);
    }
    if (!ok) {
        s->stats.aborts++;
        trace_gicsim_realm_abort(ipa, gicsim_rmm_action_name(step.rmm),
                                 gicsim_host_action_name(step.host),
                                 gicsim_rec_outcome_name(step.outcome));
        return MEMTX_ERROR;
    }
    if (write) {
        s->stats.emulated_writes++;
        if (have_insn) {
            /* the RMM's RecExit data against the bytes the vCPU stores */
            s->stats.completion_checks++;
            if (step.exit_gpr0 != (*data & gicsim_access_mask(size))) {
                shim_mismatch(s, ipa, "write's gprs[0]", step.exit_gpr0,
                              *data & gicsim_access_mask(size));
            }
        }
    } else {
        s->stats.emulated_reads++;
        *data = (iss.srt == 31 ? step.entry_gpr0 : cpu.x[iss.srt]) &
                gicsim_access_mask(size);
        if (have_insn && iss.srt != 31 && !cpu.aarch32) {
            ShimPendingCheck *p = &shim_pending[insn.cpu_index %
                                                ARRAY_SIZE(shim_pending)];

            *p = (ShimPendingCheck) {
                .s = s, .cpu_index = insn.cpu_index, .pc_off = insn.pc_off,
                .reg = iss.srt, .value = cpu.x[iss.srt], .ipa = ipa,
            };
        }
    }
    return MEMTX_OK;
}

static MemTxResult shim_read(void *opaque, hwaddr addr, uint64_t *data,
                             unsigned size, MemTxAttrs attrs)
{
    return shim_access(opaque, addr, data, size, false, attrs);
}

static MemTxResult shim_write(void *opaque, hwaddr addr, uint64_t data,
                              unsigned size, MemTxAttrs attrs)
{
    return shim_access(opaque, addr, &data, size, true, attrs);
}

static const MemoryRegionOps shim_ops = {
    .read_with_attrs = shim_read,
    .write_with_attrs = shim_write,
    .endianness = DEVICE_LITTLE_ENDIAN,
    .valid.min_access_size = 1,
    .valid.max_access_size = 8,
    .impl.min_access_size = 1,
    .impl.max_access_size = 8,
};

void gicsim_realm_shim_set_hook(GicsimRealmShim *s, GicsimRealmShimHook hook,
                                void *opaque)
{
    s->hook = hook;
    s->hook_opaque = opaque;
}

static void json_hex(GString *j, const char *key, uint64_t v, bool comma)
{
    g_string_append_printf(j, "\"%s\":\"0x%" PRIx64 "\"%s", key, v,
                           comma ? "," : "");
}

static void json_record(GString *j, const ShimRecord *r)
{
    const GicsimRecStep *st = &r->step;

    g_string_append_printf(j, "{\"seq\":%" PRIu64 ",", r->seq);
    json_hex(j, "ipa", r->ipa, true);
    g_string_append_printf(j, "\"syndrome\":\"%s\",", r->syndrome);
    g_string_append(j, "\"abort\":{");
    json_hex(j, "esr", st->dabt.esr, true);
    json_hex(j, "far", st->dabt.far, true);
    json_hex(j, "hpfar", st->dabt.hpfar, false);
    g_string_append_printf(j, "},\"rmm\":\"%s\"",
                           gicsim_rmm_action_name(st->rmm));
    if (st->rmm == GICSIM_RMM_EXIT_TO_HOST) {
        g_string_append_printf(j, ",\"exit\":{\"exit_reason\":%" PRIu64 ",",
                               st->exit_reason);
        json_hex(j, "esr", st->exit_esr, true);
        json_hex(j, "far", st->exit_far, true);
        json_hex(j, "hpfar", st->exit_hpfar, true);
        json_hex(j, "gprs0", st->exit_gpr0, false);
        g_string_append_printf(j, "},\"host\":\"%s\"",
                               gicsim_host_action_name(st->host));
        if (st->mmio.len) {
            g_string_append(j, ",\"mmio\":{");
            json_hex(j, "addr", st->mmio.addr, true);
            g_string_append_printf(j, "\"len\":%u,\"write\":%s,",
                                   st->mmio.len,
                                   st->mmio.write ? "true" : "false");
            json_hex(j, "value", st->mmio.val, false);
            g_string_append(j, "}");
        }
        g_string_append(j, ",\"entry\":{");
        json_hex(j, "flags", st->entry_flags, true);
        json_hex(j, "gprs0", st->entry_gpr0, false);
        g_string_append_printf(j, "},\"rec_enter\":\"%s\"",
                               gicsim_rmi_status_name(st->status));
        if (st->status == GICSIM_RMI_SUCCESS) {
            g_string_append_printf(j, ",\"outcome\":\"%s\"",
                                   gicsim_rec_outcome_name(st->outcome));
        }
    }
    g_string_append(j, "}");
}

/* "exit-log": the last log-len accesses, oldest first, as JSON */
static char *shim_get_exit_log(Object *obj, Error **errp)
{
    GicsimRealmShim *s = GICSIM_REALM_SHIM(obj);
    GString *j = g_string_new("[");
    uint64_t n, first, i;

    n = s->st ? MIN(s->st->seq, s->log_len) : 0;
    first = n ? s->st->seq - n : 0;
    for (i = first; i < first + n; i++) {
        if (i != first) {
            g_string_append(j, ",");
        }
        json_record(j, &s->st->log[i % s->log_len]);
    }
    g_string_append(j, "]");
    return g_string_free(j, false);
}

static void shim_realize(DeviceState *dev, Error **errp)
{
    GicsimRealmShim *s = GICSIM_REALM_SHIM(dev);
    uint64_t size;

    if (!s->target) {
        error_setg(errp, "gicsim-realm-shim: property 'target' "
                   "(the device's MemoryRegion) is not set");
        return;
    }
    if (s->ipa_bits < 32 || s->ipa_bits > 52) {
        error_setg(errp, "gicsim-realm-shim: ipa-bits=%u is outside 32..52",
                   s->ipa_bits);
        return;
    }
    if (s->log_len > 4096) {
        error_setg(errp, "gicsim-realm-shim: log-len=%u is above 4096",
                   s->log_len);
        return;
    }
    size = memory_region_size(s->target);
    if (s->base + size > 1ull << (s->ipa_bits - 1)) {
        error_setg(errp, "gicsim-realm-shim: the target at 0x%" PRIx64
                   " is not in the Protected half of a %u-bit IPA space",
                   s->base, s->ipa_bits);
        return;
    }
    s->st = g_new0(GicsimRealmShimState, 1);
    s->st->log = g_new0(ShimRecord, s->log_len);
    gicsim_rmm_init(&s->st->rmm, s->ipa_bits);
    memory_region_init_io(&s->iomem, OBJECT(s), &shim_ops, s,
                          "gicsim-realm-shim", size);
    sysbus_init_mmio(SYS_BUS_DEVICE(s), &s->iomem);
}

static void shim_unrealize(DeviceState *dev)
{
    GicsimRealmShim *s = GICSIM_REALM_SHIM(dev);
    unsigned i;

    /* no pending check may outlive its shim */
    for (i = 0; i < ARRAY_SIZE(shim_pending); i++) {
        if (shim_pending[i].s == s) {
            shim_pending[i].s = NULL;
        }
    }

    if (s->st) {
        g_free(s->st->log);
        g_free(s->st);
        s->st = NULL;
    }
}

static void shim_init(Object *obj)
{
    GicsimRealmShim *s = GICSIM_REALM_SHIM(obj);
    static const struct {
        const char *name;
        size_t off;
    } counters[] = {
        { "accesses", offsetof(GicsimRealmShimStats, accesses) },
        { "exits", offsetof(GicsimRealmShimStats, exits) },
        { "emulated-reads", offsetof(GicsimRealmShimStats, emulated_reads) },
        { "emulated-writes",
          offsetof(GicsimRealmShimStats, emulated_writes) },
        { "aborts", offsetof(GicsimRealmShimStats, aborts) },
        { "reentry-errors", offsetof(GicsimRealmShimStats, reentry_errors) },
        { "assumed-syndromes",
          offsetof(GicsimRealmShimStats, assumed_syndromes) },
        { "completion-checks",
          offsetof(GicsimRealmShimStats, completion_checks) },
        { "completion-mismatches",
          offsetof(GicsimRealmShimStats, completion_mismatches) },
    };
    unsigned i;

    for (i = 0; i < ARRAY_SIZE(counters); i++) {
        object_property_add_uint64_ptr(obj, counters[i].name,
                                       (uint64_t *)((char *)&s->stats +
                                                    counters[i].off),
                                       OBJ_PROP_FLAG_READ);
    }
    object_property_add_str(obj, "exit-log", shim_get_exit_log, NULL);
}

static const Property shim_properties[] = {
    DEFINE_PROP_LINK("target", GicsimRealmShim, target, TYPE_MEMORY_REGION,
                     MemoryRegion *),
    DEFINE_PROP_UINT64("base", GicsimRealmShim, base, 0),
    DEFINE_PROP_UINT8("ipa-bits", GicsimRealmShim, ipa_bits, 48),
    DEFINE_PROP_UINT32("log-len", GicsimRealmShim, log_len, 16),
};

static void shim_class_init(ObjectClass *klass, void *data)
{
    DeviceClass *dc = DEVICE_CLASS(klass);

    dc->realize = shim_realize;
    dc->unrealize = shim_unrealize;
    dc->desc = "Arm CCA realm MMIO forwarding (RMM 1.0) in front of a device";
    dc->user_creatable = false;
    device_class_set_props(dc, shim_properties);
}

static const TypeInfo shim_info = {
    .name = TYPE_GICSIM_REALM_SHIM,
    .parent = TYPE_SYS_BUS_DEVICE,
    .instance_size = sizeof(GicsimRealmShim),
    .instance_init = shim_init,
    .class_init = shim_class_init,
};

static void shim_register_types(void)
{
    type_register_static(&shim_info);
}

type_init(shim_register_types)
