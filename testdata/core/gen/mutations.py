#!/usr/bin/env python3
"""Writes testdata/core/yaml/mutations.tsv: broken variants of the documents in yaml/docs/
(a character inserted or deleted, a line re-indented, swapped, repeated or cut), made with a
fixed seed, for the differential test of YAML errors. generate.sh then fills in what Go says.
usage: testdata/core/gen/mutations.py [COUNT]"""
import glob, os, random, sys

here = os.path.dirname(os.path.abspath(__file__))
data = os.path.dirname(here)
seeds = [open(f, 'rb').read() for f in sorted(glob.glob(os.path.join(data, 'yaml', 'docs', '*.yaml')))]
INSERTS = [b' ', b'  ', b'\t', b':', b'-', b'- ', b'"', b"'", b'[', b']', b'{', b'}', b'#', b'&', b'*', b'!',
           b'|', b'>', b'\n', b'?', b',', b': ', b'%', b'@', b'`', b'\\', b'&a ', b'*a', b'---\n', b'...\n', b'<<: ']

def mutate(rng, b):
    lines = b.split(b'\n')
    k = rng.random()
    if k < 0.25:
        p = rng.randrange(len(b) + 1)
        return b[:p] + rng.choice(INSERTS) + b[p:]
    if k < 0.4:
        p = rng.randrange(len(b))
        return b[:p] + b[p + 1:]
    if k < 0.6:
        i = rng.randrange(len(lines))
        d = rng.choice([-2, -1, 1, 2])
        line = lines[i]
        lines[i] = b' ' * d + line if d > 0 else line[min(-d, len(line) - len(line.lstrip(b' '))):]
        return b'\n'.join(lines)
    if k < 0.7:
        i = rng.randrange(len(lines) - 1)
        lines[i], lines[i + 1] = lines[i + 1], lines[i]
        return b'\n'.join(lines)
    if k < 0.8:
        return b[:rng.randrange(len(b) + 1)]
    if k < 0.9:
        lines.insert(rng.randrange(len(lines)), lines[rng.randrange(len(lines))])
        return b'\n'.join(lines)
    p = rng.randrange(len(b) + 1)
    return b[:p] + rng.choice(INSERTS) + rng.choice(INSERTS) + b[p:]

def escape(b):
    # A leading '#' would make the line a comment of the table.
    return ''.join(chr(c) if 0x20 <= c < 0x7f and c != 0x5c and not (i == 0 and c == 0x23) else '\\x%02x' % c
                   for i, c in enumerate(b))

rng = random.Random(20250101)
count = int(sys.argv[1]) if len(sys.argv) > 1 else 1500
seen = set()
with open(os.path.join(data, 'yaml', 'mutations.tsv'), 'w') as out:
    out.write('# Mutated yaml/docs/*.yaml (gen/mutations.py); the column is sigs.k8s.io/yaml.Unmarshal\'s result\n')
    while len(seen) < count:
        case = escape(mutate(rng, rng.choice(seeds)))
        if case not in seen:
            seen.add(case)
            out.write(case + '\n')
