#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""usage: qmp-qom.py SOCKET TIMEOUT PATH PROPERTY [PATH PROPERTY ...]

For scripts/e2e.sh (E2E-QOM): connect to the QMP socket of a QEMU run with
-qmp unix:SOCKET,server=on,wait=off -action shutdown=pause, wait until
the guest has shut down (run state "shutdown"), print one line
"QOM PATH PROPERTY VALUE" per qom-get (VALUE on one line: an object as
JSON, a string with its white space folded), then quit QEMU.  Exit status 1
(with a line saying why) when QEMU goes away first or TIMEOUT seconds
pass."""
import json
import socket
import sys
import time


def main(argv):
    if len(argv) < 5 or (len(argv) - 3) % 2:
        sys.stderr.write(__doc__)
        return 2
    path, deadline = argv[1], time.monotonic() + float(argv[2])
    queries = list(zip(argv[3::2], argv[4::2]))
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    while True:
        try:
            sock.connect(path)
            break
        except OSError:
            if time.monotonic() > deadline:
                print(f"QOM-HARNESS: no QMP socket at {path}")
                return 1
            time.sleep(0.05)
    stream = sock.makefile("rw")

    def receive():
        sock.settimeout(max(0.1, deadline - time.monotonic()))
        try:
            line = stream.readline()
        except (socket.timeout, OSError):
            return None
        return json.loads(line) if line else None

    def command(name, **args):
        stream.write(json.dumps({"execute": name, "arguments": args}) + "\n")
        stream.flush()
        while True:
            msg = receive()
            if msg is None or "return" in msg or "error" in msg:
                return msg

    receive()                               # the greeting
    command("qmp_capabilities")
    while True:
        status = command("query-status")
        if status is None or time.monotonic() > deadline:
            print("QOM-HARNESS: QEMU ended or timed out before the guest "
                  "shut down")
            return 1
        if status.get("return", {}).get("status") == "shutdown":
            break
        time.sleep(0.1)
    for qpath, prop in queries:
        rsp = command("qom-get", path=qpath, property=prop)
        if rsp is None:
            print("QOM-HARNESS: QEMU went away")
            return 1
        if "error" in rsp:
            print(f"QOM {qpath} {prop} error: {rsp['error'].get('desc')}")
        else:
            # one line: an object as compact JSON, a string folded
            value = rsp["return"]
            if isinstance(value, str):
                value = " ".join(value.split())
            else:
                value = json.dumps(value, sort_keys=True)
            print(f"QOM {qpath} {prop} {value}")
    command("quit")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
