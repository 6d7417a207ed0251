#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Write the shipped cost profiles (hw/intc/gicsim/cost-profiles/*.profile)
# from the published kvm-unit-tests micro-bench figures and the stated
# assumptions below.  Four of the seven published rows per machine are
# fitted (FIT_ROWS); the other three are carried in the profile only to
# be predicted: gicsim-calibrate (docs/calibration.rst) compares them,
# sweeps the assumptions and runs a leave-one-out pass.  The fit is exact
# up to rounding to whole cycles; gicsim-calibrate --check checks that.
# Run it again after changing an assumption; edit the profiles by hand
# for your own machine.
import os
import sys

# Published figures (ns), each from the post its "src" names
MACHINES = [
    dict(name="ampere-altra",
         desc="Ampere Altra (Neoverse N1), KVM guest, Linux v6.12-rc1",
         src="R. R. Ananta, 'Re: [PATCH v2] KVM: arm64: Get rid of "
             "userspace_irqchip_in_use', kvm list, 29 Oct 2024, "
             "micro-bench baseline",
         hyp=306, user=1683, vgic=451, eoi=14, ipi=1926, lpi=2179,
         timer=902,
         mhz=3000,
         mhz_note="Altra Q80-30's 3.0 GHz; the post names no SKU"),
    dict(name="kunpeng-920",
         desc="HiSilicon Kunpeng 920 (TaiShan v110), KVM guest",
         src="heqiong, '[kvm-unit-tests 1/1] arm64: microbench: Move the "
             "read of the count register ...', kvm list, 1 Nov 2023, "
             "stock micro-bench rows",
         hyp=408, user=2306, vgic=638, eoi=26, ipi=1697, lpi=2168,
         timer=1822,
         mhz=2600,
         mhz_note="2.6 GHz, the clock of the common Kunpeng 920-4826 and "
                  "-6426 parts; the post names no SKU"),
    dict(name="phytium-s2500",
         desc="Phytium S2500 (FTC663), KVM guest",
         src="heqiong, '[kvm-unit-tests 1/1] arm64: microbench: Move the "
             "read of the count register ...', kvm list, 1 Nov 2023, "
             "stock micro-bench rows",
         hyp=1536, user=7214, vgic=2150, eoi=45, ipi=4979, lpi=5481,
         timer=4968,
         mhz=2100,
         mhz_note="2.1 GHz, Phytium's stated S2500 clock; the post names "
                  "no clock"),
]

# The rows fitted per machine (at most four of the seven); the other
# rows are predicted.  gicsim-calibrate uses the same set.
FIT_ROWS = ("hyp_call", "mmio_read_vgic", "mmio_read_user", "ipi")

# Assumed shares of the measured differences (no published breakdown)
HYP_SHARE = {"exception-entry": 0.05, "exception-return": 0.05,
             "exit-dispatch": 0.10, "world-switch": 0.80}
VGIC_SHARE = {"stage2-fault": 0.35, "mmio-decode": 0.25,
              "vgic-dispatch": 0.20, "vgic-handler": 0.20}
USER_SHARE = {"sysreg-save-restore": 0.15, "vmm-exit": 0.55,
              "vmm-mmio": 0.30}
WAKE_SHARE = {"vcpu-kick": 0.10, "vcpu-wake": 0.90}
WALK_STEP = 10          # cycles per stage-2 descriptor fetch
S2_LEVELS = 3           # KVM's default 40-bit IPA with 4K pages
NATIVE_NS = 100         # the GIC's own register read latency
BENCH_FLOOR = 30        # cycles: the benchmark's ISB + counter read + call
CPUIF = 5               # cycles: an ICC_* access the CPU interface does

# The published sources' citations.  The Message-IDs were not available
# to us; the archives' subject and date find the posts.
SOURCES_NOTE = ("kvm-unit-tests arm/micro-bench.c, 65536 iterations, "
                "average ns")


