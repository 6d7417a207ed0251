/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Unit tests of the QEMU-independent register table and decoder.
 */
#include <glib.h>
#include <string.h>

#include "gicsim-regs.h"
#include "gicsim-profile.h"

static GicsimDecoder decoder;

static void test_table_consistent(void)
{
    unsigned id;

    g_assert_true(gicsim_decoder_init(&decoder));
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        g_assert_nonnull(r->name);
        g_assert_nonnull(r->summary);
        g_assert_true(r->count >= 1);
        g_assert_true(r->size == 4 || r->size == 8);
        /*
         * every register takes 32-bit accesses (IHI 0069H, memory-mapped
         * register access)
         */
        g_assert_true(r->widths & GICSIM_W32);
        /* only 64-bit registers take 64-bit accesses */
        g_assert_cmpint(!!(r->widths & GICSIM_W64), ==, r->size == 8);
        g_assert_true(r->offset % r->size == 0);
        g_assert_true(gicsim_reg_by_name(r->name) == r);
        /* docs/register-map.rst names every row's access and widths */
        g_assert_cmpstr(gicsim_access_name(r->access), !=, "?");
        g_assert_cmpstr(gicsim_widths_name(r->widths), !=, "?");
    }
}

/* Access types as IHI 0069H's register summaries (Tables 12-25, 12-27) */
static void test_access_types(void)
{
    static const struct {
        const char *reg, *access;
    } t[] = {
        { "GICD_CTLR", "RW" }, { "GICD_TYPER", "RO" },
        { "GICD_SETSPI_NSR", "WO" }, { "GICD_ISENABLER", "W1S" },
        { "GICD_ICENABLER", "W1C" }, { "GICR_ISPENDR0", "W1S" },
        { "GICR_ICACTIVER0", "W1C" }, { "GICR_SETLPIR", "WO" },
        { "GICR_TYPER", "RO" }, { "GICR_WAKER", "RW" },
    };
    unsigned i;

    for (i = 0; i < G_N_ELEMENTS(t); i++) {
        const GicsimReg *r = gicsim_reg_by_name(t[i].reg);

        g_assert_nonnull(r);
        g_assert_cmpstr(gicsim_access_name(r->access), ==, t[i].access);
    }
    g_assert_cmpstr(gicsim_access_name((GicsimAccess)99), ==, "?");
    g_assert_cmpstr(gicsim_widths_name(GICSIM_W8), ==, "?");
    g_assert_cmpstr(gicsim_widths_name(gicsim_reg_by_name("GICD_IROUTER")
                                       ->widths), ==, "32/64");
    g_assert_cmpstr(gicsim_widths_name(gicsim_reg_by_name("GICD_CTLR")
                                       ->widths), ==, "32");
}

static void check_decode(GicsimFrame f, uint32_t off, const char *name,
                         unsigned index, unsigned byte)
{
    GicsimDecoded d;

    g_assert_true(gicsim_decode(&decoder, f, off, &d));
    g_assert_cmpstr(d.reg->name, ==, name);
    g_assert_cmpuint(d.index, ==, index);
    g_assert_cmpuint(d.byte, ==, byte);
    g_assert_cmpuint(gicsim_reg_offset(d.reg, index) + byte, ==, off);
}

