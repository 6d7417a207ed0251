/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim register table (see gicsim-regs.h).  Offsets, widths, access
 * types and fields follow Arm IHI 0069H chapter 12.
 */
#include "gicsim-regs.h"
#include "gicsim-handlers.h"

#include <string.h>

/*
 * The QEMU device builds this file with GICSIM_WITH_HANDLERS defined (see
 * gicsim-table.c) and so binds every register to its handlers; tools and
 * tests built without QEMU get the same table with no handlers.
 */
#ifdef GICSIM_WITH_HANDLERS
#define HANDLERS(r, w) .read = (r), .write = (w)
#else
#define HANDLERS(r, w) .read = NULL, .write = NULL
#endif

#define F(n, l, w) { .name = (n), .lsb = (l), .width = (w) }
#define END { .name = NULL }

static const GicsimField gicd_ctlr_f[] = {
    /* Secure / single-security-state view (GICD_CTLR) */
    F("EnableGrp0", 0, 1), F("EnableGrp1NS", 1, 1), F("EnableGrp1S", 2, 1),
    F("ARE_S", 4, 1), F("ARE_NS", 5, 1), F("DS", 6, 1), F("E1NWF", 7, 1),
    F("RWP", 31, 1), END
};
static const GicsimField gicd_typer_f[] = {
    F("ITLinesNumber", 0, 5), F("CPUNumber", 5, 3), F("ESPI", 8, 1),
    F("NMI", 9, 1), F("SecurityExtn", 10, 1), F("num_LPIs", 11, 5),
    F("MBIS", 16, 1), F("LPIS", 17, 1), F("DVIS", 18, 1),
    F("IDbits", 19, 5), F("A3V", 24, 1), F("No1N", 25, 1), F("RSS", 26, 1),
    F("ESPI_range", 27, 5), END
};
static const GicsimField iidr_f[] = {
    F("Implementer", 0, 12), F("Revision", 12, 4), F("Variant", 16, 4),
    F("ProductID", 24, 8), END
};
static const GicsimField gicd_typer2_f[] = {
    F("VID", 0, 5), F("VIL", 7, 1), F("nASSGIcap", 8, 1), END
};
static const GicsimField statusr_f[] = {
    F("RRD", 0, 1), F("WRD", 1, 1), F("RWOD", 2, 1), F("WROD", 3, 1), END
};
static const GicsimField intid_f[] = { F("INTID", 0, 13), END };
static const GicsimField irouter_f[] = {
    F("Aff0", 0, 8), F("Aff1", 8, 8), F("Aff2", 16, 8),
    F("Interrupt_Routing_Mode", 31, 1), F("Aff3", 32, 8), END
};
static const GicsimField gicd_sgir_f[] = {
    F("SGIINTID", 0, 4), F("NSATT", 15, 1), F("CPUTargetList", 16, 8),
    F("TargetListFilter", 24, 2), END
};
static const GicsimField pidr2_f[] = {
    F("JEP106_id_6_4", 0, 3), F("JEDEC", 3, 1), F("ArchRev", 4, 4), END
};
static const GicsimField gicr_ctlr_f[] = {
    F("EnableLPIs", 0, 1), F("CES", 1, 1), F("IR", 2, 1), F("RWP", 3, 1),
    F("DPG0", 24, 1), F("DPG1NS", 25, 1), F("DPG1S", 26, 1), F("UWP", 31, 1),
    END
};
static const GicsimField gicr_typer_f[] = {
    F("PLPIS", 0, 1), F("VLPIS", 1, 1), F("Dirty", 2, 1),
    F("DirectLPI", 3, 1), F("Last", 4, 1), F("DPGS", 5, 1), F("MPAM", 6, 1),
    F("RVPEID", 7, 1), F("Processor_Number", 8, 16),
    F("CommonLPIAff", 24, 2), F("VSGI", 26, 1), F("PPInum", 27, 5),
    F("Aff0", 32, 8), F("Aff1", 40, 8), F("Aff2", 48, 8), F("Aff3", 56, 8),
    END
};
static const GicsimField gicr_waker_f[] = {
    F("ProcessorSleep", 1, 1), F("ChildrenAsleep", 2, 1), END
};
static const GicsimField gicr_pwrr_f[] = {
    F("RDPD", 0, 1), F("RDAG", 1, 1), F("RDGPD", 2, 1), F("RDGPO", 3, 1),
    F("RDGO", 8, 7), F("RDG", 15, 9), END
};
static const GicsimField lpir_f[] = { F("pINTID", 0, 32), END };
static const GicsimField gicr_propbaser_f[] = {
    F("IDbits", 0, 5), F("InnerCache", 7, 3), F("Shareability", 10, 2),
    F("PhysicalAddress", 12, 40), F("OuterCache", 56, 3), END
};
static const GicsimField gicr_pendbaser_f[] = {
    F("InnerCache", 7, 3), F("Shareability", 10, 2),
    F("PhysicalAddress", 16, 36), F("OuterCache", 56, 3), F("PTZ", 62, 1),
    END
};
static const GicsimField gicr_syncr_f[] = { F("Busy", 0, 1), END };
static const GicsimField gicr_vpendbaser_f[] = {
    F("InnerCache", 7, 3), F("Shareability", 10, 2),
    F("PhysicalAddress", 16, 36), F("OuterCache", 56, 3), F("Dirty", 60, 1),
    F("PendingLast", 61, 1), F("IDAI", 62, 1), F("Valid", 63, 1), END
};

