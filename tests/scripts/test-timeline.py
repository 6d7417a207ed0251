#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# scripts/timeline.py on traces written by hand in the format of QEMU's
# log backend: each slice where the events put it (accesses for their
# cost, clipped at the next access; an effect from request to its last
# deadline across a did-not-wait restart; an interrupt pending, activated
# and deactivated, with times between gicsim's events interpolated by
# host time); lanes where slices overlap; the JSON conforms to the
# Trace Event Format (tests/scripts/trace_event_format.py); the SVG is
# well-formed with one group per track; bad input is refused clearly.
# TAP.
import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

top = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_event_format  # noqa: E402

script = os.path.join(top, "scripts", "timeline.py")
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from tap import done, ok  # noqa: E402


def access(host, v, frame, cpu, reg, write, ps, value=0):
    return ("1@1.%06d:gicsim_access_cost vclock %d %s cpu %d %s<0> write %d "
            "value 0x%x cycles 100 cost_ps %d path kvm-vgic-vhe"
            % (host, v, frame, cpu, reg, write, value, ps))


def fx(host, event, v, d, kind, cpu, what):
    if event == "complete":
        return ("1@1.%06d:gicsim_fx_complete deadline %d kind %d cpu %d: %s"
                % (host, d, kind, cpu, what))
    return ("1@1.%06d:gicsim_fx_%s vclock %d deadline %d kind %d cpu %d: %s"
            % (host, event, v, d, kind, cpu, what))


def cpuif(host, text):
    return "1@1.%06d:%s" % (host, text)


RWP = "GICD_CTLR write (GICD_CTLR.RWP)"
PWRR = "GICR_PWRR power transition (GICR_PWRR.RDGPO)"
TRACE = [
    "some_other_event with text",                       # ignored
    access(100, 1000, "GICD", -1, "GICD_CTLR", 1, 400000, 0x12),
    fx(100, "start", 1000, 1500, 0, 0, RWP),
    # 200 ns later: the 400 ns access above is clipped here
    access(110, 1200, "GICD", -1, "GICD_CTLR", 0, 400000),
    # written again while in flight: restarted, did not wait
    fx(120, "did_not_wait", 1300, 1500, 0, 0, RWP),
    fx(120, "start", 1300, 1800, 0, 0, RWP),
    access(120, 1300, "GICD", -1, "GICD_CTLR", 1, 400000),
    # a power-up overlapping the RWP: a second lane
    access(130, 1400, "RD_base", 1, "GICR_PWRR", 1, 500000),
    fx(130, "start", 1400, 21400, 5, 1, PWRR),
    fx(140, "complete", 0, 1800, 0, 0, RWP),
    # INTID 40 becomes the highest pending of cpu 0 at host 150, halfway
    # between the anchors at host 140 (1800 ns) and 160 (2800 ns)
    cpuif(150, "gicv3_cpuif_update GICv3 CPU i/f 0x0 HPPI update: irq 40 "
          "group 2 prio 160"),
    access(160, 2800, "SGI_base", 0, "GICR_ISENABLER0", 0, 300000),
    # QEMU drops it as the HPPI before it traces the IAR read
    cpuif(170, "gicv3_cpuif_update GICv3 CPU i/f 0x0 HPPI update: irq 0 "
          "group 0 prio 255"),
    cpuif(170, "gicv3_icc_iar1_read GICv3 ICC_IAR1 read cpu 0x0 value 0x28"),
    # INTID 33 pending while 40 is active: a second lane; then withdrawn
    cpuif(175, "gicv3_cpuif_update GICv3 CPU i/f 0x0 HPPI update: irq 33 "
          "group 2 prio 200"),
    cpuif(178, "gicv3_cpuif_update GICv3 CPU i/f 0x0 HPPI update: irq 1023 "
          "group 0 prio 255"),
    access(180, 3800, "GICD", -1, "GICD_ICENABLER", 1, 300000),
    cpuif(190, "gicv3_icc_eoir_write GICv3 ICC_EOIR1 write cpu 0x0 "
          "value 0x28"),
    access(200, 4800, "GICD", -1, "GICD_CTLR", 0, 300000),
    # EOImode 1: EOIR drops priority, ICC_DIR deactivates
    cpuif(210, "gicv3_icc_ctlr_write GICv3 ICC_CTLR write cpu 0x1 "
          "value 0x2"),
    cpuif(210, "gicv3_cpuif_update GICv3 CPU i/f 0x1 HPPI update: irq 27 "
          "group 0 prio 16"),
    cpuif(210, "gicv3_icc_iar0_read GICv3 ICC_IAR0 read cpu 0x1 value 0x1b"),
    access(220, 5000, "GICD", -1, "GICD_TYPER", 0, 300000),
    cpuif(230, "gicv3_icc_eoir_write GICv3 ICC_EOIR0 write cpu 0x1 "
          "value 0x1b"),
    access(240, 6000, "GICD", -1, "GICD_TYPER", 0, 300000),
    cpuif(250, "gicv3_icc_dir_write GICv3 ICC_DIR write cpu 0x1 value 0x1b"),
    access(260, 7000, "GICD", -1, "GICD_TYPER", 0, 300000),
    fx(270, "complete", 0, 21400, 5, 1, PWRR),
]