static void test_decode_known_offsets(void)
{
    GicsimDecoded d;

    /* IHI 0069H Table 12-25 (GICD) and 12-27/12-29 (GICR) offsets */
    check_decode(GICSIM_FRAME_GICD, 0x0000, "GICD_CTLR", 0, 0);
    check_decode(GICSIM_FRAME_GICD, 0x0004, "GICD_TYPER", 0, 0);
    check_decode(GICSIM_FRAME_GICD, 0x0040, "GICD_SETSPI_NSR", 0, 0);
    check_decode(GICSIM_FRAME_GICD, 0x0084, "GICD_IGROUPR", 1, 0);
    check_decode(GICSIM_FRAME_GICD, 0x0428, "GICD_IPRIORITYR", 10, 0);
    check_decode(GICSIM_FRAME_GICD, 0x042b, "GICD_IPRIORITYR", 10, 3);
    check_decode(GICSIM_FRAME_GICD, 0x0c08, "GICD_ICFGR", 2, 0);
    check_decode(GICSIM_FRAME_GICD, 0x6100, "GICD_IROUTER", 32, 0);
    check_decode(GICSIM_FRAME_GICD, 0x6144, "GICD_IROUTER", 40, 4);
    check_decode(GICSIM_FRAME_GICD, 0x7fd8, "GICD_IROUTER", 1019, 0);
    check_decode(GICSIM_FRAME_GICD, 0xffe8, "GICD_PIDR2", 0, 0);
    check_decode(GICSIM_FRAME_RD, 0x000c, "GICR_TYPER", 0, 4);
    check_decode(GICSIM_FRAME_RD, 0x0014, "GICR_WAKER", 0, 0);
    check_decode(GICSIM_FRAME_RD, 0x0078, "GICR_PENDBASER", 0, 0);
    check_decode(GICSIM_FRAME_SGI, 0x0100, "GICR_ISENABLER0", 0, 0);
    check_decode(GICSIM_FRAME_SGI, 0x041c, "GICR_IPRIORITYR", 7, 0);
    check_decode(GICSIM_FRAME_SGI, 0x0c04, "GICR_ICFGR1", 0, 0);
    check_decode(GICSIM_FRAME_VLPI, 0x007c, "GICR_VPENDBASER", 0, 4);

    /* Reserved offsets */
    g_assert_false(gicsim_decode(&decoder, GICSIM_FRAME_GICD, 0x0014, &d));
    g_assert_false(gicsim_decode(&decoder, GICSIM_FRAME_GICD, 0x6000, &d));
    g_assert_false(gicsim_decode(&decoder, GICSIM_FRAME_GICD, 0x60f8, &d));
    g_assert_false(gicsim_decode(&decoder, GICSIM_FRAME_RD, 0x0080, &d));
    g_assert_false(gicsim_decode(&decoder, GICSIM_FRAME_SGI, 0x0000, &d));
    g_assert_false(gicsim_decode(&decoder, GICSIM_FRAME_RESERVED, 0, &d));
}

static void test_widths(void)
{
    const GicsimReg *prio = gicsim_reg_by_name("GICD_IPRIORITYR");
    const GicsimReg *ctlr = gicsim_reg_by_name("GICD_CTLR");
    const GicsimReg *router = gicsim_reg_by_name("GICD_IROUTER");

    g_assert_true(gicsim_width_allowed(prio->widths, 1));
    g_assert_false(gicsim_width_allowed(prio->widths, 2));
    g_assert_true(gicsim_width_allowed(prio->widths, 4));
    g_assert_false(gicsim_width_allowed(prio->widths, 8));
    g_assert_false(gicsim_width_allowed(ctlr->widths, 1));
    g_assert_false(gicsim_width_allowed(ctlr->widths, 8));
    g_assert_true(gicsim_width_allowed(router->widths, 8));
    g_assert_true(gicsim_width_allowed(router->widths, 4));
    g_assert_false(gicsim_width_allowed(router->widths, 3));
    g_assert_cmpstr(gicsim_widths_name(prio->widths), ==, "8/32");
}

/*
 * GICD_SETSPI_NSR and the like: 16-bit accesses to bits [15:0] (IHI 0069H,
 * the registers' descriptions), no other register takes them
 */
static void test_widths_16(void)
{
    static const char *const w16[] = {
        "GICD_SETSPI_NSR", "GICD_CLRSPI_NSR", "GICD_SETSPI_SR",
        "GICD_CLRSPI_SR",
    };
    unsigned i, n = 0;

    for (i = 0; i < G_N_ELEMENTS(w16); i++) {
        const GicsimReg *r = gicsim_reg_by_name(w16[i]);

        g_assert_true(gicsim_access_allowed(r->widths, 2, 0));
        g_assert_false(gicsim_access_allowed(r->widths, 2, 2));
        g_assert_true(gicsim_access_allowed(r->widths, 4, 0));
        g_assert_false(gicsim_access_allowed(r->widths, 1, 0));
        g_assert_cmpstr(gicsim_widths_name(r->widths), ==, "16/32");
    }
    for (i = 0; i < GICSIM_REG__COUNT; i++) {
        n += !!(gicsim_regs[i].widths & GICSIM_W16);
    }
    g_assert_cmpuint(n, ==, G_N_ELEMENTS(w16));
}

