#!/usr/bin/env python3
"""Regenerates the expected output of templating conformance cases with the Helm oracle.

Each case is testdata/templating/conformance/<group>/<name>.txt, a txtar-like file:

    -- template --
    {{ .Values.x | quote }}
    -- values.yaml --
    x: 1
    -- output --
    "1"

Sections: template (templates/case.yaml), values.yaml (optional), partials (optional,
templates/_helpers.tpl), file:PATH (optional, a chart file for .Files), flags (optional, oracle
flags such as --deterministic, which the runner maps to EngineOptions), then the expected
`output`, or `error` (the message after "Error: ") when rendering fails. A marker ending in
"(no newline at end) --" means the section's text has no final newline.

The case is written into a temporary chart named `conformance` (version 0.1.0) and rendered
with `helm-oracle render`; the output/error section is rewritten. Tests never run this.

Usage: testdata/templating/regen.py [ORACLE] [CASE-OR-DIR...]
ORACLE defaults to $HELM_ORACLE or /tmp/helm-oracle/helm-oracle.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(ROOT, "conformance")
MARKER = re.compile(r"^-- (.+?)( \(no newline at end\))? --$")
NONL = " (no newline at end)"


def parse(text):
    sections = []  # (name, content)
    name, lines, nonl = None, [], False
    for line in text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"):
        m = MARKER.match(line)
        if m:
            if name is not None:
                sections.append((name, "".join(l + "\n" for l in lines), nonl))
            name, lines, nonl = m.group(1), [], bool(m.group(2))
        else:
            lines.append(line)
    if name is not None:
        sections.append((name, "".join(l + "\n" for l in lines), nonl))
    out = []
    for name, content, nonl in sections:
        if nonl and content.endswith("\n"):
            content = content[:-1]
        out.append((name, content))
    return out


def format_sections(sections):
    text = ""
    for name, content in sections:
        if content and not content.endswith("\n"):
            text += "-- %s%s --\n%s\n" % (name, NONL, content)
        elif not content:
            text += "-- %s%s --\n" % (name, NONL) if name in ("output", "error") else "-- %s --\n" % name
        else:
            text += "-- %s --\n%s" % (name, content)
    return text


def render(oracle, sections):
    with tempfile.TemporaryDirectory() as tmp:
        chart = os.path.join(tmp, "conformance")
        os.makedirs(os.path.join(chart, "templates"))
        with open(os.path.join(chart, "Chart.yaml"), "w") as f:
            f.write("apiVersion: v2\nname: conformance\nversion: 0.1.0\n")
        for name, content in sections:
            path = None
            if name == "template":
                path = "templates/case.yaml"
            elif name == "values.yaml":
                path = "values.yaml"
            elif name == "partials":
                path = "templates/_helpers.tpl"
            elif name.startswith("file:"):
                path = name[len("file:"):]
            if path:
                full = os.path.join(chart, path)
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "w") as f:
                    f.write(content)
        flags = []
        for name, content in sections:
            if name == "flags":
                flags += content.split()
        env = dict(os.environ, HELM_ORACLE_WARN="0")
        p = subprocess.run([oracle, "render", chart] + flags, capture_output=True, text=True, env=env)
        if p.returncode == 0:
            return "output", json.loads(p.stdout)["conformance/templates/case.yaml"]
        err = p.stderr
        if err.startswith("Error: "):
            err = err[len("Error: "):]
        if err.endswith("\n"):
            err = err[:-1]
        return "error", err


def main(argv):
    oracle = os.environ.get("HELM_ORACLE", "/tmp/helm-oracle/helm-oracle")
    if argv and os.path.isfile(argv[0]) and os.access(argv[0], os.X_OK) and not argv[0].endswith(".txt"):
        oracle, argv = argv[0], argv[1:]
    targets = argv or [CASES]
    files = []
    for t in targets:
        if os.path.isdir(t):
            for dirpath, _, names in os.walk(t):
                files += [os.path.join(dirpath, n) for n in names if n.endswith(".txt")]
        else:
            files.append(t)
    changed = 0
    for path in sorted(files):
        with open(path) as f:
            text = f.read()
        sections = [s for s in parse(text) if s[0] not in ("output", "error")]
        kind, result = render(oracle, sections)
        new = format_sections(sections + [(kind, result)])
        if new != text:
            with open(path, "w") as f:
                f.write(new)
            changed += 1
    print("%d cases, %d rewritten" % (len(files), changed))


if __name__ == "__main__":
    main(sys.argv[1:])
