/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim: every register field, defined once.
 *
 * Each list below is an X-macro: GICSIM_FIELDS_<SHAPE>(X, R, SEP)
 * expands X(R, Name, lsb, width, flags) once per field of a register of
 * that shape, with SEP between two fields.  The register table
 * (gicsim-regs-table.c.inc) expands the lists into its GicsimField
 * arrays, write masks and Secure-only masks; the device
 * (gicsim-internal.h) expands them into QEMU FIELD() definitions,
 * R_GICSIM_<REG>_<Name>_{SHIFT,LENGTH,MASK}, for its handlers.  Nothing
 * else may spell a field's position.
 *
 * Field positions: Arm IHI 0069H chapter 12, each register's description;
 * GICR_PWRR: Arm CoreLink GIC-600 TRM (100336), GICR_PWRR.
 *
 * This header does not depend on QEMU.
 */
#ifndef HW_INTC_GICSIM_FIELDS_H
#define HW_INTC_GICSIM_FIELDS_H

/* Field flags */
#define GICSIM_FF_RW        0u
#define GICSIM_FF_RO        (1u << 0)   /* writes to the field are ignored */
#define GICSIM_FF_WO        (1u << 1)   /* reads as 0; not stored */
/* Secure-only: RAZ/WI to Non-secure accesses while GICD_CTLR.DS == 0 */
#define GICSIM_FF_SECURE    (1u << 2)

#define GICSIM_FIELDS_GICD_CTLR(X, R, SEP) \
    X(R, EnableGrp0, 0, 1, GICSIM_FF_RW) SEP \
    X(R, EnableGrp1NS, 1, 1, GICSIM_FF_RW) SEP \
    X(R, EnableGrp1S, 2, 1, GICSIM_FF_RW) SEP \
    X(R, ARE_S, 4, 1, GICSIM_FF_RW) SEP \
    X(R, ARE_NS, 5, 1, GICSIM_FF_RW) SEP \
    X(R, DS, 6, 1, GICSIM_FF_RW) SEP \
    X(R, E1NWF, 7, 1, GICSIM_FF_RW) SEP \
    X(R, RWP, 31, 1, GICSIM_FF_RO)

#define GICSIM_FIELDS_GICD_TYPER(X, R, SEP) \
    X(R, ITLinesNumber, 0, 5, GICSIM_FF_RO) SEP \
    X(R, CPUNumber, 5, 3, GICSIM_FF_RO) SEP \
    X(R, ESPI, 8, 1, GICSIM_FF_RO) SEP \
    X(R, NMI, 9, 1, GICSIM_FF_RO) SEP \
    X(R, SecurityExtn, 10, 1, GICSIM_FF_RO) SEP \
    X(R, num_LPIs, 11, 5, GICSIM_FF_RO) SEP \
    X(R, MBIS, 16, 1, GICSIM_FF_RO) SEP \
    X(R, LPIS, 17, 1, GICSIM_FF_RO) SEP \
    X(R, DVIS, 18, 1, GICSIM_FF_RO) SEP \
    X(R, IDbits, 19, 5, GICSIM_FF_RO) SEP \
    X(R, A3V, 24, 1, GICSIM_FF_RO) SEP \
    X(R, No1N, 25, 1, GICSIM_FF_RO) SEP \
    X(R, RSS, 26, 1, GICSIM_FF_RO) SEP \
    X(R, ESPI_range, 27, 5, GICSIM_FF_RO)

#define GICSIM_FIELDS_IIDR(X, R, SEP) \
    X(R, Implementer, 0, 12, GICSIM_FF_RO) SEP \
    X(R, Revision, 12, 4, GICSIM_FF_RO) SEP \
    X(R, Variant, 16, 4, GICSIM_FF_RO) SEP \
    X(R, ProductID, 24, 8, GICSIM_FF_RO)

#define GICSIM_FIELDS_GICD_TYPER2(X, R, SEP) \
    X(R, VID, 0, 5, GICSIM_FF_RO) SEP \
    X(R, VIL, 7, 1, GICSIM_FF_RO) SEP \
    X(R, nASSGIcap, 8, 1, GICSIM_FF_RO)

#define GICSIM_FIELDS_STATUSR(X, R, SEP) \
    X(R, RRD, 0, 1, GICSIM_FF_RW) SEP \
    X(R, WRD, 1, 1, GICSIM_FF_RW) SEP \
    X(R, RWOD, 2, 1, GICSIM_FF_RW) SEP \
    X(R, WROD, 3, 1, GICSIM_FF_RW)

