/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Help texts and completion for the interactive probe, from the statement
 * list of the parser and the register table.  QEMU-independent.
 */
#ifndef GICSIM_SCRIPT_HELP_H
#define GICSIM_SCRIPT_HELP_H

#include "gicsim-script.h"

/* "help": the statements and what a target can be. */
void gs_help_statements(GString *out);

/*
 * "help NAME": a register's summary, frame, offset, widths, access, reset
 * and fields from the register table.  False (and a suggestion in @out)
 * if there is no register @name.
 */
bool gs_help_register(const char *name, GString *out);

/*
 * The same, with the access rules for machine @m (NULL: in general) and,
 * if @reset is not NULL, that value as the reset value in @m (for
 * registers whose reset depends on the configuration).
 */
/*
 * Whether machine @m has register @r: 1 yes, 0 no (its offset is
 * reserved), -1 the settings do not tell (FEAT_GICv3_NMI: the CPU's)
 */
int gs_reg_present(const GicsimReg *r, const GsMachine *m);

bool gs_help_register_in(const char *name, const GsMachine *m,
                         const uint64_t *reset, GString *out);

/*
 * Completion of @word, the word being typed, where @before is the line
 * up to it.  Appends matching candidates (g_strdup'd) to @out, sorted;
 * returns whether a completed candidate should be followed by a space
 * (false after a register name, which may take "(", "@", "." next).
 */
bool gs_complete(const char *before, const char *word, GPtrArray *out);

#endif
