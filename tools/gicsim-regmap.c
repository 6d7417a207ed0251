/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Print the register map, generated from gicsim's register table, as
 * reStructuredText (docs/register-map.rst is built from this).
 */
#include <stdio.h>

#include "gicsim-regs.h"

static void print_fields(const GicsimReg *r)
{
    const GicsimField *f;
    const char *sep = "";

    for (f = r->fields; f && f->name; f++) {
        if (f->width == 1) {
            printf("%s%s[%u]", sep, f->name, f->lsb);
        } else {
            printf("%s%s[%u:%u]", sep, f->name, f->lsb + f->width - 1, f->lsb);
        }
        if (f->flags & GICSIM_FF_SECURE) {
            printf(" (Secure)");
        }
        if (f->flags & GICSIM_FF_WO) {
            printf(" (WO)");
        }
        sep = ", ";
    }
    if (!*sep) {
        printf("-");
    }
}

int main(void)
{
    GicsimFrame frame;
    unsigned id;

    printf("..\n   Generated from hw/intc/gicsim/gicsim-regs-table.c.inc by "
           "tools/gicsim-regmap.c.\n   Do not edit.\n\n");
    printf("Register map\n============\n\n");
    printf("Every register the model decodes, from its register table "
           "(Arm IHI 0069H\nchapter 12). Offsets are from the start of the "
           "frame. Widths are the\naccess sizes in bits the specification "
           "allows; any other access is\nRAZ/WI and logged, or a bus error "
           "with ``strict=on``. *Present* says when\nthe register exists; "
           "otherwise its offset is reserved. *Gates* are the\nconditions "
           "under which the whole register is RAZ/WI to an access, checked\n"
           "before its handler runs: *Secure-only* (to Non-secure accesses "
           "while\nGICD_CTLR.DS is 0), *RAZ/WI if DS* (while GICD_CTLR.DS "
           "is 1), *needs\npower* (while a GIC-600/700 redistributor is "
           "powered down).  A field\nmarked *(Secure)* is RAZ/WI to "
           "Non-secure accesses while DS is 0.\n\n");
    for (frame = 0; frame < GICSIM_FRAME__COUNT; frame++) {
        const char *title = gicsim_frame_name(frame);
        unsigned n = 0, i;

        for (id = 0; id < GICSIM_REG__COUNT; id++) {
            n += gicsim_regs[id].frame == frame;
        }
        if (!n) {
            continue;
        }
        printf("%s\n", title);
        for (i = 0; title[i]; i++) {
            putchar('-');
        }
        printf("\n\n.. list-table::\n   :header-rows: 1\n\n");
        printf("   * - Offset\n     - Register\n     - Widths\n"
               "     - Access\n     - Banked\n     - Gates\n"
               "     - Present\n     - Reset\n     - Fields\n");
        for (id = 0; id < GICSIM_REG__COUNT; id++) {
            const GicsimReg *r = &gicsim_regs[id];
            char gates[64];

            if (r->frame != frame) {
                continue;
            }
            if (r->count > 1) {
                printf("   * - 0x%04x-0x%04x\n     - %s<n>, n = %u-%u\n",
                       r->offset, r->offset + r->count * r->size - 1,
                       r->name, r->first, r->first + r->count - 1);
            } else {
                printf("   * - 0x%04x\n     - %s\n", r->offset, r->name);
            }
            printf("     - %s\n     - %s\n     - %s\n     - %s\n     - %s\n",
                   gicsim_widths_name(r->widths),
                   gicsim_access_name(r->access), gicsim_bank_name(r->bank),
                   gicsim_gates_name(gicsim_reg_gates(r), gates,
                                     sizeof(gates)),
                   gicsim_avail_name(r->avail));
            if (r->reset_computed) {
                printf("     - configuration\n");
            } else {
                printf("     - 0x%llx\n", (unsigned long long)r->reset);
            }
            printf("     - ");
            print_fields(r);
            printf("\n");
        }
        printf("\n");
    }
    return 0;
}
