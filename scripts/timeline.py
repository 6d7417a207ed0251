#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# timeline.py [--json OUT.json] [--svg OUT.svg] [--title TEXT]
#             TRACE[=LABEL][@FROM:TO] ...
#
# Turn a run of the patched QEMU into a timeline of modelled (virtual)
# time.  TRACE is what QEMU's "log" trace backend wrote (-D FILE) with
# these events enabled:
#
#   -trace 'gicsim_*' -trace 'gicv3_icc_*' -trace gicv3_cpuif_update
#   -msg timestamp=on        (optional, see "Times" below)
#
# (LABEL names the run; @FROM:TO shows only FROM to TO microseconds of it
# in the SVG, negative from its end: @-12: is the last 12 us.)
#
# and it writes Chrome/Perfetto trace-event JSON (--json; open it in
# https://ui.perfetto.dev or chrome://tracing) and an SVG (--svg) with,
# per run (several TRACEs: one after the other, each its own process):
#
#   "CPU interface cpu N"   each interrupt from pending (the highest
#                           pending interrupt of that CPU interface,
#                           gicv3_cpuif_update) to activated (ICC_IAR0/1
#                           read) to deactivated (ICC_EOIR with EOImode 0,
#                           or ICC_DIR)
#   "distributor"           each access, its modelled cost on the cost
#   "redistributor cpu N"   path as its duration (gicsim_access_cost)
#   "effects"               each write whose effect completes later, from
#                           the request to completion (gicsim_fx_start,
#                           gicsim_fx_complete), and the accesses that did
#                           not wait for one (gicsim_fx_did_not_wait), as
#                           marks
#
# A track whose slices overlap gets extra lanes, "effects (2)" and so on.
#
# Times.  gicsim's events carry the virtual clock (ns).  QEMU's CPU
# interface events do not: their time is interpolated between the
# nearest gicsim events by the host timestamps that -msg timestamp=on
# adds, and without them is the time of the gicsim event before them.
# An access whose modelled cost runs past the next access on its track
# is drawn up to that access (Perfetto needs the slices of a track to
# nest); its args keep the full cost.  With charge-time=on under -icount
# the modelled time is guest time, and nothing needs clipping.
#
# Trace-event format: "Trace Event Format", Google, the document Chrome's
# tracing and Perfetto's JSON importer follow (phases X, i, M used here).
import argparse
import html
import json
import re
import sys

LINE = re.compile(r"^(?:\d+@(?P<sec>\d+)\.(?P<usec>\d+):)?"
                  r"(?P<name>\w+) (?P<rest>.*)$")
ACCESS = re.compile(r"vclock (?P<v>-?\d+) (?P<frame>\S+) cpu (?P<cpu>-?\d+) "
                    r"(?P<reg>\w+)<(?P<idx>\d+)> write (?P<w>\d) "
                    r"value (?P<value>0x[0-9a-f]+) cycles (?P<cycles>\d+) "
                    r"cost_ps (?P<ps>\d+) path (?P<path>\S+)")
FX_START = re.compile(r"vclock (?P<v>-?\d+) deadline (?P<d>-?\d+) "
                      r"kind (?P<kind>\d+) cpu (?P<cpu>\d+): (?P<what>.*)")
FX_DONE = re.compile(r"deadline (?P<d>-?\d+) kind (?P<kind>\d+) "
                     r"cpu (?P<cpu>\d+): (?P<what>.*)")
HPPI = re.compile(r"CPU i/f (?P<cpu>0x[0-9a-f]+) HPPI update: "
                  r"irq (?P<irq>-?\d+) group (?P<grp>\d+) prio (?P<prio>\d+)")
IAR = re.compile(r"ICC_IAR(?P<g>[01]) read cpu (?P<cpu>0x[0-9a-f]+) "
                 r"value (?P<v>0x[0-9a-f]+)")
