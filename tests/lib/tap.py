# SPDX-License-Identifier: GPL-2.0-or-later
"""TAP for the suite's Python tests: numbered "ok"/"not ok" lines as the
checks run, the plan at the end (scripts/test.sh counts the lines; a TAP
reader also checks the plan), and the exit status."""
import sys

count = 0
failed = 0


def ok(cond, what, detail=""):
    """One check: "ok N - what", or "not ok N - what: detail"."""
    global count, failed
    count += 1
    if cond:
        print("ok %d - %s" % (count, what))
    else:
        failed += 1
        print("not ok %d - %s%s" % (count, what,
                                    ": " + detail if detail else ""))
    sys.stdout.flush()


def done():
    """Print the plan and exit: 1 if any check failed."""
    print("1..%d" % count)
    sys.exit(1 if failed else 0)
