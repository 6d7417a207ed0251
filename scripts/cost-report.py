#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# cost-report.py STATS.json [--svg OUT.svg] [--top N]
#
# Turn arm-gicv3-sim's cost statistics (the cost-stats property read with
# QMP qom-get, or the cost-stats-file written at exit; docs/cost.rst)
# into a readable table on stdout and, with --svg, a bar chart: the
# modelled cost per register, each bar split by path step, and the cost
# per step.  Accesses through realm shims (the "realm" object) get a
# second table, on the realm path; the chart shows the direct ones.
import argparse
import html
import json
import sys

# One colour per step, in path order (colour-blind-safe palette first)
PALETTE = ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7",
           "#56b4e9", "#f0e442", "#000000", "#999999", "#8c564b",
           "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
           "#7f7f7f", "#bcbd22", "#17becf"]


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


def step_order(d):
    order = d.get("step-order") or sorted(d["steps"])
    return [s for s in order if s in d["steps"]]


def table(d, top):
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
    out.append("%-*s %10s %12s %12s %6s" % (w, "step", "count", "cycles",
                                            "ns", "share"))
    for s in step_order(d):
        st = d["steps"][s]
        share = 100.0 * st["cycles"] / d["cycles"] if d["cycles"] else 0
        out.append("%-*s %10d %12d %12.1f %5.1f%%" %
                   (w, s, st["count"], st["cycles"], st["ns"], share))
    return "\n".join(out) + "\n"


def svg(d, top):
    steps = step_order(d)
    colour = {s: PALETTE[i % len(PALETTE)] for i, s in enumerate(steps)}
    regs = sorted(d["registers"].items(), key=lambda kv: -kv[1]["cycles"])
    if top:
        regs = regs[:top]
    ns_per_cycle = 1000.0 / d["clock-mhz"]
    label_w, bar_w, row_h, pad = 190, 520, 22, 12
    n_rows = len(regs) + len(steps)
    legend_h = 20 * ((len(steps) + 2) // 3)
    height = 90 + row_h * n_rows + 50 + legend_h
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
                     (x + 4, y + 15, fmt_ns(total_ns)))
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
        x = pad + (i % 3) * 240
        yy = y + (i // 3) * 20
        e.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' %
                 (x, yy, colour[s]))
        e.append('<text x="%d" y="%d">%s</text>' % (x + 18, yy + 11, s))
    e.append("</svg>")
    return "\n".join(e) + "\n"


def main():
    ap = argparse.ArgumentParser(description="Table and SVG chart of "
                                 "arm-gicv3-sim cost statistics")
    ap.add_argument("stats", help="cost statistics JSON (cost-stats-file)")
    ap.add_argument("--svg", help="write a bar chart to this file")
    ap.add_argument("--top", type=int, default=0,
                    help="only the N most costly registers")
    a = ap.parse_args()
    d = load(a.stats)
    sys.stdout.write(table(d, a.top))
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
        sys.stdout.write(table(r, a.top))
    if a.svg:
        with open(a.svg, "w", encoding="utf-8") as f:
            f.write(svg(d, a.top))


if __name__ == "__main__":
    main()
