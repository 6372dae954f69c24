#!/bin/bash
# Regenerates the Go-made expectations under testdata/repo/ (*.want) from Go 1.19's
# encoding/json, sigs.k8s.io/yaml and Masterminds/semver (Debian packages under
# /usr/share/gocode) and the oracle's chart model (../shared/oracle/chart: Helm's Metadata,
# its JSON tags, Validate and the archive loader). repooracle replays Helm's loadIndex,
# IndexDirectory + `repo index --merge`, and resolver.HashReq over the inputs; it never runs
# capstan. Inputs: index/load/*.yaml|json, index/generate/*.args, lock/*.yaml, packages/.
# usage: testdata/repo/gen/generate.sh   (run testdata/repo/make-packages.py first)
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
data=$(dirname "$here")
oracle=$(cd "$here/../../../../shared/oracle" 2>/dev/null && pwd || echo /work/shared/oracle)
gp=$(mktemp -d)
trap 'rm -rf "$gp"' EXIT
mkdir -p "$gp/src/github.com/Masterminds/semver"
ln -s /usr/share/gocode/src/github.com/Masterminds/semver "$gp/src/github.com/Masterminds/semver/v3"
ln -s "$oracle" "$gp/src/helmoracle"
ln -s "$here/repooracle" "$gp/src/repooracle"
export GO111MODULE=off GOPATH="$gp:/usr/share/gocode" GOFLAGS=
export GOCACHE="${GOCACHE:-${XDG_CACHE_HOME:-${HOME:-$gp}/.cache}/go-build}"
(cd "$gp/src/repooracle" && go run . "$data")