def run(lines, *extra):
    d = tempfile.mkdtemp()
    trace = os.path.join(d, "trace.log")
    with open(trace, "w") as f:
        f.write("\n".join(lines) + "\n")
    j, s = os.path.join(d, "t.json"), os.path.join(d, "t.svg")
    p = subprocess.run([sys.executable, script, trace + "=synthetic" +
                        "".join(extra), "--json", j, "--svg", s],
                       capture_output=True, text=True)
    doc = svg = None
    if p.returncode == 0:
        with open(j) as f:
            doc = json.load(f)
        svg = ET.parse(s).getroot()
    return p, doc, svg


def slices(doc, track):
    names = {(e["pid"], e["tid"]): e["args"]["name"]
             for e in doc["traceEvents"] if e["name"] == "thread_name"}
    return [e for e in doc["traceEvents"] if e["ph"] in ("X", "i")
            and names[(e["pid"], e["tid"])] == track]


def near(a, b):
    return abs(a - b) < 1e-6


p, doc, svg = run(TRACE)
ok(p.returncode == 0, "timeline.py accepts the trace", p.stderr)
bad = trace_event_format.check(doc)
ok(not bad, "the JSON conforms to the Trace Event Format", "; ".join(bad))
ok(doc["displayTimeUnit"] == "ns", "displayTimeUnit is ns")

tracks = sorted(e["args"]["name"] for e in doc["traceEvents"]
                if e["name"] == "thread_name")
want = sorted(["CPU interface cpu 0", "CPU interface cpu 0 (2)",
               "CPU interface cpu 1", "distributor", "redistributor cpu 0",
               "redistributor cpu 1", "effects", "effects (2)"])
ok(tracks == want, "one track per CPU interface, distributor, "
   "redistributor, effects (and lanes)", str(tracks))

d = slices(doc, "distributor")
ok(len(d) == 8 and d[0]["name"] == "write GICD_CTLR" and
   near(d[0]["ts"], 1.0) and near(d[0]["dur"], 0.2) and
   d[0]["args"]["cost_ns"] == 400.0 and
   d[0]["args"].get("clipped_to_next_access"),
   "an access runs for its cost, clipped at the next access on its track",
   json.dumps(d[:1]))
ok(near(d[2]["dur"], 0.4) and "clipped_to_next_access" not in d[2]["args"],
   "an access with room keeps its full modelled cost", json.dumps(d[2]))
r = slices(doc, "redistributor cpu 1")
ok(len(r) == 1 and r[0]["name"] == "write GICR_PWRR" and
   r[0]["args"]["frame"] == "RD_base", "RD_base access on its "
   "redistributor's track", json.dumps(r))
ok(len(slices(doc, "redistributor cpu 0")) == 1, "SGI_base access on its "
   "redistributor's track")

fxs = slices(doc, "effects") + slices(doc, "effects (2)")
rwp = [e for e in fxs if e["ph"] == "X" and "RWP" in e["name"]]
pwrr = [e for e in fxs if e["ph"] == "X" and "PWRR" in e["name"]]
mark = [e for e in fxs if e["ph"] == "i"]
ok(len(rwp) == 1 and near(rwp[0]["ts"], 1.0) and near(rwp[0]["dur"], 0.8),
   "an effect restarted while in flight: one slice from the first request "
   "to the last deadline", json.dumps(rwp))