static void test_fields(void)
{
    const GicsimReg *typer = gicsim_reg_by_name("GICD_TYPER");
    const GicsimField *f = gicsim_field_by_name(typer, "ITLinesNumber");

    g_assert_nonnull(f);
    g_assert_cmpuint(f->lsb, ==, 0);
    g_assert_cmpuint(f->width, ==, 5);
    g_assert_null(gicsim_field_by_name(typer, "NoSuchField"));
    g_assert_null(gicsim_reg_by_name("GICD_NOSUCH"));
}

/* Write masks and Secure-only masks come from the field lists */
static void test_masks(void)
{
    const GicsimReg *prop = gicsim_reg_by_name("GICR_PROPBASER");
    const GicsimReg *pend = gicsim_reg_by_name("GICR_PENDBASER");
    const GicsimReg *ctlr = gicsim_reg_by_name("GICR_CTLR");
    const GicsimReg *router = gicsim_reg_by_name("GICD_IROUTER");
    const GicsimReg *isen = gicsim_reg_by_name("GICD_ISENABLER");

    /* IHI 0069H GICR_PROPBASER: IDbits, caches, shareability, PA */
    g_assert_cmphex(prop->wmask, ==, 0x070fffffffffff9fULL);
    /* GICR_PENDBASER: PTZ (bit 62) is write-only and not stored */
    g_assert_cmphex(pend->wmask, ==, 0x070fffffffff0f80ULL);
    /* GICD_IROUTER: Aff0-2 [23:0], IRM [31], Aff3 [39:32] */
    g_assert_cmphex(router->wmask, ==, 0x000000ff80ffffffULL);
    /* GICR_CTLR: DPG0 and DPG1S are Secure-only */
    g_assert_cmphex(ctlr->smask, ==, (1u << 24) | (1u << 26));
    g_assert_cmphex(ctlr->wmask, ==, 1u | (7u << 24));
    /* A register without fields stores every bit written */
    g_assert_cmphex(isen->wmask, ==, ~0ULL);
    g_assert_cmphex(isen->smask, ==, 0);
}

/* Every mask bit lies in a field, and fields do not overlap */
static void test_fields_disjoint(void)
{
    unsigned id;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        const GicsimField *f;
        uint64_t seen = 0;

        for (f = r->fields; f && f->name; f++) {
            uint64_t m = f->width == 64 ? ~0ULL :
                         ((1ULL << f->width) - 1) << f->lsb;

            g_assert_cmpuint(f->lsb + f->width, <=, r->size * 8);
            g_assert_cmphex(seen & m, ==, 0);
            seen |= m;
        }
        if (r->fields) {
            g_assert_cmphex(r->wmask & ~seen, ==, 0);
            g_assert_cmphex(r->smask & ~seen, ==, 0);
        }
    }
}

/*
 * Gates (IHI 0069H register descriptions): which registers are
 * Secure-only, RAZ/WI with one Security state, or need a powered
 * redistributor (GIC-600 TRM, GICR_PWRR).
 */
