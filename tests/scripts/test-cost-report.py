#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# scripts/cost-report.py on a statistics file made by hand: the table
# shows every register and step with the file's numbers, the SVG is
# well-formed and has one bar segment per non-zero (register, step) and
# one bar per step, with lengths proportional to the cost.  TAP.
import importlib.util
import json
import math
import os
import re
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

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from tap import done, ok as check  # noqa: E402


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
    # The profile's tags reach the table, the legend and --json; an
    # assumed split is called so in the chart
    del stats["realm"]
    prof = os.path.join(d, "p.profile")
    with open(prof, "w") as f:
        f.write("world-switch = 450 [fitted] 80 % of hyp_call (share "
                "assumed; the sum is fitted)\n"
                "vgic-handler = 150 [published] a paper\n")
    stats["steps"]["world-switch"]["ns"] = 45000.0
    stats["registers"]["GICD_CTLR"]["ns"] = 40000.0
    with open(js, "w") as f:
        json.dump(stats, f)
    jo = os.path.join(d, "tagged.json")
    out = subprocess.run([sys.executable, report, js, "--svg", sv,
                          "--profile", prof, "--json", jo],
                         capture_output=True, text=True)
    lines = out.stdout.splitlines()
    check(out.returncode == 0 and
          [l for l in lines if l.startswith("world-switch")][0]
          .endswith("[fitted total, share assumed]") and
          [l for l in lines if l.startswith("vgic-handler")][0]
          .endswith("[published]"), "the table gives each step's source")
    texts = ["".join(t.itertext()) for t in ET.parse(sv).getroot().iter(
        "{http://www.w3.org/2000/svg}text")]
    check("world-switch [fitted total, share assumed]" in texts and
          "vgic-handler [published]" in texts, "the legend carries the tags")
    check(any(t.startswith("Not a measured breakdown: 75.0 % of the "
                           "modelled cost") for t in texts),
          "the chart says which share of the cost is assumed")
    with open(jo) as f:
        tagged = json.load(f)
    check(tagged["steps"]["world-switch"]["source"] ==
          "fitted total, share assumed", "--json: a source per step")
    labels = [t for t in texts if re.fullmatch(r"[0-9.]+ (ns|us|ms)", t)]
    check(labels and len({t.split()[1] for t in labels[:2]}) == 1 and
          all(t.endswith(" us") for t in labels[:2]),
          "one unit for the labels of a chart: %s" % labels)
    # A shipped profile, found from the statistics' profile-file
    stats["profile-file"] = "cost-profiles/ampere-altra.profile"
    with open(js, "w") as f:
        json.dump(stats, f)
    out = subprocess.run([sys.executable, report, js], capture_output=True,
                         text=True)
    check("[fitted total, share assumed]" in out.stdout and
          "source unknown" not in out.stdout,
          "a shipped profile's tags are found from profile-file")

    # The device's step-sources, with no profile file to read
    stats["profile-file"] = "/nonexistent.profile"
    stats["step-sources"] = {
        "world-switch": {"source": "assumption", "note": "n"},
        "vgic-handler": {"source": "measured", "note": "m"}}
    with open(js, "w") as f:
        json.dump(stats, f)
    out = subprocess.run([sys.executable, report, js], capture_output=True,
                         text=True)
    check("[assumption]" in out.stdout and "[measured]" in out.stdout and
          not out.stderr, "the statistics' step-sources are the tags")

# No two colours of the palette look alike (RGB distance)
spec = importlib.util.spec_from_file_location("cost_report", report)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
rgb = [tuple(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in mod.PALETTE]
close = [(mod.PALETTE[i], mod.PALETTE[j]) for i in range(len(rgb))
         for j in range(i) if math.dist(rgb[i], rgb[j]) < 60]
check(not close, "no two legend colours within distance 60: %s" % close)
done()
