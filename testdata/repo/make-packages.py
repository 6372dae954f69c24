#!/usr/bin/env python3
"""Packages the charts under testdata/repo/charts/ into testdata/repo/packages/ deterministically
(sorted entries, mtime 0, uid/gid 0, no gzip timestamp), as `helm package` lays them out: every
entry under a directory named after the chart. charts/sub/X becomes packages/sub/X.tgz (Helm's
`repo index` also indexes one directory level down). notachart-1.0.0.tgz is a valid archive
without a Chart.yaml, which indexing must skip.
usage: testdata/repo/make-packages.py"""
import gzip, io, os, re, tarfile

here = os.path.dirname(os.path.abspath(__file__))
src = os.path.join(here, "charts")
dst = os.path.join(here, "packages")


def tgz(path, entries):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 0
            info.mode = 0o644
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as gz:
            gz.write(raw.getvalue())


def package(chart_dir, out_path):
    with open(os.path.join(chart_dir, "Chart.yaml")) as f:
        name = re.search(r"^name: *(\S+)", f.read(), re.M).group(1)
    entries = []
    for root, dirs, files in os.walk(chart_dir):
        dirs.sort()
        for f in sorted(files):
            rel = os.path.relpath(os.path.join(root, f), chart_dir)
            with open(os.path.join(root, f), "rb") as fh:
                entries.append((name + "/" + rel, fh.read()))
    tgz(out_path, entries)


for entry in sorted(os.listdir(src)):
    path = os.path.join(src, entry)
    if os.path.isfile(os.path.join(path, "Chart.yaml")):
        package(path, os.path.join(dst, entry + ".tgz"))
    else:
        for inner in sorted(os.listdir(path)):
            package(os.path.join(path, inner), os.path.join(dst, entry, inner + ".tgz"))
tgz(os.path.join(dst, "notachart-1.0.0.tgz"), [("notachart/README.md", b"not a chart\n")])
