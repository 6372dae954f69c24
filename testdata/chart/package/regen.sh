#!/usr/bin/env bash
# Regenerates testdata/chart/package/*.members, the expected `helm package` archive of each
# listed test chart (member names, sizes, SHA-256, Chart.yaml/Chart.lock text, and the hash of
# the whole uncompressed tar), with Go's archive/tar and the oracle's chart loader (never
# with capstan). Needs Debian's Go and the oracle sources (../shared/oracle, or ORACLE_SRC).
# usage: testdata/chart/package/regen.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
charts="$here/../../charts"
oracle=${ORACLE_SRC:-$(cd "$here/../../../.." && pwd)/shared/oracle}
[ -d "$oracle/chart" ] || oracle=/work/shared/oracle
gp=$(mktemp -d)
trap 'rm -rf "$gp"' EXIT
mkdir -p "$gp/src/github.com/Masterminds/semver" "$gp/src/package-gen"
ln -s /usr/share/gocode/src/github.com/Masterminds/semver "$gp/src/github.com/Masterminds/semver/v3"
ln -s "$oracle" "$gp/src/helmoracle"
cp "$here/gen/main.go" "$gp/src/package-gen/"
(cd "$gp/src/package-gen" && GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS= \
  GOCACHE="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-$gp}/.cache}/go-build}" go build -o "$gp/package-gen" .)
cases=(packaging demo umbrella deps with-archive legacy-v1 hooks)
"$gp/package-gen" "$here" "${cases[@]/#/$charts/}"
echo "wrote ${#cases[@]} package goldens"