static void test_gates(void)
{
    static const char *const secure_only[] = {
        "GICD_IGROUPR", "GICD_IGRPMODR", "GICD_NSACR", "GICD_SETSPI_SR",
        "GICD_CLRSPI_SR", "GICR_IGROUPR0", "GICR_IGRPMODR0", "GICR_NSACR",
        "GICR_WAKER", "GICR_PWRR",
    };
    static const char *const two_states[] = {
        "GICD_IGRPMODR", "GICD_NSACR", "GICD_SETSPI_SR", "GICD_CLRSPI_SR",
        "GICR_IGRPMODR0", "GICR_NSACR",
    };
    unsigned id, i, n_sec = 0, n_two = 0;
    char buf[64];

    for (i = 0; i < G_N_ELEMENTS(secure_only); i++) {
        g_assert_true(gicsim_reg_by_name(secure_only[i])->gates &
                      GICSIM_GATE_SECURE);
    }
    for (i = 0; i < G_N_ELEMENTS(two_states); i++) {
        g_assert_true(gicsim_reg_by_name(two_states[i])->gates &
                      GICSIM_GATE_TWO_STATES);
    }
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];
        bool gicr = r->frame != GICSIM_FRAME_GICD;
        bool idreg = r->offset >= GICSIM_OFF_IDREGS;

        /* Secure-only fields: derived from .smask, never in the table */
        g_assert_false(r->gates & GICSIM_GATE_SECURE_FIELDS);
        g_assert_cmpint(!!r->smask, ==,
                        !!(gicsim_reg_gates(r) & GICSIM_GATE_SECURE_FIELDS));
        n_sec += !!(r->gates & GICSIM_GATE_SECURE);
        n_two += !!(r->gates & GICSIM_GATE_TWO_STATES);
        /* Power gates only redistributor registers; GICR_PWRR answers */
        if (!gicr || idreg || id == GICSIM_GICR_PWRR) {
            g_assert_false(r->gates & GICSIM_GATE_POWERED);
        }
    }
    g_assert_cmpuint(n_sec, ==, G_N_ELEMENTS(secure_only));
    g_assert_cmpuint(n_two, ==, G_N_ELEMENTS(two_states));
    g_assert_cmpstr(gicsim_gates_name(GICSIM_GATE_SECURE |
                                      GICSIM_GATE_TWO_STATES, buf,
                                      sizeof(buf)), ==,
                    "Secure-only, RAZ/WI if DS");
    g_assert_cmpstr(gicsim_gates_name(0, buf, sizeof(buf)), ==, "-");
}

/* Shared handlers' arguments are in the rows */
static void test_handler_args(void)
{
    unsigned id;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        /* a register bound to a state is one per interrupt, <= 32 bits */
        if (r->state != GICSIM_ST_NONE && r->state != GICSIM_ST_PROPBASER &&
            r->state != GICSIM_ST_PENDBASER) {
            g_assert_cmpuint(r->bits_per_irq, ==, 1);
        }
        if (r->bits_per_irq) {
            g_assert_cmpuint(32 % r->bits_per_irq, ==, 0);
        }
    }
    g_assert_cmpuint(gicsim_reg_by_name("GICR_ICFGR1")->irq_base, ==, 16);
    g_assert_cmpuint(gicsim_reg_by_name("GICD_ISPENDR")->nsacr_write, ==, 1);
    g_assert_cmpuint(gicsim_reg_by_name("GICD_ICPENDR")->nsacr_write, ==, 2);
    g_assert_cmpuint(gicsim_reg_by_name("GICD_ISACTIVER")->nsacr_write, ==, 0);
    g_assert_true(gicsim_reg_by_name("GICD_CLRSPI_NSR")->clears);
    g_assert_false(gicsim_reg_by_name("GICD_SETSPI_NSR")->clears);
}

static void test_profiles(void)
{
    const GicsimProfile *q = gicsim_profile_find("qemu");
    const GicsimProfile *g6 = gicsim_profile_find("gic-600");

    g_assert_nonnull(q);
    g_assert_nonnull(g6);
    g_assert_null(gicsim_profile_find("gic-400"));
    /* Stock QEMU claims an Arm r0p0 GIC-500 and no 1-of-N */
    g_assert_cmphex(q->gicd_iidr, ==, 0x43b);
    g_assert_true(q->no1n);
    g_assert_false(q->has_pwrr);
    g_assert_true(g6->has_pwrr);
    g_assert_cmphex(g6->gicd_iidr & 0xfff, ==, 0x43b);
    g_assert_cmphex(g6->gicd_iidr >> 24, ==, 0x02);
}

