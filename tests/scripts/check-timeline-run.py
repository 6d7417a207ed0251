#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/scripts/check-timeline-run.py JSON SVG [PNG]
#
# Checks the timeline tests/scripts/test-timeline-run.sh made of two
# guest runs on a GIC-600 (tests/guest/fw_power.c: TF-A's power-up at
# EL3; tests/guest/late_irq.c: the late interrupt) against what the
# programs did: the JSON conforms to the Trace Event Format; the power-up
# and wake of each redistributor are effects of the profile's GICR_PWRR
# and GICR_WAKER durations, polled until they complete; the GICD_CTLR.RWP
# waits are there and polled past; INTID 40 is activated while the
# GICD_ICENABLER write that disabled it is still in flight (the late
# interrupt).  With PNG (the SVG rendered by headless Chromium): each
# track's band shows the colours of what it holds.  TAP.
import json
import os
import struct
import sys
import xml.etree.ElementTree as ET
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import trace_event_format  # noqa: E402

PWRR_NS = 20000     # gic-600 profile: GICR_PWRR transition
RWP_NS = 500        # gic-600 profile: RWP
WAKER_NS = 2000     # gic-600 profile: GICR_WAKER.ChildrenAsleep
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from tap import done, ok  # noqa: E402


def tracks(doc, pid):
    names = {e["tid"]: e["args"]["name"] for e in doc["traceEvents"]
             if e["name"] == "thread_name" and e["pid"] == pid}
    out = {}
    for e in doc["traceEvents"]:
        if e["pid"] == pid and e["ph"] in ("X", "i"):
            out.setdefault(names[e["tid"]], []).append(e)
    return out


def effects(t):
    return [e for k, v in t.items() if k.startswith("effects") for e in v
            if e["ph"] == "X"]


def near(a, b):
    return abs(a - b) < 1e-3


with open(sys.argv[1]) as f:
    doc = json.load(f)
bad = trace_event_format.check(doc)
ok(not bad, "the JSON conforms to the Trace Event Format", "; ".join(bad[:5]))
procs = {e["pid"]: e["args"]["name"] for e in doc["traceEvents"]
         if e["name"] == "process_name"}
ok(procs == {1: "fw_power", 2: "late_irq"}, "one process per run",
   str(procs))

# fw_power: TF-A's power-up and wake of both redistributors
fw = tracks(doc, 1)
ok({"redistributor cpu 0", "redistributor cpu 1", "effects"} <= set(fw),
   "fw_power: both redistributors, effects", str(sorted(fw)))
for cpu in (0, 1):
    mine = "redistributor cpu %d" % cpu

    def waited(what, ns, reg):
        fx = sorted((e for e in effects(fw) if what in e["name"] and
                     e["args"].get("where") == "cpu %d" % cpu),
                    key=lambda e: e["ts"])
        polls = [e["ts"] for e in fw.get(mine, []) if e["name"] == reg]
        return (fx and all(near(e["dur"], ns / 1000) for e in fx) and
                any(t >= fx[0]["ts"] + fx[0]["dur"] for t in polls)), \
            "%d effects, %d polls" % (len(fx), len(polls))

    good, why = waited("GICR_PWRR", PWRR_NS, "read GICR_PWRR")
    ok(good, "fw_power: cpu %d's power-up is a %d ns GICR_PWRR effect, "
       "and the firmware polls GICR_PWRR until it has completed"
       % (cpu, PWRR_NS), why)
    good, why = waited("GICR_WAKER", WAKER_NS, "read GICR_WAKER")
    ok(good, "fw_power: cpu %d's wake is a %d ns GICR_WAKER effect, "
       "and the firmware polls GICR_WAKER until it has completed"
       % (cpu, WAKER_NS), why)

# late_irq: INTID 40 activated while its disable is in flight
li = tracks(doc, 2)
act = [e for e in li.get("CPU interface cpu 0", [])
       if e["name"] == "INTID 40 active"]
dis = [e for e in effects(li) if e["name"].startswith("GICD_ICENABLER")]
late = [a for a in act for d in dis
        if d["ts"] <= a["ts"] <= d["ts"] + d["dur"]]
