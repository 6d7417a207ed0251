#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: cost-report.py STATS.json [--svg OUT.svg] [--top N]
#                       [--profile FILE] [--json OUT.json]
#
# Turn arm-gicv3-sim's cost statistics (the cost-stats property read with
# QMP qom-get, or the cost-stats-file written at exit; docs/cost.rst)
# into a readable table on stdout and, with --svg, a bar chart: the
# modelled cost per register, each bar split by path step, and the cost
# per step.  Accesses through realm shims (the "realm" object) get a
# second table, on the realm path; the chart shows the direct ones.
#
# Every step cost comes from the profile, where each key says where its
# value comes from: [published], [measured], [fitted] (to published
# totals; "share assumed" when the split of the total between steps is
# an assumption) or [assumption].  The table, the chart's legend and
# --json (the statistics with a "source" per step) carry that tag, so an
# assumed split is never shown as a measured breakdown.  The tags are the
# statistics' step-sources (the device records them), else those of
# --profile FILE or of the statistics' profile-file (a shipped profile:
# hw/intc/gicsim/cost-profiles/ of this checkout).
import argparse
import html
import json
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# One colour per step, in path order: Okabe-Ito's colour-blind-safe
# eight, then colours far from all of them
# (tests/scripts/test-cost-report.py checks that no two are close)
PALETTE = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7",
           "#56b4e9", "#f0e442", "#000000", "#999999", "#8c564b",
           "#6a3d9a", "#b2df8a", "#ff1493", "#005a32", "#ffffbf",
           "#7b0000", "#c7c7ff", "#808000"]

# Steps the model derives from other keys (docs/cost.rst)
DERIVED = {"stage2-walk": "walk-step", "tlb-miss-walk": "walk-step"}
TAG_RE = re.compile(r"^([A-Za-z0-9.-]+)\s*=\s*(\S+)\s*\[(\w+)\]\s*(.*)$")


def load(path):
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("cost-report: %s: %s" % (path, e))
    for key in ("profile", "path", "registers", "steps", "cycles", "ns",
                "clock-mhz"):
        if key not in d:
            sys.exit("cost-report: %s: not a cost statistics file "
                     "(no '%s')" % (path, key))
    return d


def fmt_ns(ns):
    if ns >= 10000000:
        return "%.1f ms" % (ns / 1e6)
    if ns >= 10000:
        return "%.1f us" % (ns / 1e3)
    return "%.0f ns" % ns


def unit_for(max_ns):
    """One unit for every label of a chart, from its largest value"""
    if max_ns >= 10000000:
        return 1e6, "ms"
    if max_ns >= 10000:
        return 1e3, "us"
    return 1.0, "ns"


def fmt_in(ns, unit):
    div, name = unit
    return ("%.0f %s" if name == "ns" else "%.1f %s") % (ns / div, name)


def profile_path(d, given):
    if given:
        return given
    f = d.get("profile-file")
    if not f:
        return None
    for cand in (f, os.path.join(TOP, "hw", "intc", "gicsim", f)):
        if os.path.isfile(cand):
            return cand
    return None


def read_tags(path):
    """{key: (tag, note)} of a cost profile (docs/cost.rst, format)"""
    tags = {}
    try:
        with open(path, encoding="utf-8") as f:
            for line in f:
                m = TAG_RE.match(line.strip())
                if m:
                    tags[m[1]] = (m[3], m[4])
    except OSError as e:
        sys.exit("cost-report: --profile %s: %s" % (path, e))
    return tags


def source(tags, step):
    """Where a step's cost comes from: "fitted, share assumed", ..."""
    if not tags:
        return "source unknown"
    key = DERIVED.get(step, step)
    if key not in tags:
        return "source unknown"
    tag, note = tags[key]
    if tag == "fitted" and "share assumed" in note:
        tag = "fitted total, share assumed"
    if step in DERIVED:
        tag = "from %s: %s" % (key, tag)
    return tag


def is_assumed(src):
    return "assum" in src or "unknown" in src