EOIR = re.compile(r"ICC_EOIR(?P<g>[01]) write cpu (?P<cpu>0x[0-9a-f]+) "
                  r"value (?P<v>0x[0-9a-f]+)")
DIR = re.compile(r"ICC_DIR write cpu (?P<cpu>0x[0-9a-f]+) "
                 r"value (?P<v>0x[0-9a-f]+)")
CTLR = re.compile(r"ICC_CTLR(?:_EL3)? write cpu (?P<cpu>0x[0-9a-f]+) "
                  r"value (?P<v>0x[0-9a-f]+)")

# Distributor-only frames; RD_base, SGI_base, VLPI_base are a redistributor's
DIST_FRAMES = ("GICD",)
SPECIAL = 1020      # INTIDs 1020-1023 are special (IHI 0069H, 2.2.1)


class TimelineError(Exception):
    pass


class Run:
    """One trace: its slices per track, in virtual ns."""

    def __init__(self, label):
        self.label = label
        self.window = (None, None)     # SVG: (from, to) us, see parse_spec
        # track name -> list of dicts (name, start, dur, args, kind)
        self.tracks = {}
        self.marks = []         # (track, time, name, args)
        self.start = None
        self.end = None

    def add(self, track, name, start, dur, kind, args):
        self.tracks.setdefault(track, []).append(
            {"name": name, "start": start, "dur": max(dur, 0),
             "kind": kind, "args": args})
        self.extend(start)
        self.extend(start + max(dur, 0))

    def mark(self, track, t, name, args):
        self.tracks.setdefault(track, [])
        self.marks.append((track, t, name, args))
        self.extend(t)

    def extend(self, t):
        self.start = t if self.start is None else min(self.start, t)
        self.end = t if self.end is None else max(self.end, t)


def parse(path):
    """The trace's events: (name, host_us or None, match, raw rest)."""
    events = []
    try:
        f = open(path, encoding="utf-8", errors="replace")
    except OSError as e:
        raise TimelineError("%s: %s" % (path, e))
    with f:
        for n, line in enumerate(f, 1):
            m = LINE.match(line.rstrip("\n"))
            if not m:
                continue
            host = None
            if m.group("sec") is not None:
                host = int(m.group("sec")) * 1000000 + int(m.group("usec"))
            events.append((m.group("name"), host, m.group("rest"), n))
    return events


def virtual_times(events):
    """A virtual time (ns) for every event: its own where it has one,
    else interpolated by host time between the nearest that have one."""
    own = []
    latest = None
    for name, host, rest, _ in events:
        v = None
        if name in ("gicsim_access_cost", "gicsim_fx_start",
                    "gicsim_fx_did_not_wait"):
            m = re.match(r"vclock (-?\d+)", rest)
            v = int(m.group(1)) if m else None
        elif name == "gicsim_fx_complete":
            # Completed no earlier than its deadline, and the timer set for
            # the deadline completes it then: the deadline, where it keeps
            # the times in order
            m = re.match(r"deadline (-?\d+)", rest)
            v = int(m.group(1)) if m else None
        if v is not None and latest is not None and v < latest:
            v = None if name == "gicsim_fx_complete" else v
        if v is not None:
            latest = v if latest is None else max(latest, v)
        own.append(v)
    anchors = [i for i, v in enumerate(own) if v is not None]
    if not anchors:
        raise TimelineError("no gicsim event with a virtual time: trace "
                            "with -trace 'gicsim_*' (the gicsim_access_cost "
                            "and gicsim_fx_* events)")
    n = len(events)
    prev, nxt = [None] * n, [None] * n
    last = None
    for i in range(n):
        last = i if own[i] is not None else last
        prev[i] = last
    last = None
    for i in reversed(range(n)):
        last = i if own[i] is not None else last
        nxt[i] = last
    times = []
    for i in range(n):
        p, q = prev[i], nxt[i]
        if own[i] is not None:
            times.append(own[i])
        elif p is None:
            times.append(own[q])
        elif q is None:
            times.append(own[p])
        else:
            h0, h, h1 = events[p][1], events[i][1], events[q][1]
            t = own[p]
            if None not in (h0, h, h1) and h1 > h0:
                frac = min(max((h - h0) / (h1 - h0), 0.0), 1.0)
                t += frac * (own[q] - own[p])
            times.append(t)
    return times


