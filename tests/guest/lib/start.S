/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * gicsim e2e guest runtime: entry, exception-level drop and vectors.
 *
 * QEMU's virt machine loads an ELF given with -kernel and starts the boot
 * CPU at its reset exception level: EL3 with secure=on, else EL2 with
 * virtualization=on, else EL1.  Secondaries stay off until PSCI CPU_ON,
 * which enters them at EL2 if EL2 exists, else EL1 (x0 = context id).
 * Every CPU is brought to non-secure EL1 unless the program defines
 * boot_stay_el3 = 1 (or boot_stay_el2 = 1), in which case the boot CPU
 * runs main() at EL3 (EL2).
 */
#define STACK_SHIFT 14

    .section .text.boot, "ax"
    .global _start
_start:
    mrs     x19, mpidr_el1
    and     x19, x19, #0xff
    cbnz    x19, common_entry
    /* Boot CPU: clear .bss before any C variable is touched. */
    adrp    x0, __bss_start
    add     x0, x0, :lo12:__bss_start
    adrp    x1, __bss_end
    add     x1, x1, :lo12:__bss_end
1:  cmp     x0, x1
    b.hs    2f
    str     xzr, [x0], #8
    b       1b
2:  mrs     x0, CurrentEL
    lsr     x0, x0, #2
    adrp    x1, boot_el
    str     w0, [x1, :lo12:boot_el]
    b       common_entry

    .global secondary_entry
secondary_entry:
    mov     x19, x0                 /* PSCI context id = CPU index */

common_entry:
    adrp    x1, __stacks_start
    add     x1, x1, :lo12:__stacks_start
    add     x2, x19, #1
    add     x20, x1, x2, lsl #STACK_SHIFT
    mrs     x0, CurrentEL
    lsr     x0, x0, #2
    cmp     x0, #3
    b.eq    at_el3
    cmp     x0, #2
    b.eq    at_el2
    b       at_el1

at_el3:
    adrp    x0, vectors_el3
    add     x0, x0, :lo12:vectors_el3
    msr     vbar_el3, x0
    mov     x0, #0xf                /* ICC_SRE_EL3: SRE, DFB, DIB, Enable */
    msr     S3_6_C12_C12_5, x0
    isb
    cbnz    x19, 3f
    adrp    x0, boot_stay_el3
    ldr     w0, [x0, :lo12:boot_stay_el3]
    cbz     w0, 3f
    adrp    x1, __stacks_end        /* EL3 stack is the last slot */
    add     sp, x1, :lo12:__stacks_end
    bl      primary_c_entry
    b       .
    /* Drop to non-secure EL2 if implemented, else non-secure EL1. */
3:  mov     x0, #((1 << 0) | (1 << 10))  /* SCR_EL3.NS, RW */
    mrs     x1, id_aa64pfr0_el1
    ubfx    x1, x1, #8, #4
    cbz     x1, 4f
    orr     x0, x0, #(1 << 8)       /* HCE */
    msr     scr_el3, x0
    adr     x0, at_el2
    msr     elr_el3, x0
    mov     x0, #0x3c9              /* DAIF masked, EL2h */
    msr     spsr_el3, x0
    isb
    eret
4:  msr     scr_el3, x0
    adr     x0, at_el1
    msr     elr_el3, x0
    mov     x0, #0x3c5              /* DAIF masked, EL1h */
    msr     spsr_el3, x0
    isb
    eret

at_el2:
    mov     x0, #0xf                /* ICC_SRE_EL2: SRE, DFB, DIB, Enable */
    msr     S3_4_C12_C9_5, x0
    isb
    mov     x0, #(1 << 31)          /* HCR_EL2.RW: EL1 is AArch64 */
    msr     hcr_el2, x0
    mov     x0, #3                  /* EL1PCTEN, EL1PCEN */
    msr     cnthctl_el2, x0
    msr     cntvoff_el2, xzr
    cbnz    x19, 6f
    adrp    x0, boot_stay_el2
    ldr     w0, [x0, :lo12:boot_stay_el2]
    cbz     w0, 6f
    adrp    x0, vectors_el2         /* run main() at EL2 (hypervisor) */
    add     x0, x0, :lo12:vectors_el2
    msr     vbar_el2, x0
    isb
    mov     sp, x20
    bl      primary_c_entry
    b       .
6:  adr     x0, at_el1
    msr     elr_el2, x0
    mov     x0, #0x3c5
    msr     spsr_el2, x0
    isb
    eret

at_el1:
    ldr     x0, =0x30d00800         /* SCTLR_EL1 RES1 bits, MMU off, LE */
    msr     sctlr_el1, x0
    mov     x0, #(3 << 20)          /* CPACR_EL1.FPEN */
    msr     cpacr_el1, x0
    adrp    x0, vectors_el1
    add     x0, x0, :lo12:vectors_el1
    msr     vbar_el1, x0
    isb
    mov     sp, x20
    mov     x0, x19
    cbnz    x19, 5f
    bl      primary_c_entry
    b       .
5:  bl      secondary_c_entry
    b       .
    .ltorg

