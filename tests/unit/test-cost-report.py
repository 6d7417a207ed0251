#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# scripts/cost-report.py on a statistics file made by hand: the table
# shows every register and step with the file's numbers, the SVG is
# well-formed and has one bar segment per non-zero (register, step) and
# one bar per step, with lengths proportional to the cost.  TAP.
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

top = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
report = os.path.join(top, "scripts", "cost-report.py")

stats = {
    "profile": "p", "profile-file": "p.profile", "path": "kvm-vgic-vhe",
    "clock-mhz": 1000, "ipa-bits": 40, "granule": 4096, "stage2-levels": 3,
    "charge-time": False, "accesses": 3, "cycles": 600, "ns": 600.0,
    "step-order": ["world-switch", "vgic-handler"],
    "steps": {
        "world-switch": {"count": 3, "cycles": 450, "ns": 450.0},
        "vgic-handler": {"count": 3, "cycles": 150, "ns": 150.0},
    },
    "registers": {
        "GICD_CTLR": {"reads": 2, "writes": 0, "reads64": 0, "writes64": 0,
                      "cycles": 400, "ns": 400.0,
                      "steps": {"world-switch": 300, "vgic-handler": 100}},
        "(undefined)": {"reads": 0, "writes": 1, "reads64": 0,
                        "writes64": 0, "cycles": 200, "ns": 200.0,
                        "steps": {"world-switch": 150, "vgic-handler": 50}},
    },
}

n = 0
fails = 0


def check(cond, what):
    global n, fails
    n += 1
    print("%s %d - %s" % ("ok" if cond else "not ok", n, what))
    fails += not cond


with tempfile.TemporaryDirectory() as d:
    js, sv = os.path.join(d, "s.json"), os.path.join(d, "s.svg")
    with open(js, "w") as f:
        json.dump(stats, f)
    out = subprocess.run([sys.executable, report, js, "--svg", sv],
                         capture_output=True, text=True)
    check(out.returncode == 0, "cost-report.py runs")
    lines = out.stdout.splitlines()
    check(lines[1].startswith("3 accesses, 600 cycles, 600.0 ns"),
          "totals line")
    row = [l for l in lines if l.startswith("GICD_CTLR")]
    check(len(row) == 1 and row[0].split()[1:7] ==
          ["2", "0", "0", "0", "400", "400.0"], "register row")
    check(row and lines.index(row[0]) <
          lines.index([l for l in lines if l.startswith("(undefined)")][0]),
          "registers by cost, most costly first")
    ws = [l for l in lines if l.startswith("world-switch")]
    check(len(ws) == 1 and ws[0].split()[1:4] == ["3", "450", "450.0"],
          "step row")
    root = ET.parse(sv).getroot()
    rects = [r for r in root.iter("{http://www.w3.org/2000/svg}rect")
             if r.find("{http://www.w3.org/2000/svg}title") is not None]
    # 2 registers x 2 steps, then 2 step bars
    check(len(rects) == 6, "one bar segment per (register, step) and step")
    w = [float(r.get("width")) for r in rects]
    # GICD_CTLR's world-switch (300 ns) is the longest register segment:
    # the scale is the costliest register (400 ns) over 520 px
    check(abs(w[0] - 520 * 300 / 400) < 0.01, "segment length to scale")
    check(abs(w[4] - 520) < 0.01 and abs(w[5] - 520 * 150 / 450) < 0.01,
          "step bars to scale")
    bad = subprocess.run([sys.executable, report, sv], capture_output=True,
                         text=True)
    check(bad.returncode != 0 and "s.svg" in bad.stderr,
          "a file that is not statistics is refused, naming it")
    # the realm object gets its own table, on the realm path
    stats["realm"] = {
        "path": "realm", "accesses": 1, "cycles": 900, "ns": 900.0,
        "shim-accesses": 2, "not-forwarded": 1, "shims": 2,
        "step-order": ["rmm-entry"],
        "steps": {"rmm-entry": {"count": 1, "cycles": 900, "ns": 900.0}},
        "registers": {
            "GICD_TYPER": {"reads": 1, "writes": 0, "reads64": 0,
                           "writes64": 0, "cycles": 900, "ns": 900.0,
                           "steps": {"rmm-entry": 900}}},
    }
    with open(js, "w") as f:
        json.dump(stats, f)
    out = subprocess.run([sys.executable, report, js], capture_output=True,
                         text=True)
    lines = out.stdout.splitlines()
    head = [i for i, l in enumerate(lines)
            if l.startswith("Through the realm shims (2 accesses, 1 not")]
    check(out.returncode == 0 and len(head) == 1 and
          lines[head[0] + 1].startswith("profile p, path realm") and
          [l.split()[1:6] for l in lines[head[0]:]
           if l.startswith("GICD_TYPER")] == [["1", "0", "0", "0", "900"]],
          "the realm accesses in a table of their own")
print("1..%d" % n)
sys.exit(1 if fails else 0)
