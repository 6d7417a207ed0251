# SPDX-License-Identifier: GPL-2.0-or-later
"""Checks a document against the Trace Event Format (Google, "Trace Event
Format", the JSON Object Format that chrome://tracing and Perfetto's JSON
importer read), for the parts scripts/timeline.py writes; and Perfetto's
rule that the complete events (ph X) of one thread nest.  Returns a list
of problems, empty when the document conforms."""
import json

# Phases the format defines (Event Descriptions table)
PHASES = set("BEXiIbneCsTfPOND") | {"M", "V", "v", "R", "c", "(", ")"}
METADATA = {"process_name": "name", "process_labels": "labels",
            "process_sort_index": "sort_index", "thread_name": "name",
            "thread_sort_index": "sort_index"}


def check(doc):
    bad = []
    try:
        json.dumps(doc, allow_nan=False)
    except ValueError as e:
        bad.append("not strict JSON: %s" % e)
    if not isinstance(doc, dict) or not isinstance(doc.get("traceEvents"),
                                                   list):
        return bad + ["no traceEvents array (JSON Object Format)"]
    if doc.get("displayTimeUnit", "ms") not in ("ms", "ns"):
        bad.append("displayTimeUnit %r: must be ms or ns"
                   % doc["displayTimeUnit"])
    if "otherData" in doc and not isinstance(doc["otherData"], dict):
        bad.append("otherData is not an object")
    spans = {}
    for n, e in enumerate(doc["traceEvents"]):
        where = "event %d (%s)" % (n, e.get("name") if isinstance(e, dict)
                                   else e)
        if not isinstance(e, dict):
            bad.append("%s: not an object" % where)
            continue
        ph = e.get("ph")
        if ph not in PHASES:
            bad.append("%s: phase %r unknown" % (where, ph))
            continue
        if not isinstance(e.get("name"), str):
            bad.append("%s: no name" % where)
        for k in ("pid", "tid"):
            if not isinstance(e.get(k), int) or isinstance(e.get(k), bool):
                bad.append("%s: %s is not an integer" % (where, k))
        if "args" in e and not isinstance(e["args"], dict):
            bad.append("%s: args is not an object" % where)
        if "cat" in e and not isinstance(e["cat"], str):
            bad.append("%s: cat is not a string" % where)
        if ph == "M":
            key = METADATA.get(e.get("name"))
            if key is None:
                bad.append("%s: unknown metadata event" % where)
            elif key not in e.get("args", {}):
                bad.append("%s: metadata without args.%s" % (where, key))
            continue
        if not isinstance(e.get("ts"), (int, float)) or \
                isinstance(e.get("ts"), bool):
            bad.append("%s: ts is not a number" % where)
            continue
        if ph == "X":
            d = e.get("dur")
            if not isinstance(d, (int, float)) or d < 0:
                bad.append("%s: X without a duration >= 0" % where)
                continue
            spans.setdefault((e["pid"], e["tid"]), []).append(
                (e["ts"], e["ts"] + d, where))
        if ph in ("i", "I") and e.get("s", "t") not in ("g", "p", "t"):
            bad.append("%s: instant scope %r" % (where, e.get("s")))
    # Complete events of one thread must nest (Perfetto's JSON importer)
    eps = 1e-9
    for key, lst in spans.items():
        stack = []
        for a, b, where in sorted(lst, key=lambda s: (s[0], -s[1])):
            while stack and stack[-1][1] <= a + eps:
                stack.pop()
            if stack and b > stack[-1][1] + eps:
                bad.append("%s: overlaps %s on pid %d tid %d without "
                           "nesting" % (where, stack[-1][2], key[0], key[1]))
            stack.append((a, b, where))
    return bad