/* Exception frame: x0-x30, ELR, SPSR (272 bytes, padded to 288). */
.macro SAVE el
    stp     x2, x3, [sp, #16]
    stp     x4, x5, [sp, #32]
    stp     x6, x7, [sp, #48]
    stp     x8, x9, [sp, #64]
    stp     x10, x11, [sp, #80]
    stp     x12, x13, [sp, #96]
    stp     x14, x15, [sp, #112]
    stp     x16, x17, [sp, #128]
    stp     x18, x19, [sp, #144]
    stp     x20, x21, [sp, #160]
    stp     x22, x23, [sp, #176]
    stp     x24, x25, [sp, #192]
    stp     x26, x27, [sp, #208]
    stp     x28, x29, [sp, #224]
    mrs     x2, elr_\el
    mrs     x3, spsr_\el
    stp     x30, x2, [sp, #240]
    str     x3, [sp, #256]
.endm

.macro RESTORE el
    ldp     x30, x0, [sp, #240]
    ldr     x1, [sp, #256]
    msr     elr_\el, x0
    msr     spsr_\el, x1
    ldp     x0, x1, [sp, #0]
    ldp     x2, x3, [sp, #16]
    ldp     x4, x5, [sp, #32]
    ldp     x6, x7, [sp, #48]
    ldp     x8, x9, [sp, #64]
    ldp     x10, x11, [sp, #80]
    ldp     x12, x13, [sp, #96]
    ldp     x14, x15, [sp, #112]
    ldp     x16, x17, [sp, #128]
    ldp     x18, x19, [sp, #144]
    ldp     x20, x21, [sp, #160]
    ldp     x22, x23, [sp, #176]
    ldp     x24, x25, [sp, #192]
    ldp     x26, x27, [sp, #208]
    ldp     x28, x29, [sp, #224]
    add     sp, sp, #288
    eret
.endm

/* Vector entries are 128 bytes: save x0/x1, pass the kind, branch. */
.macro VEC el, kind
    .align 7
    sub     sp, sp, #288
    stp     x0, x1, [sp, #0]
    mov     x1, #\kind
    b       common_\el
.endm

/* kind: bits[1:0] = 0 sync, 1 IRQ, 2 FIQ, 3 SError; bits[3:2] = source
 * (0 current EL SP0, 1 current EL SPx, 2 lower EL AArch64, 3 AArch32) */
    .text
common_el1:
    SAVE    el1
    mov     x0, sp
    bl      el1_exception
    RESTORE el1

common_el2:
    SAVE    el2
    mov     x0, sp
    bl      el2_exception
    RESTORE el2

common_el3:
    SAVE    el3
    mov     x0, sp
    bl      el3_exception
    RESTORE el3

    .align 11
    .global vectors_el1
vectors_el1:
    .irp k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    VEC     el1, \k
    .endr

    .align 11
    .global vectors_el2
vectors_el2:
    .irp k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    VEC     el2, \k
    .endr

    .align 11
    .global vectors_el3
vectors_el3:
    .irp k, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
    VEC     el3, \k
    .endr

/* uint64_t psci_hvc/psci_smc(fn, a1, a2, a3) */
    .global psci_hvc
psci_hvc:
    hvc     #0
    ret
    .global psci_smc
psci_smc:
    smc     #0
    ret

/* void semihost_exit(int code): SYS_EXIT (0x18) with
 * ADP_Stopped_ApplicationExit (0x20026) and the exit code. */
    .global semihost_exit
semihost_exit:
    sub     sp, sp, #16
    mov     x1, #0x0026
    movk    x1, #0x2, lsl #16
    str     x1, [sp]
    str     x0, [sp, #8]
    mov     x1, sp
    mov     w0, #0x18
    hlt     #0xf000
    add     sp, sp, #16
    ret

/*
 * Big-endian MMIO accessors: set SCTLR_EL1.EE for exactly one access, so
 * that the stack, literals and code around it stay little-endian.
 */
.macro BE_ON
    mrs     x9, sctlr_el1
    orr     x10, x9, #(1 << 25)
    msr     sctlr_el1, x10
    isb
.endm
.macro BE_OFF
    msr     sctlr_el1, x9
    isb
.endm
    .global be_read64
be_read64:
    BE_ON
    ldr     x0, [x0]
    BE_OFF
    ret
    .global be_read32
be_read32:
    BE_ON
    ldr     w0, [x0]
    BE_OFF
    ret
    .global be_write64
be_write64:
    BE_ON
    str     x1, [x0]
    BE_OFF
    ret
    .global be_write32
be_write32:
    BE_ON
    str     w1, [x0]
    BE_OFF
    ret

/* void el3_eret_to_el1(void (*fn)(void), uint64_t sp, uint64_t spsr):
 * enter fn at EL1 (security state from SCR_EL3.NS, set by the caller)
 * with the given stack; SCTLR_EL1/VBAR_EL1 set as for a normal boot. */
    .global el3_eret_to_el1
el3_eret_to_el1:
    msr     sp_el1, x1
    msr     elr_el3, x0
    msr     spsr_el3, x2
    b       eret_to_el1

/* void el2_eret_to_el1(void (*fn)(void), uint64_t sp, uint64_t spsr) */
    .global el2_eret_to_el1
el2_eret_to_el1:
    msr     sp_el1, x1
    msr     elr_el2, x0
    msr     spsr_el2, x2
    /* fall through */

/* EL1 system registers for the entry, then ERET from the current EL */
eret_to_el1:
    ldr     x0, =0x30d00800
    msr     sctlr_el1, x0
    mov     x0, #(3 << 20)
    msr     cpacr_el1, x0
    adrp    x0, vectors_el1
    add     x0, x0, :lo12:vectors_el1
    msr     vbar_el1, x0
    isb
    eret
    .ltorg
