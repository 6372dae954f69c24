#!/usr/bin/env python3
"""Copies public charts into a work tree and wires their dependencies the way `helm dependency
build` would, but offline: every dependency named in Chart.yaml (or requirements.yaml for
apiVersion v1) that is not already under charts/ is copied there from the given collections,
recursively (a copied dependency gets its own dependencies wired too).

A collection is a directory whose children are charts (bitnami/charts' bitnami/,
prometheus-community/helm-charts' charts/, helm/charts' stable/ ...). A dependency is looked up
by name: `file://` paths first, then the collection its repository URL points at, then the
chart's own collection, then every other collection in the order given. Versions are not
checked here (helm template does not check them either); a dependency found nowhere stays
missing, and both renderers must then fail the same way.

usage: wire_deps.py WORK_DIR COLLECTION_DIR...
Prints one line per chart: `<collection>/<chart>\t<wired path>\t<missing deps, comma-separated>`.
"""
import os
import shutil
import sys

import yaml

# Repository URL fragments -> the collection directory name that serves them.
URL_HINTS = [
    ("bitnami", "bitnami"),
    ("kubernetes-charts-incubator", "incubator"),
    ("charts.helm.sh/incubator", "incubator"),
    ("kubernetes-charts.storage.googleapis.com", "stable"),
    ("charts.helm.sh/stable", "stable"),
    ("alias:stable", "stable"),
    ("prometheus-community", "prometheus-community"),
    ("grafana.github.io", "grafana"),
]

MAX_DEPTH = 6


def read_yaml(path):
    try:
        with open(path, "rb") as fh:
            doc = yaml.safe_load(fh)
        return doc if isinstance(doc, dict) else {}
    except (OSError, yaml.YAMLError):
        return {}


def dependencies(chart_dir):
    meta = read_yaml(os.path.join(chart_dir, "Chart.yaml"))
    deps = meta.get("dependencies")
    if meta.get("apiVersion", "v1") == "v1" or not deps:
        req = read_yaml(os.path.join(chart_dir, "requirements.yaml"))
        deps = deps or req.get("dependencies")
    return [d for d in (deps or []) if isinstance(d, dict) and isinstance(d.get("name"), str)]


def present(chart_dir, name):
    """Whether charts/ already holds a chart named `name` (a directory or an archive)."""
    charts = os.path.join(chart_dir, "charts")
    if not os.path.isdir(charts):
        return False
    for entry in os.listdir(charts):
        path = os.path.join(charts, entry)
        if os.path.isdir(path):
            if read_yaml(os.path.join(path, "Chart.yaml")).get("name") == name:
                return True
        elif entry.endswith(".tgz") and entry.startswith(name + "-"):
            return True
    return False


class Collections:
    def __init__(self, dirs):
        self.dirs = []  # (label, path)
        for d in dirs:
            d = os.path.abspath(d)
            label = os.path.basename(d.rstrip("/"))
            parent = os.path.basename(os.path.dirname(d))
            if label == "charts":  # prometheus-community+helm-charts/charts
                label = parent.split("+")[0]
            self.dirs.append((label, d))

    def find(self, name, repository, own_label):
        order = []
        for hint, label in URL_HINTS:
            if hint in (repository or ""):
                order += [c for c in self.dirs if c[0] == label]
        order += [c for c in self.dirs if c[0] == own_label]
        order += self.dirs
        for _, path in order:
            candidate = os.path.join(path, name)
            if os.path.isfile(os.path.join(candidate, "Chart.yaml")):
                return candidate
        return None

    def charts(self):
        for label, path in self.dirs:
            for name in sorted(os.listdir(path)):
                if os.path.isfile(os.path.join(path, name, "Chart.yaml")):
                    yield label, name, os.path.join(path, name)


def wire(chart_dir, source_dir, collections, label, depth, missing):
    if depth > MAX_DEPTH:
        return
    for dep in dependencies(chart_dir):
        name, repo = dep["name"], str(dep.get("repository") or "")
        if present(chart_dir, name):
            continue
        src = None
        if repo.startswith("file://"):
            rel = os.path.normpath(os.path.join(source_dir, repo[len("file://"):]))
            if os.path.isfile(os.path.join(rel, "Chart.yaml")):
                src = rel
        if src is None:
            src = collections.find(name, repo, label)
        if src is None:
            missing.append(name)
            continue
        dest = os.path.join(chart_dir, "charts", name)
        os.makedirs(os.path.join(chart_dir, "charts"), exist_ok=True)
        shutil.copytree(src, dest, symlinks=True)
        wire(dest, src, collections, label, depth + 1, missing)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    work = os.path.abspath(sys.argv[1])
    collections = Collections(sys.argv[2:])
    for label, name, src in collections.charts():
        dest = os.path.join(work, label, name)
        if os.path.exists(dest):
            shutil.rmtree(dest)
        shutil.copytree(src, dest, symlinks=True)
        missing = []
        wire(dest, src, collections, label, 0, missing)
        print(f"{label}/{name}\t{dest}\t{','.join(missing)}")


if __name__ == "__main__":
    main()