def build(path, label):
    events = parse(path)
    times = virtual_times(events)
    run = Run(label)
    fx_open = {}        # (kind, cpu) -> [start, what, did_not_wait marks]
    pending = {}        # cpu -> {irq: (start, prio, grp)}
    dropped = {}        # cpu -> {irq: (start, prio, grp, dropped at)}
    active = {}         # cpu -> {irq: (start, eoi_time or None)}
    eoimode = {}        # cpu -> ICC_CTLR.EOImode (bit 1)
    last_access = {}    # track -> index of its last slice

    def cpuif(cpu):
        return "CPU interface cpu %d" % cpu

    def withdraw(upto):
        for cpu, d in dropped.items():
            for irq, (s, pr, g, end) in d.items():
                run.add(cpuif(cpu), "INTID %d pending" % irq, s, end - s,
                        "pending", {"intid": irq, "priority": pr,
                                    "group": g, "ended": "no longer "
                                    "pending and enabled for this CPU"})
            d.clear()

    for (name, _, rest, lineno), t in zip(events, times):
        if not name.startswith("gicv3_"):
            withdraw(t)
        if name == "gicsim_access_cost":
            m = ACCESS.match(rest)
            if not m:
                raise TimelineError("%s:%d: gicsim_access_cost: cannot parse "
                                    "'%s'" % (path, lineno, rest))
            frame = m.group("frame")
            track = "distributor" if frame in DIST_FRAMES else \
                "redistributor cpu %s" % m.group("cpu")
            cost = int(m.group("ps")) / 1000.0
            write = m.group("w") == "1"
            reg = m.group("reg")
            if m.group("idx") != "0":
                reg += "<%s>" % m.group("idx")
            args = {"value": m.group("value"), "cycles": int(m.group("cycles")),
                    "cost_ns": cost, "path": m.group("path"),
                    "frame": frame, "vclock_ns": t}
            prev = last_access.get(track)
            if prev is not None:
                p = run.tracks[track][prev]
                if p["start"] + p["dur"] > t:
                    p["dur"] = max(t - p["start"], 0)
                    p["args"]["clipped_to_next_access"] = True
            run.add(track, "%s %s" % ("write" if write else "read", reg), t,
                    cost, "write" if write else "read", args)
            last_access[track] = len(run.tracks[track]) - 1
        elif name == "gicsim_fx_start":
            m = FX_START.match(rest)
            key = (m.group("kind"), m.group("cpu"))
            if key not in fx_open:
                fx_open[key] = [t, m.group("what"), []]
        elif name == "gicsim_fx_did_not_wait":
            m = FX_START.match(rest)
            key = (m.group("kind"), m.group("cpu"))
            run.mark("effects", t, "did not wait",
                     {"effect": m.group("what"), "cpu": int(m.group("cpu")),
                      "deadline_ns": int(m.group("d"))})
        elif name == "gicsim_fx_complete":
            m = FX_DONE.match(rest)
            key = (m.group("kind"), m.group("cpu"))
            start, what, _ = fx_open.pop(key, [None, m.group("what"), []])
            done = int(m.group("d"))
            if start is None:
                continue        # requested before the trace began
            where = "cpu %s" % m.group("cpu") \
                if what.startswith(("GICR", "LPI")) else "distributor"
            run.add("effects", "%s, %s" % (what, where), start,
                    done - start, "effect",
                    {"requested_ns": start, "completed_ns": done,
                     "where": where})
        elif name == "gicv3_cpuif_update":
            m = HPPI.search(rest)
            cpu = int(m.group("cpu"), 16)
            irq, prio = int(m.group("irq")), int(m.group("prio"))
            p = pending.setdefault(cpu, {})
            if prio == 0xff or irq >= SPECIAL or irq < 0:
                hppi = None
            else:
                hppi = irq
            # The highest pending interrupt changed.  QEMU updates it
            # while it activates one, before it traces the ICC_IAR read:
            # what drops out is held until the next event that is not
            # the CPU interface's, and an IAR read of it meanwhile ends
            # it as activated
            d = dropped.setdefault(cpu, {})
            for old in [i for i in p if i != hppi]:
                d[old] = p.pop(old) + (t,)
            if hppi is not None and hppi not in p:
                p[hppi] = d.pop(hppi, (t, prio, int(m.group("grp"))))[:3]
        elif name in ("gicv3_icc_iar0_read", "gicv3_icc_iar1_read"):
            m = IAR.search(rest)
            cpu, irq = int(m.group("cpu"), 16), int(m.group("v"), 16)
            if irq >= SPECIAL:
                continue
            s = pending.setdefault(cpu, {}).pop(irq, None) or \
                dropped.setdefault(cpu, {}).pop(irq, None)
            if s is not None:
                run.add(cpuif(cpu), "INTID %d pending" % irq, s[0], t - s[0],
                        "pending", {"intid": irq, "priority": s[1],
                                    "group": s[2], "ended": "activated "
                                    "(ICC_IAR%s read)" % m.group("g")})
            active.setdefault(cpu, {})[irq] = [t, None]
        elif name == "gicv3_icc_ctlr_write":
            m = CTLR.search(rest)
            if m:
                eoimode[int(m.group("cpu"), 16)] = \
                    (int(m.group("v"), 16) >> 1) & 1
        elif name == "gicv3_icc_eoir_write":
            m = EOIR.search(rest)
            cpu, irq = int(m.group("cpu"), 16), int(m.group("v"), 16) \
                & 0xffffff
            a = active.get(cpu, {})
            if irq in a and not eoimode.get(cpu, 0):
                s = a.pop(irq)[0]
                run.add(cpuif(cpu), "INTID %d active" % irq, s, t - s,
                        "active", {"intid": irq, "ended": "deactivated "
                                   "(ICC_EOIR%s, EOImode 0)" % m.group("g")})
            elif irq in a:
                a[irq][1] = t
        elif name == "gicv3_icc_dir_write":
            m = DIR.search(rest)
            cpu, irq = int(m.group("cpu"), 16), int(m.group("v"), 16) \
                & 0xffffff
            s = active.get(cpu, {}).pop(irq, None)
            if s is not None:
                run.add(cpuif(cpu), "INTID %d active" % irq, s[0], t - s[0],
                        "active", {"intid": irq,
                                   "ended": "deactivated (ICC_DIR)"})
    # What was still open when the trace ended
    withdraw(None)
    end = run.end if run.end is not None else 0
    for (kind, cpu), (start, what, _) in fx_open.items():
        run.add("effects", "%s (still in flight)" % what, start, end - start,
                "effect", {"requested_ns": start, "completed": False})
    for cpu, p in pending.items():
        for irq, (s, pr, g) in p.items():
            run.add(cpuif(cpu), "INTID %d pending" % irq, s, end - s,
                    "pending", {"intid": irq, "priority": pr, "group": g,
                                "ended": "still pending at the end"})
    for cpu, a in active.items():
        for irq, (s, _) in a.items():
            run.add(cpuif(cpu), "INTID %d active" % irq, s, end - s,
                    "active", {"intid": irq,
                               "ended": "still active at the end"})
    if run.start is None:
        raise TimelineError("%s: no gicsim event to show" % path)
    return run


