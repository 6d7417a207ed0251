#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# arm-gicv3-sim's cost properties end to end (TAP): bad values stop QEMU
# with an error naming the property; cost-stats through QMP qom-get
# counts accesses made through the monitor with each path's arithmetic
# (from the profile file, computed here independently); cost-reset zeroes
# the counters; cost-stats-file is written at exit; properties cannot
# change after realize.
#   tests/cost/test-cost-device.py [QEMU]
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

top = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
qemu = sys.argv[1] if len(sys.argv) > 1 else \
    os.path.join(top, "build", "qemu-system-aarch64")
base = [qemu, "-M", "virt,gic-version=3,gic-model=sim", "-accel", "tcg",
        "-cpu", "max", "-nodefaults", "-display", "none", "-S"]
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "lib"))
from tap import done, ok as check  # noqa: E402


def profile_tags(name):
    """{key: tag} of a shipped profile ([fitted], [assumption], ...)"""
    tags = {}
    path = os.path.join(top, "hw/intc/gicsim/cost-profiles", name +
                        ".profile")
    for line in open(path):
        m = re.match(r"^([a-z0-9.-]+)\s*=\s*\d+\s*\[(\w+)\]", line)
        if m:
            tags[m.group(1)] = m.group(2)
    return tags


def profile_values(name):
    vals = {}
    path = os.path.join(top, "hw/intc/gicsim/cost-profiles", name +
                        ".profile")
    for line in open(path):
        m = re.match(r"^([a-z0-9.-]+)\s*=\s*(\d+)\s*\[", line)
        if m:
            vals[m.group(1)] = int(m.group(2))
    return vals


# -cpu max: PARange 52 bits, 4K supported at stage 2 -> the default IPA
# is 48 bits (52 needs FEAT_LPA2 with 4K), 4 stage-2 levels; the guest's
# stage 1 (48-bit VA, 4K) has 4 levels
S2_LEVELS, S1_LEVELS = 4, 4


def expected_cycles(v, path, wide):
    """One access's cycles, written out per path (docs/cost.rst)."""
    walk = S2_LEVELS * v["walk-step"]
    calls = 2 if wide and v["vgic-split-64"] else 1
    vgic = calls * (v["vgic-dispatch"] + v["vgic-handler"])
    trap = (v["exception-entry"] + walk + v["world-switch"] +
            v["exit-dispatch"] + v["stage2-fault"] + v["mmio-decode"] +
            v["exception-return"])
    return {
        "native": v["gic-access"],
        "kvm-vgic-vhe": trap + vgic,
        "kvm-vgic-nvhe": trap + vgic + v["sysreg-save-restore"] +
        v["exception-entry"] + v["exception-return"],
        "kvm-userspace": trap + v["sysreg-save-restore"] + v["vmm-exit"] +
        v["vmm-mmio"],
        "realm": trap + vgic + v["rec-exit"] + v["rmm-exit"] +
        2 * v["el3-switch"] + v["rmm-entry"] + v["rec-entry"],
    }[path]


def expected_miss(v, path):
    """What a TLB miss adds: the nested walk less the final stage-2 walk
    (bare metal: the stage-1 walk)."""
    if path == "native":
        return S1_LEVELS * v["walk-step"]
    return S1_LEVELS * (S2_LEVELS + 1) * v["walk-step"]


class Qmp:
    def __init__(self, args):
        self.dir = tempfile.mkdtemp()
        sock = os.path.join(self.dir, "qmp.sock")
        self.p = subprocess.Popen(args + ["-qmp", "unix:%s,server=on,"
                                          "wait=off" % sock],
                                  stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True)
        self.s = socket.socket(socket.AF_UNIX)
        for _ in range(200):
            try:
                self.s.connect(sock)
                break
            except OSError:
                if self.p.poll() is not None:
                    sys.exit("QEMU exited: %s" % self.p.stderr.read())
                time.sleep(0.05)
        self.f = self.s.makefile("rw")
        self.f.readline()
        self.cmd("qmp_capabilities")
        # The virt machine's GIC is /machine/gic (patches/0012)
        self.gic = "/machine/gic"

    def cmd(self, name, **args):
        self.f.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        self.f.flush()
        while True:
            r = json.loads(self.f.readline())
            if "return" in r or "error" in r:
                return r

    def stats(self):
        return self.cmd("qom-get", path=self.gic,
                        property="cost-stats")["return"]

    def read(self, addr, width):
        # xp reads physical memory through the memory core, like a CPU load
        fmt = {4: "w", 8: "g"}[width]
        self.cmd("human-monitor-command",
                 **{"command-line": "xp /1%sx 0x%x" % (fmt, addr)})

    def quit(self):
        self.cmd("quit")
        self.p.wait(timeout=30)
        shutil.rmtree(self.dir, ignore_errors=True)