/* Plain 32-bit register */
#define R32(id_, name_, frame_, off_, acc_, bank_, reset_, fields_, sum_, \
            rd_, wr_) \
    [id_] = { .name = (name_), .summary = (sum_), .frame = (frame_), \
              .offset = (off_), .first = 0, .count = 1, .size = 4, \
              .widths = GICSIM_W32, .access = (acc_), .bank = (bank_), \
              .avail = GICSIM_AVAIL_ALWAYS, .reset = (reset_), \
              .fields = (fields_), HANDLERS(rd_, wr_) }
/* Message-based SPI register, present only if GICD_TYPER.MBIS  */
#define MBI(id_, name_, off_, sum_, rd_, wr_) \
    [id_] = { .name = (name_), .summary = (sum_), .frame = GICSIM_FRAME_GICD, \
              .offset = (off_), .count = 1, .size = 4, \
              .widths = GICSIM_W32, .access = GICSIM_WO, \
              .avail = GICSIM_AVAIL_MBIS, .fields = intid_f, \
              HANDLERS(rd_, wr_) }
/* 64-bit register, also accessible as two 32-bit halves */
#define R64(id_, name_, frame_, off_, acc_, avail_, reset_, fields_, sum_, \
            rd_, wr_) \
    [id_] = { .name = (name_), .summary = (sum_), .frame = (frame_), \
              .offset = (off_), .first = 0, .count = 1, .size = 8, \
              .widths = GICSIM_W32 | GICSIM_W64, .access = (acc_), \
              .bank = GICSIM_BANK_CPU, .avail = (avail_), .reset = (reset_), \
              .fields = (fields_), HANDLERS(rd_, wr_) }
/* Array of 32-bit registers NAME<n> */
#define A32(id_, name_, frame_, off_, cnt_, w_, acc_, bank_, sum_, \
            rd_, wr_) \
    [id_] = { .name = (name_), .summary = (sum_), .frame = (frame_), \
              .offset = (off_), .first = 0, .count = (cnt_), .size = 4, \
              .widths = (w_), .access = (acc_), .bank = (bank_), \
              .avail = GICSIM_AVAIL_ALWAYS, HANDLERS(rd_, wr_) }
/* CoreSight identification register (PIDR/CIDR at 0xFFD0-0xFFFC) */
#define IDREG(id_, name_, frame_, off_, fields_) \
    [id_] = { .name = (name_), .summary = "Identification register", \
              .frame = (frame_), .offset = (off_), .count = 1, .size = 4, \
              .widths = GICSIM_W32, .access = GICSIM_RO, \
              .bank = GICSIM_BANK_NONE, .reset_computed = true, \
              .fields = (fields_), \
              HANDLERS(gicsim_read_id, gicsim_write_ignore) }

#define D GICSIM_FRAME_GICD
#define RD GICSIM_FRAME_RD
#define SGI GICSIM_FRAME_SGI
#define VLPI GICSIM_FRAME_VLPI
#define W8_32 (GICSIM_W8 | GICSIM_W32)

