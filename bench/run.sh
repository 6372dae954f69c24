#!/usr/bin/env bash
# `capstan template` against the Helm oracle's `template`, whole process: CPU and wall time
# (means of `perf stat -r` runs) and peak memory, on bench/charts/gen_big_chart.py's chart (the
# speed goal of issue 3: at least 10x faster than the oracle, with less peak memory) and on
# any further charts given. Outputs are compared first: a benchmark of different work is void.
#
#   usage: bench/run.sh [--runs N] [--components N] [CHART_DIR...]
#
# Environment: CAPSTAN (default build/capstan: a Release build, as scripts/demo.sh makes),
# HELM_ORACLE (default /tmp/helm-oracle/helm-oracle; ../shared/oracle/build.sh builds it).
# Charts given on the command line render with --deterministic on both sides.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
capstan=${CAPSTAN:-$root/build/capstan}
oracle=${HELM_ORACLE:-/tmp/helm-oracle/helm-oracle}
runs=10
components=40
charts=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --components) components=$2; shift 2 ;;
    *) charts+=("$1"); shift ;;
  esac
done
for tool in "$capstan" "$oracle"; do
  [ -x "$tool" ] || { echo "bench/run.sh: $tool is not executable" >&2; exit 2; }
done
command -v perf >/dev/null || { echo "bench/run.sh: needs perf (Debian: linux-perf)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/charts/gen_big_chart.py" "$work" --components "$components" >/dev/null
charts=("$work/big" "${charts[@]}")

# "CPU_MS WALL_MS RSS_KIB": mean task-clock and elapsed time of `perf stat -r`, then the peak
# RSS of one /usr/bin/time run.
measure() {
  local out cpu wall rss
  out=$(perf stat -r "$runs" -e task-clock "$@" 2>&1 >/dev/null)
  cpu=$(awk '/task-clock/ {gsub(",", "", $1); print $1}' <<<"$out")
  wall=$(awk '/seconds time elapsed/ {print $1 * 1000}' <<<"$out")
  /usr/bin/time -o "$work/rss" -f '%M' "$@" >/dev/null 2>&1
  rss=$(tail -1 "$work/rss")
  echo "$cpu $wall $rss"
}

row() {
  awk -v n="$1" -v oc="$2" -v ow="$3" -v orss="$4" -v cc="$5" -v cw="$6" -v crss="$7" 'BEGIN {
    printf "%-28s %8.1f %8.1f %8.1f %8.1f %6.1fx %7.1f %7.1f\n", n, oc, ow, cc, cw, ow / cw,
           orss / 1024, crss / 1024 }'
}

printf '%-28s %8s %8s %8s %8s %7s %7s %7s\n' chart o_cpu o_wall c_cpu c_wall ratio o_MiB c_MiB
for chart in "${charts[@]}"; do
  name=$(basename "$chart")
  det=()
  [ "$chart" = "$work/big" ] || det=(--deterministic)
  if ! "$oracle" template "$chart" "${det[@]}" >"$work/o.out" 2>"$work/o.err"; then
    echo "$name: the oracle fails ($(head -1 "$work/o.err")); skipped" >&2
    continue
  fi
  "$capstan" template release-name "$chart" "${det[@]}" >"$work/c.out" 2>"$work/c.err" || true
  if ! cmp -s "$work/o.out" "$work/c.out"; then
    echo "$name: outputs differ; skipped" >&2
    continue
  fi
  read -r o_cpu o_wall o_rss < <(measure "$oracle" template "$chart" "${det[@]}")
  read -r c_cpu c_wall c_rss < <(measure "$capstan" template release-name "$chart" "${det[@]}")
  row "$name" "$o_cpu" "$o_wall" "$o_rss" "$c_cpu" "$c_wall" "$c_rss"
done
echo "(ms: means of $runs runs, CPU (task-clock) and wall; ratio: oracle wall / capstan wall;"
echo " MiB: peak RSS of one run)"