def step_order(d):
    order = d.get("step-order") or sorted(d["steps"])
    return [s for s in order if s in d["steps"]]


def table(d, top, tags=None):
    out = []
    mhz = d["clock-mhz"]
    out.append("profile %s, path %s, %d MHz, stage 2: %d-bit IPA, %d "
               "levels" % (d["profile"], d["path"], mhz,
                           d.get("ipa-bits", 0), d.get("stage2-levels", 0)))
    out.append("%d accesses, %d cycles, %.1f ns modelled (%.1f ns per "
               "access)" % (d["accesses"], d["cycles"], d["ns"],
                            d["ns"] / d["accesses"] if d["accesses"] else 0))
    out.append("")
    regs = sorted(d["registers"].items(), key=lambda kv: -kv[1]["cycles"])
    if top:
        regs = regs[:top]
    w = max([len("register")] + [len(k) for k, _ in regs])
    out.append("%-*s %8s %8s %8s %8s %12s %12s %6s" %
               (w, "register", "reads", "writes", "reads64", "writes64",
                "cycles", "ns", "share"))
    for name, r in regs:
        share = 100.0 * r["cycles"] / d["cycles"] if d["cycles"] else 0
        out.append("%-*s %8d %8d %8d %8d %12d %12.1f %5.1f%%" %
                   (w, name, r["reads"], r["writes"], r["reads64"],
                    r["writes64"], r["cycles"], r["ns"], share))
    out.append("")
    w = max([len("step")] + [len(s) for s in step_order(d)])
    out.append("%-*s %10s %12s %12s %6s  %s" % (w, "step", "count",
                                                "cycles", "ns", "share",
                                                "source"))
    for s in step_order(d):
        st = d["steps"][s]
        share = 100.0 * st["cycles"] / d["cycles"] if d["cycles"] else 0
        out.append("%-*s %10d %12d %12.1f %5.1f%%  [%s]" %
                   (w, s, st["count"], st["cycles"], st["ns"], share,
                    st.get("source") or source(tags, s)))
    return "\n".join(out) + "\n"


