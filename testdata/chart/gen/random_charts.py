#!/usr/bin/env python3
"""Writes seeded random charts for differential tests of values coalescing, globals, subchart
scoping and --set: testdata/chart/random/NN/ (a chart with random values.yaml, up to two
subcharts, one of them with its own subchart, each template printing toJson .Values) plus
user.yaml, and testdata/chart/template/random-NN.args running `template` or `values` over it.
The expected output comes from the oracle (regen.sh), never from capstan. Go visits maps in
random order, so the runner compares the log lines of these cases as a set.
usage: testdata/chart/gen/random_charts.py [COUNT]"""
import json, os, random, shutil, sys

here = os.path.dirname(os.path.abspath(__file__))
testdata = os.path.dirname(os.path.dirname(here))
count = int(sys.argv[1]) if len(sys.argv) > 1 else 30
rnd = random.Random(20240601)
keys = ["a", "b", "c", "global", "sub", "other", "list", "x"]

def scalar():
    return rnd.choice([None, True, False, 1, 2.5, "s", "t", 0, "", 1000000, -3])

def value(depth):
    r = rnd.random()
    if depth > 3 or r < 0.45:
        return scalar()
    if r < 0.55:
        return [value(depth + 1) for _ in range(rnd.randint(0, 2))]
    return {rnd.choice(keys): value(depth + 1) for _ in range(rnd.randint(0, 3))}

def tree():
    return {rnd.choice(keys): value(0) for _ in range(rnd.randint(1, 4))}

def chart(d, name, kind):
    os.makedirs(os.path.join(d, "templates"))
    with open(os.path.join(d, "Chart.yaml"), "w") as f:
        f.write("apiVersion: v2\nname: %s\nversion: 0.1.0\n" % name)
    with open(os.path.join(d, "values.yaml"), "w") as f:
        f.write(json.dumps(tree()) + "\n")
    with open(os.path.join(d, "templates", "values.yaml"), "w") as f:
        f.write("kind: %s\ndata:\n  values: {{ toJson .Values | quote }}\n" % kind)

out = os.path.join(testdata, "chart", "random")
shutil.rmtree(out, ignore_errors=True)
cases = os.path.join(testdata, "chart", "template")
for old in os.listdir(cases):
    if old.startswith("random-"):
        os.remove(os.path.join(cases, old))
for i in range(count):
    case = os.path.join(out, "%02d" % i)
    chart(os.path.join(case, "top"), "top", "ConfigMap")
    for sub in rnd.sample(["sub", "other"], rnd.randint(0, 2)):
        sd = os.path.join(case, "top", "charts", sub)
        chart(sd, sub, "Secret")
        if rnd.random() < 0.5:
            chart(os.path.join(sd, "charts", "sub"), "sub", "Pod")
    with open(os.path.join(case, "user.yaml"), "w") as f:
        f.write(json.dumps(tree()) + "\n")
    sets = []
    for _ in range(rnd.randint(0, 3)):
        path = ".".join(rnd.choice(keys) for _ in range(rnd.randint(1, 3)))
        if rnd.random() < 0.2:
            path += "[%d]" % rnd.randint(0, 2)
        sets.append(path + "=" + rnd.choice(["1", "null", "true", "x", "{a,b}", "007", ""]))
    args = [rnd.choice(["template", "values"]), "chart/random/%02d/top" % i,
            "-f", "chart/random/%02d/user.yaml" % i]
    if sets:
        args += ["--set", ",".join(sets)]
    with open(os.path.join(cases, "random-%02d.args" % i), "w") as f:
        f.write("\n".join(args) + "\n")
print("wrote %d random cases" % count)