ok(len(mark) == 1 and near(mark[0]["ts"], 1.3) and
   mark[0]["name"] == "did not wait" and mark[0]["s"] == "t",
   "the access that did not wait is marked", json.dumps(mark))
ok(len(pwrr) == 1 and near(pwrr[0]["dur"], 20.0) and
   pwrr[0]["args"]["where"] == "cpu 1" and
   slices(doc, "effects (2)") == pwrr,
   "overlapping effects: a second lane", json.dumps(pwrr))

c0 = slices(doc, "CPU interface cpu 0")
pend = [e for e in c0 if e["name"] == "INTID 40 pending"]
act = [e for e in c0 if e["name"] == "INTID 40 active"]
# host 150 between (140, 1800 ns) and (160, 2800 ns): 2300 ns
ok(len(pend) == 1 and near(pend[0]["ts"], 2.3),
   "an event without virtual time is interpolated by host time",
   json.dumps(pend))
ok(len(pend) == 1 and pend[0]["args"]["ended"].startswith("activated") and
   near(pend[0]["ts"] + pend[0]["dur"], act[0]["ts"]),
   "pending until the ICC_IAR1 read, though QEMU traced the HPPI drop "
   "first", json.dumps(pend))
ok(len(act) == 1 and "ICC_EOIR1" in act[0]["args"]["ended"],
   "active until ICC_EOIR1 (EOImode 0)", json.dumps(act))
w = slices(doc, "CPU interface cpu 0 (2)")
ok(len(w) == 1 and w[0]["name"] == "INTID 33 pending" and
   w[0]["args"]["ended"].startswith("no longer pending"),
   "an interrupt that stops being pending unacknowledged; its own lane",
   json.dumps(w))
c1 = [e for e in slices(doc, "CPU interface cpu 1") if "active" in e["name"]]
ok(len(c1) == 1 and c1[0]["args"]["ended"] == "deactivated (ICC_DIR)" and
   near(c1[0]["ts"] + c1[0]["dur"], 6.5),
   "EOImode 1: active until ICC_DIR, not ICC_EOIR", json.dumps(c1))

groups = [g.get("data-track") for g in svg.iter("{http://www.w3.org/2000/svg}g")]
ok(sorted(groups) == want, "the SVG has one group per track", str(groups))
rects = [r for r in svg.iter("{http://www.w3.org/2000/svg}rect")
         if r.get("fill") == "#009e73"]
ok(len(rects) >= 2, "the SVG draws the effects", str(len(rects)))

p, doc, svg = run(TRACE, "@-1:")
title = [t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")
         if t.get("class") == "run"]
ok(p.returncode == 0 and title and "from 19.4 us to 20.4 us of 20.4 us"
   in title[0], "@-1: shows the last microsecond", str(title))

p, _, _ = run(TRACE, "@x:")
ok(p.returncode != 0 and "expected @FROM:TO" in p.stderr,
   "a bad window is refused, naming what is expected", p.stderr)
p, _, _ = run(["gicv3_icc_pmr_write GICv3 ICC_PMR write cpu 0x0 value 0xff"])
ok(p.returncode != 0 and "no gicsim event with a virtual time" in
   p.stderr, "a trace without gicsim's events is refused, saying what to "
   "enable", p.stderr)
p = subprocess.run([sys.executable, script, "/nonexistent.log", "--json",
                    "/dev/null"], capture_output=True, text=True)
ok(p.returncode != 0 and "/nonexistent.log" in p.stderr,
   "a missing trace is named", p.stderr)

# The validator itself rejects what Perfetto would not take
bad = trace_event_format.check({"traceEvents": [
    {"ph": "X", "pid": 1, "tid": 1, "name": "a", "ts": 0, "dur": 2},
    {"ph": "X", "pid": 1, "tid": 1, "name": "b", "ts": 1, "dur": 2},
    {"ph": "X", "pid": 1, "tid": 1, "name": "c", "ts": 5},
    {"ph": "M", "pid": 1, "tid": 1, "name": "thread_name", "args": {}},
    {"ph": "Q", "pid": 1, "tid": 1, "name": "d", "ts": 0}]})
ok(len(bad) == 4, "the format check finds overlap, a missing dur, bad "
   "metadata and an unknown phase", "; ".join(bad))

done()