ok(len(act) == 1 and len(dis) == 2 and len(late) == 1,
   "late_irq: INTID 40 is activated once, while the first of two "
   "GICD_ICENABLER writes is in flight",
   "active %s, disables %s" % (json.dumps(act), json.dumps(dis)))
ctlr = [e for e in effects(li) if e["name"].startswith("GICD_CTLR write")]
polls = [e["ts"] for e in li.get("distributor", [])
         if e["name"] == "read GICD_CTLR"]
ok(ctlr and all(near(e["dur"], RWP_NS / 1000) for e in ctlr + dis) and
   all(any(t >= e["ts"] + e["dur"] for t in polls) for e in ctlr),
   "late_irq: GICD_CTLR and GICD_ICENABLER writes are %d ns GICD_CTLR.RWP "
   "effects; the program polls GICD_CTLR past them" % RWP_NS,
   "%d GICD_CTLR writes, %d polls" % (len(ctlr), len(polls)))
pend = [e for e in li.get("CPU interface cpu 0", [])
        if e["name"] == "INTID 40 pending"]
ok(len(pend) == 2 and pend[0]["args"]["ended"].startswith("activated") and
   pend[1]["args"]["ended"].startswith("no longer"),
   "late_irq: pending twice; taken the first time, withdrawn by the "
   "disable the second", json.dumps(pend)[:400])


def png_pixels(path):
    """(width, height, rows of (r, g, b)) of an 8-bit RGB or RGBA PNG."""
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, w = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                raise ValueError("PNG depth %d colour type %d" % (depth,
                                                                  ctype))
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = w * bpp
    rows, prev = [], bytearray(stride)
    for y in range(h):
        ft = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 0xff
            elif ft == 2:
                line[i] = (line[i] + b) & 0xff
            elif ft == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif ft == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 0xff
        rows.append([tuple(line[x * bpp:x * bpp + 3]) for x in range(w)])
        prev = line
    return w, h, rows


def rgb(hexcolour):
    return tuple(int(hexcolour[i:i + 2], 16) for i in (1, 3, 5))


if len(sys.argv) > 3:
    NS = "{http://www.w3.org/2000/svg}"
    svg = ET.parse(sys.argv[2]).getroot()
    w, h, px = png_pixels(sys.argv[3])
    ok(w == int(svg.get("width")) and h >= int(svg.get("height")),
       "the PNG is the SVG's size (%dx%d)" % (w, h))
    want = {"effects": ["#009e73"], "distributor": ["#0072b2", "#d55e00"],
            "redistributor": ["#0072b2", "#d55e00"],
            "CPU": ["#e69f00", "#cc79a7"]}
    seen = 0
    for g in svg.iter(NS + "g"):
        name = g.get("data-track")
        band = g.find(NS + "rect")
        y0 = int(band.get("y"))
        y1 = y0 + int(band.get("height"))
        colours = {c for row in px[y0:y1] for c in row}
        need = want[name.split(" ")[0]]
        # one colour of each kind the track holds must show
        held = {s.get("fill") for s in g.findall(NS + "rect")[1:]}
        missing = [c for c in need if c in held and
                   not any(max(abs(a - b) for a, b in zip(rgb(c), p)) <= 3
                           for p in colours)]
        if held & set(need):
            ok(not missing, "PNG: track '%s' (rows %d-%d) shows %s" %
               (name, y0, y1, ", ".join(sorted(held & set(need)))),
               "missing %s" % missing)
        else:
            # no access in this run's window: then no bar may show either
            stray = [c for c in need
                     if any(max(abs(a - b) for a, b in zip(rgb(c), p)) <= 3
                            for p in colours)]
            ok(not stray, "PNG: track '%s' (rows %d-%d) has no bar in its "
               "window and shows none" % (name, y0, y1),
               "shows %s" % stray)
        seen += 1
    rows = sum(1 for e in doc["traceEvents"] if e["name"] == "thread_name")
    ok(seen == rows and seen >= 7, "PNG: every track of both runs checked "
       "(%d of %d)" % (seen, rows))

done()