def fit(m):
    """Step values in cycles; the same recipe gicsim-calibrate refits."""
    c = m["mhz"] / 1000.0           # cycles per ns
    H = m["hyp"] * c - BENCH_FLOOR
    v = {}
    for k, s in HYP_SHARE.items():
        v[k] = round(H * s)
    d1 = (m["vgic"] - m["hyp"]) * c - WALK_STEP * S2_LEVELS
    for k, s in VGIC_SHARE.items():
        v[k] = round(d1 * s)
    d2 = (m["user"] - m["vgic"]) * c + v["vgic-dispatch"] + \
        v["vgic-handler"]
    for k, s in USER_SHARE.items():
        v[k] = round(d2 * s)
    # Tied to fitted steps (assumptions, swept by gicsim-calibrate)
    v["host-irq"] = sum(v[k] for k in HYP_SHARE)
    v["sysreg-decode"] = v["mmio-decode"]
    v["sgi-dispatch"] = v["vgic-dispatch"] + v["vgic-handler"]
    v["its-command"] = 3 * v["vgic-handler"]
    v["lr-flush"] = v["vgic-handler"]
    v["cpuif-access"] = CPUIF
    v["gic-access"] = round(NATIVE_NS * c)
    # ipi = floor + SGI trap + delivery to a vCPU in WFI + the handler
    known = (BENCH_FLOOR + v["exception-entry"] + v["world-switch"] +
             v["exit-dispatch"] + v["sysreg-decode"] + v["sgi-dispatch"] +
             v["exception-return"] + v["sysreg-save-restore"] +
             v["lr-flush"] + v["exception-return"] +
             v["exception-entry"] + 2 * CPUIF + v["exception-return"])
    d3 = m["ipi"] * c - known
    for k, s in WAKE_SHARE.items():
        v[k] = round(d3 * s)
    return v, H, d1, d2, d3