# Bad values: QEMU refuses to start, naming the property
bad = [
    ("cost-path=kvm", "cost-path 'kvm' is not a path"),
    ("cost-profile=nosuch", "cost-profile: 'nosuch' is not a shipped"),
    ("cost-granule=8k", "cost-granule '8k' is not a granule"),
    ("cost-ipa-bits=52", "cost-ipa-bits=52 (property), cost-granule=4k "
     "(cpu): IPA size 52 bits with the 4K granule needs FEAT_LPA2"),
    ("charge-time=on", "charge-time=on needs -icount"),
]
for prop, msg in bad:
    r = subprocess.run(base + ["-global", "arm-gicv3-sim." + prop],
                       capture_output=True, text=True, timeout=60)
    check(r.returncode != 0 and msg in r.stderr,
          "%s refused: %s" % (prop, r.stderr.strip().splitlines()[:1]))
with tempfile.NamedTemporaryFile("w", suffix=".profile", delete=False) as f:
    f.write("clock-mhz = 1000 [assumption] x\nwalk-step = ten [fitted] y\n")
r = subprocess.run(base + ["-global", "arm-gicv3-sim.cost-profile=" +
                           f.name], capture_output=True, text=True,
                   timeout=60)
check(r.returncode != 0 and "cost-profile: %s:2: key 'walk-step'" % f.name
      in r.stderr, "a malformed profile file is refused with file:line:key")
os.unlink(f.name)

GICD_TYPER, GICD_IROUTER40 = 0x08000004, 0x08006140
for profile in ("ampere-altra", "kunpeng-920", "phytium-s2500"):
    v = profile_values(profile)
    for path in ("native", "kvm-vgic-vhe", "kvm-vgic-nvhe", "kvm-userspace",
                 "realm"):
        q = Qmp(base + ["-global", "arm-gicv3-sim.cost-profile=" + profile,
                        "-global", "arm-gicv3-sim.cost-path=" + path])
        s0 = q.stats()
        for _ in range(3):
            q.read(GICD_TYPER, 4)
        q.read(GICD_IROUTER40, 8)
        s = q.stats()
        c32 = expected_cycles(v, path, False)
        c64 = expected_cycles(v, path, True)
        miss = expected_miss(v, path)
        typer = s["registers"].get("GICD_TYPER", {})
        ir = s["registers"].get("GICD_IROUTER", {})
        # each register's first access misses the TLB (interval 0)
        check(s0["accesses"] == 0 and s["accesses"] == 4 and
              typer.get("reads") == 3 and ir.get("reads64") == 1 and
              s["cycles"] == 3 * c32 + c64 + 2 * miss and
              typer.get("cycles") == 3 * c32 + miss and
              ir.get("cycles") == c64 + miss and
              typer.get("tlb-misses") == 1 and
              s["steps"]["tlb-miss-walk"] == {
                  "count": 2, "cycles": 2 * miss,
                  "ns": 2 * miss * 1000.0 / v["clock-mhz"]} and
              abs(s["ns"] - s["cycles"] * 1000.0 / v["clock-mhz"]) < 1e-6,
              "%s %s: 3 x %d + %d + 2 TLB misses x %d cycles" %
              (profile, path, c32, c64, miss))
        # every step says where its cost comes from: its key's tag in the
        # profile (the walks: walk-step's)
        tags = profile_tags(profile)
        src = s.get("step-sources", {})
        wrong = [st for st in s["steps"]
                 if src.get(st, {}).get("source") !=
                 tags.get(src.get(st, {}).get("from", st))]
        check(s["steps"] and not wrong, "%s %s: step-sources give each "
              "step's tag in the profile (wrong: %s)" % (profile, path,
                                                         wrong))
        if profile == "kunpeng-920" and path == "kvm-vgic-vhe":
            r = q.cmd("qom-set", path=q.gic, property="cost-path",
                      value="native")
            check("error" in r and "cost-path" in r["error"]["desc"],
                  "cost-path cannot change after realize")
            q.cmd("qom-set", path=q.gic, property="cost-reset", value=True)
            s = q.stats()
            check(s["accesses"] == 0 and s["cycles"] == 0 and
                  not s["registers"], "cost-reset zeroes the statistics")
        q.quit()

