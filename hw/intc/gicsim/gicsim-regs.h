/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim register table: one descriptor per GICv3/v4 distributor and
 * redistributor register (name, offset, widths, access, banking, when it
 * exists, reset, fields, handlers).  The table is the single source of
 * truth for MMIO dispatch, access-width checking, tracing, the generated
 * register map in docs/ and the symbolic names of register-poke scripts.
 *
 * This header, gicsim-regs.c and the table (gicsim-regs-table.c.inc) do
 * not depend on QEMU: they build and are unit-tested on their own.
 *
 * Register layout: Arm IHI 0069H, chapter 12 ("Programmers' model"),
 * the distributor and redistributor register maps and register
 * descriptions.
 */
#ifndef HW_INTC_GICSIM_REGS_H
#define HW_INTC_GICSIM_REGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "gicsim-fields.h"
#include "gicsim-handlers.h"

/* The 64 KiB register frames (IHI 0069H, redistributor memory map). */
typedef enum GicsimFrame {
    GICSIM_FRAME_GICD,      /* distributor */
    GICSIM_FRAME_RD,        /* redistributor RD_base */
    GICSIM_FRAME_SGI,       /* redistributor SGI_base (RD_base + 64K) */
    GICSIM_FRAME_VLPI,      /* GICv4 VLPI_base (RD_base + 128K) */
    GICSIM_FRAME_RESERVED,  /* GICv4 fourth frame (RD_base + 192K) */
    GICSIM_FRAME__COUNT,
} GicsimFrame;

#define GICSIM_FRAME_SIZE 0x10000u

/*
 * Anchor offsets the code relies on besides the table: the first SPI's
 * GICD_IROUTER<32>, and the CoreSight ID registers of every frame.
 */
#define GICSIM_OFF_GICD_IROUTER32   0x6100u
#define GICSIM_OFF_IDREGS           0xffd0u

/* Access widths, bit log2(bytes): the set the spec allows per register. */
#define GICSIM_W8   (1u << 0)
#define GICSIM_W16  (1u << 1)
#define GICSIM_W32  (1u << 2)
#define GICSIM_W64  (1u << 3)

static inline bool gicsim_width_allowed(uint8_t widths, unsigned size)
{
    switch (size) {
    case 1: return widths & GICSIM_W8;
    case 2: return widths & GICSIM_W16;
    case 4: return widths & GICSIM_W32;
    case 8: return widths & GICSIM_W64;
    default: return false;
    }
}

/*
 * An access of @size bytes at byte @byte of a register whose width set is
 * @widths: the width is allowed, the access is naturally aligned, and a
 * 16-bit access is to bits [15:0] (IHI 0069H: the registers that take
 * 16-bit accesses, GICD_SETSPI_NSR and the like, take them there only).
 */
static inline bool gicsim_access_allowed(uint8_t widths, unsigned size,
                                         unsigned byte)
{
    return gicsim_width_allowed(widths, size) && !(byte & (size - 1)) &&
           (size != 2 || byte == 0);
}

/* Architectural access type, as the spec's register descriptions give it. */
typedef enum GicsimAccess {
    GICSIM_RW,      /* read/write */
    GICSIM_RO,      /* read-only: writes are ignored and logged */
    GICSIM_WO,      /* write-only: reads are RAZ and logged */
    GICSIM_W1S,     /* read state, write 1 to set */
    GICSIM_W1C,     /* read state, write 1 to clear */
} GicsimAccess;

/* How a register is banked (the views a read depends on). */
typedef enum GicsimBank {
    GICSIM_BANK_NONE,       /* one copy */
    GICSIM_BANK_SECURITY,   /* Secure and Non-secure copies or views */
    GICSIM_BANK_CPU,        /* one copy per redistributor */
} GicsimBank;

/* When a register exists; otherwise its offset is reserved. */
typedef enum GicsimAvail {
    GICSIM_AVAIL_ALWAYS,
    GICSIM_AVAIL_NMI,       /* FEAT_GICv3_NMI (GICD_TYPER.NMI == 1) */
    GICSIM_AVAIL_MBIS,      /* message-based SPIs (GICD_TYPER.MBIS == 1) */
    GICSIM_AVAIL_LPI,       /* LPIs supported (GICR_TYPER.PLPIS == 1) */
    GICSIM_AVAIL_VLPI,      /* GICv4 (GICR_TYPER.VLPIS == 1) */
    GICSIM_AVAIL_DIRECT_LPI,    /* GICR_TYPER.DirectLPI == 1 */
    GICSIM_AVAIL_PWRR,      /* profile with GICR_PWRR (GIC-600, GIC-700) */
} GicsimAvail;

typedef struct GicsimField {
    const char *name;
    uint8_t lsb;
    uint8_t width;
    uint8_t flags;          /* GICSIM_FF_* (gicsim-fields.h) */
} GicsimField;

