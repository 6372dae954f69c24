#!/usr/bin/env bash
# The exam: every chart of some public chart collections rendered with its default values by
# the Helm oracle and by capstan (`template --deterministic`), stdout compared byte for byte.
# The charts are never committed: fetch the repositories elsewhere (e.g. under /tmp) and pass
# their chart collections (directories whose children are charts).
#
#   usage: testdata/chart/exam/run_exam.sh OUT_DIR COLLECTION_DIR...
#   e.g.   run_exam.sh /tmp/exam/out /tmp/exam/bitnami+charts/bitnami \
#              /tmp/exam/prometheus-community+helm-charts/charts /tmp/exam/grafana+helm-charts/charts \
#              /tmp/exam/helm+charts/stable /tmp/exam/helm+charts/incubator
#
# Environment: CAPSTAN (default build/capstan of this checkout), HELM_ORACLE (default
# /tmp/helm-oracle/helm-oracle), EXAM_TIMEOUT seconds per render (default 300), EXAM_FILTER (a
# grep -E pattern on "collection/chart" to run a subset).
#
# Writes OUT_DIR/work/ (the wired charts, see wire_deps.py), OUT_DIR/results/<collection>/<chart>.
# {oracle,capstan}.{out,err} and .diff, and OUT_DIR/summary.tsv (chart, outcome, detail), and
# prints the counts. Outcomes:
#   identical        both rendered, stdout byte-identical
#   different        both rendered, stdout differs (see .diff)
#   capstan-failed   the oracle rendered, capstan failed
#   capstan-only     capstan rendered, the oracle failed
#   both-failed      neither rendered (detail: same-error or different-error)
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../../.." && pwd)
capstan=${CAPSTAN:-$root/build/capstan}
oracle=${HELM_ORACLE:-/tmp/helm-oracle/helm-oracle}
limit=${EXAM_TIMEOUT:-300}
if [ $# -lt 2 ]; then
  sed -n '2,25p' "${BASH_SOURCE[0]}" >&2
  exit 2
fi
for tool in "$capstan" "$oracle"; do
  [ -x "$tool" ] || { echo "run_exam.sh: $tool is not executable" >&2; exit 2; }
done
out=$1
shift
mkdir -p "$out/work" "$out/results"
export CAPSTAN_HOME="$out/home"
unset HELM_ORACLE_WARN HELM_ORACLE_DETERMINISTIC HELM_ORACLE_DEFAULT_KUBE_VERSION

python3 "$here/wire_deps.py" "$out/work" "$@" > "$out/wired.tsv" || exit 2
: > "$out/summary.tsv"
while IFS=$'\t' read -r name path missing; do
  if [ -n "${EXAM_FILTER:-}" ] && ! grep -qE "$EXAM_FILTER" <<< "$name"; then
    continue
  fi
  res="$out/results/$name"
  mkdir -p "$(dirname "$res")"
  timeout "$limit" "$oracle" template "$path" --deterministic > "$res.oracle.out" 2> "$res.oracle.err"
  ostatus=$?
  timeout "$limit" "$capstan" template "$path" --deterministic > "$res.capstan.out" 2> "$res.capstan.err"
  cstatus=$?
  detail=""
  if [ $ostatus -eq 0 ] && [ $cstatus -eq 0 ]; then
    if cmp -s "$res.oracle.out" "$res.capstan.out"; then
      outcome=identical
      rm -f "$res.diff"
    else
      outcome=different
      diff -u "$res.oracle.out" "$res.capstan.out" > "$res.diff"
      detail=$(grep -m1 -E '^[-+][^-+]' "$res.diff" | cut -c1-160)
    fi
  elif [ $ostatus -eq 0 ]; then
    outcome=capstan-failed
    detail=$(grep -m1 '^Error' "$res.capstan.err" | cut -c1-200)
  elif [ $cstatus -eq 0 ]; then
    outcome=capstan-only
    detail=$(grep -m1 '^Error' "$res.oracle.err" | cut -c1-200)
  else
    outcome=both-failed
    if diff -q <(grep '^Error' "$res.oracle.err") <(grep '^Error' "$res.capstan.err") > /dev/null; then
      detail="same-error: $(grep -m1 '^Error' "$res.oracle.err" | cut -c1-160)"
    else
      detail="different-error: $(grep -m1 '^Error' "$res.oracle.err" | cut -c1-100) | $(grep -m1 '^Error' "$res.capstan.err" | cut -c1-100)"
    fi
  fi
  [ -n "$missing" ] && detail="$detail (unresolved dependencies: $missing)"
  printf '%s\t%s\t%s\n' "$name" "$outcome" "$detail" | tee -a "$out/summary.tsv"
done < "$out/wired.tsv"

total=$(wc -l < "$out/summary.tsv")
rendered=$(awk -F'\t' '$2=="identical"||$2=="different"||$2=="capstan-failed"' "$out/summary.tsv" | wc -l)
identical=$(awk -F'\t' '$2=="identical"' "$out/summary.tsv" | wc -l)
echo "exam: $identical identical / $rendered rendered by the oracle / $total charts"
awk -F'\t' '{print $2}' "$out/summary.tsv" | sort | uniq -c
