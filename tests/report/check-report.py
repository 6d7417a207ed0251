#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/report/check-report.py PROBE
#
# Runs gicsim-probe with --json and --junit on the default probe and on a
# script with a failing check, parses what it wrote (json, xml.etree) and
# checks it against the transcript.  Prints TAP.
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

probe = sys.argv[1]
results = []


def check(name, cond, detail=""):
    results.append((name, bool(cond), detail))


def run(args):
    return subprocess.run([probe] + args, capture_output=True, text=True,
                          timeout=300)


with tempfile.TemporaryDirectory() as tmp:
    js = os.path.join(tmp, "t.json")
    xm = os.path.join(tmp, "t.xml")
    p = run(["--json", js, "--junit", xm])
    check("default probe runs with --json and --junit", p.returncode == 0,
          p.stderr)
    objs = []
    try:
        with open(js) as f:
            objs = [json.loads(line) for line in f]
        check("every line of --json is a JSON object",
              objs and all(isinstance(o, dict) for o in objs))
    except (OSError, ValueError) as e:
        check("every line of --json is a JSON object", False, str(e))

    keys = {"script", "model", "line", "statement", "op", "time_ns",
            "register", "element", "address", "width", "security", "value",
            "fields", "expect", "verdict"}
    acc = [o for o in objs if o.get("op") != "irq" and o.get("op") != "fiq"]
    missing = [sorted(keys - o.keys()) for o in acc if keys - o.keys()]
    check("each access has time, register, element, width, Security "
          "state, value, fields, expectation and verdict", acc and
          not missing, str(missing[:3]))

    m = re.search(r"(\d+) checks passed, (\d+) failed", p.stdout)
    npass = sum(o["verdict"] == "pass" for o in objs)
    nfail = sum(o["verdict"] == "fail" for o in objs)
    check("the verdicts add up to the transcript's summary",
          m and (npass, nfail) == (int(m[1]), int(m[2])),
          f"json {npass}/{nfail}, transcript {m and m.groups()}")

    typer = [o for o in objs if o.get("register") == "GICD_TYPER" and
             o["op"] == "read"]
    check("GICD_TYPER is decoded: ITLinesNumber 8, 32-bit, NS",
          typer and typer[0]["fields"].get("ITLinesNumber") == 8 and
          typer[0]["width"] == 32 and typer[0]["security"] == "NS",
          str(typer[:1]))

    times = [o["time_ns"] for o in objs]
    check("virtual time is an integer that never goes back",
          times and all(isinstance(t, int) for t in times) and
          times == sorted(times), str(times[:5]))

    waker = [o for o in objs if o.get("register") == "GICR_WAKER"]
    check("redistributor accesses name their CPU, Secure ones say S",
          waker and waker[0].get("cpu") == 1 and
          waker[0]["security"] == "S", str(waker[:1]))

    try:
        root = ET.parse(xm).getroot()
        cases = root.findall("./testsuite/testcase")
        check("--junit: one test case per check, none failed",
              len(cases) == npass + nfail and
              root.get("failures") == "0", f"{len(cases)} cases")
    except (OSError, ET.ParseError) as e:
        check("--junit: one test case per check, none failed", False,
              str(e))

    # A failing check: verdict fail in JSON, <failure> in JUnit
    bad = os.path.join(tmp, "bad.poke")
    with open(bad, "w") as f:
        f.write("expect GICD_TYPER.ITLinesNumber == 7\nread GICD_CTLR\n")
    p = run(["--json", "-", "--junit", xm, bad])
    objs = [json.loads(line) for line in p.stdout.splitlines()]
    root = ET.parse(xm).getroot()
    fails = root.findall("./testsuite/testcase/failure")
    check("--json - writes JSON alone on stdout; a failed check is a "
          "fail verdict and a JUnit <failure>",
          p.returncode == 1 and len(objs) == 2 and
          objs[0]["verdict"] == "fail" and
          objs[0]["expect"] == {"op": "==", "value": "0x7"} and
          objs[1]["verdict"] is None and len(fails) == 1 and
          "expect == 0x7" in fails[0].get("message") and
          "gicsim-probe: 1 script" in p.stderr,
          p.stdout + p.stderr)

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