/*
 * Access gates: conditions under which the whole register is RAZ/WI.  The
 * dispatch applies them before the handler runs (gicsim-dispatch.c), so
 * no handler tests Security or power state for the register as a whole.
 */
/* Secure-only while GICD_CTLR.DS == 0: RAZ/WI to Non-secure accesses */
#define GICSIM_GATE_SECURE      (1u << 0)
/* RAZ/WI while GICD_CTLR.DS == 1 (only one Security state) */
#define GICSIM_GATE_TWO_STATES  (1u << 1)
/* Needs the redistributor powered up (GIC-600/700 GICR_PWRR.RDGPO == 0) */
#define GICSIM_GATE_POWERED     (1u << 2)
/*
 * Not a gate but on the same slow path: some fields are Secure-only
 * (.smask), hidden from Non-secure accesses while GICD_CTLR.DS == 0.
 * Never written in the table: gicsim_reg_gates() derives it from .smask.
 */
#define GICSIM_GATE_SECURE_FIELDS (1u << 3)

/*
 * The state a register of a shared handler reads and writes.  Bitmaps:
 * one bit per interrupt in GICv3State (GICD) or GICv3CPUState (GICR).
 */
typedef enum GicsimState {
    GICSIM_ST_NONE,
    GICSIM_ST_GROUP,
    GICSIM_ST_ENABLED,
    GICSIM_ST_PENDING,
    GICSIM_ST_ACTIVE,
    GICSIM_ST_GRPMOD,
    GICSIM_ST_NMI,
    GICSIM_ST_PROPBASER,
    GICSIM_ST_PENDBASER,
    GICSIM_ST__COUNT,
} GicsimState;

/*
 * Reads answered without the register's handler (gicsim-mirror.c), as
 * each row declares them: what the read gives, and when.
 *
 * GICSIM_MIRROR_WORDS(X): X(NAME, ELEM) for each word of QEMU's GICv3
 * state a register can mirror: the handler's answer is the state's bytes
 * as they lie, ELEM bytes per element of the state array (gicsim-mirror.c
 * pins ELEM, the offsets and the array lengths at compile time).  GICD_
 * words are the distributor's (GICv3State), GICR_ words a CPU's
 * (GICv3CPUState); the GICD_ words come first (test-gicsim-regs checks
 * each row's declaration against its frame, state and size).
 */
#define GICSIM_MIRROR_WORDS(X) \
    X(GICD_GROUP, 4) \
    X(GICD_ENABLED, 4) \
    X(GICD_ACTIVE, 4) \
    X(GICD_GRPMOD, 4) \
    X(GICD_NMI, 4) \
    X(GICD_IPRIORITY, 1) \
    X(GICD_IROUTER, 8) \
    X(GICR_GROUP, 4) \
    X(GICR_ACTIVE, 4) \
    X(GICR_GRPMOD, 4) \
    X(GICR_NMI, 4) \
    X(GICR_IPRIORITY, 1) \
    X(GICR_WAKER, 4) \
    X(GICR_TYPER, 8)

typedef enum GicsimMirror {
    GICSIM_MIRROR_NONE,     /* the handler answers */
    GICSIM_MIRROR_FIXED,    /* a constant: the handler's answer at realize */
#define GICSIM_MIRROR_ENUM(name, elem) GICSIM_MIRROR_##name,
    GICSIM_MIRROR_WORDS(GICSIM_MIRROR_ENUM)
#undef GICSIM_MIRROR_ENUM
    GICSIM_MIRROR__COUNT,
} GicsimMirror;

/* The element size each mirrored word declares, for the asserts */
enum {
#define GICSIM_MIRROR_ELEM(name, elem) GICSIM_MIRROR_##name##_ELEM = (elem),
    GICSIM_MIRROR_WORDS(GICSIM_MIRROR_ELEM)
#undef GICSIM_MIRROR_ELEM
};

/* The condition under which a row's mirror holds */
typedef enum GicsimMirrorWhen {
    /* In every configuration (ID registers, IIDRs, RES0 registers) */
    GICSIM_MIRROR_ALWAYS,
    /*
     * With one Security state (no Security extension: GICD_CTLR.DS reads
     * 1 and no access has a Non-secure view that masks or shifts the
     * value; IHI 0069H "Security model"), on a little-endian host (the
     * state's bytes are the register's, IHI 0069H: little-endian)
     */
    GICSIM_MIRROR_ONE_SECURITY_STATE,
} GicsimMirrorWhen;

/*
 * One descriptor per register, or per register array NAME<n>.
 * Element n (first <= n < first + count) is at offset + (n - first) * size.
 */
