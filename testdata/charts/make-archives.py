#!/usr/bin/env python3
"""Builds the .tgz fixtures under testdata/charts/ deterministically (sorted entries, mtime 0,
uid/gid 0, no gzip timestamp): the demo chart packaged as Helm packages it, the same archive as
a subchart of with-archive/, and malformed archives for the loader's defences.
usage: testdata/charts/make-archives.py"""
import gzip, io, os, tarfile

here = os.path.dirname(os.path.abspath(__file__))

def tgz(path, entries):
    """entries: list of (name, bytes or None for a directory, type)"""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data, kind in entries:
            info = tarfile.TarInfo(name)
            info.mtime = 0
            info.mode = 0o755 if kind == tarfile.DIRTYPE else 0o644
            info.type = kind
            info.size = len(data) if data is not None and kind == tarfile.REGTYPE else 0
            tar.addfile(info, io.BytesIO(data) if info.size else None)
    with open(path, "wb") as out:
        with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0) as gz:
            gz.write(raw.getvalue())

def chart_entries(src, prefix):
    out = [(prefix, None, tarfile.DIRTYPE)]
    for root, dirs, files in os.walk(src):
        dirs.sort()
        rel = os.path.relpath(root, src)
        for d in dirs:
            out.append((os.path.normpath(os.path.join(prefix, rel, d)), None, tarfile.DIRTYPE))
        for f in sorted(files):
            with open(os.path.join(root, f), "rb") as fh:
                out.append((os.path.normpath(os.path.join(prefix, rel, f)), fh.read(), tarfile.REGTYPE))
    return out

demo = chart_entries(os.path.join(here, "demo"), "demo")
tgz(os.path.join(here, "packaged", "demo-1.0.1.tgz"), demo)
tgz(os.path.join(here, "with-archive", "charts", "demo-1.0.1.tgz"), demo)
chart_yaml = b"apiVersion: v2\nname: evil\nversion: 0.1.0\n"
bad = os.path.join(here, "packaged")
tgz(os.path.join(bad, "traversal.tgz"), [("evil/Chart.yaml", chart_yaml, tarfile.REGTYPE),
                                          ("evil/../../escape.yaml", b"x: 1\n", tarfile.REGTYPE)])
tgz(os.path.join(bad, "absolute.tgz"), [("evil/Chart.yaml", chart_yaml, tarfile.REGTYPE),
                                         ("evil//etc/passwd", b"root\n", tarfile.REGTYPE)])
tgz(os.path.join(bad, "chart-yaml-outside.tgz"), [("Chart.yaml", chart_yaml, tarfile.REGTYPE)])
tgz(os.path.join(bad, "empty.tgz"), [("evil", None, tarfile.DIRTYPE)])
tgz(os.path.join(bad, "big-file.tgz"), [("evil/Chart.yaml", chart_yaml, tarfile.REGTYPE),
                                         ("evil/big.bin", b"\0" * (5 * 1024 * 1024 + 1), tarfile.REGTYPE)])
tgz(os.path.join(bad, "total-bomb.tgz"), [("evil/Chart.yaml", chart_yaml, tarfile.REGTYPE)] +
    [("evil/zeros-%02d.bin" % i, b"\0" * (5 * 1024 * 1024), tarfile.REGTYPE) for i in range(21)])
tgz(os.path.join(bad, "drive.tgz"), [("evil/Chart.yaml", chart_yaml, tarfile.REGTYPE),
                                      ("evil/c:/x.yaml", b"x\n", tarfile.REGTYPE)])
with open(os.path.join(bad, "not-gzip.tgz"), "wb") as f:
    f.write(b"apiVersion: v2\nname: plain\n")