/*
 * The mirrors the rows declare (GicsimReg.mirror) agree with the rows: a
 * word of the distributor's state only on a distributor register and a
 * CPU's only on a redistributor's; the bitmap words on the registers of
 * that state; whole state elements per register element; none where a
 * read adds the input levels; and the word mirrors only with one
 * Security state, where no Non-secure view masks the value.
 */
static void test_mirrors(void)
{
    static const struct {
        GicsimMirror m;
        GicsimState state;      /* GICSIM_ST_NONE: not a bitmap */
        unsigned elem;
    } words[] = {
        { GICSIM_MIRROR_GICD_GROUP, GICSIM_ST_GROUP,
          GICSIM_MIRROR_GICD_GROUP_ELEM },
        { GICSIM_MIRROR_GICD_ENABLED, GICSIM_ST_ENABLED,
          GICSIM_MIRROR_GICD_ENABLED_ELEM },
        { GICSIM_MIRROR_GICD_ACTIVE, GICSIM_ST_ACTIVE,
          GICSIM_MIRROR_GICD_ACTIVE_ELEM },
        { GICSIM_MIRROR_GICD_GRPMOD, GICSIM_ST_GRPMOD,
          GICSIM_MIRROR_GICD_GRPMOD_ELEM },
        { GICSIM_MIRROR_GICD_NMI, GICSIM_ST_NMI,
          GICSIM_MIRROR_GICD_NMI_ELEM },
        { GICSIM_MIRROR_GICD_IPRIORITY, GICSIM_ST_NONE,
          GICSIM_MIRROR_GICD_IPRIORITY_ELEM },
        { GICSIM_MIRROR_GICD_IROUTER, GICSIM_ST_NONE,
          GICSIM_MIRROR_GICD_IROUTER_ELEM },
        { GICSIM_MIRROR_GICR_GROUP, GICSIM_ST_GROUP,
          GICSIM_MIRROR_GICR_GROUP_ELEM },
        { GICSIM_MIRROR_GICR_ACTIVE, GICSIM_ST_ACTIVE,
          GICSIM_MIRROR_GICR_ACTIVE_ELEM },
        { GICSIM_MIRROR_GICR_GRPMOD, GICSIM_ST_GRPMOD,
          GICSIM_MIRROR_GICR_GRPMOD_ELEM },
        { GICSIM_MIRROR_GICR_NMI, GICSIM_ST_NMI,
          GICSIM_MIRROR_GICR_NMI_ELEM },
        { GICSIM_MIRROR_GICR_IPRIORITY, GICSIM_ST_NONE,
          GICSIM_MIRROR_GICR_IPRIORITY_ELEM },
        { GICSIM_MIRROR_GICR_WAKER, GICSIM_ST_NONE,
          GICSIM_MIRROR_GICR_WAKER_ELEM },
        { GICSIM_MIRROR_GICR_TYPER, GICSIM_ST_NONE,
          GICSIM_MIRROR_GICR_TYPER_ELEM },
    };
    unsigned id, i, n_words = 0;

    /* Every word of GICSIM_MIRROR_WORDS() is in the list above */
    g_assert_cmpuint(G_N_ELEMENTS(words), ==, GICSIM_MIRROR__COUNT - 2);
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        if (r->mirror == GICSIM_MIRROR_NONE ||
            r->mirror == GICSIM_MIRROR_FIXED) {
            continue;
        }
        n_words++;
        g_assert_cmpint(r->mirror_when, ==,
                        GICSIM_MIRROR_ONE_SECURITY_STATE);
        g_assert_false(r->level_pending);
        g_assert_true(r->access != GICSIM_WO);
        for (i = 0; i < G_N_ELEMENTS(words); i++) {
            if (words[i].m == r->mirror) {
                break;
            }
        }
        g_assert_cmpuint(i, <, G_N_ELEMENTS(words));
        g_assert_cmpuint(r->size % words[i].elem, ==, 0);
        if (words[i].state != GICSIM_ST_NONE) {
            g_assert_cmpint(r->state, ==, words[i].state);
        }
        g_assert_cmpint(r->frame == GICSIM_FRAME_GICD, ==,
                        r->mirror < GICSIM_MIRROR_GICR_GROUP);
    }
    g_assert_cmpuint(n_words, >, 0);
    /* A fixed read: the ID registers, for one */
    g_assert_cmpint(gicsim_reg_by_name("GICD_PIDR2")->mirror, ==,
                    GICSIM_MIRROR_FIXED);
    g_assert_cmpint(gicsim_reg_by_name("GICD_ISPENDR")->mirror, ==,
                    GICSIM_MIRROR_NONE);
}

