#!/usr/bin/env bash
# Regenerates the expected output of every case under testdata/chart/template/ with the Helm
# oracle (never with capstan): for NAME.args (one argument per line, run from testdata/), the
# oracle's stdout goes to NAME.stdout and its stderr (Helm's log lines, "Error: ...") to
# NAME.stderr.
#   usage: testdata/chart/regen.sh        (HELM_ORACLE overrides /tmp/helm-oracle/helm-oracle,
#                                           built by ../shared/oracle/build.sh)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
oracle=${HELM_ORACLE:-/tmp/helm-oracle/helm-oracle}
if [ ! -x "$oracle" ]; then
  echo "regen.sh: no oracle at $oracle (build it with shared/oracle/build.sh)" >&2
  exit 1
fi
unset HELM_ORACLE_WARN HELM_ORACLE_DETERMINISTIC HELM_ORACLE_DEFAULT_KUBE_VERSION
cd "$here/.."
for args in chart/template/*.args; do
  mapfile -t argv < "$args"
  base=${args%.args}
  "$oracle" "${argv[@]}" > "$base.stdout" 2> "$base.stderr" || true
done
echo "regenerated $(ls chart/template/*.args | wc -l) cases"