def lanes(slices):
    """Split overlapping slices into lanes where each lane's slices are
    disjoint (a slice's lane: the first whose last slice has ended)."""
    ends = []
    out = []
    for s in sorted(slices, key=lambda s: (s["start"], s["dur"])):
        for i, e in enumerate(ends):
            if e <= s["start"]:
                ends[i] = s["start"] + s["dur"]
                out.append(i)
                break
        else:
            ends.append(s["start"] + s["dur"])
            out.append(len(ends) - 1)
        s["lane"] = out[-1]
    return max(out) + 1 if out else 1


def track_order(name):
    """CPU interfaces, then the distributor, redistributors, effects."""
    m = re.search(r"(\d+)$", name)
    n = int(m.group(1)) if m else 0
    if name.startswith("CPU interface"):
        return (0, n)
    if name == "distributor":
        return (1, 0)
    if name.startswith("redistributor"):
        return (2, n)
    return (3, n)


def rows(run):
    """(row name, slices, marks) in display order; a track whose slices
    overlap (effects, interrupts pending while another is active) is
    split in lanes, "NAME (2)"..."""
    out = []
    for track in sorted(run.tracks, key=track_order):
        slices = run.tracks[track]
        marks = [mk for mk in run.marks if mk[0] == track]
        n = lanes(slices)
        for lane in range(n):
            name = track if lane == 0 else "%s (%d)" % (track, lane + 1)
            out.append((name, [s for s in slices
                               if s.get("lane", 0) == lane],
                        marks if lane == 0 else []))
    return out