def write(m, outdir):
    v, H, d1, d2, d3 = fit(m)
    c = m["mhz"] / 1000.0
    pc = lambda s: "%d %%" % round(s * 100)
    share = "(share assumed; the sum is fitted)"
    L = []
    L.append("# SPDX-License-Identifier: GPL-2.0-or-later")
    L.append("# gicsim cost profile (format: docs/cost.rst).  Generated by")
    L.append("# scripts/fit-cost-profiles.py; copy it to make your own.")
    L.append("# Step costs are CPU cycles at clock-mhz.  Fitted to %s;"
             % ", ".join(FIT_ROWS))
    L.append("# the other published rows are predicted "
             "(docs/calibration.rst).")
    L.append("description = %s" % m["desc"])
    L.append("")
    L.append("# Published micro-bench figures, ns (%s)" % SOURCES_NOTE)
    for key, fig in (("hyp-call", "hyp"), ("mmio-read-vgic", "vgic"),
                     ("mmio-read-user", "user"), ("eoi", "eoi"),
                     ("ipi", "ipi"), ("lpi", "lpi"),
                     ("timer-10ms", "timer")):
        L.append("published.%-14s = %-5d [published] %s" %
                 (key, m[fig], m["src"]))
    L.append("")
    L.append("clock-mhz = %d [assumption] %s" % (m["mhz"], m["mhz_note"]))
    L.append("walk-step = %d [assumption] one stage-2 descriptor fetch "
             "hitting in the L2 cache or walk cache; no published figure"
             % WALK_STEP)
    L.append("vgic-split-64 = 0 [assumption] a host with today's vGIC: "
             "Linux arch/arm64/kvm/vgic/vgic-mmio.c dispatch_mmio_read() "
             "and dispatch_mmio_write() call the region's handler once "
             "with the access length (read in the source); set 1 for the "
             "old vGIC's call_range_handler(), which split a 64-bit "
             "access into two 32-bit calls")
    L.append("tlb-miss-interval = 0 [assumption] only the first access to "
             "each register misses the TLB (then the guest's nested "
             "stage-1 + stage-2 walk is charged): the micro-benchmarks "
             "read one address in a loop, whose translation stays in the "
             "TLB; no published miss rate for GIC accesses")
    L.append("bench-floor = %d [assumption] the micro-benchmark's own "
             "cost per iteration (ISB, counter read, call and return), "
             "in every published row; not charged by the device, whose "
             "guest runs these instructions itself" % BENCH_FLOOR)
    L.append("")
    L.append("# native: bare-metal access to the GIC")
    L.append("gic-access = %d [assumption] %d ns, a device load crossing "
             "the interconnect to the GIC; no published GIC-600/700 "
             "register latency; also the host's acknowledge and "
             "deactivate of a physical interrupt" %
             (v["gic-access"], NATIVE_NS))
    L.append("cpuif-access = %d [assumption] an ICC_* system register "
             "access the (virtual) CPU interface completes without an "
             "exit; no published figure" % CPUIF)
    L.append("")
    L.append("# Shared with a hypercall: hyp_call %d ns = %d cycles, less "
             "bench-floor: %d cycles, split by assumed shares" %
             (m["hyp"], round(m["hyp"] * c), round(H)))
    for k in ("exception-entry", "world-switch", "exit-dispatch",
              "exception-return"):
        L.append("%s = %d [fitted] %s of that %s" %
                 (k, v[k], pc(HYP_SHARE[k]), share))
    L.append("host-irq = %d [fitted] the host kernel taking a physical "
             "IRQ that exited the guest (exception, irq entry and exit, "
             "the handler, queuing the virtual IRQ): assumed to cost one "
             "hypercall round trip (the four steps above)" % v["host-irq"])
    L.append("")
    L.append("# In-kernel vGIC: mmio_read_vgic - hyp_call - stage-2 walk "
             "(%d x %d cycles) = %d cycles" % (S2_LEVELS, WALK_STEP,
                                               round(d1)))
    for k in ("stage2-fault", "mmio-decode", "vgic-dispatch",
              "vgic-handler"):
        L.append("%s = %d [fitted] %s of that difference %s" %
                 (k, v[k], pc(VGIC_SHARE[k]), share))
    L.append("sysreg-decode = %d [fitted] a trapped MSR's syndrome decode "
             "and system-register table lookup: assumed equal to "
             "mmio-decode" % v["sysreg-decode"])
    L.append("sgi-dispatch = %d [fitted] ICC_SGI1R_EL1 emulation (target "
             "vCPUs by affinity, queue the SGI): assumed equal to "
             "vgic-dispatch + vgic-handler" % v["sgi-dispatch"])
    L.append("its-command = %d [fitted] one ITS command read from guest "
             "memory and run (device, event and collection lookups, "
             "queue the LPI): assumed 3 x vgic-handler" % v["its-command"])
    L.append("lr-flush = %d [fitted] filling a list register before "
             "entry: assumed equal to vgic-handler" % v["lr-flush"])
    L.append("")
    L.append("# Userspace: mmio_read_user - mmio_read_vgic + the vGIC steps "
             "= %d cycles" % round(d2))
    for k in ("sysreg-save-restore", "vmm-exit", "vmm-mmio"):
        note = "%s of that difference %s" % (pc(USER_SHARE[k]), share)
        if k == "sysreg-save-restore":
            note += "; also what non-VHE pays on every exit and what " \
                "vcpu_put/vcpu_load pay around a WFI"
        L.append("%s = %d [fitted] %s" % (k, v[k], note))
    L.append("")
    L.append("# Wake-up of a vCPU halted in WFI: ipi - everything else on "
             "its path = %d cycles" % round(d3))
    L.append("vcpu-kick = %d [fitted] %s of that difference %s: the "
             "sender's kvm_vcpu_kick()" %
             (v["vcpu-kick"], pc(WAKE_SHARE["vcpu-kick"]), share))
    L.append("vcpu-wake = %d [fitted] %s of that difference %s: the "
             "host scheduler waking the vCPU thread on another CPU" %
             (v["vcpu-wake"], pc(WAKE_SHARE["vcpu-wake"]), share))
    L.append("")
    L.append("# Realm: no published cost of a realm exit through the RMM; "
             "all assumptions.  Rule: a realm exit costs the KVM exit plus "
             "one more hypercall-like round trip each way through EL3, "
             "so a realm vGIC read = mmio_read_vgic + 2 x hyp_call "
             "(less 2 x bench-floor)")
    L.append("rmm-exit = %d [assumption] an SMC into EL3 and the ERET to "
             "the host: exception-entry + exception-return" %
             (v["exception-entry"] + v["exception-return"]))
    L.append("rmm-entry = %d [assumption] the host's RMI_REC_ENTER SMC "
             "into EL3 and the ERET to the RMM: as rmm-exit" %
             (v["exception-entry"] + v["exception-return"]))
    L.append("el3-switch = %d [assumption] the monitor saves one world's "
             "EL2/EL1 state and restores the other's: as world-switch" %
             v["world-switch"])
    L.append("rec-exit = %d [assumption] the RMM fills a RecExit for an "
             "emulatable abort: as exit-dispatch" % v["exit-dispatch"])
    L.append("rec-entry = %d [assumption] the RMM reads RecEntry and "
             "completes the read: as exit-dispatch" % v["exit-dispatch"])
    path = os.path.join(outdir, m["name"] + ".profile")
    with open(path, "w") as f:
        f.write("\n".join(L) + "\n")
    print("wrote", path)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):
        print("usage: scripts/fit-cost-profiles.py [OUTDIR]\n\n"
              "Write the shipped cost profiles (default OUTDIR: "
              "hw/intc/gicsim/cost-profiles) from the published figures\n"
              "and the stated assumptions in this script.")
        sys.exit(0)
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(top, "hw/intc/gicsim/cost-profiles")
    for m in MACHINES:
        write(m, out)