const GicsimReg gicsim_regs[GICSIM_REG__COUNT] = {
    /* Distributor, IHI 0069H distributor register map */
    [GICSIM_GICD_CTLR] = {
        .name = "GICD_CTLR", .summary = "Distributor Control Register",
        .frame = D, .offset = 0x0000, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RW,
        .bank = GICSIM_BANK_SECURITY, .reset_computed = true,
        .fields = gicd_ctlr_f,
        HANDLERS(gicsim_gicd_ctlr_read, gicsim_gicd_ctlr_write) },
    [GICSIM_GICD_TYPER] = {
        .name = "GICD_TYPER", .summary = "Interrupt Controller Type Register",
        .frame = D, .offset = 0x0004, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RO, .reset_computed = true,
        .fields = gicd_typer_f,
        HANDLERS(gicsim_gicd_typer_read, gicsim_write_ignore) },
    [GICSIM_GICD_IIDR] = {
        .name = "GICD_IIDR",
        .summary = "Distributor Implementer Identification Register",
        .frame = D, .offset = 0x0008, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RO, .reset_computed = true,
        .fields = iidr_f,
        HANDLERS(gicsim_gicd_iidr_read, gicsim_write_ignore) },
    [GICSIM_GICD_TYPER2] = {
        .name = "GICD_TYPER2",
        .summary = "Interrupt Controller Type Register 2",
        .frame = D, .offset = 0x000c, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RO, .reset_computed = true,
        .fields = gicd_typer2_f,
        HANDLERS(gicsim_read_zero, gicsim_write_ignore) },
    R32(GICSIM_GICD_STATUSR, "GICD_STATUSR", D, 0x0010, GICSIM_RW,
        GICSIM_BANK_SECURITY, 0, statusr_f, "Error Reporting Status Register",
        gicsim_read_zero, gicsim_write_ignore),
    MBI(GICSIM_GICD_SETSPI_NSR, "GICD_SETSPI_NSR", 0x0040,
        "Set Non-secure SPI Pending Register",
        gicsim_read_zero, gicsim_gicd_setspi_nsr_write),
    MBI(GICSIM_GICD_CLRSPI_NSR, "GICD_CLRSPI_NSR", 0x0048,
        "Clear Non-secure SPI Pending Register",
        gicsim_read_zero, gicsim_gicd_clrspi_nsr_write),
    MBI(GICSIM_GICD_SETSPI_SR, "GICD_SETSPI_SR", 0x0050,
        "Set Secure SPI Pending Register",
        gicsim_read_zero, gicsim_gicd_setspi_sr_write),
    MBI(GICSIM_GICD_CLRSPI_SR, "GICD_CLRSPI_SR", 0x0058,
        "Clear Secure SPI Pending Register",
        gicsim_read_zero, gicsim_gicd_clrspi_sr_write),
    A32(GICSIM_GICD_IGROUPR, "GICD_IGROUPR", D, 0x0080, 32, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_NONE, "Interrupt Group Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_ISENABLER, "GICD_ISENABLER", D, 0x0100, 32, GICSIM_W32,
        GICSIM_W1S, GICSIM_BANK_NONE, "Interrupt Set-Enable Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_ICENABLER, "GICD_ICENABLER", D, 0x0180, 32, GICSIM_W32,
        GICSIM_W1C, GICSIM_BANK_NONE, "Interrupt Clear-Enable Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_ISPENDR, "GICD_ISPENDR", D, 0x0200, 32, GICSIM_W32,
        GICSIM_W1S, GICSIM_BANK_NONE, "Interrupt Set-Pending Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_ICPENDR, "GICD_ICPENDR", D, 0x0280, 32, GICSIM_W32,
        GICSIM_W1C, GICSIM_BANK_NONE, "Interrupt Clear-Pending Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_ISACTIVER, "GICD_ISACTIVER", D, 0x0300, 32, GICSIM_W32,
        GICSIM_W1S, GICSIM_BANK_NONE, "Interrupt Set-Active Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_ICACTIVER, "GICD_ICACTIVER", D, 0x0380, 32, GICSIM_W32,
        GICSIM_W1C, GICSIM_BANK_NONE, "Interrupt Clear-Active Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_IPRIORITYR, "GICD_IPRIORITYR", D, 0x0400, 255, W8_32,
        GICSIM_RW, GICSIM_BANK_NONE, "Interrupt Priority Registers",
        gicsim_gicd_ipriorityr_read, gicsim_gicd_ipriorityr_write),
    A32(GICSIM_GICD_ITARGETSR, "GICD_ITARGETSR", D, 0x0800, 255, W8_32,
        GICSIM_RW, GICSIM_BANK_NONE,
        "Interrupt Processor Targets Registers (legacy; RES0 with ARE)",
        gicsim_read_zero, gicsim_write_ignore),
    A32(GICSIM_GICD_ICFGR, "GICD_ICFGR", D, 0x0c00, 64, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_NONE, "Interrupt Configuration Registers",
        gicsim_gicd_icfgr_read, gicsim_gicd_icfgr_write),
    A32(GICSIM_GICD_IGRPMODR, "GICD_IGRPMODR", D, 0x0d00, 32, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_NONE, "Interrupt Group Modifier Registers",
        gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write),
    A32(GICSIM_GICD_NSACR, "GICD_NSACR", D, 0x0e00, 64, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_NONE, "Non-secure Access Control Registers",
        gicsim_gicd_nsacr_read, gicsim_gicd_nsacr_write),
    R32(GICSIM_GICD_SGIR, "GICD_SGIR", D, 0x0f00, GICSIM_WO,
        GICSIM_BANK_NONE, 0, gicd_sgir_f,
        "Software Generated Interrupt Register (legacy; WI with ARE)",
        gicsim_read_zero, gicsim_write_ignore),
    A32(GICSIM_GICD_CPENDSGIR, "GICD_CPENDSGIR", D, 0x0f10, 4, W8_32,
        GICSIM_W1C, GICSIM_BANK_NONE,
        "SGI Clear-Pending Registers (legacy; RES0 with ARE)",
        gicsim_read_zero, gicsim_write_ignore),
    A32(GICSIM_GICD_SPENDSGIR, "GICD_SPENDSGIR", D, 0x0f20, 4, W8_32,
        GICSIM_W1S, GICSIM_BANK_NONE,
        "SGI Set-Pending Registers (legacy; RES0 with ARE)",
        gicsim_read_zero, gicsim_write_ignore),
    [GICSIM_GICD_INMIR] = {
        .name = "GICD_INMIR", .summary = "Non-maskable Interrupt Registers",
        .frame = D, .offset = 0x0f80, .count = 32, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RW, .avail = GICSIM_AVAIL_NMI,
        HANDLERS(gicsim_gicd_bitmap_read, gicsim_gicd_bitmap_write) },
    [GICSIM_GICD_IROUTER] = {
        .name = "GICD_IROUTER", .summary = "Interrupt Routing Registers",
        .frame = D, .offset = 0x6100, .first = 32, .count = 988, .size = 8,
        .widths = GICSIM_W32 | GICSIM_W64, .access = GICSIM_RW,
        .fields = irouter_f,
        HANDLERS(gicsim_gicd_irouter_read, gicsim_gicd_irouter_write) },
    IDREG(GICSIM_GICD_PIDR4, "GICD_PIDR4", D, 0xffd0, NULL),
    IDREG(GICSIM_GICD_PIDR5, "GICD_PIDR5", D, 0xffd4, NULL),
    IDREG(GICSIM_GICD_PIDR6, "GICD_PIDR6", D, 0xffd8, NULL),
    IDREG(GICSIM_GICD_PIDR7, "GICD_PIDR7", D, 0xffdc, NULL),
    IDREG(GICSIM_GICD_PIDR0, "GICD_PIDR0", D, 0xffe0, NULL),
    IDREG(GICSIM_GICD_PIDR1, "GICD_PIDR1", D, 0xffe4, NULL),
    IDREG(GICSIM_GICD_PIDR2, "GICD_PIDR2", D, 0xffe8, pidr2_f),
    IDREG(GICSIM_GICD_PIDR3, "GICD_PIDR3", D, 0xffec, NULL),
    IDREG(GICSIM_GICD_CIDR0, "GICD_CIDR0", D, 0xfff0, NULL),
    IDREG(GICSIM_GICD_CIDR1, "GICD_CIDR1", D, 0xfff4, NULL),
    IDREG(GICSIM_GICD_CIDR2, "GICD_CIDR2", D, 0xfff8, NULL),
    IDREG(GICSIM_GICD_CIDR3, "GICD_CIDR3", D, 0xfffc, NULL),

    /* Redistributor RD_base frame */
    [GICSIM_GICR_CTLR] = {
        /* CES (bit 1) reads 1 where LPIs are implemented */
        .name = "GICR_CTLR", .summary = "Redistributor Control Register",
        .frame = RD, .offset = 0x0000, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RW, .bank = GICSIM_BANK_CPU,
        .reset_computed = true, .fields = gicr_ctlr_f,
        HANDLERS(gicsim_gicr_ctlr_read, gicsim_gicr_ctlr_write) },
    [GICSIM_GICR_IIDR] = {
        .name = "GICR_IIDR",
        .summary = "Redistributor Implementer Identification Register",
        .frame = RD, .offset = 0x0004, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RO, .bank = GICSIM_BANK_CPU,
        .reset_computed = true, .fields = iidr_f,
        HANDLERS(gicsim_gicr_iidr_read, gicsim_write_ignore) },
    [GICSIM_GICR_TYPER] = {
        .name = "GICR_TYPER", .summary = "Redistributor Type Register",
        .frame = RD, .offset = 0x0008, .count = 1, .size = 8,
        .widths = GICSIM_W32 | GICSIM_W64, .access = GICSIM_RO,
        .bank = GICSIM_BANK_CPU, .reset_computed = true,
        .fields = gicr_typer_f,
        HANDLERS(gicsim_gicr_typer_read, gicsim_write_ignore) },
    R32(GICSIM_GICR_STATUSR, "GICR_STATUSR", RD, 0x0010, GICSIM_RW,
        GICSIM_BANK_CPU, 0, statusr_f, "Error Reporting Status Register",
        gicsim_read_zero, gicsim_write_ignore),
    [GICSIM_GICR_WAKER] = {
        .name = "GICR_WAKER", .summary = "Redistributor Wake Register",
        .frame = RD, .offset = 0x0014, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RW, .bank = GICSIM_BANK_CPU,
        .reset = 0x6, .fields = gicr_waker_f,
        HANDLERS(gicsim_gicr_waker_read, gicsim_gicr_waker_write) },
    [GICSIM_GICR_PWRR] = {
        .name = "GICR_PWRR",
        .summary = "Redistributor Power Register (GIC-600/GIC-700)",
        .frame = RD, .offset = 0x0024, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RW, .bank = GICSIM_BANK_CPU,
        .avail = GICSIM_AVAIL_PWRR, .reset_computed = true,
        .fields = gicr_pwrr_f,
        HANDLERS(gicsim_gicr_pwrr_read, gicsim_gicr_pwrr_write) },
    R64(GICSIM_GICR_SETLPIR, "GICR_SETLPIR", RD, 0x0040, GICSIM_WO,
        GICSIM_AVAIL_DIRECT_LPI, 0, lpir_f, "Set LPI Pending Register",
        gicsim_read_zero, gicsim_gicr_setlpir_write),
    R64(GICSIM_GICR_CLRLPIR, "GICR_CLRLPIR", RD, 0x0048, GICSIM_WO,
        GICSIM_AVAIL_DIRECT_LPI, 0, lpir_f, "Clear LPI Pending Register",
        gicsim_read_zero, gicsim_gicr_clrlpir_write),
    R64(GICSIM_GICR_PROPBASER, "GICR_PROPBASER", RD, 0x0070, GICSIM_RW,
        GICSIM_AVAIL_LPI, 0, gicr_propbaser_f,
        "Redistributor Properties Base Address Register",
        gicsim_gicr_baser_read, gicsim_gicr_baser_write),
    R64(GICSIM_GICR_PENDBASER, "GICR_PENDBASER", RD, 0x0078, GICSIM_RW,
        GICSIM_AVAIL_LPI, 0, gicr_pendbaser_f,
        "Redistributor LPI Pending Table Base Address Register",
        gicsim_gicr_baser_read, gicsim_gicr_baser_write),
    R64(GICSIM_GICR_INVLPIR, "GICR_INVLPIR", RD, 0x00a0, GICSIM_WO,
        GICSIM_AVAIL_DIRECT_LPI, 0, lpir_f,
        "Redistributor Invalidate LPI Register",
        gicsim_read_zero, gicsim_gicr_invlpir_write),
    R64(GICSIM_GICR_INVALLR, "GICR_INVALLR", RD, 0x00b0, GICSIM_WO,
        GICSIM_AVAIL_DIRECT_LPI, 0, NULL,
        "Redistributor Invalidate All Register",
        gicsim_read_zero, gicsim_gicr_invallr_write),
    [GICSIM_GICR_SYNCR] = {
        .name = "GICR_SYNCR",
        .summary = "Redistributor Synchronize Register",
        .frame = RD, .offset = 0x00c0, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RO, .bank = GICSIM_BANK_CPU,
        .avail = GICSIM_AVAIL_DIRECT_LPI, .fields = gicr_syncr_f,
        HANDLERS(gicsim_read_zero, gicsim_write_ignore) },
    IDREG(GICSIM_GICR_PIDR4, "GICR_PIDR4", RD, 0xffd0, NULL),
    IDREG(GICSIM_GICR_PIDR5, "GICR_PIDR5", RD, 0xffd4, NULL),
    IDREG(GICSIM_GICR_PIDR6, "GICR_PIDR6", RD, 0xffd8, NULL),
    IDREG(GICSIM_GICR_PIDR7, "GICR_PIDR7", RD, 0xffdc, NULL),
    IDREG(GICSIM_GICR_PIDR0, "GICR_PIDR0", RD, 0xffe0, NULL),
    IDREG(GICSIM_GICR_PIDR1, "GICR_PIDR1", RD, 0xffe4, NULL),
    IDREG(GICSIM_GICR_PIDR2, "GICR_PIDR2", RD, 0xffe8, pidr2_f),
    IDREG(GICSIM_GICR_PIDR3, "GICR_PIDR3", RD, 0xffec, NULL),
    IDREG(GICSIM_GICR_CIDR0, "GICR_CIDR0", RD, 0xfff0, NULL),
    IDREG(GICSIM_GICR_CIDR1, "GICR_CIDR1", RD, 0xfff4, NULL),
    IDREG(GICSIM_GICR_CIDR2, "GICR_CIDR2", RD, 0xfff8, NULL),
    IDREG(GICSIM_GICR_CIDR3, "GICR_CIDR3", RD, 0xfffc, NULL),

    /* Redistributor SGI_base frame */
    A32(GICSIM_GICR_IGROUPR0, "GICR_IGROUPR0", SGI, 0x0080, 1, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_CPU, "Interrupt Group Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_ISENABLER0, "GICR_ISENABLER0", SGI, 0x0100, 1,
        GICSIM_W32, GICSIM_W1S, GICSIM_BANK_CPU,
        "Interrupt Set-Enable Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_ICENABLER0, "GICR_ICENABLER0", SGI, 0x0180, 1,
        GICSIM_W32, GICSIM_W1C, GICSIM_BANK_CPU,
        "Interrupt Clear-Enable Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_ISPENDR0, "GICR_ISPENDR0", SGI, 0x0200, 1, GICSIM_W32,
        GICSIM_W1S, GICSIM_BANK_CPU, "Interrupt Set-Pending Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_ICPENDR0, "GICR_ICPENDR0", SGI, 0x0280, 1, GICSIM_W32,
        GICSIM_W1C, GICSIM_BANK_CPU, "Interrupt Clear-Pending Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_ISACTIVER0, "GICR_ISACTIVER0", SGI, 0x0300, 1,
        GICSIM_W32, GICSIM_W1S, GICSIM_BANK_CPU,
        "Interrupt Set-Active Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_ICACTIVER0, "GICR_ICACTIVER0", SGI, 0x0380, 1,
        GICSIM_W32, GICSIM_W1C, GICSIM_BANK_CPU,
        "Interrupt Clear-Active Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_IPRIORITYR, "GICR_IPRIORITYR", SGI, 0x0400, 8, W8_32,
        GICSIM_RW, GICSIM_BANK_CPU, "Interrupt Priority Registers",
        gicsim_gicr_ipriorityr_read, gicsim_gicr_ipriorityr_write),
    [GICSIM_GICR_ICFGR0] = {
        .name = "GICR_ICFGR0",
        .summary = "SGI Configuration Register (SGIs are edge-triggered)",
        .frame = SGI, .offset = 0x0c00, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RO, .bank = GICSIM_BANK_CPU,
        .reset = 0xaaaaaaaa,
        HANDLERS(gicsim_gicr_icfgr0_read, gicsim_write_ignore) },
    A32(GICSIM_GICR_ICFGR1, "GICR_ICFGR1", SGI, 0x0c04, 1, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_CPU, "PPI Configuration Register",
        gicsim_gicr_icfgr1_read, gicsim_gicr_icfgr1_write),
    A32(GICSIM_GICR_IGRPMODR0, "GICR_IGRPMODR0", SGI, 0x0d00, 1, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_CPU, "Interrupt Group Modifier Register 0",
        gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write),
    A32(GICSIM_GICR_NSACR, "GICR_NSACR", SGI, 0x0e00, 1, GICSIM_W32,
        GICSIM_RW, GICSIM_BANK_CPU, "Non-secure Access Control Register",
        gicsim_gicr_nsacr_read, gicsim_gicr_nsacr_write),
    [GICSIM_GICR_INMIR0] = {
        .name = "GICR_INMIR0", .summary = "Non-maskable Interrupt Register",
        .frame = SGI, .offset = 0x0f80, .count = 1, .size = 4,
        .widths = GICSIM_W32, .access = GICSIM_RW, .bank = GICSIM_BANK_CPU,
        .avail = GICSIM_AVAIL_NMI,
        HANDLERS(gicsim_sgi_bitmap_read, gicsim_sgi_bitmap_write) },

    /* GICv4 VLPI_base frame */
    R64(GICSIM_GICR_VPROPBASER, "GICR_VPROPBASER", VLPI, 0x0070, GICSIM_RW,
        GICSIM_AVAIL_VLPI, 0, gicr_propbaser_f,
        "Virtual Redistributor Properties Base Address Register",
        gicsim_gicr_vpropbaser_read, gicsim_gicr_vpropbaser_write),
    R64(GICSIM_GICR_VPENDBASER, "GICR_VPENDBASER", VLPI, 0x0078, GICSIM_RW,
        GICSIM_AVAIL_VLPI, 0, gicr_vpendbaser_f,
        "Virtual Redistributor LPI Pending Table Base Address Register",
        gicsim_gicr_vpendbaser_read, gicsim_gicr_vpendbaser_write),
};

