#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Summarise libFuzzer's -print_coverage=1 output for hw/intc/gicsim/
# (scripts/fuzz.sh --coverage):
#   fuzz-coverage.py OUTDIR CONFIG...
# reads OUTDIR/<config>/coverage and prints, per configuration and for
# their union, the edges (instrumented basic-block entries, libFuzzer's
# "edges") of the device's functions that the corpus reaches, by file.
# The union counts an edge covered when some configuration covers it; as
# libFuzzer names an uncovered edge only by its source line, two
# uncovered edges on one line are told apart by their count.
import collections
import re
import sys

FUNC = re.compile(r'^(UN)?COVERED_FUNC: hits: \d+ edges: (\d+)/(\d+) '
                  r'(\S+) (\S+):(\d+)')
UNPC = re.compile(r'^\s+UNCOVERED_PC: (\S+):(\d+)')
WHERE = 'hw/intc/gicsim/'


def parse(path):
    """{(file, func): (total edges, Counter of uncovered lines or None
    when the function was never entered)}"""
    funcs = {}
    cur = None
    with open(path, errors='replace') as f:
        for line in f:
            m = FUNC.match(line)
            if m:
                cur = None
                if WHERE not in m.group(5):
                    continue
                fname = m.group(5)[m.group(5).index(WHERE):]
                total = int(m.group(3))
                unc = None if m.group(1) else collections.Counter()
                cur = (fname, m.group(4))
                funcs[cur] = (total, unc)
                continue
            m = UNPC.match(line)
            if m and cur and funcs[cur][1] is not None:
                funcs[cur][1][int(m.group(2))] += 1
    return funcs


def summary(funcs):
    byfile = collections.defaultdict(lambda: [0, 0])
    for (fname, _), (total, unc) in funcs.items():
        byfile[fname][0] += 0 if unc is None else total - sum(unc.values())
        byfile[fname][1] += total
    return byfile


def show(title, byfile):
    cov = sum(v[0] for v in byfile.values())
    tot = sum(v[1] for v in byfile.values())
    pct = 100.0 * cov / tot if tot else 0.0
    print(f'fuzz coverage: {title}: {cov}/{tot} edges of {WHERE} '
          f'({pct:.1f} %)')
    return cov, tot


def main():
    out, configs = sys.argv[1], sys.argv[2:]
    union = {}
    for c in configs:
        funcs = parse(f'{out}/{c}/coverage')
        if not funcs:
            print(f'fuzz coverage: {c}: no coverage output '
                  f'(see {out}/{c}/coverage)')
            continue
        show(c, summary(funcs))
        for key, (total, unc) in funcs.items():
            prev = union[key][1] if key in union else None
            if prev is None:
                union[key] = (total, unc)
            elif unc is not None:
                union[key] = (total, prev & unc)    # uncovered in both
    if union:
        byfile = summary(union)
        for fname in sorted(byfile):
            cov, tot = byfile[fname]
            print(f'  {fname}: {cov}/{tot}')
        show('union of ' + ', '.join(configs), byfile)


main()