/* The list of names is the profiles' own, in order */
static void test_profile_names(void)
{
    GString *want = g_string_new("");
    unsigned i;

    g_assert_cmpuint(gicsim_profile_count(), >=, 4);
    g_assert_true(gicsim_profile_at(0) == gicsim_profile_find("qemu"));
    g_assert_null(gicsim_profile_at(gicsim_profile_count()));
    for (i = 0; i < gicsim_profile_count(); i++) {
        const GicsimProfile *p = gicsim_profile_at(i);

        g_assert_true(gicsim_profile_find(p->name) == p);
        g_string_append_printf(want, "%s%s", i ? ", " : "", p->name);
    }
    g_assert_cmpstr(gicsim_profile_names(), ==, want->str);
    g_assert_cmpstr(gicsim_profile_names(), ==,
                    "qemu, gic-500, gic-600, gic-700");
    g_string_free(want, true);
}

/*
 * gicsim_slot() from RD_base reaches every word of a redistributor's
 * frames, as the dispatch's direct path uses it; from the distributor's
 * frame, that frame's words.
 */
static void test_slot_flat(void)
{
    uint32_t off;
    unsigned f;

    g_assert_true(gicsim_decoder_init(&decoder));
    for (off = 0; off < GICSIM_FRAME_SIZE; off += 4) {
        g_assert_cmpuint(gicsim_slot(&decoder, GICSIM_FRAME_GICD, off), ==,
                         decoder.slot[GICSIM_FRAME_GICD][off >> 2]);
    }
    for (f = GICSIM_FRAME_RD; f < GICSIM_FRAME__COUNT; f++) {
        for (off = 0; off < GICSIM_FRAME_SIZE; off += 4) {
            uint32_t in_rd = (f - GICSIM_FRAME_RD) * GICSIM_FRAME_SIZE + off;

            g_assert_cmpuint(gicsim_slot(&decoder, GICSIM_FRAME_RD, in_rd),
                             ==, decoder.slot[f][off >> 2]);
        }
    }
    /* GICR_TYPER in RD_base, GICR_ISENABLER0 in SGI_base, from RD_base */
    g_assert_cmpuint(gicsim_slot(&decoder, GICSIM_FRAME_RD, 0x0008), ==,
                     GICSIM_GICR_TYPER + 1);
    g_assert_cmpuint(gicsim_slot(&decoder, GICSIM_FRAME_RD, 0x10100), ==,
                     GICSIM_GICR_ISENABLER0 + 1);
}

int main(int argc, char **argv)
{
    g_test_init(&argc, &argv, NULL);
    g_test_add_func("/gicsim/regs/table", test_table_consistent);
    g_test_add_func("/gicsim/regs/decode", test_decode_known_offsets);
    g_test_add_func("/gicsim/regs/access-types", test_access_types);
    g_test_add_func("/gicsim/regs/slot-flat", test_slot_flat);
    g_test_add_func("/gicsim/regs/widths", test_widths);
    g_test_add_func("/gicsim/regs/widths-16", test_widths_16);
    g_test_add_func("/gicsim/regs/fields", test_fields);
    g_test_add_func("/gicsim/regs/masks", test_masks);
    g_test_add_func("/gicsim/regs/fields-disjoint", test_fields_disjoint);
    g_test_add_func("/gicsim/regs/gates", test_gates);
    g_test_add_func("/gicsim/regs/handler-args", test_handler_args);
    g_test_add_func("/gicsim/regs/mirrors", test_mirrors);
    g_test_add_func("/gicsim/profile", test_profiles);
    g_test_add_func("/gicsim/profile/names", test_profile_names);
    return g_test_run();
}