#define GICSIM_FIELDS_SPI_INTID(X, R, SEP) \
    X(R, INTID, 0, 13, GICSIM_FF_RW)

#define GICSIM_FIELDS_GICD_IROUTER(X, R, SEP) \
    X(R, Aff0, 0, 8, GICSIM_FF_RW) SEP \
    X(R, Aff1, 8, 8, GICSIM_FF_RW) SEP \
    X(R, Aff2, 16, 8, GICSIM_FF_RW) SEP \
    X(R, Interrupt_Routing_Mode, 31, 1, GICSIM_FF_RW) SEP \
    X(R, Aff3, 32, 8, GICSIM_FF_RW)

#define GICSIM_FIELDS_GICD_SGIR(X, R, SEP) \
    X(R, SGIINTID, 0, 4, GICSIM_FF_RW) SEP \
    X(R, NSATT, 15, 1, GICSIM_FF_RW) SEP \
    X(R, CPUTargetList, 16, 8, GICSIM_FF_RW) SEP \
    X(R, TargetListFilter, 24, 2, GICSIM_FF_RW)

#define GICSIM_FIELDS_PIDR2(X, R, SEP) \
    X(R, JEP106_id_6_4, 0, 3, GICSIM_FF_RO) SEP \
    X(R, JEDEC, 3, 1, GICSIM_FF_RO) SEP \
    X(R, ArchRev, 4, 4, GICSIM_FF_RO)

#define GICSIM_FIELDS_GICR_CTLR(X, R, SEP) \
    X(R, EnableLPIs, 0, 1, GICSIM_FF_RW) SEP \
    X(R, CES, 1, 1, GICSIM_FF_RO) SEP \
    X(R, IR, 2, 1, GICSIM_FF_RO) SEP \
    X(R, RWP, 3, 1, GICSIM_FF_RO) SEP \
    X(R, DPG0, 24, 1, GICSIM_FF_SECURE) SEP \
    X(R, DPG1NS, 25, 1, GICSIM_FF_RW) SEP \
    X(R, DPG1S, 26, 1, GICSIM_FF_SECURE) SEP \
    X(R, UWP, 31, 1, GICSIM_FF_RO)

#define GICSIM_FIELDS_GICR_TYPER(X, R, SEP) \
    X(R, PLPIS, 0, 1, GICSIM_FF_RO) SEP \
    X(R, VLPIS, 1, 1, GICSIM_FF_RO) SEP \
    X(R, Dirty, 2, 1, GICSIM_FF_RO) SEP \
    X(R, DirectLPI, 3, 1, GICSIM_FF_RO) SEP \
    X(R, Last, 4, 1, GICSIM_FF_RO) SEP \
    X(R, DPGS, 5, 1, GICSIM_FF_RO) SEP \
    X(R, MPAM, 6, 1, GICSIM_FF_RO) SEP \
    X(R, RVPEID, 7, 1, GICSIM_FF_RO) SEP \
    X(R, Processor_Number, 8, 16, GICSIM_FF_RO) SEP \
    X(R, CommonLPIAff, 24, 2, GICSIM_FF_RO) SEP \
    X(R, VSGI, 26, 1, GICSIM_FF_RO) SEP \
    X(R, PPInum, 27, 5, GICSIM_FF_RO) SEP \
    X(R, Aff0, 32, 8, GICSIM_FF_RO) SEP \
    X(R, Aff1, 40, 8, GICSIM_FF_RO) SEP \
    X(R, Aff2, 48, 8, GICSIM_FF_RO) SEP \
    X(R, Aff3, 56, 8, GICSIM_FF_RO)

#define GICSIM_FIELDS_GICR_WAKER(X, R, SEP) \
    X(R, ProcessorSleep, 1, 1, GICSIM_FF_RW) SEP \
    X(R, ChildrenAsleep, 2, 1, GICSIM_FF_RO)

/* GIC-600 TRM: RDAG is write-only (reads 0); RDGPD, RDGPO, RDG read-only */
#define GICSIM_FIELDS_GICR_PWRR(X, R, SEP) \
    X(R, RDPD, 0, 1, GICSIM_FF_RW) SEP \
    X(R, RDAG, 1, 1, GICSIM_FF_WO) SEP \
    X(R, RDGPD, 2, 1, GICSIM_FF_RO) SEP \
    X(R, RDGPO, 3, 1, GICSIM_FF_RO) SEP \
    X(R, RDGO, 8, 7, GICSIM_FF_RO) SEP \
    X(R, RDG, 15, 9, GICSIM_FF_RO)

