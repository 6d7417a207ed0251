/* SPDX-License-Identifier: GPL-2.0-or-later */
/* System register accessors.  GIC CPU interface registers are named by
 * their encodings (IHI 0069, AArch64 System register descriptions) so any assembler accepts them. */
#ifndef GUEST_SYSREG_H
#define GUEST_SYSREG_H
#include <stdint.h>

#define read_sysreg(r) ({ uint64_t __v; \
    __asm__ volatile("mrs %0, " #r : "=r"(__v) :: "memory"); __v; })
#define write_sysreg(r, v) do { uint64_t __v = (uint64_t)(v); \
    __asm__ volatile("msr " #r ", %0" :: "r"(__v) : "memory"); } while (0)

#define ICC_PMR_EL1      S3_0_C4_C6_0
#define ICC_IAR0_EL1     S3_0_C12_C8_0
#define ICC_EOIR0_EL1    S3_0_C12_C8_1
#define ICC_HPPIR0_EL1   S3_0_C12_C8_2
#define ICC_BPR0_EL1     S3_0_C12_C8_3
#define ICC_AP0R0_EL1    S3_0_C12_C8_4
#define ICC_AP1R0_EL1    S3_0_C12_C9_0
#define ICC_DIR_EL1      S3_0_C12_C11_1
#define ICC_RPR_EL1      S3_0_C12_C11_3
#define ICC_SGI1R_EL1    S3_0_C12_C11_5
#define ICC_ASGI1R_EL1   S3_0_C12_C11_6
#define ICC_SGI0R_EL1    S3_0_C12_C11_7
#define ICC_IAR1_EL1     S3_0_C12_C12_0
#define ICC_EOIR1_EL1    S3_0_C12_C12_1
#define ICC_HPPIR1_EL1   S3_0_C12_C12_2
#define ICC_BPR1_EL1     S3_0_C12_C12_3
#define ICC_CTLR_EL1     S3_0_C12_C12_4
#define ICC_SRE_EL1      S3_0_C12_C12_5
#define ICC_IGRPEN0_EL1  S3_0_C12_C12_6
#define ICC_IGRPEN1_EL1  S3_0_C12_C12_7
#define ICC_SRE_EL2      S3_4_C12_C9_5
#define ICH_HCR_EL2      S3_4_C12_C11_0
#define ICH_VTR_EL2      S3_4_C12_C11_1
#define ICH_MISR_EL2     S3_4_C12_C11_2
#define ICH_VMCR_EL2     S3_4_C12_C11_7
#define ICC_CTLR_EL3     S3_6_C12_C12_4
#define ICC_SRE_EL3      S3_6_C12_C12_5
#define ICC_IGRPEN1_EL3  S3_6_C12_C12_7

#define isb()  __asm__ volatile("isb" ::: "memory")
#define dsb(o) __asm__ volatile("dsb " #o ::: "memory")
#define wfi()  __asm__ volatile("wfi" ::: "memory")
#define local_irq_enable()  __asm__ volatile("msr daifclr, #2" ::: "memory")
#define local_irq_disable() __asm__ volatile("msr daifset, #2" ::: "memory")
#define local_fiq_enable()  __asm__ volatile("msr daifclr, #1" ::: "memory")
#define local_fiq_disable() __asm__ volatile("msr daifset, #1" ::: "memory")

static inline unsigned current_el(void)
{
    return (read_sysreg(CurrentEL) >> 2) & 3;
}
#endif
