#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# usage: tests/scripts/check-probe-report.py PROBE
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
    acc = [o for o in objs if o.get("op") not in ("irq", "fiq", "summary")]
    missing = [sorted(keys - o.keys()) for o in acc if keys - o.keys()]
    check("each access has time, register, element, width, Security "
          "state, value, fields, expectation and verdict", acc and
          not missing, str(missing[:3]))

    m = re.search(r"(\d+) checks passed, (\d+) failed", p.stdout)
    summ = [o for o in objs if o.get("op") == "summary"]
    check("one summary record per script, with its totals",
          len(summ) == 1 and m and
          (summ[0]["passed"], summ[0]["failed"]) == (int(m[1]), int(m[2]))
          and summ[0]["verdict"] == "pass", str(summ))
    objs = [o for o in objs if o.get("op") != "summary"]
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
    objs = [o for o in objs if o.get("op") != "summary"]
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

    # A wrong power-up: the Non-secure write to the Secure-only GICR_PWRR
    # is RAZ/WI, and so are the reads the waits make.  With --strict (as
    # a user would try) the waits must fail, and every report must say
    # which access was gated and why.
    pw = os.path.join(tmp, "power-up.poke")
    with open(pw, "w") as f:
        f.write("machine profile=gic-600\n"
                "write GICR_PWRR@cpu1 = 0\n"
                "wait GICR_PWRR@cpu1.RDGPO == 0 within 100us\n"
                "write S GICR_WAKER@cpu1 = 0\n"
                "wait S GICR_WAKER@cpu1.ChildrenAsleep == 0 within 100us\n"
                "read S GICR_PWRR@cpu1\n")
    js2 = os.path.join(tmp, "pw.json")
    p = run(["--strict", "--json", js2, "--junit", xm, pw])
    lines = p.stdout.splitlines()
    w = [l for l in lines if re.match(r"\s+3 ", l)]
    check("a wait satisfied only by gated reads fails, marked on its line",
          p.returncode == 1 and w and " FAIL " in w[0] and
          "[gated (Secure-only): RAZ/WI, Secure-only register while "
          "GICD_CTLR.DS == 0]" in w[0] and "1001 gated" in w[0],
          "\n".join(lines[:8]))
    wr = [l for l in lines if re.match(r"\s+4 ", l)]
    check("a gated write is marked with the gate that closed (power)",
          wr and "[gated (power): RAZ/WI, redistributor powered down "
          "(GICR_PWRR.RDGPO == 1)]" in wr[0], str(wr))
    with open(js2) as f:
        objs = [json.loads(line) for line in f]
    by_line = {o.get("line"): o for o in objs if o.get("op") != "summary"}
    summ = [o for o in objs if o.get("op") == "summary"]
    check("--json: the gate of each gated access and the failed waits",
          by_line[2]["gated"] == {"gate": "Secure-only", "why":
                                  "Secure-only register while "
                                  "GICD_CTLR.DS == 0"} and
          by_line[3]["verdict"] == "fail" and
          by_line[3]["gated_reads"] == 1001 and
          by_line[4]["gated"]["gate"] == "power" and
          by_line[5]["verdict"] == "fail" and by_line[6]["gated"] is None
          and summ and summ[0]["gated"] == 2004 and
          summ[0]["verdict"] == "fail", str(objs)[:2000])
    root = ET.parse(xm).getroot()
    fails = root.findall("./testsuite/testcase/failure")
    err = root.findtext("./testsuite/system-err") or ""
    check("--junit: the waits fail naming the gate; gated writes listed",
          len(fails) == 2 and all("[gated (" in f.get("message")
                                  for f in fails) and
          "2: write32 NS GICR_PWRR@cpu1 = 0x00000000  @ 1 ns  "
          "[gated (Secure-only)" in err and
          "4: write32 S  GICR_WAKER@cpu1" in err, err)

    # 'gated' states that a gate must close: a Secure access to GICR_PWRR
    # is not gated, so its check fails
    gt = os.path.join(tmp, "gated.poke")
    with open(gt, "w") as f:
        f.write("machine profile=gic-600\n"
                "expect NS GICR_PWRR@cpu1 == 0 gated\n"
                "expect S GICR_PWRR@cpu1.RDPD == 1 gated\n")
    p = run(["--json", js2, gt])
    with open(js2) as f:
        objs = [json.loads(line) for line in f]
    check("'gated' passes on a gated read, fails when no gate closed",
          p.returncode == 1 and [o["verdict"] for o in objs][:2] ==
          ["pass", "fail"] and "but no gate closed" in p.stdout,
          p.stdout)

    # A script that does not parse: both reports are still written, and
    # say so (exit status 2)
    bad2 = os.path.join(tmp, "typo.poke")
    with open(bad2, "w") as f:
        f.write("read GICD_CTRL\n")
    for f in (js2, xm):
        os.unlink(f)
    p = run(["--json", js2, "--junit", xm, bad2])
    try:
        with open(js2) as f:
            objs = [json.loads(line) for line in f]
        root = ET.parse(xm).getroot()
        fails = root.findall("./testsuite/testcase/failure")
        ok = (p.returncode == 2 and len(objs) == 1 and
              objs[0]["op"] == "parse" and objs[0]["verdict"] == "fail" and
              "GICD_CTRL" in objs[0]["message"] and len(fails) == 1 and
              root.get("failures") == "1")
    except (OSError, ValueError, ET.ParseError) as e:
        ok, objs = False, str(e)
    check("a script that does not parse: --json and --junit report it",
          ok, str(objs))

print(f"1..{len(results)}")
for i, (name, ok, detail) in enumerate(results, 1):
    print(f"{'ok' if ok else 'not ok'} {i} - {name}")
    if not ok and detail:
        for line in str(detail).splitlines()[:20]:
            print(f"# {line}")