def chrome(runs, title):
    ev = []
    for pid, run in enumerate(runs, 1):
        ev.append({"ph": "M", "pid": pid, "tid": 0, "name": "process_name",
                   "args": {"name": run.label}})
        ev.append({"ph": "M", "pid": pid, "tid": 0,
                   "name": "process_sort_index", "args": {"sort_index": pid}})
        for tid, (name, slices, marks) in enumerate(rows(run), 1):
            ev.append({"ph": "M", "pid": pid, "tid": tid,
                       "name": "thread_name", "args": {"name": name}})
            ev.append({"ph": "M", "pid": pid, "tid": tid,
                       "name": "thread_sort_index",
                       "args": {"sort_index": tid}})
            for s in slices:
                # ts and dur are in microseconds
                ev.append({"ph": "X", "pid": pid, "tid": tid,
                           "name": s["name"], "cat": s["kind"],
                           "ts": s["start"] / 1000.0,
                           "dur": s["dur"] / 1000.0, "args": s["args"]})
            for _, t, mname, args in marks:
                ev.append({"ph": "i", "s": "t", "pid": pid, "tid": tid,
                           "name": mname, "cat": "did-not-wait",
                           "ts": t / 1000.0, "args": args})
    return {"traceEvents": ev, "displayTimeUnit": "ns",
            "otherData": {"title": title, "time": "virtual clock, ns",
                          "generator": "gicsim scripts/timeline.py"}}


# ---- SVG ----

COLOURS = {"read": "#0072b2", "write": "#d55e00", "effect": "#009e73",
           "pending": "#e69f00", "active": "#cc79a7", "did-not-wait": "#000000"}
LABEL_W, PLOT_W, ROW_H, GAP, TOP = 190, 900, 22, 6, 44


def fmt_t(ns):
    if abs(ns) >= 1e6:
        return "%.3g ms" % (ns / 1e6)
    if abs(ns) >= 1e3:
        return "%.4g us" % (ns / 1e3)
    return "%.0f ns" % ns


def nice_step(span):
    raw = span / 8.0 if span > 0 else 1.0
    mag = 10 ** len(str(int(raw))) / 10 if raw >= 1 else 1
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return m * mag
    return 10 * mag


def short(s):
    """A slice's label inside its bar: an effect by the bit software polls
    ("GICD_CTLR.RWP"), an interrupt by its INTID and state."""
    m = re.search(r"\(([\w.]+)\)", s["name"])
    if s["kind"] == "effect" and m:
        return "%s %s" % (m.group(1), s["args"].get("where", ""))
    return s["name"]