#define GICSIM_FIELDS_LPIR(X, R, SEP) \
    X(R, pINTID, 0, 32, GICSIM_FF_RW)

#define GICSIM_FIELDS_PROPBASER(X, R, SEP) \
    X(R, IDbits, 0, 5, GICSIM_FF_RW) SEP \
    X(R, InnerCache, 7, 3, GICSIM_FF_RW) SEP \
    X(R, Shareability, 10, 2, GICSIM_FF_RW) SEP \
    X(R, PhysicalAddress, 12, 40, GICSIM_FF_RW) SEP \
    X(R, OuterCache, 56, 3, GICSIM_FF_RW)

#define GICSIM_FIELDS_GICR_PENDBASER(X, R, SEP) \
    X(R, InnerCache, 7, 3, GICSIM_FF_RW) SEP \
    X(R, Shareability, 10, 2, GICSIM_FF_RW) SEP \
    X(R, PhysicalAddress, 16, 36, GICSIM_FF_RW) SEP \
    X(R, OuterCache, 56, 3, GICSIM_FF_RW) SEP \
    X(R, PTZ, 62, 1, GICSIM_FF_WO)

#define GICSIM_FIELDS_GICR_SYNCR(X, R, SEP) \
    X(R, Busy, 0, 1, GICSIM_FF_RO)

#define GICSIM_FIELDS_GICR_VPENDBASER(X, R, SEP) \
    X(R, InnerCache, 7, 3, GICSIM_FF_RW) SEP \
    X(R, Shareability, 10, 2, GICSIM_FF_RW) SEP \
    X(R, PhysicalAddress, 16, 36, GICSIM_FF_RW) SEP \
    X(R, OuterCache, 56, 3, GICSIM_FF_RW) SEP \
    X(R, Dirty, 60, 1, GICSIM_FF_RO) SEP \
    X(R, PendingLast, 61, 1, GICSIM_FF_RW) SEP \
    X(R, IDAI, 62, 1, GICSIM_FF_RW) SEP \
    X(R, Valid, 63, 1, GICSIM_FF_RW)

/*
 * Which registers have fields, and of which shape: Y(REG, SHAPE).  The
 * device defines FIELD(GICSIM_<REG>, <Name>, ...) for each.
 */
#define GICSIM_FIELD_REGS(Y) \
    Y(GICD_CTLR, GICD_CTLR) \
    Y(GICD_TYPER, GICD_TYPER) \
    Y(GICD_IIDR, IIDR) \
    Y(GICD_TYPER2, GICD_TYPER2) \
    Y(GICD_IROUTER, GICD_IROUTER) \
    Y(GICD_SETSPI_NSR, SPI_INTID) \
    Y(GICR_CTLR, GICR_CTLR) \
    Y(GICR_IIDR, IIDR) \
    Y(GICR_TYPER, GICR_TYPER) \
    Y(GICR_WAKER, GICR_WAKER) \
    Y(GICR_PWRR, GICR_PWRR) \
    Y(GICR_SETLPIR, LPIR) \
    Y(GICR_PROPBASER, PROPBASER) \
    Y(GICR_PENDBASER, GICR_PENDBASER) \
    Y(GICR_VPENDBASER, GICR_VPENDBASER) \
    Y(GICR_SYNCR, GICR_SYNCR) \
    Y(PIDR2, PIDR2)

/* Helpers to fold a list into a mask (usable in constant expressions) */
#define GICSIM_FMASK_(lsb, width) \
    ((width) == 64 ? ~0ULL : (((1ULL << (width)) - 1) << (lsb)))
#define GICSIM_WMASK_X(R, name, lsb, width, flags) \
    (((flags) & (GICSIM_FF_RO | GICSIM_FF_WO)) ? 0 : \
     GICSIM_FMASK_(lsb, width))
#define GICSIM_SMASK_X(R, name, lsb, width, flags) \
    (((flags) & GICSIM_FF_SECURE) ? GICSIM_FMASK_(lsb, width) : 0)
/* Bits of a register of @SHAPE that a write stores */
#define GICSIM_WMASK(SHAPE) \
    (0ULL | GICSIM_FIELDS_##SHAPE(GICSIM_WMASK_X, _, | /* SEP */))
/* Bits of a register of @SHAPE hidden from Non-secure accesses */
#define GICSIM_SMASK(SHAPE) \
    (0ULL | GICSIM_FIELDS_##SHAPE(GICSIM_SMASK_X, _, | /* SEP */))

#endif