# The stage-2 defaults come from the CPU's ID_AA64MMFR0_EL1; a property
# wins.  (cpu, extra properties, ipa-bits, granule, levels, from)
cpus = [
    ("max", [], 48, 4096, 4, "cpu"),               # 52-bit PA, 4K: 48
    ("cortex-a57", [], 44, 4096, 4, "cpu"),        # PARange 4: 44 bits
    ("cortex-a53", [], 40, 4096, 3, "cpu"),        # PARange 2: 40 bits
    ("cortex-a15", [], 40, 4096, 3, "cpu"),        # AArch32, LPAE
    ("max", ["cost-granule=64k"], 52, 65536, 3, "cpu"),
    ("cortex-a57", ["cost-ipa-bits=36"], 36, 4096, 3, "property"),
]
for cpu, props, ipa, gran, levels, frm in cpus:
    args = [a if a != "max" else cpu for a in base]
    for p in props:
        args += ["-global", "arm-gicv3-sim." + p]
    q = Qmp(args)
    s = q.stats()
    got = q.cmd("qom-get", path=q.gic, property="cost-ipa-bits")["return"]
    q.quit()
    check(s["ipa-bits"] == ipa and s["granule"] == gran and
          s["stage2-levels"] == levels and s["ipa-bits-from"] == frm and
          got == ipa,
          "-cpu %s %s: %d-bit IPA (%s), %d-byte granule, %d levels" %
          (cpu, " ".join(props), ipa, frm, gran, levels))

# The realm path walks the realm's stage 2: realm-ipa-bits (here 40 bits,
# 3 levels, while the direct accesses' -cpu max gives 48 bits, 4 levels),
# unless cost-ipa-bits is set
realm_m = "gic-model=sim,highmem=off,realm-shim=on,realm-ipa-bits=40"
for extra, rbits, rlevels in (
        ([], 40, 3),
        (["-global", "arm-gicv3-sim.cost-ipa-bits=44"], 44, 4)):
    args = [a.replace("gic-model=sim", realm_m) for a in base] + extra
    q = Qmp(args)
    s = q.stats()
    q.quit()
    r = s.get("realm", {})
    check(r.get("shims", 0) >= 2 and r.get("ipa-bits") == rbits and
          r.get("stage2-levels") == rlevels and r.get("path") == "realm" and
          s["ipa-bits"] == (44 if extra else 48),
          "realm-ipa-bits=40 %s: realm path on a %d-bit, %d-level stage 2"
          % (" ".join(extra), rbits, rlevels))

# /machine/gic is the GIC with either model
for model, typ in (("sim", "arm-gicv3-sim"), ("qemu", "arm-gicv3")):
    args = [a.replace("gic-model=sim", "gic-model=" + model) for a in base]
    q = Qmp(args)
    t = q.cmd("qom-get", path="/machine/gic", property="type")
    q.quit()
    check(t.get("return") == typ, "gic-model=%s: /machine/gic is %s" %
          (model, t.get("return", t)))

with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, "stats.json")
    q = Qmp(base + ["-global", "arm-gicv3-sim.cost-stats-file=" + out])
    q.read(GICD_TYPER, 4)
    live = q.stats()
    q.quit()
    try:
        written = json.load(open(out))
    except (OSError, ValueError):
        written = None
    check(written == live and written["accesses"] == 1,
          "cost-stats-file holds the statistics at exit")

# The other properties read back what was set; with cost-accounting=off
# there are no statistics and charge-time cannot be on
q = Qmp(base + ["-global", "arm-gicv3-sim.cost-ipa-bits=44",
                "-global", "arm-gicv3-sim.cost-granule=4k"])