typedef struct GicsimReg {
    const char *name;
    const char *summary;
    GicsimFrame frame;
    uint32_t offset;        /* offset of element @first in its frame */
    uint16_t first;         /* index of the first element (IROUTER: 32) */
    uint16_t count;         /* elements; 1 for a plain register */
    uint8_t size;           /* bytes per element: 4 or 8 */
    uint8_t widths;         /* GICSIM_W* the spec allows */
    GicsimAccess access;
    GicsimBank bank;
    GicsimAvail avail;
    bool reset_computed;    /* reset depends on configuration (ID regs) */
    uint64_t reset;         /* architectural reset value otherwise */
    const GicsimField *fields;  /* terminated by a NULL name; may be NULL */
    uint64_t wmask;         /* bits a write stores (from the fields) */
    uint64_t smask;         /* Secure-only bits (from the fields) */
    uint8_t gates;          /* GICSIM_GATE_* */
    /* Arguments of shared handlers */
    GicsimState state;      /* the state it reads and writes */
    uint8_t bits_per_irq;   /* per-interrupt registers: 1, 2 or 8 */
    uint16_t irq_base;      /* first INTID of element 0 (GICR_ICFGR1: 16) */
    bool level_pending;     /* pending reads include asserted level inputs */
    bool affects_routing;   /* a write can change 1-of-N participation */
    bool clears;            /* SPI/LPI by number: the write clears */
    /*
     * GICD_NSACR level that opens the register to Non-secure accesses to
     * Group 0 and Secure Group 1 interrupts (0: never).
     */
    uint8_t nsacr_read;
    uint8_t nsacr_write;
    /* A read the handler need not answer, and when (gicsim-mirror.c) */
    GicsimMirror mirror;
    GicsimMirrorWhen mirror_when;
    GicsimReadFn *read;     /* handlers (NULL outside the QEMU device) */
    GicsimWriteFn *write;
} GicsimReg;

/* Register identifiers: an index into gicsim_regs[]. */
typedef enum GicsimRegId {
    /* Distributor */
    GICSIM_GICD_CTLR,
    GICSIM_GICD_TYPER,
    GICSIM_GICD_IIDR,
    GICSIM_GICD_TYPER2,
    GICSIM_GICD_STATUSR,
    GICSIM_GICD_SETSPI_NSR,
    GICSIM_GICD_CLRSPI_NSR,
    GICSIM_GICD_SETSPI_SR,
    GICSIM_GICD_CLRSPI_SR,
    GICSIM_GICD_IGROUPR,
    GICSIM_GICD_ISENABLER,
    GICSIM_GICD_ICENABLER,
    GICSIM_GICD_ISPENDR,
    GICSIM_GICD_ICPENDR,
    GICSIM_GICD_ISACTIVER,
    GICSIM_GICD_ICACTIVER,
    GICSIM_GICD_IPRIORITYR,
    GICSIM_GICD_ITARGETSR,
    GICSIM_GICD_ICFGR,
    GICSIM_GICD_IGRPMODR,
    GICSIM_GICD_NSACR,
    GICSIM_GICD_SGIR,
    GICSIM_GICD_CPENDSGIR,
    GICSIM_GICD_SPENDSGIR,
    GICSIM_GICD_INMIR,
    GICSIM_GICD_IROUTER,
    GICSIM_GICD_PIDR4,
    GICSIM_GICD_PIDR5,
    GICSIM_GICD_PIDR6,
    GICSIM_GICD_PIDR7,
    GICSIM_GICD_PIDR0,
    GICSIM_GICD_PIDR1,
    GICSIM_GICD_PIDR2,
    GICSIM_GICD_PIDR3,
    GICSIM_GICD_CIDR0,
    GICSIM_GICD_CIDR1,
    GICSIM_GICD_CIDR2,
    GICSIM_GICD_CIDR3,
    /* Redistributor, RD_base */
    GICSIM_GICR_CTLR,
    GICSIM_GICR_IIDR,
    GICSIM_GICR_TYPER,
    GICSIM_GICR_STATUSR,
    GICSIM_GICR_WAKER,
    GICSIM_GICR_PWRR,
    GICSIM_GICR_SETLPIR,
    GICSIM_GICR_CLRLPIR,
    GICSIM_GICR_PROPBASER,
    GICSIM_GICR_PENDBASER,
    GICSIM_GICR_INVLPIR,
    GICSIM_GICR_INVALLR,
    GICSIM_GICR_SYNCR,
    GICSIM_GICR_PIDR4,
    GICSIM_GICR_PIDR5,
    GICSIM_GICR_PIDR6,
    GICSIM_GICR_PIDR7,
    GICSIM_GICR_PIDR0,
    GICSIM_GICR_PIDR1,
    GICSIM_GICR_PIDR2,
    GICSIM_GICR_PIDR3,
    GICSIM_GICR_CIDR0,
    GICSIM_GICR_CIDR1,
    GICSIM_GICR_CIDR2,
    GICSIM_GICR_CIDR3,
    /* Redistributor, SGI_base */
    GICSIM_GICR_IGROUPR0,
    GICSIM_GICR_ISENABLER0,
    GICSIM_GICR_ICENABLER0,
    GICSIM_GICR_ISPENDR0,
    GICSIM_GICR_ICPENDR0,
    GICSIM_GICR_ISACTIVER0,
    GICSIM_GICR_ICACTIVER0,
    GICSIM_GICR_IPRIORITYR,
    GICSIM_GICR_ICFGR0,
    GICSIM_GICR_ICFGR1,
    GICSIM_GICR_IGRPMODR0,
    GICSIM_GICR_NSACR,
    GICSIM_GICR_INMIR0,
    /* Redistributor, VLPI_base (GICv4) */
    GICSIM_GICR_VPROPBASER,
    GICSIM_GICR_VPENDBASER,
    GICSIM_REG__COUNT,
} GicsimRegId;