bool gicsim_decoder_init(GicsimDecoder *d)
{
    unsigned id, n, w;

    memset(d, 0, sizeof(*d));
    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        const GicsimReg *r = &gicsim_regs[id];

        if (!r->name || r->frame >= GICSIM_FRAME__COUNT) {
            return false;
        }
        for (n = 0; n < r->count; n++) {
            for (w = 0; w < r->size / 4; w++) {
                uint32_t off = r->offset + n * r->size + w * 4;
                uint8_t *slot = &d->slot[r->frame][off >> 2];

                if (off >= GICSIM_FRAME_SIZE || *slot) {
                    return false;
                }
                *slot = id + 1;
            }
        }
    }
    return true;
}

const GicsimReg *gicsim_reg_by_name(const char *name)
{
    unsigned id;

    for (id = 0; id < GICSIM_REG__COUNT; id++) {
        if (!strcmp(gicsim_regs[id].name, name)) {
            return &gicsim_regs[id];
        }
    }
    return NULL;
}

const GicsimField *gicsim_field_by_name(const GicsimReg *r, const char *name)
{
    const GicsimField *f;

    for (f = r->fields; f && f->name; f++) {
        if (!strcmp(f->name, name)) {
            return f;
        }
    }
    return NULL;
}

const char *gicsim_frame_name(GicsimFrame f)
{
    static const char *const names[GICSIM_FRAME__COUNT] = {
        [GICSIM_FRAME_GICD] = "GICD",
        [GICSIM_FRAME_RD] = "RD_base",
        [GICSIM_FRAME_SGI] = "SGI_base",
        [GICSIM_FRAME_VLPI] = "VLPI_base",
        [GICSIM_FRAME_RESERVED] = "reserved",
    };
    return f < GICSIM_FRAME__COUNT ? names[f] : "?";
}

const char *gicsim_access_name(GicsimAccess a)
{
    switch (a) {
    case GICSIM_RW: return "RW";
    case GICSIM_RO: return "RO";
    case GICSIM_WO: return "WO";
    case GICSIM_W1S: return "W1S";
    case GICSIM_W1C: return "W1C";
    }
    return "?";
}

const char *gicsim_widths_name(uint8_t widths)
{
    switch (widths) {
    case GICSIM_W32: return "32";
    case GICSIM_W8 | GICSIM_W32: return "8/32";
    case GICSIM_W32 | GICSIM_W64: return "32/64";
    }
    return "?";
}