got = {p: q.cmd("qom-get", path=q.gic, property=p).get("return")
       for p in ("cost-accounting", "charge-time", "cost-ipa-bits",
                 "cost-reset", "cost-granule")}
check(got == {"cost-accounting": True, "charge-time": False,
              "cost-ipa-bits": 44, "cost-reset": False,
              "cost-granule": "4k"},
      "qom-get of the cost properties: %s" % got)
check(q.stats()["ipa-bits"] == 44 and q.stats()["stage2-levels"] == 4,
      "cost-ipa-bits=44 with 4K: a 4-level stage-2 walk")
q.quit()
q = Qmp(base + ["-global", "arm-gicv3-sim.cost-accounting=off"])
r = q.cmd("qom-get", path=q.gic, property="cost-stats")
check("error" in r and "cost-accounting is off" in r["error"]["desc"],
      "cost-stats with cost-accounting=off is an error")
r = q.cmd("qom-set", path=q.gic, property="cost-accounting", value=True)
check("error" in r and "cost-accounting" in r["error"]["desc"] and
      q.cmd("qom-get", path=q.gic,
            property="cost-accounting")["return"] is False,
      "cost-accounting cannot change after realize")
q.quit()
r = subprocess.run(base + ["-global", "arm-gicv3-sim.cost-accounting=off",
                           "-global", "arm-gicv3-sim.charge-time=on"],
                   capture_output=True, text=True, timeout=60)
check(r.returncode != 0 and
      "charge-time=on needs cost-accounting=on" in r.stderr,
      "charge-time=on with cost-accounting=off refused")

# A stats file that cannot be written: the error names the property
with tempfile.TemporaryDirectory() as d:
    out = os.path.join(d, "no-such-dir", "stats.json")
    q = Qmp(base + ["-global", "arm-gicv3-sim.cost-stats-file=" + out])
    q.quit()
    err = q.p.stderr.read()
    check("arm-gicv3-sim: cost-stats-file: " in err and out in err and
          not os.path.exists(out),
          "an unwritable cost-stats-file is reported at exit")

# The GIC's other events (patches 0016-0019): the "events" object, each
# event's cycles from the profile (written out here for kvm-vgic-vhe),
# an ITS access no CPU made counted apart and not costed, cost-reset.
v = profile_values("ampere-altra")
hyp = (v["exception-entry"] + v["world-switch"] + v["exit-dispatch"] +
       v["exception-return"])
want = {
    "sgi": hyp + v["sysreg-decode"] + v["sgi-dispatch"],
    "its-access": expected_cycles(v, "kvm-vgic-vhe", False),
    "its-command": v["its-command"],
    "deliver-running": hyp + v["host-irq"] + 2 * v["gic-access"] +
    v["lr-flush"],
    "deliver-wfi": v["vcpu-kick"] + v["vcpu-wake"] +
    v["sysreg-save-restore"] + v["lr-flush"] + v["exception-return"],
    "cpuif": v["cpuif-access"],
}
q = Qmp([qemu, "-M", "virt,gic-version=3,gic-model=sim,its=on", "-accel",
         "tcg", "-cpu", "max", "-nodefaults", "-display", "none", "-S",
         "-global", "arm-gicv3-sim.cost-profile=ampere-altra",
         "-global", "arm-gicv3-sim.cost-path=kvm-vgic-vhe"])
ev = q.stats()["events"]
check(all(ev[k]["cycles-per-event"] == c and ev[k]["count"] == 0
          for k, c in want.items()) and ev["its-access-no-cpu"] == 0,
      "events: cycles per event on kvm-vgic-vhe as the profile gives them")
GITS_TYPER = 0x08080008
for _ in range(3):
    q.read(GITS_TYPER, 8)
ev = q.stats()["events"]
check(ev["its-access"]["count"] == 0 and ev["its-access-no-cpu"] == 3,
      "events: an ITS access no CPU made (the monitor's) is not costed")
q.cmd("qom-set", path=q.gic, property="cost-reset", value=True)
check(q.stats()["events"]["its-access-no-cpu"] == 0,
      "events: cost-reset zeroes them")
q.quit()

done()
