#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
#
# Line coverage of hw/intc/gicsim/ reached by the fuzz corpus
# (scripts/fuzz.sh --coverage; docs/robustness.rst).
#
# Input: OUTDIR/<config>/coverage, libFuzzer's -print_coverage=1 output
# of a corpus replay, one per configuration, and the fuzzing binary.
# libFuzzer names every instrumented function (COVERED_FUNC or
# UNCOVERED_FUNC, with its edge count) and, in a covered function, the
# source line of every instrumented PC that did not run (UNCOVERED_PC),
# but not the ones that did.  Those come from the binary: its sancov PC
# table (section __sancov_pcs, pairs of PC and flags, bit 0 marking a
# function's entry) lists every instrumented PC, in function order, and
# llvm-symbolizer maps each to file:line the way libFuzzer does (the
# next instruction's address, innermost inlined frame).  In a covered
# function, a line with more PCs than UNCOVERED_PC entries has a PC that
# ran.  A line counts if an instrumented PC is on it, and is covered if
# one of those PCs ran in some input; the union over configurations
# counts a line covered if any configuration covers it.  Limits: the
# counters are reset before each input, so code run only while QEMU
# starts (realize, class init) counts as not run; libFuzzer's inline
# 8-bit counters wrap, so a block run a multiple of 256 times in every
# input that reaches it (a loop over the 256 SPIs) reads as not run.
import argparse
import collections
import os
import re
import struct
import subprocess
import sys

WHERE = 'hw/intc/gicsim/'
FUNC = re.compile(r'^(UN)?COVERED_FUNC: hits: \d+ edges: (\d+)/(\d+) '
                  r'(\S+) (\S+):(\d+)')
UNPC = re.compile(r'^\s+UNCOVERED_PC: (\S+):(\d+)')
# The default LLVM's (Debian's llvm package, as clang is the default
# clang); $LLVM_SYMBOLIZER overrides
SYMBOLIZER = os.environ.get('LLVM_SYMBOLIZER', 'llvm-symbolizer')


def die(msg):
    sys.exit('fuzz-coverage: ' + msg)


def short(path):
    """WHERE/FILE for the counted sources, else the path"""
    path = os.path.normpath(path)
    i = path.find('/' + WHERE)
    return path[i + 1:] if i >= 0 else path