extern const GicsimReg gicsim_regs[GICSIM_REG__COUNT];

/*
 * Offset -> register lookup, one slot per 32-bit word of a frame.
 * Slot value: register id + 1, or 0 for a reserved word.
 */
#define GICSIM_FRAME_SLOTS (GICSIM_FRAME_SIZE / 4)
typedef uint8_t GicsimSlot;
typedef struct GicsimDecoder {
    GicsimSlot slot[GICSIM_FRAME__COUNT][GICSIM_FRAME_SLOTS];
} GicsimDecoder;
/* A slot holds register id + 1, so every id + 1 must fit */
_Static_assert(GICSIM_REG__COUNT < (1u << (8 * sizeof(GicsimSlot))),
               "GicsimSlot too small for the register count");

/* Fill @d from gicsim_regs[]; returns false if two registers overlap. */
bool gicsim_decoder_init(GicsimDecoder *d);

/*
 * The slot of the word at @offset from the start of @frame, where @offset
 * may run on into the frames after it: a redistributor's frames follow
 * each other, so from RD_base an offset in the redistributor finds the
 * word in any of them.  @frame * GICSIM_FRAME_SIZE + @offset must be
 * within the decoder (the frames from @frame to the last).
 */
static inline unsigned gicsim_slot(const GicsimDecoder *d, GicsimFrame frame,
                                   uint32_t offset)
{
    const GicsimSlot *flat = (const GicsimSlot *)d->slot;

    return flat[(size_t)frame * GICSIM_FRAME_SLOTS + (offset >> 2)];
}

/* Result of decoding an access at @offset of @size bytes in @frame. */
typedef struct GicsimDecoded {
    const GicsimReg *reg;   /* NULL: reserved offset */
    GicsimRegId id;
    unsigned index;         /* element number n of NAME<n> */
    unsigned byte;          /* byte offset of the access in the element */
} GicsimDecoded;

static inline bool gicsim_decode(const GicsimDecoder *d, GicsimFrame frame,
                                 uint32_t offset, GicsimDecoded *out)
{
    unsigned v = d->slot[frame][(offset & (GICSIM_FRAME_SIZE - 1)) >> 2];
    const GicsimReg *r;
    uint32_t rel;

    if (!v) {
        out->reg = NULL;
        return false;
    }
    r = &gicsim_regs[v - 1];
    rel = offset - r->offset;
    out->reg = r;
    out->id = (GicsimRegId)(v - 1);
    out->index = r->first + rel / r->size;
    out->byte = rel % r->size;
    return true;
}

/* Look a register up by name ("GICD_CTLR"); NULL if there is none. */
const GicsimReg *gicsim_reg_by_name(const char *name);
/* Look a field of @r up by name; NULL if there is none. */
const GicsimField *gicsim_field_by_name(const GicsimReg *r, const char *name);
/* Offset in its frame of element @n of @r. */
static inline uint32_t gicsim_reg_offset(const GicsimReg *r, unsigned n)
{
    return r->offset + (n - r->first) * r->size;
}
/*
 * The row's gates, with GICSIM_GATE_SECURE_FIELDS where it has Secure-only
 * fields (derived from .smask, never written in the table)
 */
static inline uint8_t gicsim_reg_gates(const GicsimReg *r)
{
    return r->gates | (r->smask ? GICSIM_GATE_SECURE_FIELDS : 0);
}
const char *gicsim_frame_name(GicsimFrame f);
const char *gicsim_bank_name(GicsimBank b);
const char *gicsim_avail_name(GicsimAvail a);
/* "Secure-only, needs power"...; "-" for none */
const char *gicsim_gates_name(uint8_t gates, char *buf, size_t len);
const char *gicsim_access_name(GicsimAccess a);
/* "8/32", "32/64"... */
const char *gicsim_widths_name(uint8_t widths);

#endif