def window(run):
    """The run's SVG window in ns: its @FROM:TO (us from the start; a
    negative one from the end), else all of it."""
    def at(v, default):
        if v is None:
            return default
        return (run.end if v < 0 else run.start) + v * 1000
    lo = at(run.window[0], run.start)
    hi = at(run.window[1], run.end)
    return max(lo, run.start), min(max(hi, lo + 1), run.end)


def parse_spec(spec):
    """TRACE[=LABEL][@FROM:TO]: FROM and TO in us from the start of the
    run, negative from its end, either may be empty."""
    path, _, rest = spec.partition("=")
    if "@" in (rest or path):
        if rest:
            rest, _, win = rest.rpartition("@")
        else:
            path, _, win = path.rpartition("@")
        lo, sep, hi = win.partition(":")
        try:
            window = (float(lo) if lo else None, float(hi) if hi else None)
        except ValueError:
            window = None
        if not sep or window is None:
            raise TimelineError("%s: expected @FROM:TO in microseconds "
                                "(e.g. @-12: for the last 12 us)" % spec)
    else:
        window = (None, None)
    return path, rest or path, window


def svg(runs, title):
    out = []
    y = TOP
    body = []
    for run in runs:
        t0, t1 = window(run)
        span = max(t1 - t0, 1)
        scale = PLOT_W / span
        rs = rows(run)
        h = len(rs) * ROW_H
        shown = run.label
        if (t0, t1) != (run.start, run.end):
            shown += " (from %s to %s of %s)" % (
                fmt_t(t0 - run.start), fmt_t(t1 - run.start),
                fmt_t(run.end - run.start))
        body.append('<text class="run" x="4" y="%d">%s</text>'
                    % (y + 14, html.escape(shown)))
        y += 22
        # time axis
        step = nice_step(span)
        tick = 0
        while tick <= span:
            x = LABEL_W + tick * scale
            body.append('<line class="grid" x1="%.1f" y1="%d" x2="%.1f" '
                        'y2="%d"/>' % (x, y, x, y + h))
            body.append('<text class="tick" x="%.1f" y="%d">%s</text>'
                        % (x, y + h + 12, fmt_t(t0 - run.start + tick)))
            tick += step
        for i, (name, slices, marks) in enumerate(rs):
            ry = y + i * ROW_H
            kind = name.split(" ")[0]
            body.append('<g class="track" data-track="%s">' % html.escape(name))
            body.append('<rect class="band%s" x="%d" y="%d" width="%d" '
                        'height="%d"/>' % (" odd" if i % 2 else "", 0, ry,
                                           LABEL_W + PLOT_W, ROW_H))
            body.append('<text class="label" x="4" y="%d">%s</text>'
                        % (ry + 15, html.escape(name)))
            for s in slices:
                a, b = max(s["start"], t0), min(s["start"] + s["dur"], t1)
                if b < a or (b == a and s["dur"] > 0 and b in (t0, t1)):
                    continue        # outside the window
                x = LABEL_W + (a - t0) * scale
                w = max((b - a) * scale, 1.0)
                tip = "%s: %s at %s" % (s["name"], fmt_t(s["dur"]),
                                        fmt_t(s["start"] - t0))
                body.append('<rect x="%.2f" y="%d" width="%.2f" height="%d" '
                            'fill="%s"><title>%s</title></rect>'
                            % (x, ry + 3, w, ROW_H - 6, COLOURS[s["kind"]],
                               html.escape(tip)))
                if kind in ("CPU", "effects") and w > 30:
                    body.append('<text class="in" x="%.1f" y="%d">%s</text>'
                                % (x + 3, ry + 15,
                                   html.escape(short(s)[:int(w / 6)])))
            for _, t, mname, args in marks:
                if not t0 <= t <= t1:
                    continue
                x = LABEL_W + (t - t0) * scale
                body.append('<path d="M%.1f %d l-5 -8 h10 z" fill="%s">'
                            '<title>%s: %s</title></path>'
                            % (x, ry + ROW_H - 2, COLOURS["did-not-wait"],
                               html.escape(mname),
                               html.escape(args.get("effect", ""))))
            body.append('</g>')
        y += h + 18 + GAP
    legend_y = y + 6
    x = 4
    for k in ("read", "write", "effect", "pending", "active"):
        body.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>'
                    '<text class="tick" x="%d" y="%d">%s</text>'
                    % (x, legend_y, COLOURS[k], x + 16, legend_y + 10,
                       {"read": "read (modelled cost)",
                        "write": "write (modelled cost)",
                        "effect": "effect in flight",
                        "pending": "interrupt pending",
                        "active": "interrupt active"}[k]))
        x += 170
    body.append('<path d="M%d %d l-5 -8 h10 z" fill="#000"/><text '
                'class="tick" x="%d" y="%d">did not wait</text>'
                % (x + 6, legend_y + 12, x + 16, legend_y + 10))
    height = legend_y + 24
    width = LABEL_W + PLOT_W + 50
    out.append('<svg xmlns="http://www.w3.org/2000/svg" width="%d" '
               'height="%d" viewBox="0 0 %d %d" font-family="sans-serif">'
               % (width, height, width, height))
    out.append('<style>.band{fill:#ffffff}.band.odd{fill:#f2f2f2}'
               '.label{font-size:12px;fill:#222}.run{font-size:13px;'
               'font-weight:bold}.tick{font-size:10px;fill:#444}'
               '.in{font-size:10px;fill:#fff}.grid{stroke:#ccc;'
               'stroke-width:1}.title{font-size:15px;font-weight:bold}'
               '</style>')
    out.append('<rect width="100%" height="100%" fill="#ffffff"/>')
    out.append('<text class="title" x="4" y="20">%s</text>'
               % html.escape(title))
    out.append('<text class="tick" x="4" y="36">virtual time from the '
               'first event of each run; an access lasts its modelled cost; '
               'gicsim scripts/timeline.py</text>')
    out.extend(body)
    out.append('</svg>')
    return "\n".join(out) + "\n"


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Timeline of a gicsim run (QEMU log-backend trace) as "
        "Chrome/Perfetto trace-event JSON and SVG.",
        epilog="Trace with: -trace 'gicsim_*' -trace 'gicv3_icc_*' "
        "-trace gicv3_cpuif_update -msg timestamp=on -D TRACE "
        "(docs/timeline.rst)")
    ap.add_argument("traces", nargs="+", metavar="TRACE[=LABEL][@FROM:TO]",
                    help="a log-backend trace; LABEL names its run; the SVG "
                    "shows FROM to TO microseconds of it (negative: from "
                    "its end), the JSON all of it")
    ap.add_argument("--json", metavar="OUT.json")
    ap.add_argument("--svg", metavar="OUT.svg")
    ap.add_argument("--title", default="gicsim timeline")
    a = ap.parse_args(argv)
    if not a.json and not a.svg:
        ap.error("nothing to write: give --json and/or --svg")
    runs = []
    try:
        for spec in a.traces:
            path, label, win = parse_spec(spec)
            runs.append(build(path, label))
            runs[-1].window = win
    except TimelineError as e:
        sys.exit("timeline: %s" % e)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(chrome(runs, a.title), f, indent=None)
            f.write("\n")
    if a.svg:
        with open(a.svg, "w", encoding="utf-8") as f:
            f.write(svg(runs, a.title))
    for run in runs:
        n = sum(len(s) for s in run.tracks.values())
        print("timeline: %s: %d slices on %d tracks, %s of virtual time"
              % (run.label, n, len(run.tracks), fmt_t(run.end - run.start)),
              file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
