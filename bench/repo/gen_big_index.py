#!/usr/bin/env python3
"""Writes a chart repository index.yaml shaped like Bitnami's (about 26 MB: 144 charts, 15,000+
versions with annotations, multi-line image lists, dependencies, maintainers, keywords), the
size behind akuity/kargo#7034's ~300 MiB Helm heap figure. Deterministic: same bytes every run.

    bench/repo/gen_big_index.py OUT.yaml [TARGET_BYTES]
"""
import hashlib
import random
import sys

WORDS = ("apache airflow workflow dag kafka stream redis cache postgres database mysql mariadb "
         "nginx proxy ingress grafana metrics prometheus monitoring elastic search logging mongodb "
         "rabbitmq queue spark analytics jenkins ci keycloak identity vault secrets minio storage "
         "etcd consul zookeeper cassandra memcached wordpress cms ghost drupal moodle").split()
CATEGORIES = ["Database", "Infrastructure", "Analytics", "DeveloperTools", "CMS", "WorkFlow",
              "Networking", "Monitoring", "E-Learning", "Security"]
DEPS = ["common", "redis", "postgresql", "mariadb", "mongodb", "kafka", "zookeeper", "memcached"]


def main():
    out_path = sys.argv[1]
    target = int(sys.argv[2]) if len(sys.argv) > 2 else 26 * 1024 * 1024
    rng = random.Random(7034)
    charts = sorted({"%s%s" % (rng.choice(WORDS), "" if i < 40 else "-" + rng.choice(WORDS))
                     for i in range(400)})[:144]
    per_chart = max(1, target // (len(charts) * 1750))
    lines = ["apiVersion: v1", "entries:"]
    for name in charts:
        lines.append("  %s:" % name)
        major = rng.randint(5, 25)
        minor, patch = 0, 0
        versions = []
        for _ in range(per_chart):
            versions.append((major, minor, patch))
            patch += 1
            if rng.random() < 0.2:
                minor, patch = minor + 1, 0
            if rng.random() < 0.03:
                major, minor, patch = major + 1, 0, 0
        for (ma, mi, pa) in reversed(versions):
            version = "%d.%d.%d" % (ma, mi, pa)
            app = "%d.%d.%d" % (rng.randint(1, 9), rng.randint(0, 30), rng.randint(0, 20))
            lines.append("  - annotations:")
            lines.append("      category: %s" % rng.choice(CATEGORIES))
            lines.append("      images: |")
            for img in [name] + rng.sample(WORDS, rng.randint(1, 4)):
                lines.append("        - name: %s" % img)
                lines.append("          image: docker.io/bitnami/%s:%s-debian-12-r%d" % (img, app, rng.randint(0, 40)))
            lines.append("      licenses: Apache-2.0")
            lines.append("    apiVersion: v2")
            lines.append("    appVersion: %s" % app)
            lines.append('    created: "2024-%02d-%02dT%02d:%02d:%02d.%09d+00:00"' % (
                rng.randint(1, 12), rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59),
                rng.randint(0, 59), rng.randint(0, 999999999)))
            lines.append("    dependencies:")
            for dep in rng.sample(DEPS[1:], rng.randint(0, 3)):
                lines.append("    - condition: %s.enabled" % dep)
                lines.append("      name: %s" % dep)
                lines.append("      repository: oci://registry-1.docker.io/bitnamicharts")
                lines.append("      version: %d.x.x" % rng.randint(10, 20))
            lines.append("    - name: common")
            lines.append("      repository: oci://registry-1.docker.io/bitnamicharts")
            lines.append("      tags:")
            lines.append("      - bitnami-common")
            lines.append("      version: 2.x.x")
            desc = " ".join(rng.choice(WORDS) for _ in range(rng.randint(15, 35)))
            lines.append("    description: %s %s." % (name.capitalize(), desc))
            lines.append("    digest: %s" % hashlib.sha256(("%s-%s" % (name, version)).encode()).hexdigest())
            lines.append("    home: https://bitnami.com")
            lines.append("    icon: https://bitnami.com/assets/stacks/%s/img/%s-stack-220x234.png" % (name, name))
            lines.append("    keywords:")
            for kw in rng.sample(WORDS, rng.randint(2, 6)):
                lines.append("    - %s" % kw)
            lines.append("    maintainers:")
            lines.append("    - name: Broadcom, Inc. All Rights Reserved.")
            lines.append("      url: https://github.com/bitnami/charts")
            lines.append("    name: %s" % name)
            lines.append("    sources:")
            lines.append("    - https://github.com/bitnami/charts/tree/main/bitnami/%s" % name)
            lines.append("    urls:")
            lines.append("    - https://charts.bitnami.com/bitnami/%s-%s.tgz" % (name, version))
            lines.append("    version: %s" % version)
    lines.append('generated: "2024-05-08T10:20:00.123456789Z"')
    with open(out_path, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