def pc_table(binary):
    """[(pc, flags)] from the ELF section __sancov_pcs.  The binary is
    position-independent: the section holds the link-time addresses
    (the addends of its relative relocations), as the symbolizer wants"""
    with open(binary, 'rb') as f:
        eh = f.read(64)
        if eh[:4] != b'\x7fELF' or eh[4] != 2 or eh[5] != 1:
            die(f'{binary}: not a 64-bit little-endian ELF file')
        shoff, = struct.unpack_from('<Q', eh, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from('<HHH', eh, 0x3a)
        f.seek(shoff)
        sh = f.read(shentsize * shnum)
        secs = [struct.unpack_from('<IIQQQQIIQQ', sh, i * shentsize)
                for i in range(shnum)]
        f.seek(secs[shstrndx][4])
        names = f.read(secs[shstrndx][5])
        for s in secs:
            if names[s[0]:names.index(b'\0', s[0])] == b'__sancov_pcs':
                f.seek(s[4])
                return list(struct.iter_unpack('<QQ', f.read(s[5])))
    die(f'{binary}: no __sancov_pcs section (not built with '
        '-fsanitize-coverage=pc-table?)')


def symbolize(binary, pcs, cache):
    """['file:line' of each PC]; cached in CACHE for this binary"""
    st = os.stat(binary)
    key = (f'{os.path.abspath(binary)} {st.st_size} {st.st_mtime_ns} '
           f'{WHERE}\n')
    try:
        with open(cache) as f:
            if f.readline() == key:
                locs = f.read().split('\n')[:-1]
                if len(locs) == len(pcs):
                    return locs
    except OSError:
        pass
    addrs = ''.join('0x%x\n' % (pc + 1) for pc, _ in pcs)
    try:
        out = subprocess.run([SYMBOLIZER, '--obj=' + binary, '--no-inlines',
                              '--output-style=GNU', '--functions=none'],
                             input=addrs, capture_output=True, text=True,
                             check=True).stdout.split('\n')
    except (OSError, subprocess.CalledProcessError) as e:
        die(f'{SYMBOLIZER} on {binary}: {e}')
    # GNU style: "file:line", with " (discriminator N)" at times
    locs = [short(x.split(' ')[0]) for x in out[:len(pcs)]]
    if len(locs) != len(pcs):
        die(f'{SYMBOLIZER}: {len(locs)} answers for {len(pcs)} PCs')
    with open(cache, 'w') as f:
        f.write(key + ''.join(x + '\n' for x in locs))
    return locs


def functions(pcs, locs):
    """{(entry 'file:line', number of PCs): [{'body': the location of
    each PC, 'name', 'entered'}, in table order]} of the functions with
    a PC in the counted sources"""
    starts = [i for i, (_, flags) in enumerate(pcs) if flags & 1]
    starts.append(len(pcs))
    funcs = collections.defaultdict(list)
    for a, b in zip(starts, starts[1:]):
        body = locs[a:b]
        if any(x.startswith(WHERE) for x in body):
            funcs[(body[0], b - a)].append({'body': body, 'name': '?',
                                            'entered': False})
    return funcs


def covered(path, funcs):
    """set of 'file:line' with a PC that ran, from one -print_coverage=1
    output.  libFuzzer prints the functions in PC-table order, so the
    n-th one printed with a given entry line and size is the n-th such
    in the table (a static inline function of a header, say, compiled
    into several files)"""
    try:
        with open(path, errors='replace') as f:
            text = f.read().split('\n')
    except OSError as e:
        die(str(e))
    lines, seen = set(), collections.Counter()
    i = 0
    while i < len(text):
        m = FUNC.match(text[i])
        i += 1
        if not m:
            continue
        unc = collections.Counter()
        while i < len(text) and UNPC.match(text[i]):
            u = UNPC.match(text[i])
            unc[f'{short(u.group(1))}:{u.group(2)}'] += 1
            i += 1
        key = (f'{short(m.group(5))}:{m.group(6)}', int(m.group(3)))
        if key not in funcs:
            if key[0].startswith(WHERE):
                die(f'{path}: {m.group(4)} ({key[0]}, {key[1]} edges) is '
                    'not in the binary: not the same binary?')
            continue
        if seen[key] >= len(funcs[key]):
            die(f'{path}: {m.group(4)} printed more often than the '
                'binary has it: not the same binary?')
        fn = funcs[key][seen[key]]
        body = fn['body']
        fn['name'] = m.group(4)
        seen[key] += 1
        if m.group(1):
            continue
        fn['entered'] = True
        if int(m.group(2)) != len(body) - sum(unc.values()):
            die(f'{path}: {m.group(4)}: edges {m.group(2)}/{m.group(3)} but '
                f'{sum(unc.values())} UNCOVERED_PC lines')
        have = collections.Counter(body)
        if unc - have:
            die(f'{path}: {m.group(4)}: UNCOVERED_PC lines the binary does '
                f'not have there: not the same binary?')
        lines |= {loc for loc, n in have.items() if n > unc[loc]}
    if not seen:
        die(f'{path}: no coverage of {WHERE} in it (did the replay run?)')
    return lines


def split(loc):
    f, line = loc.rsplit(':', 1)
    return f, int(line)


def ranges(nums):
    out, start, prev = [], None, None
    for n in sorted(nums):
        if start is None:
            start = prev = n
        elif n == prev + 1:
            prev = n
        else:
            out.append((start, prev))
            start = prev = n
    if start is not None:
        out.append((start, prev))
    return out


def main():
    global WHERE
    ap = argparse.ArgumentParser(
        description='Line coverage of ' + WHERE + ' from libFuzzer\'s '
        '-print_coverage=1 output of each configuration '
        '(OUTDIR/CONFIG/coverage) and the fuzzing binary\'s PC table.')
    ap.add_argument('--binary', required=True,
                    help='the fuzzer the coverage came from')
    ap.add_argument('--uncovered', metavar='FILE',
                    help='write the lines no configuration covers to FILE')
    ap.add_argument('--where', default=WHERE, metavar='DIR',
                    help=f'the sources to count (default {WHERE})')
    ap.add_argument('outdir', help='build/fuzz (pc-lines.txt, the '
                    'symbolized PC table, is cached there)')
    ap.add_argument('configs', nargs='+', metavar='config',
                    help='configurations with an OUTDIR/CONFIG/coverage')
    args = ap.parse_args()
    WHERE = args.where.rstrip('/') + '/'

    pcs = pc_table(args.binary)
    locs = symbolize(args.binary, pcs, os.path.join(args.outdir,
                                                    'pc-lines.txt'))
    funcs = functions(pcs, locs)
    # Line 0: code the compiler attributes to no line
    allpcs = [x for fns in funcs.values() for fn in fns
              for x in fn['body'] if x.startswith(WHERE) and split(x)[1]]
    total = collections.Counter(split(x)[0] for x in set(allpcs))
    print(f'fuzz coverage: {len(set(allpcs))} lines of {WHERE} carry '
          f'{len(allpcs)} instrumented PCs')

    union, per = set(), {}
    for c in args.configs:
        lines = covered(os.path.join(args.outdir, c, 'coverage'), funcs)
        lines = {x for x in lines if x.startswith(WHERE) and split(x)[1]}
        per[c] = collections.Counter(split(x)[0] for x in lines)
        union |= lines
        n = len(lines)
        print(f'fuzz coverage: {c}: {n}/{len(set(allpcs))} lines '
              f'({100.0 * n / len(set(allpcs)):.1f} %)')
    cov = collections.Counter(split(x)[0] for x in union)
    n, d = len(union), len(set(allpcs))
    print('fuzz coverage: lines covered, by file and configuration:')
    legend = [f'{i + 1} {c}' for i, c in enumerate(args.configs)]
    line = ' '
    for item in legend:
        if len(line) + len(item) > 76:
            print(line)
            line = ' '
        line += ' ' + item
    print(line)
    print(f'  {"":23}' + ''.join(f'{i + 1:>4}' for i in
                                 range(len(args.configs))) +
          '  union/lines')
    for fname in sorted(total):
        print(f'  {fname[len(WHERE):]:23}' +
              ''.join(f'{per[c][fname]:4}' for c in args.configs) +
              f' {cov[fname]:4}/{total[fname]:<4}'
              f' {100.0 * cov[fname] / total[fname]:5.1f} %')
    print(f'fuzz coverage: union: {n}/{d} lines ({100.0 * n / d:.1f} %)')
    if args.uncovered:
        write_uncovered(args.uncovered, args.configs, funcs,
                        set(allpcs) - union)
        print(f'fuzz coverage: uncovered lines in {args.uncovered}')


def write_uncovered(path, configs, funcs, missing):
    """By file, then function: the lines none of CONFIGS ran"""
    byfile = collections.defaultdict(dict)
    for fns in funcs.values():
        for fn in fns:
            for x in fn['body']:
                if x in missing:
                    f, line = split(x)
                    byfile[f].setdefault(id(fn), (fn, set()))[1].add(line)
    with open(path, 'w') as out:
        out.write(f'# Lines of {WHERE} with an instrumented PC that no '
                  'configuration ran, by function ("never entered": no '
                  'input called it): ' + ' '.join(configs) + '\n')
        for fname in sorted(byfile):
            out.write(fname + '\n')
            for fn, lines in sorted(byfile[fname].values(),
                                    key=lambda t: min(t[1])):
                out.write(f'  {fn["name"]}'
                          f'{"" if fn["entered"] else " (never entered)"}:')
                for a, b in ranges(lines):
                    out.write(f' {a}' if a == b else f' {a}-{b}')
                out.write('\n')

main()