def svg(d, top, tags=None):
    steps = step_order(d)
    src = {s: d["steps"][s].get("source") or source(tags, s) for s in steps}
    assumed = [s for s in steps if is_assumed(src[s])]
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(steps)}
    regs = sorted(d["registers"].items(), key=lambda kv: -kv[1]["cycles"])
    if top:
        regs = regs[:top]
    ns_per_cycle = 1000.0 / d["clock-mhz"]
    label_w, bar_w, row_h, pad = 190, 520, 22, 12
    n_rows = len(regs) + len(steps)
    legend_h = 20 * ((len(steps) + 1) // 2)
    height = 90 + row_h * n_rows + 50 + legend_h + 40
    width = label_w + bar_w + 140
    e = []
    e.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" '
             'height="%d" font-family="sans-serif" font-size="12">' %
             (width, height))
    e.append('<rect width="100%" height="100%" fill="white"/>')
    title = "Modelled GIC access cost: %s, path %s" % (d["profile"],
                                                      d["path"])
    e.append('<text x="%d" y="24" font-size="16" font-weight="bold">%s'
             '</text>' % (pad, html.escape(title)))
    e.append('<text x="%d" y="44">%d accesses, %s modelled at %d MHz; '
             'bars split by step</text>' % (pad, d["accesses"],
                                            fmt_ns(d["ns"]), d["clock-mhz"]))

    def bars(y, heading, rows, max_ns):
        unit = unit_for(max_ns)
        e.append('<text x="%d" y="%d" font-weight="bold">%s</text>' %
                 (pad, y, html.escape(heading)))
        y += 10
        for label, parts, total_ns in rows:
            e.append('<text x="%d" y="%d" text-anchor="end">%s</text>' %
                     (label_w - 6, y + 15, html.escape(label)))
            x = label_w
            for step, ns in parts:
                w = bar_w * ns / max_ns if max_ns else 0
                if w > 0:
                    e.append('<rect x="%.2f" y="%d" width="%.2f" height="%d"'
                             ' fill="%s"><title>%s %s: %.1f ns</title>'
                             '</rect>' % (x, y + 3, w, row_h - 6,
                                          colour[step], html.escape(label),
                                          step, ns))
                x += w
            e.append('<text x="%.2f" y="%d">%s</text>' %
                     (x + 4, y + 15, fmt_in(total_ns, unit)))
            y += row_h
        return y

    reg_rows = []
    for name, r in regs:
        parts = [(s, r["steps"].get(s, 0) * ns_per_cycle) for s in steps]
        reg_rows.append((name, parts, r["ns"]))
    max_reg = max([r[2] for r in reg_rows] + [0])
    y = bars(70, "Cost per register (all its accesses)", reg_rows, max_reg)
    step_rows = [(s, [(s, d["steps"][s]["ns"])], d["steps"][s]["ns"])
                 for s in steps]
    max_step = max([r[2] for r in step_rows] + [0])
    y = bars(y + 24, "Cost per step (all accesses)", step_rows, max_step)
    y += 16
    for i, s in enumerate(steps):
        x = pad + (i % 2) * 380
        yy = y + (i // 2) * 20
        e.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' %
                 (x, yy, colour[s]))
        e.append('<text x="%d" y="%d">%s [%s]</text>' %
                 (x + 18, yy + 11, s, html.escape(src[s])))
    y += 20 * ((len(steps) + 1) // 2) + 10
    if assumed:
        share = sum(d["steps"][s]["cycles"] for s in assumed)
        share = 100.0 * share / d["cycles"] if d["cycles"] else 0
        e.append('<text x="%d" y="%d">Not a measured breakdown: %.1f %% of '
                 'the modelled cost is in steps whose cost or share of a '
                 'fitted total</text>' % (pad, y + 4, share))
        e.append('<text x="%d" y="%d">is an assumption (the profile\'s '
                 'tags, in brackets; docs/cost.rst).</text>' % (pad, y + 20))
    e.append("</svg>")
    return "\n".join(e) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Table and SVG chart of "
                                 "arm-gicv3-sim cost statistics")
    ap.add_argument("stats", help="cost statistics JSON (cost-stats-file)")
    ap.add_argument("--svg", help="write a bar chart to this file")
    ap.add_argument("--top", type=int, default=0,
                    help="only the N most costly registers")
    ap.add_argument("--profile", help="the cost profile the statistics "
                    "were made with, for its [tags] (default: the "
                    "statistics' profile-file)")
    ap.add_argument("--json", help="write the statistics with a \"source\""
                    " per step (the profile's tag) to this file")
    a = ap.parse_args()
    d = load(a.stats)
    pf = profile_path(d, a.profile)
    tags = read_tags(pf) if pf else None
    if not a.profile and d.get("step-sources"):
        # the device's own record of its profile's tags
        tags = {}
        for step, e in d["step-sources"].items():
            tags[e.get("from", step)] = (e["source"], e.get("note", ""))
    if not tags:
        print("cost-report: no profile for the tags of %s (--profile "
              "FILE): every step is shown as 'source unknown'" %
              d.get("profile-file", d["profile"]), file=sys.stderr)
    sys.stdout.write(table(d, a.top, tags))
    realm = d.get("realm")
    if realm and realm.get("accesses"):
        # the accesses through the realm shims, on the realm path
        r = dict(realm)
        for key in ("profile", "clock-mhz", "ipa-bits", "stage2-levels"):
            r[key] = d.get(key, 0)
        sys.stdout.write("\nThrough the realm shims (%d accesses, %d not "
                         "forwarded to the GIC):\n" %
                         (realm.get("shim-accesses", 0),
                          realm.get("not-forwarded", 0)))
        sys.stdout.write(table(r, a.top, tags))
    if a.svg:
        with open(a.svg, "w", encoding="utf-8") as f:
            f.write(svg(d, a.top, tags))
    if a.json:
        for part in (d, d.get("realm") or {}):
            for s, st in part.get("steps", {}).items():
                st.setdefault("source", source(tags, s))
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(d, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
